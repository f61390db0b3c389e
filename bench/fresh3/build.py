#!/usr/bin/env python3
"""Typeset the third held-out batch (bench/fresh3) in five template families that neither
bench/corpus/build.py nor bench/fresh2/build.py makes, plus a scanned variant, with gold from the
source texts and from the layout this script prints.

usage: python bench/fresh3/build.py [--family NAME ...]

Why: the first two held-out batches share their conventions with the templates the rules were
tuned on; this batch keeps measuring generalization only if its layouts are new. Written from
scratch (no layout or gold code of the other build scripts is imported):

  landtable   reportlab, A4 landscape: a band with the body and the kind in capitals, a ruled
              four-column metadata grid (label, value, label, value) with an "Orgaan" row, a
              besluitenlijst's items as one ruled table (Nr. | Onderwerp | Toelichting | Besluit |
              Stemming), other text in a wide single column, "pag. 1/2" bottom right.
  revform     fpdf2: a form with a header bar in reverse colours (white on dark blue) on every
              page, labels in a left column (with a "Bestuursorgaan" row), section headings and
              agenda items as white-on-grey bars, "Besluit" as a left label, "Pagina 1/2".
  footletter  reportlab: a letter with a letterhead, a strip of reference fields (labels above
              values), running header "Vervolgblad" on later pages and a footer sidebar (a ruled
              block with the body's name and "pagina 1/2").
  mdexport    the source written as Markdown, turned into HTML by this script's own small
              converter and printed by headless Chromium with its default header and footer
              (print date, page title, file address, "1/2"), as a page printed from a browser.
  newspaper   reportlab: a two-column Gemeenteblad/Provinciaal blad-like sheet: a masthead, a
              column rule, justified condensed serif, a running header and "- 2 -" on later pages.
  scan-footletter  the footletter PDF rendered at 150 dpi (pdftoppm), turned a fraction of a
              degree, speckled and blurred (PIL), wrapped as an image-only PDF.

Writes pdf/<family>/<id>.pdf, gold/<family>/<id>.json (../shared/eval/GOLD.md) and
gold/<family>/extra/<id>.extra.json (decisions with agenda item and outcome, motions).
Gold conventions (as the project settled them): bodies only from a labelled field (the source's
own "Orgaan" / "Vastgesteld door" / "Vergadering" rows, or a family's body row), never from a
formula; headings are what this script sets as headings (agenda items in landtable's table are
cells, not headings); noise the page furniture it prints.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
TTF = Path("/usr/share/fonts/truetype")
FAMILIES = ["landtable", "revform", "footletter", "mdexport", "newspaper", "scan-footletter"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
BODY_NAMES = {"B&W": "College van burgemeester en wethouders", "Raad": "Gemeenteraad",
              "PS": "Provinciale Staten", "GS": "Gedeputeerde Staten", "Burgemeester": "Burgemeester",
              "Commissie": "Commissie"}
BODY_LABELS = {"Orgaan", "Vastgesteld door", "Vergadering"}
KIND = {"besluitenlijst": "Besluitenlijst", "verslag": "Verslag", "motie": "Motie", "raadsbesluit": "Besluit",
        "besluit": "Besluit", "brief": "Brief"}
CBS = {"Krimpen aan den IJssel": "GM0542", "Kaag en Braassem": "GM1884", "Provincie Groningen": "PV20",
       "Provincie Drenthe": "PV22", "Provincie Noord-Holland": "PV27", "Alphen aan den Rijn": "GM0484",
       "Borger-Odoorn": "GM1681", "Gulpen-Wittem": "GM1729", "Provincie Flevoland": "PV24", "Meerssen": "GM0938",
       "Meppel": "GM0119", "Edam-Volendam": "GM0385", "Zeewolde": "GM0050"}


# --------------------------------------------------------------------------------------------
# the source, read the same way by every family

def org(p):
    return f"Gemeente {p['body']}" if p["body_kind"] == "gemeente" else p["body"]


def date_long(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def date_dash(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def fields_of(p):
    return [tuple(b["field"]) for b in p["blocks"] if b.get("field")]


BODY_WORDS = {"B&W": "burgemeester en wethouders", "Raad": "raad", "PS": "provinciale staten",
              "GS": "gedeputeerde staten", "Burgemeester": "burgemeester", "Commissie": "commissie"}


def body_labelled(p):
    """True where the paper's own rows name its body under a label (Orgaan, Vastgesteld door, …)."""
    return any(lab in BODY_LABELS and any(BODY_WORDS[b] in val.lower() for b in p["fields"]["bodies"])
               for lab, val in fields_of(p))


def meta_rows(p, fam, datefmt=date_long):
    """(label, value) rows a family prints at the top: the paper's own rows, then what its
    fields state that no row prints yet, then (landtable, revform) the family's body row."""
    f, rows = p["fields"], fields_of(p)
    labels = " ".join(r[0].lower() for r in rows)
    values = " ".join(r[1] for r in rows)
    if f["document_date"] and "datum" not in labels:
        rows.append(("Datum", datefmt(f["document_date"])))
    if f["decision_date"] and p["kind"] == "besluitenlijst" and "datum" not in labels:
        rows.append(("Vergaderdatum", datefmt(f["decision_date"])))
    if f["reference"] and f["reference"] not in values:
        rows.append(("Kenmerk", f["reference"]))
    if f["portfolio_holder"] and f["portfolio_holder"] not in values:
        rows.append(("Portefeuillehouder", f["portfolio_holder"]))
    if fam in ("landtable", "revform") and f["bodies"] and not body_labelled(p):
        rows.append(("Orgaan" if fam == "landtable" else "Bestuursorgaan",
                     ", ".join(BODY_NAMES[b] for b in f["bodies"])))
    return rows


def gold_bodies(p, fam):
    return list(p["fields"]["bodies"]) if body_labelled(p) or fam in ("landtable", "revform") else []


def h_text(b):
    return f"{b['number']} {b['h']}" if b.get("number") else b["h"]


def item_head(a):
    if a.get("subject"):
        return f"{a['number']}. {a['subject']}"
    return f"Agendapunt {a['number']}"


def markers(numbering, n, start=1):
    if numbering is None:
        return [""] * n
    if numbering in ("•", "-"):
        return [numbering] * n
    if numbering.startswith("I"):
        romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
        return [f"{romans[k]}." for k in range(start - 1, start - 1 + n)]
    tail = numbering.strip()[1:]
    if numbering[0].isalpha():
        return [f"{chr(96 + k)}{tail}" for k in range(start, start + n)]
    return [f"{k}{tail}" for k in range(start, start + n)]


def headings(p, fam):
    out = []
    for b in p["blocks"]:
        if b.get("h"):
            out.append(h_text(b))
        elif b.get("decision_intro"):
            out.append(b["decision_intro"])
        elif b.get("agenda_item") and fam != "landtable":
            out.append(item_head(b["agenda_item"]))
    return out


def decisions(p):
    out = []
    for b in p["blocks"]:
        for t in b.get("decisions") or []:
            out.append({"text": t, "agenda_item": None, "outcome": None, "votes_for": None, "votes_against": None})
        a = b.get("agenda_item")
        if a and a.get("decision"):
            out.append({"text": a["decision"], "agenda_item": a["number"], "outcome": a.get("outcome"),
                        "votes_for": a.get("votes_for"), "votes_against": a.get("votes_against")})
    return out


def probes(p, n=3):
    cands = []
    for b in p["blocks"]:
        for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", b.get("p") or ""):
            if len(s.split()) >= 8 and s.endswith(".") and len(s) < 400:
                cands.append(s)
    if len(cands) > n:
        cands = [cands[round(i * (len(cands) - 1) / (n - 1))] for i in range(n)]
    return [{"doc_type": p["kind"], "text": s} for s in cands]


# --------------------------------------------------------------------------------------------
# reportlab families

def rl_fonts():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for name, f in [("LSans", "liberation/LiberationSans-Regular.ttf"), ("LSans-B", "liberation/LiberationSans-Bold.ttf"),
                    ("LSans-I", "liberation/LiberationSans-Italic.ttf"), ("LSerif", "liberation/LiberationSerif-Regular.ttf"),
                    ("LSerif-B", "liberation/LiberationSerif-Bold.ttf"), ("LSerif-I", "liberation/LiberationSerif-Italic.ttf"),
                    ("LSerif-BI", "liberation/LiberationSerif-BoldItalic.ttf"),
                    ("DSC", "dejavu/DejaVuSerifCondensed.ttf"), ("DSC-B", "dejavu/DejaVuSerifCondensed-Bold.ttf"),
                    ("DSC-I", "dejavu/DejaVuSerifCondensed-Italic.ttf"), ("DSaC-B", "dejavu/DejaVuSansCondensed-Bold.ttf"),
                    ("DSaC", "dejavu/DejaVuSansCondensed.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(TTF / f)))
    from reportlab.lib.fonts import addMapping
    for fam, (r, b, i, bi) in {"LSans": ("LSans", "LSans-B", "LSans-I", "LSans-B"),
                               "LSerif": ("LSerif", "LSerif-B", "LSerif-I", "LSerif-BI"),
                               "DSC": ("DSC", "DSC-B", "DSC-I", "DSC-B")}.items():
        for bold, italic, face in ((0, 0, r), (1, 0, b), (0, 1, i), (1, 1, bi)):
            addMapping(fam, bold, italic, face)


def counted_canvas(decorate):
    """A canvas class that knows the page count when it draws each page's furniture."""
    from reportlab.pdfgen.canvas import Canvas

    class C(Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self._pages = []

        def showPage(self):
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self._pages)
            for i, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                decorate(self, i, n)
                super().showPage()
            super().save()
    return C


def esc(s):
    return html.escape(s, quote=False)


def rl_story(p, fam, st, width):
    """Flowables of the text blocks for footletter and newspaper (landtable has its own)."""
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle, KeepTogether
    from reportlab.lib import colors
    out = []

    def items(texts, ms, style, indent=14):
        for m, t in zip(ms, texts):
            out.append(Paragraph(esc(t), style, bulletText=m or None) if m else Paragraph(esc(t), style))

    for b in p["blocks"]:
        if b.get("field") or b.get("motion"):
            continue
        if b.get("h"):
            out.append(Paragraph(esc(h_text(b)), st["h1" if b.get("level", 1) == 1 else "h2"]))
        elif "p" in b:
            out.append(Paragraph(esc(b["p"]), st["body"]))
        elif "toc" in b:
            rows = [[Paragraph(esc(t), st["cell"]), Paragraph(pg, st["cellr"])] for t, pg in b["toc"]]
            t = Table(rows, colWidths=[width - 40, 40])
            t.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.2, colors.lightgrey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(t)
            out.append(Spacer(1, 6))
        elif "list" in b:
            items(b["list"], markers(b.get("numbering") or "•", len(b["list"]), b.get("start", 1)), st["li"])
            if b.get("sub"):
                items(b["sub"], markers("a.", len(b["sub"])), st["li2"])
        elif b.get("decision_intro"):
            out.append(Paragraph(esc(b["decision_intro"]), st["intro"]))
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]))
            items(b["decisions"], ms, st["li"] if any(ms) else st["body"])
        elif b.get("agenda_item"):
            a = b["agenda_item"]
            out.append(Paragraph(esc(item_head(a)), st["h1"]))
            for k in ("text",):
                if a.get(k):
                    out.append(Paragraph(esc(a[k]), st["body"]))
            for k in ("noted", "decision"):
                if a.get(k):
                    out.append(Paragraph("<b>Besluit:</b> " + esc(a[k]), st["body"]))
        elif b.get("closing"):
            out.append(Spacer(1, 4))
            out.append(Paragraph(esc(b["closing"]), st["body"]))
        elif b.get("sign_lines"):
            out.append(Spacer(1, 10))
            for x in b["sign_lines"]:
                out.append(Paragraph(esc(x), st["sign"]))
        elif b.get("table"):
            tb = b["table"]
            rows = [[Paragraph(esc(x), st["cellb"]) for x in tb["header"]]] + \
                   [[Paragraph(esc(x), st["cell"]) for x in r] for r in tb["rows"]]
            t = Table(rows, colWidths=[width / len(tb["header"])] * len(tb["header"]), repeatRows=1)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(KeepTogether([t]))
            out.append(Spacer(1, 6))
    return out


def styles(font, size, lead, hfont, hsize):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_JUSTIFY, TA_RIGHT
    body = ParagraphStyle("body", fontName=font, fontSize=size, leading=lead, spaceAfter=lead * 0.5)
    return {
        "body": body,
        "just": ParagraphStyle("just", parent=body, alignment=TA_JUSTIFY),
        "li": ParagraphStyle("li", parent=body, leftIndent=16, bulletIndent=2, spaceAfter=2),
        "li2": ParagraphStyle("li2", parent=body, leftIndent=30, bulletIndent=16, spaceAfter=2),
        "h1": ParagraphStyle("h1", fontName=hfont, fontSize=hsize, leading=hsize * 1.3, spaceBefore=8, spaceAfter=3),
        "h2": ParagraphStyle("h2", fontName=hfont, fontSize=hsize - 1, leading=hsize * 1.25, spaceBefore=5, spaceAfter=2),
        "intro": ParagraphStyle("intro", fontName=hfont, fontSize=size + 0.5, leading=lead, spaceBefore=6, spaceAfter=3),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=size - 1, leading=(size - 1) * 1.25),
        "cellb": ParagraphStyle("cellb", fontName=hfont, fontSize=size - 1.5, leading=(size - 1) * 1.25),
        "cellr": ParagraphStyle("cellr", fontName=font, fontSize=size - 1, leading=(size - 1) * 1.25, alignment=TA_RIGHT),
        "sign": ParagraphStyle("sign", parent=body, spaceAfter=1),
        "title": ParagraphStyle("title", fontName=hfont, fontSize=15, leading=19, spaceAfter=8),
    }


def build_landtable(p, out):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.lib import colors
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer, Table, TableStyle
    W, H = landscape(A4)
    st = styles("LSans", 9.5, 12.5, "LSans-B", 11)
    kind = KIND[p["kind"]].upper()

    def deco(c, i, n):
        c.setFillColor(colors.HexColor("#7a2020"))
        c.rect(15 * mm, H - 14 * mm, W - 30 * mm, 0.8 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("LSans-B", 9)
        c.drawString(15 * mm, H - 12 * mm, org(p))
        c.setFont("LSans", 9)
        c.drawRightString(W - 15 * mm, H - 12 * mm, kind)
        c.setFont("LSans", 8)
        c.drawRightString(W - 15 * mm, 9 * mm, f"pag. {i}/{n}")

    fw = W - 30 * mm
    story = [Paragraph(esc(p["title"]), st["title"])]
    rows = meta_rows(p, "landtable")
    if rows:
        grid = []
        for k in range(0, len(rows), 2):
            pair = rows[k:k + 2] + [("", "")] * (2 - len(rows[k:k + 2]))
            grid.append([Paragraph(esc(pair[0][0]), st["cellb"]), Paragraph(esc(pair[0][1]), st["cell"]),
                         Paragraph(esc(pair[1][0]), st["cellb"]), Paragraph(esc(pair[1][1]), st["cell"])])
        t = Table(grid, colWidths=[40 * mm, fw / 2 - 40 * mm, 40 * mm, fw / 2 - 40 * mm])
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eeeeee")),
                               ("BACKGROUND", (2, 0), (2, -1), colors.HexColor("#eeeeee")), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story += [t, Spacer(1, 8)]
    items = [b["agenda_item"] for b in p["blocks"] if b.get("agenda_item")]
    if items:
        head = [Paragraph(x, st["cellb"]) for x in ("Nr.", "Onderwerp", "Toelichting", "Besluit", "Stemming")]
        grid = [head]
        for a in items:
            expl = [a.get("text") or ""] + [f"{k}. {t}" for k, t in enumerate(a.get("quote_list") or [], 1)]
            if a.get("quote_title"):
                expl.insert(1, a["quote_title"])
            if a.get("text2"):
                expl.append(a["text2"])
            for lab in ("ingekomen", "besluiten", "moties"):
                if a.get(lab):
                    expl.append({"ingekomen": "Ingekomen stukken", "besluiten": "Besluiten PS", "moties": "Moties"}[lab] + ": "
                                + "; ".join(a[lab]))
            bes = [a.get("noted") or ""] + [f"{k}. {t}" for k, t in enumerate(a.get("noted_list") or [], 1)]
            if a.get("decision"):
                bes.append(a["decision"])
            grid.append([Paragraph(esc(a["number"]), st["cell"]), Paragraph(esc(a.get("subject") or ""), st["cell"]),
                         [Paragraph(esc(x), st["cell"]) for x in expl if x],
                         [Paragraph(esc(x), st["cell"]) for x in bes if x],
                         Paragraph(esc(a.get("vote_text") or ""), st["cell"])])
        t = Table(grid, colWidths=[14 * mm, 40 * mm, fw * 0.38, fw * 0.34, fw - 54 * mm - fw * 0.72], repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dddddd")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(t)
        rest = dict(p, blocks=[b for b in p["blocks"] if not b.get("agenda_item")])
        story += rl_story(rest, "landtable", st, fw)
    else:
        story += rl_story(p, "landtable", st, fw)
    doc = SimpleDocTemplate(str(out), pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=16 * mm, title=p["title"], author=org(p))
    doc.build(story, canvasmaker=counted_canvas(deco))
    return lambda n: [f"pag. {i}/{n}" for i in range(1, n + 1)] + [org(p), kind]


def build_footletter(p, out):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib import colors
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table, TableStyle, NextPageTemplate
    W, H = A4
    st = styles("LSerif", 10.5, 14, "LSerif-BI", 11)
    f = p["fields"]

    def deco(c, i, n):
        c.setStrokeColor(colors.HexColor("#1b5e3b"))
        c.setLineWidth(0.6)
        c.line(22 * mm, 24 * mm, W - 22 * mm, 24 * mm)
        c.line(W - 70 * mm, 10 * mm, W - 70 * mm, 22 * mm)
        c.setFont("LSans-B", 8)
        c.setFillColor(colors.HexColor("#1b5e3b"))
        c.drawString(22 * mm, 18 * mm, org(p))
        c.setFont("LSans", 8)
        c.setFillColor(colors.black)
        c.drawString(W - 66 * mm, 18 * mm, f"pagina {i}/{n}")
        if i == 1:
            c.setFont("LSans", 8)
            c.setFillColor(colors.HexColor("#1b5e3b"))
            c.drawString(22 * mm, H - 20 * mm, p["body_kind"])
            c.setFont("LSans-B", 18)
            c.drawString(22 * mm, H - 28 * mm, p["body"])
            c.setFillColor(colors.black)
        else:
            c.setFont("LSans-I", 8)
            c.drawString(22 * mm, H - 16 * mm, "Vervolgblad")

    strip = [("Datum", date_long(f["document_date"])) if f["document_date"] else None,
             ("Ons kenmerk", f["reference"]) if f["reference"] else None, ("Onderwerp", p["title"])]
    strip = [x for x in strip if x]
    lab = styles("LSans", 7, 9, "LSans", 7)["cell"]
    val = styles("LSans", 9.5, 11.5, "LSans", 9)["cell"]
    cw = (W - 44 * mm) / 3
    story = [Table([[Paragraph(esc(a), lab) for a, _ in strip], [Paragraph(esc(b), val) for _, b in strip]],
                   colWidths=[cw] * len(strip), hAlign="LEFT",
                   style=TableStyle([("TEXTCOLOR", (0, 0), (-1, 0), colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 0)])),
             Spacer(1, 10), NextPageTemplate("later")]
    rows = [r for r in meta_rows(p, "footletter") if r[0] not in {"Datum", "Kenmerk"} and not (r[0] == "Onderwerp")]
    for a, b in rows:
        story.append(Paragraph(f"{esc(a)}: {esc(b)}", st["cell"]))
    if rows:
        story.append(Spacer(1, 8))
    story += rl_story(p, "footletter", st, W - 44 * mm)
    doc = BaseDocTemplate(str(out), pagesize=A4, title=p["title"], author=org(p))
    first = Frame(22 * mm, 28 * mm, W - 44 * mm, H - 70 * mm, id="f1")
    later = Frame(22 * mm, 28 * mm, W - 44 * mm, H - 50 * mm, id="f2")
    doc.addPageTemplates([PageTemplate("first", [first]), PageTemplate("later", [later])])
    doc.build(story, canvasmaker=counted_canvas(deco))
    return lambda n: [f"pagina {i}/{n}" for i in range(1, n + 1)] + [org(p), "Vervolgblad"]


def masthead(p):
    return {"gemeente": "GEMEENTEBLAD", "provincie": "PROVINCIAAL BLAD", "waterschap": "WATERSCHAPSBLAD"}[p["body_kind"]]


def build_newspaper(p, out):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib import colors
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, NextPageTemplate
    W, H = A4
    st = styles("DSC", 8.6, 11, "DSaC-B", 9.2)
    st["body"] = st["just"]
    gap, mx = 7 * mm, 16 * mm
    colw = (W - 2 * mx - gap) / 2
    mast = masthead(p)

    def deco(c, i, n):
        c.setStrokeColor(colors.black)
        if i == 1:
            c.setFont("DSC-B", 30)
            c.drawString(mx, H - 26 * mm, mast)
            c.setLineWidth(2)
            c.line(mx, H - 29 * mm, W - mx, H - 29 * mm)
            c.setLineWidth(0.5)
            c.line(mx, H - 30.2 * mm, W - mx, H - 30.2 * mm)
            c.setFont("DSC-I", 9)
            c.drawString(mx, H - 35 * mm, f"Officiële uitgave van {org(p)}")
        else:
            c.setFont("DSC-I", 8)
            c.drawString(mx, H - 12 * mm, f"{mast.capitalize()} van {org(p)}")
            c.setLineWidth(0.4)
            c.line(mx, H - 13.5 * mm, W - mx, H - 13.5 * mm)
            c.setFont("DSC", 9)
            c.drawCentredString(W / 2, 9 * mm, f"- {i} -")

    title_style = styles("DSC", 13, 16, "DSC-B", 13)["title"]
    doc = BaseDocTemplate(str(out), pagesize=A4, title=p["title"], author=org(p))
    first = Frame(mx, 16 * mm, W - 2 * mx, H - 38 * mm - 16 * mm, id="first")
    later = Frame(mx, 16 * mm, W - 2 * mx, H - 17 * mm - 16 * mm, id="later")
    doc.addPageTemplates([PageTemplate("first", [first]), PageTemplate("later", [later])])
    from reportlab.platypus.flowables import BalancedColumns
    body = []
    for a, b in meta_rows(p, "newspaper"):
        body.append(Paragraph(f"<i>{esc(a)}:</i> {esc(b)}", st["cell"]))
    body.append(Spacer(1, 4))
    body += rl_story(p, "newspaper", st, colw)
    story = [Paragraph(esc(p["title"]), title_style), NextPageTemplate("later"),
             BalancedColumns(body, nCols=2, innerPadding=gap / 2)]
    doc.build(story, canvasmaker=counted_canvas(deco))
    return lambda n: [f"- {i} -" for i in range(2, n + 1)] + [mast, f"Officiële uitgave van {org(p)}",
                                                             f"{mast.capitalize()} van {org(p)}"]


# --------------------------------------------------------------------------------------------
# fpdf2 family

def build_revform(p, out):
    from fpdf import FPDF
    kind = KIND[p["kind"]].upper()

    class F(FPDF):
        def header(self):
            self.set_fill_color(20, 40, 90)
            self.rect(0, 0, 210, 16, style="F")
            self.set_text_color(255, 255, 255)
            self.set_font("dv", "B", 13)
            self.set_xy(14, 4.5)
            self.cell(100, 7, kind)
            self.set_font("dv", "", 9)
            self.set_xy(100, 5)
            self.cell(96, 7, org(p), align="R")
            self.set_text_color(0, 0, 0)
            self.set_y(24)

        def footer(self):
            self.set_y(-13)
            self.set_font("dv", "", 8)
            self.cell(0, 5, f"Pagina {self.page_no()}/{{nb}}", align="R")

    pdf = F(format="A4")
    pdf.add_font("dv", "", str(TTF / "dejavu/DejaVuSans.ttf"))
    pdf.add_font("dv", "B", str(TTF / "dejavu/DejaVuSans-Bold.ttf"))
    pdf.add_font("dv", "I", str(TTF / "dejavu/DejaVuSans-Oblique.ttf"))
    pdf.set_title(p["title"])
    pdf.set_author(org(p))
    pdf.alias_nb_pages()
    pdf.set_auto_page_break(True, 18)
    pdf.set_margins(14, 24, 14)
    pdf.add_page()
    W = 182
    pdf.set_font("dv", "B", 14)
    pdf.multi_cell(W, 7, p["title"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)

    def row(label, text, bold=False):
        pdf.set_font("dv", "", 9)
        lines = pdf.multi_cell(W - 44, 4.8, text, dry_run=True, output="LINES")
        hgt = 4.8 * len(lines) + 1.5
        if pdf.get_y() + hgt > 279:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_xy(14, y + 0.6)
        pdf.set_font("dv", "B", 8)
        pdf.set_text_color(90, 90, 90)
        pdf.multi_cell(40, 4.4, label, align="R")
        pdf.set_text_color(0, 0, 0)
        pdf.set_xy(58, y + 0.6)
        pdf.set_font("dv", "B" if bold else "", 9)
        pdf.multi_cell(W - 44, 4.8, text)
        pdf.set_draw_color(200, 200, 200)
        pdf.line(14, y + hgt, 14 + W, y + hgt)
        pdf.set_xy(14, y + hgt + 0.8)

    def bar(text):
        pdf.ln(2)
        pdf.set_font("dv", "B", 10)
        lines = pdf.multi_cell(W - 4, 5.5, text, dry_run=True, output="LINES")
        if pdf.get_y() + 6 * len(lines) + 12 > 279:
            pdf.add_page()
        pdf.set_fill_color(105, 110, 120)
        pdf.set_text_color(255, 255, 255)
        pdf.multi_cell(W, 6, " " + text, fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)

    def para(text, style="", size=9.5):
        pdf.set_font("dv", style, size)
        pdf.multi_cell(W, 4.9, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.2)

    def items(texts, ms, indent=0):
        for m, t in zip(ms, texts):
            pdf.set_font("dv", "", 9.5)
            pdf.set_x(14 + indent)
            pdf.cell(8, 4.9, m)
            pdf.multi_cell(W - 8 - indent, 4.9, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        pdf.ln(1)

    for lab, val in meta_rows(p, "revform", date_dash):
        row(lab, val)
    pdf.ln(4)
    for b in p["blocks"]:
        if b.get("field") or b.get("motion"):
            continue
        if b.get("h"):
            if b.get("level", 1) == 1:
                bar(h_text(b))
            else:
                para(h_text(b), "B", 10)
        elif "p" in b:
            para(b["p"])
        elif "toc" in b:
            for t, pg in b["toc"]:
                pdf.set_font("dv", "", 9)
                pdf.cell(W - 15, 4.8, t)
                pdf.cell(15, 4.8, pg, align="R", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif "list" in b:
            items(b["list"], markers(b.get("numbering") or "•", len(b["list"]), b.get("start", 1)))
            if b.get("sub"):
                items(b["sub"], markers("a.", len(b["sub"])), 8)
        elif b.get("decision_intro"):
            para(b["decision_intro"], "B", 10)
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]))
            if any(ms):
                items(b["decisions"], ms)
            else:
                for t in b["decisions"]:
                    para(t)
        elif b.get("agenda_item"):
            a = b["agenda_item"]
            bar(item_head(a))
            if a.get("text"):
                para(a["text"])
            if a.get("quote_title"):
                para(a["quote_title"], "I")
            if a.get("quote_list"):
                items(a["quote_list"], markers("1.", len(a["quote_list"])))
            if a.get("text2"):
                para(a["text2"])
            for lab, key in (("Ingekomen stukken", "ingekomen"), ("Besluiten PS", "besluiten"), ("Moties", "moties")):
                if a.get(key):
                    row(lab, "\n".join(a[key]))
            if a.get("noted"):
                row("Besluit", a["noted"])
            if a.get("noted_list"):
                row("Besluit", "\n".join(f"{k}. {t}" for k, t in enumerate(a["noted_list"], 1)))
            if a.get("decision"):
                row("Besluit", a["decision"])
            if a.get("vote_text"):
                row("Stemuitslag", a["vote_text"])
        elif b.get("closing"):
            para(b["closing"])
        elif b.get("sign_lines"):
            pdf.ln(4)
            for x in b["sign_lines"]:
                para(x)
        elif b.get("table"):
            tb = b["table"]
            pdf.set_font("dv", "", 7.5)
            with pdf.table(col_widths=[1] * len(tb["header"]), text_align="LEFT") as t:
                for r in [tb["header"]] + tb["rows"]:
                    rr = t.row()
                    for x in r:
                        rr.cell(x)
            pdf.ln(2)
    pdf.output(str(out))
    return lambda n: [f"Pagina {i}/{n}" for i in range(1, n + 1)] + [org(p), kind]


# --------------------------------------------------------------------------------------------
# Markdown -> HTML -> Chromium

def markdown_of(p):
    md = [f"# {p['title']}", ""]
    for lab, val in meta_rows(p, "mdexport"):
        md.append(f"**{lab}:** {val}  ")
    md.append("")
    for b in p["blocks"]:
        if b.get("field") or b.get("motion"):
            continue
        if b.get("h"):
            md += ["#" * (1 + min(b.get("level", 1), 3)) + " " + h_text(b), ""]
        elif "p" in b:
            md += [b["p"], ""]
        elif "toc" in b:
            md += ["| Onderdeel | Blz. |", "|---|---|"] + [f"| {t} | {pg} |" for t, pg in b["toc"]] + [""]
        elif "list" in b:
            ms = markers(b.get("numbering") or "-", len(b["list"]), b.get("start", 1))
            md += [f"{'-' if m in ('•', '-') else m} {t}" for m, t in zip(ms, b["list"])]
            md += [f"    {m} {t}" for m, t in zip(markers("a.", len(b.get("sub") or [])), b.get("sub") or [])]
            md.append("")
        elif b.get("decision_intro"):
            md += [f"**{b['decision_intro']}**", ""]
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]))
            md += [f"{m} {t}" if m else t for m, t in zip(ms, b["decisions"])] + [""]
        elif b.get("agenda_item"):
            a = b["agenda_item"]
            md += [f"### {item_head(a)}", ""]
            if a.get("text"):
                md += [a["text"], ""]
            if a.get("quote_title"):
                md += [f"*{a['quote_title']}*", ""]
            if a.get("quote_list"):
                md += [f"{k}. {t}" for k, t in enumerate(a["quote_list"], 1)] + [""]
            if a.get("text2"):
                md += [a["text2"], ""]
            for lab, key in (("Ingekomen stukken", "ingekomen"), ("Besluiten PS", "besluiten"), ("Moties", "moties")):
                if a.get(key):
                    md += [f"**{lab}**", ""] + [f"- {x}" for x in a[key]] + [""]
            if a.get("noted"):
                md += [f"**Besluit:** {a['noted']}", ""]
            if a.get("noted_list"):
                md += ["**Besluit:**", ""] + [f"{k}. {t}" for k, t in enumerate(a["noted_list"], 1)] + [""]
            if a.get("decision"):
                md += [f"**Besluit:** {a['decision']}", ""]
            if a.get("vote_text"):
                md += [f"**Stemuitslag:** {a['vote_text']}", ""]
        elif b.get("closing"):
            md += [b["closing"], ""]
        elif b.get("sign_lines"):
            md += ["  \n".join(b["sign_lines"]), ""]
        elif b.get("table"):
            tb = b["table"]
            md += ["| " + " | ".join(tb["header"]) + " |", "|" + "---|" * len(tb["header"])]
            md += ["| " + " | ".join(r) + " |" for r in tb["rows"]] + [""]
    return "\n".join(md)


def inline(s):
    s = html.escape(s, quote=False)
    s = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", s)
    return re.sub(r"(?<![*\w])\*(.+?)\*(?![*\w])", r"<em>\1</em>", s)


def md_to_html(md):
    """A small Markdown subset: #-headings, paragraphs (two trailing spaces = line break),
    ordered (1. / a. / I.) and bulleted lists with one nested level, pipe tables."""
    out, lines, i = [], md.split("\n"), 0
    item_re = re.compile(r"^( *)(-|\d+\.|[a-z]\.|[IVX]+\.) (.*)$")
    while i < len(lines):
        ln = lines[i]
        if not ln.strip():
            i += 1
            continue
        m = re.match(r"^(#{1,6}) (.*)$", ln)
        if m:
            out.append(f"<h{len(m.group(1))}>{inline(m.group(2))}</h{len(m.group(1))}>")
            i += 1
            continue
        if ln.startswith("|"):
            rows = []
            while i < len(lines) and lines[i].startswith("|"):
                if not re.match(r"^\|(-+\|)+$", lines[i]):
                    rows.append([c.strip() for c in lines[i].strip("|").split("|")])
                i += 1
            out.append("<table><thead><tr>" + "".join(f"<th>{inline(c)}</th>" for c in rows[0]) + "</tr></thead><tbody>"
                       + "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in r) + "</tr>" for r in rows[1:])
                       + "</tbody></table>")
            continue
        if item_re.match(ln):
            items = []
            while i < len(lines) and item_re.match(lines[i]):
                ind, mk, txt = item_re.match(lines[i]).groups()
                items.append((len(ind) > 0, mk, txt))
                i += 1
            html_items, nested = [], []

            def flush(nested=nested, html_items=html_items):
                if nested and html_items:
                    sub = "".join(f'<li value="{k}">{inline(t)}</li>' for k, (_, t) in enumerate(nested, 1))
                    html_items[-1] = html_items[-1].replace("</li>", f'<ol type="a">{sub}</ol></li>')
                nested.clear()
            for sub, mk, txt in items:
                if sub:
                    nested.append((mk, txt))
                    continue
                flush()
                html_items.append(f"<li>{inline(txt)}</li>")
            flush()
            mk0 = items[0][1]
            if mk0 == "-":
                out.append("<ul>" + "".join(html_items) + "</ul>")
            else:
                typ = "I" if mk0[0] in "IVX" and not mk0[0].isdigit() and len(mk0) > 1 and mk0[:-1].isupper() else \
                      ("a" if mk0[0].isalpha() else "1")
                start = int(mk0[:-1]) if mk0[:-1].isdigit() else 1
                out.append(f'<ol type="{typ}" start="{start}">' + "".join(html_items) + "</ol>")
            continue
        para = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "|")) and not item_re.match(lines[i]):
            para.append(inline(lines[i].rstrip()) + ("<br>" if lines[i].endswith("  ") else ""))
            i += 1
        out.append("<p>" + " ".join(para) + "</p>")
    return "\n".join(out)


CSS_MD = """body { font: 15px/1.55 'DejaVu Sans', sans-serif; color: #24292f; max-width: 860px; margin: 24px auto; }
h1 { font-size: 26px; border-bottom: 1px solid #d0d7de; padding-bottom: 6px; }
h2 { font-size: 20px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; margin-top: 22px; }
h3 { font-size: 16px; margin-top: 18px; } h4 { font-size: 15px; }
table { border-collapse: collapse; margin: 8px 0; } th, td { border: 1px solid #d0d7de; padding: 4px 10px; text-align: left; }
th { background: #f6f8fa; } li { margin: 2px 0; }"""


def build_mdexport(p, out):
    md = markdown_of(p)
    tmpd = Path("/tmp/fresh3-html")
    tmpd.mkdir(exist_ok=True)
    src = tmpd / f"{p['id']}.html"
    doc = (f"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>{html.escape(p['title'])}</title>"
           f"<style>{CSS_MD}</style></head><body>{md_to_html(md)}</body></html>")
    src.write_text(doc, encoding="utf-8")
    (tmpd / f"{p['id']}.md").write_text(md, encoding="utf-8")
    with tempfile.TemporaryDirectory() as prof:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={prof}",
                        f"--print-to-pdf={out}", src.as_uri()], check=True, capture_output=True, timeout=120)
    return lambda n: [f"{i}/{n}" for i in range(1, n + 1)] + [src.as_uri(), p["title"]]


# --------------------------------------------------------------------------------------------
# scan

def scan_of(pdf_in, out, seed):
    import numpy as np
    from PIL import Image, ImageFilter
    rnd = np.random.default_rng(int(hashlib.sha1(seed.encode()).hexdigest()[:8], 16))
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf_in), f"{d}/p"], check=True)
        pages = []
        for f in sorted(Path(d).glob("p*.png")):
            im = Image.open(f).convert("L")
            im = im.rotate(float(rnd.uniform(-0.9, 0.9)), resample=Image.BICUBIC, expand=False, fillcolor=255)
            a = np.asarray(im, dtype=np.float32)
            a = a * 0.93 + 10 + rnd.normal(0, 9, a.shape)
            speck = rnd.random(a.shape) < 0.0015
            a[speck] = 40
            im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.5))
            pages.append(im)
        pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])


# --------------------------------------------------------------------------------------------
# gold and driver

def n_pages(pdf):
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def gold_for(p, fam, name, n, noise):
    f = p["fields"]
    body_text = json.dumps(p["blocks"], ensure_ascii=False) + p["title"]
    doc = {"doc_type": p["kind"], "page_start": 1, "page_end": n, "title": p["title"],
           "reference": f["reference"], "document_date": f["document_date"], "decision_date": f["decision_date"],
           "programme": f["programme"], "portfolio_holder": f["portfolio_holder"], "team": f["team"],
           "bodies": gold_bodies(p, fam), "confidentiality": f["confidentiality"],
           "financial_consequences": f["financial_consequences"], "attachments": f["attachments"],
           "decisions": [d["text"] for d in decisions(p)], "signatories": list(p["signatories"]),
           "headings": headings(p, "landtable" if fam == "landtable" else fam)}
    gold = {"file": name, "municipality": p["body"], "n_pages": n, "documents": [doc], "text_probes": probes(p),
            "noise": [x for x in dict.fromkeys(noise) if x not in body_text]}
    extra = {"file": name, "family": fam, "municipality": p["body"], "municipality_code": CBS.get(p["body"]),
             "papers": [p["id"]], "decisions": [dict(d, doc_index=0, doc_type=p["kind"]) for d in decisions(p)],
             "motions": [dict(b["motion"], doc_index=0) for b in p["blocks"] if b.get("motion")]}
    return gold, extra


BUILDERS = {"landtable": build_landtable, "revform": build_revform, "footletter": build_footletter,
            "mdexport": build_mdexport, "newspaper": build_newspaper}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", action="append", choices=FAMILIES)
    args = ap.parse_args(argv)
    rl_fonts()
    manifest = {}
    for line in (HERE / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        manifest[cols[0]] = cols[4].split(",")
    for src in sorted((HERE / "sources").glob("*.json")):
        p = json.loads(src.read_text(encoding="utf-8"))
        fams = manifest[p["id"]]
        for fam in fams:
            if args.family and fam not in args.family:
                continue
            out = HERE / "pdf" / fam / f"{p['id']}.pdf"
            out.parent.mkdir(parents=True, exist_ok=True)
            if fam == "scan-footletter":
                base = HERE / "pdf" / "footletter" / f"{p['id']}.pdf"
                noise_of = build_footletter(p, base)
                scan_of(base, out, p["id"])
                gfam = "footletter"
            else:
                noise_of = BUILDERS[fam](p, out)
                gfam = fam
            n = n_pages(out)
            gold, extra = gold_for(p, gfam, out.name, n, noise_of(n))
            extra["family"] = fam
            write_json(HERE / "gold" / fam / f"{p['id']}.json", gold)
            write_json(HERE / "gold" / fam / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam:16s} {p['id']} {n}p {out.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
