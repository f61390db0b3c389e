"""Form reading: the rows and cells of a page, label/value fields and checkbox states.

Council papers carry their metadata in form tables (ruled or not), in `label : value` lines and in
label/value columns. All three become rows of cells here: the line segments of a page that share
a baseline, cut at wide gaps, left to right. A field's value is the rest of its label cell, else
the next cell to the right, else the cell right below it.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Callable, Sequence

from raadsstukken.extractors.layout.clustering import cluster_rows
from raadsstukken.extractors.layout.dehyphenate import join_running_text
from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.records import Block, Line, PageLayout, Word
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.headings import load_rules as heading_rules
from raadsstukken.extractors.text.normalize import is_marker, list_marker

CELL_GAP = 1.2
"""A gap wider than this many font sizes between two words separates two cells."""


class CheckboxState(str, Enum):
    TICKED = "ticked"
    EMPTY = "empty"


@dataclass(frozen=True)
class CheckboxGlyphs:
    ticked: frozenset[str]
    empty: frozenset[str]


@lru_cache(maxsize=1)
def checkbox_glyphs() -> CheckboxGlyphs:
    data = read_rules("checkboxes")
    return CheckboxGlyphs(frozenset(data["ticked"]), frozenset(data["empty"]))


@dataclass(frozen=True)
class Cell:
    text: str
    bbox: BBox
    page: int
    bold: bool

    @property
    def checkbox(self) -> CheckboxState | None:
        """State of a checkbox that opens the cell, if any."""
        first = self.text[:1]
        glyphs = checkbox_glyphs()
        if first in glyphs.ticked:
            return CheckboxState.TICKED
        if first in glyphs.empty:
            return CheckboxState.EMPTY
        return None

    @property
    def label(self) -> str:
        """The cell's text without a leading checkbox glyph."""
        return self.text[1:].strip() if self.checkbox else self.text


def boxes_in(cell: Cell) -> list[tuple[CheckboxState, str]]:
    """The checkboxes a cell prints inline, each with its label ("☐ College ☒ Raad" gives
    (EMPTY, "College"), (TICKED, "Raad"))."""
    glyphs = checkbox_glyphs()
    if glyphs.ticked.isdisjoint(cell.text) and glyphs.empty.isdisjoint(cell.text):
        return []  # no box in the cell (most cells): nothing to read character by character
    found: list[tuple[CheckboxState, str]] = []
    state: CheckboxState | None = None
    label: list[str] = []
    for ch in cell.text + "\0":
        if ch in glyphs.ticked or ch in glyphs.empty or ch == "\0":
            if state is not None and "".join(label).strip():
                found.append((state, "".join(label).strip()))
            state = CheckboxState.TICKED if ch in glyphs.ticked else CheckboxState.EMPTY
            label = []
        else:
            label.append(ch)
    return found


@dataclass(frozen=True)
class Row:
    cells: tuple[Cell, ...]

    @property
    def top(self) -> float:
        return min(c.bbox.top for c in self.cells)

    @property
    def bottom(self) -> float:
        return max(c.bbox.bottom for c in self.cells)


def line_cells(line: Line, hanging_markers: bool = False) -> list[Cell]:
    """A line segment cut into cells at gaps wider than CELL_GAP font sizes; with
    `hanging_markers`, a list marker set apart from its text ("1." | "Verordening") is one cell with
    it (a form's listed value; a table keeps a number column of its own)."""
    cells: list[list[Word]] = []
    for word in line.words:
        if word.superscript:
            continue
        if cells and word.bbox.x0 - cells[-1][-1].bbox.x1 > CELL_GAP * min(word.size, cells[-1][-1].size):
            cells.append([word])
        elif cells:
            cells[-1].append(word)
        else:
            cells.append([word])
    for k in range(len(cells) - 2, -1, -1) if hanging_markers else ():
        if len(cells[k]) == 1 and is_marker(cells[k][0].text):
            cells[k:k + 2] = [cells[k] + cells[k + 1]]  # a hanging list item: its marker and its text
    return [Cell(" ".join(w.text for w in ws), union_all(w.bbox for w in ws), line.page,
                 sum(w.bold for w in ws) * 2 > len(ws)) for ws in cells]


ROWS_MEMO_PAGES = 8
"""Pages whose rows `page_rows` keeps (the latest asked for)."""
_rows_memo: OrderedDict[tuple[int, ...], tuple[tuple[Line, ...], tuple[Row, ...]]] = OrderedDict()


def page_rows(page: PageLayout) -> list[Row]:
    """Rows of cells of a page, top to bottom; cells of a row left to right.

    The rows depend only on the page's lines (immutable records), so the rows of the same lines,
    in the same blocks' order, are made once and handed out again (a new list of the same rows):
    the split, the metadata, the kind field and the date line each ask for a document's first
    pages' rows, four times a page over the dev corpus. The memo holds the lines it was made from
    (so their ids stay theirs) and the last ROWS_MEMO_PAGES pages only."""
    lines = tuple(line for block in page.blocks for line in block.lines)
    key = tuple(map(id, lines))
    kept = _rows_memo.get(key)
    if kept is not None:
        _rows_memo.move_to_end(key)
        return list(kept[1])
    cells = [c for line in lines for c in line_cells(line, hanging_markers=True)]
    rows = [Row(tuple(r)) for r in cluster_rows(cells, lambda c: c.bbox)]
    _rows_memo[key] = (lines, tuple(rows))
    while len(_rows_memo) > ROWS_MEMO_PAGES:
        _rows_memo.popitem(last=False)
    return rows


@dataclass(frozen=True)
class FieldValue:
    """A value read for a label: its text, where it was printed and how it was found."""

    text: str
    label: Cell
    cells: tuple[Cell, ...]
    method: str

    @property
    def page(self) -> int:
        return self.label.page


@lru_cache(maxsize=1)
def _plural_mark() -> re.Pattern[str]:
    return re.compile(read_rules("metadata")["form"]["plural_mark"], re.IGNORECASE)


def label_length(cell: Cell, patterns: Sequence[re.Pattern[str]]) -> int | None:
    """How many characters of the cell the longest matching label covers, or None; a plural mark
    printed right after the label's word ("Opsteller(s)", "Indiener(s)") is part of the label."""
    text = cell.label.strip()
    best: int | None = None
    for p in patterns:
        m = p.match(text)
        if m:
            end = m.end()
            rest = text[end:]
            if end and text[end - 1].isalnum() and (
                    rest[:1].isalnum() or (rest[:1] in "'’" and rest[1:2].isalnum())):
                continue  # the label is only the start of a longer word ("programma's")
            plural = _plural_mark().match(rest) if end and text[end - 1].isalpha() else None
            if plural is not None:
                end += plural.end()
            if best is None or end > best:
                best = end
    return best


def _after_label(cell: Cell, patterns: Sequence[re.Pattern[str]]) -> str:
    """The cell's text right after its label, unstripped of a colon."""
    return cell.label.strip()[label_length(cell, patterns) or 0:].lstrip()


def match_label(cell: Cell, patterns: Sequence[re.Pattern[str]]) -> str | None:
    """The rest of the cell after a matching label ('' when the label fills it), or None."""
    end = label_length(cell, patterns)
    if end is None:
        return None
    return cell.label.strip()[end:].strip().lstrip(":").strip()


def find_field(rows: Sequence[Row], patterns: Sequence[re.Pattern[str]], is_label,
               continuation: bool = False, longer: Sequence[re.Pattern[str]] = (),
               accept: Callable[[str], bool] | None = None) -> FieldValue | None:
    """The value printed with the first cell whose label matches `patterns`.

    `is_label(cell)` tells cells that are themselves labels (never taken as a value).
    With `continuation`, lines right below the value, aligned with it, are added (long values).
    With `accept`, a value it refuses is passed over for the label's next occurrence (a date
    field's label in a line that holds no date: "Collegevergadering Oost" as a title).
    A cell whose label one of the `longer` patterns (other fields' labels) covers further belongs
    to that field: "Datum besluit" is not a "Datum".
    """
    empty: FieldValue | None = None
    for r, row in enumerate(rows):
        if is_header_row(row) and not _label_boxes(rows, r):
            continue
        for c, cell in enumerate(row.cells):
            rest = match_label(cell, patterns)
            if rest is None:
                continue
            other = label_length(cell, longer) if longer else None
            if other is not None and other > (label_length(cell, patterns) or 0):
                continue
            value: FieldValue | None
            if len(rest) == 1 and rest.islower():
                rest = ""  # a lone small letter after a label is a speck the OCR read ("Onderwerp d")
            if rest and not _after_label(cell, patterns).startswith(":") \
                    and (rest[:1].islower() or rest[:1] in CLOSING or _comma_then_text(rest) or SECTION_NUMBER.match(rest)):
                continue  # a sentence that opens with the label's word ("programma vast te stellen",
                # "betreft, besluiten …": a wrapped formula's tail, its comma no label's colon;
                # "afdeling 10.1.1 van de wet": a section of a law, not a unit; "Programma) in …": the
                # end of a parenthesis a wrapped sentence carries onto this line)
            if cell.label.strip()[:1].islower() and not _after_label(cell, patterns).startswith(":") \
                    and _after_comma(rows, r, cell):
                continue  # the line carries on a sentence or list ("… Wijziging," / "datum ondertekening …")
            if not _after_label(cell, patterns).startswith(":") and _after_carry_on(rows, r, cell):
                continue  # the line carries on the sentence above ("… het college van" / "B en W d.d. 3 maart …")
            if not any(ch.isalnum() for ch in rest):
                rest = ""  # only the label's own punctuation ("Onderwerp." as OCR reads a label)
            if rest:
                value = FieldValue(NEXT_INLINE_FIELD.split(rest, maxsplit=1)[0], cell, (cell,), "form:inline")
            else:
                beside, below = _value_beside(rows, r, c, is_label), _value_below(rows, r, cell, is_label)
                value = below if below is not None and _stacked(rows, r, cell, beside, below) else beside or below
                if value is None:
                    empty = empty or FieldValue("", cell, (), "form:empty")
                    continue  # printed without a value here; the label may come again with one
            if continuation:
                value = _continue(rows, r, value, is_label)
            if accept is not None and not accept(value.text):
                continue
            return value
    return empty


def _comma_then_text(rest: str) -> bool:
    """Whether what follows a label word is a comma and more words ("betreft, besluiten …"): a sentence
    carried on, not a label's value (a lone comma after a label is a speck the OCR read)."""
    return rest[:1] in ",;" and any(ch.isalnum() for ch in rest)


SENTENCE_WORDS = 4
"""Fewest words of a line above a label word for it to be a sentence that the label word carries on."""


@lru_cache(maxsize=1)
def _carry_on_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in read_rules("doc_types")["title"]["carry_on"])


def _after_carry_on(rows: Sequence[Row], r: int, cell: Cell) -> bool:
    """Whether the line right above `cell`, in its column, ends in a word a sentence cannot end on (an
    article or preposition, rules/doc_types.toml [title] carry_on): `cell` carries that sentence on."""
    if r == 0:
        return False
    # (a sentence: one cell of a few words; "Geldend van | 15-08-2031" is a label and its value)
    above = [c for c in rows[r - 1].cells if abs(c.bbox.x0 - cell.bbox.x0) <= cell.bbox.height * 3]
    words = above[-1].text.split() if above and len(rows[r - 1].cells) == 1 else []
    return len(words) >= SENTENCE_WORDS and words[-1].casefold() in _carry_on_words() \
        and cell.bbox.top - above[-1].bbox.bottom <= cell.bbox.height


def _after_comma(rows: Sequence[Row], r: int, cell: Cell) -> bool:
    """Whether the line right above `cell`, in its column, ends in a comma: `cell` carries it on."""
    if r == 0:
        return False
    above = [c for c in rows[r - 1].cells if abs(c.bbox.x0 - cell.bbox.x0) <= 6]
    return bool(above) and above[-1].text.rstrip().endswith(",") \
        and cell.bbox.top - above[-1].bbox.bottom <= cell.bbox.height


NEXT_INLINE_FIELD = re.compile(r"\s+(?=[A-ZÀ-Þ][^\W\d_]*(?:\s[a-zà-ÿ]+){0,2}\s*:\s*\d)")
"""Where a second field starts on a value's line: a capitalised label of up to three words (the
words after its first in lower case), its
colon and a value that opens with a digit ("Onderwerp: Parkeren Verzonden op: 3 maart 2031", as a
letter's two columns of fields are set on one line); the value ends there."""

CLOSING = frozenset(")]}»”’")
"""What closes a parenthesis or quotation: a label word right before one ends a phrase of a sentence."""

SECTION_NUMBER = re.compile(r"\d+(?:\.\d+)*\s+(?:van|uit|der)\s+(?:de|het|deze)\b")
"""A number right after a label word without colon and then "van de …" ("afdeling 10.1.1 van de
Algemene wet bestuursrecht"): a reference into a law or plan inside a sentence, not a value."""

HEADER_ROW_CELLS = 3
"""A row of at least this many cells, all bold and none with a colon, is a table's header row
("Nr. | Onderwerp | Toelichting | Besluit"): its words name columns, none is a field's value."""


def is_header_row(row: Row) -> bool:
    """Whether a row is a table's header row, not a form's label and value."""
    return len(row.cells) >= HEADER_ROW_CELLS and all(c.bold and ":" not in c.text for c in row.cells)


def _value_beside(rows: Sequence[Row], r: int, c: int, is_label) -> FieldValue | None:
    row = rows[r]
    label = row.cells[c]
    if c + 1 < len(row.cells):
        nxt = row.cells[c + 1]
        if nxt.checkbox is None and not is_label(nxt):
            return FieldValue(nxt.text.lstrip(":").strip(), label, (nxt,), "form:beside")
    return None


def _stacked(rows: Sequence[Row], r: int, label: Cell, beside: FieldValue | None, below: FieldValue) -> bool:
    """Whether a label stands in a grid of labels stacked over their values (a house style's head
    rows: small labels in a row, each value under its label in a larger type): the cell beside the
    label is then the next label, set in the labels' type, with a value of its own under it, and
    the label's value is the one below."""
    if beside is None:
        return True
    if _capital_labels_over_values(rows, r):
        return True
    value, other = below.cells[0], beside.cells[0]
    if value.bbox.height < VALUE_TYPE * label.bbox.height or other.bbox.height >= VALUE_TYPE * label.bbox.height:
        return False
    under = [c for row in rows[r + 1:r + 3] for c in row.cells if c.bbox.top >= other.bbox.bottom - 1]
    return any(abs(c.bbox.x0 - other.bbox.x0) <= 6 and c.bbox.height >= VALUE_TYPE * other.bbox.height for c in under)


def _capital_labels_over_values(rows: Sequence[Row], r: int) -> bool:
    """Whether row `r` is a row of labels set in capitals, each over its value on the next row, under it
    and in no capitals (a form's boxes with their labels as tabs above them: "DATUM | KENMERK" over "3
    maart 2031 | Z-12"): each label's value is the one below it, not the next label beside it."""
    if r + 1 >= len(rows) or len(rows[r].cells) < 2:
        return False
    labels, values = rows[r].cells, rows[r + 1].cells
    if not all(_in_capitals(c.text) for c in labels) or len(values) != len(labels):
        return False
    if rows[r + 1].top - max(c.bbox.bottom for c in labels) > 2.0 * max(c.bbox.height for c in labels):
        return False
    # (a value in capitals holds a digit: a code, "RG-12/2031"; a word in capitals is the next label)
    return all(abs(v.bbox.x0 - c.bbox.x0) <= 6 and not v.bold
               and not (_in_capitals(v.text) and not any(ch.isdigit() for ch in v.text))
               for c, v in zip(labels, values))


def _label_boxes(rows: Sequence[Row], r: int) -> bool:
    """Whether a row that looks like a table's header (bold cells) is a row of boxes' tab labels over one
    row of values (`_capital_labels_over_values`), no table: the row after the values is not set in their
    columns."""
    if not _capital_labels_over_values(rows, r):
        return False
    if r + 2 >= len(rows):
        return True
    columns = [c.bbox.x0 for c in rows[r].cells]
    aligned = sum(1 for c in rows[r + 2].cells if any(abs(c.bbox.x0 - x) <= 6 for x in columns))
    return aligned < 2


def _in_capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _value_below(rows: Sequence[Row], r: int, label: Cell, is_label) -> FieldValue | None:
    """The value under a label alone, in its column: the first cell aligned with it in the rows
    right below (a line of the body beside a sidebar may sit between label and value)."""
    for below in rows[r + 1:r + 3]:
        if below.top - label.bbox.bottom > 2.0 * label.bbox.height:
            return None
        for cell in below.cells:
            if abs(cell.bbox.x0 - label.bbox.x0) <= 6:
                # a form sets its labels in one type: a cell set larger under a label alone is its
                # value, also where it opens with a word some label uses ("Collegevergadering 3 maart")
                value_type = cell.bbox.height >= VALUE_TYPE * label.bbox.height
                longest = VALUE_TYPE_CHARS if value_type else VALUE_CHARS
                if cell.checkbox is None and (value_type or not is_label(cell)) and len(cell.text) <= longest \
                        and not cell.bold:
                    return FieldValue(cell.text, label, (cell,), "form:below")
                return None
        if len(below.cells) == 1 and _in_value_column(rows, r, label, below.cells[0]):
            # a grid's value set a line lower than its label, in the column of the grid's values
            # (the label's row holds no value: the value's box is taller, or the label wraps)
            cell = below.cells[0]
            if cell.checkbox is None and not is_label(cell) and len(cell.text) <= VALUE_CHARS and not cell.bold:
                return FieldValue(cell.text, label, (cell,), "form:below")
            return None
    return None


GRID_ROWS = 3
"""Rows above and below a label looked at for the grid it stands in (labels with values beside them)."""


def _in_value_column(rows: Sequence[Row], r: int, label: Cell, cell: Cell) -> bool:
    """Whether `cell`, right of `label` on a row below it, starts in the column where the values of
    the label's grid start: nearby rows print a label in the label's column with a value beside it
    that starts where `cell` does (a line of the body beside a sidebar starts nowhere such)."""
    if cell.bbox.x0 < label.bbox.x1 - 3:
        return False
    for k in range(max(0, r - GRID_ROWS), min(len(rows), r + 2 + GRID_ROWS)):
        if k in (r, r + 1):
            continue
        cells = rows[k].cells
        for a, b in zip(cells, cells[1:]):
            if abs(a.bbox.x0 - label.bbox.x0) <= 6 and abs(b.bbox.x0 - cell.bbox.x0) <= 6:
                return True
    return False


VALUE_TYPE = 1.25
"""A cell under a label alone whose box is this many times the label's height is set in the values'
type, not the labels': a value, whatever word it opens with."""
VALUE_CHARS = 80
"""Longest cell under a label alone read as its value: a longer line is a sentence of the text."""
VALUE_TYPE_CHARS = 160
"""... and longest such cell set in the values' type (`VALUE_TYPE`): a reference band's subject under its
small label may run the band's width ("ONDERWERP" over a title of 100 characters and more)."""

VALUE_LINE_GAP = 0.75
"""Largest white space between a value's wrapped lines, in line heights: more is a new paragraph."""
LIST_ITEM_GAP = 2.0
"""Largest white space before the next item of a value that lists items one per line ("1. …",
"- …"), in line heights: a sidebar sets its list items apart."""
CONTINUATION_ROWS = 6
"""Rows looked at below a value for its continuation (rows of another column on the way included)."""


OWN_FIELD_LINE = re.compile(r"^(?=[A-ZÀ-Þ])[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}:\s+\S")
"""A line that opens with a label of up to three words and its colon ("Status: Aangenomen",
"Datum afdoening: …", capitalised): a field of its own, also where the rules do not know its label, so a
long value above it ends there."""


def _continue(rows: Sequence[Row], r: int, value: FieldValue, is_label) -> FieldValue:
    last = value.cells[-1] if value.cells else value.label
    text, cells = value.text, list(value.cells)
    for k in range(r + 1, min(r + 3, len(rows))):
        if any(c is last for c in rows[k].cells):
            r = k  # the value itself sits below its label
    listed = value.cells and list_marker(value.cells[0].text) is not None
    for row in rows[r + 1:r + 1 + CONTINUATION_ROWS]:
        if value.cells and value.cells[0].bbox.x0 > value.label.bbox.x1 \
                and any(abs(c.bbox.x0 - value.label.bbox.x0) <= 6 for c in row.cells):
            break  # beside its label, a value ends at a line in the labels' column: the next field
        if not _in_column(row, last):
            continue  # a line of another column only (the body beside a sidebar, a tall word)
        cell = _column_cell(row, last, value.label)
        # a label in a column left of the field (the body beside a sidebar) is another column's
        left = min(last.bbox.x0, value.label.bbox.x0) - 3
        if cell is None or cell.checkbox is not None or any(is_label(c) for c in row.cells if c.bbox.x1 > left) \
                or OWN_FIELD_LINE.match(cell.text):
            break
        gap = row.top - last.bbox.bottom
        if gap > VALUE_LINE_GAP * last.bbox.height and not (
                listed and list_marker(cell.text) is not None and gap <= LIST_ITEM_GAP * last.bbox.height):
            break
        text, last = join_running_text(text, cell.text), cell  # "IC-" + "opschaling": the hyphen kept
        cells.append(cell)
    return FieldValue(text, value.label, tuple(cells), value.method)


def _in_column(row: Row, above: Cell) -> bool:
    """Whether a cell of `row` reaches into the column of `above` (starts near it or overlaps it)."""
    return any(abs(c.bbox.x0 - above.bbox.x0) <= 15 or (c.bbox.x1 > above.bbox.x0 and c.bbox.x0 < above.bbox.x1)
               for c in row.cells)


def _column_cell(row: Row, above: Cell, label: Cell) -> Cell | None:
    """The cell of `row` that continues `above` in its column: it starts where `above` starts, no
    other cell of the row reaches into that column, and none sits in the label's column (that
    would be the form's next row). A line of another column on the same baseline, as in a sidebar
    beside the body, does not stop the value."""
    aligned = [c for c in row.cells if abs(c.bbox.x0 - above.bbox.x0) <= 15]
    if len(aligned) != 1:
        return None
    cell = aligned[0]
    left, right = min(cell.bbox.x0, above.bbox.x0), max(cell.bbox.x1, above.bbox.x1)
    for c in row.cells:
        if c is cell:
            continue
        if c.bbox.x1 > left and c.bbox.x0 < right:
            return None
        if label.bbox.x0 - 3 <= c.bbox.x0 < cell.bbox.x0 - 3:
            return None
    return cell


def form_value_blocks(page: PageLayout, rows: Sequence[Row], label_rest) -> set[Block]:
    """The blocks of a page that print a form field's value in the cell beside its label (the
    subject set large and bold in a form is the value of "Onderwerp", not a heading).

    `rows` are the page's `page_rows`; `label_rest(cell)` is what follows a label in the cell
    ('' for a label alone), None for a cell that is no label.
    """
    values = [row.cells[c + 1] for row in rows for c, cell in enumerate(row.cells[:-1])
              if label_rest(cell) == ""]
    found: set[Block] = set()
    for cell in values:
        for block in page.blocks:
            if not block.lines:
                continue
            first = block.lines[0].bbox
            if abs(first.top - cell.bbox.top) <= 2 and first.x0 <= cell.bbox.x0 + 2 and first.x1 >= cell.bbox.x1 - 2:
                found.add(block)
    return found


def form_values(rows: Sequence[Row], label_rest) -> list[str]:
    """The values printed beside a form's labels in a page's `rows`, each with the lines that
    continue it in its column (a long subject wraps in its cell), in page order."""

    def is_label(cell: Cell) -> bool:
        return label_rest(cell) is not None

    out: list[str] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row.cells[:-1]):
            if label_rest(cell) != "":
                continue
            value = _value_beside(rows, r, c, is_label)
            if value is not None and value.text:
                out.append(_continue(rows, r, value, is_label).text)
    return out


GRID_LABEL_WORDS = 3
"""Most words of a label cell in a grid of labels and short values."""
GRID_VALUE_WORDS = 12
"""Most words of a value beside a grid's label (a longer text beside a bold word is a paragraph
under a side heading, and the side heading stays a heading)."""


def grid_label_blocks(page: PageLayout, rows: Sequence[Row], known=lambda cell: False) -> set[Block]:
    """The blocks of a page that print the label cells of a grid of fields and their values ("Locatie" | "Raadzaal",
    "Voorzitter" | "A. de Vries"), labels the rules need not know and ones they do: at least two rows, one above
    the other, each opening with a short bold cell (no sentence) with a short value beside it
    that is not bold, the labels aligned on their left or right edge. Such a label is no heading
    and such a value no decision. A label `known(cell)` accepts (one the rules know, read as a
    field: "Onderwerp", "Betreft") may have its value set bold (the subject in bold beside it)."""
    def short_value(cell: Cell, bold: bool = False) -> bool:
        # the block that prints the cell, at its start or inside it: a value of a grid is a block of
        # a line or two, not a line of a column's paragraph beside a heading
        block = next((b for b in page.blocks if any(abs(ln.bbox.top - cell.bbox.top) <= 2
                                                    and ln.bbox.x0 - 2 <= cell.bbox.x0 <= ln.bbox.x1 for ln in b.lines)),
                     None)
        return (bold or not cell.bold) and len(cell.text.split()) <= GRID_VALUE_WORDS \
            and (block is None or len(block.lines) <= 2)

    def runs_on(row: Row) -> bool:
        # the value's column goes on under it with text beside no label before anything stands in
        # the label's column again: the value opens a text under a side heading (a margin heading
        # over its paragraphs)
        label, value = row.cells[0].bbox, row.cells[1].bbox
        below = sorted((b for b in page.blocks if b.lines and b.bbox.top >= value.bottom - 1), key=lambda b: b.bbox.top)
        for block in below:
            if block.bbox.x0 < label.x1 - 2:
                return False
            if not any(_same_row(block.bbox, other.cells[0].bbox) for other in rows
                       if other is not row and len(other.cells) >= 2 and other.cells[0].bbox.x1 <= value.x0):
                return True
        return False

    # a label whose value opens a text that runs on below it, or a regulation's unit ("Artikel 2
    # Reikwijdte") beside its article's first line, is a side heading, no field
    candidates = [row for row in rows if len(row.cells) >= 2 and _grid_label(row.cells[0])
                  and short_value(row.cells[1], bold=known(row.cells[0]))
                  and not runs_on(row) and not is_unit(row.cells[0].text)]
    cells: list[Cell] = []
    for row in candidates:
        cell = row.cells[0]
        if any(other is not row and (abs(other.cells[0].bbox.x0 - cell.bbox.x0) <= 3 or
                                                         abs(other.cells[0].bbox.x1 - cell.bbox.x1) <= 3)
                                   for other in candidates):
            cells += [cell, row.cells[1]]  # the label and its value
    found: set[Block] = set()
    for cell in cells:
        for block in page.blocks:
            if block.lines and len(block.lines) <= 2 and abs(block.bbox.top - cell.bbox.top) <= 2 \
                    and abs(block.bbox.x0 - cell.bbox.x0) <= 2:
                found.add(block)
    return found


def _same_row(box: BBox, label: BBox) -> bool:
    """Whether a block's top is on a label's row: within 2 points of the label's top, or within
    half the label's height (an OCR layer sets a row's words a few points apart)."""
    return abs(box.top - label.top) <= max(2.0, 0.5 * label.height)


def is_unit(text: str) -> bool:
    """Whether a cell opens with a regulation's unit ("Artikel 3 …", "Hoofdstuk 2 …";
    rules/headings.toml [agenda_code] units): an article's heading beside its text, no field."""
    return heading_rules().units.match(text.strip()) is not None


def _grid_label(cell: Cell) -> bool:
    text = cell.text.strip()
    return cell.bold and len(text.split()) <= GRID_LABEL_WORDS and text[-1:] not in ".;!?" and text[:1].isupper()
