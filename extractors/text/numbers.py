"""Dutch numbers as printed in council papers: "." groups thousands, "," starts decimals.

"1.234" -> 1234, "12,5" -> 12.5, "1.250,50" -> 1250.5; in table cells also "€ 96.000", "7,5%"
and a footnote mark ("42 (*)", "17*"). A dash, "n.v.t." or an empty cell is no number.
"""
from __future__ import annotations

import re

PLAIN = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
CELL = re.compile(r"^(?:€\s?)?[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s?%?$")
YEAR = re.compile(r"^(?:19|20)\d{2}$")
YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}\s?[-–/]\s?((?:19|20)\d{2})$")
EMPTY_MARK = re.compile(r"^(?:[-–—]|n\.?v\.?t\.?|n\.?b\.?|\.)$", re.IGNORECASE)
NOTE_MARK = re.compile(r"\s*(?:\(\*+\)|\*+|\(\d\))$")


def parse_number(text: str) -> float | None:
    """A bare Dutch number ("120.000", "1,2", "1.250,50"), or None."""
    text = text.strip()
    return _to_float(text) if PLAIN.fullmatch(text) else None


def cell_number(text: str) -> float | None:
    """The number a table cell shows ("1.234", "12,5", "€ 96.000", "7,5%", "42 (*)"), or None."""
    text = NOTE_MARK.sub("", text.strip())
    if not CELL.match(text):
        return None
    return _to_float(text.replace("€", "").replace("%", "").replace(" ", ""))


def _to_float(text: str) -> float | None:
    try:
        return float(text.replace(".", "").replace(",", "."))
    except ValueError:
        return None
