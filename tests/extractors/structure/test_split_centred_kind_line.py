"""Conventions of a typed paper's centred head, on generated papers (no wording of any corpus paper):

- the body's name and the kind line centred over each other ("Gemeente X" over "Besluit", read as one
  block) name the paper's kind, and the capital title centred under them is its title, also where its
  numbered item heads share the title's type but stand flush left.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.pdfs import WIDTH, Page


def _centred(page: Page, top: float, text: str, size: float, bold: bool = False) -> None:
    name = "Helvetica-Bold" if bold else "Helvetica"
    page.add((WIDTH - stringWidth(text, name, size)) / 2, top, text, size=size, bold=bold)


def _typed(kind: str, title: str, heads: bool) -> Page:
    page = Page()
    _centred(page, 60, "Gemeente Heuvelrade", 10)
    _centred(page, 73, kind, 10)
    _centred(page, 95, title, 11.5, bold=True)
    top = 125
    for n in (1, 2):
        if heads:
            page.add(60, top, f"{n}. Punt {n} van de vergadering", size=11.5, bold=True)
            top += 18
        page.lines(60, top, ["De leden bespreken het voorstel en stemmen in met de uitwerking ervan.",
                             "Het college zegt toe de uitkomst in de volgende zitting te melden."], size=11)
        top += 40
    return page


def test_centred_capital_title_under_stacked_kind_line(make_pdf, documents_of):
    path = make_pdf([_typed("Besluit", "REGELS VOOR HET GEBRUIK VAN DE SPEELWEIDE 2034", heads=False)])
    (doc,) = documents_of(path)
    assert doc.part.title == "REGELS VOOR HET GEBRUIK VAN DE SPEELWEIDE 2034"


def test_centred_title_over_flush_left_heads_of_its_type(make_pdf, documents_of):
    path = make_pdf([_typed("Besluitenlijst", "BESLUITEN VAN DE RAAD VAN 3 MEI 2034", heads=True)])
    (doc,) = documents_of(path)
    assert doc.part.title == "BESLUITEN VAN DE RAAD VAN 3 MEI 2034"
    assert "BESLUITEN VAN DE RAAD VAN 3 MEI 2034" not in [s.heading for s in doc.sections if s.heading]
