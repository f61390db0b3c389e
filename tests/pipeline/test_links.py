"""Links from a progress report's sections to the goals and themes of a plan in the same output."""
from __future__ import annotations

import pandas as pd

from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, write_pdf

BODY = "Deze alinea beschrijft de stand van zaken in gewone lopende tekst."


def test_report_sections_link_to_the_plan_goals(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    cover, plan = Page().add(56, 300, "Beleidsplan Afval 2025-2028", size=28, bold=True), Page()
    y = plan.lines(56, 50, ["Schone straten"], size=16, bold=True) + 6
    y = plan.lines(56, y, [BODY, "De doelen voor deze periode:"]) + 4
    for n, goal in enumerate(["Minder zwerfafval in het centrum", "Meer gescheiden inzameling"], 1):
        plan.add(56, y, f"{n}.").add(76, y, goal)
        y += 14
    write_pdf(folder / "plan.pdf", [cover, plan])
    cover, report = Page().add(56, 300, "Jaarverslag Afval 2026", size=28, bold=True), Page()
    y = report.lines(56, 50, ["Meer gescheiden inzameling"], size=14, bold=True) + 4
    y = report.lines(56, y, [BODY]) + 8
    y = report.lines(56, y, ["Schone straten"], size=14, bold=True) + 4
    report.lines(56, y, [BODY])
    write_pdf(folder / "verslag.pdf", [cover, report])
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    links = pd.read_parquet(out / "links")
    sections = pd.read_parquet(out / "sections").set_index("section_id")
    goals = pd.read_parquet(out / "goals").set_index("goal_id")
    themes = pd.read_parquet(out / "themes").set_index("theme_id")
    found = {(sections.loc[r.source_section_id, "heading"], r.target_kind,
              goals.loc[r.target_id, "text"] if r.target_kind == "goal" else themes.loc[r.target_id, "label"])
             for r in links.itertuples()}
    assert ("Meer gescheiden inzameling", "goal", "Meer gescheiden inzameling") in found
    assert ("Schone straten", "theme", "Schone straten") in found
