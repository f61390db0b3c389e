"""What counts as a decision point in a besluitenlijst (bench/README, "Decision points: what
counts"): the record of each item's decision. A text under an item's "Besluit" label (or in a
table's decision column) that only records the meeting's course — the opening, who is present or
absent, the announcements, who speaks or asks, a member sworn in — is no decision point; a record
that states a decision is one, whole. In a list without decision labels, an item's paragraph that
states what the body decided, in any of its sentences, is the item's decision, also under a
summary label.

Every wording here is invented; none comes from a sample or a corpus paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.structure.decision_tables import find_table_decisions
from raadsstukken.extractors.structure.meeting_record import is_meeting_record
from tests.extractors.structure.test_decision_tables import _table
from tests.pdfs import Page

RECORDS = [
    # the opening and who is present
    "De voorzitter heropent om 20.05 uur de zitting na de schorsing. Wethouder Brink is met kennisgeving afwezig.",
    "Opening door de plaatsvervangend voorzitter om half acht. Bericht van verhindering van de leden Kok en Smit.",
    # announcements, whatever they report
    "Er worden de volgende mededelingen gedaan: het college heeft het bestemmingsplan Zuid vastgesteld; "
    "de kermis verhuist naar het Marktplein.",
    "Geen mededelingen van het presidium.",
    # who speaks or asks, a member sworn in
    "Mevr. Oosting spreekt in namens de huurdersvereniging over de sloop van de flats aan de Beukenlaan.",
    "Raadslid Verhoef stelt vragen over het onderhoud van de fietspaden; wethouder Mulder antwoordt.",
    "De heer P. Wolters (Lokaal Belang) legt de eed af als commissielid.",
    "Het college heeft de schriftelijke vragen van drie fracties over de bibliotheek beantwoord.",
    # a farewell, the opening with a clause between, questions in the passive, no speakers
    "Na twaalf jaar neemt raadslid Van Wijk afscheid van de raad; de burgemeester spreekt haar toe.",
    "Om half acht opent men, na het welkomstwoord van de jeugdburgemeester, de vergadering.",
    "Namens het presidium heet de griffier de leden van de jongerenraad welkom.",
    "Door de fracties worden vragen over de ijsbaan aan de portefeuillehouder gesteld.",
    "Er hebben zich geen sprekers aangemeld voor dit onderdeel.",
    "Voor deze vergadering heeft wethouder Kramer zich afgemeld.",
    # the vragenuur's member named with the fractie, the subject after the colon
    "Anouk de Bruin (Stadspartij): de verlichting van het fietspad langs de vaart. De vragen worden "
    "door de wethouder beantwoord.",
    # what someone reports or announces, its words of a decision included; a pronoun for the chair
    "De griffier meldt dat de heer Bos zijn benoeming in de rekenkamer heeft aanvaard.",
    "Hij deelt mee dat het college het uitvoeringsplan volgende week vaststelt.",
    # an outcome word inside a name
    "Bericht van verhindering van mevrouw Kaya (fractie Sociaal Akkoord Oost).",
]
DECISIONS = [
    # a record that states a decision stays one, whole
    "De voorzitter opent de vergadering; de agenda wordt met één toegevoegd punt vastgesteld.",
    "Mevrouw Baars wordt met algemene stemmen benoemd tot lid van de rekenkamer.",
    "Raadslid Dekker stelt voor punt 9 van de agenda af te voeren; het voorstel vindt geen bijval.",
    "De heer Jansen doet het voorstel het reglement te wijzigen; de raad kan zich hierin vinden.",
    # an ordinary decision, in every voice
    "Het college stemt in met de aanbesteding van het groenonderhoud.",
    "De notulen van de vorige vergadering worden ongewijzigd goedgekeurd.",
    "Instemmen met de brief aan de provincie over de regionale energiestrategie.",
    "Gedeputeerde Staten stellen de subsidie voor het natuurbeheer van de Heidevelden 2031 vast op € 12.400.",
    # an election, a signature, answering questions by letter: acts of the body
    "De heer Bakker wordt bij schriftelijke stemming gekozen tot voorzitter van de auditcommissie.",
    "Wethouder Peters ondertekent namens het college de samenwerkingsovereenkomst met de woningcorporatie.",
    "Het college stelt voor de vragen van de fractie te beantwoorden met de bijgevoegde brief.",
    # a report followed by a decision of the meeting
    "De voorzitter meldt dat de agenda is aangevuld. De raad stelt de aangevulde agenda vast.",
]


@pytest.mark.parametrize("text", RECORDS)
def test_a_record_of_the_meetings_course_is_no_decision(text):
    """Convention: the opening, presence, announcements, speakers, questions, a farewell and an oath
    under a decision label record the meeting, they decide nothing; what someone reports ("meldt
    dat …") was not decided in the meeting, and a word inside a name decides nothing."""
    assert is_meeting_record(text)


@pytest.mark.parametrize("text", DECISIONS)
def test_a_record_that_states_a_decision_is_one(text):
    """Convention: a text that states a decision or its result anywhere is the item's decision,
    also when it opens with the chair or a member."""
    assert not is_meeting_record(text)


@pytest.mark.parametrize("records", [RECORDS[0:2], RECORDS[2:4], RECORDS[4:6]])
def test_records_under_a_besluit_label_give_no_decisions_on_a_generated_list(make_pdf, documents_of, records):
    """The same convention read off a printed list: items whose "Besluit:" text records the meeting
    give no decision, the items around them keep theirs."""
    page = Page().add(56, 40, "Besluitenlijst van de openbare raadsvergadering", size=14, bold=True)
    items = [("1", "Opening en mededelingen", records[0]),
             ("2", "Vaststelling van de agenda", "De agenda wordt gewijzigd vastgesteld."),
             ("3", "Inspreekpunt en vragen", records[1]),
             ("4", "Verordening marktgelden 2031", "De verordening wordt unaniem vastgesteld.")]
    y = 80
    for number, subject, text in items:
        page.add(56, y, f"{number}. {subject}", bold=True)
        page.add(56, y + 16, "Besluit:", bold=True)
        y = page.lines(56, y + 32, [text[:90], text[90:]] if len(text) > 90 else [text]) + 16
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.outcome) for d in doc.decisions] == [("2", "gewijzigd"), ("4", "vastgesteld")]


def test_a_record_in_a_tables_decision_column_is_no_decision():
    """Convention of table-form lists: the decision cell of the opening or the announcements row
    that only records the meeting is no decision."""
    table = _table(["Nr.", "Onderwerp", "Besluit", "Stemming"], [
        ["1", "Opening", "De voorzitter opent de vergadering om 14.00 uur en heet de gasten welkom.", ""],
        ["2", "Mededelingen", "Wethouder Haan deelt mee dat de nieuwe sporthal in mei opent.", ""],
        ["3", "Gebiedsvisie Westrand", "De gebiedsvisie wordt vastgesteld.", "unaniem"],
        ["4", "Rondvraag", "Mevrouw Lont stelt vragen over de verlichting van het fietspad.", ""],
    ])
    found = find_table_decisions([table], body="Raad")
    assert [(d.agenda_item, d.text) for d in found] == [("3", "De gebiedsvisie wordt vastgesteld.")]


@pytest.mark.parametrize("paragraph", [
    # the decision between the record and the positions taken, impersonal
    "Het overleg van de noordelijke provincies over de veerdiensten is afgelast. Er is besloten de "
    "punten schriftelijk af te handelen. De standpunten van het college zijn aan de regio gestuurd",
    # the body's verb in a middle sentence, no full stop at the end
    "De regio vroeg om een extra bijdrage voor de buslijn. Gedeputeerde Staten besluiten die bijdrage "
    "voor één jaar te verlenen. De dienstregeling blijft verder gelijk",
    # under a summary label, the label no part of it
    "Openbare samenvatting: De gemeente vroeg om uitstel van de rapportage. Het college stemt in met "
    "uitstel tot het najaar.",
])
def test_an_unlabelled_items_paragraph_states_its_decision_in_any_sentence(make_pdf, documents_of, paragraph):
    """Convention of GS and college lists without a decision label: the item's paragraph that
    states what the body decided, in any sentence, also impersonal ("Er is besloten …") or under a
    summary label, is the item's decision, whole (the summary label dropped)."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Vergadering van Gedeputeerde Staten over de stukken van deze week."])
    page.add(56, 100, "1. Veerdiensten en buslijnen", size=11, bold=True)
    words = paragraph.split()
    lines = [" ".join(words[i:i + 14]) for i in range(0, len(words), 14)]
    page.lines(56, 118, lines)
    page.add(56, 200, "2. Verslag bestuurlijk overleg", size=11, bold=True)
    page.lines(56, 218, ["Het overleg met de gemeenten is in maart gehouden en verliep goed."])
    (doc,) = documents_of(make_pdf([page]))
    expected = paragraph.removeprefix("Openbare samenvatting: ")
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", expected)]
