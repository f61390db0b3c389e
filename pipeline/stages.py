"""Stages: from a parsed PDF to the rows of each dataset, with ids and provenance.

Each stage is a function from what earlier stages produced (the parsed pages, the documents) to
typed records of one dataset. The PDF is parsed once (`raadsstukken.extractors.layout.parse.parse_pdf`); every
stage reads that same parse.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from raadsstukken.extractors.layout.parse import ParsedPdf
from raadsstukken.extractors.structure.split import DocumentPart, find_document_parts
from raadsstukken.extractors.layout.records import PageLayout
from raadsstukken.extractors.semantics.amounts import Amount, find_amounts_in_columns, find_amounts_in_text
from raadsstukken.extractors.structure.decisions import DecisionPoint, find_decision_points
from raadsstukken.extractors.semantics.entities import Entity, find_entities
from raadsstukken.extractors.structure.forms import page_rows
from raadsstukken.extractors.layout.paragraphs import block_text
from raadsstukken.extractors.structure.signatories import Signatory, find_signatories
from raadsstukken.extractors.tables.statistics import tidy_statistics
from raadsstukken.extractors.tables.continuation import join_continued_tables
from raadsstukken.extractors.tables.detect import Table, find_tables
from raadsstukken.extractors.semantics.plans import Theme, find_plan
from raadsstukken.extractors.semantics.section_themes import ThemeDecision, classify_sections
from raadsstukken.extractors.structure.metadata import DocumentMetadata, apply_budgeted_amounts, extract_metadata, find_municipality
from raadsstukken.extractors.structure.sections import Section, build_sections
from raadsstukken.pipeline.ids import doc_id as make_doc_id
from raadsstukken.pipeline.ids import keyed_ids
from raadsstukken.pipeline.inputs import SourceInfo
from raadsstukken.schemas.datasets import (DOC_TYPES, ActionRecord, AmountRecord, GoalRecord, ThemeRecord, DecisionRecord, DocumentRecord, EntityRecord, PageRecord,
                              SectionRecord,
                              StatisticRecord, TableCellRecord, TableRecord)


def split_documents(parsed: ParsedPdf) -> list[DocumentPart]:
    """The documents of a PDF (one spanning the file when it has no pages to tell from)."""
    return find_document_parts(parsed.pages) or [DocumentPart(0, 1, max(parsed.n_pages, 1))]


@dataclass
class DocumentContent:
    """What the stages read off one document: its part, pages, sections and metadata."""

    part: DocumentPart
    doc_id: str
    key: str
    """The document's identity across revisions of its file (source name and part): the owner of
    its rows' ids, so a revised file keeps the ids of everything that did not change."""
    pages: list[PageLayout]
    sections: list[Section]
    metadata: DocumentMetadata
    decisions: list[DecisionPoint]
    signatories: list[Signatory]
    amounts: list[tuple[Amount, int | None]]
    """Each amount with the order of the section it was found in."""
    tables: list[Table]
    themes: list[Theme]


def read_documents(parsed: ParsedPdf, file_id: str, parts: list[DocumentPart], source: str = "") -> list[DocumentContent]:
    """Sections and metadata of every document of a PDF (each page parsed once, shared)."""
    by_number = {pg.number: pg for pg in parsed.pages}
    out = []
    for part in parts:
        pages = [by_number[n] for n in range(part.page_start, part.page_end + 1) if n in by_number]
        sections = build_sections(pages, parsed.vocabulary)
        metadata = extract_metadata(pages, sections)
        amounts = _amounts(pages, sections, parsed)
        apply_budgeted_amounts(metadata, [a.recurrence for a, _ in amounts])
        out.append(DocumentContent(
            part, make_doc_id(file_id, part.part_index), f"{source or file_id}#{part.part_index}", pages, sections, metadata,
            find_decision_points(sections, part.doc_type, parsed.vocabulary), find_signatories(pages), amounts,
            join_continued_tables([t for page in pages for t in find_tables(page)], {pg.number: pg for pg in pages}),
            find_plan(sections, parsed.vocabulary),
        ))
    return out


def _amounts(pages: list[PageLayout], sections: list[Section], parsed: ParsedPdf) -> list[tuple[Amount, int | None]]:
    found: list[tuple[Amount, int | None]] = []
    for s in sections:
        for block in s.body:
            for a in find_amounts_in_text(block_text(block, parsed.vocabulary), block.page, block.bbox):
                found.append((a, s.order))
    section_of_page = {}
    for s in sections:
        for n in range(s.page_start, s.page_end + 1):
            section_of_page.setdefault(n, s.order)
    for page in pages:
        for a in find_amounts_in_columns(page_rows(page)):
            found.append((a, section_of_page.get(a.page)))
    return found


def decision_rows(file_id: str, documents: list[DocumentContent]) -> list[DecisionRecord]:
    rows = []
    for d in documents:
        pages = {pg.number: pg for pg in d.pages}
        ids = keyed_ids("dec", d.key, [(p.number,) for p in d.decisions])
        for point, did in zip(d.decisions, ids):
            rows.append(DecisionRecord(
                decision_id=did, doc_id=d.doc_id, file_id=file_id,
                number=point.number, text=point.text, body=point.body, page=point.page,
                bbox=pages[point.page].page_bbox(point.bbox).as_list(), method=point.method,
            ))
    return rows


def table_rows(file_id: str, documents: list[DocumentContent]) -> dict[str, list]:
    """Rows of `tables`, `table_cells` and `statistics`."""
    tables, cells, stats = [], [], []
    for d in documents:
        pages = {pg.number: pg for pg in d.pages}
        table_ids = keyed_ids("tab", d.key, [(t.title or "", t.n_cols) for t in d.tables])
        for t, tid in zip(d.tables, table_ids):
            page = pages[t.page]
            tables.append(TableRecord(
                table_id=tid, doc_id=d.doc_id, file_id=file_id, page=t.page, page_end=t.page_end,
                bbox=page.page_bbox(t.bbox).as_list(),
                n_rows=t.n_rows, n_cols=t.n_cols, header_rows=t.header_rows, title=t.title,
                confidence=t.confidence, method=t.method,
            ))
            cells.extend(TableCellRecord(
                table_id=tid, row=c.row, col=c.col, text=c.text, is_header=c.is_header, value=c.value,
                page=c.page, bbox=pages[c.page].page_bbox(c.bbox).as_list() if c.bbox else None,
            ) for c in t.cells)
            tidy = tidy_statistics(t)
            stat_ids = keyed_ids("stat", tid, [(st.indicator, st.period, st.dimension or "") for st in tidy])
            stats.extend(StatisticRecord(
                stat_id=sid, table_id=tid, doc_id=d.doc_id, theme_id=None,
                indicator=st.indicator, dimension=st.dimension, period=st.period, value=st.value, unit=st.unit,
                page=t.page, method="statistics:year_axis",
            ) for st, sid in zip(tidy, stat_ids))
    return {"tables": tables, "table_cells": cells, "statistics": stats}


def plan_rows(file_id: str, documents: list[DocumentContent]) -> dict[str, list]:
    """Rows of `themes`, `goals` and `actions`."""
    themes, goals, actions = [], [], []
    for d in documents:
        sec_ids = dict(zip((s.order for s in d.sections), section_ids(d)))
        theme_ids = keyed_ids("thm", d.key, [(t.label,) for t in d.themes])
        for t, tid in zip(d.themes, theme_ids):
            themes.append(ThemeRecord(theme_id=tid, doc_id=d.doc_id, file_id=file_id, label=t.label,
                                      kind=t.kind, ambition=t.ambition, page=t.page, method=t.method))
            goal_ids = keyed_ids("goal", tid, [(g.number, g.text if g.number is None else "") for g in t.goals])
            for g, gid in zip(t.goals, goal_ids):
                goals.append(GoalRecord(goal_id=gid, theme_id=tid, doc_id=d.doc_id, number=g.number, text=g.text,
                                        variants=g.variants, page=g.page, section_id=sec_ids.get(g.section),
                                        method="plans:goal_list"))
            action_ids = keyed_ids("act", tid, [(a.goal, a.text) for a in t.actions])
            for a, aid in zip(t.actions, action_ids):
                actions.append(ActionRecord(action_id=aid, goal_id=goal_ids[a.goal] if a.goal is not None else None,
                                            theme_id=tid, doc_id=d.doc_id, text=a.text, page=a.page,
                                            section_id=sec_ids.get(a.section), method="plans:action_list"))
    return {"themes": themes, "goals": goals, "actions": actions}


def entity_rows(documents: list[DocumentContent], municipality: str | None = None) -> list[EntityRecord]:
    """Entities of every section's text and heading, found in one batched spaCy pass over the PDF.

    Offsets (`start_char`, `end_char`) are in the section text; entities of a heading have none.
    Money read from a table's money column is marked where its figure stands in the text.
    """
    texts = [(d, s, False) for d in documents for s in d.sections if s.text]
    texts += [(d, s, True) for d in documents for s in d.sections if s.heading]
    people = sorted({sg.name for d in documents for sg in d.signatories})
    found = find_entities([s.heading if heading else s.text for _, s, heading in texts], municipality, people=people)
    rows = []
    by_doc: dict[str, list] = {}
    for (d, s, heading), entities in zip(texts, found):
        for e in entities:
            if heading:
                e = replace(e, start=None, end=None, method=f"{e.method}:heading")
            by_doc.setdefault(d.key, []).append((d, s, e))
    for d in documents:
        for amount, order in d.amounts:
            if order is None or not amount.method.startswith("amounts:column"):
                continue
            s = d.sections[order]
            at = s.text.find(amount.text)
            if at >= 0:
                e = Entity(at, at + len(amount.text), amount.text, "MONEY", f"{amount.amount_eur:.2f} EUR", amount.method)
                by_doc.setdefault(d.key, []).append((d, s, e))
    for key, items in by_doc.items():
        d = items[0][0]
        sec_ids = dict(zip((s.order for s in d.sections), section_ids(d)))
        ids = keyed_ids("ent", key, [(tuple(s.heading_path), e.label, e.text) for _, s, e in items])
        for (d, s, e), eid in zip(items, ids):
            rows.append(EntityRecord(
                entity_id=eid, doc_id=d.doc_id, section_id=sec_ids[s.order], page=s.page_start,
                start_char=e.start, end_char=e.end, text=e.text, label=e.label, normalized=e.normalized,
                method=e.method,
            ))
    return rows


def amount_rows(documents: list[DocumentContent]) -> list[AmountRecord]:
    rows = []
    for d in documents:
        pages = {pg.number: pg for pg in d.pages}
        ids = section_ids(d)
        amount_ids = keyed_ids("amt", d.key, [(a.method, tuple(d.sections[o].heading_path) if o is not None else ())
                                               for a, o in d.amounts])
        for (a, order), aid in zip(d.amounts, amount_ids):
            rows.append(AmountRecord(
                amount_id=aid, doc_id=d.doc_id,
                section_id=ids[order] if order is not None else None, page=a.page, text=a.text,
                amount_eur=a.amount_eur, recurrence=a.recurrence, context=a.context or None,
                bbox=pages[a.page].page_bbox(a.bbox).as_list() if a.bbox else None, method=a.method,
            ))
    return rows


def document_rows(parsed: ParsedPdf, file_id: str, source_file: str, documents: list[DocumentContent],
                  info: SourceInfo | None = None) -> list[DocumentRecord]:
    """One row per document; what the harvester knew (`info`) fills what the PDF does not say."""
    info = info or SourceInfo()
    municipality = find_municipality(s.text for d in documents for s in d.sections) or info.municipality
    single = len(documents) == 1
    rows = []
    for d in documents:
        p, m = d.part, d.metadata
        methods = ",".join(f"{k}={v}" for k, v in sorted(m.methods.items()))
        rows.append(DocumentRecord(
            doc_id=d.doc_id, file_id=file_id, source_file=source_file, part_index=p.part_index,
            page_start=p.page_start, page_end=p.page_end,
            doc_type=info.kind if single and p.doc_type == "onbekend" and info.kind in DOC_TYPES else p.doc_type,
            title=m.title or p.title, municipality=municipality, reference=m.reference,
            document_date=m.document_date, decision_date=m.decision_date, programme=m.programme,
            portfolio_holder=m.portfolio_holder, team=m.team, bodies=m.bodies,
            confidentiality=m.confidentiality, financial_consequences=m.financial_consequences,
            attachments=m.attachments,
            signatories=[{"role": sg.role, "name": sg.name} for sg in d.signatories],
            source_municipality=info.municipality, source_url=info.url, source_published=info.published,
            source_meeting_date=info.meeting_date, source_meeting_id=info.meeting_id, source_kind=info.kind,
            method=f"{p.method};{methods}" if methods else p.method,
        ))
    return rows


def _doc_of_page(parts: list[DocumentPart], file_id: str, page: int) -> str | None:
    for p in parts:
        if p.page_start <= page <= p.page_end:
            return make_doc_id(file_id, p.part_index)
    return None


def pages_rows(parsed: ParsedPdf, file_id: str, parts: list[DocumentPart]) -> list[PageRecord]:
    return [
        PageRecord(
            file_id=file_id, page=pg.number, doc_id=_doc_of_page(parts, file_id, pg.number),
            width=round(pg.width, 2), height=round(pg.height, 2), rotation=pg.rotation,
            n_chars=pg.n_chars, text_layer=pg.text_layer, ocr=pg.ocr, page_label=pg.page_label,
            header=pg.header, footer=pg.footer, method=f"furniture:{pg.furniture_method}",
        )
        for pg in parsed.pages
    ]


def section_ids(d: DocumentContent) -> list[str]:
    """Section ids keyed by heading path (the leading text before any heading has an empty path)."""
    return keyed_ids("sec", d.key, [tuple(s.heading_path) for s in d.sections])


def section_rows(file_id: str, documents: list[DocumentContent]) -> list[SectionRecord]:
    """Sections with their theme decision (see `raadsstukken.extractors.semantics.section_themes`)."""
    rows: list[SectionRecord] = []
    for d in documents:
        by_number = {pg.number: pg for pg in d.pages}
        ids = section_ids(d)
        theme_ids = dict(zip((t.label for t in d.themes), keyed_ids("thm", d.key, [(t.label,) for t in d.themes])))
        for s, decision in zip(d.sections, classify_sections(d.sections, d.themes)):
            rows.append(_section_record(s, d.doc_id, file_id, ids, by_number, decision,
                                        theme_ids[decision.theme.label] if decision.theme else None))
    return rows


def _section_record(s: Section, did: str, file_id: str, ids: list[str], pages: dict[int, PageLayout],
                    decision: ThemeDecision, theme_id: str | None) -> SectionRecord:
    bbox = pages[s.page_start].page_bbox(s.bbox).as_list() if s.bbox is not None else None
    return SectionRecord(
        section_id=ids[s.order], doc_id=did, file_id=file_id,
        parent_id=ids[s.parent] if s.parent is not None else None,
        level=s.level, order=s.order, heading=s.heading or None, heading_path=list(s.heading_path),
        text=s.text or None, page_start=s.page_start, page_end=s.page_end, bbox=bbox,
        theme_id=theme_id, theme_score=decision.score, theme_method=decision.method, method=s.method,
    )
