"""TextMemo: a test's answer per text and rules object, the same as asking the test itself."""
from __future__ import annotations

from raadsstukken.extractors.text.memo import TextMemo


class _Rules:
    """Rules objects that compare equal but are not the same: the memo keeps them apart."""

    def __init__(self, word: str) -> None:
        self.word = word

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = None  # type: ignore[assignment]  (rules objects with dicts are unhashable)


def test_an_answer_is_computed_once_per_text_and_rules_object():
    calls: list[tuple[str, str]] = []

    def names_word(text: str, rules: _Rules) -> bool:
        calls.append((text, rules.word))
        return rules.word in text

    memo: TextMemo[bool] = TextMemo()
    first, second = _Rules("kade"), _Rules("steiger")
    assert memo(names_word, "herstel van de kade", first) is True
    assert memo(names_word, "herstel van de kade", first) is True
    assert memo(names_word, "herstel van de kade", second) is False  # other rules: asked again
    assert calls == [("herstel van de kade", "kade"), ("herstel van de kade", "steiger")]


def test_past_its_size_the_memo_starts_over_with_the_same_answers():
    memo: TextMemo[int] = TextMemo(size=3)
    rules = _Rules("")
    texts = [f"regel {k}" for k in range(10)] * 2
    assert [memo(lambda t, r: len(t), t, rules) for t in texts] == [len(t) for t in texts]
    assert len(memo._seen) <= 3
