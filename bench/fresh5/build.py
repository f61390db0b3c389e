#!/usr/bin/env python3
"""Typeset the fifth held-out batch (bench/fresh5) in five template families that no earlier build
script makes, plus a scanned variant, with gold written from the source texts and from the layout
this script prints.

usage: python bench/fresh5/build.py [--family NAME ...]

Why: bench/fresh .. fresh4 have been developed against, so they no longer measure how the rules fare
on a template nobody has seen. Families used before: brochure compound gemeenteblad ibabs letter
notubiz wordform (bench/corpus), ruledform sidebar twocol webexport (fresh2), footletter landtable
mdexport newspaper revform (fresh3), bundle checkform cover kantlijn linenum (fresh4). These five are
new, each modelled on a kind of export councils really publish:

  decos       a Decos/Join-style form: a grey header band with the body and the kind in white, the
              head rows in a ruled table with a grey label column (the title in its 'Onderwerp' or,
              when the paper has an 'Onderwerp' row of its own, 'Titel' row), section headings in a
              grey bar, agenda items as a bold line with a rule, item labels ('Voorgesteld besluit',
              'Besluit') in grey italics on a line of their own, "Pagina 1 van 2" at the foot.
  parlaeus    a GO/Parlaeus-style meeting export: every agenda item a bordered table under a dark
              header bar ("Agendapunt 3.a"), one row per part (Toelichting, Voorgesteld besluit,
              Besluit, Vervolgprocedure) with the label in a narrow left column; other papers get
              their head rows in the same kind of table and headings in a tinted bar; "2/3" at the foot.
  beslisframe a Word proposal/decision template: body name and a large coloured kind word on top,
              "Label<tab>value" head rows, the decision (its intro and points, or an item's Besluit)
              inside a tinted box with a border, a metadata footer on every page ("Gemeente X |
              Raadsbesluit | title | date" and "Pagina 1 van 2") above a rule.
  landbrief   an A4 landscape letter in two columns: a letterhead block at the top of the left
              column, head rows, the text flowing down the left and then the right column, a thin
              rule between the columns, "Blad 2" centred at the foot.
  a5boekje    an A5 booklet page: serif text, a centred title block, centred chapter headings,
              running heads on the outer side (body name on even pages, kind on odd pages from page
              2), "blz. 3" in the outer foot corner, margins alternating between odd and even pages.
  scan-decos  the decos PDF rendered at 200-300 dpi, turned 0.5-1.5 degrees, speckled, blurred and
              JPEG-compressed (PIL), wrapped as an image-only PDF, so the product has to OCR it.

Compound files: a raadsbesluit source with a "bundle" split is bound as two documents, the decision
and the regulation or document it adopts ("Bijlage", starting on a new page), page labels running on.

Writes pdf/<family>/<id>.pdf, gold/<family>/<id>.json (../shared/eval/GOLD.md) and
gold/<family>/extra/<id>.extra.json (decisions with agenda item and outcome). The text engine, the
gold helpers and the scan function follow bench/fresh4/build.py (copied, not imported, so that this
batch stays reproducible on its own). Gold conventions, as the project settled them: bodies only from
a labelled 'Vastgesteld door' row the PDF prints, never from a formula; a besluitenlijst's date is its
document and decision date; headings are what this script sets as headings (section headings as
printed, numbers included; decision intros set bold on their own line; agenda item heads); item
labels set in italics are no headings; every paragraph under an item's 'Besluit' label is a decision
(the dev corpus's convention), the 'Voorgesteld besluit' text is not; in a GS besluitenlijst without
a decision label, the sentence saying what GS decided is the item's decision; the dictum of a
raadsbesluit is its decision list; noise is the furniture this script prints that holds a digit.
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
from reportlab.lib.colors import Color, HexColor, black, white  # noqa: E402
from reportlab.lib.pagesizes import A4, A5, landscape  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

HERE = Path(__file__).resolve().parent
TTF = Path("/usr/share/fonts/truetype")
FAMILIES = ["decos", "parlaeus", "beslisframe", "landbrief", "a5boekje", "scan-decos"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
KIND = {"besluitenlijst": "Besluitenlijst", "verslag": "Notulen", "raadsbesluit": "Besluit", "brief": "Brief",
        "beleidsplan": "Beleidsdocument", "bijlage": "Bijlage"}
CBS = {"Heerenveen": "GM0074", "Roosendaal": "GM1674", "Rheden": "GM0275", "Etten-Leur": "GM0777",
       "Tilburg": "GM0855", "Leidschendam-Voorburg": "GM1916", "Overbetuwe": "GM1734", "Nijkerk": "GM0267",
       "Waalwijk": "GM0867", "Westervoort": "GM0293", "Ferwerderadiel": "GM1722", "Provincie Fryslân": "PV21"}
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
    return f"{a['number']} {a['subject']}" if a.get("subject") else f"Agendapunt {a['number']}"


def item_decisions(p, blocks):
    out = []
    for b in blocks:
        for t in b.get("decisions") or []:
            out.append({"text": t, "agenda_item": None, "outcome": None, "votes_for": None, "votes_against": None})
        a = b.get("agenda_item")
        if a:
            # aligned to the project's convention (bench/README, "Decision points: what counts",
            # tenth session): a text under the item's Besluit label that only records the meeting's
            # course ("records": the opening, an announcement) is printed but no decision point; in a
            # list without decision labels the item's paragraph that states the decision is, whole
            records = set(a.get("records") or [])
            texts = [t for t in a.get("decisions") or [] if t not in records]
            texts += [_paragraph_with(a["text"], t) for t in a.get("decisions_in_text") or []]
            for t in texts:
                out.append({"text": t, "agenda_item": a["number"].rstrip("."), "outcome": a.get("outcome"),
                            "votes_for": a.get("votes_for"), "votes_against": a.get("votes_against")})
    return out


def _paragraph_with(text, sentence):
    """The paragraph of an item's `text` that holds `sentence`."""
    return next((par for par in text.split("\n\n") if sentence in par), sentence)


def headings_of(blocks):
    out = []
    for b in blocks:
        if b.get("h"):
            out.append(h_text(b))
        elif b.get("decision_intro"):
            out.append(b["decision_intro"])
        elif b.get("agenda_item"):
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
        if a.get("text"):
            self.para(f, a["text"])
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


# --------------------------------------------------------------------------------------------
# decos: grey header band, ruled head table with a grey label column

class Decos(Family):
    name = "decos"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 9.5
    band = Color(0.45, 0.45, 0.47)

    def columns(self, page):
        return [(22 * mm, self.W - 22 * mm, self.H - (36 * mm if page == 1 else 28 * mm), 24 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        hb = 20 * mm if f.page == 1 else 10 * mm
        c.setFillColor(self.band)
        c.rect(0, self.H - 8 * mm - hb, self.W, hb, stroke=0, fill=1)
        c.setFillColor(white)
        if f.page == 1:
            c.setFont("LSans-B", 14)
            c.drawString(22 * mm, self.H - 8 * mm - hb + 7 * mm, org(p))
            c.setFont("LSans-B", 11)
            c.drawRightString(self.W - 22 * mm, self.H - 8 * mm - hb + 7 * mm, KIND[p["kind"]].upper())
        else:
            c.setFont("LSans", 8)
            c.drawString(22 * mm, self.H - 8 * mm - hb + 3.5 * mm, org(p))
            c.drawRightString(self.W - 22 * mm, self.H - 8 * mm - hb + 3.5 * mm, KIND[p["kind"]].upper())
        c.setFillColor(GREY)
        c.setStrokeColor(GREY)
        c.setLineWidth(0.4)
        c.line(22 * mm, 17 * mm, self.W - 22 * mm, 17 * mm)
        c.setFont("LSans", 7.5)
        c.drawString(22 * mm, 12 * mm, f"{org(p)} · {KIND[p['kind']].lower()}")
        lab = f"Pagina {f.page} van {f.total or 1}"
        c.drawRightString(self.W - 22 * mm, 12 * mm, lab)
        c.setFillColor(black)
        c.setStrokeColor(black)
        self.noise.append(lab)

    def head_table(self, f, rows):
        table_rows(f, rows, self.font, self.bold, 9.5, 46 * mm, fill_label=Color(0.88, 0.88, 0.89),
                   label_color=Color(0.25, 0.25, 0.25))
        f.space(8)

    def part_head(self, f, kw, title, first):
        if first:
            rows = []
            if title and not title_printed_by_row(self.p):
                lab = "Titel" if any(r[0].lower() == "onderwerp" for r in own_rows(self.p)) else "Onderwerp"
                rows.append((lab, title))
            rows += meta_rows(self.p, d_dash)
            if rows:
                self.head_table(f, rows)
        else:
            f.text(kw.upper(), "LSans-B", 9, color=GREY, after=3)
            f.text(title, "LSans-B", 14, lead=17, after=8)

    def heading(self, f, text, level=1):
        f.need(36)
        f.space(6)
        if level == 1:
            lines = simpleSplit(text, self.bold, 10.5, f.x1 - f.x0 - 4 * mm)
            hgt = len(lines) * 13 + 5
            f.c.setFillColor(Color(0.9, 0.9, 0.9))
            f.c.rect(f.x0, f.y - hgt, f.x1 - f.x0, hgt, stroke=0, fill=1)
            f.c.setFillColor(black)
            f.y -= 1
            for ln in lines:
                f.text(ln, self.bold, 10.5, lead=13, indent=2 * mm, after=0)
            f.y -= 8
        else:
            f.text(text, self.bold, 10, after=3)

    def agenda_item(self, f, a):
        f.need(46)
        f.space(6)
        f.text(item_head(a), self.bold, self.size + 1, after=2)
        f.c.setLineWidth(0.5)
        f.c.line(f.x0, f.y, f.x1, f.y)
        f.space(5)
        self.item_body(f, a)


# --------------------------------------------------------------------------------------------
# parlaeus: meeting export, agenda items as bordered tables under a dark header bar

class Parlaeus(Family):
    name = "parlaeus"
    font, bold, italic, size = "DSC", "DSC-B", "LSans-I", 9.5
    bar = HexColor("#23395d")

    def columns(self, page):
        return [(18 * mm, self.W - 18 * mm, self.H - 22 * mm, 20 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        c.setFont("DSC", 7.5)
        c.setFillColor(GREY)
        c.drawString(18 * mm, self.H - 12 * mm, org(p))
        c.drawRightString(self.W - 18 * mm, self.H - 12 * mm, KIND[p["kind"]])
        lab = f"{f.page}/{f.total or 1}"
        c.drawCentredString(self.W / 2, 11 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def bar_line(self, f, text, fill, color, font, size):
        lines = simpleSplit(text, font, size, f.x1 - f.x0 - 6 * mm)
        hgt = len(lines) * size * 1.3 + 5
        f.need(hgt + 30)
        f.c.setFillColor(fill)
        f.c.rect(f.x0, f.y - hgt, f.x1 - f.x0, hgt, stroke=0, fill=1)
        f.y -= 1.5
        for ln in lines:
            f.text(ln, font, size, indent=3 * mm, color=color, after=0)
        f.y -= 3.5

    def part_head(self, f, kw, title, first):
        f.text(kw.upper() if not first else KIND[self.p["kind"]].upper(), "DSC-B", 8.5, color=GREY, after=2)
        if title:
            f.text(title, "DSC-B", 15, lead=19, after=6)
        if first:
            rows = meta_rows(self.p, d_long)
            if rows:
                table_rows(f, rows, self.font, self.bold, 9, 42 * mm)
                f.space(8)

    def heading(self, f, text, level=1):
        f.space(5)
        if level == 1:
            self.bar_line(f, text, Color(0.86, 0.9, 0.95), black, self.bold, 10.5)
            f.space(3)
        else:
            f.need(30)
            f.text(text, self.bold, 10, after=3)

    def agenda_item(self, f, a):
        f.space(6)
        self.bar_line(f, item_head(a), self.bar, white, self.bold, 10)
        rows = []
        if a.get("text"):
            rows.append(("Toelichting", a["text"]))
        if a.get("proposal"):
            rows.append((a.get("proposal_label", "Voorstel"), a["proposal"]))
        if a.get("decisions"):
            rows.append((a.get("decision_label", "Besluit"), a["decisions"]))
        if a.get("tail"):
            lab, _, val = a["tail"].partition(": ")
            rows.append((lab, val))
        table_rows(f, rows, self.font, self.bold, 9.5, 36 * mm, fill_label=Color(0.96, 0.96, 0.97),
                   label_color=Color(0.3, 0.3, 0.3), label_font="DSC", label_size=8.5)
        f.space(4)


# --------------------------------------------------------------------------------------------
# beslisframe: Word template, decisions in a tinted frame, metadata footer

class Beslisframe(Family):
    name = "beslisframe"
    font, bold, italic, size = "LSerif", "LSerif-B", "LSerif-I", 11
    ink = HexColor("#1d4e89")

    def columns(self, page):
        return [(25 * mm, self.W - 25 * mm, self.H - 22 * mm, 28 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        bits = [org(p), KIND[p["kind"]]]
        if p["title"]:
            bits.append(short(p["title"], 50))
        if p["fields"]["document_date"]:
            bits.append(d_dash(p["fields"]["document_date"]))
        meta = " | ".join(bits)
        c.setStrokeColor(GREY)
        c.setLineWidth(0.4)
        c.line(25 * mm, 20 * mm, self.W - 25 * mm, 20 * mm)
        c.setFont("LSans", 7)
        c.setFillColor(GREY)
        c.drawString(25 * mm, 15 * mm, meta)
        lab = f"Pagina {f.page} van {f.total or 1}"
        c.drawRightString(self.W - 25 * mm, 15 * mm, lab)
        c.setFillColor(black)
        c.setStrokeColor(black)
        self.noise += [lab] + ([meta] if re.search(r"\d", meta) else [])

    def head_rows(self, f, rows):
        for lab, val in rows:
            f.need(13)
            f.c.setFont("LSans-B", 8.5)
            f.c.drawString(f.x0, f.y - 12, lab)
            f.text(val, self.font, 10, indent=42 * mm, after=1)
        f.space(8)

    def part_head(self, f, kw, title, first):
        f.text(org(self.p), "LSans-B", 11, after=4)
        f.text((KIND[self.p["kind"]] if first else kw).upper(), "LSans-B", 20, lead=24, color=self.ink, after=6)
        if title:
            f.text(title, "LSans-B", 13, lead=16, after=8)
        if first:
            rows = meta_rows(self.p, d_long)
            if rows:
                self.head_rows(f, rows)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(7)
        f.text(text, "LSans-B", 11.5 if level == 1 else 10.5, color=self.ink if level == 1 else black, after=3)

    def frame(self, f, draw, height):
        """Draw a tinted, bordered box of `height` and the content `draw` into it."""
        pad = 3.5 * mm
        f.need(height + 2 * pad + 4)
        top = f.y - 2
        f.c.setFillColor(Color(0.92, 0.95, 0.99))
        f.c.setStrokeColor(self.ink)
        f.c.setLineWidth(0.9)
        f.c.rect(f.x0, top - height - 2 * pad, f.x1 - f.x0, height + 2 * pad, stroke=1, fill=1)
        f.c.setFillColor(black)
        f.c.setStrokeColor(black)
        x0, x1 = f.x0, f.x1
        f.x0, f.x1 = x0 + pad, x1 - pad
        f.y = top - pad + 2
        draw()
        f.x0, f.x1 = x0, x1
        f.y = top - height - 2 * pad - 6

    def est(self, texts, font, size, width, lead=None, after=2):
        lead = lead or size * 1.3
        return sum(len(simpleSplit(t, font, size, width) or [""]) * lead + after for t in texts)

    def body(self, f, blocks):
        i = 0
        while i < len(blocks):
            b = blocks[i]
            if b.get("decision_intro") or (b.get("decisions") and not b.get("field")):
                group = [b]
                if b.get("decision_intro") and i + 1 < len(blocks) and blocks[i + 1].get("decisions"):
                    group.append(blocks[i + 1])
                    i += 1
                wdt = f.x1 - f.x0 - 7 * mm
                h = 0
                for g in group:
                    if g.get("decision_intro"):
                        h += self.est([g["decision_intro"]], self.bold, self.size, wdt, after=3) + 3
                    else:
                        h += self.est(g["decisions"], self.font, self.size, wdt - 7 * mm) + 6
                self.frame(f, lambda gr=group: super(Beslisframe, self).body(f, gr), h)
            else:
                super().body(f, [b])
            i += 1

    def item_body(self, f, a):
        if a.get("text"):
            self.para(f, a["text"])
        if a.get("proposal"):
            self.label(f, a.get("proposal_label", "Voorstel"))
            self.para(f, a["proposal"])
        ds = a.get("decisions") or []
        if ds:
            wdt = f.x1 - f.x0 - 7 * mm
            h = self.est([a.get("decision_label", "Besluit")], self.italic, self.size - 0.5, wdt, after=1) \
                + self.est(ds, self.font, self.size, wdt, after=5)

            def draw():
                self.label(f, a.get("decision_label", "Besluit"))
                for d in ds:
                    self.para(f, d)
            self.frame(f, draw, h)
        if a.get("tail"):
            f.text(a["tail"], self.font, self.size - 1, color=GREY, after=4)


# --------------------------------------------------------------------------------------------
# landbrief: A4 landscape, two columns, letterhead in the left column

class Landbrief(Family):
    name = "landbrief"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 9.5
    pagesize = landscape(A4)
    ink = HexColor("#2f5d3a")

    def columns(self, page):
        mid = self.W / 2
        top = self.H - 18 * mm
        first = self.H - (48 * mm if page == 1 else 18 * mm)
        return [(18 * mm, mid - 9 * mm, first, 18 * mm), (mid + 9 * mm, self.W - 18 * mm, top, 18 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        c.setStrokeColor(Color(0.7, 0.7, 0.7))
        c.setLineWidth(0.4)
        c.line(self.W / 2, 18 * mm, self.W / 2, self.H - 18 * mm)
        c.setStrokeColor(black)
        if f.page == 1:
            c.setFillColor(self.ink)
            c.rect(18 * mm, self.H - 36 * mm, 3 * mm, 18 * mm, stroke=0, fill=1)
            c.setFont("LSans-B", 15)
            c.drawString(24 * mm, self.H - 26 * mm, org(p))
            c.setFont("LSans", 9)
            c.setFillColor(GREY)
            c.drawString(24 * mm, self.H - 33 * mm, KIND[p["kind"]].lower())
            c.setFillColor(black)
        lab = f"Blad {f.page}"
        c.setFont("LSans", 8)
        c.drawCentredString(self.W / 2, 10 * mm, lab)
        self.noise.append(lab)

    def head_rows(self, f, rows):
        for lab, val in rows:
            f.text(f"{lab}: {val}", self.font, self.size - 0.5, after=1)
        f.space(7)

    def part_head(self, f, kw, title, first):
        if not first:
            f.text(kw.upper(), "LSans-B", 9, color=self.ink, after=2)
        if first:
            self.head_rows(f, meta_rows(self.p, d_long))
        if title and not (first and title_printed_by_row(self.p)):
            f.text(title, "LSans-B", 12, lead=15, after=7)

    def heading(self, f, text, level=1):
        f.need(32)
        f.space(5)
        f.text(text, "LSans-B", 10.5 if level == 1 else 10, color=self.ink if level == 1 else black, after=3)


# --------------------------------------------------------------------------------------------
# a5boekje: A5 booklet, running heads on the outer side, alternating margins

class A5boekje(Family):
    name = "a5boekje"
    font, bold, italic, size = "LSerif", "LSerif-B", "LSerif-I", 9.5
    pagesize = A5

    def columns(self, page):
        inner, outer = 18 * mm, 13 * mm
        left, right = (inner, outer) if page % 2 else (outer, inner)
        return [(left, self.W - right, self.H - 20 * mm, 20 * mm)]

    def page_start(self, f):
        c, p = f.c, self.p
        c.setFont("LSerif-I", 7.5)
        c.setFillColor(GREY)
        odd = f.page % 2 == 1
        x0, x1 = f.cols[0][0], f.cols[0][1]
        if f.page > 1:
            if odd:
                c.drawRightString(x1, self.H - 12 * mm, KIND[p["kind"]])
            else:
                c.drawString(x0, self.H - 12 * mm, org(p))
            c.setLineWidth(0.3)
            c.setStrokeColor(GREY)
            c.line(x0, self.H - 13.5 * mm, x1, self.H - 13.5 * mm)
            c.setStrokeColor(black)
        lab = f"blz. {f.page}"
        c.setFont("LSerif", 8)
        if odd:
            c.drawRightString(x1, 11 * mm, lab)
        else:
            c.drawString(x0, 11 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def part_head(self, f, kw, title, first):
        f.text(org(self.p).upper(), "LSerif", 8, align="center", color=GREY, after=2)
        f.text((KIND[self.p["kind"]] if first else kw), "LSerif-I", 10, align="center", after=4)
        if title:
            f.text(title, "LSerif-B", 12.5, lead=15.5, align="center", after=5)
        f.c.setLineWidth(0.5)
        mid = (f.x0 + f.x1) / 2
        f.c.line(mid - 12 * mm, f.y, mid + 12 * mm, f.y)
        f.space(7)
        if first:
            for lab, val in meta_rows(self.p, d_long):
                f.text(f"{lab}: {val}", self.font, 8.5, align="center", after=0.5)
            f.space(7)

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(6)
        if level == 1:
            f.text(text, self.bold, 10.5, align="center", after=4)
        else:
            f.text(text, self.bold, 9.5, after=3)


CLASSES = {c.name: c for c in (Decos, Parlaeus, Beslisframe, Landbrief, A5boekje)}


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


def doc_gold(p, kind, title, blocks, start, end, bodies, fields=True):
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
            "signatories": [] if blank else list(p["signatories"]), "headings": headings_of(blocks)}


def gold_for(p, fam, name, n):
    body_text = json.dumps(p["blocks"], ensure_ascii=False) + (p["title"] or "")
    bodies = fam.gold_bodies()
    if p.get("bundle"):
        k = p["bundle"]["split"]
        p1, p2 = fam.pages
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"][:k], 1, p1, bodies),
                doc_gold(p, "bijlage", p["bundle"]["title"], p["blocks"][k:], p1 + 1, p2, [], fields=False)]
        probes = probes_of(p["kind"], p["blocks"][:k]) + probes_of("bijlage", p["blocks"][k:])
    else:
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"], 1, n, bodies)]
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
