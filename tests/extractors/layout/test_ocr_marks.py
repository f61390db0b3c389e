"""Marks a recogniser has no letter for, read off the page image (extractors/layout/ocr_marks.py):
checkboxes of a scanned form, ticked or empty, and roman numerals hung left of list items as bare
upright strokes. Pages are typeset here in wording of their own and scanned as the corpus's scans
are (tests/extractors/layout/scanning.py)."""
from __future__ import annotations

import numpy as np
import pytest

from raadsstukken.extractors.layout.ocr import OcrSettings, tesseract
from raadsstukken.extractors.layout.ocr_marks import find_image_checkboxes, read_bars
from raadsstukken.extractors.layout.parse import parse_pdf
from tests.extractors.layout.scanning import render, scan
from tests.pdfs import Page, unicode_font

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")


def _form(make_pdf):
    """A form: drawn boxes (8 pt squares, a cross when ticked) and typed ones (☐ ☒ at 9 pt), beside
    round bold letters and a ruled grid of small square cells, which are no checkboxes."""
    page = Page()
    page.add(56, 50, "Overzicht opgaven voor de boomgaard", size=16, bold=True)
    page.add(56, 100, "Behandeling door", size=9, bold=True)
    page.checkbox(190, 100, False).add(202, 100, "Wethouders", size=9)
    page.checkbox(270, 100, True).add(282, 100, "Gemeenteraad", size=9)
    page.add(56, 125, "Vertrouwelijk", size=9, bold=True)
    page.add(190, 125, "\u2612 Ja   \u2610 Nee", size=9, font="DejaVu")
    for i in range(4):  # a grid of 12 pt square cells: their sides run on past every corner
        for j in range(2):
            page.rect(56 + 12 * i, 160 + 12 * j, 68 + 12 * i, 172 + 12 * j)
    page.add(56, 200, "Door de boom zag ik het bos nog goed.", size=10)
    return make_pdf([page], name="form.pdf")


@pytest.mark.parametrize("dpi, angle", [(300, 0.6), (200, -0.4)])
def test_checkboxes_of_a_scanned_form_are_found_ticked_or_empty(make_pdf, tmp_path, dpi, angle):
    pytest.importorskip("PIL")
    scanned = scan(_form(make_pdf), dpi, angle, dpi, tmp_path / "scan.pdf")
    boxes = find_image_checkboxes(render(scanned), 300 / 72)
    found = [(round(b.x0 * 72 / 300), round(b.top * 72 / 300), b.ticked) for b in boxes]
    from reportlab.pdfbase.pdfmetrics import stringWidth

    second = 190 + stringWidth("\u2612 Ja   ", unicode_font(), 9)  # where the typed empty box starts
    expected = [(190, 100, False), (270, 100, True), (190, 126, True), (second, 126, False)]
    assert len(found) == len(expected), found
    for (x, y, ticked), (ex, ey, eticked) in zip(sorted(found), sorted(expected)):
        assert abs(x - ex) <= 6 and abs(y - ey) <= 6 and ticked == eticked, found  # skewed about the centre


def test_an_outline_that_is_part_of_a_grid_or_filled_is_no_checkbox():
    ink = np.zeros((400, 400), dtype=bool)
    ink[50:80, 50:53] = ink[50:80, 77:80] = ink[50:53, 50:80] = ink[77:80, 50:80] = True  # a box
    ink[50:80, 150:153] = ink[50:80, 177:180] = ink[50:53, 140:190] = ink[77:80, 150:180] = True  # top edge runs on
    ink[200:230, 50:80] = True  # a filled square (a blob, a redaction mark)
    boxes = find_image_checkboxes(ink, 300 / 72)
    assert [(b.x0, b.top, b.ticked) for b in boxes] == [(50, 50, False)]


def _bars(n: int, dot: bool = True, flag: bool = False, foot: bool = False) -> np.ndarray:
    """Upright strokes of a 42 px line (cap height 30, stroke 5) on baseline 100, then a dot."""
    ink = np.zeros((140, 200), dtype=bool)
    x = 40
    for _ in range(n):
        ink[70:100, x:x + 5] = True
        x += 12
    if flag:
        ink[70:76, 30:40] = True  # the flag of a "1"
    if foot:
        ink[96:100, 38:46] = True  # the foot serif of a "1"
    if dot:
        ink[94:100, x:x + 6] = True
    return ink


def test_upright_strokes_and_a_dot_left_of_a_line_are_a_roman_numeral():
    region = (10, 55, 190, 115)
    assert read_bars(_bars(1), region, 42, 100)[0] == "I."
    assert read_bars(_bars(3), region, 42, 100)[0] == "III."
    assert read_bars(_bars(2, dot=False), region, 42, 100) is None  # "ll": letters, not a numeral
    assert read_bars(_bars(1, flag=True), region, 42, 100) is None  # "1." is Tesseract's to read
    assert read_bars(_bars(1, foot=True), region, 42, 100) is None
    assert read_bars(_bars(4), region, 42, 100) is None  # past "III." a numeral has a V or an X


def _numbered(make_pdf):
    page = Page()
    page.add(56, 60, "Het bestuur stelt de leden voor:", size=10, bold=True)
    items = ["de kantine op zondag eerder te sluiten;", "het lidmaatschap voor junioren te verlagen;",
             "de contributie voortaan per kwartaal te innen."]
    for i, (numeral, item) in enumerate(zip(("I.", "II.", "III."), items)):
        page.add(56, 80 + 16 * i, numeral, size=10).add(78, 80 + 16 * i, item, size=10)
    page.add(56, 140, "Toelichting", size=12, bold=True)
    page.add(56, 160, "De leden stemmen op de jaarvergadering over elk voorstel apart.", size=10)
    return make_pdf([page], name="numbered.pdf")


@needs_tesseract
def test_a_scanned_form_reads_its_boxes_and_a_numbered_list_its_numerals(make_pdf, tmp_path):
    form = parse_pdf(scan(_form(make_pdf), 300, 0.6, 3, tmp_path / "form.pdf"), OcrSettings("auto", workers=1))
    texts = [line.text for page in form.pages for block in page.blocks for line in block.lines]
    assert any("\u2610 Wethouders \u2612 Gemeenteraad" in t for t in texts), texts
    assert any("\u2612 Ja \u2610 Nee" in t for t in texts), texts
    numbered = parse_pdf(scan(_numbered(make_pdf), 240, -0.5, 5, tmp_path / "numbered.pdf"),
                         OcrSettings("auto", workers=1))
    texts = [line.text for page in numbered.pages for block in page.blocks for line in block.lines]
    assert [t.split()[0] for t in texts if t.split()[0] in ("I.", "II.", "III.")] == ["I.", "II.", "III."], texts


def _spaced_line(text: str, gap: int) -> tuple[np.ndarray, list]:
    """A 42 px line on baseline 400 of one word, each character a blob 18 px wide, `gap` px apart."""
    from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord

    ink = np.zeros((600, 1400), dtype=bool)
    x = 200
    for ch in text:
        height = 8 if not ch.isalnum() else 30
        ink[400 - height:400, x:x + 18] = True
        ink[400 - height + 4:400 - 4, x + 5:x + 13] = False  # a counter, so strokes measure as type
        x += 18 + gap
    box = (200, 370, x - gap, 400)
    return ink, [OcrLine(box, 0.0, 0.0, 42.0, 8.0, [OcrWord(text, box, 95.0)])]


def test_a_letter_spaced_word_is_written_with_its_letters_apart():
    from raadsstukken.extractors.layout.ocr_words import words_to_chars

    def text(word: str, gap: int) -> str:
        ink, lines = _spaced_line(word, gap)
        return "".join(c["text"] for c in words_to_chars(lines, 595, 842, 300, ink).chars)

    assert text("VOORSTEL", 16) == "V O O R S T E L"  # letters 0.38 of the size apart: spaced out
    assert text("VOORSTEL", 4) == "VOORSTEL"  # 0.1 apart: a word
    assert text("A.B.C.", 16) == "A.B.C."  # initials stand apart too, and are no spaced word


def test_a_dash_whose_ink_is_a_dot_is_a_middle_dot():
    from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord, words_to_chars

    ink = np.zeros((600, 1400), dtype=bool)
    ink[385:391, 300:306] = True  # a dot at mid-height: "Waterschap X · Nieuwsbrief"
    ink[385:389, 512:528] = True  # a hyphen: four times as wide as high
    words = [OcrWord("Waterschap", (200, 370, 290, 400), 95.0), OcrWord("-", (298, 383, 308, 393), 80.0),
             OcrWord("Nieuwsbrief", (320, 370, 500, 400), 95.0), OcrWord("-", (510, 383, 530, 391), 90.0),
             OcrWord("zomer", (542, 370, 632, 400), 95.0)]
    lines = [OcrLine((200, 370, 632, 400), 0.0, 0.0, 42.0, 8.0, words)]
    text = "".join(c["text"] for c in words_to_chars(lines, 595, 842, 300, ink).chars)
    assert text == "Waterschap \u00b7 Nieuwsbrief - zomer"
