#!/usr/bin/env python3
"""OCR speed and word recall: the pipeline's page layer against a plain `pdftoppm -r 300` +
`tesseract -l nld`, on the same scanned pages, in one run.

usage: python bench/ocr.py [PDF_OR_DIR ...] [--json FILE] [--dpi N] [--workers N] [--no-plain]

Default input: the scanned variants of the development corpus (bench/corpus/pdf/scanned-*). The
reference text of a scanned page is the text layer of the born-digital PDF it was rendered from
(same file name in the family folder without `scanned-`), read by poppler's `pdftotext`; word
recall is the share of its \\w+ words (a multiset, case-folded, NFKC) that a tool's text has.

(A) `parse_pdf(path, OcrSettings("auto"))`: the whole page layer (render with pdfium, Tesseract in
a pool of single-threaded processes, one per CPU unless --workers, then lines, blocks, reading
order); its text is every line of every block plus header, footer and page label.
(B) for each PDF `pdftoppm -r 300 -png`, then `tesseract PAGE.png stdout -l nld` per page, one
after the other, with Tesseract's own default threading: what a user would script.

`--no-plain` runs (A) alone (to measure a change of the page layer; (B) does not change with it).
Wall seconds are measured per tool over all pages (A first, then B); pages per second = pages /
wall seconds. CPU seconds (user + system of this process and of the programs it ran: Tesseract,
pdftoppm) are measured too, and the load average at each tool's start and end: on a shared
machine the wall times follow the load, the CPU seconds much less.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "bench" / "corpus" / "pdf"


def words(text: str) -> Counter:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ĳ", "ij")
    return Counter(re.findall(r"\w+", text))


def recall(ref: Counter, got: Counter) -> float:
    total = sum(ref.values())
    return 1 - sum((ref - got).values()) / total if total else 1.0


def reference_of(scan: Path) -> Path | None:
    family = scan.parent.name
    if not family.startswith("scanned-"):
        return None
    born = scan.parent.parent / family[len("scanned-"):] / scan.name
    return born if born.exists() else None


def n_pages(pdf: Path) -> int:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def cpu() -> float:
    """User + system CPU seconds of this process and its waited-for children so far."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def ours(pdfs: list[Path], dpi: int, workers: int) -> tuple[float, dict[Path, str]]:
    from raadsstukken.extractors.layout.ocr import OcrSettings
    from raadsstukken.extractors.layout.parse import parse_pdf

    settings = OcrSettings("auto", "nld", dpi=dpi, workers=workers)
    texts = {}
    t0 = time.perf_counter()
    for pdf in pdfs:
        parsed = parse_pdf(pdf, settings)
        parts = []
        for page in parsed.pages:
            parts += [page.header or "", page.footer or "", page.page_label or ""]
            parts += [line.raw_text for block in page.blocks for line in block.lines]
        texts[pdf] = "\n".join(parts)
    return time.perf_counter() - t0, texts


def plain(pdfs: list[Path]) -> tuple[float, dict[Path, str]]:
    texts = {}
    t0 = time.perf_counter()
    for pdf in pdfs:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), f"{tmp}/p"], check=True)
            parts = []
            for png in sorted(Path(tmp).glob("p-*.png")):
                parts.append(subprocess.run(["tesseract", str(png), "stdout", "-l", "nld"], capture_output=True,
                                            text=True, check=True).stdout)
            texts[pdf] = "\n".join(parts)
    return time.perf_counter() - t0, texts


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="*", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--dpi", type=int, default=300, help="resolution of (A)'s renders")
    ap.add_argument("--workers", type=int, default=0, help="(A)'s Tesseract processes (0: one per CPU)")
    ap.add_argument("--no-plain", action="store_true", help="run (A) only, not (B)")
    a = ap.parse_args()
    inputs = a.inputs or sorted(CORPUS.glob("scanned-*"))
    pdfs = sorted(p for i in inputs for p in ([i] if i.suffix == ".pdf" else i.rglob("*.pdf")))
    pages = sum(n_pages(p) for p in pdfs)
    refs = {p: reference_of(p) for p in pdfs}
    ref_words = {p: words(subprocess.run(["pdftotext", "-q", str(r), "-"], capture_output=True, text=True).stdout)
                 for p, r in refs.items() if r is not None}
    tess = subprocess.run(["tesseract", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    print(f"{len(pdfs)} PDFs, {pages} pages; nproc {os.cpu_count()}, load {os.getloadavg()[0]:.1f}; {tess}; "
          f"Python {platform.python_version()}", file=sys.stderr)
    load0, cpu0 = os.getloadavg()[0], cpu()
    a_s, a_text = ours(pdfs, a.dpi, a.workers)
    load1, cpu1 = os.getloadavg()[0], cpu()
    tools = [(f"(A) raadsstukken page layer, {a.dpi} dpi, workers {a.workers or os.cpu_count()}", a_s, a_text,
              cpu1 - cpu0, (load0, load1))]
    if not a.no_plain:
        b_s, b_text = plain(pdfs)
        tools.append(("(B) pdftoppm -r 300 + tesseract -l nld", b_s, b_text, cpu() - cpu1, (load1, os.getloadavg()[0])))
    rows = []
    for name, secs, texts, cpu_s, loads in tools:
        ref_all, got_all = Counter(), Counter()
        per_file = []
        for p, ref in ref_words.items():
            got = words(texts[p])
            ref_all += ref
            per_file.append(recall(ref, got))
            got_all += got & ref  # the words of this file found, for the micro figure
        micro = sum(got_all.values()) / max(sum(ref_all.values()), 1)
        rows.append({"tool": name, "pages": pages, "wall_s": round(secs, 2), "pages_per_s": round(pages / secs, 3),
                     "cpu_s": round(cpu_s, 2), "cpu_s_per_page": round(cpu_s / pages, 2),
                     "load_start_end": [round(x, 1) for x in loads],
                     "word_recall_micro": round(micro, 4), "word_recall_worst_file": round(min(per_file), 4),
                     "files_scored": len(per_file)})
    print("| tool | pages | wall s | pages/s | CPU s | CPU s/page | load start-end | word recall (micro) | worst file |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|")
    for r in rows:
        lo = r["load_start_end"]
        print(f"| {r['tool']} | {r['pages']} | {r['wall_s']} | {r['pages_per_s']} | {r['cpu_s']} | {r['cpu_s_per_page']} | "
              f"{lo[0]}-{lo[1]} | {r['word_recall_micro']} | {r['word_recall_worst_file']} |")
    if a.json:
        a.json.write_text(json.dumps({"rows": rows, "load": os.getloadavg()[0]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
