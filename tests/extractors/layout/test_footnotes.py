"""Footnotes stay apart from the paragraph they interrupt; footnote calls leave the sentence."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.records import BlockKind
from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page


def _page_with_footnote() -> Page:
    page = Page()
    page.add(56, 80, "Het aantal meldingen van overlast nam het afgelopen jaar toe")
    page.add(359, 78, "3", size=6, rise=4)
    page.add(56, 93, "en de gemeente wil daarom het toezicht in de avonduren")
    page.add(56, 106, "uitbreiden met twee handhavers.")
    page.add(56, 740, "3 Bron: registratie van de wijkagenten over het jaar 2023.", size=7.5)
    return page


def test_footnote_call_is_dropped_and_footnote_kept_apart(make_pdf, sections_of):
    path = make_pdf([_page_with_footnote()])
    parsed = parse_pdf(path)
    kinds = [b.kind for b in parsed.pages[0].blocks]
    assert BlockKind.FOOTNOTE in kinds
    text = " ".join(" ".join(s.text.split()) for s in sections_of(path))
    sentence = ("Het aantal meldingen van overlast nam het afgelopen jaar toe en de gemeente wil daarom "
                "het toezicht in de avonduren uitbreiden met twee handhavers.")
    assert sentence in text
    assert text.index(sentence) < text.index("3 Bron: registratie")


def test_footnote_in_the_middle_of_a_page_does_not_split_a_paragraph(make_pdf, sections_of):
    page = Page()
    page.add(56, 80, "De raad heeft het plan in maart besproken")
    page.add(262, 78, "1", size=6, rise=4)
    page.add(56, 110, "1 Zie het verslag van de vergadering van 12 maart.", size=7.5)
    page.add(310, 80, "en daarna met een kleine wijziging")
    page.add(310, 93, "vastgesteld.")
    text = " ".join(" ".join(s.text.split()) for s in sections_of(make_pdf([page])))
    assert "De raad heeft het plan in maart besproken en daarna met een kleine wijziging vastgesteld." in text


@pytest.mark.parametrize("heading", ["7 Benoeming van de leden van de rekenkamer", "12 Vragenhalfuur voor de inwoners",
                                     "4 Verordening op de wijkraden"])
def test_a_numbered_margin_heading_beside_its_text_at_the_foot_is_no_footnote(make_pdf, sections_of, heading):
    """Convention of minutes set with a margin column: the agenda item's number and subject stand
    in the margin beside the first line of its text, in smaller bold type, also at the foot of a
    page; a footnote has no text beside it."""
    page = Page()
    y = 90
    for _ in range(12):
        page.lines(190, y, ["De voorzitter geeft het woord aan de woordvoerders van de fracties, die",
                            "ieder kort reageren op het voorstel van het college."], size=10.5, leading=13)
        y += 40
    words = heading.split()
    page.lines(57, y, [" ".join(words[:3]), " ".join(words[3:])], size=9, bold=True, leading=11)
    page.lines(190, y, ["De voorzitter: de volgende kandidaten worden voorgedragen voor de benoeming."],
               size=10.5)
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert [" ".join(h.split()) for h in headings] == [" ".join(heading.split())]
