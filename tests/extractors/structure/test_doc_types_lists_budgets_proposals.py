"""Decision lists, planning-and-control papers and proposals to an assembly typed by their conventions,
on generated papers.

The conventions (rules/doc_types.toml):
- a besluitenlijst may name itself by a compound ("Collegebesluitenlijst", "B&W-besluitenlijst"), and
  a paper whose items each open their decision with the body that decided ("Het college heeft
  besloten:") lists decisions, whatever its title;
- the papers that set the budget's frame ahead of it (a kadernota, a joint body's kaderbrief or
  uitgangspuntennota to its member councils) and draft budgets belong to the budget cycle (begroting);
- a paper that asks the assembly to decide ("De raad wordt gevraagd …", "Het algemeen bestuur wordt
  voorgesteld …") is a proposal to it (raadsvoorstel; the algemeen bestuur of a waterschap or joint
  body is its assembly): its "Gevraagd besluit" is no advice to the college.
Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from functools import partial

import pytest

from raadsstukken.extractors.structure.doc_types import classify
from tests.extractors.structure.doc_type_papers import kind_of, one_page_paper
from tests.pdfs import Page


_paper = partial(one_page_paper, body="Gemeente Brinkhoven")
_kind = kind_of


@pytest.mark.parametrize("title", ["Collegebesluitenlijst 4 april 2031", "B&W-besluitenlijst week 14",
                                   "Conceptbesluitenlijst dagelijks bestuur 9 juni"])
def test_a_compound_naming_a_besluitenlijst_is_its_title(title):
    found = classify([title], [])
    assert found is not None and found.doc_type == "besluitenlijst", found


@pytest.mark.parametrize("intro", ["Het college heeft besloten:", "Burgemeester en wethouders besluiten:",
                                   "Het dagelijks bestuur heeft besloten:"])
def test_items_each_opening_with_the_body_that_decided_make_a_besluitenlijst(make_pdf, documents_of, intro):
    lines = ["Vervanging van de speeltoestellen in het Beukenpark", intro,
             "1. opdracht te geven voor de vervanging van vier toestellen;",
             "Subsidie voor het dorpsfeest van Oudebrink", intro, "1. een subsidie van 2.500 euro te verlenen.",
             "Antwoord op een brief over zwerfafval", intro, "1. de schrijver te antwoorden met de bijgevoegde brief."]
    assert _kind(documents_of, make_pdf, _paper("Collegevergadering van 3 mei 2031", lines)) == "besluitenlijst"


@pytest.mark.parametrize("title", ["Kaderbrief 2034", "Uitgangspuntenbrief begroting 2034",
                                   "Ontwerpbegroting 2034", "Conceptprogrammabegroting 2034-2037"])
def test_the_papers_that_frame_or_draft_the_budget_are_a_begroting(make_pdf, documents_of, title):
    lines = ["Met deze brief informeren wij de raden van de deelnemende gemeenten over de financiële kaders.",
             "De indexering van de loonkosten bedraagt 3,1 procent.",
             "De bijdrage per inwoner stijgt daarmee naar 14,20 euro."]
    assert _kind(documents_of, make_pdf, _paper(title, lines, body="Regio Brinkland")) == "begroting"


@pytest.mark.parametrize("asks", ["Het algemeen bestuur wordt gevraagd:", "De raad wordt voorgesteld:",
                                  "Provinciale Staten worden gevraagd:"])
def test_a_paper_asking_the_assembly_to_decide_is_a_raadsvoorstel(make_pdf, documents_of, asks):
    lines = ["Onderwerp: Begrotingswijziging brandweerkazerne", "Gevraagd besluit:", asks,
             "- in te stemmen met de tweede begrotingswijziging 2031;", "Toelichting:",
             "De verbouwing van de kazerne valt duurder uit dan geraamd."]
    assert _kind(documents_of, make_pdf, _paper("Voorstel", lines, body="Veiligheidsdienst Brinkland")) \
        == "raadsvoorstel"


def test_a_requested_decision_without_the_assembly_stays_advice_to_the_college():
    found = classify(["Onderwerp: Verlenging huurcontract sporthal"],
                     ["Gevraagd besluit:", "1. het huurcontract met vijf jaar te verlengen."])
    assert found is not None and found.doc_type == "nota_bw", found


def _bundle_page(kind: str, title: str, lines: list[str], number: int) -> Page:
    page = Page().add(60, 40, "Omgevingsdienst Brinkland", size=9).add(60, 56, kind, size=11)
    page.add(60, 74, title, size=15, bold=True)
    page.lines(60, 120, lines, size=10, leading=15)
    page.add(500, 800, f"- {number} -", size=9)
    return page


@pytest.mark.parametrize("first, kind_word", [
    (["Gevraagd besluit:", "Het algemeen bestuur wordt gevraagd de jaarplanning vast te stellen."], "Agenda"),
    (["De raad van de gemeente Brinkhoven;", "gelet op artikel 147 van de Gemeentewet;", "besluit:",
      "vast te stellen de regeling."], "Memo"),
    (["Het college besluit:", "1. de werkwijze voor meldingen vast te stellen."], "Notitie"),
])
def test_a_paper_of_no_kind_bound_after_a_deciding_paper_is_its_annex(make_pdf, documents_of, first, kind_word):
    """Convention of bundles: what follows a proposal or decision in the same file without a kind of
    its own (the planning it adopts, a list, a map) is its annex (bijlage); a paper that names its kind
    keeps it."""
    path = make_pdf([
        _bundle_page("Voorstel", "Jaarplanning toezicht 2032", first, 1),
        _bundle_page(kind_word, "Planning per kwartaal", ["1. Bedrijfsbezoeken in het eerste kwartaal",
                                                          "2. Controles van de opslag van vuurwerk",
                                                          "3. Terugkoppeling aan het bestuur"], 2),
    ])
    docs = documents_of(path)
    assert [(d.part.page_start, d.part.page_end) for d in docs] == [(1, 1), (2, 2)]
    assert docs[0].part.doc_type != "onbekend" and docs[1].part.doc_type == "bijlage", [d.part for d in docs]
