#!/usr/bin/env python3
"""Score the table corpus (bench/corpus/tables) per layout: table cells and statistics.

usage: python bench/tables_corpus_score.py [--out OUT] [--no-run] [--jobs N] [--json FILE]

Runs `raadsstukken run bench/corpus/tables/pdf --out OUT` (skipped with --no-run: OUT must then hold
a run over bench/corpus/tables/pdf), then scores each layout folder with the reference scorer
`../shared/eval/score.py VIEW bench/corpus/tables/gold/<layout> --json …` as a subprocess, where VIEW
is OUT restricted to the files of that layout folder (the same table has the same file name in every
layout folder and score.py pairs gold and output by file name only; see bench/corpus_score.py,
whose `family_view` builds the view). Prints Markdown: table-cell and statistics P/R/F1 per layout,
summed over all layouts, and per table kind (from gold/<layout>/extra/*.extra.json).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLES = REPO / "bench" / "corpus" / "tables"
SCORER = (REPO / ".." / "shared" / "eval" / "score.py").resolve()


def corpus_score():
    spec = importlib.util.spec_from_file_location("bench_corpus_score", REPO / "bench" / "corpus_score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_pipeline(out: Path, jobs: int) -> int:
    cmd = [sys.executable, "-m", "raadsstukken", "run", str(TABLES / "pdf"), "--out", str(out), "--jobs", str(jobs), "--prune"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    rc = subprocess.run(cmd, cwd=REPO).returncode
    if rc == 2:  # an older CLI without --prune
        rc = subprocess.run(cmd[:-1], cwd=REPO).returncode
    return rc


def tally(acc: dict, res: dict, keys=("table_cells", "statistics")):
    for k in keys:
        v = res.get(k) or {"tp": 0, "fp": 0, "fn": 0}
        a = acc.setdefault(k, {"tp": 0, "fp": 0, "fn": 0})
        for x in ("tp", "fp", "fn"):
            a[x] += v[x]
    acc["files"] = acc.get("files", 0) + res.get("files", 0)
    acc["not_found"] = acc.get("not_found", 0) + len(res.get("files_not_found", []))


def prf(v: dict):
    tp, fp, fn = v["tp"], v["fp"], v["fn"]
    if tp + fp + fn == 0:
        return None
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line(name: str, r: dict) -> str:
    cells = []
    for k in ("table_cells", "statistics"):
        x = prf(r.get(k, {"tp": 0, "fp": 0, "fn": 0}))
        cells += ["–"] * 3 if x is None else [f"{x[0]:.3f}", f"{x[1]:.3f}", f"**{x[2]:.3f}**"]
    return f"| {name} | {r.get('files', 0)} | {r.get('not_found', 0)} | " + " | ".join(cells) + " |"


HEAD = ("| {} | files | not found | cells P | cells R | cells F1 | stats P | stats R | stats F1 |\n"
        "|---|---|---|---|---|---|---|---|---|")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "raadsstukken-tables-corpus-out")
    ap.add_argument("--no-run", action="store_true", help="score an existing run in --out")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    ap.add_argument("--json", type=Path, help="write all figures to this file")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    if not args.no_run:
        rc = run_pipeline(out, args.jobs)
        if rc not in (0, 1):
            print(f"raadsstukken run exited with {rc}", file=sys.stderr)
            return rc
    if not (out / "documents").exists():
        print(f"no output in {out}", file=sys.stderr)
        return 2
    cs = corpus_score()
    gold_root = TABLES / "gold"
    layouts = sorted(p.name for p in gold_root.iterdir() if p.is_dir() and any(p.glob("*.json")))
    per_layout, per_kind, total = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="tables-score-") as td:
        td = Path(td)
        for lay in layouts:
            view = cs.family_view(out, lay, out / "_by_layout")
            jf = td / f"{lay}.json"
            subprocess.run([sys.executable, str(SCORER), str(view), str(gold_root / lay), "--json", str(jf)],
                           check=True, capture_output=True)
            res = json.loads(jf.read_text())
            per_layout[lay] = {}
            tally(per_layout[lay], res)
            tally(total, res)
            # per table kind: the gold files of this layout grouped by table_kind
            groups: dict[str, list[Path]] = {}
            for ef in sorted((gold_root / lay / "extra").glob("*.extra.json")):
                kind = json.loads(ef.read_text()).get("table_kind", "?")
                groups.setdefault(kind, []).append(gold_root / lay / ef.name.replace(".extra.json", ".json"))
            for kind, gs in groups.items():
                kd = td / "kinds" / lay / kind
                kd.mkdir(parents=True)
                for g in gs:
                    os.symlink(g, kd / g.name)
                kj = td / f"{lay}-{kind}.json"
                subprocess.run([sys.executable, str(SCORER), str(view), str(kd), "--json", str(kj)],
                               check=True, capture_output=True)
                tally(per_kind.setdefault(kind, {}), json.loads(kj.read_text()))
    print(f"output {out}, corpus {TABLES}\n")
    print("## Per layout\n")
    print(HEAD.format("layout"))
    for lay in layouts:
        print(line(lay, per_layout[lay]))
    print(line("**all**", total))
    print("\n## Per table kind (summed over layouts)\n")
    print(HEAD.format("kind"))
    for k in sorted(per_kind):
        print(line(k, per_kind[k]))
    if args.json:
        args.json.write_text(json.dumps({"layouts": per_layout, "kinds": per_kind, "all": total}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
