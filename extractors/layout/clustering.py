"""Clustering boxes into rows and columns: the one implementation every extractor uses.

Words become cells, cells become rows (the same baseline, within a share of the type height) and
columns (x-intervals that overlap or touch). Forms, tables and money columns all read rows and
columns this way, so a change to what counts as "one row" changes them together.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence, TypeVar

from raadsstukken.extractors.layout.geometry import BBox

T = TypeVar("T")

SAME_BASELINE_SHARE = 0.35
"""Two boxes are on one row when their bottoms differ by at most this share of the box height."""
COLUMN_TOUCH = 1.0
"""Points by which two x-intervals may be apart and still be one column band."""


def cluster_rows(items: Iterable[T], box: Callable[[T], BBox], share: float = SAME_BASELINE_SHARE) -> list[list[T]]:
    """Items grouped into rows, top to bottom; the items of a row left to right.

    A row is a run of items (in order of their bottom edge) whose bottoms lie within `share` of
    the later item's height from the row's first item.
    """
    boxed = sorted(((box(it), i, it) for i, it in enumerate(items)), key=lambda t: (t[0].bottom, t[0].x0, t[1]))
    rows: list[list[tuple[BBox, int, T]]] = []
    first = 0.0  # bottom of the current row's first item
    for entry in boxed:  # each item's box asked for once (a page's rows are clustered several times)
        b = entry[0]
        if rows and abs(first - b.bottom) <= share * max(b.height, 1.0):
            rows[-1].append(entry)
        else:
            rows.append([entry])
            first = b.bottom
    return [[it for _, _, it in sorted(row, key=lambda t: t[0].x0)] for row in rows]


def column_bands(intervals: Iterable[tuple[float, float]], touch: float = COLUMN_TOUCH) -> list[tuple[float, float]]:
    """The x-bands that a set of intervals cover, left to right (overlapping or touching ones merged)."""
    bands: list[list[float]] = []
    for x0, x1 in sorted(intervals):
        if bands and x0 <= bands[-1][1] + touch:
            bands[-1][1] = max(bands[-1][1], x1)
        else:
            bands.append([x0, x1])
    return [(a, b) for a, b in bands]


def band_of(x0: float, x1: float, bands: Sequence[tuple[float, float]]) -> int:
    """Index of the band an interval overlaps most."""
    best, best_overlap = 0, float("-inf")
    for k, (a, b) in enumerate(bands):
        overlap = min(b, x1) - max(a, x0)
        if overlap > best_overlap:
            best, best_overlap = k, overlap
    return best
