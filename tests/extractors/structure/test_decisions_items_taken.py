"""Besluitenlijst items that print both what was proposed and what was decided, and outcomes of
taking note. Wordings and layouts are invented for these tests."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

ITEMS = [
    ("5", "Verslag van de vorige vergadering", "Het verslag vaststellen.",
     "Het verslag wordt na een correctie van de spelling vastgesteld."),
    ("6.a", "Subsidie dorpshuis Noordeind", "Instemmen met een bijdrage van € 4.000.",
     "De raad stemt in met de bijdrage."),
    ("6.b", "Jaarplan bibliotheek", "Het jaarplan voor kennisgeving aannemen.",
     "Het jaarplan wordt voor kennisgeving aangenomen."),
]


def _item_list(layout: str, proposal_label: str) -> Page:
    """Three items, each with its proposal and the decision taken, and a fourth with only a
    proposal, in one of three layouts."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.add(56, 62, "Openbare vergadering van de gemeenteraad, 3 maart 2031")
    y = 90
    rows = [*((n, s, p, d) for n, s, p, d in ITEMS), ("7", "Rondvraag", "De rondvraag houden.", None)]
    for number, subject, proposal, decision in rows:
        if layout == "label_lines":  # labels on lines of their own, the text under them
            page.add(56, y, f"{number}. {subject}", bold=True)
            page.add(56, y + 16, proposal_label, bold=True)
            page.add(56, y + 30, proposal)
            y += 46
            if decision:
                page.add(56, y, "Besluit", bold=True)
                page.add(56, y + 14, decision)
                y += 30
            y += 10
        elif layout == "label_column":  # the labels in a column left of their text
            page.add(56, y, f"Agendapunt {number}", bold=True)
            page.add(56, y + 18, proposal_label)
            page.add(180, y + 18, proposal)
            y += 36
            if decision:
                page.add(56, y, "Besluit")
                page.add(180, y, decision)
                y += 18
            y += 14
        else:  # "colon": the label before its text on the same line
            page.add(56, y, f"{number} {subject}", bold=True)
            page.add(56, y + 16, f"{proposal_label}: {proposal}")
            y += 32
            if decision:
                page.add(56, y, f"Besluit: {decision}")
                y += 16
            y += 14
    return page


@pytest.mark.parametrize("layout, proposal_label", [("label_lines", "Voorgesteld besluit"),
                                                    ("label_column", "Gevraagd besluit"),
                                                    ("label_lines", "Te nemen besluit"),
                                                    ("label_column", "Voorgesteld besluit:")])
def test_an_items_decision_taken_replaces_its_proposal(make_pdf, documents_of, layout, proposal_label):
    """Convention: when an item prints its proposal ("Voorgesteld besluit") and the decision taken
    ("Besluit"), the decision taken is the item's decision; the proposal counts only when no
    decision follows it in its item."""
    (doc,) = documents_of(make_pdf([_item_list(layout, proposal_label)]))
    assert doc.part.doc_type == "besluitenlijst"
    found = [(d.agenda_item, d.text) for d in doc.decisions]
    assert found == [(n, d) for n, _, _, d in ITEMS] + [("7", "De rondvraag houden.")]


@pytest.mark.parametrize("text", ["Het jaarverslag wordt voor kennisgeving aangenomen.",
                                  "De raad neemt de brief van de provincie voor kennisgeving aan.",
                                  "De evaluatie van de pilot voor kennisgeving aan te nemen.",
                                  "Het college heeft de rapportage met algemene stemmen voor kennisgeving aangenomen."])
def test_taking_note_is_kennisname_not_adoption(text):
    """Convention: "voor kennisgeving aannemen" takes note of a paper (outcome kennisgenomen); it
    adopts nothing."""
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome(text)[0] == "kennisgenomen"
    assert find_outcome("Het voorstel wordt aangenomen.")[0] == "aangenomen"


TABLE_ITEMS = [("2", "Het verslag wordt zonder wijzigingen vastgesteld."),
               ("3.a", "De raad benoemt mevrouw T. Okafor tot lid van de bezwarencommissie."),
               ("3.b", "Het voorstel wordt met 17 stemmen voor en 4 stemmen tegen aangenomen.")]


def _item_tables(labels: tuple[str, ...], bordered: bool) -> Page:
    """Each item under a bar "Agendapunt N" as a two-column table of labels and values; the last
    label "Besluit" is the shortest, its value column set by the longer labels above it."""
    page = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=16, bold=True)
    page.add(56, 62, "Vergaderdatum 9 oktober 2031")
    y = 96
    for number, decision in TABLE_ITEMS:
        page.rect(50, y - 4, 545, y + 12, fill=True)
        page.add(56, y, f"Agendapunt {number}", bold=True)
        y += 22
        for label in labels:
            value = decision if label == "Besluit" else f"Tekst bij {label.lower()} van punt {number}."
            if bordered:
                page.rect(50, y - 4, 545, y + 14)
                page.line(170, y - 4, 170, y + 14)
            page.add(56, y, label)
            page.add(178, y, value)
            y += 20
        y += 16
    return page


@pytest.mark.parametrize("labels, bordered", [(("Voorgesteld besluit", "Besluit"), True),
                                              (("Portefeuillehouder", "Besluit"), True),
                                              (("Gevraagd besluit", "Toelichting", "Besluit"), False)])
def test_the_besluit_row_of_an_items_table_is_its_decision(make_pdf, documents_of, labels, bordered):
    """Convention: a row labelled "Besluit" in an agenda item's table holds the item's decision,
    also where its value stands further from the short label than a label column's usual gap; the
    item is the bar above the table."""
    (doc,) = documents_of(make_pdf([_item_tables(labels, bordered)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text) for d in doc.decisions] == TABLE_ITEMS


DICTA = [
    (["Het dagelijks bestuur van het hoogheemraadschap Kleiland;",
      "gelezen het voorstel van de secretaris-directeur van 2 februari 2031;",
      "gelet op artikel 56 van de Waterschapswet;",
      "vast te stellen de Legger wegen en kaden 2031"],
     ["vast te stellen de Legger wegen en kaden 2031"]),
    (["De raad van de gemeente Oeverdam,",
      "Gezien het voorstel van burgemeester en wethouders van 8 mei 2031;",
      "Overwegende dat de tarieven sinds 2019 niet zijn herzien en dat de kosten van het",
      "beheer van de haven zijn gestegen;",
      "in te stemmen met de Nota havengelden 2032."],
     ["in te stemmen met de Nota havengelden 2032."]),
    (["Het college van burgemeester en wethouders van Brakeloord;",
      "Gelet op de Verordening adviesraad sociaal domein 2030,",
      "1. te benoemen tot lid van de adviesraad mevrouw A. Tamsma en de heer P. Wilbers;",
      "2. de benoemingen te laten ingaan op 1 juni 2031."],
     ["te benoemen tot lid van de adviesraad mevrouw A. Tamsma en de heer P. Wilbers;",
      "de benoemingen te laten ingaan op 1 juni 2031."]),
]


@pytest.mark.parametrize("formula, decisions", DICTA)
def test_an_infinitive_after_the_considerations_is_the_dictum(make_pdf, documents_of, formula, decisions):
    """Convention of besluiten that print no "besluit": after the formula's considerations
    ("Gelezen …;", "Gelet op …;", "Overwegende dat …"), an infinitive clause ("vast te stellen …")
    is the dictum."""
    page = Page().add(56, 50, "Besluit", size=16, bold=True)
    page.lines(56, 90, formula)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == decisions


def test_considerations_in_a_letter_open_no_dictum(make_pdf, documents_of):
    page = Page().add(56, 50, "Geacht college,", size=10)
    page.lines(56, 80, ["Gelet op de drukte bij het gemeentehuis vragen wij aandacht voor de parkeerplaatsen.",
                        "De te verwachten bezoekers kunnen nu nergens terecht.",
                        "Met vriendelijke groet,", "De ondernemersvereniging"])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.decisions == []


WRAPPED = [
    (["De Nota parkeernormen 'Ruimte voor de fiets' van 14 maart", "2032’ vast te stellen."],
     "De Nota parkeernormen 'Ruimte voor de fiets' van 14 maart 2032’ vast te stellen."),
    (["De Subsidieregeling groene daken met ingang van", "1 juli 2031 in te trekken."],
     "De Subsidieregeling groene daken met ingang van 1 juli 2031 in te trekken."),
    (["Het rapport “Water in de wijk 2030", "” voor kennisgeving aan te nemen."],
     "Het rapport “Water in de wijk 2030 ” voor kennisgeving aan te nemen."),
]


@pytest.mark.parametrize("hanging", [True, False])
@pytest.mark.parametrize("wrapped, text", WRAPPED)
def test_a_point_runs_to_its_closing_punctuation_over_a_line_end(make_pdf, documents_of, wrapped, text, hanging):
    """Convention: a decision point runs over its line ends to its closing punctuation, also where
    the next line opens with a digit or a closing quote (a date or a quotation broken off), set
    under the marker's text (hanging) or back at the marker's edge."""
    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.lines(56, 80, ["De raad van de gemeente Oeverdam;", "gelezen het voorstel van het college;"])
    page.add(56, 120, "Besluit:", bold=True)
    first, rest = wrapped
    if hanging:  # the marker in a column of its own, drawn after its text
        page.add(80, 140, first).add(56, 140, "1.").add(80, 153, rest)
        page.add(80, 172, "Dit besluit bekend te maken.").add(56, 172, "2.")
    else:
        page.lines(56, 140, [f"1. {first}", rest, "2. Dit besluit bekend te maken."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [text, "Dit besluit bekend te maken."]


HANGING = [
    (["1.", "2.", "3."], ["De Verordening marktgelden 2030 per 1 januari 2031 in te trekken.",
                          "De Verordening marktgelden 2031 vast te stellen.",
                          "Het college op te dragen de standhouders te informeren."]),
    (["a)", "b)"], ["Het Beleidskader speelruimte vast te stellen.", "De Nota speelplekken 2015 in te trekken."]),
    (["–", "–", "–"], ["In te stemmen met de begrotingswijziging.", "Een krediet van € 80.000 beschikbaar te stellen.",
                       "De kosten te dekken uit de reserve onderhoud."]),
]


@pytest.mark.parametrize("markers, points", HANGING)
def test_hanging_markers_in_a_column_of_their_own_stay_with_their_points(make_pdf, documents_of, sections_of,
                                                                          markers, points):
    """Convention: list markers set in a column left of their text, on the same baseline (drawn
    apart from it, more than a segment gap away, and after it), belong to that line: each numbered
    point is a decision of its own."""
    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.lines(56, 80, ["De raad van de gemeente Oeverdam;", "gelezen het voorstel van het college;"])
    page.add(56, 120, "Besluit", bold=True)
    y = 140
    for marker, point in zip(markers, points):
        page.add(80, y, point, size=9.5)  # the text drawn first, its marker after it
        page.add(56, y, marker, size=9.5)
        y += 16
    path = make_pdf([page])
    (doc,) = documents_of(path)
    assert [d.text for d in doc.decisions] == points
    texts = [ln.text for s in sections_of(path) for b in s.body for ln in b.lines]
    assert [f"{m} {p}" for m, p in zip(markers, points)] == [t for t in texts if t.endswith(tuple(points))]



@pytest.mark.parametrize("agreed", ["Akkoord.", "Conform.", "Ingestemd met het advies."])
def test_the_label_heading_over_a_decision_does_not_change_its_outcome(make_pdf, documents_of, agreed):
    """A decision under a label heading ("3. Subsidie … Besluit") that only agrees keeps the
    outcome its own text names (conform), the heading read for the proposal rule only."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.add(56, 80, "3. Subsidie muziekschool", bold=True)
    page.add(56, 94, "Besluit", bold=True)
    page.add(56, 110, agreed)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.text, d.outcome) for d in doc.decisions] == [(agreed, "conform")]
