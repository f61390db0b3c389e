"""Stamps and redaction marks on scanned pages are kept apart from type (extractors/layout/ocr_stamps.py,
ocr_marks.find_redactions): a redaction mark (a box filled black, its ground code such as "5.1.2e"
printed light on it or beside it) is read as no blot and its code as a word of the body's size and
weight, and a stamp pressed at an angle in colour is read upright into the page's furniture. Neither
becomes a heading or runs into a paragraph, and none of their words is lost. Pages are typeset here
in wording of their own and scanned as the corpus's scans are (tests/extractors/layout/scanning.py)."""
from __future__ import annotations

import re

import numpy as np
import pytest

from raadsstukken.extractors.layout.ocr import OcrSettings, tesseract
from raadsstukken.extractors.layout.ocr_marks import find_redactions
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.headings import find_headings
from tests.extractors.layout.scanning import scan

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")

PX = 300 / 72


def test_a_box_filled_black_is_a_redaction_mark_and_type_bands_frames_and_bullets_are_not():
    grey = np.full((1200, 1600), 245, dtype=np.uint8)
    grey[100:150, 100:400] = 20  # a redaction mark, 12 pt high
    grey[115:135, 130:160] = 240  # with a code printed light on it
    grey[300:360, 100:700] = 95  # a grey band (a heading printed white on a coloured bar)
    for x in range(100, 600, 14):  # bold black type: strokes 8 px wide, paper between
        grey[500:540, x:x + 8] = 20
    grey[700:720, 100:120] = 20  # a bullet, 5 pt square
    grey[800:900, 100:500] = 20  # a frame: only its outline is black
    grey[806:894, 106:494] = 245
    marks = find_redactions(grey, PX)
    assert [(m.x0 // 10, m.top // 10, m.x1 // 10, m.bottom // 10) for m in marks] == [(10, 10, 40, 15)], marks


def _page(path, stamp: bool = True, angle: float = 12, colour: tuple[float, float, float] = (0.8, 0.1, 0.1)):
    """A report of a meeting with two headings, a name blacked out inside a line (its ground printed
    after the box) and a line blacked out whole (its ground printed white on the box), and a received
    stamp in red, turned 12 degrees (or `angle`, in `colour`), below the text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    height = A4[1]
    c.setFont("Helvetica-Bold", 14)
    c.drawString(56, height - 80, "Verslag van het overleg over de haven")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(56, height - 120, "Aanwezigen en afspraken")
    c.setFont("Helvetica", 10)
    y = height - 145
    c.drawString(56, y, "Het overleg vond plaats in het stadskantoor op de tweede verdieping van het gebouw.")
    y -= 14
    before = "Namens de havendienst sprak "
    c.drawString(56, y, before)
    x = 56 + c.stringWidth(before, "Helvetica", 10)
    c.rect(x, y - 3, 70, 12, stroke=0, fill=1)
    c.drawString(x + 73, y, "5.1.2e over de plannen voor de nieuwe kademuur en de")
    for text in ("verlichting langs het water. De bewoners vroegen of de werkzaamheden in de zomer",
                 "stil kunnen liggen, zodat de terrassen aan de kade open kunnen blijven."):
        y -= 14
        c.drawString(56, y, text)
    y -= 14
    c.rect(56, y - 3, 380, 12, stroke=0, fill=1)
    c.setFillGray(1)
    c.setFont("Helvetica", 8)
    c.drawString(60, y, "5.1.2e")
    c.setFillGray(0)
    c.setFont("Helvetica", 10)
    for text in ("De wethouder zegde toe de planning met de aannemer te bespreken en de bewoners",
                 "voor de zomer opnieuw uit te nodigen voor een avond in het wijkcentrum."):
        y -= 14
        c.drawString(56, y, text)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(56, y - 28, "Vervolg")
    c.setFont("Helvetica", 10)
    y -= 52
    for text in ("De gemeente stuurt de bewoners binnen vier weken een brief met de nieuwe planning.",
                 "Vragen over de werkzaamheden kunnen worden gesteld bij het loket in het stadskantoor."):
        c.drawString(56, y, text)
        y -= 14
    if stamp:
        c.saveState()
        c.translate(340, height - 440)
        c.rotate(angle)
        c.setStrokeColorRGB(*colour)
        c.setFillColorRGB(*colour)
        c.setLineWidth(2)
        c.rect(0, 0, 150, 46, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(10, 26, "ONTVANGEN")
        c.setFont("Helvetica-Bold", 11)
        c.drawString(10, 9, "14 MEI 2031")
        c.restoreState()
    c.showPage()
    c.save()
    return path


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@needs_tesseract
@pytest.mark.parametrize("dpi, angle", [(300, 0.4), (200, -0.5)])
def test_redaction_marks_and_a_stamp_are_kept_apart_from_type_and_their_words_kept(tmp_path, dpi, angle):
    born = _page(tmp_path / "born.pdf")
    page = parse_pdf(scan(born, dpi, angle, dpi + 7, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1)).pages[0]
    blocks = page.blocks
    text = _norm(" ".join(b.text for b in blocks))
    # the stamp: upright in the page's furniture, none of its words in the text
    assert page.header is not None and "ontvangen" in _norm(page.header) and "2031" in page.header, page.header
    assert page.furniture_method == "stamp"
    assert "ontvangen" not in text and "2031" not in text, text
    # the redaction marks: both codes read (the one beside its box whole, not "2e"), no blot read
    assert text.count("5.1.2e") == 2, text
    assert "sprak 5.1.2e over de plannen" in text or "5.1.2e over de plannen" in text, text
    body = next(b for b in blocks if "stadskantoor op de tweede" in b.text)
    for b in blocks:
        if "5.1.2e" in b.text:
            assert not any(line.bold for line in b.lines if "5.1.2e" in line.text)
            assert all(abs(line.size - body.size) < 0.6 for line in b.lines if "5.1.2e" in line.text)
    # headings: the page's own, no code and no stamp
    headings = [_norm(b.text) for b, level in zip(blocks, find_headings(blocks)) if level is not None]
    assert headings == ["verslag van het overleg over de haven", "aanwezigen en afspraken", "vervolg"], headings
    # nothing of the text lost to the marks
    for words in ("namens de havendienst sprak", "stil kunnen liggen", "nieuwe planning", "in het stadskantoor"):
        assert words in text, (words, text)


@needs_tesseract
def test_a_page_without_stamps_or_marks_reads_as_before(tmp_path):
    born = _page(tmp_path / "born.pdf", stamp=False)
    page = parse_pdf(scan(born, 300, 0.3, 11, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1)).pages[0]
    assert page.header is None and page.furniture_method == "none"


@needs_tesseract
@pytest.mark.parametrize("dpi", [300, 200])
def test_a_stamp_set_square_in_a_coloured_frame_is_kept_out_of_headings_and_text(tmp_path, dpi):
    """Set square to the page a stamp reads as type; its coloured frame around a few lines of type in
    that colour tells it apart: its words go to the furniture, not to a heading or the text."""
    born = _page(tmp_path / "born.pdf", angle=0)
    page = parse_pdf(scan(born, dpi, 0.4, dpi + 3, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1)).pages[0]
    blocks = page.blocks
    text = _norm(" ".join(b.text for b in blocks))
    assert page.furniture_method == "stamp" and "ontvangen" in _norm(page.header or "") and "2031" in (page.header or "")
    assert "ontvangen" not in text and "2031" not in text, text
    headings = [_norm(b.text) for b, level in zip(blocks, find_headings(blocks)) if level is not None]
    assert headings == ["verslag van het overleg over de haven", "aanwezigen en afspraken", "vervolg"], headings


@needs_tesseract
def test_a_black_framed_note_set_square_stays_text(tmp_path):
    """The same box in black, black type in it: a boxed note of the paper (no colour tells it apart)."""
    born = _page(tmp_path / "born.pdf", angle=0, colour=(0, 0, 0))
    page = parse_pdf(scan(born, 300, 0.4, 5, tmp_path / "scan.pdf"), OcrSettings("auto", workers=1)).pages[0]
    assert page.header is None and "stamp" not in page.furniture_method
    assert "ontvangen" in _norm(" ".join(b.text for b in page.blocks))
