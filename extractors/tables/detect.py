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
from raadsstukken.extractors.tables.figures import figure_value, is_figure, is_year
from raadsstukken.extractors.tables.confidence import table_confidence
from raadsstukken.extractors.tables.grid import WORD_SPACE, WordCell, build_grid
from raadsstukken.extractors.tables.headed import find_headed_tables
from raadsstukken.extractors.tables.text_tables import TextTable, find_text_tables
from raadsstukken.extractors.layout.records import Line, PageLayout, Word
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
MIN_CONFIDENCE = 0.3
"""A region of lower confidence is not written as a table (its text stays in the sections);
see bench/README (tables) for how confidence relates to cell F1 on the table corpus."""


@dataclass
class TableCell:
    row: int
    col: int
    text: str
    is_header: bool
    value: float | None
    bbox: BBox | None
    page: int = 0
    row_span: int = 1
    col_span: int = 1


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
    """How far the table is to be trusted (0-1), see `tables.confidence`."""

    def __post_init__(self) -> None:
        self.page_end = self.page_end or self.page

    def grid(self) -> list[list[str]]:
        """Cell texts by row and column; a merged cell's text in its first row and column."""
        out = [["" for _ in range(self.n_cols)] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row][c.col] = c.text
        return out

    def header_levels(self, col: int) -> list[str]:
        """The header texts above a column, top level first, merged cells included."""
        out: list[str] = []
        for r in range(self.header_rows):
            for c in self.cells:
                if c.is_header and c.row <= r < c.row + c.row_span and c.col <= col < c.col + c.col_span:
                    if c.text and (not out or out[-1] != c.text):
                        out.append(c.text)
        return out


def _is_figure(cell: Cell) -> bool:
    return is_figure(cell.text)


def cell_number(text: str) -> float | None:
    return figure_value(text)


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
            and any(cell_number(c.text) is not None and not is_year(c.text) for c in cells)
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
    headed = find_headed_tables(lines, used)
    for t in headed:
        used.update(t.members)
    tables += [_text_table(t, page) for t in headed + find_text_tables(lines, used)]
    return [t for t in tables if t.confidence >= MIN_CONFIDENCE]


def _text_table(t: TextTable, page: PageLayout) -> Table:
    cells = [TableCell(r, c, text, r < t.header_rows, None if r < t.header_rows else figure_value(text),
                       t.boxes[r][c], page.number) for r, row in enumerate(t.rows) for c, text in enumerate(row)]
    return Table(page.number, t.bbox, len(t.rows), len(t.rows[0]), t.header_rows, None, cells, t.method,
                 confidence=table_confidence([c.text for c in cells], t.fill, t.size))


def _row_clusters(page: PageLayout) -> list[_Line]:
    """Cells on one baseline, cut where the type size changes and around running text (a line of
    a long paragraph, or a cell too wide for a table): the text column beside a table is not in
    its rows."""
    running = {id(ln) for b in page.blocks if _is_paragraph(b.lines, page.width) for ln in b.lines}
    placed = sorted(((c, ln.size, id(ln) in running or c.bbox.width > MAX_CELL_SHARE * page.width)
                     for b in page.blocks for ln in b.lines for c in table_cells(ln)),
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


def table_cells(line: Line) -> list[Cell]:
    """The cells of a line (`forms.line_cells`), a cell of figures only ("40% 2335", "nvt 80,4%":
    a mark for none counts as one) cut into one cell per figure, and a cell that ends in two or
    more figures ("Emissie (kton) 4.451 4.265") cut into its label and its figures: columns set
    closer than a cell gap are still columns."""
    out: list[Cell] = []
    for cell in line_cells(line):
        words = [w for w in line.words if not w.superscript and w.bbox.x0 >= cell.bbox.x0 - 0.5
                 and w.bbox.x1 <= cell.bbox.x1 + 0.5]
        run = 0
        while run < len(words) and is_figure(words[len(words) - 1 - run].text):
            run += 1
        tail = words[len(words) - run:]
        if len(words) >= 2 and (run == len(words) or run >= 2) and any(figure_value(w.text) is not None for w in tail):
            label = words[:len(words) - run]
            if label:
                out.append(WordCell(" ".join(w.text for w in label), union_all(w.bbox for w in label), cell.page,
                                    sum(w.bold for w in label) * 2 > len(label), tuple(label)))
            out += [WordCell(w.text, w.bbox, cell.page, w.bold, (w,)) for w in words[len(words) - run:]]
        elif sum(1 for w in words if is_year(w.text)) >= 2 and is_year(words[-1].text):
            out += _cut_after_years(words, cell)
        else:
            out.append(WordCell(cell.text, cell.bbox, cell.page, cell.bold, tuple(words)))
    return out


def _cut_after_years(words: list[Word], cell: Cell) -> list[Cell]:
    """A header of periods set closer than a cell gap but wider than a word space ("werkelijk 2019
    begroot 2020"), one cell per period; a title's "2022 en 2023" stays one text."""
    out: list[Cell] = []
    part: list[Word] = []
    for k, w in enumerate(words):
        part.append(w)
        spaced = k + 1 == len(words) or words[k + 1].bbox.x0 - w.bbox.x1 > WORD_SPACE * w.size
        if is_year(w.text) and spaced:
            out.append(WordCell(" ".join(x.text for x in part), union_all(x.bbox for x in part), cell.page,
                                sum(x.bold for x in part) * 2 > len(part), tuple(part)))
            part = []
    return out


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
            if gap > ROW_GAP * line.bbox.height and not _bridged(lines, box, line, size):
                continue
            members.append(k)
            box = box.union(line.bbox)
            changed = True
    return sorted(members, key=lambda k: (lines[k].bbox.top, lines[k].bbox.x0))


def _bridged(lines: list[_Line], box: BBox, line: _Line, size: float) -> bool:
    """Whether one-cell lines inside the table's width (a group label, a wrapped label) fill the
    gap between the table so far and a line, each within a row gap of the next."""
    lo, hi = (box.bottom, line.bbox.top) if line.bbox.top >= box.bottom else (line.bbox.bottom, box.top)
    between = sorted((ln.bbox for ln in lines if len(ln.cells) == 1 and abs(ln.size - size) <= SAME_SIZE
                      and lo - 1 <= ln.bbox.top and ln.bbox.bottom <= hi + 1 and ln.bbox.x_overlap(box) > 0
                      and ln.bbox.x0 >= box.x0 - 4 * ln.bbox.height and ln.bbox.x1 <= box.x1 + 2), key=lambda b: b.top)
    edge = lo
    for b in between:
        if b.top - edge > ROW_GAP * b.height:
            return False
        edge = max(edge, b.bottom)
    return bool(between) and hi - edge <= ROW_GAP * line.bbox.height


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
    if len(members) < 2:
        return None
    grid = build_grid(members)
    if grid is None:
        return None
    cells = [TableCell(c.row, c.col, c.text, c.is_header,
                       None if c.is_header else figure_value(c.text), c.bbox, page.number, c.row_span, c.col_span)
             for c in grid.cells]
    title = _caption(grid.bbox, members, outside, size)
    first = next((c for c in cells if c.row == 0 and c.col == 0), None)
    if title is None and grid.header_rows and first is not None and len(first.text.split()) >= 2 \
            and figure_value(first.text) is None:
        title = first.text  # a table that names itself in its top-left header cell
    return Table(page.number, grid.bbox, grid.n_rows, grid.n_cols, grid.header_rows, title, cells, "aligned_rows",
                 confidence=table_confidence([c.text for c in cells], grid.fill, size))


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
    is_data = [any(cell_number(t) is not None and not is_year(t) for t in r) for r in rows]
    header_rows = next((k for k, d in enumerate(is_data) if d), len(rows))
    cells = [TableCell(r, c, text, r < header_rows, None if r < header_rows else cell_number(text), None, page)
             for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(page, BBox(0, 0, 0, 0), len(rows), n_cols, header_rows, title, cells, method)
