"""A paper's numbers and head-row labels, on generated papers (wordings of our own, none from a corpus or
batch paper):

- a motion's or amendment's number under its kind's label ("Motie nr.", "Amendementnummer") is its reference;
- a paper that prints its own number named by its kind ("Voorstelnummer", "Raadsvoorstel nr.") beside the
  number of its case ("Zaaknummer", "Dossiernummer") is referred to by its own number, printed first or not;
- a label printed with a plural mark in brackets ("Opsteller(s)", "Behandelaar(s)") is a label: never the
  value (or the name of a unit) of the label above it;
- a register number the template prints in the page's top corner under its register's label ("Registratie-
  nummer 123456") is page furniture, also on a single page: no reference and no body text.
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page

TEXT = ["De raad van de gemeente Veldhoven-Oost, in vergadering bijeen,",
        "verzoekt het college de speeltuin aan de Beukenlaan dit voorjaar te herstellen,",
        "en gaat over tot de orde van de dag."]


@pytest.mark.parametrize("label, number", [
    ("Motie nr.:", "VO-14/2031"),
    ("Amendement nummer", "A-2031-07"),
    ("Motienummer", "M31.118"),
])
def test_a_motions_number_under_its_kinds_label_is_the_reference(make_pdf, documents_of, label, number):
    page = Page().add(57, 40, "Motie Speeltuin Beukenlaan", size=15, bold=True)
    page.add(57, 75, "Datum: 4 april 2031", size=9.5)
    page.add(57, 89, label, size=9.5).add(170, 89, number, size=9.5)
    page.lines(57, 120, TEXT, size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == number


@pytest.mark.parametrize("rows, expected", [
    ([("Zaaknummer", "Z-31-00412"), ("Voorstelnummer", "RV31.044")], "RV31.044"),
    ([("Raadsvoorstel nr.", "2031-17"), ("Dossiernummer", "DOS-5512")], "2031-17"),
    ([("Kenmerk", "INT/31/8841"), ("Raadsvoorstelnummer", "R-0093")], "R-0093"),
])
def test_a_papers_own_number_before_its_case_number(make_pdf, documents_of, rows, expected):
    page = Page().add(57, 40, "Raadsvoorstel", size=11).add(57, 58, "Herinrichting van het Marktplein", size=15, bold=True)
    top = 90.0
    for label, value in rows:
        page.add(57, top, label, size=9).add(180, top, value, size=9)
        top += 13
    page.add(57, top + 20, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, top + 36, ["1. Het ontwerp voor het Marktplein vast te stellen;",
                              "2. Een krediet van 2 miljoen euro beschikbaar te stellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == expected


@pytest.mark.parametrize("next_label", ["Opsteller(s)", "Behandelaar(s)", "Contactpersoon(en)"])
def test_a_label_with_a_plural_mark_is_no_unit_name(make_pdf, documents_of, next_label):
    # the labels in one column, their values in another: "Team" over the next label is no unit "Team …"
    page = Page().add(57, 40, "Raadsvoorstel", size=11).add(57, 58, "Onderhoud van de kademuren", size=15, bold=True)
    labels = ["Raadsvergadering", "Team", next_label, "Bijlagen"]
    values = ["12 mei 2031", "Openbare Ruimte", "J. de Wilde", "2"]
    for k, (label, value) in enumerate(zip(labels, values)):
        page.add(57, 90 + 12 * k, label, size=8.5).add(190, 90 + 12 * k, value, size=8.5)
    page.add(57, 160, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, 176, ["1. Het onderhoudsplan voor de kademuren vast te stellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team == "Openbare Ruimte"


@pytest.mark.parametrize("label", ["Registratienummer 734120", "Documentnr. 2031/004417", "Volgnummer: 88412"])
def test_a_register_number_in_the_top_corner_is_furniture(make_pdf, documents_of, label):
    page = Page().add(430, 22, label, size=7.5)
    page.add(57, 60, "Gemeente Veldhoven-Oost", size=9)
    page.add(57, 76, "Motie Speeltuin Beukenlaan", size=15, bold=True)
    page.lines(57, 120, TEXT, size=10)
    path = make_pdf([page])
    (parsed,) = parse_pdf(path).pages
    assert label in (parsed.header or "")
    assert label not in " ".join(b.text for b in parsed.blocks)
    (doc,) = documents_of(path)
    assert doc.metadata.reference is None
    assert doc.part.doc_type == "motie"
