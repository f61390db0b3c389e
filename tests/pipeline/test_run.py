"""Runs on generated PDFs: validated output, determinism, incrementality, bad input, exit codes."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS, validate_directory
from tests.pdfs import Page, write_pdf


def _paper(folder: Path, name: str, topic: str) -> Path:
    pages = []
    for n in range(1, 3):
        page = Page()
        page.add(56, 28, f"Raadsinformatiebrief {topic}", size=8)
        page.add(56, 70, f"Hoofdstuk {n}: {topic}", size=14, bold=True)
        page.lines(56, 100, [f"Het college informeert de raad over {topic} en de", "stand van zaken in de wijken."])
        page.add(500, 805, f"pag. {n}/2", size=8)
        pages.append(page)
    return write_pdf(folder / name, pages)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _paper(folder, "a.pdf", "het groenbeleid")
    _paper(folder, "b.pdf", "de afvalinzameling")
    return folder


def _rows(out: Path, dataset: str) -> pd.DataFrame:
    df = pd.read_parquet(out / dataset)
    return df.sort_values(list(DATASETS[dataset].key)).reset_index(drop=True)


def test_run_writes_every_dataset_and_validates(inputs, tmp_path):
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(inputs,), out_dir=out))
    assert [o.status for o in summary.outcomes] == ["ok", "ok"]
    assert validate_directory(out) == []
    assert set(p.name for p in out.iterdir() if p.is_dir()) == set(DATASETS)
    pages = _rows(out, "pages")
    assert list(pages["page_label"]) == ["pag. 1/2", "pag. 2/2"] * 2
    sections = pd.read_parquet(out / "sections")
    assert all(sections["file_id"].str.len() == 64)
    assert set(sections["heading"]) == {"Hoofdstuk 1: het groenbeleid", "Hoofdstuk 2: het groenbeleid",
                                        "Hoofdstuk 1: de afvalinzameling", "Hoofdstuk 2: de afvalinzameling"}


def test_two_runs_give_identical_rows(inputs, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    run(RunSettings(inputs=(inputs,), out_dir=first))
    run(RunSettings(inputs=(inputs,), out_dir=second, force=True))
    for name in DATASETS:
        if name == "runs":
            continue
        pd.testing.assert_frame_equal(_rows(first, name), _rows(second, name))


def test_incremental_run_skips_unchanged_files_and_redoes_changed_ones(inputs, tmp_path):
    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out_dir=out))
    again = run(RunSettings(inputs=(inputs,), out_dir=out))
    assert [o.status for o in again.outcomes] == ["skipped", "skipped"]
    _paper(inputs, "b.pdf", "de straatverlichting")
    third = run(RunSettings(inputs=(inputs,), out_dir=out))
    assert [o.status for o in third.outcomes] == ["skipped", "ok"]
    headings = set(pd.read_parquet(out / "sections")["heading"])
    assert "Hoofdstuk 1: de straatverlichting" in headings
    assert "Hoofdstuk 1: de afvalinzameling" not in headings
    assert validate_directory(out) == []


def test_a_changed_setting_or_rule_file_makes_the_next_run_re_extract(inputs, tmp_path, monkeypatch):
    import shutil
    from dataclasses import replace

    from raadsstukken.extractors import rules, settings

    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out_dir=out))
    assert {o.status for o in run(RunSettings(inputs=(inputs,), out_dir=out)).outcomes} == {"skipped"}

    defaults = settings.all_settings()
    changed = {**defaults, "style": replace(defaults["style"], same_size=0.8)}
    monkeypatch.setattr(settings, "all_settings", lambda: changed)
    assert {o.status for o in run(RunSettings(inputs=(inputs,), out_dir=out)).outcomes} == {"ok"}
    assert {o.status for o in run(RunSettings(inputs=(inputs,), out_dir=out)).outcomes} == {"skipped"}

    edited = tmp_path / "rules"
    shutil.copytree(rules.RULES_DIR, edited, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with open(edited / "decisions.toml", "a", encoding="utf-8") as fh:
        fh.write("\n# an edited rule file\n")
    monkeypatch.setattr(rules, "RULES_DIR", edited)
    assert {o.status for o in run(RunSettings(inputs=(inputs,), out_dir=out)).outcomes} == {"ok"}


@pytest.mark.parametrize(
    ("content", "error_type"),
    [(b"dit is geen pdf maar platte tekst\n", "invalid_pdf"), (b"%PDF-1.7\n1 0 obj <<", "invalid_pdf")],
)
def test_bad_input_fails_alone_with_a_clear_error(inputs, tmp_path, content, error_type):
    (inputs / "kapot.pdf").write_bytes(content)
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(inputs,), out_dir=out))
    status = {o.source_file: (o.status, o.error_type) for o in summary.outcomes}
    assert status["kapot.pdf"] == ("failed", error_type)
    assert status["a.pdf"][0] == status["b.pdf"][0] == "ok"
    runs = pd.read_parquet(out / "runs")
    failed = runs[runs["source_file"] == "kapot.pdf"].iloc[0]
    assert failed["status"] == "failed" and failed["error"]
    assert validate_directory(out) == []


def test_cli_exit_codes(inputs, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out"
    ok = runner.invoke(main, ["run", str(inputs), "--out", str(out)])
    assert ok.exit_code == 0, ok.output
    assert runner.invoke(main, ["validate", str(out)]).exit_code == 0
    (inputs / "kapot.pdf").write_bytes(b"geen pdf")
    assert runner.invoke(main, ["run", str(inputs), "--out", str(out)]).exit_code == 1
    assert runner.invoke(main, ["run", str(tmp_path / "bestaat-niet"), "--out", str(out)]).exit_code == 2
    (out / "sections" / "broken.parquet").write_bytes(b"not parquet")
    broken = runner.invoke(main, ["validate", str(out)])
    assert broken.exit_code == 1  # invalid output: exit 1, with a message and no traceback
    assert broken.exception is None or isinstance(broken.exception, SystemExit)
    assert "not a readable Parquet file" in broken.output


def test_parallel_run_equals_serial_run(inputs, tmp_path):
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    run(RunSettings(inputs=(inputs,), out_dir=serial))
    run(RunSettings(inputs=(inputs,), out_dir=parallel, jobs=2))
    for name in ("pages", "sections", "documents"):
        pd.testing.assert_frame_equal(_rows(serial, name), _rows(parallel, name))


def test_parts_written_before_a_column_was_added_are_upgraded(inputs, tmp_path):
    import pyarrow.parquet as pq

    from raadsstukken.pipeline.writer import ensure_datasets

    out = tmp_path / "out"
    run(RunSettings(inputs=(inputs,), out_dir=out))
    (part,) = list((out / "runs").glob("*.parquet"))
    old = pq.read_table(part).drop_columns(["other_names"])
    pq.write_table(old, part)
    assert validate_directory(out) != []
    ensure_datasets(out)
    assert validate_directory(out) == []
    assert pd.read_parquet(out / "runs")["other_names"].isna().all()


def test_an_empty_input_still_gives_every_dataset_readable(tmp_path):
    folder = tmp_path / "leeg"
    folder.mkdir()
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    assert validate_directory(out) == []
    for name in DATASETS:
        frame = pd.read_parquet(out / name)
        assert len(frame) == 0 and list(frame.columns) == DATASETS[name].schema.names
