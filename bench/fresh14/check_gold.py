"""Check gold JSON files against /work/shared/eval/GOLD.md's format (keys, types, page ranges, ISO dates)."""
import datetime as dt
import json
import sys
from pathlib import Path

DOC_KEYS = {"doc_type": str, "page_start": int, "page_end": int, "title": (str, type(None)), "reference": (str, type(None)),
            "document_date": (str, type(None)), "decision_date": (str, type(None)), "programme": (str, type(None)),
            "portfolio_holder": (str, type(None)), "team": (str, type(None)), "bodies": list,
            "confidentiality": (str, type(None)), "financial_consequences": (bool, type(None)), "attachments": list,
            "decisions": list, "signatories": list, "headings": list}
errs = []


def err(f, m):
    errs.append(f"{f}: {m}")


for root in sys.argv[1:]:
    pdfroot = Path(root) / "pdf"
    for f in sorted(Path(root, "gold").glob("*/*.json")):
        g = json.loads(f.read_text())
        if g.get("file") != f.stem + ".pdf":
            err(f, "file name")
        if not (pdfroot / f.parent.name / g["file"]).exists():
            err(f, "pdf missing")
        if not isinstance(g.get("municipality"), str) or not isinstance(g.get("n_pages"), int):
            err(f, "municipality/n_pages")
        prev = 0
        for d in g["documents"]:
            if set(d) != set(DOC_KEYS):
                err(f, f"doc keys {set(d) ^ set(DOC_KEYS)}")
            for k, t in DOC_KEYS.items():
                if k in d and not isinstance(d[k], t):
                    err(f, f"{k} type")
            if not (prev < d["page_start"] <= d["page_end"] <= g["n_pages"]):
                err(f, f"pages {d['page_start']}-{d['page_end']}")
            prev = d["page_end"]
            for k in ("document_date", "decision_date"):
                if d[k]:
                    dt.date.fromisoformat(d[k])
            if not all(isinstance(x, str) and x.strip() for x in d["decisions"] + d["headings"] + d["attachments"] + d["bodies"]):
                err(f, "list items")
            if not all(isinstance(s, dict) and set(s) == {"role", "name"} for s in d["signatories"]):
                err(f, "signatories")
        if g["documents"] and g["documents"][-1]["page_end"] != g["n_pages"]:
            err(f, "last doc does not end on last page")
        for pr in g.get("text_probes", []):
            if set(pr) != {"doc_type", "text"} or pr["doc_type"] not in {d["doc_type"] for d in g["documents"]}:
                err(f, "probe")
        if not all(isinstance(x, str) for x in g.get("noise", [])):
            err(f, "noise")
        for k in ("themes", "tables", "statistics", "amounts", "entities"):
            if k in g and not isinstance(g[k], list):
                err(f, k)
        ex = f.parent / "extra" / (f.stem + ".extra.json")
        if not ex.exists():
            err(f, "extra missing")
        else:
            e = json.loads(ex.read_text())
            golddecs = [x for d in g["documents"] for x in d["decisions"]]
            if [x["text"] for x in e["decisions"]] != golddecs:
                err(ex, "extra decisions differ from gold decisions")
            for x in e["decisions"]:
                if x["outcome"] not in (None, "aangenomen", "verworpen"):
                    err(ex, "outcome")
                if not all(v is None or isinstance(v, int) for v in (x["votes_for"], x["votes_against"])):
                    err(ex, "votes")
print("\n".join(errs) or "all gold files well-formed")
sys.exit(1 if errs else 0)
