"""A kind word set large at the top of a paper is no title (rules/doc_types.toml [title] kind_words).

Layouts print the kind of paper as a large word over the text ("BRIEF", "Memo", "N O T I T I E");
a letter with no subject has no title. Wordings are invented; none comes from a corpus paper.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("kind", ["BRIEF", "Memo", "N O T I T I E"])
def test_a_large_kind_word_is_no_title(make_pdf, documents_of, kind):
    page = Page().add(56, 40, "Gemeente Zandhoven", size=11, bold=True).add(56, 62, kind, size=20, bold=True)
    page.lines(56, 110, ["Beste buren,", "Op maandag wordt de stoep voor uw deur opnieuw gelegd; de stoep is dan",
                         "een dag niet begaanbaar.", "Met vriendelijke groet,", "de projectleider"])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title is None
    assert doc.metadata.title is None
    assert kind not in [s.heading for s in doc.sections if s.heading]


@pytest.mark.parametrize("kind", ["Brief", "NOTITIE", "Memo"])
def test_a_kind_word_over_a_forms_rows_is_no_heading(make_pdf, documents_of, kind):
    """Convention of Word letter forms: the kind of paper set large over the form's label rows
    ("Onderwerp", "Datum") names the paper's kind; it heads no section, the subject is the title."""
    page = Page().add(56, 40, kind, size=18, bold=True)
    page.add(56, 80, "Onderwerp", size=9, bold=True).add(180, 80, "Herinrichting van het speelveld Noord", size=9)
    page.add(56, 96, "Datum", size=9, bold=True).add(180, 96, "4 maart 2031", size=9)
    page.lines(56, 130, ["Geachte heer De Wit,", "", "In uw brief vraagt u wanneer het speelveld opnieuw wordt",
                         "ingericht. De werkzaamheden beginnen in april en duren zes weken.", "",
                         "Met vriendelijke groet,", "de wethouder"], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert kind not in [s.heading for s in doc.sections if s.heading]
    assert kind in doc.sections[0].text  # its word kept
