"""Sections: the heading hierarchy of a document, with the body text under each heading.

Blocks are taken in reading order over the document's pages; each heading opens a section whose
parent is the nearest earlier section of a higher level. Footnotes are kept out of the running
text and added after it, so they never split the paragraph they interrupt.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Collection, Mapping, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.structure.headings import (DEFAULT_HEADING_SETTINGS, HeadingSettings, clean_heading,
                                                       find_headings, is_colon_field, is_item_field, load_rules,
                                                       outline_levels,
                                                       split_lead_headings, style_key)
from raadsstukken.extractors.layout.paragraphs import block_text, running_text
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.text.normalize import HEADING_NUMBER, NAMED_NUMBER


@dataclass
class Section:
    """A heading and the blocks under it, before they are written as rows."""

    order: int
    level: int
    heading: str | None
    heading_path: list[str]
    parent: int | None
    page_start: int
    page_end: int
    bbox: BBox | None
    body: list[Block] = field(default_factory=list)
    footnotes: list[Block] = field(default_factory=list)
    text: str = ""
    method: str = "typography"


def build_sections(pages: Sequence[PageLayout], vocabulary: Vocabulary | None = None,
                   settings: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                   roles: Mapping[Block, BlockKind] | None = None, title: str | None = None,
                   kind: str | None = None, item_label: Callable[[str], bool] | None = None) -> list[Section]:
    """Sections of one document from its parsed pages (blocks already in reading order).

    `roles` are the document's block roles (`structure.split.document_roles`): its title blocks
    are left out (they are the document's title) and its cover text is never a heading. A
    paragraph whose first line is a heading of its own is cut in two there (`split_lead_headings`).
    `title` is the document's title: printed as its first heading with no more than a letterhead
    above it (or nothing, in a paper of the `kind`s that rules/headings.toml [title_block] names),
    that block is the title, not a heading (`_title_as_first_heading`). `item_label` tells an
    agenda item's label ("Besluit" over the item's decision in a besluitenlijst): cut off as the
    first line of a paragraph, it is a label, not a heading, and so are the item's other field
    labels set in its style (`_drop_item_fields`).
    """
    roles = dict(roles or {})
    blocks = [b for page in pages for b in page.blocks if roles.get(b, b.kind) is not BlockKind.TITLE]
    if item_label is not None:
        blocks = _cut_trailing_labels(blocks, roles)
    blocks, leads = split_lead_headings(blocks, settings, roles)
    _letterhead_row(blocks, roles)
    if item_label is not None:
        _drop_item_fields(blocks, roles, leads, item_label)
    levels = find_headings(blocks, settings, roles, leads, {p.number: p.cell_grids for p in pages},
                           {p.number: p.underlined for p in pages})
    levels = _title_as_first_heading(blocks, levels, title, kind, {p.number: p.cell_grids for p in pages},
                                     {b for b, role in roles.items() if role is BlockKind.LETTERHEAD})
    sections: list[Section] = []
    stack: list[Section] = []
    current: Section | None = None
    for block, level in zip(blocks, levels):
        if level is not None:
            while stack and stack[-1].level >= level:
                stack.pop()
            parent = stack[-1] if stack else None
            heading = clean_heading(block_text(block, vocabulary))
            current = Section(
                order=len(sections), level=level, heading=heading,
                heading_path=(parent.heading_path if parent else []) + [heading],
                parent=parent.order if parent else None,
                page_start=block.page, page_end=block.page, bbox=block.bbox,
                method="heading:size+weight",
            )
            sections.append(current)
            stack.append(current)
            continue
        if current is None:
            current = Section(order=0, level=0, heading=None, heading_path=[], parent=None,
                              page_start=block.page, page_end=block.page, bbox=block.bbox,
                              method="leading_text")
            sections.append(current)
        (current.footnotes if block.kind is BlockKind.FOOTNOTE else current.body).append(block)
        current.page_end = max(current.page_end, block.page)
    for section in sections:
        parts = [running_text(section.body, vocabulary)]
        parts += [block_text(b, vocabulary) for b in section.footnotes]
        section.text = "\n\n".join(p for p in parts if p)
    return sections


def _letterhead_row(blocks: Sequence[Block], roles: dict[Block, BlockKind]) -> None:
    """A word or two on the letterhead's row, beside it (the paper's kind in a shaded box at the
    right of the body's name, centred on that row rather than on its baseline), belong to the
    letterhead: no heading (rules/headings.toml [letterhead_row])."""
    heads = [b for b in blocks if roles.get(b) is BlockKind.LETTERHEAD]
    most = load_rules().letterhead_row_words
    for block in blocks:
        if roles.get(block, block.kind) is not BlockKind.BODY or len(block.lines) != 1 \
                or len(block.text.split()) > most:
            continue
        mid = block.bbox.center_y
        if any(h.page == block.page and h.bbox.top <= mid <= h.bbox.bottom and block.bbox.x_overlap(h.bbox) <= 0
               for h in heads):
            roles[block] = BlockKind.LETTERHEAD


def _cut_trailing_labels(blocks: Sequence[Block], roles: Mapping[Block, BlockKind]) -> list[Block]:
    """The blocks with an item's field label closed by its colon, alone on the last line of a
    block of body text ("Voorstel:" under the item's subject, joined to it by an OCR layer or a
    tight print), cut off as a block of its own: it labels what follows (rules/headings.toml
    [item_fields] colon_label)."""
    out: list[Block] = []
    for block in blocks:
        if roles.get(block, block.kind) is BlockKind.BODY and len(block.lines) >= 2 \
                and block.lines[-1].cells <= 1 and is_colon_field(block.lines[-1].text):
            out += [Block(block.lines[:-1], block.page, block.kind), Block(block.lines[-1:], block.page, block.kind)]
        else:
            out.append(block)
    return out


def _drop_item_fields(blocks: Sequence[Block], roles: dict[Block, BlockKind], leads: set[Block],
                      item_label: Callable[[str], bool]) -> None:
    """An agenda item's decision labels ("Besluit" over the item's decision), cut off as a
    paragraph's first line or on a line of their own, are labels; so are the item's other field
    labels ("Voorstel", "Portefeuillehouder", rules/headings.toml [item_fields]) set in the style
    of those decision labels (size and weight), and every such label closed by its colon on a line
    of its own ("Voorstel:"). A list with no decision label gives no style: its field labels
    without a colon stay what their typography makes them."""
    labels = [b for b in blocks if (b in leads or roles.get(b, b.kind) in (BlockKind.BODY, BlockKind.LABEL))
              and item_label(b.text)]
    # the label's style, also where it heads its decision's lines in one block ("Besluit:" over
    # the decision in the same bold type)
    styles = {(round(b.lines[0].size * 2) / 2, b.lines[0].bold) for b in blocks
              if roles.get(b, b.kind) in (BlockKind.BODY, BlockKind.LABEL) and item_label(b.lines[0].text)}
    styles |= {style_key(b) for b in labels}
    # the list's first item: field labels in its style above it are the list head's
    head = load_rules().item_head
    first = next((i for i, b in enumerate(blocks) if roles.get(b, b.kind) is BlockKind.BODY and b.lines[0].bold
                  and head.match(clean_heading(b.lines[0].text).strip())), -1)
    for i, block in enumerate(blocks):
        role = roles.get(block, block.kind)
        one_line = len(block.lines) == 1 and role is BlockKind.BODY
        styled = i > first and style_key(block) in styles and is_item_field(block.text)
        field = block in labels or (one_line and (is_colon_field(block.text) or styled))
        if field:
            leads.discard(block)
            roles[block] = BlockKind.LABEL


def _key(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .:;,")


def _title_as_first_heading(blocks: Sequence[Block], levels: list[int | None], title: str | None,
                            kind: str | None = None,
                            grids: Mapping[int, Sequence[BBox]] | None = None,
                            letterhead: Collection[Block] = ()) -> list[int | None]:
    """The levels with the document's title taken out of its headings when it is printed as a
    heading (the same words) at the paper's head, under a letterhead's few words
    (rules/headings.toml [title_block]): a paper's title over its form or letter, not the first
    heading of its text. Headings above it on its page set smaller than it (a publication's
    masthead, the head of an empty column) belong to the paper's head with it and go too; the
    cells of a ruled grid above it (a publication's metadata grid) and the `letterhead` blocks (the
    split's letterhead: the body's name, a running head) count as the head, not as text above it.
    With nothing above it, it is the title alone in a paper (a raadsvoorstel, a besluit, a letter:
    [title_block] papers), except a numbered block ("Deel 1: Aanleiding"); in a report
    or plan it may be the first chapter's heading as well as the title (a plan's project card)
    and stays a heading. The others' levels are their depths once it is gone."""
    if not title:
        return levels
    heads = [i for i, level in enumerate(levels) if level is not None]
    first = next((i for i in heads if _key(clean_heading(blocks[i].text)) == _key(title)), None)
    if first is None:
        return levels
    head = blocks[first]
    above_heads = [i for i in heads if i < first]
    if any(blocks[i].page != head.page or blocks[i].size >= head.size for i in above_heads):
        return levels  # a heading of the text before the title's words come again
    grid_boxes = (grids or {}).get(head.page, ())
    cells = [b for b in blocks[:first] if any(b.bbox.within(g) for g in grid_boxes)]
    rules = load_rules()
    above = sum(len(b.text) for i, b in enumerate(blocks[:first])
                if i not in above_heads and b not in letterhead and not any(b is c for c in cells))
    if above > rules.title_max_chars_above:
        return levels  # a heading under text of its own
    if not any(b.text.strip() for b in blocks[:first]) and (
            kind not in rules.title_papers or HEADING_NUMBER.match(head.text) or NAMED_NUMBER.match(head.text)):
        return levels  # a report's first chapter, or a numbered block opening the text
    gone = set(above_heads) | {first}
    rest = [(level, 1) if i not in gone and level is not None else None for i, level in enumerate(levels)]
    return outline_levels(rest)
