"""A large run writes its rows straight as segments (writer.write_segments via run._Batch): the
same rows as a part per file, each dataset one segment, reruns replace instead of doubling, a
failed write leaves nothing half-written, and the tail segments of many runs are merged."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import raadsstukken.pipeline.run as run_module
from raadsstukken.pipeline import writer
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS, validate_directory
from tests.pdfs import write_report


def _paper(path: Path, topic: str, pages: int = 1) -> Path:
    """A report with an amount on each page (so every dataset a batch writes has rows)."""
    return write_report(path, topic, pages, title="Overzicht van {topic}, deel {part}",
                        lines=("Het college van Weidebroek meldt EUR 1.250 voor {topic}.", "Verder niets te melden."))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    for i, topic in enumerate(("de speeltuin", "het wijkcentrum", "de begraafplaats", "het gemaal")):
        _paper(f / f"p{i}.pdf", topic, pages=1 + i % 2)
    return f


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_parquet(out / n).sort_values(list(d.key)).reset_index(drop=True)
            for n, d in DATASETS.items() if n != "runs"}


def _loose(out: Path) -> list[Path]:
    return [p for n in DATASETS if n != "runs" for p in writer.dataset_files(out, n)
            if not p.name.startswith(writer.SEGMENT_PREFIX) and p.name != writer.EMPTY_PART
            and p.stem not in writer.UNCOMPACTED]


def test_a_large_run_writes_segments_with_the_rows_of_parts_and_reruns_replace_them(folder, tmp_path, monkeypatch):
    parts_out, batch_out = tmp_path / "parts", tmp_path / "batch"
    run(RunSettings(inputs=(folder,), out_dir=parts_out, compact=False))  # a part per file
    assert _loose(parts_out)
    monkeypatch.setattr(writer, "AUTO_COMPACT_PARTS", 2)
    written: list[str] = []
    real = writer.write_parts

    def spy(out, part, tables, **kw):
        written.append(part)
        return real(out, part, tables, **kw)

    monkeypatch.setattr(run_module, "write_parts", spy)
    run(RunSettings(inputs=(folder,), out_dir=batch_out))
    assert written == [] and _loose(batch_out) == []  # no part per file, nothing to compact afterwards
    for name in ("documents", "pages", "sections", "amounts"):
        (segment,) = writer.dataset_files(batch_out, name)
        assert [p for p, _ in writer.segment_parts(segment)] == sorted(p for p, _ in writer.segment_parts(segment))
    expected = _tables(parts_out)
    for name, frame in _tables(batch_out).items():
        pd.testing.assert_frame_equal(frame, expected[name], obj=name)
    assert validate_directory(batch_out) == []
    # a forced rerun replaces the rows (no doubles); a changed file's old rows go
    run(RunSettings(inputs=(folder,), out_dir=batch_out, force=True))
    for name, frame in _tables(batch_out).items():
        pd.testing.assert_frame_equal(frame, expected[name], obj=name)
    _paper(folder / "p0.pdf", "de kinderboerderij")
    run(RunSettings(inputs=(folder,), out_dir=batch_out, force=True))
    headings = list(pd.read_parquet(batch_out / "sections")["heading"])
    assert "Overzicht van de kinderboerderij, deel 1" in headings and "Overzicht van de speeltuin, deel 1" not in headings
    assert len(headings) == len(set(headings)) and validate_directory(batch_out) == []


def test_a_failed_batch_write_fails_its_files_and_leaves_nothing_half_written(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "AUTO_COMPACT_PARTS", 2)
    out = tmp_path / "out"

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "_write_segment", full_disk)
    summary = run(RunSettings(inputs=(folder,), out_dir=out))
    assert {o.status for o in summary.outcomes} == {"failed"}
    assert {o.error_type for o in summary.outcomes} == {"write_error"}
    assert writer.temporary_files(out) == []
    assert all(pd.read_parquet(out / n).empty for n in DATASETS if n != "runs")
    monkeypatch.undo()
    monkeypatch.setattr(writer, "AUTO_COMPACT_PARTS", 2)
    summary = run(RunSettings(inputs=(folder,), out_dir=out))  # nothing was recorded: all done again
    assert {o.status for o in summary.outcomes} == {"ok"} and validate_directory(out) == []


def test_small_batches_give_the_same_rows_and_tail_segments_are_merged(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "AUTO_COMPACT_PARTS", 2)
    whole, pieces = tmp_path / "whole", tmp_path / "pieces"
    run(RunSettings(inputs=(folder,), out_dir=whole))
    monkeypatch.setattr(run_module, "BATCH_BYTES", 1)  # every file its own batch
    run(RunSettings(inputs=(folder,), out_dir=pieces, compact=False))  # loose parts: not a batch run
    run(RunSettings(inputs=(folder,), out_dir=pieces, force=True))  # segments of one file each
    expected = _tables(whole)
    for name, frame in _tables(pieces).items():
        pd.testing.assert_frame_equal(frame, expected[name], obj=name)
    # four small segments per dataset: at AUTO_COMPACT_PARTS (2) small segments the run merged them
    assert len(writer.dataset_files(pieces, "pages")) == 1
    assert validate_directory(pieces) == []
