"""PDFs written object by object, for inputs reportlab will not make: any /Rotate value (-90, 450,
45), any MediaBox (zero, huge), and text whose ToUnicode map yields control characters.

Text is placed by its top edge in pdfplumber's convention (points from the top of the MediaBox), in
the page's own (unrotated) frame. Wordings are invented.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class RawText:
    x: float
    top: float
    text: str
    size: float = 10.0
    bold: bool = False


@dataclass
class RawPage:
    texts: list[RawText] = field(default_factory=list)
    rotate: object = None
    """The /Rotate value written as is (None: no /Rotate)."""
    mediabox: tuple[float, float, float, float] = (0, 0, 595, 842)
    to_unicode: dict[str, str] | None = None
    """Characters whose glyph a ToUnicode map sends to another text (e.g. {"#": "\\x1b"})."""

    def add(self, x: float, top: float, text: str, size: float = 10.0, bold: bool = False) -> RawPage:
        self.texts.append(RawText(x, top, text, size, bold))
        return self


def _escape(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _cmap(mapping: dict[str, str]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             b"1 begincodespacerange <00> <FF> endcodespacerange"]
    # every other byte maps to itself, so only the listed glyphs change
    pairs = {chr(i): chr(i) for i in range(32, 127)}
    pairs.update(mapping)
    items = sorted(pairs.items())
    for start in range(0, len(items), 100):
        chunk = items[start:start + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for src, dst in chunk:
            lines.append(b"<%02X> <%s>" % (ord(src), dst.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


def raw_pdf_bytes(pages: list[RawPage]) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>")
    parent = add(b"")
    kids = []
    for page in pages:
        fonts = (regular, bold)
        if page.to_unicode:
            cmap = _cmap(page.to_unicode)
            stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap))
            fonts = tuple(add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding "
                              b"/ToUnicode %d 0 R >>" % (name, stream)) for name in (b"Helvetica", b"Helvetica-Bold"))
        top_y = page.mediabox[3]
        ops = [b"BT /F%d %g Tf 1 0 0 1 %g %g Tm (%s) Tj ET" % (2 if t.bold else 1, t.size, t.x,
                                                              top_y - t.top - t.size * 0.8, _escape(t.text))
               for t in page.texts]
        content = b"\n".join(ops)
        contents = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        rotate = b"" if page.rotate is None else b" /Rotate " + str(page.rotate).encode()
        box = b" ".join(b"%g" % v for v in page.mediabox)
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [%s]%s /Resources << /Font << /F1 %d 0 R "
                        b"/F2 %d 0 R >> >> /Contents %d 0 R >>" % (parent, box, rotate, fonts[0], fonts[1], contents)))
    objects[parent - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def write_raw_pdf(path: Path, pages: list[RawPage]) -> Path:
    path.write_bytes(raw_pdf_bytes(pages))
    return path
