"""The regular-expression content-stream reader gives pdfminer's objects, and so the same glyphs.

Each case is compared with pdfminer's own `PDFContentParser` read as its interpreter reads it
(`nextobject` until PSEOF): the same objects of the same types in the same order, the very same
interned names and keywords, or `Fallback` where pdfminer's reading is left to pdfminer. On every
PDF of the repository's samples and corpora (and ../shared/corpus-real when present) every page's
and form's content streams give the same objects, and every page the same glyphs.
"""
from __future__ import annotations

import random
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, dict_value, stream_value
from pdfminer.psparser import PSEOF, PSKeyword, PSLiteral

from raadsstukken.extractors.layout import content_stream
from raadsstukken.extractors.layout.chars import read_chars

ROOT = Path(__file__).resolve().parents[3]
CORPORA = [ROOT / "raw", ROOT / "bench" / "corpus" / "pdf", ROOT.parent / "shared" / "corpus-real" / "pdf"]


def same(a: object, b: object) -> bool:
    """Equal and of the same type all the way down (1, 1.0 and True are three different operands)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)  # type: ignore[attr-defined,index]
    if isinstance(a, (PSLiteral, PSKeyword)):
        return a is b
    if isinstance(a, PDFStream):
        return same(a.attrs, b.attrs) and a.rawdata == b.rawdata  # type: ignore[attr-defined]
    return a == b


def pdfminer_objects(streams: list[PDFStream]) -> list[object]:
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return []
    out = []
    while True:
        try:
            out.append(parser.nextobject()[1])
        except PSEOF:
            return out


def outcome(parts: list[bytes]) -> str:
    """'same', 'fallback' or 'both raise'; fails the test on any difference."""
    streams = [PDFStream({}, p) for p in parts]
    try:
        expected: list[object] | None = pdfminer_objects(streams)
    except Exception:
        expected = None
    try:
        got = content_stream.parse_streams(parts)
    except content_stream.Fallback:
        return "fallback"
    assert expected is not None, f"pdfminer raises on {parts!r}, the reader does not"
    assert same(expected, got), f"{parts!r}: {expected!r} != {got!r}"
    return "same"


@pytest.mark.parametrize("data", [
    b"BT /F1 12 Tf 72 712.5 Td (Hello) Tj [(A) -250 (B)] TJ ET",
    b"1 0 0 1 .5 -.25 cm 3. 4 +5 - + . -. 1.2.3 0 0 m",  # reals, lone signs and points dropped
    b"(a(b)c) Tj (esc \\n\\t\\(\\)\\\\ \\101\\1012 \\q\\\nend) Tj",  # nesting, escapes, a dropped one
    b"<48 65 6C6C 6F> Tj <4> Tj <41>>",  # white space in hex, a lone digit, '>' then '>>'
    b"/Name /A#42C /A#4 /A#g /#41 / /caf\xc3\xa9 /\xff Do",  # name escapes, empty, UTF-8 or bytes
    b"true false trueX q Q T* ' \" \x00 %comment\n re",
    b"/Span <</MCID 0 /Alt (x)>> BDC EMC ] >> } [1 [2 3] <</K [4]>>] { 1 } Tj",  # stray closers dropped
    b"q BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xffEI \nEI Q",  # inline image: 'EI' and white space ends it
    b"BI /W 1 /H 1 /F /A85 ID 5sdq,~> EI 1 0 m",  # ASCII85 inline image ends at '~>'
    b"BI /W 1 /H 1 ID xEEI EI Q ID 1 0 m",  # pdfminer's search skips the E after an E; a stray ID
    b"(unterminated",
    b"/Last#4",
])
def test_single_streams_read_as_pdfminer_reads_them(data):
    assert outcome([data]) == "same"


@pytest.mark.parametrize("parts", [
    [b"BT /F1 12", b"Tf (x) Tj ET"],
    [b"1 2", b"3 re f"],  # a number ends with its stream
    [b"[(a)", b"(b)] TJ"],  # an array goes on
    [b"", b"q Q", b""],
])
def test_streams_joined_as_pdfminer_joins_them(parts):
    assert outcome(parts) == "same"


@pytest.mark.parametrize("parts", [
    [b"(carried", b" on) Tj"],  # pdfminer adds a newline to a string that goes on
    [b"/", b"Name Do"],  # ... but not to an empty name
    [b"<4", b"1> Tj"],
    [b"0 0 m <", b"< /A 1 >> BDC"],
    [b"(a\\\r\nb) Tj"],  # read otherwise when pdfminer's 4,096-byte read splits the pair
    [b"(\\777) Tj"],  # pdfminer raises
    [b"<</A>> BDC"],  # pdfminer raises
    [b"BI /W 1 ID no end"],
])
def test_what_depends_on_pdfminer_reading_is_left_to_it(parts):
    assert outcome(parts) == "fallback"


def test_random_streams_give_pdfminer_objects_or_fall_back():
    pieces = [b" ", b"\n", b"\r", b"\t", b"\x00", b"(", b")", b"\\", b"\\n", b"\\1", b"\\12", b"\\123", b"\\777",
              b"\\\n", b"<", b">", b"<<", b">>", b"[", b"]", b"{", b"}", b"/", b"/Ab", b"#", b"#4", b"#41", b"#g",
              b"-", b"+", b".", b"1", b"23", b"4.5", b"Tj", b"TJ", b"true", b"false", b"BT", b"Tf", b"%", b"%c",
              b"BI", b"ID", b"EI", b"/W 1 /H 1", b"/F /A85", b"~>", b"0A", b"'", b'"', b"*", b"\xff", b"\xe9"]
    rng = random.Random(2026)
    seen = {"same": 0, "fallback": 0}
    for _ in range(4000):
        data = b"".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        cuts = sorted(rng.sample(range(len(data) + 1), k=min(rng.randint(0, 2), len(data) + 1)))
        parts = [data[a:b] for a, b in zip([0] + cuts, cuts + [len(data)])]
        seen[outcome(parts)] += 1
    assert seen["same"] > 2500  # most are read here, not handed back


def test_a_long_stream_over_pdfminer_read_size_is_the_same():
    rng = random.Random(7)
    words = [b"(a) Tj", b"(b\\(c\\)) Tj", b"<41 42> Tj", b"/F1 9.5 Tf", b"[(x) -120 (y)] TJ", b"1 0 0 1 3 4 Tm",
             b"%note\n", b"/Span <</MCID 3>> BDC", b"EMC", b"BI /W 1 /H 1 ID \x01\x02 EI"]
    data = b"\n".join(rng.choice(words) for _ in range(3000)) + b"\nQ"
    assert len(data) > 5 * 4096
    assert outcome([data]) == "same"


def _stream_sets(path: Path):
    with open(path, "rb") as fh:
        doc = PDFDocument(PDFParser(fh))
        seen: set[int] = set()

        def forms(resources):
            for value in dict_value(dict_value(resources or {}).get("XObject", {})).values():
                xobj = stream_value(value)
                if xobj.objid in seen or getattr(xobj.get("Subtype"), "name", None) != "Form":
                    continue
                seen.add(xobj.objid)
                yield [xobj]
                yield from forms(xobj.get("Resources"))

        for page in PDFPage.create_pages(doc):
            yield [stream_value(s) for s in page.contents]
            yield from forms(page.resources)


def _corpus_pdfs() -> list[Path]:
    return [p for base in CORPORA if base.is_dir() for p in sorted(base.rglob("*.pdf"))]


def test_every_content_stream_of_the_corpora_gives_pdfminer_objects():
    files = _corpus_pdfs()
    assert files
    n = 0
    for path in files:
        for streams in _stream_sets(path):
            datas = [s.get_data() for s in streams]
            assert same(pdfminer_objects(streams), content_stream.parse_streams(datas)), path.name
            n += 1
    assert n >= len(files)


def test_every_page_of_the_corpora_has_the_same_glyphs(monkeypatch):
    assert PDFPageInterpreter.execute is content_stream.execute  # installed by the page layer
    original = content_stream._original_execute
    assert original is not None
    files = _corpus_pdfs()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                fast = read_chars(page)
                with monkeypatch.context() as m:
                    m.setattr(PDFPageInterpreter, "execute", original)
                    slow = read_chars(page)
                assert fast == slow, f"{path.name} page {page.page_number}"
                page.close()
