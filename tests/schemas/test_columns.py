"""Tables built from their values' buffers (`schemas.columns`) equal what Arrow's JSON reader made
of the same rows, for every dataset and for the values the fast path leaves to the reader."""
from __future__ import annotations

import enum
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsstukken.schemas import DATASETS
from raadsstukken.schemas.base import Dataset
from raadsstukken.schemas.columns import Unsupported, build_column


class Kind(str, enum.Enum):
    BODY = "body"


def _json_table(dataset: Dataset, rows: list[dict[str, Any]]) -> pa.Table:
    return dataset._finish(dataset._read_json(rows))


def _values(arrow_type: pa.DataType) -> st.SearchStrategy[Any]:
    if pa.types.is_string(arrow_type):
        return st.one_of(st.none(), st.text(max_size=12), st.just(""), st.just("é ✓ \u0000 \n\"\\"), st.just(Kind.BODY))
    if pa.types.is_int32(arrow_type):
        return st.one_of(st.none(), st.integers(-(2 ** 31), 2 ** 31 - 1))
    if pa.types.is_float64(arrow_type):
        return st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2 ** 53), 2 ** 53))
    if pa.types.is_boolean(arrow_type):
        return st.one_of(st.none(), st.booleans())
    if pa.types.is_date32(arrow_type):
        return st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
    if pa.types.is_timestamp(arrow_type):
        zones = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=2)), timezone(timedelta(hours=-5, minutes=-30))])
        return st.one_of(st.none(), st.datetimes(datetime(1971, 1, 1), datetime(2100, 1, 1), timezones=zones))
    if pa.types.is_list(arrow_type):
        return st.one_of(st.none(), st.lists(_values(arrow_type.value_type), max_size=4),
                         st.lists(_values(arrow_type.value_type), max_size=3).map(tuple))
    if pa.types.is_struct(arrow_type):
        fields = [arrow_type.field(i) for i in range(arrow_type.num_fields)]
        return st.one_of(st.none(), st.fixed_dictionaries({}, optional={f.name: _values(f.type) for f in fields}))
    raise AssertionError(f"no strategy for {arrow_type}")


def _rows(dataset: Dataset) -> st.SearchStrategy[list[dict[str, Any]]]:
    row = st.fixed_dictionaries({c.name: _values(c.arrow_type) for c in dataset.columns})
    return st.lists(row, min_size=1, max_size=6)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_dataset_builds_the_table_the_json_reader_builds(name):
    dataset = DATASETS[name]

    @settings(max_examples=40, deadline=None, derandomize=True)
    @given(_rows(dataset))
    def check(rows):
        built = dataset.to_table(rows)
        read = _json_table(dataset, rows)
        assert built.schema == read.schema and built.schema.metadata == read.schema.metadata
        assert built.equals(read, check_metadata=True)
        assert built.to_pylist() == read.to_pylist()

    check()


def test_a_missing_required_value_keeps_the_loose_schema_as_before():
    pages = DATASETS["pages"]
    rows = [{c.name: None for c in pages.columns}]
    built = pages.to_table(rows)
    assert built.equals(_json_table(pages, rows), check_metadata=True)
    assert all(f.nullable for f in built.schema)


@pytest.mark.parametrize("arrow_type, value", [
    (pa.int32(), True), (pa.int32(), 2 ** 31), (pa.int32(), 1.0), (pa.float64(), float("nan")),
    (pa.float64(), float("inf")), (pa.float64(), 2 ** 60), (pa.float64(), False), (pa.bool_(), 1),
    (pa.date32(), datetime(2024, 1, 1)), (pa.string(), 5), (pa.string(), "\ud800"),
    (pa.list_(pa.string()), "abc"), (pa.list_(pa.string()), {"a"}),
    (pa.list_(pa.struct([("role", pa.string())])), [{"role": "x", "other": "y"}]),
    (pa.list_(pa.struct([("role", pa.string())])), [["x"]]),
])
def test_values_the_json_reader_reads_otherwise_are_left_to_it(arrow_type, value):
    with pytest.raises(Unsupported):
        build_column(arrow_type, [value])


def test_a_table_with_such_a_value_is_read_through_json_as_before():
    amounts = DATASETS["amounts"]
    row = {c.name: None for c in amounts.columns}
    with pytest.raises(ValueError):  # json refuses NaN, before and after
        amounts.to_table([{**row, "amount_eur": float("nan")}])
    big = {**row, "amount_eur": 2 ** 60}
    assert amounts.to_table([big]).equals(_json_table(amounts, [big]))


def test_building_tables_does_not_import_pandas():
    code = ("import sys\nfrom raadsstukken.schemas import DATASETS, validate_table\n"
            "for d in DATASETS.values():\n"
            "    validate_table(d, d.to_table([{c.name: None for c in d.columns}]))\n"
            "print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
