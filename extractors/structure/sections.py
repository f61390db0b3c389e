"""Sections: the heading hierarchy of a document, with the body text under each heading.

Blocks are taken in reading order over the document's pages; each heading opens a section whose
parent is the nearest earlier section of a higher level. Footnotes are kept out of the running
text and added after it, so they never split the paragraph they interrupt.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.structure.headings import (DEFAULT_HEADING_SETTINGS, HeadingSettings, clean_heading,
                                                       find_headings, split_lead_headings)
from raadsstukken.extractors.layout.paragraphs import block_text, running_text
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout


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
                   roles: Mapping[Block, BlockKind] | None = None) -> list[Section]:
    """Sections of one document from its parsed pages (blocks already in reading order).

    `roles` are the document's block roles (`structure.split.document_roles`): its title blocks
    are left out (they are the document's title) and its cover text is never a heading. A
    paragraph whose first line is a heading of its own is cut in two there (`split_lead_headings`).
    """
    roles = roles or {}
    blocks = [b for page in pages for b in page.blocks if roles.get(b, b.kind) is not BlockKind.TITLE]
    blocks, leads = split_lead_headings(blocks, settings, roles)
    levels = find_headings(blocks, settings, roles, leads)
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
