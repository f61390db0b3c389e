"""spaCy imported without its command line: `import spacy` imports `spacy.cli` (for the one name
`spacy.info`), and with it every CLI command's module, typer, weasel and requests: a third of
the import (0.35-0.5 CPU s of every run's process, measured), none of it used to tag text.

`import_spacy()` puts a stand-in for `spacy.cli` in `sys.modules` before spaCy is first imported:
its `__path__` is the real package folder, so `import spacy.cli.train` still finds the real
submodule, and any other use of it (an attribute, `spacy.info()`) imports the real package then
and hands that over. Tokenizing and tagging are spaCy's own code either way, so the entities are
the same (tests/extractors/semantics pin it).
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from typing import Any

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
