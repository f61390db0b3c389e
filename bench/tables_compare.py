"""Statistics from our tables against pdfplumber's default `extract_tables()` and camelot
(lattice and stream), all fed through the same tidying, scored on the same gold.

usage: python bench/tables_compare.py [GOLD_DIR] [--json FILE]        (default: tests/gold)

Needs camelot-py for the camelot columns (`pip install camelot-py`); without it those columns
say "not installed". Scoring follows the reference scorer: a statistic matches a gold one when
the period and value are equal and the indicator is similar (ratio >= 0.85), one to one.
"""
from __future__ import annotations

import json
import sys
import time
import warnings
from difflib import SequenceMatcher
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from raadsstukken.extractors.layout.parse import parse_pdf  # noqa: E402
from raadsstukken.extractors.tables.statistics import tidy_statistics  # noqa: E402
from raadsstukken.extractors.tables.continuation import join_continued_tables  # noqa: E402
from raadsstukken.extractors.tables.detect import find_tables, table_from_grid  # noqa: E402


def ours(pdf: Path) -> list[tuple]:
    parsed = parse_pdf(pdf)
    pages = {p.number: p for p in parsed.pages}
    tables = join_continued_tables([t for p in parsed.pages for t in find_tables(p)], pages)
    return [(s.indicator, s.period, s.value) for t in tables for s in tidy_statistics(t)]


def plumber(pdf: Path) -> list[tuple]:
    out = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for grid in page.extract_tables():
                t = table_from_grid(grid, page.page_number, "pdfplumber")
                out += [(s.indicator, s.period, s.value) for s in tidy_statistics(t)]
    return out


def camelot_flavor(flavor: str):
    def run(pdf: Path) -> list[tuple]:
        import camelot

        kwargs = {"backend": "pdfium"} if flavor == "lattice" else {}
        tables = camelot.read_pdf(str(pdf), pages="all", flavor=flavor, **kwargs)
        out = []
        for t in tables:
            table = table_from_grid(t.df.values.tolist(), int(t.page), f"camelot-{flavor}")
            out += [(s.indicator, s.period, s.value) for s in tidy_statistics(table)]
        return out
    return run


def score(gold: list[tuple], found: list[tuple]) -> dict:
    def sim(a: str | None, b: str | None) -> float:
        return SequenceMatcher(None, (a or "").casefold(), (b or "").casefold()).ratio()

    pairs = sorted(((sim(g[0], f[0]), gi, fi) for gi, g in enumerate(gold) for fi, f in enumerate(found)
                    if g[1] == f[1] and abs(g[2] - f[2]) < 1e-6), reverse=True)
    used_g, used_f, tp = set(), set(), 0
    for s, gi, fi in pairs:
        if s >= 0.85 and gi not in used_g and fi not in used_f:
            used_g.add(gi)
            used_f.add(fi)
            tp += 1
    p = tp / len(found) if found else (1.0 if not gold else 0.0)
    r = tp / len(gold) if gold else 1.0
    return {"tp": tp, "found": len(found), "gold": len(gold), "precision": round(p, 3), "recall": round(r, 3)}


def main(argv: list[str]) -> int:
    warnings.filterwarnings("ignore")  # camelot warns on every page without a table
    args = [a for a in argv if not a.startswith("--")]
    gold_dir = Path(args[0]) if args else ROOT / "tests" / "gold"
    try:
        import camelot  # noqa: F401
        have_camelot = True
    except ImportError:
        have_camelot = False
    extractors = {"raadsstukken": ours, "pdfplumber extract_tables()": plumber}
    if have_camelot:
        extractors["camelot lattice"] = camelot_flavor("lattice")
        extractors["camelot stream"] = camelot_flavor("stream")
    totals = {name: {"tp": 0, "found": 0, "gold": 0, "seconds": 0.0} for name in extractors}
    for gold_file in sorted(gold_dir.glob("*.json")):
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        pdf = ROOT / "raw" / g["file"]
        gold = [(s["indicator"], s["period"], float(s["value"])) for s in g.get("statistics", [])]
        for name, extract in extractors.items():
            t0 = time.perf_counter()
            found = extract(pdf)
            totals[name]["seconds"] += time.perf_counter() - t0
            for k, v in score(gold, found).items():
                if k in ("tp", "found", "gold"):
                    totals[name][k] += v
    print("| extractor (same tidying) | statistics found | right | precision | recall | seconds |")
    print("|---|---|---|---|---|---|")
    for name, t in totals.items():
        p = t["tp"] / t["found"] if t["found"] else 0.0
        r = t["tp"] / t["gold"] if t["gold"] else 1.0
        t.update(precision=round(p, 3), recall=round(r, 3))
        print(f"| {name} | {t['found']} | {t['tp']} | {p:.3f} | {r:.3f} | {t['seconds']:.1f} |")
    if not have_camelot:
        print("| camelot | not installed | | | | |")
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(totals, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
