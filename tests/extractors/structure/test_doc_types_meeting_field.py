"""A decision intro that a proposal to the assembly and a nota to the college both print ("Voorgesteld
besluit") types the paper by the meeting its head rows date (rules/doc_types.toml field:council_meeting):
a row dating the council's (or its committee's, or the Staten's) meeting makes it the assembly's proposal
(raadsvoorstel); without one it stays the college's advice. Generated papers, wordings of our own.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page


def _paper(rows: list[tuple[str, str]]) -> Page:
    page = Page().add(57, 40, "Gemeente Brinkhoven", size=10, bold=True)
    page.add(57, 62, "Aanleg van een fietsbrug over de Vliet", size=13, bold=True)
    top = 92.0
    for label, value in rows:
        page.add(57, top, label, size=8.5).add(190, top, value, size=8.5)
        top += 12
    page.add(57, top + 18, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, top + 34, ["1. Het ontwerp van de fietsbrug vast te stellen;",
                              "2. Een krediet van 1,8 miljoen euro beschikbaar te stellen."], size=10)
    return page


@pytest.mark.parametrize("row", [
    ("Raadsvergadering:", "14 oktober 2031"),
    ("Datum raadscommissie", "2-10-2031"),
    ("Statenvergadering d.d.", "dinsdag 7 oktober 2031"),
])
def test_a_row_dating_the_assemblys_meeting_makes_a_raadsvoorstel(make_pdf, documents_of, row):
    (doc,) = documents_of(make_pdf([_paper([("Zaaknummer:", "Z31-0081"), row, ("Portefeuillehouder:", "P. Kramer")])]))
    assert doc.part.doc_type == "raadsvoorstel", doc.part.method


@pytest.mark.parametrize("row", [("Collegevergadering:", "30 september 2031"), ("Afdeling:", "Verkeer")])
def test_without_such_a_row_the_intro_stays_advice_to_the_college(make_pdf, documents_of, row):
    (doc,) = documents_of(make_pdf([_paper([("Zaaknummer:", "Z31-0081"), row])]))
    assert doc.part.doc_type == "nota_bw", doc.part.method
