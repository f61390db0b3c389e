"""Reading order of the blocks of a page, for one or more columns and mixed layouts.

Breuel's ordering (Breuel 2003, "High-performance document layout analysis"): block `a` comes
before block `b` when

1. they overlap horizontally and `a` is above `b`; or
2. `a` lies wholly left of `b` and no third block, vertically between them, overlaps both
   horizontally (a full-width title, table or figure caption separating two column bands);
   when `a` lies wholly below `b`, its column must also run alongside `b` (so a stray cell at
   the right of a form row is read with its row, not after everything to its left).

The resulting partial order is sorted topologically, ties broken top-to-bottom, left-to-right.
This reads a full-width title above two columns, columns interrupted by a full-width table, and
sidebars without a page-type-specific rule. Where the page's own geometry shows column gutters
(`columns.py`), the columns beside them are read one after the other first, whatever their
baselines do: the partial order alone reads a column's block next to the other column's block
that ends on the same baseline as a form's label and value. The blocks of a ruled grid (a table or
form ruled round every cell, `rulings.py`) are read row by row, one unit among the others: the
partial order alone reads a grid's whole label column before its values, since nothing printed
between the rows overlaps both columns (the rules do, but they are no blocks).
"""
from __future__ import annotations

import heapq
from typing import Sequence

from raadsstukken.extractors.layout.columns import Gutter, find_gutters, line_segments
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.lines import DEFAULT_LINE_SETTINGS
from raadsstukken.extractors.layout.records import Block

MIN_OVERLAP = 2.0
"""Points of horizontal overlap below which two blocks count as side by side."""
SAME_BASELINE = 2.0
"""Points within which two blocks end on one baseline: a label and its value in a form row."""


def order_blocks(blocks: Sequence[Block], grids: Sequence[BBox] = ()) -> list[Block]:
    """The blocks in the order a person reads them.

    Where the page has column gutters (`columns.find_gutters`), each stretch of columns is read
    column by column, left to right, as one unit among the page's other blocks (a title above, a
    table or a one-column paragraph below); the blocks of one column and the other blocks are
    ordered by `_breuel`. The blocks inside one of the page's ruled `grids` are read row by row
    (`_grid_rows`), as one unit.
    """
    if len(blocks) < 2:
        return list(blocks)
    gutters = find_gutters(line_segments((ln for b in blocks for ln in b.lines), DEFAULT_LINE_SETTINGS.segment_gap))
    if not gutters:
        return _ordered_units(_grid_units(blocks, grids))
    stretches = _stretches(gutters)
    columns: list[dict[int, list[Block]]] = [{} for _ in stretches]
    free: list[Block] = []
    for block in blocks:
        place = _column_of(block.bbox, stretches)
        if place is None:
            free.append(block)
        else:
            columns[place[0]].setdefault(place[1], []).append(block)
    units = _grid_units(free, grids)
    for cols in columns:
        if cols:
            unit: list[Block] = []
            for k in sorted(cols):
                unit.extend(_ordered_units(_grid_units(cols[k], grids)))
            units.append(unit)
    return _ordered_units(units)


def _ordered_units(units: list[list[Block]]) -> list[Block]:
    """The blocks of `units` (each read as one, in its own order) in the page's reading order."""
    if len(units) == 1:
        return list(units[0])
    order = _breuel([union_all(b.bbox for b in unit) for unit in units])
    return [b for i in order for b in units[i]]


def _grid_units(blocks: Sequence[Block], grids: Sequence[BBox]) -> list[list[Block]]:
    """One unit per block outside the `grids`; one per grid for the blocks inside it, row by row."""
    inside: dict[int, list[Block]] = {}
    units: list[list[Block]] = []
    for block in blocks:
        k = next((k for k, grid in enumerate(grids) if block.bbox.within(grid)), None)
        if k is None:
            units.append([block])
        else:
            inside.setdefault(k, []).append(block)
    units.extend(_grid_rows(inside[k]) for k in sorted(inside))
    return units


def _grid_rows(blocks: list[Block]) -> list[Block]:
    """A grid's blocks row by row: blocks whose heights overlap (a chain of them: a cell of two
    paragraphs beside a cell of one) are one row, read left to right, each column's blocks top
    to bottom."""
    rows: list[list[Block]] = []
    bottom = float("-inf")
    for block in sorted(blocks, key=lambda b: (b.bbox.top, b.bbox.x0)):
        if rows and block.bbox.top < bottom:
            rows[-1].append(block)
            bottom = max(bottom, block.bbox.bottom)
        else:
            rows.append([block])
            bottom = block.bbox.bottom
    return [b for row in rows for b in sorted(row, key=lambda b: (round(b.bbox.x0), b.bbox.top))]



def _stretches(gutters: list[Gutter]) -> list[list[Gutter]]:
    """Gutters grouped into stretches of columns: those whose heights overlap read as one."""
    out: list[list[Gutter]] = []
    bottom = float("-inf")
    for g in sorted(gutters, key=lambda g: g.top):
        if out and g.top <= bottom:
            out[-1].append(g)
            bottom = max(bottom, g.bottom)
        else:
            out.append([g])
            bottom = g.bottom
    return out


def _column_of(box: BBox, stretches: list[list[Gutter]]) -> tuple[int, int] | None:
    """(stretch, column) of a block beside gutters, or None for a block outside them or across one."""
    for k, stretch in enumerate(stretches):
        sides = [g.side(box) for g in stretch if g.beside(box)]
        if sides:
            return None if -1 in sides else (k, sum(sides))
    return None


def _breuel(boxes: list[BBox]) -> list[int]:
    """Indices of `boxes` in reading order, by the partial order of the module docstring."""
    n = len(boxes)
    if n < 2:
        return list(range(n))
    overlaps = _Overlaps(boxes)
    successors: list[list[int]] = [[] for _ in range(n)]
    indegree = [0] * n
    for i in range(n):
        for j in range(n):
            if i != j and _before(boxes, i, j, overlaps):
                successors[i].append(j)
                indegree[j] += 1
    key = [(round(b.top, 1), round(b.x0, 1), i) for i, b in enumerate(boxes)]
    heap = [key[i] for i in range(n) if indegree[i] == 0]
    heapq.heapify(heap)
    done = [False] * n
    order: list[int] = []
    while len(order) < n:
        if not heap:
            # a cycle (overlapping boxes): release the top-left-most remaining block
            rest = min(key[i] for i in range(n) if not done[i])
            indegree[rest[2]] = 0
            heap.append(rest)
        _, _, i = heapq.heappop(heap)
        if done[i]:
            continue
        done[i] = True
        order.append(i)
        for j in successors[i]:
            indegree[j] -= 1
            if indegree[j] == 0 and not done[j]:
                heapq.heappush(heap, key[j])
    return order


class _Overlaps:
    """Which blocks overlap which, horizontally (by more than MIN_OVERLAP) and vertically, as bit
    sets: the third-block tests of `_before` look only at blocks that can pass them, so a page of
    hundreds of scattered labels (a map) is ordered in a second, not minutes."""

    def __init__(self, boxes: list[BBox]) -> None:
        n = len(boxes)
        self.x = [0] * n
        self.y = [0] * n
        for i in range(n):
            a = boxes[i]
            for j in range(i + 1, n):
                b = boxes[j]
                if a.x_overlap(b) > MIN_OVERLAP:
                    self.x[i] |= 1 << j
                    self.x[j] |= 1 << i
                if a.y_overlap(b) > 0:
                    self.y[i] |= 1 << j
                    self.y[j] |= 1 << i


def _bits(mask: int):
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def _before(boxes: list[BBox], i: int, j: int, overlaps: _Overlaps | None = None) -> bool:
    a, b = boxes[i], boxes[j]
    ov = overlaps or _Overlaps(boxes)
    if ov.x[i] >> j & 1:
        return (a.center_y, a.x0) < (b.center_y, b.x0)
    if a.x1 <= b.x0 + MIN_OVERLAP:
        others = ~((1 << i) | (1 << j))
        for k in _bits(ov.x[i] & ov.x[j] & others):
            if _between(boxes[k], a, b):
                return False
        if a.top > b.bottom:
            # `a` lies wholly below `b`: it only comes first when its column runs alongside `b`
            # (two columns), not when `b` is a stray cell to the right of an earlier row (a form).
            return any(abs(boxes[k].bottom - b.bottom) > SAME_BASELINE
                       for k in _bits(ov.x[i] & ~ov.x[j] & ov.y[j] & others))
        return True
    return False


def _between(c: BBox, a: BBox, b: BBox) -> bool:
    """`c` lies vertically between `a` and `b` (below one and above the other)."""
    upper, lower = (a, b) if a.top <= b.top else (b, a)
    return c.top >= upper.bottom - 1.0 and c.bottom <= lower.top + 1.0
