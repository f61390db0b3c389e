"""A scanned page under an OCR layer (invisible glyphs of a scanning suite's font, each word sized
to its own box) reads like the born-digital page it was made from: its headings are told apart
by the weight and size the page image shows, its body is one size and regular, every word of the
layer is kept, and a redaction mark never reads as bold.

Pages are typeset here in wording of their own, scanned as tests/extractors/layout/scanning.py
does (grain, blur, JPEG) and given an OCR layer the way scanning suites write one.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.headings import find_headings
from tests.extractors.layout.scanning import render, scan
from tests.pdfs import Page, paragraph_lines, write_pdf

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_dejavu = pytest.mark.skipif(not DEJAVU.exists(), reason="needs DejaVu Sans (fonts-dejavu-core)")

WORDS = ("Het wijkteam heeft in het voorjaar alle speelplekken in de drie dorpskernen bekeken en de "
         "toestellen op slijtage gecontroleerd. Bij twee plekken moet de ondergrond worden vervangen en bij "
         "een derde plek is een nieuw klimrek nodig omdat het oude niet meer aan de eisen voldoet. De "
         "bewoners hebben via een enquete laten weten welke toestellen zij het liefst terugzien.").split()
LINES = paragraph_lines(WORDS, 11)
NO_ASCENDERS = re.compile(r"^[acemnorsuvwxz.,]+$")


def _born(tmp_path: Path, title_size: float = 12.0, title_bold: bool = True) -> Path:
    page = Page()
    top = 70.0
    for heading in ("Staat van de speelplekken", "Voorstel voor het onderhoud"):
        page.add(60, top, heading, size=title_size, bold=title_bold)
        top = page.lines(60, top + title_size + 8, LINES, size=10, leading=13) + 14
    return write_pdf(tmp_path / "born.pdf", [page])


def _born_with_room_for_a_mark(tmp_path: Path) -> tuple[Path, tuple[float, float, float, float]]:
    """A page with a line left free for a redaction mark between a label and a paragraph, and
    where the mark goes (x0, top, x1, bottom)."""
    page = Page()
    page.add(60, 70, "Staat van de speelplekken", size=12, bold=True)
    top = page.lines(60, 90, LINES, size=10, leading=13) + 14
    page.add(60, top, "Contactpersoon bij de gemeente", size=10)
    page.lines(60, top + 32, LINES, size=10, leading=13)
    return write_pdf(tmp_path / "born.pdf", [page]), (60.0, top + 15, 150.0, top + 27)


def _layered(born: Path, tmp_path: Path, dpi: int = 200, shift: float = 0.0, seed: int = 5,
             marks: tuple[tuple[float, float, float, float], ...] = (), turn: int = 0) -> Path:
    """The scan of `born` with an OCR layer over it: each word of the page in render mode 3
    (invisible), in a font named like a scanning suite's, sized to its own box (a word without
    ascenders or descenders smaller, a few per cent of noise) and stretched to its width, the
    whole layer `shift` points off the image. Each of `marks` is a redaction mark painted on the
    scan (a grey band with a code in white, as Woo releases print them), with a word of its own
    in the layer, as a recogniser reads one. With `turn` (90, 180, 270) the scan and its layer are
    printed turned by that angle on the sheet (a landscape page scanned sideways)."""
    import pdfplumber
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from PIL import Image, ImageDraw, ImageFont

    image = Image.fromarray(render(scan(born, dpi, 0.0, seed, tmp_path / "scan.pdf"), dpi))
    px = dpi / 72
    draw = ImageDraw.Draw(image)
    for x0, top, x1, bottom in marks:
        draw.rectangle((x0 * px, top * px, x1 * px, bottom * px), fill=110)
        draw.text((x0 * px + 4, top * px + 2), "5.1.2e", fill=255,
                  font=ImageFont.truetype(str(DEJAVU), int((bottom - top - 3) * px)))
    with pdfplumber.open(born) as pdf:
        page = pdf.pages[0]
        width, height = float(page.width), float(page.height)
        words = [(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in page.extract_words()]
    words += [("IEEEE", *mark) for mark in marks]
    pdfmetrics.registerFont(TTFont("InvisibleScanFont", str(DEJAVU)))
    path = tmp_path / "layered.pdf"
    sheet = (height, width) if turn in (90, 270) else (width, height)
    c = canvas.Canvas(str(path), pagesize=sheet, invariant=1)
    c.translate(*{0: (0, 0), 90: (sheet[0], 0), 180: sheet, 270: (0, sheet[1])}[turn])
    c.rotate(turn)
    c.drawImage(ImageReader(image), 0, 0, width, height)
    noise = random.Random(seed)
    for text, x0, top, x1, bottom in words:
        size = (bottom - top) * (0.75 if NO_ASCENDERS.match(text) else 1.0) * noise.uniform(0.92, 1.08)
        natural = pdfmetrics.stringWidth(text, "InvisibleScanFont", size)
        t = c.beginText(x0 + shift, height - bottom + 0.2 * size - shift)
        t.setTextRenderMode(3)
        t.setFont("InvisibleScanFont", size)
        t.setHorizScale(100.0 * (x1 - x0) / natural)
        t.textOut(text)
        c.drawText(t)
    c.showPage()
    c.save()
    # name the font as an OCR layer's (same length, so the cross-reference table stays valid)
    path.write_bytes(path.read_bytes().replace(b"DejaVuSans", b"GlyphLessF"))
    return path


def _blocks(path: Path):
    (page,) = parse_pdf(path, ocr=False).pages
    return page.blocks


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _headings(blocks) -> list[str]:
    return [b.text for b, level in zip(blocks, find_headings(blocks)) if level is not None]


@needs_dejavu
@pytest.mark.parametrize("dpi, shift", [(200, 0.0), (300, 0.0), (200, 1.2)])
def test_bold_headings_of_an_ocr_layer_are_headings_and_its_body_is_one_size(tmp_path, dpi, shift):
    born = _born(tmp_path)
    blocks = _blocks(_layered(born, tmp_path, dpi, shift))
    assert _headings(blocks) == ["Staat van de speelplekken", "Voorstel voor het onderhoud"]
    body = [line for b in blocks if not b.bold for line in b.lines]
    assert len(body) == 2 * len(LINES)
    assert len({line.size for line in body}) == 1 and not any(line.bold for line in body)
    # every word of the layer is kept, in reading order
    assert _words(" ".join(b.text for b in blocks)) == _words(" ".join(
        ["Staat van de speelplekken", *LINES, "Voorstel voor het onderhoud", *LINES]))


@needs_dejavu
def test_a_larger_heading_of_an_ocr_layer_is_set_larger_than_its_body(tmp_path):
    blocks = _blocks(_layered(_born(tmp_path, title_size=16.0, title_bold=False), tmp_path))
    heads = [b for b in blocks if b.text.startswith(("Staat", "Voorstel"))]
    body = [b for b in blocks if b not in heads]
    assert len(heads) == 2 and {b.size for b in heads} == {heads[0].size}
    assert all(h.size >= 1.4 * b.size for h in heads for b in body), [(b.text[:20], b.size) for b in blocks]
    assert not any(b.bold for b in blocks)
    assert _headings(blocks) == ["Staat van de speelplekken", "Voorstel voor het onderhoud"]


@needs_dejavu
def test_a_redaction_mark_under_an_ocr_layer_is_no_bold_heading(tmp_path):
    born, mark = _born_with_room_for_a_mark(tmp_path)
    blocks = _blocks(_layered(born, tmp_path, marks=(mark,)))
    marked = [line for b in blocks for line in b.lines if "IEEEE" in line.text]
    assert marked and not any(line.bold for line in marked)
    assert _headings(blocks) == ["Staat van de speelplekken"]


@needs_dejavu
@pytest.mark.parametrize("turn", [90, 180, 270])
def test_a_page_scanned_sideways_is_measured_upright(tmp_path, turn):
    (page,) = parse_pdf(_layered(_born(tmp_path), tmp_path, turn=turn), ocr=False).pages
    assert page.frame is not None and page.frame.angle == turn
    assert _headings(page.blocks) == ["Staat van de speelplekken", "Voorstel voor het onderhoud"]


@needs_dejavu
def test_a_page_of_tiny_type_keeps_the_layers_one_size(tmp_path):
    # two columns of 4 pt regular type (a dashboard's labels, a map's): at the render's resolution
    # a pixel is a fifth of their x-height, so their sizes and weights are not read off the image
    page = Page()
    for x, lines in ((60, LINES), (300, LINES[:3])):
        page.add(x, 70, "Staat van de speelplekken", size=4)
        page.lines(x, 75.6, lines, size=4, leading=5.4)
    blocks = _blocks(_layered(write_pdf(tmp_path / "born.pdf", [page]), tmp_path))
    lines = [line for b in blocks for line in b.lines]
    assert len({line.size for line in lines}) == 1 and not any(line.bold for line in lines)
    assert len(_words(" ".join(b.text for b in blocks))) == 2 * 4 + len(WORDS) + len(_words(" ".join(LINES[:3])))


@needs_dejavu
def test_a_body_measured_a_little_off_takes_the_size_of_the_pages_before(tmp_path):
    from raadsstukken.extractors.layout.chars import read_chars
    from raadsstukken.extractors.layout.layer_styles import PageImages
    from raadsstukken.extractors.layout.lines import build_lines
    from raadsstukken.extractors.layout.text_layer import even_out
    import pdfplumber

    path = _layered(_born(tmp_path), tmp_path)
    with pdfplumber.open(path) as pdf:
        lines = build_lines(even_out(read_chars(pdf.pages[0]).chars), 1)
    with PageImages(path) as images:
        first = images.styled(lines, 0)
        body = min(line.size for line in first)
        images.bodies[:] = [body * 1.06]  # as an earlier page of the document measured its body
        again = images.styled(lines, 0)
    assert {line.size for line in again if not line.bold} == {round(body * 1.06 * 2) / 2}
    assert [line.bold for line in again] == [line.bold for line in first]
