"""Every rule family's data file loads and every pattern in it compiles."""
from __future__ import annotations

import re

import pytest

from raadsstukken.extractors.rules import families, read_rules


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("family", families())
def test_rule_file_loads_and_patterns_compile(family):
    data = read_rules(family)
    assert data
    for text in _strings(data):
        if any(ch in text for ch in "\\^$[(?"):
            re.compile(text)


def test_every_family_is_used_by_an_extractor():
    import raadsstukken.extractors
    from pathlib import Path

    sources = " ".join(p.read_text(encoding="utf-8") for p in Path(raadsstukken.extractors.__file__).parent.rglob("*.py"))
    assert all(f'read_rules("{family}")' in sources for family in families())
