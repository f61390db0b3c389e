#!/usr/bin/env python3
"""Score the Iv3 taakveld classifier (extractors/semantics/iv3.py) on the hand-labelled sections.

usage: python bench/iv3_score.py [--labels FILE] [--split tune|held-out|all] [--errors] [--cv] [--json FILE]

`bench/corpus/taakvelden/labels.jsonl` holds 155 sections (heading, first 600 characters of text,
taakveld by reader A). The sections of one source paper are classified together as one document
(the document profile of the classifier), which is what the pipeline does with a paper's sections.
The split is by source paper, so no paper has sections in both halves: a paper is in the tuning
half when the first hex digit of sha256(source_id) is below 8, else held out. Prints taakveld and
hoofdtaak accuracy per half and a confusion table of hoofdtaken (rows gold, columns predicted,
`-` = no taakveld) as Markdown.

`--cv` adds two leave-papers-out 5-fold cross-validations (folds by sha256("cv" + source_id)):
the classifier's two context weights (`document_weight`, `heading_weight`) chosen on four folds
from a small grid and scored on the fifth, and a multinomial naive Bayes over the sections' words
trained on four folds (the baseline a model trained on these labels would be). They say how much
of the figure comes from choosing the weights on the same sections, and whether a trained model
would help; the lexicon's terms themselves are not cross-validated (they were written by hand).
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from raadsstukken.extractors.semantics import iv3
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


FOLDS = 5
GRID = list(itertools.product((0.0, 0.5, 1.0, 1.5, 2.0), (1.0, 2.0, 3.0)))
"""(document_weight, heading_weight) pairs the weight cross-validation chooses from."""
WORD = re.compile(r"[^\W\d_]{4,}")


def fold(source_id: str) -> int:
    return int(hashlib.sha256(("cv" + source_id).encode()).hexdigest(), 16) % FOLDS


def _right(pred: dict[int, tuple[str | None, str]], rows: list[dict], level: str) -> int:
    if level == "taakveld":
        return sum(1 for r in rows if pred[r["id"]][0] == r["taakveld"])
    return sum(1 for r in rows if hoofdtaak(pred[r["id"]][0]) == int(r["hoofdtaak"]))


def cv_weights(rows: list[dict]) -> dict[str, float]:
    """Accuracy with the context weights chosen on the other folds (ties: the shipped weights)."""
    base = iv3.lexicon()
    shipped = (base.document_weight, base.heading_weight)
    preds = {}
    original = iv3.lexicon
    try:
        for dw, hw in GRID:
            lex = dataclasses.replace(base, document_weight=dw, heading_weight=hw)
            iv3.lexicon = lambda lex=lex: lex  # type: ignore[assignment]
            preds[(dw, hw)] = predict(rows)
    finally:
        iv3.lexicon = original
    out = {}
    for level in ("taakveld", "hoofdtaak"):
        right = 0
        for f in range(FOLDS):
            train = [r for r in rows if fold(r["source_id"]) != f]
            test = [r for r in rows if fold(r["source_id"]) == f]
            best = max(GRID, key=lambda g: (_right(preds[g], train, level), g == shipped))
            right += _right(preds[best], test, level)
        out[level] = round(right / len(rows), 3)
    return out


def cv_naive_bayes(rows: list[dict], alpha: float = 0.5) -> dict[str, float]:
    """Accuracy of a multinomial naive Bayes over section words, trained on the other folds."""
    def words(r: dict) -> set[str]:
        return {w.lower() for w in WORD.findall(f"{r['heading'] or ''} {r['text']}")}

    pred: dict[int, tuple[str | None, str]] = {}
    for f in range(FOLDS):
        train = [r for r in rows if fold(r["source_id"]) != f]
        counts: dict[str, Counter] = defaultdict(Counter)
        prior: Counter = Counter()
        for r in train:
            prior[r["taakveld"]] += 1
            counts[r["taakveld"]].update(words(r))
        vocab = {w for c in counts.values() for w in c}
        for r in (r for r in rows if fold(r["source_id"]) == f):
            ws = words(r) & vocab
            score = {c: math.log(prior[c]) + sum(math.log((counts[c][w] + alpha) / (sum(counts[c].values())
                                                                                    + alpha * len(vocab))) for w in ws)
                     for c in prior}
            pred[r["id"]] = (max(score, key=lambda c: score[c]), "nb")
    return {level: round(_right(pred, rows, level) / len(rows), 3) for level in ("taakveld", "hoofdtaak")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--split", choices=["tune", "held-out", "all"], default="all")
    ap.add_argument("--errors", action="store_true", help="list the wrong sections")
    ap.add_argument("--cv", action="store_true", help="leave-papers-out cross-validations (weights, naive Bayes)")
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
    if args.cv:
        result["cv_weights"] = cv_weights(rows)
        result["cv_naive_bayes"] = cv_naive_bayes(rows)
        print(f"\nleave-papers-out {FOLDS}-fold CV, all {len(rows)} sections (taakveld / hoofdtaak):")
        print(f"- context weights chosen on the other folds: {result['cv_weights']['taakveld']} / "
              f"{result['cv_weights']['hoofdtaak']}")
        print(f"- naive Bayes over words trained on the other folds: {result['cv_naive_bayes']['taakveld']} / "
              f"{result['cv_naive_bayes']['hoofdtaak']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
