"""The product measures its own conservation: `pages.text_coverage` is the share of a page's
text-layer letters that reached a row, and a page below 0.98 gets a note in `runs.warnings`."""
from __future__ import annotations

import pandas as pd

from raadsstukken.extractors.coverage import LOW_COVERAGE, low_coverage_warning
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, paragraph_lines

WORDS = ("de gemeenteraad bespreekt vanavond het voorstel over het groenbeheer in de wijken en de kosten "
         "daarvan voor de komende jaren waarbij de wethouder toelichting geeft").split()


def _layouts() -> dict[str, list[Page]]:
    body = paragraph_lines(WORDS * 3, 9)
    one = Page().add(60, 60, "Aanleiding van het voorstel", size=14, bold=True)
    one.lines(60, 90, body)
    two = Page()
    two.lines(50, 80, paragraph_lines(WORDS * 2, 5))
    two.lines(310, 80, paragraph_lines(WORDS * 2, 5))
    table = Page().add(60, 60, "Kosten per jaar", size=12, bold=True)
    for i, (label, a, b) in enumerate([("Post", "2025", "2026"), ("Maaien", "12.000", "12.500"),
                                       ("Snoeien", "8.400", "8.900"), ("Totaal", "20.400", "21.400")]):
        table.add(60, 90 + i * 16, label).add(250, 90 + i * 16, a).add(350, 90 + i * 16, b)
    notes = Page()
    notes.lines(60, 80, body[:4])
    notes.add(60, 760, "1 Zie het raadsbesluit over het groenbeheer van vorig jaar.", size=7)
    running = []
    for n in range(1, 4):
        p = Page().add(60, 30, "Gemeente Voorbeeld - groenbeheer", size=8)
        p.lines(60, 80, body)
        p.add(280, 800, f"Pagina {n} van 3", size=8)
        running.append(p)
    return {"heading": [one], "two-columns": [two], "table": [table], "footnote": [notes], "running": running}


def test_coverage_is_complete_on_every_generated_layout(tmp_path, make_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, pages in _layouts().items():
        make_pdf(pages, name=f"{name}.pdf").rename(folder / f"{name}.pdf")
    out = tmp_path / "out"
    outcomes = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert {o.status for o in outcomes} == {"ok"}
    pages = pd.read_parquet(out / "pages")
    assert len(pages) == 7 and pages["text_coverage"].min() >= 0.995, pages[["page", "text_coverage"]]
    assert not any(w.startswith("low text coverage") for o in outcomes for w in o.warnings)


def test_a_page_below_the_threshold_is_named_in_a_warning():
    note = low_coverage_warning({1: 1.0, 2: 0.91, 3: None, 4: 0.5})
    assert note is not None and "page 2 0.910" in note and "page 4 0.500" in note and "page 1 " not in note
    assert low_coverage_warning({1: LOW_COVERAGE, 2: None}) is None
