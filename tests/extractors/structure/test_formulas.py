"""Bodies named in formulas (no label, no ticked box), on generated papers in wordings of our own."""
from __future__ import annotations

from datetime import date

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
    (["Vergadering van het college van burgemeester en wethouders", "Mededelingen over de regio."], ["B&W"]),
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


def test_a_besluitenlijst_names_bodies_only_in_a_field(make_pdf, documents_of):
    """A besluitenlijst records a meeting: its items' formulas name who decided each item, not a
    body of the list (bodies come from a field only)."""
    page = _paper(["1. Vaststelling van de agenda", "De raad besluit de agenda ongewijzigd vast te stellen."],
                  title="Besluitenlijst van de raadsvergadering van 4 maart 2031")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert doc.metadata.bodies == []


@pytest.mark.parametrize("closing, expected", [
    ("Aldus besloten in de openbare vergadering van de raad van 9 oktober 2031.", date(2031, 10, 9)),
    ("Zo vastgesteld in de zitting van 12-11-2031, de griffier, de voorzitter.", date(2031, 11, 12)),
    ("Dit hebben we besloten in de openbare raadsvergadering van 2 december 2031.", date(2031, 12, 2)),
])
def test_the_closing_formula_gives_the_decision_date(make_pdf, documents_of, closing, expected):
    """Convention: a decision closes with the meeting it was taken in; the date after that
    formula is its decision date, also in the first person."""
    page = _paper(["De raad van de gemeente Oosterbroek;", "besluit:", "de nota over het groenbeheer vast te stellen.",
                   "", closing], title="Raadsbesluit")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date == expected
    assert doc.metadata.document_date is None


@pytest.mark.parametrize("title, lines, expected", [
    ("Besluitenlijst van 17 januari 2032", ["1. Opening", "Besluit: de agenda is vastgesteld."], date(2032, 1, 17)),
    ("Besluitenlijst", ["Vergadering van 5 februari 2032", "1. Opening", "Besluit: de agenda is vastgesteld."],
     date(2032, 2, 5)),
    ("Besluitenlijst", ["Collegevergadering d.d. 6-3-2032", "1. Mededelingen", "Besluit: kennisgenomen."],
     date(2032, 3, 6)),
])
def test_a_besluitenlijst_names_its_meeting_date_in_title_or_meeting_line(make_pdf, documents_of, title, lines, expected):
    """Convention: a besluitenlijst is the record of one meeting, whose date its title or its
    meeting line gives."""
    (doc,) = documents_of(make_pdf([_paper(lines, title=title)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert doc.metadata.decision_date == expected


@pytest.mark.parametrize("line, expected", [
    ("14 mei 2032", date(2032, 5, 14)),
    ("Zuidermeer, 3 juni 2032", date(2032, 6, 3)),
    ("7 juli 2032 · Contactpersoon: R. Hamers · Onderwerp: Kademuren", date(2032, 7, 7)),
])
def test_a_letter_s_unlabelled_date_line_is_its_date(make_pdf, documents_of, line, expected):
    """Convention: a letter prints its date at its head without a label, alone, after its place,
    or first on a line of items set apart by dots or bars."""
    page = Page().add(56, 40, "Gemeente Zuidermeer", size=14, bold=True)
    page.add(56, 100, line, size=9.5)
    page.lines(56, 130, ["Geachte heer, mevrouw,", "Hierbij informeren wij u over het onderhoud van de kademuren."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date == expected


def test_a_date_under_a_label_or_of_a_meeting_s_record_is_no_date_line(make_pdf, documents_of):
    """A date under its label is that field's value; a verslag's head dates its meeting."""
    page = Page().add(56, 40, "Verslag", size=14, bold=True)
    page.add(56, 100, "14 mei 2032", size=9.5)
    page.lines(56, 130, ["Aanwezig: de leden van de commissie.", "De voorzitter opent de vergadering."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "verslag" and doc.metadata.document_date is None
    page = Page().add(56, 40, "Collegeadvies", size=14, bold=True)
    page.add(56, 100, "Collegevergadering", size=9.5, bold=True).add(56, 114, "14 mei 2032", size=9.5)
    page.lines(56, 140, ["Het college besluit de kademuren te herstellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date is None
