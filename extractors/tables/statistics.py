"""Tidy statistics from data tables: one row per figure with its indicator, period and value.

A table with a year axis gives statistics: years as column headers ("2022", "2021-2022") make the
row label the indicator; years as row labels make the column header the indicator; a table that
is one row of figures under years is named by its title. Dashes and empty cells are no figures.
Tables without a year axis (a budget table) give no statistics; their money goes to `amounts`.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from raadsstukken.extractors.text.numbers import YEAR, YEAR_RANGE, cell_number
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.tables.detect import Table



@dataclass(frozen=True)
class Statistic:
    indicator: str
    dimension: str | None
    period: int
    value: float
    unit: str
    row: int
    col: int


def year_of(text: str) -> int | None:
    text = text.strip()
    if YEAR.match(text):
        return int(text)
    m = YEAR_RANGE.match(text)
    return int(m.group(1)) if m else None


def tidy_statistics(table: Table) -> list[Statistic]:
    grid = table.grid()
    headers = [" ".join(grid[r][c] for r in range(table.header_rows) if grid[r][c]).strip()
               for c in range(table.n_cols)]
    column_years = [year_of(h) for h in headers]
    labels = _labels_with_parents(table)
    out: list[Statistic] = []
    for r in range(table.header_rows, table.n_rows):
        row = grid[r]
        label = labels.get(r)
        row_year = year_of(row[0]) if row[0] else None
        first = 0 if label is None and row_year is None else 1
        for c in range(first, table.n_cols):
            value = cell_number(row[c])
            if value is None:
                continue
            column_year = column_years[c]
            if column_year is not None:
                indicator, period = label or table.title, column_year
            elif row_year is not None and headers[c]:
                indicator, period = headers[c], row_year
            else:
                continue
            if not indicator:
                continue
            out.append(Statistic(indicator, None, period, value, _unit(row[c], f"{headers[c]} {indicator}"), r, c))
    return out


@lru_cache(maxsize=1)
def _unit_rules() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], str]:
    data = read_rules("statistics")
    return tuple((unit, re.compile(p, re.IGNORECASE)) for unit, p in data["units"].items()), data["default"]["unit"]


def _unit(cell: str, header: str) -> str:
    """The unit of a figure, from its cell and what labels it: its column header and indicator
    (`rules/statistics.toml`)."""
    units, default = _unit_rules()
    text = f"{cell} {header}"
    return next((unit for unit, pattern in units if pattern.search(text)), default)


INDENT = 5.0
"""Points by which a row label sits right of the others to be a sub-row of the label above."""


def _labels_with_parents(table: Table) -> dict[int, str]:
    """Row labels of the body; an indented label is prefixed with its parent ("Diefstal - woning")."""
    first_col = {c.row: c for c in table.cells if c.col == 0 and c.row >= table.header_rows}
    labelled = {r: c for r, c in first_col.items() if c.text and cell_number(c.text) is None}
    lefts = [c.bbox.x0 for c in labelled.values() if c.bbox is not None]
    margin = min(lefts) if lefts else 0.0
    out: dict[int, str] = {}
    parent: str | None = None
    for r in sorted(labelled):
        cell = labelled[r]
        indented = cell.bbox is not None and cell.bbox.x0 > margin + INDENT
        if indented and parent:
            out[r] = f"{parent} - {cell.text}"
        else:
            out[r] = cell.text
            parent = cell.text
    return out
