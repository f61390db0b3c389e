"""Votes and verdicts printed after a besluitenlijst item's decision, on generated lists in wordings of
our own (issue 13, fresh13 development batch)."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.structure.decisions import find_outcome
from tests.pdfs import Page


def _list_page(items: list[list[str]]) -> Page:
    """A list that numbers none of its items: each opens with the deciding formula on a line of its own,
    its decision and then what the record says after it, paragraph by paragraph."""
    page = Page().add(56, 40, "Besluitenlijst", size=14, bold=True)
    page.add(56, 62, "Overzicht van wat de raad van Lindeloo besloot.", size=10)
    y = 90
    for item in items:
        page.add(56, y, "De gemeenteraad besluit:", size=10, bold=True)
        y += 18
        for paragraph in item:
            lines = paragraph.split("\n")
            page.lines(56, y, lines, size=10, leading=13)
            y += 13 * len(lines) + 12
        y += 10
    return page


def test_a_vote_printed_side_by_side_after_the_decision_is_its_vote(make_pdf, documents_of):
    """Convention of printed votes: each side on a line of its own after the decision ("Voor: …" /
    "Tegen: …", the fracties with their seats): the seats of each side summed are the votes of the
    decision above it, and fewer for than against defeats it; the next item's vote is its own."""
    page = _list_page([
        ["Het initiatiefvoorstel over de kunstgrasvelden niet over te nemen.",
         "Voor: Dorpsbelangen en Groen Links Lindeloo (9).\nTegen: de andere fracties (18).",
         "De wethouder belooft de raad voor de zomer te informeren over het onderhoud."],
        ["De motie over het zwembad in de polder te verwerpen.",
         "Voor: Fractie Noord, Fractie Zuid en Lijst Oost (12).\nTegen: Fractie West en Lokaal Lindeloo (15)."],
    ])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    got = [(d.text, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions]
    assert got == [
        ("Het initiatiefvoorstel over de kunstgrasvelden niet over te nemen.", "verworpen", 9, 18),
        ("De motie over het zwembad in de polder te verwerpen.", "verworpen", 12, 15)]


@pytest.mark.parametrize("verdict, outcome, votes", [
    ("Unaniem aangenomen (27-0).", "aangenomen", (27, 0)),
    ("Met algemene stemmen aangenomen.", "aangenomen", (None, None)),
    ("Verworpen met 11-16.", "verworpen", (11, 16)),
])
def test_a_verdict_after_the_decision_s_record_gives_its_outcome(make_pdf, documents_of, verdict, outcome, votes):
    """Convention: a list may print the record of the debate after the decision and then its verdict in a
    paragraph of its own, the manner of the vote before the result and the count for and against
    joined by a dash: the outcome and votes of the decision, not a decision of its own."""
    page = _list_page([["Het college te vragen de fietsenstalling bij het station uit te breiden.",
                        "De wethouder zegt toe de kosten in het najaar aan de raad voor te leggen.", verdict]])
    (doc,) = documents_of(make_pdf([page]))
    got = [(d.text, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions]
    assert got == [("Het college te vragen de fietsenstalling bij het station uit te breiden.", outcome, *votes)]


@pytest.mark.parametrize("text, expected", [
    ("Het voorstel wordt aangenomen (23-4).", ("aangenomen", 23, 4)),
    ("De motie is verworpen met 8-19.", ("verworpen", 8, 19)),
    # a date or a period after the result is no count
    ("Het plan is vastgesteld 12-3-2031 door de raad.", ("vastgesteld", None, None)),
    ("Het programma 2031-2034 wordt vastgesteld.", ("vastgesteld", None, None)),
])
def test_a_count_joined_by_a_dash_after_the_result_is_the_vote(text, expected):
    """Convention: "aangenomen (23-4)" prints the votes for and against after the result."""
    assert find_outcome(text) == expected
