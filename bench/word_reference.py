#!/usr/bin/env python3
"""Word recall of an output against three readings of each PDF's text layer: poppler's `pdftotext`
(the reference of ../shared/eval/conservation.py), pdfplumber's `extract_text()`, and the glyphs in
the order the content stream draws them, cut into words at the file's own space glyphs and where
the next glyph leaves the line (no tool's guess of word gaps from glyph boxes).

usage: python bench/word_reference.py OUT PDF [PDF ...]

Where the two references disagree, the file's text layer is read differently by the two tools
(fonts whose glyph widths do not match their advances make poppler split and join words), and
the words a tool reports missing show which one: the first 12 of each are printed.
"""
from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import pdfplumber


def words(text: str) -> Counter:
    return Counter(re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold().replace("ĳ", "ij")))


def output_text(out: Path, file_id: str) -> str:
    texts: list[str] = []
    for name, cols in (("sections", ["heading", "text"]), ("pages", ["header", "footer", "page_label"]),
                       ("documents", ["title"])):
        df = pd.read_parquet(out / name)
        df = df[df["file_id"] == file_id]
        texts += [t for c in cols for t in df[c] if isinstance(t, str)]
    cells, tables = pd.read_parquet(out / "table_cells"), pd.read_parquet(out / "tables")
    cells = cells.merge(tables[["table_id", "file_id"]], on="table_id")
    texts += list(cells[cells["file_id"] == file_id]["text"])
    return "\n".join(texts)


def stream_text(pdf: Path) -> str:
    """The page's glyphs in content-stream order, a line break where a glyph leaves the previous
    one's baseline or jumps back left; spaces only where the file draws a space glyph."""
    parts: list[str] = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            prev = None
            for c in page.chars:
                if prev is not None and (abs(c["bottom"] - prev["bottom"]) > 0.5 * max(c["size"], 1)
                                         or c["x0"] < prev["x0"] - 2 * c["size"]):
                    parts.append("\n")
                parts.append(c["text"])
                prev = c
            parts.append("\n")
    return "".join(parts)


def main() -> int:
    out, pdfs = Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]]
    for pdf in pdfs:
        got = words(output_text(out, hashlib.sha256(pdf.read_bytes()).hexdigest()))
        poppler = words(subprocess.run(["pdftotext", "-q", str(pdf), "-"], capture_output=True, text=True).stdout)
        with pdfplumber.open(pdf) as doc:
            plumber = words("\n".join(page.extract_text() or "" for page in doc.pages))
        stream = words(stream_text(pdf))
        for name, ref in (("pdftotext", poppler), ("pdfplumber", plumber), ("stream", stream)):
            missing = ref - got
            share = 1 - sum(missing.values()) / max(sum(ref.values()), 1)
            print(f"{pdf.name[:50]:50s} against {name:10s} words {sum(ref.values()):6d}  recall {share:.3f}  "
                  f"missing: {' '.join(w for w, _ in missing.most_common(12))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
