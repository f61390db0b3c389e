"""A following page's reference line: small type in the top band of a page with a page label
(rules/page_furniture.toml [continuation]). A paper of two pages prints it once, so it does not
repeat. Wordings are invented; none comes from a corpus or fresh paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page

TEXT = ["Het dagelijks bestuur stelt voor de stuw bij de molen in het voorjaar te vervangen.",
        "De kosten blijven binnen het krediet dat vorig jaar voor de kunstwerken is gegeven.",
        "Omwonenden worden in een bijeenkomst in het dorpshuis over de werkzaamheden ingelicht."]


def _paper(reference: str, label: str, label_top: float) -> list[Page]:
    first = Page().add(70, 60, "Notulen vergadering algemeen bestuur", size=14, bold=True)
    first.lines(70, 110, TEXT * 3)
    second = Page().add(280, label_top, label, size=10)
    second.add(70, 66, reference, size=8)
    second.lines(70, 120, TEXT)
    return [first, second]


@pytest.mark.parametrize("reference, label, label_top", [
    ("Waterschap Noorderzijl, notulen 3 maart 2031", "- 2 -", 40),
    ("Datum 3 maart 2031   Ons kenmerk 31/0042", "blad 2 van 2", 800),
    ("Gemeente Ooststrand | verslag commissie 12-11-2030", "Pagina 2 van 2", 805),
])
def test_the_reference_line_of_a_following_page_is_furniture(make_pdf, reference, label, label_top):
    """Convention of letters and minutes: a following page opens with the paper's reference line
    in small type (its body, kind and date, or "Datum … Ons kenmerk …") by its page number: a
    running header, also where no other page repeats it."""
    pages = parse_pdf(make_pdf(_paper(reference, label, label_top))).pages
    assert pages[1].header is not None and reference.split()[0] in pages[1].header
    assert not any(reference in b.text for p in pages for b in p.blocks)


def test_without_a_page_label_the_small_line_stays_text(make_pdf):
    """Only a numbered following page says the line is its furniture: without a label it is text."""
    pages = _paper("Toelichting bij de begroting van de stuw", "", 40)
    pages[1].texts = [t for t in pages[1].texts if t.text]
    parsed = parse_pdf(make_pdf(pages)).pages
    assert any("Toelichting bij de begroting" in b.text for b in parsed[1].blocks)


def test_a_first_pages_small_top_line_stays_text(make_pdf):
    """A first page's small line at the top (a sender's line over the title) is no following
    page's reference line."""
    page = Page().add(70, 40, "Pagina 1 van 1", size=10)
    page.add(70, 66, "Retour aan het secretariaat van het bestuur", size=8)
    page.lines(70, 120, TEXT)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert any("Retour aan het secretariaat" in b.text for b in parsed.blocks)


def test_a_bodys_name_alone_at_a_following_pages_top_stays_text(make_pdf):
    """A body's name in small type at the top of a following page, with no date or number, may be
    the letterhead of an annex starting there: it stays text for the split to read."""
    pages = _paper("Hoogheemraadschap Zeevang", "- 2 -", 40)
    parsed = parse_pdf(make_pdf(pages)).pages
    assert any("Hoogheemraadschap Zeevang" in b.text for b in parsed[1].blocks)
