"""What a run reads: PDF files, folders of PDFs, and lists of PDFs with what a harvester knows.

A list is a CSV file (`,` or `;` separated) or a JSON Lines file with a `path` (or `file`) column,
relative to the list, and optional source columns: `municipality`, `url`, `published`,
`meeting_date`, `meeting_id`, `kind`. They land in `documents` as `source_*` columns and fill what
the PDF does not say. Lists may be UTF-8 (with or without BOM), UTF-16 or Latin-1 (Windows-1252).

A list is forgiving, as a harvester's output must be: a row that names no file, a missing file, a
folder, a FIFO, another list, a value of the wrong type, becomes an input with a `problem` (a
`failed` runs row, `invalid_input`), and the other rows run. A date that is not a date and a file
listed twice with different values are warnings on that row.

Every input is known by one *source key* (`runs.source_file`, the manifest's key): its path
relative to the common folder of all inputs, so `a/voorstel.pdf` and `b/voorstel.pdf` stay two.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from raadsstukken.extractors.source import SourceInfo
from raadsstukken.extractors.text.dates import parse_date

SOURCE_FIELDS = ("municipality", "url", "published", "meeting_date", "meeting_id", "kind")
DATE_FIELDS = ("published", "meeting_date")
LIST_SUFFIXES = (".csv", ".jsonl", ".ndjson")
MAX_FIELD = 1 << 20
"""Longest value a list's field may have (1 MB); a longer one makes the row invalid."""


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str
    """The source key, recorded in `runs.source_file`: relative to the common folder of all inputs."""
    info: SourceInfo = field(default_factory=SourceInfo)
    warnings: tuple[str, ...] = ()
    """Notes on the list's row (an unreadable date, a conflicting duplicate row)."""
    problem: str | None = None
    """Why this input cannot be read at all (it ends as a failed `invalid_input` runs row)."""


class InputListError(ValueError):
    """An input that cannot be used at all (a usage error)."""


@dataclass
class _Found:
    path: Path  # resolved, or as written when it is a bad row
    info: SourceInfo
    raw: dict[str, str]
    origin: str  # "list.csv row 3", or "" for a file found in a folder or given
    warnings: list[str]
    problem: str | None = None
    key: str | None = None  # set for a bad row without a usable path


def discover_inputs(inputs: Iterable[Path], allow_outside: bool = False) -> list[InputFile]:
    """Every PDF under the inputs, each file once, sorted by source key.

    Raises FileNotFoundError for an input named on the command line that does not exist (a usage
    error); a bad row of a list is returned as an input with a `problem` instead. Without
    `allow_outside`, a list's rows must lie inside the list's folder and a folder's files inside
    the folder (no absolute paths, no `..` above it, no symlinks out of it): others are bad rows
    that are never opened.
    """
    found: dict[Path, _Found] = {}
    bad: list[_Found] = []
    roots: list[Path] = []
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            root = item.resolve()
            roots.append(root)
            for path in sorted(p for p in item.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file()):
                if not allow_outside and not _within(path.resolve(), root):
                    bad.append(_Found(root / path.relative_to(item), SourceInfo(), {}, "", [],
                                      f"a symlink to a file outside {item}; pass --allow-outside to read it"))
                    continue
                _add(found, _Found(path.resolve(), SourceInfo(), {}, "", []))
        elif item.is_file() and item.suffix.lower() in LIST_SUFFIXES:
            roots.append(item.resolve().parent)  # keys relative to the list's folder (or above, for rows outside it)
            for entry in read_list_rows(item, allow_outside):
                if entry.problem:
                    bad.append(entry)
                else:
                    roots.append(entry.path.parent)
                    _add(found, entry)
        elif item.exists():
            roots.append(item.resolve().parent)
            _add(found, _Found(item.resolve(), SourceInfo(), {}, "", []))
        else:
            raise FileNotFoundError(f"input not found: {item}")
    root = Path(os.path.commonpath([str(r) for r in roots])) if roots else Path.cwd()
    files = [InputFile(f.path, source_text(_key(f.path, root)), f.info, tuple(f.warnings)) for f in found.values()]
    taken = {f.source for f in files}
    for entry in bad:
        key = source_text(entry.key or _key(entry.path, root))
        n = 2
        while key in taken:
            key = f"{source_text(entry.key or _key(entry.path, root))} ({n})"
            n += 1
        taken.add(key)
        files.append(InputFile(entry.path, key, entry.info, tuple(entry.warnings),
                               source_text(entry.problem) if entry.problem else None))
    by_key: dict[str, InputFile] = {}
    for f in files:
        if f.source in by_key:  # cannot happen with keys relative to one root; say so clearly if it does
            raise InputListError(f"two inputs share the source key {f.source!r}: {by_key[f.source].path} and {f.path}")
        by_key[f.source] = f
    return sorted(files, key=lambda f: f.source)


def _add(found: dict[Path, _Found], entry: _Found) -> None:
    earlier = found.get(entry.path)
    if earlier is None:
        found[entry.path] = entry
        return
    if entry.raw and earlier.raw and entry.raw != earlier.raw:
        differ = sorted(k for k in set(entry.raw) | set(earlier.raw) if entry.raw.get(k) != earlier.raw.get(k))
        earlier.warnings.append(f"listed again ({entry.origin}) with other values for {', '.join(differ)}; "
                                f"the values of {earlier.origin or 'the first listing'} were kept")
    elif entry.raw and not earlier.raw:  # a list's metadata for a file also found in a folder
        entry.warnings.extend(earlier.warnings)
        found[entry.path] = entry


def _key(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()  # never an absolute path


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def source_text(name: str) -> str:
    """A name as recorded (`runs.source_file`, the manifest's key): a file name that is not UTF-8
    reaches Python with its undecodable bytes as lone surrogates (surrogateescape), which Parquet
    cannot store; each such byte is written as `\\xNN` (backslashreplace), so the name is kept
    whole and readable. A name that is UTF-8 is recorded as it is."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def read_input_list(path: Path, allow_outside: bool = False) -> list[InputFile]:
    """The rows of one list, each keyed relative to the list's folder (bad rows with a problem)."""
    root = path.resolve().parent
    out = []
    for entry in read_list_rows(path, allow_outside):
        out.append(InputFile(entry.path, entry.key or _key(entry.path, root), entry.info, tuple(entry.warnings),
                             entry.problem))
    return out


def read_list_rows(path: Path, allow_outside: bool = False) -> list[_Found]:
    try:
        text = decode(path.read_bytes())
    except OSError as exc:
        raise InputListError(f"cannot read the list {path}: {exc.strerror or exc}") from exc
    rows: list[tuple[int, Any]] = []
    if path.suffix.lower() == ".csv":
        rows = list(enumerate(_csv_rows(text), 2))
    else:
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    rows.append((n, json.loads(line)))
                except json.JSONDecodeError as exc:
                    rows.append((n, f"not JSON: {exc}"))
    me = path.resolve()
    return [_row(path, me, n, row, allow_outside) for n, row in rows]


def _row(listing: Path, me: Path, n: int, row: Any, allow_outside: bool = False) -> _Found:
    origin = f"{listing.name} {'line' if listing.suffix.lower() != '.csv' else 'row'} {n}"

    def bad(problem: str, where: Path | None = None) -> _Found:
        return _Found(where or listing, SourceInfo(), {}, origin, [], f"{origin}: {problem}",
                      None if where else f"{listing.name}:{n}")

    if isinstance(row, str):
        return bad(row)
    if not isinstance(row, dict):
        return bad(f"a row must be an object with a 'path', not {type(row).__name__}")
    row = {str(k).strip().lower().lstrip("\ufeff"): v for k, v in row.items() if k is not None}
    name = row.get("path") or row.get("file")
    if not name:
        return bad("no 'path'")
    if not isinstance(name, str):
        return bad(f"'path' must be text, not {type(name).__name__}")
    for k, v in row.items():
        if v is not None and not isinstance(v, (str, int, float, bool)):
            return bad(f"{k!r} must be text, not {type(v).__name__}")
        if isinstance(v, str) and len(v) > MAX_FIELD:
            return bad(f"{k!r} is longer than {MAX_FIELD} characters")
    try:
        pdf = Path(os.path.normpath(listing.parent.resolve() / name)) if not Path(name).is_absolute() else Path(name)
        pdf = pdf.resolve()
    except (OSError, ValueError) as exc:
        return bad(f"unusable path {name!r}: {exc}")
    if not allow_outside and not _within(pdf, listing.parent.resolve()):
        # refused before it is opened or even looked at: no byte of it reaches a message
        return bad(f"{name!r} is outside the list's folder (an absolute path, '..' or a symlink out of it); "
                   "pass --allow-outside to read it")
    if pdf == me or pdf.suffix.lower() in LIST_SUFFIXES:
        return bad("a list cannot list another list (or itself)", pdf)
    try:
        mode = pdf.stat().st_mode
    except FileNotFoundError:
        return bad(f"input not found: {name}", pdf)
    except OSError as exc:
        return bad(f"cannot read {name}: {exc.strerror or exc}", pdf)
    if stat.S_ISDIR(mode):
        return bad(f"{name} is a folder, not a PDF", pdf)
    if not stat.S_ISREG(mode):
        return bad(f"{name} is not a regular file (a FIFO, socket or device)", pdf)
    raw = {k: str(v).strip() for k, v in row.items() if k in SOURCE_FIELDS and v not in (None, "")}
    warnings = []
    for k in DATE_FIELDS:
        if raw.get(k) and parse_date(raw[k]) is None:
            warnings.append(f"{origin}: {k} {raw[k]!r} is not a date; left empty")
    return _Found(pdf, SourceInfo.from_mapping(raw), raw, origin, warnings)


def decode(data: bytes) -> str:
    """Text of a list: UTF-8 or UTF-16 by their BOM, else UTF-8, UTF-16 without BOM, Windows-1252."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(data) > 1 and data.count(b"\x00") > len(data) // 4:
        return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _csv_rows(text: str) -> list[dict[str, Any]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    header = text.splitlines()[0] if text.strip() else ""
    counts = {d: _outside_quotes(header).count(d) for d in (";", ",", "\t")}
    delimiter = max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [dict(r) for r in reader if any((v or "").strip() for v in r.values() if isinstance(v, str))]


def _outside_quotes(line: str) -> str:
    out, quoted = [], False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif not quoted:
            out.append(ch)
    return "".join(out)
