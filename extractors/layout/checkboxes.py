"""Checkboxes drawn as vector paths: a small square, ticked when something is drawn inside it
(a cross, a tick) or when it is filled dark. They become ☒ / ☐ glyphs before lines are built, so
forms read the same whether a template drew its boxes or typed them in a symbol font."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pdfminer.layout import LTLine, LTRect

from raadsstukken.extractors.rules import read_rules

TICKED, EMPTY = "\u2612", "\u2610"
MAX_SQUARES = 500
"""More small squares than this on one page is a drawing, not checkboxes (and would cost n^2)."""
MARKS_INSIDE = {"x", "X", "v", "V", "✓", "✔", "✗", "✘", "×"}


@dataclass(frozen=True)
class BoxRules:
    min_side: float
    max_side: float
    max_aspect_difference: float


@lru_cache(maxsize=1)
def load_rules() -> BoxRules:
    v = read_rules("checkboxes")["vector"]
    return BoxRules(float(v["min_side"]), float(v["max_side"]), float(v["max_aspect_difference"]))


@dataclass(frozen=True)
class VectorBox:
    x0: float
    top: float
    x1: float
    bottom: float
    ticked: bool

    def contains(self, x0: float, top: float, x1: float, bottom: float, slack: float = 1.0) -> bool:
        return x0 >= self.x0 - slack and x1 <= self.x1 + slack and top >= self.top - slack and bottom <= self.bottom + slack

    def absorbs(self, char: dict) -> bool:
        """A mark typed inside the box (an "x") is part of the box, not text."""
        return char["text"] in MARKS_INSIDE and self.contains(char["x0"], char["top"], char["x1"], char["bottom"], 2.0)

    def same_line(self, char: dict) -> bool:
        overlap = min(self.bottom, char["bottom"]) - max(self.top, char["top"])
        return overlap >= 0.5 * min(self.bottom - self.top, char["bottom"] - char["top"])

    def as_char(self, chars: list[dict]) -> dict:
        """A glyph for the box, sized like the text on its line."""
        line = [c for c in chars if self.same_line(c) and not c["text"].isspace()]
        near = min(line, key=lambda c: abs(c["x0"] - self.x1)) if line else None
        size = near["size"] if near else self.bottom - self.top
        top, bottom = (near["top"], near["bottom"]) if near else (self.top, self.bottom)
        return {"text": TICKED if self.ticked else EMPTY, "x0": self.x0, "x1": self.x1, "top": top,
                "bottom": bottom, "size": size, "fontname": "vector-checkbox",
                "matrix": (size, 0.0, 0.0, size, self.x0, 0.0)}


def find_vector_checkboxes(shapes: list[tuple[float, float, float, float, object]], chars: list[dict]) -> list[VectorBox]:
    """Checkboxes among a page's drawn shapes (x0, top, x1, bottom, pdfminer object)."""
    rules = load_rules()
    squares = []
    for x0, top, x1, bottom, obj in shapes:
        w, h = x1 - x0, bottom - top
        closed = isinstance(obj, LTRect) or (not isinstance(obj, LTLine) and len(getattr(obj, "pts", ())) >= 4)
        if closed and not _round(obj) and rules.min_side <= w <= rules.max_side and rules.min_side <= h <= rules.max_side \
                and abs(w - h) <= rules.max_aspect_difference:
            squares.append((x0, top, x1, bottom, obj))
    if len(squares) > MAX_SQUARES:
        return []  # a pattern or chart of thousands of squares, not a form
    boxes = []
    for x0, top, x1, bottom, obj in squares:
        if any(other is not obj and ox0 <= x0 and otop <= top and ox1 >= x1 and obottom >= bottom
               and (ox1 - ox0) > (x1 - x0) for ox0, otop, ox1, obottom, other in squares):
            continue  # a square drawn inside a box is its mark
        box = VectorBox(x0, top, x1, bottom, False)
        inner = any(s[4] is not obj and box.contains(*s[:4]) and (s[2] - s[0]) < (x1 - x0) - 1
                    for s in shapes)
        marked = any(box.absorbs(c) for c in chars)
        boxes.append(VectorBox(x0, top, x1, bottom, inner or marked or _dark_fill(obj)))
    return boxes


CURVE_OPS = frozenset("cvy")
"""Path operators of a Bézier segment."""


def _round(obj: object) -> bool:
    """Whether a shape's outline is all curves, no straight side (a circle or an oval: a binder's
    punched hole, a dot, a badge): a round shape is no box, whatever its size."""
    path = getattr(obj, "original_path", None) or ()
    ops = [seg[0] for seg in path if seg and seg[0] not in ("m", "h")]
    return bool(ops) and all(op in CURVE_OPS for op in ops)


def _dark_fill(obj: object) -> bool:
    if not getattr(obj, "fill", False):
        return False
    color = getattr(obj, "non_stroking_color", None)
    if color is None:
        return True
    values = color if isinstance(color, (tuple, list)) else (color,)
    try:
        values = [float(v) for v in values]
    except (TypeError, ValueError):
        return False
    if len(values) == 4:  # CMYK: dark when the key (black) is high
        return values[3] > 0.5 or sum(values[:3]) > 2.0
    return sum(values) / max(len(values), 1) < 0.5
