"""The annotated NER corpus: markup, split and name-swap augmentation (on invented lines)."""
from __future__ import annotations

import random

import pytest

from raadsstukken.pipeline.training.ner_corpus import (CorpusError, augment, is_dev, parse_line, read_corpus, read_names, split,
                                 swap_names)


def test_markup_gives_text_and_spans():
    s = parse_line("Wethouder [[A. Bakker|PER]] opende in [[Hoogkerk|LOC]] op [[2 mei 2024|DATE]] het pand.")
    assert s.text == "Wethouder A. Bakker opende in Hoogkerk op 2 mei 2024 het pand."
    assert [(s.text[x.start:x.end], x.label) for x in s.spans] == [
        ("A. Bakker", "PER"), ("Hoogkerk", "LOC"), ("2 mei 2024", "DATE")]


@pytest.mark.parametrize("line", ["Een [[open|ORG] haak.", "Een [[onbekend|THING]] label.", "[[ spatie|LOC]]"])
def test_bad_markup_is_an_error(line):
    with pytest.raises(CorpusError):
        parse_line(line, "x.txt:1")


def test_reading_skips_comments_and_duplicates(tmp_path):
    (tmp_path / "a.txt").write_text("# kop\nIn [[Ede|LOC]].\n\nIn [[Ede|LOC]].\nGeen naam hier.\n", encoding="utf-8")
    sentences = read_corpus(tmp_path)
    assert [s.text for s in sentences] == ["In Ede.", "Geen naam hier."]
    assert sentences[0].source == "a.txt:2"


def test_split_is_stable_and_roughly_one_in_five():
    sentences = [parse_line(f"Zin nummer {i} over [[Plaats{i}|LOC]].") for i in range(500)]
    train, dev = split(sentences)
    assert len(train) + len(dev) == 500 and 60 <= len(dev) <= 140
    assert split(sentences[::-1])[1] == dev[::-1]  # the side of a sentence does not depend on the others
    assert all(is_dev(s) for s in dev)


def test_name_swaps_keep_spans_on_the_new_names(tmp_path):
    (tmp_path / "LOC-street.txt").write_text("Dorpsstraat 7\n", encoding="utf-8")
    (tmp_path / "LOC-area.txt").write_text("Vinkhuizen\n", encoding="utf-8")
    (tmp_path / "ORG-local.txt").write_text("Stichting Het Anker\n", encoding="utf-8")
    names = read_names(tmp_path)
    s = parse_line("Met [[Humanitas|ORG]] aan de [[Kerkweg 3|LOC]] in [[Selwerd|LOC]], kosten [[€ 9.000|MONEY]].")
    swapped = swap_names(s, names, random.Random(1), share=1.0)
    assert [(swapped.text[x.start:x.end], x.label) for x in swapped.spans] == [
        ("Stichting Het Anker", "ORG"), ("Dorpsstraat 7", "LOC"), ("Vinkhuizen", "LOC"), ("€ 9.000", "MONEY")]
    assert len(augment([s], names, copies=2)) == 3
    assert augment([s], names, copies=2, seed=4) == augment([s], names, copies=2, seed=4)


def test_the_repository_corpus_parses_and_has_every_label():
    from pathlib import Path

    sentences = read_corpus(Path("training/ner/corpus"))
    labels = {x.label for s in sentences for x in s.spans}
    assert len(sentences) >= 500 and labels == {"PER", "ORG", "LOC", "LAW", "MONEY", "DATE"}
