"""Characters to words and line segments.

A line segment is a run of words on one baseline that a reader takes in one sweep: it never
crosses a column gutter or a gap between table cells. Characters are taken in content-stream
order (how generators draw text), fragments drawn out of order are merged back on their
baseline, and raised small glyphs (footnote calls, exponents) are kept as superscript words.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, replace

from raadsstukken.extractors.layout.columns import Gutter, Segment, find_gutters
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Char, Line, Word, font_style
from raadsstukken.extractors.layout.text_layer import OCR_LAYER_FONT
from raadsstukken.extractors.settings import SAME_SIZE
from raadsstukken.extractors.text.normalize import is_marker


@dataclass(frozen=True)
class LineSettings:
    word_gap: float = 0.22
    """A gap wider than this many font sizes separates two words (when no space glyph does)."""
    segment_gap: float = 1.2
    """A gap wider than this many font sizes separates two line segments (a gutter, a table cell)."""
    min_vertical_overlap: float = 0.5
    """Share of the smaller glyph's height two glyphs must overlap to be on one line."""
    superscript_size: float = 0.82
    """A glyph at most this share of the line's size, and raised, is a superscript."""
    superscript_raise: float = 0.18
    """How far (share of the line's size) a superscript's baseline sits above the line's."""
    ocr_drift: float = 0.4
    """Runs of an OCR layer whose baselines are within this many font sizes share a line: the
    layer's words follow a scan turned up to a degree, so a long line's two ends (a hanging
    number, the words after it) may sit a third of a size apart (lines are over a size apart)."""
    marker_gap: float = 4.0
    """A lone list marker ("1", "2.", "a)", "-", "•") stays on its item's line across a gap up to
    this many font sizes (a hanging indent), instead of becoming a segment of its own."""
    table_row_segments: int = 3
    table_cell_width: float = 15.0
    """A baseline split into at least `table_row_segments` segments, each narrower than this many
    font sizes, is a table or form row: it stays one line so the row reads left to right."""


DEFAULT_LINE_SETTINGS = LineSettings()


def build_lines(chars: list[Char], page: int, settings: LineSettings = DEFAULT_LINE_SETTINGS) -> list[Line]:
    """Line segments of a page, each with its words, from characters in stream order.

    The page's column gutters (`columns.find_gutters`, from the segments' boxes) keep a row of
    short cells from being joined across a gutter: two columns whose lines happen to share a
    baseline, or a justified line's wide-spaced words beside the other column's line.
    """
    lines: list[Line] = []
    shared: dict[float, float] = {}  # one float object per value on the page (see _word)
    rows: list[tuple[float, list[list[Char]]]] = []
    boxes: list[Segment] = []
    for base, group in _baseline_groups(_stream_runs(chars, settings), settings):
        segments: list[list[Char]] = []
        for run in group:
            for seg, right, size in _split_at_gaps(run, settings):
                segments.append(seg)
                boxes.append((BBox(seg[0].x0, base - size, right, base), size))
        segments.sort(key=lambda seg: seg[0].x0)
        rows.append((base, segments))
    gutters = find_gutters(boxes)
    for base, segments in rows:
        cuts = [g for g in gutters if g.top <= base <= g.bottom + 1.0] if gutters else []
        for segment, cells in _join_table_cells(segments, settings, cuts):
            words = _words(segment, settings, shared)
            if words:
                lines.append(Line(tuple(words), page, cells))
    return lines


def _join_table_cells(segments: list[list[Char]], s: LineSettings,
                      cuts: list[Gutter] | None = None) -> list[tuple[list[Char], int]]:
    """Keep a row of short cells (a table or form row) together as one line, never across a
    column gutter in `cuts`."""
    out: list[tuple[list[Char], int]] = []
    streak: list[list[Char]] = []
    streak_right = 0.0

    def flush() -> None:
        if len(streak) >= s.table_row_segments:
            joined: list[Char] = []
            for seg in streak:  # an OCR layer's cells are separate words even where their boxes overlap
                if joined and seg[0].font == OCR_LAYER_FONT:
                    joined.append(replace(seg[0], text=" ", x1=seg[0].x0))
                joined.extend(seg)
            out.append((joined, len(streak)))
        else:
            out.extend((seg, 1) for seg in streak)
        streak.clear()

    for seg in segments:
        size = _dominant_size(seg)
        right = max(c.x1 for c in seg)
        if streak and cuts and any(g.separates(streak_right, seg[0].x0) for g in cuts):
            flush()
        if right - seg[0].x0 <= s.table_cell_width * size:
            streak.append(seg)
            streak_right = right
        else:
            flush()
            out.append((seg, 1))
    flush()
    return out


def _stream_runs(chars: list[Char], s: LineSettings) -> list[list[Char]]:
    runs: list[list[Char]] = []
    current: list[Char] = []
    prev: Char | None = None
    min_overlap = s.min_vertical_overlap
    for ch in chars:
        if ch.text.isspace():
            if current:
                current.append(ch)
            continue
        if prev is not None:  # _continues(prev, ch, s), inlined: it is asked for every glyph of a file
            p_top, p_bottom, c_top, c_bottom = prev.top, prev.bottom, ch.top, ch.bottom
            overlap = min(p_bottom, c_bottom) - max(p_top, c_top)
            smaller = max(min(p_bottom - p_top, c_bottom - c_top), 0.1)
            joins = overlap / smaller >= min_overlap and ch.x0 >= prev.x1 - 0.5 * min(prev.size, ch.size)
        else:
            joins = False
        if joins:
            current.append(ch)
        else:
            if current:
                runs.append(current)
            current = [ch]
        prev = ch
    if current:
        runs.append(current)
    return [_strip_spaces(r) for r in runs if any(not c.text.isspace() for c in r)]


def _continues(prev: Char, ch: Char, s: LineSettings) -> bool:
    overlap = min(prev.bottom, ch.bottom) - max(prev.top, ch.top)
    smaller = max(min(prev.bottom - prev.top, ch.bottom - ch.top), 0.1)
    if overlap / smaller < s.min_vertical_overlap:
        return False
    return ch.x0 >= prev.x1 - 0.5 * min(prev.size, ch.size)


def _strip_spaces(run: list[Char]) -> list[Char]:
    while run and run[-1].text.isspace():
        run.pop()
    return run


def _baseline(run: list[Char], size: float | None = None) -> float:
    if size is None:
        size = _dominant_size(run)
    bottoms = sorted([c.bottom for c in run if not c.text.isspace() and abs(c.size - size) < 0.01])
    return bottoms[len(bottoms) // 2] if bottoms else run[0].bottom


def _dominant_size(chars: list[Char]) -> float:
    first = chars[0].size
    # the common case, spaces included: that size, whichever glyphs count (asked tens of thousands of
    # times a file); not for a zero size, whose sign could differ among equal values
    if first and all(c.size == first for c in chars):
        return first
    sizes = [c.size for c in chars if not c.text.isspace()]
    if not sizes:
        return first
    first = sizes[0]
    if sizes.count(first) == len(sizes):
        return first
    counts: dict[float, int] = {}
    for size in sizes:
        counts[size] = counts.get(size, 0) + 1
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def _baseline_groups(runs: list[list[Char]], s: LineSettings) -> list[tuple[float, list[list[Char]]]]:
    """Runs sharing a baseline (with that baseline), left to right, with fragments of one line
    drawn apart joined."""
    dominant = [_dominant_size(r) for r in runs]  # once per run (asked several times below)
    keyed = sorted(((_baseline(r, dominant[i]), r[0].x0, i) for i, r in enumerate(runs)))
    groups: list[tuple[float, list[list[Char]]]] = []
    group: list[tuple[float, float, int]] = []

    def flush() -> None:
        group.sort(key=lambda t: t[1])
        out: list[list[Char]] = []
        last_size = 0.0  # _dominant_size(out[-1]), kept as out[-1] grows
        for _base, _, i in group:
            run = runs[i]
            run_size = dominant[i]
            if out:
                last = out[-1]
                size = min(last_size, run_size)
                gap = run[0].x0 - max(c.x1 for c in last)
                # a hanging list marker drawn apart from its text ("1." | "De nota …") stays on its
                # line across the marker gap, as within one run (_split_at_gaps)
                reach = s.marker_gap if len(out) == 1 and _is_hanging_marker(last) else s.segment_gap
                if -0.5 * size <= gap <= reach * size and abs(last_size - run_size) < SAME_SIZE:
                    if run[0].font == OCR_LAYER_FONT:  # an OCR layer's word never spans two runs
                        last.append(replace(run[0], text=" ", x1=run[0].x0))
                    last.extend(run)
                    last_size = _dominant_size(last)
                    continue
            out.append(list(run))
            last_size = run_size
        groups.append((group[0][0], out))

    for item in keyed:
        # an OCR layer's words follow the scan's tilt: a line's runs (a hanging number, the text
        # after it) sit a little off each other's baseline, up to `ocr_drift` of their size
        drift = s.ocr_drift if runs[item[2]][0].font == OCR_LAYER_FONT else 0.2
        if group and abs(item[0] - group[0][0]) > drift * dominant[item[2]]:
            flush()
            group = []
        group.append(item)
    if group:
        flush()
    return groups




def _split_at_gaps(run: list[Char], s: LineSettings) -> list[tuple[list[Char], float, float]]:
    """The run cut at gaps wider than a segment gap: each piece with its right edge and the run's
    font size (what the gutter search takes as the piece's box, without another pass)."""
    size = _dominant_size(run)
    segments: list[tuple[list[Char], float, float]] = []
    current: list[Char] = []
    right: float | None = None
    for ch in run:
        if ch.text.isspace():
            if current:
                current.append(ch)
            continue
        gap = ch.x0 - right if right is not None else 0.0
        if right is not None and gap > s.segment_gap * size:
            if not (gap <= s.marker_gap * size and not segments and _is_marker(current)):
                segments.append((_strip_spaces(current), right, size))
                current = []
                right = None
        current.append(ch)
        right = ch.x1 if right is None else max(right, ch.x1)
    if current and right is not None:
        segments.append((_strip_spaces(current), right, size))
    return [seg for seg in segments if seg[0]]


def _is_marker(chars: list[Char]) -> bool:
    return is_marker("".join(c.text for c in chars).strip())


HANGING_MARKER_END = (".", ")", "•", "·", "-", "–", "—", "*", "▪", "■", "○", "◦")


def _is_hanging_marker(chars: list[Char]) -> bool:
    """A marker drawn as a run of its own that stays with the text after it: a number or letter
    closed by "." or ")" ("1.", "b)"), or a bullet; a bare number ("1", a table's Nr. cell) is not."""
    text = "".join(c.text for c in chars).strip()
    return is_marker(text) and text.endswith(HANGING_MARKER_END)


def _words(segment: list[Char], s: LineSettings, shared: dict[float, float] | None = None) -> list[Word]:
    size = _dominant_size(segment)
    base = _baseline(segment, size)
    super_size = s.superscript_size * size  # a glyph at most this size and above `raised` is superscript
    raised = base - s.superscript_raise * size
    word_gap = s.word_gap

    words: list[Word] = []
    current: list[Char] = []
    current_super = False
    prev: Char | None = None
    for ch in segment:
        if ch.text.isspace():
            if current:
                words.append(_word(current, current_super, shared))
                current = []
            prev = None
            continue
        sup = ch.size <= super_size and ch.bottom < raised
        boundary = bool(current) and (
            sup != current_super
            or (prev is not None and ch.x0 - prev.x1 > word_gap * min(ch.size, prev.size))
        )
        if boundary:
            words.append(_word(current, current_super, shared))
            current = []
        current.append(ch)
        current_super = sup
        prev = ch
    if current:
        words.append(_word(current, current_super, shared))
    return words


def _word(chars: list[Char], superscript: bool, shared: dict[float, float] | None = None) -> Word:
    first = chars[0]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    first_size = first.size
    uniform = True
    bold = italic = 0
    font = None
    b = i = False
    for c in chars:  # one pass for what min(), max() and sum() took five (ties keep the first, as they do)
        if c.x0 < x0:
            x0 = c.x0
        if c.top < top:
            top = c.top
        if c.x1 > x1:
            x1 = c.x1
        if c.bottom > bottom:
            bottom = c.bottom
        if c.size != first_size:
            uniform = False
        if c.font is not font:  # a word's glyphs are mostly of one font: its style looked up once
            font = c.font
            b, i = font_style(font)
        bold += b
        italic += i
    n = len(chars)
    # a word's glyphs are never spaces, so one size throughout is _dominant_size's common case
    size = round(first_size if uniform else _dominant_size(chars), 2)
    if shared is not None:  # a page's words repeat a few tops, bottoms and sizes thousands of times:
        # one object per value keeps a long file's pages in a third less memory (zero and NaN are
        # left alone, so -0.0 stays -0.0)
        x0, top, x1, bottom, size = (shared.setdefault(v, v) if v else v for v in (x0, top, x1, bottom, size))
    return Word(
        text=sys.intern("".join([c.text for c in chars])),
        bbox=BBox(x0, top, x1, bottom),
        size=size,
        bold=bold * 2 > n,
        italic=italic * 2 > n,
        superscript=superscript,
    )
