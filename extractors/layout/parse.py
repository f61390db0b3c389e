"""The page layer: a PDF parsed once into pages of blocks in reading order, furniture set apart.

`parse_pdf` opens the PDF with pdfplumber, reads every page's glyphs once, and hands back typed
pages that every later stage shares (sections, documents, tables, NER) without parsing again.
"""
from __future__ import annotations

import io
import logging
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pdfplumber
from pdfminer.pdfdocument import PDFXRefFallback

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.blocks import build_blocks
from raadsstukken.extractors.layout.chars import clean_chars, read_chars
from raadsstukken.extractors.layout.dehyphenate import Vocabulary
from raadsstukken.extractors.layout.dense import MAX_OBJECTS, read_dense
from raadsstukken.extractors.layout.footnotes import with_footnotes
from raadsstukken.extractors.layout.furniture import find_furniture
from raadsstukken.extractors.structure.headings import body_style
from raadsstukken.extractors.layout.layer_styles import PageImages
from raadsstukken.extractors.layout.line_numbers import split_line_numbers
from raadsstukken.extractors.layout.margin_keys import join_margin_keys
from raadsstukken.extractors.layout.rotated_text import diagonal_lines, rotated_lines
from raadsstukken.extractors.layout.lines import build_lines
from raadsstukken.extractors.layout.ocr import (ADD, OcrPage, OcrReader, OcrSettings, needs_ocr, ocr_decision,
                                                tesseract, text_counts)
from raadsstukken.extractors.layout.margin_heads import place_margin_heads
from raadsstukken.extractors.layout.reading_order import order_blocks
from raadsstukken.extractors.layout.records import Block, Char, Line, PageLayout
from raadsstukken.extractors.layout.text_layer import (char_counts, even_out, fit_advances, is_invisible_layer,
                                                       is_ocr_layer,
                                                       quality_rules, text_quality)
from raadsstukken.extractors.layout.rotation import UprightFrame, reading_rotation
from raadsstukken.extractors.layout.stickers import Sticker, sticker_lines
from raadsstukken.extractors.layout.typed_rules import find_typed_underlines, split_at_underlined

_log = logging.getLogger(__name__)


def ocr_available(settings: OcrSettings) -> bool:
    """Whether this machine can OCR with these settings (Tesseract with their language models)."""
    from raadsstukken.extractors.layout.ocr import missing_languages

    return settings.mode != "off" and tesseract() is not None and not missing_languages(settings.language)


@dataclass
class ParsedPdf:
    """Every page of one PDF, parsed once."""

    path: Path
    pages: list[PageLayout]
    vocabulary: Vocabulary
    repaired: bool = False
    """The cross-reference table was broken and pdfminer read the file by scanning it."""
    controls_dropped: int = 0
    """Control and bidi-override characters dropped from the text (extractors/text/controls.py)."""
    notes: list[str] = field(default_factory=list)
    """Notes on how pages were read, for `runs.warnings` (a page read within the vector budget)."""

    @property
    def n_pages(self) -> int:
        return len(self.pages)


@dataclass
class _RawPage:
    number: int
    lines: list[Line]
    frame: UprightFrame
    rotation: int
    n_chars: int
    ocr: bool = False
    needs_ocr: bool = False
    text_quality: float | None = None
    ocr_confidence: float | None = None
    layer_chars: Counter[str] | None = None
    stamps: list[Line] = field(default_factory=list)
    """Lines read off stamps on an OCR'd page (`ocr_stamps.py`): page furniture, never body text."""
    grids: list[BBox] = field(default_factory=list)
    """The page's ruled grids in the upright frame (`rulings.py`)."""
    text_frames: list[BBox] = field(default_factory=list)
    """The text frames in those grids, in the upright frame (`rulings.find_regions`)."""
    rotated: list[Line] = field(default_factory=list)
    """Lines of the layer's text set in another direction (`rotated_text.py`): page furniture."""
    diagonal: list[Line] = field(default_factory=list)
    """Lines of the layer's text set at a slant across the page (a watermark): page furniture."""
    stickers: list[Sticker] = field(default_factory=list)
    """The page's registration stickers in the upright frame (`stickers.py`): their lines are furniture."""


@dataclass
class _PendingOcr:
    """A page handed to the OCR pool: what it takes to finish it once its words are read."""

    raw: _RawPage
    future: Future[OcrPage]
    how: str
    layer: list[Char]
    rotation: int
    width: float
    height: float


RANGE_PAGES = 64
"""The fewest pages of a range of a file whose page layer is read by several processes
(`parse_pdf`'s `workers`): a shorter file is read in one, where forking would cost more than it
saves."""

RangeRunner = Callable[[Callable[[tuple[int, int]], "PageRange"], list[tuple[int, int]]], list["PageRange"]]
"""`run(read, spans)`: `read(span)` for every span, the first in this process and the others in
helper processes (`pipeline.worker.in_helpers`), the results in the spans' order."""


@dataclass
class PageRange:
    """The per-page part of the page layer for pages [start, stop) of a PDF (0-based): what each
    page read before the passes across pages (furniture, vocabulary, body style) begin."""

    start: int
    stop: int
    pages: list[_RawPage]
    controls: int = 0
    notes: list[str] = field(default_factory=list)
    styled: bool = False
    """An OCR layer's page was styled off its image (`layer_styles.PageImages`): its sizes depend on
    the pages styled before it, so a range after this one read elsewhere must be read again here."""


def page_spans(n_pages: int, workers: int) -> list[tuple[int, int]]:
    """[start, stop) spans of about equal length covering `n_pages`, at most `workers` of them and
    none under RANGE_PAGES pages (one span for a short file)."""
    k = max(1, min(workers, n_pages // RANGE_PAGES))
    bounds = [n_pages * i // k for i in range(k + 1)]
    return list(zip(bounds[:-1], bounds[1:]))


def parse_pdf(path: Path | str, ocr: bool | OcrSettings = True, data: bytes | None = None, *, workers: int = 1,
              run_ranges: RangeRunner | None = None) -> ParsedPdf:
    """Parse a PDF into pages of body blocks in reading order, with furniture recorded.

    Pages without a usable text layer (and, with `--ocr force`, every page) are read by OCR when
    OCR is on and Tesseract is there, several pages at once. With `data`, those bytes are parsed
    (and OCR'd) and `path` only names them: the run parses exactly the bytes it hashed, even when
    the file on disk changes meanwhile.

    With `workers` > 1 and a `run_ranges`, a file of at least 2 * RANGE_PAGES pages has its pages
    read in up to `workers` ranges at once (each page is read on its own, so the pages are the same
    as one process reads them), then the passes across pages run here on all of them in order.
    """
    path = Path(path)
    settings = ocr if isinstance(ocr, OcrSettings) else OcrSettings(mode="auto" if ocr else "off")
    if workers > 1 and run_ranges is not None and data is None:
        data = path.read_bytes()  # helpers share the document in memory, never a file offset
    source: Path | bytes = data if data is not None else path
    with pdfplumber.open(io.BytesIO(data) if data is not None else path) as pdf:
        repaired = any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))
        spans = page_spans(len(pdf.pages), workers) if run_ranges is not None else [(0, len(pdf.pages))]
        with PageImages(source) as images:
            def read(span: tuple[int, int]) -> PageRange:
                return _read_pages(pdf, source, settings, span, images)

            parts = run_ranges(read, spans) if len(spans) > 1 and run_ranges is not None else [read(spans[0])]
            styled = next((i for i, part in enumerate(parts[:-1]) if part.styled), None)
            if styled is not None:  # the later ranges' OCR-layer sizes depend on this one's pages: from
                # the first range that styled pages (read again here, unless it was read here) on, in order
                again = max(styled, 1)
                parts[again:] = [read(span) for span in spans[again:]]
    raw_pages = [raw for part in parts for raw in part.pages]
    parsed = layout_pages(path, raw_pages)
    parsed.repaired, parsed.controls_dropped = repaired, sum(part.controls for part in parts)
    parsed.notes = [note for part in parts for note in part.notes]
    return parsed


def _read_pages(pdf: pdfplumber.PDF, source: Path | bytes, settings: OcrSettings, span: tuple[int, int],
                images: PageImages) -> PageRange:
    """Every page of `span` read on its own: glyphs, OCR where it is needed, lines."""
    can_ocr = ocr_available(settings)
    rules = quality_rules()
    out = PageRange(span[0], span[1], [])
    pending: list[_PendingOcr] = []
    styled_before = len(images.bodies)
    with OcrReader(source, settings) as reader:
        for page in pdf.pages[span[0]:span[1]]:
            dense = read_dense(page, source)
            if dense is None:
                chars = read_chars(page)
            else:
                chars = clean_chars(dense[1], int(page.rotation or 0), float(page.width), float(page.height),
                                    page.page_number)
                out.notes.append(f"page {page.page_number}: {dense[0]:,} vector objects, over the budget of "
                                 f"{MAX_OBJECTS:,}: its text was read without its drawings")
            out.controls += chars.n_controls
            glyphs = chars.chars
            counts = text_counts(glyphs)  # counted once for the decisions below
            n_chars = sum(n for text, n in counts.items() if not text.isspace())
            quality = text_quality(glyphs)
            how = ocr_decision(settings.mode, glyphs, chars.image_share, quality, rules.min_quality, rules.sparse,
                               counts)
            rotation = reading_rotation(page.rotation, chars.frame.angle, bool(glyphs))
            raw = _RawPage(page.page_number, [], chars.frame, rotation, n_chars, text_quality=quality,
                           grids=[BBox(*chars.frame.box(g.x0, g.top, g.x1, g.bottom)) for g in chars.grids]
                           if dense is None else [],
                           text_frames=[BBox(*chars.frame.box(g.x0, g.top, g.x1, g.bottom)) for g in chars.text_frames]
                           if dense is None else [],
                           stickers=[Sticker(BBox(*chars.frame.box(s.area.x0, s.area.top, s.area.x1, s.area.bottom)),
                                             s.framed) for s in chars.stickers] if dense is None else [])
            if how is not None and can_ocr:
                future = reader.submit(page.page_number - 1, float(page.width), float(page.height))
                pending.append(_PendingOcr(raw, future, how, glyphs, int(page.rotation or 0),
                                           float(page.width), float(page.height)))
            else:
                raw.needs_ocr = needs_ocr(glyphs, chars.image_share, counts) or (quality is not None
                                                                                 and quality < rules.min_quality)
                _read_layer(raw, glyphs, images, is_invisible_layer(chars.invisible_share, chars.image_share, glyphs))
                raw.rotated = rotated_lines(chars.rotated, chars.frame, page.page_number) if chars.rotated else []
                raw.diagonal = diagonal_lines(chars.diagonal, page.page_number) if chars.diagonal else []
            out.pages.append(raw)
            page.close()
        for job in pending:
            _finish_ocr(job)
    out.styled = len(images.bodies) > styled_before
    return out


def _read_layer(raw: _RawPage, glyphs: list[Char], images: PageImages | None = None, invisible: bool = False) -> None:
    ocr_layer = invisible or is_ocr_layer(glyphs)
    if ocr_layer:
        glyphs = even_out(glyphs)
    glyphs = fit_advances(glyphs)
    raw.lines = build_lines(glyphs, raw.number)
    if ocr_layer and images is not None:  # sizes and weights the layer lacks, from the page image
        raw.lines = images.styled(raw.lines, raw.number - 1, raw.frame.angle)
    raw.layer_chars = _glyph_counts(glyphs)


def _glyph_counts(glyphs: list[Char]) -> Counter[str]:
    """`char_counts` of the glyphs' texts, normalized once per distinct text (a page has a few
    dozen) instead of once per glyph: the same multiset."""
    out: Counter[str] = Counter()
    for text, n in Counter(c.text for c in glyphs).items():
        for ch, k in char_counts([text]).items():
            out[ch] += k * n
    return out


def _finish_ocr(job: _PendingOcr) -> None:
    """Lines of an OCR'd page: its OCR words instead of the layer, or added where the layer has none."""
    raw, result = job.raw, job.future.result()
    read = clean_chars(result.chars, 0, job.width, job.height, raw.number)
    words = read.chars
    if job.how == ADD:
        layer = even_out(job.layer) if is_ocr_layer(job.layer) else job.layer
        words = _merged(layer, words)
    else:  # the render shows the page as displayed: its words are upright already
        raw.frame = read.frame
        raw.rotation = reading_rotation(job.rotation, read.frame.angle, bool(words))
    raw.ocr, raw.ocr_confidence = True, result.confidence
    raw.n_chars = max(raw.n_chars, sum(len(c.text) for c in words if not c.text.isspace()))
    raw.lines = build_lines(words, raw.number)
    stamps = clean_chars(result.stamps, 0, job.width, job.height, raw.number).chars if result.stamps else []
    raw.stamps = build_lines(stamps, raw.number) if stamps else []
    raw.layer_chars = _glyph_counts(words + stamps)


def _merged(layer: list[Char], words: list[Char]) -> list[Char]:
    """The layer's glyphs, then the OCR words (in their order) that overlap none of them."""
    boxes = [(c.x0, c.top, c.x1, c.bottom) for c in layer if not c.text.isspace()]

    def covered(w: Char) -> bool:
        return any(w.x0 < x1 and x0 < w.x1 and w.top < b and t < w.bottom for x0, t, x1, b in boxes)

    extra: list[Char] = []
    for w in words:
        if w.text.isspace():
            if extra and not extra[-1].text.isspace():
                extra.append(w)
        elif not covered(w):
            extra.append(w)
    return layer + extra


def layout_pages(path: Path, raw_pages: list[_RawPage]) -> ParsedPdf:
    for raw in raw_pages:  # a line number the line builder joined to its text line: a line of its own
        raw.lines = split_line_numbers(raw.lines)
    furniture = find_furniture([(p.lines, p.frame.height) for p in raw_pages], widths=[p.frame.width for p in raw_pages])
    for raw, found in zip(raw_pages, furniture):
        if raw.stamps:  # a stamp on an OCR'd page is furniture, as a release's number stamp is
            found.header.extend(raw.stamps)
            found.methods.add("stamp")
        if raw.rotated:  # text set sideways (an edge legend) is furniture, never dropped
            found.header.extend(raw.rotated)
            found.methods.add("rotated")
        if raw.diagonal:  # a watermark set at a slant across the page: furniture, never dropped
            found.header.extend(raw.diagonal)
            found.methods.add("watermark")
        if raw.stickers:  # a document system's registration sticker numbers its record, not the paper
            stuck = sticker_lines([ln for ln in raw.lines if not found.contains(ln)], raw.stickers)
            if stuck:
                found.header.extend(stuck)
                found.methods.add("sticker")
    vocabulary = Vocabulary()
    body_lines: list[list[Line]] = []
    underlined: list[list[Line]] = []
    for raw, found in zip(raw_pages, furniture):
        lines = [ln for ln in raw.lines if not found.contains(ln)]
        # a typed rule under a line ("------------") is markup, not text: the line it underlines is set apart
        pairs = find_typed_underlines(lines)
        rules = {id(rule) for _, rule in pairs}
        lines = [ln for ln in lines if id(ln) not in rules]
        underlined.append([text for text, _ in pairs])
        vocabulary.add_lines(ln.text for ln in lines)
        body_lines.append(lines)
    body = body_style([Block(lines, 0) for lines in body_lines if lines])
    pages: list[PageLayout] = []
    for raw, found, lines, marked in zip(raw_pages, furniture, body_lines, underlined):
        built = split_at_underlined(build_blocks(lines, raw.number), {id(ln) for ln in marked})
        blocks = with_footnotes(join_margin_keys(built, raw.frame.width), body.size)
        pages.append(PageLayout(
            number=raw.number, width=raw.frame.width, height=raw.frame.height, rotation=raw.rotation,
            n_chars=raw.n_chars, blocks=place_margin_heads(order_blocks(blocks, raw.grids), raw.frame.width),
            header=found.header_text,
            footer=found.footer_text, page_label=found.page_label, furniture_method=found.method,
            ocr=raw.ocr, needs_ocr=raw.needs_ocr, frame=raw.frame, text_quality=raw.text_quality,
            ocr_confidence=raw.ocr_confidence, layer_chars=raw.layer_chars, sidebar=found.sidebar,
            grids=raw.grids, text_frames=raw.text_frames, underlined=[ln.bbox for ln in marked],
            watermark=" | ".join(ln.text for ln in raw.diagonal) or None,
        ))
    return ParsedPdf(path, pages, vocabulary)
