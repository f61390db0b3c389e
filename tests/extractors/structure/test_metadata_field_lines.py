"""House styles that print a paper's head rows in other ways than "label: value", on generated
papers in wordings of our own:

- a grid of labels stacked over their values: a row of small labels, each value under its label
  in a larger type (the cell beside a label is the next label, one the rules need not know);
- the fields on one line, set apart by middle dots ("Kenmerk 12 · Datum 3 maart 2031 · …").
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.pdfs import Page

COLUMNS = (60, 220, 380)


def _paper(head: Page) -> Page:
    head.lines(60, 200, ["Het college stelt de raad voor in te stemmen met de aanpak die in deze nota",
                         "wordt beschreven en de kosten te dekken uit de algemene reserve."], size=10)
    return head


@pytest.mark.parametrize("labels, values, day", [
    (("Zaaknummer", "Behandelend ambtenaar", "Datum"), ("Z-2032-118", "P. Verbeek", "3 maart 2032"), date(2032, 3, 3)),
    (("Kenmerk", "Ingebracht door", "Datum"), ("2032/4471", "Fractie Dorpsbelang", "14 april 2032"), date(2032, 4, 14)),
    (("Registratienummer", "Vergaderstuk", "Datum"), ("RV-32-09", "Nota kademuren", "1 juni 2032"), date(2032, 6, 1)),
])
def test_labels_stacked_over_their_values_in_a_grid(make_pdf, documents_of, labels, values, day):
    page = Page().add(60, 50, "Gemeente Noorderhaven", size=11, bold=True)
    page.add(60, 90, "Kademuren langs de Oude Haven", size=16, bold=True)
    for x, label, value in zip(COLUMNS, labels, values):
        page.add(x, 124, label, size=6.5).add(x, 134, value, size=9)
    (doc,) = documents_of(make_pdf([_paper(page)]))
    assert doc.metadata.reference == values[0]
    assert doc.metadata.document_date == day


@pytest.mark.parametrize("line, reference, day", [
    ("Kenmerk 2032/771 · Datum 4 april 2032 · Portefeuillehouder M. Smit", "2032/771", date(2032, 4, 4)),
    ("Zaaknummer Z-88-2032 · Afdeling Ruimte · Datum 12 mei 2032", "Z-88-2032", date(2032, 5, 12)),
    ("Agendapunt 7 · Registratienummer 2032-0415 · Datum 30 juni 2032", "2032-0415", date(2032, 6, 30)),
])
def test_fields_set_apart_by_middle_dots_on_one_line(make_pdf, documents_of, line, reference, day):
    page = Page().add(200, 50, "GEMEENTE NOORDERHAVEN", size=9)
    page.add(180, 70, "Herinrichting van het stationsplein", size=15, bold=True)
    page.add(60, 100, line, size=9)
    (doc,) = documents_of(make_pdf([_paper(page)]))
    assert doc.metadata.reference == reference
    assert doc.metadata.document_date == day


def test_a_phrase_with_one_middle_dot_is_no_field_line(make_pdf, documents_of):
    page = Page().add(60, 50, "Gemeente Noorderhaven", size=11, bold=True)
    page.add(60, 90, "Kademuren langs de Oude Haven", size=16, bold=True)
    page.add(60, 120, "Kenmerk van de nota · Datum volgt", size=9)
    (doc,) = documents_of(make_pdf([_paper(page)]))
    assert doc.metadata.reference is None and doc.metadata.document_date is None
