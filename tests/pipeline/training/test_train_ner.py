"""`raadsstukken train-ner`: a smoke training (one short epoch on a tiny subset) and the shipped model."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from raadsstukken.extractors.semantics.entities import MODEL_DIR
from raadsstukken.pipeline.cli import main


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
    """Names that are in no lexicon and nowhere in the training corpus or its name lists."""
    import spacy

    nlp = spacy.load(MODEL_DIR)
    sentences = [
        ("In Beijum en Corpus den Hoorn is de woonoverlast afgenomen.", {("Beijum", "LOC"), ("Corpus den Hoorn", "LOC")}),
        ("Samen met Zorgbalans, Cordaan en Buurtzorg Oost pakken we eenzaamheid aan.",
         {("Zorgbalans", "ORG"), ("Cordaan", "ORG"), ("Buurtzorg Oost", "ORG")}),
        ("Tijdens de bijeenkomst sprak Willemijn Terpstra over de aanpak van mensenhandel.",
         {("Willemijn Terpstra", "PER")}),
        ("De buurtpreventieapp is uitgerold in Dwingeloo, Ruinen en Havelte.",
         {("Dwingeloo", "LOC"), ("Ruinen", "LOC"), ("Havelte", "LOC")}),
    ]
    expected = set().union(*(e for _, e in sentences))
    found = {(e.text, e.label_) for doc in nlp.pipe([s for s, _ in sentences]) for e in doc.ents}
    assert len({t for t, _ in expected} & {t for t, _ in found}) >= 0.8 * len(expected), found
    assert len(expected & found) >= 0.6 * len(expected), found  # organisations are the weak label
