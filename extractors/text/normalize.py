"""Normalizing headings and list markers: one definition each, used wherever they are compared.

A heading is printed as "2.1 Veiligheid & zorg:" or "• Veiligheid en zorg"; the same heading named
in a sentence or another chapter reads "veiligheid en zorg". `heading_label` is the printed
heading without bullets and numbering (what a theme is called); `heading_key` is what two headings
are compared by (case, "&", spacing and end punctuation ignored). List markers ("1.", "a)",
"iv.", "•", "–", a checkbox glyph) are defined once in `rules/lists.toml` and read by
`list_marker`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from raadsstukken.extractors.rules import read_rules

HEADING_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?=\S)")
"""Section numbering in front of a heading: "2", "2.", "2.1", "2.1.3"."""
NAMED_NUMBER = re.compile(r"^\s*[A-Za-zÀ-ÿ]+\s+(?:\d{1,3}(?:\.\d{1,2})*|[IVX]{1,4})\s*[:.–-]")
"""A heading numbered with its kind ("Hoofdstuk 1: …", "Artikel 3.", "Deel II – …")."""


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = read_rules("lists")
    bullets = "".join(data["bullets"])
    body = (rf"(?:(?P<num>{data['number']})|(?P<roman>{data['roman']})|(?P<letter>{data['letter']})"
            rf"|(?P<bullet>[{re.escape(bullets)}{data['private_use']}]))")
    leading = re.compile(rf"^[\s{re.escape(bullets)}{data['private_use']}]+(?=\w)")
    return re.compile(rf"^\s*{body}\s+(?=\S)"), re.compile(rf"^{body}$"), leading


MONTH_AFTER = re.compile(r"(?i)(?:jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|juni?|juli?|aug(?:ustus)?"
                         r"|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")


def list_marker(text: str) -> re.Match[str] | None:
    """The list marker that opens a line ("1. …", "a) …", "• …"), or None. A bare number before a
    month is a date that wrapped to the line's start ("1 mei 2015"), not a marker."""
    m = _markers()[0].match(text)
    if m and m.group("num") and m.group("num").isdigit() and MONTH_AFTER.match(text, m.end()):
        return None
    return m


def is_marker(text: str) -> bool:
    """Whether a piece of text is a list marker and nothing else ("1.", "b)", "•")."""
    return bool(_markers()[1].match(text))


def marker_number(m: re.Match[str], index: int) -> int:
    """The number a marker gives its item; bullets count on from `index` (0-based)."""
    if m.group("num"):
        return int(re.sub(r"\D", "", m.group("num")))
    if m.group("roman"):
        return _roman(m.group("roman").rstrip(".)").lower())
    if m.group("letter"):
        return ord(m.group("letter")[0].lower()) - ord("a") + 1
    return index + 1


def _roman(text: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        total += -values[a] if values.get(b, 0) > values[a] else values[a]
    return total


def strip_bullets(text: str) -> str:
    """Text without bullet or check glyphs in front."""
    return _markers()[2].sub("", text).strip()


def heading_label(text: str) -> str:
    """A heading as a name: without bullets and without its section numbering."""
    return HEADING_NUMBER.sub("", strip_bullets(text)).strip()


def heading_key(text: str) -> str:
    """What headings are compared by: the label, case-folded, "&" read as "en", spacing and end
    punctuation ignored."""
    text = heading_label(text).casefold().replace("&", " en ")
    return re.sub(r"\s+", " ", text).strip(" .;:")


LETTER_SPACED = re.compile(r"\b(?:[A-Za-zÀ-ÿ] ){2,}[A-Za-zÀ-ÿ]\b")


@lru_cache(maxsize=4096)
def join_letter_spacing(text: str) -> str:
    """Letter-spaced words joined: "B E S L U I T :" -> "BESLUIT :". Remembered for the latest
    texts (a pure function of its text): the split, the decisions and the metadata ask it of the
    same lines again and again (21,000 calls, 2,700 texts over the dev corpus)."""
    return LETTER_SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
