"""ToUnicode maps parsed once per process give the maps pdfminer builds itself."""
from __future__ import annotations

from io import BytesIO

from pdfminer import pdffont
from pdfminer.cmapdb import CMapParser, FileUnicodeMap

from raadsstukken.extractors.layout import chars  # noqa: F401 - installs the cache
from raadsstukken.extractors.layout import cmaps

TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
1 beginbfrange <0024> <0030> <0041> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _parsed(parser_class, data: bytes) -> FileUnicodeMap:
    cmap = FileUnicodeMap()
    parser_class(cmap, BytesIO(data)).run()
    return cmap


def test_a_map_seen_before_is_copied_with_the_same_codes(monkeypatch):
    cmaps.clear()
    assert pdffont.CMapParser is cmaps.CachingCMapParser
    plain = _parsed(CMapParser, TO_UNICODE)
    first = _parsed(cmaps.CachingCMapParser, TO_UNICODE)
    calls = []
    monkeypatch.setattr(CMapParser, "run", lambda self: calls.append(1))  # a second parse would land here
    second = _parsed(cmaps.CachingCMapParser, TO_UNICODE)
    assert calls == []
    assert first.cid2unichr == second.cid2unichr == plain.cid2unichr
    assert plain.cid2unichr[0x11] == "fi" and plain.cid2unichr[0x24] == "A" and len(plain.cid2unichr) == 15
    assert first.attrs == second.attrs == plain.attrs
    second.cid2unichr[0x24] = "changed"  # a font's map is its own copy
    assert _parsed(cmaps.CachingCMapParser, TO_UNICODE).cid2unichr[0x24] == "A"


def test_other_bytes_are_parsed_and_huge_maps_are_not_kept(monkeypatch):
    cmaps.clear()
    other = TO_UNICODE.replace(b"<0041>", b"<0061>")
    assert _parsed(cmaps.CachingCMapParser, other).cid2unichr[0x24] == "a"
    assert _parsed(cmaps.CachingCMapParser, TO_UNICODE).cid2unichr[0x24] == "A"
    monkeypatch.setattr(cmaps, "MAX_MAP_CODES", 10)
    cmaps.clear()
    _parsed(cmaps.CachingCMapParser, TO_UNICODE)
    assert not cmaps._cache
