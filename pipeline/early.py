"""The first file's pages read while a run's parent loads the model (`--jobs 2` or more).

Before the first file can go to a worker, the parent loads what every worker shares by the fork:
spaCy, its model and the warm-up (`worker.preload`), about half a second in which one core of a
two-core machine would wait. `begin_early_read` forks an early reader once the extractor modules
are imported, before spaCy, and has it read and parse the file the pool hands out first (the
largest); the worker that takes that file gets its pages, pickled, instead of reading it. The page
layer of the first file is then read while the model loads, and no more than `jobs` processes
compute at once (the parent and the reader; then the reader and the other worker). `--jobs 1`
computes in one process at a time and reads no file early.

The reader reads what the worker would have: the same bytes, hashed, the same parse. What it cannot
do (a file that does not parse, pages that do not pickle) it leaves to the worker, which then reads
the file itself and ends as it would have; a reader over the file's time or memory budget ends the
file as a worker's breach does (the worker gets what is left of the time budget).
"""
from __future__ import annotations

import hashlib
import logging
import pickle
import threading
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from raadsstukken.pipeline import worker
from raadsstukken.pipeline.executors import hand_out_order

if TYPE_CHECKING:
    from raadsstukken.pipeline.run import FileTask

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReadPages:
    """A file read and parsed by the early reader: what the worker needs instead of the file."""

    file_id: str
    """sha256 of the bytes that were read and parsed."""
    stat: tuple[int, int, int]
    """(size, mtime_ns, inode) of the file as it was opened."""
    pages: bytes | pickle.PickleBuffer
    """The `parse.ParsedPdf`, pickled in the reader (the parent passes it on unread)."""
    started_at: datetime
    seconds: float
    """Time the reading took (part of the file's time budget)."""

    def parsed(self) -> Any:
        return pickle.loads(self.pages)


def read_pages(task: FileTask) -> ReadPages | None:
    """In the early reader's process: the file read, hashed and parsed as `run.extract_file` does;
    None when that raises (the worker then reads the file itself and fails, or not, as it would)."""
    from raadsstukken.pipeline import run

    started = datetime.now(timezone.utc).replace(microsecond=0)
    t0 = time.perf_counter()
    try:
        worker.note("read")
        data, stat = run._read(task.path)
        file_id = hashlib.sha256(data).hexdigest()
        worker.note("parse")
        parsed = run.parse_file(task, data)
        del data
        if parsed.n_pages == 0:
            return None
        pages = pickle.PickleBuffer(pickle.dumps(parsed, protocol=5))  # out of band to the parent (worker._send)
    except Exception:  # noqa: BLE001 - whatever it is, the worker meets it again and reports it
        return None
    return ReadPages(file_id, stat, pages, started, round(time.perf_counter() - t0, 3))


class EarlyRead:
    """An early reader at work on one file: a worker process forked now, driven by a thread."""

    def __init__(self, task: FileTask, seconds: float, memory_mb: int) -> None:
        self.pages_read: list[tuple[str, int, int]] = []
        """The reader's page reports (source, page, of), for the pool's thread to pass on."""
        self._worker = worker.Worker(read_pages, on_page=lambda *report: self.pages_read.append(report))
        self._worker.start()  # forked in the calling thread, before the model is loaded
        self._result: Any = None
        self._thread = threading.Thread(target=self._read, args=(task, seconds, memory_mb),
                                        name="raadsstukken-early-read", daemon=True)
        self._thread.start()

    def _read(self, task: FileTask, seconds: float, memory_mb: int) -> None:
        try:
            self._result = self._worker.run(task, seconds, memory_mb)
        except Exception:  # noqa: BLE001 - a bug here must not fail the file: the worker reads it
            _log.debug("%s: early read failed", task.source, exc_info=True)
            self._result = None
        finally:
            self._worker.close()

    def take(self) -> tuple[ReadPages | None, list[worker.Note]] | worker.Breach | None:
        """Wait for the reading: (pages or None, the reader's log notes), or the reader's breach."""
        self._thread.join()
        result, self._result = self._result, None
        return result

    def close(self) -> None:
        """Stop the reader if it is still at work (a run interrupted before its file was taken)."""
        if self._thread.is_alive():
            self._worker.kill()
            self._thread.join()


def begin_early_read(todo: list[FileTask], jobs: int) -> tuple[list[FileTask], EarlyRead | None]:
    """Import the extractor modules and, with `jobs` > 1 and two or more files, fork an early reader
    of the file the pool hands out first; that file's task carries it (`FileTask.early`). Not for a
    file read by ranges in several processes (`page_workers` > 1): its helpers would be more than
    `jobs` processes at work beside the parent."""
    if jobs < 2 or len(todo) < 2:
        return todo, None
    first = hand_out_order(todo, jobs)[0]
    if first.page_workers > 1:
        return todo, None
    from raadsstukken.pipeline.run import file_budgets

    worker.preload(models=False)
    try:
        early = EarlyRead(first, *file_budgets(first))
    except OSError as exc:  # no process to fork: the worker reads the file
        _log.debug("no early reader: %s", exc)
        return todo, None
    return [replace(t, early=early) if t is first else t for t in todo], early
