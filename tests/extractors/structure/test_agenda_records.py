"""Meeting records (besluitenlijsten, records of votes) as councils and boards set them: the labels,
procedural decisions and printed outcomes of their items (extractors/structure/agenda_decisions.py).

Every wording here is invented; none comes from a sample or a corpus paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("proposal_label, decision_label", [
    ("V O O R S T E L", "B E S L U I T V O R M I N G"),
    ("V O O R G E S T E L D  B E S L U I T", "B E S L O T E N"),
    ("Voorstel", "C O N C L U S I E"),
])
def test_a_letter_spaced_decision_label_opens_the_items_decision(make_pdf, documents_of, proposal_label,
                                                                  decision_label):
    """Convention of exports and Word forms: a record's field labels are set letter-spaced as often
    as in capitals ("B E S L U I T V O R M I N G" over the decision taken, under the proposal's
    "V O O R S T E L"); the label is read as its word, so the decision taken is the item's decision
    and the proposal it supersedes is none."""
    page = Page().add(56, 40, "Besluitenlijst van de openbare vergadering van het waterpanel", size=14, bold=True)
    y = 80
    for number, proposal, decision in [
            ("1", "Instemmen met het speelruimteplan voor de wijk Vogelkers.",
             "Het speelruimteplan wordt met een kleine wijziging vastgesteld."),
            ("2", "Het krediet voor de kademuur bij de Veerstoep beschikbaar stellen.",
             "Het krediet van de kademuur wordt beschikbaar gesteld.")]:
        page.add(56, y, f"{number}. Agendapunt over de wijk", bold=True)
        page.add(56, y + 18, proposal_label)
        page.add(56, y + 31, proposal)
        page.add(56, y + 50, decision_label)
        page.add(56, y + 63, decision)
        y += 100
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("1", "Het speelruimteplan wordt met een kleine wijziging vastgesteld."),
        ("2", "Het krediet van de kademuur wordt beschikbaar gesteld.")]


@pytest.mark.parametrize("stated, outcome", [
    ("De agenda wordt met één toevoeging vastgesteld.", "vastgesteld"),
    ("Het verslag van de vorige bijeenkomst is zonder wijzigingen goedgekeurd.", None),
    ("Agendapunt 6 wordt aangehouden tot de volgende bijeenkomst.", "aangehouden"),
])
def test_a_procedural_decision_in_the_passive_is_its_items_decision(make_pdf, documents_of, stated, outcome):
    """Convention of besluitenlijsten: a procedural decision is recorded as what happened to the
    agenda, the minutes or an item, in the passive and with no decision label ("De agenda wordt …
    vastgesteld.", "Punt 6 wordt aangehouden."); that paragraph is the item's decision. The record
    of the meeting's course beside it ("De voorzitter opent …") is none, nor is a paragraph after an
    item's labelled decision (its record)."""
    page = Page().add(56, 40, "Besluitenlijst van de vergadering van de dorpsraad", size=14, bold=True)
    page.lines(56, 80, ["1. Opening", "De voorzitter opent de bijeenkomst om acht uur."], leading=16)
    page.lines(56, 130, ["2. Vaststelling van de agenda", stated], leading=16)
    page.lines(56, 180, ["3. Verordening op de marktgelden",
                         "Besluit: De dorpsraad stelt de verordening vast."], leading=16)
    page.add(56, 225, "Het amendement over de standplaatsen wordt ingetrokken.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text, d.outcome) for d in doc.decisions] == [
        ("2", stated, outcome), ("3", "De dorpsraad stelt de verordening vast.", "vastgesteld")]


@pytest.mark.parametrize("text, stated", [
    ("De notulen worden na één correctie vastgesteld.", True),
    ("- punt 12 wordt als bespreekpunt behandeld;", True),
    ("Het voorstel over de veerpont is ingetrokken.", True),
    ("Punt 8 wordt in de commissievergadering van juni behandeld.", False),
    ("Het college is gevraagd de dorpsraad voor de zomer te informeren.", False),
    ("De wethouder licht het voorstel toe en het wordt besproken.", False),
])
def test_what_states_a_procedural_decision_in_the_passive(text, stated):
    """Convention: the passive with the participle of what was done with the item (vastgesteld,
    ingetrokken, "als bespreekpunt behandeld") records a decision; an item dealt with at another
    meeting, a request or a discussion records none."""
    from raadsstukken.extractors.structure.agenda_decisions import states_passive_result
    from raadsstukken.extractors.text.normalize import list_marker

    marker = list_marker(text)
    assert states_passive_result(text[marker.end():] if marker else text) is stated


def test_the_points_of_an_agenda_item_in_the_passive_are_its_decisions(make_pdf, documents_of):
    """Convention: the changes to the agenda are listed under its item, one point each, in the
    passive ("- punt 9 wordt als bespreekpunt behandeld;"); each point, whole, is a decision of the
    item, also where it wraps and where the list of a record (the unnumbered paragraphs of a record
    without items) sets it as a paragraph of its own."""
    page = Page().add(56, 40, "Besluitenlijst van de vergadering van het eilandbestuur", size=14, bold=True)
    page.add(56, 80, "4. Vaststellen van de agenda", bold=True)
    page.lines(56, 100, ["- punt 9 (beschoeiing van de jachthaven) wordt op verzoek van twee fracties als",
                         "   bespreekpunt behandeld;",
                         "- punt 11 wordt doorgeschoven naar de vergadering van de zomer; de indiener",
                         "   zal een nieuwe versie rondsturen;"], leading=13)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("4", "punt 9 (beschoeiing van de jachthaven) wordt op verzoek van twee fracties als bespreekpunt behandeld;"),
        ("4", "punt 11 wordt doorgeschoven naar de vergadering van de zomer; de indiener zal een nieuwe versie "
              "rondsturen;")]


def test_an_unnumbered_record_keeps_its_passive_decisions(make_pdf, documents_of):
    """Convention of exports that print a record's items without numbers or headings (each item a
    paragraph): a paragraph that states a procedural decision in the passive is a decision, before
    an item that prints its decision under a label."""
    page = Page().add(56, 40, "Besluitenlijst van de vergadering van de wijkraad Oosterhout-Noord", size=14, bold=True)
    page.add(56, 80, "De voorzitter heet de aanwezigen welkom en opent de vergadering.")
    page.add(56, 110, "De conceptagenda wordt na een korte toelichting vastgesteld.")
    page.add(56, 140, "Er hebben zich geen insprekers gemeld.")
    page.lines(56, 170, ["Besluit:", "De wijkraad adviseert positief over de bomenkap aan de Lindenlaan."], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "De conceptagenda wordt na een korte toelichting vastgesteld.",
        "De wijkraad adviseert positief over de bomenkap aan de Lindenlaan."]
