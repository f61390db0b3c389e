"""`_manifest.json`: what the output directory holds, per input file, and with which settings.

An input file's entry is written only after all of its parts are in place, so a crash never
marks unfinished work as done; an incremental run skips files whose entry matches.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from raadsstukken.schemas import SCHEMA_VERSION

MANIFEST = "_manifest.json"


@dataclass
class FileEntry:
    source_file: str
    file_id: str
    status: str
    n_pages: int | None
    part: str | None
    pipeline_version: str = ""
    config_hash: str = ""
    """Version and rules the file's rows were made with: a file is up to date only when both match."""
    path: str = ""
    """Absolute path the file was read from (for the audit report's page images)."""


@dataclass
class Manifest:
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = ""
    config_hash: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = out_dir / MANIFEST
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        known = set(FileEntry.__dataclass_fields__)
        files = {k: FileEntry(**{f: x for f, x in v.items() if f in known}) for k, v in data.get("files", {}).items()}
        return cls(schema_version=data.get("schema_version", ""), pipeline_version=data.get("pipeline_version", ""),
                   config_hash=data.get("config_hash", ""), files=files)

    def save(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data["files"] = {k: asdict(v) for k, v in sorted(self.files.items())}
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=out_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, indent=1, sort_keys=True)
        os.replace(tmp, out_dir / MANIFEST)
