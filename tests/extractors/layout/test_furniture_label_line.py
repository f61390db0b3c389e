"""A head or foot line that holds the page label is furniture as a whole, repeated or not.

A one-page paper prints its foot line once ("body | kind | date … Pagina 1 van 1"): it does not
repeat, but the page label on its baseline makes the whole line furniture (rules/page_furniture.toml
[page_label] same_line). Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page

BODY = ["De gemeente onderzoekt of de kade bij de jachthaven kan worden verlengd met twintig meter.",
        "Het onderzoek is klaar voor de zomer en wordt daarna met de omwonenden besproken."]


@pytest.mark.parametrize("left, label, top", [
    ("Gemeente Zandhoven | Notitie | 03-04-2031", "Pagina 1 van 1", 800),
    ("Waterschap De Lage Polders · memo · kenmerk 2031/0088", "blz. 1/1", 805),
    ("Provincie Noordmark - besluit GS 12 maart 2031", "page 1 of 1", 30),
])
def test_segments_on_the_page_labels_line_are_furniture(make_pdf, left, label, top):
    page = Page()
    page.lines(56, 120, BODY)
    page.add(56, top, left, size=8).add(470, top, label, size=8)
    if top > 400:
        page.line(56, top - 6, 540, top - 6)  # the rule over the foot line
    (parsed,) = parse_pdf(make_pdf([page])).pages
    text = " ".join(b.text for b in parsed.blocks)
    assert left not in text and label not in text
    band = parsed.footer if top > 400 else parsed.header
    assert band is not None and left in band and label in band


def test_a_line_under_the_text_without_a_label_stays_text(make_pdf):
    page = Page()
    page.lines(56, 120, BODY)
    page.add(56, 800, "Zie ook de kaart op de website van de gemeente.", size=8)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert "Zie ook de kaart" in " ".join(b.text for b in parsed.blocks)
