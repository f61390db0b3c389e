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
             marks: tuple[tuple[float, float, float, float], ...] = (), turn: int = 0,
             ocr_font: bool = True, tilt: float = 0.0, first: tuple[str, ...] = ()) -> Path:
    """The scan of `born` with an OCR layer over it: each word of the page in render mode 3
    (invisible), in a font named like a scanning suite's, sized to its own box (a word without
    ascenders or descenders smaller, a few per cent of noise) and stretched to its width, the
    whole layer `shift` points off the image. Each of `marks` is a redaction mark painted on the
    scan (a grey band with a code in white, as Woo releases print them), with a word of its own
    in the layer, as a recogniser reads one. With `turn` (90, 180, 270) the scan and its layer are
    printed turned by that angle on the sheet (a landscape page scanned sideways). Without
    `ocr_font` the layer keeps the real font's name (as many OCR programs write it, invisibly);
    with `tilt` the scan is turned that many degrees (counter-clockwise) and each word of the layer
    lies where the turn took it, turned with it, as recognisers lay words along a tilted line.
    The words of `first` are written before all others (a list's numbers as a text object of their
    own, ahead of the items' words)."""
    import pdfplumber
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas
    from PIL import Image, ImageDraw, ImageFont

    image = Image.fromarray(render(scan(born, dpi, tilt, seed, tmp_path / "scan.pdf"), dpi))
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
    if tilt:
        import math

        cos, sin, cx, cy = math.cos(math.radians(tilt)), math.sin(math.radians(tilt)), width / 2, height / 2

        def moved(x: float, y: float) -> tuple[float, float]:
            return cx + (x - cx) * cos + (y - cy) * sin, cy - (x - cx) * sin + (y - cy) * cos

        words = [(text, *moved(x0, bottom)[:1], moved(x0, bottom)[1] - (bottom - top), moved(x0, bottom)[0] + x1 - x0,
                  moved(x0, bottom)[1]) for text, x0, top, x1, bottom in words]
    pdfmetrics.registerFont(TTFont("InvisibleScanFont", str(DEJAVU)))
    path = tmp_path / "layered.pdf"
    sheet = (height, width) if turn in (90, 270) else (width, height)
    c = canvas.Canvas(str(path), pagesize=sheet, invariant=1)
    c.translate(*{0: (0, 0), 90: (sheet[0], 0), 180: sheet, 270: (0, sheet[1])}[turn])
    c.rotate(turn)
    c.drawImage(ImageReader(image), 0, 0, width, height)
    noise = random.Random(seed)
    words = [w for w in words if w[0] in first] + [w for w in words if w[0] not in first]
    for text, x0, top, x1, bottom in words:
        size = (bottom - top) * (0.75 if NO_ASCENDERS.match(text) else 1.0) * noise.uniform(0.92, 1.08)
        if tilt:  # a recogniser that lays each word along its tilted line: its box's size, turned with it
            size = bottom - top
        natural = pdfmetrics.stringWidth(text, "InvisibleScanFont", size)
        c.saveState()
        if tilt:
            c.translate(x0 + shift, height - bottom + 0.2 * size - shift)
            c.rotate(tilt)
            t = c.beginText(0, 0)
        else:
            t = c.beginText(x0 + shift, height - bottom + 0.2 * size - shift)
        t.setTextRenderMode(3)
        t.setFont("InvisibleScanFont", size)
        t.setHorizScale(100.0 * (x1 - x0) / natural)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()
    c.showPage()
    c.save()
    # name the font as an OCR layer's (same length, so the cross-reference table stays valid)
    if ocr_font:
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


def _born_in(tmp_path: Path, heads: tuple[str, str], words: list[str]) -> Path:
    lines = paragraph_lines(words, 11)
    page = Page()
    top = 70.0
    for heading in heads:
        page.add(60, top, heading, size=10, bold=True)
        top = page.lines(60, top + 18, lines, size=10, leading=13) + 14
    return write_pdf(tmp_path / "born.pdf", [page])


WORDINGS = [
    (("Verzoekt het dagelijks bestuur:", "Toelichting van de indieners:"), WORDS),
    (("Draagt de burgemeester op:", "Achtergrond:"), ("De wijkraad vraagt al twee jaar om een betere verlichting van het "
                                                      "fietspad langs de vaart omdat scholieren er in de winter in het "
                                                      "donker naar huis rijden en zich daar niet veilig voelen.").split()),
    (("Besluit het volgende:", "Uitleg bij het voorstel:"), ("Het dorpshuis krijgt een nieuw dak met zonnepanelen zodat de "
                                                              "stichting de energierekening kan halveren en de zaal voor de "
                                                              "verenigingen betaalbaar blijft in de komende jaren.").split()),
]


@needs_dejavu
@pytest.mark.parametrize("heads, words", WORDINGS)
def test_an_invisible_layer_in_a_real_fonts_name_over_a_scan_is_an_ocr_layer(tmp_path, heads, words):
    """OCR programs often write their layer in a real font's name ("Arial", here DejaVu Sans),
    invisibly (text render mode 3) over the scan: the layer is read as an OCR layer all the same,
    so the bold labels the image shows at the body's size are headings."""
    blocks = _blocks(_layered(_born_in(tmp_path, heads, words), tmp_path, ocr_font=False))
    assert _headings(blocks) == list(heads)


@needs_dejavu
@pytest.mark.parametrize("tilt", [0.3, -0.5])
def test_a_tilted_scans_long_lines_measure_at_the_bodys_size(tmp_path, tilt):
    """A scan turned a fraction of a degree tilts each line: its long lines' ink, read level, would
    measure a size up (the band taller by the line's drift). Read along its words' baseline, the
    body is one size and only the bold headings are headings."""
    blocks = _blocks(_layered(_born(tmp_path), tmp_path, tilt=tilt))
    assert _headings(blocks) == ["Staat van de speelplekken", "Voorstel voor het onderhoud"]
    body = [line for b in blocks if not b.bold for line in b.lines]
    assert len({line.size for line in body}) == 1, [(line.text[:20], line.size) for line in body]


def test_hidden_text_without_an_image_or_with_typography_of_its_own_is_no_ocr_layer():
    from raadsstukken.extractors.layout.records import Char
    from raadsstukken.extractors.layout.text_layer import is_invisible_layer

    plain = [Char("a", 0, 0, 5, 10, 10.0, "ABCDEF+Arial"), Char("b", 5, 0, 10, 10, 10.0, "ABCDEF+Arial")]
    styled = plain + [Char("c", 10, 0, 15, 10, 10.0, "ABCDEF+Arial-BoldMT")]
    assert is_invisible_layer(1.0, 1.0, plain) and is_invisible_layer(0.9, 0.6, plain)
    assert not is_invisible_layer(1.0, 0.0, plain)  # hidden text of a born-digital page keeps its typography
    assert not is_invisible_layer(0.3, 1.0, plain)  # a stamp's few invisible words over a page of visible text
    # a layer that rebuilds the page's weights (a bold font among its fonts) keeps them
    assert not is_invisible_layer(1.0, 1.0, styled)


def _measure_of(top: float, text: str, raw: float):
    from raadsstukken.extractors.layout.geometry import BBox
    from raadsstukken.extractors.layout.layer_styles import _Measure, _WordInk
    from raadsstukken.extractors.layout.records import Line, Word

    width = 5.0 * len(text)
    line = Line((Word(text, BBox(60, top, 60 + width, top + 10), 10.0, False, False),), 1)
    return _Measure(line, [_WordInk(1.0, sum(c.isalnum() for c in text))], x_height=raw)


@pytest.mark.parametrize("last", ["treden.", "gehouden.", "te doen."])
def test_a_paragraphs_short_last_line_takes_its_size_whatever_it_measures(last):
    """A paragraph's last word or two, read off a few letters, may measure a third off the body;
    right under the paragraph's line that runs on it ends the paragraph (rules/text_layer.toml
    short_line); a label (its colon) or a line under a finished sentence starts its own."""
    from raadsstukken.extractors.layout.layer_styles import _paragraphs, style_rules

    rules = style_rules()
    above = _measure_of(100, "de gemeente werkt aan een nieuw plan voor de wijk en", 10.0)
    short = _measure_of(112, last, 6.5)
    raw = {id(above): 10.0, id(short): 6.5}
    (group,) = _paragraphs([above, short], raw, rules.paragraph_snap, rules.short_line)
    assert group == [id(above), id(short)]
    assert len(_paragraphs([above, short], raw, rules.paragraph_snap, 0)) == 2
    # a label under a line (ending in its colon) and a short line under a finished sentence stand alone
    label = _measure_of(112, last.rstrip(".") + ":", 6.5)
    assert len(_paragraphs([above, label], {id(above): 10.0, id(label): 6.5}, rules.paragraph_snap,
                           rules.short_line)) == 2
    done = _measure_of(100, "de gemeente werkt aan een nieuw plan voor de wijk.", 10.0)
    assert len(_paragraphs([done, short], {id(done): 10.0, id(short): 6.5}, rules.paragraph_snap,
                           rules.short_line)) == 2


@needs_dejavu
@pytest.mark.parametrize("tilt, items", [
    (0.6, ["Het plan voor de speeltuin aan de Beukenlaan wordt in het voorjaar uitgevoerd door de gemeente en",
           "de bewoners van de straat krijgen voor de zomer een brief over de planning van het werk en de kosten."]),
    (-0.7, ["De subsidie voor het jeugdwerk wordt voor twee jaar verlengd met een jaarlijkse evaluatie erbij, en",
            "het college stuurt de raad na het eerste jaar een verslag van de bereikte resultaten in de wijken."]),
    (0.8, ["Het fietspad langs het kanaal krijgt over de hele lengte nieuwe verlichting met zuinige lampen, en",
           "de provincie betaalt de helft van de kosten uit het fonds voor veilige schoolroutes in de regio."]),
])
def test_a_tilted_scans_hanging_numbers_stay_on_their_items_lines(tmp_path, tilt, items):
    """A numbered list with its numbers hung in the margin ("1." | "Het plan …"), scanned a little
    turned: the layer's words follow the tilt, the number and its item's words sit a little off
    each other's baseline along it, and each item is one line that its number opens."""
    page = Page()
    page.add(60, 70, "Besluit van het college", size=12, bold=True)
    top = 96.0
    for n, item in enumerate(items, 1):
        page.add(60, top, f"{n}.", size=9).add(84, top, item, size=9)
        top += 14
    numbers = tuple(f"{n}." for n in range(1, len(items) + 1))
    blocks = _blocks(_layered(write_pdf(tmp_path / "born.pdf", [page]), tmp_path, tilt=tilt, first=numbers))
    lines = [line.text for b in blocks for line in b.lines]
    for n, item in enumerate(items, 1):
        assert f"{n}. {item}" in lines, lines
