"""Progress of a run on standard error: a live line on a terminal, a log line per file otherwise."""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, enabled: bool = True, stream=None) -> None:
        self.total, self.enabled = total, enabled and total > 0
        self.stream = stream or sys.stderr
        self.live = self.enabled and self.stream.isatty()
        self.done = self.pages = self.failed = 0
        self.start = time.perf_counter()

    def update(self, outcome) -> None:
        self.done += 1
        self.pages += outcome.n_pages or 0
        self.failed += outcome.status == "failed"
        if not self.enabled:
            return
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        line = (f"{self.done}/{self.total} files, {self.pages} pages, {self.failed} failed, "
                f"{self.pages / elapsed:.1f} pages/s")
        if self.live:
            self.stream.write("\r" + line.ljust(70))
        else:
            self.stream.write(f"{outcome.status:9s} {outcome.source_file} ({line})\n")
        self.stream.flush()

    def close(self) -> None:
        if self.live:
            self.stream.write("\n")
            self.stream.flush()
