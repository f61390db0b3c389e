"""Installed, the project adds one import name: `raadsstukken` (no `pipeline`, `extractors`, `schemas`)."""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import importlib, sys
import raadsstukken
assert raadsstukken.__file__.startswith(sys.argv[1]), raadsstukken.__file__
from raadsstukken import load, connect
load(sys.argv[2]); load(sys.argv[2])          # twice: no submodule replaces the function
from raadsstukken import load as again
assert callable(again)
import raadsstukken.pipeline.cli, raadsstukken.extractors.layout.parse, raadsstukken.schemas
for name in ("pipeline", "extractors", "schemas"):
    try:
        importlib.import_module(name)
    except ModuleNotFoundError:
        continue
    raise SystemExit(f"{name} is importable")
print("one import name")
"""


def test_the_wheel_installs_one_import_name(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                   check=True, cwd=tmp_path)
    (wheel,) = wheels.glob("raadsstukken-*.whl")
    tops = {name.split("/")[0] for name in zipfile.ZipFile(wheel).namelist() if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"raadsstukken"}
    assert "raadsstukken/py.typed" in zipfile.ZipFile(wheel).namelist()
    assert "raadsstukken/extractors/rules/decisions.toml" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), str(wheel)],
                   check=True, cwd=tmp_path)
    env = {**os.environ, "PYTHONPATH": str(target)}
    (tmp_path / "no-pdfs").mkdir()
    out = tmp_path / "empty-output"
    run = subprocess.run([sys.executable, "-m", "raadsstukken", "run", str(tmp_path / "no-pdfs"), "--out", str(out)],
                         cwd=tmp_path, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    proc = subprocess.run([sys.executable, "-c", CHECK, str(target), str(out)], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "one import name" in proc.stdout
