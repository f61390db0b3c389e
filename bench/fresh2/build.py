#!/usr/bin/env python3
"""Typeset the second held-out batch (bench/fresh2) in four template families that nobody wrote
for the development corpus, with gold from the source texts.

usage: python bench/fresh2/build.py [--family NAME ...] [--keep-html DIR]

Why: bench/corpus and bench/fresh are both typeset by bench/corpus/build.py, so they cannot show
how the rules fare on a layout their authors never saw. These families are modelled on other
exports councils publish, by other engines:

  webexport  HTML + CSS printed by headless Chromium, as web council-information systems export a
             page: a running header with the body's name and the kind, a grey metadata table at
             the top, agenda items as shaded bars ("Agendapunt 3.a"), a "Besluit" label per item,
             page numbers "2/3" at the bottom right (Liberation Sans).
  twocol     HTML + CSS printed by headless Chromium: a provincial two-column paper, the title
             band full width, date and number under the title, headings larger but not bold,
             item labels inline ("Besluit: ..."), "- 2 -" centred at the bottom (DejaVu Serif).
  sidebar    fpdf2: a Word-like letter, the letterhead top left, a sidebar on the right with its
             labels above their values (Datum / Ons kenmerk / Onderwerp ...), headings bold at body
             size, decisions lettered "a.", "2 van 3" at the bottom right (Liberation Sans/Serif).
  ruledform  fpdf2: a form with a ruled header table of grey label cells (Onderwerp, Datum,
             Indiener(s), ...), the kind in capitals above it, agenda items as ruled boxes with
             a "Besluit" label cell, decisions numbered "(1)", "blad 2 van 3" bottom left
             (DejaVu Sans Condensed).

Each source paper (sources/<id>.json, format of bench/corpus/SOURCES.md plus `field`, `address`,
`closing` blocks and an agenda item's `noted` text, printed under its "Besluit" label but no
decision) goes to the two families MANIFEST.tsv names. Writes pdf/<family>/<id>.pdf,
gold/<family>/<id>.json and gold/<family>/extra/<id>.extra.json. The gold's fields, decisions,
signatories, probes and extra rows come from the source through bench/corpus/build.py's gold
functions (the same conventions as the first two batches); the headings are the ones this script
prints (a subject-less agenda item prints "Agendapunt N"), the noise the page labels it prints.
No layout code of bench/corpus/build.py is used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from fpdf import FPDF

HERE = Path(__file__).resolve().parent
FAMILIES = ["webexport", "twocol", "sidebar", "ruledform"]
TTF = Path("/usr/share/fonts/truetype")

_spec = importlib.util.spec_from_file_location("corpus_build", HERE.parent / "corpus" / "build.py")
corpus_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus_build)  # gold conventions only (gold_for, gold_decisions)

CBS = {"Aalten": "GM0197", "Amsterdam": "GM0363", "Baarn": "GM0308", "Dijk en Waard": "GM1980",
       "Haarlem": "GM0392", "Heiloo": "GM0399", "Hendrik-Ido-Ambacht": "GM0531", "Hilversum": "GM0402",
       "Terneuzen": "GM0715", "Tytsjerksteradiel": "GM0737", "Provincie Overijssel": "PV23"}

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
KIND = {"amendement": "Amendement", "motie": "Motie", "besluitenlijst": "Besluitenlijst",
        "raadsbesluit": "Raadsbesluit", "besluit": "Besluit", "brief": "Brief"}


def date_long(iso, weekday=False):
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso  # a date the paper prints in words already
    s = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]} {s}" if weekday else s


def date_dash(iso):
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def org(p):
    b, k = p["body"], p.get("body_kind")
    if k == "gemeente":
        return f"Gemeente {b}"
    return b


def markers(numbering, n, style=None):
    """Markers for n items: the source's numbering ("1.", "a.", "-", None) in a family's style."""
    if numbering is None:
        return [None] * n
    if numbering in ("-", "–", "•"):
        return [style or numbering] * n
    letters = numbering.strip()[0].isalpha()
    out = []
    for k in range(1, n + 1):
        lab = chr(96 + k) if letters else str(k)
        fmt = style if style and "{}" in style else ("{}" + numbering.strip()[1:])
        out.append(fmt.format(lab))
    return out


def item_heading(a):
    """An agenda item's heading as printed (and so as the gold has it)."""
    num, subj = a.get("number"), a.get("subject")
    if num and subj:
        return f"{num}. {subj}"
    if num:
        return f"Agendapunt {num}"
    return subj


def heading_texts(p):
    out = []
    for b in p["blocks"]:
        if b.get("h"):
            out.append(b["h"])
        elif b.get("decision_intro"):
            out.append(b["decision_intro"])
        elif isinstance(b.get("agenda_item"), dict) and item_heading(b["agenda_item"]):
            out.append(item_heading(b["agenda_item"]))
    return out


def meta_rows(p, with_title=False):
    """(label, value) rows a family prints at the top: the paper's own field lines first, then
    the dated fields the source states. Every value printed is in the source."""
    f, rows = p["fields"], []
    if with_title:
        rows.append(("Onderwerp", p["title"]))
    for b in p["blocks"]:
        if b.get("field"):
            rows.append(tuple(b["field"]))
    labels = {r[0] for r in rows}
    if f.get("document_date") and not labels & {"Datum", "Publicatiedatum"}:
        rows.append(("Datum", f["document_date"]))
    if f.get("decision_date") and p["kind"] == "besluitenlijst":
        rows.append(("Vergaderdatum", f["decision_date"]))
    if f.get("reference"):
        rows.append(("Kenmerk", f["reference"]))
    if f.get("portfolio_holder") and "Portefeuillehouder" not in labels:
        rows.append(("Portefeuillehouder", f["portfolio_holder"]))
    return rows


def signer_lines(p):
    """The signature lines printed after the text (none where a field line already names the
    submitter)."""
    if any(b.get("field") and b["field"][0].startswith("Indiener") for b in p["blocks"]):
        return []
    return [s.get("printed") or s["name"] for s in p["signatories"]]


# --------------------------------------------------------------------------------------------
# Chromium families


CSS_WEB = """
@page { size: A4; margin: 24mm 18mm 20mm 20mm;
  @top-left { content: "%(org)s"; font: bold 8pt 'Liberation Sans'; color: #1d4f7a; }
  @top-right { content: "%(kind)s"; font: 8pt 'Liberation Sans'; color: #777; }
  @bottom-right { content: counter(page) "/" counter(pages); font: 8pt 'Liberation Sans'; } }
body { font: 10.5pt/1.5 'Liberation Sans'; color: #222; margin: 0; }
h1.title { font: 17pt/1.2 'Liberation Sans'; color: #1d4f7a; margin: 0 0 4mm 0; }
table.meta { border-collapse: collapse; width: 100%%; margin: 0 0 6mm 0; font-size: 9pt; }
table.meta td { border-bottom: 1px solid #ddd; padding: 1.4mm 2mm; vertical-align: top; }
table.meta td.l { background: #eef1f4; width: 38mm; color: #444; }
h2 { font: bold 12pt 'Liberation Sans'; margin: 5mm 0 1.5mm 0; }
h3 { font: bold italic 10.5pt 'Liberation Sans'; margin: 4mm 0 1mm 0; }
h4 { font: bold 10pt 'Liberation Sans'; margin: 3mm 0 1mm 0; }
div.item { font: bold 11pt 'Liberation Sans'; background: #e4e9ee; padding: 1.5mm 2mm; margin: 6mm 0 2mm 0; }
div.label { font: bold 8.5pt 'Liberation Sans'; color: #1d4f7a; text-transform: none; margin: 2mm 0 0.5mm 0; }
div.small { font-size: 8.5pt; color: #555; }
p { margin: 0 0 2.2mm 0; }
p.intro { font-weight: bold; margin-top: 3mm; }
div.li { display: flex; margin: 0 0 1.2mm 0; } div.li span.m { flex: 0 0 7mm; } div.li span.t { flex: 1; }
div.sign { margin-top: 6mm; }
"""

CSS_TWO = """
@page { size: A4; margin: 20mm 16mm 22mm 16mm;
  @top-center { content: "%(orgcaps)s"; font: 7.5pt 'DejaVu Sans'; color: #555; }
  @bottom-center { content: "- " counter(page) " -"; font: 9pt 'DejaVu Serif'; } }
body { font: 9.5pt/1.4 'DejaVu Serif'; color: #111; margin: 0; }
div.band { border-top: 3px solid #2a6b3c; padding-top: 3mm; margin-bottom: 5mm; }
div.kind { font: 9pt 'DejaVu Sans'; color: #2a6b3c; margin-bottom: 1mm; }
h1.title { font: bold 19pt/1.15 'DejaVu Serif'; margin: 0 0 2mm 0; }
div.dateline { font: italic 9.5pt 'DejaVu Serif'; text-align: right; color: #333; }
div.cols { column-count: 2; column-gap: 8mm; text-align: justify; }
h2 { font: 13pt 'DejaVu Serif'; color: #2a6b3c; margin: 4mm 0 1.5mm 0; break-after: avoid; }
h3 { font: italic 11pt 'DejaVu Serif'; margin: 3mm 0 1mm 0; break-after: avoid; }
h4 { font: italic 10pt 'DejaVu Serif'; margin: 3mm 0 1mm 0; break-after: avoid; }
div.item { font: bold 10pt 'DejaVu Sans'; margin: 4mm 0 1mm 0; break-after: avoid; }
div.small { font: 8pt 'DejaVu Sans'; color: #444; margin-bottom: 1mm; }
p { margin: 0 0 2mm 0; }
p.intro { font: 10.5pt 'DejaVu Serif'; color: #2a6b3c; margin-top: 3mm; }
div.li { display: flex; margin: 0 0 1mm 0; text-align: left; } div.li span.m { flex: 0 0 6mm; } div.li span.t { flex: 1; }
div.sign { margin-top: 5mm; }
div.signpair { display: flex; gap: 10mm; margin-top: 2mm; } div.signpair div { flex: 1; }
"""


def e(s):
    return html.escape(str(s), quote=False)


def html_list(items, marks):
    return "".join(f'<div class="li"><span class="m">{e(m) if m else ""}</span><span class="t">{e(t)}</span></div>'
                   for t, m in zip(items, marks))


def html_signature(p):
    sig = p["signatories"]
    roles = {s["role"] for s in sig}
    if sig and roles <= {"voorzitter", "secretaris"} and len(sig) == 2:
        return ('<div class="signpair">' + "".join(
            f"<div>{e(s['role'].capitalize())},<br><br>{e(s['name'])}</div>" for s in sig) + "</div>")
    if signer_lines(p):
        marked = any(b.get("signature") for b in p["blocks"])
        lead = "Ingediend door:" if roles <= {"indiener"} and not marked else ""
        return ('<div class="sign">' + (f"<p>{lead}</p>" if lead else "")
                + "".join(f"<p>{e(x)}</p>" for x in signer_lines(p)) + "</div>")
    return ""


def html_body(p, fam):
    """The paper's blocks as HTML for the webexport or twocol family."""
    web = fam == "webexport"
    hx = {1: "h2", 2: "h3", 3: "h4"}
    out = []
    for b in p["blocks"]:
        if b.get("field"):
            continue  # printed in the metadata table / date line
        if b.get("signature"):
            out.append(html_signature(p))
        if b.get("address"):
            out.append(f"<p>{e(b['address'])}</p>")
        elif b.get("h"):
            t = hx.get(b.get("level", 1), "h4")
            out.append(f"<{t}>{e(b['h'])}</{t}>")
        elif "p" in b:
            out.append(f"<p>{e(b['p'])}</p>")
        elif "list" in b:
            n = b.get("numbering") or "•"
            out.append(html_list(b["list"], markers(n, len(b["list"]), None if web else ("–" if n == "-" else None))))
        elif b.get("decision_intro"):
            out.append(f'<p class="intro">{e(b["decision_intro"])}</p>')
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]), None if web else "{})")
            if all(m is None for m in ms):
                out.extend(f"<p>{e(t)}</p>" for t in b["decisions"])
            else:
                out.append(html_list(b["decisions"], ms))
        elif isinstance(b.get("agenda_item"), dict):
            a = b["agenda_item"]
            out.append(f'<div class="item">{e(item_heading(a))}</div>')
            if a.get("kenmerk"):
                out.append(f'<div class="small">Kenmerk: {e(a["kenmerk"])}</div>')
            if a.get("text"):
                out.append(f"<p>{e(a['text'])}</p>")
            for key in ("noted", "decision"):
                if a.get(key):
                    if a.get("subject") and not a.get("number"):  # a list with no Besluit labels
                        out.append(f"<p>{e(a[key])}</p>")
                    elif web:
                        out.append(f'<div class="label">Besluit</div><p>{e(a[key])}</p>')
                    else:
                        out.append(f"<p><b>Besluit:</b> {e(a[key])}</p>")
        elif b.get("closing"):
            out.append(f"<p>{e(b['closing'])}</p>")
    if not any(b.get("signature") for b in p["blocks"]):
        out.append(html_signature(p))
    return "\n".join(out)


def html_doc(p, fam):
    kind = KIND[p["kind"]]
    if fam == "webexport":
        rows = meta_rows(p)
        dated = {"Datum", "Vergaderdatum"}
        trs = "".join(f'<tr><td class="l">{e(k)}</td><td>{e(date_long(v, True) if k in dated else v)}</td></tr>'
                      for k, v in rows if k != "Publicatiedatum")
        pub = [v for k, v in rows if k == "Publicatiedatum"]
        if pub:
            trs = f'<tr><td class="l">Publicatiedatum</td><td>{e(pub[0])}</td></tr>' + trs
        css = CSS_WEB % {"org": org(p).replace('"', "'"), "kind": kind}
        head = f'<h1 class="title">{e(p["title"])}</h1>' + (f'<table class="meta">{trs}</table>' if trs else "")
        body = html_body(p, fam)
    else:
        css = CSS_TWO % {"orgcaps": org(p).upper().replace('"', "'")}
        f = p["fields"]
        bits = []
        for k, v in meta_rows(p):
            if k in ("Datum", "Vergaderdatum"):
                bits.append(("vergadering van " if k == "Vergaderdatum" else "") + date_long(v))
            elif k == "Publicatiedatum":
                bits.append(v)
            else:
                bits.append(f"{k}: {v}")
        dateline = " · ".join(bits)
        head = (f'<div class="band"><div class="kind">{e(org(p))} · {e(kind)}</div>'
                f'<h1 class="title">{e(p["title"])}</h1>'
                + (f'<div class="dateline">{e(dateline)}</div>' if dateline else "") + "</div>")
        body = f'<div class="cols">{html_body(p, fam)}</div>'
        del f
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>{css}</style></head>'
            f"<body>{head}{body}</body></html>")


def chromium_pdf(doc: str, out: Path, keep: Path | None = None):
    with tempfile.TemporaryDirectory(prefix="fresh2-") as td:
        src = Path(td) / "doc.html"
        src.write_text(doc, encoding="utf-8")
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            (keep / (out.stem + ".html")).write_text(doc, encoding="utf-8")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={td}/profile", f"--print-to-pdf={out}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)


# --------------------------------------------------------------------------------------------
# fpdf2 families


class Paper(FPDF):
    """An FPDF with the installed TrueType fonts and a family's page furniture."""

    def __init__(self, fam, p):
        super().__init__(format="A4", unit="mm")
        self.fam, self.p = fam, p
        self.set_creation_date(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc))
        for name, base in (("lsans", "liberation/LiberationSans"), ("lserif", "liberation/LiberationSerif")):
            self.add_font(name, "", str(TTF / f"{base}-Regular.ttf"))
            self.add_font(name, "B", str(TTF / f"{base}-Bold.ttf"))
            self.add_font(name, "I", str(TTF / f"{base}-Italic.ttf"))
            self.add_font(name, "BI", str(TTF / f"{base}-BoldItalic.ttf"))
        self.add_font("dvc", "", str(TTF / "dejavu/DejaVuSansCondensed.ttf"))
        self.add_font("dvc", "B", str(TTF / "dejavu/DejaVuSansCondensed-Bold.ttf"))
        self.add_font("dvc", "I", str(TTF / "dejavu/DejaVuSansCondensed-Oblique.ttf"))
        self.add_font("dvc", "BI", str(TTF / "dejavu/DejaVuSansCondensed-BoldOblique.ttf"))
        self.alias_nb_pages("{nb}")

    def footer(self):
        if self.fam == "sidebar":
            self.set_y(-14)
            self.set_font("lsans", "", 8)
            self.cell(0, 5, f"{self.page_no()} van {{nb}}", align="R")
        else:
            self.set_y(-13)
            self.set_font("dvc", "", 7.5)
            self.cell(90, 5, f"blad {self.page_no()} van {{nb}}", align="L")
            self.cell(0, 5, org(self.p), align="R")


def fpdf_sidebar(p, out: Path):
    pdf = Paper("sidebar", p)
    pdf.set_margins(22, 20, 75)
    pdf.set_auto_page_break(True, 22)
    pdf.add_page()
    body, bw = "lserif" if p["kind"] in ("raadsbesluit", "besluit") else "lsans", 113
    # letterhead
    pdf.set_font("lsans", "B", 15)
    pdf.set_text_color(40, 40, 90)
    pdf.cell(bw, 8, org(p), new_x="LMARGIN", new_y="NEXT")
    pdf.set_draw_color(40, 40, 90)
    pdf.line(22, pdf.get_y() + 1, 135, pdf.get_y() + 1)
    pdf.set_text_color(0, 0, 0)
    # sidebar: labels above values
    rows = meta_rows(p, with_title=p["kind"] == "brief")
    rows = [r for i, r in enumerate(rows) if not (r[0] == "Onderwerp" and i > 0 and rows[0][0] == "Onderwerp")]
    y = 42
    for k, v in rows:
        if k in ("Datum", "Vergaderdatum"):
            v = date_long(v)
        pdf.set_xy(148, y)
        pdf.set_font("lsans", "", 7)
        pdf.set_text_color(110, 110, 110)
        pdf.cell(45, 3.5, k)
        pdf.set_text_color(0, 0, 0)
        pdf.set_font("lsans", "", 8.5)
        pdf.set_xy(148, y + 3.6)
        pdf.multi_cell(45, 3.9, v)
        y = pdf.get_y() + 3
    pdf.set_xy(22, 42)
    if p["kind"] != "brief":
        pdf.set_font("lsans", "", 8)
        pdf.set_text_color(110, 110, 110)
        pdf.cell(bw, 4, KIND[p["kind"]], new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(body, "B", 12)
        pdf.multi_cell(bw, 5.6, p["title"], align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

    def para(text, style="", size=11, gap=2.2, align="J"):
        pdf.set_font(body, style, size)
        pdf.multi_cell(bw, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def items(texts, marks):
        for t, m in zip(texts, marks):
            pdf.set_font(body, "", 11)
            x = pdf.get_x()
            pdf.cell(7, 5.5, m or "")
            pdf.multi_cell(bw - 7, 5.5, t, new_x="LMARGIN", new_y="NEXT")
            pdf.set_x(x)
            pdf.ln(1)
        pdf.ln(1.2)

    def signature():
        sig = p["signatories"]
        if sig and {s["role"] for s in sig} <= {"voorzitter", "secretaris"} and len(sig) == 2:
            pdf.ln(2)
            y0 = pdf.get_y()
            for i, s in enumerate(sig):
                pdf.set_xy(22 + i * 55, y0)
                pdf.set_font(body, "", 10)
                pdf.multi_cell(52, 4.8, f"{s['role'].capitalize()},\n\n{s['name']}")
        elif signer_lines(p):
            pdf.ln(3)
            if {s["role"] for s in sig} <= {"indiener"} and not marked:
                para("Ingediend door:", "", 11, 0.5, "L")
            for x in signer_lines(p):
                para(x, "", 11, 0.5, "L")

    marked = any(b.get("signature") for b in p["blocks"])
    for b in p["blocks"]:
        if b.get("field"):
            continue
        if b.get("signature"):
            signature()
        if b.get("address"):
            para(b["address"], gap=8)
        elif b.get("h"):
            pdf.ln(1.5)
            para(b["h"], "B" if b.get("level", 1) == 1 else "BI", 11, 1, "L")
        elif "p" in b:
            para(b["p"])
        elif "list" in b:
            n = b.get("numbering") or "-"
            items(b["list"], markers(n, len(b["list"]), "–" if n == "-" else None))
        elif b.get("decision_intro"):
            pdf.ln(1.5)
            para(b["decision_intro"], "B", 11, 1, "L")
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]), "{}.")
            ms = [None if m is None else chr(96 + i) + "." for i, m in enumerate(ms, 1)]
            if all(m is None for m in ms):
                for t in b["decisions"]:
                    para(t)
            else:
                items(b["decisions"], ms)
        elif isinstance(b.get("agenda_item"), dict):
            a = b["agenda_item"]
            pdf.ln(2)
            para(item_heading(a), "B", 11, 0.5, "L")
            if a.get("kenmerk"):
                para(f"Kenmerk: {a['kenmerk']}", "I", 9, 1)
            for key in ("text", "noted", "decision"):
                if a.get(key):
                    if key != "text" and a.get("number"):
                        para("Besluit:", "B", 9, 0.3, "L")
                    para(a[key])
        elif b.get("closing"):
            para(b["closing"])
    if not marked:
        signature()
    pdf.output(str(out))


def fpdf_ruledform(p, out: Path):
    pdf = Paper("ruledform", p)
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    W = 174
    pdf.set_font("dvc", "", 8)
    pdf.cell(W, 4, org(p), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("dvc", "B", 16)
    pdf.cell(W, 9, KIND[p["kind"]].upper(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    rows = meta_rows(p, with_title=True)
    sig = p["signatories"]
    marked = any(b.get("signature") for b in p["blocks"])
    if sig and {s["role"] for s in sig} <= {"indiener"} and signer_lines(p) and not marked:
        rows.append(("Indiener(s)", ", ".join(signer_lines(p))))
    pdf.set_draw_color(90, 90, 90)
    for k, v in rows:
        if k in ("Datum", "Vergaderdatum"):
            v = date_dash(v)
        pdf.set_font("dvc", "", 9.5)
        lines = pdf.multi_cell(W - 40, 5, v, dry_run=True, output="LINES")
        hgt = 5 * len(lines) + 2
        if pdf.get_y() + hgt > 270:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_fill_color(225, 225, 225)
        pdf.set_font("dvc", "B", 8)
        pdf.rect(18, y, 40, hgt, style="DF")
        pdf.rect(58, y, W - 40, hgt)
        pdf.set_xy(19.5, y + 1)
        pdf.cell(37, 5, k)
        pdf.set_xy(59.5, y + 1)
        pdf.set_font("dvc", "", 9.5)
        pdf.multi_cell(W - 43, 5, v)
        pdf.set_xy(18, y + hgt)
    pdf.ln(6)

    def para(text, style="", size=9.5, gap=2):
        pdf.set_font("dvc", style, size)
        pdf.multi_cell(W, 4.7, text, align="L" if style else "J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    def items(texts, marks, indent=0):
        for t, m in zip(texts, marks):
            pdf.set_font("dvc", "", 9.5)
            pdf.set_x(18 + indent)
            pdf.cell(9, 4.7, m or "")
            pdf.multi_cell(W - 9 - indent, 4.7, t, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.8)
        pdf.ln(1.2)

    def box(label, text):
        pdf.set_font("dvc", "", 9.5)
        lines = pdf.multi_cell(W - 33, 4.7, text, dry_run=True, output="LINES")
        hgt = 4.7 * len(lines) + 2
        if pdf.get_y() + hgt > 272:
            pdf.add_page()
        y = pdf.get_y()
        pdf.set_fill_color(235, 235, 235)
        pdf.rect(18, y, 30, hgt, style="DF")
        pdf.rect(48, y, W - 30, hgt)
        pdf.set_xy(19.5, y + 1)
        pdf.set_font("dvc", "B", 8.5)
        pdf.cell(27, 4.7, label)
        pdf.set_xy(49.5, y + 1)
        pdf.set_font("dvc", "", 9.5)
        pdf.multi_cell(W - 33, 4.7, text)
        pdf.set_xy(18, y + hgt)
        pdf.ln(2)

    for b in p["blocks"]:
        if b.get("field"):
            continue
        if b.get("signature"):
            for x in signer_lines(p):
                para(x, "", 9.5, 0.5)
        if b.get("address"):
            para(b["address"], gap=6)
        elif b.get("h"):
            lvl = b.get("level", 1)
            pdf.ln(2)
            para(b["h"], "B", 11 if lvl == 1 else 9.5, 0.5)
            if lvl == 1:
                pdf.line(18, pdf.get_y(), 18 + W, pdf.get_y())
                pdf.ln(1.5)
        elif "p" in b:
            para(b["p"])
        elif "list" in b:
            items(b["list"], markers(b.get("numbering") or "•", len(b["list"])), 4)
        elif b.get("decision_intro"):
            pdf.ln(1)
            para(b["decision_intro"], "B", 10, 1)
        elif "decisions" in b:
            ms = markers(b.get("numbering"), len(b["decisions"]), "({})")
            if all(m is None for m in ms):
                for t in b["decisions"]:
                    para(t)
            else:
                items(b["decisions"], ms)
        elif isinstance(b.get("agenda_item"), dict):
            a = b["agenda_item"]
            pdf.ln(2)
            para(item_heading(a), "B", 10.5, 1)
            if a.get("kenmerk"):
                box("Kenmerk", a["kenmerk"])
            if a.get("text"):
                para(a["text"])
            for key in ("noted", "decision"):
                if a.get(key):
                    box("Besluit", a[key])
        elif b.get("closing"):
            para(b["closing"])
    lines = [] if marked or any(r[0] == "Indiener(s)" for r in rows) else signer_lines(p)
    if lines:
        pdf.ln(3)
        for x in lines:
            para(x, "", 9.5, 0.5)
    pdf.output(str(out))


# --------------------------------------------------------------------------------------------
# gold and driver


def page_labels(fam, n, p):
    if fam == "webexport":
        return [f"{i}/{n}" for i in range(1, n + 1)] + [org(p), KIND[p["kind"]]]
    if fam == "twocol":
        return [f"- {i} -" for i in range(1, n + 1)] + [org(p).upper()]
    if fam == "sidebar":
        return [f"{i} van {n}" for i in range(1, n + 1)]
    return [f"blad {i} van {n}" for i in range(1, n + 1)] + [org(p)]


def n_pages(pdf: Path) -> int:
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def load(src_dir: Path):
    out = []
    for f in sorted(src_dir.glob("*.json")):
        p = json.loads(f.read_text(encoding="utf-8"))
        if p["body"] in CBS:
            p["municipality_code"] = CBS[p["body"]]
        out.append(p)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--family", action="append", choices=FAMILIES)
    ap.add_argument("--keep-html", type=Path)
    args = ap.parse_args(argv)
    manifest = {}
    for line in (HERE / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        manifest[cols[0]] = cols[4].split(",")
    for p in load(HERE / "sources"):
        for fam in manifest[p["id"]]:
            if args.family and fam not in args.family:
                continue
            pdf_dir, gold_dir = HERE / "pdf" / fam, HERE / "gold" / fam
            pdf_dir.mkdir(parents=True, exist_ok=True)
            out = pdf_dir / f"{p['id']}.pdf"
            if fam in ("webexport", "twocol"):
                chromium_pdf(html_doc(p, fam), out, args.keep_html)
            elif fam == "sidebar":
                fpdf_sidebar(p, out)
            else:
                fpdf_ruledform(p, out)
            n = n_pages(out)
            gold, extra = corpus_build.gold_for([p], fam, out.name, n, [(1, n)], [page_labels(fam, n, p)],
                                                [heading_texts(p)])
            corpus_build.write_json(gold_dir / f"{p['id']}.json", gold)
            corpus_build.write_json(gold_dir / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam:10s} {p['id']} {n}p {out.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
