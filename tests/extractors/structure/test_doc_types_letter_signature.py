"""A letter's signature is no besluit's formula, on generated papers (rules/doc_types.toml
formula:besluit_college `not_after`).

The convention: the college named under a letter's closing ("Met vriendelijke groet," over "het
college van burgemeester en wethouders van de gemeente X,") signs the letter; the same line at the
head of a paper, before any closing, opens a college's besluit ("Burgemeester en wethouders van de
gemeente X;" over "gelet op …" and "besluiten:"). A letter to residents signed so is a brief, not a
besluit, whatever its salutation. Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from raadsstukken.extractors.structure.doc_types import classify
from tests.pdfs import Page

LETTER = ["Aan de bewoners van de Kortenhoeflaan en omgeving", "", "Hallo buren uit de wijk Zonnegaarde,",
          "In het voorjaar vervangen wij de waterleiding onder de Kortenhoeflaan door een nieuwe.",
          "Tijdens de werkzaamheden is de straat enkele weken afgesloten voor doorgaand verkeer.",
          "Op onze website leest u hoe u uw woning in die weken kunt bereiken.",
          "Met vriendelijke groet,",
          "het college van burgemeester en wethouders van de gemeente Lindeloo,"]


def _page(lines: list[str]) -> Page:
    page = Page().add(56, 40, "Gemeente Lindeloo", size=12, bold=True)
    page.add(56, 70, "Werkzaamheden aan de waterleiding", size=14, bold=True)
    page.lines(56, 110, [ln for ln in lines if ln], size=10, leading=16)
    return page


def test_a_letter_signed_by_the_college_is_a_brief(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf([_page(LETTER)]))
    assert doc.part.doc_type == "brief"


def test_the_colleges_formula_before_any_closing_still_opens_a_besluit():
    lines = ["Burgemeester en wethouders van de gemeente Lindeloo;", "gelet op artikel 160 van de Gemeentewet;",
             "besluiten:", "de parkeervergunning voor de Kortenhoeflaan te verlengen tot 1 juli 2032."]
    found = classify(["Verlenging parkeervergunning Kortenhoeflaan"], lines)
    assert found is not None and found.doc_type == "besluit" and "formula:besluit_college" in found.cues


def test_the_colleges_name_under_the_closing_counts_for_no_besluit():
    found = classify(["Werkzaamheden aan de waterleiding"], [ln for ln in LETTER if ln])
    assert found is not None and found.doc_type == "brief" and "formula:besluit_college" not in found.cues
