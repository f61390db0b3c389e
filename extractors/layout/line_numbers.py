"""Line numbers in the margin: furniture, not text.

Council drafts, minutes and amendments are often printed with their lines numbered in a narrow
column left of the text (1, 2, 3, … on each page or running on), so that speakers can point at a
line. The numbers are no part of the text they stand beside: they would otherwise come out as a
column of bare numbers in the section text, or inside a decision. A page's line numbers are lines
that are a number alone, aligned on one edge, left of the text they number, counting up by one,
each on the baseline of a text line, and standing beside nearly every text line of their span —
numbered paragraphs ("1" beside a paragraph's first line only) are no line numbers. Numbers set
in the text's own size count only in a longer run (an agenda of one-line items numbered 1-6 is
text). Where the line builder joined a number to its text line (a narrow margin), the number is
split off first (`split_line_numbers`) when the page's numbers are line numbers.
Parameters in rules/page_furniture.toml [line_numbers].
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules

NUMBER = re.compile(r"^\s*(\d{1,4})\s*$")


@dataclass(frozen=True)
class LineNumberRules:
    min_count: int
    min_count_same_size: int
    """Numbers set no smaller than their text lines need a run this long."""
    smaller_by: float
    """Points by which numbers are set smaller than their text to count as set smaller."""
    align: float
    """Points by which the numbers' right (or left) edges may differ."""
    baseline: float
    """Share of a line's height by which a number's baseline may miss its text line's."""
    coverage: float
    """Share of the text lines in the numbers' span that must have a number beside them."""
    steps: float
    """Share of the steps from one number to the next that must be +1."""


@lru_cache(maxsize=1)
def load_rules() -> LineNumberRules:
    r = read_rules("page_furniture")["line_numbers"]
    return LineNumberRules(int(r["min_count"]), int(r["min_count_same_size"]), float(r["smaller_by"]),
                           float(r["align"]), float(r["baseline"]), float(r["coverage"]), float(r["steps"]))


def split_line_numbers(lines: list[Line], rules: LineNumberRules | None = None) -> list[Line]:
    """The page's lines with a line number that opens a text line split off into a line of its
    own, when the numbers so split off are the page's line numbers; else `lines` as they are."""
    rules = rules or load_rules()
    heads = [ln for ln in lines if len(ln.words) >= 2 and NUMBER.match(ln.words[0].text)
             and not ln.words[0].superscript]
    alone = sum(1 for ln in lines if NUMBER.match(ln.text))
    if not heads or len(heads) + alone < rules.min_count:
        return lines  # (a few joined numbers among the page's numbers alone count with them)
    parts: dict[int, tuple[Line, Line]] = {
        id(ln): (Line(ln.words[:1], ln.page), Line(ln.words[1:], ln.page, max(ln.cells - 1, 1))) for ln in heads}
    split = [piece for ln in lines for piece in (parts[id(ln)] if id(ln) in parts else (ln,))]
    found = {id(n) for n in find_line_numbers(split, rules)}
    if not any(id(number) in found for number, _ in parts.values()):
        return lines
    return [piece for ln in lines
            for piece in ((parts[id(ln)] if id(parts[id(ln)][0]) in found else (ln,)) if id(ln) in parts else (ln,))]


def find_line_numbers(lines: Sequence[Line], rules: LineNumberRules | None = None) -> list[Line]:
    """The lines of a page that are its margin's line numbers (none when the page has none)."""
    rules = rules or load_rules()
    numbers = [ln for ln in lines if NUMBER.match(ln.text)]
    if len(numbers) < rules.min_count:
        return []
    best: list[Line] = []
    for edge in ("x1", "x0"):
        groups: list[list[Line]] = []
        for line in sorted(numbers, key=lambda ln: getattr(ln.bbox, edge)):
            if groups and abs(getattr(groups[-1][-1].bbox, edge) - getattr(line.bbox, edge)) <= rules.align:
                groups[-1].append(line)
            else:
                groups.append([line])
        for group in groups:
            if len(group) > len(best) and _numbers_lines(group, lines, rules):
                best = group
    return sorted(best, key=lambda ln: ln.bbox.top)


def _numbers_lines(group: list[Line], lines: Sequence[Line], rules: LineNumberRules) -> bool:
    if len(group) < rules.min_count:
        return False
    group = sorted(group, key=lambda ln: ln.bbox.top)
    values = [int(NUMBER.match(ln.text).group(1)) for ln in group]  # type: ignore[union-attr]
    ups = sum(1 for a, b in zip(values, values[1:]) if b == a + 1)
    if ups < rules.steps * (len(values) - 1):
        return False
    right = max(ln.bbox.x1 for ln in group)
    members = {id(ln) for ln in group}
    top, bottom = group[0].bbox.top, group[-1].bbox.bottom
    text = [ln for ln in lines if id(ln) not in members and ln.bbox.x0 > right
            and top - 1 <= ln.bbox.center_y <= bottom + 1]
    if not text:
        return False

    def beside(number: Line, line: Line) -> bool:
        return abs(number.bbox.bottom - line.bbox.bottom) <= rules.baseline * max(line.bbox.height, 1.0)

    # each number stands on a text line's baseline; nearly every text line has its number (text
    # lines of a row of cells count once: the leftmost of a baseline)
    if not all(any(beside(n, ln) for ln in text) for n in group):
        return False
    rows: list[Line] = []
    for ln in sorted(text, key=lambda ln: (ln.bbox.bottom, ln.bbox.x0)):
        if not rows or abs(rows[-1].bbox.bottom - ln.bbox.bottom) > rules.baseline * max(ln.bbox.height, 1.0):
            rows.append(ln)
    numbered = sum(1 for ln in rows if any(beside(n, ln) for n in group))
    smaller = max(n.size for n in group) <= min(ln.size for ln in rows) - rules.smaller_by
    return numbered >= rules.coverage * len(rows) and (smaller or len(group) >= rules.min_count_same_size)
