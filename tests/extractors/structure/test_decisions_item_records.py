"""A besluitenlijst item that prints its proposal and then the record of what became of it under a
decision label naming the thing decided on or the body that decided; a table row whose last cell
is the decision column's label; agreement stated as a result ("is akkoord", "is niet akkoord");
an amendement's change read from the paragraph its intro opens. Conventions: bench/README
"Decision points: what counts". Wordings invented; none comes from a sample, corpus or batch paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.structure.decisions import find_outcome, load_rules
from tests.pdfs import Page

RECORD_ITEMS = [
    # (number, subject, proposal points, decision label, the record under it, outcome, votes)
    ("4", "Herinrichting van de Veerstraat",
     ["1. het schetsontwerp voor de Veerstraat vast te stellen;",
      "2. een krediet van € 310.000 beschikbaar te stellen."],
     "Beslissing inzake het voorstel:", "met algemene stemmen akkoord", "aangenomen", (None, None)),
    ("5", "Verordening marktgelden 2032",
     ["De verordening marktgelden 2032 vast te stellen."],
     "Besluit raad:", "Het voorstel is akkoord met 19 stemmen voor (Noordpartij, Dorpslijst en Oeverbelang) "
                      "en 6 stemmen tegen (Groen Akker).", "aangenomen", (19, 6)),
    ("6", "Parkeerbeleid binnenstad",
     ["In te stemmen met de parkeervisie voor de binnenstad."],
     "Besluit ten aanzien van motie M6.2:", "Motie M6.2 Dorpslijst \u201cgratis parkeren op zaterdag\u201d is "
                                            "niet akkoord met 8 stemmen voor (Dorpslijst) en 17 stemmen tegen "
                                            "(Noordpartij, Oeverbelang, Groen Akker).", "verworpen", (8, 17)),
]


def _record_list(proposal_label: str) -> Page:
    """A council's record: per item its number and subject, its proposal under `proposal_label`
    (numbered points or one sentence), then the decision label and the record of the decision."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.add(56, 62, "Openbare vergadering van de gemeenteraad van Lindenwaard, 9 oktober 2031")
    y = 92
    for number, subject, points, label, record, _, _ in RECORD_ITEMS:
        page.add(56, y, f"Agendapunt {number}", bold=True)
        page.add(56, y + 14, subject, bold=True)
        page.add(56, y + 32, proposal_label, bold=True)
        y = page.lines(56, y + 46, points, leading=13) + 6
        page.add(56, y, label, bold=True)
        words = record.split()
        lines = [" ".join(words[k:k + 12]) for k in range(0, len(words), 12)]
        y = page.lines(56, y + 14, lines, leading=13) + 22
    return page


@pytest.mark.parametrize("proposal_label", ["Voorstel:", "Het voorstel:", "Voorstel van het college:"])
def test_the_record_under_the_decision_label_is_the_items_decision(make_pdf, documents_of, proposal_label):
    """Convention: in a besluitenlijst item, a proposal label ("Voorstel:") introduces the proposal
    (its numbered points are no decisions); the record under the item's decision label, also a
    label naming what it decides on or who decided ("Beslissing inzake het voorstel:", "Besluit
    raad:", "Besluit ten aanzien van motie …:"), is the decision, with the outcome and the votes
    it states."""
    (doc,) = documents_of(make_pdf([_record_list(proposal_label)]))
    assert doc.part.doc_type == "besluitenlijst"
    found = [(d.agenda_item, d.text, d.outcome, (d.votes_for, d.votes_against)) for d in doc.decisions]
    assert found == [(n, record, outcome, votes) for n, _, _, _, record, outcome, votes in RECORD_ITEMS]


@pytest.mark.parametrize("text, item, record", [
    ("Besluit over het voorstel:", None, ""), ("Besluitvorming inzake motie 7:", None, ""),
    ("3 Besluit van het algemeen bestuur: conform", "3", "conform"),
    ("BesIuit over amendement A:", None, ""),  # an OCR layer's "I" for a sans-serif "l"
])
def test_a_decision_label_may_name_what_it_decides_on(text, item, record):
    """Convention: a decision label may name, before its colon, the thing decided on or the body that
    decided (rules/decisions.toml [agenda] label_qualifier)."""
    label = load_rules().agenda_label.match(text)
    assert label is not None and label.group("item") == item and (label.group("text") or "") == record


@pytest.mark.parametrize("text", ["Besluit over de aanleg van het fietspad", "Beslissing op bezwaar van de heer K."])
def test_a_qualified_label_word_without_its_colon_is_no_label(text):
    """Convention: "Besluit over …" without a colon is a subject ("Besluit over de aanleg …" set as
    a heading), no decision label."""
    assert load_rules().agenda_label.match(text) is None


@pytest.mark.parametrize("text, outcome, votes", [
    ("Motie 3 is akkoord met 12 stemmen voor (A, B en C) en 1 stem tegen (D).", "aangenomen", (12, 1)),
    ("Het amendement werd niet akkoord bevonden met 4 stemmen voor (E) en 21 stemmen tegen (F, G).",
     "verworpen", (4, 21)),
    ("Unaniem akkoord zonder beraadslaging.", "aangenomen", (None, None)),
    ("Akkoord.", "conform", (None, None)),
    ("De raad besluit unaniem akkoord te gaan met de ruil van de percelen.", "unaniem", (None, None)),
])
def test_agreement_stated_as_the_result_is_adoption(text, outcome, votes):
    """Convention: agreement stated as the result, after its verb or the manner of the vote ("is
    akkoord met … stemmen voor", "unaniem akkoord"), adopts; "niet akkoord" rejects; a bare
    "Akkoord." agrees with the proposal (conform); "akkoord te gaan met" is a proposal's verb. The
    fracties of each side may follow its count in parentheses."""
    found, votes_for, votes_against = find_outcome(text, load_rules())
    assert (found, (votes_for, votes_against)) == (outcome, votes)


def _table_list() -> Page:
    """A board's record set as a table without rulings: "Nr. | Onderwerp | Besluit", each row's
    number, subject and the decision column's label "Besluit:" on one baseline, the subject's
    explanation under it in the middle column and the decision under the label in its column."""
    page = Page().add(56, 40, "Besluitenlijst algemeen bestuur", size=16, bold=True)
    page.add(56, 62, "Vergadering van 14 november 2031")
    page.add(56, 92, "Nr.", bold=True).add(110, 92, "Onderwerp", bold=True).add(380, 92, "Besluit", bold=True)
    rows = [("2.", "Verslag vorige vergadering", ["Het verslag van de vergadering van", "3 oktober 2031."],
             ["het bestuur stelt het verslag van", "3 oktober 2031 ongewijzigd vast."]),
            ("3.", "Baggerplan Oostpolder", ["Het plan regelt het baggeren van", "de watergangen tot 2035."],
             ["het bestuur stemt in met het", "baggerplan Oostpolder."])]
    y = 116
    for number, subject, explained, decision in rows:
        page.add(56, y, number).add(110, y, subject).add(380, y, "Besluit:")
        page.lines(110, y + 14, explained, leading=12)
        page.lines(380, y + 14, decision, leading=12)
        y += 60
    return page


def test_a_label_cell_that_ends_an_items_row_heads_its_decision_column(make_pdf, documents_of):
    """Convention: in a besluitenlijst set as a table, a row's last cell may be the decision
    column's label ("2. Verslag | Besluit:"): the item's decision is the text under that label in
    its column, not the subject's explanation in the column left of it."""
    (doc,) = documents_of(make_pdf([_table_list()]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text, d.outcome) for d in doc.decisions] == [
        ("2", "het bestuur stelt het verslag van 3 oktober 2031 ongewijzigd vast.", "vastgesteld"),
        ("3", "het bestuur stemt in met het baggerplan Oostpolder.", None)]


def test_a_change_in_the_intros_own_paragraph_is_read_whole(make_pdf, documents_of):
    """Convention: an amendement's change set as old text, cue line and new text is one decision,
    also where the intro opens the same paragraph ("… stellen het volgende amendement voor:" and the
    change below it set without space between, as an OCR layer joins them)."""
    page = Page().add(56, 50, "Amendement: langer open in de zomer", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Lindenwaard, in vergadering bijeen op 3 maart 2031,"],
                     leading=15)
    change = ["Paragraaf 2 op pagina 4 onder Bibliotheek",
              "De bibliotheek sluit om 17.00 uur. In juli is zij dicht.", "Te vervangen door",
              "De bibliotheek sluit om 20.00 uur. In juli is zij open."]
    top = page.lines(56, top + 8, ["De indieners stellen de raad het volgende voor:", *change], leading=13)
    page.lines(56, top + 20, ["De indieners,", "M. Kuiper, Dorpslijst"], leading=15)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "amendement"
    assert [d.text for d in doc.decisions] == [" ".join(change)]


def test_the_text_finder_reads_a_label_cell_at_a_rows_end(make_pdf, sections_of):
    """The same convention for the text finder alone (a table the table detector does not find, its
    rows read as lines): the decision is the text under the row's label in its column."""
    from raadsstukken.extractors.structure.agenda_decisions import find_agenda_decisions

    found = find_agenda_decisions(sections_of(make_pdf([_table_list()])))
    assert [(d.agenda_item, d.text) for d in found] == [
        ("2", "het bestuur stelt het verslag van 3 oktober 2031 ongewijzigd vast."),
        ("3", "het bestuur stemt in met het baggerplan Oostpolder.")]
