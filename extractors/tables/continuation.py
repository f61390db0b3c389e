"""Tables continued over a page break, joined into one (both pages kept per cell)."""
from __future__ import annotations

from raadsstukken.extractors.layout.records import PageLayout
from raadsstukken.extractors.tables.detect import Table, TableCell

CONTINUATION_ZONE = 0.3
"""A table continues over a page break when it ends in the bottom share of one page and the next
page's first table starts in the top share, with the same columns (or a subset of them at the
same left edges: a column the second page leaves empty)."""
COLUMN_SLACK = 6.0
"""Points a column's left edge may lie left of the column it continues."""


def join_continued_tables(tables: list[Table], pages: dict[int, PageLayout]) -> list[Table]:
    """Tables of a document with those split over a page break joined (both pages kept per cell).
    A header repeated on the second page is dropped."""
    out: list[Table] = []
    for table in tables:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, table, pages):
            out[-1] = _joined(prev, table)
        else:
            out.append(table)
    return out


def _column_lefts(table: Table) -> list[float | None]:
    lefts: list[float | None] = []
    for col in range(table.n_cols):
        xs = [c.bbox.x0 for c in table.cells if c.col == col and c.bbox is not None and c.col_span == 1]
        lefts.append(min(xs) if xs else None)
    return lefts


def column_map(first: Table, second: Table) -> list[int] | None:
    """For each column of `second`, the column of `first` it continues: the same columns, or
    (a column the second page leaves empty) the first's column its left edge falls in."""
    if second.n_cols == first.n_cols:
        return list(range(first.n_cols))
    if second.n_cols > first.n_cols:
        return None
    a, b = _column_lefts(first), _column_lefts(second)
    if any(x is None for x in a) or any(x is None for x in b):
        return None
    edges = [x for x in a if x is not None]
    out = [max((k for k, e in enumerate(edges) if x is not None and x >= e - COLUMN_SLACK), default=-1) for x in b]
    if -1 in out or len(set(out)) != len(out) or out != sorted(out):
        return None
    return out


def _continues(first: Table, second: Table, pages: dict[int, PageLayout]) -> bool:
    if second.page != first.page_end + 1 or column_map(first, second) is None:
        return False
    last_page, next_page = pages.get(first.page_end), pages.get(second.page)
    if last_page is None or next_page is None:
        return False
    if first.bbox.bottom < (1 - CONTINUATION_ZONE) * last_page.height or second.bbox.top > CONTINUATION_ZONE * next_page.height:
        return False
    body_below = any(b.bbox.top > first.bbox.bottom + 2 for b in last_page.blocks if b.page == first.page_end)
    body_above = any(b.bbox.bottom < second.bbox.top - 2 and b.bbox.x_overlap(second.bbox) > 0 for b in next_page.blocks)
    return not body_below and not body_above


def _joined(first: Table, second: Table) -> Table:
    header = [c.text for c in first.cells if c.row < first.header_rows]
    repeated = second.header_rows and [c.text for c in second.cells if c.row < second.header_rows] == header
    skip = second.header_rows if repeated else 0
    cols = column_map(first, second) or list(range(second.n_cols))
    cells = list(first.cells)
    for c in second.cells:
        if c.row < skip:
            continue
        cells.append(TableCell(first.n_rows + c.row - skip, cols[c.col], c.text, c.is_header and not first.n_rows,
                               c.value, c.bbox, c.page, c.row_span, c.col_span))
    filled = {(c.row, c.col) for c in cells}
    cells += [TableCell(first.n_rows + r - skip, k, "", False, None, None, second.page)
              for r in range(skip, second.n_rows) for k in range(first.n_cols) if (first.n_rows + r - skip, k) not in filled]
    return Table(first.page, first.bbox, first.n_rows + second.n_rows - skip, first.n_cols, first.header_rows,
                 first.title or second.title, cells, f"{first.method}+continued", second.page_end,
                 min(first.confidence, second.confidence))
