"""A key in a margin column that numbers the heading beside it: one line with that heading.

Besluitenlijsten and agendas set in a margin layout print each item's number or case number
("Z/31/000417", "12", "B4.") in a left column and the item's subject, bold, on the same baseline in
the text column. The column gutter keeps them in two line segments, so the number would reach the
text as a block of its own (in the text of the item before) and the heading would lose it. Here the
key's words are put in front of the heading's first line: the heading reads as printed, and every
word keeps its box. Parameters in rules/columns.toml [margin_key].
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from raadsstukken.extractors.layout.records import Block, Line
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class MarginKeyRules:
    pattern: re.Pattern[str]
    max_chars: int
    max_offset: float
    """Farthest start of the heading right of the key's start (the margin column's width), as a
    share of the page width."""
    baseline: float
    """Largest difference of the two baselines, as a share of the key's size."""


@lru_cache(maxsize=1)
def load_rules() -> MarginKeyRules:
    data = read_rules("columns")["margin_key"]
    return MarginKeyRules(re.compile(data["pattern"]), int(data["max_chars"]), float(data["max_offset"]),
                          float(data["baseline"]))


def is_key(block: Block, rules: MarginKeyRules | None = None) -> bool:
    """Whether a block is a bold key alone: one line, one token holding a digit."""
    rules = rules or load_rules()
    if len(block.lines) != 1 or not block.bold:
        return False
    text = block.text.strip()
    return len(text) <= rules.max_chars and " " not in text and rules.pattern.match(text) is not None


def join_margin_keys(blocks: list[Block], width: float) -> list[Block]:
    """The page's blocks with each margin key joined to the bold heading on its baseline right of it
    (the key's block gone, the heading's first line opening with the key's words)."""
    rules = load_rules()
    keys = [b for b in blocks if is_key(b, rules)]
    if not keys:
        return blocks
    joined: dict[int, Block] = {}
    dropped: set[int] = set()
    for key in keys:
        line = key.lines[0]
        beside = [b for b in blocks if b is not key and id(b) not in dropped and b.bbox.x0 >= key.bbox.x1
                  and b.bbox.x0 - key.bbox.x0 <= rules.max_offset * width
                  and abs(b.lines[0].bbox.bottom - line.bbox.bottom) <= rules.baseline * line.size]
        if not beside:
            continue
        target = min(beside, key=lambda b: b.bbox.x0)
        left = [b for b in blocks if b is not key and b.bbox.x1 <= key.bbox.x0
                and abs(b.lines[0].bbox.bottom - line.bbox.bottom) <= rules.baseline * line.size]
        if left or not target.lines[0].bold or is_key(target, rules):
            continue  # not in the margin (a cell of a row), or no heading beside it
        head = joined.get(id(target), target)
        first = Line(line.words + head.lines[0].words, head.lines[0].page, head.lines[0].cells)
        joined[id(target)] = Block([first] + head.lines[1:], head.page, head.kind)
        dropped.add(id(key))
    if not joined:
        return blocks
    return [joined.get(id(b), b) for b in blocks if id(b) not in dropped]
