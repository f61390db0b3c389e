"""The grid of a table region: columns, header levels, merged cells, group and wrapped rows.

Input: the rows (cells on one baseline) of a region that `detect` found; output: cells with their
row, column and span. Columns are the x-bands where the body rows' cells overlap. The header is
the run of rows right above the first body row that print something over a figure column; each
column belongs to the header cell of a line over its middle or nearest it (a header over the
figure columns never covers a label column), and a header cell above two or more header cells of
its columns is a merged cell
(two header levels: "Meerjarenraming" over "2023 2024 2025"; "Rekening" over "2020" in one
column is one cell "Rekening 2020" of two rows). In the body a row without a figure is the
wrapped part of the row above when it follows closer than the body's row pitch, else a row of
its own (a group label: "Algemene uitkering" above its "Lasten", "Baten").
"""
from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Sequence

from raadsstukken.extractors.layout.clustering import band_of, column_bands
from raadsstukken.extractors.layout.dehyphenate import join_running_text
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.records import Word
from raadsstukken.extractors.structure.forms import Cell, Row
from raadsstukken.extractors.tables.figures import figure_value, is_figure, is_year

WORD_SPACE = 0.45
"""A header cell is cut between two columns only at a gap wider than a word space (in font sizes)."""
WRAP_PITCH = 0.8
"""A figureless body line closer than this share of the body's row pitch continues the row above."""


@dataclass(frozen=True)
class WordCell(Cell):
    """A cell with the words it was made of (to cut a header cell at the columns it spans)."""

    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    text: str
    is_header: bool
    bbox: BBox | None
    row_span: int = 1
    col_span: int = 1


@dataclass(frozen=True)
class Grid:
    cells: tuple[GridCell, ...]
    n_rows: int
    n_cols: int
    header_rows: int
    figure_cols: frozenset[int]
    bbox: BBox
    fill: float
    """Share of the body rows that have a figure (or a dash) in every figure column."""


def is_data(row: Row) -> bool:
    """A row with a figure that is not a year (a header row of years is not data), other than a
    lone figure opening a row of words (a header's wrapped "x € | 1.000") or alone on its line (the
    wrapped end of a label: "Programma | 0")."""
    figures = [k for k, c in enumerate(row.cells) if figure_value(c.text) is not None and not is_year(c.text)]
    return bool(figures) and figures != [0]


def _overlap(cell: BBox, band: tuple[float, float]) -> float:
    return min(band[1], cell.x1) - max(band[0], cell.x0)


def build_grid(rows: Sequence[Row]) -> Grid | None:
    data_start = next((k for k, r in enumerate(rows) if is_data(r)), None)
    if data_start is None:
        return None
    data_rows = [r for r in rows[data_start:] if is_data(r)]
    bands = _merge_exclusive(column_bands((c.bbox.x0, c.bbox.x1) for r in data_rows for c in r.cells), data_rows)
    if len(bands) < 2:
        return None
    figure_bands = {band_of(c.bbox.x0, c.bbox.x1, bands) for r in data_rows for c in r.cells if is_figure(c.text)}
    first_figure = min(figure_bands)
    def over_figures(row: Row) -> bool:
        return any(c.bbox.x1 > bands[first_figure][0] - 1 for c in row.cells)

    lead_start = data_start
    while lead_start > 0 and not over_figures(rows[lead_start - 1]):
        lead_start -= 1  # label lines right under the header open the body (a group label)
    header_start = lead_start
    for k in range(lead_start - 1, -1, -1):
        if over_figures(rows[k]):
            header_start = k  # label-column lines between header lines are the header's (wrapped)
    body_rows = list(rows[data_start:])
    header_rows_in = list(rows[header_start:lead_start])
    pre_body = list(rows[lead_start:data_start]) if header_rows_in else []
    cells: list[GridCell] = []
    header_levels = 0
    if header_rows_in:
        cells, header_levels = _header(header_rows_in, bands, figure_bands)
    pitch = _pitch(data_rows)
    body = _body(pre_body + body_rows, bands, figure_bands, pitch, header_levels)
    cells += body
    n_rows = max((c.row + c.row_span for c in cells), default=0)
    all_rows = header_rows_in + pre_body + body_rows
    box = union_all(c.bbox for r in all_rows for c in r.cells)
    body_grid: dict[int, dict[int, str]] = {}
    for c in body:
        body_grid.setdefault(c.row, {})[c.col] = c.text
    full = sum(1 for r in body_grid.values() if all(is_figure(r.get(b, "")) for b in figure_bands))
    fill = full / len(body_grid) if body_grid else 0.0
    return Grid(tuple(cells), n_rows, len(bands), header_levels, frozenset(figure_bands), box, fill)


def _merge_exclusive(bands: list[tuple[float, float]], rows: Sequence[Row]) -> list[tuple[float, float]]:
    """Adjacent bands that no row fills both of are one column (a column of figures and of wider
    text set at other offsets: "41" under "≥ landelijk gemiddelde")."""
    out = list(bands)
    k = 0
    while k + 1 < len(out):
        both = any(any(_overlap(c.bbox, out[k]) > 0 for c in r.cells) and any(_overlap(c.bbox, out[k + 1]) > 0 for c in r.cells)
                   for r in rows)
        if both:
            k += 1
        else:
            out[k:k + 2] = [(out[k][0], out[k + 1][1])]
    return out


def _pitch(data_rows: Sequence[Row]) -> float:
    tops = [r.top for r in data_rows]
    gaps = [b - a for a, b in zip(tops, tops[1:]) if b > a]
    return median(gaps) if gaps else max(c.bbox.height for c in data_rows[0].cells) * 1.5


def _header(rows: Sequence[Row], bands: list[tuple[float, float]], figure_bands: set[int]) -> tuple[list[GridCell], int]:
    """Header cells with their spans; the number of header rows (one, or two with merged cells)."""
    ordered = sorted(rows, key=lambda r: r.top)
    placed: list[tuple[Cell, int, int]] = []  # cell, first band, last band
    flat: list[tuple[Cell, int, int]] = []  # a header over two columns with nothing under it
    lines = [[part for c in row.cells for part in _cut_at_columns(c, bands, [c for r in ordered[i + 1:] for c in r.cells])]
             for i, row in enumerate(ordered)]
    for i, cells in enumerate(lines):
        below = [c for ln in lines[i + 1:] for c in ln]
        owner = [_nearest_cell(band, cells) for band in bands]
        start = bands[min(figure_bands)][0]
        owner = [j if (cells[j].bbox.x1 > start if b in figure_bands else cells[j].bbox.x0 < start) else -1
                 for b, j in enumerate(owner)]  # headers over the figures and over the labels stay apart
        for j, cell in enumerate(cells):
            owned = [b for b, o in enumerate(owner) if o == j]
            under = {band_of(c.bbox.x0, c.bbox.x1, bands) for c in below
                     if c.bbox.top >= cell.bbox.bottom - 1 and any(_overlap(c.bbox, bands[b]) > 0 for b in owned)}
            pad = 0.25 * cell.bbox.width
            reach = [b for b in owned if min(bands[b][1], cell.bbox.x1 + pad) - max(bands[b][0], cell.bbox.x0 - pad) > 0]
            if len(owned) >= 2 and len(under & set(owned)) >= 2:
                placed.append((cell, owned[0], owned[-1]))
            elif not under and len(reach) >= 2:
                flat.append((cell, reach[0], reach[-1]))  # one header over two columns ("2010" over count and %)
            else:
                b = band_of(cell.bbox.x0, cell.bbox.x1, bands)
                placed.append((cell, b, b))
    singles = {p[1] for p in placed if p[1] == p[2]}
    for cell, first, last in flat:
        if any(first <= b <= last for b in singles):  # a column of it has a header of its own
            b = band_of(cell.bbox.x0, cell.bbox.x1, bands)
            placed.append((cell, b, b))
    flat = [p for p in flat if not any(p[1] <= b <= p[2] for b in singles)]
    spanners = [p for p in placed if p[2] > p[1]]
    levels = 2 if spanners else 1
    out: list[GridCell] = []
    for b in range(len(bands)):
        mine = sorted((p for p in placed if p[1] == p[2] == b), key=lambda p: p[0].bbox.top)
        over = [p for p in spanners if p[1] <= b <= p[2]]
        if over:
            top_span = max(p[0].bbox.bottom for p in over)
            upper = [p for p in mine if p[0].bbox.bottom <= top_span + 1]
            lower = [p for p in mine if p not in upper]
            if upper:
                out.append(_cell(0, b, upper, 1))
            if lower:
                out.append(_cell(1, b, lower, 1))
        elif mine:
            out.append(_cell(0, b, mine, levels))
    for cell, first, last in spanners:
        out.append(GridCell(0, first, cell.text, True, cell.bbox, 1, last - first + 1))
    for cell, first, last in flat:
        out.append(GridCell(0, first, cell.text, True, cell.bbox, levels, last - first + 1))
    return _one_per_slot(out), levels


def _one_per_slot(cells: list[GridCell]) -> list[GridCell]:
    """Header cells that landed on one row and column (a word over a merged cell's first column)
    as one cell: texts left to right, the widest span."""
    slots: dict[tuple[int, int], list[GridCell]] = {}
    for c in cells:
        slots.setdefault((c.row, c.col), []).append(c)
    out = []
    for (row, col), cs in sorted(slots.items()):
        if len(cs) == 1:
            out.append(cs[0])
            continue
        cs.sort(key=lambda c: c.bbox.x0 if c.bbox is not None else 0.0)
        out.append(GridCell(row, col, join_lines([c.text for c in cs]), True,
                            union_all(c.bbox for c in cs if c.bbox is not None),
                            max(c.row_span for c in cs), max(c.col_span for c in cs)))
    return out


def _nearest_cell(band: tuple[float, float], cells: Sequence[Cell]) -> int:
    """The cell of a header line a column belongs to: the one over its middle, else the nearest
    (a merged header is often centred over its columns)."""
    mid = (band[0] + band[1]) / 2

    def distance(c: Cell) -> tuple[float, float]:
        edge = 0.0 if c.bbox.x0 <= mid <= c.bbox.x1 else min(abs(mid - c.bbox.x0), abs(mid - c.bbox.x1))
        return edge, abs(mid - (c.bbox.x0 + c.bbox.x1) / 2)

    return min(range(len(cells)), key=lambda j: distance(cells[j]))


def _cut_at_columns(cell: Cell, bands: list[tuple[float, float]], below: Sequence[Cell]) -> list[Cell]:
    """A header cell whose words stand over two or more columns cut into one cell per column
    ("Werkelijk 2015  Begroot 2016" set closer than a cell gap): at gaps wider than a word space,
    or, unless header cells of two columns stand under it (then it may be a merged cell), where
    its words lie over different columns."""
    words = getattr(cell, "words", ())
    if len(words) < 2:
        return [cell]
    over = len({band_of(c.bbox.x0, c.bbox.x1, bands) for c in below
                if cell.bbox.x0 - 1 <= (c.bbox.x0 + c.bbox.x1) / 2 <= cell.bbox.x1 + 1}) >= 2
    groups: list[list[Word]] = []
    last = -1
    for w in words:
        mid = (w.bbox.x0 + w.bbox.x1) / 2
        b = min(range(len(bands)), key=lambda k: 0 if bands[k][0] <= mid <= bands[k][1]
                else min(abs(mid - bands[k][0]), abs(mid - bands[k][1])))
        spaced = bool(groups) and (w.bbox.x0 - groups[-1][-1].bbox.x1 > WORD_SPACE * w.size
                                   or (not over and _inside(w.bbox, bands[b]) and _inside(groups[-1][-1].bbox, bands[last])))
        if groups and (b == last or not spaced):
            groups[-1].append(w)
        else:
            groups.append([w])
        last = b
    if len(groups) < 2:
        return [cell]
    return [WordCell(" ".join(w.text for w in g), union_all(w.bbox for w in g), cell.page,
                     sum(w.bold for w in g) * 2 > len(g), tuple(g)) for g in groups]


def _inside(box: BBox, band: tuple[float, float]) -> bool:
    """Most of a word lies over a column."""
    return _overlap(box, band) >= 0.5 * box.width


def join_lines(texts: Sequence[str]) -> str:
    """The lines of a wrapped cell as one text, joined as running text is (`layout.dehyphenate`:
    "preventie- en handhaving" keeps its hyphen and space), but a figure broken over two lines
    ("10.55" / "2"), a pair broken after a slash ("Incidenteel/" / "structureel") or the last letter
    or two of a narrow column ("Laste" / "n") joined without a space."""
    out = ""
    for t in texts:
        if not t:
            continue
        if out and ((out[-1].isdigit() and t.isdigit()) or out.endswith("/") or t.startswith("-")
                    or (len(t) <= 2 and t.isalpha() and t.islower() and out[-1].isalpha())):
            out += t
        else:
            out = join_running_text(out, t) if out else t
    return out


def _cell(row: int, col: int, parts: Sequence[tuple[Cell, int, int]], row_span: int) -> GridCell:
    return GridCell(row, col, join_lines([p[0].text for p in parts]), True, union_all(p[0].bbox for p in parts), row_span)


def _body(rows: Sequence[Row], bands: list[tuple[float, float]], figure_bands: set[int], pitch: float,
          first_row: int) -> list[GridCell]:
    grid: list[list[list[Cell]]] = []
    tops: list[float] = []
    has_figures: list[bool] = []
    for row in rows:
        slots: list[list[Cell]] = [[] for _ in bands]
        for c in row.cells:
            slots[band_of(c.bbox.x0, c.bbox.x1, bands)].append(c)
        figures = any(figure_value(c.text) is not None for b in figure_bands for c in slots[b])
        wrapped = (grid and not figures and (row.top - tops[-1] < WRAP_PITCH * pitch
                                             or row.cells[0].text[:1].islower()))
        close = bool(grid) and row.top - tops[-1] < WRAP_PITCH * pitch
        label_first = close and figures and not has_figures[-1]
        # the second line of figures broken in a narrow column ("14.64" / "5") under figures above
        labels = [c for b in range(len(bands)) if b not in figure_bands for c in slots[b]]
        broken = close and figures and all(c.text[:1].islower() for c in labels) and all(
            any(figure_value(c.text) is not None for c in grid[-1][b])
            and all(c.text.isdigit() and len(c.text) <= 3 for c in slots[b])
            for b in figure_bands if slots[b])
        if wrapped or label_first or broken:
            for b, cs in enumerate(slots):
                grid[-1][b].extend(cs)
            tops[-1] = row.top
            has_figures[-1] = has_figures[-1] or figures
            continue
        grid.append(slots)
        tops.append(row.top)
        has_figures.append(figures)
    out: list[GridCell] = []
    for r, slots in enumerate(grid):
        for b, cs in enumerate(slots):
            cs = sorted(cs, key=lambda c: (c.bbox.top, c.bbox.x0))
            text = join_lines([c.text for c in cs])
            span = 1
            if cs and not any(is_figure(c.text) for c in cs):
                box = union_all(c.bbox for c in cs)
                while b + span < len(bands) and not slots[b + span] and _overlap(box, bands[b + span]) > 2:
                    span += 1
            out.append(GridCell(first_row + r, b, text, False, union_all(c.bbox for c in cs) if cs else None, 1, span))
    return out
