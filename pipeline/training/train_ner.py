"""Train the statistical NER that ships in `extractors/models/ner_nl` (`raadsstukken train-ner`).

A `spacy.blank("nl")` pipeline with one `ner` component whose own small CPU tok2vec (hash embeddings
of norm, prefix, suffix and shape, a few CNN layers) keeps the model at a few MB. It learns from the
annotated corpus of `training/ner/` (see `raadsstukken.pipeline.training.ner_corpus`): the train side, augmented with
name-swapped copies, for a fixed number of epochs; the weights of the epoch with the best dev F1 are
kept. A fixed seed, a fixed example order per epoch and single-threaded numpy make the result
reproducible: the same corpus and settings give the same model and the same dev scores.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from raadsstukken.pipeline.training.ner_corpus import (AnnotatedSentence, LABELS, augment, read_corpus, read_names, split)

MODEL_NAME = "raadsstukken_ner_nl"
ORDINARY_WORDS = "ordinary_words.txt"

# The component's network: spaCy's transition-based NER with a small hash-embedding CNN of its own.
NER_MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner",
    "extra_state_tokens": False,
    "hidden_width": 64,
    "maxout_pieces": 2,
    "use_upper": True,
    "nO": None,
    "tok2vec": {
        "@architectures": "spacy.HashEmbedCNN.v2",
        "pretrained_vectors": None,
        "width": 96,
        "depth": 4,
        "embed_size": 3000,
        "window_size": 1,
        "maxout_pieces": 3,
        "subword_features": True,
    },
}


@dataclass
class TrainSettings:
    corpus_dir: Path
    out_dir: Path
    epochs: int = 25
    copies: int = 6  # name-swapped copies of each training sentence
    dropout: float = 0.2
    seed: int = 0
    limit: int | None = None  # train on the first N training sentences only (smoke runs)


@dataclass
class LabelScore:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass
class TrainResult:
    n_train: int
    n_train_augmented: int
    n_dev: int
    best_epoch: int
    scores: list[LabelScore] = field(default_factory=list)
    overall: LabelScore | None = None
    misaligned: int = 0

    def table(self) -> str:
        """The dev scores as a fixed-width table (what `train-ner` prints and the README quotes)."""
        lines = [f"{'label':6s} {'P':>6s} {'R':>6s} {'F1':>6s} {'n':>5s}"]
        for s in self.scores + ([self.overall] if self.overall else []):
            lines.append(f"{s.label:6s} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:5d}")
        return "\n".join(lines)


def _examples(nlp, sentences: list[AnnotatedSentence]):
    from spacy.training import Example

    examples = []
    misaligned = 0
    for s in sentences:
        doc = nlp.make_doc(s.text)
        entities = []
        for span in s.spans:
            if doc.char_span(span.start, span.end, label=span.label) is None:
                misaligned += 1  # not on token boundaries: left out (the tokens count as unknown)
                continue
            entities.append((span.start, span.end, span.label))
        examples.append(Example.from_dict(doc, {"entities": entities}))
    return examples, misaligned


def _support(sentences: list[AnnotatedSentence]) -> dict[str, int]:
    counts = {label: 0 for label in LABELS}
    for s in sentences:
        for span in s.spans:
            counts[span.label] += 1
    return counts


def evaluate(nlp, sentences: list[AnnotatedSentence]) -> tuple[list[LabelScore], LabelScore]:
    """Exact-span precision, recall and F1 per label and overall on annotated sentences."""
    examples, _ = _examples(nlp, sentences)
    scores = nlp.evaluate(examples)
    per_type = scores.get("ents_per_type") or {}
    support = _support(sentences)
    rows = [LabelScore(label, per_type.get(label, {}).get("p", 0.0), per_type.get(label, {}).get("r", 0.0),
                       per_type.get(label, {}).get("f", 0.0), support[label])
            for label in LABELS if support[label] or label in per_type]
    overall = LabelScore("ALL", scores.get("ents_p") or 0.0, scores.get("ents_r") or 0.0,
                         scores.get("ents_f") or 0.0, sum(support.values()))
    return rows, overall


def train(settings: TrainSettings, log=print) -> TrainResult:
    """Train on the corpus, keep the best epoch on dev, write the model to `settings.out_dir`."""
    import spacy
    from spacy.util import fix_random_seed, minibatch

    fix_random_seed(settings.seed)
    sentences = read_corpus(settings.corpus_dir / "corpus")
    names = read_names(settings.corpus_dir / "names")
    train_side, dev_side = split(sentences)
    if settings.limit is not None:
        train_side = train_side[:settings.limit]
        dev_side = dev_side[:max(1, settings.limit // 4)]
    if not train_side or not dev_side:
        raise ValueError(f"no training or dev sentences in {settings.corpus_dir}")
    augmented = augment(train_side, names, settings.copies, seed=settings.seed)

    nlp = spacy.blank("nl")
    nlp.meta.update({"name": MODEL_NAME, "version": "0.1.0",
                     "description": "raadsstukken NER for Dutch council papers (trained by `raadsstukken train-ner`)"})
    ner = nlp.add_pipe("ner", config={"model": NER_MODEL})
    for label in LABELS:
        ner.add_label(label)
    train_examples, misaligned = _examples(nlp, augmented)
    optimizer = nlp.initialize(lambda: train_examples)
    log(f"corpus: {len(train_side)} training sentences ({len(augmented)} with name swaps), "
        f"{len(dev_side)} dev sentences; {misaligned} entities off token boundaries left out")

    rng = random.Random(settings.seed)
    best: tuple[float, int, bytes] | None = None
    order = list(range(len(train_examples)))
    for epoch in range(1, settings.epochs + 1):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        for batch in minibatch([train_examples[i] for i in order], size=16):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        _, overall = evaluate(nlp, dev_side)
        log(f"epoch {epoch:3d}  loss {losses.get('ner', 0.0):10.1f}  dev P {overall.precision:.3f} "
            f"R {overall.recall:.3f} F1 {overall.f1:.3f}")
        if best is None or overall.f1 > best[0]:
            best = (overall.f1, epoch, nlp.get_pipe("ner").to_bytes())
    assert best is not None
    nlp.get_pipe("ner").from_bytes(best[2])
    rows, overall = evaluate(nlp, dev_side)
    result = TrainResult(len(train_side), len(augmented), len(dev_side), best[1], rows, overall, misaligned)
    nlp.meta["performance"] = {"dev": {s.label: {"p": round(s.precision, 4), "r": round(s.recall, 4),
                                                 "f": round(s.f1, 4), "n": s.support}
                                       for s in rows + [overall]}}
    nlp.meta["training"] = {"train_sentences": len(train_side), "train_examples": len(augmented),
                            "dev_sentences": len(dev_side), "epochs": settings.epochs, "best_epoch": best[1],
                            "copies": settings.copies, "dropout": settings.dropout, "seed": settings.seed}
    _save(nlp, settings.out_dir, ordinary_words(sentences))
    return result


def ordinary_words(sentences: list[AnnotatedSentence]) -> list[str]:
    """The words the corpus writes in lower case outside its entities: the pipeline takes a
    capitalised one of them for an ordinary word at a sentence start or in a heading, not a name."""
    words: set[str] = set()
    for s in sentences:
        pos = 0
        for span in list(s.spans) + [None]:
            chunk = s.text[pos:span.start if span else len(s.text)]
            words.update(w for w in re.findall(r"(?<![\w-])[a-zà-ÿ][a-zà-ÿ-]{2,}", chunk))
            pos = span.end if span else pos
    return sorted(words)


def _save(nlp, out_dir: Path, words: list[str]) -> None:
    """Write the model next to the target and swap it in, so a failed run leaves the old one whole."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".ner-", dir=out_dir.parent))
    try:
        nlp.to_disk(tmp / "model")
        (tmp / "model" / ORDINARY_WORDS).write_text("\n".join(words) + "\n", encoding="utf-8")
        (tmp / "model" / "meta.json").write_text(json.dumps(nlp.meta, indent=2, sort_keys=True, ensure_ascii=False)
                                                 + "\n", encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        (tmp / "model").rename(out_dir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
