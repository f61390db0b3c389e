"""Besluitenlijst items as councils and provinces set them: outcome precedence, placeholders under a
decision label, left-label rows of a form, field lines over an item's deciding paragraph.

Every wording here is invented; none comes from a sample or a corpus paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("text, outcome", [
    # a result set as a participle outranks how the vote went
    ("Het voorstel is met algemene stemmen vastgesteld.", "vastgesteld"),
    ("De verordening wordt unaniem aangenomen.", "aangenomen"),
    ("Het initiatiefvoorstel is zonder hoofdelijke stemming verworpen.", "verworpen"),
    # the manner alone, with the decision's own verb in the infinitive, stays the outcome
    ("De raad besluit met algemene stemmen de kadernota vast te stellen.", "unaniem"),
    ("Het algemeen bestuur heeft unaniem besloten de begroting aan te nemen.", "unaniem"),
])
def test_a_stated_result_outranks_the_manner_of_the_vote(text, outcome):
    """Convention of besluitenlijsten: "is vastgesteld met algemene stemmen" says what happened to
    the decision (`vastgesteld`); "unaniem" is the outcome where the text states only how the body
    decided ("De raad besluit unaniem …")."""
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome(text)[0] == outcome


@pytest.mark.parametrize("text, expected", [
    ("Er zijn vier moties ingediend. Twee moties zijn aangenomen en twee verworpen. "
     "Het bestemmingsplan is vastgesteld.", ("vastgesteld", None, None)),
    ("Het amendement over de parkeernormen is met 12 stemmen voor en 17 tegen verworpen. "
     "De parkeervisie wordt ongewijzigd vastgesteld met 25 stemmen voor en 4 tegen.", ("vastgesteld", 25, 4)),
    ("De staten hebben de motie Groene daken met 30 stemmen voor en 11 tegen aangenomen. "
     "Het programma Klimaat wordt conform het voorstel vastgesteld.", ("vastgesteld", None, None)),
    # the motion's own item: its sentences are all there is
    ("De motie Bankjes in het park wordt verworpen met 9 stemmen voor en 20 tegen.", ("verworpen", 9, 20)),
])
def test_a_sentence_about_a_motion_gives_no_outcome_of_the_item(text, expected):
    """Convention: an item's text that reports its moties and amendementen ("twee moties zijn
    aangenomen") before or after its own decision takes its outcome and votes from the sentences
    about its decision; only a motion's own item takes them from the motion's sentence."""
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome(text) == expected


def test_outcome_precedence_on_a_generated_besluitenlijst(make_pdf, documents_of):
    """The same conventions read off a printed list: each item's outcome from its own decision."""
    page = Page().add(56, 40, "Besluitenlijst van de vergadering van het algemeen bestuur", size=14, bold=True)
    items = [("4", "Jaarrekening 2030", "Er is één amendement ingediend; het amendement is verworpen. "
              "De jaarrekening is met algemene stemmen vastgesteld."),
             ("5", "Nota grondbeleid", "De nota wordt unaniem aangenomen."),
             ("6", "Benoeming", "Het bestuur besluit met algemene stemmen mevrouw Dekker te benoemen.")]
    y = 80
    for number, subject, decision in items:
        page.add(56, y, f"{number}. {subject}", bold=True)
        page.add(56, y + 16, "Besluit:", bold=True)
        y = page.lines(56, y + 32, [decision]) + 16
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.outcome) for d in doc.decisions] == [
        ("4", "vastgesteld"), ("5", "aangenomen"), ("6", "unaniem")]


@pytest.mark.parametrize("placeholder", ["n.v.t.", "Geen besluit.", "Vervalt", "–"])
def test_a_placeholder_under_a_decision_label_is_no_decision(make_pdf, documents_of, placeholder):
    """Convention of exports: an item without a decision prints its label with a placeholder
    ("Besluit: n.v.t.", "Besluit: –"); that is no decision, the items around it keep theirs."""
    page = Page().add(56, 40, "Besluitenlijst commissie Bestuur", size=14, bold=True)
    page.lines(56, 80, ["1. Vaststelling van de agenda", "Besluit: De agenda wordt vastgesteld.",
                        "2. Mededelingen van de portefeuillehouders", f"Besluit: {placeholder}",
                        "3. Evaluatie burgerpanel", "Besluit: De commissie neemt kennis van de evaluatie."],
               leading=18)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("1", "De agenda wordt vastgesteld."), ("3", "De commissie neemt kennis van de evaluatie.")]


LABEL_RIGHT = 150.0
"""The right edge of the label column: labels are set flush right against it."""


def _left_label_form(label: str) -> tuple[Page, list[str]]:
    """A form-like besluitenlijst: a grid of right-aligned labels and their values (a long
    explanation over two lines first), then per agenda item a label row beside its decision, the
    decision wrapped over lines in the value column."""
    page = Page().add(42, 16, "BESLUITENLIJST", size=13, bold=True)
    page.add(42, 60, "Vergadering van het dagelijks bestuur 3 maart 2031", size=12, bold=True)

    def row(top: float, lbl: str, values: list[str]) -> float:
        page.add(LABEL_RIGHT - 5.0 * len(lbl), top, lbl, size=8, bold=True)
        return page.lines(167, top, values, size=9, leading=13.6)

    y = row(100, "Plaats", ["Bestuurskamer"]) + 8
    y = row(y, "Uitleg", ["Per agendapunt staat hieronder wat het bestuur heeft besproken en",
                          "wat het daarover heeft besloten."]) + 8
    y = row(y, "Datum", ["03-03-2031"]) + 30
    decisions = [["Het dagelijks bestuur stemt in met de aanbesteding van het onderhoud van",
                  "de gemalen in de polder."],
                 ["De begrotingswijziging wordt vastgesteld met een tegenstem van het lid Smit."],
                 ["Het bestuur besluit de pilot met de slimme stuwen met twee jaar te verlengen",
                  "en de resultaten in het voorjaar te bespreken met de aangesloten",
                  "gemeenten."]]
    for n, lines in enumerate(decisions, 1):
        page.add(42, y, f"Agendapunt {n}", size=11, bold=True)
        y = row(y + 30, label, lines) + 30
    return page, [" ".join(lines) for lines in decisions]


@pytest.mark.parametrize("label", ["Besluit", "Besloten", "Conclusie"])
def test_a_left_label_row_holds_its_decision_beside_the_label(make_pdf, documents_of, label):
    """Convention of form-made lists: labels flush right in a column of their own, the value to
    their right on the same row and under it. The decision is the text beside the decision label,
    up to the next label of the column; a long value of a field row above is no decision."""
    page, expected = _left_label_form(label)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        (str(n), text) for n, text in enumerate(expected, 1)]
    assert [d.outcome for d in doc.decisions][1] == "vastgesteld"


@pytest.mark.parametrize("field", ["Kenmerk: 2031/0042117", "Zaaknummer: Z.31-0099", "Datum besluit: 4 april 2031"])
def test_a_field_line_over_an_items_paragraph_is_no_part_of_its_decision(make_pdf, documents_of, field):
    """Convention of GS and college lists without a decision label: the item's field line set
    right above its paragraph, in the same run of lines, heads the paragraph; the deciding
    paragraph under it is the decision all the same."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Vergadering van Gedeputeerde Staten over de stukken van deze week."])
    paragraphs = ["Gedeputeerde Staten stellen de nadere regels voor de natuursubsidie vast.",
                  "Het college verleent de stichting Duinrand een bijdrage van € 8.000 voor de gids."]
    y = 100
    for n, (subject, text) in enumerate(zip(["Natuursubsidie", "Duingids"], paragraphs), 1):
        page.add(56, y, f"{n}. {subject}", size=11, bold=True)
        page.lines(56, y + 18, [field, text])
        y += 70
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", paragraphs[0]), ("2", paragraphs[1])]


def test_a_deciding_paragraph_broken_at_a_columns_foot_goes_on_in_the_next_column(make_pdf, documents_of):
    """Convention of two-column GS lists: an item's paragraph that ends mid-sentence at the foot of
    the left column goes on at the top of the right one; the decision is the whole paragraph, and
    the deciding verb in its first sentence is read across the break."""
    page = Page().add(45, 40, "Besluitenlijst Gedeputeerde Staten", size=14, bold=True)
    page.add(45, 700, "7. Schoolzwemmen", size=10, bold=True)
    page.lines(45, 720, ["Gedeputeerde Staten besluiten de bijdrage aan", "de gemeenten voor het"], size=9.5)
    page.lines(310, 80, ["schoolzwemmen met een jaar te verlengen.", "Dat kost € 40.000."], size=9.5)
    page.add(310, 130, "8. Fietsbrug", size=10, bold=True)
    page.lines(310, 150, ["Het college neemt kennis van de planning van de brug."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    texts = [d.text for d in doc.decisions]
    assert texts[0] == ("Gedeputeerde Staten besluiten de bijdrage aan de gemeenten voor het schoolzwemmen "
                        "met een jaar te verlengen. Dat kost € 40.000.")


@pytest.mark.parametrize("rest", [["kwijtschelding 2031."], ["parkeerbelastingen", "2031."],
                                  ["hondenbelasting", "voor", "2031."]])
def test_a_decision_row_broken_into_segments_is_read_whole(make_pdf, documents_of, rest):
    """Convention of scans read by OCR: a skewed row comes out as segments at a word space from
    each other, a little higher or lower; the decision runs on over the segments of its row."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Ooststad;", "gelet op artikel 229 van de Gemeentewet;"])
    page.add(56, 130, "BESLUIT:", bold=True)
    first = "vast te stellen de verordening op de"
    page.add(56, 150, first)
    x = 56 + stringWidth(first, "Helvetica", 10) + 3
    for k, piece in enumerate(rest):
        page.add(x, 150 + (6 if k % 2 == 0 else 0), piece)
        x += stringWidth(piece, "Helvetica", 10) + 3
    page.add(56, 190, "Artikel 1 Begrippen", bold=True).add(56, 208, "In deze verordening wordt verstaan onder: …")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [" ".join([first, *rest])]


@pytest.mark.parametrize("mark", ["„", "‚", "’"])
def test_a_misread_marker_in_the_marker_column_opens_the_next_point(make_pdf, documents_of, mark):
    """Convention of scans read by OCR: a list marker ("2.") misread as a lone mark, in the
    marker column with its text at the list's text column, after the last point has ended, is the
    next point, not the last one running on."""
    page = Page().add(56, 50, "Collegebesluit", size=16, bold=True)
    page.add(56, 90, "Het college besluit:", bold=True)
    page.add(56, 110, "1.").add(72, 110, "de nota parkeren in de binnenstad vast te stellen;")
    page.add(60, 126, mark).add(72, 126, "De raad met een brief over de nota te informeren.")
    page.add(56, 170, "Toelichting", bold=True).add(56, 188, "De nota volgt op de evaluatie van 2030.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.number, d.text) for d in doc.decisions] == [
        (1, "de nota parkeren in de binnenstad vast te stellen;"),
        (2, "De raad met een brief over de nota te informeren.")]


@pytest.mark.parametrize("points", [
    ["1.1 Het beheerplan voor de stadsbossen vast te stellen.", "1.2 De raad hierover met een brief te informeren."],
    ["2.1 In te stemmen met de verkoop van de voormalige school aan de", "woningcorporatie.",
     "2.2 De opbrengst toe te voegen aan de reserve vastgoed.", "2.3 De omwonenden uit te nodigen voor een avond."],
    ["1.1 De brief van de ondernemersvereniging voor kennisgeving aan te nemen."],
])
def test_decimal_points_under_a_decision_label_are_the_items_decisions(make_pdf, documents_of, points):
    """Convention of B&W besluitenlijsten: under the "Besluit:" label of an item the points are
    numbered per item with decimals ("1.1", "1.2"); each is a decision of that item (a lone "1.1"
    too), not a new agenda item."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "4 Beheer stadsbossen en vastgoed (2031-118)", size=11, bold=True)
    page.lines(56, 100, ["Het college bespreekt het voorstel van de afdeling Ruimte."])
    page.add(56, 124, "Besluit:", bold=True)
    page.lines(62, 140, points, leading=14)
    page.add(56, 140 + 14 * len(points) + 24, "5 Rondvraag", size=11, bold=True)
    page.lines(56, 140 + 14 * len(points) + 44, ["Er zijn geen vragen."])
    (doc,) = documents_of(make_pdf([page]))
    expected, current = [], None
    for p in points:
        if p[0].isdigit() and p[1] == ".":
            current = p.split(" ", 1)[1]
            expected.append(current)
        else:
            expected[-1] = f"{expected[-1]} {p}"
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("4", t) for t in expected]


@pytest.mark.parametrize("conclusion, outcome", [
    ("Conclusie: de notulen worden ongewijzigd vastgesteld.", "vastgesteld"),
    ("Conclusie: het voorstel wordt aangehouden.", "aangehouden"),
    ("Conclusie: conform.", "conform"),
])
def test_a_conclusion_under_a_decision_label_is_the_decision(make_pdf, documents_of, conclusion, outcome):
    """Convention of PS and council lists: "Besluit:" then the record of the discussion and a
    "Conclusie: …" line; the conclusion is the item's decision (also when it follows the label
    directly), the record is not."""
    page = Page().add(56, 40, "Besluitenlijst Provinciale Staten", size=14, bold=True)
    page.add(56, 80, "3 Verslag van de vorige vergadering", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True)
    page.lines(56, 116, ["Het lid Jansen vraagt een tekstuele correctie op pagina 4; die wordt overgenomen."])
    page.lines(56, 140, [conclusion])
    page.add(56, 180, "4 Vaststellen agenda", size=11, bold=True)
    page.add(56, 200, "Besluit:", bold=True)
    page.lines(56, 216, ["Conclusie: de agenda wordt vastgesteld."])
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text, d.outcome) for d in doc.decisions] == [
        ("3", conclusion.split(": ", 1)[1], outcome), ("4", "de agenda wordt vastgesteld.", "vastgesteld")]


@pytest.mark.parametrize("kind", ["RAADSBESLUIT", "BESLUIT", "STATENBESLUIT"])
def test_a_kind_line_over_the_formula_opens_no_decision(make_pdf, documents_of, kind):
    """Convention of published regulations (CVDR): the kind in the top band, then "Geldend van"
    and the formula "De raad …; gelezen …; besluit" (lower case, alone) and the decision under it:
    the decision follows the formula's "besluit", never the kind line."""
    page = Page().add(390, 60, kind, size=14, bold=True).add(390, 76, "Gemeente Westerveen", size=9)
    page.lines(68, 140, ["Geldend van: 01-01-2031 t/m heden", "De raad van de gemeente Westerveen;",
                         "gelezen het voorstel van het college van 3 februari 2031;",
                         "gelet op artikel 149 van de Gemeentewet;"], leading=18)
    page.add(68, 230, "besluit")
    page.add(88, 250, "vast te stellen de Verordening speelvoorzieningen Westerveen 2031")
    page.add(68, 290, "Artikel 1 Begrippen", bold=True).add(68, 308, "In deze verordening wordt verstaan onder: …")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["vast te stellen de Verordening speelvoorzieningen Westerveen 2031"]


@pytest.mark.parametrize("text", ["Akkoord.", "Akkoord met het advies.", "Ingestemd met het voorstel."])
def test_agreeing_with_the_proposal_is_conform(text):
    """Convention of B&W lists: a decision that only agrees with the proposal or the advice
    ("Akkoord.") adopts it as proposed: `conform`; an agreement with an object of its own
    ("Akkoord te gaan met …") is a decision point, no outcome."""
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome(text)[0] == "conform"
    assert find_outcome("Akkoord te gaan met de planning van de herinrichting.")[0] is None


@pytest.mark.parametrize("closing", [
    "Gedeputeerde Staten kunnen zich dan ook vinden in het voorstel van het waterschap.",
    "Het college stemt daarom in met de gewijzigde planning.",
    "Om die reden besluiten GS de subsidie niet te verlengen.",
])
def test_an_unlabelled_items_paragraph_that_closes_with_its_decision_is_the_decision(make_pdf, documents_of,
                                                                                   closing):
    """Convention of GS lists without a decision label: the paragraph may give the background
    first and close with the body's decision; the whole paragraph is the item's decision."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Vergadering van Gedeputeerde Staten over de stukken van deze week."])
    page.add(56, 100, "1. Peilbesluit Oostpolder", size=11, bold=True)
    text = ["Het waterschap wil het peil in de Oostpolder in twee stappen verhogen. De boeren in het gebied",
            f"zijn daarover gehoord. {closing}"]
    page.lines(56, 118, text)
    page.add(56, 170, "2. Verslag bestuurlijk overleg", size=11, bold=True)
    page.lines(56, 188, ["Het overleg met de gemeenten is in maart gehouden en verliep goed."])
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", " ".join(text))]
