"""Whether a page that names a kind of paper at its top carries on the document open before it.

Exports and Word templates repeat a band at the top of every page: the body's name and the kind
word ("Gemeente X  ·  BESLUITENLIJST"), set in running-header type. On a short file it does not
repeat often enough to be found as furniture, and its kind word reads like a type line that opens
a document. Two conventions tell such a page from the first page of a new paper of the same kind
(`rules/doc_types.toml [carry_on]`):

- the band repeats the open document's body and kind word, names no paper of its own and is set no
  larger than the body's type (a paper's own band or type line stands out on its first page);
- the agenda numbering runs on: the page's first item follows the previous page's last one
  ("4.a" → "4.b", "3" → "4"); a new list starts its own numbering.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Sequence

from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class CarryOnRules:
    band_height: float
    """How far below the topmost block a block still belongs to the band, in its font sizes."""
    max_size_over_body: float
    """How much larger than the body's type a running band may be set, in points."""
    item: re.Pattern[str]
    """A line that opens an agenda item with its number (decisions.toml [agenda] item)."""


@lru_cache(maxsize=1)
def load_rules() -> CarryOnRules:
    data = read_rules("doc_types")["carry_on"]
    agenda = read_rules("decisions")["agenda"]
    return CarryOnRules(float(data["band_height"]), float(data["max_size_over_body"]), re.compile(agenda["item"]))


def top_band(page: PageLayout) -> list[Block]:
    """The blocks set beside one another at the very top of a page's body (a header band)."""
    blocks = [b for b in page.blocks if b.kind is BlockKind.BODY]
    if not blocks:
        return []
    rules = load_rules()
    top = min(b.bbox.top for b in blocks)
    return [b for b in blocks if b.bbox.top - top <= rules.band_height * b.size]


def repeats_band(band: Sequence[Block], first_page: PageLayout, body_size: float,
                 is_kind_word: Callable[[Block], bool], is_letterhead: Callable[[Block], bool]) -> bool:
    """Whether a page's top band only repeats the body's name and the kind word of the document
    whose first page is `first_page`, in running-header type: each block of the band is the bare
    kind word or a letterhead that page also prints, and it names a body."""
    if len(band) < 2:
        return False
    rules = load_rules()
    if max(b.size for b in band) > body_size + rules.max_size_over_body:
        return False
    printed = {" ".join(b.text.split()).casefold() for b in first_page.blocks}
    heads = [b for b in band if is_letterhead(b)]
    kinds = [b for b in band if b not in heads and is_kind_word(b)]
    return bool(heads) and bool(kinds) and len(heads) + len(kinds) == len(band) \
        and all(" ".join(b.text.split()).casefold() in printed for b in heads)


def item_numbers(page: PageLayout) -> list[str]:
    """The agenda item numbers that open lines of a page's body, in reading order."""
    rules = load_rules()
    found: list[str] = []
    for block in page.blocks:
        if block.kind is not BlockKind.BODY:
            continue
        for line in block.lines:
            m = rules.item.match(" ".join(line.text.split()))
            if m:
                found.append(m.group("item"))
    return found


def _parts(number: str) -> list[str]:
    return [p for p in re.split(r"\.|(?<=\d)(?=[a-z])", number) if p]


def _next(part: str) -> str:
    return str(int(part) + 1) if part.isdigit() else chr(ord(part) + 1)


def runs_on(last: str, first: str) -> bool:
    """Whether item `first` follows item `last` in one agenda's numbering: the next item at the
    same level ("4.a" → "4.b"), at a level up ("4.b" → "5") or the first one a level down
    ("4" → "4.a", "4.1")."""
    a, b = _parts(last), _parts(first)
    if not a or not b:
        return False
    for depth in range(len(a), 0, -1):
        if b == a[:depth - 1] + [_next(a[depth - 1])]:
            return True
    return len(b) == len(a) + 1 and b[:-1] == a and b[-1] in ("1", "a")
