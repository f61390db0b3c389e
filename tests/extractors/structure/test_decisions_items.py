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
