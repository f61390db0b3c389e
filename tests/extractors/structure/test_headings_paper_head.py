"""The head of a paper: its masthead, its metadata grid, its title and an empty column's head.

Convention: a published paper prints a masthead line ("<publication> van <body>") over a ruled grid
of its publication data, then its title large; the masthead, the grid and the title are the paper's
head, no headings of its text. A minutes template prints the head of an action column right of the
text ("TAAK"), the column left blank: it heads nothing. Wordings are the tests' own.
"""
from __future__ import annotations

from tests.pdfs import Page

TEXT = ["Het bestuur stelt de regels vast voor het gebruik van de steigers langs de vaart en de",
        "tijden waarop de sluis voor de pleziervaart geopend is."]


def _published(title: str) -> Page:
    page = Page()
    page.add(60, 48, "Weekblad regionale samenwerking van Waterschap Lindeveen", size=11, bold=True)
    x = [64, 180, 300, 420, 530]
    for k in range(4):
        page.rect(x[k], 74, x[k + 1], 88).rect(x[k], 88, x[k + 1], 112)
    for k, (label, value) in enumerate((("Uitgiftedatum", "3 maart 2031"), ("Organisatie", "Waterschap Lindeveen"),
                                        ("Jaargang en nummer", "2031, 118"), ("Soort", "regeling"))):
        page.add(x[k] + 3, 78, label, size=7, bold=True).add(x[k] + 3, 95, value, size=7.5)
    page.add(60, 136, title, size=14, bold=True)
    top = page.lines(60, 170, TEXT, size=9.5) + 16
    page.add(60, top, "Artikel 1 Steigers", size=10.5, bold=True)
    page.lines(60, top + 16, ["Een steiger wordt alleen gebruikt door schepen die er met een vergunning liggen."],
               size=9.5)
    return page


def test_masthead_grid_and_title_are_the_papers_head(make_pdf, documents_of):
    title = "Regeling steigers en sluistijden Lindeveen 2031"
    (doc,) = documents_of(make_pdf([_published(title)]))
    assert doc.part.title == title
    assert [s.heading for s in doc.sections if s.heading] == ["Artikel 1 Steigers"]


def test_the_head_of_an_empty_column_right_of_the_text_heads_nothing(make_pdf, sections_of):
    page = Page().line(460, 100, 460, 700)
    page.add(470, 100, "TAAK", size=8, bold=True)
    page.add(60, 130, "1. Opening en mededelingen", size=10, bold=True)
    page.lines(60, 146, TEXT, size=9)
    page.add(60, 190, "2. Verslag van de vorige vergadering", size=10, bold=True)
    page.lines(60, 206, ["Het verslag wordt zonder wijzigingen vastgesteld door de leden van de commissie."], size=9)
    heads = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert heads == ["1. Opening en mededelingen", "2. Verslag van de vorige vergadering"]


def test_a_long_letterhead_and_a_control_row_over_the_title_are_its_head(make_pdf, documents_of):
    """A report template's running head (the body at the left, the classification at the right),
    a one-row table of document number, version and classification, and the kind word over the
    title: the paper's head, however many letters it holds; the title is no heading."""
    title = "Beleidsregel ligplaatsen woonboten Lindeveen 2031"
    page = Page()
    page.add(68, 34, "Hoogheemraadschap Lindeveen en Omstreken", size=7.5)
    page.add(430, 34, "Classificatie: Vertrouwelijk", size=7.5).line(68, 44, 527, 44)
    for k, (label, value) in enumerate((("Registratienummer", "HL-5521"), ("Versie", "2.3"),
                                        ("Classificatie", "Vertrouwelijk"))):
        page.rect(68 + 153 * k, 66, 68 + 153 * (k + 1), 100)
        page.add(74 + 153 * k, 72, label, size=7, bold=True).add(74 + 153 * k, 86, value, size=8.5)
    page.add(68, 118, "Besluit", size=8.5)
    page.add(68, 182, title, size=14, bold=True)
    top = page.lines(68, 210, ["Het dagelijks bestuur van het hoogheemraadschap Lindeveen en Omstreken;",
                               "gelet op artikel 78 van de Waterschapswet;"], size=9.5, leading=18) + 4
    top = page.lines(68, top, [f"besluit vast te stellen: {title}"], size=9.5) + 14
    page.add(68, top, "Artikel 1 Ligplaatsen", size=10.5, bold=True)
    page.lines(68, top + 16, ["Een woonboot ligt alleen op een ligplaats die het bestuur daarvoor aanwijst."],
               size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == title
    assert [s.heading for s in doc.sections if s.heading] == ["Artikel 1 Ligplaatsen"]


def test_the_kind_in_a_box_on_the_letterhead_row_is_no_heading(make_pdf, documents_of):
    """The paper's kind set bold in a shaded box at the right of the body's name, centred on the
    letterhead's row (not on its baseline), belongs to the letterhead: no heading."""
    page = Page()
    page.add(57, 43, "Gemeente Zandhoven", size=10, bold=True)
    page.rect(360, 38, 425, 63, fill=False).add(368, 47, "OPENBAAR", size=9, bold=True)
    page.add(57, 91, "Onderhoud van de fietspaden langs de Grote Beek", size=13, bold=True)
    top = page.lines(57, 120, ["Het college van burgemeester en wethouders laat de fietspaden langs de Grote Beek",
                               "in het najaar herstellen, nadat de bewoners er vorig jaar over hebben geklaagd bij de",
                               "wijkraad en het college daarover vragen van de raad heeft beantwoord."], size=10) + 14
    page.add(57, top, "Planning van het werk", size=9.5, bold=True)
    page.lines(57, top + 16, ["De aannemer begint in september bij de brug en werkt in zes weken naar het dorp."],
               size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert "OPENBAAR" not in [s.heading for s in doc.sections]
    assert [s.heading for s in doc.sections if s.heading][-1] == "Planning van het werk"
