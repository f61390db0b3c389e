"""Besluitenlijst items as council information systems export them: labels in a field column down
the left, each on the baseline of the text it labels; every paragraph under a bare "Besluit" label a
decision of its own; a printed vote under a bare vote label, with the seats of each fractie; a tail
label ("Toezeggingen") that ends the decision; and an amendement's one decision over the points its
sentence announces. Wordings and layouts are invented for these tests; none comes from a sample,
corpus or batch paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.structure.decisions import seat_votes, vote_outcome
from tests.pdfs import Page

LABEL_X, TEXT_X = 45, 180


def _field_column_page(vote: list[str]) -> Page:
    """A list whose labels ("Besluit", "Stemuitslag") stand in a grey field column on the left, on
    the baseline of their text in the column on the right; the agenda item heads in the text column."""
    page = Page().add(LABEL_X, 40, "Gemeente Oosterwold", size=11)
    page.rect(LABEL_X - 6, 80, 160, 420, fill=True)
    page.add(LABEL_X, 90, "Besluitenlijst", size=9).add(TEXT_X, 90, "Raadsvergadering donderdag 8 mei 2031", size=10)
    page.add(TEXT_X, 130, "Agendapunt 1", bold=True)
    page.add(LABEL_X, 146, "Besluit", size=8)
    page.add(TEXT_X, 146, "De notulen van 10 april 2031 worden zonder wijziging vastgesteld.")
    page.add(TEXT_X, 186, "Agendapunt 2", bold=True)
    y = 202
    page.add(LABEL_X, y, "Stemuitslag", size=8)
    y = page.lines(TEXT_X, y, vote, size=9, leading=12)
    page.add(LABEL_X, y + 6, "Besluit", size=8)
    page.lines(TEXT_X, y + 6, ["De raad stemt in met de verkoop van het pand aan de Kerkstraat aan de",
                               "stichting voor het dorpshuis."])
    page.add(TEXT_X, y + 56, "Agendapunt 3", bold=True)
    page.add(LABEL_X, y + 72, "Besluit", size=8)
    page.add(TEXT_X, y + 72, "Het voorstel wordt aangehouden tot de vergadering van juni.")
    return page


@pytest.mark.parametrize("vote, outcome, votes", [
    (["voor 100%", "voor: Fractie Dorpsbelang (5), Fractie Groen Oosterwold (3), Fractie Liberaal (2)"],
     "aangenomen", (10, 0)),
    (["voor 62%", "voor: Fractie Dorpsbelang (5), Fractie Liberaal (3)", "tegen: Fractie Groen Oosterwold (5)"],
     "aangenomen", (8, 5)),
    (["voor 31%", "voor: Fractie Liberaal (4)", "tegen: Fractie Dorpsbelang (6), Fractie Groen Oosterwold (3)"],
     "verworpen", (4, 9)),
])
def test_labels_in_a_field_column_label_the_text_on_their_baseline(make_pdf, documents_of, vote, outcome, votes):
    """Convention of raadsinformatiesysteem exports: the decision and vote labels stand in a field
    column down the left, each on the baseline of the text it labels; read apart from the text
    (the column first), each label still labels the text on its row, under that row's agenda item.
    The printed vote gives the item's outcome (more than half for: carried) and the votes, the
    seats of each fractie summed."""
    (doc,) = documents_of(make_pdf([_field_column_page(vote)]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("1", "De notulen van 10 april 2031 worden zonder wijziging vastgesteld."),
        ("2", "De raad stemt in met de verkoop van het pand aan de Kerkstraat aan de stichting voor het dorpshuis."),
        ("3", "Het voorstel wordt aangehouden tot de vergadering van juni.")]
    assert (doc.decisions[1].outcome, doc.decisions[1].votes_for, doc.decisions[1].votes_against) == (outcome, *votes)


@pytest.mark.parametrize("label", ["Stemuitslag", "Stemuitslag:", "Uitslag stemming:"])
def test_a_bare_vote_label_over_its_lines_gives_the_outcome_and_votes(make_pdf, documents_of, label):
    """Convention of printed votes: the vote label alone on its line (or as a pill), the share for and
    the fracties with their seats on the lines under it, then the item's decision label."""
    page = Page().add(56, 40, "Besluitenlijst van de raad", size=14, bold=True)
    page.add(56, 80, "Agendapunt 5", bold=True)
    page.add(56, 98, label, size=8, bold=True)
    page.lines(70, 112, ["voor 100%", "voor: Fractie Stadsbelang (6), Fractie Vooruit (4), Fractie Samen (1)"], size=9)
    page.add(56, 148, "Besluit", size=8, bold=True)
    page.add(70, 162, "Tijdens dit agendapunt is de motie over de zondagsopenstelling behandeld.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions] == [
        ("5", "aangenomen", 11, 0)]


@pytest.mark.parametrize("text, share, votes", [
    ("voor: Fractie A (4), Fractie B (2)", 100.0, (6, 0)),
    ("voor: Lijst Noord (3) tegen: Lijst Zuid (2), Lijst Oost (1)", 50.0, (3, 3)),
    ("voor: Fractie A (4)", 70.0, (None, None)),
    ("De motie wordt aangenomen.", None, (None, None)),
])
def test_seat_votes_sum_each_list(text, share, votes):
    """Convention: a vote printed per fractie with its seats counts the seats of each list; no list
    against is none against only where the share for is 100% (else neither count is known)."""
    assert seat_votes(text, share) == votes


def test_a_text_naming_its_outcome_takes_the_votes_from_the_printed_vote():
    """The vote line of an item gives its outcome and seats ("voor 100%" carried)."""
    assert vote_outcome("voor 100% voor: Fractie A (7), Fractie B (2)") == ("aangenomen", 9, 0)


PARAGRAPHS = [
    ["De agenda wordt met een extra punt over de kermis vastgesteld."],
    ["De lijst van ingekomen stukken wordt conform het voorstel afgehandeld."],
    ["Het voorstel over de parkeertarieven schuift door naar de vergadering van september en komt",
     "daar als eerste aan de orde."],
]


def _paragraphs_page(spaced: bool) -> Page:
    """An item with three paragraphs under a bare "Besluit" label, set with or without space
    between them; the second item's one decision."""
    page = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=14, bold=True)
    page.add(56, 80, "Agendapunt 2", bold=True)
    page.add(56, 96, "Besluit", size=8, bold=True)
    y = 110
    for lines in PARAGRAPHS:
        y = page.lines(56, y, lines, leading=12) + (10 if spaced else 0)
    page.add(56, y + 20, "Agendapunt 3", bold=True)
    page.add(56, y + 36, "Besluit", size=8, bold=True)
    page.add(56, y + 50, "De raad stelt de kadernota 2032 vast.")
    return page


@pytest.mark.parametrize("spaced", [True, False])
def test_each_paragraph_under_a_bare_label_is_a_decision(make_pdf, documents_of, spaced):
    """Convention of exported besluitenlijsten (bench/README 'Decision points: what counts'): under
    a bare "Besluit" label, each paragraph is a decision of the item, whether the paragraphs are
    spaced or set line under line (a line after one that ended its sentence well short of the
    margin opens the next paragraph)."""
    (doc,) = documents_of(make_pdf([_paragraphs_page(spaced)]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        *(("2", " ".join(p)) for p in PARAGRAPHS), ("3", "De raad stelt de kadernota 2032 vast.")]


@pytest.mark.parametrize("tail", ["Toezeggingen", "Toezeggingen:", "Actiepunten"])
def test_a_tail_label_ends_the_decision(make_pdf, documents_of, tail):
    """Convention: an item's tail label ("Toezeggingen", "Actiepunten") after its decision opens the
    promises made, numbered; they are no decisions, no agenda items."""
    page = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=14, bold=True)
    page.add(56, 80, "Agendapunt 4", bold=True)
    page.add(56, 96, "Besluit", size=8, bold=True)
    page.add(56, 110, "De raad stelt de verordening op de speelautomaten vast.")
    page.add(56, 130, tail, size=8, bold=True)
    page.lines(56, 144, ["1. Wethouder Amrani zegt toe de raad voor de zomer te informeren over de handhaving.",
                         "2. De burgemeester zegt toe de vergunningen jaarlijks te evalueren."])
    page.add(56, 190, "Agendapunt 5", bold=True)
    page.add(56, 206, "Besluit", size=8, bold=True)
    page.add(56, 220, "De begrotingswijziging wordt vastgesteld.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("4", "De raad stelt de verordening op de speelautomaten vast."),
        ("5", "De begrotingswijziging wordt vastgesteld.")]


@pytest.mark.parametrize("intro, sentence", [
    ("Als volgt te amenderen:", "Het tweede beslispunt te schrappen en in plaats daarvan op te nemen:"),
    ("Stellen voor het ontwerpbesluit als volgt te wijzigen:",
     "De volgende uitgangspunten toe te voegen aan de kadernota:"),
    ("Stellen voor het besluit op de volgende punten te wijzigen:",
     "In het dictum de opdracht aan het college te vervangen door:"),
])
def test_an_amendements_sentence_announcing_points_is_one_decision(make_pdf, documents_of, intro, sentence):
    """Convention of amendementen (bench/README 'Decision points: what counts'): the dictum
    announced as the change it makes ("Als volgt te amenderen:", "… als volgt te wijzigen:"); one
    sentence that announces its points with a colon is one decision over those points, its lines
    joined and the markers dropped."""
    points = ["De sportverenigingen worden bij de bezuinigingen ontzien.",
              "Het zwembad blijft in de winter open.", "Dorpshuizen"]
    page = Page().add(56, 40, "Amendement", size=16, bold=True)
    page.lines(56, 80, ["Aan de voorzitter van de gemeenteraad,",
                        "Ondergetekenden stellen voor het raadsbesluit over de Voorjaarsnota 2032"])
    page.add(56, 120, intro, bold=True)
    page.add(56, 136, sentence)
    y = 150
    for point in points:
        page.add(56, y, "•").add(70, y, point)
        y += 14
    page.lines(56, y + 16, ["Dit amendement is ondertekend door de fracties van Dorpsbelang en Vooruit.",
                            "Oosterwold, 3 juni 2032."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "amendement"
    assert [d.text for d in doc.decisions] == [" ".join([sentence, *points])]


@pytest.mark.parametrize("dictum", [
    ["De Nota bodembeheer Rivierenland 2032 vast te stellen, waarbij de kaart met de bodemkwaliteit",
     "als bijlage deel uitmaakt van de nota."],
    ["Het Handboek openbare ruimte in te trekken per 1 januari 2033."],
])
def test_a_dictum_with_its_object_first_after_the_considerations(make_pdf, documents_of, dictum):
    """Convention of published raadsbesluiten without a besluit formula (the regelingenbank): after
    the body and its considerations ("Gezien het voorstel …,"), the dictum may set its object before
    the infinitive ("De nota … vast te stellen, …"): the paragraph's first sentence is the decision."""
    page = Page().add(56, 40, "Raadsbesluit", size=16, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Lingewaard-Oost,",
                        "Gezien het voorstel van het college van burgemeester en wethouders van 2 maart 2032,"])
    page.lines(56, 130, dictum)
    page.add(56, 180, "Aldus vastgesteld in de openbare vergadering van 20 april 2032.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [" ".join(dictum)]


def test_a_field_line_after_a_kind_word_is_no_decision(make_pdf, documents_of):
    """Convention of published besluiten: the kind word ("BESLUIT") over a publication's field
    lines as chips ("Soort regeling: Beleidsregel"): a field line names a property of the paper,
    it decides nothing (a beleidskader prints no dictum)."""
    page = Page().add(56, 40, "Gemeente Lingewaard-Oost", size=11)
    page.add(56, 90, "BESLUIT", size=8, bold=True)
    page.add(200, 120, "Soort regeling: Beleidsregel", size=8)
    page.lines(56, 150, ["Vastgesteld door: college van burgemeester en wethouders", "Onderwerp: openbare ruimte"],
               size=8)
    page.add(56, 200, "1 Inleiding", size=12, bold=True)
    page.lines(56, 220, ["Dit kader geeft de regels voor het aanleggen van een inrit naar een perceel."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == []


def test_a_running_line_at_the_next_pages_head_is_no_part_of_a_decision(make_pdf, documents_of):
    """Convention of typed minutes: the next page opens with a running line (body, kind, date) over
    the rest of the list; between a label at the page's foot and its text, or after an item's
    paragraphs, it is no decision and no part of one."""
    first = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=14, bold=True)
    first.add(56, 80, "Agendapunt 1", bold=True)
    first.add(56, 96, "Besluit", size=8, bold=True)
    first.add(56, 110, "De raad stelt het verslag van de vorige vergadering ongewijzigd vast.")
    first.add(56, 770, "Agendapunt 2", bold=True)
    first.add(56, 790, "Besluit", size=8, bold=True)
    second = Page().add(56, 40, "Gemeente Oosterwold, besluitenlijst 8 mei 2031", size=8)
    second.lines(56, 80, ["Het voorstel over de speeltuinen wordt na de stemming met algemene stemmen",
                          "aangenomen."])
    second.add(56, 120, "Agendapunt 3", bold=True)
    second.add(56, 136, "Besluit", size=8, bold=True)
    second.add(56, 150, "De motie over de ijsbaan is ingetrokken.")
    (doc,) = documents_of(make_pdf([first, second]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("1", "De raad stelt het verslag van de vorige vergadering ongewijzigd vast."),
        ("2", "Het voorstel over de speeltuinen wordt na de stemming met algemene stemmen aangenomen."),
        ("3", "De motie over de ijsbaan is ingetrokken.")]


def test_a_note_label_after_the_paragraphs_gives_their_outcome(make_pdf, documents_of):
    """Convention of B&W lists: under a bare "Besluit:" label the item's paragraph, then a note's
    label ("Toelichting:") over the verdict ("Akkoord, vastgesteld."): the note is no decision of its
    own, its verdict gives the outcome."""
    page = Page().add(56, 40, "Besluitenlijst van burgemeester en wethouders", size=14, bold=True)
    page.add(56, 80, "5. Evaluatie markt", size=11, bold=True)
    page.add(56, 100, "Besluit:", size=8, bold=True)
    page.add(56, 114, "Betreft de evaluatie van de weekmarkt op het Brinkplein.")
    page.add(56, 134, "Toelichting:", size=8, bold=True)
    page.add(56, 148, "Akkoord, vastgesteld.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text, d.outcome) for d in doc.decisions] == [
        ("5", "Betreft de evaluatie van de weekmarkt op het Brinkplein.", "vastgesteld")]


def test_a_wrapped_line_naming_an_agenda_item_opens_no_item(make_pdf, documents_of):
    """Convention: a sentence wrapped before "agendapunt 7 …" ("… stelt voor om het" / "agendapunt 7
    ‘…’ te schrappen") names an item, it opens none: the decision below stays under its own item."""
    page = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=14, bold=True)
    page.add(56, 80, "Agendapunt 2", bold=True)
    page.lines(56, 98, ["De voorzitter deelt mee dat de fractie Samen Vooruit voorstelt om het",
                        "agendapunt 7 ‘Motie over de bomenkap’ van de agenda te halen."])
    page.add(56, 130, "BESLUITVORMING", size=8, bold=True)
    page.add(56, 144, "De raad stelt de agenda vast zonder agendapunt 7.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("2", "De raad stelt de agenda vast zonder agendapunt 7.")]


def test_a_clause_carried_on_inside_a_considering_sentence_is_no_dictum(make_pdf, documents_of):
    """Convention of letters: "Gezien …" in a running sentence ("Gezien de ontwikkelingen vragen wij
    u … / de vergadering, in verband met …") considers nothing of a besluit: a line inside its
    paragraph opening with "de" is no dictum set with its object first."""
    page = Page().add(56, 40, "Aan de voorzitter van de gemeenteraad", size=11)
    page.lines(56, 90, ["Gezien de berichten over het sluiten van de bibliotheek vragen wij u een extra",
                        "vergadering bijeen te roepen. Vanwege het vertrek van twee wethouders en",
                        "de wens van de fracties om snel duidelijkheid te krijgen vragen wij u dat te doen",
                        "op maandag 4 maart om 19.30 uur."])
    page.lines(56, 160, ["Met vriendelijke groet,", "Namens de fracties,", "P. de Wit, fractievoorzitter"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == []


def test_labels_read_under_their_own_item_stay_there(make_pdf, documents_of):
    """Convention of form-made lists: several labels of an item flush right in the label column
    ("Stukken", "Besluit"), each beside its value; where the reading order reads each item's labels
    under its own heading and the values after them all, each decision stays with its item."""
    page = Page().add(42, 16, "BESLUITENLIJST", size=13, bold=True)
    page.add(42, 60, "Vergadering van het algemeen bestuur 9 juni 2031", size=12, bold=True)

    def row(top: float, label: str, values: list[str]) -> float:
        page.add(150 - 5.0 * len(label), top, label, size=8, bold=True)
        return page.lines(167, top, values, size=9, leading=13.6)

    y = row(100, "Plaats", ["Vergaderzaal De Dijk"]) + 30
    decisions = [["Het algemeen bestuur stelt de jaarrekening 2031 van het waterschap vast met",
                  "een tegenstem van het lid Bakker."],
                 ["Het algemeen bestuur stemt in met de nieuwe dienstregeling van het veer over",
                  "de rivier en de tarieven voor fietsers."]]
    for n, lines in enumerate(decisions, 1):
        page.add(42, y, f"Agendapunt {n}", size=11, bold=True)
        y = row(y + 30, "Stukken", [f"Voorstel {n} van het dagelijks bestuur met de bijlagen", "en de adviezen."])
        y = row(y + 8, "Besluit", lines) + 30
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        (str(n), " ".join(lines)) for n, lines in enumerate(decisions, 1)]
