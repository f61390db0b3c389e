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
from typing import Any, Iterable, Mapping, Sequence

import pyarrow as pa

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
    """A dataset of the output contract: its name, record type, key columns and description."""

    name: str
    record_type: type
    key: tuple[str, ...]
    description: str

    @property
    def columns(self) -> tuple[Column, ...]:
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

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(
            [pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns],
            metadata={"dataset": self.name, "key": ",".join(self.key)},
        )

    def to_table(self, records: Iterable[Any]) -> pa.Table:
        """Build a table from records of this dataset's type (or mappings with its column names)."""
        names = [c.name for c in self.columns]
        rows: list[Mapping[str, Any]] = []
        for r in records:
            if isinstance(r, self.record_type):
                rows.append({n: getattr(r, n) for n in names})
            elif isinstance(r, Mapping):
                rows.append(r)
            else:
                raise TypeError(f"{self.name}: expected {self.record_type.__name__}, got {type(r).__name__}")
        schema = self.schema
        arrays = [pa.array([r.get(f.name) for r in rows], type=f.type) for f in schema]
        return pa.Table.from_arrays(arrays, schema=schema)

    def empty_table(self) -> pa.Table:
        return self.schema.empty_table()
