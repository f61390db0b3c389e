"""One definition per dataset: a record dataclass whose fields carry their Arrow type.

From that single definition come the pyarrow schema used for writing, the key columns used by
the diff audit, the validation rules and the data dictionary. A dataset is declared as::

    @dataclass(frozen=True)
    class PageRecord:
        file_id: str = column(pa.string(), "sha256 of the PDF bytes", nullable=False)
        ...

    PAGES = Dataset("pages", PageRecord, key=("file_id", "page"), description="...")
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Mapping, Sequence

import io
import json
from datetime import date, datetime, timezone

import pyarrow as pa
import pyarrow.json as pajson

from raadsstukken.schemas.columns import Unsupported, build_column

BBOX_TYPE = pa.list_(pa.float64())
"""A bounding box ``[x0, top, x1, bottom]`` in PDF points, origin top-left (pdfplumber)."""


def column(
    arrow_type: pa.DataType,
    description: str,
    *,
    nullable: bool = True,
    enum: Sequence[str] | None = None,
    allow_empty: bool = False,
) -> Any:
    """Declare a dataset column as a dataclass field with its Arrow type and documentation.

    Absent values are null, so strings may not be empty unless `allow_empty` says an empty string
    is a value of its own (the text of an empty table cell).
    """
    return field(
        default=None,
        metadata={
            "arrow_type": arrow_type,
            "description": description,
            "nullable": nullable,
            "enum": tuple(enum) if enum else None,
            "allow_empty": allow_empty,
        },
    )


@dataclass(frozen=True)
class Column:
    """A column of a dataset, as read off the record definition."""

    name: str
    arrow_type: pa.DataType
    description: str
    nullable: bool
    enum: tuple[str, ...] | None
    allow_empty: bool = False


@dataclass(frozen=True)
class Dataset:
    """A dataset of the output contract: its name, record type, key columns and description, and
    the mapper that turns a file's document result into its rows (with the result fields it reads;
    `pipeline.stages.STAGES` says which stage assigns each)."""

    name: str
    record_type: type
    key: tuple[str, ...]
    description: str
    rows: Callable[[Any], list[Any]] | None = None
    """The mapper: a `FileResult` to this dataset's records (None: written by the run itself)."""
    reads: tuple[str, ...] = ()
    """The result fields the mapper reads."""

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        """Computed once per dataset (a frozen definition): every table built and validated asks."""
        return tuple(
            Column(
                name=f.name,
                arrow_type=f.metadata["arrow_type"],
                description=f.metadata["description"],
                nullable=f.metadata["nullable"],
                enum=f.metadata["enum"],
                allow_empty=f.metadata.get("allow_empty", False),
            )
            for f in dataclasses.fields(self.record_type)
        )

    @cached_property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns],
            metadata={"dataset": self.name, "key": ",".join(self.key)},
        )

    def to_table(self, records: Iterable[Any]) -> pa.Table:
        """Build a table from records of this dataset's type (or mappings with its column names).

        The columns are built from their values' buffers (`schemas.columns`); rows holding a value
        that path does not take go through Arrow's JSON reader as before, rather than `pa.array` on
        Python objects: that path makes pyarrow import pandas (0.15 s), which the quick path of an
        incremental run avoids.
        """
        names = [c.name for c in self.columns]
        rows: list[dict[str, Any]] = []
        for r in records:
            if isinstance(r, self.record_type):
                rows.append({n: getattr(r, n) for n in names})
            elif isinstance(r, Mapping):
                rows.append({n: r.get(n) for n in names})
            else:
                raise TypeError(f"{self.name}: expected {self.record_type.__name__}, got {type(r).__name__}")
        if not rows:
            return self.empty_table()
        try:
            columns = [build_column(f.type, [row[f.name] for row in rows]) for f in self._loose_schema]
        except Unsupported:
            return self._finish(self._read_json(rows))
        return self._finish(pa.Table.from_arrays(columns, schema=self._loose_schema))

    @cached_property
    def _loose_schema(self) -> pa.Schema:
        """The schema with every field nullable: rows are read with it, so a missing required value
        is reported by validation."""
        return pa.schema([f.with_nullable(True) for f in self.schema])

    def _read_json(self, rows: list[dict[str, Any]]) -> pa.Table:
        """The rows through Arrow's JSON reader, in the calling thread (its thread pool costs more
        CPU than it saves on a file's tables, and a run's workers are the parallelism)."""
        lines = [json.dumps(row, default=_json_value, ensure_ascii=False, allow_nan=False) for row in rows]
        options = pajson.ParseOptions(explicit_schema=self._loose_schema, newlines_in_values=False)
        table = pajson.read_json(io.BytesIO("\n".join(lines).encode("utf-8")), parse_options=options,
                                 read_options=pajson.ReadOptions(block_size=1 << 24, use_threads=False))
        return table.select([c.name for c in self.columns])

    def _finish(self, table: pa.Table) -> pa.Table:
        """A table read with the loose schema, given this dataset's schema."""
        columns = table.columns
        if all(c.type.equals(f.type) and (f.nullable or not c.null_count) for c, f in zip(columns, self.schema)):
            return pa.Table.from_arrays(columns, schema=self.schema)  # what the cast gives, without its passes
        try:
            return table.cast(self.schema)
        except ValueError:  # a required value is missing: keep it visible to validation
            return table.cast(self._loose_schema)

    def empty_table(self) -> pa.Table:
        """A table of no rows (made once: tables are immutable, and most of a file's are empty)."""
        return self._empty

    @cached_property
    def _empty(self) -> pa.Table:
        # not `schema.empty_table()`: that imports pandas (0.5-1 s of every run's process)
        return pa.Table.from_arrays([pa.nulls(0, f.type) for f in self.schema], schema=self.schema)


EPOCH = date(1970, 1, 1)


def _json_value(value: Any) -> Any:
    """JSON for what `json` cannot write: timestamps as ISO text in UTC, dates as days since 1970
    (Arrow's date32)."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(timezone.utc).replace(tzinfo=None)
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return (value - EPOCH).days
    raise TypeError(f"cannot write {type(value).__name__} to a dataset")
