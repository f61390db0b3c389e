"""OCR modes (`--ocr auto|force|off`), text-layer quality, retries of `needs_ocr` files and bounded
renders."""
from __future__ import annotations

import pandas as pd
import pytest

import raadsstukken.extractors.layout.ocr as ocr_module
import raadsstukken.extractors.layout.parse as document
from raadsstukken.extractors.layout.ocr import OcrSettings, render_scale, retry_needs_ocr, tesseract
from raadsstukken.extractors.layout.records import Char
from raadsstukken.extractors.layout.text_layer import text_quality
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page

needs_tesseract = pytest.mark.skipif(tesseract() is None, reason="Tesseract with Dutch is not installed")


def _scan(tmp_path, make_pdf, name="scan.pdf"):
    """A page of typeset text rendered to an image and rebuilt as an image-only PDF."""
    import pypdfium2 as pdfium

    lines = ["Het bestuur van de stichting vergaderde over de begroting.",
             "De penningmeester lichtte de cijfers van het derde kwartaal toe."]
    page = Page()
    page.lines(60, 80, lines, size=12, leading=18)
    born = make_pdf([page], name="born.pdf")
    image = pdfium.PdfDocument(str(born))[0].render(scale=200 / 72).to_pil().convert("RGB")
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    image.save(folder / name, resolution=200)
    return folder


def _glyphs(text):
    return [Char(t, i, 0, i + 1, 10, 10, "Helvetica") for i, t in enumerate(text)]


def test_text_quality_counts_unmapped_glyphs_code_points_outside_scripts_and_mojibake():
    assert text_quality(_glyphs("Een gewone zin.")) == 1.0
    assert text_quality([]) is None
    assert text_quality(_glyphs("\ufffd" * 8 + "ab")) == pytest.approx(0.2)
    assert text_quality(_glyphs("\ue000\ue001\ue002ab")) == pytest.approx(0.4)  # private use area
    assert text_quality(_glyphs("caf\u00c3\u00a9 \u00e2\u20ac\u2122t")) < 0.6  # UTF-8 read as cp1252


def test_ocr_settings_are_checked():
    with pytest.raises(ValueError):
        OcrSettings(mode="sometimes")
    with pytest.raises(ValueError):
        OcrSettings(language="nld; rm -rf")
    with pytest.raises(ValueError):
        RunSettings(ocr="never")
    assert OcrSettings(language="nld+eng").language == "nld+eng"


def test_a_render_is_bounded_in_pixels():
    assert render_scale(595, 842, 300) == pytest.approx(300 / 72)
    huge = render_scale(14400, 14400, 300)  # a 200-inch MediaBox
    assert (14400 * huge) ** 2 <= ocr_module.MAX_PIXELS * 1.001


def test_ocr_off_leaves_a_scan_needing_ocr(tmp_path, make_pdf):
    folder = _scan(tmp_path, make_pdf)
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out", ocr="off")).outcomes
    assert outcome.status == "needs_ocr"


@needs_tesseract
def test_a_needs_ocr_file_is_retried_once_tesseract_is_there(tmp_path, make_pdf, monkeypatch):
    folder = _scan(tmp_path, make_pdf)
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        m.setattr(document, "tesseract", lambda: None)
        m.setattr(ocr_module, "tesseract", lambda: None)
        (first,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert first.status == "needs_ocr"
    assert retry_needs_ocr("needs_ocr") and not retry_needs_ocr("ok") and not retry_needs_ocr("needs_ocr", mode="off")
    (second,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes  # no --force
    assert second.status == "ok"
    (third,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert third.status == "skipped"
    pages = pd.read_parquet(out / "pages")
    assert pages["ocr"].all() and (pages["n_chars"] > 50).all() and pages["ocr_confidence"].between(0.5, 1).all()
    text = " ".join(pd.read_parquet(out / "sections")["text"].dropna())
    assert "penningmeester" in text


@needs_tesseract
def test_ocr_force_reads_a_born_digital_page_by_ocr(tmp_path, make_pdf):
    folder = tmp_path / "in"
    folder.mkdir()
    make_pdf([Page().add(60, 80, "De wethouder opende de vergadering om acht uur.", size=12)], name="x.pdf").rename(
        folder / "x.pdf")
    out = tmp_path / "out"
    (auto,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert not pd.read_parquet(out / "pages")["ocr"].any()
    (forced,) = run(RunSettings(inputs=(folder,), out_dir=out, ocr="force")).outcomes  # other settings: extracted again
    assert forced.status == "ok"
    pages = pd.read_parquet(out / "pages")
    assert pages["ocr"].all() and pages["text_quality"].eq(1.0).all()
    assert "wethouder" in " ".join(pd.read_parquet(out / "sections")["text"].dropna())


@needs_tesseract
def test_a_page_of_mojibake_is_ocrd_in_auto_mode(monkeypatch):
    from raadsstukken.extractors.layout.text_layer import quality_rules

    bad = _glyphs("\ufffd\ufffd\ue000abc")
    rules = quality_rules()
    quality = text_quality(bad)
    assert quality is not None and quality < rules.min_quality
    assert ocr_module.ocr_decision("auto", bad, 0.0, quality, rules.min_quality, rules.sparse) == ocr_module.REPLACE
    good = _glyphs("Gewone tekst van een raadsvoorstel.")
    assert ocr_module.ocr_decision("auto", good, 0.0, 1.0, rules.min_quality, rules.sparse) is None
    assert ocr_module.ocr_decision("auto", _glyphs("12345"), 1.0, 1.0, rules.min_quality, rules.sparse) == ocr_module.ADD
    assert ocr_module.ocr_decision("off", bad, 1.0, quality, rules.min_quality, rules.sparse) is None
