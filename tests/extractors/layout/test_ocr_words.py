"""Tesseract's hOCR words become glyph records with the size, weight and position a born-digital
layer would give them (extractors/layout/ocr_words.py). The hOCR here is written by hand, in
Tesseract's format, so each rule is tested on its own; test_ocr_scans.py renders real pages."""
from __future__ import annotations

import numpy as np
import pytest

from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord, read_hocr, words_to_chars


def _hocr(lines: list[dict]) -> str:
    """hOCR as Tesseract writes it: lines in paragraphs, words with boxes and confidences.

    Each line: base (the baseline's y), x_size, words [(text, width, conf[, lift[, gap]])] (lift:
    pixels above the baseline, gap: extra pixels before the word), optional slope, left and par
    (lines with the same par number are one paragraph; each its own by default)."""
    out = ["<html><body><div class='ocr_page' id='page_1' title='bbox 0 0 2480 3508'>"]
    pars: list[tuple[object, list[str]]] = []
    for n, ln in enumerate(lines, 1):
        x0, base, size, slope = ln.get("left", 200), ln["base"], ln["x_size"], ln.get("slope", 0.0)
        x, words = x0, []
        for k, (text, width, conf, *rest) in enumerate(ln["words"], 1):
            lift, gap = (list(rest) + [0, 0])[:2]
            x += gap
            b = round(base + slope * (x - x0)) - lift
            words.append(f"<span class='ocrx_word' id='w_{n}_{k}' title='bbox {x} {b - int(0.7 * size)} {x + width} {b}; "
                         f"x_wconf {conf}'>{text}</span>")
            x += width + int(0.3 * size)
        bottom = round(base + max(slope * (x - x0), 0))
        top = round(base - 0.7 * size + min(slope * (x - x0), 0))
        html = (f"<span class='ocr_line' id='l_{n}' title='bbox {x0} {top} {x} {bottom}; baseline {slope:.3f} 0; "
                f"x_size {size}; x_descenders {int(0.2 * size)}; x_ascenders 10'>" + "".join(words) + "</span>")
        par = ln.get("par", f"own-{n}")
        if pars and pars[-1][0] == par:
            pars[-1][1].append(html)
        else:
            pars.append((par, [html]))
    for i, (_, htmls) in enumerate(pars, 1):
        out.append(f"<div class='ocr_carea' id='b_{i}' title='bbox 0 0 2480 3508'><p class='ocr_par' id='p_{i}' "
                   f"title='bbox 0 0 2480 3508'>" + "".join(htmls) + "</p></div>")
    out.append("</div></body></html>")
    return "\n".join(out)


def _body(base: float, text: str, size: int = 42, **kw) -> dict:
    return {"base": base, "x_size": size, "words": [(w, 25 * len(w), 95) for w in text.split()], **kw}


def _glyphs(page):
    return {c["text"]: c for c in page.chars if c["text"].strip()}


def test_hocr_is_read_into_lines_and_words():
    lines = read_hocr(_hocr([_body(400, "een regel tekst"), _body(460, "nog een")]))
    assert [[w.text for w in ln.words] for ln in lines] == [["een", "regel", "tekst"], ["nog", "een"]]
    assert lines[0].x_size == 42 and lines[0].words[0].confidence == 95


def test_the_type_size_is_the_lines_x_size_and_noise_of_the_estimate_is_snapped():
    page = words_to_chars(_hocr([
        _body(400, "de kwartiermaker schreef een notitie over het buurthuis", 42),
        _body(460, "waarin de vrijwilligers hun wensen noemden voor later", 41),
        _body(520, "kort", 43),  # the estimate's noise: the body size
        _body(600, "Grotere kop", 54),  # a larger size of its own
        _body(700, "kleiner gezette toelichting bij het schema", 38),  # a point smaller: its own size
    ]), 595, 842, 300)
    g = _glyphs(page)
    body = g["kwartiermaker"]["size"]
    assert body == pytest.approx(42 * 72 / 300, abs=0.3)
    assert g["vrijwilligers"]["size"] == g["kort"]["size"] == body
    assert g["Grotere"]["size"] == pytest.approx(54 * 72 / 300, abs=0.3)
    assert body - g["toelichting"]["size"] == pytest.approx(4 * 72 / 300, abs=0.3)
    # the glyph box is the size's, as pdfminer gives it: 0.8 above the baseline, 0.2 below
    assert g["kwartiermaker"]["bottom"] - g["kwartiermaker"]["top"] == pytest.approx(body, abs=0.01)
    assert g["kwartiermaker"]["bottom"] == pytest.approx(400 * 72 / 300 + 0.2 * body, abs=0.05)


def test_bold_is_read_off_the_stroke_width_in_the_render():
    lines = [_body(400, "gewone regel met woorden"), _body(480, "VETTE KOP"), _body(560, "weer gewone tekst")]
    ink = np.zeros((3508, 2480), dtype=bool)
    for ln, stroke in zip(lines, (4, 8, 4)):  # vertical strokes 4 px (regular) or 8 px (bold) wide, 42 px size
        base = ln["base"]
        for col in range(200, 1200, 14):
            ink[base - 29:base, col:col + stroke] = True
    page = words_to_chars(_hocr(lines), 595, 842, 300, ink)
    g = _glyphs(page)
    assert g["VETTE"]["fontname"] == "ocr-bold" and g["KOP"]["fontname"] == "ocr-bold"
    assert g["gewone"]["fontname"] == g["tekst"]["fontname"] == "ocr"


def test_a_skewed_page_is_turned_upright_so_a_line_shares_one_baseline():
    slope = 0.015  # about 0.9 degrees
    page = words_to_chars(_hocr([
        _body(400, "een lange regel die scheef over de bladzijde loopt zoals bij een scan", slope=slope),
        _body(460, "en de volgende regel van dezelfde alinea loopt even scheef mee", slope=slope),
    ]), 595, 842, 300)
    words = [c for c in page.chars if c["text"].strip()]
    first = [c for c in words if abs(c["top"] - words[0]["top"]) < 5]
    assert len(first) >= 10
    assert max(c["bottom"] for c in first) - min(c["bottom"] for c in first) < 0.3
    # the two lines keep their leading
    second = [c for c in words if c not in first]
    assert second[0]["bottom"] - first[0]["bottom"] == pytest.approx(60 * 72 / 300, abs=0.5)


def test_low_confidence_words_are_kept_beside_confident_ones_and_never_set_apart():
    page = words_to_chars(_hocr([
        {"base": 400, "x_size": 42, "words": [("•", 20, 70), ("fietsenstalling", 300, 8), ("bij", 60, 96),
                                               ("het", 60, 95), ("station", 150, 96)]},
        {"base": 700, "x_size": 80, "words": [("xq", 60, 12)]},  # a speck read as letters, alone
        {"base": 900, "x_size": 80, "words": [("Vlek", 120, 40)]},  # large but unsure: not a heading's size
        _body(1000, "gewone tekst van de alinea hieronder", 42),
    ]), 595, 842, 300)
    g = _glyphs(page)
    assert "fietsenstalling" in g and "xq" not in g
    assert g["Vlek"]["size"] == g["gewone"]["size"]


def test_a_word_off_its_lines_baseline_keeps_its_own():
    line = {"base": 400, "x_size": 42, "words": [("Aan", 80, 95), ("de", 50, 95), ("raad", 90, 95),
                                                 ("kantlijn", 160, 95, 60)]}  # set 60 px higher (a sidebar)
    g = _glyphs(words_to_chars(_hocr([line]), 595, 842, 300))
    assert g["kantlijn"]["bottom"] < g["raad"]["bottom"] - 10


def _letters(ink, base: int, x0: int, x1: int, x_height: int) -> None:
    """Ink like lower-case type: an x-height band of strokes with an ascender now and then."""
    for col in range(x0, x1, 12):
        ink[base - x_height:base, col:col + 4] = True
        if col % 48 == 0:
            ink[base - int(1.45 * x_height):base, col:col + 4] = True


def test_a_label_and_its_value_on_one_tesseract_line_are_sized_apart_by_their_x_height():
    ink = np.zeros((3508, 2480), dtype=bool)
    lines = [{"base": 400, "x_size": 42, "words": [("kenmerk", 200, 95), ("zaaknummer", 300, 95, 0, 400)]}]
    lines += [_body(460 + 60 * i, "gewone tekst van een alinea over de begroting", 42) for i in range(4)]
    _letters(ink, 400, 200, 400, 19)  # the label: a point smaller than the body
    _letters(ink, 400, 1100, 1400, 22)  # the value: the body's x-height
    for i in range(4):
        _letters(ink, 460 + 60 * i, 200, 1400, 22)
    g = _glyphs(words_to_chars(_hocr(lines), 595, 842, 300, ink))
    assert g["zaaknummer"]["size"] == g["gewone"]["size"]
    assert g["gewone"]["size"] - g["kenmerk"]["size"] == pytest.approx(g["gewone"]["size"] * 3 / 22, abs=0.3)


def test_lines_of_one_paragraph_share_its_size():
    lines = [_body(400 + 60 * i, "regel van een alinea met gewone woorden erin", size, par=1)
             for i, size in enumerate((42, 44, 41, 42))]
    lines.append(_body(700, "Kop boven de volgende alinea", 50, par=1))  # set apart: its own size
    g = words_to_chars(_hocr(lines), 595, 842, 300).chars
    sizes = [c["size"] for c in g if c["text"] == "regel"]
    assert len(set(sizes)) == 1
    assert next(c["size"] for c in g if c["text"] == "Kop") > sizes[0] + 1


def test_an_underscore_tesseract_reads_for_a_blot_before_a_word_is_left_out():
    lines = read_hocr(_hocr([{"base": 400, "x_size": 42, "words": [("6", 20, 95), ("_", 20, 60), ("_Agendapunt", 200, 90),
                                                                    ("gesloten", 160, 95)]}]))
    assert [w.text for w in lines[0].words] == ["6", "Agendapunt", "gesloten"]


def test_lines_tesseract_sizes_alike_are_one_size_however_far_their_bands_stray():
    ink = np.zeros((3508, 2480), dtype=bool)
    lines = [_body(400 + 80 * i, "regel van een titel over meerdere regels", 60, par=1) for i in range(3)]
    lines += [_body(700 + 60 * i, "gewone tekst van een alinea over de begroting", 42) for i in range(4)]
    for i, x_height in enumerate((29, 33, 33)):  # the first line's band measures 12% lower
        _letters(ink, 400 + 80 * i, 200, 1400, x_height)
    for i in range(4):
        _letters(ink, 700 + 60 * i, 200, 1400, 22)
    sizes = [c["size"] for c in words_to_chars(_hocr(lines), 595, 842, 300, ink).chars if c["text"] == "regel"]
    assert len(sizes) == 3 and len(set(sizes)) == 1, sizes


def test_a_sidebars_smaller_line_tesseract_joined_to_the_body_line_gets_its_own_baseline_and_size():
    from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord

    body = [OcrWord(t, (200 + 150 * i, 370, 330 + 150 * i, 400), 95.0) for i, t in enumerate("Geachte leden van".split())]
    side = [OcrWord("Afdeling", (1800, 392, 1890, 414), 95.0), OcrWord("Vergunningen", (1900, 392, 2040, 414), 95.0)]
    lines = [OcrLine((200, 370, 2040, 414), 0.0, -14.0, 42.0, 8.0, body + side)]  # baseline 400, the body's
    chars = {c["text"]: c for c in words_to_chars(lines, 595, 842, 300).chars if c["text"].strip()}
    def baseline(c: dict) -> float:
        return c["bottom"] - 0.2 * c["size"]  # glyph boxes reach a fifth of the size below it

    assert baseline(chars["Afdeling"]) - baseline(chars["Geachte"]) == pytest.approx(14 * 72 / 300, abs=0.3)
    assert chars["Afdeling"]["size"] < 0.85 * chars["Geachte"]["size"]
    assert chars["Afdeling"]["bottom"] == chars["Vergunningen"]["bottom"]  # one baseline for the part


def test_a_stop_of_initials_read_as_a_comma_or_low_quote_is_a_stop():
    from raadsstukken.extractors.layout.ocr_words import with_marks

    ink = np.zeros((200, 900), dtype=bool)
    words = [OcrWord(t, (40 + 120 * i, 50, 140 + 120 * i, 90), 90.0)
             for i, t in enumerate(("Mevrouw", "A\u201aK.", "B,D.", "P.J,", "Jansen,", "AB,"))]
    line = OcrLine((40, 50, 760, 90), 0.0, 0.0, 40.0, 8.0, words)
    assert [w.text for w in with_marks([line], ink)[0].words] == ["Mevrouw", "A.K.", "B.D.", "P.J.", "Jansen,", "AB,"]


def test_a_redaction_code_stands_in_its_line_and_a_mark_alone_is_a_line_of_its_own():
    from raadsstukken.extractors.layout.ocr_marks import Redaction
    from raadsstukken.extractors.layout.ocr_words import with_redactions

    line = OcrLine((40, 100, 900, 140), 0.0, -5.0, 40.0, 8.0,
                   [OcrWord("zij", (40, 100, 100, 135), 95.0), OcrWord("schreef", (520, 100, 640, 135), 95.0)])
    inline = Redaction(120, 98, 500, 140)
    alone = Redaction(40, 300, 900, 345)
    code = OcrLine((130, 105, 230, 135), 0.0, 0.0, 30.0, 6.0, [OcrWord("10.2.g", (130, 105, 230, 135), 80.0)])
    code2 = OcrLine((50, 310, 150, 338), 0.0, 0.0, 30.0, 6.0, [OcrWord("5.1.1c", (50, 310, 150, 338), 70.0)])
    out = with_redactions([line], [(inline, [code]), (alone, [code2])])
    assert [w.text for w in out[0].words] == ["zij", "10.2.g", "schreef"]
    assert [[w.text for w in ln.words] for ln in out[1:]] == [["5.1.1c"]]
    assert all(w.mark == "redaction" for ln in out for w in ln.words if w.text[0].isdigit())
    page = words_to_chars(out, 600, 800, ink=np.zeros((3300, 2500), dtype=bool), marked=True)
    sizes = {c["text"]: c["size"] for c in page.chars if not c["text"].isspace()}
    assert sizes["5.1.1c"] == sizes["zij"] and not any(c["fontname"] == "ocr-bold" for c in page.chars)


def test_a_blurred_dot_read_as_an_asterisk_is_a_bullet_and_a_letter_is_not():
    from PIL import Image, ImageDraw, ImageFilter

    from raadsstukken.extractors.layout.ocr_words import with_marks

    image = Image.new("L", (600, 120), 245)
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 50, 51, 61), fill=10)  # a bullet of a 200 dpi scan rendered at 300: a blurred dot
    draw.text((300, 40), "e", fill=10)
    grey = np.asarray(image.filter(ImageFilter.GaussianBlur(1.0)))
    box = (39, 49, 53, 63)  # mostly dark: read as a band of light type, the dot would be its paper
    words = [OcrWord("*", box, 78.0), OcrWord("afspraak:", (70, 40, 200, 75), 90.0)]
    line = OcrLine((38, 40, 200, 75), 0.0, 0.0, 40.0, 8.0, words)
    assert [w.text for w in with_marks([line], grey)[0].words] == ["\u2022", "afspraak:"]
    letter = OcrLine((295, 40, 320, 75), 0.0, 0.0, 40.0, 8.0, [OcrWord("e", (299, 44, 307, 56), 90.0)])
    assert [w.text for w in with_marks([letter], grey)[0].words] == ["e"]
