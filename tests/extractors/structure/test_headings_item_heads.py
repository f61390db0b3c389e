"""A meeting record's numbered item heads under its head rows stay headings.

Convention of B&W and council besluitenlijsten: under the list's head rows ("Vergadering:" with its
value beside it) each item opens with its number and subject set bold, its decision under a small
"Besluit:" label. A line ending in a colon announces a list only when it is running text: a head
row's label whose value follows it announces nothing, so item 1 (and the items after it) are no
list announced by it.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

LISTS = [
    ("Besluitenlijst van het college, 4 maart 2031", "Vergadering:", "college van burgemeester en wethouders, 4 maart 2031",
     ["1. Vaststelling van de besluitenlijst van 25 februari 2031", "2. Subsidie voor het buurthuis De Linde",
      "3. Herinrichting van de Stationsstraat"],
     ["Conform vastgesteld.", "Het college verleent de subsidie voor twee jaar.", "Het college stemt in met het ontwerp."]),
    ("Besluiten dagelijks bestuur 12 mei 2031", "Datum vergadering:", "12 mei 2031, gemeentehuis",
     ["1. Jaarrekening van de regionale brandweer", "2. Aanwijzing van een nieuwe toezichthouder",
      "3. Reactie op de zienswijze van de buurgemeente"],
     ["Het bestuur stelt de jaarrekening vast.", "Het bestuur wijst de toezichthouder aan.", "De reactie wordt verzonden."]),
    ("Openbare besluiten van burgemeester en wethouders", "Zitting:", "dinsdag 9 september 2031",
     ["1. Verlenging van de pilot deelauto's", "2. Aankoop van de grond aan de Molenweg",
      "3. Evaluatie van het parkeerbeleid"],
     ["De pilot loopt een jaar langer.", "Het college besluit de grond aan te kopen.", "De evaluatie gaat naar de raad."]),
]


@pytest.mark.parametrize("title, label, value, items, decisions", LISTS)
def test_numbered_item_heads_under_a_head_row_are_headings(make_pdf, documents_of, title, label, value, items, decisions):
    page = Page()
    page.add(51, 79, title, size=12.5, bold=True)
    page.add(62, 127, label, size=8.5).add(159, 127, value, size=8.5)
    top = 155.0
    for item, decision in zip(items, decisions):
        page.add(62, top, item, size=11.5, bold=True)
        page.add(62, top + 17, "Besluit:", size=9, bold=True)
        page.lines(62, top + 30, [decision, "De afdeling informeert de betrokken bewoners en ondernemers schriftelijk",
                                  "over het besluit en over de termijn waarbinnen zij bezwaar kunnen maken."], size=10.5)
        page.add(62, top + 75, "Portefeuillehouder: wethouder De Graaf", size=9.5)
        top += 100
    (doc,) = documents_of(make_pdf([page]))
    heads = [s.heading for s in doc.sections if s.heading]
    assert heads[-3:] == items, heads
