"""Running headers, footers and page labels, found across the pages of a PDF.

A line in the top or bottom band of a page is furniture when
- its text, digits masked, recurs at about the same height on other pages ("Nota 2019-… – blad 1"),
- or it is (or ends in) a page label ("Pag. 16", "pag. 3/7", "pagina 2 van 9", "… | 1"),
- or it sits where furniture sits on other pages, in the same size (a chapter tab that changes
  per chapter),
- or it is a line of an official publication's masthead ("GEMEENTEBLAD", "Nr. 12345, 1 maart
  2024", "Gemeenteblad 2024 nr. 12345 2"), on a single page too,
- or, at the page's top edge, it is a navigation path ("Gemeente X › Raad › 3 maart 2031 › 6.a", a
  council information system's or a site's breadcrumb), on a single page too,
- or it stands on the row of a browser's print header or footer (the print date and time, the
  page's address), on a single page too,
- or, on a following page that carries a page label, it stands in the top band in type smaller
  than the page's text and carries the paper's date or number (a reference line: "Gemeente X,
  besluitenlijst 3 maart 2031", "Datum … Ons kenmerk …"), on a single page too; a body's name
  alone there is the letterhead of a paper that may start on that page.
A head box of labels over values that repeats a label and value pair the same page's furniture prints
(a template's document-control box: "Documentnummer" over the number its running foot prints) is
furniture as a whole (`control_boxes.py`).
A line beside the body, in a narrow right-hand column, is furniture when it recurs at the same place
on the next or previous page (a letter's running sidebar: its unit and "Ons kenmerk" on every
following page). A narrow column at either side of the body that prints the page's worded label on
a line of its own ("Blad 1", "Pagina 2 van 3") in type smaller than the text is the page's sidebar
as a whole, on a single page too (a template's tinted side panel: its document number,
classification and sheet number).
On OCR'd pages a running line reads a little differently and sits a few points off from page to
page: it is matched by position within a tolerance and by similar masked text (`similar`).
The rules' parameters and patterns live in `rules/page_furniture.toml`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.layout.control_boxes import control_box_lines
from raadsstukken.extractors.layout.line_numbers import find_line_numbers
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
    print_band: float = 0.0
    print_lines: tuple[re.Pattern[str], ...] = ()
    similarity: float = 1.0
    fuzzy_min_letters: int = 8
    sidebar_min_x: float = 1.0
    sidebar_column_share: float = 0.0
    sidebar_similarity: float = 1.0
    sidebar_min_letters: int = 3
    sidebar_whole: float = 1.0
    sidebar_label_size: float = 0.0
    """Largest size, as a share of the file's text size, of a sidebar that prints the page label."""
    strip_band: float = 0.0
    """Share of the page height, from the top edge, of a template's strip that repeats a head row."""
    strip_min_letters: int = 4
    crumb_band: float = 0.0
    """Share of the page height, from the top edge, where a navigation path is furniture."""
    crumb_separator: re.Pattern[str] = re.compile(r"(?!)")
    crumb_parts: int = 3
    record_key: tuple[re.Pattern[str], ...] = ()
    """A row that is an information system's key of the record it prints ("ID 123456")."""
    label_line: float = 0.0
    """How far (in font sizes) a band segment's centre may stand from a page label's to share its line."""
    continuation_size: float = 0.0
    """Largest size, as a share of the page's text size, of a following page's reference line."""


def _browser_print_row(line: Line, lines: Sequence[Line], rules: FurnitureRules) -> bool:
    """Whether a line stands on the row of a browser's print header or footer: the row holds a
    print date and time or a page's address ("file:///…", "https://…"), also on a single page."""
    row = [ln for ln in lines if abs(ln.bbox.center_y - line.bbox.center_y) <= 0.5 * line.bbox.height]
    return any(p.match(ln.text.strip()) for ln in row for p in rules.print_lines)


def _breadcrumb(text: str, rules: FurnitureRules) -> bool:
    """Whether a line is a navigation path: at least `crumb_parts` parts with words, joined by a path
    separator ("Gemeente X › Raad › 3 maart 2031 › 6.a")."""
    parts = rules.crumb_separator.split(text.strip())
    return len(parts) >= rules.crumb_parts and all(any(ch.isalnum() for ch in part) for part in parts)


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
        print_band=float(data["browser_print"]["band"]),
        print_lines=tuple(re.compile(p, re.IGNORECASE) for p in data["browser_print"]["patterns"]),
        similarity=float(data["repetition"]["similarity"]),
        fuzzy_min_letters=int(data["repetition"]["fuzzy_min_letters"]),
        sidebar_min_x=float(data["sidebar"]["min_x"]),
        sidebar_column_share=float(data["sidebar"]["column_share"]),
        sidebar_similarity=float(data["sidebar"]["similarity"]),
        sidebar_min_letters=int(data["sidebar"]["min_letters"]),
        sidebar_whole=float(data["sidebar"]["whole"]),
        sidebar_label_size=float(data["sidebar"]["label_size_share"]),
        strip_band=float(data.get("strip", {}).get("band", 0.0)),
        strip_min_letters=int(data.get("strip", {}).get("min_letters", 4)),
        record_key=tuple(re.compile(p) for p in data.get("record_key", {}).get("patterns", [])),
        crumb_band=float(data["breadcrumb"]["band"]),
        crumb_separator=re.compile(data["breadcrumb"]["separator"]),
        crumb_parts=int(data["breadcrumb"]["min_parts"]),
        label_line=float(labels.get("same_line", 0.0)),
        continuation_size=float(data["continuation"]["max_size_share"]),
    )


@dataclass
class PageFurniture:
    """What was found on one page: furniture lines (kept out of the body) and the page label."""

    header: list[Line] = field(default_factory=list)
    footer: list[Line] = field(default_factory=list)
    page_label: str | None = None
    methods: set[str] = field(default_factory=set)
    sidebar: list[Line] = field(default_factory=list)
    """The running sidebar's lines, also in `header` or `footer`."""

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


def _letters(text: str, masked: bool = True) -> str:
    """The text's letters, digits (masked as '#' unless `masked` is false) and single spaces,
    case folded: what two readings of one running line share (OCR reads its punctuation,
    ligatures and accents unevenly)."""
    folded = unicodedata.normalize("NFKC", mask(text) if masked else text.casefold())
    return " ".join("".join(ch for ch in word if ch.isalnum() or ch == "#") for word in folded.split()).strip()


def similar(a: str, b: str, threshold: float, min_letters: int, masked: bool = True) -> bool:
    """Two readings of one running line: `_letters` equal, or (both at least `min_letters` long)
    at least `threshold` alike (difflib ratio; OCR misreads a letter or two: 'Programmadiractie').
    A page's running line masks its digits (a page number); a sidebar's does not (its date and
    reference repeat as they are; another letter's do not)."""
    la, lb = _letters(a, masked), _letters(b, masked)
    if not la or not lb:
        return False
    if la == lb:
        return True
    n = min(len(la.replace(" ", "")), len(lb.replace(" ", "")))
    if n < min_letters:
        return False
    matcher = SequenceMatcher(None, la, lb, autojunk=False)
    return matcher.real_quick_ratio() >= threshold and matcher.quick_ratio() >= threshold \
        and matcher.ratio() >= threshold


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


def _worded_label(text: str, rules: FurnitureRules) -> bool:
    """Whether a line carries a page label with its word ("Pagina 1 van 1", "blz. 2/3"): a bare
    number after a dash ("35851-71") may be a paper's number, not its page."""
    return any((m := p.search(text)) is not None and bool(m.group("kw")) for p in (rules.label_at_end, rules.label_at_start))


def find_furniture(pages: Sequence[tuple[list[Line], float]], rules: FurnitureRules | None = None,
                   widths: Sequence[float] | None = None) -> list[PageFurniture]:
    """Furniture of every page, given each page's line segments and height (and, for running
    sidebars, its width)."""
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
            if len(pages_here) < rules.min_pages:
                pages_here |= _similar_pages(bands, page_index, band, line, rules)
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
            elif (y < rules.print_band * height or y > (1 - rules.print_band) * height) and not found.contains(line) \
                    and _browser_print_row(line, lines, rules):
                (found.header if y < height / 2 else found.footer).append(line)
                found.methods.add("browser_print")
            elif y < rules.crumb_band * height and not found.contains(line) and _breadcrumb(line.text, rules):
                found.header.append(line)
                found.methods.add("breadcrumb")
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
    # a head or foot line that holds a worded page label ("Gemeente X | Brief | 3-4-2031 … Pagina 1 van 1")
    # is furniture as a whole, repeated or not: its segments on the label's baseline go with it
    for page_index, in_band in enumerate(bands):
        found = result[page_index]
        labelled = [ln for _, ln in in_band if found.contains(ln) and _worded_label(ln.text, rules)]
        for band, line in in_band:
            if not found.contains(line) and any(abs(line.bbox.center_y - ln.bbox.center_y) <= rules.label_line * line.size
                                                for ln in labelled):
                (found.header if band == "top" else found.footer).append(line)
                found.methods.add("page_label")
    for page_index, (lines, height) in enumerate(pages):
        found = result[page_index]
        for line in _head_row_copies(lines, height, found, rules) + _record_keys(lines, found, rules):
            (found.header if line.bbox.center_y < height / 2 else found.footer).append(line)
            found.methods.add("strip" if line.bbox.center_y < rules.strip_band * height else "record_key")
    size = _text_size([ln for lines, _ in pages for ln in lines])  # the file's text (a following page may hold a line or two)
    for page_index, in_band in enumerate(bands):
        found = result[page_index]
        if page_index == 0 or found.page_label is None:
            continue
        for band, line in in_band:
            if band == "top" and not found.contains(line) and line.size <= rules.continuation_size * size \
                    and any(ch.isalpha() for ch in line.text) and any(ch.isdigit() for ch in line.text):
                found.header.append(line)  # a following page's reference line ("Gemeente X, besluitenlijst …")
                found.methods.add("continuation")
    for page_index, (lines, _) in enumerate(pages):
        found = result[page_index]
        numbers = [ln for ln in find_line_numbers(lines) if not found.contains(ln)]
        if numbers:  # recorded with the page's footer: the contract has no margin field
            found.footer.extend(numbers)
            found.methods.add("line_numbers")
    if widths is not None:
        sidebars = _sidebars(pages, widths, result, rules)
        panels: list[list[Line]] = []
        for page_index, lines in enumerate(sidebars):
            taken = {id(ln) for ln in lines}
            panels.append([ln for ln in _labelled_sidebar(pages[page_index][0], widths[page_index], result[page_index],
                                                          size, rules) if id(ln) not in taken])
        for page_index, lines in enumerate(sidebars):
            height = pages[page_index][1]
            found = result[page_index]
            for line in lines + panels[page_index]:
                (found.header if line.bbox.center_y < height / 2 else found.footer).append(line)
                found.methods.add("sidebar")
            # a letter's running sidebar prints its own fields (kenmerk, date, unit), read where its text has
            # none; a template's side panel that carries the page label prints the template's register number
            # and classification on every sheet: furniture only (bench/README, "Numbers the template prints")
            found.sidebar.extend(lines)
    for page_index, (lines, height) in enumerate(pages):
        found = result[page_index]  # a head box of labels over values that repeats this page's furniture
        boxed = control_box_lines([ln for ln in lines if not found.contains(ln)], found.header + found.footer)
        for line in boxed:
            (found.header if line.bbox.center_y < height / 2 else found.footer).append(line)
            found.methods.add("control_box")
    return result


def _rows(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines that share a baseline (a label and its value in two columns), left to right."""
    rows: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.bbox.center_y, ln.bbox.x0)):
        if rows and abs(rows[-1][0].bbox.center_y - line.bbox.center_y) <= 0.5 * min(rows[-1][0].bbox.height,
                                                                                     line.bbox.height):
            rows[-1].append(line)
        else:
            rows.append([line])
    return [sorted(row, key=lambda ln: ln.bbox.x0) for row in rows]


_HEAD_ROW = re.compile(r"^(?P<label>[^\W\d_][\w()/.-]*(?: [\w()/.-]+){0,3})\s*:\s*(?P<value>\S.*)$")


def _squashed(text: str) -> str:
    return " ".join(re.sub(r"[:…]|\.{3}", " ", text).casefold().split())


def _head_row_copies(lines: Sequence[Line], height: float, found: PageFurniture, rules: FurnitureRules) -> list[Line]:
    """Lines of a strip at the page's top edge that repeat one of the page's head rows ("Datum: 3 maart
    2031" over the paper's "Datum | 3 maart 2031" row; a value cut short with an ellipsis): the template
    prints the row there on every page, also on a single one."""
    if rules.strip_band <= 0:
        return []
    strip = [ln for ln in lines if ln.bbox.center_y < rules.strip_band * height and not found.contains(ln)
             and _HEAD_ROW.match(ln.text.strip())]
    if not strip:
        return []
    below = [_squashed(" ".join(ln.text for ln in row)) for row in _rows([ln for ln in lines if ln not in strip])
             if row[0].bbox.center_y >= rules.strip_band * height]
    out = []
    for line in strip:
        text = _squashed(line.text)
        if sum(ch.isalpha() for ch in text) >= rules.strip_min_letters and any(row.startswith(text) for row in below):
            out.append(line)
    return out


def _record_keys(lines: Sequence[Line], found: PageFurniture, rules: FurnitureRules) -> list[Line]:
    """The lines of a row that is only an information system's key of the record ("ID" | "123456")."""
    out: list[Line] = []
    for row in _rows([ln for ln in lines if not found.contains(ln)]):
        text = " ".join(ln.text.strip() for ln in row)
        if any(p.match(text) for p in rules.record_key):
            out += row
    return out


def _text_size(lines: Sequence[Line]) -> float:
    """The size most of the lines' letters are set in (to half a point)."""
    counts: dict[float, int] = {}
    for line in lines:
        key = round(line.size * 2) / 2
        counts[key] = counts.get(key, 0) + len(line.text)
    return max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0] if counts else 0.0


FIELD_LINE = re.compile(r"^\s*[^\W\d_][\w ]{0,30}:\s*\S")
"""A line that opens with a label and its colon ("Van: …", "Datum: …"): a field whose value
changes from page to page; only an exact (digits-masked) repeat makes it running text."""


def _similar_pages(bands: list[list[tuple[str, Line]]], page_index: int, band: str, line: Line,
                   rules: FurnitureRules) -> set[int]:
    """Pages whose band has a line at the same height reading like `line` (an OCR'd running line:
    'Gemeente Oosterveld' and 'Gemeente 0osterveld'), this page included when there are any."""
    if FIELD_LINE.match(line.text):
        return set()  # "Van: a.visser@…" and "Van: j.bakker@…": a field with other values, not one line misread
    y = line.bbox.center_y
    found = {p for p, in_band in enumerate(bands) if p != page_index
             for b, other in in_band
             if b == band and abs(other.bbox.center_y - y) <= rules.position_tolerance
             and similar(line.text, other.text, rules.similarity, rules.fuzzy_min_letters)}
    return found | {page_index} if found else set()


def _letter_count(line: Line) -> int:
    return sum(map(str.isalnum, line.text))


def _sidebar_candidates(lines: list[Line], width: float, taken: PageFurniture,
                        rules: FurnitureRules) -> list[Line]:
    """Lines of a page that stand in a narrow right-hand column beside the body: right of the
    rules' share of the width, no body line reaching into their column near them, the column
    holding a small share of the page's letters."""
    total = sum(_letter_count(ln) for ln in lines) or 1
    tol = rules.position_tolerance
    out = []
    for line in lines:
        box = line.bbox
        if taken.contains(line) or box.x0 < rules.sidebar_min_x * width \
                or len(_letters(line.text, masked=False).replace(" ", "")) < rules.sidebar_min_letters:
            continue
        near = 3 * line.size
        if any(o.bbox.x0 < box.x0 - tol and o.bbox.x1 > box.x0 + tol
               and o.bbox.bottom > box.top - near and o.bbox.top < box.bottom + near for o in lines):
            continue  # a body line runs on into it: part of the body, not beside it
        column = sum(_letter_count(o) for o in lines if o.bbox.x0 >= box.x0 - tol)
        if column <= rules.sidebar_column_share * total:
            out.append(line)
    return out


def _labelled_sidebar(lines: list[Line], width: float, taken: PageFurniture, size: float,
                      rules: FurnitureRules) -> list[Line]:
    """The lines of a narrow column at either side of the body that holds the page's worded label
    on a line of its own ("Blad 1", "Pagina 2 van 3", outside the head and foot bands): the lines
    aligned with the label (left or right edge), all set at most `sidebar.label_size_share` of the
    file's text `size`, no other line reaching into the column beside them, the column holding at
    most `sidebar.column_share` of the page's letters. Empty when there is none."""
    tol = rules.position_tolerance
    total = sum(_letter_count(ln) for ln in lines) or 1
    for label in lines:
        text = label.text.strip()
        m = rules.label_at_start.match(text)
        box = label.bbox
        side = box.x1 <= (1 - rules.sidebar_min_x) * width or box.x0 >= rules.sidebar_min_x * width
        if taken.contains(label) or m is None or not m.group("kw") or m.end() != len(text) or not side \
                or label.size > rules.sidebar_label_size * size:
            continue
        column = [ln for ln in lines if not taken.contains(ln)
                  and (abs(ln.bbox.x0 - box.x0) <= tol or abs(ln.bbox.x1 - box.x1) <= tol)
                  and ((ln.bbox.x1 <= (1 - rules.sidebar_min_x) * width) if box.x1 < width / 2
                       else ln.bbox.x0 >= rules.sidebar_min_x * width)]
        if any(ln.size > rules.sidebar_label_size * size for ln in column):
            continue
        x0, x1 = min(ln.bbox.x0 for ln in column), max(ln.bbox.x1 for ln in column)
        top, bottom = min(ln.bbox.top for ln in column), max(ln.bbox.bottom for ln in column)
        ids = {id(ln) for ln in column}
        if any(id(o) not in ids and o.bbox.x0 < x1 and o.bbox.x1 > x0 and o.bbox.bottom > top and o.bbox.top < bottom
               for o in lines):
            continue  # a line of the body runs into the column: no sidebar beside the body
        if sum(_letter_count(ln) for ln in column) <= rules.sidebar_column_share * total:
            return column
    return []


def _sidebars(pages: Sequence[tuple[list[Line], float]], widths: Sequence[float],
              found: list[PageFurniture], rules: FurnitureRules) -> list[list[Line]]:
    """Each page's running-sidebar lines: candidates (`_sidebar_candidates`) that the page before
    or after repeats at the same place (x0 or x1 and top within the tolerance) in similar text,
    in a column that repeats as a whole (`sidebar_whole` of its letters: a form's labels repeat,
    its values do not). The first page of a run keeps its lines (a letter's first sidebar carries
    its fields) unless an earlier page prints a like line elsewhere right of the margin (the
    fuller colofon of a letter's first page, which stays text)."""
    tol = rules.position_tolerance
    candidates = [_sidebar_candidates(lines, width, taken, rules)
                  for (lines, _), width, taken in zip(pages, widths, found)]

    def alike(a: Line, b: Line) -> bool:
        return similar(a.text, b.text, rules.sidebar_similarity, rules.sidebar_min_letters, masked=False)

    def same(a: Line, b: Line) -> bool:
        return (abs(a.bbox.x0 - b.bbox.x0) <= tol or abs(a.bbox.x1 - b.bbox.x1) <= tol) \
            and abs(a.bbox.top - b.bbox.top) <= tol and alike(a, b)

    def repeated_on(page_index: int, line: Line) -> bool:
        return 0 <= page_index < len(candidates) and any(same(line, o) for o in candidates[page_index])

    out: list[list[Line]] = [[] for _ in pages]
    for page_index, lines in enumerate(candidates):
        before = {id(ln) for ln in lines if repeated_on(page_index - 1, ln)}
        after = {id(ln) for ln in lines if repeated_on(page_index + 1, ln)}
        for line in lines:
            if id(line) not in before | after:
                continue
            column = [o for o in lines if abs(o.bbox.x0 - line.bbox.x0) <= tol]
            kept = sum(_letter_count(o) for o in column if id(o) in before | after)
            if kept < rules.sidebar_whole * sum(_letter_count(o) for o in column):
                continue
            if id(line) not in before:  # the first page of its run
                stated = any(alike(line, o) and abs(o.bbox.top - line.bbox.top) > tol
                             for (earlier, _), width in zip(pages[:page_index], widths[:page_index])
                             for o in earlier if o.bbox.x0 >= rules.sidebar_min_x * width)
                if not stated:
                    continue
            out[page_index].append(line)
    return out
