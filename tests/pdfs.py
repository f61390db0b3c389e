"""Small PDFs made on the spot with reportlab, so each rule is tested on input it has never seen.

Text is placed by its top edge in pdfplumber's convention (points from the top of the page), so
a test reads like the layout it describes. Wordings are invented; none comes from the samples.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

WIDTH, HEIGHT = A4


@dataclass
class Text:
    x: float
    top: float
    text: str
    size: float = 10.0
    bold: bool = False
    rise: float = 0.0
    """Raise the text's baseline by this many points (superscripts)."""
    overprint: float = 0.0
    """Draw the text a second time shifted by this many points (fake bold)."""


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    rotation: int = 0

    def add(self, x: float, top: float, text: str, size: float = 10.0, **kw) -> Page:
        self.texts.append(Text(x, top, text, size, **kw))
        return self

    def lines(self, x: float, top: float, lines: list[str], size: float = 10.0, leading: float = 13.0,
              **kw) -> float:
        """Add consecutive lines; returns the top of the line after the last one."""
        for i, line in enumerate(lines):
            self.add(x, top + i * leading, line, size, **kw)
        return top + len(lines) * leading


def write_pdf(path: Path, pages: list[Page]) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        c.setPageRotation(page.rotation)
        for t in page.texts:
            font = "Helvetica-Bold" if t.bold else "Helvetica"
            c.setFont(font, t.size)
            baseline = HEIGHT - t.top - t.size * 0.8 + t.rise
            c.drawString(t.x, baseline, t.text)
            if t.overprint:
                c.drawString(t.x + t.overprint, baseline, t.text)
        c.showPage()
    c.save()
    return path


def paragraph_lines(words: list[str], per_line: int) -> list[str]:
    return [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
