"""Evaluate an output directory against gold files, per PDF: page layer and documents.

usage: python bench/evaluate.py [OUT] [GOLD_DIR] [--json]     (defaults: output tests/gold)

Per gold file it reports, for the page layer,
- probes: gold sentences found whole inside the text of one section (whitespace normalized),
- noise leaks: printed page labels / running lines (with a digit) found inside section text,
- headings in order: gold headings (all documents of the file, in order) matched to section
  headings in reading order by an order-preserving alignment (similarity >= 0.9), with the
  gold headings that were missed.
Unlike the reference scorer (`../shared/eval/score.py`), headings are compared over the whole
file, so the figure does not depend on how the file was split into documents.

and for the documents (gold and output documents paired in order):
- split: page ranges and types, exact,
- fields: per metadata field, right or wrong (dates as ISO, lists as sets, titles exact after
  whitespace normalization), with the wrong values shown,
- decisions: per document, the decision texts equal to the gold, in order,
- amounts: gold amounts found with the right value (recall), and amounts found that the gold
  does not list.
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
        fsecs = fsecs.sort_values(["_part", "position"])
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
        report[g["file"]].update(evaluate_documents(out, g, fid))
        report[g["file"]].update(evaluate_tables(out, g, fid))
    return report


def evaluate_tables(out: Path, g: dict, fid: str) -> dict:
    """Gold tables found with their shape (page, rows, columns); statistics precision and recall."""
    tables = pd.read_parquet(out / "tables")
    tables = tables[tables["file_id"] == fid]
    found = {(int(t.page), int(t.n_rows), int(t.n_cols)) for t in tables.itertuples()}
    gold = [(t["page"], 1 + len(t["rows"]), max(len(t["header"]), *(len(r) for r in t["rows"]))) for t in g.get("tables", [])]
    shapes_ok = [shape in found for shape in gold]
    stats = pd.read_parquet(out / "statistics")
    doc_ids = set(pd.read_parquet(out / "documents").query("file_id == @fid")["doc_id"])
    mine = [(norm(r.indicator).casefold(), int(r.period), float(r.value))
            for r in stats[stats["doc_id"].isin(doc_ids)].itertuples()]
    theirs = [(norm(s["indicator"]).casefold(), s["period"], float(s["value"])) for s in g.get("statistics", [])]
    left, tp = list(mine), 0
    for gi in theirs:
        best = max((m for m in left if m[1] == gi[1] and abs(m[2] - gi[2]) < 1e-6),
                   key=lambda m: similar(m[0], gi[0]), default=None)
        if best is not None and similar(best[0], gi[0]) >= 0.85:
            left.remove(best)
            tp += 1
    return {
        "tables_found_with_shape": f"{sum(shapes_ok)}/{len(gold)}",
        "tables_missed": [shape for shape, ok in zip(gold, shapes_ok) if not ok],
        "tables_not_in_gold": len(found) - sum(shapes_ok),
        "statistics": f"precision {tp}/{len(mine)}, recall {tp}/{len(theirs)}",
    }


FIELDS = ["title", "reference", "document_date", "decision_date", "programme", "portfolio_holder", "team",
          "bodies", "confidentiality", "financial_consequences", "attachments", "signatories"]


def _value(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if hasattr(v, "tolist"):
        v = v.tolist()
    if isinstance(v, list):
        items = [tuple(sorted((k, norm(x)) for k, x in i.items())) if isinstance(i, dict) else norm(i) for i in v]
        return sorted(items)
    if hasattr(v, "isoformat"):
        return v.isoformat()[:10]
    if isinstance(v, (bool, int)):
        return v
    return norm(v) or None


def _gold_value(name, v):
    if name == "signatories":
        return sorted(tuple(sorted((k, norm(x)) for k, x in s.items())) for s in v)
    return _value(v)


def evaluate_documents(out: Path, g: dict, fid: str) -> dict:
    docs = pd.read_parquet(out / "documents")
    docs = docs[docs["file_id"] == fid].sort_values("part_index").to_dict("records")
    decs = pd.read_parquet(out / "decisions")
    amounts = pd.read_parquet(out / "amounts")
    gdocs = g.get("documents", [])
    split = [(d["doc_type"], int(d["page_start"]), int(d["page_end"])) for d in docs]
    gsplit = [(d["doc_type"], d["page_start"], d["page_end"]) for d in gdocs]
    fields = {f: [0, 0] for f in FIELDS}
    wrong, decisions_ok, decisions_wrong = [], 0, []
    for gd, pd_ in zip(gdocs, docs):
        for f in FIELDS:
            if f not in gd:
                continue
            ok = _gold_value(f, gd[f]) == _value(pd_.get(f))
            fields[f][0] += ok
            fields[f][1] += 1
            if not ok:
                wrong.append(f"{gd['doc_type']}.{f}: gold {gd[f]!r}, got {_value(pd_.get(f))!r}")
        found = decs[decs["doc_id"] == pd_["doc_id"]].sort_values("number")["text"].map(norm).tolist()
        if found == [norm(x) for x in gd.get("decisions", [])]:
            decisions_ok += 1
        else:
            decisions_wrong.append(gd["doc_type"])
    doc_ids = {d["doc_id"] for d in docs}
    got = sorted(float(v) for v in amounts[amounts["doc_id"].isin(doc_ids)]["amount_eur"].dropna())
    gold_amounts = sorted(float(a["amount_eur"]) for a in g.get("amounts", []) if a.get("amount_eur") is not None)
    left, hit = list(got), 0
    for value in gold_amounts:
        match = next((x for x in left if abs(x - value) < 0.5), None)
        if match is not None:
            left.remove(match)
            hit += 1
    return {
        "split_exact": split == gsplit,
        "split": split,
        "fields": {f: f"{a}/{b}" for f, (a, b) in fields.items()},
        "fields_wrong": wrong,
        "decisions_equal": f"{decisions_ok}/{len(gdocs)} documents",
        "decisions_wrong_in": decisions_wrong,
        "amounts_recall": f"{hit}/{len(gold_amounts)}",
        "amounts_not_in_gold": left,
    }


def summary(report: dict) -> str:
    lines = []
    for name, r in report.items():
        lines.append(name)
        if "error" in r:
            lines.append(f"  {r['error']}")
            continue
        lines.append(f"  probes whole in one section   {r['probes']}")
        lines.append(f"  noise leaks                   {len(r['noise_leaks'])}")
        lines.append(f"  headings in order             {r['headings_in_order']} ({r['headings_found']} section headings)")
        lines.append(f"  split exact (type and pages)  {r['split_exact']}")
        fields = ", ".join(f"{k} {v}" for k, v in r["fields"].items())
        lines.append(f"  fields                        {fields}")
        lines.append(f"  decisions equal, in order     {r['decisions_equal']}")
        lines.append(f"  amounts recall                {r['amounts_recall']} ({len(r['amounts_not_in_gold'])} not in gold)")
        lines.append(f"  tables found with shape       {r['tables_found_with_shape']} ({r['tables_not_in_gold']} not in gold)")
        lines.append(f"  statistics                    {r['statistics']}")
        for key in ("probes_missed", "headings_missed", "fields_wrong", "decisions_wrong_in", "tables_missed"):
            if r[key]:
                lines.append(f"  {key}: {r[key]}")
    return "\n".join(lines)


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else Path("output")
    gold = Path(args[1]) if len(args) > 1 else Path("tests/gold")
    result = evaluate(out, gold)
    print(json.dumps(result, indent=1, ensure_ascii=False) if "--json" in sys.argv else summary(result))
