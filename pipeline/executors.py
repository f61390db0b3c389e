"""Where files are processed: on this machine (`jobs` threads, each driving its own worker
process, see `pipeline/worker.py`), or on a Dask cluster.

Every executor runs the same per-file function on the same tasks and yields its results as they
finish; the parent writes them. Results do not depend on the executor (a test checks it). The
per-file function (`run.process_file`) runs each file in the calling thread's worker process and
kills it at the file's budgets: locally that is a pool thread's worker; on Dask it is a worker
process of the Dask worker's task thread, so the limits hold per task there too.

A pool stops fast: on an interrupt (the run's signal handler raises in the parent) the worker
processes are killed, not waited for, and results that had already finished are still handed back
(`finished`). Worker processes ignore SIGINT, so a Ctrl-C at the terminal reaches the parent only.
"""
from __future__ import annotations

import logging
import queue
import threading
from typing import Any, Callable, Iterator, Sequence

from raadsstukken.pipeline.progress import PageReport

_log = logging.getLogger(__name__)

EXECUTORS = ("local", "dask")
TICK = 0.25
"""Seconds between looks at the page queue while waiting for results."""

_page_report = threading.local()
"""Where this thread reports pages (set by the local pool in its threads)."""


class ExecutorError(Exception):
    """The executor cannot start (dask missing, a scheduler that does not answer): a usage error."""


def page_reporter() -> PageReport | None:
    return getattr(_page_report, "report", None)


def check_executor(executor: str, scheduler: str | None) -> None:
    """Fail early, before anything is written, when the executor cannot be used."""
    if executor not in EXECUTORS:
        raise ExecutorError(f"executor must be one of {EXECUTORS}")
    if scheduler and executor != "dask":
        raise ExecutorError("--scheduler needs --executor dask")
    if executor == "dask":
        try:
            import dask.distributed  # noqa: F401
        except ImportError:
            raise ExecutorError("the dask executor needs dask.distributed: pip install 'raadsstukken[dask]'") from None


def hand_out_order(tasks: Sequence[Any], jobs: int) -> list[Any]:
    """The order in which the local pool hands out `tasks`: with several workers the largest first
    (bytes as the measure of work), so the last file to finish is a small one and no worker idles at
    the end while another works through a long file alone; with one worker as given."""
    tasks = list(tasks)
    if jobs > 1:
        tasks.sort(key=lambda t: -(getattr(t, "size", 0) or 0))  # stable: equal sizes keep their order
    return tasks


class Pool:
    """`with Pool(...) as pool: for result in pool.map(work, tasks): ...`"""

    def __init__(self, jobs: int = 1, executor: str = "local", scheduler: str | None = None,
                 on_page: PageReport | None = None) -> None:
        check_executor(executor, scheduler)
        self.jobs, self.executor, self.scheduler, self.on_page = jobs, executor, scheduler, on_page
        self._workers: list[Any] = []
        self._done: Any = None
        self._stopping: threading.Event | None = None
        self._finished: list[Any] = []
        self._client: Any = None
        self._cluster: Any = None
        self._pending: set[Any] = set()

    def __enter__(self) -> Pool:
        if self.executor == "dask" and self._client is None:
            self._start_dask()
        return self

    def _start_dask(self) -> None:
        from dask.distributed import Client, LocalCluster

        quiet = logging.getLogger("raadsstukken").getEffectiveLevel() > logging.INFO  # -v lets the cluster speak
        if quiet:  # distributed sets its own loggers to INFO when imported
            for name in list(logging.root.manager.loggerDict):
                if name == "distributed" or name.startswith("distributed."):
                    logging.getLogger(name).setLevel(logging.WARNING)
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout="10s")
            else:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.WARNING if quiet else False)
                self._client = Client(self._cluster)
        except Exception as exc:  # noqa: BLE001 - one line for the user, whatever dask raised
            self._close_dask()
            where = f"the Dask scheduler at {self.scheduler}" if self.scheduler else "a local Dask cluster"
            message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ExecutorError(f"cannot use {where}: {message}") from None

    def map(self, work: Callable[..., Any], tasks: Sequence[Any], ahead: bool = False) -> Iterator[Any]:
        """`work(task)` for every task, yielded as each finishes. `ahead` (local pool): `work(task,
        upcoming)`, where `upcoming(prepare)` takes the pool thread's next task now (None when there
        is none), as `prepare` makes it, and the thread runs that task next: a worker can start on
        it while its last result is still being handed back (see `worker.Worker.run`)."""
        if self.executor == "dask":
            yield from self._map_dask(work, tasks)
            return
        tasks = hand_out_order(tasks, self.jobs)
        if not tasks:
            return
        todo: queue.SimpleQueue[Any] = queue.SimpleQueue()
        for task in tasks:
            todo.put(task)
        done: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._done = done
        self._stopping = stopping = threading.Event()
        n_threads = min(self.jobs, len(tasks))
        for i in range(n_threads):
            thread = threading.Thread(target=self._thread, args=(work, todo, done, stopping, ahead),
                                      name=f"raadsstukken-file-{i}", daemon=True)
            thread.start()
        ended = 0
        while ended < n_threads:
            try:
                kind, value = self._done.get(timeout=TICK)
            except queue.Empty:
                continue
            if kind == "page":
                if self.on_page is not None:
                    self.on_page(*value)
            elif kind == "result":
                yield value
            elif kind == "error":  # a bug in the per-file function itself
                raise value
            else:
                ended += 1

    def _thread(self, work: Callable[..., Any], todo: queue.SimpleQueue[Any], done: queue.SimpleQueue[Any],
                stopping: threading.Event, ahead: bool = False) -> None:
        """One pool thread: the next task to its own worker process, until none is left."""
        from raadsstukken.pipeline import worker

        worker.bind(self._workers)  # the worker processes this thread starts are ours to kill
        _page_report.report = (lambda s, p, o: done.put(("page", (s, p, o)))) if self.on_page else None
        taken: list[Any] = []  # the next task, taken early by `upcoming`

        def upcoming(prepare: Callable[[Any], Any]) -> Any:
            if taken or stopping.is_set():
                return None
            try:
                task = prepare(todo.get_nowait())
            except queue.Empty:
                return None
            taken.append(task)
            return task
        try:
            while not stopping.is_set():
                if taken:
                    task = taken.pop()
                else:
                    try:
                        task = todo.get_nowait()
                    except queue.Empty:
                        break
                try:
                    result = work(task, upcoming) if ahead else work(task)
                except BaseException as exc:  # noqa: BLE001 - handed to the parent's thread, which raises it
                    done.put(("error", exc))
                    break
                if not stopping.is_set():
                    done.put(("result", result))
        finally:
            worker.close_thread_worker()
            worker.bind(None)
            done.put(("end", None))

    def _map_dask(self, work: Callable[[Any], Any], tasks: Sequence[Any]) -> Iterator[Any]:
        from dask.distributed import as_completed

        futures = self._client.map(work, list(tasks), pure=False)
        self._pending = set(futures)
        for future in as_completed(futures):
            self._pending.discard(future)
            yield future.result()

    def finished(self) -> list[Any]:
        """Results that are done but were not yet handed out (after an interrupt)."""
        out = list(self._finished)
        self._finished = []
        for future in list(self._pending):
            try:
                if future.done() and not future.cancelled():
                    out.append(future.result())
            except BaseException:  # noqa: BLE001 - a broken future is just not kept
                continue
        self._pending = {f for f in self._pending if not f.done()}
        return out

    def _take_results(self) -> None:
        while self._done is not None:
            try:
                kind, value = self._done.get_nowait()
            except queue.Empty:
                return
            if kind == "result":
                self._finished.append(value)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._workers:
            if exc_type is not None:
                self._stop_now()
            self._workers = []
        self._close_dask(fast=exc_type is not None)

    def _stop_now(self) -> None:
        """Kill the worker processes instead of waiting for their files; keep what had finished."""
        from raadsstukken.pipeline import worker

        if self._stopping is not None:
            self._stopping.set()
        self._take_results()
        worker.kill_all(self._workers)

    def _close_dask(self, fast: bool = False) -> None:
        for closable in (self._client, self._cluster):
            if closable is None:
                continue
            try:
                closable.close(timeout=2 if fast else 30)
            except Exception:  # noqa: BLE001 - closing a cluster that went away
                pass
        self._client = self._cluster = None


def map_unordered(work: Callable[[Any], Any], tasks: Sequence[Any], *, jobs: int = 1, executor: str = "local",
                  scheduler: str | None = None) -> Iterator[Any]:
    """`work(task)` for every task, yielded as each finishes (a Pool for one map)."""
    tasks = list(tasks)
    with Pool(jobs, executor, scheduler) as pool:
        yield from pool.map(work, tasks)
