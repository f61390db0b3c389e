"""Text coverage: the share of each page's text-layer characters that reached a row.

The product measures its own conservation, so a batch user sees loss without a reference tool.
The letters and digits the page layer read off each page (`PageLayout.layer_chars`: the text
layer, or the OCR words of an OCR'd page) are matched against those of the rows made from it:
its running header, footer and page label, the cells of tables on it, the titles of the
documents it belongs to, and the headings and text of sections that span it. Pages are matched
in order and every row character is used once, so a section's text is not counted for two pages.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from raadsstukken.extractors.layout.text_layer import char_counts

if TYPE_CHECKING:
    from raadsstukken.extractors.model import FileResult

LOW_COVERAGE = 0.98
"""A page below this share of its characters in rows gets a note in `runs.warnings`."""


def page_coverage(result: FileResult) -> dict[int, float | None]:
    """Per page number, the share (0-1) of its text-layer characters found in rows; None for a
    page without characters."""
    sections: list[tuple[int, int, Counter[str]]] = []
    cells: dict[int, Counter[str]] = {}
    titles: list[tuple[int, int, Counter[str]]] = []
    for d in result.documents:
        title = d.metadata.title or d.part.title
        if title:
            titles.append((d.part.page_start, d.part.page_end, char_counts([title])))
        for s in d.sections:
            sections.append((s.page_start, s.page_end, char_counts([s.heading or "", s.text or ""])))
        for t in d.tables:
            for c in t.cells:
                cells.setdefault(c.page, Counter()).update(char_counts([c.text]))
    out: dict[int, float | None] = {}
    for page in result.pages:
        layer = page.layer_chars
        total = sum(layer.values()) if layer else 0
        if not layer or not total:
            out[page.number] = None
            continue
        need = Counter(layer)
        pools = [char_counts([page.header or "", page.footer or "", page.page_label or ""]), cells.get(page.number)]
        pools += [c for start, end, c in titles if start <= page.number <= end]
        pools += [c for start, end, c in sections if start <= page.number <= end]
        for pool in pools:
            if not pool or not need:
                continue
            taken = need & pool
            need -= taken
            pool -= taken
        out[page.number] = round(1 - sum(need.values()) / total, 4)
    return out


def low_coverage_warning(coverage: dict[int, float | None], threshold: float = LOW_COVERAGE) -> str | None:
    """The `runs.warnings` note for pages whose coverage is below `threshold`, or None."""
    low = [(page, share) for page, share in sorted(coverage.items()) if share is not None and share < threshold]
    if not low:
        return None
    listed = ", ".join(f"page {page} {share:.3f}" for page, share in low[:10])
    more = f" and {len(low) - 10} more" if len(low) > 10 else ""
    return f"low text coverage: under {threshold:.0%} of the text layer's characters reached a row on {listed}{more}"


def coverage_warning(pages) -> str | None:
    """The low-coverage note of a file from its `pages` rows (a pyarrow table), or None."""
    if pages is None or "text_coverage" not in pages.column_names:
        return None
    return low_coverage_warning(dict(zip(pages.column("page").to_pylist(), pages.column("text_coverage").to_pylist())))
