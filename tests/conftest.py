"""Shared fixtures: generated PDFs and a helper that parses them into sections."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.structure.sections import Section, build_sections
from tests.pdfs import Page, write_pdf


GEN_TEST_DATA = "RAADSSTUKKEN_GEN_TEST_DATA"
"""Set to 1 to regenerate golden data (tests/data/golden/, docs/datasets.md) instead of comparing."""
GOLDEN = Path(__file__).parent / "data" / "golden"


def regenerating() -> bool:
    return os.environ.get(GEN_TEST_DATA, "") not in ("", "0")


@pytest.fixture
def golden():
    """Compare text with a golden file, or write it when RAADSSTUKKEN_GEN_TEST_DATA=1."""

    def _check(path: Path, text: str) -> None:
        if regenerating():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}: run with {GEN_TEST_DATA}=1 and review the diff"
        assert path.read_text(encoding="utf-8") == text, f"{path} differs: if on purpose, run with {GEN_TEST_DATA}=1"

    return _check


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture
def make_pdf(tmp_path: Path):
    """Write pages to a PDF in the test's folder and return its path."""
    counter = iter(range(1000))

    def _make(pages: list[Page], name: str | None = None) -> Path:
        return write_pdf(tmp_path / (name or f"generated-{next(counter)}.pdf"), pages)

    return _make


@pytest.fixture
def sections_of():
    """Parse a PDF and return its sections (one document spanning all pages)."""

    def _sections(path: Path) -> list[Section]:
        parsed = parse_pdf(path)
        return build_sections(parsed.pages, parsed.vocabulary)

    return _sections


@pytest.fixture
def text_of(sections_of):
    """All section text of a PDF, whitespace squashed, in section order."""

    def _text(path: Path) -> str:
        return squash(" ".join(s.text for s in sections_of(path)))

    return _text


@pytest.fixture
def documents_of():
    """Parse a PDF and run every stage: its document results (split, sections, metadata, …)."""
    from raadsstukken.pipeline.stages import extract

    def _documents(path: Path):
        return extract(parse_pdf(path)).documents

    return _documents
