"""The section each table stands in, to give its statistics the section's theme.

A table's rows are text of the page too, so they sit in a section's body: the section with most
body blocks over the table's box on its first page. A table in no section's body (a page of one
table) belongs to the last section that starts above it.
"""
from __future__ import annotations

from typing import Sequence

from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.tables.detect import Table


def table_sections(tables: Sequence[Table], sections: Sequence[Section]) -> list[int | None]:
    """For each table, the index of its section in `sections`, or None."""
    out: list[int | None] = []
    for table in tables:
        best, best_area = None, 0.0
        for k, s in enumerate(sections):
            area = 0.0
            for block in s.body:
                if block.page != table.page:
                    continue
                box = block.bbox
                w = min(box.x1, table.bbox.x1) - max(box.x0, table.bbox.x0)
                h = min(box.bottom, table.bbox.bottom) - max(box.top, table.bbox.top)
                if w > 0 and h > 0:
                    area += w * h
            if area > best_area:
                best, best_area = k, area
        if best is None:
            above = [k for k, s in enumerate(sections) if (s.page_start, s.bbox.top if s.bbox else 0.0)
                     <= (table.page, table.bbox.top)]
            best = above[-1] if above else None
        out.append(best)
    return out
