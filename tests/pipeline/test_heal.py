"""Outputs that heal and stay confined: a damaged or foreign file in `--out` is quarantined and its
rows extracted again, instead of crashing every later run; nothing outside `--out` is touched."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.manifest import MANIFEST, Manifest
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.pipeline.writer import QUARANTINE, dataset_files
from raadsstukken.schemas import validate_directory
from tests.pdfs import Page, write_pdf


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("heal")
    folder = root / "in"
    folder.mkdir()
    write_pdf(folder / "notitie.pdf", [Page().add(56, 80, "Onderhoud", 14, bold=True)
                                       .add(56, 110, "De gemeente herstelt de kademuur in het voorjaar.")])
    out = root / "out"
    assert run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False)).exit_code == 0
    return folder, out


@pytest.fixture
def output(base, tmp_path) -> tuple[Path, Path]:
    folder, out = base
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    return folder, copy


def _rerun(folder: Path, out: Path) -> dict[str, str]:
    summary = run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False))
    assert validate_directory(out) == []
    return {o.source_file: o.status for o in summary.outcomes}


def _quarantined(out: Path) -> list[str]:
    folder = out / QUARANTINE
    return sorted(p.name.split("-", 2)[2] for p in folder.iterdir()) if folder.is_dir() else []


def test_a_part_outside_the_output_is_never_deleted(output, tmp_path):
    folder, out = output
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "precious.parquet").write_bytes(b"belangrijk")
    data = json.loads((out / MANIFEST).read_text())
    rel = os.path.relpath(victim / "precious", out / "pages")
    data["files"]["notitie.pdf"]["part"] = rel
    (out / MANIFEST).write_text(json.dumps(data))
    assert Manifest.load(out).files == {} and "not a plain part name" in Manifest.load(out).problems[0]
    assert _rerun(folder, out) == {"notitie.pdf": "ok"}  # the entry was dropped: extracted again
    assert (victim / "precious.parquet").read_bytes() == b"belangrijk"


def test_a_symlinked_dataset_folder_is_refused(output, tmp_path):
    folder, out = output
    elsewhere = tmp_path / "elders"
    shutil.move(out / "sections", elsewhere)
    os.symlink(elsewhere, out / "sections")
    before = sorted(p.name for p in elsewhere.iterdir())
    assert _rerun(folder, out) == {"notitie.pdf": "ok"}
    assert sorted(p.name for p in elsewhere.iterdir()) == before  # nothing written or removed there
    assert not (out / "sections").is_symlink() and len(pd.read_parquet(out / "sections")) > 0
    assert _quarantined(out) == ["sections"]


@pytest.mark.parametrize("damage", ["truncated", "garbage", "foreign-parquet"])
def test_a_damaged_part_is_quarantined_and_its_file_extracted_again(output, damage):
    folder, out = output
    part = dataset_files(out, "sections")[0]
    if damage == "truncated":
        part.write_bytes(part.read_bytes()[: part.stat().st_size // 2])
    elif damage == "garbage":
        part.write_bytes(b"PAR1" + os.urandom(200))
    else:
        pd.DataFrame({"iets": [1, 2]}).to_parquet(part)
    assert _rerun(folder, out) == {"notitie.pdf": "ok"}
    assert _quarantined(out) == [f"sections__{part.name}"]
    assert len(pd.read_parquet(out / "sections")) > 0


def test_a_manifest_that_is_not_json_is_quarantined(output):
    folder, out = output
    (out / MANIFEST).write_text("{ dit is geen json")
    assert _rerun(folder, out) == {"notitie.pdf": "ok"}
    assert _quarantined(out) == [MANIFEST]
    assert list(Manifest.load(out).files) == ["notitie.pdf"]


def test_foreign_files_and_a_folder_replaced_by_a_file(output):
    folder, out = output
    (out / "sections" / "aantekeningen.txt").write_text("van iemand anders")
    (out / "amounts" / "link.parquet").symlink_to("/etc/hostname")
    shutil.rmtree(out / "pages")
    (out / "pages").write_text("geen map")
    assert _rerun(folder, out) == {"notitie.pdf": "ok"}
    assert _quarantined(out) == ["amounts__link.parquet", "pages", "sections__aantekeningen.txt"]
    assert len(pd.read_parquet(out / "pages")) == 1 and len(pd.read_parquet(out / "sections")) > 0
    assert _rerun(folder, out) == {"notitie.pdf": "skipped"}  # healed: the next run has nothing to do


def test_diff_of_a_damaged_output_is_an_error_not_a_difference(output, base):
    _, out = output
    (out / MANIFEST).write_text("[1, 2")
    result = CliRunner().invoke(main, ["diff", str(base[1]), str(out)])
    assert result.exit_code == 2 and "damaged" in result.output and "Traceback" not in result.output
    shutil.copy(base[1] / MANIFEST, out / MANIFEST)
    part = dataset_files(out, "sections")[0]
    part.write_bytes(part.read_bytes()[:40])
    result = CliRunner().invoke(main, ["diff", str(base[1]), str(out)])
    assert result.exit_code == 2 and "damaged" in result.output
