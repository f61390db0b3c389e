"""A nightly batch at scale: N generated small PDFs through `raadsstukken run`, before and after compaction.

usage: python bench/scale.py [--files 2000] [--jobs 2] [--partition-by COLS] [--then-partition-by year]
                            [--work DIR] [--json FILE]

Generates N small council papers (1-3 pages: a heading, paragraphs, a decision, an amount; a
harvester's list with municipality and publication date), then, in fresh processes:

1. a first run into an empty output with `--no-compact` (wall time);
2. files per dataset, `raadsstukken.load()` of every dataset and a DuckDB query over `sections`
   and `documents` (best of 3 each), on the uncompacted output;
3. `raadsstukken compact` (wall time), files per dataset (per partition), the same reads again;
4. a second run over the unchanged input (best of 3) and its speed-up over the first;
5. `raadsstukken validate` on the compacted output;
6. `raadsstukken compact --partition-by year` on it, files per folder, the DuckDB query again, validate.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MUNICIPALITIES = ["Kleindorp", "Grootstad", "Havenaar", "Bergum", "Dijkhuizen", "Veldhoven-Oost", "Meerwijk", "Zandvoort-Noord"]
TOPICS = ["het groenbeleid", "de afvalinzameling", "de bibliotheek", "het zwembad", "de markt", "de haven", "het park",
          "de sporthal", "de jeugdzorg", "de schuldhulp", "de straatverlichting", "het parkeerbeleid"]


def generate(folder: Path, n: int) -> Path:
    from tests.pdfs import Page, write_pdf

    folder.mkdir(parents=True, exist_ok=True)
    rows = ["path,municipality,published"]
    for i in range(n):
        town, topic = MUNICIPALITIES[i % len(MUNICIPALITIES)], TOPICS[(i * 7) % len(TOPICS)]
        pages = []
        for p in range(1 + i % 3):
            page = Page().add(56, 28, f"Raadsinformatiebrief {i}", size=8)
            page.add(56, 70, f"{p + 1}. {topic.capitalize()} in {town} ({i})", size=14, bold=True)
            page.lines(56, 100, [f"Het college informeert de raad over {topic} in {town}, brief {i}.",
                                 f"De kosten bedragen € {1000 + 37 * i:,}".replace(",", ".") + " per jaar.",
                                 "Besluit", f"1. De raad neemt kennis van de stand van zaken over {topic}."])
            page.add(500, 805, f"pag. {p + 1}", size=8)
            pages.append(page)
        sub = folder / town.lower()
        sub.mkdir(exist_ok=True)
        write_pdf(sub / f"brief-{i:05d}.pdf", pages)
        rows.append(f"{town.lower()}/brief-{i:05d}.pdf,{town},{2019 + i % 6}-0{1 + i % 9}-15")
    listing = folder / "lijst.csv"
    listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return listing


def timed(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({result.returncode}):\n{result.stderr.decode()[-2000:]}")
    return time.perf_counter() - t0


def files_per_dataset(out: Path) -> dict[str, int]:
    from raadsstukken.pipeline.writer import dataset_files
    from raadsstukken.schemas import DATASETS

    return {name: len(dataset_files(out, name)) for name in DATASETS}


def files_per_partition(out: Path) -> int:
    from raadsstukken.pipeline.writer import dataset_files
    from raadsstukken.schemas import DATASETS

    most = 0
    for name in DATASETS:
        folders: dict[Path, int] = {}
        for f in dataset_files(out, name):
            folders[f.parent] = folders.get(f.parent, 0) + 1
        most = max([most, *folders.values()])
    return most


READ_SCRIPT = """
import sys, time, duckdb
from raadsstukken import load
out = sys.argv[1]
t0 = time.perf_counter(); data = load(out); t1 = time.perf_counter()
rows = sum(len(f) for f in data.values())
con = duckdb.connect()
q = ("select d.municipality, count(*) as n, sum(length(s.text)) as chars "
     "from read_parquet('{o}/sections/**/*.parquet', union_by_name=true) s "
     "join read_parquet('{o}/documents/**/*.parquet', union_by_name=true) d using (doc_id) group by 1 order by 1")
t2 = time.perf_counter(); con.sql(q.format(o=out)).fetchall(); t3 = time.perf_counter()
print(t1 - t0, t3 - t2, rows)
"""


def reads(out: Path, repeat: int = 3) -> dict[str, float]:
    best_load = best_query = float("inf")
    rows = 0
    for _ in range(repeat):
        result = subprocess.run([sys.executable, "-c", READ_SCRIPT, str(out)], cwd=ROOT, capture_output=True, check=True)
        load_s, query_s, rows_s = result.stdout.split()
        best_load, best_query, rows = min(best_load, float(load_s)), min(best_query, float(query_s)), int(rows_s)
    return {"load_s": round(best_load, 3), "duckdb_s": round(best_query, 4), "rows": rows}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--partition-by", default=None, help="partition the first compaction")
    parser.add_argument("--then-partition-by", default="year",
                        help="afterwards, compact again partitioned by this ('' to skip); DuckDB is timed on it, "
                             "load() is not (it reads the top folder only)")
    parser.add_argument("--work", type=Path, default=None, help="keep the generated input and output here")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        t0 = time.perf_counter()
        listing = generate(work / "in", args.files)
        generated = time.perf_counter() - t0
        out = work / "out"
        base = [sys.executable, "-m", "raadsstukken", "-q", "run", str(listing), "--out", str(out), "--jobs", str(args.jobs)]
        first = timed([*base, "--no-compact"])
        before = {"files": files_per_dataset(out), **reads(out)}
        compact_cmd = [sys.executable, "-m", "raadsstukken", "compact", str(out)]
        if args.partition_by:
            compact_cmd += ["--partition-by", args.partition_by]
        compact_s = timed(compact_cmd)
        after = {"files": files_per_dataset(out), "most_per_folder": files_per_partition(out), **reads(out)}
        second = min(timed(base) for _ in range(3))
        valid = subprocess.run([sys.executable, "-m", "raadsstukken", "validate", str(out)], cwd=ROOT,
                               capture_output=True).returncode == 0
        partitioned = None
        if args.then_partition_by:  # the same output partitioned (by the list's publication year, say)
            t0 = time.perf_counter()
            timed([sys.executable, "-m", "raadsstukken", "compact", str(out), "--partition-by", args.then_partition_by])
            partitioned = {"by": args.then_partition_by, "compact_s": round(time.perf_counter() - t0, 2),
                           "files": files_per_dataset(out), "most_per_folder": files_per_partition(out),
                           "duckdb_s": reads(out)["duckdb_s"],
                           "valid": subprocess.run([sys.executable, "-m", "raadsstukken", "validate", str(out)], cwd=ROOT,
                                                   capture_output=True).returncode == 0}
    result = {"pdfs": args.files, "jobs": args.jobs, "generate_s": round(generated, 1), "first_run_s": round(first, 1),
              "compact_s": round(compact_s, 2), "second_run_s": round(second, 2), "speedup": round(first / second, 1),
              "before": before, "after": after, "valid": valid, "partition_by": args.partition_by,
              "partitioned": partitioned}
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
