"""Themes, goals and actions of a policy plan, read from its structure.

A plan lists its goals after a line that introduces them ("Hiermee streven we naar:",
"Onze speerpunten zijn:"); the chapter that list stands in is the goals' theme. Actions are the
bulleted items under a heading such as "Aanpak", "Acties" or "Wat we gaan doen"; their goal is the
goal whose wording the nearest heading above them repeats. A line such as "De vier
ontwikkelthema's zijn:" tells the kind of the themes named after it. The rules are in
`rules/plans.toml`; nothing here knows a theme's name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, join_running_text
from raadsstukken.extractors.structure.headings import clean_heading
from raadsstukken.extractors.text.memo import TextMemo
from raadsstukken.extractors.text.normalize import heading_key, heading_label, list_marker, marker_number
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.settings import SAME_SIZE
from raadsstukken.extractors.tables.detect import Table

GOAL_MATCH = 0.8
"""Similarity from which a heading repeats a goal's wording (an action's goal)."""


@dataclass
class Goal:
    number: int | None
    text: str
    page: int
    section: int
    variants: list[str] = field(default_factory=list)
    indicator: str | None = None
    baseline: str | None = None
    target: str | None = None
    target_year: int | None = None


@dataclass
class Action:
    text: str
    page: int
    section: int
    goal: int | None
    status: str | None = None
    owner: str | None = None
    planning: str | None = None


@dataclass
class Theme:
    label: str
    kind: str
    page: int
    section: int
    goals: list[Goal] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    method: str = "plans:goal_list"
    ambition: str | None = None
    kind_label: str | None = None
    """The plan's own word for the kind ("ontwikkelthema", "speerpunt", "Programma")."""


@dataclass(frozen=True)
class PlanRules:
    goal_intro: tuple[re.Pattern[str], ...]
    goal_enumeration: re.Pattern[str]
    action_heading: re.Pattern[str]
    kinds: dict[str, re.Pattern[str]]
    named_in_sentence: re.Pattern[str]
    ambition: tuple[re.Pattern[str], ...]
    labelled_heading: re.Pattern[str]
    theme_list_intro: re.Pattern[str]
    theme_label_end: re.Pattern[str]
    theme_list_subject: re.Pattern[str]
    goal_self_reference: re.Pattern[str]
    action_intro: re.Pattern[str]
    card_status: re.Pattern[str]
    card_owner: re.Pattern[str]
    card_goal: re.Pattern[str]
    generic_heading: re.Pattern[str]
    numbers: dict[str, int]
    action_table: dict[str, re.Pattern[str]]
    indicator_table: dict[str, re.Pattern[str]]


@lru_cache(maxsize=1)
def load_rules() -> PlanRules:
    data = read_rules("plans")
    return PlanRules(tuple(re.compile(p, re.IGNORECASE) for p in data["goal_intro"]),
                     re.compile(data["goal_enumeration"], re.IGNORECASE),
                     re.compile(data["action_heading"], re.IGNORECASE),
                     {k: re.compile(p, re.IGNORECASE) for k, p in data["kinds"].items()},
                     re.compile(data["named_in_sentence"], re.IGNORECASE),
                     tuple(re.compile(p) for p in data["ambition"]),
                     re.compile(data["labelled_heading"], re.IGNORECASE),
                     re.compile(data["theme_list_intro"], re.IGNORECASE),
                     re.compile(data["theme_label_end"], re.IGNORECASE),
                     re.compile(data["theme_list_subject"], re.IGNORECASE),
                     re.compile(data["goal_self_reference"], re.IGNORECASE),
                     re.compile(data["action_intro"], re.IGNORECASE),
                     re.compile(data["card_status"], re.IGNORECASE),
                     re.compile(data["card_owner"], re.IGNORECASE),
                     re.compile(data["card_goal"], re.IGNORECASE),
                     re.compile(data["generic_heading"], re.IGNORECASE),
                     {k: int(v) for k, v in data["numbers"].items()},
                     {k: re.compile(p, re.IGNORECASE) for k, p in data["action_table"].items()},
                     {k: re.compile(p, re.IGNORECASE) for k, p in data["indicator_table"].items()})


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold().rstrip(" .;:"), b.casefold().rstrip(" .;:")).ratio()


def _lines(section: Section) -> list[Line]:
    return [ln for b in section.body for ln in b.lines]


def read_items(lines: Sequence[Line], vocabulary: Vocabulary | None = None) -> list[tuple[int | None, str, Line]]:
    """List items at the start of `lines`: (number, text, first line). A line without a marker
    continues the item when it is indented past the marker or the item has not ended."""
    items: list[tuple[int | None, str, Line]] = []
    first_x = None
    for line in lines:
        text = line.text.strip()
        m = list_marker(text)
        if m:
            if first_x is not None and line.bbox.x0 > first_x + 8:
                continue  # a sub-item: the action is its lead line
            number = marker_number(m, 0) if m.group("num") else None
            if items and (abs(line.size - items[0][2].size) > SAME_SIZE
                          or (number is not None and items[-1][0] is not None and number <= items[-1][0])):
                break  # another list (a footnote, a new numbering) starts
            first_x = line.bbox.x0 if first_x is None else first_x
            items.append((number, text[m.end():].strip(), line))
            continue
        if not items:
            break
        number, previous, lead = items[-1]
        if abs(line.size - lead.size) > SAME_SIZE or line.bold != lead.bold or line.italic != lead.italic:
            break  # a pull quote or caption beside the list
        if line.bbox.x0 > lead.bbox.x0 + 3 or (previous and previous[-1] not in ".;:!?" and text[:1].islower()):
            items[-1] = (number, join_running_text(previous, text, vocabulary), lead)
            continue
        break
    return items


def find_plan(sections: Sequence[Section], vocabulary: Vocabulary | None = None,
              tables: Sequence[Table] = ()) -> list[Theme]:
    """The themes of one document with their goals and actions."""
    from raadsstukken.extractors.semantics import plan_shapes as shapes
    from raadsstukken.extractors.semantics.plan_indicators import indicator_tables

    rules = load_rules()
    themes: dict[str, Theme] = {}
    programme = shapes.programme_line(sections, rules)
    shapes.labelled_themes(sections, themes, rules)
    for section in sections:
        lines = _lines(section)
        at = 0
        intros = [(0, section.heading)] if section.heading else []
        for block in section.body:
            at += len(block.lines)
            intros.append((at, re.split(r"(?<=[.!?])\s+", block.text.strip())[-1]))
        for at, intro in intros:
            if not intro:
                continue
            if shapes.theme_list(section, lines[at:], intro, themes, rules, vocabulary):
                continue
            if not any(p.search(intro.strip()) for p in rules.goal_intro):
                continue
            items = read_items(lines[at:], vocabulary)
            if len(items) < 2 or not section.heading_path:
                continue
            theme = shapes.theme_of_list(sections, section, themes, rules, programme)
            if theme is None:
                continue
            for number, text, lead in items:
                theme.goals.append(Goal(number, text.rstrip(" ."), lead.page, section.order))
        for m in rules.goal_enumeration.finditer(section.text):
            theme = shapes.theme_of_list(sections, section, themes, rules, programme)
            if theme is None:
                continue
            for text in re.split(r",\s*|\s+en\s+(?=[^,]+$)", m.group("items")):
                if text.strip():
                    theme.goals.append(Goal(None, text.strip(), section.page_start, section.order))
    shapes.project_cards(sections, themes, rules, vocabulary)
    shapes.programme_theme(sections, themes, programme)
    shapes.goal_sections(sections, themes, rules)
    shapes.numbered_outline(sections, tables, themes, programme, rules)
    shapes.action_tables(sections, tables, themes, rules)
    shapes.labelled_actions(sections, themes, rules)
    indicator_tables(sections, tables, themes, rules)
    _overview_lists(sections, themes, vocabulary)
    _declared_themes(sections, themes, rules)
    _theme_grids(sections, themes, rules)
    _themes_named_in_sentences(sections, themes, rules)
    _kinds(sections, themes, rules)
    _ambitions(sections, themes, rules)
    _actions(sections, themes, rules, vocabulary)
    for theme in themes.values():
        shapes.measure_goals(theme.goals)
    return list(themes.values())


def kind_of(text: str, rules: PlanRules) -> tuple[str, str] | None:
    """The kind a text names and the plan's own word for it ("speerpunt"), or None (remembered per
    text: the plan passes ask it of the same headings and lines, 3,600 times for 1,400 texts over
    the dev corpus)."""
    return _KIND_MEMO(_kind_of, text, rules)


_KIND_MEMO: TextMemo[tuple[str, str] | None] = TextMemo()


def _kind_of(text: str, rules: PlanRules) -> tuple[str, str] | None:
    for kind, pattern in rules.kinds.items():
        m = pattern.search(text)
        if m:
            return kind, m.group("word").casefold()
    return None


def _set_kind(theme: Theme, found: tuple[str, str]) -> None:
    if theme.kind == "other" and theme.kind_label is None:
        theme.kind, theme.kind_label = found


def _declared_themes(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """Themes a plan declares by kind: under a chapter named for a kind ("Veiligheidsfundament"),
    each section one level down is a theme of that kind; in a section named for a kind, a short
    line that is the name of a chapter elsewhere makes that chapter a theme of that kind."""
    chapters = {heading_label(s.heading): s for s in sections if s.heading and s.level == 1}
    for section in sections:
        found = kind_of(section.heading or "", rules)
        if found is None or rules.labelled_heading.match(heading_label(section.heading or "")):
            continue  # "Programma 5: Bestuur" is a theme itself, not a chapter of themes
        kind, word = found
        children = [c for c in sections if c.parent == section.order and c.heading and not kind_of(c.heading, rules)
                    and not rules.generic_heading.match(heading_label(c.heading))]
        top = min((c.level for c in children), default=None)
        if section.level == 1:
            for child in children:
                label = heading_label(child.heading)
                known = [t for t in themes.values() if _similar(t.label, label) >= 0.8]
                known += [c for name, c in chapters.items() if _similar(name, label) >= 0.8]
                if child.level == top and not known:
                    themes.setdefault(heading_key(label), Theme(label, kind, child.page_start, child.order,
                                                   method="plans:kind_chapter", kind_label=word))
        for paragraph in (section.text or "").split("\n\n"):
            text = paragraph.strip()
            if not text or len(text.split()) > 8 or text[-1] in ".:;!?":
                continue
            chapter = next((c for name, c in chapters.items() if _similar(name, text) >= 0.9), None)
            if chapter is not None:
                label = heading_label(chapter.heading)
                theme = themes.setdefault(heading_key(label), Theme(label, kind, chapter.page_start, chapter.order,
                                                       method="plans:kind_announced", kind_label=word))
                _set_kind(theme, found)


def _comparable(text: str) -> str:
    return heading_key(text)


def _themes_named_in_sentences(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """"In de agenda kiezen we twee strategische thema's, namelijk A en B": the chapters whose
    headings (of two words or more) occur in the names after "namelijk" are themes of that kind."""
    chapters = [s for s in sections if s.heading and s.level == 1]
    for section in sections:
        for sentence in re.split(r"(?<=[.!?])\s+", section.text or ""):
            found = kind_of(sentence, rules)
            m = rules.named_in_sentence.search(sentence) if found else None
            if m is None or found is None:
                continue
            names = _comparable(m.group("names"))
            for chapter in chapters:
                if rules.labelled_heading.match(heading_label(chapter.heading or "")):
                    continue  # named after its kind and number: a theme under its own label
                label = heading_label(chapter.heading)
                if len(label.split()) < 2 or not re.search(rf"(?<!\w){re.escape(_comparable(label))}(?!\w)", names):
                    continue
                theme = next((t for t in themes.values() if _similar(t.label, label) >= 0.9), None)
                if theme is None:
                    themes[heading_key(label)] = Theme(label, found[0], chapter.page_start, chapter.order,
                                                       method="plans:named_by_kind", kind_label=found[1])
                else:
                    _set_kind(theme, found)


def _ambitions(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """The ambition word of each theme, from the first section headed with the theme's name."""
    for theme in themes.values():
        for section in sections:
            if not section.heading or _similar(_comparable(heading_label(section.heading)),
                                               _comparable(theme.label)) < 0.9:
                continue
            for paragraph in (section.text or "").split("\n\n"):
                m = next((m for p in rules.ambition if (m := p.match(paragraph.strip()))), None)
                if m:
                    theme.ambition = m.group("word")
                    break
            if theme.ambition:
                break


COUNT = re.compile(r"\b(\d{1,2})\b")
GRID_REACH = 300.0
"""How far (points) under a caption such as "12 thema's als fundament" its grid of labels may run."""


def _theme_grids(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """An infographic: a short caption that names a kind and a count ("12 thema's als
    veiligheidsfundament") over a grid of labels in smaller type; each label is a theme. The
    caption may be a line of text or the heading of the section the grid stands in."""
    for section in sections:
        captions = [(b.text, b.bbox, b.page, b.size, section.body[k + 1:]) for k, b in enumerate(section.body)]
        if section.heading and section.bbox is not None:
            size = max((b.size for b in section.body), default=0.0) + 2
            captions.append((section.heading, section.bbox, section.page_start, size, section.body))
        for text, box, page, size, after in captions:
            text = text.strip()
            found = kind_of(text, rules)
            count = COUNT.search(text)
            if found is None or count is None or len(text.split()) > 8 or text[-1:] in ".:;!?":
                continue
            below = [ln for b in after if b.page == page for ln in b.lines
                     if box.bottom < ln.bbox.top < box.bottom + GRID_REACH and ln.size < size - 1]
            labels = _grid_labels(below)
            if len(labels) >= 2 and len(labels) == int(count.group(1)):
                for label in labels:
                    themes.setdefault(heading_key(label), Theme(label, found[0], page, section.order, method="plans:grid",
                                                                kind_label=found[1]))


def _grid_labels(lines: Sequence[Line]) -> list[str]:
    """Labels of a grid of boxes: cells in columns, a cell's wrapped lines joined, row by row."""
    from raadsstukken.extractors.structure.forms import line_cells

    cells = sorted((c for ln in lines for c in line_cells(ln)), key=lambda c: (c.bbox.top, c.bbox.x0))
    columns: list[list] = []
    for cell in cells:
        column = next((col for col in columns if abs(col[0].bbox.x0 - cell.bbox.x0) <= 6), None)
        (column.append(cell) if column is not None else columns.append([cell]))
    labels: list[tuple[float, float, str]] = []
    for column in columns:
        current, last = None, None
        for cell in column:
            if current is not None and last is not None and cell.bbox.top - last.bbox.bottom <= 0.6 * cell.bbox.height:
                current = (current[0], current[1], f"{current[2]} {cell.text}")
            else:
                if current is not None:
                    labels.append(current)
                current = (cell.bbox.top, cell.bbox.x0, cell.text)
            last = cell
        if current is not None:
            labels.append(current)
    return [text for _, _, text in sorted(labels)]


def _overview_lists(sections: Sequence[Section], themes: dict[str, Theme], vocabulary: Vocabulary | None) -> None:
    """Numbered lists under a heading that names a theme elsewhere (an overview card): their items
    are other wordings (variants) of the theme's goals, or its goals when its chapter lists none."""
    chapters = {heading_label(s.heading): s for s in sections if s.heading and s.level == 1}
    for section in sections:
        if not section.heading or section.level == 1:
            continue
        label = clean_heading(section.heading)
        lines = _lines(section)
        start = next((i for i, ln in enumerate(lines) if list_marker(ln.text.strip())), None)
        if start is None:
            continue
        items = read_items(lines[start:], vocabulary)
        if len(items) < 2 or any(number is None for number, _, _ in items):
            continue
        theme = next((t for t in themes.values() if _similar(t.label, label) >= 0.8), None)
        if theme is None:
            chapter = next((c for name, c in chapters.items() if _similar(name, label) >= 0.8), None)
            if chapter is None:
                continue
            name = heading_label(chapter.heading)
            theme = themes.setdefault(heading_key(name), Theme(name, "other", chapter.page_start, chapter.order))
        if not theme.goals:
            theme.goals = [Goal(number, text.rstrip(" ."), lead.page, section.order) for number, text, lead in items]
            continue
        for _, text, _ in items:
            best = max(theme.goals, key=lambda g: _similar(g.text, text))
            if _similar(best.text, text) >= 0.5 and _similar(best.text, text) < 0.98:
                best.variants.append(text.rstrip(" ."))


def _root(sections: Sequence[Section], section: Section) -> int:
    while section.parent is not None:
        section = sections[section.parent]
    return section.order


def _kinds(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules) -> None:
    """Kinds from lines that announce themes ("De vier ontwikkelthema's zijn:") and name them."""
    texts = [(s, t) for s in sections for t in ([clean_heading(s.heading)] if s.heading else [])
             + [ln.text.strip() for ln in _lines(s)]]
    for i, (_section, text) in enumerate(texts):
        if not text.endswith(":"):
            continue
        found = kind_of(text, rules)
        if found is None:
            continue
        following = " ".join(t for _, t in texts[i + 1:i + 12])
        for theme in themes.values():
            if theme.label.casefold() in following.casefold():
                _set_kind(theme, found)


def _actions(sections: Sequence[Section], themes: dict[str, Theme], rules: PlanRules,
             vocabulary: Vocabulary | None) -> None:
    for section in sections:
        if not section.heading or not rules.action_heading.match(clean_heading(section.heading)):
            continue
        from raadsstukken.extractors.semantics.plan_shapes import theme_on_path

        theme = theme_on_path(section.heading_path[:-1], themes, rules)
        if theme is None:
            continue
        goal = None
        for heading in reversed(section.heading_path[:-1]):
            scores = [(_similar(heading_label(heading), g.text), k) for k, g in enumerate(theme.goals)]
            best = max(scores, default=(0.0, None))
            if best[0] >= GOAL_MATCH:
                goal = best[1]
                break
        for _, text, lead in read_items(_lines(section), vocabulary):
            theme.actions.append(Action(text, lead.page, section.order, goal))


def theme_of_section(section: Section, themes: Sequence[Theme]) -> Theme | None:
    """The theme a heading on the section's path names (the deepest one), or None."""
    from raadsstukken.extractors.semantics.plan_shapes import theme_label

    for heading in reversed(section.heading_path):
        labelled = theme_label(heading, load_rules())
        label = labelled[0] if labelled else heading_label(heading)
        best = max(themes, key=lambda t: _similar(t.label, label), default=None)
        if best is not None and _similar(best.label, label) >= 0.9:
            return best
    return None
