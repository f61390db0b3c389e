"""`_manifest.json`: what the output directory holds, per input file, and with which settings; and
the lock that lets one run at a time write an output directory.

An input file's entry is written only after all of its parts are in place, so a crash never
marks unfinished work as done; an incremental run skips files whose entry matches.
"""
from __future__ import annotations

import fcntl
import json
import os
import re
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

    problems: list[str] = field(default_factory=list, compare=False)
    """Entries `load` left out because they were not valid (the files they named are extracted again)."""

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        """The manifest of `out_dir` (an empty one when there is none).

        Raises DamagedManifest when the file is not a JSON object; an entry that is not valid (a
        field of the wrong type, a `part` that is not a plain file name such as
        `../../victim/precious`) is left out and said in `problems`, so nothing it names is ever
        touched and its file is extracted again.
        """
        path = Path(out_dir) / MANIFEST
        if not path.exists() and not path.is_symlink():
            return cls()
        if path.is_symlink() or not path.is_file():
            raise DamagedManifest(f"{path} is not a regular file")
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DamagedManifest(f"{path} is not JSON ({exc})") from exc
        if not isinstance(data, dict) or not isinstance(data.get("files", {}), dict):
            raise DamagedManifest(f"{path} is not a manifest (no object of files)")
        files: dict[str, FileEntry] = {}
        problems: list[str] = []
        for key, value in data.get("files", {}).items():
            entry, problem = _entry(key, value)
            if entry is None:
                problems.append(f"manifest entry {key!r} left out: {problem}")
            else:
                files[key] = entry

        def text(k: str) -> str:
            return data[k] if isinstance(data.get(k), str) else ""

        partition_by = data.get("partition_by", [])
        return cls(schema_version=text("schema_version"), pipeline_version=text("pipeline_version"),
                   config_hash=text("config_hash"), files=files, schema_hash=text("schema_hash"),
                   links_current=data.get("links_current") is True,
                   partition_by=[c for c in partition_by if isinstance(c, str)] if isinstance(partition_by, list) else [],
                   problems=problems)

    def save(self, out_dir: Path) -> None:
        from raadsstukken.pipeline.writer import temporary

        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        data = asdict(self)
        data.pop("problems")
        data["files"] = {k: asdict(v) for k, v in sorted(self.files.items())}
        text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=True)  # a name's lone surrogates as \\udcxx
        try:
            tmp = temporary(out_dir, ".json")
        except OSError as exc:
            raise ManifestWriteError(f"cannot write the manifest in {out_dir}: {exc.strerror or exc}") from exc
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, out_dir / MANIFEST)
        except BaseException as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:  # a read-only remount: the next run removes it (writer.clean_up)
                pass
            if isinstance(exc, OSError):
                raise ManifestWriteError(f"cannot write the manifest in {out_dir}: {exc.strerror or exc}") from exc
            raise


class DamagedManifest(ValueError):
    """`_manifest.json` is not a manifest (not JSON, not an object): a run quarantines it, `diff` refuses it."""


class ManifestWriteError(OSError):
    """The manifest could not be written (a full disk, a read-only remount): the run's `write_error`."""


SAFE_PART = re.compile(r"[0-9A-Za-z][0-9A-Za-z_-]{0,127}")
"""What a part may be called: a plain file name (a file id's first 16 hex digits, a run id), so a
manifest entry can never name a file outside its dataset folder."""


def _entry(key: object, value: object) -> tuple[FileEntry | None, str]:
    """A manifest entry checked field by field, or None and why not."""
    if not isinstance(key, str) or not isinstance(value, dict):
        return None, "not an object"
    known = {f: x for f, x in value.items() if f in FileEntry.__dataclass_fields__}
    for name in ("source_file", "file_id", "status"):
        if not isinstance(known.get(name), str):
            return None, f"{name} is not text"
    for name in ("pipeline_version", "config_hash", "path"):
        if name in known and not isinstance(known[name], str):
            return None, f"{name} is not text"
    for name in ("n_pages", "size", "mtime_ns", "inode"):
        if known.get(name) is not None and (not isinstance(known[name], int) or isinstance(known[name], bool)):
            return None, f"{name} is not a whole number"
    part = known.get("part")
    if part is not None and (not isinstance(part, str) or not SAFE_PART.fullmatch(part)):
        return None, f"part {part!r} is not a plain part name"
    datasets = known.get("datasets")
    if datasets is not None and (not isinstance(datasets, dict) or not all(
            isinstance(k, str) and isinstance(n, int) and not isinstance(n, bool) for k, n in datasets.items())):
        return None, "datasets is not an object of row counts"
    return FileEntry(**known), ""


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
