"""The audit diff: identical runs, one inserted section, formats and exit codes."""
from __future__ import annotations

import json

from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.audit.diff import OutputDiff, RowDiff, diff_outputs
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


def _rows(diff: OutputDiff, dataset: str, kind: str) -> list[RowDiff]:
    return [r for g in diff.documents for r in g.rows if r.dataset == dataset and r.kind == kind]


def test_identical_runs_and_one_inserted_section(tmp_path):
    old = _run(tmp_path, "old", CHAPTERS)
    same = _run(tmp_path, "same", CHAPTERS)
    assert diff_outputs(old, same).identical
    revised = CHAPTERS[:2] + [("Draagvlak", "Bewoners en ondernemers steunen het plan.")] + CHAPTERS[2:]
    new = _run(tmp_path, "new", revised)
    diff = diff_outputs(old, new)
    assert [r.label for r in _rows(diff, "sections", "added")] == ["section 'Draagvlak'"]
    assert _rows(diff, "sections", "removed") == [] and _rows(diff, "sections", "changed") == []
    assert len(_rows(diff, "sections", "moved")) == 2  # the two chapters after the insertion only moved down
    assert not [r for r in _rows(diff, "amounts", "changed") + _rows(diff, "amounts", "added")]


def test_cli_formats_and_exit_codes(tmp_path):
    old = _run(tmp_path, "old", CHAPTERS)
    new = _run(tmp_path, "new", CHAPTERS[:3] + [("Kosten", "Het plan kost structureel 90.000 euro per jaar.")])
    runner = CliRunner()
    assert runner.invoke(main, ["diff", str(old), str(old)]).exit_code == 0
    text = runner.invoke(main, ["diff", str(old), str(new)])
    assert text.exit_code == 1 and "amount_eur: 80000 -> 90000" in text.output
    data = json.loads(runner.invoke(main, ["diff", str(old), str(new), "--format", "json"]).output)
    assert data["identical"] is False and data["datasets"]["sections"]["changed"] == 1
    html = runner.invoke(main, ["diff", str(old), str(new), "--format", "html"]).output
    assert html.startswith("<!doctype html>") and "sections" in html
    markdown = runner.invoke(main, ["diff", str(old), str(new), "--format", "markdown"]).output
    assert "| sections |" in markdown and "### afvalplan.pdf part 0" in markdown


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
    changed = diff_outputs(old, output("value", "16", 3))
    (stat,) = _rows(changed, "statistics", "changed")
    assert [(c.column, c.old, c.new) for c in stat.changes] == [("value", 15.0, 16.0)]
    (cell,) = _rows(changed, "table_cells", "changed")
    assert (cell.changes[0].column, cell.changes[0].old, cell.changes[0].new) == ("text", "15", "16")
    (section,) = _rows(changed, "sections", "changed")  # the section whose text holds the table
    assert [c.column for c in section.changes] == ["text"] and not _rows(changed, "sections", "added")
    shorter = diff_outputs(old, output("short", "15", 2))
    assert [r.label for r in _rows(shorter, "sections", "removed")] == ["section 'Hoofdstuk 3'"]
    assert [r.label for r in _rows(shorter, "pages", "removed")] == ["page 3"]
    assert _rows(shorter, "sections", "added") == [] and _rows(shorter, "statistics", "changed") == []


def test_identical_directories_give_an_empty_report(tmp_path):
    out = _run(tmp_path, "old", CHAPTERS)
    result = CliRunner().invoke(main, ["diff", str(out), str(out)])
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1] == "identical" and len(result.output.strip().splitlines()) == 2
