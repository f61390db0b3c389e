"""Typed underlines: a row of one punctuation character typed under a line (layout/typed_rules.py,
rules/headings.toml [typed_underline]). Pages are set in Courier, in one weight, as a typewriter
or a fixed-width export sets them. Wordings are invented; none comes from a corpus or fresh paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.typed_rules import is_typed_rule
from tests.pdfs import Page

MONO = "Courier"
STEP = 6.0  # Courier's advance at 10 pt


def _typed(page: Page, x: float, top: float, text: str, rule: str) -> float:
    """A line with its typed rule under it, as long as the line; returns the top of the next line."""
    page.add(x, top, text, font=MONO)
    page.add(x, top + 9, rule * len(text), font=MONO)
    return top + 30


@pytest.mark.parametrize("text, expected", [
    ("------------", True), ("=====", True), ("...............", True), ("~ ~ ~ ~ ~", True),
    ("--–—--", True), ("--", False), ("-=-=-=", False), ("Punt 4 ----", False), ("", False),
])
def test_a_typed_rule_is_a_row_of_one_character(text, expected):
    """Convention: a typed underline repeats one character (an OCR layer may read a dash as an en
    or em dash); two characters or a word in the row make no rule."""
    assert is_typed_rule(text) is expected


@pytest.mark.parametrize("rule", ["-", "=", ".", "~"])
def test_the_underlined_line_stands_alone_and_the_rule_is_no_text(make_pdf, rule):
    """Convention of typewritten minutes: the line over a typed rule is set apart (recorded on the
    page), stands alone as its block, and the rule itself, markup without letters, is no text."""
    page = Page()
    y = _typed(page, 70, 80, "Vergaderpunt 7 Verkeersplan", rule)
    page.lines(70, y, ["De commissie bespreekt het plan voor de rondweg en", "vraagt om een nieuwe telling."],
               font=MONO)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    texts = [b.text for b in parsed.blocks]
    assert texts[0] == "Vergaderpunt 7 Verkeersplan"
    assert not any(rule * 4 in t for t in texts)
    assert len(parsed.underlined) == 1 and abs(parsed.underlined[0].top - parsed.blocks[0].bbox.top) < 1


def test_a_typed_tables_column_rules_underline_no_line(make_pdf):
    """A typed table underlines each column's name on one row: those are cells, not lines set apart."""
    page = Page()
    page.add(70, 80, "Post", font=MONO).add(300, 80, "Bedrag", font=MONO)
    page.add(70, 89, "----", font=MONO).add(300, 89, "------", font=MONO)
    page.add(70, 104, "Straatverlichting", font=MONO).add(300, 104, "12.500", font=MONO)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert parsed.underlined == []


def test_a_short_rule_under_a_long_line_underlines_nothing(make_pdf):
    """A rule far shorter than the line above (a separator under a paragraph) sets no line apart."""
    page = Page()
    page.add(70, 80, "De raad neemt kennis van de brief van de provincie over de dijk.", font=MONO)
    page.add(70, 89, "-----", font=MONO)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert parsed.underlined == []
