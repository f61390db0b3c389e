"""Headings and their levels, from typography: size, weight, capitals, numbering, isolation.

No list of known headings: a block is a heading when it is short, stands on its own and is set
larger or bolder than the body text of its document; a run of such blocks that is really a list
(numbered or bulleted items one under the other) is not. Levels rank the heading styles found in
the document, largest first; numbering depth ("2.3") refines them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

from raadsstukken.extractors.layout.records import Block, BlockKind
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.normalize import HEADING_NUMBER, list_marker, strip_bullets


NAVIGATION = re.compile(r"^\s*[›»>→▶➔]\s*\w")


@dataclass(frozen=True)
class HeadingSettings:
    max_lines: int = 3
    """Longest heading, in lines."""
    max_chars: int = 160
    """Longest heading, in characters."""
    larger_by: float = 0.7
    """Points above the body size from which a line counts as set larger."""
    bold_tolerance: float = 0.7
    """A bold line may be this many points smaller than the body and still be a heading."""
    caps_ratio: float = 0.8
    """A bold line in capitals may be set this much smaller than the body (a box label)."""


DEFAULT_HEADING_SETTINGS = HeadingSettings()


@dataclass(frozen=True)
class HeadingRules:
    not_a_heading: tuple[re.Pattern[str], ...]
    same_style_run: int
    marked_run: int
    number_only: re.Pattern[str] = re.compile(r"(?!)")
    contents: re.Pattern[str] = re.compile(r"(?!)")


@lru_cache(maxsize=1)
def load_rules() -> HeadingRules:
    data = read_rules("headings")
    return HeadingRules(
        not_a_heading=tuple(re.compile(p) for p in data["not_a_heading"].values()),
        number_only=re.compile(data["hanging_number"]["pattern"]),
        contents=re.compile(data["contents"]["heading"]),
        same_style_run=int(data["runs"]["same_style_run"]),
        marked_run=int(data["runs"]["marked_run"]),
    )


@dataclass(frozen=True)
class BodyStyle:
    size: float
    bold: bool


def body_style(blocks: Sequence[Block]) -> BodyStyle:
    """The size and weight most of a document's text is set in."""
    counts: dict[tuple[float, bool], int] = {}
    for block in blocks:
        for line in block.lines:
            key = (round(line.size * 2) / 2, line.bold)
            counts[key] = counts.get(key, 0) + len(line.text)
    if not counts:
        return BodyStyle(10.0, False)
    (size, bold), _ = max(counts.items(), key=lambda kv: (kv[1], -kv[0][0]))
    return BodyStyle(size, bold)


def clean_heading(text: str) -> str:
    """Heading text as printed, without bullet or check glyphs in front (numbering and
    letter-spacing kept: every printed word reaches a row; the rules that read a heading join
    letter-spaced words themselves)."""
    return strip_bullets(text)


def numbering_depth(text: str) -> int:
    m = HEADING_NUMBER.match(text)
    return m.group(1).count(".") + 1 if m else 0


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def style_key(block: Block) -> tuple[float, bool]:
    """What tells heading levels apart: size (to half a point) and weight."""
    return (round(block.size * 2) / 2, block.bold)


def is_heading_candidate(block: Block, body: BodyStyle, s: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                         role: BlockKind | None = None) -> bool:
    """Whether a block looks like a heading; `role` is its document role when not the page layer's."""
    if (role or block.kind) is not BlockKind.BODY or len(block.lines) > s.max_lines:
        return False
    if NAVIGATION.match(block.text):
        return False  # "› Lees verder": a link, not a heading
    text = clean_heading(block.text)
    if not text or len(text) > s.max_chars or not any(c.isalpha() for c in text):
        return False
    if any(line.cells > 1 for line in block.lines):
        return False  # a table or form row
    if sum(1 for line in block.lines if list_marker(line.text)) >= 2:
        return False  # list items set in bold
    if text[-1] in ".,;" and not text.endswith("..."):
        # a sentence, not a heading; but a numbered agenda item or chapter may end in a period
        # ("6. Voorstel tot vaststelling van de verordening.")
        if not (text[-1] == "." and HEADING_NUMBER.match(text) and len(block.lines) <= s.max_lines):
            return False
    if any(p.search(text) for p in load_rules().not_a_heading) or load_rules().number_only.match(text.strip()):
        return False
    larger = block.size >= body.size + s.larger_by
    bolder = block.bold and not body.bold and block.size >= body.size - s.bold_tolerance
    label = block.bold and is_caps(text) and block.size >= s.caps_ratio * body.size
    return larger or bolder or label


def find_headings(blocks: Sequence[Block], s: HeadingSettings = DEFAULT_HEADING_SETTINGS,
                  roles: Mapping[Block, BlockKind] | None = None) -> list[int | None]:
    """Heading level of each of a document's blocks (in reading order); None for other blocks.

    `roles` holds the document roles that differ from the page layer's (title, cover text).
    """
    roles = roles or {}
    kinds = [roles.get(b, b.kind) for b in blocks]
    body = body_style([b for b, k in zip(blocks, kinds) if k in (BlockKind.BODY, BlockKind.COVER)])
    flags = [is_heading_candidate(b, body, s, k) for b, k in zip(blocks, kinds)]
    _drop_contents(blocks, flags)
    _drop_lists(blocks, flags)
    _drop_announced_lists(blocks, flags, kinds)
    styles = sorted({style_key(b) for b, f in zip(blocks, flags) if f}, key=lambda k: (-k[0], not k[1]))
    rank = {k: i + 1 for i, k in enumerate(styles)}
    return [rank[style_key(b)] + max(numbering_depth(b.text) - 1, 0) if flag else None
            for b, flag in zip(blocks, flags)]


def _drop_announced_lists(blocks: Sequence[Block], flags: list[bool], kinds: Sequence[BlockKind]) -> None:
    """Numbered items announced by a line ending in a colon ("… langs de volgende lijnen:") are a
    list with descriptions, not numbered headings, even when each item is followed by text."""
    expected: tuple[tuple[float, bool], int] | None = None  # (style, next number) of an open list
    announced = False
    for i, block in enumerate(blocks):
        m = HEADING_NUMBER.match(block.text)
        number = int(m.group(1).split(".")[0]) if m and "." not in m.group(1) else None
        if flags[i]:
            if number is not None and ((announced and number == 1) or
                                       (expected and expected == (style_key(block), number))):
                flags[i] = False
                expected = (style_key(block), number + 1)
            elif expected and style_key(block) != expected[0]:
                expected = None
            announced = False
        elif kinds[i] is BlockKind.BODY:
            announced = block.text.rstrip().endswith(":")


def _drop_contents(blocks: Sequence[Block], flags: list[bool]) -> None:
    """The entries of a table of contents (under its heading, on its page, before any running
    text) are no headings; a section headed "Inhoud" that opens with its text is a section."""
    rules = load_rules()
    page: int | None = None
    for i, block in enumerate(blocks):
        if flags[i] and rules.contents.match(clean_heading(block.text).strip()) and _lists_entries(blocks, i):
            page = block.page
        elif page is not None and block.page == page and not _running_text(block):
            flags[i] = False
        elif page is not None:
            page = None


def _lists_entries(blocks: Sequence[Block], i: int) -> bool:
    """Whether several short entries follow a contents heading on its page before running text."""
    entries = 0
    for block in blocks[i + 1:]:
        if block.page != blocks[i].page or _running_text(block):
            break
        entries += 1
    return entries >= 2


def _running_text(block: Block) -> bool:
    """A paragraph of sentences (a table of contents' entries end in no full stop)."""
    text = block.text.rstrip()
    return text[-1:] in ".!?" and len(text.split()) >= 8


def _drop_lists(blocks: Sequence[Block], flags: list[bool]) -> None:
    """Runs of same-style candidates with nothing between them are lists or box grids (a
    heading's number hung apart from it counts as nothing between)."""
    rules = load_rules()
    numbers = [rules.number_only.match(b.text.strip()) is not None for b in blocks]
    i, n = 0, len(blocks)
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        run_blocks = [i]
        while j + 1 < n and (numbers[j + 1] or (flags[j + 1] and style_key(blocks[j + 1]) == style_key(blocks[i]))):
            j += 1
            if not numbers[j]:
                run_blocks.append(j)
        run = run_blocks
        marked = [k for k in run if list_marker(blocks[k].text)]
        if len(run) >= rules.same_style_run:
            for k in run:
                flags[k] = False
        elif len(marked) >= rules.marked_run:
            for k in marked:
                flags[k] = False
        i = j + 1
