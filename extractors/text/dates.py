"""Dutch dates in every common form to `datetime.date`: "15-10-2019", "7-05-2024", "15 oktober
2019", "d.d. 15 oktober 2019", "2019-10-15", "7 mrt. 2024", and a month's name with one letter
misread in a scan ("24 scptember 2009"). Impossible dates give None."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from raadsstukken.extractors.rules import read_rules



@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {k: int(v) for k, v in read_rules("dutch_dates")["months"].items()}


@lru_cache(maxsize=1)
def _misread() -> tuple[int, int]:
    data = read_rules("dutch_dates")["misread"]
    return int(data["min_length"]), int(data["max_letters"])


def _misread_month(word: str) -> int | None:
    """The month a misread full month name stands for ("scptember" -> 9), or None: a word of the
    same length as one full name that differs from it in at most `max_letters` letters, and from no
    other name so little (rules/dutch_dates.toml [misread])."""
    min_length, max_letters = _misread()
    word = word.lower()
    close = {n for name, n in _months().items() if len(name) == len(word) >= min_length
             and sum(a != b for a, b in zip(name, word)) <= max_letters}
    return close.pop() if len(close) == 1 else None


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = "|".join(sorted(_months(), key=len, reverse=True))
    return re.compile(
        rf"(?<!\d)(?:(?P<iy>\d{{4}})-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})"
        rf"|(?P<d>\d{{1,2}})[-./](?P<m>\d{{1,2}})[-./](?P<y>\d{{4}}|\d{{2}})"
        rf"|(?P<wd>\d{{1,2}})\s+(?P<wm>{names})\.?\s+(?P<wy>\d{{4}})"
        rf"|(?P<od>\d{{1,2}})\s+(?P<om>[^\W\d_]{{{_misread()[0]},12}})\s+(?P<oy>\d{{4}}))(?!\d)",
        re.IGNORECASE,
    )


def find_dates(text: str) -> list[tuple[date, tuple[int, int]]]:
    """Every valid date in `text` with its character span."""
    found = []
    for m in _pattern().finditer(text):
        value = _to_date(m)
        if value is not None:
            found.append((value, m.span()))
    return found


def parse_date(text: str | None) -> date | None:
    """The first valid date in `text`, or None."""
    if not text:
        return None
    dates = find_dates(text)
    return dates[0][0] if dates else None


def _to_date(m: re.Match[str]) -> date | None:
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("y"):
            year = int(m.group("y"))
            year += 2000 if year < 100 and year < 70 else 1900 if year < 100 else 0
            return date(year, int(m.group("m")), int(m.group("d")))
        if m.group("wm"):
            return date(int(m.group("wy")), _months()[m.group("wm").lower()], int(m.group("wd")))
        month = _misread_month(m.group("om"))
        return date(int(m.group("oy")), month, int(m.group("od"))) if month else None
    except ValueError:
        return None
