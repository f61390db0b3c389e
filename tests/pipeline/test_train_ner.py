"""`raadsstukken train-ner`: a smoke training (one short epoch on a tiny subset) and the shipped model."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from extractors.entities import MODEL_DIR
from pipeline.cli import main


def _train(out: Path) -> str:
    result = CliRunner().invoke(main, ["train-ner", "--out", str(out), "--epochs", "1", "--limit", "60",
                                       "--copies", "1"])
    assert result.exit_code == 0, result.output
    return result.output


def test_smoke_training_prints_dev_scores_and_is_reproducible(tmp_path):
    first = _train(tmp_path / "a")
    second = _train(tmp_path / "b")
    assert "label" in first and "F1" in first and "\nALL " in first
    assert first.replace(str(tmp_path / "a"), "") == second.replace(str(tmp_path / "b"), "")
    assert (tmp_path / "a" / "ner" / "model").read_bytes() == (tmp_path / "b" / "ner" / "model").read_bytes()
    import spacy

    nlp = spacy.load(tmp_path / "a")
    assert nlp.pipe_names == ["ner"] and set(nlp.get_pipe("ner").labels) >= {"PER", "ORG", "LOC"}


def test_shipped_model_is_small_and_records_its_dev_scores():
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 12_000_000
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["dev"]["ALL"]["f"] > 0.6


def test_shipped_model_finds_names_no_lexicon_holds():
    import spacy

    nlp = spacy.load(MODEL_DIR)
    sentences = [
        ("In Vinkhuizen en Paddepoel is de woonoverlast afgenomen.", {("Vinkhuizen", "LOC"), ("Paddepoel", "LOC")}),
        ("Samen met Humanitas, Kwadraad en Welzijn Lokaal pakken we eenzaamheid aan.",
         {("Humanitas", "ORG"), ("Kwadraad", "ORG"), ("Welzijn Lokaal", "ORG")}),
        ("Tijdens de bijeenkomst sprak Marieke Hoogland over de aanpak van mensenhandel.", {("Marieke Hoogland", "PER")}),
        ("De buurtpreventieapp is uitgerold in Sleen, Zweeloo en Aalden.",
         {("Sleen", "LOC"), ("Zweeloo", "LOC"), ("Aalden", "LOC")}),
    ]
    expected = set().union(*(e for _, e in sentences))
    found = {(e.text, e.label_) for doc in nlp.pipe([s for s, _ in sentences]) for e in doc.ents}
    assert len(expected & found) >= 0.7 * len(expected), found
