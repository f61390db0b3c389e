"""Where files are processed: in this process, in local worker processes, or on a Dask cluster.

Every executor runs the same per-file function on the same tasks and yields its results as they
finish; the parent writes them. Results do not depend on the executor (a test checks it).

A pool stops fast: on an interrupt (the run's signal handler raises in the parent) local workers
are terminated, not waited for, and results that had already finished are still handed back
(`finished`). Worker processes ignore SIGINT, so a Ctrl-C at the terminal reaches the parent only.
"""
from __future__ import annotations

import logging
import multiprocessing
import queue
import signal
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, Callable, Iterator, Sequence

from raadsstukken.pipeline.progress import PageReport

_log = logging.getLogger(__name__)

EXECUTORS = ("local", "dask")
TICK = 0.25
"""Seconds between looks at the page queue while waiting for results."""

_page_report: PageReport | None = None
"""Where this process reports pages (set in workers by the pool, in the parent for a serial run)."""


class ExecutorError(Exception):
    """The executor cannot start (dask missing, a scheduler that does not answer): a usage error."""


def page_reporter() -> PageReport | None:
    return _page_report


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


def _init_worker(pages: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    global _page_report

    def report(source: str, page: int, of: int) -> None:
        pages.put_nowait((source, page, of))

    _page_report = report


class Pool:
    """`with Pool(...) as pool: for result in pool.map(work, tasks): ...`"""

    def __init__(self, jobs: int = 1, executor: str = "local", scheduler: str | None = None,
                 on_page: PageReport | None = None) -> None:
        check_executor(executor, scheduler)
        self.jobs, self.executor, self.scheduler, self.on_page = jobs, executor, scheduler, on_page
        self._pool: ProcessPoolExecutor | None = None
        self._pages: Any = None
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

    def map(self, work: Callable[[Any], Any], tasks: Sequence[Any]) -> Iterator[Any]:
        """`work(task)` for every task, yielded as each finishes."""
        global _page_report
        if self.executor == "dask":
            yield from self._map_dask(work, tasks)
            return
        if self.jobs == 1 or len(tasks) < 2:
            previous, _page_report = _page_report, self.on_page
            try:
                for task in tasks:
                    yield work(task)
            finally:
                _page_report = previous
            return
        self._pages = multiprocessing.get_context().Queue() if self.on_page else None
        self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker if self._pages else _ignore_sigint,
                                         initargs=(self._pages,) if self._pages else ())
        self._pending = {self._pool.submit(work, t) for t in tasks}
        while self._pending:
            done, self._pending = wait(self._pending, timeout=TICK, return_when=FIRST_COMPLETED)
            self._drain_pages()
            for future in done:
                yield future.result()

    def _map_dask(self, work: Callable[[Any], Any], tasks: Sequence[Any]) -> Iterator[Any]:
        from dask.distributed import as_completed

        futures = self._client.map(work, list(tasks), pure=False)
        self._pending = set(futures)
        for future in as_completed(futures):
            self._pending.discard(future)
            yield future.result()

    def finished(self) -> list[Any]:
        """Results that are done but were not yet handed out (after an interrupt)."""
        out = []
        for future in list(self._pending):
            try:
                if future.done() and not future.cancelled():
                    out.append(future.result(timeout=0) if isinstance(future, Future) else future.result())
            except BaseException:  # noqa: BLE001 - a broken future is just not kept
                continue
        self._pending = {f for f in self._pending if not f.done()}
        return out

    def _drain_pages(self) -> None:
        if self._pages is None or self.on_page is None:
            return
        while True:
            try:
                source, page, of = self._pages.get_nowait()
            except (queue.Empty, OSError, ValueError):
                return
            self.on_page(source, page, of)

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        if self._pool is not None:
            if exc_type is None:
                self._pool.shutdown(wait=True)
            else:
                self._stop_now()
            self._pool = None
        if self._pages is not None:
            self._pages.close()
            self._pages.cancel_join_thread()
            self._pages = None
        self._close_dask(fast=exc_type is not None)

    def _stop_now(self) -> None:
        """Terminate the worker processes instead of waiting for their files."""
        assert self._pool is not None
        processes = list(getattr(self._pool, "_processes", {}).values())
        for p in processes:
            if p.is_alive():
                p.terminate()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for p in processes:
            p.join(timeout=2)
            if p.is_alive():
                p.kill()

    def _close_dask(self, fast: bool = False) -> None:
        for closable in (self._client, self._cluster):
            if closable is None:
                continue
            try:
                closable.close(timeout=2 if fast else 30)
            except Exception:  # noqa: BLE001 - closing a cluster that went away
                pass
        self._client = self._cluster = None


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def map_unordered(work: Callable[[Any], Any], tasks: Sequence[Any], *, jobs: int = 1, executor: str = "local",
                  scheduler: str | None = None) -> Iterator[Any]:
    """`work(task)` for every task, yielded as each finishes (a Pool for one map)."""
    tasks = list(tasks)
    with Pool(jobs, executor, scheduler) as pool:
        yield from pool.map(work, tasks)
