"""A file's outcome goes from its worker to the parent by pickle: its tables come back the same,
schema, field metadata, values, nulls and chunks, whether empty or not."""
from __future__ import annotations

import pickle
from datetime import datetime, timezone

import pyarrow as pa

from raadsstukken.pipeline.run import FileOutcome
from raadsstukken.schemas import DATASETS


def test_tables_survive_the_trip_to_the_parent() -> None:
    names = list(DATASETS)
    schema = pa.schema([pa.field("a", pa.int64(), nullable=False, metadata={b"doc": b"a number"}),
                        pa.field("b", pa.list_(pa.string())), pa.field("c", pa.float64())],
                       metadata={b"dataset": b"made up"})
    chunks = [pa.table({"a": [1, 2], "b": [["x"], None], "c": [0.1, -2.5e-300]}, schema=schema),
              pa.table({"a": [3], "b": [[]], "c": [None]}, schema=schema)]
    full = pa.concat_tables(chunks)
    outcome = FileOutcome("x.pdf", "0" * 64, "ok", datetime(2026, 1, 2, tzinfo=timezone.utc),
                          tables={names[0]: full, names[1]: DATASETS[names[1]].empty_table()})
    back = pickle.loads(pickle.dumps(outcome))
    got = back.tables[names[0]]
    assert got.schema.equals(full.schema, check_metadata=True)
    assert got.schema.field("a").metadata == {b"doc": b"a number"}
    assert got.to_pydict()["a"] == [1, 2, 3] and got.to_pydict()["b"] == [["x"], None, []]
    assert got.column("c").null_count == 1 and got.column("c").num_chunks == 2
    assert got.equals(full)
    empty = back.tables[names[1]]
    assert empty.num_rows == 0 and empty.schema.equals(DATASETS[names[1]].schema, check_metadata=True)
    assert (back.source_file, back.status, back.started_at) == (outcome.source_file, "ok", outcome.started_at)
