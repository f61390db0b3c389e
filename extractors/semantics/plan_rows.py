"""Numbered rows of a plan's table read from the lines' positions, whatever the table layer made of it.

Why: a programme's overview table ("2.1 | Veilig ondernemen | 40%", "2.1.1 | Keurmerk: … | 0%")
holds its goals and performances in prose cells. When such a table has no rules between its rows,
the text layer reads it column by column (all numbers, then all texts) and the table layer may
merge wrapped rows, so neither gives one row per number. The rows are still on the page: a column
of outline numbers, each with the first line of its text cell on its baseline to the right and
that cell's wrapped lines under it, and further cells (a status, an owner) on the same baseline.
This module rebuilds those rows from the lines' boxes; `plan_shapes.numbered_outline` reads them
as it reads numbered headings and paragraphs. A wrapped number ("2.1." over "1" in a narrow
column) is joined first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Line, Word
from raadsstukken.extractors.structure.sections import Section

OUTLINE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){1,4}\.?$")
"""A cell that is only a dotted outline number ("2.1", "2.1.1.")."""
PIECE = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,4}\.?$")
"""Part of a number a narrow column wrapped ("2.1." then "1")."""
X_TOLERANCE = 3.0
"""Points two lines' left edges may differ and still start the same column."""
BASELINE = 0.5
"""Share of a line's height two tops may differ and still be on one row's baseline."""
HEADER_REACH = 4.0
"""Line heights above the first row in which a column's header is looked for."""


@dataclass
class NumberedRow:
    """One row: its outline number, its text cell, and its other cells by their column header."""

    number: tuple[int, ...]
    text: str
    page: int
    section: int
    cells: dict[str, str] = field(default_factory=dict)


@dataclass
class _Placed:
    line: Line
    section: int


def line_cells(line: Line) -> list[Line]:
    """A line the layer kept together over several table cells, split where its words are more
    than an em apart (each cell a line of its own, as when the layer split them)."""
    if line.cells <= 1 or len(line.words) < 2:
        return [line]
    groups: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        if word.bbox.x0 - groups[-1][-1].bbox.x1 > line.size:
            groups.append([word])
        else:
            groups[-1].append(word)
    return [Line(tuple(g), line.page) for g in groups]


def _numbers(lines: Sequence[_Placed]) -> list[tuple[str, _Placed, float]]:
    """Lines that are an outline number, with a wrapped piece under them joined: (number, first
    line, bottom of the number)."""
    out: list[tuple[str, _Placed, float]] = []
    used: set[int] = set()
    for k, placed in enumerate(lines):
        if k in used:
            continue
        text = placed.line.text.strip()
        if not PIECE.match(text):
            continue
        box = placed.line.bbox
        bottom = box.bottom
        if text.endswith("."):
            below = next((j for j, other in enumerate(lines) if j not in used and j != k
                          and abs(other.line.bbox.x0 - box.x0) <= X_TOLERANCE
                          and 0 <= other.line.bbox.top - bottom <= box.height
                          and re.fullmatch(r"\d{1,2}\.?", other.line.text.strip())), None)
            if below is not None:
                used.add(below)
                text += lines[below].line.text.strip()
                bottom = lines[below].line.bbox.bottom
        if OUTLINE.match(text):
            out.append((text.rstrip("."), placed, bottom))
    return out


def _column_header(labels: Sequence[tuple[BBox, str]], x0: float, first_top: float, height: float) -> str:
    above = sorted((lb for lb in labels if abs(lb[0].x0 - x0) <= X_TOLERANCE
                    and 0 < first_top - lb[0].top <= HEADER_REACH * height), key=lambda lb: lb[0].top)
    return " ".join(text.strip() for _, text in above)


def _header_role(header: str, roles: Mapping[str, re.Pattern[str]]) -> str | None:
    """The role a column's header names; a header the column wrapped inside a word ("Voortgan" over
    "g %") is also tried with its pieces joined."""
    for text in (header, header.replace(" ", "")):
        for name, pattern in roles.items():
            if pattern.match(text):
                return name
    return None


def numbered_rows(sections: Sequence[Section], roles: Mapping[str, re.Pattern[str]]) -> list[NumberedRow]:
    """Rows of every column of outline numbers (two or more numbers one under another) of the
    document: the text cell right of each number, its wrapped lines up to the next number, and the
    cells further right on its baseline under the role (`status`, `owner`, `planning`) their
    column header names (a header line, or a header the heading layer took for a heading)."""
    placed = [_Placed(piece, s.order) for s in sections for b in s.body for ln in b.lines for piece in line_cells(ln)]
    rows: list[NumberedRow] = []
    for page in sorted({p.line.page for p in placed}):
        on_page = [p for p in placed if p.line.page == page]
        numbers = _numbers(on_page)
        columns: list[list[tuple[str, _Placed, float]]] = []
        for entry in sorted(numbers, key=lambda e: e[1].line.bbox.top):
            column = next((c for c in columns if abs(c[0][1].line.bbox.x0 - entry[1].line.bbox.x0) <= X_TOLERANCE), None)
            (column.append(entry) if column is not None else columns.append([entry]))
        labels = [(p.line.bbox, p.line.text) for p in on_page]
        labels += [(s.bbox, s.heading) for s in sections if s.heading and s.bbox is not None and s.page_start == page]
        for column in columns:
            keys = [tuple(int(n) for n in number.split(".")) for number, _, _ in column]
            if len(column) >= 2 and all(a < b for a, b in zip(keys, keys[1:])):
                rows += _column_rows(column, on_page, labels, roles)  # an outline, not a column of decimals
    return rows


def _column_rows(column: Sequence[tuple[str, _Placed, float]], lines: Sequence[_Placed],
                 labels: Sequence[tuple[BBox, str]], roles: Mapping[str, re.Pattern[str]]) -> list[NumberedRow]:
    out: list[NumberedRow] = []
    headers: dict[float, str | None] = {}
    first_top = column[0][1].line.bbox.top
    for k, (number, placed, _) in enumerate(column):
        box = placed.line.bbox
        tol = BASELINE * box.height
        right = sorted((p for p in lines if p.line.bbox.x0 > box.x1 and abs(p.line.bbox.top - box.top) <= tol),
                       key=lambda p: p.line.bbox.x0)
        if not right or OUTLINE.match(right[0].line.text.strip()):
            continue
        start = right[0].line
        limit = column[k + 1][1].line.bbox.top - tol if k + 1 < len(column) else None
        cell = [start]
        for p in sorted(lines, key=lambda p: p.line.bbox.top):
            ln = p.line
            if ln is start or ln.bbox.top <= start.bbox.top or abs(ln.bbox.x0 - start.bbox.x0) > X_TOLERANCE:
                continue
            if limit is not None and ln.bbox.top >= limit:
                break
            if limit is None and (ln.bbox.top - cell[-1].bbox.bottom > cell[-1].bbox.height
                                  or abs(ln.size - start.size) > 0.5):
                break  # the last row ends where its cell's lines stop
            cell.append(ln)
        text = re.sub(r"\s+", " ", " ".join(ln.text.strip() for ln in cell)).strip()
        row = NumberedRow(tuple(int(n) for n in number.split(".")), text, placed.line.page, placed.section)
        edge = max(ln.bbox.x1 for ln in cell)
        for other in right[1:]:
            x0 = other.line.bbox.x0
            if x0 <= edge:
                continue
            if x0 not in headers:
                headers[x0] = _header_role(_column_header(labels, x0, first_top, box.height), roles)
            role = headers[x0]
            if role is not None and role not in row.cells:
                row.cells[role] = other.line.text.strip()
        out.append(row)
    return out
