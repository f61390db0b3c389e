"""An OCR layer (invisible glyphs in a scanning suite's font, one size per word) is read as plain
text: every word stays in the body, none becomes a superscript or a heading of its own size."""
from __future__ import annotations

from pathlib import Path

import pytest

from raadsstukken.extractors.layout.chars import clean_chars
from raadsstukken.extractors.layout.lines import build_lines
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.records import Char
from raadsstukken.extractors.layout.text_layer import even_out, fit_advances, is_ocr_layer

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


def _at(text, x0, width, size, font="InvisibleMonospacePdf", top=100.0):
    return Char(text, x0, top, x0 + width, top + size, size, font)


def test_words_of_an_ocr_layer_are_told_apart_by_their_own_size_and_gap():
    # "418" set at 7.4 pt and "926,5" at 3.4 pt right after it (0.5 pt apart), "ja" after a gap
    glyphs = [_at(t, 100 + i * 1.9, 1.9, 7.4) for i, t in enumerate("418")]
    glyphs += [_at(t, 106.2 + i * 5.2, 5.2, 3.4) for i, t in enumerate("926,5")]
    glyphs += [_at(t, 133.5 + i * 1.9, 1.9, 3.4) for i, t in enumerate("ja")]
    page = build_lines(even_out(glyphs), 1)
    assert [w.text for line in page for w in line.words] == ["418", "926,5", "ja"]


def test_letters_of_a_word_squeezed_into_a_tiny_box_are_not_overprints():
    raw = [{"text": t, "x0": 200 + i * 0.43, "x1": 200.43 + i * 0.43, "top": 50.0, "bottom": 52.0, "size": 1.9,
            "fontname": "GlyphLessFont", "matrix": (0.06, 0.0, 0.0, 0.16, 200 + i * 0.43, 700.0)}
           for i, t in enumerate("x1117")]
    assert "".join(c.text for c in clean_chars(raw, 0, 595, 842).chars) == "x1117"
    bold = raw[:1] + [{**raw[0], "x0": raw[0]["x0"] + 0.1, "x1": raw[0]["x1"] + 0.1}]
    bold = [{**c, "x1": c["x0"] + 4.0} for c in bold]  # a normal-width glyph printed twice: fake bold
    assert "".join(c.text for c in clean_chars(bold, 0, 595, 842).chars) == "x"


def test_overlapping_words_of_an_ocr_layer_are_not_glued_together():
    # four short words on one line, drawn as separate runs; the third word's box runs into the
    # fourth's (a recogniser's boxes overlap), so no gap tells them apart
    glyphs = []
    for text, x0, width, top in (("ET", 100, 3.5, 100), ("vak", 140, 3.0, 100.3), ("Maakt", 294.2, 3.0, 100.2),
                                 ("deel", 306.0, 1.6, 96.4), ("uitvoering", 313.4, 1.5, 100.2)):
        size = 2.6 if top > 99 else 7.0
        glyphs += [_at(t, x0 + i * width, width, size, top=top) for i, t in enumerate(text)]
    words = [w.text for line in build_lines(even_out(glyphs), 1) for w in line.words]
    assert "deel" in words and "Maakt" in words, words


def _pdf_with_wide_glyphs(path: Path) -> Path:
    """A page set in a font whose /Widths make 'n' 1.5 em wide, the text set with TJ
    offsets that bring each next glyph back to where it belongs (as a redaction tool's re-embedded
    fonts do): pdfminer gives those glyphs boxes reaching far over the next letter."""
    widths = [556] * 95
    widths[ord("n") - 32] = 1500
    font = (b"<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Breedschrift /Encoding /WinAnsiEncoding /FirstChar 32 "
            b"/LastChar 126 /Widths [" + b" ".join(b"%d" % w for w in widths) + b"] >>")

    def tj(text: str) -> bytes:
        parts = []
        for ch in text:
            parts.append(b"(" + ch.encode() + b")")
            if ch == "n":
                parts.append(b"944")  # back by 0.944 em: a 0.556 em advance
        return b"[" + b" ".join(parts) + b"] TJ"

    content = b"BT /F1 6 Tf 1 0 0 1 60 760 Tm " + tj("Datum 22 juni 2022") + b" ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
               b"/Contents 5 0 R >>", font, b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_glyph_boxes_wider_than_their_advances_do_not_split_words(tmp_path):
    parsed = parse_pdf(_pdf_with_wide_glyphs(tmp_path / "breed.pdf"), False)
    text = " ".join(line.text for page in parsed.pages for block in page.blocks for line in block.lines)
    assert text == "Datum 22 juni 2022"


def test_typeset_glyphs_keep_their_boxes():
    glyphs = [Char(t, 10 + 5.5 * i, 0, 10 + 5.5 * (i + 1) + 0.1, 10, 10, "Helvetica") for i, t in enumerate("kerning")]
    assert fit_advances(glyphs) == glyphs  # boxes ending where the next glyph starts, kerning aside


def test_quality_reads_each_distinct_glyph_text_once_as_before():
    """`text_quality` maps each distinct glyph text once: spaces left out, an unmapped "(cid:N)"
    counted as a replacement character, the rest in drawing order (mojibake is found across glyphs)."""
    from raadsstukken.extractors.layout.records import Char
    from raadsstukken.extractors.layout.text_layer import text_quality

    def glyphs(texts: list[str]) -> list[Char]:
        return [Char(t, 10.0 * i, 0.0, 10.0 * i + 5, 10.0, 10.0, "F") for i, t in enumerate(texts)]

    assert text_quality(glyphs([" ", " "])) is None
    assert text_quality(glyphs(["a", " ", "b", "(cid:3)"])) == round(1 - 1 / 3, 4)
    assert text_quality(glyphs(list("Kosten"))) == 1.0
