"""Validation of tables and output directories against the dataset definitions.

Used twice: before every write (a table that does not validate is never written) and by
`raadsstukken validate DIR`, which reads a whole output directory back as its consumers will.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from raadsstukken.schemas.base import Dataset
from raadsstukken.schemas.datasets import DATASETS


@dataclass(frozen=True)
class ValidationProblem:
    dataset: str
    message: str

    def __str__(self) -> str:
        return f"{self.dataset}: {self.message}"


def validate_table(dataset: Dataset, table: pa.Table, *, check_keys: bool = True) -> list[ValidationProblem]:
    """Problems of `table` against `dataset`: schema, non-null columns, enumerations, unique keys."""
    problems: list[ValidationProblem] = []

    def problem(msg: str) -> None:
        problems.append(ValidationProblem(dataset.name, msg))

    expected = dataset.schema
    schema = table.schema  # made anew at each `table.schema`: asked once
    present = set(schema.names)
    for field in expected:
        if field.name not in present:
            problem(f"missing column {field.name!r}")
            continue
        actual = schema.field(field.name).type
        if not actual.equals(field.type):
            problem(f"column {field.name!r} has type {actual}, expected {field.type}")
    if problems or not table.num_rows:
        return problems  # no rows: no nulls, no values, no keys to check
    for column in dataset.columns:
        values = table.column(column.name)
        if not column.nullable and values.null_count:
            problem(f"column {column.name!r} has {values.null_count} null values")
        if column.enum:
            allowed = pc.sum(pc.is_in(values, value_set=_value_set(column.enum))).as_py() or 0
            if allowed < len(values) - values.null_count:  # a value outside: which, in two more passes
                bad = values.filter(pc.invert(pc.is_in(values, value_set=_value_set(column.enum)))).drop_null()
                problem(f"column {column.name!r} has values outside {column.enum}: {pc.unique(bad).to_pylist()[:5]}")
        if pa.types.is_string(column.arrow_type) and not column.allow_empty:
            if pc.index(values, _EMPTY_STRING()).as_py() >= 0:  # one pass when none is empty
                lengths = pc.utf8_length(values)
                empty = pc.sum(pc.invert(pc.cast(lengths, pa.bool_()))).as_py() or 0
                problem(f"column {column.name!r} has {empty} empty strings (absent values must be null)")
    if check_keys and table.num_rows > 1:
        duplicates = _duplicate_keys(table, dataset.key)
        if duplicates:
            problem(f"{duplicates} duplicate keys {dataset.key}, e.g. {duplicates_example(table, dataset.key)}")
    return problems


@lru_cache(maxsize=None)
def _value_set(enum: tuple[str, ...]) -> pa.Array:
    """An enumeration's values as an Arrow array, for `pc.is_in` (a value is allowed exactly when it
    is one of them: what a regular expression of the escaped values, anchored, would say)."""
    data = [v.encode("utf-8") for v in enum]
    offsets = array("i", [0])
    for value in data:
        offsets.append(offsets[-1] + len(value))
    # from buffers, not `pa.array`: that imports pandas (0.3-0.5 s), which a run does not need
    return pa.Array.from_buffers(pa.string(), len(data), [None, pa.py_buffer(offsets.tobytes()), pa.py_buffer(b"".join(data))])


@lru_cache(maxsize=1)
def _EMPTY_STRING() -> pa.Scalar:  # noqa: N802 - a constant, made when first needed
    """The empty string as an Arrow scalar (from buffers: `pa.scalar` imports pandas)."""
    return _value_set(("",))[0]


def _sorted_keys(table: pa.Table, key: tuple[str, ...]) -> pa.Table:
    keys = table.select(list(key))
    return keys.take(pc.sort_indices(keys, sort_keys=[(k, "ascending") for k in key]))


def _duplicate_keys(table: pa.Table, key: tuple[str, ...]) -> int:
    """Rows whose key equals the previous row's once sorted (no pandas, no Python scalars)."""
    keys = _sorted_keys(table, key)
    n = keys.num_rows
    same = None
    for name in key:
        column = keys.column(name).combine_chunks()
        equal = pc.equal(column.slice(1), column.slice(0, n - 1))  # null keys compare as null: not counted
        same = equal if same is None else pc.and_(same, equal)
    return int(pc.sum(same).as_py() or 0)


def duplicates_example(table: pa.Table, key: tuple[str, ...]) -> dict:
    keys = _sorted_keys(table, key).to_pylist()
    return next((a for a, b in zip(keys, keys[1:]) if a == b), {})


def validate_directory(out_dir: Path, *, consistency: bool = True) -> list[ValidationProblem]:
    """Every dataset of the contract exists under `out_dir`, reads as one table and validates; with
    `consistency`, the manifest and the files agree too (see `check_consistency`)."""
    import pyarrow.dataset as pads  # here: it pulls in pandas, which a run does not need

    from raadsstukken.pipeline.writer import dataset_files

    out_dir = Path(out_dir)
    problems: list[ValidationProblem] = []
    if not (out_dir / "_manifest.json").is_file():
        problems.append(ValidationProblem("_manifest", "missing _manifest.json"))
    for name, dataset in DATASETS.items():
        folder = out_dir / name
        files = dataset_files(out_dir, name)
        if not files:
            problems.append(ValidationProblem(name, f"no Parquet files in {folder}"))
            continue
        readable = []
        for f in files:
            try:
                file_schema = pq.read_schema(f)
            except (pa.ArrowException, OSError) as exc:
                problems.append(ValidationProblem(name, f"{f.relative_to(folder)}: not a readable Parquet file ({exc})"))
                continue
            readable.append(f)
            for field in dataset.schema:
                if field.name not in file_schema.names or not file_schema.field(field.name).type.equals(field.type):
                    where = f.relative_to(folder)
                    problems.append(ValidationProblem(name, f"{where}: column {field.name!r} missing or mistyped"))
        if len(readable) < len(files):
            continue
        try:
            table = pads.dataset([str(f) for f in files], format="parquet", schema=dataset.schema).to_table()
        except (pa.ArrowException, OSError) as exc:
            problems.append(ValidationProblem(name, f"cannot read as one table: {exc}"))
            continue
        problems.extend(validate_table(dataset, table))
    if consistency and (out_dir / "_manifest.json").is_file():
        problems.extend(check_consistency(out_dir))
    return problems


def check_consistency(out_dir: Path) -> list[ValidationProblem]:
    """The manifest against the files: parts the manifest names that are missing or have other row
    counts, parts (and rows' file_ids) no manifest entry names, a part in two files, temporary files
    and an unfinished compaction a killed run left. `raadsstukken validate --repair` mends them."""
    import pyarrow.dataset as pads

    from raadsstukken.pipeline import writer
    from raadsstukken.pipeline.manifest import Manifest

    out_dir = Path(out_dir)
    problems: list[ValidationProblem] = []
    try:
        manifest = Manifest.load(out_dir)
    except (OSError, ValueError, TypeError) as exc:
        return [ValidationProblem("_manifest", f"not readable: {exc}")]
    for tmp in writer.temporary_files(out_dir):
        problems.append(ValidationProblem("_output", f"temporary file left by a killed run: {tmp.relative_to(out_dir)}"))
    for name in DATASETS:
        if (out_dir / name / writer.JOURNAL).exists():
            problems.append(ValidationProblem(name, "an interrupted compaction (its journal is there)"))
    kept = {e.part for e in manifest.files.values() if e.part}
    file_ids = {e.file_id for e in manifest.files.values()}
    for name, dataset in DATASETS.items():
        try:
            index = writer.part_index(out_dir, name)
        except (pa.ArrowException, OSError, ValueError):
            continue  # an unreadable file: reported above
        for part, places in sorted(index.items()):
            if len(places) > 1:
                where = ", ".join(str(p.file.relative_to(out_dir / name)) for p in places)
                problems.append(ValidationProblem(name, f"part {part} is in {len(places)} files ({where})"))
            if name not in ("runs", "links") and part not in kept and part not in writer.UNCOMPACTED:
                problems.append(ValidationProblem(name, f"part {part} belongs to no file of the manifest (orphan rows)"))
        for source, entry in sorted(manifest.files.items()):
            if not entry.part or entry.status not in ("ok", "partial", "needs_ocr"):
                continue
            expected = entry.datasets if entry.datasets is not None else ({"pages": -1} if name == "pages" else {})
            if name not in expected:
                continue
            places = index.get(entry.part)
            if not places:
                problems.append(ValidationProblem(name, f"{source}: its part {entry.part} is missing"))
                continue
            rows = places[0].rows
            if rows is None:
                try:
                    rows = pq.ParquetFile(places[0].file).metadata.num_rows
                except (pa.ArrowException, OSError):
                    continue
            if expected[name] >= 0 and rows != expected[name]:
                problems.append(ValidationProblem(name, f"{source}: part {entry.part} has {rows} rows, the manifest says "
                                                        f"{expected[name]}"))
        if name != "runs" and "file_id" in dataset.schema.names:
            files = writer.dataset_files(out_dir, name)
            try:
                ids = pads.dataset([str(f) for f in files], format="parquet", schema=dataset.schema).to_table(
                    columns=["file_id"]).column("file_id")
            except (pa.ArrowException, OSError):
                continue
            unknown = sorted(set(pc.unique(ids).drop_null().to_pylist()) - file_ids)
            if unknown:
                problems.append(ValidationProblem(name, f"rows of {len(unknown)} file_id(s) with no manifest entry, "
                                                        f"e.g. {unknown[0][:16]}"))
    return problems
