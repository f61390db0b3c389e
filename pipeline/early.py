"""The first files' pages read while a run's parent loads the model (`--jobs 2` or more).

Before the first file can go to a worker, the parent loads what every worker shares by the fork:
spaCy, its model and the warm-up (`worker.preload`), about half a second in which one core of a
two-core machine would wait. `begin_early_read` forks an early reader once the extractor modules
are imported, before spaCy, and has it read and parse the files the pool hands out first (the
largest), one after the other, until the model is loaded; the worker that takes such a file gets
its pages, pickled, instead of reading it. The page layer of the first files is then read while the
model loads, and no more than `jobs` processes compute at once (the parent and the reader; then the
reader and a worker, while another worker waits for the file the reader is finishing). `--jobs 1`
computes in one process at a time and reads nothing early.

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
    """An early reader at work: a worker process forked now, driven by a thread, that reads the
    given files one after the other, in the pool's order, until the parent has loaded the model
    (from then on the pool's workers compute) or the pool claims the next file itself."""

    def __init__(self, tasks: list[FileTask]) -> None:
        self.pages_read: dict[str, list[tuple[str, int, int]]] = {t.source: [] for t in tasks}
        """The reader's page reports (source, page, of) per file, for the pool's thread to pass on."""
        self._state: dict[str, Any] = {t.source: _PENDING for t in tasks}
        self._changed = threading.Condition()
        self._closed = False
        self._worker = worker.Worker(read_pages, on_page=self._page)
        self._worker.start()  # forked in the calling thread, before the model is loaded
        self._thread = threading.Thread(target=self._read_all, args=(tasks,), name="raadsstukken-early-read",
                                        daemon=True)
        self._thread.start()

    def _page(self, source: str, page: int, of: int) -> None:
        self.pages_read[source].append((source, page, of))

    def _read_all(self, tasks: list[FileTask]) -> None:
        from raadsstukken.pipeline.run import file_budgets

        try:
            for task in tasks:
                with self._changed:
                    if self._closed or worker.preloaded() or self._state[task.source] is not _PENDING:
                        break  # the pool's workers compute from here on (or took this file themselves)
                    self._state[task.source] = _READING
                result = None
                try:
                    result = self._worker.run(task, *file_budgets(task))
                except Exception:  # noqa: BLE001 - a bug here must not fail the file: the worker reads it
                    _log.debug("%s: early read failed", task.source, exc_info=True)
                with self._changed:
                    self._state[task.source] = result
                    self._changed.notify_all()
                if isinstance(result, worker.Breach) or result is None:
                    break  # its process was stopped (or something went wrong): read nothing more early
        finally:
            self._worker.close()
            with self._changed:
                for source, state in self._state.items():
                    if state is _PENDING or state is _READING:
                        self._state[source] = None
                self._changed.notify_all()

    def take(self, source: str) -> tuple[ReadPages | None, list[worker.Note]] | worker.Breach | None:
        """The reading of `source`, waited for when it is under way: (pages or None, the reader's log
        notes), or the reader's breach; None when the reader did not get to it (and now will not)."""
        with self._changed:
            while self._state.get(source) is _READING:
                self._changed.wait()
            state = self._state.pop(source, None)
            return None if state is _PENDING else state

    def claim(self, source: str) -> bool:
        """Take `source` from the reader when it has not started on it (nor will): True then, and
        the worker reads the file itself; False when it is being read or was read (`take` it)."""
        with self._changed:
            state = self._state.get(source, None)
            if state is _PENDING or state is None:
                self._state.pop(source, None)
                return True
            return False

    def close(self) -> None:
        """Stop the reader if it is still at work (a run interrupted before its files were taken)."""
        with self._changed:
            self._closed = True
        while self._thread.is_alive():
            self._worker.kill()  # (again, should the thread have forked a new child just before)
            self._thread.join(0.1)


_PENDING = object()
"""A file the reader has not started (the pool may still claim it)."""
_READING = object()
"""A file the reader is reading."""

MAX_FILES = 64
"""Files an early reader may be given (it reads them only while the parent is loading the model)."""


def begin_early_read(todo: list[FileTask], jobs: int) -> tuple[list[FileTask], EarlyRead | None]:
    """Import the extractor modules and, with `jobs` > 1 and two or more files, fork an early reader
    of the files the pool hands out first; their tasks carry it (`FileTask.early`). It stops before
    a file read by ranges in several processes (`page_workers` > 1): its helpers would be more than
    `jobs` processes at work beside the parent."""
    if jobs < 2 or len(todo) < 2 or worker.preloaded():  # (a second run in this process: nothing to wait for)
        return todo, None
    first: list[FileTask] = []
    for task in hand_out_order(todo, jobs)[:MAX_FILES]:
        if task.page_workers > 1:
            break
        first.append(task)
    if not first:
        return todo, None
    worker.preload(models=False)
    try:
        early = EarlyRead(first)
    except OSError as exc:  # no process to fork: the workers read the files
        _log.debug("no early reader: %s", exc)
        return todo, None
    chosen = {id(t) for t in first}
    return [replace(t, early=early) if id(t) in chosen else t for t in todo], early
