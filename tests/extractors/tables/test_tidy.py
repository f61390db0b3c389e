"""Tidy statistics on generated tables: two header levels (a merged header over years, a word
printed with each year), a multiplier in the header, group rows and indented sub-rows, figures in
other notations; every figure gets its indicator, dimension, period, unit and multiplier."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.tables.detect import find_tables
from raadsstukken.extractors.tables.figures import figure_value, period_of
from raadsstukken.extractors.tables.statistics import tidy_statistics
from tests.pdfs import Page


def _one_table(path):
    (table,) = [t for p in parse_pdf(path).pages for t in find_tables(p)]
    return table


def test_merged_header_over_years_multiplier_and_group_rows(make_pdf):
    page = Page()
    page.add(60, 60, "Exploitatie per taakveld", size=11, bold=True)
    cols = (60, 230, 300, 370, 440)
    page.add(60, 84, "(bedragen in duizenden euro's)", size=8, bold=True)
    page.add(230, 84, "Jaarcijfer", size=8, bold=True)
    page.add(300, 84, "Raming", size=8, bold=True)  # merged over the last three columns
    for x, text in zip(cols[1:], ("2023", "2024", "2025", "2026")):
        page.add(x, 96, text, size=8, bold=True)
    rows = [("Sportaccommodaties", None), ("Uitgaven", ("812", "790", "-/- 15", "801")),
            ("Opbrengsten", ("120", "131", "133", "135")),
            ("Muziekonderwijs", None), ("Uitgaven", ("64", "66", "68", "70")),
            ("Opbrengsten", ("9", "9", "10", "10"))]
    top = 112
    for label, figures in rows:
        indent = 0 if figures is None else 10
        page.add(60 + indent, top, label, size=8, bold=figures is None)
        for x, text in zip(cols[1:], figures or ()):
            page.add(x, top, text, size=8)
        top += 14
    table = _one_table(make_pdf([page]))
    assert table.header_rows == 2
    merged = [c for c in table.cells if c.text == "Raming"]
    assert [(c.row, c.col, c.col_span) for c in merged] == [(0, 2, 3)]
    stats = {(s.indicator, s.dimension, s.period): s for s in tidy_statistics(table)}
    spent = stats[("Uitgaven", "Muziekonderwijs | Raming", 2026)]
    assert (spent.value, spent.unit, spent.multiplier) == (70.0, "EUR", 1000.0)
    assert stats[("Uitgaven", "Sportaccommodaties | Raming", 2025)].value == -15.0
    assert stats[("Opbrengsten", "Sportaccommodaties | Jaarcijfer", 2023)].value == 120.0
    assert len(stats) == 16


def test_period_words_in_one_header_row_become_the_dimension(make_pdf):
    page = Page()
    cols = (60, 250, 330, 410)
    for x, text in zip(cols, ("Kengetal", "Realisatie 2022", "Prognose 2023", "Realisatie 2023")):
        page.add(x, 80, text, size=9, bold=True)
    for i, row in enumerate([("Schuldratio", "63,5%", "61%", "58.25 %"), ("Weerstandsvermogen", "1,4", "1,2", "1,6")]):
        for x, text in zip(cols, row):
            page.add(x, 96 + 16 * i, text, size=9)
    stats = tidy_statistics(_one_table(make_pdf([page])))
    got = {(s.indicator, s.dimension, s.period): (s.value, s.unit) for s in stats}
    assert got[("Schuldratio", "Realisatie", 2023)] == (58.25, "percent")
    assert got[("Schuldratio", "Prognose", 2023)] == (61.0, "percent")
    assert got[("Weerstandsvermogen", "Realisatie", 2022)] == (1.4, "count")


def test_a_text_column_left_of_the_indicators_is_a_dimension(make_pdf):
    page = Page()
    cols = (60, 170, 360, 420)
    for x, text in zip(cols, ("Beleidsveld", "Maatstaf", "2022", "2023")):
        page.add(x, 80, text, size=9, bold=True)
    rows = [("Groen", "Bomen geplant (aantal)", "310", "355"), ("", "Oppervlak parken (hectare)", "41", "43"),
            ("Water", "Gemalen vernieuwd", "2", "3")]
    for i, row in enumerate(rows):
        for x, text in zip(cols, row):
            if text:
                page.add(x, 96 + 16 * i, text, size=9)
    stats = {(s.indicator, s.period): s for s in tidy_statistics(_one_table(make_pdf([page])))}
    assert stats[("Oppervlak parken (hectare)", 2023)].dimension == "Groen"  # carried down over the empty cell
    assert stats[("Oppervlak parken (hectare)", 2023)].unit == "hectare"
    assert stats[("Gemalen vernieuwd", 2022)].dimension == "Water"


@pytest.mark.parametrize(("text", "value"), [("-/- 22%", -22.0), ("65.98 %", 65.98), ("7000.0", 7000.0),
                                             ("1.234", 1234.0), ("(1%)", None), ("€ -80", -80.0),
                                             ("nnb", None), ("12-10-2023", None)])
def test_figures(text, value):
    assert figure_value(text) == value


@pytest.mark.parametrize(("text", "year", "qualifier"), [("Rekening 2022", 2022, "Rekening"), ("2023-2024", 2024, None),
                                                         ("Q1 2024", 2024, "Q1"), ("saldo begin 2018", 2018, "saldo begin")])
def test_periods(text, year, qualifier):
    assert period_of(text) is not None and (period_of(text).year, period_of(text).qualifier) == (year, qualifier)


def test_no_period_in_a_date_or_plain_words():
    assert period_of("31-12-2023") is None and period_of("Stand per 1 januari") is None


def test_figures_and_labels_broken_in_narrow_columns_are_joined(make_pdf):
    page = Page()
    cols = (60, 150, 185, 220)
    for x, text in zip(cols, ("Reserve", "2024", "2025", "2026")):
        page.add(x, 80, text, size=7, bold=True)
    rows = [(("Egalisatie", "412", "398", "377"),), (("Totaal", "10.55", "9.87", "9.41"), ("reserves", "2", "6", "0"))]
    top = 96
    for lines in rows:
        for k, line in enumerate(lines):
            for x, text in zip(cols, line):
                page.add(x, top + 8 * k, text if k == 0 or x != 60 else text.lower(), size=7)
        top += 8 * len(lines) + 10
    table = _one_table(make_pdf([page]))
    assert table.grid()[-1] == ["Totaal reserves", "10.552", "9.876", "9.410"]
    assert {(s.indicator, s.period): s.value for s in tidy_statistics(table)}[("Totaal reserves", 2026)] == 9410.0
