"""A model find is kept only where the document uses it as a name: after a lower-case word or a
comma (`entities._used_as_name`), found by `str.find` exactly where the regular expression it
replaced matched."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsstukken.extractors.semantics.entities import _used_as_name

ALPHABET = "aZé÷ÿÀ ,-_'‘“\"(1\nNm"


def _regex(name: str, texts: str) -> bool:
    return re.search(rf"[a-zà-ÿ,] (?:[‘'“\"(])?{re.escape(name)}(?![\w-])", texts) is not None


@settings(max_examples=1000, deadline=None, derandomize=True)
@given(st.text(alphabet=ALPHABET, max_size=30), st.data())
def test_the_same_as_the_pattern(texts, data):
    if texts and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(texts) - 1))
        name = texts[i:i + data.draw(st.integers(1, 6))]
    else:
        name = data.draw(st.text(alphabet=ALPHABET, min_size=1, max_size=4))
    assert _used_as_name(name, texts) == _regex(name, texts)


def test_names_used_as_names_in_own_wordings():
    assert _used_as_name("Oosterpark", "we bouwen in Oosterpark een school")
    assert _used_as_name("Oosterpark", "scholen, (Oosterpark) en meer")
    assert not _used_as_name("Oosterpark", "Oosterpark krijgt een school")  # only at a sentence start
    assert not _used_as_name("Ooster", "in Oosterpark")  # runs on into a word
    assert not _used_as_name("Ooster", "in Ooster-park")  # or a hyphen
