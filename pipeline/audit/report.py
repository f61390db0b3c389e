"""The audit report: a folder of static HTML that shows what was extracted and where it came from.

    report/
      index.html            run summary (every file's status, errors, warnings) and the documents,
                            searchable and filterable by type, municipality and date
      docs/<doc_id>.html    one page per document: metadata, flags, decisions, outline with text,
                            themes/goals/actions, tables with confidence and charts, amounts,
                            entities, and its pages with boxes over every row read there
      pages/<file>-<n>.png  page images (rendered once per PDF, loaded lazily by the pages)
      report.css, report.js

Every box on a page image names its dataset and row id (tooltip, `data-dataset`, `data-id`) and
links to the row's entry on the page; a section's box covers its whole extent (from its heading to
the next heading in reading order, over the text width, on every page it spans). Pages read by OCR,
without a text layer or without characters, and tables of low confidence, are flagged. Page images
need the source PDFs: they are found through `_manifest.json` (or `--inputs`); where a PDF is
missing the report says so and shows the rest. Rows are read as plain Python values, so a null in
any nullable column shows as "—" and never breaks the report.
"""
from __future__ import annotations

import html
import json
import logging
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from raadsstukken.pipeline.audit.rows import read_rows
from raadsstukken.pipeline.manifest import Manifest
from raadsstukken.pipeline.notebook import check_output
from raadsstukken.schemas import DATASETS

_log = logging.getLogger(__name__)

PAGE_RESOLUTION = 60
"""Dots per inch of the page images: enough to see where a box sits."""
MAX_PAGE_PIXELS = 2_000_000
"""Most pixels a page image may have (an A4 page at 60 dpi has 0.35 million): a page with an absurd
MediaBox (14,400 pt square) is rendered at a lower resolution instead of needing gigabytes."""
MAX_PAGE_SIDE = 4000
"""Most pixels on either side of a page image (a very long, thin page)."""
PAGE_COLOURS = 64
"""Page images are stored as palette PNGs of this many colours (a third of the size of full colour)."""
BOX_COLOURS = {"sections": "#1f77b4", "tables": "#2ca02c", "table_cells": "#8fd18f", "decisions": "#d62728",
               "amounts": "#9467bd", "themes": "#ff7f0e", "goals": "#e377c2", "actions": "#8c564b"}
LOW_CONFIDENCE = 0.8
"""Tables whose confidence is below this are flagged."""
LOW_QUALITY = 0.7
"""Pages whose text_quality or text_coverage (when the output has them) is below this are flagged."""
MAX_TABLE_ROWS = 400
"""Rows of a table shown in full; the rest are counted (the Parquet rows hold them all)."""
DOC_FIELDS = ["doc_type", "title", "municipality", "municipality_code", "reference", "document_date", "decision_date",
              "programme", "portfolio_holder", "team", "bodies", "confidentiality", "financial_consequences",
              "attachments", "signatories", "iv3_taakveld", "page_start", "page_end", "source_file", "source_url",
              "source_municipality", "source_published", "source_meeting_date", "source_meeting_id", "source_kind",
              "doc_id", "file_id", "method"]
STATUS_ORDER = {"failed": 0, "partial": 1, "needs_ocr": 2, "ok": 3, "skipped": 4}

CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fff}
header{background:#123;color:#fff;padding:.8em 2em}header a{color:#cde}
main{padding:1em 2em;max-width:1400px}
table{border-collapse:collapse;margin:.5em 0}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;font-size:90%;text-align:left}
th{background:#eef}td.n{text-align:right}
.null{color:#aaa}.id{color:#777;font-size:78%;font-family:monospace}
.status{padding:0 5px;border-radius:3px;color:#fff;font-size:85%}
.s-ok{background:#2a7}.s-skipped{background:#789}.s-partial{background:#d80}.s-failed{background:#c22}
.s-needs_ocr{background:#a5c}
.flag{background:#ffe7b3;padding:1px 5px;border-radius:3px;font-size:85%;margin-right:4px}
.note{background:#fff4d6;border-left:4px solid #e0a800;padding:4px 8px}
.filters input,.filters select{margin-right:1em}
.pages{display:flex;flex-wrap:wrap;gap:12px}
figure.page{position:relative;margin:0;border:1px solid #999;background:#fafafa}
figure.page img{display:block}
figure.page .box{position:absolute;border:2px solid;box-sizing:border-box;display:block}
figure.page .box.sections{border-width:0 0 0 4px;background:rgba(31,119,180,.07)}
figure.page .box.table_cells{border-width:1px}
figure.page .box:hover{background:rgba(255,230,0,.3)}
figure.page figcaption{font-size:80%;text-align:center;padding:2px}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;color:#fff;font-size:85%}
:target{background:#fff3a0}
details.section{margin:2px 0}details.section summary{cursor:pointer}
details.section p{white-space:pre-wrap;margin:.3em 0 .6em 1.2em;font-size:90%}
svg.chart{border:1px solid #ddd;margin:4px}
"""

JS = """
(function () {
  var ids = ['q', 'type', 'muni', 'from', 'to'];
  var el = {};
  ids.forEach(function (i) { el[i] = document.getElementById(i); });
  if (!el.q) return;
  function apply() {
    var s = el.q.value.toLowerCase(), n = 0;
    document.querySelectorAll('#docs tbody tr').forEach(function (r) {
      var d = r.dataset;
      var ok = (!s || r.textContent.toLowerCase().indexOf(s) >= 0) && (!el.type.value || d.type === el.type.value) &&
        (!el.muni.value || d.muni === el.muni.value) && (!el.from.value || (d.date && d.date >= el.from.value)) &&
        (!el.to.value || (d.date && d.date <= el.to.value));
      r.hidden = !ok; if (ok) n++;
    });
    document.getElementById('shown').textContent = n;
  }
  ids.forEach(function (i) { el[i].addEventListener('input', apply); });
})();
"""


def _e(value: Any) -> str:
    """A value as escaped HTML; null as a grey dash."""
    if value is None or value == [] or value == "":
        return "<span class='null'>—</span>"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(_e(f"{v.get('role') or '?'}: {v.get('name') or '?'}" if isinstance(v, dict) else v) for v in value)
    if isinstance(value, float):
        return html.escape(f"{value:g}")
    return html.escape(str(value))


def _t(value: Any, default: str = "") -> str:
    """A value as escaped plain text (for attributes and short labels)."""
    return html.escape(default if value is None else str(value), quote=True)


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _page_ref(page: Any) -> str:
    return f" <small>p. {page}</small>" if page is not None else ""


def _trace(dataset: str, row_id: Any) -> str:
    return f"<span class='id'>{_t(dataset)} {_t(row_id)}</span>"


def _cell_id(c: dict[str, Any]) -> str:
    """A cell's key (table_id, row, col) as one id, as the diff names it."""
    return f"{c['table_id']}/{c['row']}/{c['col']}"


def _anchor(row_id: Any) -> str:
    return "r-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in str(row_id))


@dataclass
class Output:
    """An output directory read whole, grouped by document."""

    path: Path
    rows: dict[str, list[dict[str, Any]]]
    manifest: Manifest
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path) -> Output:
        rows = {name: read_rows(path, name) for name in DATASETS}
        self = cls(path, rows, Manifest.load(path))
        tables = {t["table_id"]: t.get("doc_id") for t in rows["tables"]}
        by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for name, items in rows.items():
            for r in items:
                column = "source_doc_id" if name == "links" else "doc_id"
                doc = tables.get(r.get("table_id")) if name == "table_cells" else r.get(column)
                if doc is not None:
                    by_doc[doc][name].append(r)
        self.by_doc = by_doc
        return self

    def of(self, doc_id: str, name: str) -> list[dict[str, Any]]:
        return self.by_doc.get(doc_id, {}).get(name, [])

    def latest_runs(self) -> list[dict[str, Any]]:
        """The last run row of every input file (a file absent from the latest run keeps its last row)."""
        last: dict[str, dict[str, Any]] = {}
        for r in sorted(self.rows["runs"], key=lambda r: (r.get("started_at") or "", r.get("run_id") or "")):
            last[r.get("source_file") or r.get("file_id") or "?"] = r
        return sorted(last.values(), key=lambda r: (STATUS_ORDER.get(r.get("status") or "", 9), r.get("source_file") or ""))


# --- page images ----------------------------------------------------------------------------

def _pdf_paths(out: Output, inputs: Path | None) -> dict[str, Path | None]:
    """source_file -> the PDF to render pages from (None: not found)."""
    found: dict[str, Path | None] = {}
    sources = {e.source_file: e for e in out.manifest.files.values()}
    for d in out.rows["documents"]:
        sources.setdefault(d["source_file"], None)  # type: ignore[arg-type]
    for source, entry in sources.items():
        candidates = [inputs / source] if inputs else []
        if entry is not None and entry.path:
            candidates.append(Path(entry.path))
        found[source] = next((c for c in candidates if c.is_file()), None)
    return found


def _image_name(file_id: str, page: int) -> str:
    return f"{file_id[:16]}-{page}.png"


def _render_pages(pdf: Path, file_id: str, numbers: Iterable[int], folder: Path) -> dict[int, tuple[int, int]]:
    """Page images of `pdf` into `folder` (kept when already there: the name holds the file's hash);
    {page: (width, height)} of those written or found."""
    import pdfplumber
    from PIL import Image

    sizes: dict[int, tuple[int, int]] = {}
    wanted = sorted(set(numbers))
    todo = []
    for n in wanted:
        target = folder / _image_name(file_id, n)
        if target.is_file():
            with Image.open(target) as im:
                sizes[n] = im.size
        else:
            todo.append(n)
    if not todo:
        return sizes
    if not _same_file(pdf, file_id):
        _log.warning("page images of %s left out: the file is no longer the one the rows were read from "
                     "(its sha256 is not %s…)", pdf, file_id[:16])
        return sizes
    try:
        with pdfplumber.open(pdf) as doc:
            for n in todo:
                if not 1 <= n <= len(doc.pages):
                    continue
                page = doc.pages[n - 1]
                resolution = page_resolution(float(page.width), float(page.height))
                if resolution is None:
                    _log.warning("page %d of %s has no size (MediaBox %s): no image", n, pdf, list(page.mediabox))
                    continue
                image = page.to_image(resolution=resolution).original.convert("RGB")
                image = image.quantize(PAGE_COLOURS)
                tmp = folder / f".tmp-{_image_name(file_id, n)}"
                image.save(tmp, format="PNG", optimize=True)
                tmp.replace(folder / _image_name(file_id, n))
                sizes[n] = image.size
    except Exception as exc:  # noqa: BLE001 - a PDF that no longer renders must not stop the report
        _log.warning("page images of %s (%s) left out: %s: %s", pdf, file_id[:16], type(exc).__name__, exc)
    return sizes


def page_resolution(width: float, height: float) -> float | None:
    """Dots per inch for a page of `width` x `height` points: PAGE_RESOLUTION, lowered so the image
    stays within MAX_PAGE_PIXELS and MAX_PAGE_SIDE; None for a page without a size (a zero,
    negative or infinite MediaBox)."""
    if not (math.isfinite(width) and math.isfinite(height) and width >= 1 and height >= 1):
        return None
    scale = PAGE_RESOLUTION / 72
    fit = min(1.0, math.sqrt(MAX_PAGE_PIXELS / (width * height * scale * scale)),
              MAX_PAGE_SIDE / (max(width, height) * scale))
    return PAGE_RESOLUTION * fit * (0.99 if fit < 1 else 1)  # the renderer rounds sides up


def _same_file(pdf: Path, file_id: str) -> bool:
    """Whether `pdf` still has the bytes the rows were read from (a source replaced by another
    file, a PDF or not, must not lend its pages to the old rows)."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with open(pdf, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return False
    return digest.hexdigest() == file_id


# --- boxes ----------------------------------------------------------------------------------

@dataclass
class Box:
    dataset: str
    row_id: str
    label: str
    bbox: tuple[float, float, float, float]


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    if not isinstance(value, list) or len(value) != 4 or any(v is None for v in value):
        return None
    x0, top, x1, bottom = (float(v) for v in value)
    return (x0, top, x1, bottom) if x1 > x0 and bottom > top else None


def _section_label(s: dict[str, Any]) -> str:
    path = s.get("heading_path") or []
    return " › ".join(str(p) for p in path) if path else s.get("heading") or "(text before the first heading)"


def section_extents(sections: list[dict[str, Any]], page_sizes: dict[int, tuple[float, float]],
                    text_width: dict[int, tuple[float, float]]) -> dict[int, list[Box]]:
    """The box of each section on every page it spans: from its heading (its bbox) to the next
    section's heading in reading order, over the page's text width.

    The output keeps a section's heading box only; its text runs until the next heading, so that is
    where its extent ends (a band on the heading's page, whole text areas on pages in between).
    """
    ordered = sorted((s for s in sections if _int(s.get("page_start")) is not None),
                     key=lambda s: (_int(s.get("position")) or 0))
    out: dict[int, list[Box]] = defaultdict(list)
    for i, s in enumerate(ordered):
        start, end = _int(s["page_start"]), _int(s.get("page_end")) or _int(s["page_start"])
        assert start is not None and end is not None
        head = _bbox(s.get("bbox"))
        nxt = next((n for n in ordered[i + 1:] if _bbox(n.get("bbox")) is not None), None)
        nxt_page, nxt_box = (_int(nxt["page_start"]), _bbox(nxt.get("bbox"))) if nxt else (None, None)
        for p in range(start, max(end, start) + 1):
            if p not in page_sizes:
                continue
            width, height = page_sizes[p]
            left, right = text_width.get(p, (width * 0.08, width * 0.92))
            top = head[1] if p == start and head else height * 0.05
            bottom = nxt_box[1] if nxt_box and nxt_page == p else height * 0.95
            if p == start and head and head[0] > width * 0.45:  # a heading in a right-hand column
                left = head[0]
            if bottom <= top:
                bottom = head[3] if head and p == start else top + 12
            out[p].append(Box("sections", s["section_id"], _section_label(s), (left, top, right, bottom)))
    return out


def _boxes(doc: dict[str, Any], out: Output, pages: dict[int, dict[str, Any]]) -> dict[int, list[Box]]:
    did = doc["doc_id"]
    per_page: dict[int, list[Box]] = defaultdict(list)

    def add(dataset: str, row_id: Any, label: Any, page: Any, bbox: Any) -> None:
        b, p = _bbox(bbox), _int(page)
        if b is not None and p is not None:
            per_page[p].append(Box(dataset, str(row_id), str(label if label is not None else ""), b))

    for t in out.of(did, "tables"):
        add("tables", t["table_id"], t.get("title") or "table", t.get("page"), t.get("bbox"))
    for c in out.of(did, "table_cells"):
        add("table_cells", _cell_id(c), c.get("text"), c.get("page"), c.get("bbox"))
    for d in out.of(did, "decisions"):
        add("decisions", d["decision_id"], d.get("text"), d.get("page"), d.get("bbox"))
    for a in out.of(did, "amounts"):
        add("amounts", a["amount_id"], a.get("text"), a.get("page"), a.get("bbox"))
    for name, key, text in (("themes", "theme_id", "label"), ("goals", "goal_id", "text"), ("actions", "action_id", "text")):
        for r in out.of(did, name):
            add(name, r[key], r.get(text), r.get("page"), r.get("bbox"))
    sizes = {n: (float(p.get("width") or 595), float(p.get("height") or 842)) for n, p in pages.items()}
    widths: dict[int, tuple[float, float]] = {}
    for n, (w, _) in sizes.items():
        xs = [b.bbox for b in per_page.get(n, [])] + [b for s in out.of(did, "sections")
                                                       if _int(s.get("page_start")) == n and (b := _bbox(s.get("bbox")))]
        widths[n] = (min([w * 0.08] + [b[0] for b in xs]), max([w * 0.92] + [b[2] for b in xs]))
    for p, boxes in section_extents(out.of(did, "sections"), sizes, widths).items():
        per_page[p] = boxes + per_page[p]  # sections first: the smaller boxes stay on top
    return per_page


# --- pages of the report --------------------------------------------------------------------

def _page(title: str, body: str, root: str) -> str:
    return (f"<!doctype html><html lang='nl'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width,initial-scale=1'><title>{_t(title)}</title>"
            f"<link rel='stylesheet' href='{root}report.css'></head><body>{body}"
            f"<script src='{root}report.js'></script></body></html>")


def _page_flags(p: dict[str, Any]) -> list[str]:
    flags = []
    if p.get("ocr"):
        conf = p.get("ocr_confidence")
        flags.append("OCR" + (f" (confidence {conf:.2f})" if isinstance(conf, float) else ""))
    if p.get("text_layer") is False and not p.get("ocr"):
        flags.append("no text layer")
    if p.get("n_chars") == 0:
        flags.append("no characters")
    for column in ("text_quality", "text_coverage"):
        v = p.get(column)
        if isinstance(v, (int, float)) and v < LOW_QUALITY:
            flags.append(f"low {column.replace('text_', 'text ')} {v:.2f}")
    return flags


def _doc_title(doc: dict[str, Any]) -> str:
    return doc.get("title") or "(no title)"


def _index(out: Output, docs: list[dict[str, Any]], missing: list[str], written: set[str]) -> str:
    runs = out.latest_runs()
    status = Counter(r.get("status") or "?" for r in runs)
    body = [f"<header><h1>Audit report</h1><p>{_t(str(out.path))} · pipeline {_t(out.manifest.pipeline_version or '?')}"
            f" · schema {_t(out.manifest.schema_version or '?')} · {len(runs)} files · {len(docs)} documents</p></header><main>"]
    counts = sorted(status.items(), key=lambda x: STATUS_ORDER.get(x[0], 9))
    body.append("<h2 id='runs'>Run summary</h2><p>" + " ".join(
        f"<span class='status s-{_t(s)}'>{_t(s)}</span> {n}" for s, n in counts) + "</p>")
    if missing:
        body.append(f"<p class='note'>Page images of {len(missing)} file(s) are left out: their PDFs are not where the run "
                    f"read them (moved or deleted?). Pass <code>--inputs DIR</code> to <code>raadsstukken report</code> "
                    f"with the folder that holds them: {', '.join(_t(m) for m in missing[:10])}"
                    f"{' …' if len(missing) > 10 else ''}</p>")
    body.append("<table class='runs'><thead><tr><th>status</th><th>file</th><th>pages</th><th>seconds</th><th>started</th>"
                "<th>error</th><th>stage errors</th><th>warnings</th></tr></thead><tbody>")
    for r in runs:
        errors = "".join(f"<li>{_t(e.get('stage'))}{' p. ' + str(e['page']) if e.get('page') is not None else ''}: "
                         f"{_t(e.get('kind'))}: {_t(e.get('message'))}</li>" for e in (r.get("errors") or []))
        warnings = "".join(f"<li>{_t(w)}</li>" for w in (r.get("warnings") or []))
        err = f"{_t(r.get('error_type'))}: {_t(r.get('error'))}" if r.get("error_type") or r.get("error") else _e(None)
        duration = r.get("duration_s")
        body.append(f"<tr><td><span class='status s-{_t(r.get('status'))}'>{_t(r.get('status'), '?')}</span></td>"
                    f"<td>{_t(r.get('source_file'))}</td><td class='n'>{_e(r.get('n_pages'))}</td>"
                    f"<td class='n'>{f'{duration:.1f}' if isinstance(duration, float) else _e(None)}</td>"
                    f"<td>{_e(r.get('started_at'))}</td><td>{err}</td>"
                    f"<td>{'<ul>' + errors + '</ul>' if errors else _e(None)}</td>"
                    f"<td>{'<ul>' + warnings + '</ul>' if warnings else _e(None)}</td></tr>")
    body.append("</tbody></table>")
    types = sorted({str(d.get("doc_type")) for d in docs if d.get("doc_type")})
    munis = sorted({str(d.get("municipality")) for d in docs if d.get("municipality")})
    body.append("<h2 id='documents'>Documents</h2><p class='filters'>"
                "<label>search <input id='q' type='search' placeholder='title, file, reference…'></label>"
                "<label>type <select id='type'><option value=''>all</option>"
                + "".join(f"<option>{_t(t)}</option>" for t in types) + "</select></label>"
                "<label>municipality <select id='muni'><option value=''>all</option>"
                + "".join(f"<option>{_t(m)}</option>" for m in munis) + "</select></label>"
                "<label>date from <input id='from' type='date'></label><label>to <input id='to' type='date'></label>"
                f"<span id='shown'>{len(docs)}</span> shown</p>")
    body.append("<table id='docs'><thead><tr><th>file</th><th>part</th><th>title</th><th>type</th><th>municipality</th>"
                "<th>date</th><th>pages</th><th>sections</th><th>decisions</th><th>tables</th><th>amounts</th>"
                "<th>entities</th><th>flags</th></tr></thead><tbody>")
    pages_of = defaultdict(dict)
    for p in out.rows["pages"]:
        pages_of[p.get("doc_id")][p.get("page")] = p
    for d in docs:
        did = d["doc_id"]
        flags = Counter(f.split(" (")[0] for p in pages_of.get(did, {}).values() for f in _page_flags(p))
        low = sum(1 for t in out.of(did, "tables") if isinstance(t.get("confidence"), float) and t["confidence"] < LOW_CONFIDENCE)
        if low:
            flags["low-confidence table"] = low
        date = d.get("document_date") or d.get("decision_date") or d.get("source_published")
        title = (f"<a href='docs/{_t(did)}.html'>{_t(_doc_title(d))}</a>" if did in written else _t(_doc_title(d)))
        body.append(f"<tr data-type='{_t(d.get('doc_type'))}' data-muni='{_t(d.get('municipality'))}' "
                    f"data-date='{_t((date or '')[:10])}'><td>{_t(d.get('source_file'))}</td>"
                    f"<td class='n'>{_e(d.get('part_index'))}</td><td>{title}</td><td>{_e(d.get('doc_type'))}</td>"
                    f"<td>{_e(d.get('municipality'))}</td><td>{_e((date or '')[:10] or None)}</td>"
                    f"<td class='n'>{_e(d.get('page_start'))}–{_e(d.get('page_end'))}</td>"
                    + "".join(f"<td class='n'>{len(out.of(did, n))}</td>"
                              for n in ("sections", "decisions", "tables", "amounts", "entities"))
                    + "<td>" + "".join(f"<span class='flag'>{_t(f)} ×{n}</span>" for f, n in flags.items()) + "</td></tr>")
    body.append("</tbody></table></main>")
    return _page("raadsstukken audit report", "".join(body), "")


def _document(doc: dict[str, Any], out: Output, images: dict[int, tuple[int, int]] | None, note: str | None,
              run: dict[str, Any] | None) -> str:
    did = doc["doc_id"]
    body = [f"<header><p><a href='../index.html'>← all documents</a></p><h1>{_t(_doc_title(doc))}</h1>"
            f"<p>{_t(doc.get('source_file'))} · part {_t(doc.get('part_index'))} · {_t(doc.get('doc_type'), '?')} · "
            f"pages {_t(doc.get('page_start'))}–{_t(doc.get('page_end'))}</p></header><main>"]
    body.append("<p><a href='#metadata'>metadata</a> · <a href='#decisions'>decisions</a> · <a href='#outline'>outline</a>"
                " · <a href='#tables'>tables</a> · <a href='#amounts'>amounts</a> · <a href='#entities'>entities</a>"
                " · <a href='#pages'>pages</a></p>")
    if run is not None:
        errors = [e for e in (run.get("errors") or [])
                  if e.get("page") is None or (_int(doc.get("page_start")) or 0) <= e["page"] <= (_int(doc.get("page_end")) or 0)]
        body.append(f"<p>file status <span class='status s-{_t(run.get('status'))}'>{_t(run.get('status'), '?')}</span> "
                    + "".join(f"<span class='flag'>{_t(e.get('stage'))}: {_t(e.get('kind'))}: {_t(e.get('message'))}</span>"
                              for e in errors)
                    + "".join(f"<span class='flag'>{_t(w)}</span>" for w in (run.get("warnings") or [])) + "</p>")
    present = [f for f in DOC_FIELDS if f in doc and doc.get(f) not in (None, [], "")]
    absent = [f for f in DOC_FIELDS if f in doc and f not in present]
    body.append("<h2 id='metadata'>Metadata</h2><table class='metadata'>" + "".join(
        f"<tr><th>{f}</th><td>{_e(doc.get(f))}</td></tr>" for f in present) + "</table>"
        + (f"<p><small>not printed (null): {', '.join(absent)}</small></p>" if absent else ""))
    pages = {p["page"]: p for p in out.rows["pages"] if p.get("file_id") == doc.get("file_id")
             and (_int(doc.get("page_start")) or 0) <= p["page"] <= (_int(doc.get("page_end")) or 0)}
    flagged = [(n, f) for n, p in sorted(pages.items()) if (f := _page_flags(p))]
    if flagged:
        body.append("<p>Pages flagged: " + "; ".join(f"<a href='#page-{n}'>p. {n}</a> " + ", ".join(_t(x) for x in f)
                                                     for n, f in flagged) + "</p>")
    decisions = sorted(out.of(did, "decisions"),
                       key=lambda r: (r.get("number") is None, r.get("number") or 0, r.get("page") or 0))
    body.append("<h2 id='decisions'>Decisions</h2>")
    if decisions:
        items = []
        for d in decisions:
            item = f"item {d['agenda_item']}" if d.get("agenda_item") else None
            extra = ", ".join(_t(x) for x in (d.get("body"), d.get("outcome"), item) if x)
            votes = f" votes {d.get('votes_for')}–{d.get('votes_against')}" if d.get("votes_for") is not None else ""
            items.append(f"<li id='{_anchor(d['decision_id'])}'{f' value={n}' if (n := _int(d.get('number'))) else ''}>"
                         f"{_e(d.get('text'))} <small>{extra}{votes}</small>{_page_ref(d.get('page'))} "
                         f"{_trace('decisions', d['decision_id'])}</li>")
        body.append("<ol class='decisions'>" + "".join(items) + "</ol>")
    else:
        body.append("<p>none</p>")
    sections = sorted(out.of(did, "sections"), key=lambda r: _int(r.get("position")) or 0)
    body.append("<h2 id='outline'>Outline</h2>")
    for s in sections:
        level = max((_int(s.get("level")) or 0) - 1, 0)
        theme = f" <span class='flag'>theme {_t(s.get('theme_method'))} {s['theme_score']:.2f}</span>" \
            if isinstance(s.get("theme_score"), float) else ""
        body.append(f"<details class='section' id='{_anchor(s['section_id'])}' style='margin-left:{level * 1.2}em'>"
                    f"<summary>{_e(s.get('heading') or '(text before the first heading)')}{_page_ref(s.get('page_start'))}"
                    f"{theme} {_trace('sections', s['section_id'])}</summary><p>{_e(s.get('text'))}</p></details>")
    if not sections:
        body.append("<p>none</p>")
    body.append(_tree(did, out))
    body.append(_tables(did, out))
    amounts = out.of(did, "amounts")
    body.append("<h2 id='amounts'>Amounts</h2>")
    if amounts:
        body.append("<table class='amounts'><tr><th>as printed</th><th>EUR</th><th>recurrence</th><th>context</th>"
                    "<th>page</th><th>row</th></tr>" + "".join(
                        f"<tr id='{_anchor(a['amount_id'])}'><td>{_e(a.get('text'))}</td><td class='n'>"
                        f"{f'{v:,.0f}' if isinstance(v := a.get('amount_eur'), float) else _e(None)}</td>"
                        f"<td>{_e(a.get('recurrence'))}</td><td>{_e(a.get('context'))}</td><td>{_e(a.get('page'))}</td>"
                        f"<td>{_trace('amounts', a['amount_id'])}</td></tr>" for a in amounts) + "</table>")
    else:
        body.append("<p>none</p>")
    body.append(_entities(did, out))
    body.append(_pages(doc, out, pages, images, note))
    body.append("</main>")
    return _page(f"{_doc_title(doc)} · audit report", "".join(body), "../")


def _tree(did: str, out: Output) -> str:
    themes = out.of(did, "themes")
    if not themes:
        return "<h2 id='themes'>Themes, goals and actions</h2><p>none</p>"
    goals: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for g in out.of(did, "goals"):
        goals[g.get("theme_id")].append(g)
    actions: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for a in out.of(did, "actions"):
        actions[a.get("goal_id")].append(a)
    items = []
    for t in themes:
        inner = "".join(f"<li id='{_anchor(g['goal_id'])}'>{_e(g.get('number'))}. {_e(g.get('text'))} "
                        f"{_trace('goals', g['goal_id'])}<ul>" + "".join(
                            f"<li id='{_anchor(a['action_id'])}'>{_e(a.get('text'))} {_trace('actions', a['action_id'])}</li>"
                            for a in actions[g["goal_id"]]) + "</ul></li>" for g in goals[t["theme_id"]])
        items.append(f"<li id='{_anchor(t['theme_id'])}'><strong>{_e(t.get('label'))}</strong> <small>{_e(t.get('kind'))}"
                     f"{' · ' + _t(t['ambition']) if t.get('ambition') else ''}</small> {_trace('themes', t['theme_id'])}"
                     f"<ul>{inner}</ul></li>")
    return "<h2 id='themes'>Themes, goals and actions</h2><ul class='tree'>" + "".join(items) + "</ul>"


def _tables(did: str, out: Output) -> str:
    tables = out.of(did, "tables")
    body = ["<h2 id='tables'>Tables</h2>"]
    if not tables:
        return body[0] + "<p>none</p>"
    cells: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for c in out.of(did, "table_cells"):
        cells[c["table_id"]].append(c)
    stats: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for s in out.of(did, "statistics"):
        stats[s.get("table_id")].append(s)
    for t in tables:
        n_rows, n_cols = _int(t.get("n_rows")) or 0, _int(t.get("n_cols")) or 0
        for c in cells[t["table_id"]]:  # a table's shape from its cells when the row says less
            n_rows, n_cols = max(n_rows, (_int(c.get("row")) or 0) + 1), max(n_cols, (_int(c.get("col")) or 0) + 1)
        shown = min(n_rows, MAX_TABLE_ROWS)
        grid: list[list[dict[str, Any] | None]] = [[None] * n_cols for _ in range(shown)]
        for c in cells[t["table_id"]]:
            r, k = _int(c.get("row")), _int(c.get("col"))
            if r is not None and k is not None and r < shown:
                grid[r][k] = c
        header = _int(t.get("header_rows")) or 0
        rows = []
        for r, row in enumerate(grid):
            tag = "th" if r < header else "td"
            rows.append("<tr>" + "".join(
                f"<{tag} id='{_anchor(_cell_id(c))}'>{_t(c.get('text'))}</{tag}>" if c else f"<{tag}></{tag}>"
                for c in row) + "</tr>")
        conf = t.get("confidence")
        flag = (f"<span class='flag'>low confidence {conf:.2f}</span>" if isinstance(conf, float) and conf < LOW_CONFIDENCE
                else f"confidence {conf:.2f}" if isinstance(conf, float) else "confidence —")
        pages = f"p. {t.get('page')}" + (f"–{t['page_end']}" if t.get("page_end") not in (None, t.get("page")) else "")
        more = f"<p>… {n_rows - shown} more rows</p>" if n_rows > shown else ""
        body.append(f"<h3 id='{_anchor(t['table_id'])}'>{_e(t.get('title') or 'Table')} <small>{pages}, "
                    f"{_t(t.get('method'))}, {flag}</small> {_trace('tables', t['table_id'])}</h3>"
                    f"<table class='data'>{''.join(rows)}</table>{more}")
        series: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for s in stats[t["table_id"]]:
            period, value = _int(s.get("period")), s.get("value")
            if period is not None and isinstance(value, (int, float)):
                series[str(s.get("indicator"))].append((period, float(value)))
        body += [_chart(name, points) for name, points in list(series.items())[:12] if len({p for p, _ in points}) >= 2]
    return "\n".join(body)


def _entities(did: str, out: Output) -> str:
    entities = out.of(did, "entities")
    if not entities:
        return "<h2 id='entities'>Entities</h2><p>none</p>"
    groups: dict[tuple[Any, Any, Any], list[dict[str, Any]]] = defaultdict(list)
    for e in entities:
        groups[(e.get("label"), e.get("text"), e.get("normalized"))].append(e)
    rows = []
    for (label, text, normalized), items in sorted(groups.items(), key=lambda x: (str(x[0][0]), str(x[0][1]))):
        pages = sorted({p for e in items if (p := _int(e.get("page"))) is not None})
        methods = sorted({str(e.get("method")) for e in items if e.get("method")})
        ids = " ".join(str(e["entity_id"]) for e in items[:20]) + (" …" if len(items) > 20 else "")
        rows.append(f"<tr><td>{_e(label)}</td><td>{_e(text)}</td><td>{_e(normalized)}</td><td class='n'>{len(items)}</td>"
                    f"<td>{', '.join(map(str, pages)) or _e(None)}</td><td>{_e(', '.join(methods) or None)}</td>"
                    f"<td><span class='id' title='{_t(ids)}'>entities {_t(items[0]['entity_id'])}"
                    f"{' +' + str(len(items) - 1) if len(items) > 1 else ''}</span></td></tr>")
    return ("<h2 id='entities'>Entities</h2><table class='entities'><tr><th>label</th><th>text</th><th>normalized</th>"
            "<th>times</th><th>pages</th><th>method</th><th>rows</th></tr>" + "".join(rows) + "</table>")


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
    return (f"<svg class='chart' width='{width}' height='{height}' role='img' aria-label='{_t(name)}'>"
            f"<text x='4' y='12' font-size='10'>{_t(name[:48])}</text>"
            f"<polyline fill='none' stroke='#1f77b4' stroke-width='1.5' points='{line}'/>{dots}{labels}</svg>")


def _pages(doc: dict[str, Any], out: Output, pages: dict[int, dict[str, Any]],
           images: dict[int, tuple[int, int]] | None, note: str | None) -> str:
    head = ("<h2 id='pages'>Pages</h2><p class='legend'>" + "".join(
        f"<span style='background:{c}'>{k}</span>" for k, c in BOX_COLOURS.items())
        + " a section's band runs from its heading to the next heading; hover a box for its dataset and row id,"
        " click it for the row</p>")
    if images is None:
        return head + f"<p class='note'>{_t(note or 'page images left out')}</p>"
    boxes = _boxes(doc, out, pages)
    figures = []
    start, end = _int(doc.get("page_start")) or 1, _int(doc.get("page_end")) or _int(doc.get("page_start")) or 1
    for n in range(start, end + 1):
        size = images.get(n)
        p = pages.get(n, {})
        flags = "".join(f" <span class='flag'>{_t(f)}</span>" for f in _page_flags(p))
        caption = f"page {n}{' · ' + _t(p['page_label']) if p.get('page_label') else ''}{flags}"
        if size is None:
            figures.append(f"<figure class='page' id='page-{n}'><figcaption>{caption}: no image</figcaption></figure>")
            continue
        width, height = size
        pw = float(p.get("width") or 0) or width * 72 / PAGE_RESOLUTION
        ph = float(p.get("height") or 0) or height * 72 / PAGE_RESOLUTION
        marks = []
        for b in boxes.get(n, []) if pw > 0 and ph > 0 else []:
            x0, top, x1, bottom = b.bbox
            tip = f"{b.dataset} {b.row_id}: {b.label[:120]}"
            marks.append(f"<a class='box {b.dataset}' href='#{_anchor(b.row_id)}' data-dataset='{b.dataset}' "
                         f"data-id='{_t(b.row_id)}' title='{_t(tip)}' style='left:{x0 / pw * 100:.2f}%;"
                         f"top:{top / ph * 100:.2f}%;width:{(x1 - x0) / pw * 100:.2f}%;height:{(bottom - top) / ph * 100:.2f}%;"
                         f"border-color:{BOX_COLOURS.get(b.dataset, '#333')}'></a>")
        src = f"../pages/{_image_name(str(doc['file_id']), n)}"
        figures.append(f"<figure class='page' id='page-{n}' style='width:{width}px'><img alt='page {n}' loading='lazy' "
                       f"width='{width}' height='{height}' src='{src}'>" + "".join(marks)
                       + f"<figcaption>{caption}</figcaption></figure>")
    return head + (f"<p class='note'>{_t(note)}</p>" if note else "") + "<div class='pages'>" + "".join(figures) + "</div>"


# --- writing ------------------------------------------------------------------------------------

def write_report(out: Path, target: Path | None = None, doc_id: str | None = None, inputs: Path | None = None,
                 images: bool = True) -> Path:
    """Write the report folder of output directory `out` into `target` (default `out/report`);
    returns the index page. `doc_id`: only that document's page (and the index). `images=False`
    leaves page images out."""
    out = check_output(out)
    target = target or out / "report"
    data = Output.read(out)
    docs = sorted(data.rows["documents"], key=lambda d: (str(d.get("source_file")), _int(d.get("part_index")) or 0))
    selected = docs
    if doc_id is not None:
        selected = [d for d in docs if d["doc_id"] == doc_id]
        if not selected:
            raise KeyError(f"no document {doc_id!r} in {out}")
    (target / "docs").mkdir(parents=True, exist_ok=True)
    (target / "pages").mkdir(exist_ok=True)
    (target / "report.css").write_text(CSS, encoding="utf-8")
    (target / "report.js").write_text(JS, encoding="utf-8")
    pdfs = _pdf_paths(data, inputs) if images else {}
    runs = {r.get("file_id"): r for r in data.latest_runs()}
    by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in selected:
        by_file[str(d["file_id"])].append(d)
    missing = []
    for file_id, file_docs in by_file.items():
        source = str(file_docs[0].get("source_file"))
        pdf = pdfs.get(source)
        sizes: dict[int, tuple[int, int]] | None = None
        note = None
        if not images:
            note = "page images left out (--no-images)"
        elif pdf is None:
            missing.append(source)
            entry = data.manifest.files.get(source)
            where = f" at {entry.path}" if entry is not None and entry.path else ""
            note = (f"page images left out: the PDF {source} is not found{where} (moved since the run?); "
                    f"pass --inputs DIR with the folder that holds it")
        else:
            numbers = [n for d in file_docs for n in range((_int(d.get("page_start")) or 1), (_int(d.get("page_end")) or 0) + 1)]
            sizes = _render_pages(pdf, file_id, numbers, target / "pages")
            if not sizes and numbers:
                note = f"page images left out: {pdf} could not be rendered (see the log)"
        for d in file_docs:
            page = _document(d, data, sizes, note, runs.get(file_id))
            _write(target / "docs" / f"{d['doc_id']}.html", page)
    written = {d["doc_id"] for d in selected}
    index = target / "index.html"
    _write(index, _index(data, docs, missing, written))
    (target / "report.json").write_text(json.dumps({"documents": len(docs), "written": len(written),
                                                    "missing_pdfs": missing}, indent=1), encoding="utf-8")
    return index


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".tmp-{path.name}")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
