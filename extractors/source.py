"""What the place a PDF was harvested from says about it (an input list's columns)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping

from raadsstukken.extractors.text.dates import parse_date


@dataclass(frozen=True)
class SourceInfo:
    """What the place a PDF was harvested from says about it."""

    municipality: str | None = None
    url: str | None = None
    published: date | None = None
    meeting_date: date | None = None
    meeting_id: str | None = None
    kind: str | None = None

    @classmethod
    def from_mapping(cls, row: Mapping[str, object]) -> SourceInfo:
        def text(name: str) -> str | None:
            value = row.get(name)
            return str(value).strip() or None if value not in (None, "") else None

        return cls(text("municipality"), text("url") or text("source_url"), parse_date(text("published")),
                   parse_date(text("meeting_date")), text("meeting_id"), text("kind"))
