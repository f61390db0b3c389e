"""Tidy statistics from data tables: one row per figure with indicator, dimension, period, unit.

A table with a time axis gives statistics. Periods in the column headers ("2022", "Rekening
2022", "2021-2022", "Q1 2024", or a year under a merged "Meerjarenraming") make the row label the
indicator; periods as row labels make the column header the indicator; a table that is one row of
figures under years is named by its title. The indicator column is the body's column of most
text; the other text columns left of it (carried down over their merged cells), the parent row (a
group label above, or the row an indented label hangs under), the header levels without the
year and the words printed with the year form the `dimension`. The unit comes from the cell, the
column header, the indicator, the table's top-left header cell or its title, in that order
(`rules/statistics.toml`), with a multiplier a header prints ("x € 1.000", "bedragen in duizenden
euro's"). Dashes, "n.v.t." and empty cells are no figures. Tables without a time axis give none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.tables.detect import Table
from raadsstukken.extractors.tables.figures import Period, figure_value, period_of

INDENT = 5.0
"""Points by which a row label sits right of the others to be a sub-row of the label above."""
DIMENSION_SEPARATOR = " | "


@dataclass(frozen=True)
class Statistic:
    indicator: str
    dimension: str | None
    period: int
    value: float
    unit: str | None
    row: int
    col: int
    multiplier: float | None = None
    """What the value is to be multiplied by to be in `unit` (1000 for "x € 1.000"), if printed."""


def year_of(text: str) -> int | None:
    p = period_of(text)
    return p.year if p else None


def tidy_statistics(table: Table) -> list[Statistic]:
    grid = table.grid()
    body = range(table.header_rows, table.n_rows)
    levels = [table.header_levels(c) for c in range(table.n_cols)]
    col_period = [_column_period(lv) for lv in levels]
    figure_cols = {c for c in range(table.n_cols) for r in body if figure_value(grid[r][c]) is not None}
    period_cols = [c for c in range(table.n_cols) if col_period[c] is not None and c in figure_cols]
    label_col = _label_column(grid, body, table.n_cols, set(period_cols))
    parents = _parents(table, label_col, figure_cols)
    context = _table_context(table)
    out: list[Statistic] = []
    carried: dict[int, str] = {}
    for r in body:
        row = grid[r]
        for c in range(table.n_cols):
            if c != label_col and c not in period_cols and row[c] and figure_value(row[c]) is None:
                carried[c] = row[c]
        label = row[label_col] if label_col is not None and figure_value(row[label_col]) is None else ""
        row_period = period_of(row[label_col]) if label_col is not None and row[label_col] else None
        if row_period is None and row[0] and label_col != 0:
            row_period = period_of(row[0]) if re.fullmatch(r"\W*(?:19|20)\d{2}\W*", row[0]) else None
        extra = [carried[c] for c in sorted(carried) if label_col is None or c < label_col]
        for c in range(table.n_cols):
            value = figure_value(row[c])
            if value is None or c == label_col:
                continue
            period = col_period[c] if c in period_cols else None
            if period is not None:
                indicator = label or (table.title if table.n_rows - table.header_rows == 1 else "")
                words = [t for t in levels[c] if period_of(t) is None] + ([period.qualifier] if period.qualifier else [])
                dims = [*extra, *([parents[r]] if r in parents else []), *words]
            elif row_period is not None and levels[c]:
                period = row_period
                indicator = levels[c][-1]
                dims = [*levels[c][:-1], *([row_period.qualifier] if row_period.qualifier else [])]
            else:
                continue
            if not indicator:
                continue
            unit, multiplier = _unit(row[c], " ".join(levels[c]), indicator, context)
            dims = [d for d in dict.fromkeys(dims) if d and d != indicator]
            out.append(Statistic(indicator, DIMENSION_SEPARATOR.join(dims) or None, period.year, value, unit, r, c,
                                 multiplier))
    return out


def _column_period(levels: list[str]) -> Period | None:
    periods = [p for p in (period_of(t) for t in levels) if p is not None]
    return periods[-1] if len(periods) == 1 or (periods and len({p.year for p in periods}) == 1) else None


def _label_column(grid: list[list[str]], body: range, n_cols: int, period_cols: set[int]) -> int | None:
    """The indicator column: of the body's columns of (nearly) most text, the one nearest the figures
    (the most specific label: "Indicatoren" right of "Onderwerp")."""
    scores = {}
    for c in range(n_cols):
        if c in period_cols:
            continue
        texts = [grid[r][c] for r in body]
        scores[c] = sum(1 for t in texts if t and figure_value(t) is None and re.search(r"[^\W\d_]{2}", t)) / max(1, len(texts))
    best = max(scores.values(), default=0.0)
    if best <= 0:
        return None
    first_period = min(period_cols, default=n_cols)
    near = [c for c, s in scores.items() if s >= 0.8 * best and c < first_period]
    return max(near) if near else max(scores, key=lambda c: scores[c])


def _parents(table: Table, label_col: int | None, figure_cols: set[int]) -> dict[int, str]:
    """Body rows under a parent: a group label (a labelled row without figures) above them, or a
    less indented label above an indented one."""
    if label_col is None:
        return {}
    cells = {c.row: c for c in table.cells if c.col == label_col and c.row >= table.header_rows}
    figures = {c.row for c in table.cells if c.col in figure_cols and figure_value(c.text) is not None}
    lefts = [c.bbox.x0 for c in cells.values() if c.text and c.bbox is not None]
    margin = min(lefts) if lefts else 0.0
    out: dict[int, str] = {}
    group: str | None = None
    flush: str | None = None
    for r in sorted(cells):
        cell = cells[r]
        if not cell.text:
            continue
        if r not in figures:
            group, flush = cell.text, None
            continue
        indented = cell.bbox is not None and cell.bbox.x0 > margin + INDENT
        if indented and flush is not None:
            out[r] = flush
        elif group is not None:
            out[r] = group
        if not indented:
            flush = cell.text
    return out


def _table_context(table: Table) -> str:
    first = next((c.text for c in table.cells if c.is_header and c.col == 0 and c.row == 0), "")
    return f"{first} {table.title or ''}"


@lru_cache(maxsize=1)
def _unit_rules() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[tuple[float, re.Pattern[str]], ...], str]:
    data = read_rules("statistics")
    units = tuple((unit, re.compile(p, re.IGNORECASE)) for unit, p in data["units"].items())
    multipliers = tuple((float(m["factor"]), re.compile(m["pattern"], re.IGNORECASE)) for m in data["multipliers"])
    return units, multipliers, data["default"]["unit"]


def _unit(cell: str, header: str, indicator: str, context: str) -> tuple[str | None, float | None]:
    """The unit of a figure and the multiplier printed with it: from its cell, column header,
    indicator, then the table's top-left header cell and title (`rules/statistics.toml`)."""
    units, multipliers, default = _unit_rules()
    unit = None
    for text in (cell, header, indicator, context):
        unit = next((u for u, pattern in units if pattern.search(text)), None)
        if unit is not None:
            break
    multiplier = None
    for text in (header, indicator, context):
        multiplier = next((f for f, pattern in multipliers if pattern.search(text)), None)
        if multiplier is not None:
            break
    if multiplier is not None and unit is None:
        unit = "EUR" if re.search(r"€|euro|bedrag", f"{header} {indicator} {context}", re.IGNORECASE) else default
    return unit or default, multiplier
