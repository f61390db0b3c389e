"""Bold words in a left column beside text: a grid of fields, or side headings over paragraphs.

Convention: a grid of fields prints short bold labels one under the other, each with a short value
beside it ("Locatie | Dorpshuis"), the text of the paper below them from the left margin: those are
labels, no headings. A template with a margin column for its headings prints a bold heading beside
the first line of a text that runs on below it in the text column, and a regulation's article
("Artikel 4 Looptijd") beside its first line: those are side headings, no fields. Wordings are the
tests' own.
"""
from __future__ import annotations

from dataclasses import replace

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.forms import grid_label_blocks, line_cells, page_rows
from tests.pdfs import Page


def _labels(make_pdf, page: Page) -> set[str]:
    (parsed,) = parse_pdf(make_pdf([page])).pages
    return {b.text for b in grid_label_blocks(parsed, page_rows(parsed))}


def test_a_grid_of_fields_over_the_text_is_labels(make_pdf):
    page = Page()
    for k, (label, value) in enumerate((("Locatie", "Dorpshuis De Linde"), ("Voorzitter", "E.F. Meulenbelt"),
                                        ("Aanvang", "twintig uur"))):
        page.add(50, 80 + 26 * k, label, size=9.5, bold=True).add(170, 80 + 26 * k, value, size=9.5)
    page.lines(50, 170, ["De commissie bespreekt het onderhoud van de speelvelden bij de dorpsschool en het",
                         "verzoek van de ouders om er een hek omheen te zetten."], size=9.5)
    assert {"Locatie", "Voorzitter", "Aanvang"} <= _labels(make_pdf, page)


def test_side_headings_over_text_that_runs_on_are_no_labels(make_pdf):
    page = Page()
    top = 80.0
    for head, lines in (("Achtergrond", ["Het dorpshuis krijgt een nieuwe verwarming en een betere isolatie.",
                                         "De kosten worden gedeeld door de stichting en het waterschap."]),
                        ("Planning", ["De aannemer begint na de zomer en is voor de kerst klaar."])):
        page.add(50, top, head, size=9.5, bold=True).add(170, top, lines[0], size=9.5)
        top = page.lines(170, top + 24, lines[1:] + ["Tijdens de werkzaamheden blijft de zaal open."], size=9.5) + 14
    assert _labels(make_pdf, page) == set()


def test_articles_beside_their_first_line_are_no_labels(make_pdf):
    page = Page()
    for k, (head, line) in enumerate((("Artikel 4 Looptijd", "Deze regeling geldt vijf jaar."),
                                      ("Artikel 5 Kosten", "De kosten draagt de aanvrager."))):
        page.add(50, 80 + 20 * k, head, size=9.5, bold=True).add(170, 80 + 20 * k, line, size=9.5)
    assert _labels(make_pdf, page) == set()


def test_a_pages_rows_asked_again_are_the_same_rows_and_follow_its_blocks(make_pdf):
    """page_rows remembers the rows of a page's lines: asked again it gives equal rows (a new list),
    and a page whose blocks are other lines gets the rows of those lines."""
    page = Page()
    page.add(50, 80, "Kenmerk", size=9.5, bold=True).add(170, 80, "ZK-4471", size=9.5)
    page.add(50, 106, "Portefeuille", size=9.5, bold=True).add(170, 106, "Havens en kades", size=9.5)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    rows = page_rows(parsed)
    again = page_rows(parsed)
    assert again == rows and again is not rows
    again.clear()  # the caller's list: the memo's rows stay
    assert page_rows(parsed) == rows
    fewer = replace(parsed, blocks=parsed.blocks[:1])
    own = [c.text for b in fewer.blocks for ln in b.lines for c in line_cells(ln, hanging_markers=True)]
    assert sorted(c.text for r in page_rows(fewer) for c in r.cells) == sorted(own)
    assert len(own) < sum(len(r.cells) for r in rows)
