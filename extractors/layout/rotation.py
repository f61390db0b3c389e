"""Turning sideways text upright, and back.

pdfminer applies a page's /Rotate to the glyph positions, so a page whose text runs bottom-to-top
or top-to-bottom (a landscape table set sideways, a scanned page rotated on import) arrives with
rotated glyphs. We read such a page in the frame where its dominant text direction is upright and
map boxes back to pdfplumber's frame for provenance.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence

from raadsstukken.extractors.layout.geometry import BBox


def text_angle(matrix: Sequence[float]) -> int:
    """Direction of a glyph's baseline (0, 90, 180, 270 degrees, counter-clockwise, y up)."""
    a, b = matrix[0], matrix[1]
    angle = math.degrees(math.atan2(b, a)) % 360
    return int(round(angle / 90.0)) % 4 * 90


def dominant_angle(angles: Iterable[int]) -> int:
    counts = Counter(angles)
    if not counts:
        return 0
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]


@dataclass(frozen=True)
class UprightFrame:
    """Maps pdfplumber page coordinates to the frame where text of `angle` reads left to right."""

    angle: int
    page_width: float
    page_height: float

    @property
    def width(self) -> float:
        return self.page_height if self.angle in (90, 270) else self.page_width

    @property
    def height(self) -> float:
        return self.page_width if self.angle in (90, 270) else self.page_height

    def point(self, x: float, y: float) -> tuple[float, float]:
        w, h = self.page_width, self.page_height
        if self.angle == 90:
            return h - y, x
        if self.angle == 180:
            return w - x, h - y
        if self.angle == 270:
            return y, w - x
        return x, y

    def inverse_point(self, u: float, v: float) -> tuple[float, float]:
        w, h = self.page_width, self.page_height
        if self.angle == 90:
            return v, h - u
        if self.angle == 180:
            return w - u, h - v
        if self.angle == 270:
            return w - v, u
        return u, v

    def box(self, x0: float, top: float, x1: float, bottom: float) -> tuple[float, float, float, float]:
        ax, ay = self.point(x0, top)
        bx, by = self.point(x1, bottom)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def to_page(self, bbox: BBox) -> BBox:
        """A box of the upright frame in pdfplumber's page coordinates."""
        ax, ay = self.inverse_point(bbox.x0, bbox.top)
        bx, by = self.inverse_point(bbox.x1, bbox.bottom)
        return BBox(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def normalized_rotate(value: object) -> int:
    """A page's /Rotate as 0, 90, 180 or 270: the value modulo 360 (-90 is 270, 450 is 90).

    The PDF standard allows only multiples of 90; viewers, like pdfminer, show a page with any
    other value unrotated, so such a value (45, 280, a non-number) is 0.
    """
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    if not math.isfinite(number) or number % 90:
        return 0
    return int(number) % 360


def reading_rotation(rotate: object, frame_angle: int, has_text: bool) -> int:
    """The rotation (clockwise, 0/90/180/270) that turns the page as a viewer shows it into the
    frame where its text reads left to right: what `pages.rotation` records.

    The glyph positions pdfminer hands over already have the page's /Rotate applied, so the text
    direction on the shown page (`frame_angle`, counter-clockwise) says it all. A page without
    text has no direction of its own; its /Rotate, normalized, is recorded.
    """
    if not has_text:
        return normalized_rotate(rotate)
    return (360 - frame_angle) % 360
