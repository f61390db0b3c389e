"""Named entities in section text: laws (with BWB ids), organisations, places, persons, money, dates.

A spaCy pipeline (`spacy.blank("nl")`: no pretrained Dutch model can be installed here) tokenizes
the sections in batches (`nlp.pipe`); phrase matchers fed by the gazetteer and the lexicons of
`rules/entities.toml` and patterns for names, dates and amounts find the entities; overlapping
finds keep the longest. Each entity is normalized: a law to its BWB id, a date to ISO, money to
euros, an organisation to its canonical name.

This is the rule layer; a statistical `ner` trained on an annotated corpus in the repository is
the next step (see the issue tracker).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

from extractors.amounts import find_amounts_in_text
from extractors.dates import find_dates
from extractors.rules import read_rules

GAZETTEER = Path(__file__).parent / "data" / "dutch_laws_2017.tsv"
MAX_LAW_TOKENS = 8
MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december")
MONTH_YEAR = re.compile(rf"\b(?:\d{{1,2}}\s+)?(?:{MONTHS})(?:\s+\d{{4}})?\b", re.IGNORECASE)
INITIALS_NAME = re.compile(r"\b(?:[A-Z]\.\s?){1,4}\s?(?:(?:van|de|der|den|ter|ten|te|het)\s)*[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?")
PRIORITY = {"LAW": 5, "MONEY": 5, "DATE": 4, "PER": 3, "ORG": 2, "LOC": 1}


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    normalized: str | None
    method: str


@dataclass
class _Lexicons:
    laws: dict[str, str | None]  # lower-cased name -> BWB id
    law_aliases: dict[str, str | None]
    law_word: re.Pattern[str]
    organisations: dict[str, str]
    organisation_heads: list[str]
    organisation_suffixes: list[str]
    acronym_nouns: list[str]
    places: list[str]
    place_suffix: re.Pattern[str]
    compass: re.Pattern[str]
    titles: list[str]


@lru_cache(maxsize=1)
def lexicons() -> _Lexicons:
    data = read_rules("entities")
    laws: dict[str, str | None] = {}
    with open(GAZETTEER, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row["path_name"] or "").strip()
            words = name.split()
            if not name or len(words) > MAX_LAW_TOKENS:
                continue
            if len(words) == 1 and not name.endswith("wet"):
                continue  # one word names only when they end in "wet": "opiumwet", not "stelselwet" alone
            laws.setdefault(name, row["bwb_id"])
    aliases = {alias: laws.get(target) if target else None for alias, target in data["law_aliases"].items()}
    orgs = data["organisation_patterns"]
    return _Lexicons(laws, aliases, re.compile(data["law_pattern"]["word"]), dict(data["organisations"]),
                     list(orgs["heads"]), list(orgs["suffixes"]), list(orgs["acronym_nouns"]),
                     list(data["places"]["names"]), re.compile(data["places"]["place_suffix"]),
                     re.compile(data["places"]["compass"]), list(data["persons"]["titles"]))


@lru_cache(maxsize=1)
def pipeline():
    """The spaCy pipeline and its matchers (built once per process)."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("nl")
    lex = lexicons()
    laws = PhraseMatcher(nlp.vocab, attr="LOWER")
    laws.add("LAW", list(nlp.tokenizer.pipe(lex.laws)))
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    exact.add("LOC", list(nlp.tokenizer.pipe(lex.places)))
    return nlp, laws, exact


@lru_cache(maxsize=1)
def _names_pattern() -> re.Pattern[str]:
    """Law aliases and organisation names, matched as written, also inside a hyphenated compound
    ("APV-bepaling", "ZonMw-subsidie")."""
    lex = lexicons()
    names = sorted(set(lex.law_aliases) | set(lex.organisations), key=len, reverse=True)
    return re.compile(r"(?<![\w&-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")


def find_entities(texts: Sequence[str], municipality: str | None = None, batch_size: int = 64,
                  people: Sequence[str] = ()) -> list[list[Entity]]:
    """Entities of each text (in order), found in one batched pass. `people` are names known from
    the documents' signature blocks."""
    nlp, laws, exact = pipeline()
    lex = lexicons()
    out: list[list[Entity]] = []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        found: list[Entity] = []
        for matcher in (laws, exact):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                label = nlp.vocab.strings[match_id]
                found.append(Entity(span.start_char, span.end_char, span.text, label,
                                    _normalize(label, span.text, lex), f"lexicon:{label.lower()}"))
        for m in _names_pattern().finditer(doc.text):
            label = "LAW" if m.group(1) in lex.law_aliases else "ORG"
            found.append(Entity(m.start(1), m.end(1), m.group(1), label, _normalize(label, m.group(1), lex),
                                f"lexicon:{label.lower()}"))
        found += _patterns(doc.text, lex, municipality)
        for name in people:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
                found.append(Entity(m.start(), m.end(), name, "PER", name, "signature"))
        out.append(_longest_first(found))
    return out


def _normalize(label: str, text: str, lex: _Lexicons) -> str | None:
    if label == "LAW":
        if text in lex.law_aliases:
            return lex.law_aliases[text]
        return lex.laws.get(text.lower())
    if label == "ORG":
        return lex.organisations.get(text, text)
    return text


def _patterns(text: str, lex: _Lexicons, municipality: str | None) -> list[Entity]:
    found: list[Entity] = []
    for m in re.finditer(r"\b[A-Z][\w-]*(?:\s+\d{4})?\b", text):
        word = m.group(0).split()[0]
        if lex.law_word.match(word):
            found.append(Entity(m.start(), m.end(), m.group(0), "LAW", lex.laws.get(m.group(0).lower()), "pattern:law"))
    heads = "|".join(re.escape(h) for h in lex.organisation_heads)
    word = rf"(?!(?:{heads})\b)[A-Z][\w&-]*"
    for head in lex.organisation_heads:
        pattern = rf"(?<!\w){re.escape(head)}\s+{word}(?:\s+(?:(?:en|voor|van|de|het|tegen)\s+)?{word}){{0,4}}"
        for m in re.finditer(pattern, text):
            found.append(Entity(m.start(), m.end(), m.group(0), "ORG", m.group(0), "pattern:org"))
    suffixes = "|".join(re.escape(x) for x in lex.organisation_suffixes)
    for m in re.finditer(rf"\b(?:[A-Z][\w-]+ ){{1,3}}(?:{suffixes})\b", text):
        found.append(Entity(m.start(), m.end(), m.group(0), "ORG", m.group(0), "pattern:org_suffix"))
    nouns = "|".join(re.escape(x) for x in lex.acronym_nouns)
    long_form = r"(?:[A-ZÀ-Þ][\w-]* (?:(?:en|van|voor|tegen|de|het) )?){0,4}"
    for m in re.finditer(rf"\b(?P<name>{long_form}(?:{nouns})(?: [\w-]+){{0,3}}) \((?P<acronym>[A-Z][A-Za-z&]{{1,6}})\)", text):
        for group in ("name", "acronym"):
            found.append(Entity(m.start(group), m.end(group), m.group(group), "ORG", m.group("name"), "pattern:acronym"))
    for m in re.finditer(r"\b[A-Z][\w-]+\b", text):
        if lex.place_suffix.match(m.group(0)):
            found.append(Entity(m.start(), m.end(), m.group(0), "LOC", m.group(0), "pattern:place_suffix"))
    for m in re.finditer(r"\b(?:Noord|Oost|Zuid|West)[- ]Nederland\b", text):
        found.append(Entity(m.start(), m.end(), m.group(0), "LOC", m.group(0), "pattern:compass"))
    if municipality:
        for m in re.finditer(rf"\b{re.escape(municipality)}\b", text):
            found.append(Entity(m.start(), m.end(), m.group(0), "LOC", municipality, "pattern:municipality"))
    for m in re.finditer(r"\b[Gg]emeenten? ((?:[A-Z][\w-]+)(?:, *[A-Z][\w-]+)*(?: en [A-Z][\w-]+)?)", text):
        for name in re.finditer(r"[A-Z][\w-]+", m.group(1)):
            start = m.start(1) + name.start()
            found.append(Entity(start, start + len(name.group(0)), name.group(0), "LOC", name.group(0), "pattern:gemeente"))
    found += _persons(text, lex)
    for value, (start, end) in find_dates(text):
        found.append(Entity(start, end, text[start:end], "DATE", value.isoformat(), "pattern:date"))
    for m in MONTH_YEAR.finditer(text):
        found.append(Entity(m.start(), m.end(), m.group(0), "DATE", None, "pattern:month"))
    for amount in find_amounts_in_text(text, page=0):
        start = text.find(amount.text)
        if start >= 0:
            found.append(Entity(start, start + len(amount.text), amount.text, "MONEY", f"{amount.amount_eur:.2f} EUR",
                                "pattern:money"))
    return found


def _persons(text: str, lex: _Lexicons) -> list[Entity]:
    found = [Entity(m.start(), m.end(), m.group(0).strip(), "PER", m.group(0).strip(), "pattern:initials")
             for m in INITIALS_NAME.finditer(text)]
    titles = "|".join(re.escape(t) for t in sorted(lex.titles, key=len, reverse=True))
    name = r"(?:[A-Z]\.\s?){0,4}(?:(?:van|de|der|den|ter|ten|te|het)\s)*[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+(?:\s[A-ZÀ-ÖØ-Þ][a-zà-ÿ]+)?"
    for m in re.finditer(rf"(?i:\b(?:{titles}))\s+(?!van\s)(?P<name>{name})(?:\s+en\s+(?P<second>{name}))?", text):
        for group in ("name", "second"):
            if m.group(group):
                found.append(Entity(m.start(group), m.end(group), m.group(group), "PER", m.group(group), "pattern:title"))
    return found


def _longest_first(found: Iterable[Entity]) -> list[Entity]:
    kept: list[Entity] = []
    for e in sorted(found, key=lambda e: (-(e.end - e.start), -PRIORITY[e.label], e.start)):
        if e.end <= e.start or any(e.start < k.end and k.start < e.end for k in kept):
            continue
        kept.append(e)
    return sorted(kept, key=lambda e: (e.start, e.end))
