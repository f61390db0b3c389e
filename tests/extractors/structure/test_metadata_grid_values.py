"""Head fields of a record set as a grid of labels and values, and a paper's number named with its kind,
on generated papers (wordings of our own, none from a corpus or batch paper):

- a grid value set a line lower than its label, in the column of the grid's values (the label's own
  row holds none), is that label's value, not the next label under it;
- a line of text right of a sidebar's label, where no grid of values stands, is no value;
- "<kind of paper> nummer" ("Ledenbrief nummer", "Raadsvoorstel nr.") labels the paper's reference;
- a label word in lower case that opens a line after one ending in a comma carries that line on (an
  overview of changes: "…: Wijziging," / "datum ondertekening 12-01-2031, bron …"): no field;
- a subject label printed over every item of a list ("Onderwerp" over each agenda item's name) is the
  items' field: the list keeps its own title.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.pdfs import Page


def _record(name: str, category: str) -> Page:
    page = Page().add(57, 20, "Gemeente Lindewaard", size=9)
    rows = [("Organisatie", "Lindewaard", 0), ("Organisatietype", "Gemeente", 0),
            ("Officiële naam regeling", None, 0), (None, name, 1), ("Uitvoeringsnaam", name, 0),
            ("Vastgesteld door", "college van burgemeester en wethouders", 0), ("Onderwerp", category, 0)]
    top = 70.0
    for label, value, lower in rows:
        if label:
            page.add(57, top, label, size=8.5)
        if value:
            page.add(170, top, value, size=8.5)
        top += 11 if label is None or lower else 14
    page.lines(57, top + 20, ["Het college van burgemeester en wethouders van Lindewaard;",
                              "besluit vast te stellen de volgende regeling."], size=9.5)
    return page


def test_value_a_line_below_its_label_in_the_value_column(make_pdf, documents_of):
    # (the next label, "Uitvoeringsnaam", names no field: it must not be read as the name)
    (doc,) = documents_of(make_pdf([_record("Regeling ondermandaat havenbeheer Lindewaard", "haven en water")]))
    assert doc.metadata.title == "Regeling ondermandaat havenbeheer Lindewaard"


def test_text_beside_a_sidebar_label_is_no_value(make_pdf, documents_of):
    page = Page().add(40, 40, "Gemeente Lindewaard", size=12, bold=True)
    page.add(40, 90, "Team", size=8)
    page.lines(200, 101, ["De gemeente onderhoudt de kademuren langs de haven en herstelt ze waar dat nodig",
                          "is, zodat schepen veilig kunnen afmeren."], size=9.5)
    page.add(40, 140, "Datum", size=8).add(40, 151, "3 maart 2031", size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team is None


def test_paper_number_named_with_its_kind_is_the_reference(make_pdf, documents_of):
    page = Page().add(57, 40, "Vereniging van Waterschappen Noord", size=12, bold=True)
    page.add(57, 80, "Onderwerp: Onderhoud van de dijken in de winter", size=10, bold=True)
    page.add(57, 110, "Informatiebrief nummer", size=9).add(190, 110, "IB-31/07", size=9)
    page.lines(57, 140, ["Geachte leden van het algemeen bestuur,", "Met deze brief informeren wij u over de planning."],
               size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "IB-31/07"


def test_subject_label_over_every_item_is_no_title(make_pdf, documents_of):
    page = Page().add(57, 40, "Gemeente Lindewaard", size=10)
    page.lines(57, 70, ["BESLUITENLIJST VAN DE OPENBARE VERGADERING VAN DE RAAD", "OP 3 MAART 2031"], size=11, leading=14)
    top = 120.0
    for item, text in (("1. Opening en mededelingen.", "De voorzitter opent de vergadering om 19.30 uur."),
                       ("2. Vaststelling van de agenda.", "De agenda wordt zonder wijzigingen vastgesteld."),
                       ("3. Verordening marktgelden 2031.", "Besluit: de raad stelt de verordening vast.")):
        page.add(57, top, "Onderwerp", size=7.5).add(57, top + 11, item, size=9.5)
        page.add(57, top + 26, text, size=9.5)
        top += 50
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title is None
    assert doc.part.title == "BESLUITENLIJST VAN DE OPENBARE VERGADERING VAN DE RAAD OP 3 MAART 2031"


@pytest.mark.parametrize("lines, expected", [
    (["Datum inwerkingtreding 01-02-2031: Wijziging van artikel 4,",
      "datum ondertekening 12-01-2031, bron bekendmaking in het gemeenteblad"], None),
    (["Datum ondertekening: 12-01-2031", "Bron: gemeenteblad"], date(2031, 1, 12)),
])
def test_label_word_carrying_a_line_on_is_no_field(make_pdf, documents_of, lines, expected):
    page = Page().add(57, 40, "Gemeente Lindewaard", size=12, bold=True)
    page.add(57, 80, "Regeling ondermandaat havenbeheer Lindewaard", size=14, bold=True)
    page.add(57, 110, "Overzicht van de wijzigingen", size=10, bold=True)
    page.lines(57, 126, lines, size=9.5, leading=12)
    page.lines(57, 170, ["Het college van burgemeester en wethouders van Lindewaard;",
                         "besluit vast te stellen de volgende regeling."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date == expected


def test_subject_line_and_a_records_subject_category_keep_the_subject(make_pdf, documents_of):
    """The same label printed twice in two ways (the paper's "Onderwerp: …" line, then a record's grid
    with its policy category) labels no items: the subject line titles the paper."""
    page = Page().add(57, 40, "Gemeente Lindewaard", size=12, bold=True)
    page.add(57, 80, "Onderwerp: Beleidsregels ligplaatsen woonboten 2031", size=10, bold=True)
    for k, (label, value) in enumerate((("Organisatie", "Lindewaard"), ("Vastgesteld door", "college"),
                                        ("Onderwerp", "wonen en water"))):
        page.add(57, 120 + 14 * k, label, size=8.5).add(170, 120 + 14 * k, value, size=8.5)
    page.lines(57, 190, ["Het college stelt de volgende beleidsregels vast."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Beleidsregels ligplaatsen woonboten 2031"
