"""Evaluate the page layer of an output directory against gold files, per PDF.

usage: python bench/page_layer_eval.py [OUT] [GOLD_DIR]      (defaults: output tests/gold)

Per gold file it reports
- probes: gold sentences found whole inside the text of one section (whitespace normalized),
- noise leaks: printed page labels / running lines (with a digit) found inside section text,
- headings in order: gold headings (all documents of the file, in order) matched to section
  headings in reading order by an order-preserving alignment (similarity >= 0.9), with the
  gold headings that were missed.
Unlike the reference scorer (`../shared/eval/score.py`), headings are compared over the whole
file, so the figure does not depend on how the file was split into documents.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

import pandas as pd


def norm(s: object) -> str:
    s = unicodedata.normalize("NFKC", "" if s is None else str(s)).replace("\u00ad", "")
    for a, b in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"'), ("–", "-"), ("—", "-"), ("\u00a0", " ")):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip()


def key(s: object) -> str:
    return norm(s).casefold().rstrip(" .;:,")


def similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio()


def aligned(gold: list[str], pred: list[str], threshold: float = 0.9) -> list[bool]:
    """Order-preserving alignment (LCS over similar pairs): which gold items are matched."""
    n, m = len(gold), len(pred)
    score = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if similar(gold[i], pred[j]) >= threshold:
                best = max(best, 1 + score[i + 1][j + 1])
            score[i][j] = best
    hit = [False] * n
    i = j = 0
    while i < n and j < m:
        if similar(gold[i], pred[j]) >= threshold and score[i][j] == 1 + score[i + 1][j + 1]:
            hit[i] = True
            i += 1
            j += 1
        elif score[i + 1][j] >= score[i][j + 1]:
            i += 1
        else:
            j += 1
    return hit


def evaluate(out: Path, gold_dir: Path) -> dict:
    runs = pd.read_parquet(out / "runs")
    docs = pd.read_parquet(out / "documents")
    secs = pd.read_parquet(out / "sections")
    report = {}
    for gp in sorted(gold_dir.glob("*.json")):
        g = json.loads(gp.read_text(encoding="utf-8"))
        hit = runs[runs["source_file"].map(lambda s: Path(s).name) == g["file"]]
        if hit.empty:
            report[g["file"]] = {"error": "not in output"}
            continue
        fid = hit["file_id"].iloc[0]
        fdocs = docs[docs["file_id"] == fid].sort_values("part_index")
        fsecs = secs[secs["file_id"] == fid]
        fsecs = fsecs.assign(_part=fsecs["doc_id"].map(dict(zip(fdocs["doc_id"], fdocs["part_index"]))))
        fsecs = fsecs.sort_values(["_part", "order"])
        texts = [norm(t) for t in fsecs["text"]]
        probes = [norm(p["text"]) for p in g.get("text_probes", [])]
        found = [any(p in t for t in texts) for p in probes]
        leaks = []
        for n in g.get("noise", []):
            nn = norm(n)
            if re.search(r"\d", nn) and len(nn) >= 4:
                pat = re.compile(r"(?<![\w])" + re.escape(nn) + r"(?![\w])")
                leaks += [nn for t in texts if pat.search(t)]
        gold_h = [key(h) for d in g.get("documents", []) for h in d.get("headings", [])]
        pred_h = [key(h) for h in fsecs["heading"] if key(h)]
        hits = aligned(gold_h, pred_h)
        report[g["file"]] = {
            "probes": f"{sum(found)}/{len(found)}",
            "probes_missed": [p for p, f in zip(probes, found) if not f],
            "noise_leaks": leaks,
            "headings_in_order": f"{sum(hits)}/{len(hits)}",
            "headings_recall": round(sum(hits) / len(hits), 4) if hits else None,
            "headings_found": len(pred_h),
            "headings_missed": [h for h, f in zip(gold_h, hits) if not f],
        }
    return report


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("output")
    gold = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("tests/gold")
    print(json.dumps(evaluate(out, gold), indent=1, ensure_ascii=False))
