"""Tesseract's words (hOCR) as the glyph records a born-digital text layer would give the same page.

What the later stages read off a glyph is its box, size and weight: lines are grouped by
baseline, blocks by size, weight and line spacing, headings by being larger or bolder than the
body. OCR gives none of those directly, so each is rebuilt from what Tesseract and the render do
give, measured against the born-digital pages the scanned test pages were rendered from
(bench/README, "Text conservation and OCR"):

- **size**: Tesseract's estimate of each line's type size (hOCR `x_size`, x-height plus ascenders
  plus descenders, in pixels) is the font size within a few per cent; a word box's height is not
  (it varies with the letters and, on a skewed page, with the line's length). Sizes within
  `SIZE_SNAP` of a more common size on the page are that size, so the noise of the estimate does
  not split a paragraph or make a heading.
- **weight**: the typical horizontal run of ink inside a word, against the line's size, is the
  stroke width: bold strokes are half as thick again. OCR reports no weight, the render shows it.
- **position**: a skewed scan's lines are slanted; each word is placed on its line's baseline and
  the page turned upright by the median slope of its long lines, so words of one line share a
  baseline and a column's left edge stays straight down the page.
- **confidence**: words Tesseract is unsure of (specks, stamps, a smudge) get the body size and
  weight, so noise never makes a heading; words under `MIN_CONFIDENCE` are dropped unless they
  stand in a line between confident words (the word after a bullet is often read right but
  scored low).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from typing import Any

from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.layout.ocr_marks import ImageBox, find_image_checkboxes, numeral_rules, read_bars

DPI = 300
MIN_CONFIDENCE = 20.0
"""Tesseract words below this confidence (0-100) are noise (specks, rules, stamps) unless they
stand next to a confident word of their line."""
CONFIDENT = 60.0
"""A word at least this confident may carry its own size and weight (a heading's words); a less
confident one is set in the page's body style, and is the neighbour no low word is kept for."""
SIZE_SNAP = 0.05
"""Line sizes within this share of a more common size of the page are that size: the x-heights of
lines of one size spread over about ±2.5%, type a point smaller or larger is 8% or more away
(9 and 10 pt lines measure 18.7-19.3 and 20.8-21.6 px at 300 dpi on the scanned test pages)."""
BOLD_OVER_BODY = 1.2
"""A word is bold when its stroke is this many times the page's typical stroke, scaled up for type
larger than the body (not down for smaller: a scan's blur sets a floor, regular 7-11 pt strokes
all measure 3.2-4 px at 300 dpi, bold ones 6-6.5 px). On the scanned test pages: 2 of 4,225
regular words read bold, 6 of 455 bold words missed."""
LINE_BOLD = 0.85
"""A word of a line that is bold as a whole (its words' strokes pooled) is bold from this share of
the bold stroke on (a short word's few strokes measure a pixel either way)."""
SEGMENT_GAP = 1.0
"""A gap between two words of a Tesseract line wider than this many type sizes parts the line:
a label and its value, a sidebar beside the body (words are about a third of a size apart)."""
OWN_BASELINE, SMALLER_PART = 0.2, 0.9
"""A part of a cut line whose words' feet lie more than OWN_BASELINE type sizes off the line's
baseline, and whose words are under SMALLER_PART of the height of the rest's, stands on a baseline
of its own: a sidebar's smaller type Tesseract joined to the body's line beside it (a form label in
a shaded cell has a taller box and stays)."""
_DESCENDERS = frozenset("gjpqy,;()")
BULLET, BULLET_SIZE, BULLET_FILL = "\u2022", 0.45, 0.55
"""A one-glyph word at most BULLET_SIZE of its line's size high, about square, whose box is at
least BULLET_FILL ink (black at INK_LEVEL), is a bullet (a filled disc fills 0.79 of its box, a
blurred one of a 200 dpi scan 0.59, a letter well under half)."""
MIN_X_HEIGHT_LETTERS = 3
"""Letters (or, for a cap height, capitals and figures) a line needs before its band is measured;
only words of at least 70% lower-case characters count for the x-height (not "5.000,--naar")."""
BAND_LEVELS = (0.5, 0.35)
"""Shares of its peak from which a row of a line's ink profile is in its x-band. The band of
lower-case type is inked most at its top and bottom (arches, bowls) and less between (stems):
at half the peak a blurred line's band may be cut in two, at a third a bold line's ascenders may
join it. The level whose band agrees best with Tesseract's estimate (at the page's ratio) wins,
but a bold line (its strokes BOLD_OVER_BODY times the page's) is read at half the peak only: its
estimate is often its line's, shared with larger type beside it (a form's 9 pt bold label next to
an 11 pt value read 9.7 pt at a third). On the scanned dev corpus: 99 of 900 lines matched to
their born-digital lines off by over 0.6 pt, 111 choosing the level for bold lines too."""
FAR_OFF, FAR_OFF_LETTERS = 0.25, 8
"""An x-height whose ratio to Tesseract's estimate is this far from the page's is believed only
when read on this many lower-case letters (a short word's band is easily cut at its crossbars;
Tesseract's estimate of a short line is easily 45% too large)."""
CAP_HEIGHT_SHARE = (0.35, 0.9)
"""A measured cap height outside these shares of Tesseract's size estimate is no cap height."""
CAP_TO_X = 1.38
"""Cap height over x-height of common text faces (Arial and Helvetica 1.37, Verdana 1.34, Times
1.47): a line of capitals is sized from its cap height as if its x-height were this much lower..."""
CAP_TRUST = 0.15
"""...but only where Tesseract's estimate is this far off (it is within 7% on most lines of
capitals, its outliers 45-50% too large)."""
PARAGRAPH_SNAP = 0.08
"""Lines of one Tesseract paragraph within this share of its median size are that size: a
line's measure strays by up to 6% (figures, brackets), a heading is set 10% or more apart."""
ESTIMATE_AGREE = 0.04
"""Lines of one Tesseract paragraph (not cut into parts) whose size estimates lie within this share
of the paragraph's are one size, their measures' median, however far their bands stray: the band
of large bold type strays by over 10% from line to line (a 15 pt title measured 14.4 and 16.1 pt
on lines Tesseract estimated 60 and 61 px), while type a size apart is estimated 8% or more apart."""
BOX_TO_SIZE = 0.75
"""A word box of lower-case letters is at least this share of its type size high (ascenders to the
baseline): an x-height is no larger than X_HEIGHT_SHARE of the size its words' boxes show either,
where Tesseract's estimate of a line of small light type is far too low (a 6.5 pt grey label
estimated 4.3 pt, its x-height then past the share and its size left at the estimate)."""
X_HEIGHT_SHARE = (0.25, 0.7)
"""A measured x-height outside these shares of Tesseract's size estimate is no x-height (a line
of capitals, a band merged with a rule)."""
INK_LEVEL, GREY_TYPE = 128, 90
"""A pixel is ink when darker than INK_LEVEL (the weights below are calibrated on it: black type,
blurred thin strokes reach 75-90); type whose darkest pixels (the word's 5th percentile) are
lighter than GREY_TYPE is grey (a coloured heading, a light label) and its level is raised by as
much, so its strokes measure as thick as they are printed."""
MIN_CONTRAST = 48
"""Grey levels (0-255) between a word's paper and its darkest type below which its box holds no
ink to measure (a smudge, an empty box)."""
ASCENT, DESCENT = 0.8, 0.2
"""Shares of the font size above and below the baseline of a glyph box, as pdfminer gives them."""
MIN_SLOPE_WIDTH = 0.25
"""Lines at least this share of the page's width wide tell the page's skew."""
_LINE_CLASSES = frozenset({"ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
_BBOX = re.compile(r"bbox (-?\d+) (-?\d+) (-?\d+) (-?\d+)")
_BASELINE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_NUMBER = {name: re.compile(name + r" (-?[\d.]+)") for name in ("x_size", "x_descenders", "x_ascenders", "x_wconf")}


@dataclass(frozen=True)
class OcrWord:
    """A word Tesseract read: its text, box in render pixels (x0, top, x1, bottom), confidence."""

    text: str
    box: tuple[int, int, int, int]
    confidence: float
    spaced: tuple[tuple[str, int, int], ...] = ()
    """For a letter-spaced word: its parts (text, x0, x1 in render pixels), written apart."""
    mark: str = ""
    """What the word was read off when it is no type of the page's text: "redaction" (the code
    printed on a redaction mark), "stamp". Such a word is kept, set in the body's size and weight."""


@dataclass
class OcrLine:
    """A line Tesseract found: box, baseline (slope, offset from the box's bottom left) and the
    size of its type in pixels (x-height plus ascenders plus descenders), with its words."""

    box: tuple[int, int, int, int]
    slope: float
    offset: float
    x_size: float | None
    descenders: float | None
    words: list[OcrWord] = field(default_factory=list)
    paragraph: int = 0
    """Tesseract's paragraph the line is in (its lines are mostly set in one size)."""

    def baseline_at(self, x: float) -> float:
        return self.box[3] + self.offset + self.slope * (x - self.box[0])


class _HocrReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[OcrLine] = []
        self._paragraphs = 0
        self._word: dict[str, Any] | None = None
        self._depth: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        cls, title = a.get("class", ""), a.get("title", "")
        self._depth.append(cls)
        box = _BBOX.search(title)
        if box is None:
            return
        bbox = (int(box[1]), int(box[2]), int(box[3]), int(box[4]))
        if cls == "ocr_par":
            self._paragraphs += 1
        elif cls in _LINE_CLASSES:
            base = _BASELINE.search(title)
            self.lines.append(OcrLine(bbox, float(base[1]) if base else 0.0, float(base[2]) if base else 0.0,
                                      _number(title, "x_size"), _number(title, "x_descenders"),
                                      paragraph=self._paragraphs))
        elif cls == "ocrx_word" and self.lines:
            conf = _number(title, "x_wconf")
            self._word = {"box": bbox, "confidence": -1.0 if conf is None else conf, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if self._depth and self._depth.pop() == "ocrx_word" and self._word is not None:
            text = self._word["text"].strip().lstrip("_")  # Tesseract's "_" for a blot before a word
            if text:
                self.lines[-1].words.append(OcrWord(text, self._word["box"], self._word["confidence"]))
            self._word = None

    def handle_data(self, data: str) -> None:
        if self._word is not None:
            self._word["text"] += data


def _number(title: str, name: str) -> float | None:
    m = _NUMBER[name].search(title)
    return float(m[1]) if m else None


def read_hocr(hocr: str) -> list[OcrLine]:
    """The lines and words of Tesseract's hOCR output, in its reading order."""
    reader = _HocrReader()
    reader.feed(hocr)
    reader.close()
    return [line for line in reader.lines if line.words]


@dataclass(frozen=True)
class OcrPage:
    """The words Tesseract read on one page, as glyph records, and their mean confidence (0-1)."""

    chars: list[dict]
    confidence: float | None
    stamps: list[dict] = field(default_factory=list)
    """Glyph records of the words read off stamps (`ocr_stamps.py`): page furniture, no text of the page."""


def with_marks(lines: list[OcrLine], ink: Any, dpi: float = DPI) -> list[OcrLine]:
    """The lines with what the render (`ink`: grey levels or booleans) shows and Tesseract's words
    do not: bullets, checkboxes, roman numerals of hanging list markers, letter spacing."""
    lines = [_with_bullets(ink, line) for line in lines]
    lines = _with_checkboxes(lines, find_image_checkboxes(ink, dpi / 72.0))
    lines = _with_margin_numerals(ink, lines)
    return [_with_initials(_with_middle_dots(ink, _with_letter_spacing(ink, line))) for line in lines]


def _with_initials(line: OcrLine) -> OcrLine:
    """The line with the stops of initials ("C.J.M.") read as stops: a blurred stop after a capital
    is often read as a comma or a low quote ("C‚J.M."). A word of capitals each followed by a stop
    or such a mark, at least one of them a real stop, is initials (`rules/ocr.toml [initials]`)."""
    rules = _initials()
    if not any(rules.search(w.text) for w in line.words):
        return line
    return replace(line, words=[replace(w, text=re.sub(r"(?<=[A-Z])[^\w.]", ".", w.text)) if rules.fullmatch(w.text) else w
                                for w in line.words])


@lru_cache(maxsize=1)
def _initials() -> re.Pattern[str]:
    rules = read_rules("ocr")["initials"]
    marks = re.escape("".join(rules["stop_misread_as"]))
    return re.compile(rf"(?=[^.]*\.)(?:[A-Z][.{marks}]){{{int(rules['min_letters'])},}}")


def _with_middle_dots(render: Any, line: OcrLine) -> OcrLine:
    """The line with each dash whose ink is a dot, not a bar, read as a middle dot "·"
    (`rules/ocr.toml [middle_dot]`)."""
    import numpy as np

    rules = read_rules("ocr")["middle_dot"]
    words = []
    for w in line.words:
        if w.text in rules["dashes"]:
            x0, top, x1, bottom = w.box
            sub = _ink_in(render, (top, bottom, x0, x1), w.box)
            if sub.size and sub.any():
                rows, cols = np.flatnonzero(sub.any(axis=1)), np.flatnonzero(sub.any(axis=0))
                if cols[-1] - cols[0] + 1 <= float(rules["max_aspect"]) * (rows[-1] - rows[0] + 1):
                    w = replace(w, text="\u00b7")
        words.append(w)
    return replace(line, words=words)


def _with_letter_spacing(render: Any, line: OcrLine) -> OcrLine:
    """The line with each letter-spaced word ("BESLUIT" read off "B E S L U I T") marked with its
    letters, written apart (`rules/ocr.toml [letter_spacing]`): a word whose characters are each
    one run of ink columns, all standing far apart for its size. It is sized and weighed whole."""
    import numpy as np

    rules = read_rules("ocr")["letter_spacing"]
    size = line.x_size or float(line.box[3] - line.box[1])
    out: list[OcrWord] = []
    for w in line.words:
        x0, top, x1, bottom = w.box
        if len(w.text) < int(rules["min_letters"]) or w.confidence < CONFIDENT or x1 - x0 < 2 * len(w.text):
            out.append(w)
            continue
        cols = _ink_in(render, (top, bottom, x0, x1), w.box).any(axis=0)
        edges = np.diff(np.concatenate(([0], cols.astype(np.int8), [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        gaps = (starts[1:] - ends[:-1]).tolist()
        stop = 1 if not w.text[-1].isalnum() else 0  # a colon or stop after the last letter may stand close
        wide = float(rules["min_gap"]) * size
        if len(starts) != len(w.text) or len(gaps) <= stop or min(gaps[:len(gaps) - stop]) < wide \
                or not w.text[:len(w.text) - stop].isalpha():  # letters only: initials ("C.J.M.") stand apart too
            out.append(w)
            continue
        pieces: list[tuple[str, int, int]] = [(w.text[0], x0 + int(starts[0]), x0 + int(ends[0]))]
        for ch, a, b, gap in zip(w.text[1:], starts[1:].tolist(), ends[1:].tolist(), gaps):
            if gap >= wide:
                pieces.append((ch, x0 + a, x0 + b))
            else:
                pieces[-1] = (pieces[-1][0] + ch, pieces[-1][1], x0 + b)
        out.append(replace(w, spaced=tuple(pieces)))
    return replace(line, words=out)


def words_to_chars(hocr: str | list[OcrLine], page_width: float, page_height: float, dpi: float = DPI,
                   ink: Any = None, marked: bool = False) -> OcrPage:
    """Tesseract's hOCR (or its lines, read) as glyph records in points, one per word, a space
    between words of a line.

    `ink` is the render as an array of grey levels (or of booleans, True for ink) for the weights
    and x-heights, and the marks of `with_marks` (unless the lines are `marked` already); without it
    every word is regular and sized by Tesseract's estimate.
    """
    lines = read_hocr(hocr) if isinstance(hocr, str) else hocr
    scale = 72.0 / dpi
    if ink is not None and not marked:
        lines = with_marks(lines, ink, dpi)
    boxes = {id(w) for line in lines for w in line.words if w.confidence == _BOX}
    kept = [(seg, [w for i, w in enumerate(seg.words) if _kept(seg.words, i)])
            for line in lines for seg in _segments(line)]
    kept = [(line, words) for line, words in kept if words]
    strokes = {id(w): _stroke(ink, w.box) for _, words in kept for w in words if id(w) not in boxes} \
        if ink is not None else {}
    body_stroke = _median([s for _, words in kept for w in words if (s := strokes.get(id(w))) and w.confidence >= CONFIDENT])
    heavy = {id(line) for line, words in kept if body_stroke
             and _mean_stroke(words, strokes) >= BOLD_OVER_BODY * body_stroke}
    sizes = _line_sizes([line for line, _ in kept], ink, heavy)
    body_size = _weighted_median([(sizes[id(line)], sum(len(w.text) for w in words)) for line, words in kept])
    turn = _Deskew(_page_slope(lines, ink.shape[1] if ink is not None else page_width / scale),
                   page_width / scale / 2, page_height / scale / 2)
    text_chars: list[dict] = []
    stamp_chars: list[dict] = []
    confidences: list[float] = []
    for line, words in kept:
        line_size = sizes[id(line)]
        bold_at = BOLD_OVER_BODY * body_stroke * max(1.0, line_size / body_size) if body_size else 0.0
        line_stroke = _mean_stroke(words, strokes)
        for i, w in enumerate(words):
            chars = stamp_chars if w.mark == "stamp" else text_chars
            x0, top, x1, bottom = w.box
            middle = (x0 + x1) / 2
            base = line.baseline_at(middle)
            size = line_size
            if not -0.25 * line_size <= bottom - base <= (line.descenders or 0.25 * line_size) + 0.25 * line_size:
                base, size = bottom, line_size  # a word Tesseract put in a line it does not sit on
            stroke = strokes.get(id(w)) or 0.0
            bold = bool(bold_at) and (stroke >= bold_at or (line_stroke >= bold_at and stroke >= LINE_BOLD * bold_at))
            if w.mark:  # a redaction's code, a stamp: no type of the text, never a heading
                size, bold = body_size or size, False
            elif w.confidence < CONFIDENT:  # unsure: the body's style (noise makes no heading)
                size, bold = body_size or size, False
            cx, cy = turn(middle, base)
            half = (x1 - x0) / 2
            pt = size * scale
            left, right, baseline = (cx - half) * scale, (cx + half) * scale, cy * scale
            if not (0 <= left <= page_width and 0 <= baseline <= page_height + pt):
                continue
            glyph_top = baseline + DESCENT * pt - pt
            font = "ocr-bold" if bold else "ocr"
            if i and chars and words[i - 1].mark == w.mark:
                prev = chars[-1]
                chars.append({"text": " ", "x0": prev["x1"], "x1": max(left, prev["x1"]), "top": glyph_top,
                              "bottom": glyph_top + pt, "size": round(pt, 2), "fontname": font,
                              "matrix": (pt, 0.0, 0.0, pt, left, 0.0)})
            parts = [(text, left + (a - x0) * scale, left + (b - x0) * scale) for text, a, b in w.spaced] \
                or [(w.text, left, right)]
            for k, (text, a, b) in enumerate(parts):
                if k:
                    chars.append({"text": " ", "x0": chars[-1]["x1"], "x1": a, "top": glyph_top, "bottom": glyph_top + pt,
                                  "size": round(pt, 2), "fontname": font, "matrix": (pt, 0.0, 0.0, pt, a, 0.0)})
                chars.append({"text": text, "x0": a, "x1": b, "top": glyph_top, "bottom": glyph_top + pt,
                              "size": round(pt, 2), "fontname": font, "matrix": (pt, 0.0, 0.0, pt, a, 0.0)})
            if id(w) not in boxes and not w.mark:
                confidences.append(max(w.confidence, 0.0))
    mean = round(sum(confidences) / len(confidences) / 100.0, 4) if confidences else None
    return OcrPage(text_chars, mean, stamp_chars)


def _segments(line: OcrLine) -> list[OcrLine]:
    """A line of Tesseract's cut where a gap between words is wider than SEGMENT_GAP sizes (a
    form's label and its value, a sidebar beside the body): each part is sized on its own, as a
    born-digital layer sets them. The parts keep the line's box and baseline, unless a part's own
    words sit off it (Tesseract joined a sidebar's smaller line to the body's beside it): that part
    gets the baseline its words stand on, and a size estimate scaled by its words' height to the
    rest's."""
    size = line.x_size or float(line.box[3] - line.box[1])
    parts: list[list[OcrWord]] = [[]]
    for w in line.words:
        if parts[-1] and w.box[0] - parts[-1][-1].box[2] > SEGMENT_GAP * size:
            parts.append([])
        parts[-1].append(w)
    if len(parts) == 1:
        return [line]
    out = []
    tall = max(w.box[3] - w.box[1] for w in line.words)
    for part in parts:
        feet = [w.box[3] for w in part if not _DESCENDERS.intersection(w.text)] or [w.box[3] for w in part]
        foot, middle = _median([float(f) for f in feet]), (part[0].box[0] + part[-1].box[2]) / 2
        rest = [w.box[3] - w.box[1] for other in parts if other is not part for w in other]
        own = size * max(w.box[3] - w.box[1] for w in part) / max(rest or [tall])  # its type, not the line's
        if abs(foot - line.baseline_at(middle)) > OWN_BASELINE * size and own < SMALLER_PART * size \
                and sum(c.isalpha() for w in part for c in w.text) >= 3:  # words, not a bullet
            out.append(replace(line, words=part, offset=foot - line.box[3] - line.slope * (middle - line.box[0]),
                               x_size=own))
        else:
            out.append(replace(line, words=part))
    return out


_BOX = 1000.0
"""The confidence given to a mark read off the image itself, a checkbox or a margin numeral (above
any of Tesseract's, 0-100: it is kept, sized with its line, and left out of the page's mean)."""


def _with_margin_numerals(render: Any, lines: list[OcrLine]) -> list[OcrLine]:
    """The lines with the roman numerals of hanging list markers read off their strokes
    (`ocr_marks.read_bars`): one Tesseract dropped left of a line's first word ("II." hung before a
    list item) becomes its first word, and a short word it misread ("|.", "Il.") is read again."""
    ink = render if render.dtype == bool else render < INK_LEVEL
    rules = numeral_rules()
    words = [w.box for line in lines for w in line.words]
    out = []
    for line in lines:
        first = line.words[0]
        size = line.x_size or float(line.box[3] - line.box[1])
        base = line.baseline_at(first.box[0])
        top, bottom = round(base - 0.95 * size), round(base + 0.3 * size)
        reread = [w if not (len(w.text) <= rules.max_bars + 2 and w.text.endswith(".")) or any(c.isdigit() for c in w.text) else
                  replace(w, text=found[0]) if (found := read_bars(ink, (w.box[0] - 2, top, w.box[2] + 2, bottom),
                                                                    size, base, rules)) else w for w in line.words]
        x0, x1 = round(first.box[0] - rules.max_gap * size), round(first.box[0] - 0.2 * size)
        for box in words:  # only ink no word of the page covers
            if box[2] > x0 and box[0] < x1 and box[3] > top and box[1] < bottom:
                x0 = max(x0, box[2] + 1)
        found = read_bars(ink, (x0, top, x1, bottom), size, base, rules) if x1 - x0 > 0.2 * size else None
        out.append(replace(line, words=[OcrWord(found[0], found[1], _BOX), *reread] if found else reread))
    return out


def with_redactions(lines: list[OcrLine], codes: list[tuple[Any, list[OcrLine]]]) -> list[OcrLine]:
    """The lines with the code read off each redaction mark (`codes`: the mark, with a box
    x0, top, x1, bottom in pixels, and the lines read on it) as words marked "redaction", in the
    line the mark stands in (in its place from the left), or as a line of their own where the mark
    stands alone (a line blacked out whole)."""
    out = list(lines)
    for mark, read in codes:
        words = [replace(w, mark="redaction") for line in read for w in line.words if any(c.isalnum() for c in w.text)]
        if not words:
            continue
        middle = (mark.top + mark.bottom) / 2
        near = [line for line in out if line.paragraph > -1000 and line.box[1] <= middle <= line.box[3]
                and (line.box[0] <= mark.x0 <= line.box[2] or line.box[0] <= mark.x1 <= line.box[2]
                     or abs(line.box[0] - mark.x1) < mark.bottom - mark.top
                     or abs(mark.x0 - line.box[2]) < mark.bottom - mark.top)]
        if near:
            line = min(near, key=lambda ln: abs(ln.box[1] + ln.box[3] - 2 * middle))
            at = sum(1 for w in line.words if w.box[0] < mark.x0)
            out[out.index(line)] = replace(line, words=[*line.words[:at], *words, *line.words[at:]])
        else:
            out.extend(replace(line, words=[replace(w, mark="redaction") for w in line.words]) for line in read)
    return out


def _with_checkboxes(lines: list[OcrLine], boxes: list[ImageBox]) -> list[OcrLine]:
    """The lines with each checkbox of the image as a ☒ / ☐ word of the line it stands in (in
    its place from the left), and without the words Tesseract made of the box ("0", "&"); a box
    on no line is a line of its own."""
    if not boxes:
        return lines
    out = [replace(line, words=[w for w in line.words if not any(b.covers(w.box) for b in boxes)]) for line in lines]
    for b in boxes:
        word = OcrWord(b.text, (b.x0, b.top, b.x1, b.bottom), _BOX)
        middle = (b.top + b.bottom) / 2
        near = [line for line in out if line.box[1] <= middle <= line.box[3]
                and line.box[0] - 4 * (b.x1 - b.x0) <= b.x0 <= line.box[2] + 4 * (b.x1 - b.x0)]
        if near:
            line = min(near, key=lambda ln: abs(ln.box[1] + ln.box[3] - 2 * middle))
            line.words.insert(sum(1 for w in line.words if w.box[0] < b.x0), word)
        else:
            at = sum(1 for line in out if line.box[1] <= b.top)
            out.insert(at, OcrLine(word.box, 0.0, 0.0, None, None, [word], paragraph=-1))
    return [line for line in out if line.words]


def _with_bullets(ink: Any, line: OcrLine) -> OcrLine:
    """The line with each word that is a bullet's blob read as a bullet (kept whatever its
    confidence: a recogniser is rightly unsure what letter a disc is)."""
    size = line.x_size or float(line.box[3] - line.box[1])
    words = [replace(w, text=BULLET) if _is_bullet(ink, w, size) else w for w in line.words]
    return replace(line, words=words)


def _is_bullet(ink: Any, w: OcrWord, size: float) -> bool:
    """Whether a one-glyph word is a list bullet: a small, squarish blob filled with ink (a
    recogniser reads a bullet as "e", "*" or "«"; a letter's box is never mostly ink)."""
    if len(w.text) > 1 or w.text == BULLET:
        return False
    x0, top, x1, bottom = w.box
    width, height = x1 - x0, bottom - top
    if not (0 < height <= BULLET_SIZE * size and 0.6 <= width / height <= 1.6):
        return False
    sub = ink[max(top, 0):bottom, max(x0, 0):x1]
    box = sub if ink.dtype == bool else sub < INK_LEVEL  # black at a fixed level: a dot fills most of
    return box.size > 0 and float(box.mean()) >= BULLET_FILL  # its box, which _ink_in reads as a band


def _kept(words: list[OcrWord], i: int) -> bool:
    """A word is kept when confident enough, or when it has letters or digits and a confident
    word of its line stands right beside it (and it is not taller than its neighbour by half)."""
    w = words[i]
    if w.confidence >= MIN_CONFIDENCE or w.text == BULLET or (w.mark and any(ch.isalnum() for ch in w.text)):
        return True
    if not any(ch.isalnum() for ch in w.text):
        return False
    height = w.box[3] - w.box[1]
    return any(0 <= j < len(words) and words[j].confidence >= CONFIDENT
               and height <= 1.5 * (words[j].box[3] - words[j].box[1]) for j in (i - 1, i + 1))


def _mean_stroke(words: list[OcrWord], strokes: dict[int, float | None]) -> float:
    """The stroke width of a line's words, pooled by their letters (0 when none was measured)."""
    known = [(width, len(w.text)) for w in words if (width := strokes.get(id(w)))]
    return sum(v * n for v, n in known) / sum(n for _, n in known) if known else 0.0


def _line_sizes(lines: list[OcrLine], ink: Any = None, heavy: set[int] | frozenset[int] = frozenset()) -> dict[int, float]:
    """Each line's type size in pixels, snapped to the page's more common sizes.

    A line's size is its x-height measured in the render (`_band_height`) times the page's ratio of
    Tesseract's size estimate to that x-height: the x-height is read to a tenth of a pixel, the
    estimate only to whole pixels (9 and 10 pt lines measure 37-39 and 40-42 px at 300 dpi, their
    x-heights 18.7-19.3 and 20.8-21.6). Lines without a measurable x-height (capitals, figures)
    keep the estimate. Sizes are then taken most common first (by letters): the lines still free
    within SIZE_SNAP of the most common one are one size, their mean (with the lines within
    SIZE_SNAP of that mean too, so rounding does not decide), and the rest are sized the same way.
    """
    estimate = {id(line): line.x_size or float(line.box[3] - line.box[1]) for line in lines}
    weight = {id(line): max(sum(len(w.text) for w in line.words), 1) for line in lines}
    heights = {id(line): h for line in lines
               if ink is not None and (h := _band_height(ink, line, estimate[id(line)], False, BAND_LEVELS[0]))}
    ratio = _weighted_median([(estimate[k] / h, weight[k]) for k, h in heights.items()])
    for line in lines:  # the level whose band agrees best with the estimate
        k = id(line)
        if k in heights and ratio and k not in heavy:  # bold: at a third of the peak, ascenders join the band
            low = _band_height(ink, line, estimate[k], False, BAND_LEVELS[1])
            if low is not None and abs(math.log(low * ratio / estimate[k])) < abs(math.log(heights[k] * ratio / estimate[k])):
                heights[k] = low
    for line in lines:  # a band far from the page's ratio is believed on enough letters only
        k = id(line)
        if k in heights and abs(estimate[k] / heights[k] / ratio - 1) > FAR_OFF and \
                sum(c.islower() for w in line.words for c in w.text) < FAR_OFF_LETTERS:
            del heights[k]
    raw = {k: heights[k] * ratio if k in heights and ratio else v for k, v in estimate.items()}
    for line in lines:  # capitals and figures: Tesseract's estimate unless their cap height says far otherwise
        k = id(line)
        if k not in heights and ratio and ink is not None and (cap := _band_height(ink, line, estimate[k], True)):
            from_cap = cap / CAP_TO_X * ratio
            if abs(estimate[k] / from_cap - 1) > CAP_TRUST:
                raw[k] = from_cap
    by_paragraph: dict[int, list[int]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(id(line))
    cut = {line.box for line in lines if sum(other.box == line.box for other in lines) > 1}
    for keys in by_paragraph.values():  # the lines of a paragraph that differ by noise are one size
        measured = [k for k in keys if k in heights] or keys
        middle = _weighted_median([(raw[k], weight[k]) for k in measured])
        whole = [line for line in lines if id(line) in set(keys) and line.box not in cut]
        typical = _weighted_median([(estimate[id(line)], weight[id(line)]) for line in whole])
        agree = [id(line) for line in whole if abs(estimate[id(line)] / typical - 1) <= ESTIMATE_AGREE] \
            if len(whole) > 1 and typical else []
        agreed = _weighted_median([(raw[k], weight[k]) for k in agree]) if len(agree) > 1 else None
        for k in keys:
            if agreed is not None and k in agree:
                raw[k] = agreed  # Tesseract sizes these lines alike: one size, whatever a band says
            elif abs(raw[k] / middle - 1) <= PARAGRAPH_SNAP:
                raw[k] = middle
    free = dict(raw)
    out: dict[int, float] = {}
    while free:
        votes: dict[int, int] = {}
        for key, size in free.items():
            votes[round(size)] = votes.get(round(size), 0) + weight[key]
        centre = float(max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0])
        members: set[int] = set()
        for _ in range(2):
            members |= {k for k, v in free.items() if abs(v / centre - 1) <= SIZE_SNAP}
            members = members or {min(free, key=lambda k: abs(free[k] - centre))}
            centre = sum(free[k] * weight[k] for k in members) / sum(weight[k] for k in members)
        for k in members:
            out[k] = round(centre, 1)
            free.pop(k)
    return out


def _band_height(ink: Any, line: OcrLine, size: float, capitals: bool, level: float = 0.5) -> float | None:
    """The x-height of a line in pixels (or, with `capitals`, the cap height of its words of
    capitals and figures), read off the render: the band just above the baseline where most of
    the ink of those words lies (`_band`). Rows inked along most of a long word (a rule, an
    underline) are left out. None for a line without such words or without a clear band."""
    import numpy as np

    above, below = int(1.2 * size), int(0.5 * size)
    profile = np.zeros(above + below, dtype=float)
    counted, tallest = 0, 0
    for w in line.words:
        chars = [c for c in w.text if c.isalnum()]
        lower = sum(c.islower() for c in chars)
        if len(chars) < 2 or (lower if capitals else len(w.text) - lower > 0.3 * len(w.text)):
            continue  # x-height: words mostly of lower-case letters; cap height: none at all
        x0, _, x1, _ = w.box
        base = int(round(line.baseline_at((x0 + x1) / 2)))
        if base - above < 0 or base + below > ink.shape[0] or x1 <= x0:
            continue
        counted += len(chars)
        tallest = max(tallest, w.box[3] - w.box[1])
        rows = _ink_in(ink, (base - above, base + below, x0, x1), w.box).sum(axis=1).astype(float)
        if x1 - x0 > 2 * size:
            rows[rows > 0.95 * (x1 - x0)] = 0.0
        profile += rows
    if counted < MIN_X_HEIGHT_LETTERS:
        return None
    height = _band(profile, level)
    low, high = CAP_HEIGHT_SHARE if capitals else X_HEIGHT_SHARE
    return height if height is not None and low * size <= height <= high * max(size, tallest / BOX_TO_SIZE) else None


def _band(profile: Any, level: float) -> float | None:
    """The height of the band around a profile's peak where it is at least `level` of the peak,
    across dips of a row or two, its edges interpolated."""
    if len(profile) < 3 or profile.max() <= 0:
        return None
    half = level * profile.max()
    peak = int(profile.argmax())
    lo, hi = peak, peak
    while lo > 0 and (profile[lo - 1] >= half or (lo > 2 and max(profile[lo - 3:lo - 1]) >= half)):
        lo -= 1
    while hi < len(profile) - 1 and (profile[hi + 1] >= half or max(profile[hi + 2:hi + 4], default=0) >= half):
        hi += 1
    while profile[lo] < half:
        lo += 1
    while profile[hi] < half:
        hi -= 1
    if lo == 0 or hi == len(profile) - 1:
        return None
    top = lo - (profile[lo] - half) / (profile[lo] - profile[lo - 1])
    bottom = hi + (profile[hi] - half) / (profile[hi] - profile[hi + 1])
    return float(bottom - top)


def _stroke(ink: Any, box: tuple[int, int, int, int]) -> float | None:
    """The stroke width of a word in pixels: the mean length of the horizontal runs of ink inside
    its box, runs over twice the median left out (a crossbar, a serif), so the width is read to a
    fraction of a pixel; None when the box holds too little ink to tell."""
    import numpy as np

    x0, top, x1, bottom = box
    sub = _ink_in(ink, (top, bottom, x0, x1), box)
    if sub.size == 0 or sub.sum() < 20:
        return None
    padded = np.pad(sub.astype(np.int8), ((0, 0), (1, 1)))
    edges = np.diff(padded, axis=1).ravel()
    runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    if runs.size < 4:
        return None
    return float(runs[runs <= 2 * np.median(runs)].mean())


def _ink_in(render: Any, region: tuple[int, int, int, int], word: tuple[int, int, int, int]) -> Any:
    """The ink (booleans) of a region (top, bottom, x0, x1) of the render, at INK_LEVEL raised for
    grey type (judged on the word in box `word`, never past halfway to its paper): grey type (a coloured
    heading, a light label) is as much ink as black, and light type on a dark band is ink too."""
    import numpy as np

    top, bottom, x0, x1 = (max(v, 0) for v in region)
    sub = render[top:bottom, x0:x1]
    if render.dtype == bool or sub.size == 0:
        return sub
    wx0, wtop, wx1, wbottom = (max(v, 0) for v in word)
    box = render[wtop:wbottom, wx0:wx1]
    if box.size == 0:
        return np.zeros(sub.shape, dtype=bool)
    dark, paper, light = np.percentile(box, (5, 50, 95))
    if light - dark < MIN_CONTRAST:
        return np.zeros(sub.shape, dtype=bool)
    if (box < (dark + light) / 2).mean() > 0.5:  # light type on a dark band
        return sub > min(255 - INK_LEVEL, (dark + light) / 2)
    # never past halfway to the paper round the type: the box's median, as type leaves most of its
    # box paper (on a tinted sidebar the paper is darker than the box's lightest specks)
    return sub < max(INK_LEVEL, min(INK_LEVEL + dark - GREY_TYPE, (dark + min(light, paper)) / 2))


def page_slope(lines: list[OcrLine], width: float) -> float:
    """The page's skew (its long lines' median baseline slope, y down) from Tesseract's lines."""
    return _page_slope(lines, width)


def _page_slope(lines: list[OcrLine], width: float) -> float:
    """The page's skew as the median baseline slope of its long lines (0 without any)."""
    slopes = [line.slope for line in lines if line.box[2] - line.box[0] >= MIN_SLOPE_WIDTH * width]
    return _median(slopes) if slopes else 0.0


@dataclass(frozen=True)
class _Deskew:
    """A point of the render turned about the page's centre so that lines of `slope` lie level."""

    slope: float
    cx: float
    cy: float

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        if not self.slope:
            return x, y
        angle = math.atan(self.slope)
        cos, sin = math.cos(angle), math.sin(angle)
        dx, dy = x - self.cx, y - self.cy
        return self.cx + dx * cos + dy * sin, self.cy - dx * sin + dy * cos


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else 0.0


def _weighted_median(pairs: list[tuple[float, int]]) -> float:
    ordered = sorted(pairs)
    total = sum(w for _, w in ordered)
    acc = 0
    for value, w in ordered:
        acc += w
        if 2 * acc >= total:
            return value
    return 0.0
