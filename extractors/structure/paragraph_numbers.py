"""Paragraph numbers that run over a whole document: furniture of their lines, not a decision's text.

Provincial and waterschap papers, and some council templates, number every paragraph of a document
in one count (1, 2, 3 … over the preamble, the considerations, the decision and the closing lines),
in a margin column behind a rule or as a hanging number. The number is no part of the paragraph:
glued to a decision it would open its text ("2 het algemeen bestuur stelt …"), read as an agenda
item it would replace the item's own number, and after an intro it would open a "list" of the
paragraphs that follow (the closing formula and the signature among them).

A document's paragraph numbers are the leading numbers of its body lines ("7", "7.": a number
alone, no sub-number) that count 1, 2, 3 … in reading order at one left edge, at least `min_count`
of them, where the count runs through the document's decisions: a number that is not the count's
first opens the text right after a line that opens decisions (an intro, a decision label). A
decision list numbered under its intro starts its count there; a besluitenlijst's agenda numbers
stand before its labels, never on the text a label opens. Parameters in
rules/decisions.toml [paragraph_numbers].

`without_paragraph_numbers` gives the sections with those numbers taken off their lines (a line
that is only the number is dropped) and each numbered line opening a paragraph of its own, with
the roles of the blocks carried over; the decision finders read that, the sections' own text is
untouched.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Mapping, Sequence

from raadsstukken.extractors.layout.records import Block, BlockKind, Line
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.sections import Section


@dataclass(frozen=True)
class ParagraphNumberRules:
    number: re.Pattern[str]
    """A paragraph number as its line's first word ("7", "7.")."""
    min_count: int
    align: float
    """Points by which the numbers' left edges may differ."""


@lru_cache(maxsize=1)
def load_rules() -> ParagraphNumberRules:
    data = read_rules("decisions")["paragraph_numbers"]
    return ParagraphNumberRules(re.compile(data["number"]), int(data["min_count"]), float(data["align"]))


def paragraph_numbers(sections: Sequence[Section], opens_decisions: Callable[[str], bool],
                      rules: ParagraphNumberRules | None = None) -> set[int]:
    """ids of the body lines whose first word is a paragraph number of the document (see the module
    docstring); `opens_decisions` tells a line or heading that opens decisions."""
    rules = rules or load_rules()
    # (line, what stands right before it: a heading that opens decisions (True) or the text of the
    # last line, judged only when the document has a count at all; most have none)
    chain: list[tuple[Line, bool | str]] = []
    expected, edge = 1, None
    before: bool | str = False
    for section in sections:
        if section.heading and opens_decisions(section.heading):
            before = True
        for block in section.body:
            for line in block.lines:
                words = line.words
                first = words[0] if words else None
                if first is not None and not first.superscript and rules.number.match(first.text) \
                        and int(first.text.rstrip(".")) == expected \
                        and (edge is None or abs(first.bbox.x0 - edge) <= rules.align):
                    chain.append((line, before))
                    expected, edge = expected + 1, first.bbox.x0 if edge is None else edge
                if len(words) == 1 and first is not None and rules.number.match(first.text):
                    continue  # a number alone in the margin: the text it numbers follows
                before = line.text.strip()
    # the count runs through a line that opens decisions: a number right after it that is not the
    # count's first (a list numbered under its intro starts there)
    if len(chain) < rules.min_count or not any(
            b if isinstance(b, bool) else opens_decisions(b) for _, b in chain[1:]):
        return set()
    return {id(line) for line, _ in chain}


def without_paragraph_numbers(sections: Sequence[Section], roles: Mapping[Block, BlockKind],
                              opens_decisions: Callable[[str], bool]
                              ) -> tuple[list[Section], dict[Block, BlockKind]]:
    """The sections with the document's paragraph numbers taken off their lines, each numbered
    line opening a block of its own (roles carried over); the sections as they are when the
    document has none."""
    numbered = paragraph_numbers(sections, opens_decisions)
    if not numbered:
        return list(sections), dict(roles)
    new_roles: dict[Block, BlockKind] = {}
    out: list[Section] = []
    for section in sections:
        body: list[Block] = []
        for block in section.body:
            role = roles.get(block)
            parts: list[list[Line]] = [[]]
            for line in block.lines:
                if id(line) not in numbered:
                    parts[-1].append(line)
                    continue
                if parts[-1]:
                    parts.append([])
                if len(line.words) > 1:
                    parts[-1].append(Line(line.words[1:], line.page, line.cells))
            for lines in parts:
                if not lines:
                    continue
                new = Block(lines, block.page, block.kind)
                body.append(new)
                if role is not None:
                    new_roles[new] = role
        out.append(replace(section, body=body))
    return out, new_roles
