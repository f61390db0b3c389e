"""One definition of list markers and of heading comparison, as Dutch council papers print them."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.text.normalize import heading_key, heading_label, is_marker, list_marker, marker_number


@pytest.mark.parametrize("line, number", [
    ("1. de verordening vast te stellen;", 1), ("12) een krediet beschikbaar te stellen", 12),
    ("b. het college op te dragen", 2), ("C. in te stemmen met", 3), ("iv. de raad te informeren", 4),
    ("• een streepje", 1), ("– een gedachtestreepje", 1), ("☒ akkoord", 1), ("\uf0b7 symboolfont", 1),
])
def test_list_markers_of_every_kind_open_an_item(line, number):
    m = list_marker(line)
    assert m is not None
    assert marker_number(m, 0) == number


@pytest.mark.parametrize("line", ["2.1 Aanleiding", "2024 was een goed jaar", "Inleiding", "€ 20.000 per jaar"])
def test_numbering_figures_and_words_are_no_list_markers(line):
    assert list_marker(line) is None


def test_a_marker_alone():
    assert is_marker("3.") and is_marker("•") and not is_marker("ab")


def test_headings_compare_without_numbering_case_ampersand_and_end_punctuation():
    assert heading_label("▪ 3.2 Wonen & zorg:") == "Wonen & zorg:"
    assert heading_key("3.2 Wonen & Zorg:") == heading_key("wonen en zorg") == "wonen en zorg"
    assert heading_key("4. Openbare ruimte.") == heading_key("OPENBARE RUIMTE")
