"""Speed of `raadsstukken run --force` against bare pdfplumber `page.extract_text()`, pages/second.

usage: python bench/speed.py [INPUT ...] [--repeat N] [--json FILE]      (default input: raw/)
       python bench/speed.py --profile [--set samples|real|real-scans|corpus] [INPUT ...] [--json FILE]

Both are measured the same way: a fresh Python process per repetition (so start-up and imports
count for both), wall time, best and median of N runs. The in-process figures time only the
parsing itself: the page layer (`raadsstukken.extractors.layout.parse.parse_pdf` plus sections) against
`extract_text()`, which is what matters on large batches where start-up is paid once.

`--profile` runs the whole work of a file in this process (parse, every stage, rows, validation,
the outcome pickled and unpickled as it goes from a worker to the parent, and writing: a part per
file, or for AUTO_COMPACT_PARTS files or more one batch of segments, as a run does) over the inputs
once and prints CPU seconds (process time) and share per stage:
the page layer split into pdfminer's parsing, glyph cleaning, text-layer statistics, lines,
furniture, blocks, footnotes and reading order; then each stage of `pipeline.stages.STAGES`, the
row mapping per dataset, validation and the Parquet writing. Timers are exclusive (a timed call
inside another is charged to itself only), so the shares add up to the total; the fixed cost
(imports, the spaCy model and matchers) is measured first, apart.
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


# ---------------------------------------------------------------- per-stage profile

class Timers:
    """Exclusive CPU-time accounting: a stack of named timers; entering one charges the time so
    far to the one below it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self.stack: list[str] = []
        self.mark = time.process_time()

    def _charge(self) -> None:
        now = time.process_time()
        if self.stack:
            top = self.stack[-1]
            self.seconds[top] = self.seconds.get(top, 0.0) + now - self.mark
        self.mark = now

    def enter(self, name: str) -> None:
        self._charge()
        self.stack.append(name)
        self.calls[name] = self.calls.get(name, 0) + 1

    def leave(self) -> None:
        self._charge()
        self.stack.pop()

    def wrap(self, name: str, function):
        def timed_call(*args, **kwargs):
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed_call


PAGE_LAYER = (  # (module, function, profile name): the page layer's steps, patched where parse.py calls them
    ("parse", "read_chars", "page: glyphs (cleaning, checkboxes)"),
    ("parse", "read_dense", "page: dense-page check"),
    ("parse", "text_quality", "page: text-layer statistics"),
    ("parse", "is_ocr_layer", "page: text-layer statistics"),
    ("parse", "char_counts", "page: text-layer statistics"),
    ("parse", "build_lines", "page: lines"),
    ("parse", "find_furniture", "page: furniture"),
    ("parse", "body_style", "page: body style"),
    ("parse", "build_blocks", "page: blocks"),
    ("parse", "with_footnotes", "page: footnotes"),
    ("parse", "order_blocks", "page: reading order"),
)


def profile(files: list[Path]) -> dict:
    """CPU seconds per stage of the whole per-file work, in this process, over `files` once."""
    t0 = time.process_time()
    import importlib

    import datetime as dt
    import pickle

    from raadsstukken.extractors.model import FileResult
    from raadsstukken.pipeline import stages as stage_module
    from raadsstukken.pipeline.run import FileOutcome
    from raadsstukken.pipeline import writer
    from raadsstukken.schemas import DATASETS, validate_table
    imports = time.process_time() - t0
    t0 = time.process_time()
    from raadsstukken.extractors.semantics.entities import pipeline

    pipeline()
    model = time.process_time() - t0
    import gc

    from raadsstukken.pipeline import worker

    gc.freeze()  # as a run's worker starts: the preloaded objects frozen, the child's thresholds
    gc.set_threshold(*getattr(worker, "CHILD_GC_THRESHOLD", gc.get_threshold()))

    started = dt.datetime.now(dt.timezone.utc)
    timers = Timers()
    parse = importlib.import_module("raadsstukken.extractors.layout.parse")
    saved = []
    chars = importlib.import_module("raadsstukken.extractors.layout.chars")
    if hasattr(chars, "page_layout"):  # pdfminer's parsing, by the page layer's own device
        saved.append((chars, "page_layout", chars.page_layout))
        chars.page_layout = timers.wrap("page: pdfminer parsing", chars.page_layout)
    try:  # an OCR layer's sizes and weights measured on the page's render (code of 2026-12-01 evening on)
        images = importlib.import_module("raadsstukken.extractors.layout.layer_styles").PageImages
    except (ImportError, AttributeError):
        images = None
    if images is not None:
        saved.append((images, "styled", images.styled))
        images.styled = timers.wrap("page: OCR-layer styles (page render)", images.styled)
    for module, name, label in PAGE_LAYER:
        mod = parse if module == "parse" else importlib.import_module(module)
        saved.append((mod, name, getattr(mod, name)))
        setattr(mod, name, timers.wrap(label, getattr(mod, name)))
    # pdfminer's parsing through pdfplumber's page.layout (code before the page layer had its own device)
    from pdfplumber.page import Page

    layout_property = Page.layout
    original_layout = layout_property.fget

    def layout(self):
        if "_layout" in self.__dict__:
            return self.__dict__["_layout"]
        timers.enter("page: pdfminer parsing")
        try:
            return original_layout(self)
        finally:
            timers.leave()

    Page.layout = property(layout)
    stages = tuple(replace_stage(s, timers) for s in stage_module.STAGES)
    out = Path(tempfile.mkdtemp(prefix="speed-profile-"))
    pages = 0
    batch = len(files) >= writer.AUTO_COMPACT_PARTS  # as a run does: segments at once, else a part per file
    held: list[tuple[str, dict]] = []
    try:
        timers.enter("total")
        for n, f in enumerate(files):
            data = f.read_bytes()
            timers.enter("page: pdfplumber open, OCR decision, vocabulary (rest)")
            parsed = parse.parse_pdf(f, data=data)
            timers.leave()
            pages += parsed.n_pages
            result, _ = stage_module.run_stages(FileResult("0" * 64, f.name, parsed), stages)
            tables = {}
            for name, dataset in DATASETS.items():
                if dataset.rows is None:
                    continue
                timers.enter("row mapping")
                tables[name] = dataset.to_table(dataset.rows(result))
                timers.leave()
            timers.enter("validation")
            for name, table in tables.items():
                validate_table(DATASETS[name], table)
            timers.leave()
            timers.enter("outcome to the parent (pickle)")
            outcome = pickle.loads(pickle.dumps(FileOutcome(f.name, "0" * 64, "ok", started, tables=tables)))
            timers.leave()
            timers.enter("writing")
            part = f"{n:016x}"
            if batch:
                held.append((part, outcome.tables))
            else:
                writer.write_parts(out, part, outcome.tables, validated=True)
            timers.leave()
        timers.enter("writing")
        if held:
            writer.write_segments(out, held)
        timers.leave()
        timers.leave()
    finally:
        for mod, name, function in saved:
            setattr(mod, name, function)
        Page.layout = layout_property
        import shutil

        shutil.rmtree(out, ignore_errors=True)
    seconds = dict(timers.seconds)
    rest = seconds.pop("total", 0.0)
    seconds["(between stages)"] = rest
    total = sum(seconds.values())
    return {"files": len(files), "pages": pages, "imports_s": round(imports, 3), "model_s": round(model, 3),
            "total_s": round(total, 3), "pages_per_cpu_s": round(pages / total, 2) if total else None,
            "stages": {k: {"seconds": round(v, 3), "share": round(v / total, 4) if total else 0.0,
                           "calls": timers.calls.get(k, 0)} for k, v in seconds.items()}}


def replace_stage(stage, timers: Timers):
    from dataclasses import replace

    return replace(stage, function=timers.wrap(f"stage: {stage.name}", stage.function))


def print_profile(result: dict, label: str) -> None:
    print(f"{label}: {result['files']} PDFs, {result['pages']} pages; CPU seconds (process time), one pass, "
          f"in process; fixed cost apart: imports {result['imports_s']:.2f} s, spaCy model and matchers "
          f"{result['model_s']:.2f} s\n")
    print("| step | CPU s | share |\n|---|---:|---:|")
    for name, fig in sorted(result["stages"].items(), key=lambda kv: -kv[1]["seconds"]):
        print(f"| {name} | {fig['seconds']:.2f} | {100 * fig['share']:.1f}% |")
    print(f"| total | {result['total_s']:.2f} | 100% |\n\n{result['pages_per_cpu_s']} pages per CPU second")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--profile", action="store_true", help="CPU seconds per stage, in process, one pass")
    ap.add_argument("--set", choices=("samples", "real", "real-scans", "corpus", "all"), dest="preset",
                    help="the input sets of bench/compare.py")
    args = ap.parse_args(argv)
    files = pdf_files(args.inputs)
    if args.preset:
        sys.path.insert(0, str(ROOT / "bench"))
        from compare import set_files

        files = set_files(args.preset) + files
    if not files:
        files = pdf_files([str(ROOT / "raw")])
    if args.profile:
        result = profile(files)
        print_profile(result, f"--set {args.preset}" if args.preset else "inputs")
        if args.json:
            args.json.write_text(json.dumps(result, indent=1))
        return 0
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
