"""`_manifest.json`: what the output directory holds, per input file, and with which settings; and
the lock that lets one run at a time write an output directory.

An input file's entry is written only after all of its parts are in place, so a crash never
marks unfinished work as done; an incremental run skips files whose entry matches.
"""
from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from raadsstukken.schemas import SCHEMA_VERSION

MANIFEST = "_manifest.json"
LOCK = ".lock"


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
    size: int | None = None
    mtime_ns: int | None = None
    inode: int | None = None
    """The input's size, modification time and inode when it was hashed: when all three still
    match, an incremental run does not hash the file again."""
    datasets: dict[str, int] | None = None
    """Rows the file has in each dataset (datasets without rows are left out): what `validate` checks."""


@dataclass
class Manifest:
    schema_version: str = SCHEMA_VERSION
    pipeline_version: str = ""
    config_hash: str = ""
    files: dict[str, FileEntry] = field(default_factory=dict)
    schema_hash: str = ""
    """Hash of the dataset schemas the files were last upgraded to (see writer.ensure_datasets)."""
    links_current: bool = False
    """Whether links were rebuilt after the last change of the rows."""
    partition_by: list[str] = field(default_factory=list)
    """Columns compaction partitions by (set by `raadsstukken compact --partition-by`)."""

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        path = Path(out_dir) / MANIFEST
        if not path.exists():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        known = set(FileEntry.__dataclass_fields__)
        files = {k: FileEntry(**{f: x for f, x in v.items() if f in known}) for k, v in data.get("files", {}).items()}
        return cls(schema_version=data.get("schema_version", ""), pipeline_version=data.get("pipeline_version", ""),
                   config_hash=data.get("config_hash", ""), files=files, schema_hash=data.get("schema_hash", ""),
                   links_current=bool(data.get("links_current", False)),
                   partition_by=list(data.get("partition_by", [])))

    def save(self, out_dir: Path) -> None:
        from raadsstukken.pipeline.writer import temporary

        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data["files"] = {k: asdict(v) for k, v in sorted(self.files.items())}
        tmp = temporary(out_dir, ".json")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=1, sort_keys=True)
            os.replace(tmp, out_dir / MANIFEST)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise


class OutputLocked(Exception):
    """Another run holds the output directory's lock (a usage error, exit 2)."""


class OutputLock:
    """An exclusive lock on an output directory: `.lock`, held with flock(2) for the whole run.

    The kernel drops the lock when its process dies, so the lock of a killed run is never stale;
    the file itself stays and says which process held it last. A second run exits with
    OutputLocked, or with `wait` waits until the first is done (saying so once).
    """

    def __init__(self, out_dir: Path, wait: bool = False, say: Callable[[str], None] | None = None) -> None:
        self.path = Path(out_dir) / LOCK
        self.wait, self.say = wait, say
        self.fd: int | None = None

    def __enter__(self) -> OutputLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)  # the umask applies
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self.holder()
            if not self.wait:
                os.close(fd)
                raise OutputLocked(f"another run ({holder}) is writing to {self.path.parent}; "
                                   "wait for it, or pass --wait to queue behind it") from None
            if self.say:
                self.say(f"waiting for another run ({holder}) to finish writing {self.path.parent} ...")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%dT%H:%M:%S')}\n".encode())
        self.fd = fd
        return self

    def holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown process"
        except OSError:
            return "unknown process"

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
            self.fd = None
