"""Per-file limits: wall-clock time and memory, so one hostile file cannot stall or sink a batch."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

from raadsstukken.pipeline.errors import FileTimeout


@contextmanager
def time_limit(seconds: float | None):
    """Raise FileTimeout when the block runs longer than `seconds` (main thread only: worker
    processes and the serial run; Dask workers run tasks in threads and use no limit)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise FileTimeout(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def memory_limit(megabytes: int | None):
    """Let the block allocate at most `megabytes` more (address space, Linux); MemoryError beyond."""
    if not megabytes:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    with open("/proc/self/statm") as fh:
        used = int(fh.read().split()[0]) * resource.getpagesize()
    limit = used + megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
