"""Decisions from a table whose header names a decision column (a besluitenlijst set as one table).

Word-made lists of colleges and councils often print their items as rows of one ruled table:
"Nr. | Onderwerp | Toelichting | Besluit | Stemming". In such a table each body row is an agenda
item: its cell in the decision column ("Besluit", "Beslissing", "Besluit college", …) is the
item's decision, its cell in the number column ("Nr.", "Agendapunt") the agenda item, and its cell
in a vote or result column ("Stemming", "Uitslag", "Resultaat") the outcome; without such a
column the outcome is the one the decision's text names ("… wordt ongewijzigd vastgesteld",
"met 24 stemmen voor en 9 tegen"). Without a decision column, a proposal column ("Voorstel") of a
table that prints outcomes is what was decided on. A placeholder cell ("n.v.t.", "geen", "–") is
no decision. The column names are data: `rules/decision_tables.toml`.

`find_table_decisions` reads the tables; `merge_table_decisions` puts them in the place of the
decisions the text finders read off the same table's cells (read row by row across the columns).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.geometry import union_all
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.decisions import DecisionPoint, find_outcome, load_rules, vote_outcome
from raadsstukken.extractors.structure.meeting_record import is_meeting_record
from raadsstukken.extractors.tables.detect import Table, TableCell

METHOD = "decisions:table"


@dataclass(frozen=True)
class DecisionTableRules:
    decision: re.Pattern[str]
    proposal: re.Pattern[str]
    outcome: re.Pattern[str]
    agenda_item: re.Pattern[str]
    placeholder: re.Pattern[str]
    placeholder_opening: re.Pattern[str]
    item_number: re.Pattern[str]
    kinds: frozenset[str]
    cell_label: re.Pattern[str] = re.compile(r"(?!)")
    """A decision cell's own label before its text, the column's name and a colon ("Besluit: …")."""


@lru_cache(maxsize=1)
def load_table_rules() -> DecisionTableRules:
    data = read_rules("decision_tables")

    def whole(name: str) -> re.Pattern[str]:
        return re.compile(rf"(?:{data[name]})", re.IGNORECASE)

    return DecisionTableRules(whole("decision"), whole("proposal"), whole("outcome"), whole("agenda_item"),
                              whole("placeholder"), whole("placeholder_opening"),
                              re.compile(data["item_number"], re.IGNORECASE),
                              frozenset(data["kinds"]),
                              re.compile(rf"^\s*(?:{data['decision']})\s*:\s*", re.IGNORECASE))


def _label(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


def _named(pattern: re.Pattern[str], text: str) -> bool:
    return bool(text) and pattern.fullmatch(_label(text)) is not None


@dataclass(frozen=True)
class DecisionColumns:
    """The columns of a decision table: decision, agenda number and outcome (None when absent)."""

    decision: int
    agenda_item: int | None
    outcome: int | None


def decision_columns(table: Table, rules: DecisionTableRules | None = None) -> DecisionColumns | None:
    """The table's decision, number and outcome columns from its header; None when no header cell
    names a decision column (nor a proposal column beside an outcome column)."""
    rules = rules or load_table_rules()
    if table.header_rows < 1:
        return None
    heads = [" ".join(table.header_levels(col)) for col in range(table.n_cols)]

    def first(pattern: re.Pattern[str]) -> int | None:
        return next((c for c, h in enumerate(heads) if _named(pattern, h)), None)

    outcome = first(rules.outcome)
    decision = first(rules.decision)
    if decision is None and outcome is not None:
        decision = first(rules.proposal)
    if decision is None:
        return None
    return DecisionColumns(decision, first(rules.agenda_item), outcome if outcome != decision else None)


def find_table_decisions(tables: Sequence[Table], body: str | None = None) -> list[DecisionPoint]:
    """One decision per body row of each decision table: the text of its decision cell, its agenda
    item and its outcome (and the votes where printed)."""
    rules = load_table_rules()
    outcome_rules = load_rules()
    out: list[DecisionPoint] = []
    for table in tables:
        cols = decision_columns(table, rules)
        if cols is None:
            continue
        by_slot: dict[tuple[int, int], TableCell] = {(c.row, c.col): c for c in table.cells}
        for row in range(table.header_rows, table.n_rows):
            cell = by_slot.get((row, cols.decision))
            decided = cell_text(cell.text, rules) if cell is not None else ""
            text = _label(decided)
            if cell is None or not text or _named(rules.placeholder, text) or rules.placeholder_opening.match(text) \
                    or cell.is_header or is_meeting_record(cell.text):
                continue  # no decision: a placeholder, or the record of the meeting's course (meeting_record)
            item = _agenda_item(by_slot.get((row, cols.agenda_item)) if cols.agenda_item is not None else None, rules)
            vote = by_slot.get((row, cols.outcome)) if cols.outcome is not None else None
            outcome, votes_for, votes_against = None, None, None
            if vote is not None and vote.text.strip() and not _named(rules.placeholder, vote.text):
                outcome, votes_for, votes_against = vote_outcome(vote.text, outcome_rules)
            if outcome is None or votes_for is None:
                stated, f, a = find_outcome(decided, outcome_rules)
                outcome = outcome or stated
                if votes_for is None and votes_against is None:
                    votes_for, votes_against = f, a
            bbox = cell.bbox if cell.bbox is not None else table.bbox
            out.append(DecisionPoint(len(out) + 1, decided.strip(), cell.page or table.page, bbox, body, METHOD,
                                     agenda_item=item, outcome=outcome, votes_for=votes_for,
                                     votes_against=votes_against))
    return out


def cell_text(text: str, rules: DecisionTableRules | None = None) -> str:
    """A decision cell's text without the label a row may print in it over its text ("Besluit:" /
    "het bestuur stelt … vast."): the column's name with a colon (rules/decision_tables.toml
    `decision`) names the cell, it is no part of the decision."""
    rules = rules or load_table_rules()
    label = rules.cell_label.match(text)
    return text[label.end():] if label else text


def _agenda_item(cell: TableCell | None, rules: DecisionTableRules) -> str | None:
    """The agenda number as its cell prints it ("3.a", "004"), on the cell's first line (a name
    under it, the item's portfolio holder, is none of it); None for no number."""
    if cell is None:
        return None
    lines = cell.text.strip().splitlines()
    m = rules.item_number.match(lines[0] if lines else "")
    return m.group("item") if m else None


def merge_table_decisions(found: Sequence[DecisionPoint], tables: Sequence[Table], doc_type: str,
                          body: str | None = None) -> list[DecisionPoint]:
    """The decisions of a document with its decision tables' rows in the place of what the text
    finders read off those tables' cells; unchanged for kinds whose tables decide nothing
    (`kinds` in the rules) or without a decision table. Numbered again in reading order."""
    if doc_type not in load_table_rules().kinds:
        return list(found)
    from_tables = find_table_decisions(tables, body)
    if not from_tables:
        return list(found)
    regions = [t for t in tables if decision_columns(t) is not None]
    kept = [d for d in found if not any(_inside(d, t) for t in regions)]
    merged = sorted([*kept, *from_tables], key=lambda d: (d.page, d.bbox.top, d.bbox.x0))
    return [replace(d, number=n) for n, d in enumerate(merged, 1)]


def _inside(d: DecisionPoint, table: Table) -> bool:
    """A decision whose box's middle lies in the box of the table's cells on its page."""
    boxes = [c.bbox for c in table.cells if c.bbox is not None and (c.page or table.page) == d.page]
    if not boxes:
        return False
    b = union_all(boxes)
    x = (d.bbox.x0 + d.bbox.x1) / 2
    y = (d.bbox.top + d.bbox.bottom) / 2
    return b.x0 - 1 <= x <= b.x1 + 1 and b.top - 1 <= y <= b.bottom + 1
