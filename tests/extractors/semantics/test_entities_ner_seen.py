"""The NER reads a sentence once per process: a sentence read before (in this text, or an earlier
call's) gets the finds it got then, which are what reading it again gives."""
from __future__ import annotations

from raadsstukken.extractors.semantics import entities
from raadsstukken.extractors.semantics.entities import find_entities

SENTENCES = [
    "Gisteren sprak de wethouder met Jorien Veldkamp van Stichting Heidegroen over de plannen.",
    "Het overleg met de bewoners van Oosterbrink en Kleinmolen volgt in het voorjaar.",
    "Daarna besprak het bestuur het advies, dat Pieter Brandhorst had opgesteld.",
]


def _model_reads(monkeypatch) -> list[str]:
    """The sentences the model is handed, in order."""
    read: list[str] = []
    nlp = entities.pipeline()[0]
    pipe = nlp.pipe

    def counted(texts, *args, **kwargs):
        texts = list(texts)
        if kwargs.get("disable") is None:  # the model's pass (the matchers' pass disables the ner)
            read.extend(texts)
        return pipe(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counted)
    return read


def test_a_sentence_seen_before_is_not_read_again_and_gets_the_same_finds(monkeypatch) -> None:
    monkeypatch.setattr(entities, "_NER_SEEN", {})
    monkeypatch.setattr(entities, "_seen_chars", [0])
    read = _model_reads(monkeypatch)
    text = " ".join(SENTENCES)
    first = find_entities([text, SENTENCES[0]])
    assert len(read) == len(set(read)) == 3  # the repeated sentence read once
    again = find_entities([SENTENCES[0] + " " + SENTENCES[1]])  # its sentences as the model read them
    assert len(read) == 3  # both seen: nothing read
    monkeypatch.setattr(entities, "_NER_SEEN", {})
    monkeypatch.setattr(entities, "_seen_chars", [0])
    fresh = find_entities([text, SENTENCES[0]])
    assert first == fresh and len(read) == 6
    model = [(e.text, e.label) for e in first[0] if e.method == "model:ner"]
    assert [(e.text, e.label) for e in again[0] if e.method == "model:ner"] == \
        [m for m in model if m[0] in SENTENCES[0] + SENTENCES[1]]


def test_the_oldest_sentences_go_past_the_limit(monkeypatch) -> None:
    monkeypatch.setattr(entities, "_NER_SEEN", {})
    monkeypatch.setattr(entities, "_seen_chars", [0])
    monkeypatch.setattr(entities, "NER_SEEN_CHARS", len(SENTENCES[0]) + len(SENTENCES[1]) + 5)
    read = _model_reads(monkeypatch)
    find_entities([" ".join(SENTENCES)])
    assert list(entities._NER_SEEN) == [" " + s for s in SENTENCES[1:]]  # a sentence with the space before it
    assert entities._seen_chars[0] == len(SENTENCES[1]) + len(SENTENCES[2]) + 2
    find_entities([SENTENCES[0]])
    assert read[-1] == SENTENCES[0] and len(read) == 4


def test_finds_handed_to_another_process_are_not_read_there_and_are_the_same(monkeypatch) -> None:
    """`fresh_finds` gives what this process's model read since it was last asked (a worker's, for
    the other workers); `add_finds` keeps another's, which then are not read again nor handed on."""
    monkeypatch.setattr(entities, "_NER_SEEN", {})
    monkeypatch.setattr(entities, "_seen_chars", [0])
    monkeypatch.setattr(entities, "_NER_FRESH", [])
    read = _model_reads(monkeypatch)
    first = find_entities([SENTENCES[0] + " " + SENTENCES[1]])
    given = entities.fresh_finds()
    assert [s for s, _ in given] == read and entities.fresh_finds() == []  # asked again: nothing new
    monkeypatch.setattr(entities, "_NER_SEEN", {})  # another process: nothing read yet
    monkeypatch.setattr(entities, "_seen_chars", [0])
    entities.add_finds(given)
    assert entities.fresh_finds() == []  # another's finds are not handed on again
    again = find_entities([SENTENCES[0] + " " + SENTENCES[1]])
    assert again == first and len(read) == 2  # nothing read: the finds came from the other process
