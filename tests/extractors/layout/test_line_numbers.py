"""Line numbers in the margin are furniture: kept out of the text, recorded with the page.

Convention: council minutes, drafts and amendments number their lines in a narrow column left of
the text, one number per text line; numbered paragraphs (a number beside a paragraph's first line)
are text.
"""
from __future__ import annotations

import re

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page

TURNS = [
    ["De voorzitter: Ik open de vergadering en heet u allen welkom in de raadszaal van het",
     "gemeentehuis. Er zijn berichten van verhindering ontvangen van twee leden."],
    ["Mevrouw Bakker (groep Noord): Wij steunen het voorstel, maar willen wel weten wat de",
     "gevolgen zijn voor de wijkbudgetten van volgend jaar."],
    ["De heer Smit (Dorpsbelang): Dat sluit aan bij wat wij in de commissie hebben gezegd."],
    ["Wethouder Jansen: De gevolgen voor de wijkbudgetten zijn klein; ik kom er in de tweede",
     "termijn op terug met de cijfers van de afdeling financiën."],
    ["De voorzitter: Dan breng ik het voorstel in stemming. Het voorstel is aangenomen met",
     "algemene stemmen."],
]


def _numbered_page(start: int, x_number: float, right_aligned: bool) -> Page:
    page = Page()
    y, n = 80.0, start
    for turn in TURNS:
        for line in turn:
            text = str(n)
            x = x_number - len(text) * 3.9 if right_aligned else x_number
            page.add(x, y, text, size=7)
            page.add(70, y - 1.5, line, size=9.5)
            y += 14
            n += 1
        y += 6
    return page


@pytest.mark.parametrize("start,x,right", [(1, 52, True), (1, 34, False), (14, 50, True)])
def test_line_numbers_in_the_margin_are_furniture(make_pdf, text_of, start, x, right):
    path = make_pdf([_numbered_page(start, x, right)])
    text = text_of(path)
    assert not re.search(r"(?:^|\s)\d{1,2}(?:\s|$)", text.replace("twee", "")), text
    assert "Dan breng ik het voorstel in stemming." in text
    (page,) = parse_pdf(path).pages
    assert page.footer is not None and str(start + 5) in page.footer.split()
    assert "line_numbers" in page.furniture_method


def test_numbered_paragraphs_keep_their_numbers(make_pdf, text_of):
    page = Page()
    y = 80.0
    for k, turn in enumerate(TURNS * 2, 1):
        page.add(52 - len(str(k)) * 3.9, y, str(k), size=9.5)
        for line in turn:
            page.add(70, y, line, size=9.5)
            y += 13
        y += 6
    text = text_of(make_pdf([page]))
    assert "4 Wethouder Jansen:" in text and "9 Wethouder Jansen:" in text, text


@pytest.mark.parametrize("head", [
    ["Vastgesteld door: gemeenteraad", "Datum ondertekening: 30-05-2031", "Bron: gmb-2031-1234"],
    ["Besproken in: commissie Ruimte", "Datum: 12 maart 2031", "Status: concept"],
    ["Indiener: fractie Dorpsbelang", "Agendapunt: 7", "Datum: 4 juni 2031"],
])
def test_a_few_line_numbers_joined_to_their_lines_go_with_the_page_s_numbers(make_pdf, text_of, head):
    """Convention: where a narrow margin lets the line builder join a few numbers to their lines
    (a head block set closer to the numbers), those numbers are the page's line numbers as well,
    counted with the numbers that stand alone: furniture, and the lines keep only their text."""
    page = Page()
    body = [ln for turn in TURNS for ln in turn]
    rows = [(80.0 + 14 * k, k + 1, line) for k, line in enumerate(head + body)]
    for y, n, line in rows[:len(head)]:  # the head drawn number and line together, close to each other
        page.add(50, y, str(n), size=7).add(57, y - 1.5, line, size=9.5)
    for y, _, line in rows[len(head):]:
        page.add(70, y - 1.5, line, size=9.5)
    for y, n, _ in rows[len(head):]:  # the other numbers drawn in a pass of their own
        page.add(50, y, str(n), size=7)
    text = text_of(make_pdf([page]))
    for line in head:
        assert line in text
    assert not re.search(r"(?:^|\s)[1-3] ", text), text
