"""The audit diff: identical runs, one inserted section, formats and exit codes."""
from __future__ import annotations

import json

from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.audit.diff import diff_outputs
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, write_pdf

CHAPTERS = [("Aanleiding", "De raad vroeg om een nieuwe aanpak van zwerfafval."),
            ("Doel", "Minder afval op straat binnen drie jaar."),
            ("Aanpak", "Meer prullenbakken en vaker legen in het centrum."),
            ("Kosten", "Het plan kost structureel 80.000 euro per jaar.")]


def _paper(path, chapters):
    page, y = Page(), 60
    for heading, text in chapters:
        page.add(56, y, heading, size=13, bold=True)
        page.add(56, y + 20, text)
        y += 50
    return write_pdf(path, [page])


def _run(tmp_path, name, chapters):
    folder = tmp_path / f"in-{name}"
    folder.mkdir()
    _paper(folder / "afvalplan.pdf", chapters)
    out = tmp_path / f"out-{name}"
    run(RunSettings(inputs=(folder,), out_dir=out))
    return out


def test_identical_runs_and_one_inserted_section(tmp_path):
    old = _run(tmp_path, "old", CHAPTERS)
    same = _run(tmp_path, "same", CHAPTERS)
    assert diff_outputs(old, same).identical
    revised = CHAPTERS[:2] + [("Draagvlak", "Bewoners en ondernemers steunen het plan.")] + CHAPTERS[2:]
    new = _run(tmp_path, "new", revised)
    result = {d.name: d for d in diff_outputs(old, new).datasets}
    sections = result["sections"]
    assert [r["heading"] for r in sections.added] == ["Draagvlak"]
    assert sections.removed == [] and sections.changed == []
    assert sections.moved == 2  # the two chapters after the insertion only moved down
    amounts = result["amounts"]
    assert amounts.added == amounts.removed == [] and amounts.changed == []


def test_cli_formats_and_exit_codes(tmp_path):
    old = _run(tmp_path, "old", CHAPTERS)
    new = _run(tmp_path, "new", CHAPTERS[:3] + [("Kosten", "Het plan kost structureel 90.000 euro per jaar.")])
    runner = CliRunner()
    assert runner.invoke(main, ["diff", str(old), str(old)]).exit_code == 0
    text = runner.invoke(main, ["diff", str(old), str(new)])
    assert text.exit_code == 1 and "amount_eur: 80000.0 -> 90000.0" in text.output
    data = json.loads(runner.invoke(main, ["diff", str(old), str(new), "--format", "json"]).output)
    assert data["identical"] is False and len(data["datasets"]["sections"]["changed"]) == 1
    html = runner.invoke(main, ["diff", str(old), str(new), "--format", "html"]).output
    assert html.startswith("<!doctype html>") and "sections" in html
    markdown = runner.invoke(main, ["diff", str(old), str(new), "--format", "markdown"]).output
    assert "| sections |" in markdown


def test_table_value_changed_and_page_removed(tmp_path):
    def paper(path, value, pages):
        out = []
        for n in range(pages):
            page = Page().add(56, 60, f"Hoofdstuk {n + 1}", size=13, bold=True)
            page.add(56, 80, f"Tekst van hoofdstuk {n + 1} over de wijken.")
            if n == 0:
                for i, row in enumerate([("Wijk", "2022", "2023"), ("Noord", "12", value), ("Zuid", "8", "9")]):
                    for x, text in zip((60, 220, 290), row):
                        page.add(x, 110 + 16 * i, text, size=9)
            out.append(page)
        return write_pdf(path, out)

    def output(name, value, pages):
        folder = tmp_path / f"in-{name}"
        folder.mkdir()
        paper(folder / "wijken.pdf", value, pages)
        out = tmp_path / f"out-{name}"
        run(RunSettings(inputs=(folder,), out_dir=out))
        return out

    old = output("old", "15", 3)
    changed = {d.name: d for d in diff_outputs(old, output("value", "16", 3)).datasets}
    (stat,) = changed["statistics"].changed
    assert stat.changes == {"value": (15.0, 16.0)}
    (cell,) = changed["table_cells"].changed
    assert cell.changes["text"] == ("15", "16")
    (section,) = changed["sections"].changed  # the section whose text holds the table
    assert list(section.changes) == ["text"] and not changed["sections"].added
    shorter = {d.name: d for d in diff_outputs(old, output("short", "15", 2)).datasets}
    assert [r["heading"] for r in shorter["sections"].removed] == ["Hoofdstuk 3"]
    assert shorter["sections"].added == [] and shorter["statistics"].changed == []


def test_identical_directories_give_an_empty_report(tmp_path):
    out = _run(tmp_path, "old", CHAPTERS)
    result = CliRunner().invoke(main, ["diff", str(out), str(out)])
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1] == "identical" and len(result.output.strip().splitlines()) == 2
