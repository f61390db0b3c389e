"""Running headers, footers and page labels, found across the pages of a PDF.

A line in the top or bottom band of a page is furniture when
- its text, digits masked, recurs at about the same height on other pages ("Nota 2019-… – blad 1"),
- or it is (or ends in) a page label ("Pag. 16", "pag. 3/7", "pagina 2 van 9", "… | 1"),
- or it sits where furniture sits on other pages, in the same size (a chapter tab that changes
  per chapter),
- or it is a line of an official publication's masthead ("GEMEENTEBLAD", "Nr. 12345, 1 maart
  2024", "Gemeenteblad 2024 nr. 12345 2"), on a single page too.
The rules' parameters and patterns live in `rules/page_furniture.toml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.records import Line
from raadsstukken.extractors.rules import read_rules



@dataclass(frozen=True)
class FurnitureRules:
    top_band: float
    bottom_band: float
    min_pages: int
    position_tolerance: float
    clearance: float
    label_at_end: re.Pattern[str]
    label_at_start: re.Pattern[str]
    masthead_band: float = 0.2
    masthead_top: tuple[re.Pattern[str], ...] = ()
    masthead_bottom: tuple[re.Pattern[str], ...] = ()
    label_anywhere: tuple[re.Pattern[str], ...] = ()
    stamp_band: float = 0.0
    stamp: tuple[re.Pattern[str], ...] = ()


@lru_cache(maxsize=1)
def load_rules() -> FurnitureRules:
    data = read_rules("page_furniture")
    labels = data["page_label"]
    keyword = "|".join(f"(?:{p})" for p in labels["keyword_patterns"])
    bare = "|".join(f"(?:{p})" for p in labels["bare_patterns"])
    sep = labels["separator"]
    at_end = rf"(?:^|(?<=\s)|(?<={sep}))(?P<kw>{keyword})\s*$|(?:^|{sep}\s*)(?P<bare>{bare})\s*$"
    at_start = rf"^\s*(?P<kw>{keyword})(?=\s|{sep}|$)|^\s*(?P<bare>{bare})\s*(?:{sep}|$)"
    return FurnitureRules(
        top_band=float(data["bands"]["top"]),
        bottom_band=float(data["bands"]["bottom"]),
        min_pages=int(data["repetition"]["min_pages"]),
        position_tolerance=float(data["repetition"]["position_tolerance"]),
        clearance=float(data["bands"]["clearance"]),
        label_at_end=re.compile(at_end, re.IGNORECASE),
        label_at_start=re.compile(at_start, re.IGNORECASE),
        masthead_band=float(data["masthead"]["band"]),
        masthead_top=tuple(re.compile(p, re.IGNORECASE) for p in data["masthead"]["top"]),
        masthead_bottom=tuple(re.compile(p, re.IGNORECASE) for p in data["masthead"]["bottom"]),
        label_anywhere=tuple(re.compile(p, re.IGNORECASE) for p in labels.get("anywhere", [])),
        stamp_band=float(data["stamp"]["band"]),
        stamp=tuple(re.compile(p, re.IGNORECASE) for p in data["stamp"]["patterns"]),
    )


@dataclass
class PageFurniture:
    """What was found on one page: furniture lines (kept out of the body) and the page label."""

    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)
    page_label: str | None = None
    methods: set[str] = field(default_factory=set)

    def contains(self, line: Line) -> bool:
        return any(line is f for f in self.header) or any(line is f for f in self.footer)

    @property
    def header_text(self) -> str | None:
        return _join(self.header)

    @property
    def footer_text(self) -> str | None:
        return _join(self.footer)

    @property
    def method(self) -> str:
        return "+".join(sorted(self.methods)) if self.methods else "none"


def _join(lines: list[Line]) -> str | None:
    if not lines:
        return None
    ordered = sorted(lines, key=lambda ln: (round(ln.bbox.top), ln.bbox.x0))
    return " | ".join(ln.text for ln in ordered)


def mask(text: str) -> str:
    """Text with digits masked and case and spacing folded, to compare running lines."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.casefold())).strip()


def find_page_label(text: str, rules: FurnitureRules | None = None) -> str | None:
    """The page label a furniture line carries, e.g. 'Pag. 16' or '1/2', or None."""
    rules = rules or load_rules()
    for pattern in (rules.label_at_end, rules.label_at_start):
        m = pattern.search(text)
        if m:
            label = (m.group("kw") or m.group("bare") or "").strip()
            if label:
                return label
    return None


def find_furniture(pages: Sequence[tuple[list[Line], float]], rules: FurnitureRules | None = None) -> list[PageFurniture]:
    """Furniture of every page, given each page's line segments and height."""
    rules = rules or load_rules()
    bands: list[list[tuple[str, Line]]] = []
    for lines, height in pages:
        top_limit, bottom_limit = rules.top_band * height, (1.0 - rules.bottom_band) * height
        inner = [ln.bbox for ln in lines if top_limit <= ln.bbox.center_y <= bottom_limit]
        in_band = []
        for line in lines:
            box = line.bbox
            need = rules.clearance * line.size
            if box.center_y < top_limit:
                if all(b.top - box.bottom >= need for b in inner if b.top > box.top):
                    in_band.append(("top", line))
            elif box.center_y > bottom_limit:
                if all(box.top - b.bottom >= need for b in inner if b.bottom < box.bottom):
                    in_band.append(("bottom", line))
        bands.append(in_band)

    occurrences: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for page_index, in_band in enumerate(bands):
        for band, line in in_band:
            occurrences.setdefault((band, mask(line.text)), []).append((page_index, line.bbox.center_y))

    result = [PageFurniture() for _ in pages]
    slots: list[tuple[str, float, float, float]] = []  # band, y, size, page
    for page_index, in_band in enumerate(bands):
        found = result[page_index]
        for band, line in in_band:
            method = None
            ys = occurrences[(band, mask(line.text))]
            y = line.bbox.center_y
            pages_here = {p for p, oy in ys if abs(oy - y) <= rules.position_tolerance}
            if len(pages_here) >= rules.min_pages:
                method = "repeated"
            label = find_page_label(line.text, rules)
            if label is not None:
                method = method or "page_label"
                if found.page_label is None or band == "bottom":
                    found.page_label = label
            if method:
                (found.header if band == "top" else found.footer).append(line)
                found.methods.add(method)
                slots.append((band, y, line.size, page_index))

    for page_index, (lines, height) in enumerate(pages):
        found = result[page_index]
        for line in lines:
            y = line.bbox.center_y
            top = y < rules.masthead_band * height and any(p.match(line.text.strip()) for p in rules.masthead_top)
            bottom = y > (1 - rules.masthead_band) * height and any(p.match(line.text.strip()) for p in rules.masthead_bottom)
            if (top or bottom) and not found.contains(line):
                (found.header if top else found.footer).append(line)
                found.methods.add("masthead")
            elif y < rules.stamp_band * height and not found.contains(line) \
                    and any(p.match(line.text.strip()) for p in rules.stamp):
                found.header.append(line)
                found.methods.add("stamp")
            elif not found.contains(line) and any(p.match(line.text.strip()) for p in rules.label_anywhere):
                (found.header if y < height / 2 else found.footer).append(line)
                found.methods.add("page_label")
                if found.page_label is None:
                    found.page_label = line.text.strip()
    for page_index, in_band in enumerate(bands):
        found = result[page_index]
        for band, line in in_band:
            if found.contains(line):
                continue
            y = line.bbox.center_y
            other_pages = {p for b, sy, size, p in slots
                           if b == band and p != page_index and abs(sy - y) <= rules.position_tolerance / 3
                           and abs(size - line.size) < 0.3}
            if len(other_pages) >= rules.min_pages:
                (found.header if band == "top" else found.footer).append(line)
                found.methods.add("position")
    return result
