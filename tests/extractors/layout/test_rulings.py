"""Ruled grids: the page layer keeps the boxes that a page's drawn rules divide into cells.

Convention: Word, iBabs and Notubiz print tables and field grids with a rule round every cell;
a frame round a text box, a checkbox or an underline is no grid.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.ruled_tables import fpdf_table, reportlab_table


def _grid_pdf(path: Path, cols: int, rows: int, frame_only: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 9)
    x0, y0, w, h = 60, 700, 90, 22
    if frame_only:
        c.rect(x0, y0 - rows * h, cols * w, rows * h)
    else:
        for r in range(rows):
            for k in range(cols):
                c.rect(x0 + k * w, y0 - (r + 1) * h, w, h)
    for r in range(rows):
        for k in range(cols):
            c.drawString(x0 + k * w + 4, y0 - (r + 1) * h + 7, f"Vak {r}{k}")
    c.rect(60, 300, 9, 9)  # a checkbox
    c.line(60, 280, 300, 280)  # an underline
    c.showPage()
    c.save()
    return path


def test_a_table_ruled_round_every_cell_is_a_grid(tmp_path):
    (page,) = parse_pdf(_grid_pdf(tmp_path / "grid.pdf", 3, 4)).pages
    assert len(page.grids) == 1
    grid = page.grids[0]
    assert abs(grid.x0 - 60) < 1 and abs(grid.x1 - 330) < 1
    assert abs(grid.top - (842 - 700)) < 1 and abs(grid.bottom - (842 - 700 + 88)) < 1


def test_a_frame_a_checkbox_and_an_underline_are_no_grid(tmp_path):
    (page,) = parse_pdf(_grid_pdf(tmp_path / "frame.pdf", 3, 4, frame_only=True)).pages
    assert page.grids == []


def test_tables_of_both_generators_are_grids(tmp_path):
    header = ["Volgnummer", "Omschrijving", "Stand van zaken"]
    rows = [["1", "Herinrichting van het marktplein", "In uitvoering"], ["2", "Nieuwe fietsenstalling", "Gereed"]]
    for path in (reportlab_table(tmp_path / "rl.pdf", header, rows, [25, 70, 40]),
                 fpdf_table(tmp_path / "fp.pdf", header, rows, [25, 70, 40])):
        (page,) = parse_pdf(path).pages
        assert len(page.grids) == 1, path.name


def test_a_band_and_a_panel_printed_to_the_page_edge_are_no_grid(tmp_path, make_pdf, sections_of):
    """A coloured band across the top and a tinted panel down the left side, both printed to the
    page's edge, meet in three rules each way: the page's decoration, no grid; the headings of the
    text right of the panel stay headings."""
    from tests.pdfs import HEIGHT, WIDTH, Page

    page = Page().rect(0, 0, WIDTH, 60, fill=True).rect(0, 60, 125, HEIGHT, fill=True)
    page.add(20, 20, "Waterschap Lindeveen", size=13, bold=True)
    top = 110.0
    for head in ("Aanleiding van de herziening", "Gevolgen voor de peilbeheerders"):
        page.add(160, top, head, size=11.5, bold=True)
        top = page.lines(160, top + 18, ["De beheerders van de stuwen melden hun metingen voortaan elke week",
                                          "aan de afdeling die de peilbesluiten voorbereidt en bewaakt."],
                         size=10.5) + 16
    path = make_pdf([page])
    (parsed,) = parse_pdf(path).pages
    assert parsed.grids == []
    heads = [s.heading for s in sections_of(path) if s.heading]
    assert heads[-2:] == ["Aanleiding van de herziening", "Gevolgen voor de peilbeheerders"]


FRAMED = [
    ("Waterschap Lindeveen", "Notitie", ("Aanleiding van de herziening", "Gevolgen voor de peilbeheerders")),
    ("Gemeente Oostervoort", "Motie", ("Verzoekt het college:", "Toelichting van de indieners:")),
    ("Provincie Zuidermark", "Besluit", ("Overwegingen van het bestuur", "Wat wij gaan doen")),
]


def _framed_page(body: str, kind: str, heads: tuple[str, str]):
    """Every page in a heavy ruled frame, a title block of ruled cells at its top (body | kind |
    sheet number, the title in a row of its own), the text with its bold headings in the frame."""
    from tests.pdfs import Page

    page = Page().rect(40, 40, 556, 802)
    page.line(40, 66, 556, 66).line(40, 96, 556, 96).line(230, 40, 230, 66).line(380, 40, 380, 66)
    page.add(50, 50, body, size=9, bold=True).add(240, 50, kind, size=9).add(390, 50, "blad 1/1", size=9)
    page.add(50, 76, f"{kind} over de vergunningverlening aan de kade", size=12.5, bold=True)
    top = 120.0
    for head in heads:
        page.add(62, top, head, size=10.5, bold=True)
        top = page.lines(62, top + 17, ["De beheerders van de stuwen melden hun metingen voortaan elke week",
                                         "aan de afdeling die de peilbesluiten voorbereidt en bewaakt."],
                         size=10.5) + 16
    return page


@pytest.mark.parametrize("body, kind, heads", FRAMED)
def test_a_frame_round_the_text_under_a_ruled_title_block_holds_text_not_cells(make_pdf, sections_of, body, kind, heads):
    """The frame's sides run on from the title block's cells down the page: one grid, whose tall
    row of one cell across is the text's frame. The grid is kept (its rows are read in order), the
    frame is cut out of its cells: the bold lines in it are headings, the title block's cells none."""
    path = make_pdf([_framed_page(body, kind, heads)])
    (parsed,) = parse_pdf(path).pages
    assert len(parsed.grids) == 1 and len(parsed.text_frames) == 1
    assert [round(g.bottom) for g in parsed.cell_grids] == [96]
    found = [s.heading for s in sections_of(path) if s.heading]
    assert found[-2:] == list(heads) and body not in found
