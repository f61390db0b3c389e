"""Rotated pages: `pages.rotation` is the page's /Rotate normalized, and a rotated page gives the
rows of the same page unrotated (a title on a 90 or 270 degree page is whole)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.layout.rotation import normalized_rotate, reading_rotation
from raadsstukken.pipeline.inputs import SourceInfo
from raadsstukken.pipeline.run import FileTask, process_file
from tests.raw_pdf import RawPage, write_raw_pdf

TITLE = "Uitvoeringsprogramma voor de bermen langs de dijkwegen"
BODY = ["De bermen worden twee keer per jaar gemaaid door een aannemer uit de regio.",
        "Bewoners melden via het loket wanneer het maaien achterblijft of er zwerfvuil ligt."]


def _page(rotate: object, mediabox=(0, 0, 842, 595)) -> RawPage:
    page = RawPage(rotate=rotate, mediabox=mediabox).add(72, 60, TITLE, 16, bold=True)
    for i, line in enumerate(BODY):
        page.add(72, 110 + 13 * i, line)
    return page


def _rows(path: Path) -> dict:
    outcome = process_file(FileTask(path, path.name, hashlib.sha256(path.read_bytes()).hexdigest(), SourceInfo()))
    assert outcome.status == "ok", outcome.error
    return {name: table.to_pylist() for name, table in outcome.tables.items()}


@pytest.mark.parametrize("value, expected", [(None, 0), (0, 0), (90, 90), (180, 180), (270, 270), (-90, 270),
                                             (450, 90), (-270, 90), (720, 0), (45, 0), (280, 0), ("90.0", 90),
                                             ("x", 0), (float("nan"), 0)])
def test_rotate_values_are_normalized(value, expected):
    assert normalized_rotate(value) == expected


def test_a_page_without_text_records_its_rotate():
    assert reading_rotation(-90, 0, has_text=False) == 270
    assert reading_rotation(90, 270, has_text=True) == 90


@pytest.mark.parametrize("rotate, expected", [(None, 0), (90, 90), (180, 180), (270, 270), (-90, 270), (450, 90),
                                              (45, 0), (280, 0)])
def test_pages_rotation_for_every_rotate_value(tmp_path, rotate, expected):
    path = write_raw_pdf(tmp_path / "gedraaid.pdf", [_page(rotate, (0, 0, 595, 842))])
    page = parse_pdf(path).pages[0]
    assert page.rotation == expected
    assert (round(page.width), round(page.height)) == (595, 842)  # the upright frame is the page's own
    first = page.blocks[0].lines[0]
    assert first.text == TITLE
    assert (round(first.bbox.x0), round(first.bbox.top)) == (72, 60)


@pytest.mark.parametrize("rotate", [90, 270, -90, 180])
def test_rotated_landscape_page_gives_the_rows_of_the_upright_page(tmp_path, rotate):
    upright = _rows(write_raw_pdf(tmp_path / "rechtop.pdf", [_page(None)]))
    turned = _rows(write_raw_pdf(tmp_path / "gedraaid.pdf", [_page(rotate)]))
    assert upright["documents"][0]["title"] == TITLE
    assert turned["documents"][0]["title"] == TITLE
    assert [s["text"] for s in turned["sections"]] == [s["text"] for s in upright["sections"]]
    assert turned["pages"][0]["rotation"] == normalized_rotate(rotate)
