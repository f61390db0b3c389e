"""Writing datasets: validated, atomic parts, compacted into a few segment files per dataset.

A run writes one *part* per input file and dataset (`<dataset>/<part>.parquet`, the part named by
the file's id), and none for a dataset where the file has no rows; a large run writes its files'
rows in batches straight as segments instead (`write_segments`), what compaction would make of
their parts. A part is written to a hidden
temporary file and renamed into place, so no reader ever sees half a file; every table is
validated against its dataset definition first.

Compaction (`compact`) merges parts into *segments* (`<dataset>/seg-<id>.parquet`, or under
`<dataset>/<code>/<year>/` when partitioned) of about `SEGMENT_BYTES`, one row group per few
sources; the footer of a segment lists which part each run of rows came from
(`raadsstukken.parts`), so a changed or pruned input's rows can still be replaced or removed. A
compaction is journaled (`<dataset>/_compact.json`): a crash half-way is rolled forward by the
next writer. Readers see one table whatever the mix of parts and segments.
"""
from __future__ import annotations

import errno
import json
import logging
import os
import re
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from raadsstukken.schemas import DATASETS, validate_table

_log = logging.getLogger(__name__)

EMPTY_PART = "empty.parquet"
"""The part that carries a dataset's schema while it has no rows (readers skip names starting with _ or .)."""
SEGMENT_PREFIX = "seg-"
PARTS_KEY = b"raadsstukken.parts"
"""Footer metadata of a segment: JSON list of [part, rows] in row order."""
JOURNAL = "_compact.json"
TEMP_PREFIX = ".tmp-"
SEGMENT_BYTES = 128 * 1024 * 1024
"""Target size of a segment; segments under half of it are merged again by the next compaction."""
ROW_GROUP_ROWS = 128 * 1024
"""Rows per row group of a segment (whole sources: a source's rows are never split over two groups
unless it alone has more)."""
AUTO_COMPACT_PARTS = 32
"""A run compacts a dataset when it holds at least this many loose parts (or small segments)."""
UNCOMPACTED = frozenset({"empty", "cross-document"})
"""Parts rewritten whole by every run (the schema carrier, the links): never merged into a segment."""
PARTITION_COLUMNS = ("municipality_code", "year")
"""What `compact --partition-by` accepts: the CBS code of the file's first document, and the year of
its document date (or the harvester's published date)."""


class SchemaViolation(Exception):
    """Rows about to be written do not match their dataset definition (a bug, not bad input)."""


def file_mode() -> int:
    """The mode a new file gets under this process's umask (mkstemp would give 0600)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it (not thread-safe, so only as a fallback)
    os.umask(mask)
    return 0o666 & ~mask


def temporary(folder: Path, suffix: str) -> Path:
    """A new hidden temporary file in `folder`, with the umask's mode."""
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=suffix, dir=folder)
    os.fchmod(fd, file_mode())
    os.close(fd)
    return Path(tmp)


def write_part(out_dir: Path, dataset: str, part: str, table: pa.Table) -> Path | None:
    """Validate `table` and write it atomically as `out_dir/dataset/part.parquet` (an empty table
    removes the part instead)."""
    written = write_parts(out_dir, part, {dataset: table})
    return written[0] if written else None


def write_parts(out_dir: Path, part: str, tables: dict[str, pa.Table], validated: bool = False) -> list[Path]:
    """Write one input file's tables for several datasets: all of them or none.

    Every table is validated (unless `validated`: the worker that made a file's tables validated
    them already, so a run does not do it twice) and written to a hidden temporary file first;
    only when all are written are they renamed into place. A failure (a full disk) leaves no new
    part behind. A dataset whose table is empty gets no part (an earlier one of the same name is
    removed).
    """
    staged: list[tuple[str, Path]] = []
    empty: list[str] = []
    try:
        for dataset, table in tables.items():
            problems = [] if validated else validate_table(DATASETS[dataset], table)
            if problems:
                raise SchemaViolation("; ".join(str(p) for p in problems))
            if table.num_rows == 0 and part + ".parquet" != EMPTY_PART:
                empty.append(dataset)
                continue
            folder = out_dir / dataset
            folder.mkdir(parents=True, exist_ok=True)
            if _part_file(out_dir, dataset, part) is None:
                raise OSError(errno.EPERM, f"refusing to write part {part!r} of {dataset} outside {out_dir}")
            tmp = temporary(folder, ".partial")
            staged.append((dataset, tmp))
            pq.write_table(table, tmp, compression="zstd")
    except BaseException:
        for _, tmp in staged:
            _unlink_quietly(tmp)
        raise
    targets = []
    try:
        for dataset, tmp in staged:
            target = out_dir / dataset / f"{part}.parquet"
            os.replace(tmp, target)
            targets.append(target)
    except BaseException:
        for _, tmp in staged:
            _unlink_quietly(tmp)
        raise
    for dataset in empty:
        path = _part_file(out_dir, dataset, part)
        if path is not None:
            path.unlink(missing_ok=True)
    return targets


def write_segments(out_dir: Path, batch: list[tuple[str, dict[str, pa.Table]]], replace: Iterable[str] = ()) -> None:
    """Write the tables of several input files at once, straight as segments (what `compact`
    makes of their parts: one segment per dataset, the parts in name order, split at about
    SEGMENT_BYTES), so a large run writes each row once instead of a part per file that its
    compaction reads back and writes again. The rows are the same.

    `batch` is [(part, {dataset: table})] of validated tables (the worker validated them).
    `replace`: parts of the batch that the output already holds (an earlier run's rows of the
    same input): they are removed first, and only then are the new segments renamed into place
    (journaled like a compaction, so a crash half-way is rolled forward). A crash in between
    leaves those parts absent, never doubled: their manifest entries then name rows that are not
    there and the next run extracts them again. Nothing of the batch is visible until its
    segments are renamed in; a failure before that (a full disk) leaves none of them.
    """
    staged: dict[str, list[tuple[str, str]]] = {}
    try:
        for name in DATASETS:
            items = sorted(((part, conform(tables[name], name)) for part, tables in batch
                            if name in tables and tables[name].num_rows), key=lambda item: item[0])
            if not items:
                continue
            folder = out_dir / name
            folder.mkdir(parents=True, exist_ok=True)
            for chunk in _by_size(items):
                tmp = temporary(folder, ".partial")
                staged.setdefault(name, []).append(
                    (tmp.name, f"{SEGMENT_PREFIX}{uuid.uuid4().hex[:12]}.parquet"))
                _write_segment(tmp, name, [(p, t.num_rows) for p, t in chunk], [t for _, t in chunk])
    except BaseException:
        for name, adds in staged.items():
            for tmp_name, _ in adds:
                _unlink_quietly(out_dir / name / tmp_name)
        raise
    remove_parts(out_dir, replace)
    for name, adds in staged.items():
        folder = out_dir / name
        journal = temporary(folder, ".json")
        journal.write_text(json.dumps({"add": adds, "remove": []}), encoding="utf-8")
        os.replace(journal, folder / JOURNAL)
        _roll_forward(folder)
        (folder / EMPTY_PART).unlink(missing_ok=True)


def _unlink_quietly(path: Path) -> None:
    """Remove a temporary file; on a read-only remount it stays, and the next run removes it."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


# -- where a part's rows are -------------------------------------------------------------------


@dataclass(frozen=True)
class Location:
    file: Path
    offset: int
    rows: int | None
    """Rows of the part (None for a loose part: the whole file)."""

    @property
    def in_segment(self) -> bool:
        return self.file.name.startswith(SEGMENT_PREFIX)


def dataset_files(out_dir: Path, name: str) -> list[Path]:
    """Every Parquet file of a dataset (parts and segments, partition folders included), sorted."""
    folder = Path(out_dir) / name
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*.parquet")
                  if not any(s.startswith((".", "_")) for s in p.relative_to(folder).parts))


def segment_parts(path: Path) -> list[tuple[str, int]]:
    meta = pq.read_schema(path).metadata or {}
    return [(str(p), int(n)) for p, n in json.loads(meta.get(PARTS_KEY, b"[]"))]


def part_index(out_dir: Path, name: str) -> dict[str, list[Location]]:
    """{part: where its rows are} for one dataset; a part in two places is a crash's leftover."""
    index: dict[str, list[Location]] = {}
    for path in dataset_files(out_dir, name):
        if path.name.startswith(SEGMENT_PREFIX):
            offset = 0
            for part, rows in segment_parts(path):
                index.setdefault(part, []).append(Location(path, offset, rows))
                offset += rows
        elif path.name != EMPTY_PART:
            index.setdefault(path.stem, []).append(Location(path, 0, None))
    return index


def loose_parts(out_dir: Path, name: str) -> set[str]:
    """Names of the loose parts of a dataset (a directory listing, no footer read)."""
    folder = Path(out_dir) / name
    try:
        with os.scandir(folder) as it:
            return {e.name[:-8] for e in it if e.name.endswith(".parquet") and e.name != EMPTY_PART
                    and not e.name.startswith((SEGMENT_PREFIX, ".", "_"))}
    except FileNotFoundError:
        return set()


def present_parts(out_dir: Path) -> dict[str, set[str]]:
    """{dataset: parts it holds} over loose parts and segments (footers of the few segments only)."""
    out: dict[str, set[str]] = {}
    for name in DATASETS:
        parts = loose_parts(out_dir, name)
        for path in dataset_files(out_dir, name):
            if path.name.startswith(SEGMENT_PREFIX):
                parts.update(p for p, _ in segment_parts(path))
        out[name] = parts
    return out


# -- removing parts ----------------------------------------------------------------------------


def remove_part(out_dir: Path, part: str) -> None:
    """Remove one input file's rows from every dataset (its input changed or vanished)."""
    remove_parts(out_dir, {part})


def remove_parts(out_dir: Path, parts: Iterable[str], *, loose: bool = True, segments: bool = True) -> None:
    """Remove the rows of `parts` from every dataset: loose files are deleted, segments holding
    them are rewritten once each without them."""
    parts = set(parts)
    if not parts:
        return
    for name in DATASETS:
        if loose:
            for part in parts:
                path = _part_file(out_dir, name, part)
                if path is not None:
                    path.unlink(missing_ok=True)
        if not segments:
            continue
        for path in dataset_files(out_dir, name):
            if path.name.startswith(SEGMENT_PREFIX):
                listed = segment_parts(path)
                if any(p in parts for p, _ in listed):
                    _rewrite_segment(path, name, [(p, n) for p, n in listed], keep=lambda p: p not in parts)


def _rewrite_segment(path: Path, name: str, listed: list[tuple[str, int]], keep) -> None:
    table = conform(pq.ParquetFile(path).read(), name)
    pieces, kept, offset = [], [], 0
    for part, rows in listed:
        if keep(part):
            pieces.append(table.slice(offset, rows))
            kept.append((part, rows))
        offset += rows
    if not kept:
        path.unlink(missing_ok=True)
        return
    tmp = temporary(path.parent, ".partial")
    try:
        _write_segment(tmp, name, kept, pieces)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def settle(out_dir: Path, stale: Iterable[str] = ()) -> int:
    """Remove from segments the rows of `stale` parts and of every part that also exists loose (a
    loose part is always newer than a segment's copy: compaction deletes the loose parts it merges).
    Each segment is rewritten at most once; returns how many were."""
    stale = set(stale)
    rewritten = 0
    for name in DATASETS:
        segments = [p for p in dataset_files(out_dir, name) if p.name.startswith(SEGMENT_PREFIX)]
        if not segments:
            continue
        drop = stale | loose_parts(out_dir, name)
        for path in segments:
            listed = segment_parts(path)
            if any(p in drop for p, _ in listed):
                _rewrite_segment(path, name, listed, keep=lambda p, drop=drop: p not in drop)
                rewritten += 1
    return rewritten


def conform(table: pa.Table, name: str) -> pa.Table:
    """`table` with exactly its dataset's columns (a column added since it was written: null)."""
    schema = DATASETS[name].schema
    if table.schema.names == schema.names and table.schema.equals(schema, check_metadata=False):
        return table.replace_schema_metadata(schema.metadata)
    columns = [table.column(f.name).cast(f.type) if f.name in table.schema.names else pa.nulls(table.num_rows, f.type)
               for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def _write_segment(path: Path, name: str, listed: list[tuple[str, int]], pieces: list[pa.Table]) -> None:
    schema = DATASETS[name].schema
    metadata = dict(schema.metadata or {})
    metadata[PARTS_KEY] = json.dumps(listed, separators=(",", ":")).encode()
    schema = schema.with_metadata(metadata)
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for group in _row_groups(pieces):
            writer.write_table(pa.concat_tables(group).cast(schema), row_group_size=max(ROW_GROUP_ROWS, 1))


def _row_groups(pieces: list[pa.Table]) -> Iterator[list[pa.Table]]:
    group: list[pa.Table] = []
    rows = 0
    for piece in pieces:
        if group and rows + piece.num_rows > ROW_GROUP_ROWS:
            yield group
            group, rows = [], 0
        group.append(piece)
        rows += piece.num_rows
    if group:
        yield group


# -- compaction --------------------------------------------------------------------------------


@dataclass
class CompactionStats:
    dataset: str
    files_before: int
    files_after: int


def compact(out_dir: Path, datasets: Iterable[str] | None = None, *, partition_by: tuple[str, ...] = (),
            min_parts: int = 1, partitions: dict[str, tuple[str, ...]] | None = None) -> list[CompactionStats]:
    """Merge each dataset's loose parts (and small segments) into segments of about SEGMENT_BYTES.

    `min_parts`: leave a dataset alone while it has fewer loose parts. `partition_by` (columns of
    PARTITION_COLUMNS) puts each input file's rows under folders named by their values (`GM0150/2024/`); `partitions`
    maps a part to its values (see `partition_values`). Returns the files before and after per dataset.
    """
    stats = []
    whole = partition_by
    for name in datasets or DATASETS:
        partition_by = () if name in ("runs", "links") else whole  # rows of runs, not of input files
        folder = out_dir / name
        if not folder.is_dir():
            continue
        recover(out_dir, name)
        before = dataset_files(out_dir, name)
        loose = [p for p in before if not p.name.startswith(SEGMENT_PREFIX) and p.stem not in UNCOMPACTED]
        small = [p for p in before if p.name.startswith(SEGMENT_PREFIX) and p.stat().st_size < SEGMENT_BYTES // 2]
        misplaced = [p for p in before if p.name.startswith(SEGMENT_PREFIX) and p not in small
                     and _partition_dir(folder, p) != _expected_dir(partition_by, partitions, segment_parts(p))]
        per_folder: dict[Path, int] = {}
        for p in small:
            per_folder[p.parent] = per_folder.get(p.parent, 0) + 1
        mergeable = any(n > 1 for n in per_folder.values()) or any(
            _partition_dir(folder, p) != _expected_dir(partition_by, partitions, segment_parts(p)) for p in small)
        # small segments count like loose parts: a large run writes its rows as segments (write_segments), and
        # the tail segment each such run leaves would otherwise pile up run after run
        if misplaced or (loose and len(loose) >= min_parts) or (mergeable and (min_parts <= 1 or len(small) >= min_parts)):
            pass
        else:
            stats.append(CompactionStats(name, len(before), len(before)))
            continue
        sources = small + misplaced + loose
        _compact_files(out_dir, name, sources, partition_by, partitions or {})
        after = dataset_files(out_dir, name)
        empty = folder / EMPTY_PART
        if empty.exists() and len(after) > 1:
            empty.unlink()
            after = dataset_files(out_dir, name)
        stats.append(CompactionStats(name, len(before), len(after)))
    return stats


def _partition_dir(folder: Path, path: Path) -> tuple[str, ...]:
    return path.parent.relative_to(folder).parts


def _expected_dir(partition_by: tuple[str, ...], partitions: dict[str, tuple[str, ...]] | None,
                  listed: list[tuple[str, int]]) -> tuple[str, ...]:
    if not partition_by or not listed:
        return ()
    values = (partitions or {}).get(listed[0][0])
    return _partition_path(partition_by, values)


def _partition_path(partition_by: tuple[str, ...], values: tuple[str, ...] | None) -> tuple[str, ...]:
    if not partition_by:
        return ()
    values = values or tuple("" for _ in partition_by)
    # plain folder names, not hive's column=value: the column would clash with the one in the rows
    return tuple(_safe(v) if v else "unknown" for v in values)


def _safe(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]", "_", value)


def _compact_files(out_dir: Path, name: str, sources: list[Path], partition_by: tuple[str, ...],
                   partitions: dict[str, tuple[str, ...]]) -> None:
    folder = out_dir / name
    # read every source's parts, grouped by their target folder
    groups: dict[tuple[str, ...], list[tuple[str, pa.Table]]] = {}
    with ThreadPoolExecutor(max_workers=min(8, (os.cpu_count() or 1) * 2)) as threads:  # Arrow reads without the GIL
        tables = list(threads.map(lambda p: conform(pq.ParquetFile(p).read(), name), sources))
    for path, table in zip(sources, tables):
        if path.name.startswith(SEGMENT_PREFIX):
            offset = 0
            for part, rows in segment_parts(path):
                key = _partition_path(partition_by, partitions.get(part)) if partition_by else ()
                groups.setdefault(key, []).append((part, table.slice(offset, rows)))
                offset += rows
        else:
            key = _partition_path(partition_by, partitions.get(path.stem)) if partition_by else ()
            groups.setdefault(key, []).append((path.stem, table))
    adds: list[tuple[str, str]] = []
    try:
        for key, items in sorted(groups.items()):
            target = folder.joinpath(*key) if key else folder
            target.mkdir(parents=True, exist_ok=True)
            items.sort(key=lambda item: item[0])
            for chunk in _by_size(items):
                tmp = temporary(target, ".partial")
                adds.append((str(tmp.relative_to(folder)), str((target / f"{SEGMENT_PREFIX}{uuid.uuid4().hex[:12]}.parquet")
                                                              .relative_to(folder))))
                _write_segment(tmp, name, [(p, t.num_rows) for p, t in chunk], [t for _, t in chunk])
    except BaseException:
        for tmp_name, _ in adds:
            (folder / tmp_name).unlink(missing_ok=True)
        raise
    journal = {"add": adds, "remove": [str(p.relative_to(folder)) for p in sources]}
    tmp = temporary(folder, ".json")
    tmp.write_text(json.dumps(journal), encoding="utf-8")
    os.replace(tmp, folder / JOURNAL)
    _roll_forward(folder)


def _by_size(items: list[tuple[str, pa.Table]]) -> Iterator[list[tuple[str, pa.Table]]]:
    chunk: list[tuple[str, pa.Table]] = []
    size = 0
    for part, table in items:
        n = table.nbytes // 4 + 1  # zstd Parquet is several times smaller than Arrow in memory
        if chunk and size + n > SEGMENT_BYTES:
            yield chunk
            chunk, size = [], 0
        chunk.append((part, table))
        size += n
    if chunk:
        yield chunk


def _roll_forward(folder: Path) -> None:
    journal = folder / JOURNAL
    data = json.loads(journal.read_text(encoding="utf-8"))
    for tmp_name, final in data["add"]:
        tmp = folder / tmp_name
        if tmp.exists():
            os.replace(tmp, folder / final)
    for removed in data["remove"]:
        (folder / removed).unlink(missing_ok=True)
    journal.unlink()
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        try:
            sub.rmdir()  # an emptied partition folder
        except OSError:
            pass


def recover(out_dir: Path, name: str) -> bool:
    """Finish a compaction a crash interrupted (its journal is there). True when one was finished."""
    folder = out_dir / name
    if (folder / JOURNAL).exists():
        _roll_forward(folder)
        return True
    return False


def temporary_files(out_dir: Path) -> list[Path]:
    """Hidden temporary files under `out_dir` (what a killed writer leaves)."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        return []
    found = []
    for root, dirs, files in os.walk(out_dir):  # symlinked folders are not entered: nothing outside is touched
        dirs[:] = [d for d in dirs if d != QUARANTINE or root != str(out_dir)]
        found += [Path(root) / f for f in files if f.startswith(TEMP_PREFIX) and not os.path.islink(os.path.join(root, f))]
    return sorted(found)


def clean_up(out_dir: Path) -> list[Path]:
    """Under the output's lock: quarantine what is damaged or foreign (`heal`), finish interrupted
    compactions, remove temporary files and the segment copies of parts that were written again
    (what a killed run leaves)."""
    heal(out_dir)
    for name in DATASETS:
        recover(out_dir, name)
    removed = temporary_files(out_dir)
    for path in removed:
        path.unlink(missing_ok=True)
    settle(out_dir)
    return removed


# -- confinement and healing ---------------------------------------------------------------------

QUARANTINE = ".quarantine"
"""Folder of `--out` where damaged or foreign files are moved (hidden: no reader looks there)."""
OWN_FILES = (JOURNAL,)


def inside(out_dir: Path, path: Path) -> bool:
    """Whether `path`, its symlinks resolved, lies inside `out_dir`."""
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(out_dir))
        return True
    except ValueError:
        return False


def _part_file(out_dir: Path, name: str, part: str) -> Path | None:
    """`out_dir/name/part.parquet`, or None when `part` is not a plain part name or the file would
    lie outside `out_dir` (a symlinked dataset folder): such a path is never written or deleted."""
    from raadsstukken.pipeline.manifest import SAFE_PART

    if not SAFE_PART.fullmatch(part):
        _log.warning("part name %r is not a plain name: left alone", part)
        return None
    path = out_dir / name / f"{part}.parquet"
    if (out_dir / name).is_symlink() or not inside(out_dir, path.parent):
        _log.warning("%s is outside %s: left alone", path, out_dir)
        return None
    return path


def quarantine(out_dir: Path, path: Path, reason: str) -> Path:
    """Move `path` (a file, a folder, or a symlink itself, never its target) into
    `out_dir/.quarantine/`, say why, and return where it went."""
    folder = Path(out_dir) / QUARANTINE
    folder.mkdir(exist_ok=True)
    rel = os.path.relpath(path, out_dir).replace(os.sep, "__")
    target = folder / f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}-{rel}"
    os.rename(path, target)
    _log.warning("quarantined %s (%s): moved to %s; the files whose rows it held are extracted again",
                 os.path.relpath(path, out_dir), reason, os.path.relpath(target, out_dir))
    return target


def heal(out_dir: Path) -> list[str]:
    """Under the output's lock, before anything is read: move aside what would make every later run
    crash or write outside `out_dir`, so the run extracts the affected files again instead.

    Quarantined: a manifest that is not JSON (entries that are not valid are dropped from it), a
    dataset "folder" that is a file or a symlink, and in a dataset folder anything that is not one
    of ours: a symlink, a file that is not Parquet, a Parquet file whose footer cannot be read
    (corrupt, truncated) or whose columns are not the dataset's. Returns what was done.
    """
    from raadsstukken.pipeline.manifest import MANIFEST, DamagedManifest, Manifest

    out_dir = Path(out_dir)
    done: list[str] = []
    try:
        manifest = Manifest.load(out_dir)
    except DamagedManifest as exc:
        quarantine(out_dir, out_dir / MANIFEST, str(exc))
        done.append(f"{MANIFEST}: {exc}")
    else:
        if manifest.problems:
            for problem in manifest.problems:
                _log.warning("%s; its file is extracted again", problem)
            manifest.save(out_dir)
            done += manifest.problems
    for name in DATASETS:
        folder = out_dir / name
        if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
            why = "a symlink, which would send writes outside the output" if folder.is_symlink() else "not a folder"
            quarantine(out_dir, folder, why)
            done.append(f"{name}: {why}")
            continue
        if folder.is_dir():
            done += _heal_folder(out_dir, name, folder)
    return done


def _heal_folder(out_dir: Path, name: str, folder: Path) -> list[str]:
    done = []
    wanted = set(DATASETS[name].schema.names)
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if not path.is_symlink() and (rel.name.startswith(TEMP_PREFIX) or str(rel) in OWN_FILES):
            continue
        if any(p.startswith(".") for p in rel.parts[:-1]) or path.parent.is_symlink():
            continue
        why = None
        if path.is_symlink():
            why = "a symlink"
        elif path.is_dir():
            continue  # a partition folder; its files are checked one by one
        elif path.suffix != ".parquet" or rel.name.startswith((".", "_")):
            why = "not a file of this dataset"
        else:
            try:
                columns = set(pq.read_schema(path).names)
            except (OSError, pa.ArrowException) as exc:
                why = f"not readable Parquet ({exc})"
            else:
                if not columns <= wanted:
                    why = f"columns not of {name}: {', '.join(sorted(columns - wanted)[:5])}"
        if why:
            quarantine(out_dir, path, why)
            done.append(f"{name}/{rel}: {why}")
    return done


def ensure_datasets(out_dir: Path, upgrade: bool = True) -> None:
    """Every dataset folder exists and holds at least one Parquet file carrying its schema; with
    `upgrade`, files written before a column was added get that column (null), so all read as one table."""
    for name, definition in DATASETS.items():
        folder = out_dir / name
        folder.mkdir(parents=True, exist_ok=True)
        files = [p for p in dataset_files(out_dir, name) if p.name != EMPTY_PART]
        if upgrade:
            for path in files:
                _upgrade(name, path)
        empty = folder / EMPTY_PART
        if files:
            empty.unlink(missing_ok=True)
        elif not empty.exists():
            write_part(out_dir, name, EMPTY_PART[:-len(".parquet")], definition.empty_table())


def _upgrade(name: str, path: Path) -> None:
    schema = DATASETS[name].schema
    current = pq.read_schema(path)
    if current.names == schema.names:
        return
    tmp = temporary(path.parent, ".partial")
    try:
        if path.name.startswith(SEGMENT_PREFIX):
            listed = segment_parts(path)
            table = conform(pq.read_table(path, partitioning=None), name)
            pieces, offset = [], 0
            for _, rows in listed:
                pieces.append(table.slice(offset, rows))
                offset += rows
            _write_segment(tmp, name, listed, pieces)
        else:
            pq.write_table(conform(pq.read_table(path, partitioning=None), name), tmp, compression="zstd")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def partition_values(out_dir: Path, partition_by: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """{part: its values of `partition_by`}, read off the first document of each input file."""
    unknown = set(partition_by) - set(PARTITION_COLUMNS)
    if unknown:
        raise ValueError(f"cannot partition by {sorted(unknown)}: choose from {PARTITION_COLUMNS}")
    files = dataset_files(out_dir, "documents")
    if not files or not partition_by:
        return {}
    import pyarrow.dataset as pads

    table = pads.dataset([str(f) for f in files], format="parquet", schema=DATASETS["documents"].schema).to_table(
        columns=["doc_id", "part_index", "municipality_code", "document_date", "source_published"])
    values: dict[str, tuple[int, tuple[str, ...]]] = {}
    for row in table.to_pylist():
        part = row["doc_id"].rsplit("-", 1)[0]
        day = row["document_date"] or row["source_published"]
        found = {"municipality_code": row["municipality_code"] or "", "year": str(day.year) if day else ""}
        current = values.get(part)
        if current is None or row["part_index"] < current[0]:
            values[part] = (row["part_index"], tuple(found[c] for c in partition_by))
    return {part: v for part, (_, v) in values.items()}


def repair(out_dir: Path) -> list[str]:
    """Mend what `validate` reports about consistency (hold the output's lock): finish interrupted
    compactions, remove temporary files, rows of parts no manifest entry names and stale copies
    of a part, and forget manifest entries whose rows are missing (the next run extracts them
    again). Returns what was done."""
    from raadsstukken.pipeline.manifest import Manifest

    done = [f"quarantined {what}" for what in heal(out_dir)]
    done += [f"finished the interrupted compaction of {name}" for name in DATASETS if recover(out_dir, name)]
    for tmp in temporary_files(out_dir):
        tmp.unlink(missing_ok=True)
        done.append(f"removed temporary file {tmp.relative_to(out_dir)}")
    manifest = Manifest.load(out_dir)
    kept = {e.part for e in manifest.files.values() if e.part}
    orphans: set[str] = set()
    doubled: set[str] = set()
    for name in DATASETS:
        for part, places in part_index(out_dir, name).items():
            if name not in ("runs", "links") and part not in kept and part not in UNCOMPACTED:
                orphans.add(part)
            elif len(places) > 1 and any(not p.in_segment for p in places):
                doubled.add(part)
    if orphans:
        remove_parts(out_dir, orphans)
        done.append(f"removed the rows of {len(orphans)} part(s) no manifest entry names")
    if doubled:
        remove_parts(out_dir, doubled, loose=False)  # the loose part is the newer one
        done.append(f"removed stale copies of {len(doubled)} part(s) from segments")
    present = present_parts(out_dir)
    counts: dict[str, dict[str, int]] = {}
    for name in DATASETS:
        for part, places in part_index(out_dir, name).items():
            place = places[0]
            rows = place.rows if place.rows is not None else pq.ParquetFile(place.file).metadata.num_rows
            counts.setdefault(name, {})[part] = rows
    for source, entry in sorted(manifest.files.items()):
        if not entry.part or entry.status not in ("ok", "partial", "needs_ocr"):
            continue
        expected = entry.datasets if entry.datasets is not None else {"pages": -1}
        broken = [n for n, rows in expected.items() if entry.part not in present.get(n, ())
                  or (rows >= 0 and counts.get(n, {}).get(entry.part) != rows)]
        if broken:
            manifest.files.pop(source)
            if not any(e.part == entry.part for e in manifest.files.values()):
                remove_parts(out_dir, {entry.part})
            done.append(f"{source}: rows missing in {', '.join(broken)}; forgotten, the next run extracts it again")
    if done:
        manifest.links_current = False
        manifest.save(out_dir)
        ensure_datasets(out_dir, upgrade=False)
    return done
