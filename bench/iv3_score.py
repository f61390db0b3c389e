#!/usr/bin/env python3
"""Score the Iv3 taakveld classifier (extractors/semantics/iv3.py) on the hand-labelled sections.

usage: python bench/iv3_score.py [--labels FILE] [--split tune|held-out|all] [--errors] [--json FILE]

`bench/corpus/taakvelden/labels.jsonl` holds 155 sections (heading, first 600 characters of text,
taakveld by reader A). The sections of one source paper are classified together as one document
(the document profile of the classifier), which is what the pipeline does with a paper's sections.
The split is by source paper, so no paper has sections in both halves: a paper is in the tuning
half when the first hex digit of sha256(source_id) is below 8, else held out. Prints taakveld and
hoofdtaak accuracy per half and a confusion table of hoofdtaken (rows gold, columns predicted,
`-` = no taakveld) as Markdown.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from raadsstukken.extractors.semantics.iv3 import classify, hoofdtaak

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "bench" / "corpus" / "taakvelden" / "labels.jsonl"


def half(source_id: str) -> str:
    return "tune" if int(hashlib.sha256(source_id.encode()).hexdigest()[0], 16) < 8 else "held-out"


def predict(rows: list[dict]) -> dict[int, tuple[str | None, str]]:
    by_source: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_source[r["source_id"]].append(r)
    out = {}
    for group in by_source.values():
        decisions, _ = classify([(r["heading"], r["text"]) for r in group])
        for r, d in zip(group, decisions):
            out[r["id"]] = (d.taakveld, d.method)
    return out


def confusion(rows: list[dict], pred: dict[int, tuple[str | None, str]]) -> str:
    table: dict[int, Counter] = defaultdict(Counter)
    for r in rows:
        p = hoofdtaak(pred[r["id"]][0])
        table[int(r["hoofdtaak"])]["-" if p is None else str(p)] += 1
    cols = [str(h) for h in range(9)] + ["-"]
    lines = ["| gold \\ predicted | " + " | ".join(cols) + " | n | right |", "|---" * (len(cols) + 3) + "|"]
    for h in range(9):
        n = sum(table[h].values())
        if not n:
            continue
        cells = [str(table[h][c]) if table[h][c] else "" for c in cols]
        lines.append(f"| {h} | " + " | ".join(cells) + f" | {n} | {table[h][str(h)]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--split", choices=["tune", "held-out", "all"], default="all")
    ap.add_argument("--errors", action="store_true", help="list the wrong sections")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    pred = predict(rows)
    result = {}
    for name in ("tune", "held-out", "all"):
        part = [r for r in rows if name == "all" or half(r["source_id"]) == name]
        tv = sum(1 for r in part if pred[r["id"]][0] == r["taakveld"])
        ht = sum(1 for r in part if hoofdtaak(pred[r["id"]][0]) == int(r["hoofdtaak"]))
        result[name] = {"n": len(part), "papers": len({r["source_id"] for r in part}),
                        "taakveld": round(tv / len(part), 3) if part else None,
                        "hoofdtaak": round(ht / len(part), 3) if part else None}
    print("| half | papers | sections | taakveld accuracy | hoofdtaak accuracy |")
    print("|---|---|---|---|---|")
    for name, r in result.items():
        print(f"| {name} | {r['papers']} | {r['n']} | {r['taakveld']} | {r['hoofdtaak']} |")
    shown = [r for r in rows if args.split == "all" or half(r["source_id"]) == args.split]
    print(f"\nHoofdtaak confusion ({args.split}, {len(shown)} sections):\n")
    print(confusion(shown, pred))
    methods = Counter(pred[r["id"]][1].split(":")[0] for r in shown)
    print("\nmethods: " + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
    if args.errors:
        print()
        for r in shown:
            p, method = pred[r["id"]]
            if p != r["taakveld"]:
                print(f"{r['id']:4d} gold {r['taakveld']:6s} got {p or '-':6s} {method[:50]:50s} | "
                      f"{r['heading'][:40]} | {r['text'][:80]}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
