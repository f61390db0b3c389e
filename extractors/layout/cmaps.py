"""ToUnicode maps parsed once per process: a font's map that another PDF of the batch already had
is copied, not parsed again.

pdfminer parses a font's ToUnicode CMap stream (`pdfminer.cmapdb.CMapParser`, pure Python) each
time a PDF uses the font; the maps OCR tools and office suites embed are often the same bytes in
every file they make (one of 65,536 codes, 0.15 s to parse, in each of the Woo files of
../shared/corpus-real). `install()` puts `CachingCMapParser` in the place pdfminer's font code
looks it up: a ToUnicode map (`FileUnicodeMap`) is parsed as before the first time its bytes are
seen and its result (`attrs`, `cid2unichr`) is copied into the font's map every later time. The
maps are the same dicts pdfminer would build, so every glyph's text is the same. Other CMaps
(encodings) are parsed as before.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import BinaryIO

from pdfminer import pdffont
from pdfminer.cmapdb import CMapBase, CMapParser, FileUnicodeMap

MAX_CODES = 1_000_000
"""Codes kept over all cached maps (a few tens of MB at most); the oldest maps go first."""
MAX_MAP_CODES = 200_000
"""A map with more codes than this is not kept (a hostile ToUnicode bomb must not stay in memory)."""

_cache: OrderedDict[bytes, tuple[dict, dict[int, str]]] = OrderedDict()
_codes = 0


class CachingCMapParser(CMapParser):
    """pdfminer's CMapParser; a ToUnicode map whose bytes were parsed before gets that result."""

    def __init__(self, cmap: CMapBase, fp: BinaryIO) -> None:
        super().__init__(cmap, fp)
        self._key: bytes | None = None
        if type(cmap) is FileUnicodeMap and not cmap.cid2unichr and hasattr(fp, "getvalue"):
            self._key = hashlib.blake2b(fp.getvalue(), digest_size=20).digest()

    def run(self) -> None:
        global _codes
        key, cmap = self._key, self.cmap
        if key is None:
            super().run()
            return
        assert isinstance(cmap, FileUnicodeMap)
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            cmap.attrs, cmap.cid2unichr = dict(found[0]), dict(found[1])
            return
        super().run()
        n = len(cmap.cid2unichr)
        if n > MAX_MAP_CODES:
            return
        _cache[key] = (dict(cmap.attrs), dict(cmap.cid2unichr))
        _codes += n
        while _codes > MAX_CODES and _cache:
            _, (_, old) = _cache.popitem(last=False)
            _codes -= len(old)


def install() -> None:
    """Make pdfminer's font code parse ToUnicode maps through `CachingCMapParser` (idempotent)."""
    pdffont.CMapParser = CachingCMapParser  # type: ignore[misc]


def clear() -> None:
    global _codes
    _cache.clear()
    _codes = 0
