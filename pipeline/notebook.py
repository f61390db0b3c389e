"""Loading an output directory in a notebook: pandas DataFrames with proper dtypes, or DuckDB.

    from raadsstukken import load, connect
    datasets = load("output")                  # {name: DataFrame} for every dataset
    statistics = load("output", "statistics")  # one DataFrame
    con = connect("output")                    # DuckDB, one view per dataset
    con.sql("select * from statistics where period >= 2022").df()

A path that is not an output of `raadsstukken run` (missing, empty, a folder of PDFs) raises
`NotAnOutputError` saying so, instead of returning empty tables.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from raadsstukken.schemas import DATASETS

MANIFEST = "_manifest.json"


class NotAnOutputError(FileNotFoundError):
    """The path is not an output directory of `raadsstukken run`."""


def output_state(out: Path) -> str:
    """'output' when `out` holds a manifest or a dataset folder, 'empty' for an empty folder,
    'missing' when it does not exist, 'other' for a file or a folder of something else."""
    if not out.exists():
        return "missing"
    if not out.is_dir():
        return "other"
    if (out / MANIFEST).is_file() or any((out / name).is_dir() for name in DATASETS):
        return "output"
    return "empty" if not any(out.iterdir()) else "other"


def check_output(out: str | Path, allow_empty: bool = False) -> Path:
    """`out` as a Path, or NotAnOutputError with what is wrong and how to make an output."""
    out = Path(out)
    state = output_state(out)
    if state == "output" or (state == "empty" and allow_empty):
        return out
    what = {"missing": "does not exist", "empty": "is an empty folder",
            "other": f"has no {MANIFEST} and no dataset folders ({', '.join(list(DATASETS)[:3])}, ...)"}[state]
    if state == "other" and out.is_dir() and any(out.glob("*.pdf")):
        raise NotAnOutputError(f"{out} is not a raadsstukken output: it holds PDF files, not datasets. "
                               f"Run `raadsstukken run {out} --out OUTPUT` first and use OUTPUT.")
    raise NotAnOutputError(f"{out} is not a raadsstukken output: it {what}. "
                           f"Make one with `raadsstukken run PDFS --out {out}`.")


def _frame(out: Path, name: str):
    import pandas as pd
    import pyarrow as pa
    import pyarrow.dataset as pads

    dataset = DATASETS[name]
    from raadsstukken.pipeline.writer import dataset_files

    files = [str(p) for p in dataset_files(out, name)]
    table = pads.dataset(files, format="parquet", schema=dataset.schema).to_table() if files else dataset.empty_table()
    frame = table.to_pandas(types_mapper={pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(),
                                          pa.bool_(): pd.BooleanDtype(), pa.string(): pd.StringDtype()}.get)
    for column in dataset.columns:
        if column.enum:
            frame[column.name] = pd.Categorical(frame[column.name], categories=list(column.enum))
        elif column.arrow_type == pa.date32():
            frame[column.name] = pd.to_datetime(frame[column.name]).astype("datetime64[ns]")
    return frame


def load_output(out: str | Path = "output", name: str | None = None) -> Any:
    """Every dataset of `out` as {name: DataFrame}, or one dataset's DataFrame.

    Dtypes follow the schema: nullable integers and booleans, strings, dates as datetime64,
    timestamps as datetime64 in UTC, enumerations as categoricals, lists as lists. Raises
    NotAnOutputError when `out` is not an output directory, KeyError for an unknown dataset.
    """
    if name is not None and name not in DATASETS:
        raise KeyError(f"no dataset {name!r}; datasets: {', '.join(DATASETS)}")
    out = check_output(out)
    if name is not None:
        return _frame(out, name)
    return {n: _frame(out, n) for n in DATASETS}


def connect_output(out: str | Path = "output", database: str = ":memory:"):
    """A DuckDB connection with one view per dataset of `out`.

    A dataset folder without Parquet files is a view of an empty table with the dataset's schema,
    so every query runs. Raises NotAnOutputError when `out` is not an output directory.
    """
    import duckdb

    out = check_output(out).resolve()
    con = duckdb.connect(database)
    from raadsstukken.pipeline.writer import dataset_files

    for name, dataset in DATASETS.items():
        files = dataset_files(out, name)  # parts, segments and partition folders
        if files:
            listed = ", ".join("'" + p.as_posix().replace("'", "''") + "'" for p in files)
            con.execute(f"create or replace view {name} as select * from read_parquet([{listed}], union_by_name=true)")
        else:
            con.register(f"_empty_{name}", dataset.empty_table())
            con.execute(f"create or replace view {name} as select * from _empty_{name}")
    return con
