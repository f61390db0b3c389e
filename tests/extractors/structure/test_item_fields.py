"""Lines set like headings that are none: a besluitenlijst item's field labels set in the style of
its decision label (rules/headings.toml [item_fields]) and lines that open with a date
([not_a_heading] date_line)."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

ITEMS = [("1. Beheerplan stadsbossen 2031", "Het bosbeheer wordt de komende tien jaar extensiever ingericht."),
         ("2. Subsidie wijkfeest Oosterpark", "De aanvraag past binnen de regeling voor bewonersinitiatieven.")]


def _list(fields: list[str], decision_label: str, field_size: float = 9.5) -> Page:
    """A besluitenlijst: per item its numbered subject, then `fields` (each a bold label over a
    line of text) and the decision label over the decision, labels in one bold style."""
    page = Page().add(60, 50, "BESLUITENLIJST", size=14, bold=True)
    page.lines(60, 80, ["Openbare vergadering van het college van burgemeester en wethouders, gehouden",
                        "in het stadskantoor, met alle leden aanwezig en de secretaris als notulist."])
    y = 130.0
    for subject, text in ITEMS:
        y = page.lines(60, y, [subject], size=11, bold=True) + 6
        for label in fields:
            y = page.lines(72, y, [label], size=field_size, bold=True)
            y = page.lines(72, y, [text], size=9.5) + 6
        y = page.lines(72, y, [decision_label], size=9.5, bold=True)
        y = page.lines(72, y, ["Het college stemt in met het voorstel."], size=9.5) + 14
    return page


@pytest.mark.parametrize("fields, decision_label", [
    (["Voorstel"], "Besluit"),
    (["Gevraagd besluit:", "Portefeuillehouder"], "Besloten:"),
    (["Behandelaar", "Toelichting", "Advies"], "Besluit:"),
    (["Ingekomen stukken", "Stemming:"], "Besluit"),
])
def test_item_field_labels_in_the_decision_labels_style_are_no_headings(make_pdf, documents_of, fields,
                                                                        decision_label):
    """Convention: a besluitenlijst sets all field labels of an agenda item (its proposal, its
    people, its explanation, its decision) in one style; where the decision label in that style is
    a label, so are the others: only the items' subjects head sections, the labels stay in the text."""
    (doc,) = documents_of(make_pdf([_list(fields, decision_label)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == [subject for subject, _ in ITEMS]
    text = " ".join(s.text for s in doc.sections)
    for label in fields:
        assert label in text


def test_a_field_label_set_otherwise_than_the_decision_label_keeps_its_typography(make_pdf, documents_of):
    """Only the decision label's style makes a field label a label: the same word set larger, as
    the heading of an item's part, is a heading."""
    (doc,) = documents_of(make_pdf([_list(["Toelichting"], "Besluit", field_size=12)]))
    headings = [s.heading for s in doc.sections if s.heading]
    assert headings.count("Toelichting") == 2
    assert "Besluit" not in headings


def test_a_list_without_a_decision_label_gives_no_style_to_drop_by(make_pdf, documents_of):
    """With no decision label in the list a proposal label set apart in bold may head the items'
    proposals; nothing tells it is a field, it stays a heading."""
    page = Page().add(60, 50, "BESLUITENLIJST", size=14, bold=True)
    page.lines(60, 80, ["Openbare vergadering van het dagelijks bestuur, gehouden in het gemeentehuis."])
    y = page.lines(60, 120, ["Punt 1"], size=11, bold=True) + 4
    y = page.lines(60, y, ["Het dagelijks bestuur bespreekt de stand van het onderhoud aan de sluizen en de",
                           "planning van de werkzaamheden in het voorjaar van het komende jaar."], size=9.5) + 14
    y = page.lines(60, y, ["Voorgesteld besluit"], size=11, bold=True) + 4
    page.lines(60, y, ["(1) kennis te nemen van de planning van het onderhoud aan de sluizen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.heading for s in doc.sections if s.heading] == ["Punt 1", "Voorgesteld besluit"]


@pytest.mark.parametrize("dateline", ["17 augustus 2033", "vrijdag 9 december 2033 om 20.00 uur",
                                      "21-06-2034 Commissie Ruimte"])
def test_a_line_that_opens_with_a_date_is_no_heading(make_pdf, sections_of, dateline):
    """Convention: a date set bold or large on a line of its own (a motion's or letter's date, a
    meeting's date and hour) dates the paper; a heading names its subject first."""
    page = Page()
    y = page.lines(56, 50, ["Ruimte voor buurtmoestuinen"], size=16, bold=True) + 10
    y = page.lines(56, y, [dateline], size=12, bold=True) + 8
    y = page.lines(56, y, ["De raad vraagt het college om braakliggende grond tijdelijk beschikbaar te stellen",
                           "voor moestuinen die buurtbewoners samen onderhouden."]) + 12
    y = page.lines(56, y, ["Overwegingen"], size=12, bold=True) + 6
    page.lines(56, y, ["Gezamenlijk tuinieren versterkt het contact tussen buren in de wijk."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["Ruimte voor buurtmoestuinen", "Overwegingen"]
    assert dateline in " ".join(s.text for s in sections_of(make_pdf([page])))


@pytest.mark.parametrize("label_line", ["Besluit: conform het advies", "Portefeuillehouder: wethouder Gerritsen",
                                        "Gevraagd besluit: instemmen"])
def test_an_item_field_with_its_value_on_the_line_is_no_heading(make_pdf, sections_of, label_line):
    """Convention: a field label with its colon and value ("Besluit: akkoord") is a field of
    its item, however it is set; a heading does not open with a field's label and colon."""
    page = Page()
    y = page.lines(56, 50, ["3. Onderhoud kademuren Havenkwartier"], size=11, bold=True) + 6
    y = page.lines(56, y, [label_line], bold=True)
    page.lines(56, y, ["Het college gaat akkoord met de voorgestelde planning van het onderhoud aan de",
                       "kademuren en informeert de raad in het najaar over de voortgang."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["3. Onderhoud kademuren Havenkwartier"]


AGENDA = [["1. Aanvang en welkom", "2. Vaststellen agenda", "3. Verslag vorige vergadering"],
          ["4. Berichten van de voorzitter", "5. Lijst van ingekomen brieven", "6.a. Jaarplan bibliotheek",
           "6.b. Evaluatie zwembadtarieven"],
          ["7. Kunstgrasveld sportpark Noord"]]


@pytest.mark.parametrize("numbers", [
    ["1.", "2.", "3.", "4.", "5.", "6.a.", "6.b.", "7."],
    ["1", "2", "3", "4", "5", "6a", "6b", "7"],
    ["1)", "2)", "3)", "4)", "5)", "6.1", "6.2", "7)"],
])
def test_agenda_items_numbered_on_through_the_paper_stay_headings(make_pdf, sections_of, numbers):
    """Convention: an agenda's items follow one numbering through the paper; procedural items
    have nothing printed under them and stand in a run, but their numbering goes on in items
    with text ("4." after "1." to "3."), so each is an item's heading, not a list."""
    subjects = [item.split(" ", 1)[1] for group in AGENDA for item in group]
    numbered = iter(f"{n} {s}" for n, s in zip(numbers, subjects))
    page = Page().add(60, 40, "Besluiten van de vergadering van het algemeen bestuur", size=14, bold=True)
    y = 80.0
    for group in AGENDA:
        for _ in group:
            y = page.lines(60, y, [next(numbered)], size=11, bold=True) + 14
        y = page.lines(60, y, ["Het bestuur besluit overeenkomstig het voorstel dat bij dit punt ter tafel lag."]) + 12
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings[1:] == [f"{n} {s}" for n, s in zip(numbers, subjects)]


def test_a_numbered_run_whose_numbering_ends_with_it_stays_a_list(make_pdf, sections_of):
    """A bold numbered list starts and ends its numbering: a heading in its style after it starts
    again at 1 (or carries another number), so the run is a list, not items."""
    page = Page().add(60, 40, "Uitvoeringsplan fietsroutes", size=14, bold=True)
    y = page.lines(60, 70, ["Het plan kent drie sporen die in samenhang worden uitgevoerd."]) + 10
    for item in ["1. Doorfietsroutes tussen de kernen", "2. Veilige schoolroutes", "3. Meer stallingsplekken"]:
        y = page.lines(60, y, [item], bold=True) + 4
    y = page.lines(60, y + 6, ["Elk spoor wordt hieronder afzonderlijk uitgewerkt met planning en budget."]) + 10
    y = page.lines(60, y, ["1. Doorfietsroutes tussen de kernen"], bold=True) + 4
    page.lines(60, y, ["De routes worden verbreed en krijgen voorrang op kruisingen met landbouwwegen."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert "2. Veilige schoolroutes" not in headings and "3. Meer stallingsplekken" not in headings


@pytest.mark.parametrize("lead_in", ["De wethouder licht het voorstel als volgt toe:",
                                     "Na de schorsing deelt de voorzitter mee:", "Aan de orde is:"])
def test_a_roman_line_ending_in_a_colon_set_larger_than_the_body_is_a_lead_in(make_pdf, sections_of, lead_in):
    """Convention: minutes set their text larger than the list of those present (which, being
    long, sets the body size); a line of that text in roman type ending in a colon announces what
    follows, it heads nothing. A heading set larger in roman has no colon."""
    page = Page()
    y = page.lines(56, 50, ["Verslag van de vergadering van de commissie Samenleving"], size=15, bold=True) + 10
    y = page.lines(56, y, ["Aanwezig: " + ", ".join(f"de heer {n} (fractie {f})" for n, f in
                           [("Albers", "A"), ("Bosman", "B"), ("Claassen", "C"), ("Dekker", "D")]),
                           "mevrouw Evers (fractie E), mevrouw Franssen (fractie F), de heer Gerrits (fractie G),",
                           "mevrouw Hendriks (fractie H), de heer Ingen (fractie I), mevrouw Jacobs (fractie J),",
                           "de heer Kramer (fractie K), mevrouw Lammers (fractie L), de heer Mulder (fractie M)."],
                    size=8.5, leading=11) + 12
    y = page.lines(56, y, [lead_in], size=10.5) + 8
    y = page.lines(56, y, ["Groenonderhoud in de wijken"], size=10.5) + 8
    page.lines(56, y, ["Het onderhoud van het groen wordt vanaf volgend jaar per wijk aanbesteed.",
                       "De commissie vraagt om een evaluatie na het eerste jaar."], size=10.5)
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert lead_in not in headings
    assert "Groenonderhoud in de wijken" in headings


def test_a_label_of_a_word_or_two_with_a_colon_set_larger_stays_a_heading(make_pdf, sections_of):
    """A dictum's opener of a word or two ("besluiten:") set larger in roman heads the decision; only a
    sentence ending in a colon is a lead-in."""
    page = Page()
    y = page.lines(56, 50, ["Besluit van het dagelijks bestuur"], size=15, bold=True) + 10
    y = page.lines(56, y, ["Het dagelijks bestuur van het recreatieschap, gelet op artikel 12 van de",
                           "gemeenschappelijke regeling, overwegende dat de tarieven jaarlijks worden",
                           "herzien en dat de gebruikers daarover zijn gehoord, en gezien het advies van",
                           "de commissie van advies over de tarieven van de jachthaven en de camping."]) + 12
    y = page.lines(56, y, ["besluiten:"], size=12) + 8
    page.lines(56, y, ["de tarieven voor het komende seizoen vast te stellen volgens de bijlage."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert "besluiten:" in headings
