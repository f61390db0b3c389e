"""Input lists are confined to their folder unless --allow-outside; symlinks out of a folder are
refused; keys are relative; a file name that is not UTF-8 is kept whole (\\xNN for its bytes)."""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.inputs import discover_inputs, source_text
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, write_pdf


def _pdf(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pdf(path, [Page().add(56, 80, f"De commissie bespreekt de begroting ({path.stem}).")])


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """lists/lijst.csv with one row inside, and secrets outside the list's folder."""
    _pdf(tmp_path / "lists" / "stukken" / "binnen.pdf")
    secret = tmp_path / "geheim"
    secret.mkdir()
    (secret / "wachtwoord.pdf").write_text("root:GEHEIMEWAARDE\n")
    os.symlink(secret / "wachtwoord.pdf", tmp_path / "lists" / "stukken" / "link.pdf")
    rows = ["stukken/binnen.pdf", "../geheim/wachtwoord.pdf", str(secret / "wachtwoord.pdf"), "stukken/link.pdf",
            "../../../../../../../etc/passwd"]
    (tmp_path / "lists" / "lijst.csv").write_text("path\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_list_rows_outside_the_lists_folder_are_refused_unread(tree, tmp_path):
    listing = tree / "lists" / "lijst.csv"
    found = {f.source: f.problem for f in discover_inputs([listing])}
    assert found.pop("stukken/binnen.pdf") is None
    assert len(found) == 4 and all("outside the list's folder" in p and "--allow-outside" in p for p in found.values())
    assert all(not k.startswith("/") for k in found)
    summary = run(RunSettings(inputs=(listing,), out_dir=tmp_path / "out", handle_signals=False))
    runs = pd.read_parquet(tmp_path / "out" / "runs")
    assert sorted(runs["status"]) == ["failed"] * 4 + ["ok"]
    assert set(runs.loc[runs.status == "failed", "error_type"]) == {"invalid_input"}
    text = " ".join(str(v) for v in runs.to_numpy().ravel())
    assert "GEHEIMEWAARDE" not in text and "root:" not in text
    assert not [s for s in runs["source_file"] if s.startswith("/")]
    assert summary.exit_code == 1


def test_allow_outside_reads_them_with_relative_keys(tree, tmp_path):
    listing = tree / "lists" / "lijst.csv"
    listing.write_text("path\nstukken/binnen.pdf\n../buiten/ander.pdf\n", encoding="utf-8")
    _pdf(tree / "buiten" / "ander.pdf")
    result = CliRunner().invoke(main, ["-q", "run", str(listing), "--out", str(tmp_path / "out"), "--allow-outside"])
    assert result.exit_code == 0, result.output
    runs = pd.read_parquet(tmp_path / "out" / "runs")
    assert sorted(runs["source_file"]) == ["buiten/ander.pdf", "lists/stukken/binnen.pdf"]


def test_a_symlink_out_of_an_input_folder_is_refused(tree):
    found = {f.source: f.problem for f in discover_inputs([tree / "lists"])}
    assert found["stukken/binnen.pdf"] is None
    assert "a symlink to a file outside" in found["stukken/link.pdf"]


def test_a_file_name_that_is_not_utf8_is_kept_and_the_run_completes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(str(folder)) + b"/besluit-\xff\xfe-2024.pdf"
    good = _pdf(tmp_path / "goed.pdf")
    with open(raw, "wb") as fh:
        fh.write(good.read_bytes())
    (folder / "tekst.pdf").write_bytes(b"geen pdf")
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False))
    assert {o.source_file: o.status for o in summary.outcomes} == {"besluit-\\xff\\xfe-2024.pdf": "ok", "tekst.pdf": "failed"}
    runs = pd.read_parquet(out / "runs")
    assert sorted(runs["source_file"]) == ["besluit-\\xff\\xfe-2024.pdf", "tekst.pdf"]
    assert "besluit-\\xff\\xfe-2024.pdf" in set(pd.read_parquet(out / "documents")["source_file"])
    again = run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False))
    assert {o.source_file: o.status for o in again.outcomes}["besluit-\\xff\\xfe-2024.pdf"] == "skipped"


def test_source_text_escapes_only_undecodable_bytes():
    assert source_text("raadsbesluit-café.pdf") == "raadsbesluit-café.pdf"
    assert source_text(os.fsdecode(b"nota-\xe9.pdf")) == "nota-\\xe9.pdf"
