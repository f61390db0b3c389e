#!/usr/bin/env python3
"""Typeset the plan corpus: every `sources/<id>.json` (SOURCES.md format plus a `plan` object) in two
layouts, with gold files in the format of shared/eval/GOLD.md (documents, headings, themes with goals
and actions, tables, text probes, noise).

usage: python bench/corpus/plans/build.py [--sources DIR] [--out DIR]

Layouts:
  serif    one column, serif, headings as printed (source numbers only), goals and actions as bullets
  sans2col two columns, sans, numbered headings (1., 1.1), numbered lists, and every list of actions
           set as a table of actions (Actie | Status | Trekker | Planning)

Writes pdf/<layout>/<id>.pdf, gold/<layout>/<id>.json and gold/<layout>/extra/<id>.extra.json (the
action attributes: status, owner, planning; goal indicator, baseline, target, target_year).
Deterministic (reportlab invariant mode); reuses the helpers of ../build.py (not modified).
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import re
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("corpus_build", HERE.parent / "build.py")
cb = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(cb)  # sets reportlab invariant mode

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph,  # noqa: E402
                                Spacer, Table, TableStyle)

PAGE_W, PAGE_H = A4
LAYOUTS = ["serif", "sans2col"]
esc, norm = cb.esc, cb.norm


class PageMark(Flowable):
    """Zero-size flowable recording the page it lands on under `key`."""

    def __init__(self, rec, key):
        super().__init__()
        self.rec, self.key = rec, key

    def wrap(self, aw, ah):
        return 0, 0

    def draw(self):
        self.rec[self.key] = self.canv.getPageNumber()


def strip_no(s: str) -> str:
    return re.sub(r"^\s*\d+(\.\d+)*\.?\s+", "", s).strip()


def action_index(p):
    """normalised action text -> action dict, from the plan object."""
    out = {}
    for t in (p.get("plan") or {}).get("themes") or []:
        for g in t.get("goals") or []:
            for a in g.get("actions") or []:
                out[norm(a["text"])] = a
    return out


class Layout:
    name = "base"

    def __init__(self, p):
        self.p = p
        self.font = cb.font_ok(p, self.logical)
        self.F = cb.FONT[self.font]
        self.noise = []
        self.marks = {}
        self.styles()

    def styles(self):
        r, b, i = self.F
        s, ld = self.size, self.lead
        self.st = {
            "body": ParagraphStyle("body", fontName=r, fontSize=s, leading=ld, spaceAfter=ld * 0.5, alignment=self.align),
            "bullet": ParagraphStyle("bullet", fontName=r, fontSize=s, leading=ld, leftIndent=7 * mm,
                                     bulletIndent=2 * mm, spaceAfter=2, bulletFontName=r),
            "h1": ParagraphStyle("h1", fontName=b, fontSize=s + 3, leading=ld + 4, spaceBefore=ld, spaceAfter=ld * 0.4,
                                 keepWithNext=1, textColor=self.hc),
            "h2": ParagraphStyle("h2", fontName=b, fontSize=s + 1, leading=ld + 1, spaceBefore=ld * 0.6,
                                 spaceAfter=ld * 0.3, keepWithNext=1, textColor=self.hc),
            "h3": ParagraphStyle("h3", fontName=i if self.name == "serif" else b, fontSize=s, leading=ld,
                                 spaceBefore=ld * 0.4, spaceAfter=ld * 0.2, keepWithNext=1),
            "title": ParagraphStyle("title", fontName=b, fontSize=s + 8, leading=s + 12, spaceAfter=6, textColor=self.hc),
            "meta": ParagraphStyle("meta", fontName=r, fontSize=s - 1, leading=ld - 1.5, spaceAfter=1),
            "cell": ParagraphStyle("cell", fontName=r, fontSize=s - 1.8, leading=ld - 3),
            "cellb": ParagraphStyle("cellb", fontName=b, fontSize=s - 1.8, leading=ld - 3),
        }

    def put(self, c, x, y, text, size=8, align="left", color=colors.black):
        c.setFont(self.F[0], size)
        c.setFillColor(color)
        {"left": c.drawString, "right": c.drawRightString, "center": c.drawCentredString}[align](x, y, text)
        c.setFillColor(colors.black)
        if re.search(r"\d", text) and text not in self.noise:
            self.noise.append(text)

    def front(self):
        p, f = self.p, self.p["fields"]
        out = [Paragraph(esc(cb.org_name(p)), self.st["meta"]), Spacer(1, 4),
               Paragraph(esc(p["title"]), self.st["title"])]
        for lab, k in (("Programma", "programme"), ("Portefeuillehouder", "portfolio_holder"),
                       ("Kenmerk", "reference"), ("Datum", "document_date")):
            if f.get(k):
                v = cb.fmt_date(f[k], "long") if k == "document_date" else f[k]
                out.append(Paragraph(f"<b>{esc(lab)}:</b> {esc(v)}", self.st["meta"]))
        out.append(Spacer(1, 8))
        return out

    def table(self, t, key, width):
        header = t.get("header") or []
        rows = t.get("rows") or []
        data = []
        if header:
            data.append([Paragraph(esc(x), self.st["cellb"]) for x in header])
        data += [[Paragraph(esc(x), self.st["cell"]) for x in r] for r in rows]
        n = max(len(r) for r in data)
        first = 0.38 if n > 3 else (0.2 if n == 3 else 1.0 / n)
        if n == 3:
            widths = [width * 0.12, width * 0.68, width * 0.2]
        else:
            widths = [width * first] + [width * (1 - first) / (n - 1)] * (n - 1) if n > 1 else [width]
        tb = Table(data, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
        tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#777777")),
                                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                ("BACKGROUND", (0, 0), (-1, 0 if header else -1),
                                 colors.HexColor("#e8e8e8") if header else colors.white),
                                ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        out = []
        if t.get("title"):
            out.append(Paragraph(f"<b>{esc(t['title'])}</b>", self.st["meta"]))
        out += [PageMark(self.marks, key), tb, Spacer(1, 6)]
        return out

    def col_w(self):
        return PAGE_W - self.margins[0] - self.margins[1]

    def heading(self, b, no):
        lvl = int(b.get("level") or 1)
        text = esc(b["h"])
        if no:
            text = f"{esc(no)} {text}"
        return Paragraph(text, self.st["h1" if lvl <= 1 else "h2" if lvl == 2 else "h3"])

    def list_block(self, b, acts):
        raise NotImplementedError

    def story(self):
        out = self.front()
        nums = [0, 0, 0]
        tcount = 0
        acts = action_index(self.p)
        for b in self.p["blocks"]:
            if b.get("h"):
                out.append(self.heading(b, self.heading_no(b, nums)))
            elif "p" in b and b["p"]:
                out.append(Paragraph(esc(b["p"]), self.st["body"]))
            elif "decision_intro" in b and b["decision_intro"]:
                out.append(Paragraph(f"<b>{esc(b['decision_intro'])}</b>", self.st["body"]))
            elif "decisions" in b:
                for t in b["decisions"]:
                    out.append(Paragraph(esc(t), self.st["bullet"], bulletText="–"))
                out.append(Spacer(1, 4))
            elif "list" in b:
                out += self.list_block(b, acts)
            elif "table" in b:
                out += self.table(b["table"], f"table{tcount}", self.col_w())
                tcount += 1
        return out

    def build(self):
        buf = io.BytesIO()
        lay = self

        def on_page(c, doc):
            c.saveState()
            lay.decorate(c, c.getPageNumber())
            c.restoreState()

        doc = BaseDocTemplate(buf, pagesize=A4, title=self.p["title"], author=cb.org_name(self.p),
                              creator="raadsstukken bench corpus (plans)", subject="", invariant=1, pageCompression=1)
        doc.addPageTemplates(self.templates(on_page))
        doc.build(self.story())
        return buf.getvalue(), doc.page


class Serif(Layout):
    name = "serif"
    logical = "DejaVuSerif"
    size, lead, align = 10, 13.5, TA_JUSTIFY
    margins = (25 * mm, 25 * mm, 24 * mm, 22 * mm)
    hc = colors.black

    def templates(self, on_page):
        l, r, t, b = self.margins
        fr = Frame(l, b, PAGE_W - l - r, PAGE_H - t - b, leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        return [PageTemplate(id="p", frames=[fr], onPageEnd=on_page)]

    def heading_no(self, b, nums):
        return b.get("number")

    def list_block(self, b, acts):
        out = [Paragraph(esc(it), self.st["bullet"], bulletText="•") for it in b.get("list") or []]
        return out + [Spacer(1, 4)]

    def decorate(self, c, pno):
        l, r, t, b = self.margins
        self.put(c, l, PAGE_H - 14 * mm, cb.org_name(self.p), size=8, color=colors.grey)
        self.put(c, PAGE_W / 2, 11 * mm, f"– {pno} –", size=8.5, align="center")


class Sans2Col(Layout):
    name = "sans2col"
    logical = "DejaVuSans"
    size, lead, align = 8.8, 11.8, TA_LEFT
    margins = (15 * mm, 15 * mm, 22 * mm, 20 * mm)
    gutter = 7 * mm
    hc = colors.HexColor("#1f4e79")

    def col_w(self):
        return (PAGE_W - self.margins[0] - self.margins[1] - self.gutter) / 2

    def templates(self, on_page):
        l, r, t, b = self.margins
        w = self.col_w()
        fr = [Frame(l + i * (w + self.gutter), b, w, PAGE_H - t - b, id=f"c{i}", leftPadding=0, rightPadding=0,
                    topPadding=0, bottomPadding=0) for i in (0, 1)]
        return [PageTemplate(id="p", frames=fr, onPageEnd=on_page)]

    def heading_no(self, b, nums):
        lvl = min(3, int(b.get("level") or 1))
        if lvl == 3:
            return b.get("number")  # third level keeps the source's own number, if any
        nums[lvl - 1] += 1
        for k in range(lvl, 3):
            nums[k] = 0
        return f"{nums[0]}." if lvl == 1 else f"{nums[0]}.{nums[1]}"

    def list_block(self, b, acts):
        items = b.get("list") or []
        found = [acts.get(norm(it)) or acts.get(norm(strip_no(it))) for it in items]
        if items and all(found):
            data = [[Paragraph(x, self.st["cellb"]) for x in ("Actie", "Status", "Trekker", "Planning")]]
            for it, a in zip(items, found):
                data.append([Paragraph(esc(it), self.st["cell"])] + [Paragraph(esc(a.get(k) or "–"), self.st["cell"])
                                                                     for k in ("status", "owner", "planning")])
            w = self.col_w()
            tb = Table(data, colWidths=[w * 0.43, w * 0.16, w * 0.17, w * 0.24], hAlign="LEFT", repeatRows=1)
            tb.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa8b8")),
                                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
                                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                    ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
            return [tb, Spacer(1, 6)]
        out = [Paragraph(esc(it), self.st["bullet"], bulletText=f"{k}.") for k, it in enumerate(items, 1)]
        return out + [Spacer(1, 4)]

    def decorate(self, c, pno):
        l, r, t, b = self.margins
        c.setFillColor(self.hc)
        c.rect(0, PAGE_H - 9 * mm, PAGE_W, 9 * mm, stroke=0, fill=1)
        self.put(c, l, PAGE_H - 6 * mm, f"{cb.org_name(self.p)} · {self.p['title']}"[:110], size=7.5, color=colors.white)
        self.put(c, PAGE_W - r, 10 * mm, f"Pagina {pno}", size=8, align="right")


LAYOUT_CLASSES = {"serif": Serif, "sans2col": Sans2Col}


def gold_for(p, layout, pdf_name, n_pages, lay):
    f = p["fields"]
    themes, extra_goals = [], []
    for t in (p.get("plan") or {}).get("themes") or []:
        gs = []
        for g in t.get("goals") or []:
            gs.append({"number": g.get("number"), "text": g["text"],
                       "indicator": g.get("indicator"), "baseline": g.get("baseline"), "target": g.get("target"),
                       "target_year": g.get("target_year"),
                       "actions": [a["text"] for a in g.get("actions") or []]})
            extra_goals.append({"theme": t["label"], "goal": g["text"],
                                "actions": [dict(a) for a in g.get("actions") or []]})
        themes.append({"label": t["label"], "kind": t["kind"], "kind_label": t.get("kind_label"),
                       "ambition": t.get("ambition"), "goals": gs})
    tables, k = [], 0
    for b in p["blocks"]:
        if "table" in b:
            tb = b["table"]
            tables.append({"title": tb.get("title"), "page": lay.marks.get(f"table{k}"), "header": tb.get("header") or [],
                           "rows": tb.get("rows") or []})
            k += 1
    bt = cb.body_text(p)
    doc = {"doc_type": p["kind"], "page_start": 1, "page_end": n_pages, "title": p["title"],
           "reference": f.get("reference"), "document_date": f.get("document_date"),
           "decision_date": f.get("decision_date"), "programme": f.get("programme"),
           "portfolio_holder": f.get("portfolio_holder"), "team": f.get("team"), "bodies": f.get("bodies") or [],
           "confidentiality": f.get("confidentiality"), "financial_consequences": f.get("financial_consequences"),
           "attachments": f.get("attachments") or [], "decisions": [d["text"] for d in cb.gold_decisions(p)],
           "signatories": [], "headings": cb.gold_headings(p)}
    gold = {"file": pdf_name, "municipality": p["body"], "n_pages": n_pages, "documents": [doc], "themes": themes,
            "tables": tables, "text_probes": cb.text_probes(p), "noise": [x for x in lay.noise if norm(x) not in bt]}
    extra = {"file": pdf_name, "layout": layout, "municipality": p["body"], "municipality_code": cb.municipality_code(p),
             "source": p.get("source"), "goals": extra_goals}
    return gold, extra


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", type=Path, default=HERE / "sources")
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args(argv)
    cb.register_fonts()
    papers = cb.load_sources(args.sources)
    if not papers:
        print(f"no sources in {args.sources}", file=sys.stderr)
        return 1
    for sub in ("pdf", "gold"):
        if (args.out / sub).exists():
            shutil.rmtree(args.out / sub)
    lines = ["id\tbody\tkind\tthemes\tgoals\tactions\turl"]
    for p in papers:
        for layout in LAYOUTS:
            try:
                lay = LAYOUT_CLASSES[layout](p)
                pdf, n = lay.build()
                name = f"{p['id']}.pdf"
                dst = args.out / "pdf" / layout / name
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_bytes(pdf)
                gold, extra = gold_for(p, layout, name, n, lay)
                cb.write_json(args.out / "gold" / layout / f"{p['id']}.json", gold)
                cb.write_json(args.out / "gold" / layout / "extra" / f"{p['id']}.extra.json", extra)
            except Exception as e:  # noqa: BLE001
                print(f"  ! {p['id']} in {layout}: {type(e).__name__}: {e}", file=sys.stderr)
        th = (p.get("plan") or {}).get("themes") or []
        ng = sum(len(t.get("goals") or []) for t in th)
        na = sum(len(g.get("actions") or []) for t in th for g in t.get("goals") or [])
        lines.append("\t".join([p["id"], p["body"], p["kind"], str(len(th)), str(ng), str(na),
                                (p.get("source") or {}).get("url") or ""]))
    (args.out / "MANIFEST.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_pdf = sum(1 for _ in (args.out / "pdf").rglob("*.pdf"))
    print(f"{len(papers)} sources -> {n_pdf} PDFs under {args.out / 'pdf'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
