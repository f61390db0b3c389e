"""Characters that are never text: control characters and bidirectional overrides.

A PDF's ToUnicode map can send a glyph to any code point: NUL, ESC (the start of a terminal escape
sequence), BEL, or U+202E, which makes a viewer show the text after it backwards (the "Trojan
Source" trick). None of them is something a council wrote, and each can make a consumer of the
datasets misbehave, so they are dropped from every text read off a page, once, where glyphs are
read (`layout.chars.clean_chars`): sections, headings, titles, table cells and decisions all come
from there. Tab and newline stay (they are layout).
"""
from __future__ import annotations

import re

CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""C0 controls but tab and newline, DEL, C1 controls, bidi embeddings and overrides (U+202A-202E)
and isolates (U+2066-2069)."""


def drop_controls(text: str) -> tuple[str, int]:
    """`text` without CONTROL_CHARS, and how many were dropped."""
    if text.isprintable():  # the common case, in C
        return text, 0
    return CONTROL_CHARS.subn("", text)


def controls_warning(n: int) -> str:
    """The one `runs.warnings` line of a file whose text held `n` such characters."""
    return (f"dropped {n} control or bidi-override character(s) from the text (a broken or hostile ToUnicode map?); "
            "the text around them is kept")
