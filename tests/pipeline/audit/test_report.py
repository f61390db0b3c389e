"""The audit report: built from the samples' output, checked as text and in headless Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from raadsstukken.pipeline.notebook import load_output as load
from raadsstukken.pipeline.audit.report import build_report, write_report
from raadsstukken.pipeline.run import RunSettings, run

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "output"
    run(RunSettings(inputs=(ROOT / "raw",), out_dir=out))
    return out


def _sections_by_doc(page: str) -> dict[str, str]:
    parts = re.split(r"<section class=['\"]document['\"] id=['\"]", page)[1:]
    return {re.split(r"['\"]", p, maxsplit=1)[0]: p for p in parts}


def _check(page: str, docs) -> None:
    by_doc = _sections_by_doc(page)
    assert set(by_doc) == set(docs["doc_id"])
    for doc in docs.to_dict("records"):
        part = by_doc[doc["doc_id"]]
        assert "class=\"metadata\"" in part or "class='metadata'" in part
        assert "Decisions" in part
        assert re.search(r"<img alt=.page \d+", part), "a page image"
        assert "class='box" in part or 'class="box' in part, "boxes over the page"


def test_report_holds_every_document_with_metadata_decisions_and_boxed_pages(output):
    docs = load(output, "documents")
    page = build_report(output)
    _check(page, docs)
    nota = docs[docs["doc_type"] == "nota_bw"].iloc[0]
    assert "<ol class='decisions'>" in _sections_by_doc(page)[nota["doc_id"]]
    assert "<svg class='chart'" in page  # statistics charted over the years


def test_report_for_one_document(output):
    docs = load(output, "documents")
    doc_id = docs["doc_id"].iloc[0]
    page = build_report(output, doc_id)
    assert set(_sections_by_doc(page)) == {doc_id}
    with pytest.raises(KeyError):
        build_report(output, "geen-document")


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")
def test_report_renders_in_headless_chromium(output, tmp_path):
    target = write_report(output, tmp_path / "report.html")
    dom = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", target.as_uri()],
        capture_output=True, text=True, timeout=120, check=True,
    ).stdout
    _check(dom, load(output, "documents"))
