"""Stamps on a page image: text set at an angle to the page's lines, read upright and kept apart.

A stamp ("received on …", a registration stamp, "copy") is pressed on a paper at an angle, often
in a colour; Tesseract's page reading reads it as a few unsure fragments ("ds", "EN", "|") or not
at all, and whatever it reads would be taken for type of the page: a heading, a title, words run
into the paragraph beside it. The render shows where it is: ink no confident word of the page
reading covers, in an area taller than a line (`find_stamps`). Its angle is the one at which the
rows of its ink are most unequal (lines of type and the gaps between them); turned upright, made
plain and read as a block (`upright_crop`), its words are the stamp's when enough of them are read
confidently and the angle is off the page's lines. `ocr.py` reads them and `ocr_words.py` writes
them apart from the page's text, as page furniture (as a release's number stamp is). A stamp set
square to the page is told apart where it can be: a frame in a colour holding a few lines of type
in that colour (`framed_lines`); the page reading's words there are the stamp's. Thresholds are
`rules/ocr.toml [stamp]`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from raadsstukken.extractors.layout.ocr_words import OcrLine, OcrWord
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class StampRules:
    ink_level: float
    confident: float
    tile: float
    min_height: float
    min_width: float
    max_share: float
    min_angle: float
    max_angle: float
    angle_step: float
    min_confidence: float
    min_letters: int
    max_stamps: int
    frame_edge: float = 0.8
    frame_sides: float = 0.6
    frame_lines: int = 4
    colour_margin: float = 35.0


@lru_cache(maxsize=1)
def stamp_rules() -> StampRules:
    v = read_rules("ocr")["stamp"]
    return StampRules(float(v["ink_level"]), float(v["confident"]), float(v["tile"]), float(v["min_height"]),
                      float(v["min_width"]), float(v["max_share"]), float(v["min_angle"]), float(v["max_angle"]),
                      float(v["angle_step"]), float(v["min_confidence"]), int(v["min_letters"]), int(v["max_stamps"]),
                      float(v["frame_edge"]), float(v["frame_sides"]), int(v["frame_lines"]), float(v["colour_margin"]))


@dataclass(frozen=True)
class Area:
    """Unread ink taller than a line, in render pixels (x0, top, x1, bottom exclusive), with the
    tiles (row, column; of `tile` pixels) it is made of."""

    x0: int
    top: int
    x1: int
    bottom: int
    tile: int
    tiles: frozenset[tuple[int, int]]

    def holds(self, box: tuple[int, int, int, int]) -> bool:
        """Whether a word's box has its centre on this area's ink."""
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return (int(cy) // self.tile, int(cx) // self.tile) in self.tiles


def find_stamps(grey: Any, lines: list[OcrLine], px_per_pt: float, rules: StampRules | None = None) -> list[Area]:
    """Areas of ink on the render (`grey`, 0-255) that no confident word of `lines` covers and that
    are taller than `min_height` and wider than `min_width` points: at most `max_stamps`, largest
    first. Tiles of `tile` points join across a tile's gap (the letters and the frame of a stamp)."""
    import numpy as np

    r = rules or stamp_rules()
    if grey.dtype == bool:
        return []
    ink = grey < r.ink_level
    for line in lines:
        for w in line.words:
            if w.confidence >= r.confident:
                ink[max(w.box[1], 0):w.box[3], max(w.box[0], 0):w.box[2]] = False
    t = max(2, round(r.tile * px_per_pt))
    h, w = (grey.shape[0] // t) * t, (grey.shape[1] // t) * t
    tiles = ink[:h, :w].reshape(h // t, t, w // t, t).sum(axis=(1, 3)) >= max(2, t * t // 16)
    if tiles.sum() < (r.min_height * r.min_width * px_per_pt * px_per_pt) / (t * t) / 8:
        return []
    seen = np.zeros(tiles.shape, dtype=bool)
    found: list[Area] = []
    for start in zip(*np.nonzero(tiles)):
        if seen[start]:
            continue
        stack, cells = [start], []
        seen[start] = True
        while stack:  # one area: tiles within one tile of each other (8-connected, a tile's gap bridged)
            y, x = stack.pop()
            cells.append((int(y), int(x)))
            for ny in range(y - 2, y + 3):
                for nx in range(x - 2, x + 3):
                    if 0 <= ny < tiles.shape[0] and 0 <= nx < tiles.shape[1] and tiles[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        ys, xs = [c[0] for c in cells], [c[1] for c in cells]
        top, bottom, x0, x1 = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        if (bottom - top) * t < r.min_height * px_per_pt or (x1 - x0) * t < r.min_width * px_per_pt:
            continue
        if (bottom - top) * (x1 - x0) * t * t > r.max_share * grey.size:
            continue  # a picture, a map: no stamp
        found.append(Area(x0 * t, top * t, x1 * t, bottom * t, t, frozenset(cells)))
    found.sort(key=lambda a: -len(a.tiles))
    return found[:r.max_stamps]


def angle_of(grey: Any, area: Area, rules: StampRules | None = None) -> float:
    """The angle (degrees, counter-clockwise) the area's ink is set at: the turn that makes the rows
    of its ink most unequal (lines of type and the gaps between them), within `max_angle`."""
    import numpy as np
    from PIL import Image

    r = rules or stamp_rules()
    crop = Image.fromarray(255 - grey[area.top:area.bottom, area.x0:area.x1])
    factor = max(crop.size) // 300 + 1
    if factor > 1:  # the angle of lines of type shows at a few hundred pixels across
        crop = crop.reduce(factor)

    def score(angle: float) -> float:
        rows = np.asarray(crop.rotate(-angle, resample=Image.Resampling.BILINEAR, expand=True), dtype=float).sum(axis=1)
        return float(np.square(np.diff(rows)).sum())

    coarse = 3 * r.angle_step  # coarse steps over the range, then the step around the best
    steps = int(r.max_angle / coarse)
    best = max((k * coarse for k in range(-steps, steps + 1)), key=score)
    return max((best + k * r.angle_step for k in range(-2, 3)), key=score)


@dataclass(frozen=True)
class Upright:
    """An area turned upright for Tesseract: the image, the angle it was turned by, and the area."""

    image: Any
    angle: float
    area: Area
    margin: int


def upright_crop(grey: Any, area: Area, angle: float, lines: list[OcrLine], rules: StampRules | None = None) -> Upright:
    """The area's ink turned upright, confident words of the page blanked, its darkest ink black
    and its paper white, with a margin of paper."""
    import numpy as np
    from PIL import Image

    r = rules or stamp_rules()
    crop = grey[area.top:area.bottom, area.x0:area.x1].astype(float)
    for line in lines:
        for w in line.words:
            if w.confidence >= r.confident:
                x0, top, x1, bottom = (w.box[0] - area.x0, w.box[1] - area.top, w.box[2] - area.x0, w.box[3] - area.top)
                crop[max(top, 0):max(bottom, 0), max(x0, 0):max(x1, 0)] = 255.0
    dark, paper = np.percentile(crop, (1, 60))
    if paper - dark > 1:
        crop = np.clip((crop - dark) / (0.8 * (paper - dark)) * 255.0, 0, 255)
    image = Image.fromarray(crop.astype(np.uint8)).rotate(-angle, resample=Image.Resampling.BICUBIC, expand=True,
                                                          fillcolor=255)
    margin = max(10, image.height // 6)
    framed = Image.new("L", (image.width + 2 * margin, image.height + 2 * margin), 255)
    framed.paste(image, (margin, margin))
    return Upright(framed, angle, area, margin)


def stamp_lines(read: list[OcrLine], upright: Upright, page_angle: float, rules: StampRules | None = None) -> list[OcrLine]:
    """The lines Tesseract read on an upright crop, in the render's pixels (each word turned back
    about the area's centre) and marked "stamp", when they are a stamp's: the area is set at least
    `min_angle` degrees off the page's lines and `min_letters` letters are read with at least
    `min_confidence`. Otherwise none (ink of a figure, a signature, a line read already)."""
    r = rules or stamp_rules()
    if abs(upright.angle - page_angle) < r.min_angle:
        return []
    sure = sum(sum(c.isalnum() for c in w.text) for line in read for w in line.words if w.confidence >= r.min_confidence)
    if sure < r.min_letters:
        return []
    a = upright.area
    cx, cy = (a.x0 + a.x1) / 2, (a.top + a.bottom) / 2
    ux, uy = upright.image.width / 2, upright.image.height / 2
    turn = math.radians(upright.angle)
    cos, sin = math.cos(turn), math.sin(turn)

    def back(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - ux, y - uy  # image y runs down: a counter-clockwise turn back
        return cx + dx * cos + dy * sin, cy - dx * sin + dy * cos

    out = []
    for line in read:  # each line level at its centre turned back, its words in their upright order
        words = [w for w in line.words if w.confidence >= r.min_confidence and any(c.isalnum() for c in w.text)]
        if not words:
            continue
        lx0, ltop = min(w.box[0] for w in words), min(w.box[1] for w in words)
        lx1, lbottom = max(w.box[2] for w in words), max(w.box[3] for w in words)
        mx, my = back((lx0 + lx1) / 2, (ltop + lbottom) / 2)
        dx, dy = round(mx - (lx0 + lx1) / 2), round(my - (ltop + lbottom) / 2)
        placed = [OcrWord(w.text, (w.box[0] + dx, ltop + dy, w.box[2] + dx, lbottom + dy), w.confidence, mark="stamp")
                  for w in words]
        out.append(OcrLine((lx0 + dx, ltop + dy, lx1 + dx, lbottom + dy), 0.0, 0.0, line.x_size, line.descenders,
                           placed, paragraph=-2000))
    return out


def _dark(grey: Any, boxes: list[tuple[int, int, int, int]], ink_level: float) -> float | None:
    """How dark the ink in the boxes is: the 10th percentile of its pixels darker than `ink_level`
    (black type measures 15-30 on a scan, red or blue ink 60-150), None without ink."""
    import numpy as np

    parts = [grey[max(t, 0):b, max(x0, 0):x1].ravel() for x0, t, x1, b in boxes if x1 > x0 and b > t]
    pixels = np.concatenate(parts) if parts else np.zeros(0)
    ink = pixels[pixels < ink_level]
    return float(np.percentile(ink, 10)) if ink.size else None


def framed_lines(grey: Any, area: Area, lines: list[OcrLine], rules: StampRules | None = None) -> list[OcrLine] | None:
    """The lines, those of a stamp set square to the page marked "stamp", or None when the area is
    no such stamp. A stamp's lines: the area's ink
    (what no confident word covers) is a frame (`frame_edge` of its tiles along its box's edges,
    each side drawn over `frame_sides` of its length) holding one to `frame_lines` lines that lie
    wholly inside it, and both the frame and those lines' words are in a colour: their ink at least
    `colour_margin` lighter than the page's other confident type. Otherwise none (a boxed note, a
    form's cell, a coloured heading without frame, black type in a black frame)."""
    r = rules or stamp_rules()
    if not lines:
        return None
    t = area.tile
    rows, cols = (area.bottom - area.top) // t, (area.x1 - area.x0) // t
    top, left = area.top // t, area.x0 // t
    edge = 3  # tiles: a frame skewed by a degree or drawn 2 pt wide spreads over three
    on_edge = [(y, x) for y, x in area.tiles
               if y - top < edge or top + rows - 1 - y < edge or x - left < edge or left + cols - 1 - x < edge]
    if len(on_edge) < r.frame_edge * len(area.tiles):
        return None
    sides = (
        {x for y, x in on_edge if y - top < edge}, {x for y, x in on_edge if top + rows - 1 - y < edge},
        {y for y, x in on_edge if x - left < edge}, {y for y, x in on_edge if left + cols - 1 - x < edge},
    )
    if any(len(side) < r.frame_sides * n for side, n in zip(sides, (cols, cols, rows, rows))):
        return None

    def inside(box: tuple[int, int, int, int]) -> bool:
        return area.x0 <= box[0] and box[2] <= area.x1 and area.top <= box[1] and box[3] <= area.bottom

    def centred(box: tuple[int, int, int, int]) -> bool:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return area.x0 < cx < area.x1 and area.top < cy < area.bottom

    held = [i for i, line in enumerate(lines) if any(centred(w.box) for w in line.words)]
    if not held or len(held) > r.frame_lines or not all(inside(w.box) for i in held for w in lines[i].words):
        return None
    others = [w.box for i, line in enumerate(lines) if i not in held for w in line.words
              if w.confidence >= r.confident][:60]
    frame = [(area.x0 + x * t - left * t, area.top + y * t - top * t,
              area.x0 + (x + 1) * t - left * t, area.top + (y + 1) * t - top * t) for y, x in on_edge]
    type_dark, frame_dark = _dark(grey, others, r.ink_level), _dark(grey, frame, r.ink_level)
    words_dark = _dark(grey, [w.box for i in held for w in lines[i].words], r.ink_level)
    if type_dark is None or frame_dark is None or words_dark is None \
            or min(frame_dark, words_dark) < type_dark + r.colour_margin:
        return None
    return [replace(line, words=[replace(w, mark="stamp") for w in line.words]) if i in held else line
            for i, line in enumerate(lines)]
