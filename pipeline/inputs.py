"""What a run reads: PDF files, folders of PDFs, and lists of PDFs with what a harvester knows.

A list is a CSV file or a JSON Lines file with a `path` (or `file`) column, relative to the list,
and optional source columns: `municipality`, `url`, `published`, `meeting_date`, `meeting_id`,
`kind`. They land in `documents` as `source_*` columns and fill what the PDF does not say.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from raadsstukken.extractors.source import SourceInfo

SOURCE_FIELDS = ("municipality", "url", "published", "meeting_date", "meeting_id", "kind")
LIST_SUFFIXES = (".csv", ".jsonl", ".ndjson")


@dataclass(frozen=True)
class InputFile:
    path: Path
    source: str
    """The name recorded in `runs.source_file`: relative to the folder or list it came from."""
    info: SourceInfo = field(default_factory=SourceInfo)


class InputListError(ValueError):
    """A list of inputs that cannot be read (a usage error)."""


def discover_inputs(inputs: Iterable[Path]) -> list[InputFile]:
    """Every PDF under the inputs, each file once, sorted by recorded name."""
    found: dict[Path, InputFile] = {}
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for path in sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"):
                found.setdefault(path.resolve(), InputFile(path, _relative(path, item)))
        elif item.is_file() and item.suffix.lower() in LIST_SUFFIXES:
            for entry in read_input_list(item):
                found.setdefault(entry.path.resolve(), entry)
        elif item.exists():
            found.setdefault(item.resolve(), InputFile(item, item.name))
        else:
            raise FileNotFoundError(f"input not found: {item}")
    return sorted(found.values(), key=lambda f: f.source)


def read_input_list(path: Path) -> list[InputFile]:
    if path.suffix.lower() == ".csv":
        with open(path, newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    else:
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputListError(f"{path}:{n}: not JSON: {exc}") from exc
    entries = []
    for n, row in enumerate(rows, 1):
        name = row.get("path") or row.get("file")
        if not name:
            raise InputListError(f"{path}: row {n} has no 'path'")
        pdf = (path.parent / name) if not Path(name).is_absolute() else Path(name)
        if not pdf.is_file():
            raise FileNotFoundError(f"{path}: row {n}: input not found: {pdf}")
        entries.append(InputFile(pdf, _relative(pdf, path.parent), SourceInfo.from_mapping(row)))
    return entries


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
