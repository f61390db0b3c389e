"""Where Dutch sentences end: a stop before a capital, not after an abbreviation or an initial."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.text.sentences import first_sentence


@pytest.mark.parametrize(("text", "first"), [
    ("Wij verlenen de vergunning. Daarna volgt de publicatie.", "Wij verlenen de vergunning."),
    ("Mevr. drs. A.B. de Wit wordt benoemd. Zij treedt aan op 1 mei.", "Mevr. drs. A.B. de Wit wordt benoemd."),
    ("Het krediet dekt o.a. de kosten van art. 4. Verder niets.", "Het krediet dekt o.a. de kosten van art. 4."),
    ("Is de raad akkoord? Dan volgt het besluit.", "Is de raad akkoord?"),
    ("Eén zin zonder punt aan het eind", "Eén zin zonder punt aan het eind"),
    ("In paragraaf 4.2.1. Wonen het getal te wijzigen. Klaar.", "In paragraaf 4.2.1. Wonen het getal te wijzigen."),
    ("De zin “Het plein wordt autovrij. Fietsen mag.” te schrappen. Verder niets.",
     "De zin “Het plein wordt autovrij. Fietsen mag.” te schrappen."),
])
def test_first_sentence(text, first):
    assert first_sentence(text) == first
