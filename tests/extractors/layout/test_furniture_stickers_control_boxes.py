"""Furniture a template or a document system adds to a paper, on generated pages (wordings of our own,
none from a corpus or batch paper), rules/page_furniture.toml [sticker], [control_box], [breadcrumb]:

- a registration sticker (a barcode of thin bars in two widths or more, with the system's numbers in its
  frame or right under it) numbers the system's record, not the paper: its lines are furniture (the page's
  header, method "sticker"), never section text and never the paper's reference; bars of one width (a
  hatching) make no barcode and the lines by them stay text;
- a head box of labels over values that repeats a label and value pair the same page's running foot prints
  (a document-control box) is the template's copy of its furniture: furniture as a whole; a letter's head
  band whose number only a later page's running head repeats stays the paper's own (its reference);
- a navigation path of three parts or more at the page's top edge ("X › Y › Z") is furniture, on a single
  page too; a short trail of two parts stays text.
"""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page

BODY = ["De commissie bespreekt de plannen voor het nieuwe zwembad aan de Meerkoetlaan.",
        "Het college licht de raming toe en beantwoordt de vragen van de leden.",
        "De voorzitter sluit de bespreking na een korte ronde."]


def _barcode(page: Page, x: float, top: float, widths: tuple[float, ...] = (0.5, 1.1, 0.5, 0.8)) -> float:
    """Bars of the given widths in turn, 0.6 points apart; returns the right edge."""
    for k in range(40):
        w = widths[k % len(widths)]
        page.rect(x, top, x + w, top + 28, fill=True)
        x += w + 0.6
    return x


def _paper(page: Page, top: float = 150) -> Page:
    page.add(56, top, "Verslag commissie Samenleving", size=14, bold=True)
    page.lines(56, top + 30, BODY, size=10)
    return page


def test_a_framed_registration_sticker_is_furniture_and_no_reference(make_pdf, documents_of):
    page = Page().add(56, 40, "Gemeente Rietwolde", size=11, bold=True)
    page.rect(380, 30, 540, 110)
    _barcode(page, 392, 40)
    page.add(392, 76, "Registratienr. 5521907", size=7.5).add(392, 90, "Zaaknr. ZK-31-0442", size=7.5)
    path = make_pdf([_paper(page)])
    (parsed,) = parse_pdf(path).pages
    body = " ".join(b.text for b in parsed.blocks)
    assert "ZK-31-0442" in (parsed.header or "") and "5521907" in (parsed.header or "")
    assert "ZK-31-0442" not in body and "5521907" not in body
    assert "sticker" in parsed.furniture_method and "Meerkoetlaan" in body
    (doc,) = documents_of(path)
    assert doc.metadata.reference is None


def test_an_unframed_barcode_takes_the_lines_right_under_it(make_pdf):
    page = Page().add(56, 40, "Gemeente Rietwolde", size=11, bold=True)
    _barcode(page, 400, 36)
    page.add(400, 70, "Ontvangen 4 april 2031", size=7.5).add(400, 82, "Volgnr. 0088213", size=7.5)
    (parsed,) = parse_pdf(make_pdf([_paper(page)])).pages
    assert "0088213" in (parsed.header or "") and "Ontvangen 4 april 2031" in (parsed.header or "")
    assert "0088213" not in " ".join(b.text for b in parsed.blocks)


def test_bars_of_one_width_are_no_barcode(make_pdf):
    page = Page().add(56, 40, "Gemeente Rietwolde", size=11, bold=True)
    _barcode(page, 400, 36, widths=(0.8,))
    page.add(400, 70, "Legenda 2031", size=7.5)
    (parsed,) = parse_pdf(make_pdf([_paper(page)])).pages
    assert "Legenda 2031" in " ".join(b.text for b in parsed.blocks)


def _control_box(page: Page, number: str) -> Page:
    for k, (label, value) in enumerate([("Kenmerkcode", number), ("Uitgave", "2.3"), ("Niveau", "Intern")]):
        x = 56 + 160 * k
        page.rect(x, 60, x + 160, 92)
        page.add(x + 6, 64, label, size=7, bold=True).add(x + 6, 78, value, size=8.5)
    return page


def test_a_head_box_repeating_the_pages_running_foot_is_furniture(make_pdf):
    page = _control_box(Page().add(56, 30, "Gemeente Rietwolde", size=7.5), "RW-40917")
    page.add(56, 800, "Kenmerkcode RW-40917", size=7.5).add(470, 800, "pagina 1 van 1", size=7.5)
    (parsed,) = parse_pdf(make_pdf([_paper(page)])).pages
    body = " ".join(b.text for b in parsed.blocks)
    assert "RW-40917" not in body and "Uitgave" not in body
    assert "control_box" in parsed.furniture_method and "Meerkoetlaan" in body


def test_a_head_band_that_only_a_later_page_repeats_stays_the_papers_own(make_pdf):
    first = _paper(_control_box(Page().add(56, 30, "Gemeente Rietwolde", size=7.5), "RW-40917"))
    second = Page().add(56, 30, "Kenmerkcode RW-40917", size=7.5).add(470, 30, "pagina 2 van 2", size=7.5)
    second.lines(56, 80, BODY, size=10)
    page1, _ = parse_pdf(make_pdf([first, second])).pages
    assert "RW-40917" in " ".join(b.text for b in page1.blocks)


def test_a_navigation_path_at_the_top_edge_is_furniture(make_pdf):
    page = Page().add(56, 24, "Gemeente Rietwolde › Commissies › 12 mei 2031 › 4.b", size=8)
    (parsed,) = parse_pdf(make_pdf([_paper(page, 80)])).pages
    assert "4.b" in (parsed.header or "") and "Commissies" not in " ".join(b.text for b in parsed.blocks)


def test_a_short_trail_stays_text(make_pdf):
    page = Page().add(56, 24, "Start › Verslagen", size=8)
    (parsed,) = parse_pdf(make_pdf([_paper(page, 80)])).pages
    assert "Start › Verslagen" in " ".join(b.text for b in parsed.blocks)
