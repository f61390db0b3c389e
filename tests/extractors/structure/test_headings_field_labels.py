"""A meeting's head rows: small bold labels in capitals right over their values are no headings.

Convention: minutes and decision lists print their head rows as a label in small bold capitals
("NOTULIST", "AFWEZIG") right over its value set larger (the names); those labels are fields, no
headings. A box label in small bold capitals that stands apart over its text stays a heading.
Wordings are the tests' own.
"""
from __future__ import annotations

from tests.pdfs import Page

PARA = ["De commissie bespreekt de plannen voor het nieuwe zwembad aan de rand van het dorp en vraagt",
        "het dagelijks bestuur de kosten van het onderhoud over tien jaar in beeld te brengen."]


def _minutes() -> Page:
    page = Page()
    top = 90.0
    for label, value in (("NOTULIST", "P.Q. Eikenhout (commissiesecretaris)"),
                         ("AANWEZIG DE LEDEN", "R. Dorrestijn (Groen Dorp), T.U. Valkenier (Dorpsbelang)"),
                         ("AFWEZIG DE LEDEN", "W. Zandbergen (Dorpsbelang) en X. Ypma (Groen Dorp).")):
        page.add(60, top, label, size=8, bold=True)
        page.add(60, top + 10.5, value, size=9.5)
        top += 30
    top += 10
    page.add(60, top, "WERKWIJZE", size=8, bold=True)
    page.lines(60, top + 16, PARA, size=9.5)
    return page


def test_small_caps_labels_over_their_values_are_fields(make_pdf, sections_of):
    heads = [s.heading for s in sections_of(make_pdf([_minutes()])) if s.heading]
    assert "NOTULIST" not in heads and "AANWEZIG DE LEDEN" not in heads and "AFWEZIG DE LEDEN" not in heads
    assert heads == ["WERKWIJZE"]


def test_a_bold_label_hugging_the_larger_links_under_it_is_a_field(make_pdf, sections_of):
    """An item's files: a bold label ("Stukken") set a little smaller than the link lines right under
    it is their field label; a bold heading standing apart over its paragraph stays a heading."""
    page = Page()
    page.add(60, 90, "Verloop", size=10, bold=True)
    top = page.lines(60, 106, PARA, size=9.5) + 10
    page.add(60, top, "Stukken", size=9, bold=True)
    page.add(60, top + 12, "Verslag van de werkgroep zwembad (pdf)", size=10)
    page.lines(60, top + 40, PARA, size=9.5)
    heads = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert heads == ["Verloop"]
