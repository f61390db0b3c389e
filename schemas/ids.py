"""Deterministic identifiers: the same input always yields the same ids (never uuids or times)."""
from __future__ import annotations

import hashlib
from pathlib import Path

CHUNK = 1 << 20


def file_id(path: Path) -> str:
    """sha256 hex of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def doc_id(file_id_: str, part_index: int) -> str:
    return f"{file_id_[:16]}-{part_index}"


def row_id(prefix: str, *parts: object) -> str:
    """A short stable id from a row's owner and its place or content, e.g. ``sec-1f3a…``."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{digest}"


def keyed_ids(prefix: str, owner: str, keys: list[tuple]) -> list[str]:
    """Ids from what a row is (its key within its owner), numbered only among equal keys.

    A section is known by its heading path, a decision by its number, a statistic by indicator
    and period: inserting one paragraph or table elsewhere leaves every other id unchanged, so a
    diff between two runs shows one added row, not hundreds of changed ones.
    """
    seen: dict[tuple, int] = {}
    ids = []
    for key in keys:
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        ids.append(row_id(prefix, owner, *key, nth))
    return ids
