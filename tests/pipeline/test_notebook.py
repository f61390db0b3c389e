"""The load API and the DuckDB connection on a run's output."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from raadsstukken import connect, load
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("load") / "output"
    run(RunSettings(inputs=(ROOT / "raw",), out_dir=out))
    return out


def test_load_every_dataset_with_dtypes(output):
    data = load(output)
    assert set(data) == set(DATASETS)
    docs = data["documents"]
    assert isinstance(docs["doc_type"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_datetime64_any_dtype(docs["document_date"])
    assert isinstance(docs["financial_consequences"].dtype, pd.BooleanDtype)
    assert isinstance(docs["page_start"].dtype, pd.Int32Dtype)
    assert isinstance(docs["bodies"].iloc[0], (list, tuple)) or hasattr(docs["bodies"].iloc[0], "__len__")
    assert list(data["themes"].columns) == DATASETS["themes"].schema.names
    assert isinstance(data["themes"]["kind"].dtype, pd.CategoricalDtype)


def test_load_one_dataset_and_unknown_name(output):
    stats = load(output, "statistics")
    assert len(stats) > 0 and isinstance(stats["period"].dtype, pd.Int32Dtype)
    with pytest.raises(KeyError):
        load(output, "tabellen")


def test_connect_gives_one_view_per_dataset(output):
    con = connect(output)
    for name in DATASETS:
        assert con.execute(f"select count(*) from {name}").fetchone()[0] == len(load(output, name))
    joined = con.execute("select count(*) from statistics s join tables t using (table_id)").fetchone()[0]
    assert joined == len(load(output, "statistics"))


def test_load_and_connect_on_a_path_that_is_not_an_output(tmp_path):
    from raadsstukken import NotAnOutputError

    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    for path, words in ((tmp_path / "no_such_dir", "does not exist"), (empty, "empty folder"), (pdfs, "PDF")):
        for call in (load, connect):
            with pytest.raises(NotAnOutputError, match="is not a raadsstukken output") as info:
                call(path)
            assert words in str(info.value) and "raadsstukken run" in str(info.value)
    assert issubclass(NotAnOutputError, FileNotFoundError)


def test_connect_on_an_output_with_an_empty_dataset_folder(output, tmp_path):
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(output, copy)
    for p in (copy / "links").glob("*.parquet"):
        p.unlink()
    assert connect(copy).execute("select count(*) from links").fetchone()[0] == 0
