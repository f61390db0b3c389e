"""Line segments to blocks: the lines of one paragraph, heading, caption or table cell.

Lines join a block when they sit in the same column (overlapping horizontally, and on the same
side of every column gutter beside them, `columns.py`), follow each other at the page's usual line
spacing and share their style (size and weight). A larger gap, a change of style or a jump to
another column starts a new block.
"""
from __future__ import annotations

from dataclasses import dataclass

from raadsstukken.extractors.layout.columns import find_gutters, line_segments
from raadsstukken.extractors.layout.lines import DEFAULT_LINE_SETTINGS
from raadsstukken.extractors.layout.records import Block, Line
from raadsstukken.extractors.settings import SAME_SIZE


@dataclass(frozen=True)
class BlockSettings:
    max_line_gap: float = 0.5
    """Largest white space between two lines of a block, as a share of the font size."""
    min_column_overlap: float = 0.5
    """Share of the narrower line that must overlap the line above to be in the same column."""
    size_tolerance: float = SAME_SIZE
    """Points by which font sizes of lines in one block may differ."""
    leading_slack: float = 0.25
    """On a page set with wide line spacing, lines stay in one block up to the page's usual gap
    plus this share of the font size."""


DEFAULT_BLOCK_SETTINGS = BlockSettings()
MIN_GAP_SAMPLES = 3
"""Line pairs of one size needed before their usual gap counts as the page's line spacing."""


def build_blocks(lines: list[Line], page: int, settings: BlockSettings = DEFAULT_BLOCK_SETTINGS) -> list[Block]:
    """Group a page's line segments into blocks (in top-to-bottom order of their first line)."""
    blocks: list[Block] = []
    open_blocks: list[Block] = []
    ordered = sorted(lines, key=lambda ln: (round(ln.bbox.top, 1), ln.bbox.x0))
    leading = _usual_gap(ordered)
    largest = max((ln.size for ln in lines), default=0.0)
    reach = max(settings.max_line_gap * largest, max(leading.values(), default=0.0) + settings.leading_slack * largest)
    zones = _zones(lines)
    for line in ordered:
        # a block whose last line ends further above than any line gap allows takes no more lines
        # (lines come top to bottom): leaving it out keeps a page of hundreds of labels linear
        open_blocks = [b for b in open_blocks if line.bbox.top - b.lines[-1].bbox.bottom <= reach]
        candidates = open_blocks
        if zones is not None:  # never a block across a column gutter, nor from a full-width line into a column
            zone = zones[id(line)]
            candidates = [b for b in open_blocks if zones[id(b.lines[-1])] == zone]
        target = _find_block(candidates, line, settings, leading)
        if target is None:
            block = Block([line], page)
            blocks.append(block)
            open_blocks.append(block)
        else:
            target.lines.append(line)
    return blocks


def _zones(lines: list[Line]) -> dict[int, tuple[tuple[int, int], ...]] | None:
    """Per line (by id), the column it stands in for each gutter beside it (`columns.py`); None on
    a page without gutters."""
    gutters = find_gutters(line_segments(lines, DEFAULT_LINE_SETTINGS.segment_gap))
    if not gutters:
        return None
    return {id(ln): tuple((k, g.side(ln.bbox)) for k, g in enumerate(gutters) if g.beside(ln.bbox))
            for ln in lines}


def _usual_gap(lines: list[Line]) -> dict[float, float]:
    """Per font size, the most common white space between a line and the next one under it: the
    page's line spacing (single, 1.5, double) that a paragraph's lines keep."""
    gaps: dict[float, dict[float, int]] = {}
    for i, line in enumerate(lines):
        box = line.bbox
        for nxt in lines[i + 1:]:
            gap = nxt.bbox.top - box.bottom
            if gap > 2.0 * line.size:
                break
            if gap >= -0.3 * line.size and abs(nxt.size - line.size) < 0.3 and nxt.bbox.x_overlap(box) > 0:
                counts = gaps.setdefault(round(line.size, 1), {})
                key = round(gap * 2) / 2
                counts[key] = counts.get(key, 0) + 1
                break
    usual = {}
    for size, counts in gaps.items():
        gap, seen = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
        if seen >= MIN_GAP_SAMPLES and gap <= size:
            usual[size] = gap
    return usual


def _find_block(open_blocks: list[Block], line: Line, s: BlockSettings, leading: dict[float, float]) -> Block | None:
    box = line.bbox
    best: Block | None = None
    best_gap = None
    for block in open_blocks:
        last = block.lines[-1]
        lb = last.bbox
        gap = box.top - lb.bottom
        size = min(last.size, line.size)
        usual = leading.get(round(line.size, 1), 0.0)
        limit = max(s.max_line_gap * max(last.size, line.size), usual + s.leading_slack * size)
        if gap < -0.3 * size or gap > limit:
            continue
        if abs(last.size - line.size) > s.size_tolerance or last.bold != line.bold:
            continue
        narrower = min(lb.width, box.width)
        if narrower <= 0 or lb.x_overlap(box) < s.min_column_overlap * narrower:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = block, gap
    return best
