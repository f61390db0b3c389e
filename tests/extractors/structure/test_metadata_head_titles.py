"""Titles, references and item fields at a paper's head, on generated papers (wordings of our own, none from
a corpus or batch paper):

- a form that prints no title block may print the title in a row of its own over the head rows: the first
  block of the page, bold, larger than the text, in a type no other block uses, the head rows' labels under
  it ("Zaaknummer:") — the paper's title;
- a line set smaller than the text that names a kind of paper ("MOTIE NR" as a box's tab label) is no title;
- a reference printed after the kind of paper it numbers ("Raadsvoorstel 2031.044.0012") is the number;
- a portfolio holder printed under a numbered item of a besluitenlijst is the item's, not the list's, also
  where only one item prints one.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

DICTUM = ["De raad van de gemeente Elsweide, in vergadering bijeen,",
          "verzoekt het college de bibliotheek in Noordeinde open te houden,",
          "en gaat over tot de orde van de dag."]


@pytest.mark.parametrize("title, first_label", [
    ("Herinrichting van het Marktplein", "Zaaknummer:"),
    ("Bestemmingsplan Kanaalzone-Noord", "Gemeenteraad:"),
    ("Subsidieregeling dorpshuizen 2031", "Portefeuillehouder:"),
])
def test_a_title_row_over_the_head_rows_is_the_title(make_pdf, documents_of, title, first_label):
    page = Page().add(57, 40, title, size=12.5, bold=True)
    for k, (label, value) in enumerate([(first_label, "Z-31-0412"), ("Raadsvergadering:", "12 mei 2031"),
                                        ("Team:", "Ruimte")]):
        page.add(57, 64 + 12 * k, label, size=8.5).add(190, 64 + 12 * k, value, size=8.5)
    page.add(57, 120, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, 136, ["1. Het plan vast te stellen;", "2. Het college te vragen het plan uit te voeren."], size=10.5)
    page.add(57, 180, "Inleiding", size=10.5, bold=True)
    page.lines(57, 196, ["Het plan is in overleg met de bewoners en de ondernemers opgesteld."], size=10.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == title


def test_a_bold_heading_over_running_text_is_no_title_row(make_pdf, documents_of):
    page = Page().add(57, 40, "Inleiding", size=12.5, bold=True)
    page.lines(57, 64, ["Het plan is in overleg met de bewoners en de ondernemers opgesteld.",
                        "Het college legt het de raad na de zomer voor."], size=10.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title is None


@pytest.mark.parametrize("tab", ["MOTIE NR", "AMENDEMENT NR.", "MOTIENUMMER"])
def test_a_tab_label_naming_the_kind_is_no_title(make_pdf, documents_of, tab):
    page = Page().add(56, 40, "Gemeente Elsweide", size=11, bold=True)
    page.add(58, 80, "DATUM", size=6.5, bold=True).add(223, 80, tab, size=6.5, bold=True)
    page.add(59, 92, "3 maart 2031", size=8).add(224, 92, "EW-31/07", size=8)
    page.add(56, 130, "Motie Bibliotheek Noordeinde", size=11, bold=True)
    page.lines(56, 160, DICTUM, size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.metadata.title or doc.part.title) == "Motie Bibliotheek Noordeinde"


@pytest.mark.parametrize("value, expected", [
    ("Raadsvoorstel 2031.044.0012", "2031.044.0012"),
    ("Besluit 2031/117", "2031/117"),
    ("Raadsbesluit RB-31-09", "RB-31-09"),
])
def test_a_reference_after_the_kind_it_numbers(make_pdf, documents_of, value, expected):
    page = Page().add(57, 40, "Raadsbesluit", size=11).add(57, 58, "Verordening marktgelden 2031", size=15, bold=True)
    page.add(57, 90, "Kenmerk voorstel", size=9).add(190, 90, value, size=9)
    page.lines(57, 120, ["De raad van de gemeente Elsweide;", "besluit:", "vast te stellen de Verordening marktgelden 2031."],
               size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == expected


@pytest.mark.parametrize("item", ["3. Subsidieregeling dorpshuizen", "4.b Verkeersplan Noordeinde",
                                  "2a. Onderhoud van de kademuren"])
def test_a_portfolio_holder_under_an_item_is_the_items(make_pdf, documents_of, item):
    page = Page().add(57, 40, "Gemeente Elsweide", size=10)
    page.add(57, 60, "Besluitenlijst college 21 maart 2031", size=15, bold=True)
    page.add(57, 100, "1. Opening", size=11, bold=True)
    page.lines(57, 116, ["De voorzitter opent de vergadering."], size=10)
    page.add(57, 140, item, size=11, bold=True)
    page.add(57, 156, "Portefeuillehouder: J. de Wilde", size=9)
    page.lines(57, 170, ["Besluit:", "Conform vastgesteld."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.portfolio_holder is None
