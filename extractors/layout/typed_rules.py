"""Typed underlines: a row of dashes, equals signs or dots typed under a line of text.

Typewritten minutes and fixed-width exports have no bold or larger type: they set a heading or a
title apart by typing a row of one punctuation character under it, as long as its text
("Agendapunt 3" over "------------", a title over "=========="). Such a row is markup, not text (it
holds no letter or digit): it is taken out of the page's text lines, and the line it underlines is
recorded (`PageLayout.underlined`) and stands alone as its block, so that the heading finder and
the title finder can read it as set apart (rules/headings.toml [typed_underline]).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Collection, Sequence

from raadsstukken.extractors.layout.records import Block, Line
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class UnderlineRules:
    chars: frozenset[str]
    min_chars: int
    max_gap: float
    align: float
    min_share: float
    max_share: float


@lru_cache(maxsize=1)
def load_rules() -> UnderlineRules:
    data = read_rules("headings")["typed_underline"]
    return UnderlineRules(frozenset(data["chars"]), int(data["min_chars"]), float(data["max_gap"]),
                          float(data["align"]), float(data["min_share"]), float(data["max_share"]))


def is_typed_rule(text: str, rules: UnderlineRules | None = None) -> bool:
    """Whether a line is a typed rule: at least `min_chars` of one rule character (an OCR layer's
    dash may read as an en or em dash), nothing else but spaces."""
    rules = rules or load_rules()
    squashed = "".join(text.split())
    if len(squashed) < rules.min_chars or not set(squashed) <= rules.chars:
        return False
    dashes = set("-–—")
    kinds = {"-" if ch in dashes else ch for ch in squashed}
    return len(kinds) == 1


def _alone_on_row(line: Line, lines: Sequence[Line]) -> bool:
    box = line.bbox
    return not any(o is not line and abs(o.bbox.center_y - box.center_y) <= 0.5 * box.height
                   and o.bbox.x_overlap(box) <= 0 for o in lines)


def find_typed_underlines(lines: Sequence[Line], rules: UnderlineRules | None = None) -> list[tuple[Line, Line]]:
    """(text line, rule line) for each line of a page underlined by a typed rule under it."""
    rules = rules or load_rules()
    found: list[tuple[Line, Line]] = []
    texts = [ln for ln in lines if any(ch.isalnum() for ch in ln.text)]
    for rule in lines:
        if not is_typed_rule(rule.text, rules) or not _alone_on_row(rule, lines):
            continue
        box = rule.bbox
        above = [t for t in texts if t.bbox.center_y < box.center_y and t.bbox.x_overlap(box) > 0
                 and -0.6 * t.size <= box.top - t.bbox.bottom <= rules.max_gap * t.size]
        if not above:
            continue
        text = max(above, key=lambda t: t.bbox.bottom)
        tb = text.bbox
        if abs(tb.x0 - box.x0) > rules.align * text.size or tb.width <= 0 \
                or not rules.min_share <= box.width / tb.width <= rules.max_share \
                or not _alone_on_row(text, lines) or any(t[0] is text for t in found):
            continue
        found.append((text, rule))
    return found


def split_at_underlined(blocks: Sequence[Block], underlined: Collection[int]) -> list[Block]:
    """The blocks with each underlined line (by id) set apart as a block of its own: a heading or
    title, never joined to the paragraph above or below it."""
    out: list[Block] = []
    for block in blocks:
        if not any(id(ln) in underlined for ln in block.lines):
            out.append(block)
            continue
        run: list[Line] = []
        for line in block.lines:
            if id(line) in underlined:
                if run:
                    out.append(Block(run, block.page, block.kind))
                out.append(Block([line], block.page, block.kind))
                run = []
            else:
                run.append(line)
        if run:
            out.append(Block(run, block.page, block.kind))
    return out
