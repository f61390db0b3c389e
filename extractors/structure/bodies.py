"""The bestuursorganen a paper names in its formulas, where no label or ticked box gives them.

A form prints "Bestuursorgaan: Raad" or ticks a box; most papers do neither and name the body the
way a reader finds it: in the opening formula of a decision or motion ("De raad van de gemeente
…;"), the deciding formula ("Gedeputeerde Staten besluiten …"), the addressee line ("Aan de
gemeenteraad") or, for a besluitenlijst, the meeting its title names. The formulas are
`[body_formulas]` in `rules/metadata.toml`; the names they give are read with `[bodies]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import BlockKind, PageLayout
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.metadata import FORM_PAGES, DocumentMetadata, bodies_in, load_rules as load_metadata_rules


FORMULA_LINES = 5
"""Lines of a block read together from a formula's first line (a formula wraps)."""


@dataclass(frozen=True)
class BodyFormulas:
    formulas: tuple[re.Pattern[str], ...]
    meeting_kinds: frozenset[str]


@lru_cache(maxsize=1)
def load_formulas() -> BodyFormulas:
    data = read_rules("metadata")["body_formulas"]
    patterns = [p.replace("{names}", data["names"]) for p in data["formulas"]]
    return BodyFormulas(tuple(re.compile(p, re.IGNORECASE) for p in patterns), frozenset(data["meeting_kinds"]))


def bodies_from_formulas(meta: DocumentMetadata, pages: Sequence[PageLayout], title: str | None,
                         doc_type: str) -> DocumentMetadata:
    """The metadata with the bodies its formulas name, when no label or box named any (a copy;
    unchanged when a bodies field was printed, even an empty one)."""
    if meta.bodies or "bodies" in meta.methods:
        return meta
    formulas = load_formulas()
    subjects: list[str] = []
    if title and doc_type in formulas.meeting_kinds:
        subjects.append(title)
    for page in pages[:FORM_PAGES]:
        for block in page.blocks:
            if block.kind in (BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE):
                continue
            lines = [" ".join(ln.text.split()) for ln in block.lines]
            for k, line in enumerate(lines):
                if not line[:1].isupper():
                    continue  # a formula opens its line
                joined = " ".join(lines[k:k + FORMULA_LINES])
                m = next((m for p in formulas.formulas for m in (p.match(line), p.match(joined)) if m), None)
                if m:
                    subjects.append(m.group("subject"))
    found = bodies_in(subjects, load_metadata_rules())
    if not found:
        return meta
    return replace(meta, bodies=found, methods={**meta.methods, "bodies": "formula"})
