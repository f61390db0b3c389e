"""The audit diff as text, markdown, HTML and JSON: the same content in each.

First the warnings and the match statistics per dataset (rows on each side, matched, unchanged,
changed, added, removed, moved, and which columns changed how often); then per document that
differs its file name, part, title and type, with its rows named by readable key. A document added
or removed whole is summed up (so many sections, decisions, ...); a changed row shows each changed
column before -> after, long text as a word-level diff. JSON holds every row; the other formats
show the first `MAX_ROWS` of a document.
"""
from __future__ import annotations

import html
import json
from typing import Any, Callable

from raadsstukken.pipeline.audit.diff import Change, DocumentDiff, OutputDiff, RowDiff, elide
from raadsstukken.pipeline.terminal import visible

MAX_ROWS = 200
"""Rows listed per document in text, markdown and HTML (JSON has them all)."""
SYMBOL = {"added": "+", "removed": "-", "changed": "~", "moved": ">"}
PLURAL = {"documents": "document", "pages": "pages", "sections": "sections", "decisions": "decisions",
          "themes": "themes", "goals": "goals", "actions": "actions", "links": "links", "tables": "tables",
          "table_cells": "table cells", "statistics": "statistics", "amounts": "amounts", "entities": "entities"}
STAT_COLUMNS = ("rows old", "rows new", "matched", "unchanged", "changed", "added", "removed", "moved")


def value_text(value: Any, limit: int = 300) -> str:
    """A value as an auditor reads it: strings quoted, null as (null), numbers without noise."""
    if value is None:
        text = "(null)"
    elif isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.10g}"
    elif isinstance(value, str):
        text = f"'{value}'"
    else:
        text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _list_change(c: Change) -> tuple[list[Any], list[Any]] | None:
    if isinstance(c.old, list) and isinstance(c.new, list) and c.column != "bbox":
        old, new = [json.dumps(v, ensure_ascii=False) for v in c.old], [json.dumps(v, ensure_ascii=False) for v in c.new]
        removed = [v for v in c.old if json.dumps(v, ensure_ascii=False) not in new]
        added = [v for v in c.new if json.dumps(v, ensure_ascii=False) not in old]
        if removed or added:
            return removed, added
    return None


def _counts_text(g: DocumentDiff, kind: str) -> str:
    counts = g.counts()
    parts = [f"{c[kind]} {PLURAL[d]}" for d, c in counts.items() if c.get(kind) and d != "documents"]
    return ", ".join(parts) or "no rows"


def _header(g: DocumentDiff) -> tuple[str, str]:
    """(what the document is, what happened to it)."""
    what = g.name
    if g.part_index is not None:
        what += f": {value_text(g.title) if g.title else '(no title)'} ({g.doc_type or 'no type'})"
    status = g.status
    if status == "revised" and g.old_file_id and g.new_file_id:
        status += f": new PDF bytes, file {g.old_file_id[:12]}… -> {g.new_file_id[:12]}…"
    elif status == "added":
        status += f" ({_counts_text(g, 'added')})"
    elif status == "removed":
        status += f" ({_counts_text(g, 'removed')})"
    return what, status


def _listed(g: DocumentDiff) -> list[RowDiff]:
    """The rows a document lists: none for one added or removed whole, no moved ones (counted)."""
    if g.status in ("added", "removed"):
        return []
    return [r for r in g.rows if r.kind != "moved"]


def _moved_text(g: DocumentDiff) -> str:
    moved = g.counts()
    parts = [f"{c['moved']} {PLURAL[d]}" for d, c in moved.items() if c.get("moved")]
    return ", ".join(parts) + " only moved (text inserted or removed before them)" if parts else ""


def _stats_rows(diff: OutputDiff) -> list[tuple[str, list[int], str]]:
    rows = []
    for d in diff.datasets:
        cols = ", ".join(f"{c} {n}" for c, n in sorted(d.columns.items(), key=lambda x: (-x[1], x[0])))
        rows.append((d.name, [d.n_old, d.n_new, d.matched, d.unchanged, d.changed, d.added, d.removed, d.moved], cols))
    return rows


# --- text and markdown ----------------------------------------------------------------------

MD_SPECIAL = "\\`*_~|[]#!"
"""Characters markdown gives a meaning: written with a backslash before them."""


def _md(text: str) -> str:
    """Text for markdown: HTML's own characters as entities (`\\<` is no escape to every renderer:
    Python-Markdown passes `\\<script>` through as HTML), markdown's with a backslash, controls and
    line breaks as escapes (a value cannot start a block of its own)."""
    text = _plain(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    for ch in MD_SPECIAL:
        text = text.replace(ch, "\\" + ch)
    return text


def _plain(text: str) -> str:
    """Text for a terminal or a text file: control and bidi characters, line breaks too, as escapes
    (\\x1b, \\n): a value is one line and cannot rewrite the screen."""
    return visible(text)


def _words_text(c: Change, markdown: bool) -> str:
    assert c.words is not None
    esc: Callable[[str], str] = _md if markdown else _plain
    out = []
    for tag, text in elide(c.words):
        if tag == "=":
            out.append(esc(text))
        elif tag == "-":
            out.append(f"~~{esc(text)}~~" if markdown else f"[-{esc(text)}-]")
        else:
            out.append(f"**{esc(text)}**" if markdown else f"{{+{esc(text)}+}}")
    return " ".join(out)


def _change_text(c: Change, markdown: bool) -> str:
    esc: Callable[[str], str] = _md if markdown else _plain
    if c.words is not None:
        return f"{esc(c.column)}: {_words_text(c, markdown)}"
    lists = _list_change(c)
    if lists:
        removed, added = lists
        parts = [f"- {esc(value_text(v))}" for v in removed] + [f"+ {esc(value_text(v))}" for v in added]
        return f"{esc(c.column)}: " + "; ".join(parts)
    return f"{esc(c.column)}: {esc(value_text(c.old))} -> {esc(value_text(c.new))}"


def render_text(diff: OutputDiff, markdown: bool = False) -> str:
    esc: Callable[[str], str] = _md if markdown else _plain
    out = [f"{'## ' if markdown else ''}raadsstukken diff {esc(str(diff.old))} ({esc(diff.old_version)}) -> "
           f"{esc(str(diff.new))} ({esc(diff.new_version)})"]
    for name, values in diff.filters.items():
        out.append(f"only --{name} {esc(', '.join(values))}")
    out += [f"{'> ' if markdown else ''}warning: {esc(w)}" for w in diff.warnings]
    if diff.identical:
        return "\n".join(out + ["identical"])
    out.append("")
    if markdown:
        out += ["| dataset | " + " | ".join(STAT_COLUMNS) + " | changed columns |",
                "|---|" + "---:|" * len(STAT_COLUMNS) + "---|"]
        out += [f"| {esc(n)} | " + " | ".join(map(str, v)) + f" | {esc(cols)} |" for n, v, cols in _stats_rows(diff)]
    else:
        out.append(f"{'dataset':12s} " + " ".join(f"{h:>9s}" for h in STAT_COLUMNS) + "  changed columns")
        out += [f"{n:12s} " + " ".join(f"{x:9d}" for x in v) + (f"  {cols}" if cols else "") for n, v, cols in _stats_rows(diff)]
    same = 0
    for g in diff.documents:
        if not g.rows:
            same += 1
            continue
        what, status = _header(g)
        out += ["", f"### {esc(what)}", f"*{esc(status)}*"] if markdown else ["", esc(what), f"  {esc(status)}"]
        listed = _listed(g)
        for r in listed[:MAX_ROWS]:
            bullet = "- " if markdown else "  "
            out.append(f"{bullet}{SYMBOL[r.kind]} {esc(r.label)}" + (f" (p. {r.page})" if r.page else "")
                       + f"  [{esc(r.dataset)} {esc(r.row_id)}]")
            out += [f"{'    - ' if markdown else '      '}{_change_text(c, markdown)}" for c in r.changes]
        if len(listed) > MAX_ROWS:
            out.append(f"{'- ' if markdown else '  '}… {len(listed) - MAX_ROWS} more rows (see --format json)")
        if g.status not in ("added", "removed") and (moved := _moved_text(g)):
            out.append(f"{'- ' if markdown else '  '}{esc(moved)}")
    if same:
        out += ["", f"{same} document(s) without differences"]
    out += ["", "different"]
    return "\n".join(out)


# --- JSON -------------------------------------------------------------------------------------

def render_json(diff: OutputDiff) -> str:
    data = {
        "old": str(diff.old), "new": str(diff.new), "old_version": diff.old_version, "new_version": diff.new_version,
        "identical": diff.identical, "warnings": diff.warnings, "filters": diff.filters,
        "datasets": {d.name: {"key": list(d.key), "rows_old": d.n_old, "rows_new": d.n_new, "matched": d.matched,
                              "unchanged": d.unchanged, "changed": d.changed, "added": d.added, "removed": d.removed,
                              "moved": d.moved, "changed_columns": d.columns}
                     for d in diff.datasets},
        "documents": [
            {"source": g.source, "part_index": g.part_index, "title": g.title, "doc_type": g.doc_type, "status": g.status,
             "old_doc_id": g.old_doc_id, "new_doc_id": g.new_doc_id, "old_file_id": g.old_file_id,
             "new_file_id": g.new_file_id, "counts": g.counts(),
             "rows": [{"dataset": r.dataset, "kind": r.kind, "label": r.label, "row_id": r.row_id, "page": r.page,
                       "changes": [{"column": c.column, "old": c.old, "new": c.new,
                                    **({"words": [list(w) for w in c.words]} if c.words is not None else {})}
                                   for c in r.changes]}
                      for r in g.rows]}
            for g in diff.documents if g.rows],
        "documents_without_differences": sum(1 for g in diff.documents if not g.rows),
    }
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


# --- HTML -------------------------------------------------------------------------------------

CSS = """body{font-family:system-ui,sans-serif;margin:1.5em 2em;color:#222;max-width:1200px}
td,th{border:1px solid #ccc;padding:2px 6px;font-size:90%}th{background:#eef}td.n{text-align:right}
table{border-collapse:collapse}.added{color:#070}.removed{color:#a00}.changed{color:#333}.moved{color:#666}
section.doc{border-top:2px solid #123;margin-top:1.5em}ins{background:#dfd;text-decoration:none}
del{background:#fdd}.status{font-style:italic}.id{color:#777;font-size:80%}.warning{background:#ffe7b3;padding:4px}
ul.changes{margin:2px 0 6px}li{margin:2px 0}"""


def _change_html(c: Change) -> str:
    e = html.escape
    if c.words is not None:
        parts = []
        for tag, text in elide(c.words):
            parts.append(e(text) if tag == "=" else f"<del>{e(text)}</del>" if tag == "-" else f"<ins>{e(text)}</ins>")
        return f"<li><b>{e(c.column)}</b>: {' '.join(parts)}</li>"
    lists = _list_change(c)
    if lists:
        removed, added = lists
        body = " ".join([f"<del>{e(value_text(v))}</del>" for v in removed] + [f"<ins>{e(value_text(v))}</ins>" for v in added])
        return f"<li><b>{e(c.column)}</b>: {body}</li>"
    return f"<li><b>{e(c.column)}</b>: <del>{e(value_text(c.old))}</del> → <ins>{e(value_text(c.new))}</ins></li>"


def render_html(diff: OutputDiff) -> str:
    e = html.escape
    parts = ["<!doctype html><html lang='en'><meta charset='utf-8'><title>raadsstukken diff</title>",
             f"<style>{CSS}</style>",
             f"<h1>raadsstukken diff</h1><p>{e(str(diff.old))} ({e(diff.old_version)}) → "
             f"{e(str(diff.new))} ({e(diff.new_version)})</p>"]
    parts += [f"<p>only --{e(n)} {e(', '.join(v))}</p>" for n, v in diff.filters.items()]
    parts += [f"<p class='warning'>warning: {e(w)}</p>" for w in diff.warnings]
    parts.append("<table><tr><th>dataset</th>" + "".join(f"<th>{h}</th>" for h in STAT_COLUMNS) + "<th>changed columns</th></tr>")
    for name, values, cols in _stats_rows(diff):
        parts.append(f"<tr><td>{e(name)}</td>" + "".join(f"<td class='n'>{v}</td>" for v in values) + f"<td>{e(cols)}</td></tr>")
    parts.append("</table>")
    same = 0
    for g in diff.documents:
        if not g.rows:
            same += 1
            continue
        what, status = _header(g)
        parts.append(f"<section class='doc'><h2>{e(what)}</h2><p class='status'>{e(status)}</p><ul>")
        listed = _listed(g)
        for r in listed[:MAX_ROWS]:
            page = f" (p. {r.page})" if r.page else ""
            changes = "<ul class='changes'>" + "".join(_change_html(c) for c in r.changes) + "</ul>" if r.changes else ""
            parts.append(f"<li class='{r.kind}'>{SYMBOL[r.kind]} {e(r.label)}{page} "
                         f"<span class='id'>{e(r.dataset)} {e(r.row_id)}</span>{changes}</li>")
        if len(listed) > MAX_ROWS:
            parts.append(f"<li>… {len(listed) - MAX_ROWS} more rows (see --format json)</li>")
        if g.status not in ("added", "removed") and (moved := _moved_text(g)):
            parts.append(f"<li class='moved'>{e(moved)}</li>")
        parts.append("</ul></section>")
    if same:
        parts.append(f"<p>{same} document(s) without differences</p>")
    parts.append(f"<p><strong>{'identical' if diff.identical else 'different'}</strong></p></html>")
    return "\n".join(parts)


RENDERERS: dict[str, Callable[[OutputDiff], str]] = {
    "text": render_text,
    "markdown": lambda d: render_text(d, markdown=True),
    "json": render_json,
    "html": render_html,
}
