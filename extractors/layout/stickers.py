"""Registration stickers: the box a document system prints on a paper it registers, found by its barcode.

A document-management system registers an incoming or outgoing paper by printing a sticker on its first
page (a framed box with a barcode and its own numbers: "Documentnr.", "Zaaknr.", the date it was
received). The sticker numbers the system's record, not the paper, and it is no part of the paper's
text: its lines are page furniture (`pages.header`, method "sticker"), never section text and never a
field's value, the way a release's number stamp is (bench/README, "Numbers the template prints").

A sticker is told by its barcode: a row of at least `min_bars` thin filled bars of one height standing
side by side with narrow gaps, in at least two widths (a hatching or a table's rules are bars of one
width, a postal code's bars have several heights). Its text is the lines inside the smallest drawn frame
round the barcode (a frame at most `frame_area` times the barcode's area), or, without one, the lines
within `reach` barcode heights above or below it that overlap it sideways; a sticker's lines are short
(at most `max_words` words), a longer line there is the page's text. Parameters in
`rules/page_furniture.toml [sticker]`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class StickerRules:
    min_bars: int
    """Fewest bars of a barcode."""
    max_bar_width: float
    """Widest bar, in points."""
    min_bar_height: float
    """Shortest bar, in points; a bar is also at least `min_aspect` times as tall as wide."""
    min_aspect: float
    max_gap: float
    """Widest white space between two bars of one barcode, in points."""
    same_edge: float
    """Points within which the bars of one barcode share their top and bottom."""
    min_widths: float
    """Points by which the widest and narrowest bar differ at least (a barcode prints two widths or more)."""
    frame_area: float
    reach: float
    max_words: int


@lru_cache(maxsize=1)
def load_rules() -> StickerRules:
    s = read_rules("page_furniture")["sticker"]
    return StickerRules(int(s["min_bars"]), float(s["max_bar_width"]), float(s["min_bar_height"]),
                        float(s["min_aspect"]), float(s["max_gap"]), float(s["same_edge"]), float(s["min_widths"]),
                        float(s["frame_area"]), float(s["reach"]), int(s["max_words"]))


@dataclass(frozen=True)
class Sticker:
    """Where a sticker's text stands: its drawn frame (`framed`), or its barcode where none is drawn."""

    area: BBox
    framed: bool


Shape = tuple[float, float, float, float, object]
"""A drawn shape as `chars.layout_chars` collects them: (x0, top, x1, bottom, pdfminer object)."""


def find_barcodes(shapes: Sequence[Shape], rules: StickerRules | None = None) -> list[BBox]:
    """The boxes of the barcodes among a page's drawn shapes (`StickerRules`)."""
    r = rules or load_rules()
    bars = sorted(((x0, top, x1, bottom) for x0, top, x1, bottom, obj in shapes
                   if getattr(obj, "fill", False) and x1 - x0 <= r.max_bar_width and bottom - top >= r.min_bar_height
                   and bottom - top >= r.min_aspect * max(x1 - x0, 0.01)),
                  key=lambda b: (round(b[1]), round(b[3]), b[0]))
    found: list[BBox] = []
    run: list[tuple[float, float, float, float]] = []

    def close() -> None:
        if len(run) >= r.min_bars:
            widths = [b[2] - b[0] for b in run]
            if max(widths) - min(widths) >= r.min_widths:
                found.append(BBox(run[0][0], min(b[1] for b in run), max(b[2] for b in run), max(b[3] for b in run)))

    for bar in bars:
        if run and (abs(bar[1] - run[0][1]) > r.same_edge or abs(bar[3] - run[0][3]) > r.same_edge
                    or bar[0] - run[-1][2] > r.max_gap or bar[0] < run[-1][0]):
            close()
            run = []
        run.append(bar)
    close()
    return found


def find_stickers(shapes: Sequence[Shape], rules: StickerRules | None = None) -> list[Sticker]:
    """A page's registration stickers: each barcode's smallest frame, or the barcode itself where no
    frame is drawn round it (`sticker_lines` reaches round it then)."""
    r = rules or load_rules()
    out: list[Sticker] = []
    for code in find_barcodes(shapes, r):
        area = code.width * code.height
        frames = [BBox(x0, top, x1, bottom) for x0, top, x1, bottom, obj in shapes
                  if getattr(obj, "stroke", False) and (x1 - x0) * (bottom - top) <= r.frame_area * area
                  and code.within(BBox(x0, top, x1, bottom), 0.0) and (x1 - x0) > code.width]
        out.append(Sticker(min(frames, key=lambda b: b.width * b.height), True) if frames else Sticker(code, False))
    return out


def sticker_lines(lines: Sequence[Line], stickers: Sequence[Sticker], rules: StickerRules | None = None) -> list[Line]:
    """The page's lines that print a sticker's text: short lines inside a sticker's frame, or within
    `reach` barcode heights of an unframed barcode, overlapping it sideways."""
    r = rules or load_rules()
    out: list[Line] = []
    for sticker in stickers:
        area = sticker.area
        reach = r.reach * area.height
        for line in lines:
            box = line.bbox
            if len(line.text.split()) > r.max_words:
                continue
            cx, cy = (box.x0 + box.x1) / 2, box.center_y
            inside = area.x0 <= cx <= area.x1 and area.top <= cy <= area.bottom
            near = not sticker.framed and box.x_overlap(area) > 0 and area.top - reach <= box.top \
                and box.bottom <= area.bottom + reach
            if (inside or near) and all(line is not o for o in out):
                out.append(line)
    return out
