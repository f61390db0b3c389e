"""A template's document-control box: the head box that repeats what the page's running head or foot prints.

Some templates print the document's management data twice on a page: in the running foot or head
("Documentnummer D123456 | pagina 1 van 3", furniture) and in a box of labels over values at the head
of the text ("Documentnummer | Versie | Classificatie" over "D123456 | 1.0 | Openbaar"). The box is the
template's copy of its furniture, no part of the paper's text and no field of its own: a label row over
a value row is furniture as a whole when one of its label and value pairs is a pair the same page's
furniture prints ("Documentnummer" over "D123456" under "Documentnummer D123456" in the foot). Only the
same page counts: a letter's following pages repeat its reference in their running head, and its first
page's head rows stay the paper's own. Parameters in `rules/page_furniture.toml [control_box]`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import Line, Word
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class ControlBoxRules:
    label_words: int
    """Most words of a label before its value in a furniture line."""
    min_value: int
    """Fewest characters of a value (holding a digit) that ties a box to the furniture."""
    max_words: int
    """Most words of each row of the box: a longer line is the text."""
    align: float
    """Points within which a value stands under the start of its label."""
    gap: float
    """Largest white space between the label row and the value row, in the value row's heights."""


@lru_cache(maxsize=1)
def load_rules() -> ControlBoxRules:
    c = read_rules("page_furniture")["control_box"]
    return ControlBoxRules(int(c["label_words"]), int(c["min_value"]), int(c["max_words"]), float(c["align"]),
                           float(c["gap"]))


_LABEL_WORD = re.compile(r"[^\W\d_][\w.-]*")


def _fold(text: str) -> str:
    return text.strip(" :;,.|").casefold()


def furniture_pairs(furniture: Sequence[Line], rules: ControlBoxRules | None = None) -> set[tuple[str, str]]:
    """(label, value) pairs the furniture lines print: a value of `min_value` characters or more that
    holds a digit, after a label of up to `label_words` words ("Documentnummer D123456")."""
    r = rules or load_rules()
    pairs: set[tuple[str, str]] = set()
    for line in furniture:
        words = [w.text for w in line.words]
        for i, word in enumerate(words):
            value = _fold(word)
            if i == 0 or len(value) < r.min_value or not any(ch.isdigit() for ch in value):
                continue
            label: list[str] = []
            for before in reversed(words[max(0, i - r.label_words):i]):
                if not _LABEL_WORD.fullmatch(before.strip(" :")):
                    break
                label.insert(0, _fold(before))
            if label:
                pairs.add((" ".join(label), value))
    return pairs


def control_box_lines(lines: Sequence[Line], furniture: Sequence[Line],
                      rules: ControlBoxRules | None = None) -> list[Line]:
    """The page's lines (not furniture yet) that make a document-control box repeating a label and
    value pair of the page's `furniture`: the label row and the value row under it."""
    r = rules or load_rules()
    pairs = furniture_pairs(furniture, r)
    if not pairs:
        return []
    by_value: dict[str, list[str]] = {}
    for label, value in pairs:
        by_value.setdefault(value, []).append(label)
    ordered = sorted(lines, key=lambda ln: (ln.bbox.top, ln.bbox.x0))
    out: list[Line] = []
    for row in ordered:
        if len(row.words) > r.max_words:
            continue
        for word in row.words:
            labels = by_value.get(_fold(word.text))
            if not labels:
                continue
            above = _label_row(ordered, row, word, labels, r)
            if above is not None:
                out += [ln for ln in (above, row) if all(ln is not o for o in out)]
                break
    return out


def _label_row(ordered: Sequence[Line], row: Line, value: Word, labels: Sequence[str],
               rules: ControlBoxRules) -> Line | None:
    """The line right above `row` that prints one of `labels` starting over `value`, or None."""
    for line in ordered:
        if line is row or len(line.words) > rules.max_words or line.bbox.bottom > row.bbox.top + 0.5 \
                or row.bbox.top - line.bbox.bottom > rules.gap * row.bbox.height:
            continue
        words = line.words
        for k, word in enumerate(words):
            if abs(word.bbox.x0 - value.bbox.x0) > rules.align:
                continue
            for label in labels:
                n = len(label.split())
                if " ".join(_fold(w.text) for w in words[k:k + n]) == label:
                    return line
    return None
