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


@pytest.mark.parametrize("text, votes", [
    ("Voor: Partij Noord 6, Partij Zuid 3 Tegen: Lijst Oost 2 Totaal voor 9, totaal tegen 2", (9, 2)),
    ("voor: fractie A, fractie B; tegen: fractie C; in totaal voor: 14 en tegen: 7", (14, 7)),
    ("Totaal aantal stemmen voor 0, totaal aantal stemmen tegen 23", (0, 23)),
])
def test_the_totals_under_a_vote_per_fractie_are_its_votes(text, votes):
    """Convention of vote records: the fracties for and against are listed (some with their seats,
    some without), then the totals ("Totaal voor 9, totaal tegen 2"); the totals are the votes, and
    more for than against carries the decision."""
    from raadsstukken.extractors.structure.decisions import vote_outcome

    outcome, votes_for, votes_against = vote_outcome(text)
    assert (votes_for, votes_against) == votes
    assert outcome == ("aangenomen" if votes[0] > votes[1] else "verworpen")


@pytest.mark.parametrize("title", ["Uitslag van de stemmingen 14 maart", "Stemmingsuitslagen raadsvergadering oktober",
                                   "Overzicht stemmingen commissie Havens"])
def test_a_record_of_votes_lists_each_subjects_outcome_and_votes(make_pdf, documents_of, title):
    """Convention of a council's record of votes: its title says it records the votes; each subject
    voted on is a heading without a number ("Motie …", "Raadsvoorstel …"), then its outcome alone on
    a line ("Aangenomen", "Verworpen.") and the vote under a vote label. It is a besluitenlijst; each
    outcome line is the decision of its subject (its number unprinted: null), with the votes of its
    own vote."""
    page = Page().add(56, 40, title, size=16, bold=True)
    y = 90
    for subject, verdict, lists, totals in [
            ("Voorstel parkeerregulering Havenkwartier", "Aangenomen", "Voor: Partij Noord 8, Lijst Zuid 3",
             "Totaal voor 11, totaal tegen 4"),
            ("Motie drijvende zonnepanelen in de Vliet", "Verworpen.", "Voor: Lijst Zuid 3, Groep Oost 2",
             "Totaal voor 5, totaal tegen 10"),
            ("Amendement extra kredietruimte schoolpleinen", "Aangenomen", "Voor: alle fracties",
             "Totaal voor 15, totaal tegen 0")]:
        page.add(56, y, subject, size=12, bold=True)
        page.add(56, y + 22, verdict)
        page.add(56, y + 40, "Stemuitslag")
        page.lines(56, y + 53, [lists, totals], leading=12)
        y += 110
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions] == [
        (None, "Aangenomen", "aangenomen", 11, 4), (None, "Verworpen.", "verworpen", 5, 10),
        (None, "Aangenomen", "aangenomen", 15, 0)]
