"""Size and weight of an OCR layer's lines, measured from the page image they lie over.

A scanning suite's OCR layer (`text_layer.py`) sets every word in an invisible font at a size
taken from its box: the glyphs say nothing of weight, and their sizes vary with the letters of
each word. `text_layer.even_out` therefore reads such a page at one size and no weight, which
keeps every word but leaves a bold or larger heading indistinguishable from the paragraph under
it. The page image shows what the layer does not: this module renders the page (pdfium, grey, at
the resolution of `rules/text_layer.toml [styles]`) and measures, under each line the layer
gives, the stroke width of each word's ink and the line's x-height, with the measures
`ocr_words.py` applies to pages the product OCRs itself (`_stroke`, `_band_height`).

Sizes are read per line and snapped per paragraph and page, so a paragraph keeps one size and a
line within a few per cent of the page's body is the body's (`_sizes`). Weights are read per
word against the body's stroke and settled per line: a line that is bold as a whole makes its
words bold from a little under the threshold, and a line reads bold only when most of its
letters are, so one word's noise makes no heading (`styled_lines`).

Only the words' sizes and weights change: the lines, their words and their boxes stay as the
layer gave them, so every word still reaches a row. A word on a redaction mark (a band filled
black or grey, often with a code such as "5.1.2e" in light type) is not measured, so a redaction
never reads as bold.
"""
from __future__ import annotations

import logging
import math
import statistics
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from raadsstukken.extractors.layout.ocr import render_scale
from raadsstukken.extractors.layout.ocr_words import (BAND_LEVELS, CAP_TO_X, INK_LEVEL, MIN_CONTRAST, OcrLine, OcrWord,
                                                     _band_height, _stroke, _weighted_median)
from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StyleRules:
    """Thresholds of `rules/text_layer.toml [styles]` (each described there)."""

    dpi: float
    x_height_share: float
    paragraph_snap: float
    min_size_letters: int
    larger_by: float
    size_snap: float
    bold_over_body: float
    line_bold: float
    max_over_body: float
    min_x_height: float
    min_stroke_letters: int
    grey_type: float
    redaction_dark: float
    redaction_runs: float
    pad: float
    short_line: int = 0


@lru_cache(maxsize=1)
def style_rules() -> StyleRules:
    data = read_rules("text_layer")["styles"]
    return StyleRules(float(data["dpi"]), float(data["x_height_share"]), float(data["paragraph_snap"]),
                      int(data["min_size_letters"]), float(data["larger_by"]),
                      float(data["size_snap"]), float(data["bold_over_body"]), float(data["line_bold"]),
                      float(data["max_over_body"]), float(data["min_x_height"]),
                      int(data["min_stroke_letters"]),
                      float(data["grey_type"]), float(data["redaction_dark"]), float(data["redaction_runs"]),
                      float(data["pad"]), int(data["short_line"]))


_TURN = {0: 0, 90: -1, 180: 2, 270: 1}
"""np.rot90 turns that bring a render into the upright frame of a page read at that angle."""


class PageImages:
    """Grey renders of the pages of one PDF, for measuring the ink under an OCR layer.

    The document is opened with pdfium on the first render only (a file without OCR-layer pages
    never opens it) and closed with this object.
    """

    def __init__(self, source: Path | bytes, rules: StyleRules | None = None) -> None:
        self.source, self.rules = source, rules or style_rules()
        self._pdf: Any = None
        self.bodies: list[float] = []
        """The body sizes of the pages styled so far: a page whose body is within `larger_by` of
        one of them is set in that size, so one text size reads the same on every page."""

    def __enter__(self) -> PageImages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def render(self, page_index: int, angle: int = 0) -> tuple[Any, float] | None:
        """The page as an array of grey levels in the upright frame of text read at `angle`, and
        its pixels per point; None when pdfium cannot render it."""
        try:
            import numpy as np
            import pypdfium2 as pdfium

            if self._pdf is None:
                src = self.source
                self._pdf = pdfium.PdfDocument(src if isinstance(src, bytes) else str(src))
            page = self._pdf[page_index]
            try:
                width, height = page.get_size()
                scale = render_scale(width, height, self.rules.dpi)
                image = np.asarray(page.render(scale=scale, grayscale=True).to_pil().convert("L"))
            finally:
                page.close()
        except (ImportError, OSError, ValueError, RuntimeError) as exc:  # pdfium's PdfiumError is a RuntimeError
            _log.warning("page %d: no render to measure its OCR layer's styles: %s", page_index + 1, exc)
            return None
        return np.rot90(image, _TURN.get(angle % 360, 0)), scale

    def styled(self, lines: list[Line], page_index: int, angle: int = 0) -> list[Line]:
        """`styled_lines` of a page's OCR-layer lines, measured on its render (the lines unchanged
        when the page cannot be rendered)."""
        if not lines:
            return lines
        rendered = self.render(page_index, angle)
        if rendered is None:
            return lines
        return styled_lines(lines, rendered[0], rendered[1], self.rules, self.bodies)


@dataclass(frozen=True)
class _WordInk:
    stroke: float | None
    """Stroke width in pixels; None for a word on a redaction mark or with too little ink."""
    letters: int


@dataclass
class _Measure:
    line: Line
    words: list[_WordInk]
    bands: tuple[float | None, ...] = ()
    """The line's x-height in pixels at each level of BAND_LEVELS (None where its ink shows no
    clear band there)."""
    cap: float | None = None
    """Its cap height over CAP_TO_X, for a line of capitals and figures without an x-band."""
    height: float = 1.0
    """The height of its layer box in pixels."""
    x_height: float | None = None
    """The x-height chosen (`_choose_bands`)."""

    @property
    def letters(self) -> int:
        return sum(w.letters for w in self.words if w.stroke is not None)


def _choose_bands(measures: list[_Measure]) -> None:
    """Each line's x-height: of its bands at the levels of BAND_LEVELS, the one whose ratio to its
    box height is nearest the page's (the median line's at the first level). Lower-case type is
    inked most at its arches and bowls: at half the peak a blurred line's band may be cut in two
    (read at half its height), at a third a bold line's ascenders may join it."""
    ratios = [(m.bands[0] / m.height, max(m.letters, 1)) for m in measures if m.bands and m.bands[0]]
    page = _weighted_median(ratios) if ratios else 0.0
    for m in measures:
        found = [b for b in m.bands if b]
        if found and page:
            m.x_height = min(found, key=lambda b: abs(math.log(b / m.height / page)))
        elif found:
            m.x_height = found[0]
        else:
            m.x_height = m.cap


def styled_lines(lines: list[Line], ink: Any, scale: float, rules: StyleRules | None = None,
                 bodies: list[float] | None = None) -> list[Line]:
    """The lines of an OCR layer with the size and weight their ink in `ink` (the page's render in
    grey levels, `scale` pixels per point) shows.

    Size: a line's x-height over `x_height_share` of the type size, the sizes of a page snapped
    (`_sizes`) so that the lines of one paragraph and the headings of one style share one size,
    and the lines of no clear x-height set in the page's body size.

    Weight: a word is bold when its stroke is `bold_over_body` times the body's (the median word
    of the lines of the body's size), scaled up for type larger than the body, or `line_bold` of
    that in a line that is bold as a whole (its words pooled). A line reads bold when most of its
    letters are (`Line.bold`), so one word's noise neither makes nor breaks a heading, and a bold
    label before a regular value ("Datum: 3 mei") leaves its line regular, as in a born-digital
    layer. Strokes past `max_over_body` of the body's are no type (a logo, a stamp) and stay
    regular.

    A page whose body's x-height is under `min_x_height` pixels (type of 4 or 5 points: a
    dashboard's labels, a map) is left as the layer gives it: a pixel either way is a fifth of
    its size. `bodies` holds the body sizes of the document's pages styled before; a page whose
    body is within `larger_by` of one of them takes that size, its other sizes scaled alike
    (and its own is added when new).
    """
    rules = rules or style_rules()
    measures = [_measure(line, ink, scale, rules) for line in lines]
    _choose_bands(measures)
    if not any(m.letters for m in measures):
        return lines
    heights = [(m.x_height, m.letters) for m in measures if m.x_height is not None]
    if not heights or _weighted_median(heights) < rules.min_x_height:
        return lines
    sizes, body_size = _sizes(measures, scale, rules)
    ref = _body_stroke(measures, sizes, body_size, rules)
    if not ref:
        return lines
    if bodies is not None:
        nearest = min(bodies, key=lambda b: abs(b / body_size - 1), default=None)
        if nearest is not None and abs(nearest / body_size - 1) < rules.larger_by:
            sizes = {k: v * nearest / body_size for k, v in sizes.items()}
            body_size = nearest
        else:
            bodies.append(body_size)
    out: list[Line] = []
    for m in measures:
        size = sizes.get(id(m), body_size)
        factor = max(1.0, size / body_size)
        rel = [(w.stroke / ref / factor if w.stroke is not None else None, w.letters) for w in m.words]
        rel = [(r if r is not None and r <= rules.max_over_body else None, n) for r, n in rel]
        known = [(r, n) for r, n in rel if r is not None and n]
        pooled = sum(r * n for r, n in known) / sum(n for _, n in known) if known else 0.0
        whole = sum(n for _, n in known) >= rules.min_stroke_letters and pooled >= rules.bold_over_body
        bold = [r is not None and ((n >= rules.min_stroke_letters and r >= rules.bold_over_body)
                                   or (whole and r >= rules.line_bold * rules.bold_over_body)) for r, n in rel]
        out.append(_restyled(m.line, round(size * 2) / 2, bold))
    return out


def _sizes(measures: list[_Measure], scale: float, rules: StyleRules) -> tuple[dict[int, float], float]:
    """Each measured line's type size in points, and the page's body size.

    A line's raw size is its x-height over `x_height_share`. Lines that follow each other in one
    column within `paragraph_snap` of each other are one paragraph, set in its median size (one
    line's measure strays by up to 8% with its letters), a paragraph of fewer than
    `min_size_letters` letters in the body's size; the page's sizes are then taken most
    common first (by letters), those within `size_snap` of it one size, their mean. The body is
    the size of most letters, and a size within `larger_by` of it is the body's.
    """
    raw = {id(m): m.x_height / scale / rules.x_height_share for m in measures if m.x_height is not None}
    weight = {id(m): max(m.letters, 1) for m in measures}
    if not raw:
        size = statistics.median(m.line.size for m in measures)
        return {}, size
    groups = _paragraphs([m for m in measures if id(m) in raw], raw, rules.paragraph_snap, rules.short_line)
    for keys in groups:
        trusted = [(raw[k], weight[k]) for k in keys if weight[k] >= rules.min_size_letters]
        for k in keys:
            if trusted:
                raw[k] = _weighted_median(trusted)
            else:  # a few letters tell no size (a label read off a stamp, a smudge): the body's
                del raw[k]
    if not raw:
        return {}, statistics.median(m.line.size for m in measures)
    free = dict(raw)
    out: dict[int, float] = {}
    clusters: list[tuple[float, int]] = []
    while free:
        votes: dict[float, int] = {}
        for k, v in free.items():
            votes[round(v * 2) / 2] = votes.get(round(v * 2) / 2, 0) + weight[k]
        centre = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))[0]
        members = {k for k, v in free.items() if abs(v / centre - 1) <= rules.size_snap} or \
            {min(free, key=lambda k: abs(free[k] - centre))}
        mean = sum(free[k] * weight[k] for k in members) / sum(weight[k] for k in members)
        for k in members:
            out[k] = mean
            free.pop(k)
        clusters.append((mean, sum(weight[k] for k in members)))
    body = max(clusters, key=lambda c: c[1])[0]
    return {k: body if abs(v / body - 1) < rules.larger_by else v for k, v in out.items()}, body


def _paragraphs(measures: list[_Measure], raw: dict[int, float], within: float, short: int = 0) -> list[list[int]]:
    """Lines that follow each other in one column (each overlapping the line above it, less than
    a line's height under it) as groups: a line joins the group of the line above when its size
    is within `within` of that group's median, so one line measured a little off neither breaks a
    paragraph in two nor drags the next line out of it. A line of fewer than `short` letters under
    a line that runs on (no full stop, colon or semicolon at its end) joins it whatever it
    measured: a paragraph's last word or two, read off a few letters ("treden." measured a third
    small), end the paragraph; a label (ending in a colon) stands on its own."""
    weight = {id(m): max(m.letters, 1) for m in measures}
    group_of: dict[int, list[int]] = {}
    ordered = sorted(measures, key=lambda m: m.line.bbox.top)
    for i, n in enumerate(ordered):
        other = n.line.bbox
        above = None
        for m in reversed(ordered[:i]):
            box = m.line.bbox
            overlap = min(box.x1, other.x1) - max(box.x0, other.x0)
            if box.top < other.top and other.top - box.bottom <= box.bottom - box.top and \
                    overlap > 0.5 * min(box.x1 - box.x0, other.x1 - other.x0):
                above = m
                break
        group = group_of.get(id(above)) if above is not None else None
        # (a short line carries the paragraph on only where the line above runs on: "… in werking
        # laten" / "treden."; a label, "Aanwezig:", is a line of its own)
        carried = above is not None and weight[id(n)] < short and above.line.text.rstrip()[-1:] not in ".:;!?" \
            and not n.line.text.rstrip().endswith(":")
        if group is not None and (carried or
                                  abs(raw[id(n)] / _weighted_median([(raw[k], weight[k]) for k in group]) - 1) <= within):
            group.append(id(n))
            group_of[id(n)] = group
        else:
            group_of[id(n)] = [id(n)]
    unique = {id(g): g for g in group_of.values()}
    return list(unique.values())


def _body_stroke(measures: list[_Measure], sizes: dict[int, float], body_size: float, rules: StyleRules) -> float:
    """The body's stroke width: the letter-weighted median word of the lines of the body's size."""
    pooled = [(w.stroke, w.letters) for m in measures if abs(sizes.get(id(m), body_size) - body_size) <= 0.01
              for w in m.words if w.stroke is not None and w.letters >= rules.min_stroke_letters]
    return _weighted_median(pooled) if pooled else 0.0


def _restyled(line: Line, size: float, bold: list[bool]) -> Line:
    """The line with its words in `size` and each word's weight (the line itself when nothing
    changes); the evened-out layer has no italics, and none are guessed."""
    if abs(size - line.size) < 0.01 and not any(bold) and not any(w.bold or w.italic for w in line.words):
        return line
    return replace(line, words=tuple(replace(w, size=size, bold=b, italic=False) for w, b in zip(line.words, bold)))


def _measure(line: Line, ink: Any, scale: float, rules: StyleRules) -> _Measure:
    """A line's words' stroke widths and its x-height, in pixels of the render, its redacted
    words left out.

    Each word's ink is read at its own level (`_ink_level`), so a coloured word's strokes measure
    about as wide as a black word's of the same weight.
    The line is measured on a crop of the render that holds its word boxes, widened by `pad` of
    its height so a layer slightly off its image still covers their ink, and nothing else: the
    lines above and below cannot join its x-band.
    """
    import numpy as np

    height = max((line.bbox.bottom - line.bbox.top) * scale, 1.0)
    pad = rules.pad * height
    rows, cols = ink.shape[:2]
    words = [_WordInk(None, sum(c.isalnum() for c in w.text)) for w in line.words]
    boxes: list[tuple[int, tuple[int, int, int, int], float]] = []
    for i, w in enumerate(line.words):
        box = (max(int(w.bbox.x0 * scale - pad), 0), max(int(w.bbox.top * scale - pad), 0),
               min(int(w.bbox.x1 * scale + pad) + 1, cols), min(int(w.bbox.bottom * scale + pad) + 1, rows))
        if not words[i].letters or box[2] <= box[0] or box[3] <= box[1]:
            continue
        level = _ink_level(ink, w.bbox, scale, rules)
        if level is not None:
            boxes.append((i, box, level))
    if not boxes:
        return _Measure(line, words)
    x0, x1 = min(b[0] for _, b, _ in boxes), max(b[2] for _, b, _ in boxes)
    top, bottom = min(b[1] for _, b, _ in boxes), max(b[3] for _, b, _ in boxes)
    estimate = _ESTIMATE * height
    crop_top = max(bottom - int(pad) - int(1.2 * estimate) - 2, 0)
    crop = np.zeros((min(bottom + int(0.5 * estimate) + 2, rows) - crop_top, x1 - x0), dtype=bool)
    shifted: list[OcrWord] = []
    for i, (a, t, b, d), level in boxes:
        crop[t - crop_top:d - crop_top, a - x0:b - x0] |= ink[t:d, a:b] < level
        shifted.append(OcrWord(line.words[i].text, (a - x0, t - crop_top, b - x0, d - crop_top), 100.0))
    for (i, _, _), w in zip(boxes, shifted):
        words[i] = _WordInk(_stroke(crop, w.box), words[i].letters)
    base = bottom - int(pad) - crop_top  # the layer's word boxes end at the baseline or the descenders
    slope, at = _skew([line.words[i].bbox for i, _, _ in boxes], scale)
    if slope:  # a line turned with its scan: its baseline runs through its words' bottoms
        base = int(round(at - crop_top + slope * x0)) + 1
    band_line = OcrLine((0, top - crop_top, x1 - x0, bottom - crop_top), slope,
                        float(base - (bottom - crop_top)), estimate, None, shifted)
    bands = tuple(_band_height(crop, band_line, estimate, False, level) for level in BAND_LEVELS)
    # a cap height tells a line's size when it is a line of capitals and figures; where most of
    # its letters are lower case and show no x-band (a stamp's big capitals read into a form's row
    # of words), its capitals are no measure of its type
    letters = [c for w in line.words for c in w.text if c.isalpha()]
    capitals = 2 * sum(c.isupper() for c in letters) >= len(letters)
    cap = _band_height(crop, band_line, estimate, True) if not any(bands) and capitals else None
    return _Measure(line, words, bands, cap / CAP_TO_X if cap is not None else None, height)


def _skew(boxes: list[Any], scale: float) -> tuple[float, float]:
    """The slope of a line's baseline in the render and the baseline's height at x = 0 (pixels),
    fitted through its words' box bottoms: a scan turned a fraction of a degree tilts each line,
    and a long line's ink band, read as if level, comes out taller by its drift across the page
    (a paragraph's full first line read a size up). (0, 0) for a level line, a line of fewer than
    three words, or bottoms that follow no clear slope (r² under 0.8: a layer whose words' boxes end
    at their own descenders)."""
    if len(boxes) < 3:
        return 0.0, 0.0
    xs = [(b.x0 + b.x1) / 2 * scale for b in boxes]
    ys = [b.bottom * scale for b in boxes]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    if sxx <= 0 or syy <= 0 or sxy * sxy < 0.8 * sxx * syy:
        return 0.0, 0.0
    slope = sxy / sxx
    if abs(slope) > 0.05 or abs(slope) * (max(xs) - min(xs)) < 1.0:
        return 0.0, 0.0  # more than three degrees is no scan's tilt; under a pixel's drift, level
    return slope, my - slope * mx


_ESTIMATE = 1.25
"""A line's type size over the height of its layer box (the ink of its letters: ascenders to
descenders, or no more than the x-height and a "t" in "nota"), so the band `_band_height` looks
for fits the window and the share it allows."""


def _ink_level(ink: Any, bbox: Any, scale: float, rules: StyleRules) -> float | None:
    """The grey level under which a word's box is its ink: INK_LEVEL (as `ocr_words` reads ink),
    raised by as much as the word's darkest grey (its box's 5th percentile) is lighter than
    `grey_type`, so coloured type measures about as thick as black type of its weight, and never
    past halfway to its paper (the 95th percentile).

    None for a box without contrast (no ink to measure) and for a word on a redaction mark: a
    band filled black or grey, perhaps with a code in light type, that leaves at least
    `redaction_dark` of the box darker than halfway to its paper, or holds `redaction_runs` of its
    ink in horizontal runs longer than 1.5 times the box's height (`_long_runs`). Type, even
    bold, leaves most of its box paper; a short word of dense letters may read as a mark too,
    which only leaves it unmeasured."""
    import numpy as np

    box = ink[int(bbox.top * scale):int(bbox.bottom * scale) + 1, int(bbox.x0 * scale):int(bbox.x1 * scale) + 1]
    if box.size == 0:
        return None
    flat = box.ravel()
    low, high = int(0.05 * (flat.size - 1)), int(0.95 * (flat.size - 1))
    levels = np.partition(flat, (low, high))  # the 5th and 95th percentiles, without np.percentile's cost
    dark, light = int(levels[low]), int(levels[high])
    if light - dark < MIN_CONTRAST:
        return None
    middle = (dark + light) / 2
    inked = box < middle
    if float(inked.mean()) >= rules.redaction_dark or _long_runs(inked) >= rules.redaction_runs:
        return None
    return min(INK_LEVEL + max(dark - rules.grey_type, 0), middle)


def _long_runs(inked: Any) -> float:
    """The share of a box's ink in horizontal runs longer than 1.5 times the box's height: a
    filled band's, not type's (whose runs are strokes, a crossbar, at most an underline)."""
    import numpy as np

    padded = np.pad(inked.astype(np.int8), ((0, 0), (1, 1)))
    edges = np.diff(padded, axis=1).ravel()
    runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    total = int(runs.sum())
    return float(runs[runs > 1.5 * inked.shape[0]].sum()) / total if total else 0.0
