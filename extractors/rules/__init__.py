"""Rule data: one TOML file per rule family (patterns, lexicons, thresholds), read once.

Rules describe how Dutch council papers are written in general; the code that applies them lives
in the extractor of the same family (`furniture.py` reads `page_furniture.toml`, and so on).
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Iterable

RULES_DIR = Path(__file__).parent


@lru_cache(maxsize=None)
def read_rules(family: str) -> dict:
    """The parsed `<family>.toml` of this folder."""
    return tomllib.loads((RULES_DIR / f"{family}.toml").read_text(encoding="utf-8"))


def compile_all(patterns: Iterable[str], flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in patterns)


def families() -> list[str]:
    return sorted(p.stem for p in RULES_DIR.glob("*.toml"))
