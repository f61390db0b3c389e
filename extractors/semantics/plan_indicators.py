"""A goal's indicator, baseline, target value and target year from the indicator table under it.

Why: a programmabegroting or sector plan measures its goals in a table ("Indicator | Nulmeting
2022 | Streefwaarde 2026", "Effectindicator | Uitgangssituatie | … | Doel 2027"), one row per
indicator. The goal a row measures is the goal of the section the table stands in: the only one
there, or the one whose wording shares the row's words. The header words are rules
(`rules/plans.toml`, `[indicator_table]`); the year of the target column's header is the target
year. A value not printed stays null.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator, Mapping, Sequence

from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.semantics.plan_rows import BASELINE, X_TOLERANCE, line_cells
from raadsstukken.extractors.structure.headings import clean_heading
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.tables.detect import Table
from raadsstukken.extractors.text.normalize import heading_label

if TYPE_CHECKING:
    from raadsstukken.extractors.semantics.plans import Goal, PlanRules, Theme

YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
WORD = re.compile(r"[^\W\d_]{4,}")
"""A content word for matching a row to a goal (four letters or more)."""
SHARED_WORDS = 2
"""Content words a row and a goal must share for the row to measure that goal."""
Row = dict[str, "str | None"]
"""An indicator row: its values by role (`indicator`, `baseline`, `target`)."""
EMPTY = re.compile(r"^(?:[-–—?]+|n\.?v\.?t\.?|onbekend)?$", re.IGNORECASE)


def _role(header: str, roles: Mapping[str, re.Pattern[str]]) -> str | None:
    """The role a column's header names; a header a narrow column broke inside its words
    ("Streef waarde") is also tried with its spaces taken out."""
    for text in (header.strip(), re.sub(r"\s+", "", header)):
        for name, pattern in roles.items():
            if pattern.match(text):
                return name
    return None


def _columns(table: Table, roles: Mapping[str, re.Pattern[str]]) -> tuple[dict[int, str], dict[int, str], int]:
    """Roles of the columns by header (the header rows, and the rows under them a narrow header
    wrapped into: rows before the first with an indicator), their header texts, and the first body
    row."""
    grid = table.grid()
    heads = max(table.header_rows, 1)
    texts = {c: " ".join(grid[r][c] for r in range(min(heads, len(grid)))) for c in range(table.n_cols)}
    role = {c: r for c, t in texts.items() if (r := _role(t, roles)) is not None}
    if "indicator" not in role.values():
        return {}, texts, heads
    col = next(c for c, r in role.items() if r == "indicator")
    first = heads
    while first < len(grid) and not grid[first][col].strip():
        for c in range(table.n_cols):
            texts[c] = texts[c] + grid[first][c]  # a header word wrapped inside the cell
        first += 1
    role = {c: r for c, t in texts.items() if (r := _role(t, roles)) is not None}
    return role, texts, first


def _value(text: str) -> str | None:
    text = re.sub(r"(?<=\d)\s+(?=%)", "", " ".join(text.split()))
    return None if EMPTY.match(text) else text


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


def _section_at(sections: Sequence[Section], page: int, top: float) -> Section | None:
    before = [s for s in sections if s.heading and (s.page_start < page or (
        s.page_start == page and s.bbox is not None and s.bbox.top <= top))]
    return before[-1] if before else None


def _table_rows(table: Table, roles: Mapping[str, re.Pattern[str]]) -> tuple[list[Row], str]:
    """The indicator rows of a table of the table layer, and its target column's header."""
    role, texts, first = _columns(table, roles)
    if not role:
        return [], ""
    grid = table.grid()
    rows = [{r: _value(grid[k][c]) for c, r in role.items()} for k in range(first, len(grid))]
    target = next((texts[c] for c, r in role.items() if r == "target"), "")
    return [r for r in rows if r.get("indicator")], target


def _baseline_rows(lines: Sequence[Line]) -> list[list[Line]]:
    """The cells of the lines (a line kept over several cells split into them) grouped by page and
    baseline, left to right: the rows of a table however the layer grouped its lines."""
    pieces = sorted((p for ln in lines for p in line_cells(ln)), key=lambda p: (p.page, p.bbox.top, p.bbox.x0))
    rows: list[list[Line]] = []
    for piece in pieces:
        last = rows[-1][0] if rows else None
        if last is not None and last.page == piece.page and abs(piece.bbox.top - last.bbox.top) <= BASELINE * last.bbox.height:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    return [sorted(r, key=lambda p: p.bbox.x0) for r in rows]


def _line_rows(lines: Sequence[Line], roles: Mapping[str, re.Pattern[str]]) -> Iterator[tuple[list[Row], str]]:
    """Indicator tables the table layer did not give, from the lines' cells on common baselines: a
    header row with an indicator column and a baseline or target column, and the rows under it
    whose cells stand under those columns (a row of only a first cell in lower case continues the
    indicator above). Yields (rows, target column header)."""
    grid = _baseline_rows(lines)
    k = 0
    while k < len(grid):
        head = grid[k]
        role = {c: r for c, piece in enumerate(head) if (r := _role(piece.text, roles)) is not None}
        if "indicator" not in role.values() or len(role) < 2:
            k += 1
            continue
        xs = [piece.bbox.x0 for piece in head]
        rows: list[Row] = []
        j = k + 1
        while j < len(grid) and grid[j][0].page == head[0].page:
            pieces = grid[j]
            cols = [max((c for c, x in enumerate(xs) if x - X_TOLERANCE <= p.bbox.x0), default=-1) for p in pieces]
            if -1 in cols or pieces[0].bbox.top - grid[j - 1][0].bbox.bottom > 2 * pieces[0].bbox.height:
                break
            values = {role[c]: _value(p.text) for c, p in zip(cols, pieces) if c in role}
            if cols == [0] and rows and p_lower(pieces[0].text):
                rows[-1]["indicator"] = f"{rows[-1]['indicator']} {pieces[0].text.strip()}"
            elif values.get("indicator"):
                rows.append(values)
            j += 1
        yield rows, next((head[c].text for c, r in role.items() if r == "target"), "")
        k = j


def p_lower(text: str) -> bool:
    return text.strip()[:1].islower()


def _fill(goals: Sequence[Goal], rows: Sequence[Row], target_header: str) -> None:
    year = YEAR.search(re.sub(r"\s+", "", target_header))
    for goal, row in _pairs(goals, rows):
        goal.indicator = goal.indicator or row.get("indicator")
        goal.baseline = goal.baseline or row.get("baseline")
        goal.target = goal.target or row.get("target")
        if goal.target_year is None and year is not None and row.get("target"):
            goal.target_year = int(year.group(1))


def _goals_of(section: Section, themes: Mapping[str, Theme]) -> list[Goal]:
    heading = heading_label(clean_heading(section.heading or ""))
    return [g for t in themes.values() for g in t.goals if g.section == section.order or heading_label(g.text) == heading]


def indicator_tables(sections: Sequence[Section], tables: Sequence[Table], themes: Mapping[str, Theme],
                     rules: PlanRules) -> None:
    """Fill the indicator, baseline, target and target year of the goals an indicator table
    measures (a goal keeps what it already has): tables of the table layer first, then indicator
    tables read from the lines of each section."""
    for table in tables:
        rows, target = _table_rows(table, rules.indicator_table)
        section = _section_at(sections, table.page, table.bbox.top) if rows else None
        if section is not None:
            _fill(_goals_of(section, themes), rows, target)
    for section in sections:
        lines = [ln for b in section.body for ln in b.lines]
        for rows, target in _line_rows(lines, rules.indicator_table):
            _fill(_goals_of(section, themes), rows, target)


def _pairs(goals: Sequence[Goal], rows: Sequence[Row]) -> list[tuple[Goal, Row]]:
    """One goal and one row: that pair. Otherwise each row with the goal it shares the most
    content words with (at least `SHARED_WORDS`), one row a goal."""
    if len(goals) == 1 and len(rows) == 1:
        return [(goals[0], rows[0])]
    out: list[tuple[Goal, Row]] = []
    taken: set[int] = set()
    for row in rows:
        words = _words(row.get("indicator") or "")
        scored = [(len(words & _words(g.text)), k) for k, g in enumerate(goals) if k not in taken]
        best = max(scored, default=(0, -1))
        if best[0] >= SHARED_WORDS:
            taken.add(best[1])
            out.append((goals[best[1]], row))
    return out
