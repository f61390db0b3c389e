"""A meeting's list of votes or decisions over several pages, on generated papers (no wording of any
corpus paper):

- a title naming the votes of a meeting ("Stemmingsuitslagen …") makes the list a besluitenlijst;
- a page that opens with an item headed by the paper it decides on ("Amendement …", "Motie …"), set
  in the type of the list's item heads on the page before, carries the list on;
- a motion bound after the list, its title set in a type of its own, is a paper of its own.
"""
from __future__ import annotations

from tests.pdfs import Page


def _items(page: Page, top: float, items: list[tuple[str, str]]) -> float:
    for head, outcome in items:
        page.add(60, top, head, size=10.5, bold=True)
        page.lines(60, top + 16, [outcome, "Voor: 17 leden, tegen: 8 leden"], size=9.5)
        top += 58
    return top


def _first_page() -> Page:
    page = Page().add(60, 40, "Gemeente Zandhoeve", size=8)
    page.add(60, 90, "Stemmingsuitslagen raad oktober 2031", size=14, bold=True)
    page.lines(60, 120, ["In deze vergadering stemde de raad over de volgende voorstellen, amendementen en moties."],
               size=9.5)
    _items(page, 150, [("Raadsvoorstel herinrichting kern Zandhoeve", "Aangenomen"),
                       ("Amendement fietspad langs de vaart", "Verworpen"),
                       ("Motie zwemles voor iedere leerling", "Aangenomen")])
    return page


def _kinds(documents_of, path) -> list[tuple[str, int, int]]:
    return [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in documents_of(path)]


def test_vote_list_over_two_pages_is_one_besluitenlijst(make_pdf, documents_of):
    second = Page().add(60, 40, "Gemeente Zandhoeve", size=8)
    _items(second, 80, [("Motie bankjes in het park", "Aangenomen"), ("Amendement parkeren bij de sporthal", "Verworpen")])
    assert _kinds(documents_of, make_pdf([_first_page(), second])) == [("besluitenlijst", 1, 2)]


def test_motion_with_a_title_of_its_own_after_the_list_is_a_paper_of_its_own(make_pdf, documents_of):
    motion = Page().add(60, 40, "Gemeente Zandhoeve", size=8)
    motion.add(60, 80, "Motie bankjes in het park", size=16, bold=True)
    motion.lines(60, 120, ["De raad van de gemeente Zandhoeve, in vergadering bijeen op 9 oktober 2031,",
                           "constaterende dat in het park te weinig plaatsen zijn om te zitten,",
                           "verzoekt het college vijf bankjes te plaatsen,", "en gaat over tot de orde van de dag."],
                 size=9.5)
    assert _kinds(documents_of, make_pdf([_first_page(), motion])) == [("besluitenlijst", 1, 1), ("motie", 2, 2)]
