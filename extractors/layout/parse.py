"""The page layer: a PDF parsed once into pages of blocks in reading order, furniture set apart.

`parse_pdf` opens the PDF with pdfplumber, reads every page's glyphs once, and hands back typed
pages that every later stage shares (sections, documents, tables, NER) without parsing again.
"""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFXRefFallback

from raadsstukken.extractors.layout.blocks import build_blocks
from raadsstukken.extractors.layout.chars import clean_chars, read_chars
from raadsstukken.extractors.layout.dehyphenate import Vocabulary
from raadsstukken.extractors.layout.footnotes import with_footnotes
from raadsstukken.extractors.layout.furniture import find_furniture
from raadsstukken.extractors.structure.headings import body_style
from raadsstukken.extractors.layout.lines import build_lines
from raadsstukken.extractors.layout.ocr import needs_ocr, ocr_chars, tesseract
from raadsstukken.extractors.layout.reading_order import order_blocks
from raadsstukken.extractors.layout.records import Block, Line, PageLayout
from raadsstukken.extractors.layout.text_layer import even_out, is_ocr_layer
from raadsstukken.extractors.layout.rotation import UprightFrame, reading_rotation

_log = logging.getLogger(__name__)


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


def parse_pdf(path: Path | str, ocr: bool = True, data: bytes | None = None) -> ParsedPdf:
    """Parse a PDF into pages of body blocks in reading order, with furniture recorded.

    Pages without a usable text layer are read by OCR when `ocr` is on and Tesseract is there.
    With `data`, those bytes are parsed (and OCR'd) and `path` only names them: the run parses
    exactly the bytes it hashed, even when the file on disk changes meanwhile.
    """
    path = Path(path)
    raw_pages: list[_RawPage] = []
    controls = 0
    with pdfplumber.open(io.BytesIO(data) if data is not None else path) as pdf:
        repaired = any(isinstance(x, PDFXRefFallback) for x in getattr(pdf.doc, "xrefs", []))
        for page in pdf.pages:
            chars = read_chars(page)
            controls += chars.n_controls
            n_chars = sum(1 for c in chars.chars if not c.text.isspace())
            did_ocr = missing_ocr = False
            if needs_ocr(chars.chars, chars.image_share):
                if ocr and tesseract():
                    raw = ocr_chars(data if data is not None else path, page.page_number - 1,
                                    float(page.width), float(page.height))
                    chars = clean_chars(raw, 0, float(page.width), float(page.height), page.page_number)
                    did_ocr = True
                else:
                    missing_ocr = True
            glyphs = chars.chars
            if not did_ocr and is_ocr_layer(glyphs):
                glyphs = even_out(glyphs)
            lines = build_lines(glyphs, page.page_number)
            rotation = reading_rotation(page.rotation, chars.frame.angle, bool(glyphs))
            raw_pages.append(_RawPage(page.page_number, lines, chars.frame, rotation, n_chars, did_ocr, missing_ocr))
            page.close()
    parsed = layout_pages(path, raw_pages)
    parsed.repaired, parsed.controls_dropped = repaired, controls
    return parsed


def layout_pages(path: Path, raw_pages: list[_RawPage]) -> ParsedPdf:
    furniture = find_furniture([(p.lines, p.frame.height) for p in raw_pages])
    vocabulary = Vocabulary()
    body_lines: list[list[Line]] = []
    for raw, found in zip(raw_pages, furniture):
        lines = [ln for ln in raw.lines if not found.contains(ln)]
        vocabulary.add_lines(ln.text for ln in lines)
        body_lines.append(lines)
    body = body_style([Block(lines, 0) for lines in body_lines if lines])
    pages: list[PageLayout] = []
    for raw, found, lines in zip(raw_pages, furniture, body_lines):
        blocks = with_footnotes(build_blocks(lines, raw.number), body.size)
        pages.append(PageLayout(
            number=raw.number, width=raw.frame.width, height=raw.frame.height, rotation=raw.rotation,
            n_chars=raw.n_chars, blocks=order_blocks(blocks), header=found.header_text,
            footer=found.footer_text, page_label=found.page_label, furniture_method=found.method,
            ocr=raw.ocr, needs_ocr=raw.needs_ocr, frame=raw.frame,
        ))
    return ParsedPdf(path, pages, vocabulary)
