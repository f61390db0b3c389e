"""Regions of a page image Tesseract's page reading leaves unread are read again, made plain
(extractors/layout/ocr_regions.py): light grey labels of a letter's sidebar and white type on a dark
band. Pages are typeset here in wording of their own and scanned as the corpus's scans are
(tests/extractors/layout/scanning.py)."""
from __future__ import annotations

import re

import numpy as np
import pytest

from raadsstukken.extractors.layout.ocr import OcrSettings, tesseract
from raadsstukken.extractors.layout.ocr_regions import find_unread
from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord
from raadsstukken.extractors.layout.parse import parse_pdf
from tests.extractors.layout.scanning import scan

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")

PX = 300 / 72


def _line(box: tuple[int, int, int, int], confidence: float) -> OcrLine:
    return OcrLine(box, 0.0, 0.0, 40.0, 8.0, [OcrWord("woord", box, confidence)])


def _type(grey: np.ndarray, x0: int, top: int, x1: int, level: int) -> None:
    """Letter-like strokes 5 px wide, 6 px apart, 30 px high, in grey `level`."""
    for x in range(x0, x1, 11):
        grey[top:top + 30, x:x + 5] = level


def test_light_type_and_unread_bands_are_found_and_black_type_and_rules_are_not():
    grey = np.full((900, 1200), 248, dtype=np.uint8)
    _type(grey, 100, 100, 400, 20)  # black type Tesseract read
    _type(grey, 100, 200, 300, 190)  # light grey type it did not
    grey[300:304, 100:900] = 30  # a rule
    grey[400:470, 100:700] = 80  # a dark band with white type it did not read
    _type(grey, 150, 420, 400, 245)
    grey[550:620, 100:700] = 80  # a dark band whose type it read
    _type(grey, 150, 570, 400, 245)
    _type(grey, 100, 700, 300, 20)  # black type it read unsure of
    _type(grey, 600, 700, 800, 185)  # light type it read unsure of
    lines = [_line((95, 95, 405, 135), 95), _line((145, 565, 405, 605), 90), _line((95, 695, 305, 735), 40),
             _line((595, 695, 805, 735), 35)]
    found = {(round(r.x0 / 10), round(r.top / 10), r.inverted) for r in find_unread(grey, lines, PX)}
    assert found == {(10, 20, False), (10, 40, True), (60, 70, False)}, found


def _page(path, dpi_band: bool = True):
    """A letter: light grey sidebar labels of 6.5 pt over black values, a heading in white on a
    grey band, body text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    c.setFont("Helvetica-Bold", 16)
    c.drawString(56, height - 70, "Waterschap De Lage Polder")
    y = height - 160
    for label, value in (("behandelaar", "J. de Vries"), ("verzonden", "3 maart 2031"), ("bijlagen", "twee")):
        c.setFillGray(0.62)
        c.setFont("Times-Roman", 6.5)
        c.drawString(430, y, label)
        c.setFillGray(0)
        c.setFont("Times-Roman", 8)
        c.drawString(430, y - 9, value)
        y -= 26
    c.setFillGray(0.22)
    c.rect(56, height - 262, 300, 20, stroke=0, fill=1)
    c.setFillGray(1)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(62, height - 256, "3. Uitvoering")
    c.setFillGray(0)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(("Het bestuur heeft de plannen voor de versterking van de dijk bekeken.",
                              "De werkzaamheden beginnen na het broedseizoen en duren twee jaar.")):
        c.drawString(56, height - 290 - 14 * i, text)
    c.showPage()
    c.save()
    return path


def _words(parsed) -> list[str]:
    text = " ".join(line.text for page in parsed.pages for block in page.blocks for line in block.lines)
    return re.findall(r"\w+", text.casefold())


@needs_tesseract
@pytest.mark.parametrize("dpi, angle", [(300, 0.5), (200, -0.4)])
def test_light_labels_and_a_heading_on_a_band_are_read(tmp_path, dpi, angle):
    born = _page(tmp_path / "born.pdf")
    read = parse_pdf(scan(born, dpi, angle, dpi, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1))
    words = _words(read)
    for label in ("behandelaar", "verzonden", "bijlagen"):
        assert label in words, words
    assert "uitvoering" in words, words
    blocks = {b.text: b for page in read.pages for b in page.blocks}
    band = next(b for text, b in blocks.items() if "Uitvoering" in text)
    body = next(b for text, b in blocks.items() if "broedseizoen" in text)
    assert band.bold and band.size > body.size  # read as the bold heading it is


def test_a_light_label_inside_the_box_tesseract_gave_the_value_below_it_is_found():
    grey = np.full((600, 1200), 248, dtype=np.uint8)
    _type(grey, 100, 100, 300, 190)  # a light label, rows 100-130
    _type(grey, 100, 150, 500, 20)  # its black value below, rows 150-180
    value = OcrLine((95, 110, 505, 182), 0.0, -2.0, 40.0, 8.0, [OcrWord("waarde", (95, 110, 505, 182), 95)])
    found = [(round(r.x0 / 10), round(r.top / 10), round(r.bottom / 10)) for r in find_unread(grey, [value], PX)]
    assert found and found[0][:2] == (10, 10) and found[0][2] <= 14, found


def test_a_region_read_as_nearly_a_label_is_that_label_and_other_text_is_left_as_read():
    from raadsstukken.extractors.layout.ocr_regions import as_labels

    def read(text: str) -> str:
        words = [OcrWord(t, (10 * i, 0, 10 * i + 8, 10), 50.0) for i, t in enumerate(text.split())]
        return " ".join(w.text for w in as_labels([OcrLine((0, 0, 100, 10), 0.0, 0.0, 10.0, 2.0, words)])[0].words)

    # one letter off a short label, two off a long one, word for word
    assert [read(t) for t in ("gan", "uw kermerk", "zaaknurnmer", "behandeid door")] == \
        ["aan", "uw kenmerk", "zaaknummer", "behandeld door"]
    # a label as printed (any case), a word too far off, another word count: as read
    assert [read(t) for t in ("Onderwerp", "tafel", "de kademuur", "kenmerk van")] == \
        ["Onderwerp", "tafel", "de kademuur", "kenmerk van"]


def _letterhead(path):
    """A letter under a letterhead bar taller than a line: the body's name at the left and a short
    kind word at the right on one baseline, both white on a grey fill; body text below."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    width, height = A4
    c.setFillGray(0.46)
    c.rect(0, height - 85, width, 57, stroke=0, fill=1)
    c.setFillGray(1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(62, height - 65, "Hoogheemraadschap Oude Vaart")
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(width - 62, height - 65, "MEMO")
    c.setFillGray(0)
    c.setFont("Helvetica", 10)
    for i, text in enumerate(("Het dagelijks bestuur informeert de algemene vergadering over het onderhoud.",
                              "De sluizen zijn in de winter drie weken gesloten voor de scheepvaart.")):
        c.drawString(62, height - 160 - 14 * i, text)
    c.showPage()
    c.save()
    return path


@needs_tesseract
@pytest.mark.parametrize("dpi, angle", [(300, 0.3), (200, -0.2)])
def test_small_white_type_on_a_letterhead_bar_taller_than_a_line_is_read(tmp_path, dpi, angle):
    """A letterhead bar is a band of flat colour taller than a line: the page reading reads its
    large type and leaves the small kind word in its corner, which must be read too."""
    born = _letterhead(tmp_path / "born.pdf")
    words = _words(parse_pdf(scan(born, dpi, angle, dpi, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1)))
    assert "memo" in words, words
    assert {"hoogheemraadschap", "sluizen", "scheepvaart"} <= set(words), words


def test_a_band_of_varied_dark_ink_is_no_letterhead_bar():
    """A tall dark region whose grey levels vary (a photo, a map) is not looked into as a band."""
    rng = np.random.default_rng(7)
    grey = np.full((900, 1200), 248, dtype=np.uint8)
    grey[100:350, 100:1100] = rng.integers(0, 130, size=(250, 1000), dtype=np.uint8)
    _type(grey, 300, 200, 500, 250)
    assert find_unread(grey, [], PX) == []
    grey[100:350, 100:1100] = 70  # the same region a flat fill: its white type is a line to read
    _type(grey, 300, 200, 500, 250)
    found = find_unread(grey, [], PX)
    assert [(round(r.x0 / 10), round(r.top / 10), r.inverted) for r in found] == [(30, 20, True)], found


def test_a_word_read_again_alone_goes_back_into_its_line_and_a_label_above_a_value_stays_apart():
    """A region read alone that sits on a line's baseline, of its size, is a part of that line (an
    unsure word in running text); one above a line (a small label over its value) is a line of its
    own."""
    from raadsstukken.extractors.layout.ocr_regions import Region, merged

    grey = np.full((400, 1600), 248, dtype=np.uint8)
    words = [OcrWord("de", (100, 100, 150, 140), 96.0), OcrWord("vl", (170, 100, 260, 140), 20.0),
             OcrWord("weg", (280, 100, 360, 140), 95.0)]
    line = OcrLine((100, 100, 360, 140), 0.0, 0.0, 40.0, 8.0, words)
    value = OcrLine((100, 250, 400, 290), 0.0, 0.0, 40.0, 8.0, [OcrWord("Zuidkade", (100, 250, 400, 290), 95.0)])
    again = OcrLine((170, 102, 260, 140), 0.0, 0.0, 38.0, 8.0, [OcrWord("vrije", (170, 102, 260, 140), 93.0)], -1)
    label = OcrLine((100, 222, 220, 240), 0.0, 0.0, 18.0, 3.0, [OcrWord("locatie", (100, 222, 220, 240), 90.0)], -2)
    out = merged([line, value], [(Region(165, 98, 265, 142, False), [again]),
                                 (Region(95, 218, 225, 244, False), [label])], grey)
    texts = [" ".join(w.text for w in ln.words) for ln in out]
    assert texts == ["de vrije weg", "Zuidkade", "locatie"], texts
