"""The datasets of the output contract (`CONTRACT.md`), one record definition each.

Columns may be added; renaming or dropping one needs a `SCHEMA_VERSION` bump and a changelog note.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyarrow as pa

from raadsstukken.schemas.base import BBOX_TYPE, Dataset, column
from raadsstukken.schemas.ids import keyed_ids

if TYPE_CHECKING:  # the mappers read the document model; schemas import nothing of it at run time
    from raadsstukken.extractors.model import FileResult

SCHEMA_VERSION = "2.0"
SCHEMA_CHANGES = (
    ("2.0", "sections.order renamed sections.position (a reserved word in SQL); runs gains status `partial`, "
            "errors (stage, page, kind, message) and warnings; runs.started_at is a timestamp; runs.error_type is one "
            "of a closed set of kinds; decisions gain agenda_item, outcome, votes_for, votes_against; documents gain "
            "municipality_code; doc_type gains besluit, motie, amendement, brief, verslag, begroting; themes.kind is one "
            "of prioriteit, basis, programma, other, the plan's own word in kind_label; goals gain indicator, baseline, "
            "target, target_year; actions gain status, owner, planning; sections gain iv3_taakveld, iv3_score, "
            "iv3_method and documents iv3_taakveld; pages gain text_coverage, text_quality and ocr_confidence; "
            "table_cells gain row_span and col_span; statistics gain multiplier (dimension, unit and theme_id are "
            "filled)."),
    ("1.0", "first version."),
)
"""What changed in each schema version (newest first); the data dictionary lists it."""

STR = pa.string()
INT = pa.int32()
F64 = pa.float64()
BOOL = pa.bool_()
DATE = pa.date32()
STR_LIST = pa.list_(pa.string())

RUN_STATUSES = ("ok", "partial", "skipped", "failed", "needs_ocr")
ERROR_KINDS = ("invalid_pdf", "encrypted_pdf", "empty_pdf", "timeout", "memory", "write_error", "invalid_input",
               "no_text_layer", "internal", "skipped")
DOC_TYPES = (
    "nota_bw", "raadsvoorstel", "raadsbesluit", "raadsmededeling", "besluit", "besluitenlijst", "motie",
    "amendement", "brief", "verslag", "beleidsplan", "voortgangsrapportage", "uitvoeringsagenda", "begroting",
    "bijlage", "onbekend",
)
OUTCOMES = ("aangenomen", "verworpen", "conform", "aangehouden", "ingetrokken", "vastgesteld", "gewijzigd",
            "unaniem", "kennisgenomen")
THEME_KINDS = ("prioriteit", "basis", "programma", "other")
LINK_TARGETS = ("goal", "theme")
ENTITY_LABELS = ("PER", "ORG", "LOC", "LAW", "MONEY", "DATE")

SIGNATORY_TYPE = pa.list_(pa.struct([("role", STR), ("name", STR)]))
ERRORS_TYPE = pa.list_(pa.struct([("stage", STR), ("page", INT), ("kind", STR), ("message", STR)]))
TIMESTAMP = pa.timestamp("us", tz="UTC")


@dataclass(frozen=True)
class RunRecord:
    run_id: str = column(STR, "Id of the run (UTC start time and config hash)", nullable=False)
    file_id: str = column(STR, "sha256 hex of the input PDF's bytes", nullable=False)
    source_file: str = column(STR, "Path of the input PDF as given to the run", nullable=False)
    status: str = column(STR, "Outcome for this file", nullable=False, enum=RUN_STATUSES)
    error_type: str | None = column(STR, "Kind of the error when status is failed or needs_ocr", enum=ERROR_KINDS)
    error: str | None = column(STR, "Human-readable error message, with stage and page where known")
    errors: list | None = column(ERRORS_TYPE, "Errors of single stages (stage, page, kind, message); a file with any is partial")
    warnings: list | None = column(STR_LIST, "Notes on the file that are not errors, e.g. a repaired cross-reference table")
    n_pages: int | None = column(INT, "Number of pages in the PDF")
    duration_s: float | None = column(F64, "Seconds spent on this file")
    pipeline_version: str = column(STR, "Version of raadsstukken that produced the rows", nullable=False)
    started_at: object = column(TIMESTAMP, "UTC time the file was started", nullable=False)
    other_names: list | None = column(STR_LIST, "Other input names with the same content (extracted once)")


@dataclass(frozen=True)
class DocumentRecord:
    doc_id: str = column(STR, "file_id[:16] + '-' + part_index", nullable=False)
    file_id: str = column(STR, "sha256 hex of the input PDF's bytes", nullable=False)
    source_file: str = column(STR, "Path of the input PDF", nullable=False)
    part_index: int = column(INT, "0-based index of the document within a compound PDF", nullable=False)
    page_start: int = column(INT, "First page (1-based) of the document", nullable=False)
    page_end: int = column(INT, "Last page (1-based) of the document", nullable=False)
    doc_type: str = column(STR, "Kind of council paper", nullable=False, enum=DOC_TYPES)
    title: str | None = column(STR, "Subject (Onderwerp) or title of the document")
    municipality: str | None = column(STR, "Municipality or province that published the paper (official name)")
    municipality_code: str | None = column(STR, "CBS code of that municipality (GM0150) or province (PV21)")
    reference: str | None = column(STR, "Nota or voorstel number")
    document_date: object | None = column(DATE, "The document's own date")
    decision_date: object | None = column(DATE, "Date of the B&W decision the document records")
    programme: str | None = column(STR, "Budget programme")
    portfolio_holder: str | None = column(STR, "Portefeuillehouder")
    team: str | None = column(STR, "Team or department that wrote it")
    bodies: list | None = column(STR_LIST, "Bestuursorganen the paper goes to: B&W, Raad, Burgemeester")
    confidentiality: str | None = column(STR, "openbaar, besloten or geheim")
    financial_consequences: bool | None = column(BOOL, "Whether the paper says it has financial consequences")
    attachments: list | None = column(STR_LIST, "Names of the attachments (bijlagen)")
    signatories: list | None = column(SIGNATORY_TYPE, "Signature blocks: role and name")
    iv3_taakveld: str | None = column(STR, "Dominant Iv3 taakveld of the document (code of the shipped list, e.g. 1.2)")
    source_municipality: str | None = column(STR, "Municipality according to the input list (harvester)")
    source_url: str | None = column(STR, "Where the PDF was downloaded, according to the input list")
    source_published: object | None = column(DATE, "Publication date according to the input list")
    source_meeting_date: object | None = column(DATE, "Meeting date according to the input list")
    source_meeting_id: str | None = column(STR, "Meeting id according to the input list")
    source_kind: str | None = column(STR, "Document kind according to the input list, as given")
    method: str = column(STR, "Rule or detector that produced the row", nullable=False)


@dataclass(frozen=True)
class PageRecord:
    file_id: str = column(STR, "sha256 hex of the input PDF's bytes", nullable=False)
    page: int = column(INT, "1-based page number in the PDF", nullable=False)
    doc_id: str | None = column(STR, "Document the page belongs to")
    width: float = column(F64, "Page width in points, as displayed", nullable=False)
    height: float = column(F64, "Page height in points, as displayed", nullable=False)
    rotation: int = column(INT, "Rotation applied to read the page (0, 90, 180, 270)", nullable=False)
    n_chars: int = column(INT, "Characters in the text layer (on an OCR'd page, the characters OCR read)", nullable=False)
    text_layer: bool = column(BOOL, "Whether the page has a usable text layer", nullable=False)
    ocr: bool = column(BOOL, "Whether the text comes from OCR", nullable=False)
    ocr_confidence: float | None = column(F64, "Mean confidence (0-1) of the words OCR read on the page; null when not OCR'd")
    text_quality: float | None = column(F64, "Share (0-1) of the text layer's glyphs that are real text (mapped, in a "
                                             "script, not mojibake); below 0.6 the page is OCR'd; null without a text layer")
    text_coverage: float | None = column(F64, "Share (0-1) of the page's text-layer (or OCR) letters and digits that "
                                              "reached a row (section, table cell, furniture, title); null without text")
    page_label: str | None = column(STR, "Printed page label, e.g. 'Pag. 16' or 'blad 2'")
    header: str | None = column(STR, "Running header text, kept out of the body")
    footer: str | None = column(STR, "Running footer text, kept out of the body")
    method: str = column(STR, "Rules that classified the page furniture", nullable=False)


@dataclass(frozen=True)
class SectionRecord:
    section_id: str = column(STR, "Deterministic id from document and position", nullable=False)
    doc_id: str = column(STR, "Document of the section", nullable=False)
    file_id: str = column(STR, "sha256 hex of the input PDF's bytes", nullable=False)
    parent_id: str | None = column(STR, "Enclosing section, null at top level")
    level: int = column(INT, "Heading level, 1 = highest; 0 for text before the first heading", nullable=False)
    position: int = column(INT, "Position of the section in reading order within the document (`order` in schema 1)",
                           nullable=False)
    heading: str | None = column(STR, "Heading as printed (without bullet glyphs); null for leading text")
    heading_path: list | None = column(STR_LIST, "Headings from the top level down to this one")
    text: str | None = column(STR, "Body text in reading order, dehyphenated, paragraphs separated by blank lines")
    page_start: int = column(INT, "First page of the section", nullable=False)
    page_end: int = column(INT, "Last page of the section", nullable=False)
    bbox: list | None = column(BBOX_TYPE, "Box of the heading (or first block) on page_start")
    theme_id: str | None = column(STR, "Theme the section is classified into (null: none)")
    theme_score: float | None = column(F64, "1 for a heading match; for a lexicon match the theme's share of all topic-term hits")
    theme_method: str | None = column(STR, "How the theme was decided: heading_path, lexicon or none")
    iv3_taakveld: str | None = column(STR, "Iv3 taakveld of the section (code of the shipped list, e.g. 1.2; null: none)")
    iv3_score: float | None = column(
        F64, "Share of the taakveld in the section's own term evidence (0-1); null when the document decided")
    iv3_method: str | None = column(STR, "What decided: lexicon:<terms>, procedure:<cues>, document or none")
    method: str = column(STR, "Detector that produced the heading", nullable=False)


@dataclass(frozen=True)
class DecisionRecord:
    decision_id: str = column(STR, "Deterministic id", nullable=False)
    doc_id: str = column(STR, "Document", nullable=False)
    file_id: str | None = column(STR, "sha256 hex of the input PDF's bytes")
    number: int | None = column(INT, "Number of the decision point")
    agenda_item: str | None = column(STR, "Agenda item of a besluitenlijst the decision belongs to, as numbered there")
    text: str = column(STR, "Decision text without its number", nullable=False)
    body: str | None = column(STR, "Body that decides: B&W, Raad, Burgemeester")
    outcome: str | None = column(STR, "Outcome as printed (null when not printed)", enum=OUTCOMES)
    votes_for: int | None = column(INT, "Votes for, when printed")
    votes_against: int | None = column(INT, "Votes against, when printed")
    page: int | None = column(INT, "1-based page")
    bbox: list | None = column(BBOX_TYPE, "Box on the page")
    method: str | None = column(STR, "Rule that found it")


@dataclass(frozen=True)
class ThemeRecord:
    theme_id: str = column(STR, "Deterministic id", nullable=False)
    doc_id: str = column(STR, "Document", nullable=False)
    file_id: str | None = column(STR, "sha256 hex of the input PDF's bytes")
    label: str = column(STR, "Theme label as printed", nullable=False)
    kind: str = column(STR, "Kind of theme", nullable=False, enum=THEME_KINDS)
    kind_label: str | None = column(STR, "The plan's own word for the kind (ontwikkelthema, speerpunt, fundament, ...)")
    ambition: str | None = column(STR, "Ambition word, e.g. Intensiveren")
    page: int | None = column(INT, "1-based page")
    bbox: list | None = column(BBOX_TYPE, "Box on the page")
    method: str | None = column(STR, "Rule that found it")


@dataclass(frozen=True)
class GoalRecord:
    goal_id: str = column(STR, "Deterministic id", nullable=False)
    theme_id: str | None = column(STR, "Theme of the goal")
    doc_id: str = column(STR, "Document", nullable=False)
    file_id: str | None = column(STR, "sha256 hex of the input PDF's bytes")
    number: int | None = column(INT, "Number of the goal in its theme")
    text: str = column(STR, "Goal as worded in the theme chapter's list", nullable=False)
    variants: list | None = column(STR_LIST, "Other wordings of the same goal elsewhere")
    indicator: str | None = column(STR, "What the goal is measured by, as printed")
    baseline: str | None = column(STR, "Starting value of the indicator (nulmeting), as printed")
    target: str | None = column(STR, "Target value of the indicator (streefwaarde), as printed")
    target_year: int | None = column(INT, "Year the target is to be reached")
    page: int | None = column(INT, "1-based page")
    section_id: str | None = column(STR, "Section the goal is listed in")
    bbox: list | None = column(BBOX_TYPE, "Box on the page")
    method: str | None = column(STR, "Rule that found it")


@dataclass(frozen=True)
class ActionRecord:
    action_id: str = column(STR, "Deterministic id", nullable=False)
    goal_id: str | None = column(STR, "Goal the action serves")
    theme_id: str | None = column(STR, "Theme of the action")
    doc_id: str = column(STR, "Document", nullable=False)
    file_id: str | None = column(STR, "sha256 hex of the input PDF's bytes")
    text: str = column(STR, "Action text (lead line of a bullet)", nullable=False)
    status: str | None = column(STR, "Status as printed in a report or action table (gerealiseerd, loopt, 25%, groen, ...)")
    owner: str | None = column(STR, "Who carries the action out (trekker, portefeuillehouder), as printed")
    planning: str | None = column(STR, "When, as printed (a year, a quarter, a period)")
    page: int | None = column(INT, "1-based page")
    section_id: str | None = column(STR, "Section the action is listed in")
    bbox: list | None = column(BBOX_TYPE, "Box on the page")
    method: str | None = column(STR, "Rule that found it")


@dataclass(frozen=True)
class LinkRecord:
    link_id: str = column(STR, "Deterministic id", nullable=False)
    source_doc_id: str = column(STR, "Document that refers", nullable=False)
    source_section_id: str | None = column(STR, "Section that refers")
    target_kind: str = column(STR, "What is referred to", nullable=False, enum=LINK_TARGETS)
    target_id: str = column(STR, "Goal or theme id", nullable=False)
    score: float | None = column(F64, "Strength of the link")
    method: str | None = column(STR, "Rule or model that made the link")


@dataclass(frozen=True)
class TableRecord:
    table_id: str = column(STR, "Deterministic id", nullable=False)
    doc_id: str = column(STR, "Document", nullable=False)
    file_id: str = column(STR, "sha256 hex of the input PDF's bytes", nullable=False)
    page: int = column(INT, "1-based page (the first, for a table continued over pages)", nullable=False)
    page_end: int | None = column(INT, "Last page of a table continued over a page break")
    bbox: list | None = column(BBOX_TYPE, "Box on the first page")
    n_rows: int = column(INT, "Rows including header rows", nullable=False)
    n_cols: int = column(INT, "Columns", nullable=False)
    header_rows: int | None = column(INT, "Number of header rows")
    title: str | None = column(STR, "Caption or title of the table")
    confidence: float | None = column(F64, "Share of body rows with a figure in every figure column (0-1)")
    method: str = column(STR, "Detector that found the table", nullable=False)


@dataclass(frozen=True)
class TableCellRecord:
    table_id: str = column(STR, "Table", nullable=False)
    row: int = column(INT, "0-based row", nullable=False)
    col: int = column(INT, "0-based column", nullable=False)
    text: str | None = column(STR, "Cell text as printed, multi-line joined with a space; '' for an empty cell",
                       nullable=False, allow_empty=True)
    is_header: bool = column(BOOL, "Whether the cell is a header cell", nullable=False)
    value: float | None = column(F64, "Numeric value, null if not numeric")
    page: int | None = column(INT, "1-based page")
    bbox: list | None = column(BBOX_TYPE, "Box of the cell")
    row_span: int | None = column(INT, "Rows a merged cell covers (1 for a plain cell)")
    col_span: int | None = column(INT, "Columns a merged cell covers (1 for a plain cell)")


@dataclass(frozen=True)
class StatisticRecord:
    stat_id: str = column(STR, "Deterministic id", nullable=False)
    table_id: str | None = column(STR, "Table the value comes from")
    doc_id: str = column(STR, "Document", nullable=False)
    theme_id: str | None = column(STR, "Theme of the table's section")
    indicator: str = column(STR, "What is counted", nullable=False)
    dimension: str | None = column(STR, "Further breakdown, if any")
    period: int | None = column(INT, "Year")
    value: float = column(F64, "Value", nullable=False)
    unit: str | None = column(STR, "Unit: percent, EUR, FTE, hectare or count")
    multiplier: float | None = column(F64, "Factor the table prints for its figures ('x € 1.000': 1000); value is as printed")
    page: int | None = column(INT, "1-based page")
    method: str | None = column(STR, "Rule that produced it")


@dataclass(frozen=True)
class AmountRecord:
    amount_id: str = column(STR, "Deterministic id", nullable=False)
    doc_id: str = column(STR, "Document", nullable=False)
    section_id: str | None = column(STR, "Section of the amount")
    page: int | None = column(INT, "1-based page")
    text: str = column(STR, "Amount as printed", nullable=False)
    amount_eur: float | None = column(F64, "Amount in euro")
    recurrence: str | None = column(STR, "incidenteel, structureel or null")
    context: str | None = column(STR, "A few words around the amount")
    bbox: list | None = column(BBOX_TYPE, "Box on the page")
    method: str | None = column(STR, "Rule that found it")


@dataclass(frozen=True)
class EntityRecord:
    entity_id: str = column(STR, "Deterministic id", nullable=False)
    doc_id: str = column(STR, "Document", nullable=False)
    section_id: str | None = column(STR, "Section the entity occurs in")
    page: int | None = column(INT, "1-based page")
    start_char: int | None = column(INT, "Start offset in the section text")
    end_char: int | None = column(INT, "End offset in the section text")
    text: str = column(STR, "Entity as it occurs", nullable=False)
    label: str = column(STR, "Entity label", nullable=False, enum=ENTITY_LABELS)
    normalized: str | None = column(STR, "Normalized form, e.g. BWB id of a law")
    method: str | None = column(STR, "Rule or model that found it")



# --- mappers: the document model into rows, one function per dataset --------------------------

def document_rows(result: FileResult) -> list[DocumentRecord]:
    """One row per document; what the harvester knew (`result.info`) fills what the PDF does not say."""
    info = result.info
    single = len(result.documents) == 1
    rows = []
    for d in result.documents:
        p, m = d.part, d.metadata
        methods = ",".join(f"{k}={v}" for k, v in sorted(m.methods.items()))
        rows.append(DocumentRecord(
            doc_id=d.doc_id, file_id=result.file_id, source_file=result.source_file, part_index=p.part_index,
            page_start=p.page_start, page_end=p.page_end,
            doc_type=info.kind if single and p.doc_type == "onbekend" and info.kind in DOC_TYPES else p.doc_type,
            title=m.title or p.title, municipality=result.municipality,
            municipality_code=result.municipality_code, reference=m.reference,
            document_date=m.document_date, decision_date=m.decision_date, programme=m.programme,
            portfolio_holder=m.portfolio_holder, team=m.team, bodies=m.bodies,
            confidentiality=m.confidentiality, financial_consequences=m.financial_consequences,
            attachments=m.attachments,
            signatories=[{"role": sg.role, "name": sg.name} for sg in d.signatories],
            iv3_taakveld=d.iv3.taakveld if d.iv3 else None,
            source_municipality=info.municipality, source_url=info.url, source_published=info.published,
            source_meeting_date=info.meeting_date, source_meeting_id=info.meeting_id, source_kind=info.kind,
            method=f"{p.method};{methods}" if methods else p.method,
        ))
    return rows


def page_rows(result: FileResult) -> list[PageRecord]:
    from raadsstukken.extractors.coverage import page_coverage

    coverage = page_coverage(result)
    rows = []
    for pg in result.pages:
        doc = result.document_of_page(pg.number)
        rows.append(PageRecord(
            file_id=result.file_id, page=pg.number, doc_id=doc.doc_id if doc else None,
            width=round(pg.width, 2), height=round(pg.height, 2), rotation=pg.rotation,
            n_chars=pg.n_chars, text_layer=pg.text_layer, ocr=pg.ocr, ocr_confidence=pg.ocr_confidence,
            text_quality=pg.text_quality, text_coverage=coverage.get(pg.number), page_label=pg.page_label,
            header=pg.header, footer=pg.footer, method=f"furniture:{pg.furniture_method}",
        ))
    return rows


def section_rows(result: FileResult) -> list[SectionRecord]:
    """Sections with their theme decision (see `extractors.semantics.section_themes`)."""
    rows = []
    for d in result.documents:
        ids = d.section_ids
        theme_id_of = dict(zip((t.label for t in d.themes), d.theme_ids))
        decisions = d.section_themes or [None] * len(d.sections)
        taakvelden = d.section_iv3 or [None] * len(d.sections)
        for s, decision, iv3 in zip(d.sections, decisions, taakvelden):
            theme = decision.theme if decision else None
            rows.append(SectionRecord(
                section_id=ids[s.order], doc_id=d.doc_id, file_id=result.file_id,
                parent_id=ids[s.parent] if s.parent is not None else None,
                level=s.level, position=s.order, heading=s.heading or None, heading_path=list(s.heading_path),
                text=s.text or None, page_start=s.page_start, page_end=s.page_end,
                bbox=d.page_bbox(s.page_start, s.bbox),
                theme_id=theme_id_of[theme.label] if theme else None,
                theme_score=decision.score if decision else None,
                theme_method=decision.method if decision else None,
                iv3_taakveld=iv3.taakveld if iv3 else None, iv3_score=iv3.score if iv3 else None,
                iv3_method=iv3.method if iv3 else None, method=s.method,
            ))
    return rows


def decision_rows(result: FileResult) -> list[DecisionRecord]:
    rows = []
    for d in result.documents:
        ids = keyed_ids("dec", d.key, [(p.number,) for p in d.decisions])
        for point, did in zip(d.decisions, ids):
            rows.append(DecisionRecord(
                decision_id=did, doc_id=d.doc_id, file_id=result.file_id,
                number=point.number, agenda_item=point.agenda_item, text=point.text, body=point.body,
                outcome=point.outcome, votes_for=point.votes_for, votes_against=point.votes_against, page=point.page,
                bbox=d.page_bbox(point.page, point.bbox), method=point.method,
            ))
    return rows


def theme_rows(result: FileResult) -> list[ThemeRecord]:
    return [ThemeRecord(theme_id=tid, doc_id=d.doc_id, file_id=result.file_id, label=t.label, kind=t.kind,
                        kind_label=t.kind_label, ambition=t.ambition, page=t.page, method=t.method)
            for d in result.documents for t, tid in zip(d.themes, d.theme_ids)]


def goal_rows(result: FileResult) -> list[GoalRecord]:
    rows = []
    for d in result.documents:
        section_id = dict(zip((s.order for s in d.sections), d.section_ids))
        for t, tid, goal_ids in zip(d.themes, d.theme_ids, d.goal_ids):
            rows += [GoalRecord(goal_id=gid, theme_id=tid, doc_id=d.doc_id, file_id=result.file_id, number=g.number,
                                text=g.text, variants=g.variants, indicator=g.indicator, baseline=g.baseline,
                                target=g.target, target_year=g.target_year, page=g.page,
                                section_id=section_id.get(g.section),
                                method="plans:goal_list") for g, gid in zip(t.goals, goal_ids)]
    return rows


def action_rows(result: FileResult) -> list[ActionRecord]:
    rows = []
    for d in result.documents:
        section_id = dict(zip((s.order for s in d.sections), d.section_ids))
        for t, tid, goal_ids in zip(d.themes, d.theme_ids, d.goal_ids):
            action_ids = keyed_ids("act", tid, [(a.goal, a.text) for a in t.actions])
            rows += [ActionRecord(action_id=aid, goal_id=goal_ids[a.goal] if a.goal is not None else None,
                                  theme_id=tid, doc_id=d.doc_id, file_id=result.file_id, text=a.text, status=a.status,
                                  owner=a.owner, planning=a.planning, page=a.page,
                                  section_id=section_id.get(a.section), method="plans:action_list")
                     for a, aid in zip(t.actions, action_ids)]
    return rows


def table_rows(result: FileResult) -> list[TableRecord]:
    return [TableRecord(table_id=tid, doc_id=d.doc_id, file_id=result.file_id, page=t.page, page_end=t.page_end,
                        bbox=d.page_bbox(t.page, t.bbox), n_rows=t.n_rows, n_cols=t.n_cols,
                        header_rows=t.header_rows, title=t.title, confidence=t.confidence, method=t.method)
            for d in result.documents for t, tid in zip(d.tables, d.table_ids)]


def table_cell_rows(result: FileResult) -> list[TableCellRecord]:
    return [TableCellRecord(table_id=tid, row=c.row, col=c.col, text=c.text, is_header=c.is_header, value=c.value,
                            page=c.page, bbox=d.page_bbox(c.page, c.bbox), row_span=c.row_span, col_span=c.col_span)
            for d in result.documents for t, tid in zip(d.tables, d.table_ids) for c in t.cells]


def statistic_rows(result: FileResult) -> list[StatisticRecord]:
    """Tidy figures, with the theme of the section their table stands in."""
    from raadsstukken.extractors.tables.sections import table_sections

    rows = []
    for d in result.documents:
        theme_id_of = dict(zip((t.label for t in d.themes), d.theme_ids))
        decisions = d.section_themes or [None] * len(d.sections)
        for t, tid, tidy, sec in zip(d.tables, d.table_ids, d.statistics, table_sections(d.tables, d.sections)):
            decision = decisions[sec] if sec is not None and sec < len(decisions) else None
            theme_id = theme_id_of.get(decision.theme.label) if decision is not None and decision.theme else None
            ids = keyed_ids("stat", tid, [(st.indicator, st.period, st.dimension or "") for st in tidy])
            rows += [StatisticRecord(stat_id=sid, table_id=tid, doc_id=d.doc_id, theme_id=theme_id,
                                     indicator=st.indicator, dimension=st.dimension, period=st.period, value=st.value,
                                     unit=st.unit, multiplier=st.multiplier, page=t.page, method="statistics:year_axis")
                     for st, sid in zip(tidy, ids)]
    return rows


def amount_rows(result: FileResult) -> list[AmountRecord]:
    rows = []
    for d in result.documents:
        ids = keyed_ids("amt", d.key, [(x.amount.method, tuple(d.sections[x.section].heading_path)
                                        if x.section is not None else ()) for x in d.amounts])
        for x, aid in zip(d.amounts, ids):
            a = x.amount
            rows.append(AmountRecord(
                amount_id=aid, doc_id=d.doc_id, section_id=d.section_ids[x.section] if x.section is not None else None,
                page=a.page, text=a.text, amount_eur=a.amount_eur, recurrence=a.recurrence, context=a.context or None,
                bbox=d.page_bbox(a.page, a.bbox), method=a.method,
            ))
    return rows


def entity_rows(result: FileResult) -> list[EntityRecord]:
    rows = []
    for d in result.documents:
        ids = keyed_ids("ent", d.key, [(tuple(d.sections[x.section].heading_path), x.entity.label, x.entity.text)
                                       for x in d.entities])
        for x, eid in zip(d.entities, ids):
            s, e = d.sections[x.section], x.entity
            rows.append(EntityRecord(
                entity_id=eid, doc_id=d.doc_id, section_id=d.section_ids[x.section], page=s.page_start,
                start_char=x.span[0] if x.span else None, end_char=x.span[1] if x.span else None,
                text=e.text, label=e.label, normalized=e.normalized,
                method=e.method,
            ))
    return rows

RUNS = Dataset("runs", RunRecord, ("run_id", "file_id"), "One row per run and input file: what happened to it.")
"""Written by the run itself (`pipeline.run`), not from a document result."""
DOCUMENTS = Dataset("documents", DocumentRecord, ("doc_id",), "One row per document inside a (compound) PDF.",
                    document_rows, ("documents", "metadata", "signatories", "municipality", "municipality_code", "iv3"))
PAGES = Dataset("pages", PageRecord, ("file_id", "page"), "One row per page: size, text layer and page furniture.",
                page_rows, ("pages", "documents"))
SECTIONS = Dataset("sections", SectionRecord, ("section_id",), "Heading hierarchy with the body text under each heading.",
                   section_rows, ("sections", "section_ids", "section_themes", "theme_ids", "section_iv3"))
DECISIONS = Dataset("decisions", DecisionRecord, ("decision_id",), "Numbered decision points (Besluit / Voorstel).",
                    decision_rows, ("decisions",))
THEMES = Dataset("themes", ThemeRecord, ("theme_id",), "Policy themes of plans and reports.", theme_rows, ("themes", "theme_ids"))
GOALS = Dataset("goals", GoalRecord, ("goal_id",), "Goals listed per theme.", goal_rows, ("themes", "goal_ids", "section_ids"))
ACTIONS = Dataset("actions", ActionRecord, ("action_id",), "Actions (AANPAK bullets) per goal.", action_rows,
                  ("themes", "goal_ids", "section_ids"))
LINKS = Dataset("links", LinkRecord, ("link_id",), "References from sections to goals and themes.")
"""Rebuilt over the whole output after a run (`pipeline.links`), not per file."""
TABLES = Dataset("tables", TableRecord, ("table_id",), "Data tables found in the PDFs.", table_rows, ("tables", "table_ids"))
TABLE_CELLS = Dataset("table_cells", TableCellRecord, ("table_id", "row", "col"), "Cells of the data tables.",
                      table_cell_rows, ("tables", "table_ids"))
STATISTICS = Dataset("statistics", StatisticRecord, ("stat_id",), "Tidy numeric values of tables with a year axis.",
                     statistic_rows, ("statistics", "table_ids"))
AMOUNTS = Dataset("amounts", AmountRecord, ("amount_id",), "Money amounts in text and tables.", amount_rows,
                  ("amounts", "section_ids"))
ENTITIES = Dataset("entities", EntityRecord, ("entity_id",),
                   "Named entities: persons, organisations, places, laws, money, dates.",
                   entity_rows, ("entities", "section_ids"))

DATASETS: dict[str, Dataset] = {
    d.name: d
    for d in (RUNS, DOCUMENTS, PAGES, SECTIONS, DECISIONS, THEMES, GOALS, ACTIONS, LINKS,
              TABLES, TABLE_CELLS, STATISTICS, AMOUNTS, ENTITIES)
}
