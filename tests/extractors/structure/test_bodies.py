"""Bodies named in formulas (no label, no ticked box), on generated papers in wordings of our own."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


def _paper(lines: list[str], title: str = "Besluit") -> Page:
    page = Page().add(56, 50, title, size=15, bold=True)
    page.lines(56, 90, lines, size=10, leading=14)
    return page


@pytest.mark.parametrize("lines, expected", [
    # the opening formula of a decision or motion, with or without the municipality
    (["De raad van de gemeente Westerkwartier-Zuid;", "gelezen het voorstel van het college;", "besluit:",
      "1. de verordening op de speeltuinen vast te stellen."], ["Raad"]),
    (["De raad,", "in vergadering bijeen op 3 juni 2031,", "overwegende dat de kade slecht verlicht is,",
      "verzoekt het college extra lantaarns te plaatsen."], ["Raad"]),
    (["Burgemeester en wethouders van Oosterbroek;", "gelet op de Wegenverkeerswet;",
      "besluiten het parkeerverbod in te stellen."], ["B&W"]),
    # several bodies, up to the formula's semicolon, in the order named
    (["De burgemeester, het college en de raad van Oosterbroek, elk voor het eigen deel;",
      "gelet op de Gemeentewet;", "besluiten: de regeling vast te stellen."], ["Burgemeester", "B&W", "Raad"]),
])
def test_the_opening_formula_names_the_body(make_pdf, documents_of, lines, expected):
    """Convention: a decision or motion opens with the body that takes it ("De raad van de
    gemeente …;", "Burgemeester en wethouders van …;"), several bodies up to its ";"."""
    (doc,) = documents_of(make_pdf([_paper(lines)]))
    assert doc.metadata.bodies == expected


@pytest.mark.parametrize("lines, expected", [
    (["Gedeputeerde Staten stellen de subsidie voor het fietspad vast op € 40.000."], ["GS"]),
    (["Het college besluit de aanbesteding van de brug te gunnen aan de laagste inschrijver."], ["B&W"]),
    (["De vraag is besproken met de bewoners van de wijk.", "We stellen de raad voor de kredieten beschikbaar te stellen."],
     ["Raad"]),
    (["Aan de colleges en raden van de regio", "Hierbij ontvangt u het jaarverslag van de veiligheidsregio."],
     ["B&W", "Raad"]),
    (["Vergadering van het college van burgemeester en wethouders", "Opening en vaststelling van de agenda."], ["B&W"]),
])
def test_the_deciding_proposing_or_addressing_formula_names_the_body(make_pdf, documents_of, lines, expected):
    """Convention: the body is the subject of the deciding verb ("GS besluiten", "Het college
    besluit", "… stellen … vast"), the body a proposal is put to ("stellen de raad voor"), the
    addressee line ("Aan de …") and the meeting line ("Vergadering van …")."""
    (doc,) = documents_of(make_pdf([_paper(lines, title="Mededeling over de regio")]))
    assert doc.metadata.bodies == expected


def test_a_printed_bodies_field_wins_and_a_sentence_is_no_formula(make_pdf, documents_of):
    """A bodies label or box decides; a body named inside a running sentence, or a line that
    carries a sentence on in lower case, names no body of the paper."""
    page = _paper(["Bestuursorgaan: Gedeputeerde Staten"]).add(56, 150, "De raad van de gemeente Noordoever;")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == ["GS"]
    page = _paper(["In de vorige periode heeft de raad besloten de haven te verdiepen, en",
                   "de raad, zo bleek later, stemde in met het plan van de ondernemers."],
                  title="Evaluatie havenplan")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == []


def test_a_besluitenlijst_title_names_its_meeting_s_body(make_pdf, documents_of):
    """Convention: a besluitenlijst's title names the meeting ("… van de raadsvergadering …")."""
    page = _paper(["1. Vaststelling van de agenda", "Besluit: conform vastgesteld."],
                  title="Besluitenlijst van de raadsvergadering van 4 maart 2031")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert doc.metadata.bodies == ["Raad"]
