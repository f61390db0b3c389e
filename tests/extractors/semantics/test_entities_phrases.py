"""The lexicon phrase matchers, filled as texts need them (`entities_phrases`): their matches are
those of spaCy phrase matchers holding every phrase from the start, on texts that write the phrases
in other case, with other whitespace, glued to punctuation, cut in two, and not at all."""
from __future__ import annotations

import random

from raadsstukken.extractors.semantics.entities import MODEL_DIR
from raadsstukken.extractors.semantics.entities_phrases import LexiconMatchers
from raadsstukken.extractors.semantics.entities_spacy import load_model

LAWS = ["Wet op de kinderopvang", "Kieswet", "Wet ruimtelijke ordening", "Besluit omgevingsrecht",
        "Wet maatschappelijke ondersteuning 2015", "Regeling a.b.c.-voorzieningen", "Wet Σ-heffing", "Wet op"]
PLACES = ["Zwolle", "Den Bosch", "Noord-Holland", "Ede", "Oss"]
FILLER = ["de", "raad", "besluit", "(zie", "art.", "1", "en", "het", "college", "wet", "op", "over", ",", "-"]


def _writings(phrase: str, rng: random.Random) -> str:
    words = phrase.split()
    form = rng.choice(["as is", "upper", "lower", "spaces", "glued", "cut", "newline"])
    if form == "upper":
        return phrase.upper()
    if form == "lower":
        return phrase.lower()
    if form == "spaces":
        return "  ".join(words)
    if form == "glued":
        return "(" + phrase + ")."
    if form == "cut":
        return phrase[: max(1, len(phrase) // 2)]
    if form == "newline":
        return "\n".join(words)
    return phrase


def _texts(rng: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        parts = [rng.choice(FILLER) for _ in range(rng.randint(0, 12))]
        for _ in range(rng.randint(0, 3)):
            parts.insert(rng.randint(0, len(parts)), _writings(rng.choice(LAWS + PLACES), rng))
        out.append(" ".join(parts))
    return out


def _full(nlp):
    from spacy.matcher import PhraseMatcher

    laws, places = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
    laws.add("LAW", [nlp.make_doc(p) for p in LAWS])
    places.add("LOC", [nlp.make_doc(p) for p in PLACES])
    return lambda doc: list(laws(doc)) + list(places(doc))


def test_lazy_matchers_match_as_matchers_holding_every_phrase() -> None:
    nlp = load_model(MODEL_DIR)
    lazy, full = LexiconMatchers(nlp, LAWS, PLACES), _full(load_model(MODEL_DIR))
    rng = random.Random(2026)
    matched = 0
    for _ in range(60):  # files of a batch: the phrases added so far stay
        texts = _texts(rng, rng.randint(1, 6))
        matchable = lazy.prepare(texts)
        for text, can in zip(texts, matchable):
            expected = [(nlp.vocab.strings[i], s, e) for i, s, e in full(nlp.make_doc(text))]
            got = [(nlp.vocab.strings[i], s, e) for i, s, e in lazy(nlp.make_doc(text))]
            assert got == expected, text
            assert can or not expected, text  # a text said to hold no phrase has no match
            matched += bool(expected)
    assert matched > 30


def test_a_text_without_any_phrase_is_not_matchable() -> None:
    nlp = load_model(MODEL_DIR)
    lazy = LexiconMatchers(nlp, ["Wet op de kinderopvang"], ["Zwolle"])
    assert lazy.prepare(["de raad besluit over de opvang", "WET OP DE\nKINDEROPVANG", "in zwolle", "(Zwolle)"]) == \
        [False, True, False, True]
    assert lazy.laws.added == {"wetopdekinderopvang"}


def test_a_phrase_whose_lower_case_depends_on_its_context_is_added_at_once() -> None:
    nlp = load_model(MODEL_DIR)
    lazy = LexiconMatchers(nlp, ["Wet Σ-heffing", "Kieswet"], [])
    assert lazy.unindexed and lazy.prepare(["niets hier"]) == [True]
    assert [nlp.vocab.strings[i] for i, _, _ in lazy(nlp.make_doc("de wet σ-heffing"))] == ["LAW"]
