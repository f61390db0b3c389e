"""A subject under a small label may run the width of a reference band, on generated pages
(structure/forms.py VALUE_TYPE_CHARS).

The convention: a cell set in the values' type (a quarter larger than the label's or more) under a label
alone is the label's value, also where it fills a band's width (a title of 100 characters and more, wrapped
onto a second line, both lines the value); a line in the label's own type that long is a sentence of the
text, no value. Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from tests.pdfs import Page

SUBJECT = ["Regeling voor het tijdelijk gebruik van openbare grond door terrassen, kramen en reclameborden",
           "Rietwolde 2031"]
BODY = ["De raad van de gemeente Rietwolde;", "gelet op artikel 149 van de Gemeentewet;", "besluit:",
        "vast te stellen de regeling voor het tijdelijk gebruik van openbare grond."]


def _paper(label_size: float, value_size: float) -> Page:
    page = Page().add(56, 40, "Gemeente Rietwolde", size=12, bold=True)
    page.add(56, 90, "ONDERWERP", size=label_size)
    page.lines(56, 90 + label_size + 4, SUBJECT, size=value_size, leading=value_size + 2.5)
    page.lines(56, 170, BODY, size=9.5, leading=15)
    return page


def test_a_band_wide_subject_in_the_values_type_is_the_title(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf([_paper(6.5, 8.5)]))
    assert doc.metadata.title == " ".join(SUBJECT)


def test_a_line_that_long_in_the_labels_type_is_no_value(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf([_paper(8.5, 8.5)]))
    assert doc.metadata.title != " ".join(SUBJECT)
