#!/usr/bin/env python3
"""Time a page that mimics a zoning map: 100,000 vector objects (40,000 Bezier parcel outlines,
60,000 hatch strokes) and 400 small land-use labels, as tests/extractors/layout/test_dense.py
generates it.

usage: python bench/dense_page.py [--repeat 3]

Reports the seconds of `parse_pdf` (the page layer) and of `raadsstukken run` on the one file
(in this process, models loaded once before), best and median of --repeat, and how many of the
400 labels reached the rows.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.extractors.layout.test_dense import USES, zoning_map  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    import pandas as pd

    from raadsstukken.extractors.layout.parse import parse_pdf
    from raadsstukken.pipeline.run import RunSettings, run

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        pdf = zoning_map(folder / "kaart.pdf")
        megabytes = pdf.stat().st_size / 1e6
        parse_s, run_s = [], []
        for i in range(a.repeat):
            t0 = time.perf_counter()
            parsed = parse_pdf(pdf)
            parse_s.append(time.perf_counter() - t0)
            out = Path(tmp) / f"out{i}"
            t0 = time.perf_counter()
            (outcome,) = run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False)).outcomes
            run_s.append(time.perf_counter() - t0)
        sections = pd.read_parquet(out / "sections")
        cells = pd.read_parquet(out / "table_cells")
        text = " ".join(list(sections["heading"].dropna()) + list(sections["text"].dropna()) + list(cells["text"]))
        found = {int(n) for n in re.findall(r"\b(?:%s) (\d+)\b" % "|".join(USES), text)}
    print(f"nproc {os.cpu_count()}, load {os.getloadavg()[0]:.1f}; {megabytes:.1f} MB; "
          f"notes: {parsed.notes}; status {outcome.status}")
    print(f"parse_pdf: best {min(parse_s):.2f} s, median {statistics.median(parse_s):.2f} s")
    print(f"run (one file): best {min(run_s):.2f} s, median {statistics.median(run_s):.2f} s")
    print(f"labels in the rows: {len(found)} of 400")
    return 0


if __name__ == "__main__":
    sys.exit(main())
