"""Decision points: the numbered (or bulleted) items under "Besloten wordt", "Besluit", "Voorstel", ….

Items are read off the lines after the intro: a line opening with a marker ("1", "1.", "1)",
"a.", "-", "•") starts an item; an indented line, or a lower-case line after an unfinished item,
continues it (also on the next page); anything else ends the list. Without markers the first
paragraph after the intro is the single decision.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, join_running_text
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.records import Block, BlockKind, Line
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.normalize import list_marker, marker_number

ITEM_END = re.compile(r"[.;:!?]['’\"”)]*$")


@dataclass
class DecisionPoint:
    number: int
    text: str
    page: int
    bbox: BBox
    body: str | None
    method: str
    lines: list[Line] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class DecisionRules:
    intro: tuple[re.Pattern[str], ...]
    body_by_type: dict[str, str]


@lru_cache(maxsize=1)
def load_rules() -> DecisionRules:
    data = read_rules("decisions")
    return DecisionRules(tuple(re.compile(p, re.IGNORECASE) for p in data["intro"]), dict(data["body"]))


def is_intro(text: str, rules: DecisionRules | None = None) -> bool:
    rules = rules or load_rules()
    return any(p.match(text.strip()) for p in rules.intro)


def find_decision_points(sections: Sequence[Section], doc_type: str, vocabulary: Vocabulary | None = None,
                         roles: Mapping[Block, BlockKind] | None = None) -> list[DecisionPoint]:
    """Decision points of one document (the first decision list found).

    `roles` are the document's block roles: a paragraph of cover text is never a decision.
    """
    roles = roles or {}
    rules = load_rules()
    for section in sections:
        lines = [ln for b in section.body for ln in b.lines]
        start = None
        if section.heading and is_intro(section.heading, rules):
            start, intro = 0, section.heading
        else:
            for i, line in enumerate(lines):
                if is_intro(line.text, rules):
                    start, intro = i + 1, line.text
                    break
        if start is None:
            continue
        body = rules.body_by_type.get(doc_type) or _body_from_intro(intro)
        items = _items(lines[start:], vocabulary)
        if not items and start < len(lines):
            items = _single(section, lines[start], vocabulary, roles)
        if items:
            for item in items:
                item.body = body
            return items
    return []


def _body_from_intro(intro: str) -> str | None:
    text = intro.lower()
    if "raad" in text:
        return "Raad"
    if "college" in text or "wethouders" in text:
        return "B&W"
    if "burgemeester" in text:
        return "Burgemeester"
    return None


def _items(lines: list[Line], vocabulary: Vocabulary | None) -> list[DecisionPoint]:
    items: list[DecisionPoint] = []
    for line in lines:
        text = line.text.strip()
        m = list_marker(text)
        if m:
            number = marker_number(m, len(items))
            items.append(DecisionPoint(number, text[m.end():], line.page, line.bbox, None, "decisions:list", [line]))
            continue
        if not items:
            return []
        last = items[-1]
        first_line = last.lines[0]
        indented = line.bbox.x0 > first_line.bbox.x0 + 3
        unfinished = not ITEM_END.search(last.text) and text[:1].islower()
        if indented or unfinished:
            last.text = join_running_text(last.text, text, vocabulary)
            last.lines.append(line)
            if line.page == last.page:
                last.bbox = last.bbox.union(line.bbox)
            continue
        break
    return items


def _single(section: Section, first: Line, vocabulary: Vocabulary | None,
            roles: Mapping[Block, BlockKind]) -> list[DecisionPoint]:
    for block in section.body:
        if first in block.lines and roles.get(block, block.kind) is BlockKind.BODY:
            lines = block.lines[block.lines.index(first):]
            text = ""
            for line in lines:
                text = join_running_text(text, line.text, vocabulary)
            box = union_all(ln.bbox for ln in lines if ln.page == first.page)
            return [DecisionPoint(1, text, first.page, box, None, "decisions:paragraph", list(lines))]
    return []
