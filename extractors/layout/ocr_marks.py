"""Checkboxes and margin numerals on a page image: the marks a recogniser has no letter for.

A scanned form prints its boxes as small square outlines; Tesseract reads an empty one as "0" or
"O" and a ticked one as "&", "X" or nothing at all, so "☐ College ☒ Raad" comes out as "0 College
Raad". The boxes are found on the render itself (`find_image_checkboxes`): a short horizontal run
of ink with a run of the same extent a side's length below it, joined by inked sides that stop at
the corners (a table grid's sides run on), with ink inside for a ticked box. They become ☒ / ☐
words of the line they stand in (`ocr_words.py`), as drawn boxes become glyphs on a born-digital
page (`checkboxes.py`), so forms read them the same way. The thresholds are `rules/ocr.toml
[checkbox]`.

Roman numerals hung left of list items ("I.", "II.", "III.") are, in a sans-serif face, bare
upright strokes and a dot, which Tesseract's page segmentation drops (`read_bars`, `rules/ocr.toml
[margin_numerals]`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from raadsstukken.extractors.layout.checkboxes import EMPTY, TICKED
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class BoxRules:
    min_side: float
    max_side: float
    max_aspect_difference: float
    min_side_ink: float
    inner_margin: float
    min_mark_share: float
    max_mark_share: float
    max_overshoot: float
    corner: float
    ink_level: float


@lru_cache(maxsize=1)
def box_rules() -> BoxRules:
    v = read_rules("ocr")["checkbox"]
    return BoxRules(*(float(v[name]) for name in BoxRules.__dataclass_fields__))


@dataclass(frozen=True)
class ImageBox:
    """A checkbox on the render: its box in pixels (x0, top, x1, bottom; x1 and bottom exclusive)."""

    x0: int
    top: int
    x1: int
    bottom: int
    ticked: bool

    @property
    def text(self) -> str:
        return TICKED if self.ticked else EMPTY

    def covers(self, box: tuple[int, int, int, int], share: float = 0.5) -> bool:
        """Whether at least `share` of a word's box lies inside this one (the word is the box misread)."""
        x0, top, x1, bottom = box
        w = max(min(x1, self.x1) - max(x0, self.x0), 0)
        h = max(min(bottom, self.bottom) - max(top, self.top), 0)
        return w * h >= share * max((x1 - x0) * (bottom - top), 1)


def find_image_checkboxes(grey: Any, px_per_pt: float, rules: BoxRules | None = None) -> list[ImageBox]:
    """The checkboxes of a page render: `grey` is the render's grey levels (0-255) or a boolean
    array (True for ink)."""
    import numpy as np

    r = rules or box_rules()
    ink = grey if grey.dtype == bool else grey < r.ink_level
    lo, hi = r.min_side * px_per_pt, r.max_side * px_per_pt
    edges = np.diff(np.pad(ink, ((0, 0), (1, 1))).astype(np.int8), axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    keep = (ends - starts >= lo) & (ends - starts <= hi)
    by_row: dict[int, list[tuple[int, int]]] = {}
    for row, s, e in zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist()):
        by_row.setdefault(row, []).append((s, e))
    found: list[tuple[int, int, int, int]] = []
    for row, runs in by_row.items():
        for s, e in runs:
            side = e - s
            tol, slack = max(2, round(0.1 * side)), max(2, round(r.max_aspect_difference * side))
            for below in range(row + side - slack, row + side + slack + 1):
                if any(abs(s2 - s) <= tol and abs(e2 - e) <= tol for s2, e2 in by_row.get(below, ())):
                    found.append((s, row, e, below + 1))
                    break
    boxes: list[ImageBox] = []
    for x0, top, x1, bottom in sorted(set(found), key=lambda b: -(b[2] - b[0]) * (b[3] - b[1])):
        if any(b.x0 - 2 <= x0 and b.top - 2 <= top and x1 <= b.x1 + 2 and bottom <= b.bottom + 2
               or _overlap(b, (x0, top, x1, bottom)) > 0.3 for b in boxes):
            continue  # the same box found on another row of its outline, or a mark inside a box
        ticked = _checkbox(ink, x0, top, x1, bottom, r)
        if ticked is not None:
            boxes.append(ImageBox(x0, top, x1, bottom, ticked))
    return sorted(boxes, key=lambda b: (b.top, b.x0))


def _checkbox(ink: Any, x0: int, top: int, x1: int, bottom: int, r: BoxRules) -> bool | None:
    """Whether the square is a ticked (True) or empty (False) checkbox, or None when it is none:
    a side not inked, an outline that runs on past a corner, or a box filled like a blob."""
    side = max(x1 - x0, bottom - top)
    t = max(2, round(0.15 * side))
    o = max(2, round(r.max_overshoot * side))
    height, width = ink.shape
    if top - o < 0 or x0 - o < 0 or bottom + o > height or x1 + o > width:
        return None
    sides = (ink[top:bottom, x0:x0 + t].any(axis=1), ink[top:bottom, x1 - t:x1].any(axis=1),
             ink[top:top + t, x0:x1].any(axis=0), ink[bottom - t:bottom, x0:x1].any(axis=0))
    if min(float(s.mean()) for s in sides) < r.min_side_ink:
        return None
    c = max(2, round(r.corner * side))  # a square's corners are inked, a round letter's are not
    corners = (ink[top:top + c, x0:x0 + c], ink[top:top + c, x1 - c:x1], ink[bottom - c:bottom, x0:x0 + c],
               ink[bottom - c:bottom, x1 - c:x1])
    if min(float(k.mean()) for k in corners) < 0.5:
        return None
    g, q = max(2, round(0.1 * side)), max(1, side // 4)  # the outline is the outer edge: paper just outside it
    outside = (ink[top - 2 * g:top - g, x0 + q:x1 - q], ink[bottom + g:bottom + 2 * g, x0 + q:x1 - q],
               ink[top + q:bottom - q, x0 - 2 * g:x0 - g], ink[top + q:bottom - q, x1 + g:x1 + 2 * g])
    if max(float(k.mean()) for k in outside) > 0.2:
        return None
    third = max(1, side // 3)
    across = (ink[top + t:top + 2 * t, x0 + third:x1 - third], ink[bottom - 2 * t:bottom - t, x0 + third:x1 - third])
    down = (ink[top + third:bottom - third, x0 + t:x0 + 2 * t], ink[top + third:bottom - third, x1 - 2 * t:x1 - t])
    if max(float(k.mean()) for k in down) > 0.3 or max(float(k.mean()) for k in across) > 0.6:
        return None  # a thin outline with paper inside it, not a letter's stems and serifs
    runs_on = (ink[top - o:top, x0:x0 + t].any(axis=1), ink[top - o:top, x1 - t:x1].any(axis=1),
               ink[bottom:bottom + o, x0:x0 + t].any(axis=1), ink[bottom:bottom + o, x1 - t:x1].any(axis=1),
               ink[top:top + t, x0 - o:x0].any(axis=0), ink[top:top + t, x1:x1 + o].any(axis=0),
               ink[bottom - t:bottom, x0 - o:x0].any(axis=0), ink[bottom - t:bottom, x1:x1 + o].any(axis=0))
    if max(float(s.mean()) for s in runs_on) >= r.min_side_ink:
        return None
    m = max(t + 1, round(r.inner_margin * side))
    inner = ink[top + m:bottom - m, x0 + m:x1 - m]
    share = float(inner.mean()) if inner.size else 0.0
    if share > r.max_mark_share:
        return None
    return share >= r.min_mark_share


def _overlap(a: ImageBox, b: tuple[int, int, int, int]) -> float:
    w = max(min(a.x1, b[2]) - max(a.x0, b[0]), 0)
    h = max(min(a.bottom, b[3]) - max(a.top, b[1]), 0)
    smaller = min((a.x1 - a.x0) * (a.bottom - a.top), (b[2] - b[0]) * (b[3] - b[1]))
    return w * h / max(smaller, 1)


@dataclass(frozen=True)
class NumeralRules:
    max_gap: float
    max_bars: int
    bar_height: float
    bar_max_height: float
    bar_width: float
    dot_size: float
    straight: float


@lru_cache(maxsize=1)
def numeral_rules() -> NumeralRules:
    v = read_rules("ocr")["margin_numerals"]
    return NumeralRules(float(v["max_gap"]), int(v["max_bars"]), float(v["bar_height"]),
                        float(v["bar_max_height"]), float(v["bar_width"]), float(v["dot_size"]), float(v["straight"]))


def read_bars(ink: Any, region: tuple[int, int, int, int], size: float, baseline: float,
              rules: NumeralRules | None = None) -> tuple[str, tuple[int, int, int, int]] | None:
    """The roman numeral ("I.", "II.", "III.") that the ink of `region` (x0, top, x1, bottom of the
    render; `ink` booleans) spells as upright strokes and a dot on `baseline`, with its box; None
    when the region's ink is anything else (or nothing)."""
    import numpy as np

    r = rules or numeral_rules()
    x0, top, x1, bottom = (max(v, 0) for v in region)
    sub = ink[top:bottom, x0:x1]
    if sub.size == 0 or not sub.any():
        return None
    cols = sub.any(axis=0)
    edges = np.diff(np.concatenate(([0], cols.astype(np.int8), [0])))
    pieces = list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist()))
    shapes = []
    for a, b in pieces:
        rows = np.flatnonzero(sub[:, a:b].any(axis=1))
        if rows[0] == 0 or rows[-1] == sub.shape[0] - 1:
            return None  # ink running out of the region: a rule, a letter of another line
        shapes.append((a, b, int(rows[0]), int(rows[-1]) + 1))
    *bars, dot = shapes
    if not 1 <= len(bars) <= r.max_bars:
        return None
    foot = baseline - top
    for a, b, t, btm in bars:
        if not (r.bar_height * size <= btm - t <= r.bar_max_height * size and b - a <= r.bar_width * size
                and abs(btm - foot) <= 0.15 * size):
            return None
        widths = sub[t:btm, a:b].sum(axis=1)
        if widths.max() > r.straight * max(float(np.median(widths)), 1.0):
            return None  # a flag or a foot: a "1", a serif letter
    a, b, t, btm = dot
    if not (b - a <= r.dot_size * size and btm - t <= r.dot_size * size and abs(btm - foot) <= 0.15 * size):
        return None
    box = (x0 + bars[0][0], top + min(s[2] for s in shapes), x0 + dot[1], top + max(s[3] for s in shapes))
    return "I" * len(bars) + ".", box


@dataclass(frozen=True)
class RedactionRules:
    dark_level: float
    tile: float
    tile_dark: float
    min_height: float
    max_height: float
    min_aspect: float
    min_fill: float
    max_regions: int
    edge_level: float


@lru_cache(maxsize=1)
def redaction_rules() -> RedactionRules:
    v = read_rules("ocr")["redaction"]
    return RedactionRules(float(v["dark_level"]), float(v["tile"]), float(v["tile_dark"]), float(v["min_height"]),
                          float(v["max_height"]), float(v["min_aspect"]), float(v["min_fill"]), int(v["max_regions"]),
                          float(v["edge_level"]))


@dataclass(frozen=True)
class Redaction:
    """A redaction mark on the render: a box filled black (x0, top, x1, bottom in pixels, exclusive)."""

    x0: int
    top: int
    x1: int
    bottom: int

    def covers(self, box: tuple[int, int, int, int], share: float = 0.5) -> bool:
        """Whether at least `share` of a word's box lies on this mark."""
        x0, top, x1, bottom = box
        w = max(min(x1, self.x1) - max(x0, self.x0), 0)
        h = max(min(bottom, self.bottom) - max(top, self.top), 0)
        return w * h >= share * max((x1 - x0) * (bottom - top), 1)


def find_redactions(grey: Any, px_per_pt: float, rules: RedactionRules | None = None) -> list[Redaction]:
    """The redaction marks of a page render (grey levels 0-255): boxes filled black, a line high or
    more and wider than high, perhaps with a code ("5.1.2e") printed light on them. Type, even bold,
    leaves most tiles of a point square part paper; a grey band (a heading printed white on a
    coloured bar) is lighter than `dark_level`; a checkbox or a bullet is smaller than `min_height`."""
    import numpy as np

    r = rules or redaction_rules()
    if grey.dtype == bool:
        return []
    t = max(2, round(r.tile * px_per_pt))
    h, w = (grey.shape[0] // t) * t, (grey.shape[1] // t) * t
    solid = (grey[:h, :w] < r.dark_level).reshape(h // t, t, w // t, t).mean(axis=(1, 3)) >= r.tile_dark
    if not solid.any():
        return []
    seen = np.zeros(solid.shape, dtype=bool)
    found: list[tuple[int, Redaction]] = []
    for start in zip(*np.nonzero(solid)):
        if seen[start]:
            continue
        stack, cells = [start], []
        seen[start] = True
        while stack:  # the tiles of one dark area (4-connected)
            y, x = stack.pop()
            cells.append((y, x))
            for ny, nx in ((y - 1, x), (y + 1, x), (y, x - 1), (y, x + 1)):
                if 0 <= ny < solid.shape[0] and 0 <= nx < solid.shape[1] and solid[ny, nx] and not seen[ny, nx]:
                    seen[ny, nx] = True
                    stack.append((ny, nx))
        ys, xs = [c[0] for c in cells], [c[1] for c in cells]
        top, bottom, x0, x1 = min(ys), max(ys) + 1, min(xs), max(xs) + 1
        height, width = (bottom - top) * t / px_per_pt, (x1 - x0) * t / px_per_pt
        if not (r.min_height <= height <= r.max_height and width >= r.min_aspect * height):
            continue
        if len(cells) < r.min_fill * (bottom - top) * (x1 - x0):
            continue  # a frame, a grid, a dark drawing: not a filled box
        found.append((len(cells), _edges(grey, Redaction(x0 * t, top * t, x1 * t, bottom * t), 2 * t, r)))
    found.sort(key=lambda nr: -nr[0])
    return sorted((red for _, red in found[:r.max_regions]), key=lambda red: (red.top, red.x0))


def _edges(grey: Any, mark: Redaction, reach: int, r: RedactionRules) -> Redaction:
    """The mark grown side by side, up to `reach` pixels, over the rows and columns next to it that
    are still mostly darker than the paper (`edge_level`): tiles that were not solid, and the blur
    of its edge."""
    x0, top, x1, bottom = mark.x0, mark.top, mark.x1, mark.bottom
    height, width = grey.shape

    def dark(strip: Any) -> bool:
        return bool(strip.size) and float((strip < r.edge_level).mean()) >= 0.5

    for _ in range(reach):
        if top > 0 and dark(grey[top - 1, x0:x1]):
            top -= 1
        if bottom < height and dark(grey[bottom, x0:x1]):
            bottom += 1
        if x0 > 0 and dark(grey[top:bottom, x0 - 1]):
            x0 -= 1
        if x1 < width and dark(grey[top:bottom, x1]):
            x1 += 1
    return Redaction(x0, top, x1, bottom)


def blank(grey: Any, marks: list[Redaction], pad: int = 2) -> Any:
    """The render with the redaction marks painted paper-white, `pad` pixels round (their blurred
    edge), a copy (the render itself when there are none), so that a recogniser reads the words
    beside them, not a blot joined to them."""
    if not marks:
        return grey
    out = grey.copy()
    for m in marks:
        out[max(m.top - pad, 0):m.bottom + pad, max(m.x0 - pad, 0):m.x1 + pad] = 255
    return out


@lru_cache(maxsize=1)
def _codes() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(c, re.IGNORECASE) for c in read_rules("ocr")["redaction"]["codes"])


def is_code(text: str) -> bool:
    """Whether the text printed on a dark box is a redaction mark's code (the ground it was withheld
    on, "5.1.2e", or a word such as "geweigerd": `rules/ocr.toml [redaction] codes`), not type printed
    light on a dark band (a heading on a coloured bar)."""
    text = text.strip()
    return bool(text) and any(p.fullmatch(text) for p in _codes())
