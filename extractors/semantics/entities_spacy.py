"""spaCy, loaded at a fraction of its cost, with the same tokens and entities.

The import: `import spacy` imports `spacy.cli` (for the one name `spacy.info`), and with it every
CLI command's module, typer, weasel and requests: a third of the import (0.35-0.5 CPU s of every
run's process, measured), none of it used to tag text. `import_spacy()` puts a stand-in for
`spacy.cli` in `sys.modules` before spaCy is first imported: its `__path__` is the real package
folder, so `import spacy.cli.train` still finds the real submodule, and any other use of it (an
attribute, `spacy.info()`) imports the real package then and hands that over.

The model: `load_model()` builds the tokenizer with its 4,670 exceptions deferred, each added once
a text could use it (`deferred_exceptions_tokenizer_class`), instead of all at load.

Tokenizing and tagging are spaCy's own code either way, so the entities are the same
(tests/extractors/semantics pin it).
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

_CLI = "spacy.cli"


class _LazyCli(types.ModuleType):
    """Stands in for `spacy.cli` until something asks it for a name."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(_real_cli(), name)


def _real_cli() -> types.ModuleType:
    current = sys.modules.get(_CLI)
    if current is not None and not isinstance(current, _LazyCli):
        return current
    for name in [n for n in sys.modules if n == _CLI or n.startswith(_CLI + ".")]:
        if isinstance(sys.modules[name], (_LazyCli, _LazyInfo)):
            del sys.modules[name]
    real = importlib.import_module(_CLI)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = real  # type: ignore[attr-defined]
    return real


class _LazyInfo(types.ModuleType):
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        _real_cli()
        return getattr(importlib.import_module(_CLI + ".info"), name)


def _info(*args: Any, **kwargs: Any) -> Any:
    """`spacy.info`, from the real command line package once asked for."""
    _real_cli()
    return importlib.import_module(_CLI + ".info").info(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """`spacy`, imported (the first time) without `spacy.cli`."""
    if "spacy" not in sys.modules and _CLI not in sys.modules:
        spec = importlib.util.find_spec("spacy")
        if spec is not None and spec.submodule_search_locations:
            folder = list(spec.submodule_search_locations)[0] + "/cli"
            cli = _LazyCli(_CLI)
            cli.__path__ = [folder]
            info = _LazyInfo(_CLI + ".info")
            info.info = _info  # type: ignore[attr-defined]
            sys.modules[_CLI], sys.modules[_CLI + ".info"] = cli, info
    import spacy

    stand_in = sys.modules.get(_CLI)
    if isinstance(stand_in, _LazyCli) and not hasattr(spacy, "cli"):
        spacy.cli = stand_in  # type: ignore[attr-defined]  # what importing the real package would have set
    return spacy


# --- the tokenizer's exceptions, added where a text can use them ---------------------------------

LAZY_TOKENIZER = "raadsstukken.DeferredExceptionsTokenizer.v1"
"""The registered name of the tokenizer `load_model` builds instead of spaCy's `spacy.Tokenizer.v1`."""


def deferred_exceptions_tokenizer_class() -> type:
    """A `spacy.tokenizer.Tokenizer` that adds its language's exceptions (special cases) only once a
    text could use them.

    Building spaCy's Dutch tokenizer adds 4,670 special cases ('a.d.h.v.', 'm.b.t.', ':-)'), each
    tokenized and its words made lexemes: 0.4-0.8 CPU s of every process, most of loading the model,
    for the few dozen a file's text holds. A special case changes a text's tokens only where its
    string is in the text: looked up as a whole chunk or what is left of one after affixes, or, for
    one with affixes, matched as a run of tokens whose texts joined are the string (whitespace
    between them allowed). Either way the string, whitespace taken out, is in the text with its
    whitespace taken out. So each call first adds the exceptions whose string passes that test (a
    superset of those that can apply: extra ones change nothing), then tokenizes as spaCy does; an
    exception once added stays. The tokens are spaCy's own for every text (the added cases are
    spaCy's own, by `add_special_case`, which also clears the tokenizer's cache).
    """
    from spacy.tokenizer import Tokenizer

    class DeferredExceptionsTokenizer(Tokenizer):
        def __init__(self, vocab: Any, exceptions: dict[str, Any], **kwargs: Any) -> None:
            super().__init__(vocab, rules=None, **kwargs)
            self._covered = 0
            self._pending = _PendingExceptions(exceptions)
            for string in self._pending.take_unconditional():
                self.add_special_case(string, exceptions[string])

        def add_exceptions_for(self, text: str) -> None:
            """Add the exceptions `text` could use (see the class)."""
            for string in self._pending.take_in(text):
                self.add_special_case(string, self._pending.exceptions[string])

        def pending_exceptions(self) -> dict[str, Any]:
            """The exceptions not added yet."""
            return {s: self._pending.exceptions[s] for s in self._pending.left}

        @contextmanager
        def covering(self, texts: Iterable[str]) -> Iterator[None]:
            """Add the exceptions `texts` could use, then tokenize without looking again: inside the
            block the caller tokenizes only `texts` and pieces of them."""
            for text in texts:
                self.add_exceptions_for(text)
            self._covered += 1
            try:
                yield
            finally:
                self._covered -= 1

        def __call__(self, text: str) -> Any:
            if self._pending.left and not self._covered:
                self.add_exceptions_for(text)
            return super().__call__(text)

    return DeferredExceptionsTokenizer


class _PendingExceptions:
    """Exception strings not added yet, indexed so a text's candidates are found without trying
    every string: a string with a full stop by the text before its first full stop (looked up at
    each full stop of the text), one without by its first character."""

    def __init__(self, exceptions: dict[str, Any]) -> None:
        self.exceptions = dict(exceptions)
        self.left: set[str] = set(exceptions)
        self.dotted: dict[int, dict[str, list[tuple[str, str]]]] = {}
        self.by_first: dict[str, list[tuple[str, str]]] = {}
        self.unconditional: list[str] = []
        for string in sorted(exceptions):
            key = _squeezed(string)
            if not key:
                self.unconditional.append(string)  # whitespace: in nearly every text
            elif "." in key:
                p = key.index(".")
                self.dotted.setdefault(p, {}).setdefault(key[:p], []).append((string, key))
            else:
                self.by_first.setdefault(key[0], []).append((string, key))

    def take_unconditional(self) -> list[str]:
        self.left.difference_update(self.unconditional)
        return self.unconditional

    def take_in(self, text: str) -> list[str]:
        """The pending strings that, whitespace taken out, occur in `text` with its whitespace taken
        out; no longer pending (sorted, as spaCy adds its exceptions)."""
        squeezed = _squeezed(text)
        found: list[str] = []
        left = self.left
        for first in set(squeezed).intersection(self.by_first):
            found += [s for s, key in self.by_first[first] if s in left and key in squeezed]
        if "." in squeezed:
            lengths = sorted(self.dotted)
            j = squeezed.find(".")
            while j >= 0:
                for p in lengths:
                    if p > j:
                        break
                    for s, key in self.dotted[p].get(squeezed[j - p:j], ()):
                        if s in left and squeezed.startswith(key, j - p):
                            found.append(s)
                j = squeezed.find(".", j + 1)
        found = sorted(set(found))
        self.left.difference_update(found)
        return found


def _squeezed(text: str) -> str:
    """`text` without whitespace (what `str.isspace` calls whitespace, as spaCy's tokenizer does)."""
    return "".join(text.split())


def _register_tokenizer(spacy: types.ModuleType) -> None:
    """Register LAZY_TOKENIZER: spaCy's own `spacy.Tokenizer.v1` factory (the language's prefixes,
    suffixes, infixes, token and URL matches), its exceptions deferred."""
    if LAZY_TOKENIZER in spacy.registry.tokenizers:
        return
    from spacy import util

    cls = deferred_exceptions_tokenizer_class()

    @spacy.registry.tokenizers(LAZY_TOKENIZER)
    def create_tokenizer() -> Callable[[Any], Any]:
        def tokenizer_factory(nlp: Any) -> Any:
            defaults = nlp.Defaults
            prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
            return cls(nlp.vocab, dict(defaults.tokenizer_exceptions),
                       prefix_search=util.compile_prefix_regex(prefixes).search if prefixes else None,
                       suffix_search=util.compile_suffix_regex(suffixes).search if suffixes else None,
                       infix_finditer=util.compile_infix_regex(infixes).finditer if infixes else None,
                       token_match=defaults.token_match, url_match=defaults.url_match)

        return tokenizer_factory


def load_model(model_dir: Path) -> Any:
    """The shipped model (spaCy's Dutch default tokenizer, as `train-ner` starts from
    `spacy.blank("nl")`, plus its `ner`), its tokenizer built by LAZY_TOKENIZER; a blank Dutch
    pipeline with that tokenizer when no model is shipped. The model's tokenizer is not read from
    disk (that would build it a second time: it is the default, tests/extractors/semantics pin it)."""
    spacy = import_spacy()
    _register_tokenizer(spacy)
    config = {"nlp": {"tokenizer": {"@tokenizers": LAZY_TOKENIZER}}}
    if (model_dir / "meta.json").exists():
        return spacy.load(model_dir, exclude=["tokenizer"], config=config)
    return spacy.blank("nl", config=config)
