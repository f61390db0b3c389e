"""Reading a dataset of an output directory as plain Python rows (None for null, ISO text for dates
and timestamps), for the audit tools: no pandas NA, so no "boolean value of NA is ambiguous"."""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pyarrow.dataset as pads

from raadsstukken.schemas import DATASETS


def plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def read_rows(out: Path, name: str) -> list[dict[str, Any]]:
    """Every row of dataset `name` in `out` (none when the folder is missing or empty)."""
    from raadsstukken.pipeline.writer import dataset_files

    files = [str(p) for p in dataset_files(out, name)]
    if not files:
        return []
    table = pads.dataset(files, format="parquet", schema=DATASETS[name].schema).to_table()
    return [{k: plain(v) for k, v in row.items()} for row in table.to_pylist()]
