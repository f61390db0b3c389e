"""A letter's running sidebar is page furniture, on born-digital and on scanned pages.

Convention: a letter in a house style prints its colofon (sending unit, address, "Ons kenmerk" and
its number) beside the body on the first page and repeats the unit and the reference at the same
place on every following page, often well below the top band. The repeat is furniture (in
`pages.header`, method `sidebar`), the first page's colofon stays where a letter's fields are read.
On OCR'd pages the repeat reads a little differently and a few points off from page to page.
Wordings are the tests' own.
"""
from __future__ import annotations

import re

import pytest

from raadsstukken.extractors.layout.furniture import find_furniture, similar
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.ocr import OcrSettings, tesseract
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.records import Line, Word
from tests.extractors.layout.scanning import scan
from tests.pdfs import Page

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")

UNIT = ("Bureau Stadsnatuur", "en Waterbeheer")
REFERENCE = "SN-2031-0457"
BODY = ("Het bureau heeft de aanvraag voor het verplaatsen van de oude lindebomen aan de kade "
        "zorgvuldig bekeken en daarbij ook de bewoners van de omliggende straten gehoord. Uit die "
        "gesprekken bleek dat de meeste mensen de bomen graag willen behouden, maar dat zij ook "
        "begrip hebben voor de plannen om de kademuur te herstellen voordat de winter begint.").split()


def _body(page: Page, top: float, n: int) -> None:
    lines = [" ".join(BODY[k:k + 9]) for k in range(0, len(BODY), 9)]
    for _ in range(n):
        top = page.lines(70, top, lines, size=10, leading=14) + 14


def _letter(n_pages: int, jitter: bool = True) -> list[Page]:
    first = Page()
    first.add(70, 150, "Aan de bewoners van de Kadewijk", size=10)
    first.add(400, 150, UNIT[0], size=7, bold=True)
    first.add(400, 159, UNIT[1], size=7, bold=True)
    first.add(400, 176, "Havenstraat 12", size=7)
    first.add(400, 185, "9901 ZZ Noordhaven", size=7)
    first.add(400, 210, "Ons kenmerk", size=7, bold=True)
    first.add(400, 219, REFERENCE, size=7)
    first.add(400, 236, "Datum", size=7, bold=True)
    first.add(400, 245, "3 maart 2031", size=7)
    _body(first, 280, 2)
    pages = [first]
    for n in range(2, n_pages + 1):
        page = Page()
        dx, dy = ((n % 3) - 1) * 2.5 if jitter else 0.0, ((n % 2) * 3.0 - 1.5) if jitter else 0.0
        page.add(400 + dx, 120 + dy, UNIT[0], size=7, bold=True)
        page.add(400 + dx, 129 + dy, UNIT[1], size=7, bold=True)
        page.add(400 + dx, 146 + dy, "Ons kenmerk", size=7, bold=True)
        page.add(400 + dx, 155 + dy, REFERENCE, size=7)
        _body(page, 120, 3)
        pages.append(page)
    return pages


def _body_text(parsed) -> list[str]:
    return [" ".join(b.text for b in page.blocks) for page in parsed.pages]


def test_a_running_sidebar_is_furniture_from_the_second_page_on(make_pdf):
    parsed = parse_pdf(make_pdf(_letter(4)), OcrSettings("off"))
    texts = _body_text(parsed)
    assert REFERENCE in texts[0] and "Ons kenmerk" in texts[0]  # the colofon: the letter's fields
    for page, text in zip(parsed.pages[1:], texts[1:]):
        assert "sidebar" in page.furniture_method
        assert page.header == f"{UNIT[0]} | {UNIT[1]} | Ons kenmerk | {REFERENCE}"
        assert REFERENCE not in text and "kenmerk" not in text and "Stadsnatuur" not in text
        assert "lindebomen aan de kade" in text  # the body beside it is untouched


def test_a_document_starting_under_the_sidebar_reads_its_reference_there(make_pdf):
    """An attachment that starts on a later page of a letter has no colofon of its own: its
    reference is read off the running sidebar, which stays furniture."""
    from raadsstukken.extractors.structure.metadata import extract_metadata

    parsed = parse_pdf(make_pdf(_letter(4)), OcrSettings("off"))
    assert extract_metadata(parsed.pages[2:], []).reference == REFERENCE
    assert REFERENCE not in " ".join(_body_text(parsed)[2:])


def test_the_first_page_of_a_run_keeps_its_sidebar_unless_an_earlier_page_states_it(make_pdf):
    pages = _letter(3, jitter=False)
    pages[0] = Page()  # a cover page without colofon: the second page is the first to print it
    _body(pages[0], 120, 3)
    parsed = parse_pdf(make_pdf(pages), OcrSettings("off"))
    texts = _body_text(parsed)
    assert REFERENCE in texts[1] and parsed.pages[1].header is None
    assert REFERENCE not in texts[2] and REFERENCE in (parsed.pages[2].header or "")


def test_lines_beside_the_body_that_do_not_repeat_or_sit_in_a_body_column_stay_text(make_pdf):
    pages = []
    for n in range(1, 4):
        page = Page()
        page.add(400, 150 + 40 * n, f"Toelichting bij punt {n} van de agenda", size=7)  # moves: no repeat
        page.add(320, 300, "Kolomkop rechts", size=10, bold=True)  # right column of a two-column page
        page.lines(320, 320, [" ".join(BODY[k:k + 4]) for k in range(0, 36, 4)], size=10)
        page.lines(70, 300, [" ".join(BODY[k:k + 4]) for k in range(36, 72, 4)], size=10)
        pages.append(page)
    parsed = parse_pdf(make_pdf(pages), OcrSettings("off"))
    for page, text in zip(parsed.pages, _body_text(parsed)):
        assert "sidebar" not in page.furniture_method
        assert "Kolomkop rechts" in text and "Toelichting bij punt" in text


def test_a_column_whose_labels_repeat_but_not_its_values_is_no_sidebar(make_pdf):
    """Letters bound in one file, each page its own letter with the same labels at the same place:
    every page's labels and values stay text, where each letter's fields are read."""
    pages = []
    for n in range(1, 4):
        page = Page()
        page.add(400, 150, "Datum", size=7, bold=True)
        page.add(400, 159, f"{n + 4} april 2031", size=7)
        page.add(400, 176, "Ons kenmerk", size=7, bold=True)
        page.add(400, 185, f"VK-2031-{311 * n:04d}", size=7)
        _body(page, 150, 2)
        pages.append(page)
    parsed = parse_pdf(make_pdf(pages), OcrSettings("off"))
    for n, (page, text) in enumerate(zip(parsed.pages, _body_text(parsed)), 1):
        assert "sidebar" not in page.furniture_method
        assert "Ons kenmerk" in text and f"VK-2031-{311 * n:04d}" in text


def test_a_sidebar_repeated_only_on_pages_apart_is_no_running_sidebar(make_pdf):
    letter = _letter(2, jitter=False)
    cover = Page()
    _body(cover, 120, 3)
    parsed = parse_pdf(make_pdf([letter[1], cover, letter[1]]), OcrSettings("off"))
    assert [p.header for p in parsed.pages] == [None, None, None]


@needs_tesseract
def test_a_scanned_letters_running_sidebar_is_furniture(make_pdf, tmp_path):
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument.new()
    for n, page in enumerate(_letter(3)):  # each page scanned on its own, at its own skew
        born = make_pdf([page], name=f"born-{n}.pdf")
        merged.import_pages(pdfium.PdfDocument(str(scan(born, 300, (0.4, -0.3, 0.2)[n], 40 + n, tmp_path / f"s{n}.pdf"))))
    target = tmp_path / "scanned-letter.pdf"
    merged.save(str(target))
    parsed = parse_pdf(target, OcrSettings("auto", workers=1))
    assert all(page.ocr for page in parsed.pages)
    texts = [re.sub(r"\s+", " ", t) for t in _body_text(parsed)]
    assert "kenmerk" in texts[0].casefold()
    for page, text in zip(parsed.pages[1:], texts[1:]):
        assert "sidebar" in page.furniture_method
        header = (page.header or "").casefold()
        assert "kenmerk" in header and "stadsnatuur" in header and "2031" in header
        assert "kenmerk" not in text.casefold() and "stadsnatuur" not in text.casefold()
        assert "lindebomen" in text


def _line(text: str, x: float, top: float, size: float = 8.0) -> Line:
    return Line((Word(text, BBox(x, top, x + 0.5 * size * len(text), top + size), size, False, False),), 1)


def test_a_running_header_read_differently_on_an_ocrd_page_is_still_repeated():
    body = [_line("Een regel van de tekst op deze bladzijde " + w, 70, 300 + 14 * i, 10) for i, w in enumerate("abcdef")]
    one = [_line("Gemeente Oosterveld jeugdzorg", 70, 30.0)] + body
    two = [_line("Gemeente 0osterveId jeugdzorg", 72, 33.5)] + body  # OCR: 0 for O, I for l, a few points off
    found = find_furniture([(one, 842.0), (two, 842.0)], widths=[595.0, 595.0])
    assert [f.header_text for f in found] == ["Gemeente Oosterveld jeugdzorg", "Gemeente 0osterveId jeugdzorg"]
    other = [_line("Verslag van de tweede bijeenkomst", 70, 30.0)] + body  # another text: not repeated
    assert find_furniture([(one, 842.0), (other, 842.0)], widths=[595.0, 595.0])[1].header_text is None


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Programmabureau Omgevingswet", "Programmabureau 0mgevingswet", True),
    ("Ons kenmerk", "ons  kenmerk", True),
    ("Pagina 2 van 7", "Pagina 3 van 7", True),  # digits masked
    ("Ons kenmerk", "Uw kenmerk", False),
    ("Bureau Stadsnatuur", "Bureau Waterbeheer", False),
    ("Aan", "Aa", False),  # too short to be matched loosely
])
def test_similar_readings_of_one_running_line(a, b, same):
    assert similar(a, b, 0.8, 8) is same
