"""Small PDFs made on the spot with reportlab, so each rule is tested on input it has never seen.

Text is placed by its top edge in pdfplumber's convention (points from the top of the page), so
a test reads like the layout it describes. Wordings are invented; none comes from the samples.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
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
    font: str | None = None
    """A font name; "DejaVu" is a Unicode TrueType font with box glyphs (☐ ☒)."""
    angle: float = 0.0
    """Set the text turned counter-clockwise by this many degrees about its start (x, top) as its
    baseline's start: 90 runs up the page from there."""


@dataclass
class Shape:
    kind: str  # "rect", "line" or "circle" (drawn in the box x0, top, x1, bottom)
    x0: float
    top: float
    x1: float
    bottom: float
    fill: bool = False


@dataclass
class Page:
    texts: list[Text] = field(default_factory=list)
    rotation: int = 0
    shapes: list[Shape] = field(default_factory=list)

    def rect(self, x0: float, top: float, x1: float, bottom: float, fill: bool = False) -> Page:
        self.shapes.append(Shape("rect", x0, top, x1, bottom, fill))
        return self

    def line(self, x0: float, top: float, x1: float, bottom: float) -> Page:
        self.shapes.append(Shape("line", x0, top, x1, bottom))
        return self

    def circle(self, x: float, top: float, diameter: float, fill: bool = False) -> Page:
        """A circle drawn as a path of curves (a binder's punched hole, a dot)."""
        self.shapes.append(Shape("circle", x, top, x + diameter, top + diameter, fill))
        return self

    def checkbox(self, x: float, top: float, ticked: bool, side: float = 8.0) -> Page:
        """A checkbox drawn as vector paths: a square, with a cross inside when ticked."""
        self.rect(x, top, x + side, top + side)
        if ticked:
            self.line(x + 1.5, top + 1.5, x + side - 1.5, top + side - 1.5)
            self.line(x + 1.5, top + side - 1.5, x + side - 1.5, top + 1.5)
        return self

    def add(self, x: float, top: float, text: str, size: float = 10.0, **kw) -> Page:
        self.texts.append(Text(x, top, text, size, **kw))
        return self

    def lines(self, x: float, top: float, lines: list[str], size: float = 10.0, leading: float = 13.0,
              **kw) -> float:
        """Add consecutive lines; returns the top of the line after the last one."""
        for i, line in enumerate(lines):
            self.add(x, top + i * leading, line, size, **kw)
        return top + len(lines) * leading


def ruled_items(page: Page, top: float, items: list[tuple[str, list[tuple[str, list[str]]]]],
                x0: float = 50, split: float = 150, x1: float = 545) -> float:
    """Agenda items as council systems export them: per item a ruled table, a bar with the item's
    name over rows of a label cell and a value cell, every cell ruled round; returns the top
    under the last table."""
    for name, rows in items:
        page.rect(x0, top, x1, top + 20, fill=True)
        page.add(x0 + 8, top + 6, name, size=10, bold=True)
        top += 20
        for label, value in rows:
            height = 10 + 13 * len(value)
            page.rect(x0, top, split, top + height).rect(split, top, x1, top + height)
            page.add(x0 + 6, top + 6, label, size=8.5)
            page.lines(split + 8, top + 6, value, size=9.5)
            top += height
        top += 14
    return top


UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
"""Debian's fonts-dejavu-core (installed by .ci/run): a font with checkbox glyphs."""


def unicode_font() -> str:
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(UNICODE_FONT)))
    return "DejaVu"


def write_pdf(path: Path, pages: list[Page]) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for page in pages:
        c.setPageRotation(page.rotation)
        for sh in page.shapes:
            if sh.kind == "rect":
                c.rect(sh.x0, HEIGHT - sh.bottom, sh.x1 - sh.x0, sh.bottom - sh.top, stroke=1, fill=int(sh.fill))
            elif sh.kind == "circle":
                c.circle((sh.x0 + sh.x1) / 2, HEIGHT - (sh.top + sh.bottom) / 2, (sh.x1 - sh.x0) / 2, stroke=1,
                         fill=int(sh.fill))
            else:
                c.line(sh.x0, HEIGHT - sh.top, sh.x1, HEIGHT - sh.bottom)
        for t in page.texts:
            font = unicode_font() if t.font == "DejaVu" else t.font or ("Helvetica-Bold" if t.bold else "Helvetica")
            c.setFont(font, t.size)
            if t.angle:
                c.saveState()
                c.translate(t.x, HEIGHT - t.top)
                c.rotate(t.angle)
                c.drawString(0, 0, t.text)
                c.restoreState()
                continue
            baseline = HEIGHT - t.top - t.size * 0.8 + t.rise
            c.drawString(t.x, baseline, t.text)
            if t.overprint:
                c.drawString(t.x + t.overprint, baseline, t.text)
        c.showPage()
    c.save()
    return path


def write_report(path: Path, topic: str, pages: int = 1,
                 title: str = "Stand van zaken {topic} deel {part}",
                 lines: tuple[str, ...] = ("De gemeente Kleindorp rapporteert over {topic}.",
                                           "Er zijn geen bijzonderheden.")) -> Path:
    """A short report on `topic` of `pages` pages, each with its numbered title and `lines`
    (formatted with the topic): the small inputs of the run and batch tests."""
    out = []
    for n in range(pages):
        page = Page().add(56, 60, title.format(topic=topic, part=n + 1), size=14, bold=True)
        page.lines(56, 90, [line.format(topic=topic) for line in lines])
        out.append(page)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pdf(path, out)


def paragraph_lines(words: list[str], per_line: int) -> list[str]:
    return [" ".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
