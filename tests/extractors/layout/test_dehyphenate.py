"""Undoing line-end hyphenation while keeping real hyphens, as text and across columns and pages."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, join_running_text
from tests.pdfs import Page


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("de verant-", "woordelijke wethouder", "de verantwoordelijke wethouder"),
        ("in Noord-", "Brabant en Limburg", "in Noord-Brabant en Limburg"),
        ("de periode 2021-", "2025 loopt af", "de periode 2021-2025 loopt af"),
        ("in- en", "uitvoer", "in- en uitvoer"),
        ("zowel in-", "of uitvoer", "zowel in- of uitvoer"),
        ("de klein-", "en grootschalige projecten", "de klein- en grootschalige projecten"),
        ("het ICT-", "systeem van de gemeente", "het ICT-systeem van de gemeente"),
        ("een zin zonder afbreking", "gaat verder", "een zin zonder afbreking gaat verder"),
        ("een gedachte -", "los streepje", "een gedachte - los streepje"),
        ("zacht\u00ad", "afgebroken", "zachtafgebroken"),
    ],
)
def test_join_running_text(left, right, joined):
    assert join_running_text(left, right) == joined


def test_document_vocabulary_decides_between_hyphen_and_join():
    vocab = Vocabulary()
    vocab.add_line("wij noemen het de Havenwet-regeling hier en daar")
    vocab.add_line("een regel over de wijkaanpak in het kort")
    assert join_running_text("de Havenwet-", "regeling", vocab) == "de Havenwet-regeling"
    assert join_running_text("de wijk-", "aanpak", vocab) == "de wijkaanpak"


def test_word_broken_at_a_column_end_is_rejoined(make_pdf, text_of):
    page = Page()
    page.lines(56, 80, ["Het bestuur heeft besloten om de", "subsidie voor buurthuizen te verhogen,",
                        "zodat de vrijwilligers meer ruimte krij-"])
    page.lines(310, 80, ["gen voor activiteiten in de avonduren.", "Dat geldt vanaf het nieuwe jaar."])
    text = text_of(make_pdf([page]))
    assert "zodat de vrijwilligers meer ruimte krijgen voor activiteiten in de avonduren." in text


def test_word_broken_at_a_page_end_is_rejoined(make_pdf, text_of):
    first, second = Page(), Page()
    first.lines(56, 80, ["De provincie en de gemeente werken al", "jaren nauw samen in het program-"])
    second.lines(56, 80, ["ma voor schoon water in de regio.", "Dat blijft zo."])
    for number, page in enumerate((first, second), 1):
        page.add(500, 800, f"pagina {number} van 2", size=8)
        page.add(56, 30, "Gemeente Veenhoven - Verslag", size=8)
    text = text_of(make_pdf([first, second]))
    assert "nauw samen in het programma voor schoon water in de regio." in text
