"""The audit report: one self-contained HTML file that shows, per document, what was extracted
and where on the page it came from.

Per document: its metadata, decision points, heading outline, the theme -> goal -> action tree,
tables with their values, statistics charted over the years, amounts and entities; and the page
images (rendered with pdfplumber) with coloured boxes over sections, tables, decisions and
amounts, so a reviewer sees where each row came from. Page images need the source PDFs: they are
found through `_manifest.json` (or `--inputs`); without them the report says so and shows the rest.
"""
from __future__ import annotations

import base64
import html
import io
import logging
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from raadsstukken.pipeline.notebook import load_output as load
from raadsstukken.pipeline.manifest import Manifest

_log = logging.getLogger(__name__)

PAGE_RESOLUTION = 60
"""Dots per inch of the page images: enough to see where a box sits, small enough to embed."""
BOX_COLOURS = {"section": "#1f77b4", "table": "#2ca02c", "decision": "#d62728", "amount": "#9467bd"}
FIELDS = ["doc_type", "title", "municipality", "reference", "document_date", "decision_date", "programme",
          "portfolio_holder", "team", "bodies", "confidentiality", "financial_consequences", "attachments",
          "signatories", "page_start", "page_end", "source_file", "method"]

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222}
header{background:#123;color:#fff;padding:1em 2em}
main{padding:1em 2em;max-width:1200px}
nav a{margin-right:1em}
section.document{border-top:3px solid #123;margin-top:2em;padding-top:1em}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;font-size:90%}
th{background:#eef}
.pages{display:flex;flex-wrap:wrap;gap:12px}
figure.page{position:relative;margin:0;border:1px solid #999}
figure.page img{display:block}
figure.page .box{position:absolute;border:2px solid;box-sizing:border-box}
figure.page figcaption{font-size:80%;text-align:center}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;color:#fff;font-size:85%}
.outline li{font-size:90%}
svg.chart{border:1px solid #ddd;margin:4px}
"""


def _e(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return ", ".join(_e(v if not isinstance(v, dict) else f"{v.get('role')}: {v.get('name')}") for v in value)
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if hasattr(value, "date") and callable(value.date):
        return value.date().isoformat()
    return html.escape(str(value))


def build_report(out: Path, doc_id: str | None = None, inputs: Path | None = None) -> str:
    """The report for every document in `out` (or only `doc_id`) as an HTML string."""
    data = load(out)
    docs = data["documents"].sort_values(["source_file", "part_index"])
    if doc_id is not None:
        docs = docs[docs["doc_id"] == doc_id]
        if docs.empty:
            raise KeyError(f"no document {doc_id!r} in {out}")
    pdfs = _pdf_paths(out, inputs)
    parts = [f"<!doctype html><html lang='nl'><meta charset='utf-8'><title>raadsstukken audit report</title>"
             f"<style>{CSS}</style><header><h1>Audit report</h1><p>{_e(str(out))}: {len(docs)} documents</p>"
             "</header><main><nav>"]
    parts += [f"<a href='#{_e(d)}'>{_e(t or d)}</a>" for d, t in zip(docs["doc_id"], docs["title"])]
    parts.append("</nav><p class='legend'>" + "".join(
        f"<span style='background:{c}'>{k}</span>" for k, c in BOX_COLOURS.items()) + "</p>")
    for doc in docs.to_dict("records"):
        parts.append(_document(doc, data, pdfs))
    parts.append("</main></html>")
    return "\n".join(parts)


def _pdf_paths(out: Path, inputs: Path | None) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for source, entry in Manifest.load(out).files.items():
        candidates = [inputs / source] if inputs else []
        if entry.path:
            candidates.append(Path(entry.path))
        for c in candidates:
            if c.is_file():
                found[source] = c
                break
    return found


def _rows(frame, doc_id: str) -> list[dict]:
    return frame[frame["doc_id"] == doc_id].to_dict("records") if len(frame) else []


def _document(doc: dict, data: dict, pdfs: dict[str, Path]) -> str:
    did = doc["doc_id"]
    out = [f"<section class='document' id='{_e(did)}'><h2>{_e(doc['title'] or did)} "
           f"<small>({_e(doc['doc_type'])}, pages {doc['page_start']}-{doc['page_end']})</small></h2>"]
    out.append("<h3>Metadata</h3><table class='metadata'>" + "".join(
        f"<tr><th>{f}</th><td>{_e(doc.get(f))}</td></tr>" for f in FIELDS) + "</table>")
    decisions = sorted(_rows(data["decisions"], did), key=lambda r: r["number"] or 0)
    out.append("<h3>Decisions</h3>" + ("<ol class='decisions'>" + "".join(
        f"<li value='{d['number'] or ''}'>{_e(d['text'])} <small>({_e(d['body'])}, p. {d['page']})</small></li>"
        for d in decisions) + "</ol>" if decisions else "<p>none</p>"))
    sections = sorted(_rows(data["sections"], did), key=lambda r: r["position"])
    out.append("<h3>Outline</h3><ul class='outline'>" + "".join(
        f"<li style='margin-left:{max(int(s['level'] or 0) - 1, 0)}em'>{_e(s['heading'])} "
        f"<small>p. {s['page_start']}</small></li>"
        for s in sections if s["heading"]) + "</ul>")
    out.append(_tree(did, data))
    out.append(_tables(did, data))
    amounts = _rows(data["amounts"], did)
    if amounts:
        out.append("<h3>Amounts</h3><table class='amounts'><tr><th>as printed</th><th>EUR</th><th>recurrence</th>"
                   "<th>context</th><th>page</th></tr>" + "".join(
                       f"<tr><td>{_e(a['text'])}</td><td>{a['amount_eur']:,.0f}</td><td>{_e(a['recurrence'])}</td>"
                       f"<td>{_e(a['context'])}</td><td>{a['page']}</td></tr>" for a in amounts) + "</table>")
    entities = _rows(data["entities"], did)
    if entities:
        out.append("<h3>Entities</h3><p>" + ", ".join(f"{_e(e['text'])} <small>{_e(e['label'])}</small>"
                                                   for e in entities) + "</p>")
    out.append(_pages(doc, data, pdfs, sections, decisions, amounts))
    out.append("</section>")
    return "\n".join(out)


def _tree(did: str, data: dict) -> str:
    themes = _rows(data["themes"], did)
    if not themes:
        return "<h3>Themes, goals and actions</h3><p>none</p>"
    goals = defaultdict(list)
    for g in _rows(data["goals"], did):
        goals[g["theme_id"]].append(g)
    actions = defaultdict(list)
    for a in _rows(data["actions"], did):
        actions[a["goal_id"]].append(a)
    items = []
    for t in themes:
        inner = "".join(f"<li>{_e(g['text'])}<ul>" + "".join(f"<li>{_e(a['text'])}</li>" for a in actions[g['goal_id']])
                        + "</ul></li>" for g in goals[t["theme_id"]])
        items.append(f"<li><strong>{_e(t['label'])}</strong> <small>{_e(t['kind'])}</small><ul>{inner}</ul></li>")
    return "<h3>Themes, goals and actions</h3><ul class='tree'>" + "".join(items) + "</ul>"


def _tables(did: str, data: dict) -> str:
    tables = _rows(data["tables"], did)
    if not tables:
        return ""
    cells = data["table_cells"]
    stats = data["statistics"]
    out = ["<h3>Tables</h3>"]
    for t in tables:
        tc = cells[cells["table_id"] == t["table_id"]]
        grid = [["" for _ in range(int(t["n_cols"]))] for _ in range(int(t["n_rows"]))]
        for c in tc.itertuples():
            grid[int(c.row)][int(c.col)] = c.text
        header = int(t["header_rows"] or 0)
        rows = "".join("<tr>" + "".join(f"<{'th' if r < header else 'td'}>{_e(v)}</{'th' if r < header else 'td'}>"
                                        for v in row) + "</tr>" for r, row in enumerate(grid))
        out.append(f"<h4>{_e(t['title'] or 'Table')} <small>p. {t['page']}, {t['method']}</small></h4>"
                   f"<table class='data'>{rows}</table>")
        series = defaultdict(list)
        for s in stats[stats["table_id"] == t["table_id"]].itertuples():
            series[s.indicator].append((int(s.period), float(s.value)))
        out += [_chart(name, points) for name, points in list(series.items())[:12] if len(points) >= 2]
    return "\n".join(out)


def _chart(name: str, points: Iterable[tuple[int, float]], width: int = 260, height: int = 120) -> str:
    """A small inline SVG line chart of one statistic over the years."""
    pts = sorted(points)
    years = [p[0] for p in pts]
    values = [p[1] for p in pts]
    lo, hi = min(values), max(values)
    span_y, span_x = (hi - lo) or 1.0, (max(years) - min(years)) or 1
    def xy(year: int, value: float) -> tuple[float, float]:
        return (30 + (year - min(years)) / span_x * (width - 45), height - 20 - (value - lo) / span_y * (height - 40))
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(*p) for p in pts))
    labels = "".join(f"<text x='{xy(yr, v)[0]:.1f}' y='{height - 5}' font-size='9' text-anchor='middle'>{yr}</text>"
                     for yr, v in pts)
    dots = "".join(f"<circle cx='{xy(yr, v)[0]:.1f}' cy='{xy(yr, v)[1]:.1f}' r='2.5'><title>{yr}: {v:g}</title></circle>"
                   for yr, v in pts)
    return (f"<svg class='chart' width='{width}' height='{height}' role='img' aria-label='{_e(name)}'>"
            f"<text x='4' y='12' font-size='10'>{_e(name)[:48]}</text>"
            f"<polyline fill='none' stroke='#1f77b4' stroke-width='1.5' points='{line}'/>{dots}{labels}</svg>")


def _pages(doc: dict, data: dict, pdfs: dict[str, Path], sections: list, decisions: list, amounts: list) -> str:
    path = pdfs.get(doc["source_file"])
    if path is None:
        return "<h3>Pages</h3><p>page images need the source PDF; pass --inputs</p>"
    pages = data["pages"]
    pages = pages[pages["file_id"] == doc["file_id"]].set_index("page")
    boxes: dict[int, list[tuple[str, list, str]]] = defaultdict(list)
    for s in sections:
        if s["bbox"] is not None and s["heading"]:
            boxes[int(s["page_start"])].append(("section", s["bbox"], s["heading"]))
    for t in _rows(data["tables"], doc["doc_id"]):
        boxes[int(t["page"])].append(("table", t["bbox"], t["title"] or "table"))
    for d in decisions:
        if d["bbox"] is not None:
            boxes[int(d["page"])].append(("decision", d["bbox"], d["text"]))
    for a in amounts:
        if a["bbox"] is not None:
            boxes[int(a["page"])].append(("amount", a["bbox"], a["text"]))
    import pdfplumber

    figures = []
    with pdfplumber.open(path) as pdf:
        for number in range(int(doc["page_start"]), int(doc["page_end"]) + 1):
            page = pdf.pages[number - 1]
            image = page.to_image(resolution=PAGE_RESOLUTION).original
            buf = io.BytesIO()
            image.save(buf, format="PNG", optimize=True)
            width, height = image.size
            pw, ph = float(page.width), float(page.height)
            marks = []
            for kind, bbox, label in boxes.get(number, []):
                if bbox is None or len(bbox) != 4:
                    continue
                x0, top, x1, bottom = (float(v) for v in bbox)
                marks.append(f"<div class='box {kind}' title='{_e(kind)}: {_e(label)}' style='left:{x0 / pw * 100:.2f}%;"
                             f"top:{top / ph * 100:.2f}%;width:{(x1 - x0) / pw * 100:.2f}%;"
                             f"height:{(bottom - top) / ph * 100:.2f}%;"
                             f"border-color:{BOX_COLOURS[kind]}'></div>")
            label = pages.loc[number, "page_label"] if number in pages.index else None
            figures.append(f"<figure class='page' style='width:{width}px'><img alt='page {number}' width='{width}' "
                           f"height='{height}' src='data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}'>"
                           + "".join(marks) + f"<figcaption>page {number} {_e(label)}</figcaption></figure>")
    return "<h3>Pages</h3><div class='pages'>" + "".join(figures) + "</div>"


def write_report(out: Path, target: Path, doc_id: str | None = None, inputs: Path | None = None) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(build_report(out, doc_id, inputs), encoding="utf-8")
    return target
