"""Incremental runs: a second run over unchanged input against the first, and one changed file.

usage: python bench/incremental.py [INPUT ...] [--json FILE]          (default input: raw/)

Times, in fresh processes (`python -m raadsstukken run`), a first run into an empty output (best of
two), a second run over the same input with nothing to extract (best of five), and a run after one
input file changed; and the same in-process (`pipeline.run.run`), where start-up and imports are
not counted.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(argv: list[str]) -> int:
    from raadsstukken.pipeline.run import RunSettings, run

    args = [a for a in argv if not a.startswith("--")]
    inputs = [Path(a) for a in args] or [ROOT / "raw"]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "in"
        work.mkdir()
        pdfs = [p for item in inputs for p in (sorted(item.rglob("*.pdf")) if item.is_dir() else [item])]
        for p in pdfs:
            shutil.copy(p, work / p.name)
        firsts = []
        for n in range(2):  # best of two first runs, each into a new output
            out = Path(tmp) / f"out{n}"
            cmd = [sys.executable, "-m", "raadsstukken", "run", str(work), "--out", str(out)]
            firsts.append(timed(cmd))
        first = min(firsts)
        second = min(timed(cmd) for _ in range(5))  # best of five runs with nothing to do
        with open(work / pdfs[0].name, "ab") as fh:
            fh.write(b"\n%% changed\n")  # a PDF may carry trailing bytes: new content hash, same pages
        changed = timed(cmd)
        out2 = Path(tmp) / "out2"
        t0 = time.perf_counter()
        run(RunSettings(inputs=(work,), out_dir=out2))
        first_in = time.perf_counter() - t0
        t0 = time.perf_counter()
        summary = run(RunSettings(inputs=(work,), out_dir=out2))
        second_in = time.perf_counter() - t0
        assert all(o.status == "skipped" for o in summary.outcomes)
    result = {
        "files": len(pdfs),
        "process": {"first_s": round(first, 3), "second_s": round(second, 3), "one_changed_s": round(changed, 3),
                    "speedup": round(first / second, 1)},
        "in_process": {"first_s": round(first_in, 3), "second_s": round(second_in, 4),
                       "speedup": round(first_in / second_in, 1)},
    }
    print(f"{len(pdfs)} PDFs\n")
    print("| run | first (s) | second, unchanged (s) | speed-up | one file changed (s) |\n|---|---|---|---|---|")
    p, i = result["process"], result["in_process"]
    print(f"| `python -m raadsstukken run` (process) | {p['first_s']} | {p['second_s']} | {p['speedup']}x "
          f"| {p['one_changed_s']} |")
    print(f"| `pipeline.run.run` (in-process) | {i['first_s']} | {i['second_s']} | {i['speedup']}x | |")
    if "--json" in argv:
        Path(argv[argv.index("--json") + 1]).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
