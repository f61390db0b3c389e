"""Column gutters from a page's own geometry: white bands that run through a stretch of text.

Between the columns of a two-column page runs a vertical band of white that no line
crosses for as long as the columns last, whatever the columns' baselines, type sizes or leading
do. `find_gutters` looks for such bands among a page's line segments, so that lines are never
merged across a gutter (`lines.py`), blocks never span one (`blocks.py`) and the stretch is read
column by column (`reading_order.py`).

How: the x-ranges that few of the page's column-sized lines cover (a valley between two busy
ranges) are candidates. Lines that cover a candidate cross it (a full-width title, a table, a
paragraph over both columns); they cut the page into stretches, and in each stretch the lines left
and right of the candidate must look like two columns of running text: enough lines on each side,
both sides wide, a white band narrow beside them, lines that fill their column, no white band
inside a side (a table's cells) and paragraph breaks that do not fall at the same heights on both
sides (a table's rows). A form's labels and values, a table row with a wide gap and an indented
list are no columns. One gutter per stretch: a page of three columns side by side is left to the
blocks' order (`reading_order._breuel`), as are a letter's narrow sidebar and tables. The
thresholds are data: `rules/columns.toml`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from raadsstukken.extractors.layout.clustering import cluster_rows
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules

Segment = tuple[BBox, float]
"""A line segment's box and its font size."""
EDGE = 0.5
"""Points by which a line may reach into a gutter's edge and still be beside it."""


@dataclass(frozen=True)
class ColumnRules:
    max_line_share: float
    valley_share: float
    min_gutter: float
    max_gutter_share: float
    tail_gap: float
    cell_gap: float
    min_lines: int
    min_column: float
    min_width_ratio: float
    fill_width: float
    min_filled: float
    hole_width: float
    hole_share: float
    break_gap: float
    min_breaks: int
    max_break_share: float
    break_tolerance: float


@lru_cache(maxsize=1)
def column_rules() -> ColumnRules:
    data = read_rules("columns")
    cand, gutter, column, grid = data["candidates"], data["gutter"], data["column"], data["grid"]
    return ColumnRules(
        max_line_share=float(cand["max_line_share"]), valley_share=float(cand["valley_share"]),
        min_gutter=float(gutter["min_width"]), max_gutter_share=float(gutter["max_share"]),
        tail_gap=float(gutter["tail_gap"]), cell_gap=float(gutter["cell_gap"]),
        min_lines=int(column["min_lines"]), min_column=float(column["min_width"]),
        min_width_ratio=float(column["min_width_ratio"]),
        fill_width=float(column["fill_width"]), min_filled=float(column["min_filled"]),
        hole_width=float(column["hole_width"]),
        hole_share=float(column["hole_share"]), break_gap=float(grid["break_gap"]),
        min_breaks=int(grid["min_breaks"]), max_break_share=float(grid["max_share"]),
        break_tolerance=float(grid["tolerance"]),
    )


@dataclass(frozen=True, slots=True)
class Gutter:
    """The white band between two columns over a stretch of a page: `x0` is where the left
    column's ink ends, `x1` where the right column's begins, `top`/`bottom` the stretch."""

    x0: float
    top: float
    x1: float
    bottom: float

    def beside(self, box: BBox) -> bool:
        """Whether `box` lies in the gutter's stretch (by its middle height)."""
        return self.top <= box.center_y <= self.bottom

    def side(self, box: BBox) -> int:
        """0 left of the gutter, 1 right of it, -1 across it."""
        if box.x1 <= self.x0 + EDGE:
            return 0
        if box.x0 >= self.x1 - EDGE:
            return 1
        return -1

    def separates(self, left_x1: float, right_x0: float) -> bool:
        """Whether a piece ending at `left_x1` and one starting at `right_x0` are on either side."""
        return left_x1 <= self.x0 + EDGE and right_x0 >= self.x1 - EDGE


def line_segments(lines: Iterable[Line], gap: float) -> list[Segment]:
    """The segments the line builder found a page's lines from: a line's box, or for a row of
    cells kept together as one line (`Line.cells` > 1) the boxes of its runs of words no more than
    `gap` font sizes apart."""
    out: list[Segment] = []
    for line in lines:
        if line.cells == 1:
            out.append((line.bbox, line.size))
            continue
        box = line.bbox
        x0 = right = line.words[0].bbox.x0
        for word in line.words:
            if word.bbox.x0 - right > gap * line.size:
                out.append((BBox(x0, box.top, right, box.bottom), line.size))
                x0 = word.bbox.x0
            right = max(right, word.bbox.x1)
        out.append((BBox(x0, box.top, right, box.bottom), line.size))
    return out


def find_gutters(segments: Sequence[Segment], rules: ColumnRules | None = None) -> list[Gutter]:
    """The column gutters of a page, from its line segments (boxes and font sizes)."""
    r = rules or column_rules()
    if len(segments) < 2 * r.min_lines:
        return []
    left = min(box.x0 for box, _ in segments)
    width = max(box.x1 for box, _ in segments) - left
    if width <= 0:
        return []
    narrow = [(box.x0, box.x1) for box, _ in segments if box.width <= r.max_line_share * width]
    if len(narrow) < 2 * r.min_lines:
        return []
    found: list[Gutter] = []
    for a, b in _valleys(narrow, r.valley_share):
        found.extend(_stretches(segments, (a + b) / 2, r))
    if len(found) < 2:
        return found
    # one gutter per stretch of the page, the longest: where two candidates found white beside
    # the same lines, the shorter one is a gap inside a column (a justified heading's last word)
    kept: list[Gutter] = []
    for g in sorted(found, key=lambda g: (g.top - g.bottom, g.x0)):
        if not any(g.top < k.bottom and k.top < g.bottom for k in kept):
            kept.append(g)
    return sorted(kept, key=lambda g: (g.top, g.x0))


def _valleys(intervals: list[tuple[float, float]], share: float, most: float | None = None) -> list[tuple[float, float]]:
    """X-ranges that few intervals cover compared with the busiest ranges on both sides: at most
    `share` of the lesser of the two peaks, or with `most`, at most that many with more on both
    sides."""
    events = sorted([(x0, 1) for x0, _ in intervals] + [(x1, -1) for _, x1 in intervals])
    spans: list[tuple[float, float, int]] = []  # (from, to, intervals covering it)
    depth = 0
    prev = events[0][0]
    for x, step in events:
        if x > prev:
            spans.append((prev, x, depth))
            prev = x
        depth += step
    if len(spans) < 3:
        return []
    n = len(spans)
    before = [0] * n
    after = [0] * n
    for i in range(1, n):
        before[i] = max(before[i - 1], spans[i - 1][2])
    for i in range(n - 2, -1, -1):
        after[i] = max(after[i + 1], spans[i + 1][2])
    if most is None:
        low = [spans[i][2] <= share * min(before[i], after[i]) and min(before[i], after[i]) > 0 for i in range(n)]
    else:
        low = [spans[i][2] <= most < min(before[i], after[i]) for i in range(n)]
    out: list[tuple[float, float]] = []
    i = 0
    while i < n:
        if not low[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and low[j + 1]:
            j += 1
        out.append((spans[i][0], spans[j][1]))
        i = j + 1
    return out


def _stretches(segments: Sequence[Segment], middle: float, r: ColumnRules) -> list[Gutter]:
    """Gutters at the candidate whose middle is `middle`: one per stretch between lines across it
    (a line that only reaches into the candidate's range is beside it) whose lines either side
    read as two columns."""
    crossing: list[tuple[float, float]] = []
    sides: list[tuple[Segment, int]] = []
    for seg in segments:
        box = seg[0]
        if box.x1 <= middle:
            sides.append((seg, 0))
        elif box.x0 >= middle:
            sides.append((seg, 1))
        else:
            crossing.append((box.top, box.bottom))
    sides = _table_rows_across(sides, crossing, r)
    merged: list[list[float]] = []
    for top, bottom in sorted(crossing):
        if merged and top <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], bottom)
        else:
            merged.append([top, bottom])
    tops = [m[0] for m in merged]
    stretches: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for seg, side in sides:
        y = seg[0].center_y
        k = bisect_right(tops, y)
        if k and y <= merged[k - 1][1]:
            continue  # level with a line across the gutter
        stretches.setdefault(k, ([], []))[side].append(seg)
    out: list[Gutter] = []
    for k in sorted(stretches):
        left, right = stretches[k]
        if k and left and right:  # a full-width paragraph's short last line is no column's line
            above = merged[k - 1][1]
            left, right = _untailed(left, right, above, r), _untailed(right, left, above, r)
        gutter = _two_columns(left, right, r)
        if gutter is not None:
            out.append(gutter)
    return out


def _table_rows_across(sides: list[tuple[Segment, int]], crossing: list[tuple[float, float]],
                       r: ColumnRules) -> list[tuple[Segment, int]]:
    """`sides` without the rows of a table that runs over the candidate: a baseline whose pieces on
    both sides are cells apart by more than `cell_gap` font sizes goes to `crossing`. (A table's
    columns may happen to leave white where a gutter would be; the words of a justified line are
    closer.)"""
    out: list[tuple[Segment, int]] = []
    for row in cluster_rows(sides, lambda item: item[0][0]):
        if len(row) >= 4 and all(_cells(row, side, r.cell_gap) for side in (0, 1)):
            crossing.append((min(seg[0].top for seg, _ in row), max(seg[0].bottom for seg, _ in row)))
        else:
            out.extend(row)
    return out


def _cells(row: list[tuple[Segment, int]], side: int, gap: float) -> bool:
    """Whether the row's pieces on `side` are at least two, with a gap between them wider than
    `gap` font sizes."""
    pieces = [seg for seg, s in row if s == side]
    return len(pieces) >= 2 and any(b[0].x0 - a[0].x1 > gap * min(a[1], b[1]) for a, b in zip(pieces, pieces[1:]))


def _untailed(side: list[Segment], other: list[Segment], above: float, r: ColumnRules) -> list[Segment]:
    """`side` without the line right under a line across the gutter (ending `above`) that ends
    before the other side begins: the last line of a paragraph over both columns."""
    start = min(box.top for box, _ in other)
    return [seg for seg in side
            if not (seg[0].bottom <= start and seg[0].top - above <= r.tail_gap * seg[1])]


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _two_columns(left: list[Segment], right: list[Segment], r: ColumnRules) -> Gutter | None:
    """The gutter between `left` and `right` when they read as two columns of running text."""
    if len(left) < r.min_lines or len(right) < r.min_lines:
        return None
    size_l, size_r = _median([s for _, s in left]), _median([s for _, s in right])
    size = min(size_l, size_r)
    g0 = max(box.x1 for box, _ in left)
    g1 = min(box.x0 for box, _ in right)
    width_l = g0 - min(box.x0 for box, _ in left)
    width_r = max(box.x1 for box, _ in right) - g1
    if g1 - g0 < r.min_gutter * size or width_l < r.min_column * size_l or width_r < r.min_column * size_r:
        return None
    if g1 - g0 > r.max_gutter_share * min(width_l, width_r):
        return None
    if min(width_l, width_r) < r.min_width_ratio * max(width_l, width_r):
        return None
    rows_l, rows_r = _rows(left), _rows(right)
    if len(rows_l) < r.min_lines or len(rows_r) < r.min_lines:
        return None
    if not (_fills(rows_l, width_l, r) and _fills(rows_r, width_r, r)):
        return None
    if (_has_hole(left, len(rows_l), r.hole_width * size_l, r.hole_share)
            or _has_hole(right, len(rows_r), r.hole_width * size_r, r.hole_share)):
        return None
    if _rows_line_up(rows_l, rows_r, size, r):
        return None
    box_l, box_r = rows_l[0].union(rows_l[-1]), rows_r[0].union(rows_r[-1])
    if box_l.y_overlap(box_r) <= 0:
        return None  # one side above the other: no columns beside each other
    return Gutter(g0, min(box_l.top, box_r.top), g1, max(box_l.bottom, box_r.bottom))


def _rows(side: list[Segment]) -> list[BBox]:
    """The side's lines as one box per baseline (a justified line's word segments together),
    top to bottom."""
    return [union_all(box for box, _ in row) for row in cluster_rows(side, lambda seg: seg[0])]


def _fills(rows: list[BBox], width: float, r: ColumnRules) -> bool:
    filled = sum(1 for row in rows if row.width >= r.fill_width * width)
    return filled >= r.min_filled * len(rows)


def _has_hole(side: list[Segment], rows: int, hole: float, share: float) -> bool:
    """Whether a band at least `hole` wide that at most `share` of the side's `rows` cover runs
    through the side, between covered parts: the white between a table's columns of cells, which a
    header or a wide cell may cross. The word spaces of a justified column fall anywhere, and a
    small table inside a column leaves the column's other lines over its gaps."""
    return any(b - a >= hole for a, b in _valleys([(box.x0, box.x1) for box, _ in side], 0.0, share * rows))


def _breaks(rows: list[BBox], gap: float) -> list[float]:
    return [rows[i].top for i in range(1, len(rows)) if rows[i].top - rows[i - 1].bottom > gap]


def _rows_line_up(rows_l: list[BBox], rows_r: list[BBox], size: float, r: ColumnRules) -> bool:
    """Whether the two sides break at the same heights: the rows of a table, not two columns."""
    left, right = _breaks(rows_l, r.break_gap * size), _breaks(rows_r, r.break_gap * size)
    fewer, other = (left, right) if len(left) <= len(right) else (right, left)
    if len(fewer) < r.min_breaks:
        return False
    same = sum(1 for y in fewer if any(abs(y - o) <= r.break_tolerance for o in other))
    return same >= r.max_break_share * len(fewer)
