"""Line segments to blocks: the lines of one paragraph, heading, caption or table cell.

Lines join a block when they sit in the same column (overlapping horizontally), follow each
other at the block's line pitch and share its style (size and weight). A larger gap, a change of
style or a jump to another column starts a new block.
"""
from __future__ import annotations

from dataclasses import dataclass

from extractors.records import Block, Line


@dataclass(frozen=True)
class BlockSettings:
    max_line_gap: float = 0.5
    """Largest white space between two lines of a block, as a share of the font size."""
    min_column_overlap: float = 0.5
    """Share of the narrower line that must overlap the line above to be in the same column."""
    size_tolerance: float = 0.6
    """Points by which font sizes of lines in one block may differ."""


DEFAULT_BLOCK_SETTINGS = BlockSettings()


def build_blocks(lines: list[Line], page: int, settings: BlockSettings = DEFAULT_BLOCK_SETTINGS) -> list[Block]:
    """Group a page's line segments into blocks (in top-to-bottom order of their first line)."""
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    for line in sorted(lines, key=lambda ln: (round(ln.bbox.top, 1), ln.bbox.x0)):
        target = _find_block(open_blocks, line, settings)
        if target is None:
            block = Block([line], page)
            blocks.append(block)
            open_blocks.append(block)
        else:
            target.lines.append(line)
    return blocks


def _find_block(open_blocks: list[Block], line: Line, s: BlockSettings) -> Block | None:
    box = line.bbox
    best: Block | None = None
    best_gap = None
    for block in open_blocks:
        last = block.lines[-1]
        lb = last.bbox
        gap = box.top - lb.bottom
        size = min(last.size, line.size)
        if gap < -0.3 * size or gap > s.max_line_gap * max(last.size, line.size):
            continue
        if abs(last.size - line.size) > s.size_tolerance or last.bold != line.bold:
            continue
        narrower = min(lb.width, box.width)
        if narrower <= 0 or lb.x_overlap(box) < s.min_column_overlap * narrower:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = block, gap
    return best
