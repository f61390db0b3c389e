"""The glyphs of a page, cleaned: upright, ligatures expanded, fake-bold duplicates dropped.

Input is a pdfplumber page; output is a list of `Char` in content-stream order, which is the
order most generators draw text in and which the line builder relies on.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterator

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage

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
    for obj in _iter_objects(page.layout):
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
    return chars, (find_vector_checkboxes(shapes, chars) if shapes else []), share


def _iter_objects(container) -> Iterator[LTChar | LTCurve | LTImage]:
    for obj in container:
        if isinstance(obj, (LTChar, LTCurve, LTImage)):  # LTRect and LTLine are LTCurves
            yield obj
        elif isinstance(obj, LTContainer):
            yield from _iter_objects(obj)


def read_chars(page) -> PageChars:
    """Upright, deduplicated characters of a pdfplumber page."""
    raw, boxes, image_share = layout_chars(page) if hasattr(page, "layout") else (page.chars, [], 0.0)
    if boxes:
        raw = _with_checkbox_glyphs(raw, boxes)
    chars = clean_chars(raw, int(page.rotation or 0), float(page.width), float(page.height), page.page_number)
    return PageChars(chars.chars, chars.frame, chars.n_raw, chars.n_other_direction, image_share, chars.n_controls)


def clean_chars(raw: list[dict], rotation: int, width: float, height: float, page_number: int = 0) -> PageChars:
    """Glyph records (pdfplumber's fields) turned upright, ligatures expanded, overprints dropped."""
    # pdfplumber's width and height are those of the page as shown, /Rotate applied (as are the glyphs')
    frame_w, frame_h = width, height
    angles = [text_angle(c["matrix"]) if "matrix" in c else 0 for c in raw if not c["text"].isspace()]
    angle = dominant_angle(angles)
    frame = UprightFrame(angle, float(frame_w), float(frame_h))

    chars: list[Char] = []
    seen: dict[tuple[str, int, int], list[tuple[float, float]]] = {}
    other = controls = 0
    for c in raw:
        text = c["text"]
        if "matrix" in c and not text.isspace() and text_angle(c["matrix"]) != angle:
            other += 1
            continue
        text = LIGATURES.get(text, text)
        text, n = drop_controls(text)
        if n:
            controls += n
            if not text:
                continue
        if text.startswith("(cid:"):
            text = UNMAPPED_GLYPH
        x0, top, x1, bottom = frame.box(c["x0"], c["top"], c["x1"], c["bottom"])
        if not text.isspace():
            if _is_overprint(seen, text, x0, top, min(DUPLICATE_TOLERANCE, DUPLICATE_WIDTH_SHARE * (x1 - x0))):
                continue
            seen.setdefault((text, round(x0), round(top)), []).append((x0, top))
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
