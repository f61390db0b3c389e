"""Text made safe for a terminal: control and bidi characters shown as escapes, not obeyed.

A file name or a PDF's text can hold ESC (an escape sequence that retitles the window or clears the
screen), a newline (that splits a progress line in two), BEL, or U+202E (which shows what follows
backwards). Whatever the pipeline prints to standard output or error (progress, summaries, log
lines, errors, the text diff) goes through `visible`: such characters are written as Python writes
them in a string literal (\\x1b, \\n, \\u202e), so the reader sees them and the terminal does nothing.
A file name that is not UTF-8 reaches Python as lone surrogates (surrogateescape); `visible` shows
each undecodable byte as \\xNN, the same escaping `runs.source_file` records.
"""
from __future__ import annotations

import logging
import re

UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")
"""C0 and C1 controls (tab and newline too), DEL, direction marks, bidi embeddings, overrides and
isolates, line and paragraph separators, and lone surrogates."""


NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in NAMED:
        return NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte surrogateescape could not decode
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: object) -> str:
    """`text` (or its str()) with every UNSAFE character written as an escape (a backslash itself
    is kept: it is harmless to a terminal)."""
    text = text if isinstance(text, str) else str(text)
    if text.isprintable() and text.isascii():
        return text
    return UNSAFE.sub(_escape, text)


class VisibleFormatter(logging.Formatter):
    """A log formatter that shows the arguments of a message through `visible` (a file name with a
    newline or an escape sequence cannot split or rewrite a log line); the message's own template
    and a traceback are printed as they are."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        args = record.args
        try:
            if isinstance(args, dict):
                record.message = str(record.msg) % {k: _arg(v) for k, v in args.items()}
            elif args:
                args = args if isinstance(args, tuple) else (args,)
                record.message = str(record.msg) % tuple(_arg(a) for a in args)
            else:  # a message built beforehand: its own line breaks stay
                record.message = "\n".join(visible(line) for line in record.message.split("\n"))
        except (TypeError, ValueError, KeyError):
            record.message = visible(record.message)
        return super().formatMessage(record)


def _arg(value: object) -> object:
    """A log message's argument as printed: text through `visible`, a traceback with its lines."""
    if not isinstance(value, str):
        return value
    if value.startswith("Traceback (most recent call last)"):
        return "\n".join(visible(line) for line in value.split("\n"))
    return visible(value)
