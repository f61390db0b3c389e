"""Boxes in PDF points with pdfplumber's convention: origin top-left, `top` < `bottom`."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True, slots=True)
class BBox:
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    def union(self, other: BBox) -> BBox:
        return BBox(min(self.x0, other.x0), min(self.top, other.top),
                    max(self.x1, other.x1), max(self.bottom, other.bottom))

    def x_overlap(self, other: BBox) -> float:
        """Length of the horizontal overlap (negative: the gap between them)."""
        return min(self.x1, other.x1) - max(self.x0, other.x0)

    def y_overlap(self, other: BBox) -> float:
        return min(self.bottom, other.bottom) - max(self.top, other.top)

    def within(self, outer: BBox, slack: float = 0.5) -> bool:
        """Whether this box lies inside `outer`, give or take `slack` points on each side."""
        return (outer.x0 - slack <= self.x0 and self.x1 <= outer.x1 + slack
                and outer.top - slack <= self.top and self.bottom <= outer.bottom + slack)

    def as_list(self) -> list[float]:
        return [round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2)]


def union_all(boxes: Iterable[BBox]) -> BBox:
    """The box around `boxes` (at least one): the same as folding `union` over them, in one pass
    that makes one box instead of one per box (a line's words, a block's lines, a page's cells)."""
    it = iter(boxes)
    first = next(it)
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    more = False
    for b in it:  # the comparisons of min() and max(): on a tie the first value stays
        more = True
        if b.x0 < x0:
            x0 = b.x0
        if b.top < top:
            top = b.top
        if b.x1 > x1:
            x1 = b.x1
        if b.bottom > bottom:
            bottom = b.bottom
    return BBox(x0, top, x1, bottom) if more else first
