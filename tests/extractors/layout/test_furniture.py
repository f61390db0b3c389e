"""Running headers, footers and page labels: found by repetition and position, kept out of the body."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.furniture import find_page_label
from tests.pdfs import Page


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Pag. 16", "Pag. 16"),
        ("pag. 3/7", "pag. 3/7"),
        ("pagina 2 van 9", "pagina 2 van 9"),
        ("Jaarverslag 2023 - blz. 12", "blz. 12"),
        ("Raadsbrief | 3", "3"),
        ("Begroting 2025 | 4/12", "4/12"),
        ("- 4 -", "- 4 -"),
        ("7", "7"),
        ("Page 2 of 9", "Page 2 of 9"),
        ("Begroting 2025", None),
        ("Gemeente Oosterveld", None),
    ],
)
def test_find_page_label(line, label):
    assert find_page_label(line) == label


def _report(n_pages: int) -> list[Page]:
    pages = []
    for n in range(1, n_pages + 1):
        page = Page()
        page.add(56, 28, "Gemeente Oosterveld - Evaluatie jeugdbeleid", size=8)
        page.lines(56, 90, [f"Op deze pagina beschrijven we onderdeel {n} van de", "evaluatie van het jeugdbeleid in de wijken."])
        page.add(480, 805, f"Blad {n} van {n_pages}", size=8)
        pages.append(page)
    return pages


def test_header_footer_and_label_recorded_and_kept_out_of_text(make_pdf, text_of):
    path = make_pdf(_report(4))
    parsed = parse_pdf(path)
    for n, page in enumerate(parsed.pages, 1):
        assert page.header == "Gemeente Oosterveld - Evaluatie jeugdbeleid"
        assert page.footer == f"Blad {n} van 4"
        assert page.page_label == f"Blad {n} van 4"
    text = text_of(path)
    assert "Blad" not in text and "Evaluatie jeugdbeleid" not in text
    assert "evaluatie van het jeugdbeleid in de wijken." in text


def test_body_text_near_the_top_is_not_furniture_when_it_does_not_repeat(make_pdf, text_of):
    pages = _report(3)
    pages[1].add(56, 60, "Een gewone zin staat hier vlak onder de kop.")
    text = text_of(make_pdf(pages))
    assert "Een gewone zin staat hier vlak onder de kop." in text


def test_box_label_repeated_near_the_top_but_tight_to_the_body_stays(make_pdf, sections_of):
    pages = _report(3)
    for page in pages:
        page.add(56, 74, "ACTIES", size=9, bold=True)
    path = make_pdf(pages)
    assert all(page.header == "Gemeente Oosterveld - Evaluatie jeugdbeleid" for page in parse_pdf(path).pages)
    assert [s.heading for s in sections_of(path)] == ["ACTIES"] * 3
