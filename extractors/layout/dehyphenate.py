"""Joining running text across line ends: undo hyphenation, keep real hyphens.

"opge-" + "vangen" -> "opgevangen"; "Oost-" + "Nederland" -> "Oost-Nederland"; "2020-" + "2023"
-> "2020-2023"; "boven-" + "en onderwereld" -> "boven- en onderwereld"; "APV-" + "bepaling" ->
"APV-bepaling". Where a lower-case continuation could be either, the document decides: a form
attested elsewhere in its text (not broken at a line end) wins.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable
from raadsstukken.extractors.rules import read_rules


_TOKEN = re.compile(r"[\w][\w'’\-]*", re.UNICODE)
_EDGE_PUNCT = "()[]{}\"'“”‘’«».,;:!?…"


@dataclass(frozen=True)
class HyphenationRules:
    connectors: frozenset[str]
    hyphens: str
    soft_hyphen: str


@lru_cache(maxsize=1)
def load_rules() -> HyphenationRules:
    data = read_rules("hyphenation")
    return HyphenationRules(
        connectors=frozenset(w.casefold() for w in data["suspended_connectors"]),
        hyphens="".join(data["hyphens"]),
        soft_hyphen=data["soft_hyphen"],
    )


class Vocabulary:
    """Word forms of a document, counted where they are not broken by a line end."""

    def __init__(self) -> None:
        self._counts: Counter[str] = Counter()

    def add_line(self, text: str) -> None:
        tokens = text.split()
        # the last token may be the first half of a broken word, the first one its tail
        for token in tokens[1:-1]:
            core = token.strip(_EDGE_PUNCT).casefold()
            if core:
                self._counts[core] += 1

    def add_lines(self, texts: Iterable[str]) -> None:
        for t in texts:
            self.add_line(t)

    def __contains__(self, word: str) -> bool:
        return word.casefold() in self._counts


def ends_with_break(text: str, rules: HyphenationRules | None = None) -> bool:
    """Whether `text` ends in a hyphen glued to a word (a candidate line-end break)."""
    rules = rules or load_rules()
    return len(text) >= 2 and text[-1] in rules.hyphens and (text[-2].isalnum())


def join_running_text(left: str, right: str, vocabulary: Vocabulary | None = None,
                      rules: HyphenationRules | None = None) -> str:
    """Join two pieces of running text that meet at a line (or column, or page) end."""
    rules = rules or load_rules()
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if not ends_with_break(left, rules):
        return f"{left} {right}"
    if left[-1] == rules.soft_hyphen:
        return left[:-1] + right
    first = right.split(maxsplit=1)[0]
    core = first.strip(_EDGE_PUNCT)
    lead = right[0]
    if lead.isupper() or lead.isdigit():
        return left + right  # "Oost-" + "Nederland", "2020-" + "2023"
    if not lead.isalpha():
        return f"{left} {right}"
    if core.casefold() in rules.connectors:
        return f"{left} {right}"  # "boven- en onderwereld"
    stem = left.split()[-1][:-1].lstrip(_EDGE_PUNCT)
    if keep_hyphen(stem, core, vocabulary):
        return left + right
    return left[:-1] + right


def keep_hyphen(stem: str, tail: str, vocabulary: Vocabulary | None) -> bool:
    """Whether "stem-" + "tail" at a line end is a real hyphenated compound."""
    if vocabulary is not None:
        hyphenated, joined = f"{stem}-{tail}", f"{stem}{tail}"
        if hyphenated in vocabulary and joined not in vocabulary:
            return True
        if joined in vocabulary:
            return False
    last = stem[-1:] if stem else ""
    if last.isdigit() or (last.isupper() and len(stem) <= 6 and stem.isupper()):
        return True  # "APV-bepaling", "2e-" + "lijns": a hyphen after an acronym or a number stays
    if vocabulary is not None and stem[:1].isupper() and len(stem) > 3 and len(tail) >= 4:
        # a capitalised word and a word of its own on either side: "Opiumwet-overtredingen"
        return stem in vocabulary and tail in vocabulary
    return False
