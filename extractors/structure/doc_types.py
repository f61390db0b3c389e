"""What kind of council paper a document is, from several cues together, never from one phrase.

Dutch council papers announce their kind in different places depending on the template: a form's
title ("Raadsvoorstel", "Nota voor burgemeester en wethouders"), an export's type line under the
body's name ("AMENDEMENT"), an opening formula ("De raad van de gemeente …", "Geachte …"), the
structure of the text ("overwegende dat …", "verzoekt het college …", agenda items with outcomes)
and a closing formula ("Aldus besloten …", "Met vriendelijke groet"). Each cue family in
`rules/doc_types.toml` gives weight to a kind; the kind with the most weight wins. Title cues count
most and are the only ones that may start a new document inside a compound PDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.normalize import join_letter_spacing

FIRST_LINES = 2
"""The lines (title block, first line of the body) a `first_line` cue looks at."""
NOT_A_SUBJECT = frozenset({"van", "de", "het", "der", "den", "d", "dd", "aan", "voor"})
"""Words after a type line's kind that name nothing: "Voorstel aan de raad van de gemeente X" names
only the kind; "Subsidiebesluit cultuurfonds" and "Forumverslag 14-05-2018" name a paper."""
BODY_NAME = re.compile(r"\b(?:van\s+)?(?:de\s+)?(?i:gemeente|provincie|waterschap|hoogheemraadschap)\s+"
                       r"[A-Z'’][\w'’.()-]*(?:[\s-]+(?:(?:van|de|der|den|aan|op|in|en)\s+)?\(?[A-Z][\w'’.()-]*)*")
LONE_WORD = re.compile(r"[^\W\d_]+")
"""A line of one word of letters only, no punctuation: a label, not the tail of a sentence."""
SEGMENT = re.compile(r"\s+[·•|–—]\s+")
"""What separates the parts of an export's header line ("Gemeente X · Besluitenlijst"); a plain
hyphen does not: "Gemeente X - Verslag" is the running header of a report's later pages."""


@dataclass(frozen=True)
class Cue:
    doc_type: str
    where: str
    """`title`: the lines at the top of the document; `first_line`: only its first lines (a line
    that opens a page: "Bijlage 2. …", "TER ONDERTEKENING"); `kind_line`: only the line that
    names the kind set over (or beside) the paper's title ("BIJLAGE" over the annex's name);
    `text`: any line of its first pages; `fields`: a row of its first page's form, label and
    value joined."""
    weight: float
    patterns: tuple[re.Pattern[str], ...]
    name: str
    min_count: int = 1
    """Lines that must match before the cue counts (a besluitenlijst has several "Besluit:" lines)."""
    requires: frozenset[str] = frozenset()
    """Names of cues that must have been found as well: a cue that means a kind only together with
    another ("Het college besluit:" in a paper whose type line says "Besluit")."""
    unless: frozenset[str] = frozenset()
    """Names of cues whose presence takes this cue's weight away: evidence that another cue explains
    better (a college's decision intro in a paper typed "Besluit" is no nota's advice)."""
    label_lines: bool = False
    """Whether the cue reads `Label: value` lines below the first title line (an e-mail's header);
    other title cues pass over them: "Raadsvoorstel: …" under a motion's title names the proposal
    it is about, not the paper's own kind."""
    not_after: frozenset[str] = frozenset()
    """Names of cues of the same lines (`where`) whose first match ends the lines this cue reads: a
    line below theirs is no match of this one (the college named under a letter's closing signs the
    letter; it is no besluit's opening formula)."""
    any_pattern: re.Pattern[str] | None = None
    """The patterns as one alternation (`_any_of`): a line matches it where it matches any of them,
    in one search instead of one per pattern (`classify` tries every cue on every line)."""

    def matches(self, line: str) -> bool:
        """Whether any of the cue's patterns is found in `line`."""
        if self.any_pattern is not None:
            return self.any_pattern.search(line) is not None
        return any(p.search(line) for p in self.patterns)


def _any_of(patterns: Sequence[str], flags: int) -> re.Pattern[str] | None:
    """`(?:p1)|(?:p2)|…`, found in a text exactly where one of the patterns is; None where the
    patterns cannot share one expression (a group name used twice, a numbered backreference, a
    global inline flag), and then each is tried in turn."""
    if len(patterns) == 1:
        return re.compile(patterns[0], flags)
    if not patterns or any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), flags)
    except re.error:
        return None


@dataclass(frozen=True)
class DocTypeRules:
    cues: tuple[Cue, ...]
    title_lines: int
    min_weight: float
    starts_document: float
    order: tuple[str, ...]
    type_line_kinds: frozenset[str] = frozenset()
    thread_cues: frozenset[str] = frozenset()
    name_cues: frozenset[str] = frozenset()
    field_line: re.Pattern[str] = re.compile(r"(?!)")
    kind_words: frozenset[str] = frozenset()
    annex_after: frozenset[str] = frozenset()
    """Kinds of paper after which a document of no kind of its own, in the same PDF, is their annex."""
    adopted_after: frozenset[str] = frozenset()
    """Kinds of decision after which a document whose own kind only a weak type line names (a kind of
    `type_line_kinds` with less weight than `starts_document`) is what the decision adopts: their annex."""
    head_kind_lines: frozenset[str] = frozenset()
    """Kinds whose kind line alone at the head of a page, over the first heading of the text, opens a
    paper of that kind after one that proposes or decides (an annex that begins with its first chapter)."""
    item_lists: frozenset[str] = frozenset()
    """Kinds that list items headed by the paper each decides on ("Motie …", "Amendement …"): such a head
    at the top of a later page, set as the list's item heads are set, is its next item, no paper."""
    stray_marks: str = ""
    """Marks a text layer leaves before a line's first word that belong to no word (OCR reads a speck
    as "‚" or "|"): taken off before the cues read the line."""
    memo: _LineHits = field(default_factory=lambda: _LineHits(), compare=False, hash=False, repr=False)
    """The cues by group and the lines they matched (`line_hits`)."""

    def cue_groups(self) -> dict[str, tuple[tuple[int, Callable[[str], object]], ...]]:
        """The cues by the lines they read (`Cue.where`; title cues by `label_lines` too), each as
        (its index in `cues`, a search that is truthy where the cue matches a line)."""
        if self.memo.groups is None:
            found: dict[str, list[tuple[int, Callable[[str], object]]]] = {}
            for k, cue in enumerate(self.cues):
                search = cue.any_pattern.search if cue.any_pattern is not None else cue.matches
                found.setdefault(_group(cue), []).append((k, search))
            self.memo.groups = {g: tuple(v) for g, v in found.items()}
        return self.memo.groups

    def line_hits(self, group: str, line: str) -> tuple[int, ...]:
        """The indices of the cues of `group` that match `line`, found once per line and group: the
        split classifies a document's lines, its title and each page's head again and again, and a
        batch's papers share their boilerplate (half of the dev corpus's 213,000 tries of a cue on a
        line were tried before); a line matches few cues, so `classify` counts a cue's lines from
        these instead of trying every cue on every line."""
        seen = self.memo.seen
        found = seen.get((group, line))
        if found is None:
            found = tuple(k for k, search in self.cue_groups()[group] if search(line))
            if len(seen) >= LINE_HITS_MEMO:
                seen.clear()
            seen[(group, line)] = found
        return found


class _LineHits:
    """A DocTypeRules' cue groups and, per (group, line), the cues of the group that match it."""

    def __init__(self) -> None:
        self.groups: dict[str, tuple[tuple[int, Callable[[str], object]], ...]] | None = None
        self.seen: dict[tuple[str, str], tuple[int, ...]] = {}


LINE_HITS_MEMO = 20_000
"""(group, line) pairs whose matching cues `DocTypeRules.line_hits` keeps; then it starts over."""


def _group(cue: Cue) -> str:
    return f"title:{cue.label_lines}" if cue.where == "title" else cue.where


@dataclass(frozen=True)
class DocType:
    """The kind of a document with the evidence for it."""

    doc_type: str
    weight: float
    cues: tuple[str, ...]
    title_weight: float
    """The part of the weight from title cues (what may start a new document)."""

    @property
    def method(self) -> str:
        return "doc_type:" + "+".join(self.cues)


@lru_cache(maxsize=1)
def load_rules() -> DocTypeRules:
    data = read_rules("doc_types")
    cues = tuple(
        Cue(c["doc_type"], c["where"], float(c["weight"]),
            tuple(re.compile(p, re.IGNORECASE) for p in c["patterns"]), c.get("name", c["doc_type"]),
            int(c.get("min_count", 1)), frozenset(c.get("requires", ())), frozenset(c.get("unless", ())),
            bool(c.get("label_lines", False)), frozenset(c.get("not_after", ())), _any_of(c["patterns"], re.IGNORECASE))
        for c in data["cue"])
    s = data["settings"]
    order = tuple(dict.fromkeys(c.doc_type for c in cues))
    return DocTypeRules(cues, int(s["title_lines"]), float(s["min_weight"]), float(s["starts_document"]), order,
                        frozenset(s["type_line_kinds"]), frozenset(s["thread_cues"]),
                        frozenset(s.get("name_cues", ())), re.compile(s["field_line"], re.IGNORECASE),
                        frozenset(w.casefold() for w in data["title"].get("kind_words", ())),
                        frozenset(s.get("annex_after", ())), frozenset(s.get("adopted_after", ())),
                        frozenset(s.get("head_kind_lines", ())), frozenset(s.get("item_lists", ())),
                        str(s.get("stray_marks", "")))


def classify(title_lines: Sequence[str], text_lines: Iterable[str], rules: DocTypeRules | None = None,
             kind_line: str | None = None, field_lines: Sequence[str] = ()) -> DocType | None:
    """The kind the cues point to, or None when too little points anywhere.

    `title_lines` are the first lines of the document (its title block, running header and the
    first `title_lines` lines of its body); `text_lines` the lines of its first pages (and its last
    page, for closing formulas); `kind_line` the line that names the kind over the title, when the
    layout sets one apart (`kind_line` cues read only that line); `field_lines` the rows of its
    first page's form, each label and value joined (`fields` cues read them: "Vastgesteld door" in a
    column of labels, its value beside it, is one field).
    """
    rules = rules or load_rules()
    title = [seg for t in title_lines for seg in _segments(t, rules.stray_marks)]
    text = [seg for t in text_lines for seg in _segments(t, rules.stray_marks)]
    weight: dict[str, float] = {}
    title_weight: dict[str, float] = {}
    first_line: dict[str, int] = {}
    found: dict[str, list[str]] = {}
    fired: list[tuple[Cue, int]] = []
    # a title starts like one: a line that opens in lower case continues a sentence, unless it is a
    # lone word (a kind line set in lower case under the letterhead: "brief", "besluitenlijst")
    title_starts = [(k, t) for k, t in enumerate(title) if not t[:1].islower() or LONE_WORD.fullmatch(t)]
    # the first title line is the first after a letterhead ("GEMEENTE X" over "RAADSBESLUIT: <title>"):
    # a type line with its colon and the paper's name there names the paper's own kind
    first = next((k for k, t in enumerate(title) if not BODY_NAME.fullmatch(t.strip())), 0)
    title_lines_of = {True: [t for _, t in title_starts],  # by `label_lines`: the same for every title cue
                      False: [t for k, t in title_starts if k <= first or not rules.field_line.match(t)]}
    read = {"first_line": title[:FIRST_LINES],  # the lines each group of cues reads
            "kind_line": _segments(kind_line, rules.stray_marks) if kind_line else [],
            "title:True": title_lines_of[True], "title:False": title_lines_of[False],
            "fields": [seg for t in field_lines for seg in _segments(t, rules.stray_marks)]}
    hits: dict[int, list[int]] = {}  # cue index -> the lines (of its group) it matches, in order
    for group in rules.cue_groups():
        for i, line in enumerate(read.get(group, text)):
            for k in rules.line_hits(group, line):
                hits.setdefault(k, []).append(i)
    for k, cue in enumerate(rules.cues):
        found_at = hits.get(k, [])
        if cue.not_after and found_at:
            ends = [hits[j][0] for j, other in enumerate(rules.cues)
                    if other.name in cue.not_after and _group(other) == _group(cue) and hits.get(j)]
            if ends:
                found_at = [i for i in found_at if i < min(ends)]
        if found_at and len(found_at) >= cue.min_count:
            fired.append((cue, found_at[0]))
    names = {cue.name for cue, _ in fired}
    for cue, first in fired:
        if not cue.requires <= names or cue.unless & names:
            continue  # a cue that counts only with another, or that another explains better
        weight[cue.doc_type] = weight.get(cue.doc_type, 0.0) + cue.weight
        if cue.where in ("title", "first_line", "kind_line"):
            title_weight[cue.doc_type] = title_weight.get(cue.doc_type, 0.0) + cue.weight
            first_line[cue.doc_type] = min(first_line.get(cue.doc_type, first), first)
        found.setdefault(cue.doc_type, []).append(cue.name)
    if not weight:
        return None
    # equal evidence: the kind named higher up wins, then the order of the rule file
    best = max(weight, key=lambda k: (weight[k], title_weight.get(k, 0.0), -first_line.get(k, len(title)),
                                      -rules.order.index(k)))
    if weight[best] < rules.min_weight:
        return None
    return DocType(best, weight[best], tuple(found[best]), title_weight.get(best, 0.0))


def names_only_the_kind(title: str, rules: DocTypeRules | None = None) -> bool:
    """Whether a title line says no more than the kind of paper ("RAADSVOORSTEL", "Voorstel aan
    de gemeenteraad", "Raadsvoorstel gemeente X"): after what a title cue matches, no word is
    left besides the body's name and particles. "Motie kinderen met …" or "Besluitenlijst
    college X - 5 april 2024" name the kind and also the paper: they are titles."""
    return subject_after_kind(title, rules) == []


def is_bare_kind_word(text: str, rules: DocTypeRules | None = None) -> bool:
    """Whether a title block is one bare word naming a kind of paper ("BRIEF", "Memo", letter-spaced
    too; rules/doc_types.toml [title] kind_words): the kind, never the paper's title."""
    rules = rules or load_rules()
    return " ".join(join_letter_spacing(text).split()).casefold() in rules.kind_words


def names_kind_and_subject(title: str, rules: DocTypeRules | None = None) -> bool:
    """Whether a line opens with the kind of paper and goes on to name the paper itself
    ("Motie van de leden A en B", "Besluitenlijst raadsvergadering 3 maart 2031"): a title of its
    own, also when it is set in the body's size."""
    return bool(subject_after_kind(title, rules))


def subject_after_kind(title: str, rules: DocTypeRules | None = None) -> list[str] | None:
    """The words a type line says after the kind it opens with (the body's name and particles
    left out), or None when the line does not open with a kind of paper. A cue pattern that
    takes the paper's name along with its kind ("Bijlage 2: Zienswijzen") marks it as the group
    `subject`."""
    rules = rules or load_rules()
    text = join_letter_spacing(title).strip()
    found: list[str] | None = None
    for cue in rules.cues:
        if cue.where not in ("title", "first_line") or cue.doc_type not in rules.type_line_kinds \
                or cue.name in rules.name_cues or cue.weight <= 0:
            continue  # (a cue of no weight is evidence beside another: it names no kind by itself)
        for p in cue.patterns:
            m = p.search(text)
            if m and m.start() == 0:
                after = m.group("subject") if "subject" in p.groupindex else text[m.end():]
                rest = [w for w in re.findall(r"\w+", BODY_NAME.sub(" ", after))
                        if w.casefold() not in NOT_A_SUBJECT]
                if not rest:
                    return []
                if found is None or len(rest) < len(found):
                    found = rest
    return found


def _segments(line: str, stray_marks: str = "") -> list[str]:
    """A line with letter-spacing joined, cut into the parts a header line separates, each without
    the stray marks before its first word."""
    parts = (s.strip().lstrip(stray_marks).strip() for s in SEGMENT.split(join_letter_spacing(line)))
    return [s for s in parts if s]


def starts_document(found: DocType | None, rules: DocTypeRules | None = None) -> bool:
    """Whether the title cues at the top of a page are strong enough to open a new document there."""
    rules = rules or load_rules()
    return found is not None and found.title_weight >= rules.starts_document
