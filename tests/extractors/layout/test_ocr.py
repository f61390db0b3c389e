"""Scanned papers: pages without a usable text layer are OCR'd with Tesseract (Dutch)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import raadsstukken.extractors.layout.parse as document
from raadsstukken.extractors.layout.ocr import needs_ocr, tesseract
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = "deventer-2024-voortgangsrapportage-veiligheid"


def _scan(pages: range, target: Path) -> Path:
    """The sample's pages rendered to images and rebuilt as an image-only PDF."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(ROOT / "raw" / f"{SAMPLE}.pdf"))
    images = [pdf[i].render(scale=200 / 72).to_pil().convert("RGB") for i in pages]
    images[0].save(target, save_all=True, append_images=images[1:], resolution=200)
    return target


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed (.ci/run installs it)")
def test_scanned_pages_are_read_by_ocr(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    _scan(range(0, 3), folder / "scan.pdf")
    out = tmp_path / "out"
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert outcome.status == "ok"
    pages = pd.read_parquet(out / "pages")
    assert pages["ocr"].all() and not pages["text_layer"].any()
    text = set(_words(" ".join(pd.read_parquet(out / "sections")["text"].dropna())))
    gold = json.loads((ROOT / "tests" / "gold" / f"{SAMPLE}.json").read_text(encoding="utf-8"))
    probes = [p["text"] for p in gold["text_probes"] if p["doc_type"] in ("nota_bw", "raadsmededeling")]
    words = [w for p in probes for w in _words(p)]
    recall = sum(w in text for w in words) / len(words)
    assert recall >= 0.9, recall


def test_without_tesseract_a_scan_needs_ocr_and_says_how(tmp_path, monkeypatch):
    monkeypatch.setattr(document, "tesseract", lambda: None)
    folder = tmp_path / "in"
    folder.mkdir()
    _scan(range(2, 3), folder / "scan.pdf")
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out")).outcomes
    assert outcome.status == "needs_ocr" and "tesseract-ocr-nld" in outcome.error


def test_a_blank_page_is_not_a_scan(make_pdf, tmp_path, monkeypatch):
    monkeypatch.setattr(document, "tesseract", lambda: None)
    folder = tmp_path / "in"
    folder.mkdir()
    path = make_pdf([Page().add(56, 80, "Alleen de eerste bladzijde heeft tekst."), Page()], name="blanco.pdf")
    path.rename(folder / "blanco.pdf")
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out")).outcomes
    assert outcome.status == "ok"


def test_garbage_text_layer_needs_ocr():
    garbage = [{"text": "(cid:12)"}] * 30 + [{"text": "a"}] * 5
    assert needs_ocr(garbage) and not needs_ocr([{"text": "a"}] * 10)
    assert not needs_ocr([], image_share=0.0) and needs_ocr([], image_share=0.9)
