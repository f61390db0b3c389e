"""Tables of text: columns told from the alignment of the cells' left edges, not from figures.

An action list (action, owner, planning, status) or an inventory has few figures, so the row seeds
of `detect` miss it. Here a run of lines (same type size, no wide gaps) is a table when three or
more left edges recur on many of its lines and nearly all cells start at one of them; the columns
run from one recurring edge to the next. Rows are cut where the gap between lines is clearly
larger than the gap between the lines of one wrapped cell (two gap sizes), else at every line.
Two-column text, lists (marker and text) and forms (label and value) have two edges, not three;
a form with checkboxes and a headerless grid of short labels (a list set in columns) are no table.
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Protocol, Sequence

from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.settings import SAME_SIZE
from raadsstukken.extractors.structure.forms import Cell
from raadsstukken.extractors.tables.figures import figure_value

EDGE_TOLERANCE = 6.0
"""Points within which left edges count as one column edge."""
MIN_LINES = 4
MIN_COLUMNS = 3
EDGE_SHARE = 0.1
"""A column edge recurs on at least this share of the run's lines (and on three lines or more)."""
ALIGNED_SHARE = 0.75
"""Share of the run's cells that start at a column edge."""
LABEL_WORDS = 5
"""Without a header row, a grid of cells of at most this many words is a list set in columns."""
RUN_GAP = 5.0
"""Largest gap between two lines of one table, in line heights."""
WRAP_SLACK = 0.25
"""Lines of one wrapped cell lie at the smallest gap of the run, give or take this many line
heights; a row ends at a larger gap."""


class TextLine(Protocol):
    """A row cluster of `detect`: its cells, box and type size."""

    @property
    def cells(self) -> tuple[Cell, ...]: ...
    @property
    def bbox(self) -> BBox: ...
    @property
    def size(self) -> float: ...


@dataclass(frozen=True)
class TextTable:
    rows: tuple[tuple[str, ...], ...]
    boxes: tuple[tuple[BBox | None, ...], ...]
    header_rows: int
    bbox: BBox
    members: frozenset[int]
    fill: float
    """Share of the rows with cells in two columns or more."""
    size: float
    method: str = "aligned_text"
    """How the columns were told: "aligned_text" (recurring left edges), "headed_text" (a bold
    header row's cells, `tables.headed`)."""


def find_text_tables(lines: Sequence[TextLine], used: set[int]) -> list[TextTable]:
    """Text tables among the lines not yet in a table."""
    free = sorted((k for k in range(len(lines)) if k not in used and lines[k].cells), key=lambda k: lines[k].bbox.top)
    out: list[TextTable] = []
    for run in _runs(lines, free):
        table = _table(lines, run)
        if table is not None:
            out.append(table)
    return out


def _runs(lines: Sequence[TextLine], order: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    bottom = float("-inf")
    for k in order:
        ln = lines[k]
        if runs and (ln.bbox.top - bottom > RUN_GAP * ln.bbox.height or abs(lines[runs[-1][0]].size - ln.size) > SAME_SIZE):
            runs.append([k])
        elif runs:
            runs[-1].append(k)
        else:
            runs.append([k])
        bottom = max(bottom, ln.bbox.bottom) if runs[-1] != [k] else ln.bbox.bottom
    return [r for r in runs if len(r) >= MIN_LINES]


def _edges(xs: list[float]) -> list[tuple[float, float, int]]:
    """Recurring left edges: (lowest, highest, count) of runs of x's each within a tolerance."""
    clusters: list[list[float]] = []
    for x in sorted(xs):
        if clusters and x - clusters[-1][-1] <= EDGE_TOLERANCE:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [(min(c), max(c), len(c)) for c in clusters]


def _table(lines: Sequence[TextLine], run: list[int]) -> TextTable | None:
    cells = [(k, c) for k in run for c in lines[k].cells]
    edges = [(lo, hi) for lo, hi, n in _edges([c.bbox.x0 for _, c in cells]) if n >= max(3, EDGE_SHARE * len(run))]
    starts = [lo for lo, _ in edges]
    if len(starts) < MIN_COLUMNS:
        return None
    aligned = sum(1 for _, c in cells if any(lo - 1 <= c.bbox.x0 <= hi + 1 for lo, hi in edges))
    if aligned < ALIGNED_SHARE * len(cells):
        return None
    # a row of the table has cells in two columns or more on one line
    def col(c: Cell) -> int:
        return max((i for i, s in enumerate(starts) if c.bbox.x0 >= s - EDGE_TOLERANCE), default=0)

    multi = sum(1 for k in run if len({col(c) for c in lines[k].cells}) >= 2)
    if multi < 2:
        return None
    rows = rows_of(lines, run)
    grid: list[list[list[Cell]]] = []
    for group in rows:
        slots: list[list[Cell]] = [[] for _ in starts]
        for k in group:
            for c in lines[k].cells:
                slots[col(c)].append(c)
        grid.append(slots)
    while grid and sum(1 for s in grid[-1] if s) < 2:
        grid.pop()  # a note or source line under the table
        rows.pop()
    while grid and sum(1 for s in grid[0] if s) < 2:
        grid.pop(0)  # a caption above it
        rows.pop(0)
    filled = [sum(1 for s in slots if s) for slots in grid]
    if len(grid) < 2 or sum(1 for f in filled if f >= 2) < 2:
        return None
    texts = tuple(tuple(" ".join(c.text for c in sorted(s, key=lambda c: (c.bbox.top, c.bbox.x0))) for s in slots)
                  for slots in grid)
    if sum(1 for row in texts for t in row if t and figure_value(t) is None) < len(starts):
        return None
    boxes = tuple(tuple(union_all(c.bbox for c in s) if s else None for s in slots) for slots in grid)
    first = [c for s in grid[0] for c in s]
    header = 1 if first and all(c.bold for c in first) and not all(c.bold for s in grid[1] for c in s) else 0
    if any(c.checkbox is not None for _, c in cells):
        return None  # a form: labels, values and checkboxes
    if not header and max(len(t.split()) for row in texts for t in row) <= LABEL_WORDS:
        return None  # a grid of labels without a header: a list set in columns
    fill = sum(1 for f in filled if f >= 2) / len(grid) * aligned / len(cells)
    members = [k for group in rows for k in group]
    return TextTable(texts, boxes, header, union_all(c.bbox for k in members for c in lines[k].cells),
                     frozenset(members), fill, median(lines[k].size for k in members))


def bands_of(lines: Sequence[TextLine], run: list[int]) -> list[tuple[float, float, list[int]]]:
    """The run's lines in bands of overlapping lines (top, bottom, lines), top to bottom."""
    bands: list[tuple[float, float, list[int]]] = []
    for k in sorted(run, key=lambda k: lines[k].bbox.top):
        b = lines[k].bbox
        if bands and b.top < bands[-1][1] - 0.3 * b.height:
            top, bottom, ks = bands[-1]
            bands[-1] = (top, max(bottom, b.bottom), ks + [k])
        else:
            bands.append((b.top, b.bottom, [k]))
    return bands


def rows_of(lines: Sequence[TextLine], run: list[int]) -> list[list[int]]:
    """The run's lines grouped into rows: bands of overlapping lines, cut at the larger gaps."""
    bands = bands_of(lines, run)
    gaps = [bands[i + 1][0] - bands[i][1] for i in range(len(bands) - 1)]
    if not gaps:
        return [bands[0][2]]
    small, large = min(gaps), max(gaps)
    height = median(lines[k].bbox.height for k in run)
    cut = small + WRAP_SLACK * height if large - small > WRAP_SLACK * height else float("-inf")
    rows = [list(bands[0][2])]
    for gap, band in zip(gaps, bands[1:]):
        if gap > cut:
            rows.append(list(band[2]))
        else:
            rows[-1].extend(band[2])
    return rows
