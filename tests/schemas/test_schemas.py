"""The dataset definitions: every contract dataset exists, and validation catches what it must."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pytest

from raadsstukken.schemas import DATASETS, validate_table
from raadsstukken.schemas.datasets import PAGES, SECTIONS, PageRecord

CONTRACT = {
    "runs": ("run_id", "file_id"), "documents": ("doc_id",), "pages": ("file_id", "page"),
    "sections": ("section_id",), "decisions": ("decision_id",), "themes": ("theme_id",),
    "goals": ("goal_id",), "actions": ("action_id",), "links": ("link_id",), "tables": ("table_id",),
    "table_cells": ("table_id", "row", "col"), "statistics": ("stat_id",), "amounts": ("amount_id",),
    "entities": ("entity_id",),
}


def test_every_contract_dataset_is_defined_with_its_key():
    assert {name: d.key for name, d in DATASETS.items()} == CONTRACT
    for d in DATASETS.values():
        assert set(d.key) <= set(d.schema.names)
        assert all(c.description for c in d.columns)


def test_dates_are_date32_and_lists_are_lists():
    docs = DATASETS["documents"].schema
    assert docs.field("document_date").type == pa.date32()
    assert pa.types.is_list(docs.field("bodies").type)
    assert pa.types.is_list(SECTIONS.schema.field("heading_path").type)


def _page(**kw) -> PageRecord:
    base = dict(file_id="f" * 64, page=1, doc_id=None, width=595.0, height=842.0, rotation=0, n_chars=10,
                text_layer=True, ocr=False, page_label=None, header=None, footer=None, method="test")
    base.update(kw)
    return PageRecord(**base)


def test_valid_table_has_no_problems():
    assert validate_table(PAGES, PAGES.to_table([_page(), _page(page=2)])) == []


@pytest.mark.parametrize(
    ("table_factory", "message"),
    [
        (lambda: PAGES.to_table([_page(), _page()]), "duplicate keys"),
        (lambda: PAGES.to_table([_page(page_label="")]), "empty strings"),
        (lambda: PAGES.to_table([_page()]).drop_columns(["rotation"]), "missing column"),
        (lambda: PAGES.to_table([_page(method=None)]), "null values"),
    ],
)
def test_validation_problems(table_factory, message):
    problems = validate_table(PAGES, table_factory())
    assert any(message in str(p) for p in problems), problems


def test_enumerations_are_checked():
    runs = DATASETS["runs"]
    row = {"run_id": "r", "file_id": "f", "source_file": "a.pdf", "status": "exploded", "error_type": None,
           "error": None, "n_pages": 1, "duration_s": 0.1, "pipeline_version": "0",
           "started_at": datetime(2026, 12, 1, tzinfo=timezone.utc)}
    problems = validate_table(runs, runs.to_table([row]))
    assert any("outside" in str(p) for p in problems)


def test_enumerations_allow_exactly_their_values_and_nulls():
    """A value is allowed when it is one of the enumeration's values, written exactly (no prefix, no
    other case, no pattern): what an anchored expression of the escaped values says."""
    runs = DATASETS["runs"]
    row = {"run_id": "r", "file_id": "f", "source_file": "a.pdf", "error_type": None, "error": None,
           "n_pages": 1, "duration_s": 0.1, "pipeline_version": "0",
           "started_at": datetime(2026, 12, 1, tzinfo=timezone.utc)}
    allowed = next(c.enum for c in runs.columns if c.name == "status")
    ok = [{**row, "file_id": str(i), "status": v} for i, v in enumerate(allowed)]
    assert validate_table(runs, runs.to_table(ok)) == []
    wrong = ["", allowed[0].upper(), allowed[0] + "x", allowed[0] + "\n", ".*", "|".join(allowed)]
    for value in wrong:
        problems = [str(p) for p in validate_table(runs, runs.to_table([{**row, "status": value}]))]
        assert any("outside" in p and repr(value) in p for p in problems), (value, problems)


def test_empty_strings_are_counted_among_nulls():
    table = PAGES.to_table([_page(page=1, page_label=""), _page(page=2), _page(page=3, page_label=""),
                            _page(page=4, page_label="iv")])
    assert [str(p) for p in validate_table(PAGES, table)] == [
        "pages: column 'page_label' has 2 empty strings (absent values must be null)"]
