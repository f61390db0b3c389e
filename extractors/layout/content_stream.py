"""Content streams tokenized by regular expressions: pdfminer's objects, about five times sooner.

pdfminer reads a page's content streams (`PDFContentParser`, a `PSStackParser`) one byte-class
at a time in Python, through a state machine that hands out one token per call: on text-heavy
pages that was 40% of a run's time, and the bare pdfplumber script pays it too. `install()`
replaces `PDFPageInterpreter.execute` (once per process) by one that turns all of a call's
streams into the list of objects `PDFContentParser.nextobject` would return, in the same order,
with one regular expression over each stream's bytes, and then runs the operators exactly as
pdfminer's loop does (same `do_*` methods, same argument stack, same skipping of an operator
with too few operands).

The objects are the same: ints and floats converted from the same bytes by the same `int()` and
`float()`, interned `PSLiteral`s and `PSKeyword`s (`LIT`, `KWD`: the very objects), strings with
pdfminer's escape rules (its quirks included: an unknown escape drops its character, a lone hex
digit is its own byte), arrays, dicts (`literal_name` keys), inline images with pdfminer's search
for their end, and pdfminer's recovery from stray `]`, `>>` and `ID`. Where pdfminer's result
depends on how it happens to read the bytes, the call is handed to pdfminer's own `execute`
before any operator runs, so nothing is done twice: a backslash before a carriage return in the
stream (pdfminer reads 4,096-byte chunks, and the pair split over two of them reads otherwise), a
stream that ends inside a token that pdfminer carries on into the next stream (a string, a hex
string, a name, a lone '<' or '>'), an inline image without its end in its stream or with an odd
dictionary, an octal escape over 255, a dictionary of an odd number of objects (pdfminer raises),
or any other error while tokenizing. tests/extractors/layout/test_content_stream.py compares the
objects of every content stream of the PDFs in the repository and the shared corpora, and the
glyphs of every page, with and without it.
"""
from __future__ import annotations

import logging
import re
from typing import Any, Callable

from pdfminer import settings
from pdfminer.pdfinterp import PDFInterpreterError, PDFPageInterpreter, PDFStackT
from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, PDFStream, resolve1, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, PSKeywordTable, PSLiteral, keyword_name, literal_name
from pdfminer.utils import choplist

_log = logging.getLogger(__name__)
_pdfinterp_log = logging.getLogger("pdfminer.pdfinterp")

_DELIM = rb"#/%\[\]()<>{}\s"
_TOKEN = re.compile(
    rb"[\s\x00]+|%[^\r\n]*"                                 # skipped: white space, NUL, comments
    rb"|([-+0-9][0-9]*)(?![.0-9])"                          # 1 an integer (or a lone sign)
    rb"|([-+0-9][0-9]*\.[0-9]*|\.[0-9]*)"                   # 2 a real
    rb"|([A-Za-z][^" + _DELIM + rb"]*)"                     # 3 a keyword (true, false: booleans)
    rb"|(/(?:[^" + _DELIM + rb"]|\#[0-9a-fA-F]{0,2})*)"    # 4 a name
    rb"|\(([^()\\]*)\)"                                     # 5 a string without escapes or parentheses
    rb"|(\()"                                               # 6 any other string
    rb"|(<<)|(>>)"                                          # 7, 8 dictionary brackets
    rb"|<([\s0-9a-fA-F]*)"                                  # 9 a hex string
    rb"|>"                                                  # skipped (pdfminer's '>' that is not '>>')
    rb"|(.)",                                               # 10 any other byte: a one-byte keyword
    re.DOTALL,
)
_END_STRING = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_NAME_HEX = re.compile(rb"#([0-9a-fA-F]{0,2})")
_NAME_HEX_AT_END = re.compile(rb"#[0-9a-fA-F]{0,2}\Z")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_INLINE_END = re.compile(rb"(\x0d\x0a|[\x0d\x0a])$")
_SPACE = b" \t\n\r\x0b\x0c"
_ESCAPES = {ord(k): v for k, v in {b"b": 8, b"t": 9, b"n": 10, b"f": 12, b"r": 13, b"(": 40, b")": 41,
                                   b"\\": 92}.items()}

_BI, _ID, _EI = KWD(b"BI"), KWD(b"ID"), KWD(b"EI")
_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_PROC_BEGIN, _PROC_END = KWD(b"{"), KWD(b"}")
_CLEAN_END = (1, 2, 3, 5, 7, 8, 10)
"""Tokens that pdfminer ends at the end of a stream as at white space (numbers, keywords, one-byte
keywords) or that are whole (a string, '<<', '>>'); after a name, pdfminer may carry it on into the
next stream (one ending in '/' or in an escape), so a stream that ends in one is left to pdfminer."""


class Fallback(Exception):
    """pdfminer's own reading is needed for these streams (see the module's docstring)."""


def _string(data: bytes, i: int) -> tuple[bytes, int] | None:
    """A string from after its '(' at `i`, read as pdfminer reads it: (bytes, position after its ')'),
    or None when the stream ends first."""
    out = bytearray()
    depth = 1
    n = len(data)
    while True:
        m = _END_STRING.search(data, i)
        if m is None:
            return None
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 92:  # backslash
            k = j + 1
            if k >= n:
                return None
            o = _OCTAL.match(data, k)
            if o is not None:
                code = int(o.group(), 8)
                if code >= 256:
                    raise Fallback("octal escape over 255 (pdfminer raises)")
                if o.end() >= n:  # pdfminer finishes the number on the next stream's bytes
                    return None
                out.append(code)
                i = o.end()
                continue
            esc = _ESCAPES.get(data[k])
            if esc is not None:
                out.append(esc)
            i = k + 1  # any other escaped byte is dropped, as pdfminer drops it
        elif c == 40:
            depth += 1
            out.append(40)
            i = j + 1
        else:
            depth -= 1
            if depth:
                out.append(41)
                i = j + 1
            else:
                return bytes(out), j + 1


def _inline_data(data: bytes, start: int, target: bytes) -> tuple[bytes, int] | None:
    """pdfminer's `get_inline_data` on one stream: the image bytes from `start` up to `target`
    followed by white space, and the position after that white space; None when the stream ends first."""
    n, t = len(data), len(target)
    first = target[0]
    i, p = 0, start
    while i <= t:
        if i:
            if p >= n:
                return None
            c = data[p]
            p += 1
            if (t <= i and c in _SPACE) or (i < t and c == target[i]):
                i += 1
            else:
                i = 0
        else:
            j = data.find(first, p)
            if j < 0:
                return None
            p, i = j + 1, 1
    raw = data[start:p][: -(t + 1)]
    return _INLINE_END.sub(b"", raw), p


def _name(token: bytes) -> PSLiteral:
    name: bytes | str = token[1:]
    if b"#" in token:
        name = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", token[1:])
    try:
        name = str(name, "utf-8")  # type: ignore[arg-type]
    except Exception:
        pass
    return LIT(name)


def parse_streams(datas: list[bytes]) -> list[Any]:
    """The objects pdfminer's `PDFContentParser(streams)` hands out, from the streams' decoded bytes.

    Raises `Fallback` where only pdfminer's own reading gives its result."""
    out: list[Any] = []
    cur = out
    curtype: str | None = None
    context: list[tuple[str | None, list[Any]]] = []
    keywords = PSKeywordTable.dict
    last_stream = len(datas) - 1
    for index, data in enumerate(datas):
        if b"\\\r" in data:
            raise Fallback("backslash before a carriage return")
        n = len(data)
        last = index == last_stream
        pos = 0
        while pos < n:
            jump = -1
            kind = 0
            m = None
            for m in _TOKEN.finditer(data, pos):
                kind = m.lastindex or 0
                if not kind:
                    continue
                if kind == 1:
                    try:
                        cur.append(int(m.group(1)))
                    except ValueError:
                        pass
                elif kind == 3:
                    tok = m.group(3)
                    if tok == b"true" or tok == b"false":
                        cur.append(tok == b"true")
                        continue
                    kw = keywords.get(tok) or KWD(tok)
                    if kw is _BI:
                        context.append((curtype, cur))
                        curtype, cur = "inline", []
                    elif kw is _ID:
                        if curtype != "inline":
                            continue  # pdfminer drops an ID outside an inline image
                        objs = cur
                        curtype, cur = context.pop()
                        if len(objs) % 2:
                            raise Fallback("odd inline image dictionary")
                        d = {literal_name(k): resolve1(v) for (k, v) in choplist(2, objs)}
                        eos = b"EI"
                        filt = d.get("F")
                        if filt is not None:
                            if isinstance(filt, PSLiteral):
                                filt = [filt]
                            if filt[0] in LITERALS_ASCII85_DECODE:
                                eos = b"~>"
                        found = _inline_data(data, m.start() + 3, eos)
                        if found is None:
                            raise Fallback("inline image without its end in its stream")
                        image, jump = found
                        if eos != b"EI":
                            image += eos
                        # pdfminer seeks after the image, which empties its stacks
                        context.clear()
                        curtype, cur = None, out
                        out.append(PDFStream(d, image))
                        if eos == b"EI":
                            out.append(_EI)
                        break
                    else:
                        cur.append(kw)
                elif kind == 2:
                    try:
                        cur.append(float(m.group(2)))
                    except ValueError:
                        pass
                elif kind == 4:
                    tok = m.group(4)
                    if last and m.end() == n and _NAME_HEX_AT_END.search(tok):
                        return out  # pdfminer drops a name that ends the last stream in an escape
                    cur.append(_name(tok))
                elif kind == 5:
                    cur.append(m.group(5))
                elif kind == 6:
                    found_s = _string(data, m.end())
                    if found_s is None:
                        if last:
                            return out  # pdfminer drops a string the last stream does not close
                        raise Fallback("string carried on into the next stream")
                    cur.append(found_s[0])
                    jump = found_s[1]
                    break
                elif kind == 9:
                    if m.end() >= n:
                        if last:
                            return out
                        raise Fallback("hex string carried on into the next stream")
                    hexits = m.group(9).translate(None, _SPACE)
                    if len(hexits) % 2 == 0:
                        cur.append(bytes.fromhex(hexits.decode("ascii")))
                    else:
                        cur.append(_HEX_PAIR.sub(lambda h: bytes((int(h.group(0), 16),)), hexits))
                elif kind == 7:
                    context.append((curtype, cur))
                    curtype, cur = "d", []
                elif kind == 8:
                    if curtype == "d":
                        objs = cur
                        curtype, cur = context.pop()
                        if len(objs) % 2:
                            raise Fallback("odd dictionary (pdfminer raises)")
                        cur.append({literal_name(k): v for (k, v) in choplist(2, objs) if v is not None})
                else:  # 10: a one-byte keyword
                    kw = KWD(m.group(10))
                    if kw is _ARRAY_BEGIN:
                        context.append((curtype, cur))
                        curtype, cur = "a", []
                    elif kw is _ARRAY_END:
                        if curtype == "a":
                            objs = cur
                            curtype, cur = context.pop()
                            cur.append(objs)
                    elif kw is _PROC_BEGIN:
                        context.append((curtype, cur))
                        curtype, cur = "p", []
                    elif kw is _PROC_END:
                        if curtype == "p":
                            objs = cur
                            curtype, cur = context.pop()
                            cur.append(objs)
                    else:
                        cur.append(kw)
            if jump >= 0:
                pos = jump
                continue
            # the stream is read to its end
            if not last and m is not None and m.end() == n and kind and kind not in _CLEAN_END:
                raise Fallback("a token at the end of a stream that pdfminer carries on")
            if not last and m is not None and m.end() == n and not kind and data[-1:] == b">":
                raise Fallback("a '>' at the end of a stream")
            pos = n
    return out


_METHODS: dict[PSKeyword, str] = {}
_original_execute: Callable[[PDFPageInterpreter, Any], None] | None = None


def _method(kw: PSKeyword) -> str:
    name = keyword_name(kw)
    method = _METHODS[kw] = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
    return method


def execute(self: PDFPageInterpreter, streams: Any) -> None:
    """`PDFPageInterpreter.execute` with the streams tokenized at once (`parse_streams`): the same
    streams skipped as circular (and the same warnings), the same operators called with the same
    operands."""
    valid_streams: list[PDFStream] = []
    warnings: list[tuple[Any, ...]] = []
    self.stream_ids.clear()
    for obj in streams:
        stream = stream_value(obj)
        if stream.objid is None:
            warnings.append(("Execute called on non-indirect object (inline image?) %r", stream))
            continue
        if stream.objid in self.parent_stream_ids:
            warnings.append(("Refusing to execute circular reference to content stream %d", stream.objid))
        else:
            valid_streams.append(stream)
            self.stream_ids.add(stream.objid)
    try:
        objs = parse_streams([s.get_data() for s in valid_streams])
    except Exception as e:  # pdfminer reads these itself (and warns and raises as it does)
        _log.debug("content stream read by pdfminer: %s", e)
        assert _original_execute is not None
        _original_execute(self, streams)
        return
    for warning in warnings:
        _pdfinterp_log.warning(*warning)
    methods = _METHODS
    for obj in objs:
        if obj.__class__ is PSKeyword:
            method = methods.get(obj) or _method(obj)
            func = getattr(self, method, None)
            if func is None:
                if settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {keyword_name(obj)!r}")
                continue
            nargs = func.__code__.co_argcount - 1
            if nargs:
                args: list[PDFStackT] = self.pop(nargs)
                if len(args) == nargs:
                    func(*args)
            else:
                func()
        else:
            self.argstack.append(obj)


def install() -> None:
    """Put `execute` in pdfminer's page interpreter (once per process; pdfplumber uses that class)."""
    global _original_execute
    if _original_execute is None:
        _original_execute = PDFPageInterpreter.execute
        PDFPageInterpreter.execute = execute  # type: ignore[method-assign]


def uninstall() -> None:
    """pdfminer's own `execute` again (for the tests that compare the two)."""
    global _original_execute
    if _original_execute is not None:
        PDFPageInterpreter.execute = _original_execute  # type: ignore[method-assign,assignment]
        _original_execute = None
