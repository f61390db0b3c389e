"""Which theme each section is about: the theme decision of the `sections` dataset.

First the heading path (a heading that names a theme: method `heading_path`, score 1). Otherwise
the section's words: every theme takes the topics of `rules/theme_lexicons.toml` whose terms occur in
its label, and the section goes to the theme whose topics' terms it uses most, when that is enough
hits and most of the hits of all topics (a section about a topic no theme covers stays without one).
Method `lexicon`, score = the theme's share of all topic hits. No decision leaves the theme null
(method `none`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.semantics.plans import Theme, theme_of_section
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.sections import Section

@dataclass(frozen=True)
class ThemeDecision:
    theme: Theme | None
    score: float | None
    method: str  # heading_path | lexicon | none


@dataclass(frozen=True)
class _Lexicon:
    topics: dict[str, tuple[str, ...]]
    min_hits: int
    min_share: float


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    data = read_rules("theme_lexicons")
    topics = {name: tuple(t.lower() for t in topic["terms"]) for name, topic in data["topics"].items()}
    cls = data["classification"]
    return _Lexicon(topics, int(cls["min_hits"]), float(cls["min_share"]))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9][a-zà-ÿ0-9-]*", text.lower())


def _hits(text: str, terms: Sequence[str]) -> int:
    """How many words (or word sequences, for terms of several words) of the text start with a term."""
    return _count(_spaced(text), terms)


def _spaced(text: str) -> str:
    """The text's words, lower-cased, each after a space (and a space at the end)."""
    return " " + " ".join(_words(text)) + " "


def _count(spaced: str, terms: Sequence[str]) -> int:
    return sum(spaced.count(" " + term) for term in terms)


def theme_topics(theme: Theme) -> tuple[str, ...]:
    """The topics whose terms occur in the theme's label."""
    label = theme.label.lower()
    return tuple(name for name, terms in lexicon().topics.items() if _hits(label, terms))


def classify_sections(sections: Sequence[Section], themes: Sequence[Theme]) -> list[ThemeDecision]:
    """The theme decision of each section, in order."""
    lex = lexicon()
    topics = [theme_topics(t) for t in themes]
    decisions: list[ThemeDecision] = []
    for section in sections:
        theme = theme_of_section(section, themes)
        if theme is not None:
            decisions.append(ThemeDecision(theme, 1.0, "heading_path"))
            continue
        spaced = _spaced(" ".join(filter(None, [section.heading, section.text])))  # once, not once per topic
        per_topic = {name: _count(spaced, terms) for name, terms in lex.topics.items()}
        total = sum(per_topic.values())
        hits = [sum(per_topic[name] for name in names) for names in topics]
        best = max(range(len(themes)), key=lambda i: (hits[i], -i), default=None)
        if best is None or hits[best] < lex.min_hits or hits[best] <= lex.min_share * total:
            decisions.append(ThemeDecision(None, None, "none"))
            continue
        decisions.append(ThemeDecision(themes[best], round(min(1.0, hits[best] / total), 3), "lexicon"))
    return decisions
