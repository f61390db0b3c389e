"""Stamps on a page image: text set at an angle to the page's lines, read upright and kept apart.

A stamp ("received on …", a registration stamp, "copy") is pressed on a paper at an angle, often
in a colour; Tesseract's page reading reads it as a few unsure fragments ("ds", "EN", "|") or not
at all, and whatever it reads would be taken for type of the page: a heading, a title, words run
into the paragraph beside it. The render shows where it is: ink no confident word of the page
reading covers, in an area taller than a line (`find_stamps`). Its angle is the one at which the
rows of its ink are most unequal (lines of type and the gaps between them); turned upright, made
plain and read as a block (`upright_crop`), its words are the stamp's when enough of them are read
confidently and the angle is off the page's lines. `ocr.py` reads them and `ocr_words.py` writes
them apart from the page's text, as page furniture (as a release's number stamp is). Thresholds
are `rules/ocr.toml [stamp]`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
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


@lru_cache(maxsize=1)
def stamp_rules() -> StampRules:
    v = read_rules("ocr")["stamp"]
    return StampRules(float(v["ink_level"]), float(v["confident"]), float(v["tile"]), float(v["min_height"]),
                      float(v["min_width"]), float(v["max_share"]), float(v["min_angle"]), float(v["max_angle"]),
                      float(v["angle_step"]), float(v["min_confidence"]), int(v["min_letters"]), int(v["max_stamps"]))


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
