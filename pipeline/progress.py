"""Progress of a run on standard error: a live line on a terminal (files, the current file and its
pages, pages/s, ETA), a timestamped log line per file otherwise.

Pages inside a file are reported by the worker as the page layer reads them (`page_progress`),
through a queue from worker processes or directly in a serial run.
"""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

from raadsstukken.pipeline.terminal import visible

PageReport = Callable[[str, int, int], None]
"""(source, page number, pages in the file)"""


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream=None, total_bytes: int = 0,
                 live: bool | None = None) -> None:
        self.total, self.enabled = total, enabled and total > 0
        self.stream = stream or sys.stderr
        self.live = self.enabled and (self.stream.isatty() if live is None else live)
        self.done = self.pages = self.failed = 0
        self.total_bytes, self.done_bytes = total_bytes, 0
        self.current: dict[str, tuple[int, int]] = {}
        self.start = time.perf_counter()
        self._last_draw = 0.0

    def page(self, source: str, number: int, of: int) -> None:
        """A worker read page `number` of `of` of `source`."""
        self.current[source] = (number, of)
        if self.live and time.perf_counter() - self._last_draw > 0.2:
            self._draw()

    def update(self, outcome: Any, size: int = 0) -> None:
        self.done += 1
        self.pages += outcome.n_pages or 0
        self.failed += outcome.status == "failed"
        self.done_bytes += size
        self.current.pop(outcome.source_file, None)
        if not self.enabled:
            return
        if self.live:
            self._draw()
        else:
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S")
            self.stream.write(f"{stamp} {outcome.status:9s} {visible(outcome.source_file)} ({self._summary()})\n")
            self.stream.flush()

    def eta(self) -> float | None:
        """Seconds left, from the share of the input's bytes (or files) done so far."""
        elapsed = time.perf_counter() - self.start
        share = (self.done_bytes / self.total_bytes) if self.total_bytes else (self.done / self.total if self.total else 0)
        if share <= 0:
            return None
        return max(elapsed / share - elapsed, 0.0)

    def _summary(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        eta = self.eta()
        left = f", ETA {_clock(eta)}" if eta is not None and self.done < self.total else ""
        return (f"{self.done}/{self.total} files, {self.pages} pages, {self.failed} failed, "
                f"{self.pages / elapsed:.1f} pages/s{left}")

    def _draw(self) -> None:
        self._last_draw = time.perf_counter()
        line = self._summary()
        if self.current:
            source, (number, of) = next(reversed(self.current.items()))
            width = 20
            filled = int(width * self.done / self.total) if self.total else width
            line = f"[{'#' * filled}{'.' * (width - filled)}] {line} | {_short(source)} p. {number}/{of}"
        self.stream.write("\r" + line[:160].ljust(100))
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def _short(source: str, width: int = 40) -> str:
    source = visible(source)  # a newline or an escape sequence in a name must not break the line
    return source if len(source) <= width else "…" + source[-(width - 1):]


@contextmanager
def page_progress(source: str, report: PageReport | None) -> Iterator[None]:
    """Call `report(source, page, pages)` as the page layer reads each page of `source`.

    The hook wraps the page layer's per-page glyph reader for the duration (the page layer has
    no callback of its own); nothing changes in what it reads.
    """
    if report is None:
        yield
        return
    from raadsstukken.extractors.layout import parse

    real = parse.read_chars

    def counting(page, *args, **kwargs):
        try:
            report(source, int(page.page_number), len(page.pdf.pages))
        except Exception:  # noqa: BLE001 - progress must never fail a file
            pass
        return real(page, *args, **kwargs)

    parse.read_chars = counting
    try:
        yield
    finally:
        parse.read_chars = real
