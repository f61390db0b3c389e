"""The body that decides makes the kind of a paper its layout types "Besluit", on generated papers.

The convention: an export prints the same kind word ("BESLUIT") over every decision it publishes;
the body named in the formula ("De raad van de gemeente X,", "Provinciale Staten van Y;"), a
"gezien het voorstel van het college" line or a "Vastgesteld door: gemeenteraad" head row makes it
the council's decision (raadsbesluit). A paper of the same layout that the college decides stays a
besluit. Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from tests.pdfs import Page


HEAD_ROWS = [("Organisatie", "Hoogmeer"), ("Soort regeling", "verordening"), ("Onderwerp", "economische zaken"),
             ("Datum ondertekening", "2 mei 2030"), ("Bron", "Gemeenteblad 2030, 77"), ("Kenmerk", "2030-0412")]
"""The head rows of a published regulation: the formula under them sits below the paper's first lines."""


def _export(title: str, lines: list[str], head_rows: list[tuple[str, str]] = ()) -> Page:
    page = Page().add(56, 36, "Gemeente Hoogmeer", size=12, bold=True).add(470, 38, "BESLUIT", size=10, bold=True)
    top = 80.0
    for label, value in head_rows:
        page.add(60, top, label, size=8.5, bold=True).add(200, top, value, size=9)
        top += 20
    page.add(56, top + 10, title, size=12, bold=True)
    page.lines(56, top + 34, lines, size=9.5)
    return page


def _kind(documents_of, make_pdf, page: Page) -> str:
    (doc,) = documents_of(make_pdf([page]))
    return doc.part.doc_type


def test_council_formula_under_a_besluit_type_line_is_a_raadsbesluit(make_pdf, documents_of):
    page = _export("Marktverordening Hoogmeer 2030", [
        "De raad van de gemeente Hoogmeer,", "gelet op artikel 149 van de Gemeentewet;",
        "besluit", "vast te stellen de volgende verordening:", "Artikel 1. De markt wordt op zaterdag gehouden."],
        head_rows=HEAD_ROWS)
    assert _kind(documents_of, make_pdf, page) == "raadsbesluit"


def test_adopted_by_council_head_row_is_a_raadsbesluit(make_pdf, documents_of):
    page = _export("Regeling gehandicaptenparkeerplaatsen", [
        "gezien het voorstel van het college van 4 februari 2030;", "gelet op de Wegenverkeerswet 1994;",
        "besluit:", "de volgende regeling vast te stellen."],
        head_rows=[("Organisatietype", "Gemeente"), ("Vastgesteld door", "gemeenteraad"), ("Datum ondertekening", "14-03-2030")])
    assert _kind(documents_of, make_pdf, page) == "raadsbesluit"


def test_provincial_council_formula_under_a_besluit_type_line_is_a_raadsbesluit(make_pdf, documents_of):
    page = _export("Verordening natuurbeheer Oostmark", [
        "Provinciale Staten van Oostmark;", "overwegende dat het beheer van de heide een regeling vraagt;",
        "besluiten:", "vast te stellen de Verordening natuurbeheer Oostmark."],
        head_rows=[("Uitgegeven door", "Provincie Oostmark"), ("Soort regeling", "verordening"), ("Jaargang", "2030"),
                   ("Nummer", "118"), ("Rechtsgebied", "natuur"), ("Inwerkingtreding", "1 juli 2030")])
    assert _kind(documents_of, make_pdf, page) == "raadsbesluit"


def test_college_decision_under_a_besluit_type_line_stays_a_besluit(make_pdf, documents_of):
    page = _export("Aanwijzing van de toezichthouders leerplicht", [
        "Burgemeester en wethouders van de gemeente Hoogmeer;", "gelet op artikel 16 van de Leerplichtwet 1969;",
        "besluiten:", "de leerplichtambtenaren aan te wijzen als toezichthouder."],
        head_rows=[("Vastgesteld door", "college van burgemeester en wethouders")])
    assert _kind(documents_of, make_pdf, page) == "besluit"
