"""Text set sideways along the page's edge is page furniture, read in its own direction
(`layout/rotated_text.py`, `layout/chars.py`, `rules/page_furniture.toml` [rotated]).

The convention encoded: a legend rotated 90 degrees along an edge (the body, the kind and the date,
repeated on every page) is furniture, never body text, and never dropped: it reaches the page's
header row; and it never decides the page's reading direction, also on a page of a few lines that
it outnumbers. Wordings are invented for these tests.
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.conftest import squash
from tests.pdfs import Page


@pytest.mark.parametrize("legend, angle", [
    ("Gemeente Westerbroek · besluitenlijst · 14-03-2031", 90),
    ("Waterschap De Lage Velden | agenda algemeen bestuur | 2 juni 2031", 90),
    ("Provincie Oostmark - statenvoorstel 31/117 - concept", 270),
])
def test_an_edge_legend_set_sideways_is_furniture_and_kept(make_pdf, legend, angle):
    x, top = (28, 780) if angle == 90 else (567, 60)
    full = Page().add(x, top, legend, size=7, angle=angle)
    full.lines(70, 80, ["Besluit over de subsidie voor het dorpshuis", "De raad stemt in met het voorstel.",
                        "Het college voert het besluit uit in het najaar."])
    short = Page().add(x, top, legend, size=7, angle=angle).add(70, 80, "Slot.")  # fewer glyphs than the legend
    parsed = parse_pdf(make_pdf([full, short]))
    for page in parsed.pages:
        assert squash(legend) in squash(page.header or "")
        body = squash(" ".join(b.text for b in page.blocks))
        assert squash(legend) not in body
        assert page.rotation == 0
    assert "Slot." in squash(" ".join(b.text for b in parsed.pages[1].blocks))
