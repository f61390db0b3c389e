"""Dates a paper's formulas and head give (no label), on generated papers in wordings of our own."""
from __future__ import annotations

from datetime import date

import pytest

from tests.pdfs import Page


def _paper(lines: list[str], title: str = "Besluit") -> Page:
    page = Page().add(56, 50, title, size=15, bold=True)
    page.lines(56, 90, lines, size=10, leading=14)
    return page


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
    # a line saying the list's decisions were taken in the meeting, its date wrapped onto the next line
    ("Besluitenlijst", ["Overzicht van de besluiten, genomen tijdens de openbare raadsvergadering van de gemeente",
                        "Lindeloo van 11 november 2032", "1. Opening", "Besluit: de agenda is vastgesteld."],
     date(2032, 11, 11)),
    # the assembly that met with the day alone after it, as a list heads each item
    ("Besluitenlijst", ["Gemeenteraad 19 oktober 2032", "Verkeersplan Dorpskern", "Besluit: het plan is vastgesteld."],
     date(2032, 10, 19)),
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


@pytest.mark.parametrize("opening, expected", [
    ("De raad van de gemeente Westerbroek, in openbare vergadering bijeen op 4 april 2032;", date(2032, 4, 4)),
    ("Het algemeen bestuur van het Recreatieschap Veenplas, bijeen in zijn vergadering van 18 mei 2032;",
     date(2032, 5, 18)),
    ("Het dagelijks bestuur van de Omgevingsdienst Rivierenland, in vergadering bijeen op 1-6-2032,",
     date(2032, 6, 1)),
])
def test_a_decision_s_opening_formula_gives_its_meeting_date(make_pdf, documents_of, opening, expected):
    """Convention: a decision without a closing formula opens with the meeting of the body that
    takes it ("…, in vergadering bijeen op …"); that meeting's date is its decision date."""
    page = _paper([opening, "gelet op artikel 12 van de gemeenschappelijke regeling;", "besluit:",
                   "de regeling vergoedingen vast te stellen."], title="Besluit")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type in ("besluit", "raadsbesluit")
    assert doc.metadata.decision_date == expected


def test_a_motion_s_opening_formula_dates_no_decision(make_pdf, documents_of):
    """A motion is moved at the meeting its opening formula names, not decided by its text."""
    page = _paper(["De raad van de gemeente Westerbroek, in vergadering bijeen op 4 april 2032,",
                   "constaterende dat de speeltuin aan de Dijkstraat al twee jaar gesloten is,",
                   "verzoekt het college de speeltuin voor de zomer weer open te stellen,",
                   "en gaat over tot de orde van de dag."], title="Motie speeltuin Dijkstraat")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "motie"
    assert doc.metadata.decision_date is None


@pytest.mark.parametrize("line, expected", [
    ("versie 3 / vastgesteld door het dagelijks bestuur op 9 september 2032", date(2032, 9, 9)),
    ("Vastgesteld in de raad van 14-10-2032", date(2032, 10, 14)),
    ("Concept 2 · Vastgesteld algemeen bestuur 25 november 2032", date(2032, 11, 25)),
])
def test_a_head_line_that_says_who_adopted_the_paper_gives_its_decision_date(make_pdf, documents_of, line, expected):
    """Convention: a paper's head may say who adopted it and when, on a short line of its own
    (also among fields set apart by dots or bars)."""
    page = Page().add(56, 50, "Kaderbrief 2033", size=16, bold=True).add(56, 80, line, size=9)
    page.lines(56, 110, ["In deze kaderbrief staan de uitgangspunten voor de begroting van het komende jaar.",
                         "De deelnemers ontvangen haar voor hun zienswijze."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date == expected


def test_a_sentence_that_says_another_paper_was_adopted_dates_nothing(make_pdf, documents_of):
    page = Page().add(56, 50, "Kaderbrief 2033", size=16, bold=True)
    page.lines(56, 90, ["De nota reserves is vastgesteld door de raad op 3 maart 2031 en blijft van kracht.",
                        "Deze kaderbrief volgt haar uitgangspunten."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date is None
