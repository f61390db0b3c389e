"""The example notebook runs against a fresh output of the samples (so it never rots), from a working
directory other than examples/, and shows its chart inline."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from raadsstukken.pipeline.run import RunSettings, run

ROOT = Path(__file__).resolve().parent.parent


def test_example_notebook_runs(tmp_path, monkeypatch):
    out = tmp_path / "output"
    run(RunSettings(inputs=(ROOT / "raw",), out_dir=out))
    monkeypatch.setenv("RAADSSTUKKEN_OUTPUT", str(out))
    elsewhere = tmp_path / "somewhere"
    elsewhere.mkdir()
    notebook = nbformat.read(ROOT / "examples" / "explore.ipynb", as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(elsewhere)}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    assert (out / "example-series.png").is_file()
    assert any("image/png" in o.get("data", {}) for o in outputs), "the chart is shown inline"
    assert "empty until" not in "".join(c.source for c in notebook.cells)
