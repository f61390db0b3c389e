"""What kind of text layer a page has: typeset text, or the OCR layer a scanning suite put under a
page image (`rules/text_layer.toml`).

An OCR layer's glyphs are invisible and sized per word from the word's box in the image, so sizes
and weights say nothing: a short word set smaller is not a superscript and a tall word is not a
heading. Such a page is read with one size and no weight, so every word of it stays in the text.
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from raadsstukken.extractors.layout.records import Char, font_style
from raadsstukken.extractors.rules import read_rules

OCR_LAYER_FONT = "ocr-layer"
"""The font name the glyphs of an OCR layer get once evened out (never bold or italic)."""


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], float, float, float]:
    data = read_rules("text_layer")["ocr_layer"]
    return (tuple(re.compile(p, re.IGNORECASE) for p in data["font_patterns"]), float(data["min_share"]),
            float(data["word_size_change"]), float(data["word_gap"]))


@dataclass(frozen=True)
class QualityRules:
    min_quality: float
    bad_categories: frozenset[str]
    mojibake: re.Pattern[str]
    sparse: tuple[float, int]
    """(image share, letters) of a page whose layer holds less than the page shows."""


@lru_cache(maxsize=1)
def quality_rules() -> QualityRules:
    data = read_rules("text_layer")["quality"]
    return QualityRules(float(data["min_quality"]), frozenset(data["bad_categories"]),
                        re.compile("|".join(f"(?:{p})" for p in data["mojibake"])),
                        (float(data["sparse_image_share"]), int(data["sparse_letters"])))


def text_quality(chars: list[Char]) -> float | None:
    """Share (0-1) of a page's glyphs that are real text: mapped, in a script, not mojibake.

    None for a page without glyphs (nothing to judge).
    """
    texts = [c.text for c in chars]
    # each distinct glyph text read once (a page has a few dozen): spaces left out, unmapped ones marked
    read = {t: "" if t.isspace() else "\ufffd" if t.startswith("(cid:") else t for t in set(texts)}
    text = "".join(map(read.__getitem__, texts))
    if not text:
        return None
    rules = quality_rules()
    bad = sum(n for ch, n in Counter(text).items()  # each distinct character judged once
              if ch == "\ufffd" or unicodedata.category(ch) in rules.bad_categories)
    bad += sum(len(m.group()) for m in rules.mojibake.finditer(text))
    return round(max(0.0, 1.0 - bad / len(text)), 4)


def char_counts(texts: Iterable[str]) -> Counter[str]:
    """The letters and digits of some texts as a multiset, case-folded and compatibility-normalized
    (ligatures, full-width forms), so a page's layer and the rows made of it count alike."""
    out: Counter[str] = Counter()
    for text in texts:  # every character counted at C speed, then the letters and digits kept
        counts = Counter(unicodedata.normalize("NFKC", text).casefold())
        out.update({ch: n for ch, n in counts.items() if ch.isalnum()})
    return out


def is_ocr_layer(chars: list[Char]) -> bool:
    """Whether most of a page's glyphs are in a font of an OCR layer."""
    glyphs = [c for c in chars if not c.text.isspace()]
    if not glyphs:
        return False
    patterns, min_share, _, _ = _rules()
    fonts = Counter(c.font for c in glyphs)  # the patterns tried once per font, not per glyph
    hits = sum(n for font, n in fonts.items() if any(p.search(font) for p in patterns))
    return hits >= min_share * len(glyphs)


@lru_cache(maxsize=1)
def _invisible_rules() -> tuple[float, float]:
    data = read_rules("text_layer")["ocr_layer"]
    return float(data["min_share"]), float(data["invisible_image_share"])


def is_invisible_layer(invisible_share: float, image_share: float, chars: list[Char]) -> bool:
    """Whether a page's text is a layer drawn invisibly over its image that gives no typography
    of its own: most of its glyphs in text render mode 3 or 7, the page at least
    rules/text_layer.toml [ocr_layer] `invisible_image_share` image, and none of its fonts bold or
    italic. Such a layer is the OCR layer of a scan in whatever font the OCR software names (many
    set every word in one real font's name, invisibly) and is read as an OCR layer is, its sizes
    and weights measured off the image. A layer that sets its words in the weights and sizes it
    recognised (bold and italic fonts among them, as some OCR programs rebuild a page) keeps them."""
    min_share, min_image = _invisible_rules()
    if invisible_share < min_share or image_share < min_image:
        return False
    fonts = {c.font for c in chars if not c.text.isspace()}
    return bool(fonts) and not any(font_style(f)[0] or font_style(f)[1] for f in fonts)


def even_out(chars: list[Char]) -> list[Char]:
    """The glyphs of an OCR layer at the page's median size, in a plain font, with a space where
    one word of the layer ends and the next begins.

    A layer draws each word in its own size, scaled to fill the word's box, so its glyphs abut
    and the next word starts at another size or after a gap; the gap may be far narrower than a
    space at the page's median size, so it is marked before the sizes are evened out.
    """
    sizes = [c.size for c in chars if not c.text.isspace()]
    if not sizes:
        return chars
    size = statistics.median(sizes)
    out: list[Char] = []
    prev: Char | None = None
    for c in chars:
        if c.text.isspace():
            prev = None
        elif prev is not None and _new_word(prev, c):
            out.append(Char(" ", prev.x1, c.top, max(c.x0, prev.x1), c.bottom, size, OCR_LAYER_FONT))
        if not c.text.isspace():
            prev = c
        out.append(Char(c.text, c.x0, c.top, c.x1, c.bottom, size, OCR_LAYER_FONT))  # dataclasses.replace, 4x faster
    return out


def _new_word(prev: Char, ch: Char) -> bool:
    """Whether `ch` starts another word of the layer than `prev` (both in the layer's own sizes)."""
    _, _, size_change, gap_share = _rules()
    if abs(ch.size - prev.size) > size_change * max(ch.size, prev.size):
        return True
    return ch.x0 - prev.x1 > gap_share * min(ch.size, prev.size)


def fit_advances(chars: list[Char]) -> list[Char]:
    """The glyphs with each box cut back to where the next glyph of its line starts, where the box
    reaches far over it: a font whose widths do not match the advances its text is set with
    (fonts re-embedded by a redaction tool: an 'n' 9 pt wide set 4 pt before the next letter at
    6 pt). Without the cut the next glyph starts inside the box, which reads as a new run and
    splits the word ("jun i"). Typeset text is unchanged: a glyph's box ends where the next one
    starts, give or take kerning, far under the thresholds of `rules/text_layer.toml`.
    """
    share, overlap = _advance_rules()
    out = list(chars)
    prev: int | None = None
    for i, c in enumerate(out):
        if c.text.isspace():
            continue
        if prev is not None:
            p = out[prev]
            advance = c.x0 - p.x0
            same_line = abs(c.bottom - p.bottom) <= 0.3 * max(p.size, c.size, 0.1)
            if same_line and advance > 0.2 * p.size and p.x1 - c.x0 > overlap * p.size \
                    and p.x1 - p.x0 > share * advance:
                out[prev] = Char(p.text, p.x0, p.top, c.x0, p.bottom, p.size, p.font)
        prev = i
    return out


@lru_cache(maxsize=1)
def _advance_rules() -> tuple[float, float]:
    data = read_rules("text_layer")["advances"]
    return float(data["width_share"]), float(data["overlap"])
