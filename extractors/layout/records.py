"""Typed records of the page layer: characters, words, lines, blocks and parsed pages.

Every record knows its page (1-based) and its box in points (top-left origin), so anything
built from them can say where it came from.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from raadsstukken.extractors.layout.geometry import BBox, union_all
from raadsstukken.extractors.layout.rotation import UprightFrame


@dataclass(slots=True, unsafe_hash=True)
class Char:
    """One glyph of the text layer, in the upright frame of the page.

    Treated as immutable (equal and hashed by its fields, like a frozen record) but not declared
    frozen: a frozen dataclass sets each field through `object.__setattr__` in `__init__`, 0.8 µs
    a glyph against 0.2, and a page makes thousands (the dev corpus 166,000: 0.1 CPU s)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    font: str

    @property
    def bold(self) -> bool:
        return font_style(self.font)[0]

    @property
    def italic(self) -> bool:
        return font_style(self.font)[1]


_FONT_STYLES: dict[str, tuple[bool, bool]] = {}


def font_style(font: str) -> tuple[bool, bool]:
    """(bold, italic) of a font by its name, worked out once per name (a page has a handful of fonts
    and tens of thousands of glyphs)."""
    style = _FONT_STYLES.get(font)
    if style is None:
        name = font.lower()
        style = _FONT_STYLES[font] = ("bold" in name or "black" in name or "heavy" in name or "semibold" in name,
                                      "italic" in name or "oblique" in name)
    return style


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    bbox: BBox
    size: float
    bold: bool
    italic: bool
    superscript: bool = False
    """Raised and smaller than its line: a footnote call or an exponent."""


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline within one column (a line segment, never across a gutter).

    Slots, with its box, size, text and boldness kept in four of them once computed (the line is frozen): a long
    file holds tens of thousands of lines, and an instance dict cost each about 350 bytes more
    (a generated 600-page file: 12,311 lines)."""

    words: tuple[Word, ...]
    page: int
    cells: int = 1
    """Number of table or form cells kept together on this line (1 for running text)."""
    _bbox: BBox | None = field(default=None, init=False, repr=False, compare=False)
    _size: float | None = field(default=None, init=False, repr=False, compare=False)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)
    _bold: bool | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def bbox(self) -> BBox:
        box = self._bbox
        if box is None:
            box = union_all(w.bbox for w in self.words)
            object.__setattr__(self, "_bbox", box)
        return box

    @property
    def text(self) -> str:
        """The words' text, superscripts left out (joined once: the stages ask for it about 15
        times a line)."""
        text = self._text
        if text is None:
            text = " ".join([w.text for w in self.words if not w.superscript])
            object.__setattr__(self, "_text", text)
        return text

    @property
    def raw_text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def size(self) -> float:
        """Font size of most of the line's characters (superscripts excluded; computed once: the
        line is frozen and block building asks for it for every pair of lines)."""
        size = self._size
        if size is None:
            size = _line_size(self.words)
            object.__setattr__(self, "_size", size)
        return size

    @property
    def bold(self) -> bool:
        """Set bold: most of its letters are; a line of no letters (a heading's wrapped date or
        number) when all its figures are (worked out once, like `size`)."""
        bold = self._bold
        if bold is None:
            bold = _line_bold(self.words)
            object.__setattr__(self, "_bold", bold)
        return bold

    @property
    def italic(self) -> bool:
        letters = [w for w in self.words if not w.superscript]
        return bool(letters) and all(w.italic for w in letters)


def _line_bold(words: tuple[Word, ...]) -> bool:
    letters = [w for w in words if not w.superscript and any(c.isalpha() for c in w.text)]
    if not letters:
        figures = [w for w in words if not w.superscript and any(c.isdigit() for c in w.text)]
        return bool(figures) and all(w.bold for w in figures)
    return sum(len(w.text) for w in letters if w.bold) >= 0.8 * sum(len(w.text) for w in letters)


def _line_size(words: tuple[Word, ...]) -> float:
    counts: dict[float, int] = {}
    for w in words:
        if not w.superscript:
            counts[w.size] = counts.get(w.size, 0) + len(w.text)
    if not counts:
        return words[0].size
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


class BlockKind(str, Enum):
    BODY = "body"
    HEADING = "heading"
    FOOTNOTE = "footnote"
    HEADER = "header"
    FOOTER = "footer"
    TITLE = "title"
    """The title of a document (a form's type line, a cover title): recorded on `documents`."""
    COVER = "cover"
    """Other text of a cover page (a tagline, a subtitle): body text, never a heading."""
    LETTERHEAD = "letterhead"
    """The sender's name at the top of a paper ("Gemeente Hoorn"): body text, never a title or a
    heading."""
    LABEL = "label"
    """A form field's value or an agenda item's decision label, set like a heading: body text,
    never a heading."""


@dataclass(eq=False)
class Block:
    """Lines of one paragraph-like unit: same column, same style, regular spacing.

    Blocks compare and hash by identity, so a document's roles can map blocks to kinds
    (`extractors.model.BlockRoles`). `kind` is the page layer's role (body or footnote) and is set
    when the block is made; document roles (title, cover, heading) live on the document result.
    """

    lines: list[Line]
    page: int
    kind: BlockKind = BlockKind.BODY

    @property
    def bbox(self) -> BBox:
        return union_all(line.bbox for line in self.lines)

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass
class PageLayout:
    """One parsed page: its size, its body blocks in reading order, and its furniture."""

    number: int
    width: float
    height: float
    rotation: int
    n_chars: int
    blocks: list[Block] = field(default_factory=list)
    header: str | None = None
    footer: str | None = None
    page_label: str | None = None
    furniture_method: str = "none"
    ocr: bool = False
    """The text was read by OCR (the page had no usable text layer)."""
    needs_ocr: bool = False
    """The page has no usable text layer and could not be OCR'd here."""
    frame: UprightFrame | None = None
    """How the page was turned to read it; maps boxes back to pdfplumber's page coordinates."""
    text_quality: float | None = None
    """Share (0-1) of the text layer's glyphs that are real text (`layout.text_layer.text_quality`);
    None without a text layer."""
    ocr_confidence: float | None = None
    """Mean confidence (0-1) of the words OCR read on the page; None when it was not OCR'd."""
    layer_chars: Counter[str] | None = None
    """The letters and digits the page layer read (text layer or OCR), to measure what reached rows."""
    sidebar: list[Line] = field(default_factory=list)
    """The lines of a running sidebar (also in `header` or `footer`): furniture, but where a document
    that starts on this page finds its date, reference and unit when its own text has none."""
    grids: list[BBox] = field(default_factory=list)
    """Boxes of the page's ruled grids (tables and field grids ruled round every cell,
    `layout.rulings`): text inside one is a cell, never a heading (see `cell_grids`)."""
    text_frames: list[BBox] = field(default_factory=list)
    """Boxes of the text frames in those grids (a frame round the page's text joined to a title
    block ruled into cells, `layout.rulings.find_regions`): running text, no cells."""
    underlined: list[BBox] = field(default_factory=list)
    """Boxes of the lines a typed rule underlines ("Agendapunt 3" over "------------",
    `layout.typed_rules`): set apart as a heading or title is, whatever their font."""
    watermark: str | None = None
    """Text set at a slant across the page (a watermark, "CONCEPT"), also in `header`: furniture,
    never the header's kind word."""

    @property
    def cell_grids(self) -> list[BBox]:
        """The grids with their text frames cut out: the boxes whose text is a cell (the parts of
        each grid above, below and beside none of its frames)."""
        if not self.text_frames:
            return self.grids
        out: list[BBox] = []
        for grid in self.grids:
            cuts = sorted((f for f in self.text_frames if f.within(grid)), key=lambda f: f.top)
            start = grid.top
            for f in cuts:
                if f.top - start > 1.0:
                    out.append(BBox(grid.x0, start, grid.x1, f.top))
                start = max(start, f.bottom)
            if grid.bottom - start > 1.0:  # (a rule's width left below the frame is no row)
                out.append(BBox(grid.x0, start, grid.x1, grid.bottom))
        return out

    @property
    def text_layer(self) -> bool:
        return self.n_chars > 0 and not self.ocr

    def page_bbox(self, bbox: BBox) -> BBox:
        """A box of this layout in pdfplumber's coordinates of the page, for provenance."""
        return self.frame.to_page(bbox) if self.frame is not None else bbox
