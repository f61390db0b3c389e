"""The general shapes of Dutch policy plans and P&C documents, beyond one template's goal lists.

Why: municipalities write their plans in a few recurring shapes, not in one template. A
programmabegroting or jaarverslag names its programme ("Programma: 2 Openbare orde en
veiligheid", "Programma 5: Bestuur") and numbers its goals and activities after it (5.1, 5.2 …,
1.1.1 with its activities 1.1.1.1 …), in lists, headings or table rows; a sector plan names
its priorities in headings ("Prioriteit 2: Zorg en veiligheid") or announces a counted list of them
("Het programma kent zeven pijlers;"); a report prints its performances after a label
("Prestatie: …"). This module reads those shapes (rules in `rules/plans.toml`); `plans.find_plan`
calls it. Nothing here knows a theme's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.semantics.plan_rows import numbered_rows
from raadsstukken.extractors.structure.headings import clean_heading
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.tables.detect import Table
from raadsstukken.extractors.text.normalize import heading_key, heading_label, strip_bullets

if TYPE_CHECKING:
    from raadsstukken.extractors.semantics.plans import Goal, PlanRules, Theme

NUMBER = re.compile(r"(?<![\w.,-])(\d{1,2}(?:\.\d{1,2}){1,4})\.?\s+(?=[A-ZÀ-Ý‘'\"(])")
"""A dotted outline number before the text it numbers ("5.1 Goed bestuur", "1.1.1.2 Werven …")."""
EMPTY_CELLS = re.compile(r"(?:\s+[–—-](?=\s|$)){2,}")
"""A run of dashes printed for empty cells of an action table that was read as text."""
FIGURES = re.compile(r"(?:\s+[-–]?\d[\d.,]*%?){2,}\s*$")
"""A row's figures after its label, when a table was read as text."""
PROGRAMME_LABEL = re.compile(r"^\s*programma\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
LEAD_NUMBER = re.compile(r"^(?P<number>\d{1,2})\s+(?=\S)")
ACTION_LABEL = re.compile(r"^(?P<label>prestatie|actie|activiteit|maatregel|inspanning)\s*:\s*(?P<text>\S.*)$",
                          re.IGNORECASE | re.DOTALL)
SHORT_LINE = 20
"""Words a line may have to be read as a heading that the heading layer left in the text."""
PRONOUN = re.compile(r"^(?:we|wij|ik|u|zij|ze)\b", re.IGNORECASE)
ABSENT = re.compile(r"^(?:n\.?v\.?t\.?|nvt|geen|-|–)$", re.IGNORECASE)
PERCENT = re.compile(r"(?<![\w,.])(?P<value>\d{1,3}(?:,\d+)?\s?%)")
YEAR = re.compile(r"\b(?:in|per|vóór|voor|uiterlijk|eind|medio)\s+(?P<year>20\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Programme:
    """The programme a P&C document is about, as its label line prints it."""

    label: str
    number: tuple[int, ...] | None
    section: int
    page: int


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def theme_label(text: str, rules: PlanRules) -> tuple[str, str, tuple[int, ...]] | None:
    """'Prioriteit 2: Zorg en veiligheid' -> ('Zorg en veiligheid', 'prioriteit', (2,))."""
    m = rules.labelled_heading.match(heading_label(clean_heading(text)))
    if m is None:
        return None
    return m.group("label").strip(" .:"), m.group("word").casefold(), _number(m.group("number"))


def programme_line(sections: Sequence[Section], rules: PlanRules) -> Programme | None:
    """The value of a 'Programma: …' line (or heading): its label and number, if printed."""
    for section in sections:
        texts = [section.heading or ""] + [ln.text.strip() for b in section.body for ln in b.lines]
        for text in texts:
            m = PROGRAMME_LABEL.match(text)
            if m is None:
                continue
            value = m.group("value").strip()
            if not value[:1].isalnum():
                continue  # a form's checkbox row, not a programme's name
            labelled = theme_label(value, rules)
            if labelled is not None:
                return Programme(labelled[0], labelled[2], section.order, section.page_start)
            lead = LEAD_NUMBER.match(value)
            number = (int(lead.group("number")),) if lead else None
            label = value[lead.end():] if lead else value
            label = re.split(r"\s+\w+\s*:", label)[0].strip()  # a next label on the same line
            if label:
                return Programme(label, number, section.order, section.page_start)
    return None


def labelled_themes(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """Headings, or short lines set apart as paragraphs, that name a theme after a kind word and a
    number ('Prioriteit 1: …')."""
    from raadsstukken.extractors.semantics.plans import Theme, kind_of

    for section in sections:
        lines = [p.strip() for p in (section.text or "").split("\n\n")]
        candidates = [(section.heading or "", True)] + [(p, False) for p in lines
                                                         if 0 < len(p.split()) <= SHORT_LINE and p[-1] not in ".;"]
        for text, is_heading in candidates:
            found = theme_label(text, rules)
            if found is None:
                continue
            label, word, _ = found
            kind = kind_of(word, rules)
            theme = themes.setdefault(heading_key(label), Theme(label, kind[0] if kind else "other", section.page_start,
                                                                section.order, method="plans:labelled_heading",
                                                                kind_label=word))
            if is_heading:
                theme.section = section.order


def theme_on_path(path: Sequence[str], themes: dict[str, Theme], rules: PlanRules) -> Theme | None:
    """The theme a heading on the path names (the outermost one: a theme's chapter may have a
    subsection named like another theme)."""
    for heading in path:
        labelled = theme_label(heading, rules)
        key = heading_key(labelled[0]) if labelled else heading_key(heading)
        if key in themes:
            return themes[key]
    return None


def theme_of_list(sections: Sequence[Section], section: Section, themes: dict[str, Theme], rules: PlanRules,
                  programme: Programme | None) -> Theme | None:
    """The theme of a goal list in `section`: a theme a heading on its path names, else the deepest
    heading on its path that is not a structuring one ('Wat willen we bereiken?', 'Ontwikkelingen')
    nor a goal intro itself. In a document with a programme line, such a theme is a programme."""
    from raadsstukken.extractors.semantics.plans import Theme

    known = theme_on_path(section.heading_path, themes, rules)
    if known is not None:
        return known
    over = _heading_over(sections, section, rules)
    if over is not None:
        label = heading_label(clean_heading(over.heading or ""))
        kind, word = ("programma", "programma") if programme is not None else ("other", None)
        return themes.setdefault(heading_key(label), Theme(label, kind, over.page_start, over.order, kind_label=word))
    for depth in range(len(section.heading_path) - 1, -1, -1):
        heading = section.heading_path[depth]
        label = heading_label(clean_heading(heading)).strip(" :")
        if not label or rules.generic_heading.match(label) or any(p.search(heading.strip()) for p in rules.goal_intro):
            continue
        owner = _section_of_path(sections, section, depth)
        kind, word = ("programma", "programma") if programme is not None else ("other", None)
        return themes.setdefault(heading_key(label), Theme(label, kind, owner.page_start, owner.order, kind_label=word))
    return None


def _heading_over(sections: Sequence[Section], section: Section, rules: PlanRules) -> Section | None:
    """A heading with no text of its own set right before a structuring heading of the same level
    ("Klimaat en duurzame energie", then "Ontwikkelingen"): the heading over it, whatever level the
    heading layer gave them."""
    own = heading_label(clean_heading(section.heading or ""))
    if not own or not rules.generic_heading.match(own) or section.order == 0:
        return None
    before = sections[section.order - 1]
    label = heading_label(clean_heading(before.heading or ""))
    if (before.text or "").strip() or not label or rules.generic_heading.match(label) or before.level != section.level:
        return None
    return before


def _section_of_path(sections: Sequence[Section], section: Section, depth: int) -> Section:
    while section.parent is not None and len(section.heading_path) > depth + 1:
        section = sections[section.parent]
    return section


def programme_theme(sections: Sequence[Section], themes: dict[str, Theme], programme: Programme | None) -> None:
    """The programme of the label line is a theme when no programme theme was found otherwise."""
    from raadsstukken.extractors.semantics.plans import Theme

    if programme is None or themes:
        return
    theme = themes.setdefault(heading_key(programme.label), Theme(programme.label, "programma", programme.page,
                                                                  programme.section, method="plans:programme",
                                                                  kind_label="programma"))
    if theme.kind == "other":
        theme.kind, theme.kind_label = "programma", "programma"


def theme_list(section: Section, lines: Sequence[Line], intro: str, themes: dict[str, Theme], rules: PlanRules,
               vocabulary: Vocabulary | None) -> bool:
    """A counted list of themes after its intro ('… staan 3 ambities centraal:'): each item, as
    many as the count, is a theme named by its lead phrase. True when the intro was one."""
    from raadsstukken.extractors.semantics.plans import Theme, kind_of, read_items

    m = rules.theme_list_intro.search(intro.strip())
    if m is None or not rules.theme_list_subject.search(intro):
        return False
    count = m.group("count").casefold()
    expected = int(count) if count.isdigit() else rules.numbers.get(count)
    items = read_items(lines, vocabulary)
    if expected is None or len(items) != expected:
        return False
    word = m.group("word").casefold()
    kind = kind_of(word, rules)
    labels = [(_lead_phrase(text, rules), lead) for _, text, lead in items]
    if any(PRONOUN.match(label) for label, _ in labels):
        return False  # items that are sentences ("We versterken …") are goals, not names of themes
    for label, lead in labels:
        if label:
            themes.setdefault(heading_key(label), Theme(label, kind[0] if kind else "other", lead.page, section.order,
                                                        method="plans:theme_list", kind_label=_singular(word)))
    return True


def _lead_phrase(text: str, rules: PlanRules) -> str:
    text = re.split(r"\.\s+(?=[A-ZÀ-Ý])", text.strip())[0]
    if len(text.split()) > 8:
        m = rules.theme_label_end.search(text)
        if m:
            text = text[:m.start()]
    return text.strip(" .;:,")


def _singular(word: str) -> str:
    for plural, singular in (("'s", ""), ("’s", ""), ("ies", "ie"), ("en", ""), ("s", "")):
        if word.endswith(plural):
            return word[: -len(plural)] + singular
    return word


@dataclass
class _Entry:
    number: tuple[int, ...]
    text: str
    page: int
    section: int
    cells: dict[str, str] = field(default_factory=dict)
    """A table row's other cells by role (`status`, `owner`, `planning`)."""


def _entries(sections: Sequence[Section], tables: Sequence[Table], rules: PlanRules) -> list[_Entry]:
    """Every numbered item of the document: the rows of columns of outline numbers (read from the
    lines' boxes, `plan_rows`), the first cells of table rows (a wrapped cell's next row joined),
    then headings and paragraphs (split where a new number starts) in reading order."""
    roles = {k: v for k, v in rules.action_table.items() if k in ("status", "owner", "planning")}
    empty = rules.action_table["empty"]
    out: list[_Entry] = [_Entry(r.number, r.text, r.page, r.section,
                                {k: v for k, v in r.cells.items() if not empty.match(v)})
                         for r in numbered_rows(sections, roles)]
    out += _table_entries(tables)
    for section in sections:
        for text in [section.heading or ""] + (section.text or "").split("\n\n"):
            text = EMPTY_CELLS.sub("", strip_bullets(text.replace("•", " • ")))
            starts = list(NUMBER.finditer(text))
            for k, m in enumerate(starts):
                end = starts[k + 1].start() if k + 1 < len(starts) else len(text)
                body = FIGURES.sub("", text[m.end():end]).strip(" •\n")
                body = re.sub(r"\s+", " ", body)
                if body:
                    out.append(_Entry(_number(m.group(1)), body, section.page_start, section.order))
    return out


def _table_entries(tables: Sequence[Table]) -> list[_Entry]:
    out: list[_Entry] = []
    for table in tables:
        rows: dict[int, str] = {}
        for cell in table.cells:
            if cell.col == 0 and not cell.is_header:
                rows[cell.row] = cell.text or ""
        current: _Entry | None = None
        for _, text in sorted(rows.items()):
            m = NUMBER.match(text.strip())
            if m:
                current = _Entry(_number(m.group(1)), text.strip()[m.end():].strip(), table.page, -1)
                out.append(current)
            elif current is not None and text[:1].islower():
                current.text = f"{current.text} {text.strip()}"
            else:
                current = None
    return out


def numbered_outline(sections: Sequence[Section], tables: Sequence[Table], themes: dict[str, Theme],
                     programme: Programme | None, rules: PlanRules) -> None:
    """Goals and actions numbered after a numbered theme: under 'Programma 5', the items 5.1, 5.2 …
    with nothing numbered under them are goals; an item whose sub-items (1.1.1.1, 1.1.1.2) have
    none of their own is a goal with those as its actions."""
    from raadsstukken.extractors.semantics.plans import Action, Goal

    numbered: list[tuple[tuple[int, ...], Theme]] = []
    for theme in themes.values():
        section = sections[theme.section] if 0 <= theme.section < len(sections) else None
        found = theme_label(section.heading or "", rules) if section is not None else None
        if found is not None and heading_key(found[0]) == heading_key(theme.label):
            numbered.append((found[2], theme))
        elif programme is not None and programme.number and heading_key(programme.label) == heading_key(theme.label):
            numbered.append((programme.number, theme))
    if not numbered:
        return
    entries: dict[tuple[int, ...], _Entry] = {}
    for entry in _entries(sections, tables, rules):
        if not rules.generic_heading.match(entry.text):
            entries.setdefault(entry.number, entry)
    children: dict[tuple[int, ...], list[tuple[int, ...]]] = {}
    for number in entries:
        children.setdefault(number[:-1], []).append(number)
    for prefix, theme in numbered:
        known = {heading_key(g.text) for g in theme.goals}
        for number in sorted(entries):
            if number[:len(prefix)] != prefix or len(number) <= len(prefix):
                continue
            below = children.get(number, [])
            leaf = not below
            if leaf and number[:-1] == prefix or (below and all(not children.get(c) for c in below)):
                entry = entries[number]
                if heading_key(entry.text) in known:
                    continue
                section = entry.section if entry.section >= 0 else theme.section
                theme.goals.append(Goal(None, entry.text.rstrip(" ."), entry.page, section))
                goal = len(theme.goals) - 1
                for child in sorted(below):
                    sub = entries[child]
                    theme.actions.append(Action(sub.text, sub.page, sub.section if sub.section >= 0 else section, goal,
                                                status=sub.cells.get("status"), owner=sub.cells.get("owner"),
                                                planning=sub.cells.get("planning")))


def labelled_actions(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """Paragraphs a report opens with an action label ('Prestatie: …', 'Maatregel: …'): actions of
    the theme on their heading path ('n.v.t.' is no action). One that an action already read from
    an overview row states after its name takes that action's place (its goal and status kept)."""
    from raadsstukken.extractors.semantics.plans import Action

    for section in sections:
        theme = theme_on_path(section.heading_path, themes, rules) or _theme_before(section, themes)
        if theme is None:
            continue
        for block in section.body:
            m = ACTION_LABEL.match(block.text.strip())
            if m is None or ABSENT.match(m.group("text").strip(" .")):
                continue
            text = re.sub(r"\s+", " ", m.group("text")).strip()
            if any(a.text == text for a in theme.actions):
                continue
            named = next((a for a in theme.actions if _names(a.text, text)), None)
            if named is not None:  # the overview row that prints it after its name: one action
                named.text = text
                continue
            theme.actions.append(Action(text, block.page, section.order, None))


def _names(row: str, text: str) -> bool:
    """True when `row` is `text` after a name and a colon ("Keurmerk: Tien winkels …" and "Tien
    winkels …"): an overview table's row of the performance a paragraph states."""
    head, sep, tail = row.partition(":")
    return bool(sep) and 0 < len(head.split()) <= 6 and heading_key(tail) == heading_key(text)


def measure_goals(goals: Sequence[Goal]) -> None:
    """The target value and year a goal's wording gives ('in 2023 is 16% … opgewekt')."""
    for goal in goals:
        if goal.target is None:
            m = PERCENT.search(goal.text)
            goal.target = m.group("value").replace(" ", "") if m else None
        if goal.target_year is None:
            y = YEAR.search(goal.text)
            goal.target_year = int(y.group("year")) if y else None


def _theme_before(section: Section, themes: dict[str, Theme]) -> Theme | None:
    """The theme whose section comes last before this one in reading order."""
    before = [t for t in themes.values() if t.section <= section.order]
    return max(before, key=lambda t: t.section) if before else None


def goal_sections(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """A section that calls itself a goal ('Om deze doelstelling te bereiken …') under a theme: its
    heading is a goal; after a line announcing performances, its subsections (or numbered
    paragraphs) are the goal's actions."""
    from raadsstukken.extractors.semantics.plans import Action, Goal

    for section in sections:
        text = section.text or ""
        if not section.heading or not rules.goal_self_reference.search(text):
            continue
        theme = theme_on_path(section.heading_path[:-1], themes, rules) or _theme_before(section, themes)
        label = heading_label(clean_heading(section.heading))
        if theme is None or rules.generic_heading.match(label) or heading_key(label) == heading_key(theme.label):
            continue
        if any(heading_key(g.text) == heading_key(label) for g in theme.goals):
            continue
        theme.goals.append(Goal(None, label, section.page_start, section.order))
        goal = len(theme.goals) - 1
        intro = rules.action_intro.search(text)
        if intro is None:
            continue
        children = [c for c in sections if c.parent == section.order and c.heading]
        if children:
            for child in children:
                theme.actions.append(Action(heading_label(clean_heading(child.heading or "")), child.page_start,
                                            child.order, goal))
            continue
        for paragraph in text[intro.end():].split("\n\n"):
            m = NUMBER.match(paragraph.strip())
            if m:
                theme.actions.append(Action(paragraph.strip()[m.end():].strip(), section.page_start, section.order, goal))


def project_cards(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules,
                  vocabulary: Vocabulary | None) -> None:
    """A project card ('Status: G', 'Portefeuillehouder: …' under the project's heading): the
    project is a theme, the sentence saying what it is for its goal, its list items its actions
    with the card's status and owner."""
    from raadsstukken.extractors.semantics.plans import Action, Goal, Theme, read_items
    from raadsstukken.extractors.text.normalize import list_marker

    for section in sections:
        paragraphs = [p.strip() for p in (section.text or "").split("\n\n")]
        status = next((m.group("value").strip() for p in paragraphs if (m := rules.card_status.match(p))), None)
        owner = next((m.group("value").strip() for p in paragraphs if (m := rules.card_owner.match(p))), None)
        if status is None or owner is None or not section.heading:
            continue
        label = heading_label(clean_heading(section.heading))
        theme = themes.setdefault(heading_key(label), Theme(label, "other", section.page_start, section.order,
                                                            method="plans:project_card", kind_label="project"))
        for sentence in re.split(r"(?<=[.!?])\s+", " ".join(paragraphs)):
            if rules.card_goal.match(sentence):
                theme.goals.append(Goal(None, sentence.strip(), section.page_start, section.order))
                break
        lines = [ln for b in section.body for ln in b.lines]
        start = next((i for i, ln in enumerate(lines) if list_marker(ln.text.strip())), None)
        if start is None:
            continue
        goal = 0 if theme.goals else None
        for _, text, lead in read_items(lines[start:], vocabulary):
            theme.actions.append(Action(text, lead.page, section.order, goal, status=status, owner=owner))


def _section_at(sections: Sequence[Section], page: int, top: float) -> Section | None:
    """The last section whose heading stands before (page, top) in page order."""
    before = [s for s in sections if s.heading and (s.page_start < page or (
        s.page_start == page and s.bbox is not None and s.bbox.top <= top))]
    return before[-1] if before else None


def action_tables(sections: Sequence[Section], tables: Sequence[Table], themes: dict[str, Theme],
                  rules: PlanRules) -> None:
    """Tables of actions (a column 'Actie' and one of 'Status', 'Trekker', 'Planning'): each body
    row is an action of the theme and goal of the section the table stands in, with the row's
    status, owner and planning; a row whose number other rows extend is a goal of that theme."""
    from raadsstukken.extractors.semantics.plans import Action, Goal, _similar

    columns = rules.action_table
    for table in tables:
        header = {c.col: (c.text or "").strip() for c in table.cells if c.row < max(table.header_rows, 1)}
        role: dict[int, str] = {}
        for col, text in sorted(header.items()):
            for name in ("action", "status", "owner", "planning"):
                if name not in role.values() and columns[name].match(text):
                    role[col] = name
                    break
        if "action" not in role.values() or len(role) < 2:
            continue
        section = _section_at(sections, table.page, table.bbox.top)
        if section is None:
            continue
        theme = theme_on_path(section.heading_path, themes, rules) or _theme_before(section, themes)
        if theme is None:
            continue
        heading = heading_label(clean_heading(section.heading or ""))
        goal = next((k for k, g in enumerate(theme.goals) if _similar(g.text, heading) >= 0.8), None)
        if goal is None:  # the goal the same section states ("Het doel is …")
            goal = next((k for k in range(len(theme.goals) - 1, -1, -1) if theme.goals[k].section == section.order), None)
        rows: dict[int, dict[str, str | None]] = {}
        for cell in table.cells:
            if cell.row >= max(table.header_rows, 1) and cell.col in role:
                value = (cell.text or "").strip()
                rows.setdefault(cell.row, {})[role[cell.col]] = None if columns["empty"].match(value) else value
        numbered = {row: NUMBER.match(values.get("action") or "") for row, values in rows.items()}
        numbers = {_number(m.group(1)) for m in numbered.values() if m}
        for row, values in sorted(rows.items()):
            text = values.get("action")
            if not text:
                continue
            m = numbered[row]
            if m:
                text = text[m.end():].strip()
                number = _number(m.group(1))
                if any(n[:len(number)] == number and len(n) > len(number) for n in numbers):
                    theme.goals.append(Goal(None, text, table.page, section.order))
                    goal = len(theme.goals) - 1
                    continue
            known = next((a for a in theme.actions if _similar(a.text, text) >= 0.85), None)
            if known is None:
                known = Action(text, table.page, section.order, goal)
                theme.actions.append(known)
            known.status = known.status or values.get("status")
            known.owner = known.owner or values.get("owner")
            known.planning = known.planning or values.get("planning")
