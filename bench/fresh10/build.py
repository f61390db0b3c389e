#!/usr/bin/env python3
"""Typeset the tenth held-out batch (bench/fresh10) in five template families that no earlier build
script makes, plus a scan WITH an invisible OCR text layer, with gold written from the source texts
and from the layout this script prints.

usage: python bench/fresh10/build.py [--family NAME ...]

Why: bench/fresh .. fresh9 have been developed against or scored, so they no longer measure how the
rules fare on a template nobody has seen. Families used before: brochure compound gemeenteblad ibabs
letter notubiz wordform (bench/corpus), ruledform sidebar twocol webexport (fresh2), footletter
landtable mdexport newspaper revform (fresh3), bundle checkform cover kantlijn linenum (fresh4), decos
parlaeus beslisframe landbrief a5boekje (fresh5), corsabrief rvtabel margenum besluittabel vinkform
(fresh6), stapellabel dia voetblok agendablad uitvul (fresh7), veldkolom kolomblad typemachine kaartjes
venster (fresh8), publicatieblad actiekolom uitklap voettabel spiegel (fresh9). These five are new:

  kantkop      a Word template with a left-margin column for the headings: each section heading, item
               head and label stands in a 38 mm column at the left, on the baseline of the first line of
               the text beside it (the text in the right column), a thin vertical rule between the two;
               head rows as a two-column grid; "Pagina n" centred at the foot.
  vakken       a form whose head rows are boxed fields: each field a ruled box with its label small at
               the top left inside the box and its value under it, two boxes a row; the kind word in a
               shaded box at the top right; headings bold over a ruled line; "n/N" at the bottom right.
  kopband      a template with a coloured header band across the top of every page (the body's name
               and the kind word in white) and a tinted sidebar at the left of every page holding the
               document number, the classification and "Blad n"; the text right of the sidebar.
  dwarsblad    an A4 landscape page in two text columns with a gutter rule, the title across both
               columns over a thick rule, the body and kind word at the top right, a running foot
               "<title> — n" across the page.
  rubricering  a report with a running head (left: the body; right: "Classificatie: Openbaar") over a
               rule on every page and a running foot with the document number and "pagina n van N"
               under a rule; a document-control table (Documentnummer, Versie, Classificatie) on the
               first page.
  scanocr-kantkop  the kantkop PDF rendered at 200-300 dpi, turned 0.2-0.6 degrees, speckled, blurred
               and JPEG-compressed, with an invisible text layer laid over the image word by word (text
               render mode 3), one in 22 of the words that may (four letters or more, not in a text
               probe) carrying an OCR error (listed in the extra file).

The flow engine, the gold helpers and the scan are imported from bench/fresh9/build.py (not copied
again); what this batch adds is set here: votes printed after an item's outcome ("votes_after"), an
item's text as several paragraphs, and the five families. Rebuilding twice gives byte-identical files
(checked when the batch was made); a change to fresh9's engine or gold helpers would show as a change
here on rebuild.

Gold conventions (bench/README.md 'Decision points: what counts', 'Dates of meeting records'), as
fresh9's: bodies only from a labelled 'Vastgesteld door' row (none in this batch); a meeting record's
document date only under a date label of its own (none here: 'Datum vergadering' is the meeting's
date), the meeting's date its decision date where the record prints the day (Achtkarspelen: 22 June
2023; the Utrechtse Heuvelrug vote list names only "november 2021", so null); headings are what this
script sets as headings (section headings and item heads as printed); labels ('Over dit agendapunt',
'Besluit', 'Stemuitslag'), head rows, the band, the sidebar, the margin rule and running heads/feet are
no headings; a besluitenlijst item's decision is its text under the decision label, or where none is
printed, the line that states what the body decided; items that only report the meeting's course
(opening, absences) count none ("decided": false); noise is the furniture holding a digit.

Arguable golds, each from the text: (1) the Utrechtse Heuvelrug page is a council fraction's list of
the council's votes on the begroting (not the griffie's besluitenlijst): typed besluitenlijst, each vote
an item without number whose decision is its printed outcome line ("Aangenomen", "Verworpen"), with the
outcome and the printed totals as votes_for / votes_against; the parties per side are read back from a
stored table that lost its cells (source note). (2) Achtkarspelen's title is the page's own title
"Raadsvergadering" (a meeting name, not the kind word), kept. (3) Achtkarspelen item 2 prints
"Afmeldingen" as the first line of its text, set as text, not as an item head (the page prints it so).
(4) Capelle aan den IJssel's dictum "besluit vast te stellen:" and the regulation's name, two lines in the
Gemeenteblad, are set in one paragraph; its decision is the text after "besluit". (5) Collegebesluiten
(besluit of B&W, typed besluit) have bodies only where a 'Vastgesteld door' row is printed (Het Hogeland,
Geertruidenberg); De Bilt and Capelle print none, so their bodies are empty.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import json
import sys
import tempfile
from pathlib import Path

from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("fresh9_build", HERE.parent / "fresh9" / "build.py")
f9 = importlib.util.module_from_spec(_spec)
assert _spec.loader is not None
_spec.loader.exec_module(f9)

FAMILIES = ["kantkop", "vakken", "kopband", "dwarsblad", "rubricering", "scanocr-kantkop"]
GREY, RULE = f9.GREY, f9.RULE
org, kind_word, meta_rows, item_head, item_texts, short = (f9.org, f9.kind_word, f9.meta_rows, f9.item_head,
                                                           f9.item_texts, f9.short)


class Base(f9.Family):
    """fresh9's Family with what this batch's sources add: an item's votes printed after its outcome."""

    def agenda_item(self, f, a):
        if not a.get("votes_after"):
            return super().agenda_item(f, a)
        b = dict(a)
        lines = b.pop("vote_lines", None)
        super().agenda_item(f, b)
        if lines:
            self.votes(f, lines)

    def before_part(self, doc):
        self.doc = doc


def doc_number(p):
    """The document number the families with a running foot print: the paper's id hashed to a short
    register number (furniture, in the noise list)."""
    import hashlib
    return "D" + str(int(hashlib.sha1(p["id"].encode()).hexdigest()[:6], 16) % 900000 + 100000)


# --------------------------------------------------------------------------------------------
# kantkop: headings in a left-margin column on the baseline of the text beside them

class Kantkop(Base):
    name = "kantkop"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 9.5
    M0, M1 = 20 * mm, 58 * mm

    def columns(self, page):
        return [(self.M1 + 4 * mm, self.W - 20 * mm, self.H - (40 * mm if page == 1 else 22 * mm), 22 * mm)]

    def page_start(self, f):
        c = f.c
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(self.M1, 20 * mm, self.M1, f.top + 2 * mm)
        if f.page == 1:
            c.setFont("LSans-B", 11)
            c.drawString(self.M0, self.H - 20 * mm, org(self.p))
            c.setFont("LSans", 8)
            c.setFillColor(GREY)
            c.drawString(self.M0, self.H - 25 * mm, kind_word(getattr(self, "doc", self.p["docs"][0])))
            c.setFillColor(black)
        lab = f"Pagina {f.page}"
        c.setFont("LSans", 7.5)
        c.drawCentredString(self.W / 2, 12 * mm, lab)
        self.noise.append(lab)

    def margin(self, f, text, font, size, color=black):
        """Text in the margin column whose first line sits on the baseline of the next text line."""
        f.need(3 * size * 1.3)
        lines = simpleSplit(text, font, size, self.M1 - self.M0 - 3 * mm)
        f.c.setFont(font, size)
        f.c.setFillColor(color)
        y = f.y - size * 1.3
        for ln in lines:
            f.c.drawString(self.M0, y, ln)
            y -= size * 1.25
        f.c.setFillColor(black)
        self._margin_low = y

    def settle(self, f):
        """After the text beside a margin head: go below the margin head's last line."""
        low = getattr(self, "_margin_low", None)
        if low is not None and low < f.y and f.y - low < 60:
            f.y = low
        self._margin_low = None

    def part_head(self, f, doc, first):
        f.text(doc.get("title") or kind_word(doc), "LSans-B", 14, lead=17, after=6)
        for lab, val in meta_rows(doc):
            self.margin(f, lab, "LSans", 8.5, GREY)
            vals = val if isinstance(val, list) else [val]
            for v in vals:
                f.text(v, self.font, self.size - 0.5, after=1)
            self.settle(f)
            f.space(2)
        f.space(6)

    def clear_margin(self, f):
        """Below a margin head that has no text beside it yet (a heading right after a heading)."""
        low = getattr(self, "_margin_low", None)
        if low is not None and low < f.y:
            f.y = low
        self._margin_low = None

    def heading(self, f, text, level=1):
        self.clear_margin(f)
        f.need(34)
        f.space(8)
        self.margin(f, text, "LSans-B", 10 if level == 1 else 9.5)

    def para(self, f, text, quote=False):
        super().para(f, text, quote)
        self.settle(f)

    def items(self, f, mk, items, indent=7 * mm, sub=None):
        super().items(f, mk, items, indent, sub)
        self.settle(f)

    def item_head(self, f, a):
        self.clear_margin(f)
        f.need(40)
        f.space(8)
        head = item_head(a)
        if head is not None:
            self.margin(f, head, "LSans-B", 10)

    def label(self, f, text):
        f.text(text, "LSans-B", self.size - 1, color=GREY, after=1)


# --------------------------------------------------------------------------------------------
# vakken: head rows as boxed fields, label inside the box at its top left

class Vakken(Base):
    name = "vakken"
    font, bold, italic, size = "DSans", "DSans-B", "LSans-I", 9

    def columns(self, page):
        return [(20 * mm, self.W - 20 * mm, self.H - (30 * mm if page == 1 else 20 * mm), 20 * mm)]

    def page_start(self, f):
        c = f.c
        lab = f"{f.page}/{f.total or 1}"
        c.setFont("DSans", 7.5)
        c.drawRightString(self.W - 20 * mm, 11 * mm, lab)
        self.noise.append(lab)
        if f.page == 1:
            doc = getattr(self, "doc", self.p["docs"][0])
            c.setFont("DSans-B", 10)
            c.drawString(20 * mm, self.H - 18 * mm, org(self.p))
            kw = kind_word(doc).upper()
            w = c.stringWidth(kw, "DSans-B", 9) + 8 * mm
            c.setFillColor(Color(0.88, 0.88, 0.88))
            c.setStrokeColor(black)
            c.rect(self.W - 20 * mm - w, self.H - 22 * mm, w, 9 * mm, stroke=1, fill=1)
            c.setFillColor(black)
            c.setFont("DSans-B", 9)
            c.drawCentredString(self.W - 20 * mm - w / 2, self.H - 18.8 * mm, kw)

    def boxes(self, f, rows):
        gap = 3 * mm
        bw = (f.x1 - f.x0 - gap) / 2
        for k in range(0, len(rows), 2):
            pair = rows[k:k + 2]
            hs = []
            for _lab, val in pair:
                vals = val if isinstance(val, list) else [val or "–"]
                n = sum(len(simpleSplit(v, "DSans", 8.5, bw - 4 * mm) or [""]) for v in vals)
                hs.append(7 * mm + n * 11)
            h = max(hs)
            f.need(h + 3 * mm)
            top = f.y
            for j, (lab, val) in enumerate(pair):
                x = f.x0 + j * (bw + gap)
                f.c.setStrokeColor(black)
                f.c.setLineWidth(0.6)
                f.c.rect(x, top - h, bw, h, stroke=1, fill=0)
                f.c.setFont("DSans", 6.5)
                f.c.setFillColor(GREY)
                f.c.drawString(x + 1.5 * mm, top - 3 * mm, lab.upper())
                f.c.setFillColor(black)
                f.c.setFont("DSans", 8.5)
                y = top - 7 * mm
                for v in (val if isinstance(val, list) else [val or "–"]):
                    for ln in simpleSplit(v, "DSans", 8.5, bw - 4 * mm) or [""]:
                        f.c.drawString(x + 2 * mm, y, ln)
                        y -= 11
            f.y = top - h - 3 * mm

    def part_head(self, f, doc, first):
        f.text(doc.get("title") or kind_word(doc), "DSans-B", 13, lead=16, after=6)
        rows = meta_rows(doc)
        if rows:
            self.boxes(f, rows)
        f.space(6)

    def heading(self, f, text, level=1):
        f.need(36)
        f.space(8)
        f.text(text, "DSans-B", 9.5 if level == 1 else 9, after=1)
        f.c.setLineWidth(0.5)
        f.c.line(f.x0, f.y + 1, f.x1, f.y + 1)
        f.space(4)

    def label(self, f, text):
        f.text(text, "DSans-B", self.size - 1, color=GREY, after=1)


# --------------------------------------------------------------------------------------------
# kopband: a coloured band across the top, a tinted sidebar with number, classification, sheet

class Kopband(Base):
    name = "kopband"
    font, bold, italic, size = "LSerif", "LSerif-B", "LSerif-I", 10.5
    ink = HexColor("#3b4f8c")
    SIDE = 46 * mm

    def columns(self, page):
        return [(self.SIDE + 10 * mm, self.W - 18 * mm, self.H - 34 * mm, 20 * mm)]

    def page_start(self, f):
        c = f.c
        doc = getattr(self, "doc", self.p["docs"][0])
        c.setFillColor(self.ink)
        c.rect(0, self.H - 22 * mm, self.W, 22 * mm, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("LSans-B", 13)
        c.drawString(14 * mm, self.H - 12 * mm, org(self.p))
        c.setFont("LSans", 9)
        c.drawString(14 * mm, self.H - 18 * mm, kind_word(doc))
        c.setFillColor(Color(0.92, 0.93, 0.97))
        c.rect(0, 0, self.SIDE, self.H - 22 * mm, stroke=0, fill=1)
        c.setFillColor(self.ink)
        y = self.H - 34 * mm
        num = doc_number(self.p)
        lab = f"Blad {f.page}"
        for k, v in [("Documentnummer", num), ("Classificatie", "Openbaar"), ("", lab)]:
            if k:
                c.setFont("LSans-B", 7)
                c.drawString(8 * mm, y, k)
                y -= 10
            c.setFont("LSans", 8)
            c.drawString(8 * mm, y, v)
            y -= 18
        c.setFillColor(black)
        self.noise += [num, lab]

    def part_head(self, f, doc, first):
        f.text(doc.get("title") or kind_word(doc), "LSans-B", 15, lead=18, color=self.ink, after=6)
        self.hanging_rows(f, meta_rows(doc), "LSans", 8.5, 36 * mm, colon=True)
        f.space(6)

    def heading(self, f, text, level=1):
        f.need(36)
        f.space(8)
        f.text(text, "LSans-B", 11.5 if level == 1 else 10.5, color=self.ink if level == 1 else black, after=3)

    def label(self, f, text):
        f.text(text, "LSans-I", self.size - 1, color=self.ink, after=1)


# --------------------------------------------------------------------------------------------
# dwarsblad: landscape, two columns with a gutter rule, the title across both columns

class Dwarsblad(Base):
    name = "dwarsblad"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 9.5
    pagesize = landscape(A4)

    def __init__(self, p):
        super().__init__(p)
        d0 = p["docs"][0]
        tl = len(simpleSplit(d0.get("title") or kind_word(d0), "LSans-B", 16, self.W - 40 * mm))
        self.first_top = 30 * mm + tl * 19

    def columns(self, page):
        top = self.H - (self.first_top if page == 1 else 18 * mm)
        mid = self.W / 2
        return [(20 * mm, mid - 6 * mm, top, 18 * mm), (mid + 6 * mm, self.W - 20 * mm, top, 18 * mm)]

    def page_start(self, f):
        c = f.c
        doc = getattr(self, "doc", self.p["docs"][0])
        top = f.top
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.line(self.W / 2, 16 * mm, self.W / 2, top)
        c.setFont("LSans", 7.5)
        lab = f"{short(doc.get('title') or kind_word(doc), 60)} — {f.page}"
        c.drawCentredString(self.W / 2, 9 * mm, lab)
        self.noise.append(lab)
        if f.page == 1:
            c.setFont("LSans", 8)
            c.drawRightString(self.W - 20 * mm, self.H - 12 * mm, f"{org(self.p)} · {kind_word(doc)}")
            y = self.H - 24 * mm
            c.setFont("LSans-B", 16)
            for ln in simpleSplit(doc.get("title") or kind_word(doc), "LSans-B", 16, self.W - 40 * mm):
                c.drawString(20 * mm, y, ln)
                y -= 19
            c.setLineWidth(1.5)
            c.setStrokeColor(black)
            c.line(20 * mm, y + 10, self.W - 20 * mm, y + 10)

    def part_head(self, f, doc, first):
        rows = meta_rows(doc)
        for lab, val in rows:
            f.text(f"{lab}: {val if isinstance(val, str) else ', '.join(val)}", self.font, self.size - 0.5, after=2)
        f.space(4 if rows else 0)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(6)
        f.text(text, "LSans-B", 11 if level == 1 else 10, after=3)

    def label(self, f, text):
        f.text(text, "LSans-I", self.size - 0.5, color=GREY, after=1)


# --------------------------------------------------------------------------------------------
# rubricering: running head with the classification, running foot with number and "pagina n van N",
# a document-control table on the first page

class Rubricering(Base):
    name = "rubricering"
    font, bold, italic, size = "DSerif", "DSerif-B", "LSerif-I", 9.5

    def columns(self, page):
        return [(24 * mm, self.W - 24 * mm, self.H - (62 * mm if page == 1 else 28 * mm), 26 * mm)]

    def page_start(self, f):
        c = f.c
        num = doc_number(self.p)
        c.setFont("LSans", 7.5)
        c.drawString(24 * mm, self.H - 14 * mm, org(self.p))
        c.drawRightString(self.W - 24 * mm, self.H - 14 * mm, "Classificatie: Openbaar")
        c.setLineWidth(0.4)
        c.line(24 * mm, self.H - 16 * mm, self.W - 24 * mm, self.H - 16 * mm)
        c.line(24 * mm, 20 * mm, self.W - 24 * mm, 20 * mm)
        lab = f"pagina {f.page} van {f.total or 1}"
        c.drawString(24 * mm, 15 * mm, f"Documentnummer {num}")
        c.drawRightString(self.W - 24 * mm, 15 * mm, lab)
        self.noise += [lab, f"Documentnummer {num}"]
        if f.page == 1:
            doc = getattr(self, "doc", self.p["docs"][0])
            y = self.H - 24 * mm
            cells = [("Documentnummer", num), ("Versie", "1.0"), ("Classificatie", "Openbaar")]
            w = (self.W - 48 * mm) / 3
            c.setStrokeColor(black)
            for k, (lab2, val) in enumerate(cells):
                x = 24 * mm + k * w
                c.rect(x, y - 12 * mm, w, 12 * mm, stroke=1, fill=0)
                c.setFont("LSans-B", 7)
                c.drawString(x + 2 * mm, y - 4 * mm, lab2)
                c.setFont("LSans", 8.5)
                c.drawString(x + 2 * mm, y - 9.5 * mm, val)
            c.setFont("DSerif", 8.5)
            c.drawString(24 * mm, y - 20 * mm, kind_word(doc))
            self.noise.append(num)

    def part_head(self, f, doc, first):
        f.text(doc.get("title") or kind_word(doc), "DSerif-B", 14, lead=17, after=6)
        self.hanging_rows(f, meta_rows(doc), self.font, self.size - 1, 36 * mm)
        f.space(6)

    def para(self, f, text, quote=False):
        f.justified(text, self.italic if quote else self.font, self.size, indent=8 * mm if quote else 0, after=5)

    def heading(self, f, text, level=1):
        f.need(36)
        f.space(8)
        f.text(text, "DSerif-B", 10.5 if level == 1 else 9.5, after=3)

    def label(self, f, text):
        f.text(text, "LSerif-I", self.size, after=1)


CLASSES = {c.name: c for c in (Kantkop, Vakken, Kopband, Dwarsblad, Rubricering)}


def typeset(p, fam_name, out):
    """Two passes: the first counts the pages, the second prints 'n van N' labels."""
    total = None
    for _ in range(2):
        fam = CLASSES[fam_name](p)
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=fam.pagesize, invariant=1)
        d0 = p["docs"][0]
        c.setTitle(d0.get("title") or kind_word(d0))
        c.setAuthor(org(p))
        f = f9.Flow(c, fam, total)
        fam.render(f)
        f.finish()
        total = f.page
    out.write_bytes(buf.getvalue())
    return fam, total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", action="append", choices=FAMILIES)
    args = ap.parse_args(argv)
    f9.fonts()
    manifest = {}
    for line in (HERE / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        manifest[cols[0]] = cols[4].split(",")
    for src in sorted((HERE / "sources").glob("*.json")):
        p = json.loads(src.read_text(encoding="utf-8"))
        for fam_name in manifest[p["id"]]:
            if args.family and fam_name not in args.family:
                continue
            out = HERE / "pdf" / fam_name / f"{p['id']}.pdf"
            out.parent.mkdir(parents=True, exist_ok=True)
            errors = None
            if fam_name.startswith("scanocr-"):
                with tempfile.TemporaryDirectory() as d:
                    base = Path(d) / out.name
                    fam, n = typeset(p, fam_name[len("scanocr-"):], base)
                    dpi, errors = f9.scanocr_of(base, out, p["id"], f9.protected_words(p))
                note = f" {dpi} dpi, {len(errors)} OCR errors"
            else:
                fam, n = typeset(p, fam_name, out)
                note = ""
            gold, extra = f9.gold_for(p, fam, out.name, n)
            extra["family"] = fam_name
            if errors is not None:
                extra["ocr_errors"] = errors
            f9.write_json(HERE / "gold" / fam_name / f"{p['id']}.json", gold)
            f9.write_json(HERE / "gold" / fam_name / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam_name:16s} {p['id']} {n}p {out.stat().st_size // 1024} kB{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
