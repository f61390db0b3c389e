"""A key in a margin column on the baseline of the bold heading right of it heads that heading
(`layout/margin_keys.py`, `rules/columns.toml` [margin_key]).

The convention encoded: besluitenlijsten and agendas set in a margin layout print each item's
number or case number in a narrow left column and its subject, bold, on the same baseline in the
text column; the two are one heading ("Z/31/000417 Herinrichting Markt"), and the key never lands
in the text of the item before. A sidebar value set in roman beside a paragraph stays apart.
Wordings are invented for these tests.
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.conftest import squash
from tests.pdfs import Page

KEY_X, TEXT_X = 56, 190
PARAGRAPH = ["Het college stemt in met het voorstel en legt het ter besluitvorming voor aan de raad,",
             "na overleg met de wijkraad en de ondernemersvereniging van het centrum."]


@pytest.mark.parametrize("keys", [
    ("Z/31/000417", "Z/31/000522"),
    ("12", "13"),
    ("B4.", "B5."),
])
def test_a_margin_key_heads_the_bold_heading_on_its_baseline(make_pdf, sections_of, keys):
    subjects = ("Herinrichting van de Markt en de Kerkstraat", "Vergunning voor het evenement Zomerpark")
    page = Page().add(TEXT_X, 50, "Besluitenlijst van het college, 9 april 2031", size=15, bold=True)
    top = 110.0
    for key, subject in zip(keys, subjects):
        page.add(KEY_X, top - 1.5, key, size=12.5, bold=True).add(TEXT_X, top, subject, size=11, bold=True)
        page.lines(TEXT_X, top + 20, PARAGRAPH, size=10, leading=13)
        top += 90
    sections = sections_of(make_pdf([page]))
    headings = [squash(s.heading) for s in sections if s.heading]
    for key, subject in zip(keys, subjects):
        assert f"{key} {subject}" in headings
    first = next(s for s in sections if s.heading and subjects[0] in s.heading)
    assert keys[1] not in first.text  # the next item's key heads the next item, not this item's text


def test_a_sidebar_value_beside_a_paragraph_stays_apart(make_pdf):
    page = Page().add(TEXT_X, 50, "Verlenging terrasvergunningen", size=15, bold=True)
    page.add(KEY_X, 110, "Z-2031-0088", size=10)  # a sidebar value in roman, on a paragraph's first line
    page.lines(TEXT_X, 110, PARAGRAPH, size=10, leading=13)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert [b.text for b in parsed.blocks if b.bbox.x0 < TEXT_X] == ["Z-2031-0088"]
