"""Decision points: the numbered (or bulleted) items under "Besloten wordt", "Besluit", "Voorstel", ….

Items are read off the lines after the intro: a line opening with a marker ("1", "1.", "1)",
"a.", "-", "•") starts an item; an indented line, or a lower-case line after an unfinished item,
continues it (also on the next page); anything else ends the list. Without markers the first
paragraph after the intro is the single decision: its first sentence (what follows explains it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, join_running_text
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.paragraphs import ends_mid_sentence
from raadsstukken.extractors.layout.records import Block, BlockKind, Line
from raadsstukken.extractors.structure.metadata import starts_with_label
from raadsstukken.extractors.structure.paragraph_numbers import without_paragraph_numbers
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.memo import TextMemo
from raadsstukken.extractors.text.sentences import first_sentence, sentence_ends
from raadsstukken.extractors.structure.doc_types import join_letter_spacing
from raadsstukken.extractors.text.normalize import heading_label, is_marker, list_marker, marker_number

ITEM_END = re.compile(r"[.;:!?]['’\"”)]*$")
CLAUSE_END = re.compile(r"[.;:!?,]['’\"”)]*$")
"""Where a motion's operative clause ends: its sentence, or the comma before the next clause."""
CLOSING_MARKS = "'’\"”)]"


def carries_on(text: str) -> bool:
    """Whether a line can carry on an unfinished item: it opens with a lower-case letter, a digit (a
    date or number broken off: "… d.d. 29 januari" / "2026’ vast te stellen.") or a closing mark (a
    quotation's closing quote); a capital opens a text of its own."""
    first = text[:1]
    return first.islower() or first.isdigit() or (first != "" and first in CLOSING_MARKS)


ITEM_INTRO = re.compile(r":\s*$")
"""An item that ends in a colon announces a sub-list of its own."""


@dataclass
class DecisionPoint:
    number: int
    text: str
    page: int
    bbox: BBox
    body: str | None
    method: str
    lines: list[Line] = field(default_factory=list, repr=False)
    agenda_item: str | None = None
    """The agenda item of a besluitenlijst the decision belongs to, as numbered there."""
    outcome: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None


@dataclass(frozen=True)
class DecisionRules:
    intro: tuple[re.Pattern[str], ...]
    body_by_type: dict[str, str]
    not_a_decision: tuple[re.Pattern[str], ...]
    agenda_item: re.Pattern[str]
    agenda_label: re.Pattern[str]
    agenda_stop: tuple[re.Pattern[str], ...]
    label_at_end: re.Pattern[str]
    outcomes: tuple[tuple[str, re.Pattern[str]], ...]
    votes: tuple[re.Pattern[str], ...]
    operative: tuple[re.Pattern[str], ...] = ()
    motion_closing: tuple[re.Pattern[str], ...] = ()
    vote_result: re.Pattern[str] = re.compile(r"(?!)")
    share_for: re.Pattern[str] = re.compile(r"(?!)")
    carried: str = "aangenomen"
    defeated: str = "verworpen"
    point: re.Pattern[str] = re.compile(r"(?!)")
    conclusion: re.Pattern[str] = re.compile(r"(?!)")
    manner: frozenset[str] = frozenset()
    """Outcomes that say how the vote went ("unaniem"), outranked by a stated result."""
    result: re.Pattern[str] = re.compile(r"(?!)")
    other_subject: re.Pattern[str] = re.compile(r"(?!)")
    proposal: re.Pattern[str] = re.compile(r"(?!)")
    """An item's proposal intro ("Voorgesteld besluit"): its text is no decision where one follows."""
    verdict: re.Pattern[str] = re.compile(r"(?!)")
    """A verdict line of an item ("Akkoord.", "Aangehouden."): its outcome word opens it."""
    vote_label: re.Pattern[str] = re.compile(r"(?!)")
    """A vote label alone ("Stemuitslag"): the vote is the lines under it."""
    seats_for: re.Pattern[str] = re.compile(r"(?!)")
    seats_against: re.Pattern[str] = re.compile(r"(?!)")
    seat: re.Pattern[str] = re.compile(r"(?!)")
    vote_sides: re.Pattern[str] = re.compile(r"(?!)")
    """A vote printed side by side on lines of their own after the decision ("Voor: …" / "Tegen: …")."""


QUALIFIER = "<qualifier>"
"""Where rules/decisions.toml [agenda] label takes the alternatives of its `label_qualifier` lexicon."""


def decision_label(agenda: Mapping[str, Any]) -> str:
    """The decision label's pattern of rules/decisions.toml [agenda]: `label` with the lexicon of
    what a label may name before its colon (`label_qualifier`: "Besluit over het voorstel:",
    "Besluit raad:") in its place."""
    return agenda["label"].replace(QUALIFIER, "|".join(f"(?:{q})" for q in agenda.get("label_qualifier", ())))


@lru_cache(maxsize=1)
def load_rules() -> DecisionRules:
    data = read_rules("decisions")
    agenda = data["agenda"]
    return DecisionRules(
        tuple(re.compile(p, re.IGNORECASE) for p in data["intro"]), dict(data["body"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["not_a_decision"]),
        re.compile(agenda["item"]), re.compile(decision_label(agenda), re.IGNORECASE),
        tuple(re.compile(p, re.IGNORECASE) for p in agenda["stop"]), re.compile(agenda["label_at_end"], re.IGNORECASE),
        tuple((name, re.compile(p, re.IGNORECASE)) for name, p in data["outcomes"].items()),
        tuple(re.compile(p, re.IGNORECASE) for p in data["votes"]["patterns"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["motion"]["operative"]),
        tuple(re.compile(p, re.IGNORECASE) for p in data["motion"]["closing"]),
        re.compile(agenda["vote_result"], re.IGNORECASE), re.compile(data["votes"]["share_for"], re.IGNORECASE),
        data["votes"]["carried"], data["votes"]["defeated"],
        re.compile(agenda["point"]), re.compile(agenda["conclusion"], re.IGNORECASE),
        frozenset(data["outcome_precedence"]["manner"]),
        re.compile(data["outcome_precedence"]["result"], re.IGNORECASE),
        re.compile(data["outcome_precedence"]["other_subject"], re.IGNORECASE),
        re.compile(agenda["proposal"], re.IGNORECASE), re.compile(agenda["verdict"], re.IGNORECASE),
        re.compile(agenda["vote_label"], re.IGNORECASE), re.compile(data["votes"]["seats_for"], re.IGNORECASE),
        re.compile(data["votes"]["seats_against"], re.IGNORECASE), re.compile(data["votes"]["seat"]),
        re.compile(agenda["vote_sides"], re.IGNORECASE))


def vote_outcome(text: str, rules: DecisionRules | None = None) -> tuple[str | None, int | None, int | None]:
    """(outcome, votes for, votes against) of a vote result line's text ("voor 100%", "20 stemmen
    voor en 9 tegen"): carried with more than half the votes for, defeated with fewer."""
    rules = rules or load_rules()
    outcome, votes_for, votes_against = find_outcome(text, rules)
    share = rules.share_for.search(text)
    pct = float(share.group("pct").replace(",", ".")) if share else None
    if outcome is None and pct is not None:
        outcome = rules.carried if pct > 50 else rules.defeated if pct < 50 else None
    if votes_for is None and votes_against is None:
        votes_for, votes_against = seat_votes(text, pct, rules)
    # (the seats each side's list sums decide as its counts do)
    if outcome is None and votes_for is not None and votes_against is not None and votes_for != votes_against:
        outcome = rules.carried if votes_for > votes_against else rules.defeated
    return outcome, votes_for, votes_against


def _seats(listed: str, rules: DecisionRules) -> list[int]:
    """The seats of each fractie of a list ("CDA (6), D66 (2)"): the first number in parentheses of
    each entry (an export that prints it twice, "CDA (6) (6)", counts it once)."""
    found = (rules.seat.search(entry) for entry in listed.split(","))
    return [int(m.group("seats")) for m in found if m]


def seat_votes(text: str, share_for: float | None = None,
               rules: DecisionRules | None = None) -> tuple[int | None, int | None]:
    """(votes for, votes against) of a vote printed per fractie with its seats ("voor: Fractie A
    (4), Fractie B (2)"; rules/decisions.toml [votes] seats_for): each list's seats summed; no list
    against with a share for of 100% is none against. (None, None) when no list of seats is printed."""
    rules = rules or load_rules()
    listed_for, listed_against = rules.seats_for.search(text), rules.seats_against.search(text)
    seats_for = _seats(listed_for.group("list"), rules) if listed_for else []
    seats_against = _seats(listed_against.group("list"), rules) if listed_against else []
    if not seats_for and not seats_against:
        return None, None
    votes_for = sum(seats_for) if listed_for else (0 if share_for == 0 else None)
    votes_against = sum(seats_against) if listed_against else (0 if share_for == 100 else None)
    if votes_for is None or votes_against is None:
        return None, None  # one side's count unknown (a share below 100% with no list against)
    return votes_for, votes_against


def find_outcome(text: str, rules: DecisionRules | None = None) -> tuple[str | None, int | None, int | None]:
    """(outcome, votes for, votes against) as a decision's text states them; None where it does not.

    The first outcome in the rules' order that the text names, where a stated result ("is
    vastgesteld") outranks how the vote went ("met algemene stemmen"); sentences about a motion or
    an amendment count only when no other sentence names an outcome (rules [outcome_precedence])."""
    rules = rules or load_rules()
    own = " ".join(s for s in _sentences(text) if not rules.other_subject.search(s))
    if own != text and any(p.search(own) for _, p in rules.outcomes):
        text = own  # the item's own sentences, without those reporting its motions' outcomes
    named = [name for name, p in rules.outcomes if p.search(text)]
    if named and named[0] in rules.manner and rules.result.search(text):
        named = [name for name in named if name not in rules.manner] or named
    outcome = named[0] if named else None
    for p in rules.votes:
        m = p.search(text)
        if m:
            return outcome, int(m.group("for")), int(m.group("against"))
    return outcome, None, None


def _sentences(text: str) -> list[str]:
    """The sentences of a decision's text (the whole text when it is one)."""
    cuts = [0, *sentence_ends(text), len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]


@lru_cache(maxsize=1)
def _adopting() -> re.Pattern[str]:
    return re.compile(read_rules("decisions")["adopted_text"]["announce"], re.IGNORECASE)


def adopts_text(item: str, sub_item: str) -> bool:
    """Whether the sub-list under a decision is the text it adopts, not part of the decision: the
    decision ends in a colon announcing that text ("… de volgende onderzoeksvraag vast te stellen:",
    "… komt te luiden:"; rules/decisions.toml [adopted_text]) and the sub-list's first item is a
    sentence of its own (it opens with a capital), not the decision's object running on ("a. de
    nota …;")."""
    return bool(_adopting().search(item.strip())) and sub_item.strip()[:1].isupper()


def is_decision_label(text: str, rules: DecisionRules | None = None) -> bool:
    """Whether a line is an agenda item's decision label alone ("Besluit", "Besloten:", or with
    the item's number hanging before it: "4 Besluit:"), the decision's text following on the next
    lines."""
    rules = rules or load_rules()
    label = rules.agenda_label.match(text.strip())
    if label is None:
        return False
    return not (label.group("text") or "").strip()


def is_item_decision_label(text: str) -> bool:
    """Whether a line alone labels an agenda item's decision in a besluitenlijst: a decision label
    ("Besluit", "Besloten:") or a decision intro closed by its colon ("De raad besluit:", "Het
    college besluit:"), set over each item's record; a label, no heading (GOLD conventions:
    in a besluitenlijst the items' decision labels are never headings)."""
    return is_decision_label(text) or (text.rstrip().endswith(":") and is_intro(text))


def is_intro(text: str, rules: DecisionRules | None = None) -> bool:
    """Whether a line or heading opens the decision points ("Besluit:", "B E S L U I T :",
    "2. Voorgesteld besluit", "Het college stelt de raad voor:", "Draagt het college op:")."""
    return _INTRO_MEMO(_is_intro, text, rules or load_rules())  # asked of the same lines by several passes


_INTRO_MEMO: TextMemo[bool] = TextMemo()


def _is_intro(text: str, rules: DecisionRules) -> bool:
    text = heading_label(join_letter_spacing(text))
    return any(p.match(text) for p in rules.intro)


def find_decision_points(sections: Sequence[Section], doc_type: str, vocabulary: Vocabulary | None = None,
                         roles: Mapping[Block, BlockKind] | None = None,
                         title: str | None = None) -> list[DecisionPoint]:
    """Decision points of one document (the first decision list found).

    `roles` are the document's block roles: a paragraph of cover text is never a decision.
    `title` is the document's title: under a kind line taken for an intro ("Voorstel" over the
    title), the title is no decision.
    """
    from raadsstukken.extractors.structure.agenda_decisions import find_agenda_decisions  # (it imports this module)

    rules = load_rules()
    # the document's paragraph numbers ("2 het algemeen bestuur stelt …") are taken off its lines
    sections, roles = without_paragraph_numbers(
        sections, roles or {}, lambda text: is_intro(text, rules) or is_decision_label(text, rules))
    if doc_type == "besluitenlijst":
        agenda = find_agenda_decisions(sections, vocabulary, rules.body_by_type.get(doc_type)) \
            or find_unlabelled_decisions(sections, vocabulary, roles, rules.body_by_type.get(doc_type))
        if agenda:
            return agenda
    page_lines: dict[int, list[Line]] = {}
    for section in sections:
        for block in section.body:
            for ln in block.lines:
                page_lines.setdefault(ln.page, []).append(ln)
    # first without the cover text (a kind line of the title band, "RAADSBESLUIT", over the formula
    # "De raad …; gelezen …; besluit: vast te stellen …": the decision follows the formula's
    # "besluit"), then, where that finds none, with it (a kind line over the decision list itself)
    dictum: list[DecisionPoint] = []  # a motion's clauses under each of its intros, in order
    bare: list[DecisionPoint] = []
    for excluded in (NOT_DECISION_ROLES | {BlockKind.COVER}, NOT_DECISION_ROLES):
        if BlockKind.COVER not in excluded and doc_type != "motie":
            # a besluit's formula and dictum ("…; gelet op …; besluit vast te stellen …") before a
            # kind line of the cover ("Besluit" over a publication's head) is taken for an intro
            bare = find_bare_dictum(sections, doc_type, vocabulary, roles, page_lines)
            if bare:
                return bare
        for section in sections:
            section_roles = _under_intro(section, roles, rules)
            # a form's values read after the heading they sit beside (a label column, then the
            # values) are no part of the decisions under it
            lines = [ln for b in section.body if section_roles.get(b, b.kind) not in excluded
                     and not _above_heading(b, section) for ln in b.lines]
            # the intros of the section in order: where the first opens no decision (a kind line over
            # a form's grid), the next one may ("… ; besluit:" under the grid)
            intros = [(0, section.heading)] if section.heading and is_intro(section.heading, rules) else []
            intros += [(i + 1, line.text) for i, line in enumerate(lines) if is_intro(line.text, rules)]
            tried = -1
            for start, intro in intros:
                if start <= tried:
                    continue
                while start < len(lines) and is_intro(lines[start].text, rules):
                    intro = lines[start].text  # "Voorgesteld raadsbesluit" over "De raad besluit:": the inner one
                    start += 1
                while start < len(lines) and not any(c.isalnum() for c in lines[start].text) \
                        and not is_marker(lines[start].text.strip()):
                    start += 1  # a scan's stray mark read as a line of its own ("|") decides nothing; a lone "•" opens its item
                tried = start
                items = _decisions_after(section, lines, start, doc_type, vocabulary, section_roles, page_lines)
                # under a kind line taken for an intro ("Besluit" over a publication's head) a grid
                # of fields follows, a label of any weight with its value beside it: no decision
                if items and items[0].lines and _form_label(items[0].lines[0], section, any_weight=True):
                    continue
                if len(items) == 1 and _repeats_title(intro, items[0].text, title):
                    continue  # a kind line over the title ("Voorstel" / "Vaststellen agenda"): no decision
                if items and not _not_a_decision(items[0].text, rules):
                    body = rules.body_by_type.get(doc_type) or _body_from_intro(intro)
                    for item in items:
                        item.body = body
                    if doc_type != "motie":
                        return items
                    # a motion may speak more than once ("spreekt uit: …" / "en verzoekt het
                    # college: …"): the clauses under each of its intros are its dictum
                    dictum += items
                    read = {id(ln) for item in items for ln in item.lines}
                    tried = max((k for k, ln in enumerate(lines) if id(ln) in read), default=tried)
        if dictum:
            for n, item in enumerate(dictum, 1):
                item.number = n
            return dictum
    if doc_type == "motie":
        return find_operative_clauses(sections, vocabulary, rules)
    return bare


@dataclass(frozen=True)
class DictumRules:
    """A besluit's dictum without the word "besluit" (rules/decisions.toml [dictum])."""

    consideration: re.Pattern[str]
    dictum: re.Pattern[str]
    object_first: re.Pattern[str] = re.compile(r"(?!)")
    opening: re.Pattern[str] = re.compile(r"(?!)")
    verb: re.Pattern[str] = re.compile(r"(?!)")
    infinitive: re.Pattern[str] = re.compile(r"(?!)")


@lru_cache(maxsize=1)
def load_dictum_rules() -> DictumRules:
    data = read_rules("decisions")["dictum"]
    return DictumRules(*(re.compile(data[k], re.IGNORECASE) for k in
                         ("consideration", "dictum", "object_first", "opening", "verb", "infinitive")))


def find_bare_dictum(sections: Sequence[Section], doc_type: str, vocabulary: Vocabulary | None,
                     roles: Mapping[Block, BlockKind], page_lines: Mapping[int, Sequence[Line]]) -> list[DecisionPoint]:
    """The decision of a besluit whose formula prints no "besluit" over its dictum: after its
    considerations ("Gelezen het voorstel …;", "Gelet op …;") or its opening that names who decide
    ("Het college van …;"), lines that carry them on included, the first line that is no
    consideration opens the dictum when it is an infinitive clause ("vast te stellen de verordening
    …", "1. in te stemmen met …", or its object first: "De nota … vast te stellen, …", also in lower
    case after the formula's colon): a list or a paragraph as after an intro. A line that opens with
    the formula's verb and goes on with the dictum ("besluit vast te stellen: …") is the dictum, the
    verb left off."""
    rules = load_dictum_rules()
    for section in sections:
        blocks = [b for b in section.body if roles.get(b, b.kind) not in NOT_DECISION_ROLES]
        lines = [ln for b in blocks for ln in b.lines]
        rest_of = {id(ln): b.lines[n:] for b in blocks for n, ln in enumerate(b.lines)}
        first_of_block = {id(b.lines[0]) for b in blocks if b.lines}
        considered, previous = False, ""
        for k, line in enumerate(lines):
            text = line.text.strip()
            before, previous = previous, text
            if rules.consideration.match(text) or rules.opening.match(text):
                considered = True
                continue
            if not considered:
                continue
            verb = rules.verb.match(text)
            clause = text[verb.end():] if verb else text
            marker = list_marker(clause)
            paragraph = " ".join([clause, *(ln.text.strip() for ln in rest_of.get(id(line), [line])[1:])])
            announced = bool(ITEM_INTRO.search(before))  # "…, ieder voor zover het hun bevoegdheid betreft:"
            opens_block = (id(line) in first_of_block and clause[:1].isupper()) or announced
            if (verb and rules.infinitive.match(paragraph)) or rules.dictum.match(clause[marker.end():] if marker else clause) \
                    or (not marker and opens_block and rules.object_first.match(paragraph)):
                found = _decisions_after(section, lines, k, doc_type, vocabulary, roles, page_lines)
                if verb and found and (spoken := rules.verb.match(found[0].text)):
                    found[0].text = found[0].text[spoken.end():]
                for d in found:
                    d.body = load_rules().body_by_type.get(doc_type)
                return found
            if not carries_on(text) and ITEM_END.search(before):
                considered = False  # the considerations ended, and something else followed
    return []


def _decisions_after(section: Section, lines: list[Line], start: int, doc_type: str,
                     vocabulary: Vocabulary | None, roles: Mapping[Block, BlockKind],
                     page_lines: Mapping[int, Sequence[Line]] | None = None) -> list[DecisionPoint]:
    """The decision points that follow an intro at `lines[start]`: a list, or a paragraph."""
    items = _items(lines[start:], vocabulary, page_lines)
    if len(items) == 1 and items[0].method == "decisions:list":
        # a list of one item is a paragraph with a marker: its first sentence is the decision
        items[0].text = text_change(items[0].text) or first_sentence(items[0].text)
    if not items and start < len(lines):
        items = _announced_list(lines, start, vocabulary, page_lines)
    if not items and start < len(lines):
        items = _single(section, lines[start], vocabulary, roles, page_lines)
        if items and doc_type == "amendement":
            items += _further_changes(section, items[0], vocabulary, roles)
    return items


ANNOUNCING_LINES = 6
"""The most lines of an unmarked sentence that announces the points under it with a colon."""


def _announced_list(lines: list[Line], start: int, vocabulary: Vocabulary | None,
                    page_lines: Mapping[int, Sequence[Line]] | None = None) -> list[DecisionPoint]:
    """One decision of a sentence that announces its points with a colon and the marked points
    under it ("… maar als kader te vervangen door:" / "• …" / "• …"): after an intro, an unmarked
    sentence ending in a colon over a list is a single decision over its points, its lines joined
    and the markers dropped (bench/README, "Decision points: what counts": an amendement's one
    decision over three points). Empty when the lines after the intro are no such sentence."""
    text, k = "", start
    while k < len(lines) and k < start + ANNOUNCING_LINES and not list_marker(lines[k].text.strip()):
        text = join_running_text(text, lines[k].text.strip(), vocabulary)
        k += 1
        if ITEM_INTRO.search(text):
            break
    if not ITEM_INTRO.search(text) or k >= len(lines) or not list_marker(lines[k].text.strip()) \
            or any(sentence_ends(text)):
        return []
    points = _items(lines[k:], vocabulary, page_lines)
    if len(points) < 2:
        return []
    first = lines[start]
    joined = " ".join([text, *(p.text.strip() for p in points)])
    read = [*lines[start:k], *(ln for p in points for ln in p.lines)]
    box = union_all(ln.bbox for ln in read if ln.page == first.page)
    return [DecisionPoint(1, joined, first.page, box, None, "decisions:paragraph", read)]


def find_operative_clauses(sections: Sequence[Section], vocabulary: Vocabulary | None = None,
                           rules: DecisionRules | None = None) -> list[DecisionPoint]:
    """A motion's decisions when no intro line opens a list: each operative clause ("verzoekt de
    regering … te …;"), from its verb to the end of its sentence, the verb included."""
    rules = rules or load_rules()
    found: list[DecisionPoint] = []
    current: DecisionPoint | None = None
    for section in sections:
        for line, previous in ((ln, b.lines[k - 1] if k else None) for b in section.body for k, ln in enumerate(b.lines)):
            text = line.text.strip()
            if any(p.match(text) for p in rules.motion_closing):
                return found
            verb = next((m for p in rules.operative if (m := p.match(text))), None)
            rest = text[verb.end():].strip() if verb is not None else ""
            if verb is not None and (_wrapped(line, previous) or (rest and not rest.strip(";,."))):
                verb = None  # a verb wrapped onto a line of its own ("… opnieuw over het plan te" / "spreken;")
            if verb is not None and not is_intro(text, rules):
                # the clause from its verb ("De raad spreekt uit dat …" -> "spreekt uit dat …")
                start = verb.start("verb") if "verb" in verb.re.groupindex else 0
                current = DecisionPoint(len(found) + 1, text[start:], line.page, line.bbox, None,
                                        "decisions:operative_clause", [line])
                found.append(current)
            elif current is not None and not CLAUSE_END.search(current.text):
                current.text = join_running_text(current.text, text, vocabulary)
                current.lines.append(line)
                if line.page == current.page:
                    current.bbox = current.bbox.union(line.bbox)
            else:
                current = None
    return found


def _wrapped(line: Line, previous: Line | None) -> bool:
    """Whether a line carries on the line above it in its paragraph: that line ends no clause and
    this one hangs indented under it (a point's text wrapped under its marker). A word that opens
    an operative clause there is the sentence's own, no clause of its own (a clause chained by
    "en" at the paragraph's edge, "… aan het plan en" / "verzoekt het college: …", is one)."""
    if previous is None or previous.page != line.page or CLAUSE_END.search(previous.text.strip()):
        return False
    return line.bbox.x0 > previous.bbox.x0 + EDGE


NOT_DECISION_ROLES = frozenset({BlockKind.LABEL, BlockKind.LETTERHEAD, BlockKind.TITLE})
"""Roles of blocks that hold no decision and open none: form labels, the letterhead, the title. (The
cover text, with a title block naming only the kind, is tried last: find_decision_points.)"""

EDGE = 3.0
"""Points by which a paragraph's left edge may differ from its heading's and still stand under it."""


def _under_intro(section: Section, roles: Mapping[Block, BlockKind], rules: DecisionRules) -> Mapping[Block, BlockKind]:
    """The roles of a section's blocks for reading its decisions: the first block under an intro
    set as a heading ("besluit vast te stellen:"), below it at its left edge, is the decision's
    paragraph even where it repeats a form's value (the subject adopted: a label's value beside
    the label column sits beside the heading, not under it)."""
    if not (section.heading and section.bbox and section.body and is_intro(section.heading, rules)):
        return roles
    first, box = section.body[0], section.bbox
    if roles.get(first, first.kind) is BlockKind.LABEL and first.kind is BlockKind.BODY \
            and first.page == section.page_start and first.bbox.top >= box.bottom - 1 \
            and abs(first.bbox.x0 - box.x0) <= EDGE:
        return {**roles, first: BlockKind.BODY}
    return roles


def _repeats_title(intro: str, text: str, title: str | None) -> bool:
    """Whether the one paragraph read after an intro printed without a colon (a kind word,
    "Voorstel") is the document's title: the kind line over the title block, no decision."""
    if not title or ITEM_INTRO.search(intro.strip()):
        return False
    return _words(text) == _words(title)


def _words(text: str) -> str:
    """A text's words in lower case, punctuation dropped (to compare a paragraph with the title)."""
    return " ".join(re.sub(r"[^\w\s]", " ", text).lower().split())


def _above_heading(block: Block, section: Section) -> bool:
    """Whether a block of the section is printed above its heading on the heading's page, in the
    column where the section's text goes on below the heading at its left edge: a column beside
    the head rows (their values) read after the heading, no text under it. (A block of the next
    column, right of that text, carries the section on: a two-column page.)"""
    box = section.bbox
    if not (section.heading and box) or block.page != section.page_start or block.bbox.bottom > box.top + 1:
        return False
    below = [b for b in section.body if b.page == section.page_start and b.bbox.top >= box.bottom - 1
             and abs(b.bbox.x0 - box.x0) <= EDGE]
    return any(block.bbox.x0 < b.bbox.x1 for b in below)


FIELD_CHIP_WORDS = 4
"""The most words of a field line ("Organisatietype: Gemeente") read as a form's row, no decision."""


def _not_a_decision(text: str, rules: DecisionRules) -> bool:
    """A form row or a besluit's opening formula, found after a type line taken for an intro; also
    a field line of any label with a short value ("Soort regeling: Beleidsregel", a chip or a row of
    a publication's head), which names a property of the paper and decides nothing."""
    text = text.strip()
    clause = text.split(";", 1)[0] + ";" if ";" in text else text  # "Het college van X; gelet op …"
    return any(p.match(t) for p in rules.not_a_decision for t in {text, clause}) or starts_with_label(text) \
        or (bool(FIELD_LINE.match(text)) and len(text.split()) <= FIELD_CHIP_WORDS)


def _body_from_intro(intro: str) -> str | None:
    text = intro.lower()
    if "raad" in text:
        return "Raad"
    if "college" in text or "wethouders" in text:
        return "B&W"
    if "burgemeester" in text:
        return "Burgemeester"
    return None


def _marker_kind(m: re.Match[str]) -> str:
    """Which kind of list a marker belongs to: numbers, letters, roman numerals or bullets."""
    for kind in ("num", "letter", "roman"):
        if m.group(kind):
            return kind
    return "bullet"


def _items(lines: list[Line], vocabulary: Vocabulary | None,
           page_lines: Mapping[int, Sequence[Line]] | None = None) -> list[DecisionPoint]:
    items: list[DecisionPoint] = []
    list_kind: str | None = None  # the marker kind of the decision list itself
    sub_open = False  # a sub-list of the last item is running
    sub_text = False  # that sub-list is the text the item adopts, no part of the decision
    marker_alone: str | None = None  # "1." or "•" on a line of its own: the item's text follows
    seen: set[int] = set()  # id(line) of the lines read so far, fragments of a row included
    closing = load_rules().motion_closing
    for line in lines:
        if id(line) in seen:
            continue  # a fragment of a row read with the line it belongs to
        seen.add(id(line))
        text = line.text.strip()
        if any(p.match(text) for p in closing):
            break  # a motion's closing formula ends its dictum ("en gaat over tot de orde van de dag")
        if is_marker(text):
            marker_alone = text
            continue
        if marker_alone is not None:
            text, marker_alone = f"{marker_alone} {text}", None
        if page_lines is not None:
            left, right = _row_fragments(line, page_lines.get(line.page, ()), seen)
            seen.update(id(ln) for ln in (*left, *right))
            text = " ".join([*(ln.text.strip() for ln in left), text, *(ln.text.strip() for ln in right)])
        mangled = _mangled_marker(text, line, items[-1] if items else None, list_kind)
        if mangled:
            # the marker of the next point, misread by OCR ("„ Ten aanzien …" for "2. Ten aanzien …")
            items.append(DecisionPoint(items[-1].number + 1, text[mangled:].strip(), line.page, line.bbox, None,
                                       "decisions:list", [line]))
            sub_open = sub_text = False
            continue
        m = list_marker(text)
        if m and items and opens_sub_list(m, line, items[-1], list_kind, sub_open):
            # a sub-list inside an item ("de lasten te dragen uit: a. …; b. …", or its markers
            # indented under the item's text): part of the item, unless it is the text the item
            # adopts ("… de volgende opdracht vast te stellen: 1. Breng … in kaart.")
            sub_text = sub_text if sub_open else adopts_text(items[-1].text, text[m.end():])
            sub_open = True
            if sub_text:
                continue
            last = items[-1]
            last.text = f"{last.text} {text}"
            last.lines.append(line)
            if line.page == last.page:
                last.bbox = last.bbox.union(line.bbox)
            continue
        if m and list_kind is not None and _marker_kind(m) != list_kind:
            break  # a line numbered otherwise after the list (a numbered heading set as body text)
        if m and items and list_kind == _marker_kind(m) and marker_number(m, len(items)) != items[-1].number + 1 \
                and ends_mid_sentence(items[-1].text):
            # a number that breaks the count at the start of a wrapped line ("… artikel 12 lid" /
            # "1 van de wet.") carries on the item
            last = items[-1]
            last.text = join_running_text(last.text, text, vocabulary)
            last.lines.append(line)
            if line.page == last.page:
                last.bbox = last.bbox.union(line.bbox)
            continue
        if m:
            number = marker_number(m, len(items))
            list_kind = list_kind or _marker_kind(m)
            sub_open = sub_text = False
            items.append(DecisionPoint(number, text[m.end():], line.page, line.bbox, None, "decisions:list", [line]))
            continue
        if not items:
            return []
        last = items[-1]
        first_line = last.lines[0]
        indented = line.bbox.x0 > first_line.bbox.x0 + 3
        unfinished = not ITEM_END.search(last.text) and carries_on(text)
        if sub_text and indented:
            continue  # a line of the adopted text
        if indented or unfinished:
            last.text = join_running_text(last.text, text, vocabulary)
            last.lines.append(line)
            if line.page == last.page:
                last.bbox = last.bbox.union(line.bbox)
            continue
        break
    return items


def opens_sub_list(m: re.Match[str], line: Line, parent: DecisionPoint, list_kind: str | None, sub_open: bool) -> bool:
    """Whether a marked line is a point of a sub-list inside the list's last item `parent`: markers
    of another kind than the list's after an item that announces them (it ends in a colon) or set
    indented under it; markers of the list's own kind only indented under the item, counting anew
    from the first after its colon ("2. De raad voor te stellen:" / "   1. …" / "   2. …"). A
    point at the list's own edge is the list's next point."""
    indented = line.bbox.x0 > parent.lines[0].bbox.x0 + EDGE
    if list_kind is None or _marker_kind(m) != list_kind:
        return sub_open or bool(ITEM_INTRO.search(parent.text)) or indented
    return indented and (sub_open or (bool(ITEM_INTRO.search(parent.text)) and marker_number(m, 0) == 1))


WORD_SPACE = 0.8
"""Line heights between two segments of one printed line: a word space, no gutter."""


def _row_fragments(line: Line, page: Sequence[Line], seen: set[int]) -> tuple[list[Line], list[Line]]:
    """The pieces of the line's printed row that the line builder kept apart (an OCR'd row broken
    into segments of a slightly skewed scan): segments on its row that end (start) within a word
    space of its start (end), chained outward, left and right; none already read."""
    h = line.bbox.height
    row = [ln for ln in page if ln is not line and id(ln) not in seen
           and abs(ln.bbox.top - line.bbox.top) <= 0.75 * h]
    right: list[Line] = []
    edge = line.bbox.x1
    while (nxt := next((ln for ln in row if ln not in right and 0 <= ln.bbox.x0 - edge <= WORD_SPACE * h), None)):
        right.append(nxt)
        edge = nxt.bbox.x1
    left: list[Line] = []
    edge = line.bbox.x0
    while (prev := next((ln for ln in row if ln not in left and ln not in right
                         and 0 <= edge - ln.bbox.x1 <= WORD_SPACE * h), None)):
        left.insert(0, prev)
        edge = prev.bbox.x0
    return left, right


MANGLED_MARKER = re.compile(r"^([^\w\s(\[•·\-–—*]{1,2})\s+(?=[A-Z])")
"""A lone mark that is no bullet before a capitalised text ("„ Ten aanzien …")."""


def _mangled_marker(text: str, line: Line, last: DecisionPoint | None, kind: str | None) -> int:
    """Where the text starts after a list marker the OCR misread ("2." as "„"), 0 for no such
    marker: a lone mark in the marker column, its text at the text column of the list's last item,
    after that item has ended, in a numbered or lettered list."""
    if last is None or kind not in ("num", "letter", "roman") or not ITEM_END.search(last.text):
        return 0
    m = MANGLED_MARKER.match(text)
    first = last.lines[0]
    if m is None or len(line.words) < 2 or len(first.words) < 2:
        return 0
    marker_x, text_x = first.bbox.x0, first.words[1].bbox.x0
    in_column = marker_x - EDGE <= line.bbox.x0 < text_x - EDGE
    return m.end() if in_column and abs(line.words[1].bbox.x0 - text_x) <= EDGE else 0


FORM_LABEL_WORDS = 3
"""A bold line of at most this many words with a value beside it on its row is a form's label."""


def _form_label(first: Line, section: Section, any_weight: bool = False) -> bool:
    """Whether a line is a form's label ("Organisatie" | "Oostwold", "Bestuursorgaan" | …): bold
    (or, `any_weight`, of any weight), short, with another line beside it on the same row; a kind
    line taken for an intro is followed by such a grid, never by its decision."""
    if not (first.bold or any_weight) or len(first.text.split()) > FORM_LABEL_WORDS:
        return False
    return any(ln.bbox.x0 > first.bbox.x1 + 10 and abs(ln.bbox.top - first.bbox.top) <= 0.5 * first.bbox.height
               for b in section.body for ln in b.lines if ln.page == first.page)


def _single(section: Section, first: Line, vocabulary: Vocabulary | None,
            roles: Mapping[Block, BlockKind],
            page_lines: Mapping[int, Sequence[Line]] | None = None) -> list[DecisionPoint]:
    if _form_label(first, section):
        return []
    body = [b for b in section.body if roles.get(b, b.kind) is BlockKind.BODY]
    for block in body:
        if first in block.lines:
            lines = block.lines[block.lines.index(first):]
            # (the intro may open the same paragraph, an OCR layer joining "… stellen voor:" and the
            # change below it into one block: the change is read from the line after the intro)
            change = _change_block(block, body, block.lines.index(first))
            if change:
                # a change of text without quotation marks: the old text, the cue, the new text
                text = ""
                for line in change:
                    text = join_running_text(text, line.text, vocabulary)
                box = union_all(ln.bbox for ln in change if ln.page == first.page)
                return [DecisionPoint(1, text, first.page, box, None, "decisions:paragraph", change)]
            text, ends = "", []  # ends[k]: length of the text up to and with line k
            for line in lines:
                text = join_running_text(text, line.text, vocabulary)
                ends.append(len(text))
            if page_lines is not None and ends_mid_sentence(text):
                # the paragraph's last row goes on in segments the line builder kept apart
                _, right = _row_fragments(lines[-1], page_lines.get(lines[-1].page, ()), {id(ln) for ln in lines})
                for line in right:
                    text = join_running_text(text, line.text, vocabulary)
                    ends.append(len(text))
                lines = [*lines, *right]
            # a paragraph states its decision in its first sentence and goes on to explain it; a
            # change of text ends with the quotation of its new text
            decision = text_change(text) or first_sentence(text)
            if len(decision) < len(text):
                last = next(k for k, end in enumerate(ends) if end >= len(decision))
                text, lines = decision, lines[: last + 1]
            box = union_all(ln.bbox for ln in lines if ln.page == first.page)
            return [DecisionPoint(1, text, first.page, box, None, "decisions:paragraph", list(lines))]
    return []


@dataclass(frozen=True)
class TextChangeRules:
    """An amendement's changes of text (rules/decisions.toml [text_change])."""

    cue: re.Pattern[str]
    instruction: re.Pattern[str]
    quotes: dict[str, str]
    cue_line: re.Pattern[str] = re.compile(r"(?!)")
    """The change's cue on a line of its own between the old and the new text ("Te wijzigen in")."""


@lru_cache(maxsize=1)
def load_text_change_rules() -> TextChangeRules:
    data = read_rules("decisions")["text_change"]
    return TextChangeRules(re.compile(data["cue"], re.IGNORECASE), re.compile(data["instruction"], re.IGNORECASE),
                           dict(data["quotes"]), re.compile(data["cue_line"], re.IGNORECASE))


def _change_block(block: Block, blocks: Sequence[Block], start: int = 0) -> list[Line]:
    """The lines of a change set as old text, cue line and new text, no quotation marks: the
    paragraph from its line `start` on when one of its lines after that one is the cue alone ("Te
    wijzigen in"), the next paragraph too when the cue ends it (the new text set apart); empty when
    it holds no cue line."""
    cue = load_text_change_rules().cue_line
    lines = list(block.lines[start:])
    at = next((k for k, ln in enumerate(lines) if k and cue.match(ln.text.strip())), None)
    if at is None:
        return []
    if at == len(lines) - 1:
        k = next((n for n, b in enumerate(blocks) if b is block), len(blocks))
        if k + 1 < len(blocks):
            lines += blocks[k + 1].lines
    return lines


def text_change(text: str) -> str | None:
    """The decision of a paragraph that changes a text ("… te wijzigen in: “…”"): up to the end of
    the quotation of the new text; None when the paragraph is no such change (or the quotation
    does not close)."""
    rules = load_text_change_rules()
    m = rules.cue.search(text)
    if m is None:
        return None
    opening = text[m.end()]
    close = text.find(rules.quotes.get(opening, opening), m.end() + 1)
    if close < 0:
        return None
    end = close + 1
    if text[end:end + 1] in (".", ";"):
        end += 1
    return text[:end].strip()


def _further_changes(section: Section, first: DecisionPoint, vocabulary: Vocabulary | None,
                     roles: Mapping[Block, BlockKind]) -> list[DecisionPoint]:
    """The paragraphs of an amendement's dictum after its first: each a change of text or an
    instruction ending in "te <verb>", until the first paragraph that is neither."""
    rules = load_text_change_rules()
    blocks = [b for b in section.body if roles.get(b, b.kind) is BlockKind.BODY]
    after = next((k + 1 for k, b in enumerate(blocks) if first.lines and first.lines[-1] in b.lines), None)
    found: list[DecisionPoint] = []
    for block in blocks[after or len(blocks):]:
        text = ""
        for line in block.lines:
            text = join_running_text(text, line.text, vocabulary)
        if not (rules.cue.search(text) or rules.instruction.search(text)) or list_marker(text):
            break
        decision = text_change(text) or first_sentence(text)
        lines = block.lines
        box = union_all(ln.bbox for ln in lines if ln.page == lines[0].page)
        found.append(DecisionPoint(first.number + len(found) + 1, decision, lines[0].page, box, None,
                                   "decisions:paragraph", list(lines)))
    return found


LEADING_LABEL = re.compile(r"^[A-Z][\w ]{0,40}:\s")
"""A paragraph that opens with a label of its own ("Openbare samenvatting: …")."""


@lru_cache(maxsize=1)
def _deciding() -> re.Pattern[str]:
    """A sentence naming the deciding body with its verb, in the present or the perfect
    (rules/decisions.toml [unlabelled] deciding, deciding_perfect)."""
    data = read_rules("decisions")["unlabelled"]
    return re.compile(f"(?:{data['deciding']})|(?:{data['deciding_perfect']})", re.IGNORECASE)


@lru_cache(maxsize=1)
def _summary_label() -> re.Pattern[str]:
    """The label of an item's summary paragraph ("Openbare samenvatting: …"): the paragraph is the
    item's record, the label no part of its decision (rules/decisions.toml [unlabelled])."""
    return re.compile(read_rules("decisions")["unlabelled"]["summary_label"], re.IGNORECASE)


FIELD_LINE = re.compile(r"^[^\W\d_][\w ]{0,30}:\s*\S+(?:\s+\S+){0,5}(?<![.;])$")
"""A field line: a label and a short value, no sentence ("Kenmerk: 2010/0136654", "Datum: 12 maart
2024", "Portefeuillehouder: J. de Vries")."""


def _field_line(text: str) -> bool:
    """Whether a line is a field line of a metadata label with its value alone (no sentence)."""
    text = text.strip()
    return bool(FIELD_LINE.match(text)) and starts_with_label(text)


ROW_LABEL_WORDS = 3
"""The most words of a label in an item's left column."""


def _row_labels(block: Block, others: Sequence[Block]) -> bool:
    """Whether a paragraph holds the labels of a left column: short lines (ROW_LABEL_WORDS words,
    no sentence's end), the first with a line of another paragraph starting on its row, right of
    it ("Toelichting" | "Elk jaar …", "Vervolgprocedure" | "9 mei …")."""
    if not block.lines or any(len(ln.text.split()) > ROW_LABEL_WORDS or ITEM_END.search(ln.text.strip())
                              for ln in block.lines):
        return False
    label = block.lines[0]
    return any(ln.page == label.page and ln.bbox.x0 > label.bbox.x1
               and abs(ln.bbox.top - label.bbox.top) <= 0.5 * label.bbox.height
               for other in others if other is not block for ln in other.lines)


def find_unlabelled_decisions(sections: Sequence[Section], vocabulary: Vocabulary | None = None,
                              roles: Mapping[Block, BlockKind] | None = None,
                              body: str | None = None) -> list[DecisionPoint]:
    """The decisions of a besluitenlijst that prints no decision label: under each item's heading,
    the paragraph whose first sentence names the deciding body with its verb (rules/decisions.toml
    [unlabelled]), whole; the item is the heading's number when it has one. A paragraph under a
    label of its own ("Samenvatting: …") reports, it does not decide."""
    roles = roles or {}
    rules = load_rules()
    found: list[DecisionPoint] = []
    for section in sections:
        if not section.heading:
            continue
        number = rules.agenda_item.match(section.heading)
        paragraphs = [b for b in section.body if roles.get(b, b.kind) is BlockKind.BODY]
        for k, block in enumerate(paragraphs):
            if _row_labels(block, paragraphs):
                continue  # a label of the item's left column ("Toelichting" | its paragraph)
            # the item's field lines set close above its paragraph ("Kenmerk: 2010/…") head it,
            # they are no part of it
            lines = list(block.lines)
            while len(lines) > 1 and _field_line(lines[0].text):
                lines = lines[1:]
            text = ""
            for line in lines:
                text = join_running_text(text, line.text, vocabulary)
            for after in paragraphs[k + 1:]:
                if not ends_mid_sentence(text):
                    break
                # a paragraph broken off mid-sentence at a column's or page's foot goes on in the
                # next block of its section (the top of the next column)
                for line in after.lines:
                    text = join_running_text(text, line.text, vocabulary)
                lines += after.lines
            # the paragraph states the decision in one of its sentences, first, last ("…
            # Gedeputeerde Staten kunnen zich dan ook vinden in het voorstel.") or between its record
            # and the positions taken ("… vervallen. Er is besloten …"), under no label of its own
            # ("Samenvatting: …"); it ends its sentence, or is more than one sentence (no heading)
            summary = _summary_label().match(text)
            if summary:
                text = text[summary.end():]
            sentences = _sentences(text)
            if sentences and any(_deciding().search(s) for s in sentences) \
                    and (text.rstrip()[-1:] in ".;" or len(sentences) > 1) \
                    and not starts_with_label(text) and not LEADING_LABEL.match(text):
                box = union_all(ln.bbox for ln in lines if ln.page == lines[0].page)
                found.append(DecisionPoint(len(found) + 1, text, lines[0].page, box, body, "decisions:agenda_paragraph",
                                           lines, agenda_item=number.group("item") if number else None))
                break
    for d in found:
        d.outcome, d.votes_for, d.votes_against = find_outcome(d.text, rules)
    return found
