"""The entity pipeline skips reading the shipped model's tokenizer from disk (it is spaCy's Dutch
default, which loading builds anyway): this pins that the two are the same tokenizer."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.semantics.entities import MODEL_DIR, pipeline


def test_pipeline_tokenizer_equals_the_shipped_one() -> None:
    if not (MODEL_DIR / "meta.json").exists():
        pytest.skip("no shipped model")
    import spacy

    shipped = spacy.load(MODEL_DIR)
    nlp = pipeline()[0]
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == shipped.tokenizer.to_bytes(exclude=["vocab"])
    text = "Het college van B&W stelt i.v.m. de Wmo 2015 voor, o.a. in Deventer-Oost: € 1.250,- per jaar."
    assert [t.text for t in nlp(text)] == [t.text for t in shipped(text)]
    assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in shipped(text).ents]
