"""The document model: one typed result per PDF, filled by the stages, read by the dataset mappers.

A `FileResult` holds the parsed pages and, per document of the PDF, a `DocumentResult` with
everything read off it: its part, block roles, sections, metadata, decisions, signatories, tables,
statistics, amounts, themes, section themes and entities. Each stage (`pipeline.stages`) assigns
some of these fields and requires others; the mappers in `schemas.datasets` only turn a result into
rows. Every item can say where it came from through one `Provenance` (page, box, character span,
method).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Protocol

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.records import Block, BlockKind, PageLayout
from raadsstukken.extractors.semantics.amounts import Amount
from raadsstukken.extractors.semantics.entities import Entity
from raadsstukken.extractors.semantics.iv3 import Iv3Decision
from raadsstukken.extractors.semantics.plans import Theme
from raadsstukken.extractors.semantics.section_themes import ThemeDecision
from raadsstukken.extractors.structure.decisions import DecisionPoint
from raadsstukken.extractors.structure.metadata import DocumentMetadata
from raadsstukken.extractors.structure.sections import Section
from raadsstukken.extractors.structure.signatories import Signatory
from raadsstukken.extractors.structure.split import DocumentPart
from raadsstukken.extractors.tables.detect import Table
from raadsstukken.extractors.tables.statistics import Statistic
from raadsstukken.extractors.source import SourceInfo

if TYPE_CHECKING:  # the parser imports pdfplumber, which a run with nothing to do never needs
    from raadsstukken.extractors.layout.parse import ParsedPdf


@dataclass(frozen=True)
class Provenance:
    """Where an item came from: 1-based page, box in the layout's upright frame (points,
    top-left origin), character span in its section's text where it applies, and the method
    (rule, detector or model) that produced it."""

    page: int | None
    bbox: BBox | None
    method: str
    span: tuple[int, int] | None = None


class HasProvenance(Protocol):
    @property
    def provenance(self) -> Provenance: ...


@dataclass(frozen=True)
class LocatedAmount:
    """An amount with the section it was found in (`None` for a table outside any section)."""

    amount: Amount
    section: int | None

    @property
    def provenance(self) -> Provenance:
        return Provenance(self.amount.page, self.amount.bbox, self.amount.method)


@dataclass(frozen=True)
class LocatedEntity:
    """An entity found in a section's text (its span is in that text) or in its heading."""

    entity: Entity
    section: int
    in_heading: bool = False

    @property
    def span(self) -> tuple[int, int] | None:
        """Character offsets in the section text; None for an entity of the heading."""
        return None if self.in_heading else (self.entity.start, self.entity.end)

    @property
    def provenance(self) -> Provenance:
        return Provenance(None, None, self.entity.method, self.span)


@dataclass
class DocumentResult:
    """What the stages read off one document of a PDF."""

    part: DocumentPart
    doc_id: str
    key: str
    """The document's identity across revisions of its file (source name and part): the owner of
    its rows' ids, so a revised file keeps the ids of everything that did not change."""
    pages: list[PageLayout]
    roles: Mapping[Block, BlockKind] = field(default_factory=dict)
    """Document roles of blocks that differ from the page layer's (title, cover text)."""
    sections: list[Section] = field(default_factory=list)
    section_ids: list[str] = field(default_factory=list)
    metadata: DocumentMetadata = field(default_factory=DocumentMetadata)
    decisions: list[DecisionPoint] = field(default_factory=list)
    signatories: list[Signatory] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    table_ids: list[str] = field(default_factory=list)
    statistics: list[list[Statistic]] = field(default_factory=list)
    """The tidy statistics of each table, parallel to `tables`."""
    amounts: list[LocatedAmount] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    theme_ids: list[str] = field(default_factory=list)
    goal_ids: list[list[str]] = field(default_factory=list)
    """The ids of each theme's goals, parallel to `themes`."""
    section_themes: list[ThemeDecision] = field(default_factory=list)
    """The theme decision of each section, parallel to `sections`."""
    section_iv3: list[Iv3Decision] = field(default_factory=list)
    """The Iv3 taakveld of each section, parallel to `sections`."""
    iv3: Iv3Decision | None = None
    """The document's dominant Iv3 taakveld."""
    entities: list[LocatedEntity] = field(default_factory=list)

    def page(self, number: int) -> PageLayout:
        for page in self.pages:
            if page.number == number:
                return page
        raise KeyError(f"page {number} is not in document {self.doc_id}")

    def page_bbox(self, page: int, bbox: BBox | None) -> list[float] | None:
        """A box of the layout as `[x0, top, x1, bottom]` in pdfplumber's page coordinates."""
        return self.page(page).page_bbox(bbox).as_list() if bbox is not None else None


@dataclass
class FileResult:
    """One PDF through the stages: its pages, its documents and what was found across them."""

    file_id: str
    source_file: str
    parsed: ParsedPdf
    info: SourceInfo = field(default_factory=SourceInfo)
    """What the harvester's input list said about the file (fills what the PDF does not say)."""
    documents: list[DocumentResult] = field(default_factory=list)
    municipality: str | None = None
    """The municipality or province the file's texts name (`structure.municipality.find_body`)."""
    municipality_code: str | None = None
    """Its CBS code (GM0150, PV21)."""

    @property
    def pages(self) -> list[PageLayout]:
        return self.parsed.pages

    def document_of_page(self, page: int) -> DocumentResult | None:
        for d in self.documents:
            if d.part.page_start <= page <= d.part.page_end:
                return d
        return None
