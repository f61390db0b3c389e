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
