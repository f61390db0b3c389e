"""Footnotes: small-print blocks that begin with a note marker, kept apart from the body.

A block is a footnote when its type is smaller than the body's and it opens with a marker
(a number or a symbol) that is either called from the page's body text (a superscript) or the
block is the last text of its column. A narrow block whose first line stands on the first
line of a wider block to its right is a margin heading or label beside its text ("7 Voorstel
…" in the margin column of a verslag), never a footnote. Footnote calls themselves are
superscript words, which `Line.text` leaves out.
"""
from __future__ import annotations

import re
from typing import Sequence

from raadsstukken.extractors.layout.records import Block, BlockKind

_MARKER = re.compile(r"^(?:(\d{1,3})|([*†‡§]+)|([¹²³⁴⁵⁶⁷⁸⁹⁰]+))\s*\S")
_SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
SMALL_PRINT = 0.92
"""A footnote's size is at most this share of the body size."""
MARGIN_WIDTH = 0.5
"""A block at most this share of the width of the block beside it stands in a margin column."""


def footnote_marker(block: Block) -> str | None:
    """The note marker a block opens with ('1', '*', ...), or None."""
    first = block.lines[0].words[0]
    m = _MARKER.match(block.lines[0].raw_text)
    if not m:
        return None
    if m.group(1) and len(block.lines[0].words) < 2:
        return None
    marker = m.group(1) or m.group(2) or m.group(3)
    if first.text != marker and not first.text.startswith(marker):
        return None
    return marker.translate(_SUPERSCRIPT_DIGITS)


def footnote_calls(blocks: Sequence[Block]) -> set[str]:
    """Markers called from body text on a page (superscript numbers and symbols)."""
    calls: set[str] = set()
    for block in blocks:
        for line in block.lines:
            for word in line.words:
                if word.superscript:
                    calls.add(word.text.strip().translate(_SUPERSCRIPT_DIGITS))
    return calls


def find_footnotes(blocks: Sequence[Block], body_size: float) -> list[bool]:
    """Which of the page's blocks are footnotes (one flag per block, in order)."""
    calls = footnote_calls(blocks)
    flags = []
    for block in blocks:
        flag = False
        if block.kind is BlockKind.BODY and block.size <= SMALL_PRINT * body_size:
            marker = footnote_marker(block)
            flag = marker is not None and (marker in calls or _last_in_column(block, blocks)) \
                and not _in_margin_beside_text(block, blocks)
        flags.append(flag)
    return flags


def with_footnotes(blocks: Sequence[Block], body_size: float) -> list[Block]:
    """The page's blocks, footnotes made with the footnote role (new blocks; the input is kept)."""
    flags = find_footnotes(blocks, body_size)
    return [Block(b.lines, b.page, BlockKind.FOOTNOTE) if f else b for b, f in zip(blocks, flags)]


def _in_margin_beside_text(block: Block, blocks: Sequence[Block]) -> bool:
    box, first = block.bbox, block.lines[0].bbox
    return any(other is not block and other.bbox.x0 >= box.x1 and box.width <= MARGIN_WIDTH * other.bbox.width
               and abs(other.lines[0].bbox.top - first.top) <= 0.5 * first.height for other in blocks)


def _last_in_column(block: Block, blocks: Sequence[Block]) -> bool:
    box = block.bbox
    for other in blocks:
        if other is block or other.kind is not BlockKind.BODY:
            continue
        ob = other.bbox
        if ob.top >= box.bottom - 1 and ob.x_overlap(box) > 0 and other.size > block.size + 0.3:
            return False
    return True
