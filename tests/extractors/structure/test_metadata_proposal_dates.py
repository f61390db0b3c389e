"""A proposal to the assembly dates the meeting it is put to, on generated papers (wordings of our own, none
from a corpus or batch paper): its "Datum vergadering" / "Vergaderdatum" row is no decision date (the
assembly decides there, later); a besluitenlijst's meeting date stays its decision date.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("label", ["Datum vergadering", "Vergaderdatum", "Datum raadsvergadering"])
def test_a_proposals_meeting_date_is_no_decision_date(make_pdf, documents_of, label):
    page = Page().add(57, 40, "Raadsvoorstel", size=11).add(57, 58, "Onderhoud van de kademuren", size=15, bold=True)
    page.add(57, 90, label, size=8.5).add(190, 90, "14 oktober 2031", size=8.5)
    page.add(57, 102, "Zaaknummer", size=8.5).add(190, 102, "Z-31-0412", size=8.5)
    page.add(57, 130, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, 146, ["1. Het onderhoudsplan voor de kademuren vast te stellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "raadsvoorstel"
    assert doc.metadata.decision_date is None


def test_a_lists_meeting_date_stays_its_decision_date(make_pdf, documents_of):
    page = Page().add(57, 40, "Besluitenlijst", size=15, bold=True)
    page.add(57, 70, "Vergaderdatum", size=8.5).add(190, 70, "14 oktober 2031", size=8.5)
    page.add(57, 100, "1. Opening", size=11, bold=True)
    page.lines(57, 116, ["Besluit:", "De agenda wordt vastgesteld."], size=10)
    page.add(57, 150, "2. Verordening marktgelden", size=11, bold=True)
    page.lines(57, 166, ["Besluit:", "Conform vastgesteld."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date == date(2031, 10, 14)
