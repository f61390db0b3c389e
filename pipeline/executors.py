"""Where files are processed: in this process, in local worker processes, or on a Dask cluster.

Every executor runs the same per-file function on the same tasks and yields its results as they
finish; the parent writes them. Results do not depend on the executor (a test checks it).
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")


def map_unordered(work: Callable[[T], R], tasks: Iterable[T], *, jobs: int = 1, executor: str = "local",
                  scheduler: str | None = None) -> Iterator[R]:
    """`work(task)` for every task, yielded as each finishes."""
    tasks = list(tasks)
    if executor == "dask":
        yield from _dask(work, tasks, jobs, scheduler)
    elif jobs == 1 or len(tasks) < 2:
        for task in tasks:
            yield work(task)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(work, t) for t in tasks]
            for future in as_completed(futures):
                yield future.result()


def _dask(work: Callable[[T], R], tasks: list[T], jobs: int, scheduler: str | None) -> Iterator[R]:
    """On the Dask cluster at `scheduler`, or on a LocalCluster of `jobs` worker processes."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed as dask_completed
    except ImportError as exc:  # pragma: no cover - dask is a test and [dask] dependency
        raise RuntimeError("the dask executor needs dask.distributed: pip install 'raadsstukken[dask]'") from exc
    if scheduler:
        client, cluster = Client(scheduler), None
    else:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(work, tasks, pure=False)
        for future in dask_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
