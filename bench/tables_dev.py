#!/usr/bin/env python3
"""Per-file diagnosis of the table corpus: cells and statistics of each PDF against its gold.

usage: python bench/tables_dev.py [LAYOUT ...] [--cache DIR] [--show NAME] [--jobs N] [--calibration]

Parses each PDF of bench/corpus/tables/pdf/<layout> once (the parsed pages are pickled in
--cache, keyed by the PDF's size and mtime, so a change to table detection or tidying is
re-measured in seconds), runs table detection, continuation and tidying in process and scores
them as ../shared/eval/score.py does (cells: a multiset of normalized texts per gold table against
the best output table on its pages; statistics: indicator similarity >= 0.85, same period and
value). Prints one line per file, worst first, and the sums; --show NAME prints that file's grids
and missed figures. A development aid: the figures to report come from tables_corpus_score.py.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "bench" / "corpus" / "tables"
sys.path.insert(0, str((REPO / ".." / "shared" / "eval").resolve()))

from score import greedy_match, key, ratio  # noqa: E402

from raadsstukken.extractors.layout.parse import parse_pdf  # noqa: E402
from raadsstukken.extractors.tables.continuation import join_continued_tables  # noqa: E402
from raadsstukken.extractors.tables.detect import find_tables  # noqa: E402
from raadsstukken.extractors.tables.statistics import tidy_statistics  # noqa: E402


def parsed(pdf: Path, cache: Path):
    st = pdf.stat()
    cf = cache / f"{pdf.parent.name}-{pdf.stem}-{st.st_size}-{int(st.st_mtime)}.pkl"
    if cf.exists():
        return pickle.loads(cf.read_bytes())
    p = parse_pdf(pdf)
    cf.write_bytes(pickle.dumps(p))
    return p


def evaluate(args: tuple[Path, Path, Path]) -> dict:
    pdf, gold_file, cache = args
    g = json.loads(gold_file.read_text(encoding="utf-8"))
    doc = parsed(pdf, cache)
    pages = {p.number: p for p in doc.pages}
    tables = join_continued_tables([t for p in doc.pages for t in find_tables(p)], pages)
    stats = [(key(s.indicator), s.period, s.value, s.dimension, s.unit) for t in tables for s in tidy_statistics(t)]
    gst = [(key(s["indicator"]), s.get("period"), float(s["value"])) for s in g.get("statistics", [])]
    m = greedy_match(gst, stats, lambda a, b: ratio(a[0], b[0]) if a[1] == b[1] and abs(a[2] - b[2]) < 1e-6 else 0.0,
                     0.85)
    res = {"name": f"{pdf.parent.name}/{pdf.stem}", "s_tp": len(m), "s_fp": len(stats) - len(m),
           "s_fn": len(gst) - len(m), "c_tp": 0, "c_fp": 0, "c_fn": 0}
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
            res["c_fn"] += sum(gc.values())
        else:
            used.add(best)
            res["c_tp"] += best_tp
            res["c_fp"] += sum(tcells[best].values()) - best_tp
            res["c_fn"] += sum(gc.values()) - best_tp
    if g.get("tables_exhaustive"):
        res["c_fp"] += sum(sum(pc.values()) for i, pc in tcells.items() if i not in used)
    matched = {pi for _, pi in m}
    res["grids"] = [(t.page, t.page_end, t.header_rows, t.title, t.confidence, t.grid()) for t in tables]
    res["missed"] = [gst[i] for i in range(len(gst)) if i not in {gi for gi, _ in m}]
    res["extra"] = [stats[i] for i in range(len(stats)) if i not in matched]
    res["stats"] = stats
    res["n_tables"] = len(tables)
    return res


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("layouts", nargs="*")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/tables-dev-cache"))
    ap.add_argument("--show")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--calibration", action="store_true", help="cell F1 per band of table confidence")
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    layouts = args.layouts or sorted(p.name for p in (TABLES / "gold").iterdir() if p.is_dir())
    work = [(TABLES / "pdf" / lay / (gf.stem + ".pdf"), gf, args.cache)
            for lay in layouts for gf in sorted((TABLES / "gold" / lay).glob("*.json"))]
    if args.show:
        work = [w for w in work if args.show in f"{w[0].parent.name}/{w[0].stem}"]
    with ProcessPoolExecutor(args.jobs) as ex:
        results = list(ex.map(evaluate, work))
    tot = Counter()
    for r in sorted(results, key=lambda r: f1(r["c_tp"], r["c_fp"], r["c_fn"]) + f1(r["s_tp"], r["s_fp"], r["s_fn"])):
        for k in ("c_tp", "c_fp", "c_fn", "s_tp", "s_fp", "s_fn"):
            tot[k] += r[k]
        print(f"{r['name'][:70]:70} cells {f1(r['c_tp'], r['c_fp'], r['c_fn']):.2f} ({r['c_tp']}/{r['c_fp']}/{r['c_fn']})"
              f"  stats {f1(r['s_tp'], r['s_fp'], r['s_fn']):.2f} ({r['s_tp']}/{r['s_fp']}/{r['s_fn']})  tables {r['n_tables']}")
        if args.show:
            for page, page_end, hr, title, conf, grid in r["grids"]:
                print(f"  table p{page}-{page_end} header_rows={hr} conf={conf} title={title!r}")
                for row in grid:
                    print("    " + " | ".join(row))
            print("  missed:", r["missed"][:30])
            print("  extra:", r["extra"][:30])
    if args.calibration:
        bands: dict[str, Counter] = {}
        for r in results:
            if r["n_tables"] != 1 or r["c_tp"] + r["c_fn"] == 0:
                continue  # one table found for the file's one gold table: its confidence against its cells
            conf = r["grids"][0][4]
            band = next(b for b in ("0.9-1.0", "0.8-0.9", "0.6-0.8", "0.3-0.6") if conf >= float(b.split("-")[0]))
            bands.setdefault(band, Counter()).update(c_tp=r["c_tp"], c_fp=r["c_fp"], c_fn=r["c_fn"], n=1)
        print("| confidence | tables | cells F1 |\n|---|---|---|")
        for band in sorted(bands, reverse=True):
            b = bands[band]
            print(f"| {band} | {b['n']} | {f1(b['c_tp'], b['c_fp'], b['c_fn']):.3f} |")
    print(f"ALL cells F1 {f1(tot['c_tp'], tot['c_fp'], tot['c_fn']):.3f} "
          f"(P {tot['c_tp'] / max(1, tot['c_tp'] + tot['c_fp']):.3f} R {tot['c_tp'] / max(1, tot['c_tp'] + tot['c_fn']):.3f})"
          f"  stats F1 {f1(tot['s_tp'], tot['s_fp'], tot['s_fn']):.3f} "
          f"(P {tot['s_tp'] / max(1, tot['s_tp'] + tot['s_fp']):.3f} R {tot['s_tp'] / max(1, tot['s_tp'] + tot['s_fn']):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
