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

from raadsstukken.schemas import DATASETS, validate_table

EMPTY_PART = "empty.parquet"
"""The part that carries a dataset's schema while it has no rows (readers skip names starting with _ or .)."""


class SchemaViolation(Exception):
    """Rows about to be written do not match their dataset definition (a bug, not bad input)."""


def write_part(out_dir: Path, dataset: str, part: str, table: pa.Table) -> Path:
    """Validate `table` and write it atomically as `out_dir/dataset/part.parquet`."""
    return write_parts(out_dir, part, {dataset: table})[0]


def write_parts(out_dir: Path, part: str, tables: dict[str, pa.Table]) -> list[Path]:
    """Write one input file's tables for several datasets: all of them or none.

    Every table is validated and written to a hidden temporary file first; only when all are
    written are they renamed into place. A failure (a full disk) leaves no new part behind.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for dataset, table in tables.items():
            problems = validate_table(DATASETS[dataset], table)
            if problems:
                raise SchemaViolation("; ".join(str(p) for p in problems))
            folder = out_dir / dataset
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".partial", dir=folder)
            os.close(fd)
            staged.append((dataset, Path(tmp)))
            pq.write_table(table, tmp, compression="zstd")
    except BaseException:
        for _, tmp in staged:
            tmp.unlink(missing_ok=True)
        raise
    targets = []
    for dataset, tmp in staged:
        target = out_dir / dataset / f"{part}.parquet"
        os.replace(tmp, target)
        targets.append(target)
    return targets


def remove_part(out_dir: Path, part: str) -> None:
    """Remove one input file's parts from every dataset (its input changed or vanished)."""
    for name in DATASETS:
        (out_dir / name / f"{part}.parquet").unlink(missing_ok=True)


def ensure_datasets(out_dir: Path) -> None:
    """Every dataset folder exists and holds at least one Parquet file carrying its schema; parts
    written before a column was added get that column (null), so all parts read as one table."""
    for name, definition in DATASETS.items():
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        parts = [p for p in folder.glob("*.parquet") if p.name != EMPTY_PART]
        for part in parts:
            _upgrade(out_dir, name, part)
        empty = folder / EMPTY_PART
        if parts:
            empty.unlink(missing_ok=True)
        elif not empty.exists():
            write_part(out_dir, name, EMPTY_PART[:-len(".parquet")], definition.empty_table())


def _upgrade(out_dir: Path, name: str, part: Path) -> None:
    schema = DATASETS[name].schema
    current = pq.read_schema(part)
    if current.names == schema.names:
        return
    table = pq.read_table(part)
    columns = [table.column(f.name).cast(f.type) if f.name in current.names else pa.nulls(table.num_rows, f.type)
               for f in schema]
    write_part(out_dir, name, part.stem, pa.Table.from_arrays(columns, schema=schema))
