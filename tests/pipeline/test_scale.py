"""Batch runs at scale: source identity, the output lock, consistency and repair, interrupts, file
modes, forgiving input lists, the cheap unchanged check, compaction, progress and logs."""
from __future__ import annotations

import json
import logging
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import raadsstukken.pipeline.run as run_module
from raadsstukken.pipeline import writer
from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.manifest import Manifest, OutputLock, OutputLocked
from raadsstukken.pipeline.progress import Progress
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS, validate_directory
from tests.pdfs import Page, write_pdf, write_report

ROOT = Path(__file__).parents[2]


_paper = write_report


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    for name, topic in (("a.pdf", "de bibliotheek"), ("b.pdf", "het zwembad"), ("c.pdf", "de markt")):
        _paper(f / name, topic)
    return f


def _headings(out: Path) -> list[str]:
    return sorted(pd.read_parquet(out / "sections")["heading"])


def _statuses(summary) -> dict[str, str]:
    return {o.source_file: o.status for o in summary.outcomes}


# -- identity -----------------------------------------------------------------------------------


def test_same_named_files_in_two_folders_are_two_sources_and_a_rerun_settles(tmp_path):
    _paper(tmp_path / "dup" / "a" / "voorstel.pdf", "de haven")
    _paper(tmp_path / "dup" / "b" / "voorstel.pdf", "het park")
    out = tmp_path / "out"
    first = run(RunSettings(inputs=(tmp_path / "dup" / "a", tmp_path / "dup" / "b"), out_dir=out))
    assert _statuses(first) == {"a/voorstel.pdf": "ok", "b/voorstel.pdf": "ok"}
    docs = pd.read_parquet(out / "documents")
    assert sorted(docs["source_file"]) == ["a/voorstel.pdf", "b/voorstel.pdf"]
    for _ in range(2):
        again = run(RunSettings(inputs=(tmp_path / "dup" / "a", tmp_path / "dup" / "b"), out_dir=out))
        assert set(_statuses(again).values()) == {"skipped"}
    assert validate_directory(out) == []


# -- the lock -----------------------------------------------------------------------------------


def test_a_second_run_exits_2_or_waits_and_the_manifest_lists_every_file(folder, tmp_path):
    out = tmp_path / "out"
    other = tmp_path / "other"
    _paper(other / "d.pdf", "de kermis")
    with OutputLock(out):  # a run in progress
        result = CliRunner().invoke(main, ["run", str(folder), "--out", str(out)])
        assert result.exit_code == 2 and "another run" in result.output and "--wait" in result.output
        with pytest.raises(OutputLocked):
            run(RunSettings(inputs=(folder,), out_dir=out))
        assert not (out / "_manifest.json").exists()
        waiting: dict = {}
        thread = threading.Thread(target=lambda: waiting.update(s=run(RunSettings(inputs=(other,), out_dir=out, wait=True,
                                                                                     handle_signals=False))))
        thread.start()
        time.sleep(1.0)
        assert thread.is_alive()  # it waits for the lock
    thread.join(60)
    assert _statuses(waiting["s"]) == {"d.pdf": "ok"}
    assert set(Manifest.load(out).files) == {"d.pdf"}
    assert validate_directory(out) == []


def test_concurrent_processes_both_finish_and_every_file_is_listed(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    for n in range(3):
        _paper(one / f"een-{n}.pdf", f"onderwerp een {n}", pages=3)
        _paper(two / f"twee-{n}.pdf", f"onderwerp twee {n}", pages=3)
    listing = tmp_path / "alles.csv"
    listing.write_text("path\n" + "".join(f"one/een-{n}.pdf\ntwo/twee-{n}.pdf\n" for n in range(3)), encoding="utf-8")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "raadsstukken", "run", "--wait", "--out", str(out)]
    procs = [subprocess.Popen([*cmd, str(listing)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT),
             subprocess.Popen([*cmd, str(listing)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)]
    codes = [p.wait(120) for p in procs]
    assert codes == [0, 0]
    files = Manifest.load(out).files
    assert sorted(files) == sorted([f"one/een-{n}.pdf" for n in range(3)] + [f"two/twee-{n}.pdf" for n in range(3)])
    assert validate_directory(out) == []


# -- consistency and repair ---------------------------------------------------------------------


def test_deleted_part_orphan_part_and_temporary_files_are_found_and_repaired(folder, tmp_path):
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    entry = Manifest.load(out).files["b.pdf"]
    (out / "documents" / f"{entry.part}.parquet").unlink()  # deleted by hand
    orphan = out / "sections" / "0123456789abcdef.parquet"
    orphan.write_bytes((out / "sections" / f"{Manifest.load(out).files['a.pdf'].part}.parquet").read_bytes())
    (out / "pages" / ".tmp-killed.partial").write_bytes(b"half")
    problems = [str(p) for p in validate_directory(out)]
    assert any("b.pdf: its part" in p and "missing" in p for p in problems)
    assert any("0123456789abcdef belongs to no file" in p for p in problems)
    assert any("temporary file" in p for p in problems)
    result = CliRunner().invoke(main, ["validate", str(out)])
    assert result.exit_code == 1 and "--repair" in result.output
    repaired = CliRunner().invoke(main, ["validate", "--repair", str(out)])
    assert repaired.exit_code == 1 or repaired.exit_code == 0
    assert "repaired" in repaired.output
    # the repaired output: consistent, and the forgotten file comes back on the next run
    assert [p for p in validate_directory(out) if "duplicate" not in str(p)] == []
    again = run(RunSettings(inputs=(folder,), out_dir=out))
    assert _statuses(again) == {"a.pdf": "skipped", "b.pdf": "ok", "c.pdf": "skipped"}
    assert validate_directory(out) == []


def test_a_deleted_part_is_extracted_again_and_a_run_removes_temporary_files(folder, tmp_path):
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    part = Manifest.load(out).files["c.pdf"].part
    (out / "pages" / f"{part}.parquet").unlink()
    (out / "sections" / ".tmp-killed.partial").write_bytes(b"half")
    again = run(RunSettings(inputs=(folder,), out_dir=out))
    assert _statuses(again)["c.pdf"] == "ok"  # not skipped: its rows were gone
    assert not writer.temporary_files(out)
    assert validate_directory(out) == []


def test_prune_removes_orphan_rows_of_a_concurrent_or_killed_run(folder, tmp_path):
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    manifest = Manifest.load(out)
    manifest.files.pop("c.pdf")  # as if the run that wrote c's rows died before recording it
    manifest.save(out)
    assert any("orphan" in str(p) for p in validate_directory(out))
    run(RunSettings(inputs=(folder / "a.pdf", folder / "b.pdf"), out_dir=out, prune=True))
    assert validate_directory(out) == []
    assert "Stand van zaken de markt deel 1" not in _headings(out)


# -- interrupts ---------------------------------------------------------------------------------


def _big_folder(tmp_path: Path, files: int = 6, pages: int = 12) -> Path:
    folder = tmp_path / "groot"
    for n in range(files):
        out = []
        for p in range(pages):
            page = Page().add(56, 60, f"Deel {n} hoofdstuk {p}", size=13, bold=True)
            page.lines(56, 90, [f"Regel {i} van hoofdstuk {p} in deel {n} over het beleid." for i in range(40)])
            out.append(page)
        folder.mkdir(parents=True, exist_ok=True)
        write_pdf(folder / f"deel-{n}.pdf", out)
    return folder


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_jobs_2_stops_within_seconds_and_keeps_finished_files(tmp_path, sig, code):
    folder = _big_folder(tmp_path, files=8)
    out = tmp_path / "out"
    summary_file = tmp_path / "summary.json"
    cmd = [sys.executable, "-m", "raadsstukken", "run", str(folder), "--out", str(out), "--jobs", "2",
           "--summary", str(summary_file)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 90
    while time.time() < deadline and proc.poll() is None:
        if (out / "pages").is_dir() and any(p.suffix == ".parquet" for p in (out / "pages").iterdir()):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run finished before it could be interrupted"
    t0 = time.time()
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=30)
    took = time.time() - t0
    assert proc.returncode == code, stderr.decode()[-2000:]
    assert took < 5, f"took {took:.1f} s to stop"
    assert b"Traceback" not in stderr
    files = Manifest.load(out).files
    assert 1 <= len(files) < 8
    runs = pd.read_parquet(out / "runs")
    assert set(runs["source_file"]) == set(files) and set(runs["status"]) == {"ok"}
    summary = json.loads(summary_file.read_text())
    assert summary["exit_code"] == code and summary["interrupted"] == signal.Signals(sig).name
    assert summary["not_started"] == 8 - len(files)
    assert validate_directory(out) == []


# -- file modes, usage errors -------------------------------------------------------------------


def test_files_get_the_umask_mode_and_a_usage_error_creates_nothing(folder, tmp_path):
    previous = os.umask(0o022)
    try:
        out = tmp_path / "out"
        run(RunSettings(inputs=(folder,), out_dir=out))
        files = [p for p in out.rglob("*") if p.is_file()]
        assert files and {stat.S_IMODE(p.stat().st_mode) for p in files} == {0o644}
    finally:
        os.umask(previous)
    runner = CliRunner()
    for args in (["run", str(tmp_path / "bestaat-niet")], ["run", str(folder), "--executor", "local", "--scheduler", "tcp://x:1"]):
        target = tmp_path / f"nieuw-{len(args)}"
        result = runner.invoke(main, [*args, "--out", str(target)])
        assert result.exit_code == 2 and result.output.count("\n") <= 2, result.output
        assert not target.exists()


# -- input lists --------------------------------------------------------------------------------


def test_a_list_with_bad_rows_runs_the_other_rows(folder, tmp_path):
    (folder / "map.pdf").mkdir()
    os.mkfifo(folder / "pijp.pdf")
    (folder / "binnen.csv").write_text("path\na.pdf\n", encoding="utf-8")
    listing = folder / "lijst.jsonl"
    rows = [{"path": "a.pdf", "published": "31/31/2019"}, {"path": "ontbreekt.pdf"}, {"path": "map.pdf"},
            {"path": "pijp.pdf"}, {"path": "binnen.csv"}, {"path": "lijst.jsonl"}, [1, 2], {"path": 7},
            {"path": "b.pdf", "municipality": "Kleindorp"}, {"path": "b.pdf", "municipality": "Grootstad"},
            {"path": "c.pdf", "url": "https://example.org/" + "x" * 200_000}]
    listing.write_text("\n".join(json.dumps(r) for r in rows) + "\n{niet json\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["run", str(listing), "--out", str(out)])
    assert result.exit_code == 1, result.output  # some rows failed; the batch ran
    runs = pd.read_parquet(out / "runs").set_index("source_file")
    assert {runs.loc[k, "status"] for k in ("a.pdf", "b.pdf", "c.pdf")} == {"ok"}
    bad = runs[runs["status"] == "failed"]
    assert len(bad) == 8 and set(bad["error_type"]) == {"invalid_input"}
    messages = " | ".join(bad["error"])
    for expected in ("not found", "is a folder", "not a regular file", "another list", "must be an object",
                     "'path' must be text", "not JSON"):
        assert expected in messages
    assert any("'31/31/2019' is not a date" in w for w in runs.loc["a.pdf", "warnings"])
    assert any("other values for municipality" in w for w in runs.loc["b.pdf", "warnings"])
    docs = pd.read_parquet(out / "documents").set_index("source_file")
    assert docs.loc["b.pdf", "source_municipality"] == "Kleindorp"
    assert validate_directory(out) == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_semicolon_csv_in_any_encoding(folder, tmp_path, encoding):
    lists = tmp_path / "lists"
    lists.mkdir()
    listing = lists / "oogst.csv"
    text = ("path;municipality;meeting_date\n../in/a.pdf;Súdwest-Fryslân;31-02-2024\n"
            "../in/b.pdf;'s-Hertogenbosch;12 maart 2024\n")
    listing.write_bytes(text.encode(encoding))
    out = tmp_path / "out"
    summary = run(RunSettings(inputs=(listing,), out_dir=out, allow_outside=True))  # rows in ../in/
    assert _statuses(summary) == {"in/a.pdf": "ok", "in/b.pdf": "ok"}  # normalized: no "lists/../in/"
    docs = pd.read_parquet(out / "documents").set_index("source_file")
    assert docs.loc["in/a.pdf", "source_municipality"] == "Súdwest-Fryslân"
    assert str(docs.loc["in/b.pdf", "source_meeting_date"]).startswith("2024-03-12")
    warnings = {o.source_file: o.warnings for o in summary.outcomes}
    assert any("'31-02-2024' is not a date" in w for w in warnings["in/a.pdf"])


# -- the cheap unchanged check ------------------------------------------------------------------


def test_unchanged_files_are_not_hashed_again(folder, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    hashed = []
    real = run_module._hash
    monkeypatch.setattr(run_module, "_hash", lambda path, budget: hashed.append(path.name) or real(path, budget))
    assert set(_statuses(run(RunSettings(inputs=(folder,), out_dir=out))).values()) == {"skipped"}
    assert hashed == []
    os.utime(folder / "b.pdf", ns=(time.time_ns(), time.time_ns() + 10**9))  # touched, same content
    assert set(_statuses(run(RunSettings(inputs=(folder,), out_dir=out))).values()) == {"skipped"}
    assert hashed == ["b.pdf"]
    hashed.clear()
    run(RunSettings(inputs=(folder,), out_dir=out))
    assert hashed == []  # the new mtime was recorded


def test_hashing_counts_inside_the_time_budget(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(run_module.time, "perf_counter", iter(range(0, 10**6, 5)).__next__)
    summary = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out", timeout=1, progress=False))
    assert {o.error_type for o in summary.outcomes} == {"timeout"}
    assert all("hashing" in (o.error or "") for o in summary.outcomes)


# -- compaction ---------------------------------------------------------------------------------


def test_compaction_keeps_the_table_and_incremental_runs_prune_validate_work_on_it(folder, tmp_path):
    import duckdb

    out = tmp_path / "out"
    _paper(folder / "d.pdf", "de haven", pages=2)
    run(RunSettings(inputs=(folder,), out_dir=out))
    before = {n: pd.read_parquet(out / n).sort_values(list(d.key)).reset_index(drop=True)
              for n, d in DATASETS.items() if n != "runs"}
    assert not [p for n in DATASETS for p in writer.dataset_files(out, n)
                if p.name != writer.EMPTY_PART and not pd.read_parquet(p).shape[0]]  # no empty part files
    result = CliRunner().invoke(main, ["compact", str(out)])
    assert result.exit_code == 0, result.output
    for name in DATASETS:
        assert len(writer.dataset_files(out, name)) <= 2, name  # a segment (and the links' own file)
    for name, frame in before.items():
        after = pd.read_parquet(out / name).sort_values(list(DATASETS[name].key)).reset_index(drop=True)
        pd.testing.assert_frame_equal(frame, after)
        pattern = (out / name / "**" / "*.parquet").as_posix()
        assert duckdb.sql(f"select count(*) from read_parquet('{pattern}', union_by_name=true)").fetchall()[0][0] == len(frame)
    assert validate_directory(out) == []
    # incremental: one changed file, one gone
    _paper(folder / "b.pdf", "de sporthal")
    (folder / "c.pdf").unlink()
    summary = run(RunSettings(inputs=(folder,), out_dir=out, prune=True))
    assert _statuses(summary) == {"a.pdf": "skipped", "b.pdf": "ok", "d.pdf": "skipped"}
    headings = _headings(out)
    assert "Stand van zaken de sporthal deel 1" in headings
    assert "Stand van zaken het zwembad deel 1" not in headings and "Stand van zaken de markt deel 1" not in headings
    assert validate_directory(out) == []
    writer.compact(out)
    assert _headings(out) == headings and validate_directory(out) == []
    # a crash in the middle of a compaction is rolled forward
    _paper(folder / "e.pdf", "het plein")
    run(RunSettings(inputs=(folder,), out_dir=out, compact=False))
    real = writer._roll_forward
    writer._roll_forward = lambda folder: (_ for _ in ()).throw(KeyboardInterrupt)  # type: ignore[assignment]
    try:
        with pytest.raises(KeyboardInterrupt):
            writer.compact(out, ["sections"])
    finally:
        writer._roll_forward = real
    assert any("interrupted compaction" in str(p) for p in validate_directory(out))
    run(RunSettings(inputs=(folder,), out_dir=out))
    assert validate_directory(out) == []
    assert "Stand van zaken het plein deel 1" in _headings(out) and len(_headings(out)) == len(set(_headings(out)))


def test_partitioned_compaction_reads_as_one_table(folder, tmp_path):
    listing = folder / "lijst.csv"
    listing.write_text("path,municipality,published\na.pdf,Utrecht,2023-05-01\nb.pdf,Zwolle,2024-01-02\nc.pdf,,\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    run(RunSettings(inputs=(listing,), out_dir=out))
    before = _headings(out)
    result = CliRunner().invoke(main, ["compact", str(out), "--partition-by", "year"])
    assert result.exit_code == 0, result.output
    folders = {p.parent.relative_to(out / "sections").as_posix() for p in writer.dataset_files(out, "sections")}
    assert folders == {"2023", "2024", "unknown"}
    assert _headings(out) == before
    import pyarrow.dataset as pads

    assert pads.dataset(str(out / "sections")).count_rows() == len(before)
    assert validate_directory(out) == []
    _paper(folder / "b.pdf", "de sporthal")
    run(RunSettings(inputs=(listing,), out_dir=out))
    writer.compact(out, partition_by=("year",), partitions=writer.partition_values(out, ("year",)))
    assert "Stand van zaken de sporthal deel 1" in _headings(out) and validate_directory(out) == []


# -- progress and logs --------------------------------------------------------------------------


def test_progress_shows_pages_inside_a_file_and_an_eta():
    import io

    stream = io.StringIO()
    progress = Progress(2, stream=stream, total_bytes=200, live=True)
    progress.page("groot.pdf", 3, 40)

    class Outcome:
        status, source_file, n_pages = "ok", "groot.pdf", 40

    progress.update(Outcome(), size=100)
    progress.page("ander.pdf", 7, 9)
    progress._draw()
    text = stream.getvalue()
    assert "groot.pdf p. 3/40" in text and "ander.pdf p. 7/9" in text and "ETA" in text
    logged = io.StringIO()
    lines = Progress(1, stream=logged, live=False)
    lines.update(Outcome())
    assert logged.getvalue()[:4].isdigit() and "T" in logged.getvalue()[:20]  # a timestamp first


def test_verbose_after_the_subcommand_quiet_and_a_summary_file(folder, tmp_path):
    summary = tmp_path / "run.json"
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(tmp_path / "out"), "-vv", "--summary", str(summary)])
    assert result.exit_code == 0, result.output
    assert logging.getLogger("pdfminer").getEffectiveLevel() == logging.WARNING
    assert logging.getLogger("raadsstukken").getEffectiveLevel() == logging.DEBUG
    data = json.loads(summary.read_text())
    assert data["counts"] == {"ok": 3} and data["exit_code"] == 0 and data["files"] == 3
    quiet = CliRunner().invoke(main, ["-q", "run", str(folder), "--out", str(tmp_path / "out")])
    assert quiet.exit_code == 0 and quiet.output == ""
    logging.getLogger("raadsstukken").setLevel(logging.NOTSET)


def test_a_run_compacts_datasets_with_many_parts_and_reports_pages_from_workers(folder, tmp_path, monkeypatch):
    import io

    monkeypatch.setattr(writer, "AUTO_COMPACT_PARTS", 2)
    pages: list[tuple[str, int, int]] = []

    class Recording(Progress):
        def __init__(self, total, enabled=True, stream=None, total_bytes=0, live=None):
            super().__init__(total, enabled, io.StringIO(), total_bytes, live=True)

        def page(self, source, number, of):
            pages.append((source, number, of))
            super().page(source, number, of)

    monkeypatch.setattr(run_module, "Progress", Recording)
    _paper(folder / "d.pdf", "de haven", pages=3)
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out, jobs=2, progress=True))
    assert ("d.pdf", 3, 3) in pages  # pages inside a file, from the worker processes
    for name in ("documents", "pages", "sections"):
        (segment,) = writer.dataset_files(out, name)
        assert segment.name.startswith(writer.SEGMENT_PREFIX)
    assert validate_directory(out) == []
