"""A note that advises the council's committee to put a proposal to the council, on generated papers in
wordings of our own (issue 13, fresh13 development batch)."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("advised", ["De raadscommissie wordt geadviseerd:", "De commissie Ruimte en Wonen wordt voorgesteld:",
                                     "Uw commissie wordt gevraagd:"])
def test_a_note_advising_the_council_s_committee_is_a_raadsvoorstel(make_pdf, documents_of, advised):
    """Convention: a committee of the council prepares its decisions; a note under a bare kind line
    ("Nota") that advises the committee to send the proposal to the council with its advice is a paper
    for the council (raadsvoorstel), no advice to the college, and the point under the advice is its
    decision."""
    page = Page().add(56, 36, "Gemeente Veldhoven-Oost", size=12, bold=True)
    page.add(56, 60, "Nota", size=12, bold=True)
    page.add(56, 86, "Nieuwe vergaderorde van de raad", size=13, bold=True)
    page.add(56, 116, "1. Aanleiding", size=10.5, bold=True)
    page.lines(56, 134, ["Het presidium vroeg de griffie een voorstel te doen voor een andere vergaderorde,",
                         "met minder avonden en meer ruimte voor inwoners die willen inspreken."], size=10)
    page.add(56, 176, "2. Advies", size=10.5, bold=True)
    page.add(56, 194, advised, size=10)
    page.lines(56, 210, ["- de nieuwe vergaderorde te steunen en met een positief advies voor te leggen aan",
                         "de raad van 4 maart."], size=10)
    page.add(56, 248, "3. Toelichting", size=10.5, bold=True)
    page.lines(56, 266, ["De raad vergadert straks eens per maand op dinsdag; de commissies de week ervoor."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "raadsvoorstel"
    assert [d.text for d in doc.decisions] == [
        "de nieuwe vergaderorde te steunen en met een positief advies voor te leggen aan de raad van 4 maart."]
