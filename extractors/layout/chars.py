"""The glyphs of a page, cleaned: upright, ligatures expanded, fake-bold duplicates dropped.

Input is a pdfplumber page; output is a list of `Char` in content-stream order, which is the
order most generators draw text in and which the line builder relies on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect

from raadsstukken.extractors.layout.checkboxes import VectorBox, find_vector_checkboxes

from raadsstukken.extractors.layout.records import Char
from raadsstukken.extractors.layout.rotation import UprightFrame, dominant_angle, text_angle
from raadsstukken.extractors.text.controls import drop_controls

_log = logging.getLogger(__name__)

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij",
}
"""Presentation forms a PDF may carry for a glyph; readers search for the letters."""

UNMAPPED_GLYPH = "\ufffd"
"""A glyph without a Unicode mapping (pdfminer's "(cid:N)"): often a bullet or a box symbol."""

DUPLICATE_TOLERANCE = 1.0
"""Points within which a second identical glyph is an overprint (fake bold), not a new letter."""
DUPLICATE_WIDTH_SHARE = 0.5
"""...and within this share of the glyph's own width: the glyphs of a word an OCR layer squeezes
into a tiny box ("111" set 0.4 pt apart) are letters side by side, not an overprint."""


@dataclass(frozen=True)
class PageChars:
    chars: list[Char]
    frame: UprightFrame
    n_raw: int
    n_other_direction: int
    image_share: float = 0.0
    """Share of the page covered by images: a page that is one big image is a scan."""
    n_controls: int = 0
    """Control and bidi-override characters dropped from the glyphs' text (text/controls.py)."""


class _Glyph:
    """A glyph with what `layout_chars` reads of pdfminer's LTChar, computed the same way."""

    __slots__ = ("text", "matrix", "fontname", "x0", "y0", "x1", "y1", "size")
    text: str
    matrix: tuple[float, float, float, float, float, float]
    fontname: str | bytes
    x0: float
    y0: float
    x1: float
    y1: float
    size: float

    def get_text(self) -> str:
        return self.text


class _GlyphAggregator(PDFPageAggregator):
    """pdfminer's page aggregator (no layout analysis, as pdfplumber runs it), with each glyph a
    light `_Glyph` instead of an LTChar: the same text, box, size, font and matrix by the same
    arithmetic (pdfminer.converter.PDFLayoutAnalyzer.render_char and LTChar.__init__), without
    the dozen other attributes and pdfplumber's marked-content tags nothing here reads. A third
    of pdfminer's time per page went to building those."""

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            text = self.handle_undefined_char(font, cid)
        adv = font.char_width(cid) * fontsize * scaling
        vertical = font.is_vertical()
        if vertical:
            textdisp = font.char_disp(cid)
            assert isinstance(textdisp, tuple)
            (vx, vy) = textdisp
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            bbox = (-vx, vy + rise + adv, -vx + fontsize, vy + rise)
        else:
            descent = font.get_descent() * fontsize
            bbox = (0, descent + rise, adv, descent + rise + fontsize)
        (x0, y0, x1, y1) = apply_matrix_rect(matrix, bbox)
        if x1 < x0:
            (x0, x1) = (x1, x0)
        if y1 < y0:
            (y0, y1) = (y1, y0)
        glyph = _Glyph()
        glyph.text, glyph.matrix, glyph.fontname = text, matrix, font.fontname
        glyph.x0, glyph.y0, glyph.x1, glyph.y1 = x0, y0, x1, y1
        glyph.size = x1 - x0 if vertical else y1 - y0
        self.cur_item.add(glyph)  # type: ignore[arg-type]  # read back by _iter_objects only
        return adv


def page_layout(page):
    """The pdfminer layout of a pdfplumber page, with light glyphs (`_GlyphAggregator`); not
    cached on the page, so it is freed as soon as its glyphs are read. Errors are raised as
    pdfplumber's `page.layout` raises them (PdfminerException around the cause)."""
    from pdfplumber.page import Page
    from pdfplumber.utils.exceptions import PdfminerException

    if type(page) is not Page:  # a cropped or derived page: pdfplumber's own layout
        return page.layout
    device = _GlyphAggregator(page.pdf.rsrcmgr, pageno=page.page_number, laparams=page.pdf.laparams)
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    return device.get_result()


def layout_chars(page) -> tuple[list[dict], list[VectorBox], float]:
    """The glyphs of a pdfplumber page as light dicts, read straight off its pdfminer layout,
    and the page's vector-drawn checkboxes.

    The same fields as `page.chars` (text, x0, x1, top, bottom, size, fontname, matrix) in the
    same coordinates, without converting every attribute of every layout object: about a third
    of pdfplumber's time on a text-heavy page.
    """
    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    chars = []
    shapes: list[tuple[float, float, float, float, object]] = []
    image_area = 0.0
    for obj in _iter_objects(page_layout(page)):
        if isinstance(obj, LTImage):
            image_area += max(obj.width, 0) * max(obj.height, 0)
            continue
        if not isinstance(obj, (_Glyph, LTChar)):
            shapes.append((obj.x0 + mb_x0, height - obj.y1 + mb_top, obj.x1 + mb_x0, height - obj.y0 + mb_top, obj))
            continue
        font = obj.fontname
        if isinstance(font, bytes):
            font = font.decode("latin-1")
        chars.append({
            "text": obj.get_text(), "x0": obj.x0 + mb_x0, "x1": obj.x1 + mb_x0,
            "top": height - obj.y1 + mb_top, "bottom": height - obj.y0 + mb_top,
            "size": obj.size, "fontname": font, "matrix": obj.matrix,
        })
    share = min(image_area / max(float(page.width) * float(page.height), 1.0), 1.0)
    return chars, (find_vector_checkboxes(shapes, chars) if shapes else []), share


def _iter_objects(container) -> Iterator[_Glyph | LTChar | LTCurve | LTImage]:
    for obj in container:
        if isinstance(obj, (_Glyph, LTChar, LTCurve, LTImage)):  # LTRect and LTLine are LTCurves
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _iter_objects(obj)


def read_chars(page) -> PageChars:
    """Upright, deduplicated characters of a pdfplumber page."""
    # asked of the class first: `hasattr(page, "layout")` would run pdfplumber's whole layout property
    has_layout = hasattr(type(page), "layout") or hasattr(page, "layout")
    raw, boxes, image_share = layout_chars(page) if has_layout else (page.chars, [], 0.0)
    if boxes:
        raw = _with_checkbox_glyphs(raw, boxes)
    chars = clean_chars(raw, int(page.rotation or 0), float(page.width), float(page.height), page.page_number)
    return PageChars(chars.chars, chars.frame, chars.n_raw, chars.n_other_direction, image_share, chars.n_controls)


def clean_chars(raw: list[dict], rotation: int, width: float, height: float, page_number: int = 0) -> PageChars:
    """Glyph records (pdfplumber's fields) turned upright, ligatures expanded, overprints dropped."""
    # pdfplumber's width and height are those of the page as shown, /Rotate applied (as are the glyphs')
    frame_w, frame_h = width, height
    # a glyph's direction depends on the first two entries of its matrix only: computed once per
    # distinct pair (a page has a handful), not twice per glyph
    angle_of: dict[tuple[float, float], int] = {}
    glyph_angles: list[int | None] = []
    for c in raw:
        matrix = c.get("matrix")
        if matrix is None or c["text"].isspace():
            glyph_angles.append(None)
            continue
        pair = (matrix[0], matrix[1])
        found = angle_of.get(pair)
        if found is None:
            found = angle_of[pair] = text_angle(matrix)
        glyph_angles.append(found)
    angle = dominant_angle(a for a in glyph_angles if a is not None)
    frame = UprightFrame(angle, float(frame_w), float(frame_h))
    upright = angle == 0  # the frame maps points to themselves
    box = frame.box
    tolerance_cap = DUPLICATE_TOLERANCE
    share = DUPLICATE_WIDTH_SHARE

    chars: list[Char] = []
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    columns: set[tuple[str, int]] = set()  # (text, round(x0)) of `seen`: most glyphs have no neighbour to test
    other = controls = 0
    for c, glyph_angle in zip(raw, glyph_angles):
        text = c["text"]
        if glyph_angle is not None and glyph_angle != angle:
            other += 1
            continue
        text = LIGATURES.get(text, text)
        if not text.isprintable():
            text, n = drop_controls(text)
            if n:
                controls += n
                if not text:
                    continue
        if text.startswith("(cid:"):
            text = UNMAPPED_GLYPH
        if upright:
            ax, ay, bx, by = c["x0"], c["top"], c["x1"], c["bottom"]  # min and max as frame.box takes them
            x0, x1 = (bx if bx < ax else ax), (bx if bx > ax else ax)
            top, bottom = (by if by < ay else ay), (by if by > ay else ay)
        else:
            x0, top, x1, bottom = box(c["x0"], c["top"], c["x1"], c["bottom"])
        if not text.isspace():
            rx, ry = round(x0), round(top)
            if ((text, rx) in columns or (text, rx - 1) in columns or (text, rx + 1) in columns) \
                    and _is_overprint(seen, text, x0, top, min(tolerance_cap, share * (x1 - x0))):
                continue
            key = (text, rx, ry)
            at = seen.get(key)
            if at is None:
                seen[key] = [(x0, top)]
                columns.add((text, rx))
            else:
                at.append((x0, top))
        size = float(c["size"]) if angle in (0, 180) else bottom - top  # pdfminer's size is the shown box's height
        chars.append(Char(text, x0, top, x1, bottom, size, c["fontname"]))
    if other:
        _log.debug("page %s: %d glyphs in another direction than %d degrees left out", page_number, other, angle)
    return PageChars(chars, frame, len(raw), other, n_controls=controls)


def _is_overprint(seen: dict[tuple[str, int, int], list[tuple[float, float]]], text: str, x0: float, top: float,
                  tolerance: float = DUPLICATE_TOLERANCE) -> bool:
    rx, ry = round(x0), round(top)
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            for px, py in seen.get((text, rx + dx, ry + dy), ()):
                if abs(px - x0) <= tolerance and abs(py - top) <= DUPLICATE_TOLERANCE:
                    return True
    return False


def _with_checkbox_glyphs(chars: list[dict], boxes: list[VectorBox]) -> list[dict]:
    """Glyphs with a ☒/☐ in place of each drawn checkbox, in stream order before its label."""
    out = [c for c in chars if not any(b.absorbs(c) for b in boxes)]
    for box in boxes:
        glyph = box.as_char(out)
        at = next((i for i, c in enumerate(out) if c["x0"] >= box.x1 - 1 and box.same_line(c)), len(out))
        out.insert(at, glyph)
    return out
