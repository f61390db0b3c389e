"""Bounded fuzzing: random byte mutants and reference-cycle mutants of generated papers go through
one run with a small time budget. Every file gets a `runs` row with a closed-set error kind, the
batch ends, and no file takes longer than its budget + 5 s (issue 20). Seeded: the same mutants on
every run.
"""
from __future__ import annotations

import hashlib
import random
import re
import time
from pathlib import Path

import pandas as pd
import pytest

from raadsstukken.pipeline.errors import ERROR_KINDS, NEEDS_OCR_KIND
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, write_pdf

BYTE_MUTANTS = 100
CYCLE_MUTANTS = 24
TIMEOUT = 4.0
WALL = 180.0
"""The whole test (making the mutants included) must end within this many seconds."""
_REF = re.compile(rb"(\d+) 0 R\b")
_OBJ = re.compile(rb"(\d+) 0 obj\b(.*?)endobj", re.S)


def _seeds(folder: Path) -> list[bytes]:
    one = Page().add(56, 60, "Raadsvoorstel", size=16, bold=True).add(56, 90, "Onderwerp: Herinrichting van de kade")
    one.lines(56, 120, ["De raad besluit:", "1. een krediet van EUR 80.000 beschikbaar te stellen;",
                        "2. het college te vragen de bewoners te betrekken."])
    two = [Page().add(56, 60, f"Hoofdstuk {n}: De wijkaanpak", size=14, bold=True)
           .add(56, 90, f"Tekst over de wijkaanpak in deel {n} van deze brief.") for n in (1, 2)]
    return [write_pdf(folder / "een.pdf", [one]).read_bytes(), write_pdf(folder / "twee.pdf", two).read_bytes()]


def byte_mutant(seed: bytes, rng: random.Random) -> bytes:
    """1-20 random bytes overwritten, sometimes a slice duplicated or the tail cut off."""
    raw = bytearray(seed)
    for _ in range(rng.randint(1, 20)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    roll = rng.random()
    if roll < 0.2:
        raw = raw[: rng.randrange(len(raw))]
    elif roll < 0.35:
        at, size = rng.randrange(len(raw)), rng.randint(1, 400)
        raw[at:at] = raw[at:at + size]
    return bytes(raw)


def cycle_mutant(seed: bytes, rng: random.Random) -> bytes:
    """A reference cycle, padded to the original length so the cross-reference table still holds:
    an object replaced by a reference to itself (`7 0 obj 7 0 R endobj`), or a reference inside an
    object pointed at that object itself or at an object that contains it."""
    objects = list(_OBJ.finditer(seed))
    target = rng.choice(objects)
    number, body = target.group(1), target.group(2)
    if rng.random() < 0.4:
        new_body = b" " + number + b" 0 R "
        new_body += b" " * max(0, len(body) - len(new_body))  # a longer one shifts the offsets: also fine
        return seed[: target.start(2)] + new_body + seed[target.end(2):]
    refs = list(_REF.finditer(seed))
    ref = rng.choice(refs)
    holder = next((o for o in objects if o.start() <= ref.start() < o.end()), target)
    point_to = rng.choice([holder.group(1), number, b"1", b"2"])
    new = point_to + b" 0 R"
    return seed[: ref.start()] + new.ljust(ref.end() - ref.start()) + seed[ref.end():]


@pytest.fixture(scope="module")
def mutants(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    seeds = _seeds(folder)
    rng = random.Random(20)
    made: dict[str, bytes] = {}
    inputs = folder / "in"
    inputs.mkdir()
    while len([n for n in made if n.startswith("byte")]) < BYTE_MUTANTS:
        data = byte_mutant(rng.choice(seeds), rng)
        made.setdefault(f"byte-{len(made):03d}.pdf", data)
    while len(made) < BYTE_MUTANTS + CYCLE_MUTANTS:
        data = cycle_mutant(rng.choice(seeds), rng)
        made.setdefault(f"cycle-{len(made):03d}.pdf", data)
    unique: dict[bytes, str] = {}
    for name, data in made.items():
        digest = hashlib.sha256(data).digest()
        if digest not in unique:  # identical mutants would share one runs row
            unique[digest] = name
            (inputs / name).write_bytes(data)
    return inputs


def test_every_mutant_ends_with_a_runs_row_within_its_budget(mutants, tmp_path):
    t0 = time.monotonic()
    names = sorted(p.name for p in mutants.iterdir())
    assert len([n for n in names if n.startswith("byte")]) >= BYTE_MUTANTS - 5
    assert len([n for n in names if n.startswith("cycle")]) >= 20
    summary = run(RunSettings(inputs=(mutants,), out_dir=tmp_path / "out", timeout=TIMEOUT, jobs=2))
    wall = time.monotonic() - t0
    runs = pd.read_parquet(tmp_path / "out" / "runs")
    assert sorted(runs["source_file"]) == names
    for o in summary.outcomes:
        assert o.duration_s <= TIMEOUT + 5, (o.source_file, o.duration_s)
        assert o.status in ("ok", "partial", "failed", "needs_ocr"), o.source_file
        if o.error_type is not None:
            assert o.error_type in ERROR_KINDS or o.error_type == NEEDS_OCR_KIND, (o.source_file, o.error_type)
        if o.status == "failed":
            assert o.error and not o.tables
    kinds = pd.Series([o.error_type or o.status for o in summary.outcomes]).value_counts().to_dict()
    print(f"{len(names)} mutants in {wall:.0f} s: {kinds}")
    assert wall < WALL, kinds
