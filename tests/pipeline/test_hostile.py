"""Hostile and broken inputs: each ends as a clear `runs` row, never a crash or partial output."""
from __future__ import annotations

import errno
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

import raadsstukken.pipeline.writer as writer
from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.run import FileTask, RunSettings, process_file, run
from raadsstukken.pipeline.inputs import SourceInfo
from raadsstukken.schemas import validate_directory
from tests.pdfs import Page, write_pdf

ZERO_PAGES = (b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
              b"2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n"
              b"trailer <</Root 1 0 R>>\n%%EOF\n")


def _good(folder: Path, name: str, words: str = "de raad besluit") -> Path:
    return write_pdf(folder / name, [Page().add(56, 80, f"Tekst over {words} in deze brief.")])


def _encrypted(path: Path, user_password: str) -> Path:
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption(user_password, ownerPassword="eigenaar"))
    c.drawString(56, 700, "Vertrouwelijke tekst van het college.")
    c.showPage()
    c.save()
    return path


def _status(tmp_path: Path, folder: Path) -> dict[str, tuple[str, str | None]]:
    summary = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out"))
    assert validate_directory(tmp_path / "out") == []
    return {o.source_file: (o.status, o.error_type) for o in summary.outcomes}


def test_encrypted_with_an_empty_password_is_read_with_a_real_one_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _encrypted(folder / "open.pdf", "")
    _encrypted(folder / "dicht.pdf", "geheim")
    status = _status(tmp_path, folder)
    assert status == {"open.pdf": ("ok", None), "dicht.pdf": ("failed", "encrypted_pdf")}


def test_zero_pages_truncated_and_not_a_pdf(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "leeg.pdf").write_bytes(ZERO_PAGES)
    good = _good(folder, "goed.pdf")
    (folder / "afgebroken.pdf").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    (folder / "tekst.pdf").write_bytes("Dit is geen PDF maar een notitie.\n".encode())
    status = _status(tmp_path, folder)
    assert status["goed.pdf"] == ("ok", None)
    assert status["leeg.pdf"][0] == "failed" and status["leeg.pdf"][1] in ("empty_pdf", "invalid_pdf")
    assert status["tekst.pdf"] == ("failed", "invalid_pdf")
    assert status["afgebroken.pdf"][0] in ("ok", "failed")  # what pdfminer can recover is kept, or a clear error


def test_same_file_twice_and_awkward_names(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    first = _good(folder, "raad besluit.pdf")
    (folder / "kopie van raad besluit.pdf").write_bytes(first.read_bytes())
    _good(folder, "vergadering één.pdf", "de kermis")
    _good(folder, "-begroting.pdf", "de begroting")
    result = CliRunner().invoke(main, ["run", "--out", str(tmp_path / "out"), "--", str(folder)])
    assert result.exit_code == 0, result.output
    runs = pd.read_parquet(tmp_path / "out" / "runs").set_index("source_file")
    assert set(runs.index) == {"kopie van raad besluit.pdf", "vergadering één.pdf", "-begroting.pdf"}
    assert list(runs.loc["kopie van raad besluit.pdf", "other_names"]) == ["raad besluit.pdf"]
    assert len(pd.read_parquet(tmp_path / "out" / "documents")) == 3  # extracted once


def test_full_disk_fails_one_file_and_leaves_no_partial_output(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, "a.pdf", "de markt")
    _good(folder, "b.pdf", "het zwembad")
    real = writer.pq.write_table
    calls = {"n": 0}

    def full_disk(table, where, **kw):
        calls["n"] += Path(where).parent.name == "sections"
        # midway through the second file's tables (after documents and pages)
        if calls["n"] == 2 and Path(where).parent.name == "sections":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(table, where, **kw)

    monkeypatch.setattr(writer.pq, "write_table", full_disk)
    status = _status(tmp_path, folder)
    assert sorted(s for s, _ in status.values()) == ["failed", "ok"]
    assert ("failed", "write_error") in status.values()
    out = tmp_path / "out"
    assert not list(out.rglob("*.partial"))
    parts = {p.name for p in (out / "sections").glob("*.parquet")}
    assert len(parts) == 1  # only the file that was written whole


def test_unwritable_output_is_a_usage_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, "a.pdf")
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map")
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(blocker / "out")])
    assert result.exit_code == 2 and "cannot write" in result.output


def test_rerun_with_failures_keeps_good_rows_identical(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, "a.pdf", "de markt")
    _good(folder, "b.pdf", "het zwembad")
    (folder / "c.pdf").write_bytes(b"kapot")
    (folder / "d.pdf").write_bytes(ZERO_PAGES[:40])
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    before = pd.read_parquet(out / "sections").sort_values("section_id").reset_index(drop=True)
    run(RunSettings(inputs=(folder,), out_dir=out, force=True))
    after = pd.read_parquet(out / "sections").sort_values("section_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(before, after)


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "seed.pdf"
    page = Page().add(56, 60, "Raadsvoorstel", size=16, bold=True).add(56, 90, "Onderwerp: Nieuwe speeltuin")
    page.lines(56, 120, ["1. het krediet beschikbaar te stellen;", "2. de raad te informeren."])
    return write_pdf(path, [page]).read_bytes()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_pdfs_end_in_ok_or_a_clean_failure(seed_pdf, tmp_path_factory, data):
    raw = bytearray(seed_pdf)
    for _ in range(data.draw(st.integers(1, 20))):
        i = data.draw(st.integers(0, len(raw) - 1))
        raw[i] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(0, len(raw)))]
    path = tmp_path_factory.mktemp("mutant") / "mutant.pdf"
    path.write_bytes(bytes(raw))
    outcome = process_file(FileTask(path, "mutant.pdf", "0" * 64, SourceInfo(), timeout=20))
    assert outcome.status in ("ok", "failed", "needs_ocr")
    if outcome.status == "failed":
        assert outcome.error_type and outcome.error and not outcome.tables


def _raw_pdf(content: bytes) -> bytes:
    """A one-page PDF around a (Flate-compressed) content stream."""
    import zlib

    stream = zlib.compress(content, 9)
    objects = [b"<</Type /Catalog /Pages 2 0 R>>", b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
               b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R>>",
               b"<</Length %d /Filter /FlateDecode>>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_decompression_bomb_fails_alone_under_a_memory_cap(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bom.pdf").write_bytes(_raw_pdf(b" " * (600 * 1024 * 1024)))
    _good(folder, "goed.pdf")
    summary = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out", max_memory_mb=256))
    status = {o.source_file: (o.status, o.error_type) for o in summary.outcomes}
    assert status["goed.pdf"] == ("ok", None)
    assert status["bom.pdf"] == ("failed", "memory")


def test_page_with_many_tiny_objects_finishes(tmp_path):
    ops = b"".join(b"%d %d 2 2 re f\n" % (20 + (i % 270) * 2, 20 + (i // 270) * 2) for i in range(100_000))
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "stippen.pdf").write_bytes(_raw_pdf(ops))
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out", timeout=120)).outcomes
    assert outcome.status in ("ok", "needs_ocr") or outcome.error_type == "timeout"


def test_two_thousand_pages(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    c = canvas.Canvas(str(folder / "lang.pdf"))
    for n in range(2000):
        c.drawString(56, 780, f"Bijlage {n + 1}: overzicht van vergunning {n + 1}.")
        c.showPage()
    c.save()
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out")).outcomes
    assert (outcome.status, outcome.n_pages) == ("ok", 2000)
    assert len(pd.read_parquet(tmp_path / "out" / "pages")) == 2000


def test_deeply_nested_objects_fail_cleanly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    nested = b"[" * 200_000 + b"]" * 200_000
    raw = _raw_pdf(b"BT /F1 12 Tf 56 700 Td (tekst) Tj ET").replace(b"/MediaBox", b"/Nest " + nested + b" /MediaBox")
    (folder / "diep.pdf").write_bytes(raw)
    _good(folder, "goed.pdf")
    status = _status(tmp_path, folder)
    assert status["goed.pdf"] == ("ok", None)
    assert status["diep.pdf"][0] in ("ok", "failed", "needs_ocr")


def test_nothing_is_written_outside_the_output(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder, "a.pdf")
    monkeypatch.chdir(tmp_path)
    before = {p for p in tmp_path.rglob("*")}
    run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out"))
    after = {p for p in tmp_path.rglob("*")}
    assert all(tmp_path / "out" in p.parents or p == tmp_path / "out" for p in after - before)


def test_broken_xref_is_recovered_and_said(tmp_path):
    import re

    folder = tmp_path / "in"
    folder.mkdir()
    good = _good(folder, "goed.pdf").read_bytes()
    (folder / "goed.pdf").unlink()
    (folder / "hersteld.pdf").write_bytes(re.sub(rb"startxref\s+\d+", b"startxref\n123", good))
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out")).outcomes
    assert (outcome.status, outcome.error_type) == ("ok", None)
    assert any(w.startswith("repaired:") for w in outcome.warnings)
    assert "Tekst over de raad besluit in deze brief." in " ".join(pd.read_parquet(tmp_path / "out" / "sections")["text"])


def test_recursive_object_references_fail_cleanly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = _raw_pdf(b"BT /F1 12 Tf 56 700 Td (tekst) Tj ET")
    raw = raw.replace(b"<</Type /Pages /Kids [3 0 R] /Count 1>>", b"<</Type /Pages /Kids [3 0 R 2 0 R] /Count 2>>")
    raw = raw.replace(b"/Parent 2 0 R", b"/Parent 2 0 R /Loop 3 0 R")
    (folder / "kring.pdf").write_bytes(raw)
    _good(folder, "goed.pdf")
    status = _status(tmp_path, folder)
    assert status["goed.pdf"] == ("ok", None)
    assert status["kring.pdf"][0] in ("ok", "failed", "needs_ocr")
