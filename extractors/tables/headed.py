"""Tables of text under a bold header row: the columns are the header's cells.

A Word table of texts (a besluitenlijst "Nr. | Onderwerp | Toelichting | Besluit | Stemming", an
action list, a list of letters) has few figures, so the row seeds of `detect` miss it, and one
column of long wrapped text (a decision of ten lines beside a number and a subject of one) makes
the other columns' left edges too rare for `text_tables`; a column left empty below its header
(no vote printed) has an edge in the header only. Its header row says where the columns are: a
line of three or more short bold cells without figures. The lines under it belong to the table
while each of their cells lies inside one column (a cell that crosses into the next column is
cut there when a gap wider than a word space falls on the column's edge; else the line is no row: running text
after the table), in the body's type size, no more than a few line heights apart.

Rows: where the first column holds a short key in every row (an agenda number, a code), a row
runs from one key to the next (a Word table without cell padding sets its rows as close as the
lines of a wrapped cell); else rows are cut where lines lie further apart than those of one
wrapped cell (`text_tables.rows_of`).
"""
from __future__ import annotations

from dataclasses import replace
from statistics import median
from typing import Sequence

from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.settings import SAME_SIZE
from raadsstukken.extractors.structure.forms import Cell
from raadsstukken.extractors.tables.figures import figure_value
from raadsstukken.extractors.tables.grid import WORD_SPACE, join_lines
from raadsstukken.extractors.tables.text_tables import TextLine, TextTable, bands_of, rows_of

MIN_COLUMNS = 3
HEADER_WORDS = 4
"""A header cell names its column in a few words ("Besluit college", "Nr.")."""
HEADER_CHARS = 40
HEADER_SIZE_SLACK = 1.5
"""Points the header's type may differ from the body's (set smaller or larger in bold)."""
EDGE_SLACK = 4.0
"""Points a cell may start left of its column's header, or reach past the next column's start."""
LINE_GAP = 3.0
"""Largest gap between two lines of the table, in line heights or type sizes, whichever is larger
(a row's padding, rule and a paragraph's space after in a cell)."""
HEADER_WRAP = 0.6
"""A bold line closer than this (line heights) under the header is its wrapped second line."""
KEY_WORDS = 2
"""A key column's cells are at most this many words ("3.a", "001", "Punt 4")."""
MAX_FIGURE_SHARE = 0.5
"""A body mostly of figures is a data table (`detect`'s rows), not a table of texts."""


def find_headed_tables(lines: Sequence[TextLine], used: set[int]) -> list[TextTable]:
    """Tables under a bold header row among the lines not yet in a table."""
    order = sorted((k for k in range(len(lines)) if k not in used and lines[k].cells),
                   key=lambda k: (lines[k].bbox.top, lines[k].bbox.x0))
    taken: set[int] = set()
    out: list[TextTable] = []
    for pos, k in enumerate(order):
        if k in taken:
            continue
        # cells on the header's baseline cut off into lines of their own (a cell set in other
        # type) are header cells too
        head = [k] + [j for j in order[pos + 1:] if j not in taken and _same_baseline(lines[k], lines[j])]
        if not is_header(tuple(c for j in head for c in lines[j].cells)):
            continue
        table = _table(lines, head, [j for j in order[pos + 1:] if j not in taken and j not in head])
        if table is not None:
            out.append(table)
            taken |= table.members
    return out


def _same_baseline(a: TextLine, b: TextLine) -> bool:
    return abs(a.bbox.bottom - b.bbox.bottom) <= 0.35 * max(a.bbox.height, b.bbox.height)


def is_header(cells: Sequence[Cell]) -> bool:
    """Three or more short bold cells without figures, none a form label ("Datum:")."""
    return (len(cells) >= MIN_COLUMNS and all(c.bold and c.checkbox is None for c in cells)
            and all(len(c.text.split()) <= HEADER_WORDS and len(c.text) <= HEADER_CHARS for c in cells)
            and all(figure_value(c.text) is None and not c.text.rstrip().endswith(":") for c in cells))


def _column(x0: float, starts: Sequence[float]) -> int:
    return max((i for i, s in enumerate(starts) if x0 >= s - EDGE_SLACK), default=-1)


def _fit(cell: Cell, starts: Sequence[float]) -> list[tuple[int, Cell]] | None:
    """The cell in its column, or cut at the column edges its word gaps fall on; None when it
    starts left of the table or a word crosses a column's edge."""
    col = _column(cell.bbox.x0, starts)
    if col < 0:
        return None
    if col + 1 >= len(starts) or cell.bbox.x1 <= starts[col + 1] + EDGE_SLACK:
        return [(col, cell)]
    words = getattr(cell, "words", ())
    if not words:
        return None
    parts: list[tuple[int, list]] = []
    for w in words:
        c = _column(w.bbox.x0, starts)
        if c + 1 < len(starts) and w.bbox.x1 > starts[c + 1] + EDGE_SLACK:
            return None
        if parts and parts[-1][0] == c:
            parts[-1][1].append(w)
        elif parts and w.bbox.x0 - parts[-1][1][-1].bbox.x1 <= WORD_SPACE * w.size:
            return None  # running text over the column edge, a word space apart
        else:
            parts.append((c, [w]))
    return [(c, replace(cell, text=" ".join(w.text for w in ws), bbox=union_all(w.bbox for w in ws),
                        bold=sum(w.bold for w in ws) * 2 > len(ws), words=tuple(ws))) for c, ws in parts]


def _table(lines: Sequence[TextLine], head: list[int], after: Sequence[int]) -> TextTable | None:
    header = lines[head[0]]
    starts = sorted(c.bbox.x0 for k in head for c in lines[k].cells)
    placed: dict[int, list[tuple[int, Cell]]] = {k: [(_column(c.bbox.x0, starts), c) for c in lines[k].cells]
                                                 for k in head}
    header_lines = list(head)
    body: list[int] = []
    bottom = max(lines[k].bbox.bottom for k in head)
    body_size: float | None = None
    for k in after:
        line = lines[k]
        if line.bbox.top - bottom > LINE_GAP * max(line.bbox.height, line.size):
            break
        if abs(line.size - (body_size if body_size is not None else header.size)) > \
                (SAME_SIZE if body_size is not None else HEADER_SIZE_SLACK):
            break
        fitted = [p for c in line.cells for p in (_fit(c, starts) or [(-1, c)])]
        if any(col < 0 for col, _ in fitted):
            break
        placed[k] = fitted
        if not body and line.bbox.top - bottom <= HEADER_WRAP * line.bbox.height and all(c.bold for c in line.cells) \
                and abs(line.size - header.size) <= SAME_SIZE:
            header_lines.append(k)
        else:
            body.append(k)
            body_size = body_size if body_size is not None else line.size
        bottom = max(bottom, line.bbox.bottom)
    if not body:
        return None
    body_cells = [c for k in body for _, c in placed[k]]
    if all(c.bold for c in body_cells):
        return None  # bold lines under bold lines: a grid of labels, no header over a body
    if sum(1 for c in body_cells if figure_value(c.text) is not None) > MAX_FIGURE_SHARE * len(body_cells):
        return None
    groups = _row_groups(lines, body, placed)
    grid = [_slots(group, placed, len(starts)) for group in groups]
    filled = [sum(1 for s in slots if s) for slots in grid]
    if len(grid) < 2 or sum(1 for f in filled if f >= 2) < 2:
        return None
    head_slots = _slots(header_lines, placed, len(starts))
    texts = tuple(tuple(join_lines([c.text for c in s]) for s in slots) for slots in [head_slots, *grid])
    boxes: tuple[tuple[BBox | None, ...], ...] = tuple(
        tuple(union_all(c.bbox for c in s) if s else None for s in slots) for slots in [head_slots, *grid])
    members = frozenset(header_lines + body)
    fill = sum(1 for f in filled if f >= 2) / len(grid)
    return TextTable(texts, boxes, 1, union_all(lines[k].bbox for k in members), members, fill,
                     median(lines[k].size for k in body), "headed_text")


def _slots(group: Sequence[int], placed: dict[int, list[tuple[int, Cell]]], n: int) -> list[list[Cell]]:
    slots: list[list[Cell]] = [[] for _ in range(n)]
    for k in group:
        for col, c in placed[k]:
            slots[col].append(c)
    for s in slots:
        s.sort(key=lambda c: (c.bbox.top, c.bbox.x0))
    return slots


def _row_groups(lines: Sequence[TextLine], body: list[int], placed: dict[int, list[tuple[int, Cell]]]) -> list[list[int]]:
    """The body's lines by row: cut where lines lie further apart than those of one wrapped cell
    (cell padding); where all lie as close (no padding) and every row has a short key in the first
    column, each line in the row of the last key at or above its baseline."""
    by_gaps = rows_of(lines, body)
    if len(by_gaps) < len(bands_of(lines, body)):
        return by_gaps  # lines of a row merged: two gap sizes, the rows' padding tells them apart
    keyed = sorted((k for k in body if any(col == 0 for col, _ in placed[k])), key=lambda k: lines[k].bbox.top)
    keys = [c for k in keyed for col, c in placed[k] if col == 0]
    top = min(lines[k].bbox.top for k in body)
    if not keyed or lines[keyed[0]].bbox.top > top + 0.35 * lines[keyed[0]].bbox.height \
            or any(len(c.text.split()) > KEY_WORDS for c in keys):
        return by_gaps
    tops: list[float] = []
    for k in keyed:
        if not tops or lines[k].bbox.top - tops[-1] > 0.35 * lines[k].bbox.height:
            tops.append(lines[k].bbox.top)
    groups: list[list[int]] = [[] for _ in tops]
    for k in sorted(body, key=lambda k: (lines[k].bbox.top, lines[k].bbox.x0)):
        slack = 0.35 * lines[k].bbox.height
        groups[max(i for i, t in enumerate(tops) if t <= lines[k].bbox.top + slack)].append(k)
    return groups
