"""An OCR layer (invisible glyphs in a scanning suite's font, one size per word) is read as plain
text: every word stays in the body, none becomes a superscript or a heading of its own size."""
from __future__ import annotations

from pathlib import Path

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.records import Char
from raadsstukken.extractors.layout.text_layer import even_out, is_ocr_layer

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _char(text, size, font="GlyphLessFont"):
    return Char(text, 0, 0, 1, size, size, font)


def test_a_page_of_ocr_layer_glyphs_is_recognised_and_evened_out():
    chars = [_char("d", 4.3), _char("e", 4.3), _char("W", 9.1), _char("o", 6.0), _char("n", 6.0)]
    assert is_ocr_layer(chars)
    assert {c.size for c in even_out(chars)} == {6.0}
    assert not is_ocr_layer([_char("a", 10, "Helvetica"), _char("b", 10, "Helvetica")])


@pytest.mark.skipif(not DEJAVU.exists(), reason="needs DejaVu Sans (fonts-dejavu-core)")
def test_small_function_words_of_an_ocr_layer_stay_in_the_text(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("InvisibleScanFont", str(DEJAVU)))
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842), invariant=1)
    words = [("Het", 9.0), ("college", 10.5), ("heeft", 9.5), ("de", 5.0), ("aanvraag", 11.0), ("in", 4.5),
             ("behandeling", 10.0), ("genomen", 9.8)]
    for row in range(3):
        x, y = 60.0, 760.0 - row * 18
        for word, size in words:
            text = c.beginText(x, y + (1.5 if size < 6 else 0.0))
            text.setTextRenderMode(3)  # invisible, as under a page image
            text.setFont("InvisibleScanFont", size)
            text.textOut(word)
            c.drawText(text)
            x += pdfmetrics.stringWidth(word, "InvisibleScanFont", size) + 6
    c.showPage()
    c.save()
    # name the font as an OCR layer's (same length, so the cross-reference table stays valid)
    path.write_bytes(path.read_bytes().replace(b"DejaVuSans", b"GlyphLessF"))
    (page,) = parse_pdf(path, ocr=False).pages
    text = " ".join(b.text for b in page.blocks)
    assert text.count("Het college heeft de aanvraag in behandeling genomen") == 3
