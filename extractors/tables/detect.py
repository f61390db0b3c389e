"""Data tables: found from aligned rows of cells, ruled or not, with columns, headers and captions.

A table is a stack of rows (cells sharing a baseline, see `forms.page_rows`) of which several
carry numbers in columns that line up. Columns are the bands where the data rows' cells overlap;
rows above the first data row are header rows; a row without any figure under a data row
continues its multi-line cells. Two-column body text (two long cells), forms (checkboxes, dates)
and lists do not qualify. The caption is the short line right above or below the table.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from raadsstukken.extractors.structure.forms import Cell, Row, line_cells
from raadsstukken.extractors.layout.clustering import band_of, cluster_rows, column_bands
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.text.numbers import EMPTY_MARK, YEAR, cell_number
from raadsstukken.extractors.layout.records import PageLayout
from raadsstukken.extractors.settings import SAME_SIZE

MAX_CELL_SHARE = 0.45
"""A cell wider than this share of the page is running text, not a table cell."""
TEXT_LINE_SHARE = 0.3
PARAGRAPH_LINES = 5
"""A line of a paragraph (of PARAGRAPH_LINES lines or more) at least TEXT_LINE_SHARE of the page
wide is running text beside a table, even when set in the table's type; wrapped text inside a
table cell runs to fewer lines."""
WRAP_GAP = 0.6
"""A wrapped line under a table's last row sits this close (in row heights); a caption further."""
ROW_GAP = 2.6
"""Largest gap between two rows of a table, in row heights."""


@dataclass
class TableCell:
    row: int
    col: int
    text: str
    is_header: bool
    value: float | None
    bbox: BBox | None
    page: int = 0


@dataclass
class Table:
    page: int
    bbox: BBox
    n_rows: int
    n_cols: int
    header_rows: int
    title: str | None
    cells: list[TableCell] = field(default_factory=list)
    method: str = "aligned_rows"
    page_end: int = 0
    confidence: float = 1.0
    """Share of the body rows that have a figure (or a dash) in every figure column."""

    def __post_init__(self) -> None:
        self.page_end = self.page_end or self.page

    def grid(self) -> list[list[str]]:
        out = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c.text
        return out


def _is_figure(cell: Cell) -> bool:
    return cell_number(cell.text) is not None or bool(EMPTY_MARK.match(cell.text.strip()))


def _narrow(cell: Cell, width: float) -> bool:
    return cell.bbox.width <= MAX_CELL_SHARE * width


@dataclass(frozen=True)
class _Line:
    cells: tuple[Cell, ...]
    bbox: BBox
    size: float


def _seed(line: _Line, width: float) -> bool:
    """A line that looks like a table row: two or more narrow cells, a figure (not a year) among them."""
    cells = line.cells
    return (len(cells) >= 2 and all(_narrow(c, width) for c in cells) and all(c.checkbox is None for c in cells)
            and any(cell_number(c.text) is not None and not YEAR.match(c.text.strip()) for c in cells)
            and (len(cells) >= 3 or cell_number(cells[0].text) is None))


def find_tables(page: PageLayout) -> list[Table]:
    """The data tables of a page."""
    width = page.width
    lines = _row_clusters(page)
    used: set[int] = set()
    tables: list[Table] = []
    for i, line in enumerate(lines):
        if i in used or not _seed(line, width):
            continue
        members = _grow(lines, i, width, used)
        seeds = sum(1 for k in members if _seed(lines[k], width))
        if seeds < 2 and not (seeds == 1 and any(len(lines[k].cells) >= 3 for k in members if k != i)):
            continue
        members = _add_wrapped_cells(lines, members, width, used)
        rows = _rows([lines[k] for k in members])
        outside = [ln for k, ln in enumerate(lines) if k not in members]
        table = _build(rows, page, outside, line.size)
        if table is not None:
            used.update(members)
            tables.append(table)
    return tables


def _row_clusters(page: PageLayout) -> list[_Line]:
    """Cells on one baseline, cut where the type size changes and around running text (a line of
    a long paragraph, or a cell too wide for a table): the text column beside a table is not in
    its rows."""
    running = {id(ln) for b in page.blocks if _is_paragraph(b.lines, page.width) for ln in b.lines}
    placed = sorted(((c, ln.size, id(ln) in running or c.bbox.width > MAX_CELL_SHARE * page.width)
                     for b in page.blocks for ln in b.lines for c in line_cells(ln)),
                    key=lambda p: (p[0].bbox.bottom, p[0].bbox.x0))
    clusters: list[_Line] = []
    for row in cluster_rows(placed, lambda p: p[0].bbox):
        current: list[tuple[Cell, float]] = []
        for cell, size, is_text in row:
            if is_text or (current and abs(current[-1][1] - size) > SAME_SIZE):
                if current:
                    clusters.append(_cluster(current))
                current = []
            if is_text:
                clusters.append(_cluster([(cell, size)]))
            else:
                current.append((cell, size))
        if current:
            clusters.append(_cluster(current))
    return sorted(clusters, key=lambda ln: (ln.bbox.top, ln.bbox.x0))


def _is_paragraph(lines, page_width: float) -> bool:
    """A block of running text: many lines, most of them as wide as a text column."""
    wide = sum(1 for ln in lines if ln.cells == 1 and ln.bbox.width >= TEXT_LINE_SHARE * page_width)
    return len(lines) >= PARAGRAPH_LINES and wide >= 0.6 * len(lines)


def _cluster(cells: list[tuple[Cell, float]]) -> _Line:
    return _Line(tuple(c for c, _ in cells), union_all(c.bbox for c, _ in cells), max(sz for _, sz in cells))


def _grow(lines: list[_Line], seed: int, width: float, used: set[int]) -> list[int]:
    """Indices of the row lines (two or more cells) of the table around a seed line: same type
    size, inside its columns, no wide gaps."""
    members = [seed]
    box = lines[seed].bbox
    size = lines[seed].size
    changed = True
    while changed:
        changed = False
        for k, line in enumerate(lines):
            if k in members or k in used or abs(line.size - size) > SAME_SIZE or len(line.cells) < 2:
                continue
            if any(not _narrow(c, width) or c.checkbox is not None for c in line.cells):
                continue
            if line.bbox.x_overlap(box) < 0.5 * line.bbox.width:
                continue
            gap = max(line.bbox.top - box.bottom, box.top - line.bbox.bottom)
            if gap > ROW_GAP * line.bbox.height:
                continue
            members.append(k)
            box = box.union(line.bbox)
            changed = True
    return sorted(members, key=lambda k: (lines[k].bbox.top, lines[k].bbox.x0))


def _add_wrapped_cells(lines: list[_Line], members: list[int], width: float, used: set[int]) -> list[int]:
    """Lines of one cell that belong to the table: a figure or label on one of its rows, the
    wrapped part of a cell inside one column, or a header spanning figure columns above it. A
    line over the label column and beyond (a caption, a note) is not part of the table."""
    rows = [lines[k] for k in members]
    bands = _bands([Row(ln.cells) for ln in rows])
    box = union_all(ln.bbox for ln in rows)
    size = rows[0].size
    height = max(ln.bbox.height for ln in rows)
    out = list(members)
    changed = True
    while changed:
        changed = False
        for k, line in enumerate(lines):
            if k in out or k in used or len(line.cells) != 1 or abs(line.size - size) > SAME_SIZE:
                continue
            cell = line.cells[0].bbox
            inside = len([b for b in bands if min(b[1], cell.x1) - max(b[0], cell.x0) > 0]) == 1
            near = box.top - 1 <= line.bbox.top and line.bbox.top - box.bottom <= WRAP_GAP * height
            on_a_row = any(abs(lines[m].bbox.bottom - line.bbox.bottom) <= 0.35 * height for m in out) \
                and line.bbox.x_overlap(box) > -0.5 * height
            spanning_header = (len(bands) > 1 and 0 <= box.top - line.bbox.bottom <= ROW_GAP * height
                               and cell.x0 >= bands[1][0] - 2 and cell.x1 <= box.x1 + 2)
            if (inside and near) or on_a_row or spanning_header:
                out.append(k)
                box = box.union(line.bbox)
                changed = True
    return sorted(out, key=lambda k: (lines[k].bbox.top, lines[k].bbox.x0))


def _rows(lines: list[_Line]) -> list[Row]:
    return [Row(tuple(r)) for r in cluster_rows((c for ln in lines for c in ln.cells), lambda c: c.bbox)]


def _height(row: Row) -> float:
    return max(c.bbox.height for c in row.cells)


def _bands(rows: Sequence[Row]) -> list[tuple[float, float]]:
    return column_bands((c.bbox.x0, c.bbox.x1) for r in rows for c in r.cells)


def _band_of(cell: Cell, bands: list[tuple[float, float]]) -> int:
    return band_of(cell.bbox.x0, cell.bbox.x1, bands)


def _build(members: Sequence[Row], page: PageLayout, outside: Sequence[_Line], size: float) -> Table | None:
    data_start = next((k for k, r in enumerate(members) if _is_data(r)), None)
    if data_start is None:
        return None
    data_rows = [r for r in members[data_start:] if _is_data(r)]
    bands = _bands(data_rows)
    if len(bands) < 2 or len(members) < 2:
        return None
    numeric_bands = {_band_of(c, bands) for r in data_rows for c in r.cells if _is_figure(c)}
    grid: list[list[list[Cell]]] = []
    header_rows = 0
    for k, row in enumerate(members):
        slots: list[list[Cell]] = [[] for _ in bands]
        for c in row.cells:
            slots[_band_of(c, bands)].append(c)
        is_continuation = grid and (
            (k > data_start and not any(slots[b] for b in numeric_bands))
            or (0 < k < data_start and row.top - members[k - 1].bottom < 0.5 * _height(row))
        )
        if is_continuation:
            for b, slot_cells in enumerate(slots):
                grid[-1][b].extend(slot_cells)
            continue
        grid.append(slots)
        if k < data_start:
            header_rows += 1
    if header_rows == 0 and _year_header(grid[0]):
        header_rows = 1
    cells: list[TableCell] = []
    for r, slots in enumerate(grid):
        for col, cs in enumerate(slots):
            text = " ".join(c.text for c in cs)
            header = r < header_rows
            cells.append(TableCell(r, col, text, header, None if header else cell_number(text),
                                   union_all(c.bbox for c in cs) if cs else None, page.number))
    box = union_all(c.bbox for row in members for c in row.cells)
    body = grid[header_rows:]
    full = sum(1 for slots in body if all(any(_is_figure(c) for c in slots[b]) for b in numeric_bands))
    confidence = round(full / len(body), 3) if body else 0.0
    title = _caption(box, members, outside, size)
    if title is None and header_rows and len(cells[0].text.split()) >= 2 and cell_number(cells[0].text) is None:
        title = cells[0].text  # a table that names itself in its top-left header cell
    return Table(page.number, box, len(grid), len(bands), header_rows, title, cells, "aligned_rows",
                 confidence=confidence)


def _is_data(row: Row) -> bool:
    """A row with a figure that is not a year (a header row of years is not data)."""
    return any(cell_number(c.text) is not None and not YEAR.match(c.text.strip()) for c in row.cells)


def _year_header(slots: list[list[Cell]]) -> bool:
    texts = [" ".join(c.text for c in cs).strip() for cs in slots]
    years = [t for t in texts if YEAR.match(t)]
    return len(years) >= 2 and all(YEAR.match(t) or not cell_number(t) for t in texts)


def _caption(box: BBox, members: Sequence[Row], outside: Sequence[_Line], size: float) -> str | None:
    """A short line right above the table (preferred when bold) or right below it, set in type
    no larger than the table's (body text next to a table is not its caption)."""
    height = _height(members[0])
    candidates = []
    for line in outside:
        if len(line.cells) != 1 or line.bbox.x_overlap(box) <= 0 or line.size > size + SAME_SIZE:
            continue
        cell = line.cells[0]
        if 0 <= box.top - line.bbox.bottom <= ROW_GAP * height:
            candidates.append((0 if cell.bold else 2, cell.text))
        elif 0 <= line.bbox.top - box.bottom <= ROW_GAP * height:
            candidates.append((1, cell.text))
    for _, text in sorted(candidates):
        if len(text) <= 120 and not text.rstrip().endswith((".", ":", ";", ",")) and not text[:1].islower():
            return text
    return None


def table_from_grid(grid: Sequence[Sequence[str | None]], page: int, method: str, title: str | None = None) -> Table:
    """A Table from a plain grid of cell texts (another extractor's output), with header rows
    told the same way as ours: the rows above the first row holding a figure that is not a year."""
    rows = [[(t or "").replace("\n", " ").strip() for t in r] for r in grid]
    n_cols = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (n_cols - len(r)) for r in rows]
    is_data = [any(cell_number(t) is not None and not YEAR.match(t) for t in r) for r in rows]
    header_rows = next((k for k, d in enumerate(is_data) if d), len(rows))
    cells = [TableCell(r, c, text, r < header_rows, None if r < header_rows else cell_number(text), None, page)
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(page, BBox(0, 0, 0, 0), len(rows), n_cols, header_rows, title, cells, method)
