"""How much a found table is to be trusted (0-1): clean cells, a dense grid, full rows, legible type.

OCR noise of a dashboard screenshot or a chart also lines up in rows and columns, but its cells
are fragments ("oy a =", "[enema") in a sparse grid of tiny type. The confidence multiplies the
share of clean cells (a figure or a dash, or text of mostly letters with a word of three), the
grid's density (non-empty cells, full at half the grid), the row fill (rows with every figure
column filled, or two columns of a text table) and a factor for type below legible print size.
Below `detect.MIN_CONFIDENCE` a region is no table; bench/README (tables) relates it to cell F1.
"""
from __future__ import annotations

import re
from typing import Sequence

from raadsstukken.extractors.tables.figures import is_figure

LEGIBLE_SIZE = 4.0
"""Type smaller than this (points) is no printed table: the labels of a screenshot or a chart."""
FULL_DENSITY = 0.5
_WORD = re.compile(r"[^\W\d_]{3}")


def _clean(text: str) -> bool:
    if is_figure(text):
        return True
    plain = sum(1 for ch in text if ch.isalnum() or ch in " .,-/()%'’:;&+")
    return bool(_WORD.search(text)) and plain >= 0.9 * len(text)


def table_confidence(texts: Sequence[str], fill: float, size: float) -> float:
    filled = [t for t in texts if t]
    if not filled:
        return 0.0
    clean = sum(1 for t in filled if _clean(t)) / len(filled)
    density = min(1.0, len(filled) / len(texts) / FULL_DENSITY)
    legible = 1.0 if size >= LEGIBLE_SIZE else 0.5
    return round(clean * density * legible * (0.6 + 0.4 * fill), 3)
