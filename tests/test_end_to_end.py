"""The shipped samples (raw/) through `raadsstukken run`, measured against their gold (tests/gold)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner

from bench.evaluate import evaluate
from raadsstukken.pipeline.cli import main
from raadsstukken.schemas import DATASETS

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("e2e") / "output"
    result = CliRunner().invoke(main, ["run", str(ROOT / "raw"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_output_validates(output):
    result = CliRunner().invoke(main, ["validate", str(output)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "raw").glob("*.pdf")))
def test_page_layer_against_gold(output, name):
    report = evaluate(output, ROOT / "tests" / "gold")[name]
    found, total = map(int, report["probes"].split("/"))
    assert total >= 25 and found / total >= 0.95, report["probes_missed"]
    assert report["noise_leaks"] == []
    assert report["headings_recall"] >= 0.90, report["headings_missed"]


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "raw").glob("*.pdf")))
def test_documents_against_gold(output, name):
    report = evaluate(output, ROOT / "tests" / "gold")[name]
    assert report["split_exact"], report["split"]
    assert report["fields_wrong"] == []
    assert report["decisions_wrong_in"] == []
    found, total = map(int, report["amounts_recall"].split("/"))
    assert found / total >= 0.95


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "raw").glob("*.pdf")))
def test_tables_against_gold(output, name):
    report = evaluate(output, ROOT / "tests" / "gold")[name]
    assert report["tables_missed"] == [] and report["tables_not_in_gold"] == 0
    precision, recall = report["statistics"].replace("precision ", "").replace("recall ", "").split(", ")
    for ratio in (precision, recall):
        found, total = map(int, ratio.split("/"))
        assert total == 0 or found / total >= 0.98


@pytest.mark.parametrize("dataset", sorted(DATASETS))
def test_pandas_and_duckdb_read_the_same_rows(output, dataset):
    frame = pd.read_parquet(output / dataset)
    con = duckdb.connect()
    via_duckdb = con.execute(f"select * from read_parquet('{output / dataset}/*.parquet')").df()
    assert len(frame) == len(via_duckdb)
    if dataset == "sections":
        assert sorted(frame["section_id"]) == sorted(via_duckdb["section_id"])
        assert len(frame) > 50


def test_dask_local_cluster_gives_the_same_output(output, tmp_path):
    from raadsstukken.pipeline.run import RunSettings, run

    dask_out = tmp_path / "dask"
    run(RunSettings(inputs=(ROOT / "raw",), out_dir=dask_out, executor="dask", jobs=2))
    for name, dataset in DATASETS.items():
        if name == "runs":
            continue
        left = pd.read_parquet(output / name).sort_values(list(dataset.key)).reset_index(drop=True)
        right = pd.read_parquet(dask_out / name).sort_values(list(dataset.key)).reset_index(drop=True)
        pd.testing.assert_frame_equal(left, right)


def _similar(a: str, b: str) -> float:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a.casefold().rstrip(" .;:,"), b.casefold().rstrip(" .;:,")).ratio()


def test_entities_and_themes_against_gold(output):
    import json

    entities = pd.read_parquet(output / "entities")
    themes = pd.read_parquet(output / "themes")
    found_entities = list(zip(entities["text"], entities["label"]))
    hits = total = 0
    for gold_file in sorted((ROOT / "tests" / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for e in gold["entities"]:
            total += 1
            hits += any(label == e["label"] and _similar(text, e["text"]) >= 0.9 for text, label in found_entities)
        for t in gold["themes"]:  # the gold's kinds are the plan's own words: kind_label in contract v2
            assert any(_similar(label, t["label"]) >= 0.9 and (kind == t["kind"] or str(word).startswith(t["kind"]))
                       for label, kind, word in zip(themes["label"], themes["kind"], themes["kind_label"])), t["label"]
    assert hits / total >= 0.90, f"{hits}/{total}"
