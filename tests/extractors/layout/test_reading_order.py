"""Reading order on generated pages: columns, full-width bands, sidebars, stream order ignored."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.reading_order import order_blocks
from raadsstukken.extractors.layout.records import Block, Line, Word
from tests.conftest import squash
from tests.pdfs import Page, ruled_items

LEFT, RIGHT = 56, 310

UPPER_LEFT = ["De commissie besprak op dinsdag het", "voorstel over de nieuwe fietsroutes",
              "langs de dijk. Daarbij kwam ook de", "veiligheid van de kruisingen aan bod."]
UPPER_RIGHT = ["Daarna volgde een korte pauze, waarna", "de wethouder vragen over de planning",
               "beantwoordde. Zij verwacht dat de", "aanleg in het najaar kan beginnen."]
LOWER_LEFT = ["Onder de tabel staat de toelichting", "op de cijfers van het afgelopen jaar."]
LOWER_RIGHT = ["Rechts onder de tabel lezen we hoe", "de meldingen per wijk verschillen."]


def interleaved(page: Page, top: float, left: list[str], right: list[str], leading: float = 13.0) -> None:
    """Draw two columns row by row, so the content stream mixes them (as some generators do)."""
    for i in range(max(len(left), len(right))):
        if i < len(left):
            page.add(LEFT, top + i * leading, left[i])
        if i < len(right):
            page.add(RIGHT, top + i * leading, right[i])


def test_title_above_two_columns_reads_title_then_left_then_right(make_pdf, text_of):
    page = Page().add(LEFT, 60, "Verslag van de commissie Ruimte en Wonen", size=16, bold=True)
    interleaved(page, 100, UPPER_LEFT, UPPER_RIGHT)
    text = text_of(make_pdf([page]))
    left, right = squash(" ".join(UPPER_LEFT)), squash(" ".join(UPPER_RIGHT))
    assert left in text and right in text
    assert text.index(left) < text.index(right)


def test_full_width_band_separates_upper_and_lower_columns(make_pdf, text_of):
    page = Page()
    interleaved(page, 80, UPPER_LEFT, UPPER_RIGHT)
    page.add(LEFT, 150, "Tabel 3 toont het aantal meldingen per wijk in de jaren 2022 tot en met 2024, per kwartaal")
    interleaved(page, 180, LOWER_LEFT, LOWER_RIGHT)
    text = text_of(make_pdf([page]))
    parts = [" ".join(UPPER_LEFT), " ".join(UPPER_RIGHT), "Tabel 3 toont", " ".join(LOWER_LEFT), " ".join(LOWER_RIGHT)]
    positions = [text.index(squash(p)) for p in parts]
    assert positions == sorted(positions)


def test_sidebar_does_not_interrupt_the_main_column(make_pdf, text_of):
    main = ["In de wijk Noorderhaven zijn dit jaar", "veertig nieuwe woningen opgeleverd, waarvan",
            "de helft in de sociale huur valt. De", "corporatie wil er volgend jaar nog dertig",
            "bouwen op het terrein van de oude school."]
    page = Page()
    page.lines(LEFT, 80, main)
    page.lines(420, 100, ["Wist u dat?", "Elke woning krijgt", "zonnepanelen."], size=9)
    text = text_of(make_pdf([page]))
    assert squash(" ".join(main)) in text


def _block(x0: float, top: float, x1: float, bottom: float, label: str) -> Block:
    word = Word(label, BBox(x0, top, x1, bottom), 10.0, False, False)
    return Block([Line((word,), 1)], 1)


def test_order_blocks_on_boxes_alone():
    title = _block(50, 40, 540, 60, "title")
    l1, r1 = _block(50, 80, 280, 200, "l1"), _block(310, 80, 540, 190, "r1")
    band = _block(50, 220, 540, 240, "band")
    l2, r2 = _block(50, 260, 280, 400, "l2"), _block(310, 260, 540, 380, "r2")
    shuffled = [r2, band, l1, title, r1, l2]
    assert [b.text for b in order_blocks(shuffled)] == ["title", "l1", "r1", "band", "l2", "r2"]


ITEMS = [
    [("Punt 5", [("Voorstel", ["Instemmen met het jaarplan van de bibliotheek."]),
                 ("Uitkomst", ["Het jaarplan wordt zonder hoofdelijke stemming aangenomen, met de",
                               "aantekening dat de fractie van de Dorpslijst tegen is."])]),
     ("Punt 6", [("Voorstel", ["Het krediet voor de brug over de Vaart beschikbaar stellen."]),
                 ("Uitkomst", ["Het krediet wordt beschikbaar gesteld."])])],
    [("Onderwerp 2", [("Inhoud", ["De ontwerpbegroting van de veiligheidsregio voor kennisgeving."]),
                      ("Afdoening", ["Voor kennisgeving aangenomen."])]),
     ("Onderwerp 3", [("Inhoud", ["Een zienswijze op de kadernota van de GGD, met twee",
                                  "aanvullingen over de jeugdgezondheidszorg."]),
                      ("Afdoening", ["Conform het voorstel."])])],
    [("Item 11", [("Toelichting", ["Het college beantwoordt de vragen over de kermis."]),
                  ("Vervolg", ["De commissie bespreekt het antwoord in maart."])]),
     ("Item 12", [("Toelichting", ["De subsidieregeling voor groene daken loopt af."]),
                  ("Vervolg", ["Geen; de raad heeft kennisgenomen van de brief."])])],
]


@pytest.mark.parametrize("items", ITEMS)
def test_a_ruled_table_is_read_row_by_row(make_pdf, items):
    """Convention of council systems' exports (and Word forms): a table ruled round every cell
    is read row by row, each label before its value, not the whole label column first (nothing
    printed between the rows overlaps both columns: only the rules do)."""
    page = Page().add(50, 60, "Overzicht van de besluiten", size=15, bold=True)
    ruled_items(page, 100, items)
    expected = " ".join(" ".join([name] + [f"{label} {' '.join(value)}" for label, value in rows])
                        for name, rows in items)
    (parsed,) = parse_pdf(make_pdf([page])).pages
    assert squash(expected) in squash(" ".join(b.text for b in parsed.blocks))
