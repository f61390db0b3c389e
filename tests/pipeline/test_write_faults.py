"""A disk that fills up or is remounted read-only at the end of a run: a clear write_error, no
traceback, no temporary file left; the next run finishes the job."""
from __future__ import annotations

import errno
import os

import pytest
from click.testing import CliRunner

import raadsstukken.pipeline.run as run_module
from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.manifest import MANIFEST, Manifest
from raadsstukken.pipeline.writer import TEMP_PREFIX, temporary_files
from raadsstukken.schemas import validate_directory
from tests.pdfs import Page, write_pdf


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS])
def test_a_full_or_read_only_disk_at_the_end_is_a_write_error(tmp_path, monkeypatch, code):
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "brief.pdf", [Page().add(56, 80, "De raad neemt kennis van de brief over de haven.")])
    out = tmp_path / "out"
    real_replace, real_close = os.replace, run_module.Progress.close
    broken = {"on": False}

    def replace(src, dst, *args, **kwargs):
        if broken["on"]:
            raise OSError(code, os.strerror(code))
        return real_replace(src, dst, *args, **kwargs)

    def close(self):  # every file is done: from here on the disk refuses every write
        real_close(self)
        broken["on"] = True

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(run_module.Progress, "close", close)
    result = CliRunner().invoke(main, ["-q", "run", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "write_error" in result.output and os.strerror(code) in result.output
    assert "Traceback" not in result.output
    assert temporary_files(out) == [] and not [p for p in out.rglob(f"{TEMP_PREFIX}*")]
    broken["on"] = False
    monkeypatch.setattr(run_module.Progress, "close", real_close)
    again = CliRunner().invoke(main, ["-q", "run", str(folder), "--out", str(out)])
    assert again.exit_code == 0, again.output
    assert list(Manifest.load(out).files) == ["brief.pdf"] and (out / MANIFEST).stat().st_size > 0
    assert validate_directory(out) == []


def test_a_zero_byte_temporary_manifest_is_removed_on_the_next_start(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_pdf(folder / "brief.pdf", [Page().add(56, 80, "Een korte brief aan de raad.")])
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{TEMP_PREFIX}abcd.json").write_bytes(b"")
    assert CliRunner().invoke(main, ["-q", "run", str(folder), "--out", str(out)]).exit_code == 0
    assert temporary_files(out) == []
