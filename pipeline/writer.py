"""Writing datasets: validated, atomic, one Parquet part per input file and dataset.

A part is written to a hidden temporary file in the dataset's folder and renamed into place, so
no reader ever sees half a file. Every table is validated against its dataset definition first;
a table that does not validate is never written.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas import DATASETS, validate_table

EMPTY_PART = "_empty.parquet"


class SchemaViolation(Exception):
    """Rows about to be written do not match their dataset definition (a bug, not bad input)."""


def write_part(out_dir: Path, dataset: str, part: str, table: pa.Table) -> Path:
    """Validate `table` and write it atomically as `out_dir/dataset/part.parquet`."""
    definition = DATASETS[dataset]
    problems = validate_table(definition, table)
    if problems:
        raise SchemaViolation("; ".join(str(p) for p in problems))
    folder = out_dir / dataset
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{part}.parquet"
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".partial", dir=folder)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def remove_part(out_dir: Path, part: str) -> None:
    """Remove one input file's parts from every dataset (its input changed or vanished)."""
    for name in DATASETS:
        (out_dir / name / f"{part}.parquet").unlink(missing_ok=True)


def ensure_datasets(out_dir: Path) -> None:
    """Every dataset folder exists and holds at least one Parquet file carrying its schema."""
    for name, definition in DATASETS.items():
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        parts = [p for p in folder.glob("*.parquet") if p.name != EMPTY_PART]
        empty = folder / EMPTY_PART
        if parts:
            empty.unlink(missing_ok=True)
        elif not empty.exists():
            write_part(out_dir, name, EMPTY_PART[:-len(".parquet")], definition.empty_table())
