#!/usr/bin/env python3
"""Typeset the table corpus: every `sources/*.json` (a real table copied from a published paper of a
Dutch municipality or province) in several table layouts, with gold files for the reference scorer.

usage: python bench/corpus/tables/build.py [--layout NAME ...] [--no-scanned]

Writes under this folder:
  pdf/<layout>/<id>.pdf                 the typeset table (with a heading, a short paragraph and a caption)
  gold/<layout>/<id>.json               gold (shared/eval/GOLD.md): one document, the table, its statistics
  gold/<layout>/extra/<id>.extra.json   per figure: dimension (other header level, group row or
                                        first label column), unit (printed, kind, multiplier), raw text;
                                        the merged header cells with their spans
  MANIFEST.tsv

Layouts: grid (ruled), unruled (whitespace only), headerrules (rules around the header only),
zebra (alternating fills), spanning (two-level headers with spanning cells; every table whose
source has a second header level, and the others with a period-group header), landscape (wide
tables), twocolumn (narrow tables in one column of a two-column page), pagebreak (a table that runs
over a page break, header repeated or not), smallfont (6-6.5 pt), and scanned-grid / scanned-zebra
(page images with slight skew and noise, via pdftoppm + Pillow, of every third table).

Gold conventions: `header` is the header cells as printed, each once: per column the texts of its
header levels top to bottom ("Stand" over "1-jan": "Stand 1-jan"; a cell spanning rows once), then
each cell spanning columns once (until 2026-12-01 it was the LAST header row with a cell spanning
columns repeated in each column, which left out upper cells such as "Dotaties" and counted merged
ones twice; `--regold` rewrites the gold of a built corpus to the new convention); `rows` are the
body rows as printed (label cell(s) then values; group rows with empty values).
`statistics` only for tables with a time axis: one entry per figure that is a plain number, with
`indicator` = the row label as printed (the indicator column when there are two label columns),
`period` = the year of its column, `value` = the number as printed (Dutch format parsed; a
multiplier such as "x € 1.000" is NOT applied).

Deterministic: reportlab invariant mode, no dates, choices seeded from hashes of the ids.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import importlib.util
import json
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

from reportlab import rl_config

rl_config.invariant = 1
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Frame, PageTemplate, Paragraph, Spacer, Table,  # noqa: E402
                                TableStyle)

HERE = Path(__file__).resolve().parent
SRC = HERE / "sources"
PARENT_BUILD = HERE.parent / "build.py"   # the paper typesetter: its scan routine and fonts are reused

LAYOUTS = ["grid", "unruled", "headerrules", "zebra", "spanning", "landscape", "twocolumn", "pagebreak",
           "smallfont", "scanned-grid", "scanned-zebra"]
FINANCIAL = {"begroting", "jaarstukken", "jaarverslag", "jaarrekening", "najaarsnota", "begrotingswijziging"}


def h(s: str) -> int:
    return int(hashlib.sha256(s.encode("utf-8")).hexdigest(), 16)


def esc(s) -> str:
    return str(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_parent = None


def parent_build():
    """bench/corpus/build.py as a module (not edited; imported for scan_pdf and its fonts)."""
    global _parent
    if _parent is None:
        spec = importlib.util.spec_from_file_location("corpus_paper_build", PARENT_BUILD)
        _parent = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(_parent)
        _parent.register_fonts()
    return _parent


# --------------------------------------------------------------------------------------------
# the table model

def cell(c):
    return {"text": c, "span": 1, "rowspan": 1} if isinstance(c, str) else \
        {"text": c.get("text", ""), "span": c.get("span", 1), "rowspan": c.get("rowspan", 1)}


def header_grid(header: list) -> tuple[list[list[str]], list[dict], int]:
    """Header rows -> (grid of texts per row and column, merged cells, n_cols). Cells that a rowspan
    from above covers are given in the sources as "" placeholders and are overwritten."""
    rows = [[cell(c) for c in r] for r in header]
    ncols = max(sum(c["span"] for c in r) for r in rows)
    grid = [[None] * ncols for _ in rows]
    merged = []
    for ri, r in enumerate(rows):
        col = 0
        for c in r:  # positional: a cell under a rowspan from above is a placeholder and is skipped
            if col >= ncols:
                break
            if grid[ri][col] is not None:
                col += c["span"]
                continue
            for dr in range(c["rowspan"]):
                for dc in range(c["span"]):
                    if ri + dr < len(rows) and col + dc < ncols:
                        grid[ri + dr][col + dc] = c["text"]
            if c["span"] > 1 or c["rowspan"] > 1:
                merged.append({"row": ri, "col": col, "col_span": c["span"], "row_span": c["rowspan"], "text": c["text"]})
            col += c["span"]
    grid = [[x if x is not None else "" for x in r] for r in grid]
    return grid, merged, ncols


def gold_header(hgrid: list[list[str]], merged: list[dict]) -> list[str]:
    """The header cells as printed, each once: per column the texts of its header levels top to
    bottom ("Stand" over "1-jan" is "Stand 1-jan", a cell spanning rows counted once), then each
    cell spanning columns once ("Meerjarenraming" over 2023-2025)."""
    wide = [m for m in merged if m["col_span"] > 1]
    covered = {(m["row"] + dr, m["col"] + dc) for m in wide for dr in range(m["row_span"]) for dc in range(m["col_span"])}
    out = []
    for c in range(len(hgrid[0]) if hgrid else 0):
        texts: list[str] = []
        for r in range(len(hgrid)):
            t = hgrid[r][c]
            if (r, c) not in covered and t and (not texts or texts[-1] != t):
                texts.append(t)
        out.append(" ".join(texts))
    return out + [m["text"] for m in wide]


def body_rows(s: dict) -> list[list[str]]:
    out = []
    for r in s["rows"]:
        labels = [r["label"]] + ([r.get("label2", "")] if s.get("label_cols", 1) == 2 else [])
        out.append(labels + list(r["values"]))
    return out


NUM = re.compile(r"^(-/-\s*|-\s?)?(\d{1,3}(?:\.\d{3})+|\d+)(?:[.,](\d+))?$")


def parse_value(t: str):
    """A printed figure as a float, or None when it is not a plain number ('nvt', 'PM', '50 (0%)')."""
    s = t.strip().replace("\u2212", "-")
    s = re.sub(r"\s*%$", "", s)
    s = s.rstrip("*").strip()
    s = re.sub(r"\s*%$", "", s)
    if not s:
        return None
    m = re.match(r"^(-/-\s*|-\s?)?([\d.,]+)$", s)
    if not m:
        return None
    neg, body = m.group(1), m.group(2)
    if "," in body:
        if body.count(",") > 1:
            return None
        ip, fp = body.split(",")
        if ip and not re.fullmatch(r"\d{1,3}(\.\d{3})*|\d+", ip):
            return None
        v = float(ip.replace(".", "") + "." + fp)
    elif "." in body:
        parts = body.split(".")
        if all(len(p) == 3 for p in parts[1:]) and len(parts[0]) <= 3:
            v = float(body.replace(".", ""))         # thousands separators
        elif len(parts) == 2:
            v = float(body)                           # a decimal point, as some pages print
        else:
            return None
    else:
        v = float(body)
    return -v if neg else v


def unit_of(s: dict, raw: str) -> dict:
    printed = s.get("unit")
    mult = 1000 if printed and re.search(r"x\s*(€\s*)?1\.000", printed) else 1
    if raw.strip().endswith("%") or (printed == "%"):
        kind = "%"
    elif printed and ("€" in printed or "1.000" in printed) or s["table_kind"] in ("lasten_baten", "reserves"):
        kind = "EUR"
    elif printed in ("aantal", "aantal en %", "hectare"):
        kind = "count" if printed != "hectare" else "hectare"
    else:
        kind = printed
    return {"printed": printed, "kind": kind, "multiplier": mult}


def statistics(s: dict, rows: list[list[str]]):
    if not s.get("time_axis") or not s.get("col_periods"):
        return [], []
    per = s["col_periods"]
    dims = s.get("col_dims") or [None] * len(per)
    nl = s.get("label_cols", 1)
    stats, extra = [], []
    group = None
    for r, printed in zip(s["rows"], rows):
        if r.get("kind") == "group":
            group = r["label"]
            continue
        if not r.get("indent"):
            group = None if r.get("kind") != "group" else group
        indicator = printed[nl - 1] if nl == 2 else printed[0]
        if nl == 2 and r["label"]:
            group = r["label"]
        for j, raw in enumerate(printed[nl:], start=nl):
            if j >= len(per) or per[j] is None:
                continue
            v = parse_value(raw)
            if v is None:
                continue
            stats.append({"table_title": s["title"], "indicator": indicator, "period": int(per[j]), "value": v})
            dim = [x for x in (dims[j] if j < len(dims) else None,
                               group if (r.get("indent") or nl == 2) else None) if x]
            extra.append({"indicator": indicator, "period": int(per[j]), "value": v, "raw": raw,
                          "dimension": " | ".join(dim) if dim else None, "unit": unit_of(s, raw)})
    return stats, extra


# --------------------------------------------------------------------------------------------
# typesetting

def styles(font: str, size: float):
    base = ParagraphStyle("b", fontName=font, fontSize=size, leading=size * 1.22, alignment=TA_LEFT)
    return {
        "cell": base,
        "cellb": ParagraphStyle("cb", parent=base, fontName=bold(font)),
        "body": ParagraphStyle("t", fontName=font, fontSize=9.5, leading=12.5, spaceAfter=5),
        "h1": ParagraphStyle("h1", fontName=bold(font), fontSize=13, leading=16, spaceAfter=6),
        "cap": ParagraphStyle("cap", fontName=bold(font), fontSize=9.5, leading=12, spaceBefore=3, spaceAfter=3),
        "unit": ParagraphStyle("u", fontName=font, fontSize=8, leading=10, spaceAfter=2),
        "foot": ParagraphStyle("f", fontName=italic(font), fontSize=7.5, leading=9.5, spaceBefore=3),
    }


def bold(font):
    return {"Helvetica": "Helvetica-Bold", "Times-Roman": "Times-Bold", "DejaVuSans": "DejaVuSans-Bold",
            "DejaVuSansCondensed": "DejaVuSansCondensed-Bold", "DejaVuSerif": "DejaVuSerif-Bold"}.get(font, font)


def italic(font):
    return {"Helvetica": "Helvetica-Oblique", "Times-Roman": "Times-Italic", "DejaVuSans": "DejaVuSans-Italic",
            "DejaVuSansCondensed": "DejaVuSansCondensed-Italic", "DejaVuSerif": "DejaVuSerif-Italic"}.get(font, font)


def is_num(t: str) -> bool:
    return bool(re.match(r"^[-−]?[\d.,/ %*()-]+$|^(nvt|nnb|n\.v\.t\.|PM|pm|-)$", t.strip())) and t.strip() != ""


def col_widths(font, size, hgrid, rows, avail, nl):
    ncols = len(hgrid[0])
    w = [0.0] * ncols
    for r in hgrid + rows:
        for j, t in enumerate(r[:ncols]):
            longest = max((stringWidth(x, bold(font), size) for x in t.split(" ")), default=0) if j >= nl else 0
            full = stringWidth(t, bold(font), size) + 8
            w[j] = max(w[j], min(full, max(longest + 8, 0)) if j >= nl else w[j], full if j >= nl else 0)
    for j in range(nl):
        lab = max(stringWidth(r[j], font, size) for r in rows + hgrid) + 12
        w[j] = min(lab, avail * (0.42 if nl == 1 else 0.28))
    for j in range(nl, ncols):  # long text cells (descriptions, OV targets) wrap
        w[j] = min(w[j], avail * 0.45 if ncols <= 4 else avail * 0.22)
    return w


def make_table(s, layout, font, size, avail, rnd, repeat):
    hgrid, merged, ncols = header_grid(s["header"])
    rows = body_rows(s)
    nl = s.get("label_cols", 1)
    st = styles(font, size)
    widths = col_widths(font, size, hgrid, rows, avail, nl)
    scale = min(1.0, avail / sum(widths))
    widths = [x * scale for x in widths]

    def P(t, b=False, right=False):
        style = copy.copy(st["cellb" if b else "cell"])
        if right:
            style.alignment = 2
        return Paragraph(esc(t), style)

    data = []
    for r in hgrid:
        line = []
        for j in range(ncols):
            line.append(P(r[j], b=True, right=j >= nl and layout != "unruled_left"))
        data.append(line)
    # blank out cells covered by a merge (except its origin)
    for m in merged:
        for dr in range(m["row_span"]):
            for dc in range(m["col_span"]):
                if dr or dc:
                    data[m["row"] + dr][m["col"] + dc] = ""
    for m in merged:  # spanning header cells centred over their columns
        if m["col_span"] > 1:
            cst = copy.copy(st["cellb"])
            cst.alignment = 1
            data[m["row"]][m["col"]] = Paragraph(esc(m["text"]), cst)
    nh = len(hgrid)
    for r, src in zip(rows, s["rows"]):
        line = []
        b = bool(src.get("total")) or src.get("kind") == "group"
        for j in range(ncols):
            t = r[j] if j < len(r) else ""
            line.append(P(t, b=b, right=j >= nl and is_num(t) or (j >= nl and len(t) < 12)))
        data.append(line)
    t = Table(data, colWidths=widths, repeatRows=nh if repeat else 0, hAlign="LEFT")
    cmds = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8), ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
    for m in merged:
        cmds.append(("SPAN", (m["col"], m["row"]), (m["col"] + m["col_span"] - 1, m["row"] + m["row_span"] - 1)))
        if m["col_span"] > 1:
            cmds.append(("ALIGN", (m["col"], m["row"]), (m["col"], m["row"]), "CENTER"))
    for i, src in enumerate(s["rows"]):
        if src.get("indent"):
            cmds.append(("LEFTPADDING", (0, nh + i), (0, nh + i), 3 + 10 * src["indent"]))
        if src.get("total") and layout in ("headerrules", "zebra", "spanning", "pagebreak", "twocolumn", "landscape"):
            cmds.append(("LINEABOVE", (0, nh + i), (-1, nh + i), 0.5, colors.black))
    grey = colors.Color(0.86, 0.88, 0.92)
    if layout in ("grid", "scanned-grid", "smallfont", "landscape"):
        cmds += [("GRID", (0, 0), (-1, -1), 0.4, colors.black)]
        if layout == "landscape":
            cmds += [("BACKGROUND", (0, 0), (-1, nh - 1), grey)]
    elif layout == "headerrules":
        cmds += [("LINEABOVE", (0, 0), (-1, 0), 0.9, colors.black), ("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.9, colors.black)]
    elif layout in ("zebra", "scanned-zebra"):
        head = colors.Color(0.16, 0.33, 0.55)
        cmds += [("BACKGROUND", (0, 0), (-1, nh - 1), head), ("TEXTCOLOR", (0, 0), (-1, nh - 1), colors.white)]
        for i in range(len(rows)):
            if i % 2 == 1:
                cmds.append(("BACKGROUND", (0, nh + i), (-1, nh + i), colors.Color(0.9, 0.93, 0.97)))
        # paragraphs carry their own colour: white header text
        for ri in range(nh):
            for j in range(ncols):
                if isinstance(data[ri][j], Paragraph):
                    data[ri][j].style = copy.copy(data[ri][j].style)
                    data[ri][j].style.textColor = colors.white
                    data[ri][j].__init__(data[ri][j].text, data[ri][j].style)
    elif layout in ("spanning", "pagebreak", "twocolumn"):
        cmds += [("LINEBELOW", (0, nh - 1), (-1, nh - 1), 0.6, colors.black), ("LINEABOVE", (0, 0), (-1, 0), 0.6, colors.black),
                 ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.black)]
        for m in merged:
            if m["col_span"] > 1:
                cmds.append(("LINEBELOW", (m["col"], m["row"]), (m["col"] + m["col_span"] - 1, m["row"]), 0.4, colors.black))
        if layout == "pagebreak":
            cmds += [("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey)]
    # unruled: nothing
    t.setStyle(TableStyle(cmds))
    return t


def spanning_variant(s: dict) -> dict:
    """For the 'spanning' layout: a source with one header row gets a period-group header above the
    value columns when the header labels have the form '<word> <year>' (werkelijk 2019 -> 2019 over
    'werkelijk'), else it is left as it is."""
    if len(s["header"]) > 1:
        return s
    row = [cell(c) for c in s["header"][0]]
    if any(c["span"] > 1 for c in row):
        return s
    nl = s.get("label_cols", 1)
    tops, lows = [], []
    for j, c in enumerate(row):
        m = re.match(r"^(.*\S)\s+((?:19|20)\d\d)$", c["text"])
        if j < nl or not m:
            tops.append(c["text"])
            lows.append("")
        else:
            tops.append(m.group(1))
            lows.append(m.group(2))
    if not any(lows):
        return s
    # merge equal adjacent top labels into spanning cells; label columns span both rows
    top_cells, j = [], 0
    while j < len(tops):
        k = j
        while k + 1 < len(tops) and lows[k + 1] and lows[j] and tops[k + 1] == tops[j]:
            k += 1
        if not lows[j]:
            top_cells.append({"text": tops[j], "rowspan": 2})
        else:
            top_cells.append({"text": tops[j], "span": k - j + 1})
        j = k + 1
    s2 = copy.deepcopy(s)
    s2["header"] = [top_cells, lows]
    return s2


# --------------------------------------------------------------------------------------------

def org(s):
    return ("Provincie " if s["body_kind"] == "provincie" else "Gemeente ") + s["body"]


def paper_label(s):
    return {"begroting": "Begroting", "jaarstukken": "Jaarstukken", "jaarverslag": "Jaarverslag", "jaarrekening": "Jaarrekening",
            "najaarsnota": "Najaarsnota", "begrotingswijziging": "Begrotingswijziging",
            "burgerjaarverslag": "Burgerjaarverslag"}.get(s["kind"], s["kind"].capitalize())


def year_of_id(s):
    m = re.search(r"-(\d{4})-", s["id"])
    return m.group(1) if m else ""


def build_one(s, layout, pdf_path):
    rnd = random.Random(h(s["id"] + layout))
    base = layout.replace("scanned-", "")
    font = {"grid": "Helvetica", "unruled": "Times-Roman", "headerrules": "Helvetica", "zebra": "DejaVuSans",
            "spanning": "Helvetica", "landscape": "DejaVuSansCondensed", "twocolumn": "Times-Roman",
            "pagebreak": "Helvetica", "smallfont": "DejaVuSansCondensed"}[base]
    ncols = len(header_grid(s["header"])[0][0])
    size = {"smallfont": 6.0 + 0.5 * rnd.random()}.get(base, 8.0 if ncols <= 8 else 6.5)
    if base == "landscape":
        size = 7.0 if ncols <= 14 else 6.2
    if base == "twocolumn":
        size = 7.5
    pagesize = landscape(A4) if base == "landscape" else A4
    W, H = pagesize
    margin = 18 * mm
    st = styles(font, size)
    page_labels = []

    def deco(c, doc):
        c.saveState()
        c.setFont(font, 7.5)
        c.drawString(margin, H - 11 * mm, f"{org(s)} · {paper_label(s)} {year_of_id(s)}".strip())
        lab = f"Pagina {doc.page}"
        c.drawRightString(W - margin, 10 * mm, lab)
        page_labels.append(lab)
        c.restoreState()

    doc = BaseDocTemplate(str(pdf_path), pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                          topMargin=20 * mm, bottomMargin=18 * mm, title=s["title"], author=org(s),
                          creator="raadsstukken bench table corpus", invariant=1)
    if base == "twocolumn":
        gap = 8 * mm
        cw = (W - 2 * margin - gap) / 2
        body_h = H - doc.topMargin - doc.bottomMargin
        frames = [Frame(margin, doc.bottomMargin, cw, body_h, id="c1", leftPadding=0, rightPadding=0),
                  Frame(margin + cw + gap, doc.bottomMargin, cw, body_h, id="c2", leftPadding=0, rightPadding=0)]
        avail = cw
    else:
        frames = [Frame(margin, doc.bottomMargin, W - 2 * margin, H - doc.topMargin - doc.bottomMargin, id="f",
                        leftPadding=0, rightPadding=0)]
        avail = W - 2 * margin
    doc.addPageTemplates([PageTemplate(id="p", frames=frames, onPage=deco)])

    src = spanning_variant(s) if base == "spanning" else s
    story = [Paragraph(esc(f"{paper_label(s)} {year_of_id(s)} – {s['source']['title']}"), st["h1"])]
    intro = s.get("text") or ("In de onderstaande tabel is het overzicht opgenomen zoals het in de "
                              f"{paper_label(s).lower()} is gepubliceerd.")
    story.append(Paragraph(esc(intro), st["body"]))
    if base == "pagebreak":  # enough running text to push the table over the page end
        filler = ("Deze toelichting hoort bij het overzicht hieronder. De bedragen en aantallen zijn overgenomen "
                  "uit de vastgestelde stukken; afrondingsverschillen kunnen voorkomen. ")
        n_par = max(2, 26 - len(s["rows"]) // 2 - 3 * len(s["header"]))
        for _ in range(n_par):
            story.append(Paragraph(esc(filler * 2), st["body"]))
    if base == "twocolumn":
        story.append(Paragraph(esc("De linkerkolom bevat de tekst van de paragraaf; de tabel staat in dezelfde kolom "
                                   "als de toelichting. ") * 3, st["body"]))
    cap_below = rnd.random() < 0.3 and base not in ("pagebreak",)
    cap = Paragraph(esc(("Tabel " + str(1 + rnd.randrange(9)) + ": " if rnd.random() < 0.5 else "") + s["title"]), st["cap"])
    unit = Paragraph(esc(s["unit"]), st["unit"]) if s.get("unit") and rnd.random() < 0.7 and not (
        s["header"] and any(s["unit"] in (c if isinstance(c, str) else c.get("text", "")) for c in s["header"][0])) else None
    if not cap_below:
        story.append(cap)
    if unit:
        story.append(unit)
    repeat = base == "pagebreak" and h(s["id"]) % 2 == 0 or base not in ("pagebreak",)
    story.append(make_table(src, layout, font, size, avail, rnd, repeat))
    if s.get("footnote"):
        story.append(Paragraph(esc(s["footnote"]), st["foot"]))
    if cap_below:
        story.append(cap)
    story.append(Spacer(1, 6))
    story.append(Paragraph(esc("Bron: " + s["source"]["url"]), st["foot"]))
    doc.build(story)
    n_pages = doc.page
    # the page of the table: the first page the table is on (pagebreak: page 1 or 2)
    return src, n_pages, sorted(set(page_labels)), repeat


def table_page(pdf_path, s) -> int:
    """The first page holding the first body row's label (pdfplumber), 1 when unsure."""
    try:
        import pdfplumber
        hgrid, _, _ = header_grid(s["header"])
        probe = s["rows"][0]["label"] or s["rows"][0].get("label2", "")
        with pdfplumber.open(pdf_path) as pdf:
            for i, p in enumerate(pdf.pages, start=1):
                if probe[:25] in (p.extract_text() or "").replace("\n", " "):
                    return i
    except Exception:  # noqa: BLE001
        pass
    return 1


def doc_type(s):
    return "begroting" if s["kind"] in FINANCIAL else "bijlage"


def gold_for(s, src, pdf_name, n_pages, page, noise):
    hgrid, merged, _ = header_grid(src["header"])
    rows = body_rows(src)
    stats, extra = statistics(src, rows)
    g = {"file": pdf_name, "municipality": s["body"] if s["body_kind"] == "gemeente" else None, "n_pages": n_pages,
         "documents": [{"doc_type": doc_type(s), "page_start": 1, "page_end": n_pages, "title": None, "reference": None,
                        "document_date": None, "decision_date": None, "programme": None, "portfolio_holder": None,
                        "team": None, "bodies": [], "confidentiality": None, "financial_consequences": None,
                        "attachments": [], "decisions": [], "signatories": [], "headings": []}],
         "tables": [{"title": s["title"], "page": page, "header": gold_header(hgrid, merged), "rows": rows}],
         "statistics": stats, "noise": noise}
    ex = {"file": pdf_name, "id": s["id"], "body": s["body"], "body_kind": s["body_kind"], "table_kind": s["table_kind"],
          "time_axis": bool(s.get("time_axis")), "unit": s.get("unit"), "header_rows": hgrid, "merged_cells": merged,
          "indented_rows": [i for i, r in enumerate(src["rows"]) if r.get("indent")],
          "total_rows": [i for i, r in enumerate(src["rows"]) if r.get("total")],
          "group_rows": [i for i, r in enumerate(src["rows"]) if r.get("kind") == "group"],
          "figures": extra, "source_url": s["source"]["url"]}
    return g, ex


def fits(s, layout):
    ncols = len(header_grid(s["header"])[0][0])
    if layout == "landscape":
        return ncols >= 7
    if layout == "twocolumn":
        return ncols <= 4 and not any(len(v) > 40 for r in s["rows"] for v in r["values"])
    if layout == "pagebreak":
        return len(s["rows"]) >= 6
    if layout in ("grid", "unruled", "headerrules", "zebra", "spanning", "smallfont"):
        return ncols <= 14 or layout == "smallfont"
    return True


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layout", nargs="*", default=LAYOUTS)
    ap.add_argument("--no-scanned", action="store_true")
    ap.add_argument("--regold", action="store_true", help="rewrite the gold headers of the built corpus only")
    args = ap.parse_args(argv)
    if args.regold:
        for ef in sorted((HERE / "gold").glob("*/extra/*.extra.json")):
            ex = json.loads(ef.read_text())
            gf = ef.parent.parent / ef.name.replace(".extra.json", ".json")
            g = json.loads(gf.read_text())
            g["tables"][0]["header"] = gold_header(ex["header_rows"], ex["merged_cells"])
            gf.write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n")
        return 0
    pb = parent_build()
    sources = [json.loads(p.read_text()) for p in sorted(SRC.glob("*.json"))]
    manifest = ["id\tbody\tbody_kind\ttable_kind\ttime_axis\tlayouts\turl"]
    per_id = {s["id"]: [] for s in sources}
    tmp = Path(tempfile.mkdtemp(prefix="tables-corpus-"))
    for layout in args.layout:
        scanned = layout.startswith("scanned-")
        if scanned and args.no_scanned:
            continue
        pdir, gdir = HERE / "pdf" / layout, HERE / "gold" / layout
        for d in (pdir, gdir):
            if d.exists():
                shutil.rmtree(d)
        (gdir / "extra").mkdir(parents=True)
        pdir.mkdir(parents=True)
        base = layout.replace("scanned-", "")
        chosen = [s for k, s in enumerate(sources) if fits(s, base) and (not scanned or (h(s["id"] + layout) % 3 == 0))]
        for s in chosen:
            name = f"{s['id']}.pdf"
            target = pdir / name
            vec = tmp / f"{layout}-{name}" if scanned else target
            src, n_pages, labels, repeat = build_one(s, layout, vec)
            page = table_page(vec, src)
            if scanned:
                if not pb.scan_pdf(vec, target, s["id"] + layout, tmp):
                    continue
            g, ex = gold_for(s, src, name, n_pages, page, labels)
            ex["layout"] = layout
            ex["repeat_header"] = bool(repeat)
            (gdir / f"{s['id']}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n")
            (gdir / "extra" / f"{s['id']}.extra.json").write_text(json.dumps(ex, ensure_ascii=False, indent=1) + "\n")
            per_id[s["id"]].append(layout)
        print(f"{layout}: {len(chosen)} tables", file=sys.stderr)
    for s in sources:
        manifest.append("\t".join([s["id"], s["body"], s["body_kind"], s["table_kind"], str(bool(s.get("time_axis"))),
                                   ",".join(per_id[s["id"]]), s["source"]["url"]]))
    (HERE / "MANIFEST.tsv").write_text("\n".join(manifest) + "\n")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
