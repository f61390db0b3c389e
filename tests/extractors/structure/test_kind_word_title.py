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
