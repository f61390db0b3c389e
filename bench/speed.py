"""Speed of `raadsstukken run --force` against bare pdfplumber `page.extract_text()`, pages/second.

usage: python bench/speed.py [INPUT ...] [--repeat N] [--json FILE]      (default input: raw/)

Both are measured the same way: a fresh Python process per repetition (so start-up and imports
count for both), wall time, best and median of N runs. The in-process figures time only the
parsing itself: the page layer (`raadsstukken.extractors.layout.parse.parse_pdf` plus sections) against
`extract_text()`, which is what matters on large batches where start-up is paid once.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parent.parent

PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
"""


def pdf_files(inputs: list[str]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        p = Path(item)
        files += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    return files


def count_pages(files: list[Path]) -> int:
    total = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            total += len(pdf.pages)
    return total


def timed(cmd: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return times


def in_process(files: list[Path], repeat: int) -> tuple[list[float], list[float]]:
    from raadsstukken.extractors.layout.parse import parse_pdf
    from raadsstukken.extractors.structure.sections import build_sections

    ours, theirs = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for f in files:
            parsed = parse_pdf(f)
            build_sections(parsed.pages, parsed.vocabulary)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for f in files:
            with pdfplumber.open(f) as pdf:
                for page in pdf.pages:
                    page.extract_text()
        theirs.append(time.perf_counter() - t0)
    return ours, theirs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", default=[str(ROOT / "raw")])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)
    files = pdf_files(args.inputs)
    pages = count_pages(files)
    with tempfile.TemporaryDirectory() as tmp:
        run_cmd = [sys.executable, "-m", "raadsstukken", "run", "--force", "--out", tmp, *map(str, files)]
        pipeline_times = timed(run_cmd, args.repeat)
        jobs2_times = timed(run_cmd + ["--jobs", "2"], args.repeat)
    plumber_times = timed([sys.executable, "-c", PDFPLUMBER_SCRIPT, *map(str, files)], args.repeat)
    ours, theirs = in_process(files, args.repeat)

    def pps(times: list[float]) -> tuple[float, float]:
        return pages / min(times), pages / statistics.median(times)

    rows = {
        "raadsstukken run --force (process)": pps(pipeline_times),
        "raadsstukken run --force --jobs 2 (process)": pps(jobs2_times),
        "pdfplumber extract_text (process)": pps(plumber_times),
        "page layer + sections (in-process)": pps(ours),
        "pdfplumber extract_text (in-process)": pps(theirs),
    }
    result = {
        "pages": pages, "files": len(files), "repeat": args.repeat,
        "python": platform.python_version(), "pdfplumber": pdfplumber.__version__,
        "cpus": os.cpu_count(), "machine": platform.machine(),
        "pages_per_second": {k: {"best": round(b, 2), "median": round(m, 2)} for k, (b, m) in rows.items()},
        "ratio_process": round(rows["raadsstukken run --force (process)"][0] / rows["pdfplumber extract_text (process)"][0], 3),
        "ratio_in_process": round(rows["page layer + sections (in-process)"][0]
                                  / rows["pdfplumber extract_text (in-process)"][0], 3),
    }
    print(f"{pages} pages in {len(files)} PDFs; best and median of {args.repeat}; Python {result['python']}, "
          f"pdfplumber {result['pdfplumber']}, {result['cpus']} CPUs ({result['machine']})\n")
    print("| measured | pages/s (best) | pages/s (median) |\n|---|---|---|")
    for name, (best, median) in rows.items():
        print(f"| {name} | {best:.1f} | {median:.1f} |")
    print(f"\nratio raadsstukken / pdfplumber: {result['ratio_process']} (processes), "
          f"{result['ratio_in_process']} (in-process)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
