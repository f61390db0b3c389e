"""Answers of a pure test of a text under a rules object, remembered for the latest texts.

The stages ask some tests of the same lines again and again (whether a line opens decision points,
which plan kind a heading names: a document's headings and lines are read by several passes, and a
batch's papers share their boilerplate). A `TextMemo` keeps what a test answered for a text under
one rules object, so asking again costs a dictionary look-up. The test must be a pure function of
the text and the rules (its answer immutable); the memo keeps the rules objects it was asked under
(so an id stays theirs) and starts over past `size` texts.
"""
from __future__ import annotations

from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")


class TextMemo(Generic[T]):
    """`memo(test, text, rules)`: `test(text, rules)`, answered once per text and rules object."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._seen: dict[tuple[int, str], T] = {}
        self._rules: dict[int, Any] = {}

    def __call__(self, test: Callable[[str, Any], T], text: str, rules: Any) -> T:
        key = (id(rules), text)
        try:
            return self._seen[key]
        except KeyError:
            pass
        value = test(text, rules)
        if len(self._seen) >= self.size:
            self._seen, self._rules = {}, {}
        self._rules[id(rules)] = rules
        self._seen[key] = value
        return value
