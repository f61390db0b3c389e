"""Audit diff between two output directories: rows added, removed and changed, per dataset.

Rows are matched on the key columns each dataset declares in `schemas/` (stable ids: a section is
known by its heading path, a decision by its number), so a diff shows what really changed. The
`runs` log is left out: it differs on every run by design; the pipeline versions of both sides
come from their manifests.
"""
from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads

from raadsstukken.pipeline.manifest import Manifest
from raadsstukken.schemas import DATASETS

SKIPPED = ("runs",)
IDENTITY = ("file_id", "doc_id")
POSITION = ("position", "order", "bbox", "page", "page_start", "page_end", "page_end", "start_char", "end_char", "parent_id")
"""Where a row sits: when only these differ, the row moved (text inserted before it) and is
counted as moved, not listed as changed."""
"""Content hashes: a revised file changes them on every row; reported once per document instead."""
MAX_SHOWN = 50
"""Rows shown per dataset and kind of change in text, markdown and html (json has them all)."""


@dataclass
class ChangedRow:
    key: dict[str, Any]
    changes: dict[str, tuple[Any, Any]]


@dataclass
class DatasetDiff:
    name: str
    key: tuple[str, ...]
    n_old: int
    n_new: int
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[ChangedRow] = field(default_factory=list)
    moved: int = 0

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed or self.moved)


@dataclass
class OutputDiff:
    old: Path
    new: Path
    old_version: str
    new_version: str
    datasets: list[DatasetDiff]

    @property
    def identical(self) -> bool:
        return all(d.identical for d in self.datasets)


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _rows(out: Path, name: str) -> list[dict[str, Any]]:
    folder = out / name
    files = sorted(str(p) for p in folder.glob("*.parquet")) if folder.is_dir() else []
    if not files:
        return []
    table = pads.dataset(files, format="parquet", schema=DATASETS[name].schema).to_table()
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_pylist()]


def diff_datasets(old: Path, new: Path, name: str) -> DatasetDiff:
    key = DATASETS[name].key
    before = {tuple(_freeze(r[k]) for k in key): r for r in _rows(old, name)}
    after = {tuple(_freeze(r[k]) for k in key): r for r in _rows(new, name)}
    result = DatasetDiff(name, key, len(before), len(after))
    for k in sorted(after.keys() - before.keys(), key=repr):
        result.added.append(after[k])
    for k in sorted(before.keys() - after.keys(), key=repr):
        result.removed.append(before[k])
    for k in sorted(before.keys() & after.keys(), key=repr):
        b, a = before[k], after[k]
        changes = {c: (b.get(c), a.get(c)) for c in sorted(set(b) | set(a))
                   if b.get(c) != a.get(c) and (c not in IDENTITY or name == "documents")}
        if changes and all(c in POSITION for c in changes):
            result.moved += 1
        elif changes:
            result.changed.append(ChangedRow(dict(zip(key, k)), changes))
    return result


def _freeze(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def diff_outputs(old: Path, new: Path) -> OutputDiff:
    names = [n for n in DATASETS if n not in SKIPPED]
    return OutputDiff(Path(old), Path(new), Manifest.load(Path(old)).pipeline_version or "?",
                      Manifest.load(Path(new)).pipeline_version or "?", [diff_datasets(old, new, n) for n in names])


def _short(value: Any, limit: int = 80) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _key_text(d: DatasetDiff, row: dict[str, Any]) -> str:
    return ", ".join(f"{k}={row[k]}" for k in d.key)


def render_text(diff: OutputDiff, markdown: bool = False) -> str:
    out = []
    h = "## " if markdown else ""
    out.append(f"{h}raadsstukken diff {diff.old} ({diff.old_version}) -> {diff.new} ({diff.new_version})")
    if diff.identical:
        return "\n".join(out + ["identical"])
    out.append("")
    if markdown:
        out += ["| dataset | rows old | rows new | added | removed | changed | moved |", "|---|---|---|---|---|---|---|"]
    for d in diff.datasets:
        counts = (d.n_old, d.n_new, len(d.added), len(d.removed), len(d.changed), d.moved)
        if markdown:
            out.append(f"| {d.name} | " + " | ".join(map(str, counts)) + " |")
        else:
            out.append(f"{d.name:12s} old {counts[0]:6d}  new {counts[1]:6d}  +{counts[2]} -{counts[3]} ~{counts[4]}"
                       f"  moved {counts[5]}")
    for d in diff.datasets:
        if d.identical:
            continue
        out += ["", f"{'### ' if markdown else ''}{d.name}"]
        bullet = "- " if markdown else "  "
        for row in d.added[:MAX_SHOWN]:
            out.append(f"{bullet}+ {_key_text(d, row)}")
        for row in d.removed[:MAX_SHOWN]:
            out.append(f"{bullet}- {_key_text(d, row)}")
        for ch in d.changed[:MAX_SHOWN]:
            out.append(f"{bullet}~ {', '.join(f'{k}={v}' for k, v in ch.key.items())}")
            for col, (b, a) in ch.changes.items():
                out.append(f"{'  ' if markdown else '      '}{col}: {_short(b)} -> {_short(a)}")
        hidden = max(len(d.added) - MAX_SHOWN, 0) + max(len(d.removed) - MAX_SHOWN, 0) + max(len(d.changed) - MAX_SHOWN, 0)
        if hidden:
            out.append(f"{bullet}… {hidden} more (see --format json)")
    out += ["", "identical" if diff.identical else "different"]
    return "\n".join(out)


def render_json(diff: OutputDiff) -> str:
    data = {
        "old": str(diff.old), "new": str(diff.new), "old_version": diff.old_version,
        "new_version": diff.new_version, "identical": diff.identical,
        "datasets": {d.name: {"key": list(d.key), "rows_old": d.n_old, "rows_new": d.n_new, "moved": d.moved,
                              "added": d.added, "removed": d.removed,
                              "changed": [{"key": c.key, "changes": {k: {"old": b, "new": a} for k, (b, a) in c.changes.items()}}
                                          for c in d.changed]}
                     for d in diff.datasets},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, default=str)


def render_html(diff: OutputDiff) -> str:
    e = html.escape
    parts = ["<!doctype html><meta charset='utf-8'><title>raadsstukken diff</title>",
             "<style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:2px 6px}"
             "table{border-collapse:collapse}.add{color:#070}.del{color:#a00}.chg{color:#a60}</style>",
             f"<h1>Diff {e(str(diff.old))} ({e(diff.old_version)}) → {e(str(diff.new))} ({e(diff.new_version)})</h1>",
             "<table><tr><th>dataset</th><th>rows old</th><th>rows new</th><th>added</th><th>removed</th>"
             "<th>changed</th><th>moved</th></tr>"]
    for d in diff.datasets:
        parts.append(f"<tr><td>{e(d.name)}</td><td>{d.n_old}</td><td>{d.n_new}</td><td>{len(d.added)}</td>"
                     f"<td>{len(d.removed)}</td><td>{len(d.changed)}</td><td>{d.moved}</td></tr>")
    parts.append("</table>")
    for d in diff.datasets:
        if d.identical:
            continue
        parts.append(f"<h2 id='{e(d.name)}'>{e(d.name)}</h2><ul>")
        parts += [f"<li class='add'>+ {e(_key_text(d, r))}</li>" for r in d.added[:MAX_SHOWN]]
        parts += [f"<li class='del'>− {e(_key_text(d, r))}</li>" for r in d.removed[:MAX_SHOWN]]
        for c in d.changed[:MAX_SHOWN]:
            cols = "".join(f"<li>{e(k)}: {e(_short(b))} → {e(_short(a))}</li>" for k, (b, a) in c.changes.items())
            parts.append(f"<li class='chg'>~ {e(', '.join(f'{k}={v}' for k, v in c.key.items()))}<ul>{cols}</ul></li>")
        parts.append("</ul>")
    parts.append(f"<p><strong>{'identical' if diff.identical else 'different'}</strong></p>")
    return "\n".join(parts)


RENDERERS = {
    "text": lambda d: render_text(d),
    "markdown": lambda d: render_text(d, markdown=True),
    "json": render_json,
    "html": render_html,
}
