"""Figures and periods as table cells print them.

A figure: "1.234", "12,5", "-/- 22%", "65.98 %", "€ -1.250", "42*", "+3,5%"; a figure in
brackets ("(1%)") annotates the one before it and is none itself. Dutch groups thousands with
"." in threes, so "1.234" is 1234 but "65.98", "70.0" and "7000.0" (a group of other than three
digits) have a decimal point. A period: a year
("2024"), a range ("2023-2024", "2023/2024": the later year), or a year with words around it
("Rekening 2022", "Q1 2024", "saldo begin 2018", "jan. 2024"): the words are the period's
qualifier ("Rekening", "Q1"), kept as a dimension of the figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from raadsstukken.extractors.text.numbers import EMPTY_MARK

_NUMBER = re.compile(
    r"^(?P<sign>[-+−–]|-/-\s?)?\s?(?:€\s?)?(?P<sign2>[-+−–])?\s?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+\.\d+|\d+(?:[.,]\d+)?)"
    r"\s?(?P<pct>%)?$")
_NOTE = re.compile(r"\s*(?:\(\*+\)|\*+|\(\d\)|¹|²|³)$")
_YEAR = r"(?:19|20)\d{2}"
_PERIOD = re.compile(rf"(?<![\d.,])(?P<a>{_YEAR})(?:\s?[-–/]\s?(?P<b>{_YEAR}|'?\d{{2}}))?(?![\d.,])")


def figure_value(text: str) -> float | None:
    """The number a cell prints, or None (a dash, "n.v.t.", words, an empty cell)."""
    text = _NOTE.sub("", text.strip().replace("\u00a0", " "))
    negative = False
    m = _NUMBER.match(text)
    if not m:
        return None
    num = m.group("num")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", num):
        value = float(num.replace(".", "").replace(",", "."))
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", num):  # "1,234.5": an English-style figure
        value = float(num.replace(",", ""))
    else:
        value = float(num.replace(",", "."))
    sign = (m.group("sign") or "") + (m.group("sign2") or "")
    if any(s in sign for s in "-−–"):
        negative = not negative
    return -value if negative else value


def is_figure(text: str) -> bool:
    """A figure or a mark that stands for none (a dash, "n.v.t.")."""
    return figure_value(text) is not None or bool(EMPTY_MARK.match(text.strip()))


def is_year(text: str) -> bool:
    t = text.strip()
    return len(t) == 4 and bool(re.fullmatch(_YEAR, t))


@dataclass(frozen=True)
class Period:
    year: int
    qualifier: str | None
    """The words printed with the year ("Rekening", "Q1"), or None."""


def period_of(text: str) -> Period | None:
    """The one period a header or label names, or None (none, or two that are no range)."""
    found = list(_PERIOD.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    year = int(m.group("a"))
    if m.group("b"):
        b = m.group("b").lstrip("'")
        later = int(b) if len(b) == 4 else (year // 100) * 100 + int(b)
        if not 0 < later - year <= 5:
            return None
        year = later
    rest = (text[:m.start()] + " " + text[m.end():]).strip(" :;,.-()")
    rest = re.sub(r"\s+", " ", rest)
    if re.search(r"\d", rest) and not re.fullmatch(r"[QqKk]\d|\d{1,2}e? (?:kw|kwartaal|half ?jaar)\w*", rest):
        return None  # "31-12-2023", "1 januari 2024 12": a date or a figure, not a period header
    return Period(year, rest or None)
