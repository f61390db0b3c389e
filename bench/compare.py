"""Side by side: `raadsstukken run` against bare pdfplumber and pymupdf4llm, CPU, wall and peak RSS.

usage: python bench/compare.py [INPUT ...] [--set samples|real|real-scans|corpus|all] [--repeat N] [--tools A,A2,C] [--json FILE]
       python bench/compare.py --memory-scaling [--json FILE]

On the same PDFs, each tool runs as its own process under `/usr/bin/time -v`, alternately
(A, A --jobs 2, B, C, A, A --jobs 2, B, C, ...), --repeat rounds (default 3):

  (A) `raadsstukken run --force --out TMP FILES` (one worker), and the same with `--jobs 2`
      (reported separately; its CPU includes the worker processes, its RSS is the largest
      single process, not the sum);
  (B) a bare pdfplumber script: `page.extract_words()` + `page.extract_tables()` on every page;
  (C) `pymupdf4llm.to_markdown(path)` on every file, defaults untouched (with pymupdf >= 2 and
      pymupdf-layout installed that is the layout-model path, with OCR only where it judges it
      useful); `--with-legacy` adds (C0), the same after `pymupdf4llm.use_layout(False)`.

B and C run in a fresh Python process each time, so start-up and imports count for every tool.
CPU seconds = user + system time; the table gives medians of CPU and wall, the max of peak RSS,
and the ratio of each median CPU to that of (B) and of (C).

Input sets: `--set samples` is raw/; `--set real` the born-digital PDFs of
../shared/corpus-real/pdf (every page a text layer of its own: no OCR layer, no page that an image
covers, see `born_digital`; 5 files, 30 pages), `--set real-scans` its other files (scans with OCR
layers, image-only pages: 17 files, 85 pages); `--set corpus` bench/corpus/pdf without its
scanned-* folders; `--set all` samples, real and corpus together (101 files). Positional files and
folders are added to the set.
`--tools A,A2` runs only those next to (B) (what every ratio divides by); with both A and A2 the
wall of one worker over that of two is given per round and as its median (`--jobs 2` scaling).
`--tools B2` adds (B2): (B) as two processes started together on halves of the files; (B)'s wall
over (B2)'s is what the machine gives two independent processes (the ceiling of `--jobs 2`).

`--memory-scaling` generates (reportlab, deterministic, in a temp dir) a 50-page and a 2,000-page
text-only council-style PDF (headings, paragraphs, a small table every 10 pages) and reports the
peak RSS of `raadsstukken run --force --timeout 7200` on each and their ratio (one run each unless
--repeat is given), then the 2,000-page file again with `--jobs 2` (one long file: its pages are
read by two processes, by ranges) and its wall speed-up over one worker.

Bytecode: before measuring, the package's own modules are compiled (`compileall`, into their
`__pycache__`, what pip does when it installs a wheel), so (A) runs as an installed pipeline does,
like (B) and (C), whose packages pip compiled. An editable install has no bytecode of its own, and
under PYTHONDONTWRITEBYTECODE=1 none is ever written: every run then compiles the source of its
~100 modules (about 1 MB) again. `--as-found` measures the tree as it is instead.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.metadata as md
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME = "/usr/bin/time"
SETS = {
    "samples": ROOT / "raw",
    "real": ROOT.parent / "shared" / "corpus-real" / "pdf",
    "corpus": ROOT / "bench" / "corpus" / "pdf",
}

PDFPLUMBER_SCRIPT = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.extract_tables()
"""

PYMUPDF4LLM_SCRIPT = """
import sys, pymupdf4llm
for path in sys.argv[1:]:
    pymupdf4llm.to_markdown(path)
"""

PYMUPDF4LLM_LEGACY_SCRIPT = """
import sys, pymupdf4llm
pymupdf4llm.use_layout(False)
for path in sys.argv[1:]:
    pymupdf4llm.to_markdown(path)
"""


# ---------------------------------------------------------------- inputs

def pdf_files(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for p in inputs:
        files += sorted(p.rglob("*.pdf")) if p.is_dir() else [p]
    return files


def set_files(name: str) -> list[Path]:
    if name == "all":
        return [f for part in ("samples", "real", "corpus") for f in set_files(part)]
    base = SETS["real" if name == "real-scans" else name]
    if name == "samples":
        return pdf_files([base])
    if name in ("real", "real-scans"):
        with open(base.parent / "MANIFEST.tsv", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        files = sorted(base / r["file"] for r in rows)
        return [f for f in files if born_digital(f) == (name == "real")]
    # corpus: everything but the scanned-* folders
    return [p for p in pdf_files([base])
            if not any(part.startswith("scanned-") for part in p.relative_to(base).parts[:-1])]


def born_digital(path: Path) -> bool:
    """Whether every page of a PDF has a text layer of its own, as the page layer reads it: glyphs,
    not in an OCR layer's fonts (`text_layer.is_ocr_layer`), on a page that images cover less than
    half of (`PageChars.image_share`). A scan with an OCR layer, a scan whose text was set in
    fonts over the page image, and a file with an image-only page are not."""
    import pdfplumber

    from raadsstukken.extractors.layout.chars import read_chars
    from raadsstukken.extractors.layout.text_layer import is_ocr_layer

    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = read_chars(page)
            page.close()
            if not chars.chars or is_ocr_layer(chars.chars) or chars.image_share >= 0.5:
                return False
    return True


def count_pages(files: list[Path]) -> int:
    import pdfplumber

    total = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            total += len(pdf.pages)
    return total


# ---------------------------------------------------------------- measuring

def parse_elapsed(text: str) -> float:
    """'1:02:03.4', '2:03.45' or '0:07.89' -> seconds."""
    secs = 0.0
    for part in text.strip().split(":"):
        secs = secs * 60 + float(part)
    return secs


def parse_time_v(stderr: str) -> dict:
    """The figures of GNU time -v, taken from the end of stderr (the tool's own output comes first)."""
    def last(pattern: str) -> str:
        found = re.findall(pattern, stderr, flags=re.M)
        if not found:
            raise ValueError(f"no {pattern!r} in /usr/bin/time output:\n{stderr[-2000:]}")
        return found[-1]

    user = float(last(r"^\s*User time \(seconds\): ([\d.]+)"))
    system = float(last(r"^\s*System time \(seconds\): ([\d.]+)"))
    wall = parse_elapsed(last(r"^\s*Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)"))
    rss_kb = int(last(r"^\s*Maximum resident set size \(kbytes\): (\d+)"))
    status = re.findall(r"^\s*Command exited with non-zero status (\d+)", stderr, flags=re.M)
    return {"user_s": user, "sys_s": system, "cpu_s": round(user + system, 3), "wall_s": wall,
            "rss_mb": round(rss_kb / 1024, 1), "exit": int(status[-1]) if status else 0}


def measure(cmd: list[str], out_dir: Path | None = None) -> dict:
    if out_dir is not None:  # a fresh, empty output folder for every run of the pipeline
        shutil.rmtree(out_dir, ignore_errors=True)
    proc = subprocess.run([TIME, "-v", *cmd], cwd=ROOT, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, errors="replace")
    fig = parse_time_v(proc.stderr)
    if fig["exit"]:
        # keep what the tool said before time's report, to see why
        head = proc.stderr.split("\tCommand being timed:")[0]
        fig["stderr_tail"] = head[-1500:]
    return fig


def compile_package() -> list[str]:
    """Compile the bytecode of the package's own modules (as pip does on a regular install); the
    folders compiled. A .pyc holds its source's mtime and size, so a changed module is compiled again
    and never run stale."""
    import compileall
    import importlib.util

    dirs: list[str] = []
    for name in ("raadsstukken", "raadsstukken.pipeline", "raadsstukken.extractors", "raadsstukken.schemas"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            if folder not in dirs and compileall.compile_dir(folder, quiet=1):
                dirs.append(folder)
    return dirs


def ensure_time() -> None:
    if Path(TIME).exists():
        return
    sys.exit(f"{TIME} is missing: install the Debian package with `apt-get install -y time`")


def raadsstukken_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("raadsstukken")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "raadsstukken"]


# ---------------------------------------------------------------- context

def versions() -> dict:
    def v(name: str) -> str:
        try:
            return md.version(name)
        except md.PackageNotFoundError:
            return "not installed"

    out = {"raadsstukken": v("raadsstukken"), "pdfplumber": v("pdfplumber"),
           "pymupdf4llm": v("pymupdf4llm"), "pymupdf": v("pymupdf"),
           "pymupdf-layout": v("pymupdf-layout"), "python": platform.python_version()}
    commit = git_commit()
    if commit:
        out["raadsstukken_commit"] = commit
    return out


def git_commit() -> str | None:
    """HEAD of the work tree, read from .git (no git process); None when it can't be read."""
    try:
        git = ROOT / ".git"
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head[:12]
        ref = head[5:]
        ref_file = git / ref
        if ref_file.exists():
            return ref_file.read_text().strip()[:12]
        for line in (git / "packed-refs").read_text().splitlines():
            if line.endswith(" " + ref):
                return line.split()[0][:12]
    except OSError:
        pass
    try:  # a worktree (.git is a file), or refs elsewhere
        return subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short=12", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip() or None
    except (OSError, subprocess.CalledProcessError):
        return None


def machine() -> dict:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = len(os.sched_getaffinity(0))
    except AttributeError:
        nproc = os.cpu_count()
    mem_gb = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem_gb = round(kb / 1024 / 1024, 1)
    except (OSError, AttributeError):
        pass
    return {"nproc": nproc, "cpu_model": model, "arch": platform.machine(), "mem_gb": mem_gb,
            "os": platform.platform()}


def header(meta: dict) -> str:
    m, v = meta["machine"], meta["versions"]
    commit = f" ({v['raadsstukken_commit']})" if "raadsstukken_commit" in v else ""
    return (f"{meta['date']}; nproc {m['nproc']}, {m['cpu_model']} ({m['arch']}, {m['mem_gb']} GB RAM); "
            f"raadsstukken {v['raadsstukken']}{commit}, pdfplumber {v['pdfplumber']}, "
            f"pymupdf4llm {v['pymupdf4llm']} (pymupdf {v['pymupdf']}, pymupdf-layout {v['pymupdf-layout']}), "
            f"Python {v['python']}; the package's bytecode {meta.get('bytecode', 'as found')}")


# ---------------------------------------------------------------- side by side

def compare(files: list[Path], repeat: int, with_legacy: bool, label: str, only: tuple[str, ...] = ()) -> dict:
    pages = count_pages(files)
    paths = [str(f) for f in files]
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="compare-"))
    out = tmp / "out"
    tools: list[tuple[str, str, list[str], Path | None]] = [
        ("A", "(A) raadsstukken run --force", [*raadsstukken_cmd(), "run", "--force", "--out", str(out), *paths], out),
        ("A2", "(A) raadsstukken run --force --jobs 2",
         [*raadsstukken_cmd(), "run", "--force", "--jobs", "2", "--out", str(out), *paths], out),
        ("B", "(B) pdfplumber extract_words + extract_tables", [py, "-c", PDFPLUMBER_SCRIPT, *paths], None),
        ("C", "(C) pymupdf4llm.to_markdown", [py, "-c", PYMUPDF4LLM_SCRIPT, *paths], None),
        ("B2", "(B2) (B) as two processes at once, each on half the files", _two_at_once(py, files), None),
    ]
    if with_legacy:
        tools.append(("C0", "(C0) pymupdf4llm.to_markdown, use_layout(False)",
                      [py, "-c", PYMUPDF4LLM_LEGACY_SCRIPT, *paths], None))
    if only:
        tools = [t for t in tools if t[0] in only or t[0] == "B"]  # (B) is what every ratio divides by
    else:
        tools = [t for t in tools if t[0] != "B2"]  # only when asked for
    runs: dict[str, list[dict]] = {key: [] for key, *_ in tools}
    try:
        for r in range(repeat):
            for key, name, cmd, out_dir in tools:
                fig = measure(cmd, out_dir)
                runs[key].append(fig)
                flag = f"  EXIT {fig['exit']}" if fig["exit"] else ""
                print(f"  round {r + 1}/{repeat} {name}: cpu {fig['cpu_s']:.2f} s, wall {fig['wall_s']:.2f} s, "
                      f"rss {fig['rss_mb']:.0f} MB{flag}", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    summary = {key: summarise(runs[key], tool=name, pages=pages) for key, name, *_ in tools}
    for s in summary.values():
        s["cpu_vs_B"] = round(s["cpu_s_median"] / summary["B"]["cpu_s_median"], 2)
        s["cpu_vs_C"] = round(s["cpu_s_median"] / summary["C"]["cpu_s_median"], 2) if "C" in summary else None
        s["pages_per_cpu_s"] = round(pages / s["cpu_s_median"], 2)
    out = {"set": label, "files": [str(f) for f in files], "n_files": len(files), "pages": pages,
           "repeat": repeat, "order": [k for k, *_ in tools], "summary": summary, "runs": runs}
    if "B2" in runs:  # what two processes at once give on this machine with nothing serial between them
        pairs = [a["wall_s"] / b["wall_s"] for a, b in zip(runs["B"], runs["B2"]) if not a["exit"] and not b["exit"]]
        out["two_at_once_speedup"] = round(statistics.median(pairs), 2) if pairs else None
    if "A" in runs and "A2" in runs:  # wall of one worker over that of two, round by round (alternating)
        pairs = [a["wall_s"] / b["wall_s"] for a, b in zip(runs["A"], runs["A2"]) if not a["exit"] and not b["exit"]]
        out["jobs2_speedup"] = round(statistics.median(pairs), 2) if pairs else None
    return out


def _two_at_once(py: str, files: list[Path]) -> list[str]:
    """(B) as two processes started together, the files dealt out alternately by size: the wall
    speed-up of (B) over this is what this machine gives two independent processes, the ceiling
    of any `--jobs 2` (a shared or busy machine, or two vCPUs on one core, gives less than 2)."""
    ranked = sorted(files, key=lambda f: -f.stat().st_size)
    halves = [" ".join(shlex.quote(str(f)) for f in ranked[i::2]) for i in (0, 1)]
    script = shlex.quote(PDFPLUMBER_SCRIPT)
    run = " & ".join(f"{shlex.quote(py)} -c {script} {h}" for h in halves if h)
    return ["sh", "-c", f"{run} & wait"]


def summarise(rs: list[dict], **fields) -> dict:
    """Medians of CPU and wall and the max of RSS over the runs that exited 0: a run that failed
    (a pipeline error, say) did not do the work, so it would only pull the figures down."""
    ok = [x for x in rs if not x["exit"]] or rs
    return {**fields, "cpu_s_median": round(statistics.median(x["cpu_s"] for x in ok), 2),
            "wall_s_median": round(statistics.median(x["wall_s"] for x in ok), 2),
            "rss_mb_max": max(x["rss_mb"] for x in ok),
            "runs_ok": sum(1 for x in rs if not x["exit"]), "runs": len(rs),
            "failed_runs": sum(1 for x in rs if x["exit"])}


def failed_note(s: dict) -> str:
    if not s["failed_runs"]:
        return ""
    if s["runs_ok"]:
        return f" ({s['failed_runs']} of {s['runs']} runs exited non-zero, left out)"
    return f" (all {s['runs']} runs exited non-zero)"


def print_compare(result: dict, meta: dict) -> None:
    print(f"{result['set']}: {result['n_files']} PDFs, {result['pages']} pages; {result['repeat']} alternating "
          f"rounds, each tool a fresh process under /usr/bin/time -v\n")
    print(header(meta) + "\n")
    print("| tool | pages | CPU s (median) | wall s (median) | peak RSS MB (max) | CPU vs (B) | CPU vs (C) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for s in result["summary"].values():
        vs_c = f"{s['cpu_vs_C']:.2f}" if s["cpu_vs_C"] is not None else "–"
        print(f"| {s['tool']}{failed_note(s)} | {s['pages']} | {s['cpu_s_median']:.2f} | {s['wall_s_median']:.2f} | "
              f"{s['rss_mb_max']:.0f} | {s['cpu_vs_B']:.2f} | {vs_c} |")
    if result.get("two_at_once_speedup") is not None:
        print(f"\n(B) alone / (B2), two halves at once: wall {result['two_at_once_speedup']}x (this machine's ceiling "
              f"for two processes)")
    if result.get("jobs2_speedup") is not None:
        print(f"\n--jobs 2: wall of one worker / wall of two, median over the rounds: {result['jobs2_speedup']} "
              f"({result['n_files']} files)")


# ---------------------------------------------------------------- memory scaling

WORDS = ("gemeente raad college burgemeester wethouders voorstel besluit begroting programma beleid "
         "inwoners wijk veiligheid zorg jeugd onderwijs wonen verkeer groen subsidie uitvoering "
         "evaluatie motie amendement commissie vergadering financiën risico's maatregelen kosten "
         "dekking planning participatie samenwerking regio provincie rijk duurzaamheid energie").split()
HEADINGS = ["Inleiding", "Aanleiding", "Beoogd effect", "Argumenten", "Kanttekeningen", "Financiën",
            "Uitvoering", "Communicatie", "Evaluatie", "Besluit"]


def make_council_pdf(path: Path, n_pages: int, seed: int = 2026) -> None:
    """A text-only raadsvoorstel of exactly n_pages pages; the same bytes every time (invariant)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    rnd = random.Random(seed)
    styles = getSampleStyleSheet()
    body, h1, h2 = styles["BodyText"], styles["Heading1"], styles["Heading2"]

    def sentence() -> str:
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(8, 16))]
        return " ".join(words).capitalize() + "."

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, "Raadsvoorstel 2026-0042 - Gemeente Voorbeeld")
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Pagina {doc.page} van {n_pages}")
        canvas.restoreState()

    story = []
    for page in range(1, n_pages + 1):
        chapter = (page - 1) // 10 + 1
        if page % 10 == 1:
            story.append(Paragraph(f"{chapter}. {HEADINGS[(chapter - 1) % len(HEADINGS)]}", h1))
        story.append(Paragraph(f"{chapter}.{(page - 1) % 10 + 1} {rnd.choice(WORDS).capitalize()} en "
                               f"{rnd.choice(WORDS)}", h2))
        for _ in range(3):
            story.append(Paragraph(" ".join(sentence() for _ in range(5)), body))
        if page % 10 == 0:
            rows = [["Post", "2026", "2027", "2028"]]
            for _ in range(4):
                rows.append([rnd.choice(WORDS).capitalize()] +
                            [f"€ {rnd.randint(10, 999)}.{rnd.randint(0, 999):03d}" for _ in range(3)])
            t = Table(rows, colWidths=[5 * cm, 3 * cm, 3 * cm, 3 * cm])
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                                   ("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
            story.append(t)
        if page < n_pages:
            story.append(PageBreak())
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=True, title="Raadsvoorstel (generated)",
                            author="bench/compare.py", topMargin=2 * cm, bottomMargin=2 * cm)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)


def memory_scaling(repeat: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="compare-mem-"))
    try:
        rows = []
        for n, jobs in ((50, 1), (2000, 1), (2000, 2)):
            pdf = tmp / f"raadsvoorstel-{n}p.pdf"
            if not pdf.exists():
                make_council_pdf(pdf, n)
            pages = count_pages([pdf])
            out = tmp / "out"
            runs = []
            for r in range(repeat):
                # a budget far over the file's time: on a busy machine the 2,000-page file passes
                # the default 300 s, and a file stopped at its budget says nothing about memory
                fig = measure([*raadsstukken_cmd(), "run", "--force", "--timeout", "7200", "--jobs", str(jobs),
                               "--out", str(out), str(pdf)], out)
                runs.append(fig)
                flag = f"  EXIT {fig['exit']}" if fig["exit"] else ""
                print(f"  {pages} pages, --jobs {jobs}, run {r + 1}/{repeat}: cpu {fig['cpu_s']:.2f} s, "
                      f"wall {fig['wall_s']:.2f} s, rss {fig['rss_mb']:.0f} MB{flag}", file=sys.stderr, flush=True)
            rows.append({**summarise(runs, pages=pages, pdf_bytes=pdf.stat().st_size), "jobs": jobs, "all_runs": runs})
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    small, large, split = rows
    return {"mode": "memory-scaling", "repeat": repeat, "rows": rows,
            "rss_ratio": round(large["rss_mb_max"] / small["rss_mb_max"], 2),
            "pages_ratio": round(large["pages"] / small["pages"], 1),
            "split_speedup": round(large["wall_s_median"] / split["wall_s_median"], 2)}


def print_memory(result: dict, meta: dict) -> None:
    print(f"memory scaling: `raadsstukken run --force` on generated text-only council PDFs "
          f"(reportlab, seed 2026), {result['repeat']} run(s) each, /usr/bin/time -v\n")
    print(header(meta) + "\n")
    print("| PDF | pages | `--jobs` | MB on disk | CPU s | wall s | peak RSS MB | pages per CPU s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in result["rows"]:
        print(f"| generated {r['pages']}-page{failed_note(r)} | {r['pages']} | {r['jobs']} | {r['pdf_bytes'] / 1e6:.1f} | "
              f"{r['cpu_s_median']:.2f} | {r['wall_s_median']:.2f} | {r['rss_mb_max']:.0f} | "
              f"{r['pages'] / r['cpu_s_median']:.1f} |")
    print(f"\npeak RSS ratio {result['rows'][1]['pages']}-page / {result['rows'][0]['pages']}-page (one worker): "
          f"{result['rss_ratio']} (for {result['pages_ratio']}x the pages)")
    print(f"the {result['rows'][2]['pages']}-page file with --jobs 2 (its pages read by two processes, by ranges): "
          f"wall {result['split_speedup']}x faster than with one worker")


# ---------------------------------------------------------------- main

def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("inputs", nargs="*", type=Path, help="PDF files or folders (added to --set)")
    ap.add_argument("--set", choices=sorted(SETS) + ["real-scans", "all"], dest="preset")
    ap.add_argument("--repeat", type=int, default=None, help="rounds (default 3; 1 for --memory-scaling)")
    ap.add_argument("--with-legacy", action="store_true",
                    help="add (C0): pymupdf4llm.to_markdown after use_layout(False)")
    ap.add_argument("--tools", default="", help="only these tools, comma-separated (A, A2, C, C0); (B) always runs")
    ap.add_argument("--memory-scaling", action="store_true")
    ap.add_argument("--json", type=Path, help="write all figures, every run included")
    ap.add_argument("--as-found", action="store_true",
                    help="do not compile the package's bytecode first (an editable tree under "
                    "PYTHONDONTWRITEBYTECODE=1 then compiles its source in every run)")
    args = ap.parse_args(argv)
    ensure_time()
    compiled = [] if args.as_found else compile_package()
    meta = {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine(), "versions": versions(), "argv": argv,
            "bytecode": "as found" if args.as_found else f"compiled first ({len(compiled)} package folders)"}

    if args.memory_scaling:
        result = memory_scaling(args.repeat or 1)
        print_memory(result, meta)
    else:
        if not args.preset and not args.inputs:
            args.preset = "samples"
        files = (set_files(args.preset) if args.preset else []) + pdf_files(args.inputs)
        if not files:
            ap.error("no PDFs among the inputs")
        label = args.preset and f"--set {args.preset}" or "inputs"
        if args.preset and args.inputs:
            label += " + inputs"
        only = tuple(t.strip() for t in args.tools.split(",") if t.strip())
        result = compare(files, args.repeat or 3, args.with_legacy, label, only)
        print_compare(result, meta)
    if args.json:
        args.json.write_text(json.dumps({**meta, **result}, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
