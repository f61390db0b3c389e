"""Ruled tables of texts as Word-made lists set them, written with reportlab or fpdf2 (portrait or
landscape A4): a bold header row, every cell wrapped inside its column, grid lines around cells."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence


def reportlab_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                    landscape: bool = False, title: str = "", after: str = "", padding: float = 3.0,
                    size: float = 9.0) -> Path:
    """A reportlab platypus Table with a GRID, a bold header row (repeated on a next page), the
    title above it and a paragraph after it; widths in mm."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as turned
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=size, leading=size * 1.25)
    head = ParagraphStyle("head", parent=cell, fontName="Helvetica-Bold")
    story = []
    if title:
        story += [Paragraph(title, ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=14, leading=18)),
                  Spacer(1, 10)]
    grid = [[Paragraph(h, head) for h in header]] + [[Paragraph(t, cell) for t in row] for row in rows]
    table = Table(grid, colWidths=[w * mm for w in widths], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), padding), ("BOTTOMPADDING", (0, 0), (-1, -1), padding)]))
    story.append(table)
    if after:
        story += [Spacer(1, 12), Paragraph(after, ParagraphStyle("body", fontName="Helvetica", fontSize=10, leading=13))]
    size_of_page = turned(A4) if landscape else A4
    SimpleDocTemplate(str(path), pagesize=size_of_page, leftMargin=18 * mm, rightMargin=18 * mm,
                      topMargin=18 * mm, bottomMargin=18 * mm, invariant=1).build(story)
    return path


def fpdf_table(path: Path, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
               landscape: bool = False, title: str = "", size: float = 9.0, v_align: str = "TOP") -> Path:
    """An fpdf2 table (`FPDF.table`) with borders, a bold header row and tight cell padding, as a
    Word table without cell margins prints, cells top-aligned (Word's default) or centred; widths in
    mm; Latin-1 text (core fonts)."""
    from fpdf import FPDF

    pdf = FPDF(orientation="L" if landscape else "P", format="A4")
    pdf.set_creation_date(datetime(2025, 1, 1, tzinfo=timezone.utc))  # deterministic output
    pdf.add_page()
    if title:
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.set_font("Helvetica", size=size)
    with pdf.table(col_widths=tuple(widths), width=sum(widths), align="LEFT", line_height=size * 0.45,
                   padding=0.6, text_align="LEFT", v_align=v_align, first_row_as_headings=True) as table:
        for row in [header, *rows]:
            r = table.row()
            for text in row:
                r.cell(text)
    pdf.output(str(path))
    return path
