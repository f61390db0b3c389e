#!/usr/bin/env python3
"""Typeset the fourth held-out batch (bench/fresh4) in five template families that neither
bench/corpus/build.py nor bench/fresh2/build.py nor bench/fresh3/build.py makes, plus a scanned
variant, with gold written from the source texts and from the layout this script prints.

usage: python bench/fresh4/build.py [--family NAME ...]

Why: bench/fresh, fresh2 and fresh3 have been developed against, so they no longer measure how
the rules fare on a template nobody has seen. The existing families are ibabs, notubiz, wordform,
letter, gemeenteblad, brochure, compound and their scans (bench/corpus), webexport, twocol, sidebar,
ruledform (fresh2), landtable, revform, footletter, mdexport, newspaper, scan-footletter (fresh3).
These are new, written from scratch with reportlab's canvas (no layout or gold code of the other
build scripts is imported), each modelled on a convention councils really print:

  kantlijn   a margin-column layout: field labels, section headings and agenda item numbers in a
             45 mm left column beside the text, the body's name and kind set vertically along the
             left page edge, a drawn logo block with the body's name top left, a letter-spaced
             kind word above the title, decisions of a besluitenlijst in bold under "Besluit:",
             "Blad 2 van 3" top right.
  checkform  a Word 'voorstel' form: the kind in capitals, a ruled 2 x 4 grid of fixed cells with a
             small grey label above each value (Onderwerp holds the title; a cell the paper gives no
             value stays empty), the paper's own rows under it, a row of checkboxes printed
             as glyphs ("Besluitvorming door: ☒ Gemeenteraad ☐ College van B&W"), headings with a
             rule under them, "blz 1 van 2" centred at the foot.
  cover      a provincial Statenvoorstel-like paper: page 1 is a cover (a coloured block with the
             body, the kind and the title in white, the head rows under it), the text starts on
             page 2 with every paragraph numbered in the left margin (1, 2, ... or 1.1, 1.2 under
             a heading), a running header with the short title, "2 | 5" at the foot.
  linenum    a concept-verslag / motion template with line numbers in the left margin (every
             printed line, restarting on each page), "Label:<tab>value" head lines, "Besluit:"
             inline before an item's single decision, "Bladzijde 1 van 2" bottom right.
  bundle     a compound PDF as councils bind a raadsbesluit with the regulation it adopts: each
             part starts on a new page under a stamp box (kind, body), the regulation as a second
             document ("Bijlage 1"), page numbers running on through the bundle ("pagina 2 van 3").
  scan-checkform  the checkform PDF rendered at 200-300 dpi, turned 0.5-1.5 degrees, speckled,
             blurred and JPEG-compressed (PIL), wrapped as an image-only PDF.

Writes pdf/<family>/<id>.pdf, gold/<family>/<id>.json (../shared/eval/GOLD.md) and
gold/<family>/extra/<id>.extra.json (decisions with agenda item and outcome, motions). Gold
conventions (as the earlier batches settled them): bodies only from a labelled row the PDF prints
(the paper's own "Vastgesteld door" row, checkform's checked box), never from a formula; the date
row of a besluitenlijst is its document and decision date; headings are what this script sets as
headings (section headings, decision intros set on their own line, agenda item heads); an item's
announcements ("noted" text) and a college's advice are no decisions; noise is the furniture it
prints that holds a digit.
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
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

HERE = Path(__file__).resolve().parent
TTF = Path("/usr/share/fonts/truetype")
W, H = A4
FAMILIES = ["kantlijn", "checkform", "cover", "linenum", "bundle", "scan-checkform"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
KIND = {"besluitenlijst": "Besluitenlijst", "verslag": "Verslag", "motie": "Motie", "amendement": "Amendement",
        "raadsbesluit": "Raadsbesluit", "besluit": "Besluit", "brief": "Brief", "beleidsplan": "Gemeenteblad",
        "bijlage": "Bijlage"}
CBS = {"Assen": "GM0106", "Woerden": "GM0632", "Noordenveld": "GM1699", "Oirschot": "GM0823",
       "Heemstede": "GM0397", "Provincie Zeeland": "PV29", "Bloemendaal": "GM0377", "Buren": "GM0214",
       "Kapelle": "GM0678", "De Fryske Marren": "GM1921", "Papendrecht": "GM0590"}
BODY_BOXES = {"gemeente": [("Raad", "Gemeenteraad"), ("B&W", "College van B&W"), ("Burgemeester", "Burgemeester")],
              "provincie": [("PS", "Provinciale Staten"), ("GS", "Gedeputeerde Staten")],
              "waterschap": [("AB", "Algemeen bestuur"), ("DB", "Dagelijks bestuur")]}


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


def d_weekday(iso):
    d = dt.date.fromisoformat(iso)
    return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


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


def markers(numbering, n):
    if numbering is None:
        return [""] * n
    if numbering in ("•", "-"):
        return [numbering] * n
    if numbering == "1.1":
        return [f"1.{k}" for k in range(1, n + 1)]
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
        # a paragraph that is a motion's operative clause ("verzoekt het college: …") carries its
        # dictum point ("dictum"): printed as the paragraph, a decision point by the project's
        # convention (bench/README, "Decision points: what counts")
        for t in [*(b.get("decisions") or []), *(b.get("dictum") or [])]:
            out.append({"text": t, "agenda_item": None, "outcome": None, "votes_for": None, "votes_against": None})
        a = b.get("agenda_item")
        if a:
            for t in a.get("decisions") or []:
                out.append({"text": t, "agenda_item": a["number"], "outcome": a.get("outcome"),
                            "votes_for": a.get("votes_for"), "votes_against": a.get("votes_against")})
    return out


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
        for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", b.get("p") or ""):
            if len(s.split()) >= 8 and s.endswith(".") and len(s) < 400:
                cands.append(s)
    if len(cands) > n:
        cands = [cands[round(i * (len(cands) - 1) / (n - 1))] for i in range(n)]
    return [{"doc_type": kind, "text": s} for s in cands]


# --------------------------------------------------------------------------------------------
# a small text-flow engine on reportlab's canvas

def fonts():
    for name, f in [("LSans", "liberation/LiberationSans-Regular.ttf"), ("LSans-B", "liberation/LiberationSans-Bold.ttf"),
                    ("LSans-I", "liberation/LiberationSans-Italic.ttf"), ("LSerif", "liberation/LiberationSerif-Regular.ttf"),
                    ("LSerif-B", "liberation/LiberationSerif-Bold.ttf"), ("LSerif-I", "liberation/LiberationSerif-Italic.ttf"),
                    ("DSans", "dejavu/DejaVuSans.ttf"), ("DSans-B", "dejavu/DejaVuSans-Bold.ttf"),
                    ("DSC", "dejavu/DejaVuSansCondensed.ttf"), ("DSC-B", "dejavu/DejaVuSansCondensed-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(TTF / f)))


class Flow:
    """Writes lines top-down in a text column, breaking pages; calls the family's page hooks.

    `lines` records (page, y, x) of every body line so that a family can number them."""

    def __init__(self, c, fam, total):
        self.c, self.fam, self.total = c, fam, total
        self.page = 0
        self.lines = []
        self.start_page()

    def start_page(self):
        self.page += 1
        self.x0, self.x1, self.top, self.bottom = self.fam.frame(self.page)
        self.y = self.top
        self.fam.page_start(self)

    def new_page(self):
        self.fam.page_end(self)
        self.c.showPage()
        self.start_page()

    def need(self, h):
        if self.y - h < self.bottom:
            self.new_page()

    def space(self, h):
        self.y -= h

    def text(self, s, font, size, lead=None, indent=0, hang=None, color=black, margin=None, after=2,
             char_space=0, width=None):
        """A paragraph: `hang` a marker set left of the text at `indent`; `margin` (text, font,
        size, color, x, w) set in a margin column at the first line's baseline."""
        lead = lead or size * 1.3
        x = self.x0 + indent
        wdt = (width or (self.x1 - self.x0)) - indent
        lines = simpleSplit(s, font, size, wdt) or [""]
        margin_bottom = self.y
        for k, ln in enumerate(lines):
            self.need(lead)
            self.y -= lead
            self.c.setFillColor(color)
            if char_space:
                t = self.c.beginText(x, self.y)
                t.setFont(font, size)
                t.setCharSpace(char_space)
                t.textLine(ln)
                t.setCharSpace(0)  # Tc persists in the page's text state
                self.c.drawText(t)
            else:
                self.c.setFont(font, size)
                self.c.drawString(x, self.y, ln)
            self.lines.append((self.page, self.y, x))
            if k == 0 and hang:
                self.c.drawString(x - hang[1], self.y, hang[0])
            if k == 0 and margin:
                mt, mf, ms, mc, mx, mw = margin
                self.c.setFillColor(mc)
                self.c.setFont(mf, ms)
                mlines = simpleSplit(mt, mf, ms, mw)
                for j, ml in enumerate(mlines):
                    self.c.drawString(mx, self.y - j * ms * 1.2, ml)
                self.c.setFillColor(black)
                margin_bottom = self.y - (len(mlines) - 1) * ms * 1.2
        self.c.setFillColor(black)
        if margin and margin_bottom < self.y:  # a margin text longer than its paragraph
            self.y = margin_bottom
        self.y -= after

    def finish(self):
        self.fam.page_end(self)
        self.c.save()


class Family:
    name = "base"
    font, bold, size = "LSans", "LSans-B", 10

    def __init__(self, p):
        self.p = p
        self.noise = []

    def frame(self, page):
        return 25 * mm, W - 25 * mm, H - 28 * mm, 25 * mm

    def page_start(self, f):
        pass

    def page_end(self, f):
        pass

    def label(self, f):  # the page label printed on page f.page
        return None

    # block renderers, shared; families override what they set differently
    def head_rows(self, f, rows):
        for lab, val in rows:
            f.text(f"{lab}: {val}", self.font, self.size - 0.5, after=1)
        f.space(6)

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(6)
        f.text(text, self.bold, self.size + (2 if level == 1 else 1 if level == 2 else 0.5), after=3)

    def para(self, f, text):
        f.text(text, self.font, self.size, after=5)

    def items(self, f, items, numbering, bold=False, indent=7 * mm):
        mk = markers(numbering, len(items))
        for t, m in zip(items, mk):
            f.text(t, self.bold if bold else self.font, self.size, indent=indent + (2 * mm if len(m) > 2 else 0),
                   hang=(m, 7 * mm) if m else None, after=2)
        f.space(4)

    def decision_intro(self, f, text):
        f.space(3)
        f.text(text, self.bold, self.size, after=3)

    def agenda_item(self, f, a):
        f.need(40)
        f.space(6)
        f.text(item_head(a), self.bold, self.size + 1, after=3)
        self.item_body(f, a)

    def item_body(self, f, a, bold_decisions=False, label="Besluit:"):
        if a.get("note"):
            f.text(a["note"], "LSans-I" if self.font.startswith("LSans") else self.font, self.size - 1, after=2)
        if a.get("text"):
            self.para(f, a["text"])
        if a.get("proposal"):
            f.text(f"Afdoeningsvoorstel: {a['proposal']}", self.font, self.size, after=3)
        if a.get("advice"):
            f.text("Advies", self.bold, self.size, after=1)
            f.text(a["advice_intro"], self.font, self.size, after=2)
            self.items(f, a["advice"], "1.")
        if a.get("vote_label"):
            f.text(a["vote_label"], self.bold, self.size, after=3)
        if a.get("noted") or a.get("decisions"):
            f.text(a.get("decision_label", label), self.bold, self.size, after=2)
        if a.get("noted"):
            self.para(f, a["noted"])
        if a.get("noted_list"):
            self.items(f, a["noted_list"], "•")
        ds = a.get("decisions") or []
        if a.get("conclusion"):
            for d in ds:
                f.text(f"Conclusie: {d}", self.bold if bold_decisions else self.font, self.size, after=4)
        elif ds:
            if len(ds) == 1 and not a.get("numbering"):
                f.text(ds[0], self.bold if bold_decisions else self.font, self.size, after=4)
            else:
                self.items(f, ds, a.get("numbering") or "1.", bold=bold_decisions)

    def body(self, f, blocks):
        for b in blocks:
            if b.get("field") or b.get("motion"):
                continue
            if b.get("h"):
                self.heading(f, h_text(b), b.get("level", 1))
            elif b.get("p"):
                self.para(f, b["p"])
            elif b.get("list"):
                self.items(f, b["list"], b.get("numbering"))
            elif b.get("decision_intro"):
                self.decision_intro(f, b["decision_intro"])
            elif b.get("decisions"):
                self.items(f, b["decisions"], b.get("numbering")) if b.get("numbering") or len(b["decisions"]) > 1 \
                    else f.text(b["decisions"][0], self.font, self.size, indent=7 * mm, after=5)
            elif b.get("agenda_item"):
                self.agenda_item(f, b["agenda_item"])


# --------------------------------------------------------------------------------------------
# kantlijn: labels, headings and item numbers in a left margin column

class Kantlijn(Family):
    name = "kantlijn"
    font, bold, size = "LSerif", "LSerif-B", 10.5
    MX, MW = 20 * mm, 40 * mm
    ink = HexColor("#7a1f2b")

    def frame(self, page):
        return 66 * mm, W - 20 * mm, H - (62 * mm if page == 1 else 24 * mm), 22 * mm

    def edge_text(self):
        p = self.p
        d = p["fields"]["document_date"]
        return f"{org(p)} · {KIND[p['kind']].lower()}" + (f" · {d_dash(d)}" if d else "")

    def page_start(self, f):
        c = f.c
        c.saveState()
        c.setFillColor(Color(0.45, 0.45, 0.45))
        c.setFont("LSans", 7)
        c.translate(11 * mm, 40 * mm)
        c.rotate(90)
        c.drawString(0, 0, self.edge_text())
        c.restoreState()
        lab = f"Blad {f.page} van {f.total or 1}"
        c.setFont("LSans", 7.5)
        c.setFillColor(Color(0.35, 0.35, 0.35))
        c.drawRightString(W - 20 * mm, H - 14 * mm, lab)
        c.setFillColor(black)
        self.noise += [lab, self.edge_text()]
        if f.page == 1:  # logo block
            c.setFillColor(self.ink)
            x, y = 20 * mm, H - 40 * mm
            c.rect(x, y, 14 * mm, 16 * mm, stroke=0, fill=1)
            pth = c.beginPath()
            pth.moveTo(x, y)
            pth.lineTo(x + 7 * mm, y - 5 * mm)
            pth.lineTo(x + 14 * mm, y)
            pth.close()
            c.drawPath(pth, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont("LSans-B", 16)
            c.drawCentredString(x + 7 * mm, y + 5 * mm, self.p["body"].replace("Provincie ", "")[0])
            c.setFillColor(self.ink)
            c.setFont("LSans-B", 13)
            c.drawString(x + 18 * mm, y + 9 * mm, org(self.p))
            c.setFillColor(black)

    def mlabel(self, text, size=8.5, font="LSans-B", color=None):
        return (text, font, size, color or Color(0.4, 0.4, 0.4), self.MX, self.MW)

    def head_rows(self, f, rows):
        for lab, val in rows:
            f.text(val, self.font, self.size, margin=self.mlabel(lab), after=3)
        f.space(8)

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(8)
        self._pending = text  # set beside the next paragraph's first line

    def para(self, f, text):
        m = getattr(self, "_pending", None)
        self._pending = None
        f.text(text, self.font, self.size, margin=self.mlabel(m, 9.5, "LSans-B", self.ink) if m else None, after=6)

    def items(self, f, items, numbering, bold=False, indent=7 * mm):
        m = getattr(self, "_pending", None)
        if m:
            self._pending = None
            f.text("", self.font, 2, margin=self.mlabel(m, 9.5, "LSans-B", self.ink), after=0)
        super().items(f, items, numbering, bold, indent)

    def flush(self, f):
        m = getattr(self, "_pending", None)
        if m:
            self._pending = None
            f.text("", self.font, 2, margin=self.mlabel(m, 9.5, "LSans-B", self.ink), after=8)

    def body(self, f, blocks):
        for b in blocks:
            if not (b.get("p") or b.get("list") or b.get("h") or b.get("field") or b.get("motion")):
                self.flush(f)
            super().body(f, [b])

    def decision_intro(self, f, text):
        f.space(4)
        f.text(text, self.bold, self.size, after=3)

    def agenda_item(self, f, a):
        f.need(44)
        f.space(8)
        if a.get("subject"):
            f.text(a["subject"], self.bold, self.size + 0.5,
                   margin=(a["number"], "LSans-B", 13, self.ink, self.MX, self.MW), after=3)
        else:
            f.text(item_head(a), self.bold, self.size + 0.5, after=3)
        self.item_body(f, a, bold_decisions=True)

    def render(self, f):
        p = self.p
        kw = KIND[p["kind"]].upper()
        f.text(kw, "LSans", 8.5, char_space=2.2, color=self.ink, after=4)
        if p["title"]:
            f.text(p["title"], "LSerif-B", 17, lead=21, after=10)
        self.head_rows(f, meta_rows(p, d_long))
        self.body(f, p["blocks"])
        self.flush(f)

    def gold_bodies(self):
        return bodies_from_rows(self.p)


def bodies_from_rows(p):
    """Bodies named under a 'Vastgesteld door' row the paper prints."""
    words = {"Raad": ("gemeenteraad", "raad"), "B&W": ("college",), "PS": ("provinciale staten",), "GS": ("gedeputeerde",)}
    out = []
    for lab, val in own_rows(p):
        if lab.lower().startswith("vastgesteld door"):
            out += [b for b in p["fields"]["bodies"] if any(w in val.lower() for w in words.get(b, ()))]
    return out


# --------------------------------------------------------------------------------------------
# checkform: a Word 'voorstel' form with a 2 x 4 grid of labelled cells and glyph checkboxes

class Checkform(Family):
    name = "checkform"
    font, bold, size = "DSC", "DSC-B", 9.5
    grey = Color(0.45, 0.45, 0.45)

    def frame(self, page):
        return 20 * mm, W - 20 * mm, H - 20 * mm, 22 * mm

    def page_start(self, f):
        lab = f"blz {f.page} van {f.total or 1}"
        f.c.setFont("DSC", 8)
        f.c.drawCentredString(W / 2, 12 * mm, lab)
        f.c.setFont("DSC", 7)
        f.c.setFillColor(self.grey)
        f.c.drawString(20 * mm, 12 * mm, org(self.p))
        f.c.setFillColor(black)
        self.noise.append(lab)

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(7)
        f.text(text, self.bold, self.size + (1.5 if level == 1 else 0.5), after=2)
        f.c.setLineWidth(0.6)
        f.c.line(f.x0, f.y, f.x1, f.y)
        f.space(5)

    def grid(self, f, cells):
        """4 rows x 2 columns; each cell a small grey label above its value."""
        cw = (f.x1 - f.x0) / 2
        for r in range(0, len(cells), 2):
            row = cells[r:r + 2]
            wrapped = [simpleSplit(v, self.font, 10, cw - 4 * mm) or [""] for _, v in row]
            hgt = 6 * mm + max(len(w) for w in wrapped) * 12.5
            f.need(hgt)
            top = f.y
            for k, ((lab, _), lines) in enumerate(zip(row, wrapped)):
                x = f.x0 + k * cw
                f.c.setLineWidth(0.5)
                f.c.rect(x, top - hgt, cw, hgt, stroke=1, fill=0)
                f.c.setFont(self.font, 7)
                f.c.setFillColor(self.grey)
                f.c.drawString(x + 2 * mm, top - 3.5 * mm, lab)
                f.c.setFillColor(black)
                f.c.setFont(self.font, 10)
                for j, ln in enumerate(lines):
                    f.c.drawString(x + 2 * mm, top - 3.5 * mm - 11 - j * 12.5, ln)
            if len(row) == 1:
                f.c.rect(f.x0 + cw, top - hgt, cw, hgt, stroke=1, fill=0)
            f.y = top - hgt
        f.space(5)

    def checkboxes(self, f):
        p = self.p
        opts = BODY_BOXES[p["body_kind"]]
        if not p["fields"]["bodies"]:
            return
        s = "Besluitvorming door:   " + "   ".join(
            ("☒ " if b in p["fields"]["bodies"] else "☐ ") + name for b, name in opts)
        f.text(s, "DSans", 9, after=6)

    def render(self, f):
        p = self.p
        f.text(org(p), "DSC-B", 10, after=2)
        f.text(KIND[p["kind"]].upper(), "DSC-B", 18, lead=24, after=6)
        fl, rows = p["fields"], own_rows(p)
        own_date = next((v for lab, v in rows if lab.lower() == "datum"), None)
        rows = [r for r in rows if r[0].lower() != "datum"]
        cells = [("Onderwerp", p["title"] or ""),
                 ("Datum", own_date or (d_dash(fl["document_date"]) if fl["document_date"] else "")),
                 ("Nummer", fl["reference"] or ""), ("Portefeuillehouder", fl["portfolio_holder"] or ""),
                 ("Afdeling", fl["team"] or ""), ("Behandelaar", ""),
                 ("Agendapunt", fl["agenda_item"] or ""), ("Bijlagen", ", ".join(fl["attachments"]))]
        self.grid(f, cells)  # a fixed form: a cell the paper gives no value stays empty
        for lab, val in rows:
            f.text(f"{lab}: {val}", self.font, self.size, after=1)
        self.checkboxes(f)
        f.space(4)
        self.body(f, p["blocks"])

    def gold_bodies(self):
        return list(self.p["fields"]["bodies"]) or bodies_from_rows(self.p)


# --------------------------------------------------------------------------------------------
# cover: a cover page, then paragraphs numbered in the margin

class Cover(Family):
    name = "cover"
    font, bold, size = "LSans", "LSans-B", 10
    ink = HexColor("#0f5257")

    def frame(self, page):
        return 36 * mm, W - 22 * mm, H - 30 * mm, 24 * mm

    def short(self):
        t = self.p["title"] or KIND[self.p["kind"]]
        return t if len(t) <= 70 else t[:67].rsplit(" ", 1)[0] + " …"

    def page_start(self, f):
        c = f.c
        if f.page == 1:
            return
        c.setFont("LSans", 7.5)
        c.setFillColor(Color(0.4, 0.4, 0.4))
        c.drawString(36 * mm, H - 18 * mm, self.short())
        c.drawRightString(W - 22 * mm, H - 18 * mm, org(self.p))
        c.setLineWidth(0.4)
        c.line(36 * mm, H - 20 * mm, W - 22 * mm, H - 20 * mm)
        lab = f"{f.page} | {f.total or 1}"
        c.setFont("LSans", 8)
        c.drawRightString(W - 22 * mm, 13 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def cover(self, f):
        c, p = f.c, self.p
        c.setFillColor(self.ink)
        c.rect(0, H * 0.42, W, H * 0.58, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("LSans-B", 13)
        c.drawString(30 * mm, H - 30 * mm, org(p))
        c.setFont("LSans", 11)
        c.drawString(30 * mm, H * 0.42 + 70 * mm, KIND[p["kind"]])
        y = H * 0.42 + 58 * mm
        for ln in simpleSplit(p["title"] or KIND[p["kind"]], "LSans-B", 22, W - 60 * mm):
            c.setFont("LSans-B", 22)
            c.drawString(30 * mm, y, ln)
            y -= 27
        c.setFillColor(black)
        y = H * 0.42 - 16 * mm
        for lab, val in meta_rows(p, d_long):
            c.setFont("LSans-B", 8)
            c.drawString(30 * mm, y, lab)
            lines = simpleSplit(val, "LSans", 10, W - 60 * mm)
            c.setFont("LSans", 10)
            for j, ln in enumerate(lines):
                c.drawString(30 * mm, y - 12 - j * 12.5, ln)
            y -= 12 + len(lines) * 12.5 + 8
        f.new_page()

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(8)
        f.text(text, self.bold, self.size + (2.5 if level == 1 else 1.5), color=self.ink, after=4)
        self.sec = getattr(self, "sec", 0) + 1
        self.par = 0

    def para(self, f, text):
        self.par = getattr(self, "par", 0) + 1
        num = f"{self.sec}.{self.par}" if getattr(self, "sec", 0) else f"{self.par}"
        f.text(text, self.font, self.size, hang=(num, 13 * mm), after=6)

    def render(self, f):
        self.cover(f)
        self.body(f, self.p["blocks"])

    def gold_bodies(self):
        return bodies_from_rows(self.p)


# --------------------------------------------------------------------------------------------
# linenum: line numbers in the margin, restarting on each page

class Linenum(Family):
    name = "linenum"
    font, bold, size = "LSerif", "LSerif-B", 11

    def frame(self, page):
        return 28 * mm, W - 24 * mm, H - 26 * mm, 24 * mm

    def page_start(self, f):
        c = f.c
        c.setFont("LSans", 7.5)
        c.setFillColor(Color(0.4, 0.4, 0.4))
        c.drawString(28 * mm, H - 15 * mm, org(self.p).upper())
        lab = f"Bladzijde {f.page} van {f.total or 1}"
        c.drawRightString(W - 24 * mm, 13 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def page_end(self, f):
        c = f.c
        c.setFont("LSans", 7)
        c.setFillColor(Color(0.5, 0.5, 0.5))
        n = 0
        for page, y, _ in f.lines:
            if page == f.page:
                n += 1
                c.drawRightString(20 * mm, y, str(n))
        c.setFillColor(black)

    def head_rows(self, f, rows):
        for lab, val in rows:
            f.text(val, self.font, self.size - 0.5, indent=38 * mm, after=1,
                   margin=(f"{lab}:", self.font, self.size - 0.5, black, f.x0, 36 * mm))
        f.space(8)

    def agenda_item(self, f, a):
        f.need(40)
        f.space(6)
        f.text(item_head(a), self.bold, self.size, after=3)
        ds = a.get("decisions") or []
        if len(ds) == 1 and not a.get("conclusion") and not a.get("numbering") and not a.get("noted"):
            b = dict(a, decisions=[])
            self.item_body(f, b)
            f.text(f"Besluit: {ds[0]}", self.font, self.size, after=4)
        else:
            self.item_body(f, a)

    def render(self, f):
        p = self.p
        if p["title"]:
            f.text(p["title"], "LSans-B", 14, lead=18, after=8)
        self.head_rows(f, meta_rows(p, d_weekday))
        self.body(f, p["blocks"])

    def gold_bodies(self):
        return bodies_from_rows(self.p)


# --------------------------------------------------------------------------------------------
# bundle: raadsbesluit + the regulation it adopts, page numbers running on

class Bundle(Family):
    name = "bundle"
    font, bold, size = "LSans", "LSans-B", 10

    def frame(self, page):
        return 24 * mm, W - 24 * mm, H - 26 * mm, 24 * mm

    def page_start(self, f):
        c = f.c
        c.setFont("LSans", 7.5)
        c.setFillColor(Color(0.4, 0.4, 0.4))
        c.drawString(24 * mm, H - 14 * mm, org(self.p))
        lab = f"pagina {f.page} van {f.total or 1}"
        c.drawCentredString(W / 2, 12 * mm, lab)
        c.setFillColor(black)
        self.noise.append(lab)

    def stamp(self, f, kind_word):
        c = f.c
        x, y = W - 24 * mm - 50 * mm, H - 22 * mm
        c.setLineWidth(0.8)
        c.rect(x, y - 13 * mm, 50 * mm, 13 * mm, stroke=1, fill=0)
        c.setFont("LSans-B", 9)
        c.drawString(x + 3 * mm, y - 5 * mm, kind_word)
        c.setFont("LSans", 8)
        c.drawString(x + 3 * mm, y - 10 * mm, org(self.p))
        f.y = y - 18 * mm

    def render(self, f):
        p = self.p
        k = p["bundle"]["split"]
        self.stamp(f, "RAADSBESLUIT")
        f.text(p["title"], "LSans-B", 15, lead=19, after=8)
        self.head_rows(f, meta_rows(p, d_dash))
        self.body(f, p["blocks"][:k])
        self.pages = [f.page]
        f.new_page()
        self.stamp(f, "BIJLAGE 1")
        f.text(p["bundle"]["title"], "LSans-B", 15, lead=19, after=8)
        self.body(f, p["blocks"][k:])
        self.pages.append(f.page)

    def gold_bodies(self):
        return bodies_from_rows(self.p)


CLASSES = {c.name: c for c in (Kantlijn, Checkform, Cover, Linenum, Bundle)}


def typeset(p, fam_name, out):
    """Two passes: the first counts the pages, the second prints 'n van N' labels."""
    total = None
    for _ in range(2):
        fam = CLASSES[fam_name](p)
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=A4, invariant=1)
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
    if fam.name == "bundle":
        k = p["bundle"]["split"]
        p1, p2 = fam.pages
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"][:k], 1, p1, bodies),
                doc_gold(p, "bijlage", p["bundle"]["title"], p["blocks"][k:], p1 + 1, p2, [], fields=False)]
        probes = probes_of(p["kind"], p["blocks"][:k]) + probes_of("bijlage", p["blocks"][k:])
        decs = [dict(d, doc_index=0, doc_type=p["kind"]) for d in item_decisions(p, p["blocks"][:k])]
    else:
        docs = [doc_gold(p, p["kind"], p["title"], p["blocks"], 1, n, bodies)]
        probes = probes_of(p["kind"], p["blocks"])
        decs = [dict(d, doc_index=0, doc_type=p["kind"]) for d in item_decisions(p, p["blocks"])]
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
            if fam_name == "scan-checkform":
                with tempfile.TemporaryDirectory() as d:
                    base = Path(d) / out.name
                    fam, n = typeset(p, "checkform", base)
                    dpi = scan_of(base, out, p["id"])
                note = f" {dpi} dpi"
            else:
                fam, n = typeset(p, fam_name, out)
                note = ""
            gold, extra = gold_for(p, fam, out.name, n)
            extra["family"] = fam_name
            write_json(HERE / "gold" / fam_name / f"{p['id']}.json", gold)
            write_json(HERE / "gold" / fam_name / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam_name:15s} {p['id']} {n}p {out.stat().st_size // 1024} kB{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
