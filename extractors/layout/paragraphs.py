"""Running text of blocks: lines joined, paragraphs rejoined across column and page breaks.

A paragraph that stops mid-sentence at the foot of a column continues in the next block that
opens in lower case in the same type; blocks that interrupt it (a pull quote, a caption, a table)
are read after the sentence ends instead of in the middle of it. Of several blocks that break off
before such a block, the last one is the one it continues.
"""
from __future__ import annotations

import re
from typing import Sequence

from raadsstukken.extractors.layout.dehyphenate import Vocabulary, ends_with_break, join_running_text
from raadsstukken.extractors.layout.records import Block
from raadsstukken.extractors.settings import SAME_SIZE

SENTENCE_END = re.compile(r"[.!?:;…]['’\"”)]*$")
LOOKAHEAD = 4
"""How many blocks ahead the continuation of an interrupted sentence is looked for."""
_SUPERSCRIPT_CALL = re.compile(r"(?<=[^\Wm\d]|[.,;:!?)’'\"])[¹²³⁴⁵⁶⁷⁸⁹⁰]+")


def block_text(block: Block, vocabulary: Vocabulary | None = None) -> str:
    """The block's lines as running text, line-end hyphenation undone."""
    text = ""
    for line in block.lines:
        text = join_running_text(text, line.text, vocabulary)
    return _SUPERSCRIPT_CALL.sub("", text)


def ends_mid_sentence(text: str) -> bool:
    text = text.rstrip()
    return bool(text) and (ends_with_break(text) or not SENTENCE_END.search(text))


def continues(previous: Block, previous_text: str, block: Block, text: str) -> bool:
    """Whether `block` carries on the sentence `previous` broke off."""
    if not ends_mid_sentence(previous_text) or not text:
        return False
    if abs(previous.size - block.size) > SAME_SIZE or previous.bold != block.bold:
        return False
    first = text.lstrip()[:1]
    return first.islower() or (ends_with_break(previous_text) and first.isalnum())


def running_text(blocks: Sequence[Block], vocabulary: Vocabulary | None = None) -> str:
    """Paragraphs of consecutive body blocks, separated by blank lines."""
    texts = [block_text(b, vocabulary) for b in blocks]
    order = _repair_interruptions(list(blocks), texts)
    paragraphs: list[str] = []
    last: int | None = None
    for i in order:
        t = texts[i]
        if not t:
            continue
        if last is not None and paragraphs and continues(blocks[last], paragraphs[-1], blocks[i], t):
            paragraphs[-1] = join_running_text(paragraphs[-1], t, vocabulary)
        else:
            paragraphs.append(t)
        last = i
    return "\n\n".join(paragraphs)


def _repair_interruptions(blocks: list[Block], texts: list[str]) -> list[int]:
    pending = list(range(len(blocks)))
    order: list[int] = []
    while pending:
        i = pending.pop(0)
        order.append(i)
        if not pending or not ends_mid_sentence(texts[i]):
            continue
        if continues(blocks[i], texts[i], blocks[pending[0]], texts[pending[0]]):
            continue
        for k in range(1, min(LOOKAHEAD + 1, len(pending))):
            j = pending[k]
            if continues(blocks[i], texts[i], blocks[j], texts[j]):
                # a block in between that breaks off too, and that `j` would carry on, is the one
                # `j` continues (the foot of a column before the top of the next), not `i` (an
                # address line or a label above it)
                if not any(continues(blocks[m], texts[m], blocks[j], texts[j]) for m in pending[:k]):
                    pending.insert(0, pending.pop(k))
                break
    return order
