"""Whether a besluitenlijst item's text records the meeting rather than a decision.

Exports print a "Besluit" label (or a table's decision column) under every agenda item, also under
the opening, the announcements, the speakers and the questions; what stands there is then the
record of the meeting's course ("De voorzitter opent de vergadering …", "Geen mededelingen.",
"Mevr. X stelt vragen over …"). The project's convention (bench/README, "Decision points: what
counts") is that such a text is no decision point: a user of the decisions dataset wants what the
body decided. A text is a record when its first sentence names the meeting's course or opens with
a person, and no sentence states a decision or its result; a text that opens by announcing the
mededelingen reports them, whatever they say was decided elsewhere. The cues are data:
rules/decisions.toml [record].
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from raadsstukken.extractors.rules import compile_all, read_rules
from raadsstukken.extractors.text.normalize import list_marker
from raadsstukken.extractors.text.sentences import first_sentence, sentence_ends


@dataclass(frozen=True)
class RecordRules:
    procedural: tuple[re.Pattern[str], ...]
    person: re.Pattern[str]
    announcements: re.Pattern[str]
    decided: re.Pattern[str]
    reported: re.Pattern[str]


@lru_cache(maxsize=1)
def load_record_rules() -> RecordRules:
    data = read_rules("decisions")["record"]
    return RecordRules(compile_all(data["procedural"]), re.compile(data["person"], re.IGNORECASE),
                       re.compile(data["announcements"], re.IGNORECASE),
                       re.compile(data["decided"], re.IGNORECASE), re.compile(data["reported"], re.IGNORECASE))


def _opening(text: str) -> str:
    """The text without a list marker before its first sentence ("1. Wethouder X deelt …")."""
    text = re.sub(r"\s+", " ", text).strip()
    marker = list_marker(text)
    return text[marker.end():].strip() if marker else text


NAME_WORD = re.compile(r"(?<=[^\W\d_] )[A-Z][^\W\d_]*")
"""A capitalised word after a word (no sentence end before it): part of a name ("fractie
Progressief Akkoord Leudal"), whatever word it is."""


def _decision_words(text: str, rules: RecordRules) -> str:
    """The text where a decision may be stated: without the sentences that report what someone
    says or announces (rules [record] reported) and without the capitalised words inside a name."""
    cuts = [0, *sentence_ends(text), len(text)]
    kept = [text[a:b] for a, b in zip(cuts, cuts[1:]) if not rules.reported.search(text[a:b].strip())]
    return NAME_WORD.sub("", " ".join(kept))


def is_meeting_record(text: str, rules: RecordRules | None = None) -> bool:
    """Whether a decision label's text records the meeting's course, not a decision (module
    docstring): an announcement of the mededelingen, or a first sentence about the meeting's
    course or a person's part in it in a text that states no decision anywhere."""
    rules = rules or load_record_rules()
    text = _opening(text)
    if not text:
        return False
    first = first_sentence(text)
    if rules.announcements.search(first):
        return True
    if rules.decided.search(_decision_words(text, rules)):
        return False
    return bool(rules.person.match(first) or any(p.search(first) for p in rules.procedural))
