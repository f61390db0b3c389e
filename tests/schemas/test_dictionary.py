"""The data dictionary in docs/ is the one the schemas generate, and it names every column."""
from __future__ import annotations

from pathlib import Path

from raadsstukken.pipeline.stages import STAGES, assigning_stages
from raadsstukken.schemas import DATASETS
from raadsstukken.schemas.dictionary import render_dictionary

DOC = Path(__file__).resolve().parents[2] / "docs" / "datasets.md"


def test_dictionary_is_in_sync_with_the_schemas(golden):
    golden(DOC, render_dictionary(assigning_stages(STAGES)))  # or run `raadsstukken dictionary`


def test_every_dataset_says_which_stages_fill_it():
    filled_by = assigning_stages(STAGES)
    for dataset in DATASETS.values():
        if dataset.rows is None:
            continue
        assert dataset.reads, dataset.name
        for field in dataset.reads:
            assert field in filled_by, f"{dataset.name} reads {field}, which no stage assigns"


def test_dictionary_names_every_column():
    text = render_dictionary()
    for dataset in DATASETS.values():
        assert f"## {dataset.name}" in text
        for column in dataset.columns:
            assert f"| `{column.name}` |" in text
