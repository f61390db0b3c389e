"""The word a paper's masthead names its kind with, and whether it changes from page to page.

A bundle of papers printed from one template (the proposals of a meeting with the agenda they
adopt, a decision with the protocol it adopts) sets every paper's head the same way: the body's
name, a kind word ("Voorstel", "Agenda", "Besluit", "Bijlage") and the paper's title. Page labels
run on over the bundle and the kind word may be one the rules do not know as a type line, so
neither tells where a paper starts; the kind word changing from one page to the next does:

- in the running header, after the body's name ("Veiligheidsregio X | Voorstel" → "… | Agenda"),
- as a short line over the page's title, or set apart in the header band above it (top right),
- or as the large word itself, with the title right under it in a type of its own.

A mark counts only at the head of a page that prints a title, is compared only with a mark set the
same way (same type and place, or the same running header round it), and at least one of the two
words names a kind of paper (a title cue of `rules/doc_types.toml`, or a masthead's kind word of
[kind_mark] kind_words): a running section name ("Inleiding" → "Financiën") names none. The next
paper of the same kind repeats the kind word over a title and head fields of its own
(structure/split.py `_next_of_a_kind`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.furniture import mask
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.doc_types import classify

HEADER_SEPARATOR = " | "
"""How the furniture layer joins the lines of a running header (layout/furniture.py)."""
_LABEL = re.compile(r":\s*$|^\s*[^\W\d_][\w ]{0,30}:")


@dataclass(frozen=True)
class KindMarkRules:
    max_words: int
    """Most words of a kind word."""
    align: float
    """Largest offset of two marks' left edges, right edges or centres, in points."""
    size: float
    """Largest difference of two marks' type sizes, in points."""
    gap: float
    """Widest gap between a large kind word and the title right under it, in its font sizes."""
    kind_words: tuple[str, ...] = ()
    """Words that name a kind of paper in a masthead, alone or ending a compound."""


@lru_cache(maxsize=1)
def load_rules() -> KindMarkRules:
    data = read_rules("doc_types")["kind_mark"]
    return KindMarkRules(int(data["max_words"]), float(data["align"]), float(data["size"]), float(data["gap"]),
                         tuple(w.casefold() for w in data["kind_words"]))


@dataclass(frozen=True)
class KindMark:
    """A kind word at a page's head: its text, and how it is set (type and place), or the other
    parts of the running header it ends (then `block` is None)."""

    text: str
    block: Block | None = None
    header: tuple[str, ...] = ()


def _short(text: str, rules: KindMarkRules) -> bool:
    words = text.split()
    return 0 < len(words) <= rules.max_words and not re.search(r"\d", text) \
        and re.search(r"[^\W\d_]{2}", text) is not None and not _LABEL.search(text)


def find_kind_mark(page: PageLayout, title_blocks: Sequence[Block], body_size: float,
                   is_letterhead) -> KindMark | None:
    """The kind word at the head of a page that prints a title (`title_blocks`), or None."""
    if not title_blocks:
        return None
    rules = load_rules()
    if page.header and HEADER_SEPARATOR in page.header:
        # (a watermark across the page is in the header's lines, and names no kind of the paper)
        marks = {p.strip() for p in page.watermark.split(HEADER_SEPARATOR)} if page.watermark else set()
        parts = [p.strip() for p in page.header.split(HEADER_SEPARATOR) if p.strip() not in marks]
        if parts and _short(parts[-1], rules):
            return KindMark(parts[-1], header=tuple(mask(p) for p in parts[:-1]))
    title = title_blocks[0]
    blocks = [b for b in page.blocks if b.kind is BlockKind.BODY]
    above = [b for b in blocks if b is not title and b.bbox.bottom <= title.bbox.top + 1 and not is_letterhead(b)]
    if above:
        nearest = max(above, key=lambda b: b.bbox.bottom)
        if len(nearest.lines) == 1 and _short(nearest.text, rules):
            return KindMark(" ".join(nearest.text.split()), nearest)
        return None
    # the large kind word is the title block, the paper's title right under it in a type of its own
    if len(title.lines) != 1 or not _short(title.text, rules):
        return None
    below = [b for b in blocks if b.bbox.top >= title.bbox.bottom - 1 and b.bbox.x_overlap(title.bbox) > 0]
    if not below:
        return None
    under = min(below, key=lambda b: b.bbox.top)
    prominent = under.bold or under.size >= body_size + 1
    if prominent and under.bbox.top - title.bbox.bottom <= rules.gap * title.size and not _LABEL.search(under.text) \
            and abs(under.size - title.size) > rules.size:
        return KindMark(" ".join(title.text.split()), title)
    return None


def _names_kind(text: str) -> bool:
    """A kind of paper the title cues know, or a masthead's kind word (alone or ending a compound)."""
    words = text.casefold().split()
    return classify([text[:1].upper() + text[1:]], []) is not None \
        or bool(words) and any(words[-1].endswith(w) for w in load_rules().kind_words)


def kind_changes(before: KindMark, here: KindMark) -> bool:
    """Whether `here` names another kind of paper than `before`, set the same way."""
    if before.text.casefold() == here.text.casefold() or not (_names_kind(before.text) or _names_kind(here.text)):
        return False
    return _set_alike(before, here)


def same_kind(before: KindMark, here: KindMark) -> bool:
    """Whether `here` repeats the kind word of `before`, set the same way (the masthead of the next
    paper of the same kind, or a page that repeats its paper's masthead)."""
    return before.text.casefold() == here.text.casefold() and _set_alike(before, here)


def _set_alike(before: KindMark, here: KindMark) -> bool:
    if before.block is None or here.block is None:
        return before.block is None and here.block is None and before.header == here.header
    rules = load_rules()
    a, b = before.block, here.block
    aligned = min(abs(a.bbox.x0 - b.bbox.x0), abs(a.bbox.x1 - b.bbox.x1),
                  abs((a.bbox.x0 + a.bbox.x1) - (b.bbox.x0 + b.bbox.x1)) / 2) <= rules.align
    return aligned and abs(a.size - b.size) <= rules.size and a.bold == b.bold
