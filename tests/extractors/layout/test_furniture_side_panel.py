"""A narrow column beside the body that prints the page's worded label is the page's sidebar.

Convention: some templates print a side panel down the left (or right) of every page, in type
smaller than the text: the document's number, its classification and the sheet ("Blad 1"). On a
paper of one page nothing repeats, but the sheet label tells the column is page furniture: its
lines go to the page's header (method `sidebar`), none reaches a section's text. A margin column of
headings set as large as the text, or a column without a page label, stays text. Wordings are the
tests' own.
"""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import HEIGHT, Page

TEXT = ["Het waterschap legt de nieuwe peilen van de polders vast na overleg met de boeren",
        "en de natuurbeheerders, die hun wensen voor de winter al eerder kenbaar maakten."]


def _panel_page(label: str = "Blad 1", side_size: float = 7.5, heading_size: float = 11.5) -> Page:
    page = Page().rect(0, 0, 125, HEIGHT, fill=False)
    top = 100.0
    for head, value in (("Registratie", "WL-8813-27"), ("Vertrouwelijkheid", "Intern")):
        page.add(20, top, head, size=side_size - 0.5, bold=True)
        page.add(20, top + 9, value, size=side_size)
        top += 27
    if label:
        page.add(20, top, label, size=side_size)
    top = 100.0
    for head in ("Peilvoorstel voor de zomer", "Afspraken met de gebruikers"):
        page.add(150, top, head, size=heading_size, bold=True)
        top = page.lines(150, top + 18, TEXT, size=10.5, leading=14) + 16
    return page


def _texts(path):
    from raadsstukken.extractors.structure.sections import build_sections

    parsed = parse_pdf(path)
    return parsed.pages[0], " ".join(s.text for s in build_sections(parsed.pages, parsed.vocabulary))


def test_a_side_panel_with_the_sheet_label_is_furniture_on_a_single_page(make_pdf):
    page, text = _texts(make_pdf([_panel_page()]))
    assert page.furniture_method == "sidebar"
    assert "WL-8813-27" in (page.header or "") and "Blad 1" in (page.header or "")
    assert "WL-8813-27" not in text and "Blad 1" not in text and "Intern" not in text
    assert "nieuwe peilen" in text


def test_a_column_without_a_page_label_stays_text(make_pdf):
    page, text = _texts(make_pdf([_panel_page(label="")]))
    assert "WL-8813-27" in text and page.furniture_method == "none"


def test_a_column_set_as_large_as_the_text_stays_text(make_pdf):
    page, text = _texts(make_pdf([_panel_page(side_size=10.5)]))
    assert "WL-8813-27" in text and "sidebar" not in page.furniture_method
