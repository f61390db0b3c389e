"""Loading an output directory in a notebook: pandas DataFrames with proper dtypes, or DuckDB.

    from raadsstukken import load, connect
    datasets = load("output")                  # {name: DataFrame} for every dataset
    statistics = load("output", "statistics")  # one DataFrame
    con = connect("output")                    # DuckDB, one view per dataset
    con.sql("select * from statistics where period >= 2022").df()
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from raadsstukken.schemas import DATASETS


def _frame(out: Path, name: str):
    import pandas as pd
    import pyarrow as pa
    import pyarrow.dataset as pads

    dataset = DATASETS[name]
    files = sorted(str(p) for p in (out / name).glob("*.parquet"))
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
    enumerations as categoricals, lists as lists.
    """
    out = Path(out)
    if name is not None:
        if name not in DATASETS:
            raise KeyError(f"no dataset {name!r}; datasets: {', '.join(DATASETS)}")
        return _frame(out, name)
    return {n: _frame(out, n) for n in DATASETS}


def connect_output(out: str | Path = "output", database: str = ":memory:"):
    """A DuckDB connection with one view per dataset of `out` (needs the duckdb package)."""
    import duckdb

    out = Path(out).resolve()
    con = duckdb.connect(database)
    for name in DATASETS:
        pattern = (out / name / "*.parquet").as_posix().replace("'", "''")
        con.execute(f"create or replace view {name} as select * from read_parquet('{pattern}', union_by_name=true)")
    return con
