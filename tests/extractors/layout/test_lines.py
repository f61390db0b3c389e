"""Line segments: hanging list markers stay with their item, table rows stay one line, gutters split."""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page


def _lines(path) -> list[str]:
    return [line.text for page in parse_pdf(path).pages for block in page.blocks for line in block.lines]


def test_hanging_list_markers_stay_on_their_line(make_pdf):
    page = Page()
    for i, (marker, item) in enumerate([("1.", "de verordening vast te stellen;"), ("b)", "het budget te verhogen;"),
                                        ("-", "de raad te informeren.")]):
        page.add(56, 80 + 16 * i, marker)
        page.add(80, 80 + 16 * i, item)
    assert _lines(make_pdf([page])) == ["1. de verordening vast te stellen;", "b) het budget te verhogen;",
                                        "- de raad te informeren."]


def test_table_row_of_short_cells_is_one_line_and_columns_are_split(make_pdf):
    page = Page()
    for x, cell in zip((56, 200, 300, 400), ("Wijk", "2022", "2023", "2024")):
        page.add(x, 80, cell)
    page.add(56, 120, "Links staat een regel van de eerste kolom")
    page.add(310, 120, "en rechts een regel van de tweede kolom")
    path = make_pdf([page])
    layout = parse_pdf(path).pages[0]
    lines = {line.text: line for block in layout.blocks for line in block.lines}
    assert lines["Wijk 2022 2023 2024"].cells == 4
    assert "Links staat een regel van de eerste kolom" in lines
    assert "en rechts een regel van de tweede kolom" in lines
