"""One-page papers for the doc-type tests: a body's name, a title and lines of text, typed by the
pipeline's own split and classifier (fixtures `documents_of` and `make_pdf` of tests/conftest.py)."""
from __future__ import annotations

from tests.pdfs import Page


def one_page_paper(title: str, lines: list[str], body: str) -> Page:
    page = Page().add(56, 36, body, size=12, bold=True)
    page.add(56, 80, title, size=14, bold=True)
    page.lines(56, 116, lines, size=10, leading=15)
    return page


def kind_of(documents_of, make_pdf, page: Page) -> str:
    (doc,) = documents_of(make_pdf([page]))
    return doc.part.doc_type
