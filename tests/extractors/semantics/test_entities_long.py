"""Text of any length: a section over spaCy's 1,000,000-character limit (E088) is fed to spaCy in
pieces cut at paragraph, line or sentence ends, with offsets mapped back to the whole text."""
from __future__ import annotations

from raadsstukken.extractors.semantics.entities import PIECE_CHARS, find_entities, text_pieces

PARAGRAPH = "de aanvraag is ontvangen op 3 maart 2024 en wordt behandeld zoals de regels van het loket voorschrijven. " * 10


def test_a_section_of_over_a_million_characters_gets_its_entities():
    text = "\n\n".join([PARAGRAPH] * 1100) + "\n\nHet college handelt volgens de Gemeentewet en besluit op 12 mei 2025."
    assert len(text) > 1_000_000
    found = find_entities([text, "Een kort stuk over de Gemeentewet."])[0]
    assert len([e for e in found if e.label == "DATE"]) == 1100 * 10 + 1
    law, day = found[-2], found[-1]
    assert (law.label, law.normalized, text[law.start:law.end]) == ("LAW", "BWBR0005416", "Gemeentewet")
    assert (day.normalized, text[day.start:day.end]) == ("2025-05-12", "12 mei 2025")
    assert all(text[e.start:e.end] == e.text for e in found)


def test_pieces_cover_the_text_and_end_at_the_best_boundary():
    sentence = "De raad stemt in met het voorstel. "
    text = "\n\n".join(sentence * 30 for _ in range(40))
    pieces = list(text_pieces(text, limit=2000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 2000 for _, p in pieces)
    assert [o for o, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])  # paragraph ends first


def test_pieces_fall_back_to_sentences_spaces_and_a_hard_cut():
    sentences = "Het plan gaat door. " * 200
    assert all(p.endswith(". ") for _, p in list(text_pieces(sentences, limit=500))[:-1])
    words = "woord " * 400
    assert all(p.endswith(" ") for _, p in list(text_pieces(words, limit=500))[:-1])
    blob = "x" * 1200
    assert [len(p) for _, p in text_pieces(blob, limit=500)] == [500, 500, 200]


def test_a_text_within_the_limit_is_one_piece():
    assert list(text_pieces(PARAGRAPH)) == [(0, PARAGRAPH)]
    assert PIECE_CHARS < 1_000_000
