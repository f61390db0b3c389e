"""Conventions of a watermarked bundle of meeting records, on generated papers (no wording of any corpus paper):

- a word printed at a slant across every page (a watermark) is page furniture, read along its own
  baseline, and never the running header's kind word;
- records of two meetings bound in one file, each from a new page, under the same running header
  (body | kind word), each with a title of its own set as the first one is and an agenda numbering
  that starts again at 1, are two documents; a second page whose numbering runs on carries the first.
"""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page


def _record(meeting: str, first_item: int, watermark: str | None = "ONTWERP") -> Page:
    page = Page()
    if watermark:
        page.add(150, 600, watermark, size=80, angle=48)
    page.add(56, 40, "Waterschap Kleiland", size=8).add(470, 40, "Notulenlijst", size=8)
    page.add(56, 80, f"Overzicht van de besluiten van het dagelijks bestuur van {meeting}", size=13, bold=True)
    page.lines(56, 110, ["Voorzitter : mevrouw R. Zandberg", "Secretaris : de heer P. Otter"], size=8.5)
    top = 150
    for n in range(first_item, first_item + 3):
        page.add(56, top, f"{n}. Onderwerp nummer {n} van de lijst", size=10, bold=True)
        page.lines(56, top + 16, [f"Het bestuur neemt kennis van de stukken over het onderwerp {n}.",
                                  "De stukken worden ter inzage gelegd bij het secretariaat."], size=9.5)
        top += 60
    page.add(270, 800, "blad", size=8)
    return page


def test_slanted_watermark_is_furniture_read_whole(make_pdf):
    path = make_pdf([_record("12 maart 2033", 1)])
    page = parse_pdf(path).pages[0]
    assert page.watermark == "ONTWERP"
    assert "ONTWERP" in (page.header or "")
    assert all("ONTWERP" not in b.text for b in page.blocks)


def test_watermarked_records_each_numbered_from_one_are_two_documents(make_pdf, documents_of):
    path = make_pdf([_record("12 maart 2033", 1), _record("9 april 2033", 1)])
    parts = [(d.part.page_start, d.part.page_end) for d in documents_of(path)]
    assert parts == [(1, 1), (2, 2)]


def test_numbering_that_runs_on_carries_the_record_on(make_pdf, documents_of):
    path = make_pdf([_record("12 maart 2033", 1), _record("12 maart 2033 (vervolg)", 4)])
    parts = [(d.part.page_start, d.part.page_end) for d in documents_of(path)]
    assert parts == [(1, 2)]
