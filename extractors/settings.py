"""Settings shared by several extractors, and the registry of every extractor's settings.

Each layer keeps its own settings dataclass next to the code that reads it (`LineSettings`,
`BlockSettings`, `HeadingSettings`); what several layers share lives here. `all_settings()` is
what a run's config hash covers (with every rule file and the source of every module), so an
incremental run re-extracts after any of them changes.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StyleSettings:
    """When two pieces of text count as set in the same style."""

    same_size: float = 0.6
    """Points by which two font sizes may differ and still be one size (lines of one block, items
    of one list, rows of one table, paragraphs continued over a break)."""

    def __post_init__(self) -> None:
        if self.same_size < 0:
            raise ValueError("same_size must not be negative")


DEFAULT_STYLE_SETTINGS = StyleSettings()
SAME_SIZE = DEFAULT_STYLE_SETTINGS.same_size


def all_settings() -> dict[str, object]:
    """Every settings object the extractors use by default, by name (for the config hash)."""
    from raadsstukken.extractors.layout.blocks import DEFAULT_BLOCK_SETTINGS
    from raadsstukken.extractors.layout.lines import DEFAULT_LINE_SETTINGS
    from raadsstukken.extractors.structure.headings import DEFAULT_HEADING_SETTINGS

    return {"style": DEFAULT_STYLE_SETTINGS, "lines": DEFAULT_LINE_SETTINGS, "blocks": DEFAULT_BLOCK_SETTINGS,
            "headings": DEFAULT_HEADING_SETTINGS}
