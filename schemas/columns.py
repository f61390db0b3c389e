"""Arrow columns built from Python values through their buffers, as the JSON reader would read them.

`Dataset.to_table` used to write a file's rows as JSON lines and have Arrow's JSON reader parse
them back (`pa.array` on Python objects would import pandas, 0.15-0.5 s of every run's process).
The reader costs 0.15-1 ms a table whatever its size (a file makes 14 tables; the development
corpus's 94 files 1,128, most of them a few rows): a tenth of a file's work there. Here the
values go straight into the buffers Arrow would have made (validity bits, offsets, values) for
the types the datasets use: strings, 32-bit integers, doubles, booleans, dates, UTC timestamps
in microseconds, and lists and structs of them.

Only values whose JSON reading is plain are taken: a string, an int (not a bool) within int32 for
an integer, an int below 2**53 or a finite float for a double, a bool, a `date` that is no
`datetime` for a date, a `datetime` for a timestamp (turned to UTC as `base._json_value` does), a
list or tuple for a list, a dict with string keys of the struct's fields for a struct. Anything else
(a NaN, a number of another kind, an unknown key, a string that is no valid UTF-8 text) raises
`Unsupported`, and the caller reads the rows through JSON as before, which gives the same table or
the same error as before.
"""
from __future__ import annotations

from array import array
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Callable, Sequence

import pyarrow as pa

INT32 = (-(2 ** 31), 2 ** 31 - 1)
EXACT_DOUBLE = 2 ** 53
"""Integers up to this size are doubles exactly; past it the JSON reader's rounding is not ours to copy."""
EPOCH_DATE = date(1970, 1, 1)
EPOCH = datetime(1970, 1, 1)
MICROSECOND = timedelta(microseconds=1)
MAX_OFFSET = 2 ** 31 - 1
"""Strings and lists use 32-bit offsets: a column past this many bytes or items is left to JSON."""


class Unsupported(Exception):
    """A value this module does not turn into Arrow the way the JSON reader does."""


def build_column(arrow_type: pa.DataType, values: Sequence[Any]) -> pa.Array:
    """An Arrow array of `arrow_type` holding `values` (None is null), or `Unsupported`."""
    return _builder(arrow_type)(values)


@lru_cache(maxsize=None)
def _builder(arrow_type: pa.DataType) -> Callable[[Sequence[Any]], pa.Array]:
    if pa.types.is_string(arrow_type):
        return _strings
    if pa.types.is_int32(arrow_type):
        return _int32s
    if pa.types.is_float64(arrow_type):
        return _doubles
    if pa.types.is_boolean(arrow_type):
        return _bools
    if pa.types.is_date32(arrow_type):
        return _dates
    if pa.types.is_timestamp(arrow_type) and arrow_type.unit == "us" and arrow_type.tz in ("UTC", "+00:00"):
        return lambda values: _timestamps(arrow_type, values)
    if pa.types.is_list(arrow_type):
        item = _builder(arrow_type.value_type)
        return lambda values: _lists(arrow_type, item, values)
    if pa.types.is_struct(arrow_type):
        fields = [(arrow_type.field(i).name, _builder(arrow_type.field(i).type)) for i in range(arrow_type.num_fields)]
        return lambda values: _structs(arrow_type, fields, values)
    raise Unsupported(f"type {arrow_type}")


def _validity(values: Sequence[Any]) -> tuple[pa.Buffer | None, int]:
    """The validity bitmap of `values` (None where nothing is null) and the number of nulls."""
    nulls = sum(1 for v in values if v is None)
    if not nulls:
        return None, 0
    return _bits([v is not None for v in values]), nulls


def _bits(flags: Sequence[bool]) -> pa.Buffer:
    """Flags packed as Arrow bitmaps are: least significant bit first."""
    packed = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            packed[i >> 3] |= 1 << (i & 7)
    return pa.py_buffer(bytes(packed))


def _strings(values: Sequence[Any]) -> pa.Array:
    offsets = array("i", [0])
    data: list[bytes] = []
    end = 0
    for v in values:
        if v is not None:
            if not isinstance(v, str):
                raise Unsupported(f"{type(v).__name__} in a string column")
            try:
                encoded = v.encode("utf-8")  # a str subclass (an enum member) by its value, as json writes it
            except UnicodeEncodeError as exc:
                raise Unsupported("not UTF-8 text") from exc
            end += len(encoded)
            data.append(encoded)
        offsets.append(end)
    if end > MAX_OFFSET:
        raise Unsupported("string column over 2 GB")
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(pa.string(), len(values), [validity, pa.py_buffer(offsets.tobytes()),
                                                            pa.py_buffer(b"".join(data))], null_count=nulls)


def _int32s(values: Sequence[Any]) -> pa.Array:
    out = array("i")
    for v in values:
        if v is None:
            out.append(0)
        elif type(v) is not int or not INT32[0] <= v <= INT32[1]:
            raise Unsupported(f"{v!r} in an int32 column")
        else:
            out.append(v)
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(pa.int32(), len(values), [validity, pa.py_buffer(out.tobytes())], null_count=nulls)


def _doubles(values: Sequence[Any]) -> pa.Array:
    out = array("d")
    for v in values:
        if v is None:
            out.append(0.0)
        elif type(v) is float and v - v == 0.0:  # finite: json refuses NaN and infinities
            out.append(v)
        elif type(v) is int and -EXACT_DOUBLE <= v <= EXACT_DOUBLE:
            out.append(float(v))
        else:
            raise Unsupported(f"{v!r} in a double column")
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(pa.float64(), len(values), [validity, pa.py_buffer(out.tobytes())], null_count=nulls)


def _bools(values: Sequence[Any]) -> pa.Array:
    for v in values:
        if v is not None and type(v) is not bool:
            raise Unsupported(f"{v!r} in a bool column")
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(pa.bool_(), len(values), [validity, _bits([v is True for v in values])],
                                 null_count=nulls)


def _dates(values: Sequence[Any]) -> pa.Array:
    out = array("i")
    for v in values:
        if v is None:
            out.append(0)
        elif type(v) is not date:  # a datetime is written as text, which a date column does not read
            raise Unsupported(f"{v!r} in a date column")
        else:
            out.append((v - EPOCH_DATE).days)
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(pa.date32(), len(values), [validity, pa.py_buffer(out.tobytes())], null_count=nulls)


def _timestamps(arrow_type: pa.DataType, values: Sequence[Any]) -> pa.Array:
    out = array("q")
    for v in values:
        if v is None:
            out.append(0)
        elif not isinstance(v, datetime):
            raise Unsupported(f"{v!r} in a timestamp column")
        else:
            if v.tzinfo is not None:  # as base._json_value writes it: in UTC, without its zone
                v = v.astimezone(timezone.utc).replace(tzinfo=None)
            out.append((v - EPOCH) // MICROSECOND)
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(out.tobytes())], null_count=nulls)


def _lists(arrow_type: pa.DataType, item: Callable[[Sequence[Any]], pa.Array], values: Sequence[Any]) -> pa.Array:
    offsets = array("i", [0])
    items: list[Any] = []
    for v in values:
        if v is not None:
            if not isinstance(v, (list, tuple)):
                raise Unsupported(f"{type(v).__name__} in a list column")
            items.extend(v)
        offsets.append(len(items))
    if len(items) > MAX_OFFSET:
        raise Unsupported("list column over 2**31 items")
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(arrow_type, len(values), [validity, pa.py_buffer(offsets.tobytes())],
                                 null_count=nulls, children=[item(items)])


def _structs(arrow_type: pa.DataType, fields: list[tuple[str, Callable[[Sequence[Any]], pa.Array]]],
             values: Sequence[Any]) -> pa.Array:
    names = {name for name, _ in fields}
    for v in values:
        if v is not None and (type(v) is not dict or not names.issuperset(v) or not all(type(k) is str for k in v)):
            raise Unsupported("a struct value that is no dict of its fields")
    children = [build([None if v is None else v.get(name) for v in values]) for name, build in fields]
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(arrow_type, len(values), [validity], null_count=nulls, children=children)
