"""What a paper's formulas and head say where no label does: the dates it was decided and written.

A decision closes with the meeting it was taken in ("Aldus besloten in de openbare vergadering van
3 maart 2031") or opens with it ("De raad …, in vergadering bijeen op 3 maart 2031"), a paper's
head may say who adopted it when ("vastgesteld door het dagelijks bestuur op 3 maart 2031"), a
besluitenlijst names its meeting's date in its title or meeting line, and a
letter prints its date unlabelled at its head ("Arnhem, 3 maart 2031"). The formulas are
`[decision_formulas]` in `rules/metadata.toml`. (Bodies are read from fields and boxes only: a
body named in a formula is not a field of the paper.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import PageLayout
from raadsstukken.extractors.structure.forms import Cell, Row, page_rows
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.dates import find_dates, parse_date
from raadsstukken.extractors.structure.metadata import DocumentMetadata, form_label_rest
from raadsstukken.extractors.structure.metadata import load_rules as load_metadata_rules


MEETING_LINE_BLOCKS = 8
"""Blocks at the top of a besluitenlijst's first page where its meeting line stands."""
OPENING_PAGES = 2
"""Pages at the start of a decision where its opening formula stands."""
_FIELD_SEPARATOR = re.compile(r"\s+[·|•]\s+")


@dataclass(frozen=True)
class Formulas:
    closing: re.Pattern[str]
    meeting_line: re.Pattern[str]
    date_within: int
    date_line: re.Pattern[str]
    date_line_rows: int
    date_line_skip: frozenset[str]
    opening: re.Pattern[str] = re.compile(r"(?!)")
    opening_kinds: frozenset[str] = frozenset()
    adopted: re.Pattern[str] = re.compile(r"(?!)")
    adopted_words: int = 0
    adopted_skip: frozenset[str] = frozenset()
    date_line_grid_indent: float = 20.0
    """How far right (in points) of a label alone above it a date stands in a form grid's column of values."""


@lru_cache(maxsize=1)
def load_formulas() -> Formulas:
    dates = read_rules("metadata")["decision_formulas"]
    return Formulas(re.compile(dates["closing"], re.IGNORECASE),
                    re.compile(dates["meeting_line"].replace("<decided_in>", dates["decided_in"])
                               .replace("<assembly_dated>", dates["assembly_dated"]), re.IGNORECASE),
                    int(dates["date_within"]),
                    re.compile(dates["date_line"]), int(dates["date_line_rows"]), frozenset(dates["date_line_skip"]),
                    re.compile(dates["opening"], re.IGNORECASE), frozenset(dates["opening_kinds"]),
                    re.compile(dates["adopted"], re.IGNORECASE), int(dates["adopted_words"]),
                    frozenset(dates["adopted_skip"]), float(dates.get("date_line_grid_indent", 20.0)))


def decision_date_from_formulas(meta: DocumentMetadata, pages: Sequence[PageLayout], doc_type: str) -> DocumentMetadata:
    """The metadata with the date its closing formula (or, for a besluitenlijst, its meeting line)
    gives as `decision_date`, when no label gave one (a copy)."""
    if meta.decision_date is not None:
        return meta
    formulas = load_formulas()
    for page in reversed(pages):
        for block in page.blocks:
            text = " ".join(block.text.split())
            for m in formulas.closing.finditer(text):
                day = parse_date(text[m.end():m.end() + formulas.date_within])
                if day is not None:
                    return replace(meta, decision_date=day, methods={**meta.methods, "decision_date": "formula:closing"})
    # a decision opens with the meeting that takes it ("De raad …, in vergadering bijeen op …")
    # (on its first pages: a title slide or cover may come first)
    if doc_type in formulas.opening_kinds:
        for block in (b for page in pages[:OPENING_PAGES] for b in page.blocks):
            text = " ".join(block.text.split())
            for m in formulas.opening.finditer(text):
                day = parse_date(text[m.end():m.end() + formulas.date_within])
                if day is not None:
                    return replace(meta, decision_date=day, methods={**meta.methods, "decision_date": "formula:opening"})
    # a paper's head that says who adopted it and when ("versie 2 / vastgesteld door het dagelijks
    # bestuur op 3 maart 2031"), on a short line of its own, not a sentence of its text
    if doc_type not in formulas.adopted_skip and pages:
        for block in pages[0].blocks:
            # (a line of fields set apart by dots or bars, "Plaats … · Versie …", is several lines)
            for text in _FIELD_SEPARATOR.split(" ".join(block.text.split())):
                adopted = formulas.adopted.search(text)
                if adopted is None or len(text.split()) > formulas.adopted_words or text.endswith("."):
                    continue
                day = parse_date(text[adopted.end():adopted.end() + formulas.date_within])
                if day is not None:
                    return replace(meta, decision_date=day, methods={**meta.methods, "decision_date": "formula:adopted"})
    # a meeting's papers ([meeting_title] kinds: a besluitenlijst) are dated by their meeting line
    if doc_type in load_metadata_rules().meeting_kinds and pages:
        for block in pages[0].blocks[:MEETING_LINE_BLOCKS]:
            text = " ".join(block.lines[0].text.split()) if block.lines else ""
            line = formulas.meeting_line.match(text)
            # (the date may wrap onto the block's next line: "… in de vergadering van de gemeente" /
            # "Oosterwold van 3 maart 2031")
            text = " ".join(" ".join(ln.text for ln in block.lines[:2]).split())
            day = parse_date(text[line.end():line.end() + formulas.date_within]) if line else None
            if day is not None:
                return replace(meta, decision_date=day, methods={**meta.methods, "decision_date": "formula:meeting"})
    return meta


def document_date_from_date_line(meta: DocumentMetadata, pages: Sequence[PageLayout], doc_type: str) -> DocumentMetadata:
    """The metadata with the date a letter prints unlabelled at its head as `document_date`, when
    no label gave one (a copy; a meeting's record, a besluitenlijst or verslag, dates the meeting)."""
    formulas = load_formulas()
    if meta.document_date is not None or not pages or doc_type in formulas.date_line_skip:
        return meta
    rows = page_rows(pages[0])[: formulas.date_line_rows]
    for k, row in enumerate(rows):
        if len(row.cells) != 1 or (k and any(form_label_rest(c) == "" for c in rows[k - 1].cells)) \
                or _in_grid(rows, k):
            continue  # a date in a form's cell, or under a label, is that field's value
        text = " ".join(row.cells[0].text.split())
        m = formulas.date_line.match(text)
        found = find_dates(m.group("date")) if m else []
        if m and found and found[0][1] == (0, len(m.group("date"))) and found[0][0] != meta.decision_date:
            return replace(meta, document_date=found[0][0], methods={**meta.methods, "document_date": "date_line"})
    return meta


def _in_grid(rows: Sequence[Row], k: int) -> bool:
    """Whether the date alone on row `k` is a value in a form's grid of labels and values: under a label
    that ends in its colon ("Datum commissie:" wrapping its value onto the next line), or right of a
    label alone above it, in the column of values, with a label and its value on the row below."""
    if k == 0:
        return False
    above, cell = rows[k - 1].cells, rows[k].cells[0]
    if above[-1].text.rstrip().endswith(":"):
        return True
    below: tuple[Cell, ...] = rows[k + 1].cells if k + 1 < len(rows) else ()
    return len(above) == 1 and len(below) >= 2 and cell.bbox.x0 - above[0].bbox.x0 >= load_formulas().date_line_grid_indent \
        and abs(below[1].bbox.x0 - cell.bbox.x0) <= 6
