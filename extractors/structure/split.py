"""Splitting a compound PDF into its documents and telling their kinds.

A council PDF binds several documents: a nota for B&W, a raadsvoorstel, a raadsbesluit, the plan
or report itself. A page opens a new document when
- its top carries a document-type title of a form ("Nota voor burgemeester en wethouders",
  "RAADSVOORSTEL", "Raadsinformatiebrief") or an opening formula ("De raad van de gemeente …"),
- it is a cover page (few words, a large title) whose title names a kind of document,
- or its page numbering starts again ("blad 1", "pag. 1/6") or its running footer changes,
  and a title naming a kind of document sits at its top.
Kinds come from the title (`rules/doc_types.toml`); an unrecognised document is `onbekend`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.furniture import load_rules as load_furniture_rules, mask, similar
from raadsstukken.extractors.structure.carry_on import item_numbers, repeats_band, runs_on, top_band
from raadsstukken.extractors.structure.headings import body_style
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.dates import find_dates
from raadsstukken.extractors.text.normalize import HEADING_NUMBER, NAMED_NUMBER
from raadsstukken.extractors.structure.doc_types import (DocType, classify, is_bare_kind_word, names_kind_and_subject,
                                                          names_only_the_kind, starts_document)
from raadsstukken.extractors.structure.doc_types import load_rules as load_doc_type_rules
from raadsstukken.extractors.structure.decisions import is_decision_label
from raadsstukken.extractors.structure.kind_fields import kind_field
from raadsstukken.extractors.structure.kind_marks import KindMark, find_kind_mark, kind_changes, same_kind
from raadsstukken.extractors.structure.forms import grid_label_blocks, form_value_blocks, form_values, page_rows
from raadsstukken.extractors.structure.metadata import FORM_PAGES, form_label_rest, opens_with_label, starts_with_label
from raadsstukken.extractors.structure.metadata import load_rules as load_metadata_rules


FIELD_LABEL = re.compile(r"^\s*[^\W\d_][\w ]{0,30}:")
"""A line that opens with a label and its colon ("Sent:", "Datum vergadering:")."""
ITEM_LABEL_KINDS = frozenset({"besluitenlijst"})
"""Kinds whose items each carry a decision label ("Besluit:"), a label and not a heading."""

TOP_SHARE = 0.3
"""A title counts when it starts in this top share of the page's body."""
MAX_TITLE_LINES = 4
"""Longest title, in lines."""
TITLE_LINE_GAP = 0.6
"""Largest gap between the lines of a wrapped title, in font sizes."""
KIND_LINE_GAP = 4.0
"""Widest gap between a kind line and the title under it, in font sizes: a kind word set in a
coloured band at the top of the page stands well above the title under the band."""
KIND_LINE_ALIGN = 6.0
"""Largest offset, in points, of a kind line from the title under it: their left edges, or their
centres when both are centred."""
LONG_TITLE_WORDS = 60
"""Most words of a title of more lines than MAX_TITLE_LINES: a regulation's full name ("Verordening
van … houdende regels voor …") set bold in the page's largest type may wrap over many lines."""


@dataclass(frozen=True)
class DocumentPart:
    """A document inside a (compound) PDF: its pages, kind, title and how it was found."""

    part_index: int
    page_start: int
    page_end: int
    doc_type: str = "onbekend"
    title: str | None = None
    method: str = "whole_file"
    title_blocks: tuple[Block, ...] = field(default=(), compare=False, repr=False)
    """The blocks that print the document's title (recorded on `documents`, never headings)."""
    cover_page: int | None = field(default=None, compare=False)
    """The document's cover page, whose other text is cover text (never headings)."""


@dataclass(frozen=True)
class CoverRules:
    max_words: int
    title_ratio: float
    letterhead_words: int = 5
    letterhead: tuple[re.Pattern[str], ...] = ()
    body_kinds: frozenset[str] = frozenset()
    title_tail: tuple[re.Pattern[str], ...] = ()
    carry_on: frozenset[str] = frozenset()
    running_title_words: int = 3
    running_title_share: float = 0.8
    edition: re.Pattern[str] = re.compile(r"(?!)")


@lru_cache(maxsize=1)
def load_rules() -> CoverRules:
    data = read_rules("doc_types")
    head = data["letterhead"]
    return CoverRules(int(data["cover"]["max_words"]), float(data["cover"]["title_ratio"]),
                      int(head["max_words"]), tuple(re.compile(p, re.IGNORECASE) for p in head["patterns"]),
                      frozenset(w.casefold() for w in head["body_kinds"]),
                      tuple(re.compile(p, re.IGNORECASE) for p in data["title"]["tail"]),
                      frozenset(w.casefold() for w in data["title"]["carry_on"]),
                      int(data["running_title"]["min_words"]), float(data["running_title"]["min_share"]),
                      re.compile(head.get("edition", r"(?!)")))


def is_letterhead(block: Block, rules: CoverRules | None = None, blocks: Sequence[Block] = ()) -> bool:
    """Whether a block is the sending body's name, set at the top of a paper ("Gemeente X"); a
    body's name with a date is the title of its meeting ("College van B&W 3 maart 2031"), one with a
    year an edition of a paper ("Gemeenschappelijke regeling X 2031"). Given
    the page's `blocks`, also the name set large under its kind in small type ("gemeente" /
    "Oosterwold"), as letterheads stack them."""
    rules = rules or load_rules()
    text = " ".join(block.text.split())
    if len(text.split()) <= rules.letterhead_words and any(p.match(text) for p in rules.letterhead) \
            and not find_dates(text) and not rules.edition.search(text):
        return True
    return any(_names_under_body_kind(block, b, rules) for b in blocks)


LETTERHEAD_COMPANION_WORDS = 2
"""Most words of a block on the letterhead's own baseline that belongs to it (the kind of paper
at the right of a header band)."""

STACKED_NAME_WORDS = 4
"""Most words of a body's name stacked under its kind word in a letterhead."""


def _names_under_body_kind(block: Block, above: Block, rules: CoverRules) -> bool:
    """`above` holds only a kind of body ("gemeente", "provincie") and `block` the name right
    under it, aligned: a name of a few capitalised words, no digits, no sentence."""
    if above is block or above.text.strip().casefold() not in rules.body_kinds:
        return False  # first: `is_letterhead` asks this of every pair of a page's blocks
    text = " ".join(block.text.split())
    return abs(above.bbox.x0 - block.bbox.x0) <= 6 and 0 <= block.bbox.top - above.bbox.bottom <= 1.5 * block.size \
        and len(text.split()) <= STACKED_NAME_WORDS and text[:1].isupper() and not re.search(r"\d|[.;:,]$", text)


def classify_title(text: str) -> tuple[str, bool] | None:
    """(doc_type, opens a document) for a title line alone, or None when it names no kind."""
    found = classify([text], [])
    return (found.doc_type, starts_document(found)) if found else None


@dataclass(frozen=True)
class PageCue:
    """What the top of a page says about a document starting there."""

    title: str | None
    doc_type: str | None
    strong: bool
    cover: bool
    renumbered: bool
    title_blocks: tuple[Block, ...] = ()
    cue_names: tuple[str, ...] = ()
    type_line: bool = False
    """A kind of paper is named in the page's first lines (a type line over the title block)."""
    kind_word: str | None = None
    """The large word that names the kind beside the title ("Nota"), when the title is beside it."""
    kind_mark: KindMark | None = None
    """The kind word at the head of a page that prints a title (structure/kind_marks.py)."""
    head_kind: bool = False
    """The page's head is a kind line alone over the text's first heading (`_kind_line_at_head`): it
    opens a paper only after one that proposes or decides."""


def find_document_parts(pages: Sequence[PageLayout]) -> list[DocumentPart]:
    """The documents of a PDF, in page order, covering every page."""
    if not pages:
        return []
    rules = load_rules()
    body = body_style([b for p in pages for b in p.blocks if b.kind is BlockKind.BODY])
    cues = [_page_cue(page, pages[i - 1] if i else None, body.size, rules) for i, page in enumerate(pages)]
    starts: list[int] = [0]
    marked: set[int] = set()
    lined: set[int] = set()
    thread = load_doc_type_rules().thread_cues
    for i, cue in enumerate(cues[1:], 1):
        before = next((c.kind_mark for c in reversed(cues[starts[-1]:i]) if c.kind_mark is not None), None)
        if before is not None and cue.kind_mark is not None and kind_changes(before, cue.kind_mark):
            starts.append(i)  # the kind word of a bundle's masthead changes: the next paper
            marked.add(i)
            continue
        if _next_of_a_kind(pages, starts[-1], i, cues):
            starts.append(i)  # the masthead again over a title and fields of its own: the next paper
            marked.add(i)
            continue
        if _own_kind_line(cue, cues[starts[-1]]):
            starts.append(i)  # a kind line of another kind over a title of its own: the next paper
            lined.add(i)
            continue
        if cue.head_kind and not cue.renumbered and not _adopts(pages[starts[-1]:i], cues[starts[-1]]):
            continue  # a bare kind line over a heading opens only the annex of a paper that adopts it
        if cue.strong and not cue.renumbered and _next_item(pages[starts[-1]:i], cues[starts[-1]], cue):
            continue  # the next item of a list, headed by the paper it decides on
        if cue.strong or (cue.doc_type and (cue.cover or cue.renumbered)):
            if thread.intersection(cue.cue_names) and thread.intersection(cues[starts[-1]].cue_names):
                continue  # the next message of an e-mail thread
            # its running header names the document open before it; a kind line of another kind
            # set over a title of its own ("BIJLAGE" over the annex's name) opens the page anyway
            own_kind = cue.kind_word is not None and cue.doc_type != cues[starts[-1]].doc_type
            if not own_kind and _repeats_title(pages[i], _own_title(cues[starts[-1]]), body.size, rules):
                continue
            if _carries_on(pages, starts[-1], i, cues, body.size):
                continue  # a running band with the kind word, or the agenda numbering runs on
            starts.append(i)
    parts: list[DocumentPart] = []
    for n, first in enumerate(starts):
        last = (starts[n + 1] - 1) if n + 1 < len(starts) else len(pages) - 1
        cue = cues[first]
        found = document_type(pages[first:last + 1], cue.title, cue.kind_word)
        # a paper of no kind of its own bound after one that proposes or decides (or after its annex);
        # after a decision, also one whose kind only a weak type line names (a bare "Nota" kind line):
        # what the decision adopts (a plan or report named so in its title keeps its kind)
        type_rules = load_doc_type_rules()
        after = parts[-1].doc_type if parts else None
        annexed = found is None and after in type_rules.annex_after
        adopted = found is not None and found.weight < type_rules.starts_document \
            and found.doc_type in type_rules.type_line_kinds and after in type_rules.adopted_after
        if adopted:
            found = None
        doc_type = found.doc_type if found else "bijlage" if annexed or adopted else "onbekend"
        method = "title" if cue.strong else "cover" if cue.cover else "renumbering" if cue.renumbered \
            else "kind_mark" if first in marked else "kind_line" if first in lined else "first_page"
        method += f";{found.method}" if found else ";doc_type:annex_after" if annexed \
            else ";doc_type:adopted_after" if adopted else ""
        marks = cue.doc_type is not None or cue.cover or cue.type_line or first in marked \
            or _heads_the_page(cue.title_blocks, pages[first:last + 1])
        parts.append(DocumentPart(n, pages[first].number, pages[last].number, doc_type,
                                  _own_title(cue), f"split:{method}",
                                  title_blocks=cue.title_blocks if marks else (),
                                  cover_page=pages[first].number if cue.cover else None))
    return parts


def _adopts(pages: Sequence[PageLayout], open_cue: PageCue) -> bool:
    """Whether the document open over `pages` is of a kind that proposes or decides, and so may have
    annexes bound after it ([settings] annex_after)."""
    found = document_type(pages, open_cue.title, open_cue.kind_word)
    return found is not None and found.doc_type in load_doc_type_rules().annex_after


def _next_item(pages: Sequence[PageLayout], open_cue: PageCue, cue: PageCue) -> bool:
    """Whether the head that names a kind of paper at the top of a page ("Motie …") is the next item of
    the list open over `pages` ([settings] item_lists): the list's earlier pages head other items the
    same way, a line in the same type (size, weight) that names a kind and a subject too."""
    if len(cue.title_blocks) != 1 or not names_kind_and_subject(cue.title_blocks[0].text):
        return False
    head = cue.title_blocks[0]
    items = [b for p in pages for b in p.blocks if b.kind is BlockKind.BODY and b not in open_cue.title_blocks
             and abs(b.size - head.size) < 0.5 and b.bold == head.bold and names_kind_and_subject(b.text)]
    if not items:
        return False
    found = document_type(pages, open_cue.title, open_cue.kind_word)
    return found is not None and found.doc_type in load_doc_type_rules().item_lists


def _own_kind_line(cue: PageCue, open_cue: PageCue) -> bool:
    """Whether a page opens a paper of its own by the kind line set over (or beside) its title: the
    kind word names a kind other than the open document's ("Nota" over the plan a raadsbesluit
    before it adopts), over a title that is not the open document's (a later page that repeats the
    paper's kind and title carries it on)."""
    if cue.kind_word is None or cue.doc_type is None or cue.doc_type == open_cue.doc_type or not cue.title:
        return False
    own = _own_title(open_cue)
    return not (own and _squash(own) == _squash(cue.title))


MASTHEAD_FIELDS = 2
"""Fewest head fields (labels the metadata rules know, with a value) of a paper's first page."""


def _next_of_a_kind(pages: Sequence[PageLayout], start: int, i: int, cues: Sequence[PageCue]) -> bool:
    """Whether page `i` opens the next paper of a bundle of one kind (the proposals of a meeting,
    each printed from one template): it repeats the kind word of the open document's first page,
    set the same way, over a title of its own (not the open document's), and prints head fields
    as that first page does, with other values (its own number, its own subject)."""
    first, here = cues[start], cues[i]
    if first.kind_mark is None or here.kind_mark is None or not same_kind(first.kind_mark, here.kind_mark) \
            or not first.title or not here.title or _squash(first.title) == _squash(here.title):
        return False
    own, opened = _head_fields(pages[i]), _head_fields(pages[start])
    if len(own) >= MASTHEAD_FIELDS and len(opened) >= MASTHEAD_FIELDS and own != opened:
        return True
    # (the records of meetings bound in one file, each from a new page: a title of its own set as the
    # first one is, over an agenda numbering that starts again at its first item)
    return _set_as(first.title_blocks, here.title_blocks) and _numbering_restarts(pages, start, i)


def _set_as(first: Sequence[Block], here: Sequence[Block]) -> bool:
    """Whether a page's title is set as the open document's title is: the same type (size, weight)
    at the same place on its page (left edge, top within a line)."""
    if not first or not here:
        return False
    a, b = first[0], here[0]
    return abs(a.size - b.size) < 0.5 and a.bold == b.bold and abs(a.bbox.x0 - b.bbox.x0) <= 3 \
        and abs(a.bbox.top - b.bbox.top) <= 2 * a.size


def _numbering_restarts(pages: Sequence[PageLayout], start: int, i: int) -> bool:
    """Whether the agenda numbering of page `i` starts again at its first item where the open
    document's pages (`start` up to `i`) number items of their own that it does not run on from."""
    before = [n for p in pages[start:i] for n in item_numbers(p)]
    here = item_numbers(pages[i])
    return bool(before) and bool(here) and here[0].rstrip(".") == "1" and not runs_on(before[-1], here[0])


def _head_fields(page: PageLayout) -> frozenset[str]:
    """The labelled values a page prints ("Zaaknummer 12", "Datum: 3 maart 2031"), squashed."""
    found: set[str] = set()
    for row in page_rows(page):
        for k, cell in enumerate(row.cells):
            rest = form_label_rest(cell)
            if rest is None:
                continue
            value = rest.lstrip(": ").strip() or (row.cells[k + 1].text if k + 1 < len(row.cells) else "")
            if value.strip():
                found.add(_squash(cell.text + " " + value))
    return frozenset(found)


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _carries_on(pages: Sequence[PageLayout], start: int, i: int, cues: Sequence[PageCue], body_size: float) -> bool:
    """Whether page `i`, whose top names the kind of the document open since page `start` and no
    paper of its own, carries that document on (structure/carry_on.py): its top band repeats the
    document's body and kind word in running-header type, or its agenda numbering runs on."""
    cue, open_cue = cues[i], cues[start]
    if cue.doc_type is None or cue.doc_type != open_cue.doc_type or cue.renumbered \
            or (cue.title is not None and not names_only_the_kind(cue.title)):
        return False

    def kind_word(block: Block) -> bool:
        named = classify_title(block.text)
        return names_only_the_kind(block.text) and named is not None and named[0] == cue.doc_type

    if repeats_band(top_band(pages[i]), pages[start], body_size, kind_word, is_letterhead):
        return True
    here = item_numbers(pages[i])
    before: list[str] = next((numbers for numbers in (item_numbers(p) for p in reversed(pages[start:i])) if numbers), [])
    return bool(here and before) and runs_on(before[-1], here[0])


def document_roles(part: DocumentPart, pages: Sequence[PageLayout]) -> Mapping[Block, BlockKind]:
    """The document-level roles of a part's blocks: its title blocks, the text of its cover, the
    values of its form fields, and in a besluitenlijst the decision labels of its items
    ("Besluit", set bold on a line of its own under each agenda item).

    Blocks not in the mapping keep the role the page layer gave them (`Block.kind`).
    """
    # a title block that only names the kind ("RAADSVOORSTEL") is no title of its own: it stays in
    # the text (never a heading), so its words reach a row like every other word of the page
    kind = BlockKind.TITLE if part.title else BlockKind.COVER
    # a type line that prints the kind as its label ("RAADSBESLUIT: Verordening …") titles the paper
    # by its subject; the line as printed stays in the text (its kind word reaches a row), no heading
    roles: dict[Block, BlockKind] = {block: BlockKind.COVER if kind_label(block.text) is not None else kind
                                     for block in part.title_blocks}
    for page in pages:
        if page.number == part.cover_page:
            for block in page.blocks:
                if block not in roles and block.kind is BlockKind.BODY:
                    roles[block] = BlockKind.COVER
    first = [p for p in pages if p.number == part.page_start]
    for page in first:
        heads = [block for block in page.blocks
                 if block not in roles and block.kind is BlockKind.BODY and block.bbox.top <= page.height * TOP_SHARE
                 and is_letterhead(block, blocks=page.blocks)]
        for block in heads:
            roles[block] = BlockKind.LETTERHEAD
        # a bare kind word at the top ("BRIEF", "Memo") names the paper's kind: cover text, no heading
        for block in page.blocks:
            if block not in roles and block.kind is BlockKind.BODY and block.bbox.top <= page.height * TOP_SHARE \
                    and len(block.lines) == 1 and is_bare_kind_word(block.text):
                roles[block] = BlockKind.COVER
        # a word or two set on the letterhead's own line (the kind of paper at the right of a
        # header band, "BRIEF") belong to it: the band names the paper, it heads no section
        for block in page.blocks:
            if block not in roles and block.kind is BlockKind.BODY and len(block.lines) == 1 \
                    and len(block.text.split()) <= LETTERHEAD_COMPANION_WORDS \
                    and any(abs(block.lines[0].bbox.bottom - h.lines[-1].bbox.bottom) <= 2.0 for h in heads):
                roles[block] = BlockKind.LETTERHEAD
        # what a paper prints above its title or beside it (a series' name, a dossier number and
        # title, a volume number, the paper's number) is its masthead: text, never its headings
        tops = [b.bbox.top for b in part.title_blocks if b.page == page.number]
        for block in page.blocks:
            if tops and block not in roles and block.kind is BlockKind.BODY and block.bbox.top <= min(tops) + 1:
                roles[block] = BlockKind.COVER
    # a small label in capitals right over its value set larger (a publication's validity box "GELDEND
    # VAN" over "1-1-2031 t/m heden", a meeting's "VOORZITTER" over a name): a field's label, no text
    body_size = body_style([b for p in pages for b in p.blocks if b.kind is BlockKind.BODY]).size
    for page in first:
        for block in page.blocks:
            if block not in roles and block.kind is BlockKind.BODY and _label_over_value(block, page.blocks, body_size):
                roles[block] = BlockKind.LABEL
    values: set[str] = set()
    for page in pages[:FORM_PAGES]:
        rows = page_rows(page)
        for block in form_value_blocks(page, rows, form_label_rest):
            values.add(" ".join(block.text.split()).casefold())
            if block not in roles and block.kind is BlockKind.BODY:
                roles[block] = BlockKind.LABEL
        values.update(" ".join(v.split()).casefold() for v in form_values(rows, form_label_rest))
        for block in grid_label_blocks(page, rows, known=lambda cell: form_label_rest(cell) == ""):
            if block not in roles and block.kind is BlockKind.BODY:
                roles[block] = BlockKind.LABEL
    # a field's value printed again in large type (the subject repeated as the paper's title); a
    # value of two words only where it is set larger than the body (a short subject, "Betreft:
    # Nieuwe sporthal", repeated as the title over the text)
    for page in pages[:FORM_PAGES]:
        for block in page.blocks:
            text = " ".join(block.text.split()).casefold()
            words = len(text.split())
            repeated = words >= REPEATED_VALUE_WORDS or (words >= 2 and block.size >= body_size + LABEL_LARGER_BY)
            if block not in roles and block.kind is BlockKind.BODY and repeated and text in values:
                roles[block] = BlockKind.LABEL
    if part.doc_type in ITEM_LABEL_KINDS:
        for page in pages:
            for block in page.blocks:
                if block not in roles and block.kind is BlockKind.BODY and is_decision_label(block.text):
                    roles[block] = BlockKind.LABEL
    return roles


LABEL_LARGER_BY = 1.0
"""How many points larger than a small label its value under it is set."""
REPEATED_VALUE_WORDS = 3
"""Fewest words of a form field's value printed again in body type that is the value, not text
(a value of two words repeated counts only where it is set larger than the body)."""


def _label_over_value(block: Block, blocks: Sequence[Block], body_size: float) -> bool:
    """Whether a one-line label in capitals, bold and smaller than the body, stands right over a value
    set larger (its top within rules/headings.toml [field_label] max_gap of the label's size): a head
    field's label, as the headings read it too."""
    letters = [ch for ch in block.text if ch.isalpha()]
    if len(block.lines) != 1 or not block.bold or len(letters) < 2 or not all(ch.isupper() for ch in letters) \
            or block.size >= body_size - 0.5:
        return False
    below = [b for b in blocks if b is not block and b.bbox.top >= block.bbox.bottom - 1 and b.bbox.x_overlap(block.bbox) > 0]
    if not below:
        return False
    value = min(below, key=lambda b: b.bbox.top)
    gap = value.bbox.top - block.bbox.bottom
    return value.size >= block.size + LABEL_LARGER_BY and gap <= _field_label_gap() * block.size


@lru_cache(maxsize=1)
def _field_label_gap() -> float:
    return float(read_rules("headings")["field_label"]["max_gap"])


def _page_cue(page: PageLayout, previous: PageLayout | None, body_size: float, rules: CoverRules) -> PageCue:
    blocks = [b for b in page.blocks if b.kind is not BlockKind.FOOTNOTE]
    if not blocks:
        return PageCue(None, None, False, False, False)
    words = sum(len(b.text.split()) for b in blocks)
    largest = max(b.size for b in blocks)
    # a short page with a paragraph of running text, or sentences, is a short paper, not a cover
    sentences = [b for b in blocks if abs(b.size - body_size) < 0.6 and b.text.rstrip()[-1:] in ".;:"
                 and len(b.text.split()) >= 6]
    running = any(len(b.lines) >= 2 for b in sentences) or len(sentences) >= 2
    cover = words <= rules.max_words and largest >= rules.title_ratio * body_size and not running
    title_blocks = _title_blocks(blocks, page, body_size, largest if cover else None)
    kind_word: str | None = None
    if len(title_blocks) == 1 and names_only_the_kind(title_blocks[0].text):
        beside = _subject_beside(title_blocks[0], blocks, page)
        if beside is not None:
            kind_word, title_blocks = _as_title_line(title_blocks[0].text), [beside]
    if kind_word is None and title_blocks:
        word_over = _title_under_kind_word(title_blocks, blocks, body_size)
        if word_over is not None:
            kind_word, title_blocks = _as_title_line(title_blocks[0].text), word_over
    if not title_blocks or (len(title_blocks) == 1 and names_only_the_kind(title_blocks[0].text)):
        under = _title_under_kind_line(blocks, body_size)
        if under is not None:
            kind_word, title_blocks = _as_title_line(_kind_line_text(under[0]) or under[0].text), [under[1]]
    if kind_word is None and title_blocks and not names_only_the_kind(title_blocks[0].text):
        kind_word = _kind_line_over(title_blocks[0], blocks, body_size) \
            or _kind_word_beside(title_blocks[0], blocks, page)
    head_kind = False
    if kind_word is None and (not title_blocks or (len(title_blocks) == 1 and names_only_the_kind(title_blocks[0].text))):
        head = _kind_line_at_head(blocks, page, body_size, rules)
        if head is not None:
            kind_word, title_blocks, head_kind = _as_title_line(head.text), [head], True
    if not cover:
        typed = _type_line_title(blocks, body_size, page.underlined)
        if typed is not None and not (title_blocks and classify_title(" ".join(b.text for b in title_blocks))):
            title_blocks = [typed]
    title = " ".join(b.text for b in title_blocks) or None
    # A kind named in the title block counts on a cover or a renumbered page; one named strongly
    # anywhere in the first lines (a type line, an opening formula) opens a document by itself.
    renumbered = _renumbered(page, previous)
    found = classify([t for t in (kind_word, title) if t], [], kind_line=kind_word) if title else None
    # a running header names the kind of every page: it opens a document only where numbering restarts
    at_top = classify(([page.header] if renumbered and page.header else []) + top_lines(page), [])
    if starts_document(at_top) and not starts_document(found):
        found = at_top
    elif found is None and renumbered:
        found = at_top  # a kind named in the first lines of a page whose numbering restarts
    doc_type = found.doc_type if found else None
    # (or a bare kind word anywhere above the title: a publication's head box printing "besluit")
    type_line = bool(title_blocks) and (any(classify_title(b.text) for b in blocks[:3]
                                            if b not in title_blocks and b.bbox.bottom <= title_blocks[0].bbox.top + 1)
                                        or _under_kind_line(title_blocks[0], blocks))
    mark = find_kind_mark(page, title_blocks, body_size, lambda b: is_letterhead(b, rules, blocks))
    return PageCue(title, doc_type, starts_document(found), cover, renumbered, tuple(title_blocks),
                   found.cues if found else (), type_line, kind_word, mark, head_kind)


def _kind_line_at_head(blocks: Sequence[Block], page: PageLayout, body_size: float, rules: CoverRules) -> Block | None:
    """The kind line alone at the head of a page ([settings] head_kind_lines: "Bijlage"), with only the
    body's name above it in its column, over the text's first heading set apart (bold, larger than the
    text, or numbered with its kind: "Hoofdstuk 1: …", "Artikel 1"), or None. An annex that prints no
    title of its own opens so: its kind line, then its first chapter."""
    kinds = load_doc_type_rules().head_kind_lines
    for block in sorted(blocks, key=lambda b: (b.bbox.top, b.bbox.x0)):
        if block.bbox.top > page.height * TOP_SHARE:
            return None
        if len(block.lines) != 1 or not names_only_the_kind(block.text):
            continue
        named = classify_title(block.text)
        if named is None or named[0] not in kinds:
            continue
        above = [b for b in blocks if b is not block and b.bbox.bottom <= block.bbox.top + 1
                 and b.bbox.x_overlap(block.bbox) > 0]
        if any(not is_letterhead(b, rules, blocks) for b in above):
            return None  # text above it: a heading in the paper, no head of a page
        below = [b for b in blocks if b.bbox.top >= block.bbox.bottom - 1]  # (a centred line over a flush heading)
        if not below:
            return None
        under = min(below, key=lambda b: (b.bbox.top, b.bbox.x0))
        numbered = NAMED_NUMBER.match(under.text) is not None  # ("Hoofdstuk 1:" is no form's label)
        apart = bool(under.bold) or under.size >= body_size + 1 or numbered
        label = not numbered and (FIELD_LABEL.match(under.text) is not None or starts_with_label(under.text))
        if under.bbox.top - block.bbox.bottom > KIND_LINE_GAP * max(block.size, body_size) or not apart \
                or not _has_words(under.text) or label:
            return None
        return block
    return None


def _heads_the_page(title_blocks: Sequence[Block], pages: Sequence[PageLayout]) -> bool:
    """A prominent block that opens a document's first page (only a letterhead or page furniture
    above it), carries no section number and is set in a style no other block of the document
    uses, and is followed by the paper's fields ("Datum: …", "Vergadering: …"), is the
    document's title, not its first heading (a heading shares its style with the document's other
    headings; a report that opens with its first heading has no fields under it)."""
    if len(title_blocks) != 1 or HEADING_NUMBER.match(title_blocks[0].text) \
            or NAMED_NUMBER.match(title_blocks[0].text):
        return False
    title, page = title_blocks[0], pages[0]
    above = [b for b in page.blocks if b is not title and b.kind is BlockKind.BODY
             and b.bbox.bottom <= title.bbox.top + 1 and not is_letterhead(b)]
    same_style = any(b is not title and b.kind is BlockKind.BODY and abs(b.size - title.size) < 0.5
                     and b.bold == title.bold for p in pages for b in p.blocks)
    after = [b for b in page.blocks if b.kind is BlockKind.BODY and b.bbox.top >= title.bbox.bottom - 1]
    # the paper's fields: labels the rules know, or a short label and its colon on a line that
    # dates the paper ("Vergadering: Raad  Datum: 3 maart 2031"); a plan's project card opens
    # with its heading over "Status: …" lines, and that heading stays a heading
    fields_follow = bool(after) and (starts_with_label(after[0].text) or (
        FIELD_LABEL.match(after[0].text) is not None and bool(find_dates(after[0].text))))
    return not above and not same_style and fields_follow


_WORD = re.compile(r"[^\W_]{2,}")


def _repeats_title(page: PageLayout, title: str | None, body_size: float, rules: CoverRules) -> bool:
    """Whether a line of the page's running header, or its first line set no larger than the body near the
    top, repeats `title` (rules/doc_types.toml [running_title]): most of its words are the
    title's (a shortened title ends in "…")."""
    if not title:
        return False
    words = {w.casefold() for w in _WORD.findall(title)}
    # each line of the running header apart (joined with " | ": the title over the body's name)
    lines = page.header.split(" | ") if page.header else []
    first = page.blocks[0].lines[0] if page.blocks and page.blocks[0].lines else None
    if first is not None and first.size <= body_size + 0.5 and first.bbox.top <= page.height * TOP_SHARE:
        lines.append(first.text)
    for text in lines:
        found = [w.casefold() for w in _WORD.findall(text)]
        if len(found) >= rules.running_title_words \
                and sum(1 for w in found if w in words) >= rules.running_title_share * len(found):
            return True
    return False


def _own_title(cue: PageCue) -> str | None:
    """The title block as the document's title, unless it only names the kind ("RAADSVOORSTEL")."""
    if cue.title is None:
        return None
    if names_only_the_kind(cue.title) or is_bare_kind_word(cue.title):
        return None  # a type line ("BESLUIT", "Voorstel aan de raad", "BRIEF") names the kind, not the paper
    title = cue.title
    label = kind_label(title)
    if label is not None and _in_capitals(title[:label]):
        # "BESLUITENLIJST: Raadsvergadering 3 maart 2031": the template's type line, the kind as its label;
        # a title written with its kind in its own case ("Motie: Bomen langs de vaart") keeps it whole
        title = title[label:]
    for tail in load_rules().title_tail:
        title = tail.sub("", title)
    return title.strip() or None


def _only_a_label(text: str) -> bool:
    """Whether a line is a metadata label and nothing else ("MOTIE NR", "Voorstelnummer:"), no title."""
    line = " ".join(text.split()).rstrip(":").strip()
    return bool(line) and any(p.fullmatch(line) for p in load_metadata_rules().all_labels)


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def kind_label(text: str) -> int | None:
    """Where the subject starts in a title line that prints the kind of paper as its label, before
    a colon ("RAADSBESLUIT: Verordening …", "Verslag: Raadsvergadering 3 maart 2031"), or None: the
    words before the colon name only a kind of paper (`names_only_the_kind`), the words after it
    the paper itself. Typed and fixed-width papers print their type line so; the title is the subject."""
    m = FIELD_LABEL.match(text)
    if m is None or not text[m.end():].strip():
        return None
    head = text[:m.end() - 1]
    if not names_only_the_kind(head) or classify_title(head) is None:
        return None
    return m.end()


def top_lines(page: PageLayout) -> list[str]:
    """The first lines of a page's body in reading order (what a title block and type line are);
    a line that carries on a sentence from the line above ("… door middel van een" /
    "Raadsmemo te melden") is left out: it names no kind of paper."""
    carry_on = load_rules().carry_on
    lines: list[str] = []
    for b in page.blocks:
        if b.kind is BlockKind.FOOTNOTE:
            continue
        for k, ln in enumerate(b.lines):
            words = b.lines[k - 1].text.split() if k else []
            if not (words and words[-1].casefold() in carry_on):
                lines.append(ln.text)
    return lines[: load_doc_type_rules().title_lines]


def document_type(pages: Sequence[PageLayout], title: str | None, kind_word: str | None = None) -> DocType | None:
    """The kind of a document from its title block (and the kind word beside it, and the kind its
    head fields name), first pages and last page together."""
    if not pages:
        return None
    text_pages = list(pages[:2]) + ([pages[-1]] if len(pages) > 2 else [])
    text = [ln.text for p in text_pages for b in p.blocks if b.kind is not BlockKind.FOOTNOTE for ln in b.lines]
    header = [pages[0].header] if pages[0].header else []
    field = kind_field(pages[0])  # a head field that names the kind ("Soort: Raadsbesluit"): its type line
    rows = [" ".join(c.text for c in row.cells) for row in page_rows(pages[0])]
    return classify([t for t in (field, kind_word, title) if t] + header + top_lines(pages[0]), text,
                    kind_line=kind_word, field_lines=rows)


def _type_line_title(blocks: Sequence[Block], body_size: float, underlined: Sequence[BBox] = ()) -> Block | None:
    """A line at the top of a page that names the kind of paper and the paper itself ("Motie van de
    leden A en B", "Besluitenlijst raadsvergadering 3 maart 2031"), set apart from the body (bold,
    capitals or larger) but not necessarily large: the document's title, and the kind it names
    is a title cue. A prominent block above it that names no kind (a series' name, a dossier
    title) gives way to it. A line underlined with a typed rule (`layout.typed_rules`) is set
    apart too, and the kind may be a label before a colon ("RAADSBESLUIT: Verordening …"; the
    title is what follows it, `_own_title`)."""
    seen = 0
    limit = load_doc_type_rules().title_lines
    for block in blocks:
        if seen >= limit:
            break
        seen += len(block.lines)
        if len(block.lines) > MAX_TITLE_LINES or is_letterhead(block) or not _has_words(block.text) \
                or (FIELD_LABEL.match(block.text) and kind_label(block.text) is None):
            continue  # a header's or form's label ("Sent:", "Onderwerp:") is no title
        letters = [ch for ch in block.text if ch.isalpha()]
        capitals = len(block.text.split()) >= 2 and all(ch.isupper() for ch in letters)
        typed = block.lines[-1].bbox in underlined
        if _only_a_label(block.text):
            continue  # a box's tab label ("MOTIE NR" over the motion's number), no title
        if (block.bold or capitals or block.size >= body_size + 1 or typed) and names_kind_and_subject(block.text):
            return block
    return None


def _as_title_line(text: str) -> str:
    """A kind word set apart from the text, read as the title line it is: it continues no sentence,
    also when printed in lower case ("nota"), so it is classified with a capital."""
    word = text.strip()
    return word[:1].upper() + word[1:]


def _title_under_kind_line(blocks: Sequence[Block], body_size: float) -> tuple[Block, Block] | None:
    """A line at the top that names only the kind of paper ("Besluit", "Amendement", small or
    large) with the paper's title right under it, set apart from the body (bold or larger) in a
    type no other block of the page uses (that would be a heading): the (kind line, title) pair,
    or None. Exports and Word templates set the kind small above a title
    in heading type that need not repeat it."""
    limit = load_doc_type_rules().title_lines
    seen = 0
    for block in blocks[:-1]:
        if seen >= limit:
            break
        seen += len(block.lines)
        kind_text = _kind_line_text(block)
        if kind_text is None:
            continue
        below = [b for b in blocks if b.bbox.top >= block.bbox.bottom - 1 and b.bbox.x_overlap(block.bbox) > 0]
        if not below:
            return None
        title = min(below, key=lambda b: b.bbox.top)
        gap = title.bbox.top - block.bbox.bottom
        if gap > KIND_LINE_GAP * max(block.size, body_size) or len(title.lines) > MAX_TITLE_LINES or not _has_words(title.text) \
                or (FIELD_LABEL.match(title.text) and kind_label(title.text) is None) or starts_with_label(title.text) \
                or HEADING_NUMBER.match(title.text) or opens_with_label(title.text):
            return None  # a form's labels ("Onderwerp", "Zaaknummer" …) under the kind line are no title
            # (a title that opens with the kind as its label, "Motie: …", is one)
        # a heading shares its type with the page's other headings; a title's type is its own
        # (a title centred under its centred kind line is set apart from headings set flush left)
        centred = _centred_under(title, block)
        shared = any(b is not title and b is not block and abs(b.size - title.size) < 0.5 and b.bold == title.bold
                     and not (centred and abs(b.bbox.x0 - title.bbox.x0) > CENTRED_OFFSET) for b in blocks)
        if (title.bold or title.size >= body_size + 1) and not shared:
            return block, title
        return None
    return None


CENTRED_OFFSET = 3.0
"""Largest offset, in points, of the centres of a centred title and the kind line over it."""


def _kind_line_text(block: Block) -> str | None:
    """The text of a line that names only the kind of paper ("Besluit"): the block itself when it is
    that line, or its last line under the body's name stacked over it in the same type ("Gemeente X"
    over "Besluit", as a letterhead centres them), else None."""
    lines = block.lines
    if len(lines) == 1:
        text = block.text
    elif len(lines) == 2 and is_letterhead(Block([lines[0]], block.page)):
        text = lines[1].text
    else:
        return None
    return text if names_only_the_kind(text) and classify_title(text) else None


def _centred_under(title: Block, kind: Block) -> bool:
    """Whether `title` is centred under the kind line `kind` (their centres within CENTRED_OFFSET) and
    the kind line is centred itself (its last line's centre the block's)."""
    line = kind.lines[-1].bbox
    centre = (title.bbox.x0 + title.bbox.x1) / 2
    return abs(centre - (line.x0 + line.x1) / 2) <= CENTRED_OFFSET \
        and abs((kind.bbox.x0 + kind.bbox.x1) / 2 - (line.x0 + line.x1) / 2) <= CENTRED_OFFSET


def _title_under_kind_word(title_blocks: Sequence[Block], blocks: Sequence[Block], body_size: float) -> list[Block] | None:
    """The title under a large word that names the kind of paper ("Besluitenlijst" over
    "Besluitenlijst college 3 maart 2031", a compound of a kind word the rules need not know,
    "Kadernota"), or None. House styles set the kind word largest and the title right under it,
    aligned, in a smaller type of its own (bold or larger than the body); a long title (a
    meeting's full name) may wrap over many lines. The word counts as a kind when the rules know
    it as a type line ([settings] type_line_kinds), when it ends in a kind word ([title]
    kind_words) or when the title under it opens with it; a one-word title over a subtitle
    ("Woonvisie" / "Samen bouwen": a plan's kind word is part of its name) stays the title, and a
    form's labels or a first heading under the word ("Zaaknummer  Team", "Voorstel") are no title."""
    word = title_blocks[0]
    text = " ".join(word.text.split())
    if len(word.lines) != 1 or len(text.split()) != 1 or not _has_words(text):
        return None
    if len(title_blocks) > 1:
        under = title_blocks[1]
    else:
        below = [b for b in blocks if b is not word and b.bbox.top >= word.bbox.bottom - 1
                 and b.bbox.x_overlap(word.bbox) > 0]
        if not below:
            return None
        under = min(below, key=lambda b: b.bbox.top)
    aligned = abs(under.bbox.x0 - word.bbox.x0) <= KIND_LINE_ALIGN \
        or abs((under.bbox.x0 + under.bbox.x1) - (word.bbox.x0 + word.bbox.x1)) <= 2 * KIND_LINE_ALIGN
    long_title = bool(under.bold) and len(under.text.split()) <= LONG_TITLE_WORDS and under.text.rstrip()[-1:] not in ".;:"
    if not aligned or under.size > word.size - 1 or not (under.bold or under.size >= body_size + 1) \
            or under.bbox.top - word.bbox.bottom > KIND_LINE_GAP * word.size / 2 \
            or (len(under.lines) > MAX_TITLE_LINES and not long_title) or not _has_words(under.text) \
            or is_letterhead(under) or FIELD_LABEL.match(under.text) or starts_with_label(under.text) \
            or opens_with_label(under.text) or HEADING_NUMBER.match(under.text) \
            or (len(title_blocks) == 1 and len(under.text.split()) < 2):
        return None
    # a heading shares its type with the page's other headings ("Voorstel", "Inleiding" under the
    # kind word); a title's type is its own
    if any(b is not word and b is not under and abs(b.size - under.size) < 0.5 and b.bold == under.bold for b in blocks):
        return None
    folded, rules = text.casefold(), load_doc_type_rules()
    named = classify_title(text)
    if not ((named and named[0] in rules.type_line_kinds) or any(folded.endswith(k) for k in rules.kind_words)
            or " ".join(under.text.split()).casefold().startswith(folded)):
        return None
    return list(title_blocks[1:]) if len(title_blocks) > 1 else [under]


def _kind_line_over(title: Block, blocks: Sequence[Block], body_size: float) -> str | None:
    """The kind line right above a title ("Besluit" set small over the subject in large type), as
    a title line, or None: the nearest block above the title in its column (flush with it, or
    centred over it as a booklet's title page sets both), one line that names only the kind of
    paper."""
    above = [b for b in blocks if b is not title and b.bbox.bottom <= title.bbox.top + 1
             and (abs(b.bbox.x0 - title.bbox.x0) <= KIND_LINE_ALIGN
                  or abs((b.bbox.x0 + b.bbox.x1) - (title.bbox.x0 + title.bbox.x1)) <= 2 * KIND_LINE_ALIGN)]
    if not above:
        return None
    kind = max(above, key=lambda b: b.bbox.bottom)
    if len(kind.lines) != 1 or title.bbox.top - kind.bbox.bottom > KIND_LINE_GAP * max(kind.size, body_size) \
            or not names_only_the_kind(kind.text) or not classify_title(kind.text):
        return None
    return _as_title_line(kind.text)


def _kind_word_beside(title: Block, blocks: Sequence[Block], page: PageLayout) -> str | None:
    """The kind word printed left of a title on its band ("Nota" in an export's field column, the
    title in the text column beside it), as a title line, or None: the nearest one-line block to
    the title's left that starts within the kind word's height of the title's top and names only
    the kind of paper."""
    left = [b for b in blocks if b is not title and b.bbox.x1 <= title.bbox.x0 and len(b.lines) == 1
            and b.bbox.top - 1 <= title.bbox.top < b.bbox.bottom
            and title.bbox.x0 - b.bbox.x1 <= SUBJECT_BESIDE_GAP * page.width]
    if not left:
        return None
    kind = max(left, key=lambda b: b.bbox.x1)
    if not names_only_the_kind(kind.text) or not classify_title(kind.text):
        return None
    return _as_title_line(kind.text)


SUBJECT_BESIDE_GAP = 0.25
"""Widest gap between a kind word and the subject printed beside it, in page widths."""


def _subject_beside(kind: Block, blocks: Sequence[Block], page: PageLayout) -> Block | None:
    """The subject printed beside a large word that names the kind of paper ("Notitie", "nota" set
    large in the left margin, the paper's subject to its right on the same band, as ministries'
    and many municipalities' notes print it): the nearest block to its right that starts within
    the kind word's height and reads as a title, or None."""
    beside = [b for b in blocks if b is not kind and b.bbox.x0 >= kind.bbox.x1
              and kind.bbox.top - 1 <= b.bbox.top < kind.bbox.bottom
              and b.bbox.x0 - kind.bbox.x1 <= SUBJECT_BESIDE_GAP * page.width]
    if not beside:
        return None
    nearest = min(beside, key=lambda b: (b.bbox.x0, b.bbox.top))
    if len(nearest.lines) > MAX_TITLE_LINES or not _has_words(nearest.text) or is_letterhead(nearest) \
            or FIELD_LABEL.match(nearest.text) or starts_with_label(nearest.text):
        return None
    return nearest


def _has_words(text: str) -> bool:
    """Whether a block prints a word (two letters or more): a large digit is a series number."""
    return re.search(r"[^\W\d_]{2}", text) is not None


def _title_blocks(blocks: list[Block], page: PageLayout, body_size: float, cover_size: float | None) -> list[Block]:
    """The title at the top of a page: the largest prominent block (and its continuation)."""
    if cover_size is not None:
        # the large blocks that follow one another from the first: a heading after the paper's
        # fields or text is a heading, also on a page short enough to look like a cover
        run: list[Block] = []
        for block in sorted(blocks, key=lambda b: (b.bbox.top, b.bbox.x0)):
            if block.size >= 0.6 * cover_size and not is_letterhead(block) and (run or _has_words(block.text)):
                run.append(block)
            elif run and not is_letterhead(block):
                break
        return run[:3]
    top_limit = page.height * TOP_SHARE
    largest = max(b.size for b in blocks)
    candidates = [b for b in blocks if b.bbox.top <= top_limit and (b.size >= body_size + 2.5)
                  and (len(b.lines) <= 3 or _long_title(b, blocks, largest))
                  and (not is_letterhead(b, blocks=blocks) or _under_kind_line(b, blocks)) and _has_words(b.text)]
    if not candidates:
        return []
    first = min(candidates, key=lambda b: (b.bbox.top, b.bbox.x0))
    found = [first]
    # a title that wraps may come as blocks of its lines: the same size, aligned, right below
    for block in sorted(blocks, key=lambda b: b.bbox.top):
        last = found[-1]
        if block.bbox.top <= last.bbox.top or sum(len(b.lines) for b in found) >= MAX_TITLE_LINES:
            continue
        # (a line in the title's type that opens in lower case carries it on, also where it reads
        # like a body's name: "… besluit" / "gemeente Noorderveld 2031")
        if abs(block.size - first.size) < 0.5 and abs(block.bbox.x0 - first.bbox.x0) <= 3 \
                and 0 <= block.bbox.top - last.bbox.bottom <= TITLE_LINE_GAP * first.size \
                and (not is_letterhead(block) or (block.text[:1].islower() and block.bold == first.bold)):
            found.append(block)
        elif block.bbox.top > last.bbox.bottom:
            break
    return found


def _under_kind_line(block: Block, blocks: Sequence[Block]) -> bool:
    """Whether a line that names only the kind of paper ("BESLUIT") stands above `block`: the letterhead
    is set above the kind line, so a body's name under it ("Gemeenschappelijke regeling X" set large)
    names the paper, the regulation, not its sender."""
    return any(b is not block and b.bbox.bottom <= block.bbox.top + 1 and len(b.lines) == 1
               and names_only_the_kind(b.text) and classify_title(b.text) is not None for b in blocks)


def _long_title(block: Block, blocks: Sequence[Block], largest: float) -> bool:
    """A title of many lines: bold, the page's largest type and its only block of it, not a sentence
    (a regulation's full name that opens with its kind, "Besluit van … tot …", may end in a period)."""
    end = block.text.rstrip()[-1:]
    return bool(block.bold) and block.size >= largest - 0.1 and len(block.text.split()) <= LONG_TITLE_WORDS \
        and sum(1 for b in blocks if b.size >= largest - 0.5) == 1 \
        and (end not in ".;:" or (end == "." and classify_title(block.text) is not None))


_LABEL_NUMBER = re.compile(r"(\d+)(?:\s*(?:/|van|of)\s*\d+)?\s*$")


def _renumbered(page: PageLayout, previous: PageLayout | None) -> bool:
    """Page numbering starts again at 1 here, or the running footer changes (more than a reading's
    differences: an OCR'd page reads the same footer a letter or two off)."""
    if previous is None:
        return False
    m = _LABEL_NUMBER.search(page.page_label or "")
    if m and int(m.group(1)) == 1:
        return True
    if not (page.footer and previous.footer) or mask(page.footer) == mask(previous.footer):
        return False
    # the same running footer read a little differently (OCR: "Provincie. X | biz 1" / "Provincie X |
    # blz 2") is no change: alike as furniture's running lines are alike (rules/page_furniture.toml)
    furniture = load_furniture_rules()
    return not similar(page.footer, previous.footer, furniture.similarity, furniture.fuzzy_min_letters)
