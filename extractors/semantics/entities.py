"""Named entities in section text: laws (with BWB ids), organisations, places, persons, money, dates.

A spaCy pipeline (`spacy.blank("nl")`: no pretrained Dutch model can be installed here) tokenizes
the sections in batches (`nlp.pipe`); phrase matchers fed by the gazetteer and the lexicons of
`rules/entities.toml` and patterns for names, dates and amounts find the entities; overlapping
finds keep the longest. Each entity is normalized: a law to its BWB id, a date to ISO, money to
euros, an organisation to its canonical name.

Next to the rules runs the statistical `ner` of the shipped model (`models/ner_nl`, trained by
`raadsstukken train-ner` on the annotated corpus of `training/ner/`): it finds the names no lexicon
holds (villages, districts, local organisations, companies) from the words around them. Rule finds
win; a model find is kept where it overlaps none of them (method `model:ner`).
"""
from __future__ import annotations

import bisect
import csv
import re
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from raadsstukken.extractors.semantics.amounts import find_amounts_in_text
from raadsstukken.extractors.text.dates import find_dates
from raadsstukken.extractors.rules import read_rules

if TYPE_CHECKING:  # spaCy is imported when the pipeline is first built
    from spacy.language import Language

    from raadsstukken.extractors.semantics.entities_phrases import LexiconMatchers

GAZETTEER = Path(__file__).parents[1] / "data" / "dutch_laws_2017.tsv"
MODEL_DIR = Path(__file__).parents[1] / "models" / "ner_nl"
MAX_LAW_TOKENS = 8


def name_shapes() -> dict[str, str]:
    """The shapes of names (`rules/entities.toml [shapes]`) with their placeholders filled in."""
    data = read_rules("entities")
    words = {k: "|".join(re.escape(w) for w in v) for k, v in data["shape_words"].items()}
    months: dict[int, str] = {}
    for month_name, number in read_rules("dutch_dates")["months"].items():  # the full name of each month
        if len(month_name) > len(months.get(number, "")):
            months[number] = month_name
    words["months"] = "|".join(months[n] for n in sorted(months))
    words["compass_words"] = "|".join(re.escape(w) for w in data["places"]["compass_words"])
    shapes: dict[str, str] = {}
    for key, template in data["shapes"].items():
        shapes[key] = re.sub(r"\{\{(\w+)\}\}", lambda m: shapes.get(m.group(1)) or words[m.group(1)], template)
    return shapes


_SHAPES = name_shapes()
CAP = _SHAPES["capital"]
NAME = _SHAPES["name"]
ACRONYM = _SHAPES["acronym"]
ACRONYM_THEN_EN = re.compile(_SHAPES["acronym_then_en"])
QUOTED = _SHAPES["quoted"]
INITIALS_NAME = re.compile(_SHAPES["initials_name"])
MONTH_YEAR = re.compile(_SHAPES["month_year"], re.IGNORECASE)
TYPE_NOUN_METHODS = ("pattern:place_type", "pattern:org_type")
PRIORITY = {"LAW": 5, "MONEY": 5, "DATE": 4, "PER": 3, "ORG": 2, "LOC": 1}


@dataclass(frozen=True)
class Entity:
    start: int
    """Offset of the first character in the text it was found in."""
    end: int
    text: str
    label: str
    normalized: str | None
    method: str


@dataclass
class _Lexicons:
    laws: dict[str, str | None]  # lower-cased name -> BWB id
    law_aliases: dict[str, str | None]
    law_word: re.Pattern[str]
    organisations: dict[str, str]
    organisation_heads: list[str]
    organisation_suffixes: list[str]
    acronym_nouns: list[str]
    places: list[str]
    place_suffix: re.Pattern[str]
    compass: re.Pattern[str]
    titles: list[str]
    law_keys: dict[str, tuple[str, str | None]]  # function-word-free key -> (label text, BWB id)
    law_function_words: frozenset[str]
    regulation_endings: list[str]
    policy_rule: str
    plural_heads: list[str]
    organisation_type_nouns: list[str]
    citation: re.Pattern[str]
    web_name: re.Pattern[str]
    place_type_nouns: list[str]
    compound_heads: list[str]


@lru_cache(maxsize=1)
def lexicons() -> _Lexicons:
    data = read_rules("entities")
    laws: dict[str, str | None] = {}
    with open(GAZETTEER, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = (row["path_name"] or "").strip()
            words = name.split()
            if not name or len(words) > MAX_LAW_TOKENS:
                continue
            if len(words) == 1 and not name.endswith("wet"):
                continue  # one word names only when they end in "wet": "opiumwet", not "stelselwet" alone
            laws.setdefault(name, row["bwb_id"])
    aliases = {alias: laws.get(target) if target else None for alias, target in data["law_aliases"].items()}
    function_words = frozenset(data["law_pattern"]["function_words"])
    law_keys: dict[str, tuple[str, str | None]] = {}
    for name, bwb in list(laws.items()) + list(aliases.items()):
        key = _law_key(name, function_words)
        if key.startswith("wet ") and len(key.split()) >= 2:
            law_keys.setdefault(key, (name, bwb))
    orgs = data["organisation_patterns"]
    regs = data["local_regulations"]
    places = data["places"]
    return _Lexicons(laws, aliases, re.compile(data["law_pattern"]["word"]), dict(data["organisations"]),
                     list(orgs["heads"]), list(orgs["suffixes"]), list(orgs["acronym_nouns"]),
                     list(places["names"]), re.compile(places["place_suffix"]),
                     re.compile(_SHAPES["compass_exact"]), list(data["persons"]["titles"]),
                     law_keys, function_words, list(regs["word_endings"]), regs["policy_rule"],
                     list(orgs["plural_heads"]), list(orgs["type_nouns"]), re.compile(orgs["citation"]),
                     re.compile(orgs["web_name"]), list(places["type_nouns"]), list(orgs["compound_heads"]))


def _law_key(name: str, function_words: frozenset[str]) -> str:
    return " ".join(w for w in name.lower().split() if w not in function_words)


@lru_cache(maxsize=1)
def pipeline() -> tuple[Language, LexiconMatchers]:
    """The spaCy pipeline and its lexicon matchers (built once per process; the matchers' phrases
    are tokenized as texts need them, `entities_phrases`)."""
    from raadsstukken.extractors.semantics.entities_phrases import LexiconMatchers
    from raadsstukken.extractors.semantics.entities_spacy import load_model

    nlp = load_model(MODEL_DIR)  # spaCy without spacy.cli, the tokenizer's exceptions added as texts need them
    lex = lexicons()
    return nlp, LexiconMatchers(nlp, lex.laws, lex.places)


@lru_cache(maxsize=1)
def _names_pattern() -> re.Pattern[str]:
    """Law aliases and organisation names, matched as written, also inside a hyphenated compound
    ("APV-bepaling", "ZonMw-subsidie")."""
    lex = lexicons()
    names = sorted(set(lex.law_aliases) | set(lex.organisations), key=lambda n: (-len(n), n))
    return re.compile(r"(?<![\w&-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w&])")


def find_entities(texts: Sequence[str], municipality: str | None = None, batch_size: int = 64,
                  people: Sequence[str] = ()) -> list[list[Entity]]:
    """Entities of each text (in order), found in one batched pass. `people` are names known from
    the documents' signature blocks."""
    nlp, matchers = pipeline()
    matchable = matchers.prepare(texts)  # before the covering: it tokenizes the phrases it adds
    with _tokenizer_covering(nlp, texts):  # the model and the matchers tokenize only pieces of `texts`
        return _find_entities(nlp, matchers, matchable, texts, municipality, batch_size, people)


def _tokenizer_covering(nlp: Language, texts: Sequence[str]) -> AbstractContextManager[None]:
    covering = getattr(nlp.tokenizer, "covering", None)
    return covering(texts) if covering is not None else nullcontext()


def _find_entities(nlp: Language, matchers: LexiconMatchers, matchable: Sequence[bool], texts: Sequence[str],
                   municipality: str | None, batch_size: int, people: Sequence[str]) -> list[list[Entity]]:
    lex = lexicons()
    common = _lowercase_words(texts)
    joined = "\n".join(texts)
    out: list[list[Entity]] = []
    proposed = _model_finds(nlp, texts, batch_size)
    ordinary = common | _ordinary_words()
    judged: dict[tuple[str, str], bool] = {}  # the same find again in this file: the same answer

    def plausible(text: str, label: str) -> bool:
        key = (text, label)
        if key not in judged:
            judged[key] = _plausible_name(text, label, joined, ordinary)
        return judged[key]
    matched: list[list[Entity]] = [[] for _ in texts]
    pieces = [(i, offset, piece) for i, text in enumerate(texts) if matchable[i]  # a text no phrase can match
              for offset, piece in text_pieces(text)]                            # is not tokenized for them
    docs = nlp.pipe((piece for _, _, piece in pieces), batch_size=batch_size, disable=["ner"])
    for (i, offset, _), doc in zip(pieces, docs):
        for match_id, start, end in matchers(doc):
            span = doc[start:end]
            label = nlp.vocab.strings[match_id]
            matched[i].append(Entity(offset + span.start_char, offset + span.end_char, span.text, label,
                                     _normalize(label, span.text, lex), f"lexicon:{label.lower()}"))
    for text, found, model_finds in zip(texts, matched, proposed):
        for m in _names_pattern().finditer(text):
            label = "LAW" if m.group(1) in lex.law_aliases else "ORG"
            found.append(Entity(m.start(1), m.end(1), m.group(1), label, _normalize(label, m.group(1), lex),
                                f"lexicon:{label.lower()}"))
        found += [e for e in _patterns(text, lex, municipality) if not _common_word(e, common)]
        for name in people:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                found.append(Entity(m.start(), m.end(), name, "PER", name, "signature"))
        model = [Entity(start, end, text, label, _normalize(label, text, lex), "model:ner")
                 for start, end, text, label in model_finds if plausible(text, label)]
        out.append(_merge(_longest_first(found), model))
    return out


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    """Words the NER's training corpus writes in lower case (shipped with the model by train-ner)."""
    path = MODEL_DIR / "ordinary_words.txt"
    return frozenset(path.read_text(encoding="utf-8").split()) if path.exists() else frozenset()


PERSON_SHAPE = re.compile(_SHAPES["person_shape"])
SENTENCE = re.compile(_SHAPES["sentence"])
MID_SENTENCE_CAPITAL = re.compile(_SHAPES["mid_sentence_capital"])


def _model_finds(nlp, texts: Sequence[str], batch_size: int) -> list[list[tuple[int, int, str, str]]]:
    """What the statistical NER proposes in each text, as (start, end, text, label). Only sentences
    with a capitalised word after a lower-case word or comma go through the model: a name it finds
    elsewhere could not pass `_plausible_name`, and skipping the rest saves most of its time. A
    sentence the model read before in this process (a file's repeated boilerplate, the same
    paragraph in the next paper of a batch) is not read again: its finds come from `_NER_SEEN`."""
    out: list[list[tuple[int, int, str, str]]] = [[] for _ in texts]
    if "ner" not in nlp.pipe_names:
        return out
    where: list[tuple[int, int]] = []
    sentences: list[str] = []
    for i, text in enumerate(texts):
        for m in SENTENCE.finditer(text):
            if MID_SENTENCE_CAPITAL.search(m.group(0)):
                for offset, piece in text_pieces(m.group(0)):  # a "sentence" of a million characters
                    where.append((i, m.start() + offset))
                    sentences.append(piece)
    finds = {s: _NER_SEEN[s] for s in sentences if s in _NER_SEEN}
    unread = list(dict.fromkeys(s for s in sentences if s not in finds))
    for sentence, doc in zip(unread, nlp.pipe(unread, batch_size=batch_size * 4)):
        finds[sentence] = tuple((e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    for (i, offset), sentence in zip(where, sentences):
        out[i].extend((offset + start, offset + end, text, label) for start, end, text, label in finds[sentence])
    _remember(unread, finds)
    return out


NER_SEEN_CHARS = 2_000_000
"""Characters of sentences whose model finds a process keeps (`_NER_SEEN`); past it the oldest go."""
_NER_SEEN: dict[str, tuple[tuple[int, int, str, str], ...]] = {}
"""Sentence -> the model's finds in it (offsets in the sentence), in the order first read. The model
reads each sentence on its own (a document per sentence: its network sees no other sentence, and
the batch a sentence is read in changes none of its finds), so a sentence read again gives the same
finds; this saves the reading (the NER's forward pass is most of the entity stage)."""
_seen_chars = [0]


def _remember(sentences: list[str], finds: dict[str, tuple[tuple[int, int, str, str], ...]],
              fresh: bool = True) -> None:
    """Keep the finds of newly read `sentences`, dropping the oldest past NER_SEEN_CHARS; `fresh`:
    this process's model read them (they are handed out by `fresh_finds`)."""
    for sentence in sentences:
        if len(sentence) > NER_SEEN_CHARS or sentence in _NER_SEEN:
            continue
        _NER_SEEN[sentence] = finds[sentence]
        _seen_chars[0] += len(sentence)
        if fresh:
            _NER_FRESH.append(sentence)
    while _seen_chars[0] > NER_SEEN_CHARS and _NER_SEEN:
        oldest = next(iter(_NER_SEEN))
        _seen_chars[0] -= len(oldest)
        del _NER_SEEN[oldest]


_NER_FRESH: list[str] = []
"""Sentences this process's model read since `fresh_finds` was last asked."""


def fresh_finds() -> list[tuple[str, tuple[tuple[int, int, str, str], ...]]]:
    """The model's finds in the sentences this process read since the last call (then forgotten
    here, kept in `_NER_SEEN`): a run's workers pass them on to each other through the parent
    (`pipeline/worker.py`), so a sentence one worker read is not read again by another. A model
    find depends on its sentence only (see `_NER_SEEN`), so where it was read changes no find."""
    fresh = [(s, _NER_SEEN[s]) for s in _NER_FRESH if s in _NER_SEEN]
    _NER_FRESH.clear()
    return fresh


def add_finds(found: Sequence[tuple[str, tuple[tuple[int, int, str, str], ...]]]) -> None:
    """Keep finds another process's model made (`fresh_finds` there), as if read here."""
    _remember([s for s, _ in found], dict(found), fresh=False)


PIECE_CHARS = 100_000
"""Longest text spaCy is given at once. spaCy refuses a text over `nlp.max_length` (1,000,000
characters, error E088) and its memory grows with the text, so a longer section (an annex of prose
without headings) is fed in pieces of at most this many characters."""
PIECE_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?]\s+"), re.compile(r"\s+"))
"""Where a piece may end, best first: a paragraph break, a line break, a sentence end, any space."""


def text_pieces(text: str, limit: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """`text` as (offset, piece) with pieces of at most `limit` characters that together are the
    whole text, each ending at the best boundary of PIECE_BREAKS inside its window (a hard cut only
    where the window has no space at all). A text within the limit is one piece: nothing changes
    for ordinary sections, and offsets in a piece plus its offset are offsets in the text."""
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = limit
        for pattern in PIECE_BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        yield start, window[:cut]
        start += cut
    yield start, text[start:]


def _lowercase_words(texts: Sequence[str]) -> frozenset[str]:
    """Words the texts write in lower case: a capitalised one of them is a heading or a sentence start,
    not a name ("Woonoverlast" in a table whose text says "woonoverlast")."""
    return frozenset(w for text in texts for w in re.findall(r"\b[a-zà-ÿ][\w-]+", text))


def _common_word(e: Entity, common: frozenset[str]) -> bool:
    """A one-word find of a pattern that only looks at the word before it, which the texts also use
    as an ordinary word."""
    return e.method in TYPE_NOUN_METHODS and " " not in e.text and e.text.lower() in common


MODEL_LABELS = ("PER", "ORG", "LOC")  # dates, amounts and laws are the rules' (their patterns define them)


@dataclass(frozen=True)
class _ModelFilter:
    not_name_endings: tuple[str, ...]
    not_name_word_endings: tuple[str, ...]
    not_names: frozenset[str]
    particles: frozenset[str]


@lru_cache(maxsize=1)
def _model_filter() -> _ModelFilter:
    data = read_rules("entities")["model_filter"]
    return _ModelFilter(tuple(data["not_name_endings"]), tuple(data["not_name_word_endings"]),
                        frozenset(data["not_names"]), frozenset(data["particles"]))


def _plausible_name(text: str, label: str, texts: str, common: frozenset[str]) -> bool:
    """A model find worth keeping: a person, organisation or place written as a name (capitalised
    words joined by particles, one line, a number only as the house number of a street), not a
    title of a document or plan, not one capitalised ordinary word the document also writes in
    lower case (nor a phrase of such words), and used as a name somewhere in the document: at least once after a lower-case word
    or a comma, not only where any word is capitalised (a sentence start, a heading, a table)."""
    rules = _model_filter()
    lex = lexicons()
    words = text.split()
    if label not in MODEL_LABELS or len(text) < 2 or "\n" in text or text in rules.not_names:
        return False
    if text[-1] in "-’'" or re.search(r"[’']s$|\w\.\s", text):  # "MDMA-", "BOA's", "IT. Zo"
        return False
    if re.fullmatch(r"[A-Z&]{2,6}", text):
        return False  # a bare abbreviation: the lexicons and the long-form pattern decide (RIEC is one, AVE a method)
    for i, w in enumerate(words):
        if re.fullmatch(r"\d+[a-z]?", w):
            if not (label == "LOC" and i == len(words) - 1 and i > 0 and lex.place_suffix.match(words[i - 1])):
                return False
        elif w in rules.particles:
            if i in (0, len(words) - 1):
                return False
        elif not re.match(rf"{CAP}\w", w) and not re.match(r"[a-z]+[A-Z0-9]", w):  # "deStentor", "Ieder1"
            return False
    if label == "PER" and not PERSON_SHAPE.match(text):
        return False  # a person's name is initials or a first name and a surname, in title case
    if any(w.lower().endswith(rules.not_name_endings) for w in words):
        return False
    if len(words) == 1 and text.endswith(rules.not_name_word_endings):
        return False
    if all(w.lower() in common for w in words if w not in rules.particles):
        return False  # capitalised ordinary words: "Toezicht", "Zorg en Welzijn"
    return _used_as_name(text, texts)


_BEFORE_NAME = frozenset("abcdefghijklmnopqrstuvwxyz,") | frozenset(chr(c) for c in range(0xE0, 0x100))
"""What may stand before the space ahead of a name used as one: `[a-zà-ÿ,]`."""
_OPENERS = frozenset("‘'“\"(")


def _used_as_name(name: str, texts: str) -> bool:
    r"""Whether `name` stands in `texts` after a lower-case word or a comma and a space (an opening
    quote or parenthesis between them allowed), not running on into a word or a hyphen: what
    `re.search(rf"[a-zà-ÿ,] (?:[‘'“\"(])?{re.escape(name)}(?![\w-])", texts)` finds, by `str.find`
    instead of a pattern compiled per name (a file's finds each made one, and pushed the patterns
    every text uses out of `re`'s cache)."""
    n = len(name)
    start = texts.find(name)
    while start >= 0:
        after = texts[start + n:start + n + 1]
        if not after or not (after.isalnum() or after == "_" or after == "-"):  # `\w` is isalnum() or "_"
            if start >= 2 and texts[start - 1] == " " and texts[start - 2] in _BEFORE_NAME:
                return True
            if start >= 3 and texts[start - 1] in _OPENERS and texts[start - 2] == " " \
                    and texts[start - 3] in _BEFORE_NAME:
                return True
        start = texts.find(name, start + 1)
    return False


def _merge(rules: list[Entity], model: list[Entity]) -> list[Entity]:
    """Rule finds plus the model finds that overlap none of them."""
    taken = _Spans()
    for e in rules:
        taken.add(e)
    kept = list(rules)
    for e in model:
        if not taken.overlaps(e):
            kept.append(e)
            taken.add(e)
    return sorted(kept, key=lambda e: (e.start, e.end))


def _normalize(label: str, text: str, lex: _Lexicons) -> str | None:
    if label == "LAW":
        if text in lex.law_aliases:
            return lex.law_aliases[text]
        return lex.laws.get(text.lower())
    if label == "ORG":
        return lex.organisations.get(text, text)
    return text


def _patterns(text: str, lex: _Lexicons, municipality: str | None) -> list[Entity]:
    found: list[Entity] = []
    for m in re.finditer(_SHAPES["law_candidate"], text):
        word = m.group(0).split()[0]
        if lex.law_word.match(word):
            found.append(Entity(m.start(), m.end(), m.group(0), "LAW", lex.laws.get(m.group(0).lower()), "pattern:law"))
    found += _laws_cited_loosely(text, lex)
    found += _local_regulations(text, lex)
    compiled = _compiled()
    for pattern in compiled.heads:
        for m in pattern.finditer(text):
            value = ACRONYM_THEN_EN.sub(r"\1", m.group(0))
            found.append(Entity(m.start(), m.start() + len(value), value, "ORG", value, "pattern:org"))
    for m in compiled.plural.finditer(text):
        for part in re.finditer(ACRONYM, m.group("names")):
            start = m.start("names") + part.start()
            found.append(Entity(start, start + len(part.group(0)), part.group(0), "ORG",
                                lex.organisations.get(part.group(0), part.group(0)), "pattern:org_list"))
    found += _names_after(text, lex.organisation_type_nouns, "ORG", "pattern:org_type")
    type_nouns = lex.place_type_nouns + lex.organisation_type_nouns
    for m in compiled.compound.finditer(text):
        if m.group("head").lower() not in type_nouns:
            found.append(Entity(m.start(), m.end(), m.group(0), "ORG", m.group(0), "pattern:org_compound"))
    found += _names_after(text, lex.place_type_nouns, "LOC", "pattern:place_type", numbered=True)
    for m in lex.citation.finditer(text):
        found.append(Entity(m.start("org"), m.end("org"), m.group("org"), "ORG",
                            lex.organisations.get(m.group("org"), m.group("org")), "pattern:citation"))
    for m in lex.web_name.finditer(text):
        found.append(Entity(m.start(), m.end(), m.group(0), "ORG", m.group(0), "pattern:web_name"))
    for m in compiled.suffix.finditer(text):
        found.append(Entity(m.start(), m.end(), m.group(0), "ORG", m.group(0), "pattern:org_suffix"))
    for m in compiled.long_form.finditer(text):
        for group in ("name", "acronym"):
            found.append(Entity(m.start(group), m.end(group), m.group(group), "ORG", m.group("name"), "pattern:acronym"))
    for m in re.finditer(_SHAPES["capitalised_word"], text):
        if lex.place_suffix.match(m.group(0)):
            found.append(Entity(m.start(), m.end(), m.group(0), "LOC", m.group(0), "pattern:place_suffix"))
    for m in re.finditer(_SHAPES["compass_name"], text):
        found.append(Entity(m.start(), m.end(), m.group(0), "LOC", m.group(0), "pattern:compass"))
    if municipality:
        for m in re.finditer(rf"\b{re.escape(municipality)}\b", text):
            found.append(Entity(m.start(), m.end(), m.group(0), "LOC", municipality, "pattern:municipality"))
    for m in re.finditer(_SHAPES["municipality_list"], text):
        for name in re.finditer(_SHAPES["capitalised_word"], m.group(1)):
            start = m.start(1) + name.start()
            found.append(Entity(start, start + len(name.group(0)), name.group(0), "LOC", name.group(0), "pattern:gemeente"))
    found += _persons(text, lex)
    for value, (start, end) in find_dates(text):
        found.append(Entity(start, end, text[start:end], "DATE", value.isoformat(), "pattern:date"))
    for m in MONTH_YEAR.finditer(text):
        found.append(Entity(m.start(), m.end(), m.group(0), "DATE", None, "pattern:month"))
    for amount in find_amounts_in_text(text, page=0):
        start = text.find(amount.text)
        if start >= 0:
            found.append(Entity(start, start + len(amount.text), amount.text, "MONEY", f"{amount.amount_eur:.2f} EUR",
                                "pattern:money"))
    return found


@dataclass(frozen=True)
class _Compiled:
    """The patterns of `_patterns` that are built from the lexicons: compiled once per process
    (they were rebuilt, escaped and looked up in re's cache for every text)."""

    heads: tuple[re.Pattern[str], ...]
    plural: re.Pattern[str]
    compound: re.Pattern[str]
    suffix: re.Pattern[str]
    long_form: re.Pattern[str]


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    lex = lexicons()
    heads = "|".join(re.escape(h) for h in lex.organisation_heads)
    connectives = "|".join(re.escape(w) for w in read_rules("entities")["shape_words"]["org_connectives"])
    word = rf"(?!(?:{heads})\b){CAP}[\w&-]*"
    head_patterns = tuple(re.compile(rf"(?<!\w){re.escape(head)} +{word}(?: +(?:(?:{connectives}) +)?{word}){{0,4}}")
                          for head in lex.organisation_heads)
    plural = "|".join(re.escape(h) for h in lex.plural_heads)
    endings = "|".join(re.escape(h) for h in lex.compound_heads)
    suffixes = "|".join(re.escape(x) for x in lex.organisation_suffixes)
    nouns = "|".join(re.escape(x) for x in lex.acronym_nouns)
    long_form = _SHAPES["org_long_form"]
    return _Compiled(
        head_patterns,
        re.compile(rf"(?<!\w)(?:{plural}) (?P<names>{ACRONYM}(?:, {ACRONYM})*(?: en {ACRONYM})?)\b"),
        re.compile(rf"(?<![\w-])(?P<head>[A-Za-zÀ-ÿ]{{3,}}(?:{endings})) (?P<name>{CAP}[\w-]+(?: {CAP}[\w-]+)?)"),
        re.compile(rf"\b(?:[A-Z][\w-]+ ){{1,3}}(?:{suffixes})\b"),
        re.compile(rf"\b(?P<name>{long_form}(?:{nouns})(?: [\w-]+){{0,3}}) \((?P<acronym>[A-Z][A-Za-z&]{{1,6}})\)"))


@lru_cache(maxsize=8)
def _names_after_pattern(nouns: tuple[str, ...], numbered: bool) -> tuple[re.Pattern[str], str]:
    alternatives = "|".join(f"[{n[0].upper()}{n[0].lower()}]{re.escape(n[1:])}"
                            for n in sorted(set(nouns), key=len, reverse=True))
    one = rf"{NAME}(?: \d+[a-z]?\b)?" if numbered else NAME
    return re.compile(rf"(?<![\w-])(?:{alternatives}) (?:{QUOTED}|(?P<names>{one}(?:, {one})*(?: en {one})?))"), one


def _names_after(text: str, nouns: Sequence[str], label: str, method: str, numbered: bool = False) -> list[Entity]:
    """Each name of the list (or the quoted name) that follows one of `nouns`: "de wijken Hoograven en
    Lunetten" -> Hoograven, Lunetten. With `numbered`, a house or phase number stays with the name."""
    if not nouns:
        return []
    pattern, one = _names_after_pattern(tuple(nouns), numbered)
    found: list[Entity] = []
    for m in pattern.finditer(text):
        if m.group("quoted"):
            value = m.group("quoted").strip()
            start = m.start("quoted") + m.group("quoted").index(value)
            found.append(Entity(start, start + len(value), value, label, value, method))
            continue
        offset = m.start("names")
        for part in re.finditer(one, m.group("names")):
            value = part.group(0)
            found.append(Entity(offset + part.start(), offset + part.end(), value, label, value, method))
    return found


def _laws_cited_loosely(text: str, lex: _Lexicons) -> list[Entity]:
    """Laws named with other case or without their function words: "Wet Openbaarheid Bestuur",
    "de wet BOPZ". The longest run of words after "wet" whose key is a known law wins."""
    found: list[Entity] = []
    for m in re.finditer(_SHAPES["law_head"], text):
        words = list(re.finditer(_SHAPES["following_word"], text[m.end():m.end() + 160]))
        run: list[re.Match[str]] = []
        for w in words:
            if w.start() != (run[-1].end() if run else 0):
                break
            run.append(w)
            if len(run) == MAX_LAW_TOKENS:
                break
        for n in range(len(run), 0, -1):
            if run[n - 1].group(1).lower() in lex.law_function_words:
                continue  # a name does not end on "van" or "de"
            end = m.end() + run[n - 1].end()
            key = _law_key(text[m.start():end], lex.law_function_words)
            if key in lex.law_keys:
                _, bwb = lex.law_keys[key]
                found.append(Entity(m.start(), end, text[m.start():end], "LAW", bwb, "pattern:law_loose"))
                break
    return found


def _local_regulations(text: str, lex: _Lexicons) -> list[Entity]:
    """Named verordeningen, reglementen and beleidsregels ("Huisvestingsverordening Utrecht 2023",
    "Beleidsregels Bibob Gemeente Ede", "Wet Bibob beleidsregel Twente")."""
    found: list[Entity] = []
    named, rule = _regulation_patterns()
    for m in named.finditer(text):
        found.append(Entity(m.start(), m.end(), m.group(0), "LAW", None, "pattern:regulation"))
    for m in rule.finditer(text):
        pre = m.group("pre")
        start = m.start() if pre and (pre in lex.law_aliases or pre.isupper()) else m.start("rule")
        found.append(Entity(start, m.end(), text[start:m.end()], "LAW", None, "pattern:policy_rule"))
    return found


@lru_cache(maxsize=1)
def _regulation_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A regulation named by its ending ("…verordening …") and a policy rule with its subject."""
    lex = lexicons()
    endings = "|".join(re.escape(e) for e in lex.regulation_endings)
    tail = _SHAPES["regulation_tail"]
    return (re.compile(rf"(?<![\w-]){CAP}[\w-]*(?:{endings})\b{tail}{{0,3}}"),
            re.compile(rf"(?:(?P<pre>{CAP}[\w&-]*) )?(?P<rule>{lex.policy_rule}){tail}{{1,4}}"))


def _persons(text: str, lex: _Lexicons) -> list[Entity]:
    found = [Entity(m.start(), m.end(), m.group(0).strip(), "PER", m.group(0).strip(), "pattern:initials")
             for m in INITIALS_NAME.finditer(text)]
    for m in _title_pattern().finditer(text):
        for group in ("name", "second"):
            if m.group(group):
                found.append(Entity(m.start(group), m.end(group), m.group(group), "PER", m.group(group), "pattern:title"))
    return found


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    """A title ("mevrouw", "wethouder") and the name or two names after it."""
    titles = "|".join(re.escape(t) for t in sorted(lexicons().titles, key=len, reverse=True))
    name = _SHAPES["person_after_title"]
    return re.compile(rf"(?i:\b(?:{titles}))\s+(?!van\s)(?P<name>{name})(?:\s+en\s+(?P<second>{name}))?")


def _longest_first(found: Iterable[Entity]) -> list[Entity]:
    kept = _Spans()
    for e in sorted(found, key=lambda e: (-(e.end - e.start), -PRIORITY[e.label], e.start)):
        if e.end > e.start and not kept.overlaps(e):
            kept.add(e)
    return sorted(kept.entities, key=lambda e: (e.start, e.end))


class _Spans:
    """Entities that do not overlap, kept sorted by start: an overlap test is a binary search, so
    a section of a million characters with thousands of finds is not quadratic."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.entities: list[Entity] = []

    def overlaps(self, e: Entity) -> bool:
        i = bisect.bisect_left(self.starts, e.end)  # spans before i start before e ends
        return i > 0 and self.entities[i - 1].end > e.start  # their ends rise with their starts

    def add(self, e: Entity) -> None:
        i = bisect.bisect_left(self.starts, e.start)
        self.starts.insert(i, e.start)
        self.entities.insert(i, e)
