"""Stages: from a parsed PDF to the rows of each dataset, with ids and provenance.

Each stage is a function from what earlier stages produced (the parsed pages, the documents) to
typed records of one dataset. The PDF is parsed once (`extractors.document.parse_pdf`); every
stage reads that same parse.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extractors.document import ParsedPdf
from extractors.documents import DocumentPart, find_document_parts
from extractors.records import PageLayout
from extractors.metadata import DocumentMetadata, extract_metadata, find_municipality
from extractors.sections import Section, build_sections
from pipeline.ids import doc_id as make_doc_id
from pipeline.ids import row_id
from schemas.datasets import DocumentRecord, PageRecord, SectionRecord


def split_documents(parsed: ParsedPdf) -> list[DocumentPart]:
    """The documents of a PDF (one spanning the file when it has no pages to tell from)."""
    return find_document_parts(parsed.pages) or [DocumentPart(0, 1, max(parsed.n_pages, 1))]


@dataclass
class DocumentContent:
    """What the stages read off one document: its part, pages, sections and metadata."""

    part: DocumentPart
    doc_id: str
    pages: list[PageLayout]
    sections: list[Section]
    metadata: DocumentMetadata


def read_documents(parsed: ParsedPdf, file_id: str, parts: list[DocumentPart]) -> list[DocumentContent]:
    """Sections and metadata of every document of a PDF (each page parsed once, shared)."""
    by_number = {pg.number: pg for pg in parsed.pages}
    out = []
    for part in parts:
        pages = [by_number[n] for n in range(part.page_start, part.page_end + 1) if n in by_number]
        sections = build_sections(pages, parsed.vocabulary)
        out.append(DocumentContent(part, make_doc_id(file_id, part.part_index), pages, sections,
                                   extract_metadata(pages, sections)))
    return out


def document_rows(parsed: ParsedPdf, file_id: str, source_file: str,
                  documents: list[DocumentContent]) -> list[DocumentRecord]:
    municipality = find_municipality(s.text for d in documents for s in d.sections)
    rows = []
    for d in documents:
        p, m = d.part, d.metadata
        methods = ",".join(f"{k}={v}" for k, v in sorted(m.methods.items()))
        rows.append(DocumentRecord(
            doc_id=d.doc_id, file_id=file_id, source_file=source_file, part_index=p.part_index,
            page_start=p.page_start, page_end=p.page_end, doc_type=p.doc_type,
            title=m.title or p.title, municipality=municipality, reference=m.reference,
            document_date=m.document_date, decision_date=m.decision_date, programme=m.programme,
            portfolio_holder=m.portfolio_holder, team=m.team, bodies=m.bodies,
            confidentiality=m.confidentiality, financial_consequences=m.financial_consequences,
            attachments=m.attachments, signatories=[], method=f"{p.method};{methods}" if methods else p.method,
        ))
    return rows


def _doc_of_page(parts: list[DocumentPart], file_id: str, page: int) -> str | None:
    for p in parts:
        if p.page_start <= page <= p.page_end:
            return make_doc_id(file_id, p.part_index)
    return None


def page_rows(parsed: ParsedPdf, file_id: str, parts: list[DocumentPart]) -> list[PageRecord]:
    return [
        PageRecord(
            file_id=file_id, page=pg.number, doc_id=_doc_of_page(parts, file_id, pg.number),
            width=round(pg.width, 2), height=round(pg.height, 2), rotation=pg.rotation,
            n_chars=pg.n_chars, text_layer=pg.text_layer, ocr=False, page_label=pg.page_label,
            header=pg.header, footer=pg.footer, method=f"furniture:{pg.furniture_method}",
        )
        for pg in parsed.pages
    ]


def section_rows(file_id: str, documents: list[DocumentContent]) -> list[SectionRecord]:
    rows: list[SectionRecord] = []
    for d in documents:
        by_number = {pg.number: pg for pg in d.pages}
        ids = [row_id("sec", d.doc_id, s.order, s.heading or "") for s in d.sections]
        rows.extend(_section_record(s, d.doc_id, file_id, ids, by_number) for s in d.sections)
    return rows


def _section_record(s: Section, did: str, file_id: str, ids: list[str], pages: dict[int, PageLayout]) -> SectionRecord:
    bbox = pages[s.page_start].page_bbox(s.bbox).as_list() if s.bbox is not None else None
    return SectionRecord(
        section_id=ids[s.order], doc_id=did, file_id=file_id,
        parent_id=ids[s.parent] if s.parent is not None else None,
        level=s.level, order=s.order, heading=s.heading or None, heading_path=list(s.heading_path),
        text=s.text or None, page_start=s.page_start, page_end=s.page_end, bbox=bbox,
        method=s.method,
    )


def source_name(path: Path, root: Path | None) -> str:
    """The input path as recorded: relative to the input folder when there is one."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
