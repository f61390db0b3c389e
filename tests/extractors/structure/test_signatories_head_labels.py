"""A meeting record's head row that sets a role small over a name is no signature, on generated papers
(wordings of our own): the label "VOORZITTER" in small capitals over "A.B. Dijkman" names who chaired;
a sign-off sets its role line and the name in one type."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.signatories import find_signatories
from tests.pdfs import Page


@pytest.mark.parametrize("role_size, expected", [(7.0, []), (9.0, [("voorzitter", "A.B. Dijkman")])])
def test_small_role_label_over_a_name_is_a_head_row(make_pdf, role_size, expected):
    page = Page().add(60, 40, "Gemeente Lindewaard", size=10, bold=True)
    page.add(60, 80, "Besluitenlijst van de raadsvergadering van 3 maart 2031", size=14, bold=True)
    page.add(60, 110, "VOORZITTER", size=role_size, bold=True).add(60, 121, "A.B. Dijkman", size=9)
    page.lines(60, 150, ["1. Opening", "De voorzitter opent de vergadering om 19.30 uur."], size=9)
    found = find_signatories(parse_pdf(make_pdf([page])).pages)
    assert [(s.role, s.name) for s in found] == expected
