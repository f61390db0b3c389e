"""The entity pipeline's spaCy: the shipped model's tokenizer is spaCy's Dutch default (not read from
disk again), built with its exceptions deferred until a text could use them. These pin that its
tokens and entities are those of the model spaCy loads itself, and that the exceptions a text is
given are every one that could apply."""
from __future__ import annotations

import random

import pytest

from raadsstukken.extractors.semantics.entities import MODEL_DIR, pipeline
from raadsstukken.extractors.semantics.entities_spacy import _PendingExceptions, _squeezed, load_model

TEXTS = [
    "Het college van B&W stelt i.v.m. de Wmo 2015 voor, o.a. in Deventer-Oost: € 1.250,- per jaar.",
    "Zie bijv. art. 3 lid 2 (m.b.t. de kosten) en blz. 14 t/m 16; z.s.m. daarna volgt e.e.a. :-)",
    "De wethouder (o.a. Sport) zei: 'Het is goed zo' , en 's avonds ging de vergadering door.",
    "Een afkorting met spaties ertussen: i.v . m. of m. b.t. , en een regel die eindigt op m.b.t.",
    "Dhr. Jansen en mevr. De Vries (resp. voorzitter en lid) gaven o.l.v. prof. Smit hun advies.",
    "Bedragen x € 1.000; kolom t.o.v. vorig jaar; nr. 12a; ca. 40% ;-) en nog <3 en XD hier.",
]


def _shipped():
    if not (MODEL_DIR / "meta.json").exists():
        pytest.skip("no shipped model")
    import spacy

    return spacy.load(MODEL_DIR)


def _tokens(doc) -> list[tuple[str, str, str]]:
    return [(t.text, t.norm_, t.whitespace_) for t in doc]


def test_deferred_tokenizer_gives_the_shipped_tokens_and_entities() -> None:
    shipped = _shipped()
    for nlp in (pipeline()[0], load_model(MODEL_DIR)):
        for text in TEXTS:
            assert _tokens(nlp(text)) == _tokens(shipped(text)), text
            assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in shipped(text).ents]
    nlp = load_model(MODEL_DIR)
    with nlp.tokenizer.covering(TEXTS):  # looked up once for the texts, then pieces of them
        for text in TEXTS:
            for piece in (text, text[: len(text) // 2], text[len(text) // 3:]):
                assert _tokens(nlp(piece)) == _tokens(shipped(piece)), piece


def test_deferred_tokenizer_with_every_exception_added_is_the_shipped_one() -> None:
    shipped = _shipped()
    nlp = load_model(MODEL_DIR)
    assert 0 < len(nlp.tokenizer.pending_exceptions()) < len(shipped.tokenizer.rules)
    assert {**nlp.tokenizer.rules, **nlp.tokenizer.pending_exceptions()} == shipped.tokenizer.rules
    nlp.tokenizer.add_exceptions_for("".join(shipped.tokenizer.rules))
    assert not nlp.tokenizer.pending_exceptions()
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == shipped.tokenizer.to_bytes(exclude=["vocab"])


def test_a_text_is_given_every_exception_it_holds_without_its_whitespace() -> None:
    exceptions = {s: [{"ORTH": s}] for s in ["a.b.", "ab.", ".c", "x.y.z.", ":-)", "'s", "XD", "q", " ", "\n"]}
    rng = random.Random(2026)
    alphabet = list("abcxyzqXD.:-)' \n")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        pending = _PendingExceptions(exceptions)
        assert sorted(pending.take_unconditional()) == ["\n", " "]
        expected = sorted(s for s in pending.left if _squeezed(s) in _squeezed(text))
        assert pending.take_in(text) == expected, text
        assert pending.take_in(text) == []  # once given, no longer pending
