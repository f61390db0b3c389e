"""Money amounts in text and tables, normalized to euros.

"€ 120.000,-" -> 120000; "10 miljard euro" -> 1e10; "ruim 1 miljoen euro" -> 1e6; "€ 1,2 mln" ->
1.2e6; a bare "96.000" in a table column headed "Bedrag" -> 96000. Patterns are in `rules/amounts.toml`.
Recurrence ("structureel", "incidenteel (3 jaar)") is taken from the same table row or sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.tables.detect import Table, TableCell
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.text.numbers import parse_number
from raadsstukken.extractors.rules import read_rules

CONTEXT_WORDS = 6


@dataclass(frozen=True)
class Amount:
    text: str
    amount_eur: float
    context: str
    recurrence: str | None
    page: int
    bbox: BBox | None
    method: str


@dataclass(frozen=True)
class AmountRules:
    text_patterns: tuple[re.Pattern[str], ...]
    column_headers: tuple[re.Pattern[str], ...]
    multipliers: dict[str, float]
    recurrence: re.Pattern[str]


@lru_cache(maxsize=1)
def load_rules() -> AmountRules:
    data = read_rules("amounts")
    return AmountRules(
        text_patterns=tuple(re.compile(p, re.IGNORECASE) for p in data["text_patterns"]),
        column_headers=tuple(re.compile(p, re.IGNORECASE) for p in data["column_headers"]),
        multipliers={k: float(v) for k, v in data["multipliers"].items()},
        recurrence=re.compile(data["recurrence"]["pattern"], re.IGNORECASE),
    )


def find_amounts_in_text(text: str, page: int, bbox: BBox | None = None) -> list[Amount]:
    """Euro amounts written out in running text."""
    rules = load_rules()
    spans: list[tuple[int, int, float]] = []
    for pattern in rules.text_patterns:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b, _ in spans):
                continue
            value = parse_number(m.group("num"))
            if value is None:
                continue
            dec = m.groupdict().get("dec")
            if dec and dec.isdigit():
                value += int(dec) / (10 ** len(dec))
            mult = (m.group("mult") or "").lower().rstrip(".")
            value *= rules.multipliers.get(mult, 1.0)
            spans.append((m.start(), m.end(), value))
    out = []
    for start, end, value in sorted(spans):
        sentence_start = max(text.rfind(". ", 0, start) + 2, 0)
        sentence_end = text.find(". ", end)
        sentence = text[sentence_start: sentence_end if sentence_end > 0 else len(text)]
        rec = rules.recurrence.search(sentence)
        out.append(Amount(text[start:end].strip(), value, _context(text, start, end), rec.group(1) if rec else None,
                          page, bbox, "amounts:text"))
    return out


def _context(text: str, start: int, end: int) -> str:
    before = text[:start].split()[-CONTEXT_WORDS:]
    after = text[end:].split()[:CONTEXT_WORDS]
    return " ".join(before + ["…"] + after).strip()


def find_amounts_in_tables(tables: Sequence[Table]) -> list[Amount]:
    """Bare numbers in the columns of detected tables whose header names money ("Bedrag",
    "Kosten (€)"); the row's first cell is the context, recurrence is read off the row's other cells."""
    rules = load_rules()
    out: list[Amount] = []
    for table in tables:
        grid: dict[tuple[int, int], TableCell] = {(c.row, c.col): c for c in table.cells}
        money_cols = {c.col: c.text for c in table.cells
                      if c.is_header and any(p.match(c.text) for p in rules.column_headers)}
        for cell in sorted(table.cells, key=lambda c: (c.row, c.col)):
            if cell.is_header or cell.col not in money_cols:
                continue
            value = parse_number(cell.text)
            if value is None:
                continue
            row = [grid[(cell.row, col)] for col in range(table.n_cols) if (cell.row, col) in grid]
            first = row[0] if row else None
            label = first.text if first is not None and first is not cell else ""
            rec = rules.recurrence.search(" ".join(c.text for c in row if c is not cell))
            out.append(Amount(cell.text, value, label, rec.group(1) if rec else None,
                              cell.page or table.page, cell.bbox, f"amounts:column:{money_cols[cell.col]}"))
    return out
