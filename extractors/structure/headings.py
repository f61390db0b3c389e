"""Headings and their levels, from typography: size, weight, capitals, numbering, isolation.

No list of known headings: a block is a heading when it is short, stands on its own and is set
larger or bolder than the body text of its document; a run of such blocks that is really a list
(numbered or bulleted items one under the other) is not. Levels rank the heading styles found in
the document, largest first, with numbering depth ("2.3") under them; a heading's level is its
depth in the outline those ranks give (1 = the document's top level, `outline_levels`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Mapping, Sequence

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.footnotes import MARGIN_WIDTH
from raadsstukken.extractors.layout.records import Block, BlockKind, Line
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.normalize import HEADING_NUMBER, NAMED_NUMBER, list_marker, strip_bullets


NAVIGATION = re.compile(r"^\s*[›»>→▶➔]\s*\w")


@dataclass(frozen=True)
class HeadingSettings:
    max_lines: int = 3
    """Longest heading, in lines."""
    max_chars: int = 160
    """Longest heading, in characters."""
    max_chars_numbered: int = 240
    """Longest numbered heading (an agenda item's subject wraps over two full lines)."""
    larger_by: float = 0.7
    """Points above the body size from which a line counts as set larger."""
    bold_tolerance: float = 0.7
    """A bold line may be this many points smaller than the body and still be a heading."""
    caps_ratio: float = 0.8
    """A bold line in capitals may be set this much smaller than the body (a box label)."""


DEFAULT_HEADING_SETTINGS = HeadingSettings()


@dataclass(frozen=True)
class HeadingRules:
    not_a_heading: tuple[re.Pattern[str], ...]
    same_style_run: int
    marked_run: int
    number_only: re.Pattern[str] = re.compile(r"(?!)")
    contents: re.Pattern[str] = re.compile(r"(?!)")
    agenda_code: re.Pattern[str] = re.compile(r"(?!)")
    units: re.Pattern[str] = re.compile(r"(?!)")
    lead: LeadLineRules | None = None
    contact: ContactRules | None = None
    title_max_chars_above: int = 0
    title_papers: frozenset[str] = frozenset()
    word: re.Pattern[str] = re.compile(r"\w+")
    crumb: re.Pattern[str] = re.compile(r"(?!)")
    detached: re.Pattern[str] = re.compile(r"(?!)")
    min_paragraph_words: int = 8
    max_italic_words: int = 12
    min_letters: int = 2
    item_field: re.Pattern[str] = re.compile(r"(?!)")
    item_colon: re.Pattern[str] = re.compile(r"(?!)")
    item_head: re.Pattern[str] = re.compile(r"(?!)")
    numbered_on_size: float = 0.0
    unit_title_words: int = 0
    misread_l: re.Pattern[str] = re.compile(r"(?!)")
    item_number: re.Pattern[str] = re.compile(r"(?!)")
    lead_in_words: int = 4
    field_label_gap: float = 0.0
    column_head_words: int = 0
    letterhead_row_words: int = 0
    vote_label: re.Pattern[str] = re.compile(r"(?!)")


@dataclass(frozen=True)
class ContactRules:
    """When a bold or large name is a logo's, its contact block beside it (rules/headings.toml [contact])."""

    kinds: tuple[re.Pattern[str], ...]
    min_kinds: int
    max_words: int
    window: float


@dataclass(frozen=True)
class LeadLineRules:
    """When the first line of a paragraph is a heading of its own (rules/headings.toml [lead_line])."""

    max_words: int
    max_width_share: float
    full_line_share: float
    indent_tolerance: float
    dated: re.Pattern[str] = re.compile(r"(?!)")


@lru_cache(maxsize=1)
def load_rules() -> HeadingRules:
    data = read_rules("headings")
    return HeadingRules(
        not_a_heading=tuple(re.compile(p) for p in data["not_a_heading"].values())
        + (re.compile(rf"^(?i:{data['item_fields']['names']})\s*:\s*\S"),),
        number_only=re.compile(data["hanging_number"]["pattern"]),
        contents=re.compile(data["contents"]["heading"]),
        agenda_code=re.compile(data["agenda_code"]["pattern"]),
        units=re.compile(data["agenda_code"]["units"]),
        min_paragraph_words=int(data["over_paragraph"]["min_paragraph_words"]),
        max_italic_words=int(data["over_paragraph"]["max_italic_words"]),
        min_letters=int(data["words"]["min_letters"]),
        item_field=re.compile(rf"^(?i:{data['item_fields']['names']})\s*:?$"),
        item_colon=re.compile(data["item_fields"]["colon_label"]),
        item_head=re.compile(data["item_fields"]["item_head"]),
        numbered_on_size=float(data["runs"]["numbered_on_size"]),
        unit_title_words=int(data["agenda_code"]["unit_title_words"]),
        misread_l=re.compile(data["item_fields"]["misread_l"]),
        item_number=re.compile(data["runs"]["item_number"]),
        lead_in_words=int(data["lead_in"]["min_words"]),
        field_label_gap=float(data["field_label"]["max_gap"]),
        column_head_words=int(data["column_head"]["max_words"]),
        letterhead_row_words=int(data["letterhead_row"]["max_words"]),
        vote_label=re.compile(data["vote_label"]["pattern"]),
        lead=LeadLineRules(int(data["lead_line"]["max_words"]), float(data["lead_line"]["max_width_share"]),
                           float(data["lead_line"]["full_line_share"]), float(data["lead_line"]["indent_tolerance"]),
                           re.compile(data["lead_line"]["dated"])),
        word=re.compile(data["words"]["word"]), crumb=re.compile(data["words"]["crumb"]),
        detached=re.compile(data["words"]["detached"]),
        contact=ContactRules(tuple(re.compile(p) for p in data["contact"]["kinds"]), int(data["contact"]["min_kinds"]),
                             int(data["contact"]["max_words"]), float(data["contact"]["window"])),
        title_max_chars_above=int(data["title_block"]["max_chars_above"]),
        title_papers=frozenset(data["title_block"]["papers"]),
        same_style_run=int(data["runs"]["same_style_run"]),
        marked_run=int(data["runs"]["marked_run"]),
    )


@dataclass(frozen=True)
class BodyStyle:
    size: float
    bold: bool


def body_style(blocks: Sequence[Block]) -> BodyStyle:
    """The size and weight most of a document's text is set in."""
    counts: dict[tuple[float, bool], int] = {}
    for block in blocks:
        for line in block.lines:
            key = (round(line.size * 2) / 2, line.bold)
            counts[key] = counts.get(key, 0) + len(line.text)
    if not counts:
        return BodyStyle(10.0, False)
    (size, bold), _ = max(counts.items(), key=lambda kv: (kv[1], -kv[0][0]))
    return BodyStyle(size, bold)


def made_of_words(text: str) -> bool:
    """Whether a line's words outnumber its tokens that are neither words nor numbers (letters
    mixed with brackets, crumbs of punctuation: OCR of handwriting or a stamp); rules/headings.toml
    [words]."""
    rules = load_rules()
    words = other = 0
    previous = ""
    for token in text.split():
        after_word, previous = bool(rules.word.match(previous)), token
        if any(c.isdigit() for c in token) or (after_word and rules.detached.match(token)):
            continue  # a number, or a closing mark set apart from its word ("BESLUIT :")
        if rules.word.match(token):
            words += 1
        elif rules.crumb.match(token) or any(c.isalpha() for c in token):
            other += 1
    return words > other


def is_item_field(text: str) -> bool:
    """Whether a line is one of a besluitenlijst item's field labels alone ("Voorstel",
    "Portefeuillehouder:", "Besluit"; rules/headings.toml [item_fields]), an OCR layer's "I" for an
    "l" inside a word read as the l."""
    rules = load_rules()
    return rules.item_field.match(rules.misread_l.sub("l", " ".join(clean_heading(text).split()))) is not None


def is_colon_field(text: str) -> bool:
    """Whether a line is an item's field label closed by its colon ("Voorstel:", "Besluit over het
    voorstel:"): in a besluitenlijst a label whatever its style (rules/headings.toml [item_fields]
    colon_label)."""
    return is_item_field(text) and load_rules().item_colon.search(text) is not None


def clean_heading(text: str) -> str:
    """Heading text as printed, without bullet or check glyphs in front (numbering and
    letter-spacing kept: every printed word reaches a row; the rules that read a heading join
    letter-spaced words themselves)."""
    return strip_bullets(text)


def numbering_depth(text: str) -> int:
    m = HEADING_NUMBER.match(text)
    return m.group(1).count(".") + 1 if m else 0


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def style_key(block: Block) -> tuple[float, bool]:
    """What tells heading levels apart: size (to half a point) and weight."""
    return (round(block.size * 2) / 2, block.bold)


def is_heading_candidate(block: Block, body: BodyStyle, s: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                         role: BlockKind | None = None, after: Block | None = None,
                         underlined: bool = False) -> bool:
    """Whether a block looks like a heading; `role` is its document role when not the page layer's,
    `after` the block that follows it in the text (the paragraph a heading stands over, on its page or
    at the top of the next); `underlined` whether a typed rule underlines it (`layout.typed_rules`)."""
    if (role or block.kind) is not BlockKind.BODY or len(block.lines) > s.max_lines:
        return False
    if NAVIGATION.match(block.text):
        return False  # "› Lees verder": a link, not a heading
    text = clean_heading(block.text)
    numbered = HEADING_NUMBER.match(text) is not None or load_rules().agenda_code.match(text) is not None
    # a kind and its number alone ("Agendapunt 4.", "Bijlage II."): the period is the number's
    named = NAMED_NUMBER.match(text)
    numbered = numbered or (named is not None and named.end() == len(text))
    if not text or len(text) > (s.max_chars_numbered if numbered else s.max_chars) \
            or sum(1 for c in text if c.isalpha()) < load_rules().min_letters:
        return False
    if any(line.cells > 1 for line in block.lines):
        return False  # a table or form row
    if sum(1 for line in block.lines if list_marker(line.text)) >= 2:
        return False  # list items set in bold
    # a regulation's unit on a line or two of its own ("Artikel 4", "Hoofdstuk 2 Subsidies", "§ 3."),
    # in whatever type the regulation sets it: the article's text follows below
    units = load_rules().units.match(text)
    title = text[units.end():].split() if units else []
    unit = units is not None and len(block.lines) <= 2 \
        and (text[-1] not in ".,;:" or len(text.split()) <= 2
             or (text[-1] == "." and title[:1] != [] and title[0][:1].isupper()
                 and len(title) <= load_rules().unit_title_words))
    if text[-1] in ".,;" and not text.endswith("..."):
        # a sentence, not a heading; but a numbered agenda item or chapter may end in a period
        # ("6. Voorstel tot vaststelling van de verordening.")
        if not ((text[-1] == "." and numbered and len(block.lines) <= s.max_lines) or unit):
            return False
    if any(p.search(text) for p in load_rules().not_a_heading) or load_rules().number_only.match(text.strip()) \
            or not made_of_words(text):
        return False
    # a sentence in roman type that ends in a colon announces what follows ("De voorzitter stelt
    # aan de orde:"): set larger than the document's body (minutes whose text is set larger than
    # their list of those present), it is the text's lead-in, not a heading; a heading set larger
    # in roman names its subject without a colon, or is a label of a word or two ("besluit:")
    # (rules/headings.toml [lead_in]; numbered and capitals aside)
    lead_in = text.endswith(":") and not block.bold and not any(is_italic(line) for line in block.lines) \
        and not numbered and not is_caps(text) and len(text.split()) >= load_rules().lead_in_words
    larger = block.size >= body.size + s.larger_by and not lead_in
    field_label = _field_label(block, after, body, s)
    bolder = block.bold and not body.bold and block.size >= body.size - s.bold_tolerance and not field_label
    label = block.bold and is_caps(text) and block.size >= s.caps_ratio * body.size and not field_label
    italic = all(is_italic(line) for line in block.lines) and not body.bold
    # a numbered line set in italic over the paragraph that explains it (an argument, a
    # consideration): the numbered sub-heading of many proposals' "Argumenten"
    numbered_italic = numbered and italic and block.size >= body.size - s.bold_tolerance
    # bold or italic over a paragraph of its own size in roman type: a heading of that paragraph
    # (a page set smaller than the document's body, a sub-heading in italic); an italic one is
    # short and no sentence
    over = after is not None and after.page in (block.page, block.page + 1) \
        and abs(after.size - block.size) <= s.bold_tolerance \
        and after.kind is BlockKind.BODY and not after.bold and not is_italic(after.lines[0]) \
        and len(after.text.split()) >= load_rules().min_paragraph_words and after.text.rstrip()[-1:] in ".!?:;"
    over_paragraph = over and (block.bold or (italic and text[-1] not in ".?!:"
                                              and len(text.split()) <= load_rules().max_italic_words))
    unit_alone = unit and block.size >= s.caps_ratio * body.size
    # an agenda item's number and subject in bold in a margin column, beside the first line of its
    # text (minutes set with a margin), whatever its size; a margin's label has no number
    margin = numbered and block.bold and after is not None and _beside_first_line(block, after)
    # a line underlined with a typed rule ("------------" under it: typewritten minutes, a
    # fixed-width export) is set apart as a heading is, in whatever font (rules/headings.toml
    # [typed_underline]); a sentence or a lead-in ending in a colon is not
    typed = underlined and block.size >= s.caps_ratio * body.size and not lead_in
    return larger or bolder or label or numbered_italic or over_paragraph or unit_alone or margin or typed


def _field_label(block: Block, value: Block | None, body: BodyStyle, s: HeadingSettings) -> bool:
    """Whether a bold label, set no larger than the body, is a field's label over its value: the
    block right under it is set larger than the label and hugs it (its top within
    rules/headings.toml [field_label] max_gap of the label's size), as a meeting's head rows set
    "VOORZITTER" over the chair's name and an item's "Bijlagen" over its links; a box label stands
    apart over its text."""
    if value is None or value.page != block.page or block.size > body.size:
        return False
    gap = value.bbox.top - block.bbox.bottom
    return value.size >= block.size + s.larger_by and gap <= load_rules().field_label_gap * block.size


def _beside_first_line(block: Block, text: Block) -> bool:
    """Whether `block` stands in a margin column left of `text`, its first line on text's first."""
    first = block.lines[0].bbox
    return text.page == block.page and text.bbox.x0 >= block.bbox.x1 and not text.bold \
        and block.bbox.width <= MARGIN_WIDTH * text.bbox.width \
        and abs(text.lines[0].bbox.top - first.top) <= 0.5 * first.height


def is_italic(line: Line) -> bool:
    """Whether a line's words (its section number aside) are set in italic."""
    words = [w for w in line.words if not w.superscript and any(c.isalpha() for c in w.text)]
    return bool(words) and all(w.italic for w in words)


TERM_COLON = re.compile(r"^[^\W\d_][\w-]{1,30}(?: [\w-]+){0,2}:\s")
"""A line opening with a term of one to three words and a colon ("Kosten:", "Stand van zaken: …")."""


def lead_lines(block: Block, s: HeadingSettings = DEFAULT_HEADING_SETTINGS) -> int:
    """How many of a paragraph's first lines are a heading of its own, the paragraph's text
    starting below them (rules/headings.toml [lead_line]); 0 when none. Set apart by italic or
    bold type (one to `max_lines` lines, the text below starting in roman), or, one line, by
    being short above a full line of text (an OCR layer or a typed e-mail gives no style)."""
    rules = load_rules()
    lead = rules.lead
    if lead is None or block.kind is not BlockKind.BODY or len(block.lines) < 2:
        return 0
    if any(line.cells > 1 for line in block.lines[:s.max_lines + 1]):
        return 0
    n = 0
    for style in (is_italic, lambda line: line.bold):
        n = 0
        while n < min(s.max_lines, len(block.lines) - 1) and style(block.lines[n]):
            n += 1
        first_word = block.lines[n].words[0]
        if n and not style(block.lines[n]) and not (first_word.italic if style is is_italic else first_word.bold):
            break
        n = 0
    head, below = block.lines[:max(n, 1)], block.lines[max(n, 1):]
    text = clean_heading(" ".join(line.text for line in head)).strip()
    if not text or text != " ".join(line.text for line in head).strip():
        return 0  # a bullet item's first line
    numbered = HEADING_NUMBER.match(text)
    label = text[numbered.end():] if numbered else text
    # a numbered line in italic or bold may end its sentence (an argument over its explanation)
    closed = text[-1] in ".,;:!?-–" and not (n and numbered and text[-1] == ".")
    if not label[:1].isupper() or len(text.split()) > lead.max_words or closed \
            or any(p.search(text) for p in rules.not_a_heading) or rules.number_only.match(text) \
            or not made_of_words(text):
        return 0
    if list_marker(text) and not numbered:
        return 0
    start = below[0].text.strip()
    bullet = strip_bullets(start) != start
    if not (start[:1].isupper() or start[:1].isdigit() or bullet):
        return 0  # the heading's sentence runs on
    if n:
        return n
    if lead.dated.match(text):
        return 0  # a record's date line ("Commissie Ruimte 14 oktober 2031") over its text
    first, second = head[0], below[0]
    widest = max(line.bbox.x1 - line.bbox.x0 for line in below)
    short = (first.bbox.x1 - first.bbox.x0) <= lead.max_width_share * widest
    # the text below: a bulleted list, or a paragraph of full lines starting at the heading's edge
    # or indented from it (an article's members under its title)
    text_below = bullet or (second.bbox.x1 - second.bbox.x0 >= lead.full_line_share * widest
                            and second.bbox.x0 >= first.bbox.x0 - lead.indent_tolerance
                            and block.text.rstrip()[-1:] in ".!?:;")
    # a line below that opens with a term and its colon ("Kosten: …") is an entry of a list or a
    # table's cell read as a column: the short line above it is the first entry, not a heading
    entry = TERM_COLON.match(start) is not None
    return 1 if short and text_below and not entry else 0


def split_lead_headings(blocks: Sequence[Block], s: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                        roles: Mapping[Block, BlockKind] | None = None) -> tuple[list[Block], set[Block]]:
    """The blocks with each paragraph whose first lines are a heading (`lead_lines`) cut in two,
    and the set of those heading lines' blocks (headings whatever their style)."""
    roles = roles or {}
    out: list[Block] = []
    heads: set[Block] = set()
    for block in blocks:
        n = lead_lines(block, s) if roles.get(block, block.kind) is BlockKind.BODY else 0
        if n:
            head = Block(block.lines[:n], block.page, block.kind)
            heads.add(head)
            out += [head, Block(block.lines[n:], block.page, block.kind)]
        else:
            out.append(block)
    return out, heads


def find_headings(blocks: Sequence[Block], s: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                  roles: Mapping[Block, BlockKind] | None = None, leads: Collection[Block] = (),
                  grids: Mapping[int, Sequence[BBox]] | None = None,
                  underlined: Mapping[int, Sequence[BBox]] | None = None) -> list[int | None]:
    """Heading level of each of a document's blocks (in reading order); None for other blocks.

    `roles` holds the document roles that differ from the page layer's (title, cover text);
    `leads` are paragraphs' first lines found to be headings (`split_lead_headings`); `grids` the
    ruled grids of each page (`PageLayout.grids`), whose cells are no headings; `underlined` the
    lines each page underlines with a typed rule (`PageLayout.underlined`).
    """
    roles = roles or {}
    kinds = [roles.get(b, b.kind) for b in blocks]
    body = body_style([b for b, k in zip(blocks, kinds) if k in (BlockKind.BODY, BlockKind.COVER)])
    # the block each stands over: the next one in the text (footnotes between are passed over)
    after: list[Block | None] = [None] * len(blocks)
    following: Block | None = None
    for i in range(len(blocks) - 1, -1, -1):
        after[i] = following
        if blocks[i].kind is not BlockKind.FOOTNOTE:
            following = blocks[i]
    marked = underlined or {}
    flags = [b in leads or is_heading_candidate(b, body, s, k, after[i], is_underlined(b, marked))
             for i, (b, k) in enumerate(zip(blocks, kinds))]
    _numbered_on(blocks, flags, kinds, after, body, s, marked)
    _drop_contents(blocks, flags)
    _drop_logo_names(blocks, flags)
    _drop_lists(blocks, flags)
    _drop_announced_lists(blocks, flags, kinds)
    _drop_cell_pieces(blocks, flags, grids or {})
    _drop_empty_column_heads(blocks, flags)
    _drop_vote_labels(blocks, flags, after)
    styles = sorted({style_key(b) for b, f in zip(blocks, flags) if f}, key=lambda k: (-k[0], not k[1]))
    rank = {k: i + 1 for i, k in enumerate(styles)}
    return outline_levels([(rank[style_key(b)], max(numbering_depth(b.text), 1)) if flag else None
                           for b, flag in zip(blocks, flags)])


def _numbered_on(blocks: Sequence[Block], flags: list[bool], kinds: Sequence[BlockKind],
                 after: Sequence[Block | None], body: BodyStyle, s: HeadingSettings,
                 underlined: Mapping[int, Sequence[BBox]]) -> None:
    """A bold agenda item whose number goes on in the next numbered heading of its weight ("1."
    then "2.") or comes from the one before it is a heading of theirs, its size measured a point or
    two off (rules/headings.toml [runs] numbered_on_size): judged as a heading at its own size."""
    most = load_rules().numbered_on_size
    numbers = [_item_number(b) if b.bold else None for b in blocks]
    heads = [i for i, f in enumerate(flags) if f and numbers[i] is not None]
    for i, block in enumerate(blocks):
        n = numbers[i]
        if flags[i] or n is None or block.size < s.caps_ratio * body.size:
            continue
        nxt = next((k for k in heads if k > i), None)
        prev = next((k for k in reversed(heads) if k < i), None)
        near = [k for k, m in ((nxt, n + 1), (prev, n - 1)) if k is not None and numbers[k] == m
                and abs(blocks[k].size - block.size) <= most]
        if near and is_heading_candidate(block, BodyStyle(block.size, False), s, kinds[i], after[i],
                                         is_underlined(block, underlined)):
            flags[i] = True


def _drop_vote_labels(blocks: Sequence[Block], flags: list[bool], after: Sequence[Block | None]) -> None:
    """The label of a vote's record ("Uitslag van de stemming") right over the record, the block
    after it no heading, labels that record: no heading (rules/headings.toml [vote_label]). Over a
    heading (a record of votes' first voted item) it heads their section and stays."""
    pattern = load_rules().vote_label
    index = {id(b): i for i, b in enumerate(blocks)}
    for i, block in enumerate(blocks):
        if flags[i] and pattern.match(" ".join(clean_heading(block.text).split())):
            nxt = after[i]
            if nxt is None or not flags[index[id(nxt)]]:
                flags[i] = False


def _drop_empty_column_heads(blocks: Sequence[Block], flags: list[bool]) -> None:
    """A label of a word or two standing right of the text, with the page's text below it all
    left of it and nothing below it in its own column, is the head of an empty column (an action
    column's "ACTIE" behind its rule): it heads nothing (rules/headings.toml [column_head])."""
    most = load_rules().column_head_words
    for i, block in enumerate(blocks):
        if not flags[i] or len(block.text.split()) > most:
            continue
        below = [b for b in blocks if b is not block and b.page == block.page and b.bbox.top >= block.bbox.bottom]
        if below and all(b.bbox.x1 <= block.bbox.x0 for b in below):
            flags[i] = False


def is_underlined(block: Block, underlined: Mapping[int, Sequence[BBox]]) -> bool:
    """Whether a typed rule underlines the block's last line (`PageLayout.underlined`)."""
    box = block.lines[-1].bbox
    return any(box == u for u in underlined.get(block.page, ()))


def outline_levels(keys: Sequence[tuple[int, int] | None]) -> list[int | None]:
    """Each heading's depth in the document's outline, 1 for a top-level heading; None stays None.

    `keys` rank each heading: its style's rank among the document's heading styles (1 = largest)
    and its numbering depth ("2" 1, "2.3" 2; unnumbered 1). A heading goes under the nearest
    earlier heading of a lower key, so its level counts the headings over it: a document's first
    heading is level 1 whatever its style, a style seen nowhere above adds one level, and a
    document with ten heading styles in a flat sequence has no level 10. (Ranks alone would make a
    document's first heading level 6 when five larger styles come later.)"""
    stack: list[tuple[int, int]] = []
    levels: list[int | None] = []
    for key in keys:
        if key is None:
            levels.append(None)
            continue
        while stack and stack[-1] >= key:
            stack.pop()
        stack.append(key)
        levels.append(len(stack))
    return levels


def is_contact_block(text: str) -> bool:
    """Whether a block is an address and contact block: it names several kinds of contact detail
    (street and number, P.O. box, postcode, phone, web or e-mail; rules/headings.toml [contact])."""
    rules = load_rules().contact
    return rules is not None and sum(1 for p in rules.kinds if p.search(text)) >= rules.min_kinds


def _drop_logo_names(blocks: Sequence[Block], flags: list[bool]) -> None:
    """A short name set bold or large with a contact block beside or right under it is a logo's or
    letterhead's name (an e-mail signature's "GGD …" over its address line), no heading."""
    rules = load_rules().contact
    if rules is None:
        return
    for i, block in enumerate(blocks):
        if not flags[i] or len(block.text.split()) > rules.max_words:
            continue
        height = max(block.bbox.height / max(len(block.lines), 1), 1.0)
        low = block.bbox.top - rules.window * height
        high = block.bbox.top + rules.window * height
        flags[i] = not any(other is not block and other.page == block.page and low <= other.bbox.top <= high
                           and is_contact_block(other.text) for other in blocks)


def _drop_cell_pieces(blocks: Sequence[Block], flags: list[bool], grids: Mapping[int, Sequence[BBox]]) -> None:
    """Cells are no headings: a block inside a ruled grid of its page (a bold label or header cell
    of a Word or iBabs table), or inside the box of a block of table rows (two or more lines, one
    of them of several cells: a piece of a header cell wrapped in a narrow column, "ing", that
    the line builder set apart)."""
    rows: dict[int, list[Block]] = {}  # the blocks of table rows, by page
    for b in blocks:
        if len(b.lines) >= 2 and any(line.cells > 1 for line in b.lines):
            rows.setdefault(b.page, []).append(b)
    by_page: dict[int, list[Block]] = {}
    for b in blocks:
        by_page.setdefault(b.page, []).append(b)
    for i, block in enumerate(blocks):
        if flags[i]:
            box = block.bbox
            grid = next((g for g in grids.get(block.page, ()) if box.within(g)), None)
            in_cell = grid is not None and not _caption_row(block, grid, by_page[block.page])
            flags[i] = not (in_cell or any(r is not block and box.within(r.bbox) for r in rows.get(block.page, ())))


def _caption_row(block: Block, grid: BBox, page_blocks: Sequence[Block]) -> bool:
    """Whether `block` is a grid's caption bar: alone on the grid's top row, over rows of cells
    (an agenda item's "Agendapunt 3" bar over its table of proposal and decision): the item's
    heading, not a cell."""
    inside = [b for b in page_blocks if b is not block and b.bbox.within(grid)]
    return (bool(inside) and all(b.bbox.top >= block.bbox.bottom for b in inside)
            and len({round(b.bbox.top) for b in inside}) >= 2)



def _drop_announced_lists(blocks: Sequence[Block], flags: list[bool], kinds: Sequence[BlockKind]) -> None:
    """Numbered items announced by a line ending in a colon ("… langs de volgende lijnen:") are a
    list with descriptions, not numbered headings, even when each item is followed by text."""
    expected: tuple[tuple[float, bool], int] | None = None  # (style, next number) of an open list
    announced = False
    for i, block in enumerate(blocks):
        m = HEADING_NUMBER.match(block.text)
        number = int(m.group(1).split(".")[0]) if m and "." not in m.group(1) else None
        if flags[i]:
            if number is not None and _opens_subsections(blocks, flags, i, number):
                expected, announced = None, False  # "1. Kader" over "1.1 …": a chapter, not an item
                continue
            if number is not None and ((announced and number == 1) or
                                       (expected and expected == (style_key(block), number))):
                flags[i] = False
                expected = (style_key(block), number + 1)
            elif expected and style_key(block) != expected[0]:
                expected = None
            announced = False
        elif kinds[i] is not BlockKind.FOOTNOTE:
            # only running text announces; a field's value or label between (a head row
            # "Vergadering:" over its value) ends what a line before it announced
            announced = kinds[i] is BlockKind.BODY and block.text.rstrip().endswith(":")


def _opens_subsections(blocks: Sequence[Block], flags: list[bool], i: int, number: int) -> bool:
    """Whether the next heading after block `i` is numbered as its sub-section ("2." then "2.1")."""
    following = next((b for b, f in zip(blocks[i + 1:], flags[i + 1:]) if f), None)
    m = HEADING_NUMBER.match(following.text) if following is not None else None
    return m is not None and m.group(1).startswith(f"{number}.")


def _drop_contents(blocks: Sequence[Block], flags: list[bool]) -> None:
    """The entries of a table of contents (under its heading, on its page, before any running
    text) are no headings; a section headed "Inhoud" that opens with its text is a section. The
    entries share the first entry's style: a heading set otherwise after them (the first chapter's
    heading, larger or in another weight) ends the contents."""
    rules = load_rules()
    page: int | None = None
    entry: tuple[float, bool] | None = None
    for i, block in enumerate(blocks):
        if flags[i] and rules.contents.match(clean_heading(block.text).strip()) and _lists_entries(blocks, i):
            page, entry = block.page, None
        elif page is not None and block.page == page and not _running_text(block):
            entry = entry or style_key(block)
            if flags[i] and style_key(block) != entry and _set_apart(block, entry):
                page = None  # a heading after the contents
            else:
                flags[i] = False
        elif page is not None:
            page = None


def _set_apart(block: Block, entry: tuple[float, bool]) -> bool:
    """Whether a block is set apart from a contents' entries of style `entry`: larger, or bold
    where they are not."""
    size, bold = style_key(block)
    return size > entry[0] or (bold and not entry[1])


def _lists_entries(blocks: Sequence[Block], i: int) -> bool:
    """Whether several short entries follow a contents heading on its page before running text."""
    entries = 0
    for block in blocks[i + 1:]:
        if block.page != blocks[i].page or _running_text(block):
            break
        entries += 1
    return entries >= 2


def _running_text(block: Block) -> bool:
    """A paragraph of sentences (a table of contents' entries end in no full stop)."""
    text = block.text.rstrip()
    return text[-1:] in ".!?" and len(text.split()) >= 8


def _item_number(block: Block) -> int | None:
    """The top-level number of an agenda item's heading ("6" of "6.b. …"), or None."""
    m = load_rules().item_number.match(clean_heading(block.text).strip())
    return int(m.group("number")) if m else None


def _numbering_goes_on(blocks: Sequence[Block], flags: Sequence[bool], run: Sequence[int]) -> bool:
    """Whether a run of same-style candidates is items of an agenda numbered through the paper:
    each numbered, one number on from the one before (or a sub-item of it), and the numbering
    going on in the next heading of their style after the run ("4." after "1." to "3.") or coming
    from the one before it (rules/headings.toml [runs] item_number)."""
    numbers = [_item_number(blocks[k]) for k in run]
    if any(n is None for n in numbers):
        return False
    steps = [b - a for a, b in zip(numbers, numbers[1:])]  # type: ignore[operator]
    if any(step not in (0, 1) for step in steps):
        return False
    style = style_key(blocks[run[0]])
    after = next((k for k in range(run[-1] + 1, len(blocks)) if flags[k] and style_key(blocks[k]) == style), None)
    before = next((k for k in range(run[0] - 1, -1, -1) if flags[k] and style_key(blocks[k]) == style), None)
    first, last = numbers[0], numbers[-1]
    assert first is not None and last is not None
    return (after is not None and _item_number(blocks[after]) in (last, last + 1)) or \
        (before is not None and _item_number(blocks[before]) in (first, first - 1))


def _drop_lists(blocks: Sequence[Block], flags: list[bool]) -> None:
    """Runs of same-style candidates with nothing between them are lists or box grids (a
    heading's number hung apart from it counts as nothing between)."""
    rules = load_rules()
    numbers = [rules.number_only.match(b.text.strip()) is not None for b in blocks]
    coded = [rules.agenda_code.match(b.text.strip()) is not None or rules.units.match(b.text.strip()) is not None
             for b in blocks]
    i, n = 0, len(blocks)
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        run_blocks = [i]
        while j + 1 < n and (numbers[j + 1] or (flags[j + 1] and style_key(blocks[j + 1]) == style_key(blocks[i]))):
            j += 1
            if not numbers[j]:
                run_blocks.append(j)
        run = run_blocks
        marked = [k for k in run if list_marker(blocks[k].text)]
        if len(run) >= rules.same_style_run:
            items = _numbering_goes_on(blocks, flags, run)
            for k in run:
                # an agenda's coded items and a regulation's units stay headings, and so do the
                # items of an agenda numbered on through the paper
                flags[k] = coded[k] or items
        elif len(marked) >= rules.marked_run:
            for k in marked:
                flags[k] = False
        i = j + 1
