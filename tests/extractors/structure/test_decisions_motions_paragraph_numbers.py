"""A motion's dictum after the body that speaks ("De raad spreekt uit:", "De raad roept het college
op:"), paragraph numbers running over a whole document (no part of a decision, no agenda number),
and "stelt … vast" over a long object. Wordings invented; none comes from a sample, corpus or
batch paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


def _motion(intro: str, dictum: list[str]) -> Page:
    page = Page().add(56, 50, "Motie: ruimte voor ontmoeting in de dorpskernen", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Veldhoven-Oost, in vergadering bijeen op 4 april 2031,",
                              "constaterende dat twee buurthuizen dit jaar hun deuren sluiten;",
                              "overwegende dat inwoners elkaar juist daar ontmoeten;"], leading=15)
    page.add(56, top + 12, intro, size=10, bold=True)
    top = page.lines(56, top + 32, dictum, leading=15)
    page.lines(56, top + 12, ["en gaat over tot de orde van de dag.", "Fractie Lokaal Belang, P. Smit"], leading=15)
    return page


@pytest.mark.parametrize("intro, dictum, decision", [
    ("De gemeenteraad spreekt uit:",
     ["het belang te onderschrijven van een ontmoetingsplek in iedere kern van de gemeente."],
     "het belang te onderschrijven van een ontmoetingsplek in iedere kern van de gemeente."),
    ("De raad spreekt als zijn mening uit:",
     ["dat de zaal van het dorpshuis voor verenigingen betaalbaar moet blijven."],
     "dat de zaal van het dorpshuis voor verenigingen betaalbaar moet blijven."),
    ("De raad roept het college op:",
     ["voor de zomer een plan voor de buurthuizen aan de raad voor te leggen."],
     "voor de zomer een plan voor de buurthuizen aan de raad voor te leggen."),
    ("De raad draagt het college op:",
     ["de verenigingen te betrekken bij de keuze van een nieuwe locatie."],
     "de verenigingen te betrekken bij de keuze van een nieuwe locatie."),
])
def test_a_motions_dictum_follows_the_body_that_speaks(make_pdf, documents_of, intro, dictum, decision):
    """Convention (bench/README 'Decision points: what counts', motie): the operative part of a
    motion follows "spreekt uit" as well as "verzoekt", "draagt … op", "roept … op", also with the
    body that speaks before the verb on the intro line; its clause is the decision, not the
    considerans and not the closing formula."""
    (doc,) = documents_of(make_pdf([_motion(intro, dictum)]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == [decision]


def test_an_operative_clause_after_the_body_is_read_from_its_verb(make_pdf, documents_of):
    """Where the verb opens the clause in running text after the body ("De raad spreekt uit dat …;",
    "De gemeenteraad verzoekt het college …"), each clause from its verb is a decision."""
    page = Page().add(56, 50, "Motie: heldere bebording bij de wandelroutes", size=14, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Heuvelrand, in vergadering bijeen op 9 juni 2031,",
                        "overwegende dat wandelaars de routes in het bos moeilijk vinden;",
                        "De raad spreekt uit dat elke route een eigen kleur en nummer krijgt;",
                        "De gemeenteraad verzoekt het college de borden voor het najaar te plaatsen,",
                        "en gaat over tot de orde van de dag."], leading=15)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == [
        "spreekt uit dat elke route een eigen kleur en nummer krijgt;",
        "verzoekt het college de borden voor het najaar te plaatsen,"]


ITEMS = [
    ("1. Opening en vaststelling agenda", "De voorzitter opent de vergadering om 14.00 uur en heet allen welkom.",
     "het algemeen bestuur stelt de agenda zonder wijzigingen vast."),
    ("2. Beleidsnota zuiveringsslib", "De nota beschrijft hoe het slib naar de verwerkers in de regio gaat.",
     "Het algemeen bestuur stemt in met de beleidsnota zuiveringsslib."),
]


def _numbered_list(layout: str) -> Page:
    """An algemeen bestuur's besluitenlijst whose paragraphs are numbered 1, 2, 3 … over the whole
    document: in a margin column behind a rule, or as hanging numbers."""
    page = Page().add(90, 40, "Besluitenlijst vergadering algemeen bestuur 9 maart 2031", size=14, bold=True)
    if layout == "margin":
        page.line(82, 70, 82, 400)
    top, n = 80.0, 0

    def para(text: str) -> None:
        nonlocal top, n
        n += 1
        if layout == "margin":
            page.add(62, top, str(n)).add(90, top, text)
        elif layout == "hanging":
            page.add(62, top, f"{n}.").add(90, top, text)
        else:
            page.add(30, top + 1, str(n), size=8).add(90, top, text)
        top += 20

    for heading, record, decision in ITEMS:
        page.add(90, top, heading, size=12, bold=True)
        top += 22
        para(record)
        page.add(90, top, "Besluit:")
        top += 14
        para(decision)
        top += 8
    return page


@pytest.mark.parametrize("layout", ["margin", "hanging"])
def test_paragraph_numbers_running_over_a_document_are_no_part_of_its_decisions(make_pdf, documents_of, layout):
    """Convention: a number in a margin column behind a rule, or a paragraph number running over the
    whole document, is furniture of its line: not the decision's text, not its agenda item (the
    item is the heading's number)."""
    (doc,) = documents_of(make_pdf([_numbered_list(layout)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", ITEMS[0][2]), ("2", ITEMS[1][2])]


def test_a_motions_paragraph_numbers_end_no_dictum_in_its_closing(make_pdf, documents_of):
    """A motion numbered paragraph by paragraph in its margin: the dictum under "De raad spreekt
    uit:" is its one decision; the numbered closing formula and signature after it are none."""
    page = Page().add(90, 40, "Motie: een lokale energieraad", size=14, bold=True)
    page.line(82, 70, 82, 300)
    lines = ["De raad van de gemeente Zandvoorde, in vergadering bijeen op 2 februari 2031,",
             "constaterende dat de wijken zelf warmteplannen maken;", None,
             "een energieraad van inwoners in te stellen die het college gevraagd en ongevraagd adviseert.",
             "En gaat over tot de orde van de dag.", "Fractie Groen Zandvoorde, K. de Wit"]
    top, n = 80.0, 0
    for text in lines:
        if text is None:
            page.add(90, top, "De raad spreekt uit:", bold=True)
        else:
            n += 1
            page.add(62, top, str(n)).add(90, top, text)
        top += 20
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == [
        "een energieraad van inwoners in te stellen die het college gevraagd en ongevraagd adviseert."]


def test_a_decision_stating_stelt_vast_over_a_long_object_is_adopted():
    """"stelt … vast" states the result also where the object between is long; a sentence that ends
    before "vast" does not."""
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome("Het dagelijks bestuur stelt het beheerplan voor de kaden en dijken langs de rivier "
                        "(met de reacties uit de inspraak en de kaarten van de trajecten) vast.")[0] == "vastgesteld"
    assert find_outcome("De raad stelt de verordening op de heffing van de toeristenbelasting voor de "
                        "jaren 2032 tot en met 2035, met de tarieven per overnachting, vast.")[0] == "vastgesteld"
    assert find_outcome("Het college stelt de notulen van de vergadering van d.d. 12 mei over de "
                        "haven en de aanleg van de nieuwe kademuur bij de veerpont vast.")[0] == "vastgesteld"
    assert find_outcome("Het college stelt voor. De datum ligt vast.")[0] is None
