"""The annotated NER corpus of `training/ner/`: reading, the train/dev split and name-swap augmentation.

Corpus files (`training/ner/corpus/*.txt`) hold one sentence per line with entities marked inline as
`[[surface text|LABEL]]`; `#` starts a comment line. Name lists (`training/ner/names/LABEL-kind.txt`)
hold one name per line; augmentation replaces an entity by another name of its label so that the
model learns from the words around a name instead of memorising the names.

Everything here is deterministic: the split is decided by a hash of the sentence text (a sentence
stays on its side when the corpus grows), and augmentation draws from a seeded generator.
"""
from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

LABELS = ("PER", "ORG", "LOC", "LAW", "MONEY", "DATE")
MARKUP = re.compile(r"\[\[([^\[\]|]+)\|(" + "|".join(LABELS) + r")\]\]")
SWAPPABLE = ("PER", "ORG", "LOC", "LAW")
DEV_SHARE = 5  # one sentence in five goes to dev


class CorpusError(ValueError):
    """A corpus line that does not follow the markup."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class AnnotatedSentence:
    text: str
    spans: tuple[Span, ...]
    source: str  # "file.txt:line"


def parse_line(line: str, source: str = "") -> AnnotatedSentence:
    """One marked-up line -> its plain text and entity spans."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for m in MARKUP.finditer(line):
        before = line[pos:m.start()]
        parts.append(before)
        length += len(before)
        surface = m.group(1)
        if surface != surface.strip() or not surface.strip():
            raise CorpusError(f"{source}: entity with surrounding spaces or empty: {m.group(0)!r}")
        spans.append(Span(length, length + len(surface), m.group(2)))
        parts.append(surface)
        length += len(surface)
        pos = m.end()
    parts.append(line[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise CorpusError(f"{source}: unbalanced or unknown markup: {line!r}")
    return AnnotatedSentence(text, tuple(spans), source)


def read_corpus(directory: Path) -> list[AnnotatedSentence]:
    """All sentences of the corpus files, in file and line order (duplicates kept once)."""
    sentences: list[AnnotatedSentence] = []
    seen: set[str] = set()
    for path in sorted(Path(directory).glob("*.txt")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            sentence = parse_line(line, f"{path.name}:{number}")
            if sentence.text not in seen:
                seen.add(sentence.text)
                sentences.append(sentence)
    return sentences


def is_dev(sentence: AnnotatedSentence) -> bool:
    digest = hashlib.sha256(sentence.text.encode("utf-8")).digest()
    return digest[0] % DEV_SHARE == 0


def split(sentences: list[AnnotatedSentence]) -> tuple[list[AnnotatedSentence], list[AnnotatedSentence]]:
    """(train, dev) by a hash of each sentence."""
    train = [s for s in sentences if not is_dev(s)]
    dev = [s for s in sentences if is_dev(s)]
    return train, dev


def read_names(directory: Path) -> dict[str, dict[str, list[str]]]:
    """label -> kind -> names, from files named `LABEL-kind.txt` (a kind starting with "street" holds
    street names, which replace only names with a house number)."""
    names: dict[str, dict[str, list[str]]] = {}
    for path in sorted(Path(directory).glob("*.txt")):
        label, _, kind = path.stem.partition("-")
        if label not in LABELS:
            continue
        entries = [n.strip() for n in path.read_text(encoding="utf-8").splitlines()]
        names.setdefault(label, {})[kind or "all"] = sorted({n for n in entries if n and not n.startswith("#")})
    return names


def _kind_for(label: str, surface: str, kinds: dict[str, list[str]]) -> list[str]:
    """The name list to draw a replacement from: streets for a name with a house number, else any."""
    if label == "LOC":
        streets = [n for kind, names in sorted(kinds.items()) if kind.startswith("street") for n in names]
        if re.search(r"\d", surface) and streets:
            return streets
        return [n for kind, names in sorted(kinds.items()) if not kind.startswith("street") for n in names]
    return [n for _, names in sorted(kinds.items()) for n in names]


def swap_names(sentence: AnnotatedSentence, names: dict[str, dict[str, list[str]]], rng: random.Random,
               share: float = 0.8) -> AnnotatedSentence:
    """A copy of the sentence with (most of) its PER/ORG/LOC/LAW names replaced by others of the label."""
    text = sentence.text
    pieces: list[str] = []
    spans: list[Span] = []
    pos = 0
    length = 0
    for span in sentence.spans:
        before = text[pos:span.start]
        pieces.append(before)
        length += len(before)
        surface = text[span.start:span.end]
        pool = _kind_for(span.label, surface, names.get(span.label, {})) if span.label in SWAPPABLE else []
        if pool and rng.random() < share:
            surface = rng.choice(pool)
        spans.append(Span(length, length + len(surface), span.label))
        pieces.append(surface)
        length += len(surface)
        pos = span.end
    pieces.append(text[pos:])
    return AnnotatedSentence("".join(pieces), tuple(spans), sentence.source + "+swap")


def augment(sentences: list[AnnotatedSentence], names: dict[str, dict[str, list[str]]], copies: int,
            seed: int = 0) -> list[AnnotatedSentence]:
    """The sentences followed by `copies` name-swapped variants of each sentence that has a swappable entity."""
    rng = random.Random(seed)
    out = list(sentences)
    for _ in range(copies):
        for sentence in sentences:
            if any(s.label in SWAPPABLE for s in sentence.spans):
                out.append(swap_names(sentence, names, rng))
    return out
