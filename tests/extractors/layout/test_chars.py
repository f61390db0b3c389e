"""Glyph clean-up: fake bold, ligatures, rotated pages, empty pages."""
from __future__ import annotations

from dataclasses import dataclass

from raadsstukken.extractors.layout.chars import read_chars
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.lines import build_lines
from tests.pdfs import Page


def test_overprinted_fake_bold_is_read_once(make_pdf, text_of):
    page = Page().add(56, 80, "Vette tekst door dubbel drukken.", overprint=0.4)
    assert text_of(make_pdf([page])) == "Vette tekst door dubbel drukken."


def test_repeated_letters_that_are_really_there_are_kept(make_pdf, text_of):
    page = Page().add(56, 80, "Het beleid voor 2000 en de zeeën, de oorlog en de kwaliteit.")
    assert text_of(make_pdf([page])) == "Het beleid voor 2000 en de zeeën, de oorlog en de kwaliteit."


@dataclass
class FakePage:
    """The few attributes of a pdfplumber page that `read_chars` reads."""

    chars: list[dict]
    rotation: int = 0
    width: float = 595.0
    height: float = 842.0
    page_number: int = 1


def _char(text: str, x0: float, width: float = 5.0) -> dict:
    return {"text": text, "x0": x0, "x1": x0 + width, "top": 100.0, "bottom": 110.0, "size": 10.0,
            "fontname": "Test-Regular", "matrix": (10.0, 0.0, 0.0, 10.0, x0, 732.0)}


def test_ligatures_are_expanded():
    glyphs = ["e", "\ufb03", "c", "i", "ë", "n", "t", " ", "\ufb01", "e", "t", "s"]
    chars, x = [], 50.0
    for g in glyphs:
        chars.append(_char(g, x))
        x += 5.0
    page = read_chars(FakePage(chars))
    assert " ".join(line.text for line in build_lines(page.chars, 1)) == "efficiënt fiets"


def test_rotated_page_reads_upright(make_pdf, text_of):
    page = Page(rotation=90).add(56, 80, "Deze bladzijde staat in liggend formaat gedraaid.")
    path = make_pdf([page])
    assert text_of(path) == "Deze bladzijde staat in liggend formaat gedraaid."
    layout = parse_pdf(path).pages[0]
    block = layout.blocks[0]
    box = layout.page_bbox(block.bbox)
    assert box.height > box.width  # in pdfplumber's page frame the line runs top to bottom


def test_empty_page_between_pages(make_pdf):
    pages = [Page().add(56, 80, "Eerste bladzijde."), Page(), Page().add(56, 80, "Derde bladzijde.")]
    parsed = parse_pdf(make_pdf(pages))
    assert [p.n_chars > 0 for p in parsed.pages] == [True, False, True]
    assert parsed.pages[1].blocks == []


def _glyphs(text: str, matrix: tuple[float, ...], x0: float = 50.0) -> list[dict]:
    return [dict(_char(ch, x0 + 6.0 * i), matrix=matrix) for i, ch in enumerate(text)]


def test_page_direction_without_the_per_glyph_pass_is_the_same():
    """The one-direction shortcut of `clean_chars` gives what judging every glyph gives: one direction
    is the page's; spaces alone do not set it; a space set another way, or a glyph without a matrix,
    sends the page through the glyph-by-glyph pass (which reads the other direction apart)."""
    from raadsstukken.extractors.layout.chars import _one_direction, clean_chars

    upright, sideways = (10.0, 0.0, 0.0, 10.0, 0.0, 0.0), (0.0, 10.0, -10.0, 0.0, 0.0, 0.0)
    assert _one_direction(_glyphs("Raming", upright)) == 0
    assert _one_direction(_glyphs("Raming", sideways)) == 90
    assert _one_direction(_glyphs("   ", sideways)) is None  # no text: the page reads as 0 degrees
    assert clean_chars(_glyphs("   ", sideways), 0, 595.0, 842.0).frame.angle == 0
    mixed = _glyphs("Raming", upright) + _glyphs(" ", sideways, 200.0)
    assert _one_direction(mixed) is None
    assert clean_chars(mixed, 0, 595.0, 842.0).frame.angle == 0
    legend = _glyphs("Raming ", upright) + _glyphs("zij", sideways, 300.0)
    read = clean_chars(legend, 0, 595.0, 842.0)
    assert _one_direction(legend) is None and read.n_other_direction == 3 and read.frame.angle == 0
    assert _one_direction([{k: v for k, v in g.items() if k != "matrix"} for g in _glyphs("Raming", upright)]) is None
