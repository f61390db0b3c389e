#!/usr/bin/env python3
"""Typeset the sixth held-out batch (bench/fresh6) in five template families that no earlier build
script makes, plus a scanned variant, with gold written from the source texts and from the layout
this script prints.

usage: python bench/fresh6/build.py [--family NAME ...]

Why: bench/fresh .. fresh5 have been developed against or scored, so they no longer measure how the
rules fare on a template nobody has seen. Families used before: brochure compound gemeenteblad ibabs
letter notubiz wordform (bench/corpus), ruledform sidebar twocol webexport (fresh2), footletter
landtable mdexport newspaper revform (fresh3), bundle checkform cover kantlijn linenum (fresh4), decos
parlaeus beslisframe landbrief a5boekje (fresh5). These five are new, each modelled on a kind of export
councils really publish:

  corsabrief   a Corsa/JOIN letter: letterhead top right, a window-envelope block with a small
               underlined return line ("Retouradres <body>"), a reference column beside the window
               (labels above values: Onderwerp, Datum, Nummer, the paper's own rows), fold marks on
               the left edge, "Pagina 1 van 2" at the foot; the text starts below both blocks.
  rvtabel      an iBabs-style proposal export: a thin coloured band, the body name, a large coloured
               kind word and the title, every paragraph numbered with a hanging number ("3."), item
               heads over a coloured rule, and the head rows as a ruled table at the END of the
               document (before a bijlage); "pagina 2/3" centred at the foot.
  margenum     a provincial-proposal style page: serif text, every paragraph, point and decision
               numbered in a left margin column behind a vertical rule (1, 2, 3 … running on over the
               file), head rows as bold label / value pairs, "Pagina 2" at the foot.
  besluittabel a decision list as a ruled three-column table "Nr. | Onderwerp | Besluit" under a grey
               header row (number and portefeuillehouder in the first cell; subject, text and remarks
               in the second; the decision label and decisions in the third), section headings between
               the tables; other kinds get a three-column head grid "Onderwerp | Datum | Kenmerk";
               body name top left over a heavy rule, "blz. 1/2" at the foot.
  vinkform     a Word form: body name and "formulier" on top, a ruled two-column grid of fields with a
               grey label column ("Soort stuk", "Onderwerp", the head rows) and a row of tick boxes
               "Behandeling: ☒ Besluitvorming ☐ Informeren ☐ Bespreken" (ticked by the kind), then the
               text with headings over a short rule; "Pagina 1 van 2" under a rule.
  scan-vinkform the vinkform PDF rendered at 200-300 dpi, turned 0.5-1.5 degrees, speckled, blurred
               and JPEG-compressed (PIL), wrapped as an image-only PDF, so the product has to OCR it.

Compound files: a raadsbesluit source with a "bundle" split is bound as two documents, the decision
and the regulation it adopts ("Bijlage", starting on a new page), page labels running on.

Writes pdf/<family>/<id>.pdf, gold/<family>/<id>.json (../shared/eval/GOLD.md) and
gold/<family>/extra/<id>.extra.json (decisions with agenda item and outcome). The text engine, the
gold helpers and the scan function are copied from bench/fresh5/build.py (not imported, so that this
batch stays reproducible on its own). Gold conventions, as the project settled them: bodies only from
a labelled 'Vastgesteld door' row the PDF prints, never from a formula; a besluitenlijst's date is its
document and decision date; headings are what this script sets as headings (section headings as
printed, numbers included; decision intros set bold on their own line; agenda item heads, except
where the family sets the items as cells of a ruled table, whose cells are no headings); item labels
set in italics, form labels, tick boxes and margin or paragraph numbers are no headings; every
paragraph under an item's 'Besluit' label is a decision, the dictum of a raadsbesluit is its decision
list, a motion's operative clause is its decision; noise is the furniture this script prints that
holds a digit, page labels only (margin and paragraph numbers are furniture too, but a bare "3"
occurs in any text, so they are not listed).
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1
from reportlab.lib.colors import Color, HexColor, black  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

HERE = Path(__file__).resolve().parent
TTF = Path("/usr/share/fonts/truetype")
FAMILIES = ["corsabrief", "rvtabel", "margenum", "besluittabel", "vinkform", "scan-vinkform"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
KIND = {"besluitenlijst": "Besluitenlijst", "verslag": "Verslag", "raadsbesluit": "Raadsbesluit", "brief": "Brief",
        "beleidsplan": "Beleidsdocument", "bijlage": "Bijlage", "motie": "Motie"}
CBS = {"Nijmegen": "GM0268", "Oss": "GM0828", "Den Haag": "GM0518", "Doetinchem": "GM0222", "Dordrecht": "GM0505",
       "Twenterand": "GM1700", "Gooise Meren": "GM1942"}
GREY = Color(0.42, 0.42, 0.42)
RULE = Color(0.55, 0.55, 0.55)


# --------------------------------------------------------------------------------------------
# the source, read the same way by every family

def org(p):
    return f"Gemeente {p['body']}" if p["body_kind"] == "gemeente" else p["body"]


def d_long(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def d_dash(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def own_rows(p):
    return [tuple(b["field"]) for b in p["blocks"] if b.get("field")]


def meta_rows(p, datefmt):
    """(label, value) head rows: the paper's own rows, then what its fields state that no own row
    prints (the date, the number)."""
    f, rows = p["fields"], own_rows(p)
    labels = " ".join(r[0].lower() for r in rows)
    values = " ".join(r[1] for r in rows)
    if f["document_date"] and "datum" not in labels:
        rows.insert(0, ("Datum", datefmt(f["document_date"])))
    if f["reference"] and f["reference"] not in values:
        rows.append(("Nummer", f["reference"]))
    if f["portfolio_holder"] and f["portfolio_holder"] not in values:
        rows.append(("Portefeuillehouder", f["portfolio_holder"]))
    return rows


def title_printed_by_row(p):
    return any(v == p["title"] for _, v in own_rows(p))


def markers(b, n):
    if b.get("markers"):
        return list(b["markers"])
    numbering = b.get("numbering")
    if numbering is None:
        return [""] * n
    if numbering in ("•", "-"):
        return [numbering] * n
    tail = numbering[1:]
    if numbering[0].isalpha():
        return [f"{chr(96 + k)}{tail}" for k in range(1, n + 1)]
    return [f"{k}{tail}" for k in range(1, n + 1)]


def h_text(b):
    return f"{b['number']} {b['h']}" if b.get("number") else b["h"]


def item_head(a):
    return f"{a['number']} {a['subject']}" if a.get("subject") else f"Agendapunt {a['number'].rstrip('.')}"


def item_decisions(p, blocks):
    out = []
    for b in blocks:
        for t in b.get("decisions") or []:
            out.append({"text": t, "agenda_item": None, "outcome": None, "votes_for": None, "votes_against": None})
        a = b.get("agenda_item")
        if a:
            for t in (a.get("decisions") or []) + (a.get("decisions_in_text") or []):
                out.append({"text": t, "agenda_item": a["number"].rstrip("."), "outcome": a.get("outcome"),
                            "votes_for": a.get("votes_for"), "votes_against": a.get("votes_against")})
    return out


def headings_of(blocks, item_heads=True):
    """What the families set as headings: section headings, decision intros set bold on a line of
    their own and, unless the family sets its items as cells of a ruled table, agenda item heads."""
    out = []
    for b in blocks:
        if b.get("h"):
            out.append(h_text(b))
        elif b.get("decision_intro"):
            out.append(b["decision_intro"])
        elif b.get("agenda_item") and item_heads:
            out.append(item_head(b["agenda_item"]))
    return out


def probes_of(kind, blocks, n=3):
    cands = []
    for b in blocks:
        texts = [b.get("p") or ""]
        if b.get("agenda_item"):
            texts.append(b["agenda_item"].get("text") or "")
        for t in texts:
            for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", t):
                if len(s.split()) >= 8 and s.endswith(".") and len(s) < 400:
                    cands.append(s)
    if len(cands) > n:
        cands = [cands[round(i * (len(cands) - 1) / (n - 1))] for i in range(n)]
    return [{"doc_type": kind, "text": s} for s in cands]


def short(t, n=60):
    return t if len(t) <= n else t[:n - 3].rsplit(" ", 1)[0] + " …"


# --------------------------------------------------------------------------------------------
# a small text-flow engine on reportlab's canvas, with columns

def fonts():
    for name, f in [("LSans", "liberation/LiberationSans-Regular.ttf"), ("LSans-B", "liberation/LiberationSans-Bold.ttf"),
                    ("LSans-I", "liberation/LiberationSans-Italic.ttf"), ("LSerif", "liberation/LiberationSerif-Regular.ttf"),
                    ("LSerif-B", "liberation/LiberationSerif-Bold.ttf"), ("LSerif-I", "liberation/LiberationSerif-Italic.ttf"),
                    ("DSans", "dejavu/DejaVuSans.ttf"), ("DSans-B", "dejavu/DejaVuSans-Bold.ttf"),
                    ("DSC", "dejavu/DejaVuSansCondensed.ttf"), ("DSC-B", "dejavu/DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(TTF / f)))


class Flow:
    """Writes lines top-down in the family's text columns, going on in the next column and then on
    a new page; calls the family's page hooks."""

    def __init__(self, c, fam, total):
        self.c, self.fam, self.total = c, fam, total
        self.page = 0
        self.start_page()

    def start_page(self):
        self.page += 1
        self.cols = self.fam.columns(self.page)
        self.col = 0
        self.set_col()
        self.fam.page_start(self)

    def set_col(self):
        self.x0, self.x1, self.top, self.bottom = self.cols[self.col]
        self.y = self.top

    def new_page(self):
        self.fam.page_end(self)
        self.c.showPage()
        self.start_page()

    def advance(self):
        if self.col + 1 < len(self.cols):
            self.col += 1
            self.set_col()
        else:
            self.new_page()

    def need(self, h):
        if self.y - h < self.bottom:
            self.advance()

    def space(self, h):
        self.y -= h

    def text(self, s, font, size, lead=None, indent=0, hang=None, color=black, after=2, align="left", width=None):
        """A paragraph; `hang` = (marker, offset) set left of the first line."""
        lead = lead or size * 1.3
        x = self.x0 + indent
        wdt = (width or (self.x1 - self.x0)) - indent
        lines = simpleSplit(s, font, size, wdt) or [""]
        for k, ln in enumerate(lines):
            self.need(lead)
            x = self.x0 + indent
            self.y -= lead
            self.c.setFillColor(color)
            self.c.setFont(font, size)
            if align == "center":
                self.c.drawCentredString((self.x0 + self.x1) / 2, self.y, ln)
            else:
                self.c.drawString(x, self.y, ln)
            if k == 0 and hang and hang[0]:
                self.c.drawString(x - hang[1], self.y, hang[0])
        self.c.setFillColor(black)
        self.y -= after

    def finish(self):
        self.fam.page_end(self)
        self.c.save()


class Family:
    name = "base"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 10
    pagesize = A4
    item_heads = True  # False where agenda items are cells of a ruled table (no headings then)

    def __init__(self, p):
        self.p = p
        self.noise = []
        self.W, self.H = self.pagesize

    def columns(self, page):
        return [(25 * mm, self.W - 25 * mm, self.H - 28 * mm, 25 * mm)]

    def page_start(self, f):
        pass

    def page_end(self, f):
        pass

    # block renderers, shared; families override what they set differently
    def head_rows(self, f, rows):
        for lab, val in rows:
            f.text(f"{lab}: {val}", self.font, self.size - 0.5, after=1)
        f.space(6)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(6)
        f.text(text, self.bold, self.size + (2 if level == 1 else 1 if level == 2 else 0.5), after=3)

    def para(self, f, text, quote=False):
        if quote:
            f.text(text, self.italic, self.size - 0.5, indent=8 * mm, width=(f.x1 - f.x0) - 8 * mm, after=5)
        else:
            f.text(text, self.font, self.size, after=5)

    def items(self, f, b, items, bold=False, indent=7 * mm):
        mk = markers(b, len(items))
        wide = max((len(m) for m in mk), default=0) > 3
        ind = indent + (14 * mm if wide else 0)
        for t, m in zip(items, mk):
            f.text(t, self.bold if bold else self.font, self.size, indent=ind,
                   hang=(m, ind - indent + 7 * mm if wide else 7 * mm) if m else None, after=2)
        f.space(4)

    def decision_intro(self, f, text):
        f.space(3)
        f.text(text, self.bold, self.size, after=3)

    def decisions(self, f, b):
        ds = b["decisions"]
        if b.get("numbering") or len(ds) > 1:
            self.items(f, b, ds)
        else:
            f.text(ds[0], self.font, self.size, after=5)

    def label(self, f, text):  # an item's label: italics on a line of its own, no heading
        f.text(text, self.italic, self.size - 0.5, color=GREY, after=1)

    def agenda_item(self, f, a):
        f.need(44)
        f.space(6)
        f.text(item_head(a), self.bold, self.size + 1, after=3)
        self.item_body(f, a)

    def item_body(self, f, a):
        if a.get("holder"):
            f.text(f"Portefeuillehouder: {a['holder']}", self.font, self.size - 1, color=GREY, after=2)
        if a.get("text"):
            self.para(f, a["text"])
        for ln in a.get("lines") or []:
            f.text(ln, self.font, self.size, after=1)
        if a.get("remark"):
            f.text(f"Opmerkingen: {a['remark']}", self.font, self.size - 1, color=GREY, after=4)
        if a.get("proposal"):
            self.label(f, a.get("proposal_label", "Voorstel"))
            self.para(f, a["proposal"])
        ds = a.get("decisions") or []
        if ds:
            self.label(f, a.get("decision_label", "Besluit"))
            for d in ds:
                self.para(f, d)
        if a.get("tail"):
            f.text(a["tail"], self.font, self.size - 1, color=GREY, after=4)

    def body(self, f, blocks):
        for b in blocks:
            if b.get("field") or b.get("motion"):
                continue
            if b.get("h"):
                self.heading(f, h_text(b), b.get("level", 1))
            elif b.get("p"):
                self.para(f, b["p"], b.get("quote", False))
            elif b.get("list"):
                self.items(f, b, b["list"])
            elif b.get("decision_intro"):
                self.decision_intro(f, b["decision_intro"])
            elif b.get("decisions"):
                self.decisions(f, b)
            elif b.get("agenda_item"):
                self.agenda_item(f, b["agenda_item"])

    def parts(self):
        """(kind word, title, blocks, is_first) for each document bound in the file."""
        p = self.p
        if p.get("bundle"):
            k = p["bundle"]["split"]
            return [(KIND[p["kind"]], p["title"], p["blocks"][:k], True),
                    ("Bijlage", p["bundle"]["title"], p["blocks"][k:], False)]
        return [(KIND[p["kind"]], p["title"], p["blocks"], True)]

    def render(self, f):
        self.pages = []
        for i, (kw, title, blocks, first) in enumerate(self.parts()):
            if i:
                f.new_page()
            self.part_head(f, kw, title, first)
            self.body(f, blocks)
            self.pages.append(f.page)

    def gold_bodies(self):
        return bodies_from_rows(self.p)


def bodies_from_rows(p):
    """Bodies named under a 'Vastgesteld door' row the paper prints."""
    words = {"Raad": ("gemeenteraad", "raad"), "B&W": ("college",), "PS": ("provinciale staten",),
             "GS": ("gedeputeerde",), "AB": ("algemeen bestuur",)}
    out = []
    for lab, val in own_rows(p):
        if lab.lower().startswith("vastgesteld door"):
            out += [b for b in p["fields"]["bodies"] if any(w in val.lower() for w in words.get(b, ()))]
    return out


def table_rows(f, rows, font, bold, size, label_w, fill_label=None, border=RULE, pad=2 * mm,
               label_color=black, label_font=None, label_size=None):
    """A ruled two-column table, one (label, [paragraphs]) per row, split between rows across
    columns and pages."""
    label_font = label_font or bold
    label_size = label_size or size - 1
    vw = (f.x1 - f.x0) - label_w - 2 * pad
    lead = size * 1.3
    for lab, paras in rows:
        if isinstance(paras, str):
            paras = [paras]
        vlines = []
        for k, t in enumerate(paras):
            if k:
                vlines.append(None)  # paragraph gap
            vlines += simpleSplit(t, font, size, vw) or [""]
        llines = simpleSplit(lab, label_font, label_size, label_w - 2 * pad) or [""]
        n = max(len(vlines), len(llines))
        hgt = n * lead + 2 * pad - sum(lead * 0.5 for v in vlines if v is None)
        f.need(hgt)
        top = f.y
        c = f.c
        if fill_label is not None:
            c.setFillColor(fill_label)
            c.rect(f.x0, top - hgt, label_w, hgt, stroke=0, fill=1)
        c.setStrokeColor(border)
        c.setLineWidth(0.5)
        c.rect(f.x0, top - hgt, f.x1 - f.x0, hgt, stroke=1, fill=0)
        c.line(f.x0 + label_w, top, f.x0 + label_w, top - hgt)
        c.setStrokeColor(black)
        c.setFillColor(label_color)
        c.setFont(label_font, label_size)
        for j, ln in enumerate(llines):
            c.drawString(f.x0 + pad, top - pad - (j + 1) * lead + 2, ln)
        c.setFillColor(black)
        c.setFont(font, size)
        y = top - pad
        for ln in vlines:
            if ln is None:
                y -= lead * 0.5
                continue
            y -= lead
            c.drawString(f.x0 + label_w + pad, y + 2, ln)
        f.y = top - hgt



TICK, NOTICK = "\u2612", "\u2610"
DECIDING = ("besluitenlijst", "raadsbesluit", "besluit", "motie", "amendement")


def est_lines(text, font, size, width):
    return len(simpleSplit(text, font, size, width) or [""])


# --------------------------------------------------------------------------------------------
# corsabrief: a Corsa/JOIN letter: letterhead top right, window-envelope block with a return line,
# a reference column beside the window (labels above values), fold marks, "Pagina 1 van 2"

class Corsabrief(Family):
    name = "corsabrief"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 10
    ink = HexColor("#7a1f2b")
    ref_x = 122 * mm

    def ref_rows(self):
        p = self.p
        rows = []
        if p["title"] and not title_printed_by_row(p):
            rows.append(("Onderwerp", p["title"]))
        return rows + meta_rows(p, d_long)

    def ref_height(self):
        w = self.W - 25 * mm - self.ref_x
        h = 0
        for _lab, val in self.ref_rows():
            h += 9 + est_lines(val, "LSans", 9, w) * 11.5 + 4
        return h

    def columns(self, page):
        if page == 1:
            top = min(self.H - 112 * mm, self.H - 50 * mm - self.ref_height() - 10 * mm)
        else:
            top = self.H - 34 * mm
        return [(25 * mm, self.W - 25 * mm, top, 26 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        c.setStrokeColor(GREY)
        c.setLineWidth(0.3)
        for y in (self.H - 105 * mm, self.H - 210 * mm):
            c.line(4 * mm, y, 9 * mm, y)
        if f.page == 1:
            c.setFillColor(self.ink)
            c.rect(self.W - 33 * mm, self.H - 30 * mm, 8 * mm, 8 * mm, stroke=0, fill=1)
            c.setFont("LSans-B", 13)
            c.drawRightString(self.W - 36 * mm, self.H - 27.5 * mm, org(p))
            x, ytop = 25 * mm, self.H - 50 * mm
            c.setFont("LSans", 6.5)
            c.setFillColor(GREY)
            c.drawString(x, ytop, f"Retouradres {org(p)}")
            c.line(x, ytop - 2, x + 80 * mm, ytop - 2)
            c.setFillColor(black)
            w = self.W - 25 * mm - self.ref_x
            y = ytop
            for lab, val in self.ref_rows():
                c.setFont("LSans", 7)
                c.setFillColor(GREY)
                c.drawString(self.ref_x, y, lab)
                c.setFillColor(black)
                y -= 11
                c.setFont("LSans", 9)
                for ln in simpleSplit(val, "LSans", 9, w) or [""]:
                    c.drawString(self.ref_x, y, ln)
                    y -= 11.5
                y -= 2
        else:
            c.setFont("LSans", 7.5)
            c.setFillColor(GREY)
            c.drawString(25 * mm, self.H - 20 * mm, org(p))
            c.setFillColor(black)
        lab = f"Pagina {f.page} van {f.total or 1}"
        c.setFont("LSans", 7.5)
        c.setFillColor(GREY)
        c.drawRightString(self.W - 25 * mm, 14 * mm, lab)
        c.setFillColor(black)
        c.setStrokeColor(black)
        self.noise.append(lab)

    def part_head(self, f, kw, title, first):
        if not first:
            f.text(kw.upper(), "LSans-B", 9, color=self.ink, after=3)
            f.text(title, "LSans-B", 13, lead=16, after=8)

    def heading(self, f, text, level=1):
        f.need(32)
        f.space(6)
        f.text(text, "LSans-B", 10.5 if level == 1 else 10, after=3)


# --------------------------------------------------------------------------------------------
# rvtabel: an iBabs-style proposal export: a thin band, large coloured kind word and the title,
# numbered paragraphs (hanging numbers), the head rows as a ruled table at the END, "- 2 -"

class Rvtabel(Family):
    name = "rvtabel"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 10
    ink = HexColor("#00587a")

    def columns(self, page):
        return [(22 * mm, self.W - 22 * mm, self.H - 24 * mm, 24 * mm)]

    def page_start(self, f):
        c = f.c
        c.setFillColor(self.ink)
        c.rect(0, self.H - 12 * mm, self.W, 3 * mm, stroke=0, fill=1)
        lab = f"pagina {f.page}/{f.total or 1}"
        c.setFont("LSans", 8)
        c.setFillColor(GREY)
        c.drawCentredString(self.W / 2, 12 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def part_head(self, f, kw, title, first):
        f.text(org(self.p), "LSans", 9, color=GREY, after=2)
        f.text(kw, "LSans-B", 18, lead=22, color=self.ink, after=4)
        if title:
            f.text(title, "LSans-B", 12.5, lead=16, after=8)
        self.pno = 0

    def para(self, f, text, quote=False):
        self.pno += 1
        f.text(text, self.font, self.size, indent=10 * mm, hang=(f"{self.pno}.", 10 * mm), after=5)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(7)
        f.text(text, "LSans-B", 11.5 if level == 1 else 10.5, color=self.ink if level == 1 else black, after=3)

    def agenda_item(self, f, a):
        f.need(46)
        f.space(6)
        f.text(item_head(a), self.bold, self.size + 1, after=2)
        f.c.setStrokeColor(self.ink)
        f.c.setLineWidth(0.6)
        f.c.line(f.x0, f.y, f.x1, f.y)
        f.c.setStrokeColor(black)
        f.space(5)
        self.item_body(f, a)

    def render(self, f):
        self.pages = []
        for i, (kw, title, blocks, first) in enumerate(self.parts()):
            if i:
                f.new_page()
            self.part_head(f, kw, title, first)
            self.body(f, blocks)
            if first:
                rows = meta_rows(self.p, d_long)
                if rows:
                    f.space(10)
                    table_rows(f, rows, self.font, self.bold, 9, 48 * mm, fill_label=Color(0.9, 0.94, 0.96))
            self.pages.append(f.page)


# --------------------------------------------------------------------------------------------
# margenum: a provincial-proposal style page: serif text, every paragraph, point and decision
# numbered in a left margin column behind a rule, head rows as label/value pairs, "Pagina 2"

class Margenum(Family):
    name = "margenum"
    font, bold, italic, size = "LSerif", "LSerif-B", "LSerif-I", 10.5

    def columns(self, page):
        return [(48 * mm, self.W - 22 * mm, self.H - 26 * mm, 24 * mm)]

    def page_start(self, f):
        c = f.c
        c.setStrokeColor(Color(0.75, 0.75, 0.75))
        c.setLineWidth(0.4)
        c.line(44 * mm, 24 * mm, 44 * mm, self.H - 26 * mm)
        c.setStrokeColor(black)
        if f.page > 1:
            c.setFont("LSans", 7.5)
            c.setFillColor(GREY)
            c.drawString(48 * mm, self.H - 16 * mm, f"{org(self.p)} — {KIND[self.p['kind']].lower()}")
            c.setFillColor(black)
        lab = f"Pagina {f.page}"
        c.setFont("LSans", 8)
        c.drawRightString(self.W - 22 * mm, 13 * mm, lab)
        self.noise.append(lab)
        if not hasattr(self, "mno"):
            self.mno = 0

    def margin(self, f, lead):
        """Reserve the first line and print the next running number in the margin beside it."""
        f.need(lead)
        self.mno += 1
        f.c.setFont("LSans", 8)
        f.c.setFillColor(GREY)
        f.c.drawRightString(40 * mm, f.y - lead, str(self.mno))
        f.c.setFillColor(black)

    def part_head(self, f, kw, title, first):
        f.text(org(self.p).upper(), "LSans", 8.5, color=GREY, after=3)
        f.text(kw, "LSans-B", 16, lead=20, after=4)
        if title:
            f.text(title, "LSerif-B", 13, lead=16, after=8)
        if first:
            for lab, val in meta_rows(self.p, d_long):
                f.need(13)
                f.c.setFont("LSans-B", 8.5)
                f.c.drawString(f.x0, f.y - 12, lab)
                f.text(val, self.font, 10, indent=40 * mm, after=1)
            f.space(8)

    def para(self, f, text, quote=False):
        self.margin(f, self.size * 1.3)
        f.text(text, self.font, self.size, after=5)

    def items(self, f, b, items, bold=False, indent=7 * mm):
        mk = markers(b, len(items))
        for t, m in zip(items, mk):
            self.margin(f, self.size * 1.3)
            f.text(t, self.bold if bold else self.font, self.size, indent=indent + (4 * mm if len(m) > 2 else 0),
                   hang=(m, indent + (4 * mm if len(m) > 2 else 0)) if m else None, after=2)
        f.space(4)

    def decisions(self, f, b):
        self.items(f, b, b["decisions"])

    def heading(self, f, text, level=1):
        f.need(32)
        f.space(6)
        f.text(text, "LSans-B", 11 if level == 1 else 10.5, after=3)


# --------------------------------------------------------------------------------------------
# besluittabel: a decision list as a ruled three-column table (Nr. | Onderwerp | Besluit) under a
# grey header row; other kinds get a three-column head grid (Onderwerp | Datum | Kenmerk); "blz. 1/2"

class Besluittabel(Family):
    name = "besluittabel"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 9.5

    @property
    def item_heads(self):
        return self.p["kind"] != "besluitenlijst"

    def columns(self, page):
        return [(18 * mm, self.W - 18 * mm, self.H - (34 * mm if page == 1 else 24 * mm), 22 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        if f.page == 1:
            c.setFont("LSans-B", 12)
            c.drawString(18 * mm, self.H - 20 * mm, org(p))
            c.setFont("LSans", 10)
            c.setFillColor(GREY)
            c.drawRightString(self.W - 18 * mm, self.H - 20 * mm, KIND[p["kind"]].lower())
            c.setFillColor(black)
            c.setLineWidth(1.2)
            c.line(18 * mm, self.H - 24 * mm, self.W - 18 * mm, self.H - 24 * mm)
        lab = f"blz. {f.page}/{f.total or 1}"
        c.setFont("LSans", 7.5)
        c.drawRightString(self.W - 18 * mm, 12 * mm, lab)
        self.noise.append(lab)

    def grid(self, f, widths, cells_rows, header=None):
        """A ruled grid; each row a list of cells, each cell a list of (text, font, size, color)."""
        pad = 1.8 * mm
        rows = ([[[(h, "LSans-B", 8.5, black)] for h in header]] if header else []) + cells_rows
        for r, cells in enumerate(rows):
            lines = []
            for w, cell in zip(widths, cells):
                cl = []
                for text, font, size, color in cell:
                    for ln in simpleSplit(text, font, size, w - 2 * pad) or [""]:
                        cl.append((ln, font, size, color))
                    cl.append(None)
                lines.append(cl[:-1] if cl else [])
            hgt = max(sum(ln[2] * 1.3 if ln else 3 for ln in cl) for cl in lines) + 2 * pad
            f.need(hgt)
            top = f.y
            c = f.c
            if header and r == 0:
                c.setFillColor(Color(0.85, 0.85, 0.85))
                c.rect(f.x0, top - hgt, sum(widths), hgt, stroke=0, fill=1)
            c.setStrokeColor(RULE)
            c.setLineWidth(0.5)
            c.rect(f.x0, top - hgt, sum(widths), hgt, stroke=1, fill=0)
            x = f.x0
            for w, cl in zip(widths, lines):
                if x > f.x0:
                    c.line(x, top, x, top - hgt)
                y = top - pad
                for ln in cl:
                    if ln is None:
                        y -= 3
                        continue
                    y -= ln[2] * 1.3
                    c.setFont(ln[1], ln[2])
                    c.setFillColor(ln[3])
                    c.drawString(x + pad, y + 2, ln[0])
                x += w
            c.setFillColor(black)
            c.setStrokeColor(black)
            f.y = top - hgt

    def item_cells(self, a):
        num = [(a["number"], self.bold, self.size, black)]
        if a.get("holder"):
            num.append((a["holder"], self.font, self.size - 1.5, GREY))
        subj = []
        if a.get("subject"):
            subj.append((a["subject"], self.bold, self.size, black))
        if a.get("text"):
            subj.append((a["text"], self.font, self.size, black))
        for ln in a.get("lines") or []:
            subj.append((ln, self.font, self.size, black))
        if a.get("remark"):
            subj.append((f"Opmerkingen: {a['remark']}", self.font, self.size - 1, GREY))
        dec = []
        if a.get("decisions"):
            dec.append((a.get("decision_label", "Besluit"), self.italic, self.size - 0.5, GREY))
            dec += [(d, self.font, self.size, black) for d in a["decisions"]]
        return [num, subj, dec]

    def part_head(self, f, kw, title, first):
        p = self.p
        if not first:
            f.text(kw.upper(), "LSans-B", 9, color=GREY, after=2)
            f.text(title, "LSans-B", 13, lead=16, after=8)
            return
        if p["kind"] == "besluitenlijst":
            if title:
                f.text(title, "LSans-B", 13, lead=16, after=6)
            for lab, val in meta_rows(p, d_long):
                f.text(f"{lab}: {val}", self.font, self.size, after=1)
            f.space(8)
            return
        w = f.x1 - f.x0
        fd = p["fields"]
        self.grid(f, [w * 0.56, w * 0.22, w * 0.22],
                  [[[(title or "", self.bold, self.size, black)],
                    [(d_long(fd["document_date"]) if fd["document_date"] else "", self.font, self.size, black)],
                    [(fd["reference"] or "", self.font, self.size, black)]]],
                  header=["Onderwerp", "Datum", "Kenmerk"])
        f.space(4)
        for lab, val in own_rows(p):
            f.text(f"{lab}: {val}", self.font, self.size - 0.5, after=1)
        f.space(8)

    def body(self, f, blocks):
        if self.p["kind"] != "besluitenlijst":
            return super().body(f, blocks)
        w = f.x1 - f.x0
        widths = [20 * mm, w - 20 * mm - 62 * mm, 62 * mm]
        run = []

        def flush():
            if run:
                self.grid(f, widths, [self.item_cells(a) for a in run], header=["Nr.", "Onderwerp", "Besluit"])
                f.space(8)
                run.clear()
        for b in blocks:
            if b.get("agenda_item"):
                run.append(b["agenda_item"])
                continue
            flush()
            super().body(f, [b])
        flush()

    def heading(self, f, text, level=1):
        f.need(40)
        f.space(5)
        f.text(text, "LSans-B", 11 if level == 1 else 10, after=4)


# --------------------------------------------------------------------------------------------
# vinkform: a Word form: body name, a ruled two-column grid of fields with a grey label column and a
# row of tick boxes (☒ Besluitvorming ☐ Informeren ☐ Bespreken), then the text; "Pagina 1 van 2"

class Vinkform(Family):
    name = "vinkform"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 10

    def columns(self, page):
        return [(24 * mm, self.W - 24 * mm, self.H - (34 * mm if page == 1 else 24 * mm), 24 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        if f.page == 1:
            c.setFont("LSans-B", 14)
            c.drawString(24 * mm, self.H - 22 * mm, org(p))
            c.setFont("LSans", 9)
            c.setFillColor(GREY)
            c.drawRightString(self.W - 24 * mm, self.H - 22 * mm, "formulier")
            c.setFillColor(black)
        c.setStrokeColor(GREY)
        c.setLineWidth(0.4)
        c.line(24 * mm, 18 * mm, self.W - 24 * mm, 18 * mm)
        lab = f"Pagina {f.page} van {f.total or 1}"
        c.setFont("LSans", 7.5)
        c.setFillColor(GREY)
        c.drawRightString(self.W - 24 * mm, 13 * mm, lab)
        c.setFillColor(black)
        c.setStrokeColor(black)
        self.noise.append(lab)

    def part_head(self, f, kw, title, first):
        p = self.p
        if not first:
            f.text(kw.upper(), "LSans-B", 9, color=GREY, after=2)
            f.text(title, "LSans-B", 13, lead=16, after=8)
            return
        rows = [("Soort stuk", KIND[p["kind"]])]
        if title and not title_printed_by_row(p):
            rows.append(("Titel" if any(r[0].lower() == "onderwerp" for r in own_rows(p)) else "Onderwerp", title))
        rows += meta_rows(p, d_long)
        label_fill = Color(0.9, 0.9, 0.9)
        table_rows(f, rows, self.font, self.bold, 9.5, 44 * mm, fill_label=label_fill)
        deciding = p["kind"] in DECIDING
        boxes = (f"{TICK if deciding else NOTICK} Besluitvorming    {NOTICK if deciding else TICK} Informeren    "
                 f"{NOTICK} Bespreken")
        table_rows(f, [("Behandeling", boxes)], "DSans", self.bold, 9.5, 44 * mm, fill_label=label_fill)
        f.space(10)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(6)
        f.text(text, "LSans-B", 11 if level == 1 else 10, after=2)
        if level == 1:
            f.c.setLineWidth(0.4)
            f.c.line(f.x0, f.y, f.x0 + 40 * mm, f.y)
            f.space(3)


CLASSES = {c.name: c for c in (Corsabrief, Rvtabel, Margenum, Besluittabel, Vinkform)}


def typeset(p, fam_name, out):
    """Two passes: the first counts the pages, the second prints 'n van N' labels."""
    total = None
    for _ in range(2):
        fam = CLASSES[fam_name](p)
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=fam.pagesize, invariant=1)
        c.setTitle(p["title"] or KIND[p["kind"]])
        c.setAuthor(org(p))
        f = Flow(c, fam, total)
        fam.render(f)
        f.finish()
        total = f.page
    out.write_bytes(buf.getvalue())
    return fam, total


# --------------------------------------------------------------------------------------------
# scan

def scan_of(pdf_in, out, seed):
    import numpy as np
    from PIL import Image, ImageFilter
    rnd = np.random.default_rng(int(hashlib.sha1(seed.encode()).hexdigest()[:8], 16))
    dpi = int(rnd.choice([200, 250, 300]))
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_in), f"{d}/p"], check=True)
        pages = []
        for fp in sorted(Path(d).glob("p*.png")):
            im = Image.open(fp).convert("L")
            ang = float(rnd.uniform(0.5, 1.5)) * (1 if rnd.random() < 0.5 else -1)
            im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=250)
            a = np.asarray(im, dtype=np.float32)
            a = a * 0.9 + 14 + rnd.normal(0, 10, a.shape)
            a[rnd.random(a.shape) < 0.001] = 30
            im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.6))
            jb = io.BytesIO()
            im.save(jb, "JPEG", quality=70)
            pages.append(Image.open(io.BytesIO(jb.getvalue())).convert("L"))
        fixed = dt.datetime(2026, 1, 1).timetuple()  # PIL writes the time of writing otherwise
        pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:],
                      creationDate=fixed, modDate=fixed)
    return dpi


# --------------------------------------------------------------------------------------------
# gold

def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def doc_gold(p, kind, title, blocks, start, end, bodies, fields=True, item_heads=True):
    f = p["fields"]
    blank = not fields
    return {"doc_type": kind, "page_start": start, "page_end": end, "title": title,
            "reference": None if blank else f["reference"],
            "document_date": None if blank else f["document_date"],
            "decision_date": None if blank else f["decision_date"],
            "programme": None, "portfolio_holder": None if blank else f["portfolio_holder"], "team": None,
            "bodies": [] if blank else bodies, "confidentiality": None if blank else f["confidentiality"],
            "financial_consequences": None if blank else f["financial_consequences"],
            "attachments": [] if blank else f["attachments"],
            "decisions": [d["text"] for d in item_decisions(p, blocks)],
            "signatories": [] if blank else list(p["signatories"]), "headings": headings_of(blocks, item_heads)}


def gold_for(p, fam, name, n):
    body_text = json.dumps(p["blocks"], ensure_ascii=False) + (p["title"] or "")
    bodies = fam.gold_bodies()
    if p.get("bundle"):
        k = p["bundle"]["split"]
        p1, p2 = fam.pages
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"][:k], 1, p1, bodies, item_heads=fam.item_heads),
                doc_gold(p, "bijlage", p["bundle"]["title"], p["blocks"][k:], p1 + 1, p2, [], fields=False,
                         item_heads=fam.item_heads)]
        probes = probes_of(p["kind"], p["blocks"][:k]) + probes_of("bijlage", p["blocks"][k:])
    else:
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"], 1, n, bodies, item_heads=fam.item_heads)]
        probes = probes_of(p["kind"], p["blocks"])
    k = p["bundle"]["split"] if p.get("bundle") else len(p["blocks"])
    decs = [dict(d, doc_index=0, doc_type=p["kind"]) for d in item_decisions(p, p["blocks"][:k])]
    noise = [x for x in dict.fromkeys(fam.noise) if re.search(r"\d", x) and x not in body_text]
    gold = {"file": name, "municipality": p["body"], "n_pages": n, "documents": docs, "text_probes": probes,
            "noise": noise}
    extra = {"file": name, "family": fam.name, "municipality": p["body"], "municipality_code": CBS.get(p["body"]),
             "papers": [p["id"]], "decisions": decs,
             "motions": [dict(b["motion"], doc_index=0) for b in p["blocks"] if b.get("motion")]}
    return gold, extra


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", action="append", choices=FAMILIES)
    args = ap.parse_args(argv)
    fonts()
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
            if fam_name.startswith("scan-"):
                with tempfile.TemporaryDirectory() as d:
                    base = Path(d) / out.name
                    fam, n = typeset(p, fam_name[len("scan-"):], base)
                    dpi = scan_of(base, out, p["id"])
                note = f" {dpi} dpi"
            else:
                fam, n = typeset(p, fam_name, out)
                note = ""
            gold, extra = gold_for(p, fam, out.name, n)
            extra["family"] = fam_name
            write_json(HERE / "gold" / fam_name / f"{p['id']}.json", gold)
            write_json(HERE / "gold" / fam_name / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam_name:12s} {p['id']} {n}p {out.stat().st_size // 1024} kB{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
