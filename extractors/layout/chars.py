"""The glyphs of a page, cleaned: upright, ligatures expanded, fake-bold duplicates dropped.

Input is a pdfplumber page; output is a list of `Char` in content-stream order, which is the
order most generators draw text in and which the line builder relies on.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Iterable, Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTRect
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.utils import apply_matrix_rect

from raadsstukken.extractors.layout import cmaps, content_stream
from raadsstukken.extractors.layout.checkboxes import VectorBox, find_vector_checkboxes

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Char
from raadsstukken.extractors.layout.rulings import find_regions, rules_of
from raadsstukken.extractors.layout.rotation import UprightFrame, dominant_angle, text_angle
from raadsstukken.extractors.layout.stickers import Sticker, find_stickers
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.text.controls import drop_controls

_log = logging.getLogger(__name__)

cmaps.install()  # ToUnicode maps parsed once per process (extractors/layout/cmaps.py)
content_stream.install()  # content streams tokenized by regular expressions (extractors/layout/content_stream.py)

LIGATURES = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st", "\u0132": "IJ", "\u0133": "ij",
}
"""Presentation forms a PDF may carry for a glyph; readers search for the letters."""

UNMAPPED_GLYPH = "\ufffd"
"""A glyph without a Unicode mapping (pdfminer's "(cid:N)"): often a bullet or a box symbol."""

SLANTED = -1
"""The direction `clean_chars` notes for a glyph set at a slant (read apart as `PageChars.diagonal`)."""

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
    grids: tuple[BBox, ...] = ()
    """Boxes of the page's ruled grids (`rulings.py`), in pdfplumber's coordinates of the page."""
    rotated: tuple[tuple[int, tuple[Char, ...]], ...] = ()
    """Glyphs set in another direction than the page's text (an edge legend set sideways), per
    direction, each in the upright frame of its own direction (`rotated_text.py` reads them)."""
    invisible_share: float = 0.0
    """Share of the page's glyphs drawn invisibly (text render mode 3 or 7): a layer laid over a
    page image, as OCR software lays its words over the scan (`text_layer.is_invisible_layer`)."""
    text_frames: tuple[BBox, ...] = ()
    """Boxes of the text frames in the page's grids (`rulings.find_regions`), in pdfplumber's coordinates."""
    stickers: tuple[Sticker, ...] = ()
    """The page's registration stickers, found by their barcodes (`stickers.py`), in pdfplumber's coordinates."""
    diagonal: tuple[tuple[float, tuple[Char, ...]], ...] = ()
    """Glyphs set at a slant across the page (a watermark, "CONCEPT" at 45 degrees), per baseline
    angle (degrees counter-clockwise from the page's reading direction), their envelopes in the
    page's upright frame (`rotated_text.diagonal_lines` reads them)."""


_pdfdevice_log = logging.getLogger("pdfminer.pdfdevice")


class _GlyphAggregator(PDFPageAggregator):
    """pdfminer's page aggregator (no layout analysis, as pdfplumber runs it) that hands each
    glyph straight to `glyphs` as the record `layout_chars` returns (pdfplumber's fields, in its
    top-left coordinates), in drawing order, with the same text, box, size, font and matrix by the
    same arithmetic as pdfminer (PDFTextDevice.render_string_horizontal, PDFLayoutAnalyzer.render_char,
    LTChar.__init__, utils.translate_matrix and apply_matrix_rect, every product and sum in the same
    order, so every float is the same). It builds no LTChar and no pdfplumber marked-content tags,
    and works out a glyph's text, width, the font's descent and name once per font and code
    instead of once per glyph: a third of pdfminer's time per page went to building LTChars, and
    most of the rest of it to the per-glyph calls this fuses into one loop. Drawings and images
    still go to the layout tree (`cur_item`)."""

    def __init__(self, rsrcmgr, pageno: int, laparams, height: float, x_shift: float, top_shift: float) -> None:
        super().__init__(rsrcmgr, pageno=pageno, laparams=laparams)
        self.glyphs: list[dict] = []
        self.invisible = 0
        """Glyphs drawn in an invisible text render mode (3: neither filled nor stroked; 7: a clip
        only), as an OCR layer lies over its page image."""
        self._height, self._x_shift, self._top_shift = height, x_shift, top_shift
        self._fonts: dict[object, tuple[dict[int, tuple[str, float]], float, str]] = {}

    def _font(self, font) -> tuple[dict[int, tuple[str, float]], float, str]:
        """(codes seen -> (text, width), descent, name) of a font, made on its first glyph."""
        known = self._fonts.get(font)
        if known is None:
            name = font.fontname
            if isinstance(name, bytes):
                name = name.decode("latin-1")
            known = self._fonts[font] = ({}, font.get_descent(), name)
        return known

    def _code(self, font, codes: dict[int, tuple[str, float]], cid: int) -> tuple[str, float]:
        """(text, width) of a code: a code without a Unicode mapping is asked again every time
        (`handle_undefined_char` logs each), so only mapped codes are kept."""
        try:
            text = font.to_unichr(cid)
            assert isinstance(text, str), str(type(text))
        except PDFUnicodeNotDefined:
            return self.handle_undefined_char(font, cid), font.char_width(cid)
        found = codes[cid] = (text, font.char_width(cid))
        return found

    def render_string(self, textstate, seq, ncs, graphicstate):
        if textstate.render in (3, 7):
            before = len(self.glyphs)
            super().render_string(textstate, seq, ncs, graphicstate)
            self.invisible += len(self.glyphs) - before
        else:
            super().render_string(textstate, seq, ncs, graphicstate)

    def render_string_horizontal(self, seq, matrix, pos, font, fontsize, scaling, charspace, wordspace, rise,
                                 dxscale, ncs, graphicstate):
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        codes, font_descent, fontname = self._font(font)
        descent = font_descent * fontsize
        y0b = descent + rise
        y1b = descent + rise + fontsize
        # the parts of apply_matrix_rect's corner sums that are the same for every glyph of the string,
        # each sum evaluated left to right as there: (a * 0 + c * y0b) + e1 is `left_low + e1`
        c_low, c_high, d_low, d_high = c * y0b, c * y1b, d * y0b, d * y1b
        left_low, left_high = a * 0 + c_low, a * 0 + c_high
        base_low, base_high = b * 0 + d_low, b * 0 + d_high
        height, x_shift, top_shift = self._height, self._x_shift, self._top_shift
        append = self.glyphs.append
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
            elif isinstance(obj, bytes):
                for cid in font.decode(obj):
                    if needcharspace:
                        x += charspace
                    known = codes.get(cid)
                    text, width = known if known is not None else self._code(font, codes, cid)
                    adv = width * fontsize * scaling
                    # translate_matrix(matrix, (x, y)), then apply_matrix_rect(that, bbox)
                    e1 = x * a + y * c + e
                    f1 = x * b + y * d + f
                    a_adv, b_adv = a * adv, b * adv
                    left1, bottom1 = left_low + e1, base_low + f1
                    right1, bottom2 = a_adv + c_low + e1, b_adv + d_low + f1
                    right2, top1 = a_adv + c_high + e1, b_adv + d_high + f1
                    left2, top2 = left_high + e1, base_high + f1
                    # min() and max() of (left1, left2, right1, right2) and of (bottom1, bottom2, top1,
                    # top2) by their own comparisons, in their order (the first of equal values wins)
                    x0 = x1 = left1
                    if left2 < x0:
                        x0 = left2
                    if right1 < x0:
                        x0 = right1
                    if right2 < x0:
                        x0 = right2
                    if left2 > x1:
                        x1 = left2
                    if right1 > x1:
                        x1 = right1
                    if right2 > x1:
                        x1 = right2
                    y0 = y1 = bottom1
                    if bottom2 < y0:
                        y0 = bottom2
                    if top1 < y0:
                        y0 = top1
                    if top2 < y0:
                        y0 = top2
                    if bottom2 > y1:
                        y1 = bottom2
                    if top1 > y1:
                        y1 = top1
                    if top2 > y1:
                        y1 = top2
                    append({"text": text, "x0": x0 + x_shift, "x1": x1 + x_shift,
                            "top": height - y1 + top_shift, "bottom": height - y0 + top_shift,
                            "size": y1 - y0, "fontname": fontname, "matrix": (a, b, c, d, e1, f1)})
                    x += adv
                    if cid == 32 and wordspace:
                        x += wordspace
                    needcharspace = True
            else:
                _pdfdevice_log.warning("Cannot render horizontal string because %r is not a valid int, float or bytes.",
                                       obj)
        return (x, y)

    def render_char(self, matrix, font, fontsize, scaling, rise, cid, ncs, graphicstate):
        """One glyph of a vertical string (pdfminer's render_string_vertical calls this per code)."""
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
        fontname = self._font(font)[2]
        self.glyphs.append({"text": text, "x0": x0 + self._x_shift, "x1": x1 + self._x_shift,
                            "top": self._height - y1 + self._top_shift, "bottom": self._height - y0 + self._top_shift,
                            "size": x1 - x0 if vertical else y1 - y0, "fontname": fontname, "matrix": matrix})
        return adv


def page_layout(page):
    """The pdfminer layout of a pdfplumber page (drawings and images; not cached on the page, so
    it is freed as soon as it is read) and its glyphs as `layout_chars` records, read by
    `_GlyphAggregator`. Errors are raised as pdfplumber's `page.layout` raises them
    (PdfminerException around the cause)."""
    from pdfplumber.utils.exceptions import PdfminerException

    device = _GlyphAggregator(page.pdf.rsrcmgr, page.page_number, page.pdf.laparams, page.height,
                              page.mediabox[0], page.mediabox[1])
    interpreter = PDFPageInterpreter(page.pdf.rsrcmgr, device)
    try:
        interpreter.process_page(page.page_obj)
    except Exception as e:
        raise PdfminerException(e) from e
    return device.get_result(), device.glyphs, device.invisible


def layout_chars(page) -> tuple[list[dict], list[VectorBox], float,
                                tuple[tuple[BBox, ...], tuple[BBox, ...], tuple[Sticker, ...]], float]:
    """The glyphs of a pdfplumber page as light dicts, read straight off its pdfminer layout,
    the page's vector-drawn checkboxes, the share of it images cover, its ruled grids, the text
    frames in them (`rulings.find_regions`) and its registration stickers (`stickers.py`), and the
    share of its glyphs drawn invisibly.

    The same fields as `page.chars` (text, x0, x1, top, bottom, size, fontname, matrix) in the
    same coordinates, without converting every attribute of every layout object: about a third
    of pdfplumber's time on a text-heavy page.
    """
    from pdfplumber.page import Page

    height = page.height
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    invisible = 0
    if type(page) is Page:
        layout, chars, invisible = page_layout(page)
    else:  # a cropped or derived page: pdfplumber's own layout, LTChars read as they are
        layout, chars = page.layout, []
    shapes: list[tuple[float, float, float, float, object]] = []
    image_area = 0.0
    for obj in _iter_objects(layout):
        if isinstance(obj, LTImage):
            image_area += max(obj.width, 0) * max(obj.height, 0)
            continue
        if not isinstance(obj, LTChar):
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
    hidden = invisible / len(chars) if chars else 0.0
    if not shapes:
        return chars, [], share, ((), (), ()), hidden
    x0, top, x1, bottom = (float(v) for v in page.bbox)
    grids, frames = find_regions(rules_of(((sx0, stop, sx1, sbottom, isinstance(obj, LTRect))
                                           for sx0, stop, sx1, sbottom, obj in shapes), BBox(x0, top, x1, bottom)),
                                 bottom - top)
    return chars, find_vector_checkboxes(shapes, chars), share, (tuple(grids), tuple(frames),
                                                                 tuple(find_stickers(shapes))), hidden


def _iter_objects(container) -> Iterator[LTChar | LTCurve | LTImage]:
    for obj in container:
        if isinstance(obj, (LTChar, LTCurve, LTImage)):  # LTRect and LTLine are LTCurves
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _iter_objects(obj)


def read_chars(page) -> PageChars:
    """Upright, deduplicated characters of a pdfplumber page."""
    # asked of the class first: `hasattr(page, "layout")` would run pdfplumber's whole layout property
    has_layout = hasattr(type(page), "layout") or hasattr(page, "layout")
    raw, boxes, image_share, (grids, frames, stickers), hidden = layout_chars(page) if has_layout \
        else (page.chars, [], 0.0, ((), (), ()), 0.0)
    if boxes:
        raw = _with_checkbox_glyphs(raw, boxes)
    chars = clean_chars(raw, int(page.rotation or 0), float(page.width), float(page.height), page.page_number)
    return PageChars(chars.chars, chars.frame, chars.n_raw, chars.n_other_direction, image_share, chars.n_controls,
                     grids, chars.rotated, hidden, frames, stickers, chars.diagonal)


def clean_chars(raw: list[dict], rotation: int, width: float, height: float, page_number: int = 0) -> PageChars:
    """Glyph records (pdfplumber's fields) turned upright, ligatures expanded, overprints dropped."""
    # pdfplumber's width and height are those of the page as shown, /Rotate applied (as are the glyphs')
    frame_w, frame_h = width, height
    one_way = _one_direction(raw)
    glyph_angles: Iterable[int | None]
    slanted: list[tuple[float, dict]] = []
    if one_way is not None:  # the common case: every glyph set one way, the page's, and none apart
        angle, glyph_angles = one_way, repeat(None)
    else:
        # a glyph's direction depends on the first two entries of its matrix only: computed once per
        # distinct pair (a page has a handful), not twice per glyph
        angle_of: dict[tuple[float, float], int] = {}
        slant_of: dict[tuple[float, float], float | None] = {}
        slant_min = _diagonal_degrees()
        each: list[int | None] = []
        for c in raw:
            matrix = c.get("matrix")
            if matrix is None or c["text"].isspace():
                each.append(None)
                continue
            pair = (matrix[0], matrix[1])
            found = angle_of.get(pair)
            if found is None:
                found = angle_of[pair] = text_angle(matrix)
                slant_of[pair] = glyph_slant(matrix, slant_min)
            slant = slant_of[pair]
            if slant is not None:
                # a glyph set at a slant across the page (a watermark) reads in no direction of the page's
                each.append(SLANTED)
                slanted.append((slant, c))
                continue
            each.append(found)
        glyph_angles = each
        # the page's direction is its text's: a legend set sideways along an edge does not vote (on a
        # page of a few lines it would outnumber them); a page of edge text only is read as it runs
        edge = edge_band()
        inner = [a for a, c in zip(each, raw) if a is not None and a != SLANTED
                 and not _at_edge(c, frame_w, frame_h, edge)]
        angle = dominant_angle(inner) if inner else dominant_angle(a for a in each if a is not None and a != SLANTED)
    frame = UprightFrame(angle, float(frame_w), float(frame_h))
    upright = angle == 0  # the frame maps points to themselves
    box = frame.box
    tolerance_cap = DUPLICATE_TOLERANCE
    share = DUPLICATE_WIDTH_SHARE
    size_of_glyph = angle in (0, 180)  # else pdfminer's size is the shown box's height

    chars: list[Char] = []
    append = chars.append
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    columns: dict[str, dict[int, set[int]]] = {}  # text -> round(x0) -> round(top) of `seen`: the cells to test
    texts: dict[str, tuple[str | None, int, bool]] = {}  # a glyph's text -> what it is read as (a page has a few dozen)
    other = controls = 0
    sideways: dict[int, list[dict]] = {}
    for c, glyph_angle in zip(raw, glyph_angles):
        if glyph_angle == SLANTED:
            continue  # read apart (`diagonal`)
        if glyph_angle is not None and glyph_angle != angle:
            other += 1
            sideways.setdefault(glyph_angle, []).append(c)
            continue
        known = texts.get(c["text"])
        if known is None:
            known = texts[c["text"]] = _glyph_text(c["text"])
        text, n, space = known
        controls += n
        if text is None:
            continue
        if upright:
            ax, ay, bx, by = c["x0"], c["top"], c["x1"], c["bottom"]  # min and max as frame.box takes them
            x0, x1 = (bx if bx < ax else ax), (bx if bx > ax else ax)
            top, bottom = (by if by < ay else ay), (by if by > ay else ay)
        else:
            x0, top, x1, bottom = box(c["x0"], c["top"], c["x1"], c["bottom"])
        if not space:
            rx, ry = round(x0), round(top)
            near = columns.get(text)
            if near is not None:
                # a glyph of the same text in a neighbouring cell of `seen` (rounded x and top within 1)
                rows = near.get(rx)
                hit = rows is not None and (ry in rows or ry - 1 in rows or ry + 1 in rows)
                if not hit:
                    rows = near.get(rx - 1)
                    hit = rows is not None and (ry in rows or ry - 1 in rows or ry + 1 in rows)
                if not hit:
                    rows = near.get(rx + 1)
                    hit = rows is not None and (ry in rows or ry - 1 in rows or ry + 1 in rows)
                if hit and _is_overprint(seen, text, x0, top, min(tolerance_cap, share * (x1 - x0))):
                    continue
            key = (text, rx, ry)
            at = seen.get(key)
            if at is None:
                seen[key] = [(x0, top)]
                if near is None:
                    columns[text] = {rx: {ry}}
                else:
                    rows = near.get(rx)
                    if rows is None:
                        near[rx] = {ry}
                    else:
                        rows.add(ry)
            else:
                at.append((x0, top))
        append(Char(text, x0, top, x1, bottom, float(c["size"]) if size_of_glyph else bottom - top, c["fontname"]))
    if other:
        _log.debug("page %s: %d glyphs in another direction than %d degrees read apart", page_number, other, angle)
    rotated = tuple((a, _in_own_frame(glyphs, a, float(frame_w), float(frame_h))) for a, glyphs in sorted(sideways.items()))
    return PageChars(chars, frame, len(raw), other + len(slanted), n_controls=controls, rotated=rotated,
                     diagonal=_slanted_in_frame(slanted, frame))


def glyph_slant(matrix, slant_min: float) -> float | None:
    """The angle (degrees counter-clockwise, y up) of a glyph's baseline when it is set at a slant, off
    every direction a page is read in by more than `slant_min` degrees; None for a glyph set upright
    or sideways."""
    angle = math.degrees(math.atan2(matrix[1], matrix[0])) % 360
    off = angle % 90
    return angle if min(off, 90 - off) > slant_min else None


@lru_cache(maxsize=1)
def _diagonal_degrees() -> float:
    return float(read_rules("page_furniture")["rotated"]["diagonal_degrees"])


def _slanted_in_frame(slanted: list[tuple[float, dict]], frame: UprightFrame) -> tuple[tuple[float, tuple[Char, ...]], ...]:
    """Slanted glyphs per baseline angle (whole degrees, relative to the frame's reading direction),
    their envelopes in the upright `frame`; the size is the glyph's own (the matrix's scale)."""
    by_angle: dict[float, list[Char]] = {}
    for angle, c in slanted:
        text, _, _ = _glyph_text(c["text"])
        if text is None:
            continue
        x0, top, x1, bottom = frame.box(c["x0"], c["top"], c["x1"], c["bottom"])
        matrix = c["matrix"]
        size = math.hypot(matrix[0], matrix[1]) or float(c["size"])
        by_angle.setdefault(float(round(angle - frame.angle) % 360), []).append(
            Char(text, x0, top, x1, bottom, size, c["fontname"]))
    return tuple((a, tuple(g)) for a, g in sorted(by_angle.items()))


def _one_direction(raw: list[dict]) -> int | None:
    """The direction of a page's glyphs when they all run one way (spaces included) and one is no
    space: then that is the page's direction and no glyph is read apart (`clean_chars`); else None.
    A glyph's direction depends on the first two entries of its matrix only (a page has a handful of
    distinct pairs), so these are collected first and judged once each."""
    if not raw:
        return None
    try:
        pairs = {(m[0], m[1]) for m in map(itemgetter("matrix"), raw)}
    except (KeyError, TypeError):  # a glyph without a matrix: judged glyph by glyph
        return None
    angles = {text_angle(pair) for pair in pairs}
    if len(angles) != 1 or all(c["text"].isspace() for c in raw):
        return None
    slant_min = _diagonal_degrees()
    if any(glyph_slant(pair, slant_min) is not None for pair in pairs):
        return None  # a watermark set at a slant: read apart
    return angles.pop()


def edge_band() -> float:
    """Share of the page's width (height) along each edge where sideways text is an edge legend
    (rules/page_furniture.toml [rotated])."""
    return _edge_band()


@lru_cache(maxsize=1)
def _edge_band() -> float:
    return float(read_rules("page_furniture")["rotated"]["edge_share"])


def _at_edge(c: dict, width: float, height: float, share: float) -> bool:
    """Whether a glyph's centre lies in the band along an edge of the page."""
    cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
    return min(cx, width - cx) < share * width or min(cy, height - cy) < share * height


def _in_own_frame(glyphs: list[dict], angle: int, width: float, height: float) -> tuple[Char, ...]:
    """Glyphs of one other direction as `Char`s in the frame where they read left to right
    (ligatures expanded, controls dropped; no overprint test: such legends are short)."""
    frame = UprightFrame(angle, width, height)
    out: list[Char] = []
    for c in glyphs:
        text, _, _ = _glyph_text(c["text"])
        if text is None:
            continue
        x0, top, x1, bottom = frame.box(c["x0"], c["top"], c["x1"], c["bottom"])
        out.append(Char(text, x0, top, x1, bottom, float(c["size"]) if angle in (0, 180) else bottom - top,
                        c["fontname"]))
    return tuple(out)


def _glyph_text(text: str) -> tuple[str | None, int, bool]:
    """What a glyph's text is read as: (text with ligatures expanded, controls dropped and an
    unmapped glyph marked, or None when nothing is left; controls dropped; whether it is space)."""
    text = LIGATURES.get(text, text)
    n = 0
    if not text.isprintable():
        text, n = drop_controls(text)
        if n and not text:
            return None, n, False
    if text.startswith("(cid:"):
        text = UNMAPPED_GLYPH
    return text, n, text.isspace()


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
