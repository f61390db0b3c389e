"""Metadata of a council document: subject, reference, dates, programme, holders, bodies, ….

Fields are read from the document's form rows by their labels (`rules/metadata.toml`); ticked
checkboxes give the bestuursorganen and the confidentiality; the financial section gives the
financial consequences. A field that is not printed is None: never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import Sequence

from raadsstukken.extractors.text.dates import parse_date
from raadsstukken.extractors.structure.forms import (VALUE_LINE_GAP, Cell, CheckboxState, FieldValue, Row, boxes_in,
                                                     find_field, label_length, match_label, page_rows)
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.doc_types import BODY_NAME, is_bare_kind_word, names_only_the_kind
from raadsstukken.extractors.text.normalize import join_letter_spacing, list_marker

FORM_PAGES = 2
"""Form fields are looked for on this many pages at the start of a document."""
ITEM_FIELDS = {"reference": False, "portfolio_holder": False, "title": True}
"""Fields that a list's items print each with a value of their own (every agenda item of a
besluitenlijst its "Kenmerk:", "Portefeuillehouder:" and "Onderwerp" over the item's name): printed
so, they are the items', not the document's. True: only where the label comes again printed the same
way (a subject label printed once with its colon and once in a record's grid is the paper's subject
and the record's policy category: "Onderwerp: Beleidskader X" over "Onderwerp | wonen")."""


@dataclass(frozen=True)
class MetadataRules:
    labels: dict[str, tuple[re.Pattern[str], ...]]
    bodies: dict[str, tuple[re.Pattern[str], ...]]
    confidentiality_boxes: tuple[str, ...]
    confidentiality_lines: dict[str, tuple[re.Pattern[str], ...]]
    confidentiality_values: dict[str, tuple[re.Pattern[str], ...]]
    secrecy_labels: tuple[re.Pattern[str], ...]
    answer_yes: tuple[re.Pattern[str], ...]
    answer_no: tuple[re.Pattern[str], ...]
    citation: re.Pattern[str]
    financial_no: tuple[re.Pattern[str], ...]
    financial_yes: tuple[re.Pattern[str], ...]
    budget_kinds: frozenset[str]
    meeting_title: re.Pattern[str] | None = None
    meeting_kinds: frozenset[str] = frozenset()
    email_lines: int = 8
    unit_name: re.Pattern[str] = re.compile(r"(?!)")
    unit_inside: re.Pattern[str] = re.compile(r"(?!)")
    unit_kind: re.Pattern[str] = re.compile(r"(?!)")
    attachment_count: re.Pattern[str] = re.compile(r"(?!)")
    parliamentary: re.Pattern[str] = re.compile(r"(?!)")
    dossier_head: re.Pattern[str] = re.compile(r"(?!)")
    number_head: re.Pattern[str] = re.compile(r"(?!)")
    dossier_code: re.Pattern[str] = re.compile(r"(?!)")
    own_number_labels: tuple[re.Pattern[str], ...] = ()
    head_title_larger: float = 1.5
    item_head: re.Pattern[str] = re.compile(r"(?!)")
    item_head_fields: frozenset[str] = frozenset()
    proposal_kinds: frozenset[str] = frozenset()
    meeting_labels: tuple[re.Pattern[str], ...] = ()
    email_label: re.Pattern[str] = re.compile(r"(?!)")
    email_sent: re.Pattern[str] = re.compile(r"(?!)")
    subject_labels: tuple[re.Pattern[str], ...] = ()
    citation_labels: tuple[re.Pattern[str], ...] = ()
    citation_share: float = 0.5
    report_kinds: frozenset[str] = frozenset()
    adopted_labels: tuple[re.Pattern[str], ...] = ()
    own_title_words: int = 3
    own_title_align: float = 20.0
    subject_line: dict[str, float] = field(default_factory=dict)
    other_labels: tuple[re.Pattern[str], ...] = ()
    addressee_labels: tuple[re.Pattern[str], ...] = ()
    addressee_kinds: frozenset[str] = frozenset()
    wrap_height: float = 0.0

    @property
    def all_labels(self) -> list[re.Pattern[str]]:
        return [p for ps in self.labels.values() for p in ps]


def _compile(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=1)
def load_rules() -> MetadataRules:
    data = read_rules("metadata")
    conf = data["confidentiality"]
    return MetadataRules(
        labels={k: _compile(v) for k, v in data["labels"].items()},
        bodies={k: _compile(v) for k, v in data["bodies"].items()},
        confidentiality_boxes=tuple(conf["boxes"]),
        confidentiality_lines={"openbaar": _compile(conf["openbaar"]), "besloten": _compile(conf["besloten"])},
        confidentiality_values={"openbaar": _compile(conf["value_openbaar"]),
                                "besloten": _compile(conf["value_besloten"])},
        secrecy_labels=_compile(conf["secrecy_labels"]),
        answer_yes=_compile(conf["answer_yes"]), answer_no=_compile(conf["answer_no"]),
        citation=re.compile(data["reference"]["citation"], re.IGNORECASE),
        financial_no=_compile(data["financial"]["no"]),
        financial_yes=_compile(data["financial"]["yes"]),
        budget_kinds=frozenset(data["financial"]["budget_kinds"]),
        meeting_title=re.compile(data["meeting_title"]["pattern"], re.IGNORECASE),
        meeting_kinds=frozenset(data["meeting_title"]["kinds"]),
        email_lines=int(data["email"]["header_lines"]),
        unit_name=re.compile(rf"^(?i:{'|'.join(data['team']['unit_kinds'])})\s+[A-ZÀ-Þ]"),
        unit_inside=re.compile(rf"\b(?i:{'|'.join(data['team']['unit_kinds'])})\s+[A-ZÀ-Þ]"),
        unit_kind=re.compile(rf"(?:{'|'.join(data['team']['unit_kinds'])})", re.IGNORECASE),
        attachment_count=re.compile(data["attachments"]["count"], re.IGNORECASE),
        parliamentary=re.compile(data["reference"]["parliamentary"], re.IGNORECASE),
        dossier_head=re.compile(data["reference"]["dossier_head"]),
        number_head=re.compile(data["reference"]["number_head"], re.IGNORECASE),
        dossier_code=re.compile(data["reference"]["dossier_code"]),
        own_number_labels=_compile(data["reference"]["own_number"]),
        item_head=re.compile(data["meeting_title"]["item_head"]),
        item_head_fields=frozenset(data["meeting_title"]["item_head_fields"]),
        email_label=re.compile(data["email"]["label"], re.IGNORECASE),
        email_sent=re.compile(data["email"]["sent"], re.IGNORECASE),
        subject_labels=_compile(data["title"]["subject_labels"]),
        citation_labels=_compile(data["title"].get("citation_labels", [])),
        citation_share=float(data["title"].get("citation_share", 0.5)),
        own_title_words=int(data["title"]["own_title_words"]),
        own_title_align=float(data["title"]["own_title_align"]),
        subject_line={k: float(v) for k, v in data["title"]["subject_line"].items()},
        head_title_larger=float(data["title"]["head_title_larger"]),
        report_kinds=frozenset(data["dates"]["report_kinds"]),
        adopted_labels=_compile(data["dates"]["adopted_labels"]),
        proposal_kinds=frozenset(data["dates"]["proposal_kinds"]),
        meeting_labels=_compile(data["dates"]["meeting_labels"]),
        other_labels=_compile(data["form"]["other_labels"]),
        addressee_labels=_compile(data["letter"]["addressee_labels"]),
        addressee_kinds=frozenset(data["letter"]["addressee_kinds"]),
        wrap_height=float(data["team"]["wrap_height_share"]),
    )


@dataclass
class DocumentMetadata:
    title: str | None = None
    reference: str | None = None
    document_date: date | None = None
    decision_date: date | None = None
    programme: str | None = None
    portfolio_holder: str | None = None
    team: str | None = None
    bodies: list[str] = field(default_factory=list)
    confidentiality: str | None = None
    financial_consequences: bool | None = None
    attachments: list[str] = field(default_factory=list)
    methods: dict[str, str] = field(default_factory=dict)


def form_label_rest(cell) -> str | None:
    """What follows a metadata label in a form cell ('' for a label alone), None for no label."""
    rules = load_rules()
    return match_label(cell, [p for ps in rules.labels.values() for p in ps])


def opens_with_label(text: str) -> bool:
    """Whether a line opens with a metadata label as a whole word, with or without its colon
    ("Onderwerp", "Zaaknummer: 12"): a form's label column, not a title or a heading."""
    rules = load_rules()
    text = text.strip()
    return any(m is not None and not text[m.end():m.end() + 1].isalnum() for p in rules.all_labels for m in [p.match(text)])


def starts_with_label(text: str) -> bool:
    """Whether a line opens with a metadata label followed by its value ("Vergadering van: Raad")."""
    rules = load_rules()
    return any(m is not None and text[m.end():].lstrip()[:1] == ":"
               for p in rules.all_labels for m in [p.match(text)])


def _other_label(cell: Cell, rules: MetadataRules) -> bool:
    """Whether a cell prints a form label of something no field reads ([form] other_labels), alone
    or with its colon ("Behandelaar", "Telefoon: 0570 …"): a label, so never a field's value."""
    end = label_length(cell, rules.other_labels)
    if end is None:
        return False
    rest = cell.label.strip()[end:].strip()
    return not rest or rest.startswith(":")


DATE_FIELDS = frozenset({"document_date", "decision_date"})
"""Fields whose value is a date: a label of theirs in a line without one is passed over."""


def _holds_date(text: str) -> bool:
    return parse_date(text) is not None


def extract_metadata(pages: Sequence[PageLayout], sections: Sequence[Section], *, kind: str | None = None,
                     title: str | None = None, title_blocks: Sequence[Block] = ()) -> DocumentMetadata:
    """Metadata of one document from its pages (forms) and sections (headed paragraphs); `kind`,
    `title` and `title_blocks` are what the split found at its head (its type, its own title and
    the blocks that print it)."""
    rules = load_rules()
    rows = [_field_line(row) for page in pages[:FORM_PAGES] for row in page_rows(page)]
    # a running sidebar is furniture, but a document that starts under one (an attachment inside a
    # letter) reads its date, reference and unit there when its own text has none: its rows last
    rows += [row for page in pages[:FORM_PAGES] if page.sidebar
             for row in page_rows(replace(page, blocks=[Block(page.sidebar, page.number)]))]
    all_labels = [p for ps in rules.labels.values() for p in ps]

    def is_label(cell) -> bool:
        return match_label(cell, all_labels) is not None or _other_label(cell, rules)

    meta = DocumentMetadata()
    values: dict[str, FieldValue] = {}

    def text_field(name: str, *, continuation: bool = False,
                   skip: Sequence[re.Pattern[str]] = ()) -> str | None:
        others = [p for other, ps in rules.labels.items() if other != name for p in ps]
        accept = _holds_date if name in DATE_FIELDS else (lambda v: _names_body(v, rules)) if name == "bodies" else None
        own = [p for p in rules.labels[name] if p.pattern not in {q.pattern for q in skip}]
        found = find_field(rows, own, is_label, continuation, longer=others, accept=accept)
        if name == "team" and found is not None and (found.method in ("form:inline", "form:empty")
                                                     or rules.unit_kind.fullmatch(found.label.label.strip())):
            unit = _unit_name(rows, found.label, is_label, rules)
            if unit:
                meta.methods[name] = "form:unit"
                return unit  # "Directie X": the kind is in the name
        if found is None or not found.text.strip(" -–,;:"):
            return None
        if name in ITEM_FIELDS and _labels_items(rows, rules.labels[name], found, is_label, ITEM_FIELDS[name]):
            return None
        if name in rules.item_head_fields and kind in rules.meeting_kinds and _under_item(rows, found, rules):
            return None  # a list's item prints its own ("3. Subsidieregeling …" / "Portefeuillehouder: X")
        values[name] = found
        meta.methods[name] = found.method
        return found.text.strip().rstrip(",;").strip() or None

    meta.title = text_field("title", continuation=True)
    if meta.title and is_bare_kind_word(meta.title):
        meta.title = None  # "Onderwerp: Amendement": the field names the paper's kind, not what it is about
        meta.methods.pop("title", None)
    if meta.title and label_length(values["title"].label, rules.subject_labels) is not None:
        cited = find_field(rows, rules.citation_labels, is_label)
        if cited is not None and cited.text.strip(" -–,;:"):
            # "Citeertitel: …" over a subject category; the paper's own title where it holds the
            # cited name ("Beleidskader X 2031" printed over "Citeertitel: Beleidskader X")
            # ("Onderwerp: Reglement voor de commissies 2031" names the paper, not its category: it stays)
            name = cited.text.strip().rstrip(",;").strip()
            own = title is not None and _squash(name) in _squash(title)
            if own or not _names_the_same(meta.title, name, rules.citation_share):
                meta.title = title if own else name
                meta.methods["title"] = "split:own_over_subject" if own else "form:citation_title"
    if meta.title and _own_title_over_subject(values["title"], meta.title, title, title_blocks, rules):
        meta.title = title  # the paper's own title (the split's) is its title
        meta.methods["title"] = "split:own_over_subject"
    if meta.title is None and title is None and title_blocks:
        # nothing else titles the paper: its type line is its title as printed ("Raadsbesluit")
        meta.title = " ".join(join_letter_spacing(" ".join(b.text for b in title_blocks)).split()) or None
        if meta.title and is_bare_kind_word(meta.title):
            meta.title = None  # a bare kind word ("BRIEF") titles no paper
        if meta.title:
            meta.methods["title"] = "split:type_line"
    if meta.title is None and title is None and not title_blocks and pages:
        # (without a title block: a kind line that titles nothing, "Bijlage", is the paper's head)
        meta.title = _subject_line(pages[0], rules)
        if meta.title:
            meta.methods["title"] = "subject_line"
    if meta.title is None and title is None and not title_blocks and pages:
        meta.title = _title_over_head_rows(pages[0], rules)
        if meta.title:
            meta.methods["title"] = "title_over_head_rows"
    reference = text_field("reference")
    if reference and label_length(values["reference"].label, rules.own_number_labels) is None:
        own = find_field(rows, rules.own_number_labels, is_label)
        if own is not None and _reference(own.text):
            # a paper that prints its own number beside a case number ("Voorstelnummer" and "Zaaknummer")
            # is referred to by its own number
            reference, values["reference"] = own.text, own
            meta.methods["reference"] = own.method + ":own_number"
    meta.reference = _reference(reference) if reference else _citation(rows, rules) or _self_citation(pages, rules) \
        or _dossier_head(rows, pages, rules)
    if meta.reference and not reference:
        meta.methods["reference"] = "citation"
    meta.document_date = parse_date(text_field("document_date"))
    meta.decision_date = parse_date(text_field("decision_date"))
    if kind in rules.report_kinds and meta.decision_date and meta.document_date is None \
            and any(p.match(values["decision_date"].label.label.strip()) for p in rules.adopted_labels):
        # a report adopted on a day records no decision: that day is its date
        meta.document_date, meta.decision_date = meta.decision_date, None
        meta.methods["document_date"] = meta.methods.pop("decision_date") + ":adopted"
    if kind in rules.proposal_kinds and meta.decision_date \
            and any(p.match(values["decision_date"].label.label.strip()) for p in rules.meeting_labels):
        # a proposal dates the meeting it goes to: the assembly decides there, later; no decision yet
        meta.decision_date = None
        meta.methods.pop("decision_date", None)
    meta.programme = text_field("programme")
    meta.portfolio_holder = text_field("portfolio_holder")
    meta.team = text_field("team")
    if meta.team is None and pages:
        meta.team = _colofon_unit([row for row in rows if row.cells[0].page == pages[0].number], is_label,
                                  pages[0].width)
        if meta.team:
            meta.methods["team"] = "form:colofon"
    # a letter's "Aan:" line names whom it is written to, not a body that decides on the paper
    addressee = rules.addressee_labels if kind in rules.addressee_kinds else ()
    meta.bodies = _bodies(rows, text_field("bodies", continuation=True, skip=addressee), rules)
    others = [p for other, ps in rules.labels.items() if other != "confidentiality" for p in ps]
    meta.confidentiality = _confidentiality(
        rows, rules, find_field(rows, rules.labels["confidentiality"], is_label, longer=others))
    meta.financial_consequences, how = _financial(text_field("financial_consequences"), sections, rules)
    if how:
        meta.methods["financial_consequences"] = how
    attachments = text_field("attachments", continuation=True)
    meta.attachments = _attachment_items(values["attachments"], rules) if attachments \
        else _attachments_section(sections, is_label, rules)
    return meta


FIELD_SEPARATOR = re.compile(r"\s+[·•]\s+")
"""What sets a line's fields apart when a template prints them on one line ("Zaaknummer 12 ·
Datum 3 maart 2031 · Onderwerp Kademuren"): a middle dot or bullet between spaces."""
FIELD_LINE_PARTS = 3
"""Fewest parts of such a line: two parts are a phrase with a dot in it, three or more a field line."""


def _field_line(row: Row) -> Row:
    """A row of one cell that prints the paper's fields on one line, set apart by middle dots, as
    the cells it stands for (each "label value", the box shared out by length); other rows as
    they are."""
    if len(row.cells) != 1:
        return row
    cell = row.cells[0]
    parts = FIELD_SEPARATOR.split(cell.text.strip())
    if len(parts) < FIELD_LINE_PARTS or not all(p[:1].isupper() for p in parts):
        return row
    width, total, start = cell.bbox.x1 - cell.bbox.x0, max(len(cell.text), 1), 0
    cells = []
    for part in parts:
        at = cell.text.find(part, start)
        x0 = cell.bbox.x0 + width * at / total
        x1 = cell.bbox.x0 + width * (at + len(part)) / total
        cells.append(Cell(part, BBox(x0, cell.bbox.top, x1, cell.bbox.bottom), cell.page, cell.bold))
        start = at + len(part)
    return Row(tuple(cells))


def _subject_line(page: PageLayout, rules: MetadataRules) -> str | None:
    """A note's subject on a line of its own at its head, indented from the text's left margin
    ([title] subject_line), or None."""
    limits = rules.subject_line
    body = [b for b in page.blocks if b.kind is BlockKind.BODY]
    running = [b.bbox.x0 for b in body if len(b.lines) >= 2]
    if not running:
        return None
    left = min(running)
    for block in sorted(body, key=lambda b: b.bbox.top):
        if block.bbox.top > limits["top_share"] * page.height:
            break
        text = " ".join(block.text.split())
        words = len(text.split())
        if len(block.lines) != 1 or block.bbox.x0 - left < limits["indent_share"] * page.width \
                or block.bbox.x0 > limits["max_x_share"] * page.width \
                or not limits["min_words"] <= words <= limits["max_words"] or text[-1:] in ".:;," \
                or ":" in text or parse_date(text) is not None or not text[:1].isalpha():
            continue
        band = [b for b in body if b is not block and b.bbox.top < block.bbox.bottom and block.bbox.top < b.bbox.bottom
                and b.bbox.x0 <= limits["max_x_share"] * page.width]  # (a sidebar beside it is another column)
        if all(len(b.text.split()) <= 2 and b.bbox.x1 <= block.bbox.x0 for b in band):
            return text
    return None


def _title_over_head_rows(page: PageLayout, rules: MetadataRules) -> str | None:
    """The paper's title as a form's title row prints it, or None: the first block of the page's body, of
    one or two lines, bold and set larger than the text ([title] head_title_larger points or more) in a
    type no other block of the page uses, right over the head rows (the block under it opens with a
    label: "Zaaknummer:", "Gemeenteraad")."""
    body = sorted((b for b in page.blocks if b.kind is BlockKind.BODY), key=lambda b: (b.bbox.top, b.bbox.x0))
    if len(body) < 2:
        return None
    first, under = body[0], body[1]
    text_size = _body_size(body)
    if len(first.lines) > 2 or not first.bold or first.size < text_size + rules.head_title_larger \
            or any(b is not first and abs(b.size - first.size) < 0.5 and b.bold for b in body) \
            or not (opens_with_label(under.lines[0].text) or under.lines[0].text.rstrip().endswith(":")):
        return None
    text = " ".join(join_letter_spacing(first.text).split())
    if BODY_NAME.fullmatch(text) or names_only_the_kind(text) or is_bare_kind_word(text):
        return None  # the letterhead ("Gemeente X") or a type line over the form, no title
    return text if any(ch.isalpha() for ch in text) else None


def _body_size(blocks: Sequence[Block]) -> float:
    """The size most of the blocks' words are set in."""
    counts: dict[float, int] = {}
    for b in blocks:
        counts[round(b.size * 2) / 2] = counts.get(round(b.size * 2) / 2, 0) + len(b.text.split())
    return max(counts, key=lambda k: counts[k]) if counts else 0.0


def _own_title_over_subject(found: FieldValue, value: str, title: str | None, title_blocks: Sequence[Block],
                            rules: MetadataRules) -> bool:
    """Whether a subject field ("Onderwerp: …") printed under the paper's own title names something
    else than that title (the agenda subject of a motion, a regulation's subject category): the
    paper's own title is then its title. A field that repeats the title or is part of it, a title
    label of another kind ("Titel", "Officiële naam"), a field above the title or a "title" that is
    no heading over the fields (not bold, or set in another column: a letterhead's line) keeps the
    field."""
    if not title or not title_blocks or len(title.split()) < rules.own_title_words \
            or label_length(found.label, rules.subject_labels) is None:
        return False
    above = [b for b in title_blocks if b.page == found.label.page and b.bbox.bottom <= found.label.bbox.top + 1
             and b.bold and abs(b.bbox.x0 - found.label.bbox.x0) <= rules.own_title_align]
    if not above:
        return False
    own, field_text = _squash(title), _squash(value)
    return own not in field_text and field_text not in own


def _names_the_same(subject: str, cited: str, share: float) -> bool:
    """Whether a subject field names the paper its cited name names: it holds most of that name's
    words (of four letters or more; "Reglement voor de commissies 2031" and "Reglement commissies"),
    where a policy category shares none ("welzijn en zorg")."""
    words = [w for w in _squash(cited).split() if len(w) >= 4]
    held = set(_squash(subject).split())
    return bool(words) and sum(1 for w in words if w in held) >= share * len(words)


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


_REFERENCE = re.compile(r"(?:[A-Z]{1,6}[-/]?)?\d[\w./-]*\d|\d+")


REFERENCE_WORDS = 6
"""A reference value of at most this many words is the reference as printed ("bijl. nr. 315",
"Gemeenteblad 2021, 26117"); a longer one is a sentence that holds it: its number is taken."""


def _labels_items(rows: Sequence[Row], patterns: Sequence[re.Pattern[str]], found: FieldValue, is_label,
                  same_form: bool = False) -> bool:
    """Whether the label of `found` comes again further down with another value: it labels the
    items of a list, not the document (`same_form`: printed the same way, the same label text and
    the value placed alike, as a list prints each item's fields)."""
    start = _row_of(rows, found.label)
    if start is None:
        return False
    # the very label as printed, not another of the field ("Zaaknummer" over "Voorstelnummer": two numbers
    # of one paper, each under its own label, where one pattern reads both)
    end = label_length(found.label, patterns)
    if end is None:
        return False
    same = [re.compile(re.escape(" ".join(found.label.label.strip()[:end].split())).replace(r"\ ", r"\s+"), re.IGNORECASE)]
    again = find_field(rows[start + 1:], same, is_label)
    if again is None or not again.text.strip():
        return False
    if same_form and (again.method != found.method or found.method == "form:inline"
                      or _squash(again.label.text) != _squash(found.label.text)):
        return False
    first, other = found.text.strip(), again.text.strip()
    return first not in other and other not in first  # the same value printed again is the document's


def _under_item(rows: Sequence[Row], found: FieldValue, rules: MetadataRules) -> bool:
    """Whether a field's label stands under one of a list's numbered items ("3.a. Subsidieverordening …"
    above "Portefeuillehouder: …"): the item's field, not the list's, also where no other item prints one."""
    start = _row_of(rows, found.label)
    return start is not None and any(rules.item_head.match(row.cells[0].text.strip()) for row in rows[:start])


def _row_of(rows: Sequence[Row], cell: Cell) -> int | None:
    """The index of the row that holds `cell` (the very cell, not an equal one)."""
    return next((r for r, row in enumerate(rows) if any(c is cell for c in row.cells)), None)


def _reference(text: str) -> str | None:
    value = text.strip().strip(",;:").strip()
    if not any(ch.isdigit() for ch in value):
        return None
    words = value.split()
    if len(words) >= 2 and (names_only_the_kind(words[0]) or is_bare_kind_word(words[0])) \
            and any(ch.isdigit() for ch in words[1]):
        # the number printed after the kind of paper it numbers ("Raadsvoorstel 013.031.0006", "Besluit 2031/14")
        value = " ".join(words[1:])
    if len(value.split()) <= REFERENCE_WORDS:
        return value
    m = _REFERENCE.search(value)
    return m.group(0).strip() if m else None


def _citation(rows: Sequence[Row], rules: MetadataRules) -> str | None:
    """An official publication's citation on a line of its own, as printed."""
    for row in rows:
        text = " ".join(c.text for c in row.cells).strip()
        if rules.citation.match(text):
            return text
    return None


def _self_citation(pages: Sequence[PageLayout], rules: MetadataRules) -> str | None:
    """The dossier and number a parliamentary paper cites itself by in its footer."""
    for page in pages[:FORM_PAGES]:
        for text in (page.footer, page.header):
            for part in (text or "").split(" | "):  # the furniture lines of a band, joined
                m = rules.parliamentary.match(" ".join(part.split()))
                if m:
                    return m.group("reference")
    return None


DOSSIER_HEAD_ROWS = 3
"""The dossier line of a parliamentary paper's head is among its first rows."""


def _dossier_head(rows: Sequence[Row], pages: Sequence[PageLayout], rules: MetadataRules) -> str | None:
    """The dossier and number a parliamentary paper prints at its head, each in the first cell of
    its line, the number's line right under the dossier's ("12 345" / "Nr. 6"); the page layer may
    have read the number line as the page's header (it is set like one). Or the two as one code
    alone at the head ("12345-6"), in the first page's header or first line."""
    header = (pages[0].header or "").split(" | ")[0].strip() if pages else ""
    first = rows[0].cells[0].text.strip() if rows else ""
    for text in (header, first):
        code = rules.dossier_code.match(text)
        if code:
            return code.group("reference")
    for r, row in enumerate(rows[:DOSSIER_HEAD_ROWS]):
        dossier = rules.dossier_head.match(row.cells[0].text.strip())
        if dossier is None:
            continue
        number = None
        if r + 1 < len(rows) and abs(rows[r + 1].cells[0].bbox.x0 - row.cells[0].bbox.x0) <= 6:
            number = rules.number_head.match(rows[r + 1].cells[0].text.strip())
        header = pages[0].header if pages and pages[0].number == row.cells[0].page else None
        number = number or rules.number_head.match((header or "").split(" | ")[0].strip())
        if number:
            return f"{dossier.group('dossier')}, nr. {number.group('number')}"
    return None


def _names_body(value: str, rules: MetadataRules) -> bool:
    """Whether a bodies field's value names a bestuursorgaan: one that names none ("vergadering
    van 3 maart", a meeting's room) is passed over for the label's next occurrence."""
    return any(p.search(value) for ps in rules.bodies.values() for p in ps)


def _bodies(rows: Sequence[Row], value: str | None, rules: MetadataRules) -> list[str]:
    labels = [label for row in rows for c in row.cells for state, label in boxes_in(c)
              if state is CheckboxState.TICKED]
    if value:
        labels += [value]
    found: list[str] = []
    for label in labels:
        taken: list[tuple[int, int, str]] = []
        for body, patterns in rules.bodies.items():
            for p in patterns:
                for m in p.finditer(label):
                    if not any(m.start() < end and start < m.end() for start, end, _ in taken):
                        taken.append((m.start(), m.end(), body))
        for _, _, body in sorted(taken):
            if body not in found:
                found.append(body)
    return found


def _confidentiality(rows: Sequence[Row], rules: MetadataRules, field: FieldValue | None) -> str | None:
    """"openbaar" or "besloten": from a ticked box, a confidentiality field's value, or a line."""
    for row in rows:
        for cell in row.cells:
            for state, label in boxes_in(cell):
                word = label.split()[0].lower() if label else ""
                if state is CheckboxState.TICKED and word in rules.confidentiality_boxes:
                    return word
    if field is not None and field.text.strip():
        value = field.text.strip()
        for name, patterns in rules.confidentiality_values.items():
            if any(p.search(value) for p in patterns):
                return name
        secrecy = any(p.match(field.label.label.strip()) for p in rules.secrecy_labels)
        if any(p.search(value) for p in rules.answer_yes):
            return "besloten" if secrecy else "openbaar"
        if any(p.search(value) for p in rules.answer_no):
            return "openbaar" if secrecy else "besloten"
    for row in rows:
        text = " ".join(c.label for c in row.cells)
        for value, patterns in rules.confidentiality_lines.items():
            if any(p.search(text) for p in patterns):
                return value
    return None


def _financial(value: str | None, sections: Sequence[Section], rules: MetadataRules) -> tuple[bool | None, str | None]:
    """The answer under a financial label or heading, and where it came from (None: not printed).

    An answer that is neither a clear no nor a clear yes stays None: the reader has to judge.
    """
    answers = [(value, "form")] if value else []
    patterns = rules.labels["financial_consequences"]
    answers += [(s.text, "section") for s in sections if s.heading and any(p.match(s.heading) for p in patterns)]
    for answer, how in answers:
        answer = answer.strip()
        if any(p.search(answer) for p in rules.financial_no):
            return False, how
        if any(p.search(answer) for p in rules.financial_yes):
            return True, how
        if answer:
            return None, f"{how}:undecided"
    return None, None


def meeting_date_from_title(meta: DocumentMetadata, title: str | None, doc_type: str) -> DocumentMetadata:
    """A paper of a meeting (a besluitenlijst) whose title names the meeting and its date
    ("Besluitenlijst raadsvergadering 3 maart 2031"), or prints it in a date field at its head
    ("Datum: 3 maart 2031"), was decided on that date: the metadata with it as `decision_date`
    when no label gave one (a copy)."""
    rules = load_rules()
    if meta.decision_date is not None or doc_type not in rules.meeting_kinds or rules.meeting_title is None:
        return meta
    day = None
    if title:
        m = rules.meeting_title.search(title)
        day = parse_date(title[m.end():] if m else title)  # "Besluitenlijst van 3 maart 2031" names no meeting word
    if day is not None:
        return replace(meta, decision_date=day, methods={**meta.methods, "decision_date": "title:meeting"})
    if meta.document_date is not None and meta.methods.get("document_date", "").startswith("form"):
        # the date field at the head of a meeting's list is the meeting's: its decisions' date
        return replace(meta, decision_date=meta.document_date,
                       methods={**meta.methods, "decision_date": "form:meeting_date"})
    return meta


def email_header(meta: DocumentMetadata, pages: Sequence[PageLayout]) -> DocumentMetadata:
    """An e-mail printed with its header: the date it was sent (month first, as mail programs
    print it) as its document date, where no label gave one (a copy; unchanged for other papers)."""
    rules = load_rules()
    if not pages or meta.document_date is not None:
        return meta
    lines = [ln.text for b in pages[0].blocks if b.kind is BlockKind.BODY for ln in b.lines][: rules.email_lines]
    if not any(rules.email_label.search(t) for t in lines):
        return meta
    for text in lines:
        sent = rules.email_sent.search(text)
        if sent is None:
            continue
        try:
            day = date(int(sent.group("year")), int(sent.group("month")), int(sent.group("day")))
        except ValueError:
            continue
        return replace(meta, document_date=day, methods={**meta.methods, "document_date": "email:sent"})
    return meta


def budgeted_consequences(meta: DocumentMetadata, recurrences: Sequence[str | None], doc_type: str) -> DocumentMetadata:
    """A plan without a financial paragraph that budgets amounts as structural or incidental (a
    table of proposals) has financial consequences: the metadata with that said (a copy). Other
    kinds only cite such amounts ([financial] budget_kinds)."""
    if meta.financial_consequences is None and "financial_consequences" not in meta.methods \
            and doc_type in load_rules().budget_kinds and any(recurrences):
        return replace(meta, financial_consequences=True,
                       methods={**meta.methods, "financial_consequences": "amounts:recurrence"})
    return meta


def _unit_name(rows: Sequence[Row], cell: Cell, is_label, rules: MetadataRules) -> str | None:
    """A unit named with its kind and no colon ("Directie Water en Bodem"), with the lines a narrow
    sidebar wraps it onto: right below, aligned, the same size, no digits (an address follows), set
    in the same weight or carrying on in lower case; of units named inside one another, the last."""
    text = cell.label.strip()
    if ":" in text:
        return None  # "Team: Wonen" is a field, read as one
    parts, last = [text], cell
    start = _row_of(rows, cell)
    if start is None:
        return None
    for row in rows[start + 1:start + 5]:
        below = [c for c in row.cells if abs(c.bbox.x0 - cell.bbox.x0) <= 6]
        if not below:
            continue
        nxt = below[0]
        # the same type: box heights alike (an OCR'd line's box grows with its ascenders and descenders)
        tight = row.top - last.bbox.bottom <= VALUE_LINE_GAP * last.bbox.height \
            and abs(nxt.bbox.height - last.bbox.height) <= max(1.5, rules.wrap_height * max(nxt.bbox.height,
                                                                                              last.bbox.height))
        names_unit = rules.unit_name.match(nxt.text) is not None
        # the kind alone must be followed by its name; after it, a line in the same weight or in
        # lower case carries the name on, and a line naming a unit names the next one down
        carries_on = (last is cell and rules.unit_kind.fullmatch(text) is not None) or names_unit \
            or nxt.text[:1].islower() or (last.bold and nxt.bold)
        # a kind alone is never the whole name: the line under it names the unit, also where that
        # word is a field's label elsewhere ("Programmadirectie" / "Openbaarheid"), when nothing is
        # printed beside it (a form's label column prints values there) and it labels nothing else
        names_kind = last is cell and rules.unit_kind.fullmatch(text) is not None and len(row.cells) == 1 \
            and not _other_label(nxt, rules)
        if not tight or not carries_on or (is_label(nxt) and not names_unit and not names_kind) \
                or nxt.checkbox is not None or ":" in nxt.text or any(ch.isdigit() for ch in nxt.text):
            break
        parts.append(nxt.text.strip())
        last = nxt
    # a signature line sets the unit among address parts split by bars ("Directie X | Postbus 1")
    name = " ".join(" ".join(parts).split()).split(" | ")[0].rstrip(",;| ").strip()
    units = list(rules.unit_inside.finditer(name))
    if not units:
        return None
    return name[units[-1].start():]


COLOFON_X = 0.55
"""A colofon (a letter's sidebar of sender and labels) starts right of this share of the page width."""


def _colofon_unit(rows: Sequence[Row], is_label, page_width: float) -> str | None:
    """The sending unit a letter's colofon names in bold at its top, without a kind word
    ("Wegen en Verkeer" over "Datum" and "Ons kenmerk", as the national house style and many
    municipal letters set it): the bold lines that open a right-hand column of at least two field
    labels, set apart from what follows, two words or more, no digits, colons or addresses; a bold
    line with its value right under it is a label ("Contactpersoon" / a name), not a unit."""
    cells = sorted((c for row in rows for c in row.cells if c.bbox.x0 >= COLOFON_X * page_width),
                   key=lambda c: c.bbox.top)
    labels = [c for c in cells if is_label(c)]
    if len(labels) < 2:
        return None
    column = [c for c in cells if abs(c.bbox.x0 - labels[0].bbox.x0) <= 6 and c.bbox.top < labels[0].bbox.top]
    if not column:
        return None
    lines = [column[0]]
    for cell in column[1:]:
        if cell.bbox.top - lines[-1].bbox.bottom > VALUE_LINE_GAP * lines[-1].bbox.height:
            break
        lines.append(cell)
    if len(lines) > 3 or not all(c.bold for c in lines):
        return None
    name = " ".join(" ".join(c.text for c in lines).split())
    if len(name.split()) < 2 or any(ch.isdigit() or ch in ":@" for ch in name):
        return None
    return name


def _split_list(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"\s*[,;]\s*(?=\S)", text) if part.strip(" -–")]


def _attachment_items(found: FieldValue, rules: MetadataRules) -> list[str]:
    """The attachments a field lists: one per list item when its lines open with list markers
    ("1. Verordening" / "2. Toelichting", "- Kaart"), a wrapped item's lines joined; else the
    value split at commas and semicolons. A value that only counts them ("3", "geen") names none."""
    if rules.attachment_count.match(found.text.strip()):
        return []
    if not found.cells or list_marker(found.cells[0].text) is None:
        return _split_list(found.text)
    items: list[str] = []
    for cell in found.cells:
        for part in _marked_items(cell.text):
            m = list_marker(part)
            if m is not None or not items:
                items.append(part[m.end():] if m else part)
            else:
                items[-1] = f"{items[-1]} {part}"
    return [" ".join(item.split()) for item in items if item.strip(" -–")]


def _marked_items(text: str) -> list[str]:
    """A line cut before each list marker that follows a space ("1. A 2. B", "- A - B")."""
    starts = [0] + [m.start() + 1 for m in re.finditer(r"\s(?=\S)", text) if list_marker(text[m.start() + 1:])
                    and _same_kind(list_marker(text), list_marker(text[m.start() + 1:]))]
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)]) if text[a:b].strip()]


def _same_kind(first: re.Match[str] | None, other: re.Match[str] | None) -> bool:
    """Whether two list markers are of one kind (both numbers, both bullets, …)."""
    if first is None or other is None:
        return False
    return next(k for k, v in first.groupdict().items() if v) == next(k for k, v in other.groupdict().items() if v)


def _attachments_section(sections: Sequence[Section], is_label, rules: MetadataRules) -> list[str]:
    patterns = rules.labels["attachments"]
    for s in sections:
        if s.heading and any(p.fullmatch(s.heading.rstrip(": ")) for p in patterns):
            items = []
            for para in s.text.split("\n"):
                para = para.strip(" -–•")
                if para and not any(p.match(para) for ps in rules.labels.values() for p in ps):
                    items.append(para)
            return items
    return []
