"""Text set in another direction than the page's lines: read in its own direction, kept as furniture.

A paper may print a legend sideways along the page's edge (the body, the kind and the date, on every
page), a label or a watermark at an angle. The page is read in the direction of most of its text
(`rotation.py`); glyphs of another direction would otherwise be dropped. Here they are built into
lines in the frame where they read left to right, and each word's box is mapped back into the
page's upright frame (a tall, narrow box along the edge), so the lines can go to the page's
furniture (`parse.py`) with their provenance.
"""
from __future__ import annotations

from typing import Sequence

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.lines import build_lines
from raadsstukken.extractors.layout.records import Char, Line, Word
from raadsstukken.extractors.layout.rotation import UprightFrame


def rotated_lines(rotated: Sequence[tuple[int, Sequence[Char]]], frame: UprightFrame, page: int) -> list[Line]:
    """Lines of the page's sideways glyphs (`PageChars.rotated`: per direction, in that direction's
    upright frame), their words' boxes in the page's upright `frame`."""
    out: list[Line] = []
    for angle, chars in rotated:
        if not chars:
            continue
        own = UprightFrame(angle, frame.page_width, frame.page_height)
        for line in build_lines(list(chars), page):
            words = tuple(Word(w.text, BBox(*frame.box(*_page_box(own, w.bbox))), w.size, w.bold, w.italic,
                               w.superscript) for w in line.words)
            if words:
                out.append(Line(words, page))
    return out


def _page_box(own: UprightFrame, box: BBox) -> tuple[float, float, float, float]:
    page = own.to_page(box)
    return page.x0, page.top, page.x1, page.bottom
