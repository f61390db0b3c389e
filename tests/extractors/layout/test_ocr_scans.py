"""A scanned page reads like the born-digital page it was made from: the same sizes, weights,
lines, blocks and headings. Pages are typeset here in wording of their own, rendered at 200 and
300 dpi, turned by a small skew, given grain, blur and JPEG compression (as bench/corpus/build.py
makes the corpus's scans), rebuilt as image-only PDFs and read by OCR."""
from __future__ import annotations

import re

import pytest

from raadsstukken.extractors.layout.ocr import OcrSettings, tesseract
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.headings import find_headings
from tests.extractors.layout.scanning import scan
from tests.pdfs import Page

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")

BODY = ("De werkgroep onderzocht hoe de bibliotheek in de wijk langer open kan blijven zonder extra "
        "personeel. Vrijwilligers van de buurtvereniging bieden aan om op zaterdag de balie te bemensen "
        "en de leesclub voor ouderen te begeleiden. De kosten voor de verwarming en de schoonmaak worden "
        "gedeeld met de sportvereniging die het gebouw op doordeweekse avonden gebruikt.").split()


def _born(make_pdf):
    page = Page()
    page.add(56, 60, "Verslag van de werkgroep wijkvoorzieningen", size=16, bold=True)
    for i, (label, value) in enumerate((("Kenmerk", "WV-2031-118"), ("Behandeld door", "afdeling Samenleving"),
                                        ("Bijlagen", "twee"))):
        page.add(56, 96 + 15 * i, label, size=9, bold=True)
        page.add(190, 96 + 15 * i, value, size=9)
    top = 160.0
    for heading in ("Aanleiding en opdracht", "Bevindingen van de werkgroep"):
        page.add(56, top, heading, size=12, bold=True)
        lines = [" ".join(BODY[k:k + 11]) for k in range(0, len(BODY), 11)]
        top = page.lines(56, top + 20, lines, size=10, leading=14) + 16
    page.add(56, top, "Kleine toelichting bij de cijfers van het voorjaar.", size=8)
    return make_pdf([page], name="born.pdf")


def _scan(born, dpi: int, angle: float, seed: int, target):
    return scan(born, dpi, angle, seed, target)


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _lines(parsed):
    return [line for page in parsed.pages for block in page.blocks for line in block.lines]


def _headings(parsed) -> dict[str, int]:
    blocks = [b for p in parsed.pages for b in p.blocks]
    return {_norm(b.text): level for b, level in zip(blocks, find_headings(blocks)) if level is not None}


@needs_tesseract
@pytest.mark.parametrize("dpi, angle", [(300, 0.8), (200, -0.5)])
def test_a_scanned_page_gives_the_records_of_its_born_digital_page(make_pdf, tmp_path, dpi, angle):
    born = _born(make_pdf)
    scan = _scan(born, dpi, angle, dpi, tmp_path / "scan.pdf")
    native = parse_pdf(born, OcrSettings("off"))
    read = parse_pdf(scan, OcrSettings("auto", workers=1))
    assert read.pages[0].ocr
    by_text = {_norm(ln.text): ln for ln in _lines(read)}
    matched = 0
    for line in _lines(native):
        ocr = by_text.get(_norm(line.text))
        if ocr is None:
            continue  # a line OCR misread: its words are scored by bench/ocr.py, not here
        matched += 1
        assert abs(ocr.size - line.size) <= 0.6, (line.text, line.size, ocr.size)
        assert ocr.bold == line.bold, (line.text, line.bold)
    assert matched >= 0.8 * len(_lines(native))
    headings, found = _headings(native), _headings(read)
    assert headings[_norm("Aanleiding en opdracht")] == headings[_norm("Bevindingen van de werkgroep")]
    assert {text: found.get(text) for text in headings} == headings  # the same headings at the same levels
    # (not yet: a column of bold form labels a point smaller than the body may read as a heading
    # at 200 dpi, the sizes being relative to Tesseract's estimate of the body; bench/README)
    # the paragraphs are blocks as on the born-digital page: one under each heading
    assert [len(b.lines) for b in read.pages[0].blocks if len(b.lines) > 3] == \
        [len(b.lines) for b in native.pages[0].blocks if len(b.lines) > 3] == [6, 6]
