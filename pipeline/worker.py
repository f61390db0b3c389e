"""Worker processes with hard limits: a file is parsed in a child process the parent kills at the
file's time or memory budget, so no PDF can hang or exhaust the batch.

A `Worker` forks one child (`os.fork`: cheap, and the modules the parent preloaded are shared) and
hands it files one at a time over a pipe; the child processes a file and sends back its outcome,
with notes of the stage and page it is at on the way. While it waits the parent watches the clock
and the child's resident memory (/proc, every POLL seconds). Past a budget it kills the child's
process group with SIGKILL (which no loop in pdfminer, in its `close()` or in a C library can
ignore), returns a `Breach` naming the stage and page reached, and forks a fresh child for the next
file. Each child also caps its own address space (RLIMIT_AS, see `limits.cap_address_space`), so
one huge allocation fails at once with MemoryError instead of between two looks of the parent. A
child that grew much since it started is replaced after its file (Python rarely hands memory back).

Logging in the child is collected, not printed: records are counted by (logger, level, message
with its quoted names and numbers masked, stage, page) and come back with the outcome;
`emit_notes` logs each kind once per page with its count, so a file of junk operators gives a few
lines instead of tens of thousands.

Every thread has its own worker (`thread_worker`): the local pool's threads, a Dask worker's task
threads, or the caller's thread for a direct call.
"""
from __future__ import annotations

import gc
import logging
import math
import mmap
import os
import pickle
import re
import select
import signal
import struct
import sys
import threading
import time
import traceback
import weakref
from dataclasses import dataclass
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any, Callable

from raadsstukken.pipeline import limits
from raadsstukken.pipeline.errors import where as where_text

_log = logging.getLogger(__name__)

POLL = 0.05
"""Seconds between two looks at a working child's memory (and at most between two at its clock)."""
RECYCLE_SHARE = 0.5
"""A child whose resident memory grew by more than this share of its budget is replaced after its file."""
MAX_NOTES = 20
"""Kinds of log message kept per file; the rest are counted in one line."""
CHILD_GC_THRESHOLD = (20_000, 20, 10)
"""A child's cyclic-collector thresholds (Python's default: 700, 10, 10). A file allocates and frees
hundreds of thousands of small containers (glyph records, characters, words), almost none of them
in cycles, and at the default the collector ran 800 times over the dev corpus (4-6% of the CPU);
the parent's preloaded objects are frozen (`gc.freeze`), so what it walks is the file's own. Only
when garbage is collected changes, never what is computed."""

PageReport = Callable[[str, int, int], None]


@dataclass(frozen=True)
class Breach:
    """A file whose worker was stopped: what it exceeded (or that the worker died) and where."""

    kind: str
    """`timeout`, `memory`, or `internal` (the worker process died by itself)."""
    message: str
    stage: str | None
    page: int | None
    seconds: float


@dataclass(frozen=True)
class Note:
    """One kind of log record of a file: its first message and how often it came."""

    logger: str
    level: int
    message: str
    count: int
    stage: str | None
    page: int | None


# --- the child side ------------------------------------------------------------------------------

_conn: Connection | None = None
"""In a child: the pipe to the parent (None in the parent)."""
_where: list[Any] = [None, None]
"""In a child: the stage and page being processed."""


def in_child() -> bool:
    return _conn is not None


def note(stage: str, page: int | None = None) -> None:
    """Say where the file's processing is (stage, page): a killed file's message names it. In a
    child it is written to the board the parent reads (`_Board`), no message."""
    if _where[0] == stage and _where[1] == page:
        return
    _where[0], _where[1] = stage, page
    if _board is not None:
        _board.write(stage, page)
    elif _conn is not None:
        try:
            _conn.send(("at", stage, page))
        except (OSError, ValueError):
            pass


class _Board:
    """Where a child is (stage, page), in memory it shares with its parent (an anonymous shared
    mapping made before the fork): the child writes it at every note, many a second, without a
    system call or a wake-up of the parent; the parent reads it when it stops or loses the child.
    Two slots: the child fills the one not shown, then shows it (a one-byte write)."""

    SLOT = 128

    def __init__(self) -> None:
        self.memory = mmap.mmap(-1, 8 + 2 * self.SLOT)

    def write(self, stage: str, page: int | None) -> None:
        slot = 1 - self.memory[0]
        data = stage.encode("utf-8")[: self.SLOT - 5]
        at = 8 + slot * self.SLOT
        self.memory[at:at + 5 + len(data)] = struct.pack("<iB", -1 if page is None else page, len(data)) + data
        self.memory[0] = slot

    def read(self) -> tuple[str, int | None] | None:
        """The stage and page last written, None when nothing was."""
        at = 8 + self.memory[0] * self.SLOT
        page, n = struct.unpack("<iB", self.memory[at:at + 5])
        if not n:
            return None
        return self.memory[at + 5:at + 5 + n].decode("utf-8", "replace"), None if page < 0 else page

    def close(self) -> None:
        self.memory.close()


_board: _Board | None = None
"""In a child: its board (None in the parent)."""
_collector: _Collector | None = None
"""In a child: the handler counting its log records."""


def where() -> tuple[str | None, int | None]:
    return _where[0], _where[1]


def child_page_report(source: str, page: int, of: int) -> None:
    """The page reporter inside a child: the page goes to the parent (progress, and the kill message)."""
    _where[0], _where[1] = "parse", page
    if _board is not None:
        _board.write("parse", page)
    if _conn is not None:
        try:
            _conn.send(("page", source, page, of))
        except (OSError, ValueError):
            pass


_KIND = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(?:\.\d+)?")
"""What varies between messages of one kind (libraries that format before logging): quoted
names and numbers."""


class _Collector(logging.Handler):
    """Counts a child's log records by kind and page instead of printing them."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.kinds: dict[tuple[Any, ...], list[Any]] = {}
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        key = (record.name, record.levelno, _KIND.sub("_", str(record.msg)), _where[0], _where[1])
        seen = self.kinds.get(key)
        if seen is not None:
            seen[1] += 1
            return
        if len(self.kinds) >= MAX_NOTES:
            self.dropped += 1
            return
        try:
            message = self.format(record) if record.exc_info else record.getMessage()
        except Exception:  # noqa: BLE001 - a record that does not format is still counted
            message = str(record.msg)
        self.kinds[key] = [message, 1]

    def take_kinds(self) -> tuple[dict[tuple[Any, ...], list[Any]], int]:
        """The counted kinds (and the dropped count) as they are, emptied here (a helper's, for `merge`)."""
        kinds, dropped = self.kinds, self.dropped
        self.kinds, self.dropped = {}, 0
        return kinds, dropped

    def merge(self, taken: tuple[dict[tuple[Any, ...], list[Any]], int] | None) -> None:
        """Add a helper's counted kinds as if its records had come here after this one's."""
        if taken is None:
            return
        kinds, dropped = taken
        self.dropped += dropped
        for key, (message, count) in kinds.items():
            seen = self.kinds.get(key)
            if seen is not None:
                seen[1] += count
            elif len(self.kinds) >= MAX_NOTES:
                self.dropped += count
            else:
                self.kinds[key] = [message, count]

    def take(self) -> list[Note]:
        notes = [Note(k[0], k[1], v[0], v[1], k[3], k[4]) for k, v in self.kinds.items()]
        if self.dropped:
            notes.append(Note(__name__, logging.WARNING, f"{self.dropped} more log line(s) of other kinds not shown",
                              1, None, None))
        self.kinds, self.dropped = {}, 0
        return notes


def _send(conn: Connection, message: Any) -> None:
    """`conn.send(message)`, but pickled with protocol 5 and its buffers (a file's tables as Arrow
    IPC streams, `run.FileOutcome`) written to the pipe out of band, each from where it lies: sent
    in a pickle, a generated 2,000-page file's 6.5 MB of tables were in the child three times over
    (the IPC buffers, their bytes, the pickle)."""
    buffers: list[pickle.PickleBuffer] = []
    payload = pickle.dumps(message, protocol=5, buffer_callback=buffers.append)
    conn.send(("pickle5", len(buffers)))
    conn.send_bytes(payload)
    for buffer in buffers:
        conn.send_bytes(buffer.raw())


def _receive(conn: Connection, n_buffers: int) -> Any:
    """What `_send` sent, after its ("pickle5", n) header."""
    return _load(_receive_bytes(conn, n_buffers))


def _receive_bytes(conn: Connection, n_buffers: int) -> tuple[bytes, list[bytes]]:
    """The bytes `_send` sent after its header, read off the pipe, not yet unpickled."""
    payload = conn.recv_bytes()
    return payload, [conn.recv_bytes() for _ in range(n_buffers)]


def _load(received: tuple[bytes, list[bytes]]) -> Any:
    payload, buffers = received
    return pickle.loads(payload, buffers=buffers)


def _parent_death_signal() -> None:
    """SIGKILL this child when the thread that forked it dies (Linux), so no worker outlives a
    killed run (and its lock on the output)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _close_inherited(keep: int) -> None:
    """Close every file descriptor the child inherited but standard in, out, error and its pipe: it
    must not keep the parent's lock on the output (or anything else) open once the parent is gone."""
    try:
        top = os.sysconf("SC_OPEN_MAX")
    except (OSError, ValueError):
        top = 4096
    os.closerange(3, keep)
    os.closerange(keep + 1, max(top, keep + 2))


def _system_allocator() -> None:
    """Arrow's buffers in a child come from the C library's malloc, not Arrow's default pool
    (mimalloc): mimalloc keeps the pages its threads freed (the rows' JSON reader runs on Arrow's
    thread pool) mapped for reuse, and a child's resident memory is what its budget is held to.
    A generated 2,000-page file: making its 14 tables took the child from 241 to 288 MB with
    mimalloc, from 242 to 263 MB with malloc, and its peak went 317 -> 290 MB; the same tables."""
    import sys

    pa = sys.modules.get("pyarrow")
    if pa is not None:
        pa.set_memory_pool(pa.system_memory_pool())


def _child_main(conn: Connection, work: Callable[[Any], Any], parent: int) -> None:
    """The child's loop: a task in, its result out, until the pipe closes. Never returns."""
    global _conn, _collector
    code = 0
    try:
        os.setpgid(0, 0)  # its own group: a kill reaches what it started (pdftoppm, tesseract)
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGALRM, signal.SIGCHLD):
            signal.signal(sig, signal.SIG_IGN if sig == signal.SIGINT else signal.SIG_DFL)
        _parent_death_signal()
        if os.getppid() != parent:
            os._exit(0)
        _close_inherited(conn.fileno())
        _conn = conn
        collector = _collector = _Collector()
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        root.addHandler(collector)
        logging.captureWarnings(True)
        gc.set_threshold(*CHILD_GC_THRESHOLD)
        _system_allocator()
        _give_shared()  # what the parent read before the fork (its warm-up) is every worker's already
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                break
            if message is None:
                break
            task, memory_mb, shared = message
            limits.cap_address_space(memory_mb)
            _where[0], _where[1] = "read", None
            _take_shared(shared)
            result = work(task)
            _send(conn, ("done", result, collector.take(), _give_shared()))
    except BaseException:  # noqa: BLE001 - whatever happens, the child ends here and never returns
        code = 1
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace"))
        except OSError:
            pass
    finally:
        os._exit(code)


SHARED_FINDS = "raadsstukken.extractors.semantics.entities"
"""The module whose model finds a run's workers pass on to each other (`fresh_finds`, `add_finds`):
the NER is most of the entity stage, and a batch's papers share sentences (the dev corpus read with
`--jobs 2` had its model read 39% more text than with one worker before they shared them)."""


def _give_shared() -> list[Any]:
    """In a child: the model finds it made since it last gave them (none where the model is not loaded)."""
    module = sys.modules.get(SHARED_FINDS)
    return module.fresh_finds() if module is not None else []


def _take_shared(found: list[Any]) -> None:
    """In a child: the finds other workers made, kept as if made here."""
    module = sys.modules.get(SHARED_FINDS)
    if found and module is not None:
        module.add_finds(found)


# --- helpers of a child: one file's work in several processes ---------------------------------------

class HelperError(Exception):
    """A helper process ended without a result (killed, or its result did not pickle)."""


def in_helpers(work: Callable[[Any], Any], tasks: list[Any]) -> list[Any]:
    """`work(task)` for every task, the first in this process and each other in a helper process
    forked from it (so it shares what this one has loaded and read, the file's bytes and opened
    document included), the results in the tasks' order. What a task raises is raised here, the
    first task's first: as if they had run one after the other. A helper is in this child's process
    group (a kill of the child's group stops it), dies with this process (PR_SET_PDEATHSIG), keeps
    the address-space cap and sends nothing to the parent; its log records are counted here."""
    helpers: list[tuple[int, Connection]] = []
    try:
        for task in tasks[1:]:
            ours, theirs = Pipe(duplex=False)
            pid = os.fork()
            if pid == 0:
                ours.close()
                _helper_main(theirs, work, task)
            theirs.close()
            helpers.append((pid, ours))
        results = [work(tasks[0])]
        for _pid, conn in helpers:
            try:
                kind, value, where_at, notes = conn.recv()
            except (EOFError, OSError) as exc:
                raise HelperError(f"a helper process reading part of the file ended without a result ({exc!r})") from None
            except Exception as exc:  # noqa: BLE001 - a result (or error) that does not unpickle
                raise HelperError(f"a helper process's result could not be read: {exc!r}") from None
            if _collector is not None:
                _collector.merge(notes)
            if kind == "error":
                _where[0], _where[1] = where_at
                raise value
            results.append(value)
        return results
    finally:
        for pid, conn in helpers:
            conn.close()
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


def _helper_main(conn: Connection, work: Callable[[Any], Any], task: Any) -> None:
    """A helper's life: its task, the result (or what it raised) to the child, exit. Never returns."""
    global _conn, _board
    code = 0
    try:
        _parent_death_signal()
        if _conn is not None:
            _conn.close()  # the parent hears the child only (and sees it end when it ends): no progress,
        _conn = _board = None  # no board from here
        collector = _collector
        if collector is not None:
            collector.take_kinds()  # the child's records so far are the child's to send
        try:
            message: tuple[Any, ...] = ("done", work(task), tuple(_where), None)
        except Exception as exc:  # noqa: BLE001 - raised again in the child, where the file fails as it would have
            message = ("error", exc, tuple(_where), None)
        notes = collector.take_kinds() if collector is not None else None
        try:
            conn.send((*message[:3], notes))
        except Exception as exc:  # noqa: BLE001 - a result or error that does not pickle
            conn.send(("error", HelperError(f"a helper's result could not be sent: {exc!r}"), tuple(_where), notes))
    except BaseException:  # noqa: BLE001 - whatever happens, the helper ends here
        code = 1
        try:
            os.write(2, traceback.format_exc().encode("utf-8", "replace"))
        except OSError:
            pass
    finally:
        os._exit(code)


# --- the parent side -----------------------------------------------------------------------------

_live: weakref.WeakSet[Worker] = weakref.WeakSet()
_live_lock = threading.Lock()
_share_lock = threading.Lock()


class Worker:
    """One child process at a time, reused for file after file; killed and replaced on a breach."""

    def __init__(self, work: Callable[[Any], Any], on_page: PageReport | None = None) -> None:
        self.work, self.on_page = work, on_page
        self.pid: int | None = None
        self.conn: Connection | None = None
        self.baseline = 0
        self.rss = limits.RssReader(-1)
        """The child's resident memory, read from its /proc file (kept open while it lives)."""
        self.board: _Board | None = None
        """Where the child is (its notes), shared with it."""
        self.started = 0
        """Children forked so far (1 + the replacements)."""
        self.ahead: tuple[Any, float] | None = None
        """The task sent to the child before `run` was called for it (see `run`'s `then`), and when."""
        self.peers: list[Worker] = []
        """The other workers of its pool: they get the model finds this one's child made, and it theirs."""
        self.inbox: list[Any] = []
        """Model finds of the peers' children, for this one's child with its next task."""
        with _live_lock:
            _live.add(self)

    def start(self) -> None:
        """Fork the child now (else the first `run` does): it shares what this process has loaded
        at this moment, and nothing loaded later (see `pipeline/early.py`)."""
        if self.pid is None:
            self._start()

    def _start(self) -> None:
        ours, theirs = Pipe(duplex=True)
        parent = os.getpid()
        board = _Board()
        pid = os.fork()
        if pid == 0:  # the child
            global _board
            ours.close()
            _board = board
            _child_main(theirs, self.work, parent)
        theirs.close()
        if self.board is not None:
            self.board.close()
        self.pid, self.conn, self.board = pid, ours, board
        self.rss = limits.RssReader(pid)
        self.baseline = self.rss() or 0
        self.started += 1

    def run(self, task: Any, seconds: float, memory_mb: int,
            then: Callable[[], tuple[Any, int] | None] | None = None) -> Any:
        """`work(task)` in the child; a `Breach` when the child had to be stopped (or died).

        `then()`: the task to follow this one, with its memory budget (MB), or None; asked as soon as
        this task's result is off the pipe, and sent to the child before the result is unpickled
        and handed back, so the child starts on it while the parent deals with this result (the
        round trip between two files, about 2 ms a file, was the child's idle time). `run` of that
        task then waits for it, its clock counted from when it was sent. Not asked when the child is
        to be replaced after this file."""
        ahead, self.ahead = self.ahead, None
        if ahead is not None and (ahead[0] is not task or self.pid is None):
            self.kill()  # a child busy with a task that is not this one: not ours to wait for
            ahead = None
        if self.pid is None:
            self._start()
        assert self.conn is not None and self.pid is not None
        t0 = ahead[1] if ahead is not None else time.monotonic()
        deadline = t0 + seconds
        limit = self.baseline + memory_mb * (1 << 20)
        stage, page = "read", None
        if ahead is None:
            if self.board is not None:
                self.board.write(stage, page)  # before the child has the task: no stage of the last file
            try:
                self.conn.send((task, memory_mb, self._shared_for_child()))
            except (OSError, ValueError):
                return self._died(stage, page, t0)
        readable = select.poll()  # the pipe's readiness, asked of the kernel directly (Connection.poll
        readable.register(self.conn.fileno(), select.POLLIN)  # builds a selector for every look)
        next_look = t0 + POLL
        while True:
            now = time.monotonic()
            remaining = deadline - now
            if remaining <= 0:
                return self._stop("timeout", f"took longer than {seconds:.3g} s", stage, page, t0)
            try:
                ready = readable.poll(max(1, math.ceil(min(POLL, remaining, next_look - now) * 1000)))
                message = self.conn.recv() if ready else None
                if message is not None and message[0] == "pickle5":
                    received = _receive_bytes(self.conn, message[1])
                    if then is not None:
                        self._send_ahead(then, memory_mb)
                    message = _load(received)
            except (EOFError, OSError):
                return self._died(stage, page, t0)
            if message is not None:
                if message[0] == "page":
                    stage, page = "parse", message[2]
                    if self.on_page is not None:
                        try:
                            self.on_page(message[1], message[2], message[3])
                        except Exception:  # noqa: BLE001 - progress must never fail a file
                            pass
                elif message[0] == "at":
                    stage, page = message[1], message[2]
                elif message[0] == "done":
                    self._share(message[3])
                    self._after_file(memory_mb)
                    return message[1], message[2]
                if time.monotonic() < next_look:
                    continue  # the child's notes come many a second: its memory is looked at every POLL
            next_look = time.monotonic() + POLL
            rss = self.rss()
            if rss is None:
                return self._died(stage, page, t0)
            if rss > limit:
                return self._stop("memory", f"needed more than {memory_mb} MB (resident {rss >> 20} MB, "
                                  f"{self.baseline >> 20} MB of them the worker's own)", stage, page, t0)

    def _share(self, found: list[Any]) -> None:
        """The finds this worker's child made, to each peer's inbox (a peer without a child gets none:
        a new child starts from the parent's)."""
        if not found:
            return
        with _share_lock:
            for peer in self.peers:
                if peer is not self and peer.pid is not None:
                    peer.inbox.extend(found)

    def _shared_for_child(self) -> list[Any]:
        with _share_lock:
            found, self.inbox = self.inbox, []
        return found

    def _after_file(self, memory_mb: int) -> None:
        if self.ahead is None and self._grown(memory_mb):
            self.close()

    def _grown(self, memory_mb: int) -> bool:
        """Whether the child grew so much over its file that it is to be replaced (RECYCLE_SHARE)."""
        rss = self.rss() if self.pid else None
        return rss is not None and rss - self.baseline > RECYCLE_SHARE * memory_mb * (1 << 20)

    def _send_ahead(self, then: Callable[[], tuple[Any, int] | None], memory_mb: int) -> None:
        """The next task to the child now, while its last result is still being read (see `run`)."""
        if self.pid is None or self.conn is None or self._grown(memory_mb):
            return
        upcoming = then()
        if upcoming is None:
            return
        task, task_memory_mb = upcoming
        if self.board is not None:
            self.board.write("read", None)
        try:
            self.conn.send((task, task_memory_mb, self._shared_for_child()))
        except (OSError, ValueError):
            return  # the child is gone: `run` of that task forks another
        self.ahead = (task, time.monotonic())

    def _at(self, stage: str | None, page: int | None) -> tuple[str | None, int | None]:
        """Where the child is: its board, else what its messages said."""
        board = self.board.read() if self.board is not None else None
        return board if board is not None else (stage, page)

    def _stop(self, kind: str, message: str, stage: str | None, page: int | None, t0: float) -> Breach:
        stage, page = self._at(stage, page)
        self.kill()
        return Breach(kind, message, stage, page, round(time.monotonic() - t0, 3))

    def _died(self, stage: str | None, page: int | None, t0: float) -> Breach:
        stage, page = self._at(stage, page)
        status = self.kill()
        if status is not None and os.WIFSIGNALED(status):
            sig = os.WTERMSIG(status)
            if sig == signal.SIGKILL:  # not by us: the kernel's out-of-memory killer
                return Breach("memory", "the worker process was killed (SIGKILL: out of memory?)", stage, page,
                              round(time.monotonic() - t0, 3))
            message = f"the worker process crashed ({signal.Signals(sig).name})"
        else:
            code = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
            message = f"the worker process ended unexpectedly (exit status {code})"
        return Breach("internal", message, stage, page, round(time.monotonic() - t0, 3))

    def kill(self) -> int | None:
        """SIGKILL the child and its group now; returns its wait status (None when there was none)."""
        pid, conn = self.pid, self.conn
        self.pid = self.conn = None
        self.ahead = None
        self.rss.close()
        if conn is not None:
            conn.close()
        if pid is None:
            return None
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        try:
            return os.waitpid(pid, 0)[1]
        except ChildProcessError:
            return None

    def close(self) -> None:
        """End the child: asked to stop between files, killed if it does not within a second."""
        pid, conn = self.pid, self.conn
        if pid is None or conn is None:
            return
        if self.ahead is not None:  # busy with a task sent ahead that no one waits for
            self.kill()
            return
        try:
            conn.send(None)
        except (OSError, ValueError):
            pass
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline:
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                conn.close()
                self.rss.close()
                self.pid = self.conn = None
                return
            time.sleep(0.01)
        self.kill()


def emit_notes(source: str, notes: list[Note]) -> None:
    """Log a file's collected records in the parent, once per kind and page, with their count."""
    for n in notes:
        at = f" ({where_text(n.stage, n.page)})" if n.stage else ""
        times = f" [{n.count} times]" if n.count > 1 else ""
        text = n.message if n.message.startswith(source) else f"{source}: {n.message}"
        logging.getLogger(n.logger).log(n.level, "%s%s%s", text, at, times)


_local = threading.local()


def thread_worker(work: Callable[[Any], Any], on_page: PageReport | None = None) -> Worker:
    """This thread's worker for `work` (made on first use, kept for the next file)."""
    worker = getattr(_local, "worker", None)
    if worker is None or worker.work is not work:
        if worker is not None:
            worker.close()
        worker = _local.worker = Worker(work, on_page)
        registry = getattr(_local, "registry", None)
        if registry is not None:
            registry.append(worker)
            worker.peers = registry  # the pool's workers share their model finds
    worker.on_page = on_page
    return worker


def bind(registry: list[Worker] | None) -> None:
    """Record the workers this thread makes in `registry` (a pool's, to kill them on a stop)."""
    _local.registry = registry


def close_thread_worker() -> None:
    worker = getattr(_local, "worker", None)
    if worker is not None:
        worker.close()
        _local.worker = None


def kill_all(workers: list[Worker] | None = None) -> None:
    """Kill the children of `workers` (every live worker of this process when None) at once."""
    with _live_lock:
        chosen = list(_live) if workers is None else workers
    for worker in chosen:
        worker.kill()


_preloaded = False


def preload(models: bool = True) -> None:
    """Import what a file's processing needs, once, in the parent: forked children share it, so a
    child (and a replacement after a kill) starts in milliseconds, and no import has to map new
    memory under the child's address-space cap. `models=False`: only what reading a file's pages
    needs (the early reader is forked then, `pipeline/early.py`; the rest loads while it reads)."""
    with _preload_lock:
        if not models:
            import raadsstukken.extractors.layout.parse  # noqa: F401 - the page layer and what it imports
        elif not _preloaded:
            _preload()


_preload_lock = threading.Lock()


def preloaded() -> bool:
    """Whether `preload()` has loaded everything (the model and the warm-up too)."""
    return _preloaded


def _preload() -> None:
    global _preloaded
    import importlib
    import pkgutil

    import raadsstukken.extractors as extractors

    from raadsstukken.extractors.layout.ocr import tesseract

    # Tesseract is looked for (a subprocess: `tesseract --list-langs`, 20-40 ms of waiting) while
    # the modules and the model load; joined before anything forks
    looking = threading.Thread(target=tesseract, name="raadsstukken-tesseract", daemon=True)
    looking.start()
    for info in pkgutil.walk_packages(extractors.__path__, extractors.__name__ + "."):
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - a module that does not import fails its files later, clearly
            _log.debug("preload: %s: %s", info.name, exc)
    import pypdfium2  # noqa: F401 - OCR renders with it

    from raadsstukken.extractors.semantics.entities import pipeline

    pipeline()
    looking.join()
    _warm_up()
    # out of the collector's reach: forked children do not copy these pages by collecting them, and
    # the run's exit does not walk them (0.9 s -> 0.1 s, measured)
    gc.freeze()
    _preloaded = True


def _warm_up() -> None:
    """Parse a small page and run every stage on it, so the caches the extractors fill on first use
    (rule files, compiled patterns, lexicons) are filled here, once, and every child starts warm."""
    import zlib

    from raadsstukken.extractors.layout.parse import parse_pdf
    from raadsstukken.extractors.model import FileResult
    from raadsstukken.pipeline.stages import STAGES, run_stages
    from raadsstukken.schemas import DATASETS

    lines = ["Voorstel aan de raad", "Onderwerp: onderhoud van de wegen", "1. Inleiding",
             "Het college stelt voor EUR 10.000 beschikbaar te stellen.", "De raad besluit:",
             "1. het krediet beschikbaar te stellen."]
    text = b"BT /F1 11 Tf 14 TL 56 780 Td " + b" ".join(b"(%s) '" % ln.encode() for ln in lines) + b" ET"
    content = zlib.compress(text)
    objects = [b"<</Type /Catalog /Pages 2 0 R>>", b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
               b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources <</Font <</F1 5 0 R>>>>>>",
               b"<</Length %d /Filter /FlateDecode>>\nstream\n" % len(content) + content + b"\nendstream",
               b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>"]
    data, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<</Size 6 /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % xref
    try:
        parsed = parse_pdf("warm-up.pdf", data=bytes(data))
        result, _ = run_stages(FileResult("0" * 64, "warm-up.pdf", parsed), STAGES)
        for dataset in DATASETS.values():
            if dataset.rows is not None:
                dataset.to_table(dataset.rows(result))
    except Exception as exc:  # noqa: BLE001 - a warm-up that fails only leaves the caches cold
        _log.debug("warm-up: %s", exc)


def _kill_at_exit() -> None:
    if not in_child():
        kill_all()


import atexit  # noqa: E402 - registered after the functions it calls

atexit.register(_kill_at_exit)
