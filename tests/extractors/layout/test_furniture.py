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
        ("2 | 3", "2 | 3"),
        ("Informatiebrief | 1|4", "1|4"),
        ("Blad 3 van 5", "Blad 3 van 5"),
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


def test_a_single_page_publication_keeps_its_masthead_out_of_the_body(make_pdf):
    """Official publications print name, number and date on top and a citation line at the foot;
    they are furniture even on a page of their own (no repetition to go by)."""
    page = Page()
    page.add(56, 30, "PROVINCIAAL BLAD", size=18, bold=True)
    page.add(56, 58, "Nr. 40917, 2 februari 2026", size=9)
    page.add(56, 72, "Officiële uitgave van de provincie Zeeland", size=9)
    page.add(56, 130, "Subsidieregeling dorpshuizen", size=14, bold=True)
    page.lines(56, 160, ["Gedeputeerde Staten stellen de volgende regeling vast."])
    page.add(56, 800, "Provinciaal blad 2026 nr. 40917 1", size=8)
    (parsed_page,) = parse_pdf(make_pdf([page])).pages
    body = " ".join(b.text for b in parsed_page.blocks)
    assert "40917" not in body and "PROVINCIAAL BLAD" not in body and "Officiële uitgave" not in body
    assert "Nr. 40917, 2 februari 2026" in (parsed_page.header or "")
    assert "Provinciaal blad 2026 nr. 40917 1" in (parsed_page.footer or "")
    assert "Subsidieregeling dorpshuizen" in body


def test_a_page_of_n_label_in_a_letter_sidebar_is_furniture_wherever_it_stands(make_pdf, text_of):
    """Convention of ministries' and municipalities' letters: the sidebar prints "Pagina 2 van 3"
    beside the body, a fifth of the way down, far outside the header and footer bands."""
    pages = []
    for n in (1, 2, 3):
        page = Page().add(56, 120, "De beantwoording van de vragen over de waterberging volgt hieronder.", size=10)
        page.add(56, 140, "Het college heeft de vragen van de fractie besproken en beantwoordt ze als volgt.", size=10)
        page.add(440, 170, f"Pagina {n} van 3", size=7)
        page.add(440, 184, "Kenmerk W-2031-7", size=7)
        pages.append(page)
    parsed = parse_pdf(make_pdf(pages))
    assert [p.page_label for p in parsed.pages] == ["Pagina 1 van 3", "Pagina 2 van 3", "Pagina 3 van 3"]
    assert "Pagina" not in text_of(make_pdf(pages))


def test_a_parliamentary_papers_print_lines_and_a_release_stamp_are_furniture(make_pdf):
    """A parliamentary paper prints its citation ("Eerste Kamer, vergaderjaar …, nr. …"), its code
    and its series' ISSN at the foot of a page; a release stamps the document's number at the top
    edge. On a page of their own they are furniture, kept out of the body."""
    page = Page()
    page.add(500, 20, "4471203", size=8)
    page.add(56, 120, "Voorstel van wet tot wijziging van de Waterwet", size=12, bold=True)
    page.lines(56, 150, ["De leden van de commissie hebben met belangstelling kennisgenomen van het voorstel."])
    page.add(56, 760, "kst-40112-9", size=6).add(56, 768, "ISSN 1234 - 567X", size=6)
    page.add(56, 790, "Eerste Kamer, vergaderjaar 2031–2032, 40 112, nr. 9", size=8)
    (parsed_page,) = parse_pdf(make_pdf([page])).pages
    body = " ".join(b.text for b in parsed_page.blocks)
    assert "4471203" not in body and "ISSN" not in body and "kst-" not in body and "vergaderjaar" not in body
    assert "4471203" in (parsed_page.header or "")
    assert "Eerste Kamer, vergaderjaar 2031–2032, 40 112, nr. 9" in (parsed_page.footer or "")
    assert "De leden van de commissie" in body


@pytest.mark.parametrize("stamp, address", [
    ("3/14/31, 9:05 PM", "https://raad.oostwold.nl/stukken/8841"),
    ("14-03-2031 21:05", "file:///home/griffie/export/stuk-8841.html"),
    # a long address the browser cuts off with an ellipsis
    ("14-03-2031 21:05", "https://raad.oostwold.nl/vergaderingen/2031/maart/14/motie-bomen-vaart/ …"),
    ("14-03-2031 21:05", "https://raad.oostwold.nl/vergaderingen/2031/maart/14/motie-bom..."),
])
def test_a_browser_s_print_header_and_footer_are_furniture_on_a_single_page(make_pdf, stamp, address):
    """A council system's page printed from a browser carries the print date and time with the
    page's title at the top and its address with "1/1" at the bottom: furniture, no body text."""
    page = Page().add(24, 16, stamp, size=8).add(250, 16, "Motie Bomen langs de Vaart", size=8)
    page.add(28, 52, "Motie Bomen langs de Vaart", size=19, bold=True)
    page.lines(28, 100, ["De raad van de gemeente Oostwold, in vergadering bijeen,",
                         "verzoekt het college langs de Vaart veertig bomen te planten."], size=11)
    page.add(24, 800, address, size=8).add(540, 800, "1/1", size=8)
    (parsed_page,) = parse_pdf(make_pdf([page])).pages
    body = " ".join(b.text for b in parsed_page.blocks)
    assert address not in body and stamp not in body
    assert address in (parsed_page.footer or "") and stamp in (parsed_page.header or "")
    assert "verzoekt het college" in body
