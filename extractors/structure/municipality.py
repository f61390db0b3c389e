"""The municipality or province that published a paper, with its CBS code.

Names come from the shipped list of all Dutch municipalities and provinces
(`data/municipalities.tsv`: CBS codes, official names, aliases such as "Den Haag" or "Bergen NH",
and municipalities merged away since 2019), found after words that name a body ("de gemeente …",
"Officiële uitgave van de provincie …", "Burgemeester en wethouders van …"; `rules/municipality.toml`).
A name without such a cue never counts: "Utrecht" alone could be the city, the province or a street.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from raadsstukken.extractors.rules import read_rules

MUNICIPALITIES = Path(__file__).parents[1] / "data" / "municipalities.tsv"


@dataclass(frozen=True)
class Body:
    """A municipality or province of the CBS list."""

    code: str
    name: str
    kind: str
    valid_until: str | None


@dataclass(frozen=True)
class _Gazetteer:
    by_name: dict[tuple[str, str], Body]
    """(kind, name or alias) -> body; current bodies win over merged ones."""
    cues: tuple[tuple[str, float, re.Pattern[str]], ...]


@lru_cache(maxsize=1)
def gazetteer() -> _Gazetteer:
    by_name: dict[tuple[str, str], Body] = {}
    with open(MUNICIPALITIES, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    for row in sorted(rows, key=lambda r: bool(r.get("valid_until"))):  # current bodies first
        if not row.get("code"):
            continue
        body = Body(row["code"], row["name"], row["kind"], row.get("valid_until") or None)
        names = [row["name"], *[a for a in (row.get("aliases") or "").split("|") if a]]
        for name in names:
            clean = re.sub(r"^(?:provincie|gemeente)\s+", "", name.strip(), flags=re.IGNORECASE)
            clean = re.sub(r"\s*\((?:PV|GM)\)$", "", clean)
            by_name.setdefault((body.kind, clean), body)
    names = sorted({n for _, n in by_name}, key=lambda n: (-len(n), n))  # longest first, then fixed
    alternation = "(?P<name>" + "|".join(re.escape(n) for n in names) + r")(?![\w-])"
    cues = tuple((c["kind"], float(c["weight"]), re.compile(c["pattern"].replace("{name}", alternation)))
                 for c in read_rules("municipality")["cue"])
    return _Gazetteer(by_name, cues)


def lookup(name: str | None, kind: str | None = None) -> Body | None:
    """The body of a name or alias (a gemeente before a provincie when `kind` is not given)."""
    if not name:
        return None
    g = gazetteer()
    for k in ([kind] if kind else ["gemeente", "provincie"]):
        body = g.by_name.get((k, name.strip()))
        if body:
            return body
    return None


def find_body(texts: Iterable[str]) -> Body | None:
    """The body the texts name most strongly after a cue, or None."""
    g = gazetteer()
    scores: dict[Body, float] = {}
    for text in texts:
        for kind, weight, pattern in g.cues:
            for m in pattern.finditer(text):
                kinds = ["gemeente", "provincie"] if kind == "any" else [kind]
                body = next((g.by_name[(k, m.group("name"))] for k in kinds if (k, m.group("name")) in g.by_name), None)
                if body is not None:
                    scores[body] = scores.get(body, 0.0) + weight
    if not scores:
        return None
    return max(scores, key=lambda b: (scores[b], b.valid_until is None, b.code))
