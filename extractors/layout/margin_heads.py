"""A heading set in a margin column beside its text: read just before the text it stands beside.

Some templates put each section heading, item head or label in a narrow left column, bold, on
the baseline of the first line of the text beside it (a vertical rule or white space between the
two). The page's columns read the margin column whole before the text column, so every heading
would come first, one after the other, and head nothing. Here each such heading is moved to just
before the block whose first line it shares a baseline with: the text reads as printed, heading
over text. A form's labels in roman type, and a form's bold labels each beside a value of a line
with the next label right under it, stay where the reading order puts them. Parameters in
rules/columns.toml [margin_head].
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import Block
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class MarginHeadRules:
    max_offset: float
    """Farthest start of the text right of the heading's start, as a share of the page width."""
    baseline: float
    """Largest difference of the two first baselines, as a share of the heading's size."""
    max_lines: int
    """Most lines of a margin heading (a narrow column wraps a long one)."""


@lru_cache(maxsize=1)
def load_rules() -> MarginHeadRules:
    data = read_rules("columns")["margin_head"]
    return MarginHeadRules(float(data["max_offset"]), float(data["baseline"]), int(data["max_lines"]))


def _partner(head: Block, blocks: Sequence[Block], width: float, rules: MarginHeadRules) -> Block | None:
    """The block right of `head`, within the margin's reach, whose first line shares its first
    baseline; None when there is none or something stands left of `head` on that baseline (a cell
    of a row, not the page's margin)."""
    first = head.lines[0]
    first_bottom, reach = first.bbox.bottom, rules.baseline * first.size
    box = head.bbox  # a block's box is made anew each time it is asked: once here, once per block below
    head_x0, head_x1, max_offset = box.x0, box.x1, rules.max_offset * width

    def on_baseline(b: Block) -> bool:
        return abs(b.lines[0].bbox.bottom - first_bottom) <= reach

    if any(b is not head and b.bbox.x1 <= head_x0 and on_baseline(b) for b in blocks):
        return None
    beside = [b for b in blocks if b is not head and (x0 := b.bbox.x0) >= head_x1 and on_baseline(b)
              and x0 - head_x0 <= max_offset]
    return min(beside, key=lambda b: b.bbox.x0) if beside else None


def _runs_on(paired: Sequence[Block], targets: dict[int, Block], blocks: Sequence[Block]) -> bool:
    """Whether the text beside one of the paired headings runs on below it: a block of the text
    column beside no heading starts under the block beside it before the next heading's top. A form's labels
    each stand beside a value of a line, the next label right under it: no margin headings."""
    ordered = sorted(paired, key=lambda h: h.bbox.top)
    partners = {id(targets[id(h)]) for h in paired}
    for head, following in zip(ordered, ordered[1:]):
        beside = targets[id(head)]
        if any(id(b) not in partners and b.bbox.x0 >= head.bbox.x1
               and beside.bbox.bottom <= b.bbox.top < following.bbox.top for b in blocks):
            return True
    return False


def place_margin_heads(blocks: list[Block], width: float) -> list[Block]:
    """The page's blocks (in reading order) with each bold margin heading moved to just before the
    block it heads: the text block beside it (`_partner`), or, for a heading of the same margin
    column with no text beside it, the first block of the text column below its top (it heads what
    follows); several before one block top to bottom."""
    rules = load_rules()
    heads = [b for b in blocks if len(b.lines) <= rules.max_lines and all(line.bold for line in b.lines)]
    targets = {id(h): t for h in heads if (t := _partner(h, blocks, width, rules)) is not None}
    if not targets:
        return blocks
    paired = [h for h in heads if id(h) in targets]
    if not _runs_on(paired, targets, blocks):
        return blocks  # a form's bold labels over one-line values: the page reads them as it does
    edges = {round(t.bbox.x0) for t in targets.values()}
    tol = rules.baseline * max(h.lines[0].size for h in paired)
    for head in heads:
        if id(head) in targets or not any(abs(head.bbox.x0 - h.bbox.x0) <= tol for h in paired) \
                or any(b is not head and b.bbox.x1 <= head.bbox.x0
                       and abs(b.lines[0].bbox.bottom - head.lines[0].bbox.bottom) <= tol for b in blocks):
            continue  # not in the margin column of the paired headings
        below = [b for b in blocks if b.bbox.top >= head.bbox.top and b.bbox.x0 >= head.bbox.x1
                 and any(abs(b.bbox.x0 - x) <= tol for x in edges)]
        if below:
            targets[id(head)] = min(below, key=lambda b: (b.bbox.top, b.bbox.x0))
    moved = set(targets)
    moves: dict[int, list[Block]] = {}  # id of the text block -> the headings to read before it
    for head in heads:
        target = targets.get(id(head))
        if target is not None and id(target) not in moved:
            moves.setdefault(id(target), []).append(head)
        else:
            moved.discard(id(head))
    out: list[Block] = []
    for block in blocks:
        if id(block) in moved:
            continue
        out += sorted(moves.get(id(block), []), key=lambda b: b.bbox.top)
        out.append(block)
    return out
