"""OCR for pages without a usable text layer (scans), with Tesseract's Dutch model.

A page is OCR'd when it has no text layer, or one that is mostly glyphs without a Unicode mapping
(pdfminer's "(cid:N)"). The page is rendered with pdfium, Tesseract reads it (`-l nld`, TSV
output with word boxes), and its words become glyph records in the page's coordinates, so the
normal page layer (lines, blocks, reading order, sections) carries on as for a born-digital page.

Tesseract is a system program: Debian's `tesseract-ocr` and `tesseract-ocr-nld`. Without it, such
pages stay empty and the file ends as `needs_ocr` with a message saying how to install it.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

_log = logging.getLogger(__name__)

DPI = 300
LANGUAGE = "nld"
INSTALL_HINT = "install Tesseract with Dutch: apt-get install tesseract-ocr tesseract-ocr-nld"
UNMAPPED_SHARE = 0.5
"""A text layer whose glyphs are mostly unmapped ("(cid:N)") is garbage: OCR the page instead."""
MIN_CONFIDENCE = 20.0
"""Tesseract words below this confidence (0-100) are noise (specks, rules, stamps)."""


@lru_cache(maxsize=1)
def tesseract() -> str | None:
    """Path of a Tesseract that has the Dutch model, or None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return exe if LANGUAGE in langs.split() else None


SCAN_SHARE = 0.3
"""An empty page is a scan when images cover at least this share of it (else it is blank)."""


def needs_ocr(chars: list[dict] | list, image_share: float = 1.0) -> bool:
    """Whether a page's text layer is unusable: empty on a page that is an image (a scan, not a
    blank page), or mostly unmapped glyphs."""
    texts = [c["text"] if isinstance(c, dict) else c.text for c in chars]
    texts = [t for t in texts if not t.isspace()]
    if not texts:
        return image_share >= SCAN_SHARE
    unmapped = sum(1 for t in texts if t.startswith("(cid:") or t == "\ufffd")
    return unmapped / len(texts) > UNMAPPED_SHARE


def ocr_chars(pdf_path: Path | bytes, page_index: int, page_width: float, page_height: float) -> list[dict]:
    """Glyph records (one per word, with a space between words) of a page read by Tesseract."""
    exe = tesseract()
    if exe is None:
        raise RuntimeError(INSTALL_HINT)
    png = _render(pdf_path, page_index)
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread per page: faster, and runs may be parallel
    result = subprocess.run([exe, "stdin", "stdout", "-l", LANGUAGE, "--psm", "3", "tsv"], input=png,
                            capture_output=True, timeout=600, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"tesseract failed: {result.stderr.decode(errors='replace')[:200]}")
    return _words_to_chars(result.stdout.decode("utf-8", errors="replace"), page_width, page_height)


def _render(pdf_path: Path | bytes, page_index: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(pdf_path if isinstance(pdf_path, bytes) else str(pdf_path))
    try:
        image = pdf[page_index].render(scale=DPI / 72).to_pil().convert("L")
    finally:
        pdf.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return buf.getvalue()


def _words_to_chars(tsv: str, page_width: float, page_height: float) -> list[dict]:
    scale = 72.0 / DPI
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_height: dict[tuple, float] = {}
    for r in rows:
        if r.get("level") == "4":
            line_height[(r["page_num"], r["block_num"], r["par_num"], r["line_num"])] = float(r["height"]) * scale
    chars: list[dict] = []
    previous_line = None
    for r in rows:
        if r.get("level") != "5":
            continue
        text = (r.get("text") or "").strip()
        if not text or float(r.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        line = (r["page_num"], r["block_num"], r["par_num"], r["line_num"])
        x0, top = float(r["left"]) * scale, float(r["top"]) * scale
        x1, bottom = x0 + float(r["width"]) * scale, top + float(r["height"]) * scale
        height = line_height.get(line, bottom - top)
        size = round(max(height * 0.8, 4.0), 1)
        line_top = top if line not in line_height else min(top, bottom - height)
        if previous_line == line and chars:
            chars.append({"text": " ", "x0": chars[-1]["x1"], "x1": x0, "top": line_top, "bottom": line_top + height,
                          "size": size, "fontname": "ocr", "matrix": (size, 0.0, 0.0, size, x0, 0.0)})
        chars.append({"text": text, "x0": x0, "x1": x1, "top": line_top, "bottom": line_top + height, "size": size,
                      "fontname": "ocr", "matrix": (size, 0.0, 0.0, size, x0, 0.0)})
        previous_line = line
    return [c for c in chars if 0 <= c["x0"] <= page_width and 0 <= c["top"] <= page_height]
