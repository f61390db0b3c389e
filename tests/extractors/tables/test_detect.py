"""Tables on generated pages: ruled, partly ruled, borderless in a two-column page, two header
levels, wrapped cells, empty cells, totals, a table over a page break; and what is not a table."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.tables.statistics import tidy_statistics
from raadsstukken.extractors.text.numbers import cell_number
from raadsstukken.extractors.tables.continuation import join_continued_tables
from raadsstukken.extractors.tables.detect import find_tables
from tests.pdfs import Page

YEARS = ["2021", "2022", "2023"]
ROWS = [("Noord", "12", "15", "9"), ("Zuid", "30", "-", "27"), ("Oost", "4", "", "6"), ("Totaal", "46", "15", "42")]
COLS = (60, 220, 290, 360)


def _table(page: Page, top: float, rows=ROWS, header=("Wijk", *YEARS), cols=COLS, size=9.0, ruled="none") -> float:
    lines = [header, *rows]
    right = cols[-1] + 50
    for i, row in enumerate(lines):
        y = top + i * 16
        for x, text in zip(cols, row):
            if text:
                page.add(x, y, text, size=size, bold=(i == 0))
        if ruled in ("grid", "horizontal"):
            page.line(cols[0] - 4, y - 3, right, y - 3)
    bottom = top + len(lines) * 16 - 3
    if ruled in ("grid", "horizontal"):
        page.line(cols[0] - 4, bottom, right, bottom)
    if ruled == "grid":
        for x in (*[c - 4 for c in cols], right):
            page.line(x, top - 3, x, bottom)
    return bottom


def _tables(path):
    parsed = parse_pdf(path)
    pages = {p.number: p for p in parsed.pages}
    return join_continued_tables([t for p in parsed.pages for t in find_tables(p)], pages)


def _expected_grid():
    return [["Wijk", *YEARS], *[list(r) for r in ROWS]]


def test_ruled_table(make_pdf):
    page = Page()
    page.add(60, 60, "Meldingen per wijk", size=9, bold=True)
    _table(page, 80, ruled="grid")
    (table,) = _tables(make_pdf([page]))
    assert table.grid() == _expected_grid()
    assert (table.header_rows, table.title) == (1, "Meldingen per wijk")
    stats = tidy_statistics(table)
    assert ("Zuid", 2022) not in {(s.indicator, s.period) for s in stats}  # "-" is no figure
    assert ("Oost", 2022) not in {(s.indicator, s.period) for s in stats}  # an empty cell neither
    assert ("Totaal", 2023, 42.0) in {(s.indicator, s.period, s.value) for s in stats}
    assert len(stats) == 10


def test_partly_ruled_and_borderless_tables(make_pdf):
    for ruled in ("horizontal", "none"):
        page = Page()
        _table(page, 80, ruled=ruled)
        (table,) = _tables(make_pdf([page]))
        assert table.grid() == _expected_grid()


def test_borderless_table_in_one_column_of_a_two_column_page(make_pdf):
    page = Page()
    text = ["In de linkerkolom staat gewone lopende tekst", "over de meldingen in de wijken, die naast",
            "de tabel doorloopt tot onder aan de kolom,", "zodat regels van de tekst en rijen van de",
            "tabel op dezelfde hoogte staan. De tabel", "rechts telt de meldingen per jaar en de",
            "tekst links legt uit hoe die zijn geteld."]
    page.lines(56, 80, text, size=10, leading=16)
    _table(page, 80, cols=(310, 420, 465, 510), size=10)
    (table,) = _tables(make_pdf([page]))
    assert table.grid() == _expected_grid()


def test_two_header_levels_and_wrapped_cells(make_pdf):
    page = Page()
    page.add(220, 60, "Aantal zaken", size=9, bold=True)
    for x, text in zip(COLS, ("Wijk", *YEARS)):
        page.add(x, 76, text, size=9, bold=True)
    for x, text in zip(COLS, ("Toezicht op", "5", "7", "8")):
        page.add(x, 92, text, size=9)
    page.add(60, 103, "evenementen", size=9)  # the first label wraps onto a second line
    for x, text in zip(COLS, ("Handhaving", "3", "2", "1")):
        page.add(x, 120, text, size=9)
    (table,) = _tables(make_pdf([page]))
    assert table.header_rows == 2
    assert table.grid() == [["Wijk", "Aantal zaken", "", ""], ["", *YEARS], ["Toezicht op evenementen", "5", "7", "8"],
                            ["Handhaving", "3", "2", "1"]]
    spans = {c.text: (c.row_span, c.col_span) for c in table.cells if c.is_header}
    assert spans["Aantal zaken"] == (1, 3) and spans["Wijk"] == (2, 1)
    assert table.header_levels(2) == ["Aantal zaken", "2022"]
    assert [s.indicator for s in tidy_statistics(table)][:1] == ["Toezicht op evenementen"]


def test_table_over_a_page_break_is_joined(make_pdf):
    first, second = Page(), Page()
    first.lines(56, 80, ["Hieronder de cijfers per wijk."])
    _table(first, 700, rows=ROWS[:2])
    _table(second, 60, rows=ROWS[2:])  # the header is repeated on the second page
    (table,) = _tables(make_pdf([first, second]))
    assert (table.page, table.page_end) == (1, 2)
    assert table.grid() == _expected_grid()
    assert {c.page for c in table.cells if c.row == 4} == {2}


def test_lists_forms_and_two_column_text_are_not_tables(make_pdf):
    page = Page()
    page.lines(56, 60, ["1. de begroting 2025 vast te stellen;", "2. de reserve met 300 te verhogen;",
                        "3. het college te vragen om 4 scenario's."])
    for i, (label, value) in enumerate([("Datum", "12-03-2024"), ("Zaaknummer", "Z-2024-0031"), ("Team", "Wonen")]):
        page.add(56, 130 + 16 * i, label, size=9).add(200, 130 + 16 * i, value, size=9)
    page.lines(56, 220, ["In 2023 waren er 40 meldingen en in", "2024 kwamen er 12 bij in de wijk."], leading=13)
    page.lines(310, 220, ["Het college verwacht in 2025 nog eens", "20 meldingen, vooral in de zomer."], leading=13)
    assert _tables(make_pdf([page])) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.234", 1234.0), ("12,5", 12.5), ("€ 96.000", 96000.0), ("7,5%", 7.5), ("-", None), ("–", None),
     ("n.v.t.", None), ("42 (*)", 42.0), ("17*", 17.0), ("2023", 2023.0), ("Noord", None), ("12-10-2023", None)],
)
def test_dutch_numbers_in_cells(text, value):
    assert cell_number(text) == value


def test_units_and_indented_sub_rows(make_pdf):
    page = Page()
    rows = [("Inbraken", "40", "35"), ("woning", "30", "25"), ("bedrijf", "10", "10"), ("Aandeel opgelost", "7,5%", "9%")]
    for x, text in zip((60, 220, 290), ("Soort", "2022", "2023")):
        page.add(x, 80, text, size=9, bold=True)
    for i, row in enumerate(rows):
        indent = 12 if row[0] in ("woning", "bedrijf") else 0
        for x, text in zip((60 + indent, 220, 290), row):
            page.add(x, 96 + 16 * i, text, size=9)
    (table,) = _tables(make_pdf([page]))
    stats = {(s.indicator, s.period): (s.value, s.unit) for s in tidy_statistics(table)}
    assert stats[("woning", 2022)] == (30.0, "count")
    assert {s.dimension for s in tidy_statistics(table) if s.indicator == "bedrijf"} == {"Inbraken"}
    assert stats[("Aandeel opgelost", 2023)] == (9.0, "percent")
