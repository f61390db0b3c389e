"""The lexicon phrase matchers of the entity stage (laws by lower case, places as written), each
phrase tokenized and added the first time a text of the process could hold it.

Tokenizing the 2,291 law names of the gazetteer and making lexemes of their words cost about 0.2
CPU s of every run's process (measured), for the few dozen names a batch of papers holds. A
phrase matches a doc only where the doc's tokens give, attribute for attribute, the phrase's
tokens; those tokens are a stretch of the text, so the phrase with its whitespace taken out (lower
cased for the law matcher: spaCy's LOWER is `str.lower` of a token, and `str.lower` maps each
character on its own but for the Greek capital sigma, which no phrase holds) is then a substring
of the text with its whitespace taken out (and lower cased). So `prepare` adds, before a file's
texts are tokenized, every phrase passing that test (a superset of those that can match: the
others change nothing), and tells which texts have any such phrase at all: a text with none has no
match, so the entity stage need not tokenize it for the matchers. A phrase once added stays. The
matches are those of matchers holding every phrase (tests/extractors/semantics pin it).
"""
from __future__ import annotations

from collections import Counter
from itertools import chain
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

GRAM = 4
"""Length of the character grams that index the phrases (`_Phrases`)."""
CONTEXT_CASE = frozenset("Σσς")
"""Characters whose lower case depends on the letters around them (`str.lower`'s final sigma): a
phrase holding one is added at once, the substring test does not hold for it."""


def squeezed(text: str) -> str:
    """`text` without whitespace (what `str.split` splits on, as spaCy's tokenizer does)."""
    return "".join(text.split())


@dataclass
class _Phrases:
    """The phrases of one matcher, indexed by key (the phrase squeezed, lower cased when `lower`).

    A key of GRAM characters or more is found through its rarest gram among all keys (`anchors`):
    the text's grams, as a set, meet the anchors in one intersection, and only the keys of the
    anchors met are looked for in the text. Shorter keys are looked for directly.
    """

    label: str
    lower: bool
    by_grams: bool
    """Whether keys are found through grams; if not (a short list), each is looked for directly."""
    phrases: dict[str, list[str]] = field(default_factory=dict)  # key -> phrases
    anchors: dict[str, list[str]] = field(default_factory=dict)  # gram -> keys
    short: list[str] = field(default_factory=list)
    added: set[str] = field(default_factory=set)

    def index(self, phrases: Iterable[str], now: list[str]) -> None:
        for phrase in phrases:
            key = squeezed(phrase)
            if not key or CONTEXT_CASE.intersection(phrase):
                now.append(phrase)  # found by no substring test: added at once
                continue
            self.phrases.setdefault(key.lower() if self.lower else key, []).append(phrase)
        grams = {key: [key[i:i + GRAM] for i in range(len(key) - GRAM + 1)] for key in self.phrases}
        freq = Counter(chain.from_iterable(grams.values()))
        for key, gs in grams.items():
            if gs and self.by_grams:
                self.anchors.setdefault(min(gs, key=freq.__getitem__), []).append(key)  # first rarest
            else:
                self.short.append(key)

    def keys_in(self, hay: str) -> list[str]:
        """The keys that are substrings of `hay`."""
        found = [k for k in self.short if k in hay]
        if self.anchors:
            grams = {hay[i:i + GRAM] for i in range(len(hay) - GRAM + 1)}
            found += [k for g in grams.intersection(self.anchors) for k in self.anchors[g] if k in hay]
        return found


class LexiconMatchers:
    """spaCy phrase matchers for the gazetteer's laws (attribute LOWER, label LAW) and the lexicon's
    places (ORTH, LOC), filled as texts need them (see the module)."""

    def __init__(self, nlp: Language, laws: Iterable[str], places: Iterable[str]) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.laws = _Phrases("LAW", lower=True, by_grams=True)
        self.places = _Phrases("LOC", lower=False, by_grams=False)  # a few dozen
        self.matchers = {"LAW": PhraseMatcher(nlp.vocab, attr="LOWER"), "LOC": PhraseMatcher(nlp.vocab, attr="ORTH")}
        self.unindexed = False  # a phrase no test finds was added at once: every text is tokenized
        for phrases, items in ((self.laws, laws), (self.places, places)):
            now: list[str] = []
            phrases.index(items, now)
            self._add(phrases.label, now)
            self.unindexed = self.unindexed or bool(now)

    def prepare(self, texts: Sequence[str]) -> list[bool]:
        """Add every phrase `texts` could hold; for each text, whether any phrase could match in it.
        Call before `texts` are tokenized (a phrase's own tokenizing adds the tokenizer exceptions
        it needs)."""
        hays = [squeezed(t) for t in texts]
        lows = [h.lower() for h in hays]
        out = [self.unindexed] * len(texts)
        for phrases, per_text in ((self.laws, lows), (self.places, hays)):
            hay = "\n".join(per_text)  # no key holds whitespace: none spans two texts
            keys = phrases.keys_in(hay)
            new = [k for k in keys if k not in phrases.added]
            if new:
                phrases.added.update(new)
                self._add(phrases.label, [p for k in sorted(new) for p in phrases.phrases[k]])
            for i, text in enumerate(per_text):
                out[i] = out[i] or any(k in text for k in keys)
        return out

    def _add(self, label: str, phrases: list[str]) -> None:
        if not phrases:
            return
        tokenizer: Any = self.nlp.tokenizer  # spaCy types it as any callable
        add_exceptions = getattr(tokenizer, "add_exceptions_for", None)  # the deferred exceptions' tokenizer
        for phrase in phrases:
            if add_exceptions is not None:
                add_exceptions(phrase)
        self.matchers[label].add(label, [tokenizer(p) for p in phrases])

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match id, start, end) of the law matcher, then of the place matcher, as spaCy gives them."""
        return [m for matcher in self.matchers.values() for m in matcher(doc)]
