"""Ruled grids: regions of a page that its drawn rules divide into cells on every side.

A Word, iBabs or Notubiz table or field grid prints a rule round every cell; the words inside it
are cells (labels, header cells, values), whatever their type. The page layer keeps the boxes of
those grids (`PageLayout.grids`) so that later layers can tell a bold label cell from a bold
heading. Rules are drawn lines and the sides of drawn rectangles (a filled cell's background
counts: its sides are the cell's edges); rules that touch form one grid, which counts when it
has at least `min_rules` distinct horizontal and vertical rules (two rows and two columns). A shape
that reaches the page's edge (a coloured band across the top, a tinted panel down the side, printed
to the bleed) is the page's decoration, not a table's rule: a table stands inside the margins.
Parameters in rules/rulings.toml.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Sequence

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class RulingRules:
    max_thickness: float
    join_tolerance: float
    min_rules: int
    min_length: float
    max_segments: int
    edge: float = 0.0
    frame_share: float = 1.0


@lru_cache(maxsize=1)
def load_rules() -> RulingRules:
    r = read_rules("rulings")
    return RulingRules(float(r["max_thickness"]), float(r["join_tolerance"]), int(r["min_rules"]),
                       float(r["min_length"]), int(r["max_segments"]), float(r["edge"]),
                       float(r["text_frame"]["min_height_share"]))


@dataclass(frozen=True)
class _Rule:
    horizontal: bool
    at: float
    """y of a horizontal rule, x of a vertical one."""
    start: float
    end: float


def rules_of(boxes: Iterable[tuple[float, float, float, float, bool]], page: BBox | None = None) -> list[_Rule]:
    """The rules among drawn shapes given as (x0, top, x1, bottom, is_rectangle): a thin shape is a
    rule; a rectangle's four sides are rules. A shape reaching an edge of the `page` box (within
    rules/rulings.toml `edge` points) is decoration printed to the bleed, no rule."""
    r = load_rules()
    out: list[_Rule] = []
    for x0, top, x1, bottom, rect in boxes:
        if page is not None and (x0 <= page.x0 + r.edge or top <= page.top + r.edge
                                 or x1 >= page.x1 - r.edge or bottom >= page.bottom - r.edge):
            continue
        w, h = x1 - x0, bottom - top
        if h <= r.max_thickness and w >= r.min_length:
            out.append(_Rule(True, (top + bottom) / 2, x0, x1))
        elif w <= r.max_thickness and h >= r.min_length:
            out.append(_Rule(False, (x0 + x1) / 2, top, bottom))
        elif rect and w >= r.min_length and h >= r.min_length / 2:
            out += [_Rule(True, top, x0, x1), _Rule(True, bottom, x0, x1),
                    _Rule(False, x0, top, bottom), _Rule(False, x1, top, bottom)]
    return out


def _touch(a: _Rule, b: _Rule, tol: float) -> bool:
    if a.horizontal == b.horizontal:
        return abs(a.at - b.at) <= tol and a.start <= b.end + tol and b.start <= a.end + tol
    h, v = (a, b) if a.horizontal else (b, a)
    return h.start - tol <= v.at <= h.end + tol and v.start - tol <= h.at <= v.end + tol


def _distinct(values: Sequence[float], tol: float) -> int:
    n, last = 0, None
    for v in sorted(values):
        if last is None or v - last > tol:
            n += 1
        last = v
    return n


def find_grids(rules: Sequence[_Rule]) -> list[BBox]:
    """Boxes of the ruled grids the rules form, top to bottom."""
    return find_regions(rules)[0]


def find_regions(rules: Sequence[_Rule], page_height: float | None = None) -> tuple[list[BBox], list[BBox]]:
    """The boxes of the ruled grids the rules form, and of the text frames in them, top to bottom.

    A row of a grid that is one cell across its whole width and at least rules/rulings.toml
    [text_frame] `min_height_share` of the `page_height` tall is the frame round the page's text (a
    frame under a title block ruled into cells, its sides running on down the page): the grid is
    kept whole (its rows are read in order, the title block's and the text's), but the text in that
    frame is running text, no cell (`PageLayout.cell_grids`)."""
    r = load_rules()
    if len(rules) > r.max_segments:
        return [], []
    tol = r.join_tolerance
    parent = list(range(len(rules)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(rules)), key=lambda i: (rules[i].at, rules[i].start))
    horizontals = [i for i in order if rules[i].horizontal]
    verticals = [i for i in order if not rules[i].horizontal]
    for group in (horizontals, verticals):  # collinear pieces of one rule, neighbours in this order
        for i, j in zip(group, group[1:]):
            if _touch(rules[i], rules[j], tol):
                parent[root(i)] = root(j)
    xs = [rules[i].at for i in verticals]
    for i in horizontals:  # the verticals within the horizontal's span, found by bisection
        h = rules[i]
        for j in verticals[bisect_left(xs, h.start - tol):bisect_right(xs, h.end + tol)]:
            if _touch(h, rules[j], tol):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(root(i), []).append(rule)
    grids, frames = [], []
    for members in groups.values():
        hs = [m.at for m in members if m.horizontal]
        vs = [m.at for m in members if not m.horizontal]
        if _distinct(hs, tol) >= r.min_rules and _distinct(vs, tol) >= r.min_rules:
            x0 = min(m.start if m.horizontal else m.at for m in members)
            x1 = max(m.end if m.horizontal else m.at for m in members)
            top = min(m.at if m.horizontal else m.start for m in members)
            bottom = max(m.at if m.horizontal else m.end for m in members)
            grids.append(BBox(x0, top, x1, bottom))
            if page_height:
                frames += [BBox(x0, a, x1, b) for a, b in _text_frames(members, tol, r.frame_share * page_height)]
    return sorted(grids, key=lambda b: (b.top, b.x0)), sorted(frames, key=lambda b: (b.top, b.x0))


def _text_frames(members: list[_Rule], tol: float, tallest: float) -> list[tuple[float, float]]:
    """The (top, bottom) of each band of a grid between two consecutive horizontal rules that is at
    least `tallest` high and that no vertical rule divides inside the grid's sides (one cell
    across): a frame holding the page's running text, no table row."""
    hs = sorted({round(m.at, 1) for m in members if m.horizontal})
    verticals = [m for m in members if not m.horizontal]
    if len(hs) < 2 or not verticals:
        return []
    left, right = min(v.at for v in verticals), max(v.at for v in verticals)
    return [(a, b) for a, b in zip(hs, hs[1:])
            if b - a >= tallest and not any(left + tol < v.at < right - tol and v.start < b - tol and v.end > a + tol
                                            for v in verticals)]
