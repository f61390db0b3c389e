"""The audit report at scale: a generated batch of PDFs (default 300) through `raadsstukken run` and
`raadsstukken report`; prints the largest page of the report folder and how long headless Chromium
takes to open it, and can write screenshots.

    python bench/report_scale.py --n 300 --work /tmp/report-scale
    python bench/report_scale.py --out /tmp/real-out --skip-run      # an existing output
"""
from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.pdfs import Page, write_pdf  # noqa: E402

WORDS = ("de gemeente wil het beleid voor wonen zorg en veiligheid de komende jaren versterken met inwoners "
         "ondernemers en partners in de wijken werken we aan een schone veilige en leefbare stad").split()


def paper(path: Path, n: int) -> Path:
    rnd = random.Random(n)
    pages = []
    for p in range(1 + n % 4):
        page = Page()
        y = 50
        if p == 0:
            page.add(56, y, "Raadsvoorstel", size=18, bold=True)
            page.add(56, y + 36, f"Onderwerp: Uitvoeringsplan wijk {n}")
            page.add(56, y + 52, f"Datum: {1 + n % 28} maart 2025")
            y += 90
        for c in range(3):
            page.add(56, y, f"Hoofdstuk {p + 1}.{c + 1}", size=13, bold=True)
            y = page.lines(56, y + 20, [" ".join(rnd.choice(WORDS) for _ in range(12)) for _ in range(4)]) + 14
        if p == 0:
            for i, row in enumerate([("Indicator", "2022", "2023", "2024"), ("Woningen", str(100 + n), str(110 + n), "130"),
                                     ("Meldingen", "40", str(30 + n % 9), "25")]):
                for x, text in zip((60, 220, 290, 360), row):
                    page.add(x, y + 16 * i, text, size=9)
            y += 70
            page.add(56, y, "Het college stelt u voor:", bold=True)
            page.lines(56, y + 20, ["1. het plan vast te stellen;",
                                    f"2. een krediet van € {n * 1000 + 5000} beschikbaar te stellen."])
        pages.append(page)
    return write_pdf(path, pages)


def chromium_open(url: str, profile: Path) -> float:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    assert chromium, "chromium is not installed"
    start = time.perf_counter()
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", f"--user-data-dir={profile}",
                    "--dump-dom", url], check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--work", type=Path, default=Path("/tmp/report-scale"))
    ap.add_argument("--out", type=Path, default=None, help="Use this output (with --skip-run).")
    ap.add_argument("--skip-run", action="store_true")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    out = args.out or args.work / "output"
    if not args.skip_run:
        pdfs = args.work / "pdfs"
        pdfs.mkdir(parents=True, exist_ok=True)
        for n in range(args.n):
            paper(pdfs / f"voorstel-{n:04d}.pdf", n)
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "raadsstukken", "run", str(pdfs), "--out", str(out), "--jobs", str(args.jobs)],
                       check=False)
        print(f"run: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "raadsstukken", "report", str(out)], check=True)
    print(f"report: {time.perf_counter() - t:.1f} s")
    report = out / "report"
    htmls = sorted(report.rglob("*.html"), key=lambda p: p.stat().st_size)
    images = list((report / "pages").glob("*.png"))
    total = sum(p.stat().st_size for p in report.rglob("*") if p.is_file())
    print(f"{len(htmls)} html pages, {len(images)} page images, {total / 1e6:.1f} MB in all")
    largest = htmls[-1]
    print(f"largest page {largest.relative_to(report)}: {largest.stat().st_size / 1e6:.3f} MB; "
          f"index {(report / 'index.html').stat().st_size / 1e6:.3f} MB")
    blank = [chromium_open("about:blank", args.work / "chromium-profile") for _ in range(3)]
    print(f"chromium --headless --dump-dom about:blank (start-up alone): best {min(blank):.2f} s, worst {max(blank):.2f} s")
    for page in (largest, report / "index.html"):
        times = [chromium_open(page.as_uri(), args.work / "chromium-profile") for _ in range(3)]
        print(f"chromium --headless --dump-dom {page.name}: best {min(times):.2f} s, worst {max(times):.2f} s")


if __name__ == "__main__":
    main()
