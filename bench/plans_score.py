#!/usr/bin/env python3
"""Score themes, goals and actions on the plan corpus (bench/corpus/plans), per layout.

usage: python bench/plans_score.py [--out DIR] [--no-run] [--json FILE]

For each layout folder `bench/corpus/plans/pdf/<layout>` this runs `raadsstukken run … --out
DIR/<layout> --force` (skipped with --no-run) and scores it with the reference scorer
`../shared/eval/score.py DIR/<layout> bench/corpus/plans/gold/<layout>` (themes, goals, actions
F1 and parents right: themes and goals matched at similarity 0.9, actions at 0.85). The same plan
has the same file name in both layouts, hence one output folder per layout.

It also scores the attributes of contract v2 on the matched items: theme `kind` (and whether
`kind_label` begins like the gold word), goal `indicator`, `baseline`, `target` and `target_year`,
action `status` and `owner`. An attribute counts as right when it equals the gold value, including null: a value the
gold does not have is wrong (absent values are null, never guessed).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
PLANS = REPO / "bench" / "corpus" / "plans"
SCORER = (REPO / ".." / "shared" / "eval" / "score.py").resolve()
LAYOUTS = ("serif", "sans2col")
MEASURES = ("themes", "goals", "goal_parent", "actions", "action_parent")


def load_scorer():
    spec = importlib.util.spec_from_file_location("plans_ref_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _value(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def attributes(sc, out: Path, gold_dir: Path) -> dict[str, list[int]]:
    """[right, total] per attribute over the items matched as score.py matches them."""
    docs = pd.read_parquet(out / "documents")
    themes, goals, actions = (pd.read_parquet(out / n) for n in ("themes", "goals", "actions"))
    tally = {k: [0, 0] for k in ("theme.kind", "theme.kind_label", "goal.indicator", "goal.baseline",
                                 "goal.target", "goal.target_year",
                                 "action.status", "action.owner")}

    def count(name, gold, pred, prefix=False):
        g, p = _value(gold), _value(pred)
        ok = (g is None and p is None) or (g is not None and p is not None
                                           and (sc.key(p).startswith(sc.key(g)[:5]) if prefix else sc.key(g) == sc.key(p)))
        tally[name][0] += int(ok)
        tally[name][1] += 1

    for gp in sorted(gold_dir.glob("*.json")):
        g = json.loads(gp.read_text())
        extra = json.loads((gold_dir / "extra" / f"{gp.stem}.extra.json").read_text())
        ids = set(docs[docs["source_file"].map(lambda s: Path(s).name) == g["file"]]["doc_id"])
        pt = themes[themes["doc_id"].isin(ids)].to_dict("records")
        pg = goals[goals["doc_id"].isin(ids)].to_dict("records")
        pa = actions[actions["doc_id"].isin(ids)].to_dict("records")
        gth = g.get("themes", [])
        for gi, pi in sc.greedy_match([sc.key(t["label"]) for t in gth], [sc.key(t["label"]) for t in pt], sc.ratio, 0.9):
            count("theme.kind", gth[gi]["kind"], pt[pi]["kind"])
            count("theme.kind_label", gth[gi].get("kind_label"), pt[pi].get("kind_label"), prefix=True)
        ggo = [go for t in gth for go in t.get("goals", [])]
        for gi, pi in sc.greedy_match([sc.key(x["text"]) for x in ggo], [sc.key(x["text"]) for x in pg], sc.ratio, 0.9):
            count("goal.indicator", ggo[gi].get("indicator"), pg[pi].get("indicator"))
            count("goal.baseline", ggo[gi].get("baseline"), pg[pi].get("baseline"))
            count("goal.target", ggo[gi].get("target"), pg[pi].get("target"))
            count("goal.target_year", ggo[gi].get("target_year"), pg[pi].get("target_year"))
        gac = [a for go in extra.get("goals", []) for a in go.get("actions", [])]
        for gi, pi in sc.greedy_match([sc.key(a["text"]) for a in gac], [sc.key(a["text"]) for a in pa], sc.ratio, 0.85):
            count("action.status", gac[gi].get("status"), pa[pi].get("status"))
            count("action.owner", gac[gi].get("owner"), pa[pi].get("owner"))
    return tally


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/plans-score"))
    ap.add_argument("--no-run", action="store_true")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    sc = load_scorer()
    result: dict[str, dict] = {}
    for layout in LAYOUTS:
        out = args.out / layout
        if not args.no_run:
            cmd = [sys.executable, "-m", "raadsstukken", "run", str(PLANS / "pdf" / layout), "--out", str(out), "--force"]
            print("$ " + " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, cwd=REPO, check=False, stdout=subprocess.DEVNULL)
        res = sc.score(out, PLANS / "gold" / layout)
        result[layout] = {m: res[m] for m in MEASURES}
        result[layout]["attributes"] = attributes(sc, out, PLANS / "gold" / layout)
    print("| layout | " + " | ".join(MEASURES) + " |")
    print("|---" * (len(MEASURES) + 1) + "|")
    for layout, res in result.items():
        cells = [f"{res[m]['f1']:.3f} ({res[m]['tp']}/{res[m]['tp'] + res[m]['fn']})" if "parent" not in m
                 else f"{res[m]['r']:.3f} ({res[m]['tp']}/{res[m]['tp'] + res[m]['fn']})" for m in MEASURES]
        print(f"| {layout} | " + " | ".join(cells) + " |")
    print("\nF1 (matched/gold) for themes, goals, actions; parents: share of gold items matched with the right parent.\n")
    names = list(next(iter(result.values()))["attributes"])
    print("| layout | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for layout, res in result.items():
        print(f"| {layout} | " + " | ".join(f"{a}/{b}" for a, b in res["attributes"].values()) + " |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
