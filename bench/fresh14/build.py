#!/usr/bin/env python3
"""Typeset the fourteenth held-out batch (bench/fresh14) in five template families that no earlier build
script makes, plus a scan WITH an invisible OCR text layer, with gold written from the source texts
and from the layout this script prints.

usage: python bench/fresh14/build.py [--family NAME ...]

Why: bench/fresh .. fresh13 have been developed against or scored, so they no longer measure how the
rules fare on a template nobody has seen. Families used before: brochure compound gemeenteblad ibabs
letter notubiz wordform (bench/corpus), ruledform sidebar twocol webexport (fresh2), footletter
landtable mdexport newspaper revform (fresh3), bundle checkform cover kantlijn linenum (fresh4), decos
parlaeus beslisframe landbrief a5boekje (fresh5), corsabrief rvtabel margenum besluittabel vinkform
(fresh6), stapellabel dia voetblok agendablad uitvul (fresh7), veldkolom kolomblad typemachine kaartjes
venster (fresh8), publicatieblad actiekolom uitklap voettabel spiegel (fresh9), kantkop vakken kopband
dwarsblad rubricering (fresh10), stempel lijstdetail kaderkop tabblad ringband (fresh11), browserprint
regelingenbank kenmerkbalk registratiesticker tweeperblad (fresh12), faxkop watermerk mailprint adresvoet
stippelrij (fresh13). These five are new:

  driekolom    a council's page in a local paper ('Raadsnieuws'): a coloured masthead band with the
               kicker and the body, the kind word and the title across the page in a large serif, the
               head rows in one grey strip ('Label: value · Label: value'), then the text in THREE narrow
               columns with rules between them (no earlier family sets three); a table printed as
               stacked records; '<body> · Raadsnieuws · n' at the foot.
  celrijen     the whole paper as one ruled two-column table, as a Word form keeps it: a dark title row
               across both columns in white type (body and kind word over the title), then one row per
               block: the left cell, shaded, holds the head rows' labels, the headings, the decision
               intros and the speakers' names, the right cell the text; a table a ruled grid inside the
               right cell; the frame and the cell rule on every page; 'Pagina n/N' at the foot.
  smalformaat  a page saved from the council app on a phone: a narrow tall page (100 x 200 mm), the
               phone's status bar (clock, battery percentage), a coloured app bar with '‹' and the body, a
               kind chip over the title, head rows as small grey labels over their values, a large sans,
               tables as stacked records, the app's bottom bar and 'n/N'.
  tijdlijn     a record printed from a meeting app as a timeline: a vertical coloured line down the left
               of the text, a small dot at every block and a large dot with a clock time ('19:27') left of
               the line at every heading, decision intro and speaker's line; the body and the kind word in
               a running head; '— n —' at the foot.
  grootletter  the accessible large-print version: a pale band atop every page ('Toegankelijke versie ·
               grote letters', the body), text in a 15-point sans with wide leading, headings at 18 points,
               head rows 'Label: value' at 14 points, tables as stacked records, 'Pagina n van N'.
  scanocr-celrijen  the celrijen PDF rendered at 200-300 dpi, turned 0.2-0.6 degrees, speckled, blurred and
               JPEG-compressed, with an invisible text layer laid over the image word by word (text render
               mode 3), one in 22 of the words that may (four letters or more, not in a text probe)
               carrying an OCR error (listed in the extra file).

Kinds this batch adds to the dev sets: a motie with five requests and six submitters (Zoetermeer), a
COMPOUND file of an amendement (withdrawn) and a motie van afkeuring (rejected) of Arnhem, each from a new
page, a besluitenlijst that is a TABLE of amendementen and moties with their votes (Nieuwkoop), a public
notice of the college about a council decision (Emmen, typed brief), a regulation as the register prints it
(Zwolle, typed raadsbesluit), and a committee's spoken transcript with speakers' lines (Stadskanaal, typed
verslag). What this batch adds to the engine: a motion's status lines, a speaker's line (no heading), a
table of records (a ruled grid or stacked records) whose decision column holds each row's record.

The text engine, the gold helpers and the scan are COPIED from bench/fresh13/build.py (not imported:
this batch stays reproducible on its own whatever happens to fresh13's script); the families are this
script's own. Rebuilding twice gives byte-identical files (checked when the batch was made; the sha256
of every PDF and gold file is in SHA256SUMS).

Gold conventions (bench/README.md 'Decision points: what counts', 'Dates of meeting records'), as
fresh9's to fresh13's: bodies only from a labelled 'Vastgesteld door' row the PDF prints (none in this
batch, so every body list is empty); a site's date line is its paper's document date (the two moties, the
amendement), a notice's place-and-date line its date; a meeting record's document date only under a date
label of its own (none here), a besluitenlijst's decision date the meeting's where printed whole
(Nieuwkoop's page prints '4 juli' without a year: none); headings are what this script sets as headings
(section and article headings, agenda item heads, decision intros set bold on a line of their own:
'Verzoekt het college:', 'Besluit:'); labels, speakers' lines, status lines, head rows, table headers and
cells, the masthead, chips, bands, clock times and furniture are no headings. Decision points: a motie's
clauses under its intro, an amendement's operative text under 'Besluit:' whole as one point, with the
outcome its status line prints (Verworpen: verworpen; Ingetrokken: none; no status printed: none); a table
of records' Stemmen cell per row, whole, with its outcome and the totals where printed ('Vóór 19 stemmen …
Tegen 1 stem' 19-1, 'unaniem' adopted without count), a withdrawn motion's row none; a notice, a
regulation's articles and a transcript none. Signatories: a motion's printed submitters, role indiener
(Zoetermeer's two marked 'teruggetrokken' included: their names are printed in the list). Noise is the
furniture this script prints that holds a digit.

Arguable golds, each from the text: (1) Emmen's notice is typed brief (the college makes a council decision
known; a reader could say besluit or raadsbesluit) and has no decision point. (2) Zwolle's regulation is
typed raadsbesluit though the copy holds no adopting intro or dictum; its validity line ('Geldend van
27-05-2010 …') is the register's, no document date. (3) Arnhem's withdrawn amendement keeps its operative
text as a decision point with no outcome. (4) Nieuwkoop's introduction reports the meeting (Jaarstukken
adopted unchanged, two motions on other subjects rejected) and gives no decision points. (5) No
raadsinformatiebrief, raadsmededeling, raadsvoorstel or collegebesluit of a body unused in earlier batches
was found with its text in the stored pages (about 45 searches: overview pages and definitions only);
none is in this batch.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import io
import json
import math
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
from reportlab.lib.utils import ImageReader, simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402


HERE = Path(__file__).resolve().parent
TTF = Path("/usr/share/fonts/truetype")
FAMILIES = ["driekolom", "celrijen", "smalformaat", "tijdlijn", "grootletter", "scanocr-celrijen"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december"]
KIND = {"besluitenlijst": "Besluitenlijst", "verslag": "Verslag", "raadsbesluit": "Raadsbesluit", "brief": "Brief",
        "beleidsplan": "Beleidsdocument", "bijlage": "Bijlage", "motie": "Motie", "raadsvoorstel": "Raadsvoorstel",
        "besluit": "Besluit", "begroting": "Begroting", "amendement": "Amendement"}
CBS = {"Zoetermeer": "GM0637", "Arnhem": "GM0202", "Nieuwkoop": "GM0569", "Emmen": "GM0114",
       "Zwolle": "GM0193", "Stadskanaal": "GM0037"}
GREY = Color(0.42, 0.42, 0.42)
RULE = Color(0.55, 0.55, 0.55)


# --------------------------------------------------------------------------------------------
# the source, read the same way by every family

def org(p):
    return f"Gemeente {p['body']}" if p["body_kind"] == "gemeente" else p["body"]


def d_long(iso):
    d = dt.date.fromisoformat(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def kind_word(doc):
    return doc.get("kind_word") or KIND[doc["kind"]]


def meta_rows(doc, datefmt=d_long):
    """(label, value) head rows: the document's own rows, then what its fields state that no own row
    prints (the date, the reference, the portefeuillehouder)."""
    rows = [tuple(r) for r in doc.get("rows") or []]
    f = doc.get("fields")
    if not f:
        return rows
    labels = " ".join(r[0].lower() for r in rows)
    values = " ".join(r[1] if isinstance(r[1], str) else " ".join(r[1]) for r in rows)
    if f["document_date"] and "datum" not in labels and datefmt(f["document_date"]) not in values \
            and datefmt(f["document_date"]) not in (doc.get("title") or ""):
        rows.insert(0, ("Datum", datefmt(f["document_date"])))
    if f["reference"] and f["reference"] not in values:
        rows.append(("Kenmerk", f["reference"]))
    if f["portfolio_holder"] and f["portfolio_holder"] not in values:
        rows.append(("Portefeuillehouder", f["portfolio_holder"]))
    return rows


def markers(numbering, n, given=None):
    if given:
        return list(given)
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
    """The head an agenda item prints: number and subject; None where the paper prints neither (a
    meeting page whose items are rows without a head)."""
    if a.get("number") and a.get("subject"):
        return f"{a['number']} {a['subject']}"
    if a.get("subject"):
        return a["subject"]
    return f"Agendapunt {a['number'].rstrip('.')}" if a.get("number") else None


def dec_text(d):
    return " ".join(d) if isinstance(d, list) else d


def item_texts(a):
    t = a.get("text")
    return [] if not t else ([t] if isinstance(t, str) else list(t))


def doc_decisions(blocks):
    """The decision points of one document; a motion's points carry its printed outcome (bench/README,
    'Decision points: what counts': the dictum counts, adopted or rejected; `outcome` says which)."""
    out = []
    motion = next((b["motion"] for b in blocks if b.get("motion")), {})
    for b in blocks:
        for t in b.get("decisions") or []:
            out.append({"text": dec_text(t), "agenda_item": None, "outcome": motion.get("outcome"), "votes_for": None,
                        "votes_against": None})
        if b.get("inline_decision"):  # "besluiten <text>" in one paragraph: the text after the verb
            out.append({"text": b["inline_decision"]["text"], "agenda_item": None, "outcome": None, "votes_for": None,
                        "votes_against": None})
        t = b.get("table")
        if t:  # fresh14: a table of records, one decision per row in its decision column (a row that only
            # reports the meeting's course, "decided": false, none)
            for row, rec in zip(t["rows"], t["records"]):
                if rec.get("decided", True):
                    out.append({"text": row[t["decision_col"]], "agenda_item": None, "outcome": rec.get("outcome"),
                                "votes_for": rec.get("votes_for"), "votes_against": rec.get("votes_against")})
        a = b.get("agenda_item")
        if a:
            # "decided": false marks an item (or a further label's part) whose paragraphs only report
            # the meeting's course (bench/README, "Decision points: what counts"): printed, not counted
            # a further decision label inside the item may carry its own outcome and vote (fresh12:
            # an amendement's record under "Besluit over amendement …:")
            own = [(t, a) for t in a.get("decisions") or []] if a.get("decided", True) else []
            for t, src in own + [(t, part) for part in a.get("more_decisions") or [] if part.get("decided", True)
                                 for t in part["decisions"]]:
                num = a.get("item_no") or (a.get("number") or "").rstrip(".") or None
                out.append({"text": dec_text(t), "agenda_item": num, "outcome": src.get("outcome", a.get("outcome")),
                            "votes_for": src.get("votes_for", a.get("votes_for")),
                            "votes_against": src.get("votes_against", a.get("votes_against"))})
    return out


def headings_of(blocks):
    """What the families set as headings: section headings, decision intros set bold on a line of
    their own and agenda item heads."""
    out = []
    for b in blocks:
        if b.get("h"):
            out.append(h_text(b))
        elif b.get("decision_intro"):
            out.append(b["decision_intro"])
        elif b.get("agenda_item") and item_head(b["agenda_item"]) is not None:
            out.append(item_head(b["agenda_item"]))
    return out


def probe_sentences(blocks):
    cands = []
    for b in blocks:
        texts = [b.get("p") or ""]
        # fresh12: list points and decision texts, printed whole on their lines, are probes too (a
        # besluitenlijst of records and proposals has no paragraph)
        texts += [t for t in b.get("list") or [] if isinstance(t, str)]
        # (a decision printed as several lines is none: its lines may reach a row apart)
        texts += [t for t in b.get("decisions") or [] if isinstance(t, str)]
        if b.get("agenda_item"):
            a = b["agenda_item"]
            texts += item_texts(a) + list(a.get("pre_list") or [])
            texts += [x["p"] for x in a.get("after") or [] if x.get("p")]
            texts += [t for t in a.get("decisions") or [] if isinstance(t, str)]
            texts += [t for part in a.get("more_decisions") or [] for t in part["decisions"] if isinstance(t, str)]
        for t in texts:
            for s in re.split(r"(?<=[.;])\s+(?=[A-Z])", t):
                # a word printed with a hanging hyphen before a space ("commissie- Meijdam") reads either
                # way once a line ends there: no probe
                if len(s.split()) >= 8 and s.endswith(".") and len(s) < 400 and not re.search(r"\w- ", s):
                    cands.append(s)
    return cands


def probes_of(kind, blocks, n=3):
    cands = list(dict.fromkeys(probe_sentences(blocks)))
    if len(cands) > n:
        cands = [cands[round(i * (len(cands) - 1) / (n - 1))] for i in range(n)]
    return [{"doc_type": kind, "text": s} for s in cands]


def short(t, n=60):
    return t if len(t) <= n else t[:n - 3].rsplit(" ", 1)[0] + " …"



# --------------------------------------------------------------------------------------------
# a small text-flow engine on reportlab's canvas, with justified and hyphenated lines

def fonts():
    for name, f in [("LSans", "liberation/LiberationSans-Regular.ttf"), ("LSans-B", "liberation/LiberationSans-Bold.ttf"),
                    ("LSans-I", "liberation/LiberationSans-Italic.ttf"), ("LSerif", "liberation/LiberationSerif-Regular.ttf"),
                    ("LSerif-B", "liberation/LiberationSerif-Bold.ttf"), ("LSerif-I", "liberation/LiberationSerif-Italic.ttf"),
                    ("DSans", "dejavu/DejaVuSans.ttf"), ("DSans-B", "dejavu/DejaVuSans-Bold.ttf"),
                    ("DSC", "dejavu/DejaVuSansCondensed.ttf"), ("DSC-B", "dejavu/DejaVuSansCondensed-Bold.ttf"),
                    ("Mono", "liberation/LiberationMono-Regular.ttf"), ("Mono-B", "liberation/LiberationMono-Bold.ttf"),
                    ("DSerif", "dejavu/DejaVuSerif.ttf"), ("DSerif-B", "dejavu/DejaVuSerif-Bold.ttf")]:
        pdfmetrics.registerFont(TTFont(name, str(TTF / f)))


VOWELS = set("aeiouyáéíóúëïöüè")


def split_points(word):
    """Where a word may be broken at a line end: between two consonants or before a consonant that
    follows a vowel and precedes one (ge-meente, bes-tuur), at least three letters on either side;
    words with a digit, a hyphen or a slash are never broken."""
    core = word.rstrip(".,;:!?)’”\"'")
    if len(core) < 8 or re.search(r"[\d\-/@]", core) or not core.replace("’", "").isalpha():
        return []
    low = core.lower()
    pts = []
    for i in range(3, len(core) - 2):
        a, b, c = low[i - 1], low[i], low[i + 1] if i + 1 < len(low) else ""
        if low[i - 1:i + 1] in ("ch", "ng", "ij", "sc", "th", "ph"):
            continue
        if a not in VOWELS and b not in VOWELS and a.isalpha() and b.isalpha():
            pts.append(i)
        elif a in VOWELS and b not in VOWELS and c in VOWELS:
            pts.append(i)
    return pts


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
        wdt = (width or (self.x1 - self.x0)) - indent
        lines = simpleSplit(s, font, size, wdt) or [""]
        for k, ln in enumerate(lines):
            self.need(lead)
            x = self.x0 + indent
            self.y -= lead
            self.fam.line_bg(self, lead)
            self.c.setFillColor(color)
            self.c.setFont(font, size)
            if align == "center":
                self.c.drawCentredString((self.x0 + self.x1) / 2, self.y, ln)
            elif align == "right":
                self.c.drawRightString(self.x1, self.y, ln)
            else:
                self.c.drawString(x, self.y, ln)
            if k == 0 and hang and hang[0]:
                self.c.drawString(x - hang[1], self.y, hang[0])
        self.c.setFillColor(black)
        self.y -= after

    def justified(self, s, font, size, lead=None, indent=0, hang=None, after=2):
        """A paragraph justified on both edges, words broken with a hyphen at the line end where
        that fills the line better (never the last line)."""
        lead = lead or size * 1.32
        wdt = (self.x1 - self.x0) - indent
        sw = pdfmetrics.stringWidth
        space = sw(" ", font, size)
        words = s.split()
        lines, cur = [], []

        def width(ws):
            return sum(sw(w, font, size) for w in ws) + space * max(0, len(ws) - 1)
        i = 0
        while i < len(words):
            w = words[i]
            if width(cur + [w]) <= wdt:
                cur.append(w)
                i += 1
                continue
            best = None
            for p in split_points(w):
                head = w[:p] + "-"
                if width(cur + [head]) <= wdt:
                    best = p
            if best:
                cur.append(w[:best] + "-")
                words[i] = w[best:]
                lines.append(cur)
                cur = []
                continue
            if not cur:  # a word wider than the line
                cur.append(w)
                i += 1
            lines.append(cur)
            cur = []
        if cur:
            lines.append(cur)
        for k, ws in enumerate(lines):
            self.need(lead)
            self.y -= lead
            self.fam.line_bg(self, lead)
            x = self.x0 + indent
            self.c.setFont(font, size)
            last = k == len(lines) - 1
            gap = space if last or len(ws) < 2 else space + (wdt - width(ws)) / (len(ws) - 1)
            for w in ws:
                self.c.drawString(x, self.y, w)
                x += sw(w, font, size) + gap
            if k == 0 and hang and hang[0]:
                self.c.drawString(self.x0 + indent - hang[1], self.y, hang[0])
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

    def line_bg(self, f, lead):  # drawn under each text line before its words; families with cards fill it
        pass

    def hanging_rows(self, f, rows, font, size, w, colon=False, lab_font=None):
        """Head rows with their labels hanging left of the values (a list value one line each); a label
        wider than the hanging column stands on a line of its own above its values."""
        sw = pdfmetrics.stringWidth
        for lab, val in rows:
            vals = val if isinstance(val, list) else [val or "–"]
            lab = f"{lab}:" if colon else lab
            if sw(lab, lab_font or font, size) > w - 2 * mm:
                f.text(lab, lab_font or font, size, after=0)
                for v in vals:
                    f.text(v, font, size, indent=w, after=1)
            else:
                for k, v in enumerate(vals):
                    f.text(v, font, size, indent=w, hang=(lab if k == 0 else "", w), after=1)
            f.space(2)

    # block renderers, shared; families override what they set differently
    def para(self, f, text, quote=False):
        f.text(text, self.italic if quote else self.font, self.size, indent=8 * mm if quote else 0, after=5)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(6)
        f.text(text, self.bold, self.size + (2 if level == 1 else 1), after=3)

    def items(self, f, mk, items, indent=7 * mm, sub=None):
        wide = max((len(m) for m in mk), default=0) > 3
        ind = indent + (8 * mm if wide else 0)
        for t, m in zip(items, mk):
            if isinstance(t, list):  # one decision printed as several lines
                self.item_line(f, t[0], m, ind)
                for ln in t[1:]:
                    self.item_line(f, ln, sub or "", ind + (7 * mm if re.match(r"\d+\.\s", ln) or sub else 0))
                continue
            self.item_line(f, t, m, ind)
        f.space(4)

    def item_line(self, f, t, m, ind):
        f.text(t, self.font, self.size, indent=ind, hang=(m, 7 * mm) if m else None, after=2)

    def decision_intro(self, f, text):
        f.need(30)
        f.space(3)
        f.text(text, self.bold, self.size, after=3)

    def decisions(self, f, ds, numbering, given=None, sub=None):
        if numbering or given or len(ds) > 1:
            self.items(f, markers(numbering, len(ds), given), ds, sub=sub)
        else:
            self.items(f, [""], ds, indent=0, sub=sub)

    def label(self, f, text):  # an item's label: italics on a line of its own, no heading
        f.text(text, self.italic, self.size - 0.5, color=GREY, after=1)

    def field_rows(self, f, rows):
        for lab, val in rows:
            f.text(f"{lab}: {val}" if val else f"{lab}:", self.font, self.size - 0.5, after=2)
        f.space(4)

    def item_head(self, f, a):
        f.need(44)
        f.space(6)
        if a.get("subject_label"):
            self.label(f, a["subject_label"])
        if item_head(a) is not None:
            f.text(item_head(a), self.bold, self.size + 1, after=3)

    def agenda_item(self, f, a):
        self.item_head(f, a)
        if a.get("holder"):
            f.text(f"Portefeuillehouder: {a['holder']}", self.font, self.size - 1, color=GREY, after=2)
        if item_texts(a) and a.get("text_label"):
            self.label(f, a["text_label"])
        for t in item_texts(a):
            self.para(f, t)
        if a.get("vote_lines"):
            self.votes(f, a["vote_lines"])
        ds = a.get("decisions") or []
        if ds:
            lab = a.get("decision_label", "Besluit:")
            if lab:
                self.label(f, lab)
            if a.get("sub_label"):
                self.label(f, a["sub_label"])
            self.decisions(f, ds, a.get("decision_numbering"), a.get("decision_markers"))
        for part in a.get("more_decisions") or []:  # a further label inside the item, with its decisions
            self.label(f, part["label"])
            self.decisions(f, part["decisions"], None)
        if a.get("tail"):
            self.label(f, a["tail_label"])
            if isinstance(a["tail"], list):
                self.items(f, markers("1.", len(a["tail"])), a["tail"])
            else:
                self.para(f, a["tail"])
        if a.get("tail_paras"):  # a further label with paragraphs that explain the item (no decisions)
            self.label(f, a["tail_label"])
            for t in a["tail_paras"]:
                self.para(f, t)

    def votes(self, f, lines):
        self.label(f, "Stemuitslag")
        for ln in lines:
            f.text(ln, self.font, self.size - 1, after=1)
        f.space(3)

    def toc(self, f, mk, items, pages):
        """An agenda printed as a table of contents: each entry with dot leaders to its page number."""
        for t, m, pg in zip(items, mk, pages):
            f.text(t, self.font, self.size, indent=7 * mm, hang=(m, 7 * mm), after=2, width=(f.x1 - f.x0) - 10 * mm)
            self.leader(f, t, pg)
        f.space(4)

    def leader(self, f, t, pg):
        sw = pdfmetrics.stringWidth
        last = (simpleSplit(t, self.font, self.size, (f.x1 - f.x0) - 17 * mm) or [""])[-1]
        x = f.x0 + 7 * mm + sw(last, self.font, self.size) + 2
        y = f.y + 2
        dots = "." * max(0, int((f.x1 - sw(pg, self.font, self.size) - 3 - x) / sw(".", self.font, self.size)))
        f.c.setFont(self.font, self.size)
        f.c.drawString(x, y, dots)
        f.c.drawRightString(f.x1, y, pg)

    def body(self, f, blocks):
        for b in blocks:
            if b.get("motion"):
                continue
            if b.get("h"):
                self.heading(f, h_text(b), b.get("level", 1))
            elif b.get("p"):
                self.para(f, b["p"], quote=b.get("quote", False))
            elif b.get("inline_decision"):
                self.para(f, f"{b['inline_decision']['intro']} {b['inline_decision']['text']}")
            elif b.get("list") and b.get("toc_pages"):
                self.toc(f, markers(b.get("numbering"), len(b["list"]), b.get("markers")), b["list"], b["toc_pages"])
            elif b.get("list"):
                self.items(f, markers(b.get("numbering"), len(b["list"]), b.get("markers")), b["list"],
                           indent=7 * mm * b.get("indent", 1))
            elif b.get("decision_intro"):
                self.decision_intro(f, b["decision_intro"])
            elif b.get("decisions"):
                self.decisions(f, b["decisions"], b.get("numbering"), b.get("markers"), b.get("sub_marker"))
            elif b.get("agenda_item"):
                self.agenda_item(f, b["agenda_item"])
            elif b.get("field_rows"):
                self.field_rows(f, b["field_rows"])

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.before_part(doc)
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.part_end(f, doc)
            self.pages.append(f.page)

    def before_part(self, doc):
        pass

    def part_end(self, f, doc):
        pass


def text_height(text, font, size, width, lead=None):
    lead = lead or size * 1.3
    return len(simpleSplit(text, font, size, width) or [""]) * lead






# --------------------------------------------------------------------------------------------
# what this batch's sources add to the copied engine: an agenda item whose head may be absent (a record
# under a date line only), an item's text before its decision label, paragraphs and vote lines after
# its decisions


def doc_number(p, doc=None):
    """A register number the families print as furniture: the paper's id (and the part's title)
    hashed to six digits (noise)."""
    key = p["id"] + ((doc or {}).get("title") or "")
    return str(int(hashlib.sha1(key.encode()).hexdigest()[:6], 16) % 900000 + 100000)


def stamp_of(p, salt=""):
    """A fixed moment per paper (furniture: a fax's or a mail's transmission time), hashed from its id,
    so that rebuilds stay byte-identical: (date, 'hh:mm')."""
    h = int(hashlib.sha1((p["id"] + salt).encode()).hexdigest()[:8], 16)
    day = dt.date(2024, 2, 5) + dt.timedelta(days=h % 280)
    return day, f"{8 + h % 9:02d}:{h % 60:02d}"


def slug(p):
    return re.sub(r"[^a-z]", "", p["body"].lower())


DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]


class Base(Family):
    """The copied Family with the blocks this batch's sources add."""

    def before_part(self, doc):
        self.doc = doc

    def date_line(self, f, doc):
        if doc.get("date_line"):
            f.text(doc["date_line"], self.font, self.size - 1, color=GREY, after=6)

    def item_head(self, f, a):
        head = item_head(a)
        if head is None:
            return
        f.need(44)
        f.space(7)
        f.text(head, self.bold, self.size + 0.5, after=3)

    def vote_line(self, f, text):
        f.text(text, self.font, self.size - 0.5, indent=6 * mm, after=1)

    def agenda_item(self, f, a):
        self.item_head(f, a)
        if a.get("date"):
            f.need(40)
            f.space(5)
            f.text(a["date"], self.font, self.size - 1, color=GREY, after=2)
        for t in item_texts(a):
            self.para(f, t)
        if a.get("decisions"):
            if a.get("decision_label"):
                f.need(3 * self.size * 1.3 + 6)  # a label stays with its record's first line
                self.label(f, a["decision_label"])
            self.decisions(f, a["decisions"], a.get("decision_numbering"))
        for x in a.get("after") or []:
            if x.get("vote"):
                self.vote_line(f, x["vote"])
            else:
                self.para(f, x["p"])
        f.space(2)


# --------------------------------------------------------------------------------------------
# what this batch's sources add to the copied engine: a motion's status lines, a speaker's line in a
# transcript, a table of records (a ruled grid, or stacked records where a family's column is narrow)

class Base14(Base):
    grid_font, grid_bold, grid_size = "LSans", "LSans-B", 7.5
    stacked = False  # families with a narrow column print a table's rows as stacked records

    def body(self, f, blocks):
        for b in blocks:
            if b.get("status"):
                self.status(f, b["status"])
            elif b.get("speaker"):
                self.speaker(f, b["speaker"])
            elif b.get("table"):
                (self.stacked_table if self.stacked else self.grid_table)(f, b["table"])
            else:
                super().body(f, [b])

    def status(self, f, st):
        f.space(4)
        for k, v in st.items():
            f.text(f"{k}: {v}", self.font, self.size - 0.5, color=GREY, after=1)
        f.space(3)

    def speaker(self, f, name):  # a speaker's line: no heading
        f.need(3 * self.size * 1.3)
        f.space(3)
        f.text(name, self.italic, self.size - 0.5, color=GREY, after=1)

    def grid_table(self, f, t):
        """A ruled grid across the column: a shaded header row (repeated on a new page), cells wrapped."""
        w = f.x1 - f.x0
        ws = [w * r for r in t["widths"]]
        fs, lead, pad = self.grid_size, self.grid_size * 1.25, 2.2

        def cell_lines(row, font):
            return [simpleSplit(c, font, fs, cw - 2 * pad) or [""] for c, cw in zip(row, ws)]

        def draw_row(row, font, shade):
            lines = cell_lines(row, font)
            h = max(len(x) for x in lines) * lead + 2 * pad
            top = f.y
            if shade:
                f.c.setFillColor(Color(0.88, 0.88, 0.88))
                f.c.rect(f.x0, top - h, w, h, stroke=0, fill=1)
            f.c.setFillColor(black)
            f.c.setFont(font, fs)
            x = f.x0
            for ls, cw in zip(lines, ws):
                for i, ln in enumerate(ls):
                    f.c.drawString(x + pad, top - pad - (i + 1) * lead + 1.5, ln)
                x += cw
            f.c.setStrokeColor(RULE)
            f.c.setLineWidth(0.5)
            f.c.rect(f.x0, top - h, w, h, stroke=1, fill=0)
            x = f.x0
            for cw in ws[:-1]:
                x += cw
                f.c.line(x, top, x, top - h)
            f.y = top - h
            return h

        def height(row, font):
            return max(len(x) for x in cell_lines(row, font)) * lead + 2 * pad

        f.space(4)
        f.need(height(t["header"], self.grid_bold) + height(t["rows"][0], self.grid_font))
        draw_row(t["header"], self.grid_bold, True)
        for row in t["rows"]:
            if f.y - height(row, self.grid_font) < f.bottom:
                f.advance()
                draw_row(t["header"], self.grid_bold, True)
            draw_row(row, self.grid_font, False)
        f.space(8)

    def stacked_table(self, f, t):
        """Each row a record of its own: the header's labels before the cells, one line group each, a rule
        between records."""
        f.space(4)
        for row in t["rows"]:
            f.need(4 * self.size * 1.3)
            f.c.setStrokeColor(RULE)
            f.c.setLineWidth(0.5)
            f.c.line(f.x0, f.y - 1, f.x1, f.y - 1)
            f.space(3)
            for lab, cell in zip(t["header"], row):
                f.text(f"{lab}: {cell}", self.font, self.size - 0.5, after=1)
            f.space(3)
        f.space(6)


def event_times(p, n):
    """Fixed clock times for a timeline (furniture): a start from the paper's id, then steps of 2-9 minutes."""
    h = int(hashlib.sha1((p["id"] + "tijd").encode()).hexdigest()[:8], 16)
    t = 19 * 60 + h % 40
    out = []
    for k in range(n):
        out.append(f"{t // 60:02d}:{t % 60:02d}")
        t += 2 + (h >> (k % 24)) % 8
    return out


# --------------------------------------------------------------------------------------------
# driekolom: a council's page in a local paper ('Raadsnieuws'): a coloured masthead band with the kicker
# and the body, the title across the page in a large serif, the head rows in a grey strip, then the text
# in three narrow columns with rules between them; tables as stacked records; the foot line
# '<body> · Raadsnieuws · n'

class Driekolom(Base14):
    name = "driekolom"
    font, bold, italic, size = "LSerif", "LSerif-B", "LSerif-I", 9
    ink = HexColor("#8a1c2b")
    stacked = True

    def __init__(self, p):
        super().__init__(p)
        self.first_pages = {1}

    def head_lines(self, doc):
        title = simpleSplit(doc.get("title") or kind_word(doc), "DSerif-B", 17, self.W - 30 * mm)
        rows = "   ·   ".join(f"{lab}: {val if isinstance(val, str) else ', '.join(val)}" for lab, val in meta_rows(doc))
        strip = simpleSplit(rows, "DSans", 8, self.W - 34 * mm) if rows else []
        return title, strip

    def head_h(self, doc):
        title, strip = self.head_lines(doc)
        return 34 * mm + len(title) * 21 + (len(strip) * 10.5 + 5 * mm if strip else 0)

    def columns(self, page):
        doc = getattr(self, "doc", self.p["docs"][0])
        top = self.H - (self.head_h(doc) if page in self.first_pages else 22 * mm)
        gut, x0, x1 = 5 * mm, 15 * mm, self.W - 15 * mm
        w = (x1 - x0 - 2 * gut) / 3
        return [(x0 + i * (w + gut), x0 + i * (w + gut) + w, top, 20 * mm) for i in range(3)]

    def page_start(self, f):
        c = f.c
        doc = getattr(self, "doc", self.p["docs"][0])
        x0, x1 = 15 * mm, self.W - 15 * mm
        lab = f"{org(self.p)}  ·  Raadsnieuws  ·  {f.page}"
        c.setFont("DSans", 7.5)
        c.setFillColor(GREY)
        c.drawCentredString(self.W / 2, 11 * mm, lab)
        self.noise.append(lab)
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        cols = f.cols
        for (_a, b, top, bot), (a2, _, _, _) in zip(cols, cols[1:]):
            c.line((b + a2) / 2, top, (b + a2) / 2, bot)
        if f.page not in self.first_pages:
            c.line(x0, self.H - 17 * mm, x1, self.H - 17 * mm)
            c.drawString(x0, self.H - 15 * mm, org(self.p))
            c.setFillColor(black)
            return
        c.setFillColor(self.ink)
        c.rect(0, self.H - 22 * mm, self.W, 22 * mm, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("DSans-B", 20)
        c.drawString(x0, self.H - 14 * mm, "RAADSNIEUWS")
        c.setFont("DSans", 10)
        c.drawRightString(x1, self.H - 14 * mm, org(self.p))
        c.setFillColor(black)
        c.setFont("DSans-B", 8)
        c.setFillColor(self.ink)
        c.drawString(x0, self.H - 28 * mm, kind_word(doc).upper())
        title, strip = self.head_lines(doc)
        c.setFillColor(black)
        c.setFont("DSerif-B", 17)
        y = self.H - 30 * mm
        for ln in title:
            y -= 21
            c.drawString(x0, y, ln)
        if strip:
            h = len(strip) * 10.5 + 3 * mm
            y -= 2 * mm
            c.setFillColor(Color(0.93, 0.93, 0.93))
            c.rect(x0, y - h, x1 - x0, h, stroke=0, fill=1)
            c.setFillColor(black)
            c.setFont("DSans", 8)
            for ln in strip:
                y -= 10.5
                c.drawString(x0 + 2 * mm, y, ln)

    def part_head(self, f, doc, first):
        self.date_line(f, doc)

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.doc = doc
                self.first_pages.add(f.page + 1)
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.pages.append(f.page)

    def heading(self, f, text, level=1):
        f.need(30)
        f.space(5)
        f.text(text, "DSans-B", 9.5 if level == 1 else 9, color=self.ink, after=2)

    def decision_intro(self, f, text):
        f.need(30)
        f.space(3)
        f.text(text, "LSerif-B", self.size, after=2)

    def label(self, f, text):
        f.text(text, "LSerif-I", self.size, after=1)


# --------------------------------------------------------------------------------------------
# celrijen: the whole paper as one ruled two-column table, as a Word form keeps it: a dark title row
# across both columns (white type), then a row per block, the left cell (shaded) holding the head
# rows' labels, the headings and decision intros, the right cell the text; 'Pagina n/N' at the foot

class Celrijen(Base14):
    name = "celrijen"
    font, bold, italic, size = "DSans", "DSans-B", "LSans-I", 9
    grid_font, grid_bold, grid_size = "DSans", "DSans-B", 7
    LW = 42 * mm
    dark = HexColor("#24405c")

    def __init__(self, p):
        super().__init__(p)
        self.label_bottom = None
        self.page_top = None

    def columns(self, page):
        x0 = 18 * mm
        return [(x0 + self.LW + 3 * mm, self.W - 21 * mm, self.H - 24 * mm, 24 * mm)]

    def page_start(self, f):
        self.page_top = f.top + 2
        lab = f"Pagina {f.page}/{f.total or 1}"
        f.c.setFont("DSans", 7.5)
        f.c.setFillColor(GREY)
        f.c.drawRightString(self.W - 18 * mm, 12 * mm, lab)
        f.c.drawString(18 * mm, 12 * mm, org(self.p))
        f.c.setFillColor(black)
        self.noise.append(lab)
        self.label_bottom = None

    def page_end(self, f):
        x0, x1 = 18 * mm, self.W - 18 * mm
        bot = min(f.y, self.label_bottom or f.y) - 3
        c = f.c
        c.setStrokeColor(black)
        c.setLineWidth(0.7)
        c.rect(x0, bot, x1 - x0, self.page_top - bot, stroke=1, fill=0)
        c.setLineWidth(0.4)
        c.line(x0 + self.LW, self.page_top, x0 + self.LW, bot)

    def row(self, f, need=24):
        """A new row: it starts below the left cell's text and the right cell's text, with a rule across."""
        if self.label_bottom is not None and self.label_bottom < f.y:
            f.y = self.label_bottom
        self.label_bottom = None
        f.need(need)
        f.y -= 3
        f.c.setStrokeColor(black)
        f.c.setLineWidth(0.4)
        f.c.line(18 * mm, f.y, self.W - 18 * mm, f.y)
        f.y -= 1

    def left(self, f, text, font, size):
        """Text in the left cell of the current row (the right cell's flow is not moved)."""
        x0 = 18 * mm
        lines = simpleSplit(text, font, size, self.LW - 5 * mm) or [""]
        f.need(len(lines) * size * 1.3 + 4)
        f.c.setFillColor(Color(0.9, 0.92, 0.95))
        f.c.rect(x0, f.y - len(lines) * size * 1.3 - 4, self.LW, len(lines) * size * 1.3 + 4, stroke=0, fill=1)
        f.c.setFillColor(black)
        f.c.setFont(font, size)
        y = f.y
        for ln in lines:
            y -= size * 1.3
            f.c.drawString(x0 + 2.5 * mm, y, ln)
        self.label_bottom = y - 4

    def part_head(self, f, doc, first):
        x0, x1 = 18 * mm, self.W - 18 * mm
        title = simpleSplit(doc.get("title") or kind_word(doc), "DSans-B", 12, x1 - x0 - 6 * mm)
        h = len(title) * 15 + 14 * mm
        f.need(h)
        f.c.setFillColor(self.dark)
        f.c.rect(x0, f.y - h, x1 - x0, h, stroke=0, fill=1)
        f.c.setFillColor(white)
        f.c.setFont("DSans", 8)
        f.c.drawString(x0 + 3 * mm, f.y - 5 * mm, f"{org(self.p)}  –  {kind_word(doc)}")
        f.c.setFont("DSans-B", 12)
        y = f.y - 7 * mm
        for ln in title:
            y -= 15
            f.c.drawString(x0 + 3 * mm, y, ln)
        f.c.setFillColor(black)
        f.y -= h
        for lab, val in meta_rows(doc):
            self.row(f)
            self.left(f, lab, "DSans-B", 8.5)
            f.text(val if isinstance(val, str) else ", ".join(val), self.font, self.size, after=1)
        self.date_line(f, doc)

    def body(self, f, blocks):
        labelled = False
        for b in blocks:
            if b.get("motion"):
                continue
            if b.get("h") or b.get("decision_intro") or b.get("speaker"):
                self.row(f, 34)
                text = h_text(b) if b.get("h") else b.get("decision_intro") or b.get("speaker")
                font = "DSans" if b.get("speaker") else "DSans-B"
                self.left(f, text, font, 9.5 if b.get("h") and b.get("level", 1) == 1 else 8.5)
                labelled = True
                continue
            if not labelled:
                self.row(f)
            labelled = False
            super().body(f, [b])

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.doc = doc
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.pages.append(f.page)

    def label(self, f, text):
        f.text(text, "DSans-B", self.size - 0.5, after=1)


# --------------------------------------------------------------------------------------------
# smalformaat: a page saved from the council app on a phone: a narrow tall page, the phone's status bar
# (clock, battery), the app bar with '‹' and the body, a kind chip over the title, head rows as small grey
# labels over their values, text in a large sans, tables as stacked records, the app's bottom bar

class Smalformaat(Base14):
    name = "smalformaat"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 10.5
    pagesize = (100 * mm, 200 * mm)
    ink = HexColor("#1f6f8b")
    stacked = True

    def columns(self, page):
        return [(7 * mm, self.W - 7 * mm, self.H - 24 * mm, 22 * mm)]

    def page_start(self, f):
        c = f.c
        day, hm = stamp_of(self.p, "app")
        bat = f"{40 + int(hashlib.sha1(self.p['id'].encode()).hexdigest()[:4], 16) % 59}%"
        c.setFont("LSans-B", 7.5)
        c.setFillColor(black)
        c.drawString(6 * mm, self.H - 5 * mm, hm)
        c.drawRightString(self.W - 6 * mm, self.H - 5 * mm, bat)
        self.noise += [hm, bat]
        c.setFillColor(self.ink)
        c.rect(0, self.H - 17 * mm, self.W, 10 * mm, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("LSans-B", 10)
        c.drawString(5 * mm, self.H - 13.5 * mm, "‹")
        c.drawString(11 * mm, self.H - 13.5 * mm, org(self.p))
        c.setFillColor(Color(0.95, 0.95, 0.95))
        c.rect(0, 0, self.W, 13 * mm, stroke=0, fill=1)
        c.setFillColor(GREY)
        c.setFont("LSans", 7.5)
        for k, lab in enumerate(["Agenda", "Documenten", "Zoeken"]):
            c.drawCentredString(self.W * (k + 0.5) / 3, 5 * mm, lab)
        lab = f"{f.page}/{f.total or 1}"
        c.setFont("LSans", 6.5)
        c.drawRightString(self.W - 6 * mm, 16 * mm, lab)
        self.noise.append(lab)
        c.setFillColor(black)

    def part_head(self, f, doc, first):
        kw = kind_word(doc)
        f.need(60)
        f.y -= 12
        w = pdfmetrics.stringWidth(kw, "LSans-B", 7.5) + 5 * mm
        f.c.setFillColor(Color(0.86, 0.93, 0.96))
        f.c.roundRect(f.x0, f.y - 2.5, w, 11, 4, stroke=0, fill=1)
        f.c.setFillColor(self.ink)
        f.c.setFont("LSans-B", 7.5)
        f.c.drawString(f.x0 + 2.5 * mm, f.y, kw)
        f.c.setFillColor(black)
        f.y -= 6
        f.text(doc.get("title") or kind_word(doc), "LSans-B", 13, lead=16, after=5)
        self.date_line(f, doc)
        for lab, val in meta_rows(doc):
            f.text(lab, "LSans", 7.5, color=GREY, after=0)
            f.text(val if isinstance(val, str) else ", ".join(val), self.font, self.size - 0.5, after=4)
        f.space(5)

    def heading(self, f, text, level=1):
        f.need(34)
        f.space(6)
        f.text(text, "LSans-B", 12 if level == 1 else 11, after=3)

    def label(self, f, text):
        f.text(text, "LSans-B", self.size - 1, color=GREY, after=1)

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.doc = doc
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.pages.append(f.page)


# --------------------------------------------------------------------------------------------
# tijdlijn: a record printed from a meeting app with a timeline: a vertical line down the left of the
# text with a dot at every block and, at each heading, decision intro and speaker's line, a larger dot
# with a clock time left of the line; the body and the kind in a running head; '— n —' at the foot

class Tijdlijn(Base14):
    name = "tijdlijn"
    font, bold, italic, size = "DSans", "DSans-B", "LSans-I", 9
    ink = HexColor("#5b3f8c")
    LX = 36 * mm

    def __init__(self, p):
        super().__init__(p)
        n = sum(1 for d in p["docs"] for b in d["blocks"] if b.get("h") or b.get("decision_intro") or b.get("speaker"))
        self.times = iter(event_times(p, n + 1))

    def columns(self, page):
        return [(self.LX + 7 * mm, self.W - 22 * mm, self.H - 27 * mm, 22 * mm)]

    def page_start(self, f):
        c = f.c
        doc = getattr(self, "doc", self.p["docs"][0])
        c.setFont("DSans", 7.5)
        c.setFillColor(GREY)
        c.drawString(22 * mm, self.H - 15 * mm, org(self.p))
        c.drawRightString(self.W - 22 * mm, self.H - 15 * mm, kind_word(doc))
        lab = f"— {f.page} —"
        c.drawCentredString(self.W / 2, 12 * mm, lab)
        self.noise.append(lab)
        c.setStrokeColor(self.ink)
        c.setLineWidth(1.2)
        c.line(self.LX, f.top, self.LX, f.bottom)
        c.setFillColor(black)

    def dot(self, f, big=False, time=None):
        y = f.y - self.size * 0.9
        f.c.setFillColor(self.ink if big else white)
        f.c.setStrokeColor(self.ink)
        f.c.setLineWidth(1)
        f.c.circle(self.LX, y, 3.2 if big else 2, stroke=1, fill=1)
        if time:
            f.c.setFillColor(self.ink)
            f.c.setFont("DSans-B", 7.5)
            f.c.drawRightString(self.LX - 5, y - 2.5, time)
            self.noise.append(time)
        f.c.setFillColor(black)

    def body(self, f, blocks):
        for b in blocks:
            if b.get("motion"):
                continue
            event = b.get("h") or b.get("decision_intro") or b.get("speaker")
            f.need(36 if event else 20)
            f.space(4 if event else 0)
            self.dot(f, big=bool(event), time=next(self.times) if event else None)
            f.space(-4 if event else 0)
            super().body(f, [b])

    def part_head(self, f, doc, first):
        f.text(kind_word(doc).upper(), "DSans-B", 8, color=self.ink, after=2)
        f.text(doc.get("title") or kind_word(doc), "DSans-B", 14, lead=17, after=5)
        self.date_line(f, doc)
        self.hanging_rows(f, [(lab, val if isinstance(val, str) else ", ".join(val)) for lab, val in meta_rows(doc)],
                          "DSans", 8.5, 32 * mm, lab_font="DSans-B")
        f.space(6)

    def heading(self, f, text, level=1):
        f.space(2)
        f.text(text, "DSans-B", 10.5 if level == 1 else 9.5, color=self.ink, after=3)

    def decision_intro(self, f, text):
        f.space(1)
        f.text(text, "DSans-B", self.size, after=3)

    def speaker(self, f, name):
        f.space(1)
        f.text(name, "LSans-I", self.size - 0.5, color=GREY, after=1)

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.doc = doc
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.pages.append(f.page)


# --------------------------------------------------------------------------------------------
# grootletter: the accessible large-print version: a pale band atop every page ('Toegankelijke versie
# · grote letters' and the body), text in a 15-point sans with wide leading, ragged right, headings at
# 18 points, head rows 'Label: value' at 14 points, tables as stacked records, 'Pagina n van N' at the foot

class Grootletter(Base14):
    name = "grootletter"
    font, bold, italic, size = "LSans", "LSans-B", "LSans-I", 15
    stacked = True

    def columns(self, page):
        return [(22 * mm, self.W - 22 * mm, self.H - 30 * mm, 24 * mm)]

    def page_start(self, f):
        c = f.c
        c.setFillColor(Color(1, 0.97, 0.8))
        c.rect(0, self.H - 20 * mm, self.W, 20 * mm, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("LSans-B", 11)
        c.drawString(22 * mm, self.H - 12 * mm, "Toegankelijke versie · grote letters")
        c.setFont("LSans", 11)
        c.drawRightString(self.W - 22 * mm, self.H - 12 * mm, org(self.p))
        lab = f"Pagina {f.page} van {f.total or 1}"
        c.setFont("LSans", 12)
        c.drawRightString(self.W - 22 * mm, 12 * mm, lab)
        self.noise.append(lab)

    def part_head(self, f, doc, first):
        f.text(kind_word(doc), "LSans", 13, color=GREY, after=3)
        f.text(doc.get("title") or kind_word(doc), "LSans-B", 22, lead=27, after=8)
        self.date_line(f, doc)
        for lab, val in meta_rows(doc):
            f.text(f"{lab}: {val if isinstance(val, str) else ', '.join(val)}", "LSans", 14, lead=20, after=3)
        f.space(8)

    def para(self, f, text, quote=False):
        f.text(text, self.italic if quote else self.font, self.size, lead=22, indent=8 * mm if quote else 0, after=8)

    def item_line(self, f, t, m, ind):
        f.text(t, self.font, self.size, lead=22, indent=ind + 3 * mm, hang=(m, 10 * mm) if m else None, after=4)

    def heading(self, f, text, level=1):
        f.need(60)
        f.space(8)
        f.text(text, "LSans-B", 18 if level == 1 else 16, lead=23, after=5)

    def decision_intro(self, f, text):
        f.need(50)
        f.space(5)
        f.text(text, "LSans-B", self.size, lead=22, after=4)

    def label(self, f, text):
        f.text(text, "LSans-B", 14, lead=20, after=2)

    def status(self, f, st):
        f.space(6)
        for k, v in st.items():
            f.text(f"{k}: {v}", self.font, 14, lead=20, color=GREY, after=2)
        f.space(4)

    def speaker(self, f, name):
        f.need(60)
        f.space(5)
        f.text(name, "LSans-I", 14, lead=20, color=GREY, after=2)

    def stacked_table(self, f, t):
        f.space(4)
        for row in t["rows"]:
            f.need(110)
            f.c.setStrokeColor(RULE)
            f.c.setLineWidth(0.8)
            f.c.line(f.x0, f.y - 1, f.x1, f.y - 1)
            f.space(4)
            for lab, cell in zip(t["header"], row):
                f.text(f"{lab}: {cell}", self.font, 14, lead=20, after=2)
            f.space(5)
        f.space(6)

    def render(self, f):
        self.pages = []
        for i, doc in enumerate(self.p["docs"]):
            if i:
                self.doc = doc
                f.new_page()
            self.doc = doc
            self.part_head(f, doc, i == 0)
            self.body(f, doc["blocks"])
            self.pages.append(f.page)



CLASSES = {c.name: c for c in (Driekolom, Celrijen, Smalformaat, Tijdlijn, Grootletter)}


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
        f = Flow(c, fam, total)
        fam.render(f)
        f.finish()
        total = f.page
    out.write_bytes(buf.getvalue())
    return fam, total


# --------------------------------------------------------------------------------------------
# scan with an invisible OCR layer

OCR_SWAPS = [("rn", "m"), ("e", "c"), ("n", "u"), ("h", "b"), ("l", "I"), ("ij", "ii"), ("a", "o"), ("t", "l")]


def words_of(pdf):
    """Each page's (width, height, [(x0, y0, x1, y1, word)]) as pdftotext -bbox reads it (points,
    origin top left)."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        ws = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in
              re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', pm.group(3))]
        pages.append((float(pm.group(1)), float(pm.group(2)), ws))
    return pages


def ocr_error(word, rnd):
    for a, b in rnd.permutation(OCR_SWAPS):
        if a in word[1:]:
            i = word.index(a, 1)
            return word[:i] + b + word[i + len(a):]
    return None


def scanocr_of(pdf_in, out, seed, protected):
    import numpy as np
    from PIL import Image, ImageFilter
    rnd = np.random.default_rng(int(hashlib.sha1(seed.encode()).hexdigest()[:8], 16))
    dpi = int(rnd.choice([200, 250, 300]))
    pages = words_of(pdf_in)
    errors = []
    with tempfile.TemporaryDirectory() as d:
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf_in), f"{d}/p"], check=True)
        imgs = sorted(Path(d).glob("p*.png"))
        W, H = pages[0][0], pages[0][1]
        c = Canvas(str(out), pagesize=(W, H), invariant=1)
        c.setTitle(Path(out).stem)
        c.setProducer("scan suite OCR (fresh14 build.py)")
        for n, (fp, (pw, ph, ws)) in enumerate(zip(imgs, pages), start=1):
            im = Image.open(fp).convert("L")
            ang = float(rnd.uniform(0.2, 0.6)) * (1 if rnd.random() < 0.5 else -1)
            im = im.rotate(ang, resample=Image.BICUBIC, expand=False, fillcolor=250)
            a = np.asarray(im, dtype=np.float32)
            a = a * 0.9 + 14 + rnd.normal(0, 9, a.shape)
            a[rnd.random(a.shape) < 0.001] = 30
            im = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.55))
            jb = io.BytesIO()
            im.save(jb, "JPEG", quality=72)
            jb.seek(0)
            c.drawImage(ImageReader(jb), 0, 0, pw, ph)
            # PIL turns the image counter-clockwise by `ang` about its centre (y down)
            th = math.radians(ang)
            cx, cy = pw / 2, ph / 2
            for x0, y0, x1, y1, w in ws:
                h = y1 - y0
                bx, by = x0, y1 - 0.21 * h  # baseline start, y down
                dx, dy = bx - cx, by - cy
                rx = cx + dx * math.cos(th) + dy * math.sin(th)
                ry = cy - dx * math.sin(th) + dy * math.cos(th)
                txt = w
                key = re.sub(r"\W", "", w.lower())
                if len(key) >= 4 and key not in protected and w.isalpha() and rnd.random() < 1 / 22:
                    bad = ocr_error(w, rnd)
                    if bad:
                        txt = bad
                        errors.append({"page": n, "word": w, "ocr": bad})
                size = max(4.0, h / 1.15)
                nat = pdfmetrics.stringWidth(txt, "LSans", size) or 1
                c.saveState()
                c.translate(rx, ph - ry)
                c.rotate(ang)
                t = c.beginText(0, 0)
                t.setTextRenderMode(3)
                t.setFont("LSans", size)
                t.setHorizScale(100 * (x1 - x0) / nat)
                t.textOut(txt)
                c.drawText(t)
                c.restoreState()
            c.showPage()
        c.save()
    return dpi, errors


# --------------------------------------------------------------------------------------------
# gold

def write_json(path, obj):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def bodies_from_rows(doc):
    """Bodies named under a 'Vastgesteld door' row the paper prints."""
    words = {"Raad": ("gemeenteraad", "raad"), "B&W": ("college",), "AB": ("algemeen bestuur",)}
    out = []
    for lab, val in doc.get("rows") or []:
        if lab.lower().startswith("vastgesteld door"):
            out += [b for b in doc["fields"]["bodies"] if any(w in val.lower() for w in words.get(b, ()))]
    return out


# Families that print the paper's date in a labelled cell of their own: none in this batch (publicatieblad's
# "Datum publicatie" cell holds the publication's date, which no source of this batch prints).
DATE_CELL_FAMILIES: set[str] = set()


def printed_document_date(doc, fam):
    """A meeting record (besluitenlijst, verslag) has a document date only where the PDF prints one under a
    date label of the paper's own; the meeting's date in its title is a besluitenlijst's decision date and
    no document date (the official gold of ../shared/corpus-real, bench/README "Dates of meeting records";
    aligned by the lead before the batch was scored). Other papers keep the date their source gives."""
    f = doc["fields"]
    if doc["kind"] not in ("besluitenlijst", "verslag") or not f["document_date"]:
        return f["document_date"]
    labelled = fam.name in DATE_CELL_FAMILIES or any(
        "datum" in lab.lower() and "vergadering" not in lab.lower() for lab, _ in meta_rows(doc))
    return f["document_date"] if labelled else None


def doc_gold(doc, start, end, fam):
    f = doc.get("fields")
    blank = not f
    return {"doc_type": doc["kind"], "page_start": start, "page_end": end, "title": doc.get("title"),
            "reference": None if blank else f["reference"],
            "document_date": None if blank else printed_document_date(doc, fam),
            "decision_date": None if blank else f["decision_date"],
            "programme": None if blank else f["programme"], "portfolio_holder": None if blank else f["portfolio_holder"],
            "team": None if blank else f["team"],
            "bodies": [] if blank else bodies_from_rows(doc), "confidentiality": None if blank else f["confidentiality"],
            "financial_consequences": None if blank else f["financial_consequences"],
            "attachments": [] if blank else f["attachments"],
            "decisions": [d["text"] for d in doc_decisions(doc["blocks"])],
            "signatories": [] if blank else list(doc.get("signatories") or []), "headings": headings_of(doc["blocks"])}


def gold_for(p, fam, name, n):
    body_text = json.dumps(p["docs"], ensure_ascii=False)
    docs, probes, decs, motions = [], [], [], []
    start = 1
    for i, (doc, end) in enumerate(zip(p["docs"], fam.pages)):
        docs.append(doc_gold(doc, start, end, fam))
        probes += probes_of(doc["kind"], doc["blocks"])
        decs += [dict(d, doc_index=i, doc_type=doc["kind"]) for d in doc_decisions(doc["blocks"])]
        motions += [dict(b["motion"], doc_index=i) for b in doc["blocks"] if b.get("motion")]
        start = end + 1
    probes = [pr for k, pr in enumerate(probes) if pr["text"] not in {q["text"] for q in probes[:k]}]  # once a file
    noise = [x for x in dict.fromkeys(fam.noise) if re.search(r"\d", x) and x not in body_text]
    gold = {"file": name, "municipality": p["body"], "n_pages": n, "documents": docs, "text_probes": probes,
            "noise": noise}
    extra = {"file": name, "family": fam.name, "municipality": p["body"], "municipality_code": CBS.get(p["body"]),
             "papers": [p["id"]], "decisions": decs, "motions": motions}
    return gold, extra


def protected_words(p):
    out = set()
    for doc in p["docs"]:
        for s in probe_sentences(doc["blocks"]):
            out |= {re.sub(r"\W", "", w.lower()) for w in s.split()}
    return out


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
            errors = None
            if fam_name.startswith("scanocr-"):
                with tempfile.TemporaryDirectory() as d:
                    base = Path(d) / out.name
                    fam, n = typeset(p, fam_name[len("scanocr-"):], base)
                    dpi, errors = scanocr_of(base, out, p["id"], protected_words(p))
                note = f" {dpi} dpi, {len(errors)} OCR errors"
            else:
                fam, n = typeset(p, fam_name, out)
                note = ""
            gold, extra = gold_for(p, fam, out.name, n)
            extra["family"] = fam_name
            if errors is not None:
                extra["ocr_errors"] = errors
            write_json(HERE / "gold" / fam_name / f"{p['id']}.json", gold)
            write_json(HERE / "gold" / fam_name / "extra" / f"{p['id']}.extra.json", extra)
            print(f"{fam_name:16s} {p['id']} {n}p {out.stat().st_size // 1024} kB{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

