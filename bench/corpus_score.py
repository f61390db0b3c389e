#!/usr/bin/env python3
"""Score the development corpus (bench/corpus) per template family and per document kind.

usage: python bench/corpus_score.py [--out OUT] [--no-run] [--jobs N] [--json FILE]

Runs `raadsstukken run bench/corpus/pdf --out OUT` (skipped with --no-run: OUT must then hold a
run over bench/corpus/pdf), then scores each family folder with the reference scorer
`../shared/eval/score.py OUT_FAMILY bench/corpus/gold/<family> --json …` and prints Markdown tables:
per family, per kind (papers typeset alone, summed over the families), and the accuracy of the
outcomes of besluitenlijst items (gold/<family>/extra/*.extra.json) against `decisions.outcome`.

The same paper has the same file name in every family folder while score.py pairs gold and output
by file name only, so each family is scored on a view of OUT restricted to the files of its folder
(OUT/_by_family/<family>, symlinks to the per-file parts of OUT's datasets).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "bench" / "corpus"
SCORER = (REPO / ".." / "shared" / "eval" / "score.py").resolve()


def load_scorer():
    spec = importlib.util.spec_from_file_location("corpus_ref_score", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_pipeline(out: Path, jobs: int) -> int:
    cmd = [sys.executable, "-m", "raadsstukken", "run", str(CORPUS / "pdf"), "--out", str(out), "--jobs", str(jobs), "--prune"]
    print("$ " + " ".join(cmd), file=sys.stderr)
    return subprocess.run(cmd, cwd=REPO).returncode


# ------------------------------------------------------------------------------------------
# a per-family view of the output

def family_view(out: Path, family: str, base: Path) -> Path:
    man = json.loads((out / "_manifest.json").read_text()) if (out / "_manifest.json").exists() else {}
    files = man.get("files", {})
    runs = pd.read_parquet(out / "runs") if (out / "runs").exists() else pd.DataFrame()
    # the files of the latest run (the manifest); runs keeps rows of earlier runs too, and
    # score.py takes the first file_id it finds for a name
    keep_ids = {v.get("file_id") for k, v in files.items() if k.startswith(family + "/")}
    if not keep_ids and len(runs) and "source_file" in runs:
        rr = runs[runs["source_file"].astype(str).str.startswith(family + "/")]
        if "started_at" in rr:
            rr = rr.sort_values("started_at").drop_duplicates("source_file", keep="last")
        keep_ids = set(rr["file_id"])
    keep_parts = {v.get("part") for k, v in files.items() if k.startswith(family + "/")} | {
        str(i)[:16] for i in keep_ids}
    view = base / family
    if view.exists():
        shutil.rmtree(view)
    view.mkdir(parents=True)
    doc_ids = None
    for ds in sorted(out.iterdir()):
        if ds.name.startswith(("_", ".")):
            continue
        dst = view / ds.name
        all_parts = {v.get("part") for v in files.values()}
        parts = sorted(ds.glob("*.parquet")) if ds.is_dir() else []
        if ds.is_dir() and (not parts or all(p.stem in all_parts for p in parts)):
            dst.mkdir()  # partitioned per file: link this family's parts
            for p in parts:
                if p.stem in keep_parts:
                    os.symlink(p.resolve(), dst / p.name)
            if not any(dst.iterdir()):
                shutil.rmtree(dst)
            continue
        # not partitioned per file: filter rows
        try:
            df = pd.read_parquet(ds)
        except Exception:  # noqa: BLE001
            continue
        if doc_ids is None:
            docs = pd.read_parquet(out / "documents") if (out / "documents").exists() else pd.DataFrame()
            doc_ids = set(docs[docs["file_id"].isin(keep_ids)]["doc_id"]) if len(docs) else set()
        if "file_id" in df:
            df = df[df["file_id"].isin(keep_ids)]
        elif "doc_id" in df:
            df = df[df["doc_id"].isin(doc_ids)]
        elif "table_id" in df:  # table_cells: keyed by their table only
            tables = pd.read_parquet(out / "tables") if (out / "tables").exists() else pd.DataFrame()
            table_ids = set(tables[tables["file_id"].isin(keep_ids)]["table_id"]) if len(tables) else set()
            df = df[df["table_id"].isin(table_ids)]
        df.to_parquet(dst)
    return view


# ------------------------------------------------------------------------------------------

def fmt(v, key="f1"):
    if v is None:
        return "–"
    if isinstance(v, dict):
        if v["tp"] + v["fp"] + v["fn"] == 0:
            return "–"
        return f"{v[key]:.3f}"
    return str(v)


def add_tallies(acc: dict, res: dict):
    for k, v in res.items():
        if isinstance(v, dict) and "tp" in v:
            a = acc.setdefault(k, {"tp": 0, "fp": 0, "fn": 0})
            for x in ("tp", "fp", "fn"):
                a[x] += v[x]
        elif k in ("noise_leaks", "files"):
            acc[k] = acc.get(k, 0) + v
        elif k == "files_not_found":
            acc.setdefault(k, []).extend(v)


def finish(acc: dict) -> dict:
    for _k, v in acc.items():
        if isinstance(v, dict) and "tp" in v:
            tp, fp, fn = v["tp"], v["fp"], v["fn"]
            p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
            r = tp / (tp + fn) if tp + fn else 1.0
            v.update(p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0)
    return acc


COLS = [("split", "f1"), ("doctype", "f1"), ("fields", "r"), ("decisions", "f1"), ("headings", "f1"),
        ("probes", "r")]


def table(rows: list[tuple[str, dict]], first: str) -> str:
    head = (f"| {first} | files | not found | split F1 | doctype F1 | fields acc | decisions F1 | headings F1 "
            "| probes R | noise leaks |")
    lines = [head, "|" + "---|" * 10]
    for name, r in rows:
        cells = [fmt(r.get(k), m) for k, m in COLS]
        lines.append(f"| {name} | {r.get('files', 0)} | {len(r.get('files_not_found', []))} | "
                     + " | ".join(cells) + f" | {r.get('noise_leaks', 0)} |")
    return "\n".join(lines)


def key(s) -> str:
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = unicodedata.normalize("NFKC", str(s))
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\u00a0", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().casefold().rstrip(" .;:,")


def ratio(a, b):
    try:
        from rapidfuzz import fuzz
        return fuzz.ratio(a, b) / 100.0
    except ImportError:
        return SequenceMatcher(None, a, b).ratio()


def outcome_accuracy(view: Path, gold_dir: Path) -> dict | None:
    decs = pd.read_parquet(view / "decisions") if (view / "decisions").exists() else pd.DataFrame()
    docs = pd.read_parquet(view / "documents") if (view / "documents").exists() else pd.DataFrame()
    if "outcome" not in decs.columns:
        return None
    has_votes = {"votes_for", "votes_against"} <= set(decs.columns)
    r = {"items": 0, "matched": 0, "correct": 0, "votes_items": 0, "votes_correct": 0}
    for ef in sorted((gold_dir / "extra").glob("*.extra.json")):
        used: set[int] = set()  # one output row per gold item: equal texts ("Aangenomen") pair in order
        ex = json.loads(ef.read_text())
        gold = json.loads((gold_dir / ef.name.replace(".extra.json", ".json")).read_text())
        fd = docs[docs["source_file"].astype(str).map(lambda s: Path(s).name) == ex["file"]] if len(docs) else docs
        for d in ex["decisions"]:
            if d.get("doc_type") != "besluitenlijst" or not d.get("outcome"):
                continue
            r["items"] += 1
            gd = gold["documents"][d["doc_index"]]
            ids = [x["doc_id"] for x in fd.to_dict("records")
                   if (x.get("page_start") or 0) <= gd["page_end"] and (x.get("page_end") or 0) >= gd["page_start"]]
            cand = decs[decs["doc_id"].isin(ids)] if len(decs) else decs
            best, bs, bi = None, 0.0, -1
            for i, row in zip(cand.index, cand.to_dict("records")):
                if i in used:
                    continue
                s = ratio(key(d["text"]), key(row.get("text")))
                if s > bs:
                    best, bs, bi = row, s, i
            if best is None or bs < 0.9:
                continue
            used.add(bi)
            r["matched"] += 1
            r["correct"] += int(key(best.get("outcome")) == key(d["outcome"]))
            if has_votes and (d.get("votes_for") is not None or d.get("votes_against") is not None):
                r["votes_items"] += 1
                ok = all((None if pd.isna(best.get(k)) else int(best.get(k))) == d.get(k)
                         for k in ("votes_for", "votes_against"))
                r["votes_correct"] += int(ok)
    return r


def main(argv=None):
    global CORPUS
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "raadsstukken-corpus-out")
    ap.add_argument("--no-run", action="store_true", help="score an existing run in --out")
    ap.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    ap.add_argument("--json", type=Path, help="write all figures to this file")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="folder with pdf/ and gold/ (default bench/corpus)")
    args = ap.parse_args(argv)
    out = args.out.resolve()
    CORPUS = args.corpus.resolve()
    if not args.no_run:
        rc = run_pipeline(out, args.jobs)
        if rc not in (0, 1):
            print(f"raadsstukken run exited with {rc}", file=sys.stderr)
            return rc
    if not (out / "documents").exists():
        print(f"no output in {out}", file=sys.stderr)
        return 2
    gold_root = CORPUS / "gold"
    print(f"output {out}, corpus {CORPUS}\n")
    families = sorted(p.name for p in gold_root.iterdir() if p.is_dir() and any(p.glob("*.json")))
    ref = load_scorer()
    views = out / "_by_family"
    per_family, per_kind, outcomes = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="corpus-score-") as td:
        td = Path(td)
        for fam in families:
            view = family_view(out, fam, views)
            jf = td / f"{fam}.json"
            subprocess.run([sys.executable, str(SCORER), str(view), str(gold_root / fam), "--json", str(jf)],
                           check=True, capture_output=True)
            per_family[fam] = json.loads(jf.read_text())
            # per kind: the gold files of this family grouped by their kinds
            groups: dict[str, list[Path]] = {}
            for g in sorted((gold_root / fam).glob("*.json")):
                kinds = [d["doc_type"] for d in json.loads(g.read_text())["documents"]]
                k = kinds[0] if len(kinds) == 1 else "compound (" + "+".join(sorted(set(kinds))) + ")" \
                    if len(set(kinds)) <= 2 else "compound (mixed)"
                groups.setdefault(k, []).append(g)
            for k, gs in groups.items():
                kd = td / "kinds" / fam / re.sub(r"\W+", "_", k)
                kd.mkdir(parents=True)
                for g in gs:
                    os.symlink(g, kd / g.name)
                add_tallies(per_kind.setdefault(k, {}), ref.score(view, kd))
            outcomes[fam] = outcome_accuracy(view, gold_root / fam)
    print("## Per family\n")
    print(table([(f, per_family[f]) for f in families], "family"))
    total = {}
    for f in families:
        add_tallies(total, per_family[f])
    print(table([("**all**", finish(total))], "family").split("\n", 2)[2])
    print("\n## Per kind (summed over families)\n")
    print(table([(k, finish(per_kind[k])) for k in sorted(per_kind)], "kind"))
    print("\n## Fields per family (share right)\n")
    fields = list(ref.FIELDS)
    print("| family | " + " | ".join(fields) + " |")
    print("|" + "---|" * (len(fields) + 1))
    for f in families:
        pf = per_family[f].get("fields_per_field", {})
        print(f"| {f} | " + " | ".join("–" if pf.get(x) is None else f"{pf[x]:.2f}" for x in fields) + " |")
    print("\n## Outcomes of besluitenlijst items\n")
    if all(v is None for v in outcomes.values()):
        print("not available: the output has no `decisions.outcome` column")
    else:
        print("| family | items | matched | outcome right | accuracy | votes items | votes right |")
        print("|---|---|---|---|---|---|---|")
        tot = {"items": 0, "matched": 0, "correct": 0, "votes_items": 0, "votes_correct": 0}
        for f in families:
            r = outcomes[f]
            if r is None:
                continue
            for k in tot:
                tot[k] += r[k]
            acc = f"{r['correct'] / r['items']:.3f}" if r["items"] else "–"
            print(f"| {f} | {r['items']} | {r['matched']} | {r['correct']} | {acc} | {r['votes_items']} | {r['votes_correct']} |")
        acc = f"{tot['correct'] / tot['items']:.3f}" if tot["items"] else "–"
        print(f"| **all** | {tot['items']} | {tot['matched']} | {tot['correct']} | {acc} "
              f"| {tot['votes_items']} | {tot['votes_correct']} |")
    nf = sorted({x for f in families for x in per_family[f].get("files_not_found", [])})
    if nf:
        print(f"\nfiles not found in the output: {len(nf)} (e.g. {', '.join(nf[:5])})")
    if args.json:
        args.json.write_text(json.dumps({"families": per_family, "kinds": per_kind, "outcomes": outcomes},
                                        indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
