"""The stages: every extraction of a run, in order, each with what it requires and assigns.

One contract (after spaCy's components): a `Stage` has a name, the result fields it requires,
the fields it assigns, and a function. A file-scope stage maps (context, file result) to the file
result; a document-scope stage maps (context, file result, document result) to the document
result, once per document of the PDF. `STAGES` below is the whole run, readable in one place;
`check_stages` verifies at start that each requirement is assigned by an earlier stage.

`run_stages` applies them: a stage that raises on a document is recorded as a `StageError`
(stage, page, kind, message) and the file ends `partial`; the stages that need what it would
have assigned are skipped for that document, every other stage still runs.
"""
from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Literal, Sequence

from raadsstukken.extractors.model import DocumentResult, FileResult, LocatedAmount, LocatedEntity
from raadsstukken.pipeline.errors import FileTimeout, RaadsstukkenError, StageError
from raadsstukken.schemas.ids import doc_id as make_doc_id
from raadsstukken.schemas.ids import keyed_ids

if TYPE_CHECKING:
    from raadsstukken.extractors.layout.parse import ParsedPdf

_log = logging.getLogger(__name__)

FileFunction = Callable[[FileResult], FileResult]
DocumentFunction = Callable[[FileResult, DocumentResult], DocumentResult]


@dataclass(frozen=True)
class Stage:
    """One extraction step of the run."""

    name: str
    requires: tuple[str, ...]
    """Result fields that earlier stages must have assigned."""
    assigns: tuple[str, ...]
    """Result fields this stage fills."""
    function: FileFunction | DocumentFunction
    scope: Literal["file", "document"] = "document"
    description: str = ""


PARSED = ("pages",)
"""What a file result holds before the first stage: the parsed pages."""


class StageOrderError(ValueError):
    """A stage requires something no earlier stage assigns (a bug in the stage list)."""


def check_stages(stages: Sequence[Stage], available: Sequence[str] = PARSED) -> None:
    """Raise `StageOrderError` unless every stage's requirements are assigned before it runs."""
    have = set(available)
    names: set[str] = set()
    for stage in stages:
        if stage.name in names:
            raise StageOrderError(f"two stages are named {stage.name!r}")
        names.add(stage.name)
        missing = [r for r in stage.requires if r not in have]
        if missing:
            raise StageOrderError(f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns")
        have.update(stage.assigns)


def assigning_stages(stages: Sequence[Stage]) -> dict[str, list[str]]:
    """For each result field, the stages that assign it (the parser's `pages` included)."""
    out: dict[str, list[str]] = {field: ["parse"] for field in PARSED}
    for stage in stages:
        for field in stage.assigns:
            out.setdefault(field, []).append(stage.name)
    return out


def run_stages(result: FileResult, stages: Sequence[Stage]) -> tuple[FileResult, list[StageError]]:
    """Apply the stages in order; errors of single stages are collected, not raised.

    Bad input that makes the whole file unreadable is raised by the parser before this runs;
    a timeout or memory error is not caught here (the file fails whole).
    """
    errors: list[StageError] = []
    failed: dict[str, set[str]] = {}  # doc_id ("" for the file) -> fields that were not assigned
    for stage in stages:
        if stage.scope == "file":
            blocked = _blocked(stage, failed.get("", set()) | {f for fs in failed.values() for f in fs})
            if blocked:
                errors.append(_skipped(stage, None, blocked))
                failed.setdefault("", set()).update(stage.assigns)
                continue
            try:
                result = stage.function(result)  # type: ignore[call-arg]
            except (FileTimeout, MemoryError):  # the file's budget: it fails whole
                raise
            except Exception as exc:  # noqa: BLE001 - one stage's bug must not lose the others' rows
                errors.append(_error(stage, None, exc, result.source_file))
                failed.setdefault("", set()).update(stage.assigns)
            continue
        documents = []
        for doc in result.documents:
            blocked = _blocked(stage, failed.get(doc.doc_id, set()) | failed.get("", set()))
            if blocked:
                errors.append(_skipped(stage, doc.part.page_start, blocked))
                failed.setdefault(doc.doc_id, set()).update(stage.assigns)
                documents.append(doc)
                continue
            try:
                documents.append(stage.function(result, doc))  # type: ignore[call-arg]
            except (FileTimeout, MemoryError):  # the file's budget: it fails whole
                raise
            except Exception as exc:  # noqa: BLE001
                errors.append(_error(stage, doc.part.page_start, exc, result.source_file))
                failed.setdefault(doc.doc_id, set()).update(stage.assigns)
                documents.append(doc)
        result = replace(result, documents=documents)
    return result, errors


def extract(parsed: ParsedPdf, file_id: str = "0" * 64, source_file: str = "",
            stages: Sequence[Stage] = ()) -> FileResult:
    """Every stage over a parsed PDF, raising the first stage error (for tests and notebooks)."""
    result, errors = run_stages(FileResult(file_id, source_file, parsed), stages or STAGES)
    if errors:
        raise RuntimeError(f"stage {errors[0].stage} failed on page {errors[0].page}: {errors[0].message}")
    return result


def _blocked(stage: Stage, unassigned: set[str]) -> list[str]:
    return [r for r in stage.requires if r in unassigned]


def _skipped(stage: Stage, page: int | None, blocked: list[str]) -> StageError:
    return StageError(stage.name, page, "skipped", f"not run: needs {', '.join(blocked)} from a stage that failed")


def _error(stage: Stage, page: int | None, exc: Exception, source: str) -> StageError:
    kind = exc.error_type if isinstance(exc, RaadsstukkenError) else "internal"
    _log.error("%s: stage %s failed (page %s)\n%s", source, stage.name, page, traceback.format_exc())
    return StageError(stage.name, page, kind, f"{type(exc).__name__}: {exc}")


# --- the stages -------------------------------------------------------------------------------

def split_documents(result: FileResult) -> FileResult:
    """The documents of the PDF (one spanning the file when it has no pages to tell from)."""
    from raadsstukken.extractors.structure.split import DocumentPart, document_roles, find_document_parts

    parsed = result.parsed
    parts = find_document_parts(parsed.pages) or [DocumentPart(0, 1, max(parsed.n_pages, 1))]
    by_number = {pg.number: pg for pg in parsed.pages}
    documents = []
    for part in parts:
        pages = [by_number[n] for n in range(part.page_start, part.page_end + 1) if n in by_number]
        documents.append(DocumentResult(
            part=part, doc_id=make_doc_id(result.file_id, part.part_index),
            key=f"{result.source_file or result.file_id}#{part.part_index}", pages=pages,
            roles=document_roles(part, pages)))
    return replace(result, documents=documents)


def read_sections(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.structure.decisions import is_item_decision_label
    from raadsstukken.extractors.structure.sections import build_sections
    from raadsstukken.extractors.structure.split import ITEM_LABEL_KINDS

    labels = is_item_decision_label if doc.part.doc_type in ITEM_LABEL_KINDS else None
    sections = build_sections(doc.pages, result.parsed.vocabulary, roles=doc.roles, title=doc.part.title,
                              kind=doc.part.doc_type, item_label=labels)
    return replace(doc, sections=sections,
                   section_ids=keyed_ids("sec", doc.key, [tuple(s.heading_path) for s in sections]))


def read_metadata(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.structure.formulas import decision_date_from_formulas, document_date_from_date_line
    from raadsstukken.extractors.structure.metadata import email_header, extract_metadata, meeting_date_from_title

    meta = email_header(extract_metadata(doc.pages, doc.sections, kind=doc.part.doc_type, title=doc.part.title,
                                         title_blocks=doc.part.title_blocks), doc.pages)
    title = meta.title or doc.part.title
    meta = meeting_date_from_title(meta, title, doc.part.doc_type)
    meta = decision_date_from_formulas(meta, doc.pages, doc.part.doc_type)
    return replace(doc, metadata=document_date_from_date_line(meta, doc.pages, doc.part.doc_type))


def read_signatories(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.structure.signatories import find_signatories

    return replace(doc, signatories=find_signatories(doc.pages))


def read_decisions(result: FileResult, doc: DocumentResult) -> DocumentResult:
    """Decision points read off the text, and the rows of tables with a decision column."""
    from raadsstukken.extractors.structure.decision_tables import merge_table_decisions
    from raadsstukken.extractors.structure.decisions import find_decision_points, load_rules

    found = find_decision_points(doc.sections, doc.part.doc_type, result.parsed.vocabulary, doc.roles,
                                 title=doc.part.title)
    body = load_rules().body_by_type.get(doc.part.doc_type)
    return replace(doc, decisions=merge_table_decisions(found, doc.tables, doc.part.doc_type, body))


def read_tables(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.tables.continuation import join_continued_tables
    from raadsstukken.extractors.tables.detect import find_tables

    found = [t for page in doc.pages for t in find_tables(page)]
    tables = join_continued_tables(found, {pg.number: pg for pg in doc.pages})
    return replace(doc, tables=tables, table_ids=keyed_ids("tab", doc.key, [(t.title or "", t.n_cols) for t in tables]))


def read_statistics(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.tables.statistics import tidy_statistics

    return replace(doc, statistics=[tidy_statistics(t) for t in doc.tables])


def read_amounts(result: FileResult, doc: DocumentResult) -> DocumentResult:
    """Amounts in running text (with their section) and in the money columns of the tables."""
    from raadsstukken.extractors.layout.paragraphs import block_text
    from raadsstukken.extractors.semantics.amounts import find_amounts_in_tables, find_amounts_in_text

    found = [LocatedAmount(a, s.order) for s in doc.sections for block in s.body
             for a in find_amounts_in_text(block_text(block, result.parsed.vocabulary), block.page, block.bbox)]
    section_of_page: dict[int, int] = {}
    for s in doc.sections:
        for n in range(s.page_start, s.page_end + 1):
            section_of_page.setdefault(n, s.order)
    found += [LocatedAmount(a, section_of_page.get(a.page)) for a in find_amounts_in_tables(doc.tables)]
    return replace(doc, amounts=found)


def read_financial_consequences(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.structure.metadata import budgeted_consequences

    return replace(doc, metadata=budgeted_consequences(doc.metadata, [a.amount.recurrence for a in doc.amounts],
                                                                doc.part.doc_type))


def read_plan(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.semantics.plans import find_plan

    themes = find_plan(doc.sections, result.parsed.vocabulary, doc.tables)
    theme_ids = keyed_ids("thm", doc.key, [(t.label,) for t in themes])
    goal_ids = [keyed_ids("goal", tid, [(g.number, g.text if g.number is None else "") for g in t.goals])
                for t, tid in zip(themes, theme_ids)]
    return replace(doc, themes=themes, theme_ids=theme_ids, goal_ids=goal_ids)


def classify_section_themes(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.semantics.section_themes import classify_sections

    return replace(doc, section_themes=classify_sections(doc.sections, doc.themes))


def classify_iv3(result: FileResult, doc: DocumentResult) -> DocumentResult:
    from raadsstukken.extractors.semantics.iv3 import classify

    decisions, document = classify([(s.heading, s.text) for s in doc.sections])
    return replace(doc, section_iv3=decisions, iv3=document)


def read_municipality(result: FileResult) -> FileResult:
    """The publishing municipality or province from the texts (its CBS code from the shipped list),
    else what the input list says."""
    from raadsstukken.extractors.structure.municipality import find_body, lookup

    texts = [pg.header or "" for pg in result.pages[:2]]
    texts += [f"{s.heading or ''}\n{s.text}" for d in result.documents for s in d.sections]
    texts += [d.part.title or "" for d in result.documents]
    body = find_body(texts) or lookup(result.info.municipality)
    if body is not None:
        return replace(result, municipality=body.name, municipality_code=body.code)
    return replace(result, municipality=result.info.municipality)


def read_entities(result: FileResult) -> FileResult:
    """Entities of every section's text and heading, in one batched spaCy pass over the PDF.

    Offsets are in the section text; entities of a heading have none.
    """
    from raadsstukken.extractors.semantics.entities import find_entities

    texts = [(d, s, False) for d in result.documents for s in d.sections if s.text]
    texts += [(d, s, True) for d in result.documents for s in d.sections if s.heading]
    people = sorted({sg.name for d in result.documents for sg in d.signatories})
    found = find_entities([(s.heading or "") if heading else s.text for _, s, heading in texts],
                          result.municipality, people=people)
    by_doc: dict[str, list[LocatedEntity]] = {d.doc_id: [] for d in result.documents}
    for (d, s, heading), entities in zip(texts, found):
        for e in entities:
            if heading:
                e = replace(e, method=f"{e.method}:heading")
            by_doc[d.doc_id].append(LocatedEntity(e, s.order, in_heading=heading))
    return replace(result, documents=[replace(d, entities=by_doc[d.doc_id]) for d in result.documents])


def read_money_entities(result: FileResult, doc: DocumentResult) -> DocumentResult:
    """Money read from a table's money column, marked where its figure stands in the section text."""
    from raadsstukken.extractors.semantics.entities import Entity

    extra = []
    for located in doc.amounts:
        amount = located.amount
        if located.section is None or not amount.method.startswith("amounts:column"):
            continue
        section = doc.sections[located.section]
        at = section.text.find(amount.text)
        if at >= 0:
            extra.append(LocatedEntity(Entity(at, at + len(amount.text), amount.text, "MONEY",
                                              f"{amount.amount_eur:.2f} EUR", amount.method), located.section))
    return replace(doc, entities=[*doc.entities, *extra]) if extra else doc


STAGES: tuple[Stage, ...] = (
    Stage("split", PARSED, ("documents",), split_documents, "file",
          "documents of a compound PDF, their kinds and title blocks"),
    Stage("sections", ("documents",), ("sections", "section_ids"), read_sections,
          description="heading hierarchy and the text under each heading"),
    Stage("metadata", ("sections",), ("metadata",), read_metadata,
          description="subject, reference, dates, holders, bodies, ... from forms and labels"),
    Stage("signatories", ("documents",), ("signatories",), read_signatories,
          description="signature blocks: role and name"),
    Stage("tables", ("documents",), ("tables", "table_ids"), read_tables,
          description="data tables, joined across page breaks"),
    Stage("decisions", ("sections", "tables"), ("decisions",), read_decisions,
          description="decision points after a decision intro"),
    Stage("statistics", ("tables",), ("statistics",), read_statistics,
          description="tidy figures of tables with a year axis"),
    Stage("amounts", ("sections", "tables"), ("amounts",), read_amounts,
          description="money in running text and in the tables' money columns"),
    Stage("financial_consequences", ("metadata", "amounts"), ("metadata",), read_financial_consequences,
          description="financial consequences from budgeted amounts when no paragraph says so"),
    Stage("plans", ("sections", "tables"), ("themes", "theme_ids", "goal_ids"), read_plan,
          description="themes, goals and actions of a policy plan"),
    Stage("section_themes", ("sections", "themes"), ("section_themes",), classify_section_themes,
          description="the theme each section is about"),
    Stage("iv3", ("sections",), ("section_iv3", "iv3"), classify_iv3,
          description="the Iv3 taakveld of each section and of the document"),
    Stage("municipality", ("sections",), ("municipality", "municipality_code"), read_municipality, "file",
          description="the municipality the texts name, else the input list's"),
    Stage("entities", ("sections", "signatories", "municipality"), ("entities",), read_entities, "file",
          description="named entities: rules and the shipped NER model, one nlp.pipe per file"),
    Stage("money_entities", ("entities", "amounts"), ("entities",), read_money_entities,
          description="money of table columns as entities in the section text"),
)
"""Every extraction of a run, in order. Which dataset each fills: see `schemas.datasets.DATASETS`
(each dataset's mapper reads the fields named in its `reads`)."""

check_stages(STAGES)
