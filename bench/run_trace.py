"""Where a run's wall time goes: the timeline of one `raadsstukken run`, parent and worker processes.

Runs the command in this process with probes on the run's phases (imports, the plan, the preload of
the model and its warm-up, every fork, each file in its worker or the early reader, the batch write,
links, compaction, exit) and prints, from CLOCK_MONOTONIC timestamps every process shares and the
CPU seconds of each:

- the serial start: from this process's start to the first file begun in any child (the other cores
  wait for it), with the parent's CPU in it;
- each child: files, first begin and last end, CPU, and the time it waited between two files (the
  round trip to the parent);
- the serial end: from the last file's end to the exit, the parent's CPU in it;
- the parent's CPU while the children work (it competes with them for the cores).

Under load the wall times stretch; the CPU seconds and the order of the events still say what is
serial. `--json FILE` writes the events.

    python bench/run_trace.py -- run --force --jobs 2 --out /tmp/out raw bench/corpus/pdf
"""
from __future__ import annotations

import functools
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

T0 = time.monotonic()


def _process_start_offset() -> float:
    """Seconds between this process's start (from /proc) and T0: the interpreter's own start-up."""
    try:
        ticks = os.sysconf("SC_CLK_TCK")
        start = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19]) / ticks
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start - (time.monotonic() - T0))
    except (OSError, ValueError, IndexError):
        return 0.0


class Trace:
    """Events appended to a file by every process of the run (O_APPEND lines)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def emit(self, kind: str, **fields: Any) -> None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        fields.update(kind=kind, t=round(time.monotonic() - T0, 4), pid=os.getpid(),
                      cpu=round(usage.ru_utime + usage.ru_stime, 4))
        if kind == "exit":
            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            fields["children_cpu"] = round(children.ru_utime + children.ru_stime, 4)
        with open(self.path, "a") as fh:
            fh.write(json.dumps(fields) + "\n")

    def around(self, owner: Any, name: str, label: str | None = None) -> None:
        """Events before and after `owner.name(...)` (looked up at call time by its callers)."""
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def probed(*args: Any, **kwargs: Any) -> Any:
            self.emit("begin", what=label or name)
            try:
                return original(*args, **kwargs)
            finally:
                self.emit("end", what=label or name)

        setattr(owner, name, probed)

    def around_file(self, owner: Any, name: str, kind: str) -> None:
        original: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(original)
        def probed(task: Any) -> Any:
            self.emit(f"{kind}_begin", src=task.source)
            try:
                return original(task)
            finally:
                self.emit(f"{kind}_end", src=task.source)

        setattr(owner, name, probed)


def install(trace: Trace) -> None:
    from raadsstukken.pipeline import links, run, worker, writer

    for owner, name in ((worker, "_preload"), (worker, "_warm_up"), (run, "config_hash"), (run, "_plan"),
                        (writer, "write_segments"), (run, "write_part"), (links, "write_links"), (writer, "compact")):
        trace.around(owner, name)
    trace.around_file(run, "extract_file", "file")
    try:
        from raadsstukken.pipeline import early

        trace.around_file(early, "read_pages", "early")
    except ImportError:  # a tree without the early reader
        pass
    start = worker.Worker._start

    def forked(self: Any) -> None:
        trace.emit("fork")
        start(self)

    worker.Worker._start = forked  # type: ignore[method-assign]


def summarise(events: list[dict[str, Any]], offset: float) -> dict[str, Any]:
    parent = events[0]["pid"]
    mine = [e for e in events if e["pid"] == parent]
    files = [e for e in events if e["kind"] in ("file_begin", "file_end", "early_begin", "early_end")]
    begins = [e for e in files if e["kind"].endswith("_begin")]
    ends = [e for e in files if e["kind"].endswith("_end")]
    first, last = min(e["t"] for e in begins), max(e["t"] for e in ends)
    exit_event = next(e for e in reversed(mine) if e["kind"] == "exit")

    def parent_cpu_at(t: float) -> float:
        before = [e["cpu"] for e in mine if e["t"] <= t]
        return before[-1] if before else 0.0

    children: dict[int, dict[str, Any]] = {}
    for pid in sorted({e["pid"] for e in files}):
        own = [e for e in files if e["pid"] == pid]
        gaps = [b["t"] - a["t"] for a, b in zip(own, own[1:]) if a["kind"].endswith("_end") and b["kind"].endswith("_begin")]
        children[pid] = {"role": "early reader" if own[0]["kind"].startswith("early") else "worker",
                         "files": sum(1 for e in own if e["kind"].endswith("_begin")),
                         "first_begin_s": round(own[0]["t"] + offset, 3), "last_end_s": round(own[-1]["t"] + offset, 3),
                         "cpu_s": round(own[-1]["cpu"], 3), "waited_between_files_s": round(sum(gaps), 3)}
    phases = {}
    for e in mine:
        if e["kind"] == "end":
            begin = next(b for b in reversed(mine) if b["kind"] == "begin" and b["what"] == e["what"] and b["t"] <= e["t"])
            entry = phases.setdefault(e["what"], {"wall_s": 0.0, "cpu_s": 0.0})
            entry["wall_s"] = round(entry["wall_s"] + e["t"] - begin["t"], 3)
            entry["cpu_s"] = round(entry["cpu_s"] + e["cpu"] - begin["cpu"], 3)
    forks = [e["t"] + offset for e in mine if e["kind"] == "fork"]
    return {
        "interpreter_start_s": round(offset, 3),
        "serial_start_s": round(first + offset, 3),
        "parent_cpu_serial_start_s": round(parent_cpu_at(first), 3),
        "first_fork_s": round(forks[0], 3) if forks else None,
        "forks_s": [round(f, 3) for f in forks],
        "parallel_s": round(last - first, 3),
        "parent_cpu_while_children_work_s": round(parent_cpu_at(last) - parent_cpu_at(first), 3),
        "serial_end_s": round(exit_event["t"] - last, 3),
        "parent_cpu_serial_end_s": round(exit_event["cpu"] - parent_cpu_at(last), 3),
        "wall_to_exit_s": round(exit_event["t"] + offset, 3),
        "parent_cpu_s": exit_event["cpu"], "children_cpu_s": exit_event["children_cpu"],
        "phases": phases, "children": children,
    }


def main(argv: list[str]) -> int:
    if "--" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    own, args = argv[:argv.index("--")], argv[argv.index("--") + 1:]
    json_out = Path(own[own.index("--json") + 1]) if "--json" in own else None
    log = Path(tempfile.mkstemp(prefix="run-trace-", suffix=".jsonl")[1])
    trace = Trace(log)
    offset = _process_start_offset()
    trace.emit("start")
    from raadsstukken.pipeline import cli

    install(trace)
    import atexit

    atexit.register(lambda: _report(trace, log, offset, json_out))
    try:
        cli.main(args, standalone_mode=False)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def _report(trace: Trace, log: Path, offset: float, json_out: Path | None) -> None:
    """At exit (before the worker module's own handler, registered earlier: no worker is left by then)."""
    trace.emit("exit")
    events = [json.loads(line) for line in log.read_text().splitlines()]
    log.unlink()
    summary = summarise(events, offset)
    print(json.dumps({k: v for k, v in summary.items() if k not in ("phases", "children")}, indent=1), file=sys.stderr)
    for what, fig in summary["phases"].items():
        print(f"  {what:16s} wall {fig['wall_s']:7.3f} s  parent CPU {fig['cpu_s']:6.3f} s", file=sys.stderr)
    for pid, child in summary["children"].items():
        print(f"  child {pid} ({child['role']}): {child['files']} files, {child['first_begin_s']:.3f}-"
              f"{child['last_end_s']:.3f} s, CPU {child['cpu_s']:.3f} s, waited between files "
              f"{child['waited_between_files_s']:.3f} s", file=sys.stderr)
    if json_out is not None:
        json_out.write_text(json.dumps({"summary": summary, "events": events}, indent=1))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
