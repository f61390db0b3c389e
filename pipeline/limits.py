"""Per-file budgets (seconds, megabytes) and the measurements the worker supervisor needs.

A file's budgets are enforced from outside, by the parent that kills the file's worker process
(`pipeline/worker.py`): nothing a PDF does inside the parser (a loop in pdfminer, one in its
`close()`, a huge allocation) can outlast them. This module only says what the budgets are by
default and reads a process's memory from /proc (Linux).
"""
from __future__ import annotations

import os
import resource
from typing import Any

DEFAULT_TIMEOUT = 300.0
"""Seconds one file may take (reading and hashing included) when `--timeout` is not given."""
DEFAULT_MEMORY_SHARE = 0.25
"""Share of the machine's memory that all files processed at the same time may take on top of their
worker processes, when `--max-memory` is not given: each of `jobs` files gets `share / jobs`."""
MIN_MEMORY_MB = 64
"""The smallest per-file memory budget (`--max-memory`)."""
MIN_DEFAULT_MEMORY_MB = 512
"""The default budget never goes below this, however small the machine or however many jobs."""
ADDRESS_SPACE_SLACK_MB = 256
"""On top of twice the memory budget: the address-space cap of a worker (RLIMIT_AS), which makes
one huge allocation fail at once, before the parent's next look at the resident memory."""
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def machine_memory_mb() -> int:
    """Physical memory of this machine in MB (MemTotal; the cgroup limit when one is lower)."""
    total = 0
    try:
        with open("/proc/meminfo") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    total = int(line.split()[1]) // 1024
                    break
    except OSError:
        total = os.sysconf("SC_PHYS_PAGES") * _PAGE // (1 << 20)
    for path in ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"):
        try:
            with open(path) as fh:
                raw = fh.read().strip()
        except OSError:
            continue
        if raw.isdigit() and 0 < int(raw) // (1 << 20) < total:
            total = int(raw) // (1 << 20)
    return total


def default_memory_mb(jobs: int = 1) -> int:
    """The default per-file memory budget: DEFAULT_MEMORY_SHARE of the machine divided by `jobs`."""
    return max(MIN_DEFAULT_MEMORY_MB, int(machine_memory_mb() * DEFAULT_MEMORY_SHARE / max(jobs, 1)))


def dask_memory_mb() -> int | None:
    """The default per-task budget inside a Dask worker: the Dask worker's own `memory_limit`
    divided by its threads (Dask already divides the machine among its workers; without a limit,
    the default share of the machine divided by its threads), or None outside a Dask worker."""
    try:
        from distributed import get_worker

        worker = get_worker()
    except (ImportError, ValueError):
        return None
    limit = getattr(getattr(worker, "memory_manager", None), "memory_limit", None)
    threads = getattr(getattr(worker, "state", None), "nthreads", None) or getattr(worker, "nthreads", 1) or 1
    if not limit:
        return default_memory_mb(threads)
    return max(MIN_MEMORY_MB, int(limit / (1 << 20) / threads))


def rss_bytes(pid: int) -> int | None:
    """Resident memory of process `pid`, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return None


class RssReader:
    """`rss_bytes` of one process, its /proc file kept open and read again from the start at each
    look (procfs renders it anew), so a parent watching a worker many times a second does not open
    and close a file each time."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        try:
            self.fd: int | None = os.open(f"/proc/{pid}/statm", os.O_RDONLY)
        except OSError:
            self.fd = None

    def __call__(self) -> int | None:
        if self.fd is None:
            return rss_bytes(self.pid)
        try:
            return int(os.pread(self.fd, 256, 0).split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return None

    def close(self) -> None:
        if self.fd is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = None


_libc: Any = None


def trim_heap() -> None:
    """Hand the C heap's free pages back to the system (glibc's `malloc_trim`; a no-op where it
    is missing). Python's large strings and lists and Arrow's buffers come from that heap, and
    glibc keeps what they freed (its mmap threshold grows with the largest block freed): after a
    file's rows are made (JSON lines, the joined text, Arrow's reading buffers), a worker keeps
    resident what it no longer uses unless it trims (a generated 600-page file: 8 MB, 6 of them
    handed back)."""
    global _libc
    if _libc is None:
        try:
            import ctypes

            _libc = ctypes.CDLL("libc.so.6")
            _libc.malloc_trim.argtypes = [ctypes.c_size_t]
        except (OSError, AttributeError):
            _libc = False
    if _libc:
        _libc.malloc_trim(0)


def cap_address_space(memory_mb: int) -> None:
    """Cap this process's address space at what it maps now plus twice `memory_mb` and a slack
    (Linux; a no-op where it cannot be read). Called by a worker before each file."""
    try:
        with open("/proc/self/statm") as fh:
            mapped = int(fh.read().split()[0]) * _PAGE
    except (OSError, ValueError):
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + (2 * memory_mb + ADDRESS_SPACE_SLACK_MB) * (1 << 20)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass
