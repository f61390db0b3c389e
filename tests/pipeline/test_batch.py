"""Batch behaviour: Dask executor, input lists with source metadata, timeouts, pruning, resuming."""
from __future__ import annotations

import io
import json
import signal
from pathlib import Path

import pandas as pd
import pytest

import raadsstukken.pipeline.run as run_module
from raadsstukken.pipeline import writer
from raadsstukken.pipeline.progress import Progress
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS, validate_directory
from tests.pdfs import Page, write_pdf


def _paper(path: Path, topic: str) -> Path:
    page = Page().add(56, 60, f"Stand van zaken {topic}", size=14, bold=True)
    page.lines(56, 90, [f"De gemeente Kleindorp rapporteert over {topic}.", "Er zijn geen bijzonderheden."])
    return write_pdf(path, [page])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    f.mkdir()
    for name, topic in (("a.pdf", "de bibliotheek"), ("b.pdf", "het zwembad"), ("c.pdf", "de markt")):
        _paper(f / name, topic)
    return f


def _content(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name).sort_values(list(d.key)).reset_index(drop=True)
            for name, d in DATASETS.items() if name != "runs"}


def _same(a: Path, b: Path) -> None:
    left, right = _content(a), _content(b)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name])


def test_dask_executor_gives_the_same_rows(folder, tmp_path):
    local, dask = tmp_path / "local", tmp_path / "dask"
    run(RunSettings(inputs=(folder,), out_dir=local))
    summary = run(RunSettings(inputs=(folder,), out_dir=dask, executor="dask", jobs=2))
    assert [o.status for o in summary.outcomes] == ["ok"] * 3
    _same(local, dask)


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_input_list_with_source_metadata(folder, tmp_path, kind):
    rows = [{"path": "a.pdf", "municipality": "Kleindorp", "url": "https://example.org/a.pdf",
             "published": "2024-03-01", "meeting_date": "12 maart 2024", "meeting_id": "R-12", "kind": "raadsmededeling"},
            {"path": "b.pdf"}]
    listing = folder / f"lijst.{kind}"
    if kind == "csv":
        header = list(rows[0])
        lines = [",".join(header)] + [",".join(r.get(h, "") for h in header) for r in rows]
        listing.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        listing.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(listing,), out_dir=out))
    assert sorted(o.source_file for o in summary.outcomes) == ["a.pdf", "b.pdf"]
    docs = pd.read_parquet(out / "documents").set_index("source_file")
    a = docs.loc["a.pdf"]
    assert a["source_url"] == "https://example.org/a.pdf" and a["source_meeting_id"] == "R-12"
    assert str(a["source_published"]) == "2024-03-01" and str(a["source_meeting_date"]) == "2024-03-12"
    assert a["doc_type"] == "raadsmededeling"  # the PDF itself does not say
    assert a["municipality"] == "Kleindorp"
    assert pd.isna(docs.loc["b.pdf"]["source_url"]) and docs.loc["b.pdf"]["doc_type"] == "onbekend"
    assert validate_directory(out) == []


def test_timeout_fails_the_file_and_the_batch_goes_on(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    real = run_module._open_and_parse

    def slow(path, parse_pdf):
        if path.name == "b.pdf":
            import time
            time.sleep(60)
        return real(path, parse_pdf)

    monkeypatch.setattr(run_module, "_open_and_parse", slow)
    summary = run(RunSettings(inputs=(folder,), out_dir=out, timeout=4))
    status = {o.source_file: (o.status, o.error_type) for o in summary.outcomes}
    assert status == {"a.pdf": ("ok", None), "b.pdf": ("failed", "timeout"), "c.pdf": ("ok", None)}


def test_prune_removes_rows_of_files_that_are_gone(folder, tmp_path):
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    (folder / "c.pdf").unlink()
    run(RunSettings(inputs=(folder,), out_dir=out))
    assert "Stand van zaken de markt" in set(pd.read_parquet(out / "sections")["heading"])
    run(RunSettings(inputs=(folder,), out_dir=out, prune=True))
    assert "Stand van zaken de markt" not in set(pd.read_parquet(out / "sections")["heading"])
    assert validate_directory(out) == []


def test_interrupted_run_resumes_to_the_same_output(folder, tmp_path, monkeypatch):
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    run(RunSettings(inputs=(folder,), out_dir=whole))
    real = run_module._commit
    calls = []

    def crash_after_one(out, manifest, outcome, *args):
        if calls:
            raise KeyboardInterrupt
        calls.append(outcome.source_file)
        return real(out, manifest, outcome, *args)

    monkeypatch.setattr(run_module, "_commit", crash_after_one)
    stopped = run(RunSettings(inputs=(folder,), out_dir=resumed))  # a KeyboardInterrupt stops it like SIGINT
    assert stopped.interrupted == signal.SIGINT and stopped.exit_code == 130
    assert [o.source_file for o in stopped.outcomes] == calls  # the finished file has its runs row
    monkeypatch.setattr(run_module, "_commit", real)
    second = run(RunSettings(inputs=(folder,), out_dir=resumed))
    assert sorted(o.status for o in second.outcomes) == ["ok", "ok", "skipped"]
    _same(whole, resumed)


def test_progress_without_a_terminal_writes_a_line_per_file():
    stream = io.StringIO()
    progress = Progress(2, stream=stream)

    class Outcome:
        status, source_file, n_pages = "ok", "x.pdf", 3

    progress.update(Outcome())
    progress.update(Outcome())
    progress.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2 and "2/2 files, 6 pages, 0 failed" in lines[1]


def test_sigkill_midway_then_rerun_gives_the_same_output(tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(6):
        pages = []
        for p in range(12):
            page = Page().add(56, 60, f"Deel {n} hoofdstuk {p}", size=13, bold=True)
            page.lines(56, 90, [f"Regel {i} van hoofdstuk {p} in deel {n} over het beleid." for i in range(40)])
            pages.append(page)
        write_pdf(folder / f"deel-{n}.pdf", pages)
    whole, killed = tmp_path / "whole", tmp_path / "killed"
    run(RunSettings(inputs=(folder,), out_dir=whole))
    cmd = [sys.executable, "-m", "raadsstukken", "run", str(folder), "--out", str(killed)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=Path(__file__).parents[2])
    manifest = killed / "_manifest.json"
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if manifest.exists() and json.loads(manifest.read_text()).get("files"):
            break
        time.sleep(0.02)
    was_running = proc.poll() is None
    if was_running:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert was_running, "the run finished before it could be killed"
    # a write cut off by the kill leaves at most a hidden temporary, which readers pass over
    # (pyarrow skips names starting with "."); no half-written file where a reader looks
    assert not [f for f in killed.rglob("*.partial") if not f.name.startswith(writer.TEMP_PREFIX)]
    second = run(RunSettings(inputs=(folder,), out_dir=killed))
    assert "skipped" in {o.status for o in second.outcomes}
    assert writer.temporary_files(killed) == []  # the rerun removed what the killed run left
    _same(whole, killed)
