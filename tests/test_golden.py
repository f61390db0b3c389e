"""Golden rows of a generated paper: what every dataset holds for it, pinned so that a change in any
stage shows as a diff. Regenerate on purpose with RAADSSTUKKEN_GEN_TEST_DATA=1 and review the diff."""
from __future__ import annotations

import json
import os

import pandas as pd

from raadsstukken.pipeline.run import RunSettings, run
from tests.conftest import GEN_TEST_DATA, GOLDEN
from tests.pdfs import Page, write_pdf

PINNED = {
    "documents": ["part_index", "page_start", "page_end", "doc_type", "title", "reference", "document_date",
                  "portfolio_holder", "bodies"],
    "sections": ["position", "level", "heading", "text"],
    "decisions": ["number", "text", "body"],
    "amounts": ["text", "amount_eur"],
}


def _paper(path):
    page = Page()
    page.add(56, 40, "Raadsvoorstel", size=18, bold=True)
    page.add(56, 80, "Onderwerp: Herinrichting van het marktplein")
    page.add(56, 96, "Datum: 3 maart 2025")
    page.add(56, 112, "Portefeuillehouder: P. Hendriks")
    page.add(56, 150, "Inleiding", size=13, bold=True)
    page.lines(56, 172, ["Het marktplein wordt opnieuw ingericht, met meer groen en ruimte voor de",
                         "weekmarkt. De kosten zijn geraamd op € 450.000."])
    page.add(56, 225, "Het college stelt u voor:", bold=True)
    page.lines(56, 245, ["1. het ontwerp voor het marktplein vast te stellen;",
                         "2. een krediet van € 450.000 beschikbaar te stellen."])
    return write_pdf(path, [page])


def test_golden_rows_of_a_generated_raadsvoorstel(tmp_path, golden):
    folder = tmp_path / "in"
    folder.mkdir()
    _paper(folder / "voorstel.pdf")
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    rows = {}
    for name, columns in PINNED.items():
        frame = pd.read_parquet(out / name)
        columns = [c for c in columns if c in frame.columns] if name == "sections" else columns
        frame = frame[columns].sort_values(columns[:1], kind="stable")
        rows[name] = json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))
    golden(GOLDEN / "raadsvoorstel.json", json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=True) + "\n")


def test_golden_data_are_never_regenerated_in_ci():
    assert not (os.environ.get("CI") and os.environ.get(GEN_TEST_DATA, "") not in ("", "0")), \
        f"{GEN_TEST_DATA} must be off in CI: golden files are reviewed, not rewritten there"
