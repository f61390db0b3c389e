"""Tidy statistics get the unit their cell or column header prints (rules/statistics.toml)."""
from __future__ import annotations

from raadsstukken.extractors.tables.detect import table_from_grid
from raadsstukken.extractors.tables.statistics import tidy_statistics


def _units(grid):
    return {(s.indicator, s.period): s.unit for s in tidy_statistics(table_from_grid(grid, 1, "test"))}


def test_percent_money_fte_and_counts():
    grid = [["Indicator", "2022", "2023"],
            ["Tevredenheid bewoners (%)", "71", "74"],
            ["Kosten beheer openbaar groen", "1.250", "1.310"],
            ["Formatie handhaving (fte)", "12,5", "13"],
            ["Meldingen zwerfafval", "402", "388"]]
    units = _units(grid)
    assert units[("Tevredenheid bewoners (%)", 2022)] == "percent"
    assert units[("Kosten beheer openbaar groen", 2023)] == "EUR"
    assert units[("Formatie handhaving (fte)", 2022)] == "FTE"
    assert units[("Meldingen zwerfafval", 2023)] == "count"


def test_a_money_column_header_makes_every_figure_euros():
    grid = [["Project", "Budget 2024", "Budget 2025"], ["Speelplaatsen", "80.000", "40.000"]]
    assert set(_units(grid).values()) in ({"EUR"}, set())
