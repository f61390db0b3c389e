"""The early reader (pipeline/early.py): with --jobs 2 the first file's pages are read while the
parent loads the model, and the run ends as it would without it."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pandas as pd
import pytest

import raadsstukken.pipeline.early as early_module
import raadsstukken.pipeline.run as run_module
from raadsstukken.pipeline import worker
from raadsstukken.pipeline.run import FileTask, RunSettings, run
from raadsstukken.schemas import DATASETS
from tests.pdfs import Page, write_pdf


def _paper(path: Path, topic: str, pages: int = 1) -> Path:
    sheets = []
    for n in range(pages):
        page = Page().add(56, 60, f"Hoofdstuk {n + 1}: {topic}", size=14, bold=True)
        page.lines(56, 90, [f"De gemeente Kleindorp rapporteert over {topic}.", "Er zijn geen bijzonderheden.",
                            f"Voor {topic} is in 2025 EUR 12.500 beschikbaar."])
        sheets.append(page)
    return write_pdf(path, sheets)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    f.mkdir()
    _paper(f / "groot.pdf", "het havenbedrijf", pages=4)  # the largest: read early
    for name, topic in (("a.pdf", "de bibliotheek"), ("b.pdf", "het zwembad"), ("c.pdf", "de markt")):
        _paper(f / name, topic)
    return f


class _Recorded(early_module.EarlyRead):
    """An EarlyRead that notes which file it read and whether the worker got pages from it."""

    seen: list[tuple[str, bool]] = []

    def take(self, source):  # type: ignore[no-untyped-def]
        got = super().take(source)
        _Recorded.seen.append((source, isinstance(got, tuple) and got[0] is not None))
        return got

    def claim(self, source):  # type: ignore[no-untyped-def]
        claimed = super().claim(source)  # a worker took it before the reader began it: no pages from it
        if claimed:
            _Recorded.seen.append((source, False))
        return claimed


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    """{file: whether its worker got its pages from the early reader}, of the runs of the test. The
    model loads as in a fresh process (the tests' process loaded it before) and takes 3 s longer,
    so the reader has the time to read the few small files."""
    _Recorded.seen = []
    monkeypatch.setattr(early_module, "EarlyRead", _Recorded)
    monkeypatch.setattr(worker, "_preloaded", False)
    real = worker._preload

    def slow_preload() -> None:
        time.sleep(3)
        real()

    monkeypatch.setattr(worker, "_preload", slow_preload)
    seen: dict[str, bool] = {}

    class View(dict):  # type: ignore[type-arg]
        def __eq__(self, other: object) -> bool:
            return dict(_Recorded.seen) == other

        def __repr__(self) -> str:
            return repr(dict(_Recorded.seen))

    return View(seen)


def _content(out: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(out / name).sort_values(list(d.key)).reset_index(drop=True)
            for name, d in DATASETS.items() if name != "runs"}


def _runs(out: Path) -> list[tuple]:
    runs = pd.read_parquet(out / "runs")
    return sorted((r.source_file, r.file_id, r.status, r.error_type, r.error,
                   None if pd.isna(r.n_pages) else int(r.n_pages), tuple(r.warnings if r.warnings is not None else ()))
                  for r in runs.itertuples())


def test_with_two_jobs_the_largest_file_is_read_early_and_the_rows_are_those_of_one_job(folder, tmp_path, recorded):
    one, two = tmp_path / "one", tmp_path / "two"
    run(RunSettings(inputs=(folder,), out_dir=one, jobs=1))
    assert recorded == {}  # one job computes in one process at a time: nothing read early
    worker._preloaded = False  # (the monkeypatch puts it back)
    summary = run(RunSettings(inputs=(folder,), out_dir=two, jobs=2))
    assert recorded == {"groot.pdf": True, "a.pdf": True, "b.pdf": True, "c.pdf": True}
    assert {o.source_file: o.n_pages for o in summary.outcomes} == {"a.pdf": 1, "b.pdf": 1, "c.pdf": 1, "groot.pdf": 4}
    left, right = _content(one), _content(two)
    for name in left:
        pd.testing.assert_frame_equal(left[name], right[name])
    assert _runs(one) == _runs(two)


def test_a_largest_file_that_does_not_parse_fails_as_it_does_with_one_job(folder, tmp_path, recorded):
    size = (folder / "groot.pdf").stat().st_size  # still the largest, and not read by page ranges
    (folder / "groot.pdf").write_bytes((b"%PDF-1.4\n" + b"geen pdf maar ruis " * size)[:size])
    one, two = tmp_path / "one", tmp_path / "two"
    run(RunSettings(inputs=(folder,), out_dir=one, jobs=1))
    worker._preloaded = False
    summary = run(RunSettings(inputs=(folder,), out_dir=two, jobs=2))
    # the reader gave up on it (the worker read it and failed) and read the others
    assert recorded == {"groot.pdf": False, "a.pdf": True, "b.pdf": True, "c.pdf": True}
    status = {o.source_file: (o.status, o.error_type) for o in summary.outcomes}
    assert status["groot.pdf"] == ("failed", "invalid_pdf")
    assert _runs(one) == _runs(two)


def test_an_early_read_over_the_time_budget_fails_the_file_and_the_batch_goes_on(folder, tmp_path, monkeypatch,
                                                                                  recorded):
    real = run_module._open_and_parse

    def slow(path, parse_pdf):  # the reader is forked from this process: it sleeps too
        if path.name == "groot.pdf":
            time.sleep(60)
        return real(path, parse_pdf)

    monkeypatch.setattr(run_module, "_open_and_parse", slow)
    summary = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out", jobs=2, timeout=4))
    # stopped at its budget: the reader read nothing more, the workers read the others
    assert recorded == {"groot.pdf": False, "a.pdf": False, "b.pdf": False, "c.pdf": False}
    outcomes = {o.source_file: o for o in summary.outcomes}
    assert (outcomes["groot.pdf"].status, outcomes["groot.pdf"].error_type) == ("failed", "timeout")
    assert "stage parse" in outcomes["groot.pdf"].error
    assert {s: o.status for s, o in outcomes.items() if s != "groot.pdf"} == {"a.pdf": "ok", "b.pdf": "ok", "c.pdf": "ok"}


def test_closing_an_early_read_at_work_stops_its_process(folder, monkeypatch):
    real = run_module._open_and_parse

    def slow(path, parse_pdf):
        time.sleep(60)
        return real(path, parse_pdf)

    monkeypatch.setattr(run_module, "_open_and_parse", slow)
    path = folder / "groot.pdf"
    task = FileTask(path, path.name, "0" * 64, run_module.SourceInfo(), timeout=120, max_memory_mb=512,
                    size=path.stat().st_size)
    reader = early_module.EarlyRead([task])
    pid = reader._worker.pid
    assert pid is not None
    time.sleep(0.3)
    t0 = time.monotonic()
    reader.close()
    assert not isinstance(reader.take(task.source), tuple)  # no pages, and not waited for: the process was killed
    assert time.monotonic() - t0 < 10
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
