"""Audit diff between two output directories, per source document and in words an auditor reads.

Rows are matched on the key columns each dataset declares in `schemas/`. Those ids are owned by a
document's source and part, not by the PDF's bytes (a section is known by its heading path, a
decision by its number, a statistic by its table, indicator and period), so a revised PDF of the
same source is compared with its predecessor. Documents and pages, whose keys hold `file_id`, are
matched by source instead: the same `source_file`, else the same `source_url`, and the same part
(or page). Rows of a matched document that no id pairs (a file renamed between runs, with the same
`source_url`) are paired by their readable key.

Every difference is named by that readable key (a section by its heading path, a decision by its
number and first words, a statistic by indicator and period, a cell by its table, row and column
heading) and grouped by document (file name, part, title, type). A changed column shows before and
after; long text as a word-level diff. Per dataset and per column the counts of changes are kept
(the match statistics datacompy prints). The `runs` log is left out: it differs on every run by
design; the pipeline versions of both sides come from their manifests. Renderers:
`pipeline.audit.diff_render`.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from raadsstukken.pipeline.audit.rows import read_rows
from raadsstukken.pipeline.manifest import Manifest
from raadsstukken.pipeline.notebook import check_output
from raadsstukken.schemas import DATASETS, SCHEMA_VERSION

SKIPPED = ("runs",)
DATASET_NAMES = tuple(n for n in DATASETS if n not in SKIPPED)
IDENTITY = ("file_id", "doc_id", "source_doc_id")
"""Which bytes and which document a row belongs to: differs for every row of a revised PDF, so it is
shown once per document (its file_id before and after), never as a changed column."""
POSITION = ("position", "bbox", "page", "page_start", "page_end", "start_char", "end_char", "parent_id")
"""Where a row sits: when only these differ, the row moved (text inserted before it) and is
counted as moved, not listed as changed."""
REFERENCES = {"section_id": "sections", "parent_id": "sections", "source_section_id": "sections",
              "theme_id": "themes", "goal_id": "goals", "table_id": "tables"}
"""Columns that hold another row's id: a change is shown by that row's readable key."""
LONG_TEXT = 60
"""Strings longer than this (in either version) are shown as a word-level diff."""
CONTEXT_WORDS = 6
"""Unchanged words kept around each change of a word-level diff."""


class DiffInputError(ValueError):
    """An input of the diff is not an output directory (a usage error: exit status 2)."""


# --- the result -------------------------------------------------------------------------------

@dataclass
class Change:
    """One column of a changed row: before and after, and for long text the changed words."""

    column: str
    old: Any
    new: Any
    words: list[tuple[str, str]] | None = None
    """Word-level diff: ("=", unchanged words), ("-", removed words), ("+", added words)."""


@dataclass
class RowDiff:
    dataset: str
    kind: str
    """added, removed, changed or moved."""
    label: str
    """The row in words: section 'Aanpak › Kosten', decision 2: 'De raad besluit …'."""
    row_id: str
    """Its key in the dataset (`sec-…`, or `table_id/row/col`), to find the Parquet row."""
    page: int | None = None
    changes: list[Change] = field(default_factory=list)


@dataclass
class DocumentDiff:
    source: str
    """source_file of the document's PDF (the new side's name when it was renamed)."""
    part_index: int | None
    """Part of a compound PDF; None for rows of a file that has no document (pages of a failed file)."""
    title: str | None = None
    doc_type: str | None = None
    old_doc_id: str | None = None
    new_doc_id: str | None = None
    old_file_id: str | None = None
    new_file_id: str | None = None
    rows: list[RowDiff] = field(default_factory=list)

    @property
    def status(self) -> str:
        """added, removed, revised (other bytes, some rows differ), changed (same bytes, rows
        differ: other rules or version), rebuilt (other bytes, same rows) or identical."""
        if self.part_index is None:
            return "changed" if self.rows else "identical"
        if self.old_doc_id is None:
            return "added"
        if self.new_doc_id is None:
            return "removed"
        revised = self.old_file_id != self.new_file_id
        if self.rows:
            return "revised" if revised else "changed"
        return "rebuilt" if revised else "identical"

    @property
    def name(self) -> str:
        part = "" if self.part_index is None else f" part {self.part_index}"
        return f"{self.source}{part}"

    def counts(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for r in self.rows:
            out[r.dataset][r.kind] += 1
        return {d: dict(k) for d, k in out.items()}


@dataclass
class DatasetStats:
    """Match statistics of one dataset (over the documents and datasets the filters keep)."""

    name: str
    key: tuple[str, ...]
    n_old: int = 0
    n_new: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0
    moved: int = 0
    columns: dict[str, int] = field(default_factory=dict)
    """Changed rows per column."""

    @property
    def matched(self) -> int:
        return self.n_old - self.removed

    @property
    def unchanged(self) -> int:
        return self.matched - self.changed - self.moved

    @property
    def identical(self) -> bool:
        return not (self.added or self.removed or self.changed or self.moved)


@dataclass
class OutputDiff:
    old: Path
    new: Path
    old_version: str
    new_version: str
    documents: list[DocumentDiff]
    datasets: list[DatasetStats]
    warnings: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        return all(d.identical for d in self.datasets)


# --- reading both sides -------------------------------------------------------------------------

def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    return value


def _words(text: Any, n: int = 8) -> str:
    words = str(text or "").split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")


def _side(label: str, path: Path) -> Side:
    """One side of the diff; DiffInputError (exit 2, not "different") when its output is damaged."""
    import pyarrow as pa

    from raadsstukken.pipeline.manifest import DamagedManifest

    hint = "; `raadsstukken run` into it quarantines what is damaged and extracts those files again"
    try:
        side = Side(path)
    except DamagedManifest as exc:
        raise DiffInputError(f"{label} is damaged: {exc}{hint}") from exc
    except (OSError, ValueError, pa.ArrowException) as exc:
        raise DiffInputError(f"{label} is damaged: a dataset cannot be read ({exc}){hint}") from exc
    problems = list(side.manifest.problems)
    for name in DATASETS:
        folder = path / name
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            problems.append(f"{name} is not a folder")
    if problems:
        raise DiffInputError(f"{label} is damaged: {'; '.join(problems)}{hint}")
    return side


class Side:
    """One output directory, read whole, with the lookups that name its rows."""

    def __init__(self, path: Path):
        self.path = path
        self.manifest = Manifest.load(path)
        self.rows = {name: read_rows(path, name) for name in DATASETS}
        self.by_id: dict[str, dict[str, dict[str, Any]]] = {}
        for name in ("documents", "sections", "themes", "goals", "tables"):
            key = DATASETS[name].key[0]
            self.by_id[name] = {r[key]: r for r in self.rows[name]}
        self.cells = {(c["table_id"], c["row"], c["col"]): c for c in self.rows["table_cells"]}
        self.sources: dict[str, tuple[str, str | None]] = {}
        """file_id -> (source_file, source_url)."""
        for r in self.rows["runs"]:
            self.sources.setdefault(r["file_id"], (r["source_file"], None))
        for e in self.manifest.files.values():
            self.sources.setdefault(e.file_id, (e.source_file, None))
        for d in self.rows["documents"]:
            self.sources[d["file_id"]] = (d["source_file"], d.get("source_url"))

    @property
    def version(self) -> str:
        if self.manifest.pipeline_version:
            return self.manifest.pipeline_version
        versions = sorted({r["pipeline_version"] for r in self.rows["runs"] if r.get("pipeline_version")})
        return versions[-1] if versions else "unknown"

    @property
    def empty(self) -> bool:
        return not any(self.rows[n] for n in DATASETS)

    # the readable key of a row: (ident used to pair rows of one document, label shown) ----------

    def section_path(self, section_id: Any) -> str:
        s = self.by_id["sections"].get(section_id)
        if s is None:
            return "?" if section_id else "(none)"
        if s.get("heading_path"):
            return " › ".join(s["heading_path"])
        return s.get("heading") or "(text before the first heading)"

    def table_label(self, table_id: Any) -> str:
        t = self.by_id["tables"].get(table_id)
        if t is None:
            return "table ?"
        if t.get("title"):
            return f"table '{t['title']}'"
        return f"untitled table {t.get('n_rows')}×{t.get('n_cols')}"

    def cell_label(self, table_id: str, row: int, col: int) -> str:
        table = self.by_id["tables"].get(table_id) or {}
        headers = range(int(table.get("header_rows") or 0))
        column = " / ".join(str(c.get("text")) for r in headers
                            if (c := self.cells.get((table_id, r, col))) and c.get("text"))
        first = self.cells.get((table_id, row, 0))
        row_name = first.get("text") if first and col != 0 and row not in headers else None
        where = f"row '{row_name}'" if row_name else f"row {row}"
        what = f"column '{column}'" if column else f"column {col}"
        return f"{self.table_label(table_id)}, {where}, {what}"

    def reference(self, column: str, value: Any) -> str:
        if value is None:
            return "(none)"
        target = REFERENCES.get(column)
        if target == "sections":
            return f"section '{self.section_path(value)}'"
        if target == "tables":
            return self.table_label(value)
        if target == "themes":
            t = self.by_id["themes"].get(value)
            return f"theme '{t['label']}'" if t else str(value)
        if target == "goals":
            g = self.by_id["goals"].get(value)
            return f"goal {g.get('number') or ''}: '{_words(g.get('text'))}'" if g else str(value)
        return str(value)

    def describe(self, name: str, r: dict[str, Any]) -> tuple[str, str]:
        if name == "documents":
            return "document", "document metadata"
        if name == "pages":
            return f"page {r['page']}", f"page {r['page']}"
        if name == "sections":
            path = self.section_path(r["section_id"])
            return path, f"section '{path}'"
        if name == "decisions":
            ident = f"decision {r['number']}" if r.get("number") is not None else f"decision '{_words(r.get('text'), 5)}'"
            return ident, f"decision {r['number'] if r.get('number') is not None else '(unnumbered)'}: '{_words(r.get('text'))}'"
        if name == "themes":
            return f"theme {r.get('label')}", f"theme '{r.get('label')}'"
        if name == "goals":
            return (f"goal {r.get('theme_id')} {r.get('number')}" if r.get("number") is not None else _words(r.get("text"), 5),
                    f"goal {r.get('number') or ''} of {self.reference('theme_id', r.get('theme_id'))}: '{_words(r.get('text'))}'")
        if name == "actions":
            return _words(r.get("text"), 5), f"action '{_words(r.get('text'))}' of {self.reference('goal_id', r.get('goal_id'))}"
        if name == "links":
            target = self.reference("goal_id" if r.get("target_kind") == "goal" else "theme_id", r.get("target_id"))
            label = f"link from {self.reference('source_section_id', r.get('source_section_id'))} to {target}"
            return label, label
        if name == "tables":
            label = self.table_label(r["table_id"])
            return label, label
        if name == "table_cells":
            return (f"{self.table_label(r['table_id'])} r{r['row']} c{r['col']}",
                    f"cell {self.cell_label(r['table_id'], r['row'], r['col'])}")
        if name == "statistics":
            dim = f" / {r['dimension']}" if r.get("dimension") else ""
            label = f"statistic '{r.get('indicator')}'{dim}, {r.get('period')}"
            return f"{self.table_label(r.get('table_id'))} {label}", label
        if name == "amounts":
            path = self.section_path(r.get("section_id"))
            return f"amount in {path}", f"amount '{r.get('text')}' in section '{path}'"
        if name == "entities":
            path = self.section_path(r.get("section_id"))
            return (f"{r.get('label')} {r.get('text')} in {path}",
                    f"{r.get('label')} '{r.get('text')}' in section '{path}'")
        return str(r), str(r)

    def doc_of(self, name: str, r: dict[str, Any]) -> str | None:
        if name == "links":
            return r.get("source_doc_id")
        if name == "table_cells":
            return (self.by_id["tables"].get(r["table_id"]) or {}).get("doc_id")
        return r.get("doc_id")


def _match_sources(old: Side, new: Side) -> dict[tuple[str, str], str]:
    """(side, file_id) -> the name both sides' files are grouped under: the same source_file, else
    the same source_url (a file renamed between runs), else its own name."""
    names: dict[tuple[str, str], str] = {}
    by_name = {src: fid for fid, (src, _) in old.sources.items()}
    by_url = {url: fid for fid, (_, url) in old.sources.items() if url}
    taken: set[str] = set()
    for fid, (src, url) in new.sources.items():
        names[("new", fid)] = src
        match = by_name.get(src)
        if match is None and url and by_url.get(url) not in taken:
            match = by_url.get(url)
        if match is not None and match not in taken:
            names[("old", match)] = src
            taken.add(match)
    for fid, (src, _) in old.sources.items():
        names.setdefault(("old", fid), src)
    return names


def _word_diff(old: str, new: str) -> list[tuple[str, str]]:
    a, b = old.split(), new.split()
    ops: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(b[j1:j2])))
    return ops


def elide(ops: list[tuple[str, str]], context: int = CONTEXT_WORDS) -> list[tuple[str, str]]:
    """The word diff with long unchanged stretches cut to `context` words around each change."""
    out: list[tuple[str, str]] = []
    for i, (tag, text) in enumerate(ops):
        if tag != "=":
            out.append((tag, text))
            continue
        words = text.split()
        head = words[:context] if i > 0 else []
        tail = words[-context:] if i < len(ops) - 1 else []
        if len(words) <= len(head) + len(tail) + 1 and i > 0 and i < len(ops) - 1:
            out.append(("=", text))
            continue
        piece = " ".join(head) + (" … " if head or tail else "…") + " ".join(tail)
        out.append(("=", piece.strip()))
    return out


def _changes(name: str, before: dict[str, Any], after: dict[str, Any], old: Side, new: Side) -> list[Change]:
    skip = set(IDENTITY) | set(DATASETS[name].key)
    if name == "pages":
        skip.discard("page")
    out = []
    for column in before.keys() | after.keys():
        if column in skip or name == "documents" and column == "part_index":
            continue
        b, a = before.get(column), after.get(column)
        if b == a:
            continue
        if column in REFERENCES:
            rb, ra = old.reference(column, b), new.reference(column, a)
            if rb == ra:  # the id changed with its owner (a renamed file), the row it names did not
                continue
            out.append(Change(column, rb, ra))
            continue
        words = None
        if isinstance(b, str) and isinstance(a, str) and max(len(a), len(b)) > LONG_TEXT:
            words = _word_diff(b, a)
        out.append(Change(column, b, a, words))
    order = [c.name for c in DATASETS[name].columns]
    return sorted(out, key=lambda c: order.index(c.column) if c.column in order else len(order))


def _key_text(name: str, r: dict[str, Any]) -> str:
    return "/".join(str(r.get(k)) for k in DATASETS[name].key)


# --- the diff -----------------------------------------------------------------------------------

def diff_outputs(old: Path, new: Path, datasets: Iterable[str] | None = None,
                 docs: Iterable[str] | None = None) -> OutputDiff:
    """The diff of two output directories, optionally only some datasets and documents.

    `docs` selects documents by doc_id (of either side), source_file, or the end of its path.
    Raises DiffInputError when a side is not an output directory (an empty folder is allowed,
    with a warning).
    """
    old, new = Path(old), Path(new)
    for label, path in (("OLD", old), ("NEW", new)):
        try:
            check_output(path, allow_empty=True)
        except FileNotFoundError as exc:
            raise DiffInputError(f"{label}: {exc}") from exc
    selected = list(datasets) if datasets else list(DATASET_NAMES)
    unknown = [d for d in selected if d not in DATASET_NAMES]
    if unknown:
        raise DiffInputError(f"unknown dataset(s) {', '.join(unknown)}; datasets: {', '.join(DATASET_NAMES)}")
    a, b = _side("OLD", old), _side("NEW", new)
    warnings = _warnings(a, b)
    names = _match_sources(a, b)
    groups: dict[tuple[str, int | None], DocumentDiff] = {}

    def group_of(side: str, s: Side, name: str, r: dict[str, Any]) -> DocumentDiff:
        doc = s.by_id["documents"].get(s.doc_of(name, r) or "")
        file_id = doc["file_id"] if doc else r.get("file_id")
        source = names.get((side, file_id or ""), (s.sources.get(file_id or "") or ("(unknown file)",))[0])
        key = (source, doc["part_index"] if doc else None)
        if key not in groups:
            groups[key] = DocumentDiff(source, key[1])
        g = groups[key]
        if doc:
            setattr(g, f"{side}_doc_id", doc["doc_id"])
            setattr(g, f"{side}_file_id", doc["file_id"])
            if side == "new" or g.title is None:
                g.title, g.doc_type = doc.get("title") or g.title, doc.get("doc_type") or g.doc_type
        elif file_id:
            setattr(g, f"{side}_file_id", file_id)
        return g

    for s, side in ((a, "old"), (b, "new")):  # every document gets its group, also when nothing in it differs
        for d in s.rows["documents"]:
            group_of(side, s, "documents", d)
    stats = {n: DatasetStats(n, DATASETS[n].key) for n in DATASET_NAMES}
    pending: list[tuple[str, DocumentDiff, dict[str, Any] | None, dict[str, Any] | None]] = []
    for name in DATASET_NAMES:
        before_rows, after_rows = a.rows[name], b.rows[name]
        before: dict[Any, tuple[DocumentDiff, dict[str, Any]]] = {}
        after: dict[Any, tuple[DocumentDiff, dict[str, Any]]] = {}
        for s, side, rows, into in ((a, "old", before_rows, before), (b, "new", after_rows, after)):
            for r in rows:
                g = group_of(side, s, name, r)
                if name == "documents":
                    k: Any = (g.source, r["part_index"])
                elif name == "pages":
                    k = (g.source, r["page"])
                else:
                    k = tuple(_freeze(r[c]) for c in DATASETS[name].key)
                into[k] = (g, r)
        for k in before.keys() & after.keys():
            pending.append((name, after[k][0], before[k][1], after[k][1]))
        # rows no id pairs: pair them within their document by readable key (a renamed source)
        lone_old = _by_ident(a, name, [before[k] for k in sorted(before.keys() - after.keys(), key=repr)])
        lone_new = _by_ident(b, name, [after[k] for k in sorted(after.keys() - before.keys(), key=repr)])
        for ident in lone_old.keys() & lone_new.keys():
            pending.append((name, lone_new[ident][0], lone_old[ident][1], lone_new[ident][1]))
        pending += [(name, g, r, None) for i, (g, r) in lone_old.items() if i not in lone_new]
        pending += [(name, g, None, r) for i, (g, r) in lone_new.items() if i not in lone_old]

    keep_doc = _doc_filter(docs)
    for name, g, before_row, after_row in pending:
        if name not in selected or not keep_doc(g):
            continue
        st = stats[name]
        st.n_old += before_row is not None
        st.n_new += after_row is not None
        row = after_row if after_row is not None else before_row
        assert row is not None
        side = b if after_row is not None else a
        label = side.describe(name, row)[1]
        page = row.get("page", row.get("page_start"))
        if before_row is None or after_row is None:
            kind = "added" if before_row is None else "removed"
            setattr(st, kind, getattr(st, kind) + 1)
            g.rows.append(RowDiff(name, kind, label, _key_text(name, row), page))
            continue
        changes = _changes(name, before_row, after_row, a, b)
        if not changes:
            continue
        if all(c.column in POSITION for c in changes):
            st.moved += 1
            g.rows.append(RowDiff(name, "moved", label, _key_text(name, row), page, changes))
            continue
        # where a changed row sits follows from its new content: listing its box too is noise
        changes = [c for c in changes if c.column not in POSITION or c.column == "parent_id"]
        st.changed += 1
        for c in changes:
            st.columns[c.column] = st.columns.get(c.column, 0) + 1
        g.rows.append(RowDiff(name, "changed", label, _key_text(name, row), page, changes))

    order = {n: i for i, n in enumerate(DATASET_NAMES)}
    kinds = {"changed": 0, "added": 1, "removed": 2, "moved": 3}
    for g in groups.values():
        g.rows.sort(key=lambda r: (order[r.dataset], kinds[r.kind], r.page or 0, r.label))
    documents = sorted((g for g in groups.values() if keep_doc(g)),
                       key=lambda g: (g.source, -1 if g.part_index is None else g.part_index))
    if docs and not documents:
        warnings.append(f"no document matches --doc {', '.join(docs)}")
    filters = {k: list(v) for k, v in (("dataset", datasets or ()), ("doc", docs or ())) if v}
    return OutputDiff(old, new, a.version, b.version, documents, [stats[n] for n in selected], warnings, filters)


def _by_ident(s: Side, name: str, rows: list[tuple[DocumentDiff, dict[str, Any]]]
              ) -> dict[tuple[int, str, int], tuple[DocumentDiff, dict[str, Any]]]:
    """Rows keyed by (their document, readable key, n-th among equal keys)."""
    out: dict[tuple[int, str, int], tuple[DocumentDiff, dict[str, Any]]] = {}
    seen: dict[tuple[int, str], int] = defaultdict(int)
    for g, r in rows:
        ident = s.describe(name, r)[0]
        nth = seen[(id(g), ident)]
        seen[(id(g), ident)] += 1
        out[(id(g), ident, nth)] = (g, r)
    return out


def _doc_filter(docs: Iterable[str] | None):
    wanted = [d for d in (docs or ()) if d]
    if not wanted:
        return lambda g: True

    def keep(g: DocumentDiff) -> bool:
        for w in wanted:
            if w in (g.old_doc_id, g.new_doc_id, g.source, g.name) or g.source.endswith("/" + w):
                return True
        return False

    return keep


def _warnings(a: Side, b: Side) -> list[str]:
    out = []
    for label, s, other in (("OLD", a, "NEW"), ("NEW", b, "OLD")):
        if s.empty:
            verb = "added" if label == "OLD" else "removed"
            out.append(f"{label} ({s.path}) holds no rows: every row of {other} shows as {verb}")
        elif not s.manifest.files and not s.manifest.pipeline_version:
            out.append(f"{label} ({s.path}) has no _manifest.json: pipeline version unknown")
    versions = {s.manifest.schema_version for s in (a, b) if s.manifest.pipeline_version}
    if len(versions) > 1:
        out.append(f"schema versions differ ({a.manifest.schema_version} vs {b.manifest.schema_version}; this "
                   f"program reads {SCHEMA_VERSION}): columns renamed between them compare as changed")
    return out
