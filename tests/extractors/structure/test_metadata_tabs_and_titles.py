"""Head rows set as boxes with tab labels, dates inside a form's grid, and a title written with its kind, on
generated papers (wordings of our own, none from a corpus or batch paper):

- a row of labels in capitals, each over its value on the row below ("DATUM | RAADSVOORSTEL" over "3 maart
  2031 | Verordening …", a submission form's boxes with their labels as tabs above them): each label's
  value is the one under it, not the next label beside it;
- a date alone on its line inside a form's grid (under a label ending in its colon, or in the column of
  values under a label alone, a label and value on the row below) is a field's value, not the letter's
  unlabelled date line: no document date of its own;
- a title written with its kind and a colon in the title's own case ("Motie: Bomen langs de Vaart") is the
  paper's title whole; a template's type line in capitals ("MOTIE: …") titles it by the subject.
"""
from __future__ import annotations

from datetime import date

import pytest

from tests.pdfs import Page

DICTUM = ["De raad van de gemeente Elsweide, in vergadering bijeen,",
          "verzoekt het college de bibliotheek in Noordeinde open te houden,",
          "en gaat over tot de orde van de dag."]


@pytest.mark.parametrize("labels, values, expected", [
    (("DATUM", "RAADSVOORSTEL"), ("3 maart 2031", "Verordening parkeren 2031"), date(2031, 3, 3)),
    (("DATUM", "AGENDAPUNT", "FRACTIE"), ("12-05-2031", "7b", "Dorpsbelang"), date(2031, 5, 12)),
    (("VERGADERING", "DATUM"), ("Gemeenteraad Elsweide", "vrijdag 4 juli 2031"), date(2031, 7, 4)),
])
def test_capital_labels_over_their_values(make_pdf, documents_of, labels, values, expected):
    page = Page().add(56, 40, "Gemeente Elsweide", size=10, bold=True)
    for k, (label, value) in enumerate(zip(labels, values)):
        page.add(58 + 165 * k, 80, label, size=6.5, bold=True).add(59 + 165 * k, 92, value, size=8)
    page.add(56, 130, "Motie Bibliotheek Noordeinde", size=14, bold=True)
    page.lines(56, 160, DICTUM, size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date == expected


@pytest.mark.parametrize("label", ["Commissiebehandeling:", "Behandeling in de raadscommissie",
                                   "Datum informatiebijeenkomst"])
def test_a_date_inside_a_form_grid_is_no_date_line(make_pdf, documents_of, label):
    page = Page().add(57, 40, "Raadsvoorstel", size=11).add(57, 58, "Herinrichting van het Marktplein", size=15, bold=True)
    page.add(57, 90, "Zaaknummer", size=8.5).add(190, 90, "Z-31-00412", size=8.5)
    page.add(57, 102, label, size=8.5).add(190, 114, "15 juni 2031", size=8.5)
    page.add(57, 126, "Portefeuillehouder", size=8.5).add(190, 126, "P. Kramer", size=8.5)
    page.add(57, 160, "Voorgesteld besluit", size=10.5, bold=True)
    page.lines(57, 176, ["1. Het ontwerp voor het Marktplein vast te stellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date is None


def test_a_letters_date_line_stays_its_date(make_pdf, documents_of):
    page = Page().add(57, 40, "Gemeente Elsweide", size=12, bold=True)
    page.add(57, 90, "Elsweide, 15 juni 2031", size=10)
    page.add(57, 110, "Onderwerp: Onderhoud van de kademuren", size=10)
    page.lines(57, 140, ["Geachte leden van de raad,", "Met deze brief informeren wij u over het onderhoud."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date == date(2031, 6, 15)


@pytest.mark.parametrize("title, expected", [
    ("Motie: Bomen langs de Vaart", "Motie: Bomen langs de Vaart"),
    ("Amendement: Geen parkeerautomaten in Noordeinde", "Amendement: Geen parkeerautomaten in Noordeinde"),
    ("Motie: bibliotheek open in Noordeinde", "Motie: bibliotheek open in Noordeinde"),
    ("MOTIE: Bomen langs de Vaart", "Bomen langs de Vaart"),
])
def test_a_title_written_with_its_kind_keeps_it(make_pdf, documents_of, title, expected):
    page = Page().add(56, 40, "Gemeente Elsweide", size=10)
    page.add(56, 70, title, size=14, bold=True)
    page.lines(56, 110, DICTUM, size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.metadata.title or doc.part.title) == expected


@pytest.mark.parametrize("above, line", [
    ("1. De besluitenlijst van de vergadering van het college van", "B en W d.d. 7 maart 2031 wordt vastgesteld."),
    ("2. Het advies is besproken in de", "Collegevergadering 14 maart 2031 en overgenomen."),
    ("3. Het verslag van het overleg met", "Datum besluit 4 april 2031 is vastgesteld."),
])
def test_a_label_word_that_carries_a_sentence_on_is_no_field(make_pdf, documents_of, above, line):
    page = Page().add(57, 40, "Gemeente Elsweide", size=10, bold=True)
    page.add(57, 62, "Besluitenlijst college 21 maart 2031", size=14, bold=True)
    page.lines(57, 100, [above, line, "Besluit:", "Conform vastgesteld."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date in (None, date(2031, 3, 21))


@pytest.mark.parametrize("kind, title", [
    ("Motie", "Motie: Bomen langs de Vaart"),
    ("Amendement", "Amendement: Geen parkeerautomaten in Noordeinde"),
    ("MOTIE", "Motie: bibliotheek open in Noordeinde"),
])
def test_a_title_with_its_kind_under_the_kind_line(make_pdf, documents_of, kind, title):
    page = Page().add(56, 40, "Gemeente Elsweide", size=8.5)
    page.add(56, 60, kind, size=16, bold=True).add(56, 84, title, size=13, bold=True)
    page.add(56, 110, "Datum", size=8.5, bold=True).add(56, 121, "14 mei 2031", size=10)
    page.lines(56, 150, DICTUM, size=10.5)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.metadata.title or doc.part.title) == title
