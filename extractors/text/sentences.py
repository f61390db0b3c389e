"""Sentences of Dutch running text: where one ends, so a paragraph's first sentence can be taken
on its own (`rules/sentences.toml`)."""
from __future__ import annotations

import re
from functools import lru_cache

from raadsstukken.extractors.rules import read_rules

_END = re.compile(r"[.!?][\"”’')]*\s+(?=[\"“‘'(]?[A-ZÀ-Þ0-9])")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(a.casefold() for a in read_rules("sentences")["abbreviations"])


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence-ending mark of `text` (the last sentence's end excluded
    when it closes the text)."""
    ends = []
    for m in _END.finditer(text):
        before = text[: m.start() + 1].split()[-1] if text[: m.start() + 1].split() else ""
        word = before.casefold().lstrip("(\"“‘'")
        if text[m.start()] == "." and (word in _abbreviations() or re.fullmatch(r"(?:[^\W\d_]\.)+", word)
                                       or re.fullmatch(r"\d+(?:\.\d+)+\.?", word)):
            continue  # an abbreviation, an initial or a section number ("4.2.1."), not a sentence's end
        before_stop = text[: m.start()]
        if before_stop.count("‘") > before_stop.count("’") or before_stop.count("“") > before_stop.count("”"):
            continue  # inside a quotation
        ends.append(m.start() + 1)
    return ends


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (the whole text when it is one sentence)."""
    ends = sentence_ends(text)
    return text[: ends[0]].strip() if ends else text.strip()
