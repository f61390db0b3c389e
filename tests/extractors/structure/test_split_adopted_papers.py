"""Conventions of a decision bound with the paper it adopts, on generated papers (no wording of any
corpus paper):

- a later page that sets a kind line over a title of its own (the kind word over the title, or in
  an export's field column beside it) opens a paper of its own when the kind differs from the open
  document's; the same kind line over the same title carries the paper on;
- after a raadsbesluit or besluit, a paper whose own kind only a weak type line names (a bare "Nota" kind
  line) is what the decision adopts: its bijlage (rules/doc_types.toml `adopted_after`); so is the
  regulation it adopts, set out article by article from its definitions ("In dit reglement wordt
  verstaan onder:"), whose definitions weigh less than a type line.
"""
from __future__ import annotations

from tests.pdfs import Page


def _decision(body: str, title: str) -> Page:
    page = Page().add(56, 36, f"Gemeente {body}", size=9)
    page.add(56, 70, title, size=15, bold=True)
    page.lines(56, 104, [f"De raad van de gemeente {body};", "gelezen het voorstel van burgemeester en wethouders;",
                         "besluit:", f"de {title.lower()} vast te stellen zoals die hierna is opgenomen."], size=9.5)
    return page


def _nota_text(page: Page, x: float, top: float) -> None:
    page.lines(x, top, ["Wie een bouwplan heeft, spreekt eerst met de buren en de wijkvereniging.",
                        "Het college vraagt de initiatiefnemer dat gesprek kort vast te leggen.",
                        "Bij grote plannen organiseert de initiatiefnemer ook een inloopavond."], size=9.5)


def _parts(documents_of, path) -> list[tuple[str, int, int]]:
    return [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in documents_of(path)]


def test_nota_kind_line_over_its_own_title_after_a_raadsbesluit_is_its_bijlage(make_pdf, documents_of):
    nota = Page().add(56, 36, "Gemeente Heidebroek", size=9).add(56, 70, "Nota", size=10, bold=True)
    nota.add(56, 86, "Spelregels voor omgevingsgesprekken bij bouwplannen", size=13, bold=True)
    _nota_text(nota, 56, 120)
    path = make_pdf([_decision("Heidebroek", "Handreiking omgevingsgesprekken"), nota])
    docs = documents_of(path)
    assert _parts(documents_of, path) == [("raadsbesluit", 1, 1), ("bijlage", 2, 2)]
    assert docs[1].part.title == "Spelregels voor omgevingsgesprekken bij bouwplannen"
    assert docs[1].part.method == "split:kind_line;doc_type:adopted_after"


def test_kind_word_in_a_field_column_beside_the_title_opens_the_adopted_paper(make_pdf, documents_of):
    # an export prints the kind word in a grey column down the left, the title in the text column
    first = Page().add(40, 36, "Gemeente Veenhof", size=9)
    first.add(40, 72, "Raadsbesluit", size=9, bold=True).add(180, 72, "Beleidsregel kapvergunningen", size=14, bold=True)
    first.lines(180, 110, ["De raad van de gemeente Veenhof;", "gelezen het voorstel van burgemeester en wethouders;",
                           "besluit:", "de beleidsregel kapvergunningen vast te stellen."], size=9.5)
    annex = Page().add(40, 36, "Gemeente Veenhof", size=9)
    annex.add(40, 72, "Nota", size=9, bold=True).add(180, 72, "Waarom bomen in de dorpskern blijven staan", size=14, bold=True)
    _nota_text(annex, 180, 110)
    path = make_pdf([first, annex])
    assert _parts(documents_of, path) == [("raadsbesluit", 1, 1), ("bijlage", 2, 2)]


def test_same_kind_line_over_the_same_title_carries_the_paper_on(make_pdf, documents_of):
    pages = []
    for top in (1, 2):
        page = Page().add(56, 36, "Gemeente Kruisdijk", size=9).add(56, 70, "Nota", size=10, bold=True)
        page.add(56, 86, "Onderhoud van de gemeentelijke sportvelden", size=13, bold=True)
        _nota_text(page, 56, 120 + 10 * top)
        pages.append(page)
    path = make_pdf(pages)
    assert [(s, e) for _, s, e in _parts(documents_of, path)] == [(1, 2)]



def test_regulation_bound_after_the_raadsbesluit_that_adopts_it_is_its_bijlage(make_pdf, documents_of):
    # the annex's number set in the header band, top right, over the body's name
    regulation = Page().add(56, 36, "Gemeente Heidebroek", size=9)
    regulation.add(420, 60, "BIJLAGE 2", size=9).add(420, 72, "Gemeente Heidebroek", size=9)
    regulation.add(56, 110, "Reglement van orde voor de commissie wonen", size=13, bold=True)
    regulation.lines(56, 144, ["Artikel 1 Begrippen", "In dit reglement wordt verstaan onder:",
                               "a. commissie: de commissie wonen van de raad;", "Artikel 2 Vergaderingen",
                               "De commissie vergadert in de raadzaal."], size=9.5)
    path = make_pdf([_decision("Heidebroek", "Reglement van orde commissie wonen"), regulation])
    assert _parts(documents_of, path) == [("raadsbesluit", 1, 1), ("bijlage", 2, 2)]
