"""Pages with a budget-breaking number of vector objects (zoning maps, technical drawings).

pdfminer interprets every path of a page in Python: a map of 100,000 curves and hatch strokes
takes about a minute before a single label is read. Such a page is recognised cheaply, by the
size of its content streams (read off their dictionaries, nothing decoded), then its objects are
counted by pdfium (in C, well under a second); over the budget its text is read with pdfium's
text page alone, glyph by glyph in the fields pdfplumber gives, and the vectors are left unread
(they carry no text; drawn checkboxes are not looked for on such a page). The run notes it in
`runs.warnings`.
"""
from __future__ import annotations

import ctypes
import logging
from pathlib import Path

from pdfminer.pdftypes import PDFStream, resolve1

_log = logging.getLogger(__name__)

MIN_CONTENT_BYTES = 1_000_000
"""Content streams (page and its form XObjects, as stored) shorter than this are never dense."""
MAX_OBJECTS = 20_000
"""A page with more objects (paths, glyph runs, images) than this is read with the text-only reader."""


def content_bytes(page) -> int:
    """Stored length of a pdfplumber page's content streams and its form XObjects' streams."""
    total = 0
    contents = resolve1(page.page_obj.attrs.get("Contents"))
    for stream in contents if isinstance(contents, list) else [contents]:
        stream = resolve1(stream)
        if isinstance(stream, PDFStream):
            total += int(resolve1(stream.attrs.get("Length", 0)) or 0)
    resources = resolve1(page.page_obj.attrs.get("Resources")) or {}
    xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
    for ref in (xobjects or {}).values():
        obj = resolve1(ref)
        if isinstance(obj, PDFStream) and getattr(resolve1(obj.attrs.get("Subtype")), "name", None) == "Form":
            total += int(resolve1(obj.attrs.get("Length", 0)) or 0)
    return total


def read_dense(page, source: Path | bytes) -> tuple[int, list[dict]] | None:
    """(object count, glyphs) of a page over the budget, read by pdfium's text page alone; None for
    a page read the normal way. pdfium loads the page once for both."""
    try:
        if content_bytes(page) < MIN_CONTENT_BYTES:
            return None
    except (TypeError, ValueError, AttributeError):
        return None
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(source if isinstance(source, bytes) else str(source))
    try:
        pdf_page = pdf[page.page_number - 1]
        try:
            n = count_objects(pdf_page)
            if n <= MAX_OBJECTS:
                return None
            return n, text_only_chars(pdf_page, float(page.height))
        finally:
            pdf_page.close()
    finally:
        pdf.close()


def count_objects(page) -> int:
    """Number of objects on a pdfium page (those inside form XObjects counted too)."""
    import pypdfium2.raw as raw

    n = raw.FPDFPage_CountObjects(page.raw)
    for i in range(n):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
            n += raw.FPDFFormObj_CountObjects(obj)
    return n


def text_only_chars(page, height: float) -> list[dict]:
    """The glyphs of a pdfium page read by its text page, as pdfplumber's glyph dicts (text, x0, x1,
    top, bottom, size, fontname, matrix; top-left origin, the page as shown)."""
    import pypdfium2.raw as raw

    out: list[dict] = []
    textpage = page.get_textpage()
    try:
        name = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()
        matrix = raw.FS_MATRIX()
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(textpage.raw, i)
            if not code or raw.FPDFText_IsGenerated(textpage.raw, i) == 1 and chr(code) not in " \t":
                continue
            text = chr(code)
            if text in "\r\n":
                continue
            left, bottom, right, top = textpage.get_charbox(i, loose=True)
            size = float(raw.FPDFText_GetFontSize(textpage.raw, i)) or (top - bottom)
            raw.FPDFText_GetFontInfo(textpage.raw, i, name, 256, ctypes.byref(flags))
            a, b, c, d, e, f = 1.0, 0.0, 0.0, 1.0, left, bottom
            if raw.FPDFText_GetMatrix(textpage.raw, i, ctypes.byref(matrix)):
                a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
            out.append({"text": text, "x0": left, "x1": right, "top": height - top, "bottom": height - bottom,
                        "size": size, "fontname": name.value.decode("latin-1", errors="replace"),
                        "matrix": (a * size, b * size, c * size, d * size, e, f)})
    finally:
        textpage.close()
    return out
