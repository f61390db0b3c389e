#!/usr/bin/env python3
"""List, per file and document, the gold headings the output missed and the headings it added.

usage: python bench/headings_list.py --out OUT --corpus bench/fresh7 [--family F] [--all]
       python bench/headings_list.py --out OUT --gold GOLD_DIR [--all]   (a flat folder of gold files)

OUT holds a run over CORPUS/pdf (`raadsstukken run CORPUS/pdf --out OUT`). Gold documents are
paired with the output's documents and headings matched the way the reference scorer does
(../shared/eval/score.py: documents by type and page overlap, headings one-to-one at text
similarity >= 0.9), so the lines listed are exactly the scorer's misses:

  - TEXT   a gold heading with no output heading (a miss, fn)
  + TEXT   an output heading with no gold heading (an extra, fp), with its level and page
  = TEXT   (with --all) a matched heading, with its level

A gold document with no output document lists all its headings as missed (a split miss); an
output document paired with no gold document is listed, its headings not counted (nor does the
scorer count them). The
gold has no levels, so a level is only shown for the analyst to judge (a "2.1" at the level of
its "2" is wrong on its face). Counts per family close the listing.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
SCORER = (REPO / ".." / "shared" / "eval" / "score.py").resolve()


def load_scorer():
    spec = importlib.util.spec_from_file_location("headings_ref_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return mod


def latest_file_ids(out: Path) -> dict[str, str]:
    """file_id of each source file (its path relative to the run's input) in the latest run."""
    man = json.loads((out / "_manifest.json").read_text()) if (out / "_manifest.json").exists() else {}
    ids = {k: v.get("file_id") for k, v in man.get("files", {}).items() if v.get("file_id")}
    if ids:
        return ids
    runs = pd.read_parquet(out / "runs")
    if "started_at" in runs:
        runs = runs.sort_values("started_at").drop_duplicates("source_file", keep="last")
    return dict(zip(runs["source_file"].astype(str), runs["file_id"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, help="a corpus with gold/<family>/*.json and pdf/<family>/")
    ap.add_argument("--gold", type=Path, help="a flat folder of gold files (its run's input was flat too)")
    ap.add_argument("--family", action="append", help="only these families (repeatable)")
    ap.add_argument("--all", action="store_true", help="list matched headings too")
    args = ap.parse_args()
    sc = load_scorer()
    ids = latest_file_ids(args.out)
    docs = pd.read_parquet(args.out / "documents")
    secs = pd.read_parquet(args.out / "sections")
    seq = "position" if "position" in secs else "order"
    totals: dict[str, list[int]] = {}
    if (args.corpus is None) == (args.gold is None):
        ap.error("give --corpus or --gold")
    folders = [(args.gold, "")] if args.gold else \
        [(p, p.name) for p in sorted((args.corpus / "gold").iterdir()) if p.is_dir()]
    for fam_dir, fam in folders:
        if args.family and fam not in args.family:
            continue
        tally = totals.setdefault(fam, [0, 0, 0])
        for gp in sorted(fam_dir.glob("*.json")):
            g = json.loads(gp.read_text())
            fid = ids.get(f"{fam}/{g['file']}" if fam else g["file"])
            fdocs = docs[docs["file_id"] == fid].to_dict("records") if fid is not None else []
            gdocs = g.get("documents", [])
            pairs = dict(sc.greedy_match(
                gdocs, fdocs,
                lambda a, b: (1.0 if a["doc_type"] == b.get("doc_type") else 0.5)
                * max(0.0, (min(a["page_end"], b.get("page_end") or 0) - max(a["page_start"], b.get("page_start") or 0) + 1)
                      / (max(a["page_end"], b.get("page_end") or 0) - min(a["page_start"], b.get("page_start") or 0) + 1)),
                0.01))
            lines: list[str] = []
            for gi, gd in enumerate(gdocs):
                gh = [x for x in gd.get("headings", []) if sc.key(x)]
                pd_ = fdocs[pairs[gi]] if gi in pairs else None
                rows: list[dict] = []
                if pd_ is not None:
                    ss = secs[secs["doc_id"] == pd_["doc_id"]].sort_values(seq, kind="stable")
                    rows = [r for r in ss.to_dict("records") if sc.key(r.get("heading"))]
                m = dict(sc.greedy_match([sc.key(x) for x in gh], [sc.key(r["heading"]) for r in rows], sc.ratio, 0.9))
                hit = set(m.values())
                tally[0] += len(m)
                tally[1] += len(rows) - len(m)
                tally[2] += len(gh) - len(m)
                where = (f"-> {pd_['doc_type']} p{pd_['page_start']}-{pd_['page_end']}" if pd_ is not None
                         else "-> no output document")
                body: list[str] = []
                # in reading order: gold headings where they stand, extras between them
                for gi2, x in enumerate(gh):
                    if gi2 in m:
                        if args.all:
                            r = rows[m[gi2]]
                            body.append(f"    = [L{r.get('level')}] {x}")
                    else:
                        body.append(f"    - {x}")
                for pi, r in enumerate(rows):
                    if pi not in hit:
                        body.append(f"    + [L{r.get('level')} p{r.get('page_start', r.get('page'))}] {r['heading']}")
                if body:
                    lines.append(f"  doc {gi} {gd['doc_type']} p{gd['page_start']}-{gd['page_end']} {where}: "
                                 f"{len(m)} matched, {len(gh) - len(m)} missed, {len(rows) - len(m)} extra")
                    lines += body
            # output documents that pair with no gold document: all their headings are extra
            for pi, p in enumerate(fdocs):
                if pi in pairs.values():
                    continue
                ss = secs[secs["doc_id"] == p["doc_id"]].sort_values(seq, kind="stable")
                extra = [r for r in ss.to_dict("records") if sc.key(r.get("heading"))]
                if extra:  # listed, not counted (the scorer counts paired documents only)
                    lines.append(f"  output doc {p['doc_type']} p{p['page_start']}-{p['page_end']} unpaired: "
                                 f"{len(extra)} headings (not counted)")
                    lines += [f"    + [L{r.get('level')}] {r['heading']}" for r in extra]
            if lines:
                print(f"{fam}/{g['file']}" if fam else g["file"])
                print("\n".join(lines))
    print()
    print("| family | matched | extra | missed | P | R | F1 |")
    print("|---|---|---|---|---|---|---|")
    for fam, (tp, fp, fn) in totals.items():
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {fam} | {tp} | {fp} | {fn} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
