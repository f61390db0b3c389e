"""Text set in another direction than the page's lines: read in its own direction, kept as furniture.

A paper may print a legend sideways along the page's edge (the body, the kind and the date, on every
page), a label or a watermark at an angle. The page is read in the direction of most of its text
(`rotation.py`); glyphs of another direction would otherwise be dropped. Here they are built into
lines in the frame where they read left to right, and each word's box is mapped back into the
page's upright frame (a tall, narrow box along the edge), so the lines can go to the page's
furniture (`parse.py`) with their provenance.
"""
from __future__ import annotations

import math
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


def diagonal_lines(diagonal: Sequence[tuple[float, Sequence[Char]]], page: int) -> list[Line]:
    """Lines of the glyphs set at a slant (`PageChars.diagonal`: per baseline angle, their envelopes in
    the page's upright frame): the glyphs of one angle in runs along their baseline, one run per
    line (centres within a glyph's size of the same baseline), words parted where the step from one
    glyph to the next is well over the run's usual step."""
    out: list[Line] = []
    for angle, chars in diagonal:
        rad = math.radians(angle)
        along, across = (math.cos(rad), -math.sin(rad)), (math.sin(rad), math.cos(rad))  # y runs down
        runs: list[list[tuple[float, float, Char]]] = []
        for c in chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            t, n = cx * along[0] + cy * along[1], cx * across[0] + cy * across[1]
            run = next((r for r in runs if abs(r[0][1] - n) <= c.size), None)
            if run is None:
                runs.append([(t, n, c)])
            else:
                run.append((t, n, c))
        for run in runs:
            run.sort(key=lambda g: g[0])
            steps = [b[0] - a[0] for a, b in zip(run, run[1:])]
            usual = sorted(steps)[len(steps) // 2] if steps else 0.0
            groups: list[list[Char]] = [[run[0][2]]]
            for step, (_, _, c) in zip(steps, run[1:]):
                if usual and step > 1.8 * usual:
                    groups.append([])
                groups[-1].append(c)
            words = tuple(Word("".join(c.text for c in g), BBox(min(c.x0 for c in g), min(c.top for c in g),
                                                                 max(c.x1 for c in g), max(c.bottom for c in g)),
                               max(c.size for c in g), "bold" in g[0].font.casefold(), "italic" in g[0].font.casefold()
                               or "oblique" in g[0].font.casefold()) for g in groups)
            out.append(Line(words, page))
    return out
