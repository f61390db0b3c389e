#!/usr/bin/env python3
"""This project's tables side by side with pdfplumber, PyMuPDF and camelot on the table corpus.

usage: python bench/tables_compare.py [LAYOUT ...] [--jobs N] [--json FILE] [--only NAME,...]

Runs on each PDF of bench/corpus/tables/pdf/<layout>: raadsstukken (find_tables, continuation,
tidy_statistics on the parsed pages, OCR included), pdfplumber's default `extract_tables()`,
PyMuPDF's `Page.find_tables()`, camelot lattice and camelot stream. Every extractor's grids go
through the same `table_from_grid` (header rows: the rows above the first row with a figure that
is not a year) and the same `tidy_statistics`, and are scored like ../shared/eval/score.py does
(cells: a multiset of normalized texts per gold table against the best output table on its pages;
statistics: indicator similarity >= 0.85, same period and value). Prints cell P/R/F1, statistics
P/R/F1 and seconds per gold table, with the versions; an extractor that is not installed says so.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "bench" / "corpus" / "tables"
sys.path.insert(0, str((REPO / ".." / "shared" / "eval").resolve()))

from score import greedy_match, key, ratio  # noqa: E402

from raadsstukken.extractors.tables.detect import Table, table_from_grid  # noqa: E402
from raadsstukken.extractors.tables.statistics import tidy_statistics  # noqa: E402


def ours(pdf: Path) -> list[Table]:
    from raadsstukken.extractors.layout.parse import parse_pdf
    from raadsstukken.extractors.tables.continuation import join_continued_tables
    from raadsstukken.extractors.tables.detect import find_tables

    parsed = parse_pdf(pdf)
    return join_continued_tables([t for p in parsed.pages for t in find_tables(p)], {p.number: p for p in parsed.pages})


def plumber(pdf: Path) -> list[Table]:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return [table_from_grid(g, page.page_number, "pdfplumber") for page in doc.pages for g in page.extract_tables()]


def pymupdf(pdf: Path) -> list[Table]:
    import pymupdf as fitz

    out = []
    with fitz.open(pdf) as doc:
        for page in doc:
            for t in page.find_tables().tables:
                out.append(table_from_grid(t.extract(), page.number + 1, "pymupdf"))
    return out


def camelot_flavor(flavor: str):
    def run(pdf: Path) -> list[Table]:
        import camelot

        kwargs = {"backend": "pdfium"} if flavor == "lattice" else {}
        tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor, **kwargs)
        return [table_from_grid(t.df.values.tolist(), int(t.page), f"camelot-{flavor}") for t in tables]
    return run


EXTRACTORS = {"raadsstukken": (ours, "raadsstukken"), "pdfplumber extract_tables()": (plumber, "pdfplumber"),
              "pymupdf find_tables()": (pymupdf, "pymupdf"), "camelot lattice": (camelot_flavor("lattice"), "camelot-py"),
              "camelot stream": (camelot_flavor("stream"), "camelot-py")}


def score(g: dict, tables: list[Table]) -> Counter:
    out: Counter = Counter()
    stats = [(key(s.indicator), s.period, s.value) for t in tables for s in tidy_statistics(t)]
    gst = [(key(s["indicator"]), s.get("period"), float(s["value"])) for s in g.get("statistics", [])]
    m = greedy_match(gst, stats, lambda a, b: ratio(a[0], b[0]) if a[1] == b[1] and abs(a[2] - b[2]) < 1e-6 else 0.0,
                     0.85)
    out.update(s_tp=len(m), s_fp=len(stats) - len(m), s_fn=len(gst) - len(m))
    tcells = {i: Counter(key(c.text) for c in t.cells if key(c.text)) for i, t in enumerate(tables)}
    used: set[int] = set()
    for gt in g.get("tables", []):
        gc = Counter(key(x) for row in [gt.get("header") or []] + (gt.get("rows") or []) for x in row if key(x))
        best, best_tp = None, 0
        for i, pc in tcells.items():
            t = tables[i]
            if i in used or not (t.page - 1 <= int(gt.get("page") or t.page) <= t.page_end + 1):
                continue
            tp = sum((gc & pc).values())
            if tp > best_tp:
                best, best_tp = i, tp
        if best is None:
            out["c_fn"] += sum(gc.values())
        else:
            used.add(best)
            out.update(c_tp=best_tp, c_fp=sum(tcells[best].values()) - best_tp, c_fn=sum(gc.values()) - best_tp)
    out["gold_tables"] += len(g.get("tables", []))
    return out


def run_one(args: tuple[str, Path, Path]) -> tuple[str, Counter, float, str | None]:
    name, pdf, gold = args
    warnings.filterwarnings("ignore")
    g = json.loads(gold.read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    try:
        tables = EXTRACTORS[name][0](pdf)
        error = None
    except Exception as exc:  # an extractor that fails on a file scores nothing there
        tables, error = [], f"{type(exc).__name__}: {exc}"[:120]
    return name, score(g, tables), time.perf_counter() - t0, error


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def installed(dist: str) -> str | None:
    try:
        return version(dist)
    except PackageNotFoundError:
        return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("layouts", nargs="*")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--only", help="comma-separated extractor names")
    args = ap.parse_args(argv)
    layouts = args.layouts or sorted(p.name for p in (TABLES / "gold").iterdir() if p.is_dir())
    names = [n for n in EXTRACTORS if not args.only or n in args.only.split(",")]
    missing = [n for n in names if installed(EXTRACTORS[n][1]) is None]
    names = [n for n in names if n not in missing]
    work = [(n, TABLES / "pdf" / lay / (gf.stem + ".pdf"), gf)
            for lay in layouts for gf in sorted((TABLES / "gold" / lay).glob("*.json")) for n in names]
    totals: dict[str, Counter] = {n: Counter() for n in names}
    seconds: dict[str, float] = {n: 0.0 for n in names}
    errors: Counter = Counter()
    with ProcessPoolExecutor(args.jobs) as ex:
        for name, c, sec, err in ex.map(run_one, work, chunksize=4):
            totals[name].update(c)
            seconds[name] += sec
            if err:
                errors[(name, err)] += 1
    files = len(work) // max(1, len(names))
    print(f"table corpus: {files} PDFs ({', '.join(layouts)}), {time.strftime('%Y-%m-%d')}\n")
    print("| extractor | version | cells P | cells R | cells F1 | stats P | stats R | stats F1 | s / table |")
    print("|---|---|---|---|---|---|---|---|---|")
    rows = {}
    for n in names:
        t = totals[n]
        cp, cr, cf = f1(t["c_tp"], t["c_fp"], t["c_fn"])
        sp, sr, sf = f1(t["s_tp"], t["s_fp"], t["s_fn"])
        per = seconds[n] / max(1, t["gold_tables"])
        rows[n] = {"version": installed(EXTRACTORS[n][1]), **t, "seconds": seconds[n]}
        print(f"| {n} | {installed(EXTRACTORS[n][1])} | {cp:.3f} | {cr:.3f} | **{cf:.3f}** | {sp:.3f} | {sr:.3f} | "
              f"**{sf:.3f}** | {per:.2f} |")
    for n in missing:
        print(f"| {n} | not installed | | | | | | | |")
    for (n, err), k in errors.most_common(5):
        print(f"\n{n} failed on {k} file(s): {err}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
