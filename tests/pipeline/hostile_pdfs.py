"""Hostile PDFs built byte by byte, for the isolation and fuzzing tests (and a by-hand batch).

Each builder returns the bytes of a small file that hangs or exhausts a parser that has no hard
per-file limit: a self-referencing resource dictionary, a page image of absurd size, a ToUnicode
map over 2^32 codes, millions of graphics operators. `python -m tests.pipeline.hostile_pdfs DIR`
writes them (and a valid paper) into DIR for a run with default options.
"""
from __future__ import annotations

import sys
import zlib
from pathlib import Path


def raw_pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of numbered objects (object n is `objects[n - 1]`) with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d /Root %d 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"", compress: bool = True) -> bytes:
    body = zlib.compress(data, 9) if compress else data
    flt = b" /Filter /FlateDecode" if compress else b""
    return b"<<%s /Length %d%s>>\nstream\n" % (extra, len(body), flt) + body + b"\nendstream"


def _page(resources: bytes, contents: bytes, media_box: bytes = b"[0 0 595 842]") -> list[bytes]:
    return [b"<</Type /Catalog /Pages 2 0 R>>", b"<</Type /Pages /Kids [3 0 R] /Count 1>>",
            b"<</Type /Page /Parent 2 0 R /MediaBox %s /Resources %s /Contents 4 0 R>>" % (media_box, resources),
            stream(contents)]


def self_referencing_resources() -> bytes:
    """A page whose /Resources is an object that is a reference to itself (`7 0 obj 7 0 R endobj`)."""
    objects = _page(b"7 0 R", b"BT /F1 12 Tf 56 700 Td (Tekst over de kermis.) Tj ET")
    objects += [b"null", b"null", b"7 0 R"]  # objects 5 and 6 unused; 7 refers to itself
    return raw_pdf(objects)


def huge_scan() -> bytes:
    """A scanned page: one image XObject of 200,000 x 200,000 grey pixels on a 14,400 pt page (the
    largest the PDF spec allows), in well under a kilobyte."""
    image = stream(b"\x00" * 4096, b"/Type /XObject /Subtype /Image /Width 200000 /Height 200000 "
                                   b"/ColorSpace /DeviceGray /BitsPerComponent 8")
    objects = _page(b"<</XObject <</Im1 5 0 R>>>>", b"q 14400 0 0 14400 0 0 cm /Im1 Do Q", b"[0 0 14400 14400]")
    return raw_pdf([*objects, image])


def tounicode_bomb() -> bytes:
    """A font whose ToUnicode map has one bfrange over every 4-byte code (2^32 codes)."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Bom def /CMapType 2 def\n"
            b"1 begincodespacerange <00000000> <FFFFFFFF> endcodespacerange\n"
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    font = (b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
            b"/ToUnicode 6 0 R>>")
    objects = _page(b"<</Font <</F1 5 0 R>>>>", b"BT /F1 12 Tf 56 700 Td (Tekst over de haven.) Tj ET")
    return raw_pdf([*objects, font, stream(cmap)])


def many_operators(n: int = 3_000_000) -> bytes:
    """A page of `n` graphics operators: `n / 2` tiny filled rectangles (`re` and `f`), each an
    object for the parser to build, Flate-compressed to a few hundred kilobytes."""
    ops = b"".join(b"%d %d 1 1 re f\n" % (i % 200 + 20, (i // 200) % 5 + 20) for i in range(n // 2))
    return raw_pdf(_page(b"<<>>", ops))


def hostile_set() -> dict[str, bytes]:
    return {"zelfverwijzing.pdf": self_referencing_resources(), "reuzenscan.pdf": huge_scan(),
            "tounicode.pdf": tounicode_bomb(), "operatoren.pdf": many_operators()}


def main(argv: list[str]) -> None:
    from tests.pdfs import Page, write_pdf

    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in hostile_set().items():
        (folder / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")
    page = Page().add(56, 60, "Raadsvoorstel", size=16, bold=True).add(56, 90, "Onderwerp: Een nieuw fietspad")
    page.lines(56, 120, ["De raad besluit:", "1. het krediet van EUR 20.000 beschikbaar te stellen."])
    write_pdf(folder / "geldig.pdf", [page])


if __name__ == "__main__":
    main(sys.argv[1:])
