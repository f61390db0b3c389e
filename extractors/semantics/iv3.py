"""The Iv3 taakveld of every section and of its document, from a lexicon per taakveld.

Why: open-government platforms classify papers into the BBV's nine hoofdtaken; a section-level
taakveld (e.g. `1.2` Openbare orde en veiligheid) lets a reader find every passage on a policy
field across papers. The lexicon is data: the names and terms of `data/iv3_taakvelden.tsv` plus
`rules/iv3.toml` (more terms, weak words, neutral words, procedural cues, thresholds).

How: each term found in a section (heading counted `heading_weight` times) adds 1 / (number of
taakvelden sharing it) to its taakvelden; the document's profile is the sum over its sections.
A section's taakveld is the best of its own shares plus `document_weight` times the document's,
so a short section inherits the subject of its paper; a neutral word (a party's name, a
word that only begins like a term: "GroenLinks", "natuurlijk") is matched first and counts for
nothing; its score is the share of that taakveld in
the section's own evidence (null when only the document decided), so inserting a section elsewhere
changes no other section's score. A procedural item (agenda, minutes,
attendance) with no stronger subject gets 0.1 Bestuur. The method names the deciding terms
(`lexicon:term,term`), `document` when only the paper's profile decided, `procedure:cue` for 0.1
by procedure; no evidence leaves the taakveld null (method `none`).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from raadsstukken.extractors.rules import read_rules

DATA = Path(__file__).resolve().parents[1] / "data" / "iv3_taakvelden.tsv"
SHORT = 4
"""Terms of this many letters or fewer match whole words only (`ozb`, `wmo`, `boa`)."""


@dataclass(frozen=True)
class Taakveld:
    code: str
    hoofdtaak: int
    name: str


@dataclass(frozen=True)
class Iv3Decision:
    """The taakveld of one section (or document): code, score in (0, 1], method."""

    taakveld: str | None
    score: float | None
    method: str


@dataclass(frozen=True)
class Iv3Lexicon:
    taakvelden: dict[str, Taakveld]
    version: str
    weights: dict[str, dict[str, float]]
    """term -> {taakveld code: weight}"""
    procedure: tuple[str, ...]
    heading_weight: float
    document_weight: float
    min_score: float
    procedure_score: float
    patterns: tuple[re.Pattern[str], re.Pattern[str]]


def _term_patterns(terms: Sequence[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Two alternations, longest term first: terms that match a word beginning, and short terms
    that match whole words. Group 1 is the term as written in the text (without its word's tail).

    Each alternation is written as a trie (common beginnings once, longer continuations before
    the term that ends there): the same matches as the terms sorted longest first (two terms that
    can match at one place are a term and its extension, and the extension is tried first either
    way), but a place where no term begins fails at the first letter instead of at every term
    (IGNORECASE keeps re from skipping branches by their first letter): 30 times faster."""
    def alternation(group: Sequence[str]) -> str:
        root: dict[str, dict] = {}
        for t in group:
            node = root
            for i, w in enumerate(t.split()):
                if i:
                    node = node.setdefault(" ", {})
                for ch in w:
                    node = node.setdefault(ch, {})
            node[""] = {}  # a term ends here

        def branch(node: dict[str, dict]) -> str:
            arms = [(r"\s+" if k == " " else re.escape(k)) + branch(v) for k, v in node.items() if k]
            if not arms:
                return ""
            if len(arms) == 1 and "" not in node:
                return arms[0]
            return "(?:" + "|".join(arms) + ")" + ("?" if "" in node else "")
        return branch(root)

    long = [t for t in sorted(set(terms)) if len(t) > SHORT]
    short = [t for t in sorted(set(terms)) if len(t) <= SHORT]
    return (re.compile(rf"(?<![\w])({alternation(long)})[\w-]*", re.IGNORECASE),
            re.compile(rf"(?<![\w])({alternation(short)})(?![\w])", re.IGNORECASE))


@lru_cache(maxsize=1)
def lexicon() -> Iv3Lexicon:
    """The taakveld list and its lexicon (read once)."""
    lines = DATA.read_text(encoding="utf-8").splitlines()
    version = next((m.group(1) for m in [re.search(r"version (\d{4})", lines[0])] if m), "")
    rows = list(csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t"))
    rules = read_rules("iv3")
    cls = rules["classification"]
    weak = {t.lower() for t in rules["weak"]}
    holders: dict[str, set[str]] = defaultdict(set)
    taakvelden = {}
    for row in rows:
        code = row["code"]
        taakvelden[code] = Taakveld(code, int(row["hoofdtaak"]), row["name"])
        terms = [t for t in row["terms"].split("|") if t] + [row["name"].lower()]
        terms += rules["extra"].get(code, [])
        for term in terms:
            holders[" ".join(term.lower().split())].add(code)
    for term in rules["neutral"]:
        holders.pop(" ".join(term.lower().split()), None)
    weights: dict[str, dict[str, float]] = {}
    for term, codes in holders.items():
        w = 1.0 / len(codes) ** float(cls["shared_term_power"])
        if " " in term:
            w *= float(cls["multiword_bonus"])
        if term in weak:
            w *= float(cls["weak_weight"])
        weights[term] = {c: w for c in codes}
    procedure = tuple(" ".join(t.lower().split()) for t in rules["procedure"])
    neutral = [" ".join(t.lower().split()) for t in rules["neutral"]]
    return Iv3Lexicon(taakvelden, version, weights, procedure, float(cls["heading_weight"]),
                      float(cls["document_weight"]), float(cls["min_score"]), float(cls["procedure_score"]),
                      _term_patterns(list(weights) + list(procedure) + neutral))


@dataclass(frozen=True)
class _Evidence:
    scores: dict[str, float]
    terms: dict[str, list[str]]
    procedure: list[str]


def _evidence(heading: str | None, text: str | None, lex: Iv3Lexicon) -> _Evidence:
    scores: dict[str, float] = defaultdict(float)
    terms: dict[str, list[str]] = defaultdict(list)
    procedure: list[str] = []
    for part, weight in ((heading or "", lex.heading_weight), (text or "", 1.0)):
        for pattern in lex.patterns:
            for m in pattern.finditer(part):
                term = " ".join(m.group(1).lower().split())
                if term in lex.procedure:
                    procedure.append(term)
                for code, w in lex.weights.get(term, {}).items():
                    scores[code] += w * weight
                    terms[code].append(term)
    return _Evidence(dict(scores), dict(terms), procedure)


def _shares(scores: dict[str, float]) -> dict[str, float]:
    total = sum(scores.values())
    return {c: v / total for c, v in scores.items()} if total else {}


def _top_terms(terms: Sequence[str], n: int = 3) -> str:
    counts: dict[str, int] = defaultdict(int)
    for t in terms:
        counts[t] += 1
    return ",".join(sorted(counts, key=lambda t: (-counts[t], t))[:n])


def classify(sections: Sequence[tuple[str | None, str | None]]) -> tuple[list[Iv3Decision], Iv3Decision]:
    """The taakveld of each (heading, text) section of one document, and the document's."""
    lex = lexicon()
    evidence = [_evidence(h, t, lex) for h, t in sections]
    profile: dict[str, float] = defaultdict(float)
    for ev in evidence:
        for code, v in ev.scores.items():
            profile[code] += v
    doc_shares = _shares(profile)
    doc_code = max(doc_shares, key=lambda c: (doc_shares[c], c), default=None)
    document = (Iv3Decision(doc_code, round(doc_shares[doc_code], 3), "lexicon:document")
                if doc_code is not None and profile[doc_code] >= lex.min_score else Iv3Decision(None, None, "none"))
    decisions = []
    for ev in evidence:
        own = sum(ev.scores.values())
        proc = lex.procedure_score * len(set(ev.procedure))  # a meeting item repeats its cues
        if proc and proc >= max((v for c, v in ev.scores.items() if c != "0.1"), default=0.0):
            decisions.append(Iv3Decision("0.1", round(proc / (proc + own), 3), f"procedure:{_top_terms(ev.procedure, 2)}"))
            continue
        mixed = {c: s + lex.document_weight * doc_shares.get(c, 0.0) for c, s in _shares(ev.scores).items()}
        if own < lex.min_score:
            if document.taakveld is None:
                decisions.append(Iv3Decision(None, None, "none"))
            else:
                decisions.append(Iv3Decision(document.taakveld, None, "document"))
            continue
        for c, v in doc_shares.items():
            mixed.setdefault(c, lex.document_weight * v)
        best = max(mixed, key=lambda c: (mixed[c], c))
        if not ev.terms.get(best):
            decisions.append(Iv3Decision(best, None, "document"))
            continue
        decisions.append(Iv3Decision(best, round(ev.scores[best] / own, 3), f"lexicon:{_top_terms(ev.terms[best])}"))
    return decisions, document


def hoofdtaak(code: str | None) -> int | None:
    """The hoofdtaak (0-8) of a taakveld code."""
    if code is None:
        return None
    taakveld = lexicon().taakvelden.get(code)
    return taakveld.hoofdtaak if taakveld else int(code.split(".")[0])
