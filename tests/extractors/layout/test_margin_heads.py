"""Headings in a margin column, each beside the first line of its text, read before that text.

Convention: a template with a narrow left column for its headings prints each section heading in
bold there, on the baseline of the first line of the text beside it, a thin rule between the two
columns; a heading with no text beside it heads what follows below. Each heading is read just
before its text (its section holds that text), not with the margin's other headings at the head of
the page. A form's labels in roman type beside their values stay as they are. Wordings are the
tests' own.
"""
from __future__ import annotations

from raadsstukken.extractors.layout.margin_heads import place_margin_heads
from tests.pdfs import Page

SECTIONS = [
    ("Aanleiding", ["De dijkgraaf vraagt het bestuur om de vaarroute langs het gemaal te verleggen,",
                    "omdat de oever daar sinds het voorjaar op meerdere plaatsen is weggezakt."]),
    ("Onderdelen", []),
    ("Oevers", ["De oevers worden over een lengte van vierhonderd meter met wilgenschermen versterkt."]),
    ("Scheepvaart", ["De schippers krijgen een maand voor de werkzaamheden bericht van de nieuwe route",
                     "en de tijden waarop de brug bij de sluis voor hen wordt geopend."]),
]


def _page(bold: bool = True) -> Page:
    page = Page().line(160, 60, 160, 780)
    page.add(50, 60, "Termijn", size=8.5).add(170, 60, "vier weken", size=9.5)
    top = 100.0
    for head, text in SECTIONS:
        page.add(50, top, head, size=10, bold=bold)
        if text:
            top = page.lines(170, top, text, size=9.5, leading=13) + 14
        else:
            top += 22
        if head == "Aanleiding":  # a second paragraph beside no heading: the text runs on
            top = page.lines(170, top, ["Het bestuur besluit daarover in de vergadering van juni."], size=9.5) + 14
    return page


def test_a_forms_bold_labels_over_one_line_values_stay_as_the_page_reads_them(make_pdf):
    """A form's bold labels, each beside a value of one line with the next label right under it,
    are no margin headings: the page's order is kept (the label column, then the values)."""
    from raadsstukken.extractors.layout.parse import parse_pdf

    page = Page()
    for k, (label, value) in enumerate((("Zaaknummer", "ZK-7731"), ("Behandelaar", "G.H. Wolters"),
                                        ("Openbaarheid", "openbaar"))):
        page.add(60, 100 + 19 * k, label, size=9, bold=True).add(200, 100 + 19 * k, value, size=9)
    page.lines(60, 180, ["De gemeente vraagt de raad in te stemmen met de verkoop van het oude gemaal."], size=9.5)
    parsed = parse_pdf(make_pdf([page])).pages[0]
    columns = sorted(parsed.blocks, key=lambda b: (b.bbox.x0 > 100 and b.bbox.top < 170, b.bbox.top))
    assert [b.text for b in place_margin_heads(columns, parsed.width)] == [b.text for b in columns]


def test_margin_headings_read_before_the_text_beside_them(make_pdf, sections_of):
    sections = [s for s in sections_of(make_pdf([_page()])) if s.heading]
    assert [s.heading for s in sections] == [head for head, _ in SECTIONS]
    by_head = {s.heading: s.text for s in sections}
    assert by_head["Aanleiding"].startswith("De dijkgraaf vraagt")
    assert by_head["Onderdelen"] == ""
    assert by_head["Oevers"].startswith("De oevers worden")
    assert by_head["Scheepvaart"].startswith("De schippers krijgen")


def test_a_form_label_in_roman_type_stays_where_it_is(make_pdf):
    from raadsstukken.extractors.layout.parse import parse_pdf

    (page,) = parse_pdf(make_pdf([_page(bold=False)])).pages
    texts = [b.text for b in page.blocks]
    assert texts.index("Termijn") < texts.index("vier weken")
    assert texts.index("Aanleiding") < texts.index("Oevers")  # the margin column as the page reads it
