"""A run: every input PDF through the stages into the output directory, one outcome per file.

Files are processed independently (in worker processes with `jobs > 1`); the parent writes each
file's parts atomically, then records the file in the manifest. A bad file ends with a status and
an error in `runs` and never stops the batch. Without `force`, files whose content, pipeline
version and rules are unchanged since the last run are skipped and their rows left untouched.
"""
from __future__ import annotations

import hashlib
import logging
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa

from extractors.rules import RULES_DIR
from pipeline import __version__
from pipeline.errors import EncryptedPdf, InvalidPdf, RaadsstukkenError
from pipeline.ids import file_id as hash_file
from pipeline.manifest import FileEntry, Manifest
from pipeline.stages import (amount_rows, decision_rows, document_rows, pages_rows, read_documents,
                             section_rows, source_name, split_documents, table_rows)
from pipeline.writer import SchemaViolation, ensure_datasets, remove_part, write_part
from schemas import DATASETS, validate_table
from schemas.datasets import RunRecord

_log = logging.getLogger(__name__)



@dataclass(frozen=True)
class RunSettings:
    inputs: tuple[Path, ...] = (Path("raw"),)
    """PDF files or folders of PDFs (searched recursively)."""
    out_dir: Path = Path("output")
    """Folder the datasets are written to."""
    force: bool = False
    """Reprocess every file, even when its rows are up to date."""
    jobs: int = 1
    """Worker processes; 1 processes files in this process."""

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")


@dataclass
class FileOutcome:
    source_file: str
    file_id: str
    status: str
    started_at: str
    duration_s: float = 0.0
    n_pages: int | None = None
    error_type: str | None = None
    error: str | None = None
    tables: dict[str, pa.Table] = field(default_factory=dict)


@dataclass
class RunSummary:
    run_id: str
    outcomes: list[FileOutcome]

    @property
    def failed(self) -> list[FileOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for o in self.outcomes:
            out[o.status] = out.get(o.status, 0) + 1
        return out


def config_hash() -> str:
    """Hash of everything besides the input that decides the rows: version and rule files."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(RULES_DIR.glob("*.toml")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def discover_inputs(inputs: Iterable[Path]) -> list[tuple[Path, str]]:
    """(path, recorded name) of every PDF under the inputs, sorted, each file once."""
    found: dict[Path, str] = {}
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for path in sorted(p for p in item.rglob("*") if p.is_file() and p.suffix.lower() == ".pdf"):
                found.setdefault(path.resolve(), source_name(path, item))
        elif item.exists():
            found.setdefault(item.resolve(), item.name)
        else:
            raise FileNotFoundError(f"input not found: {item}")
    return sorted(((p, name) for p, name in found.items()), key=lambda t: t[1])


def process_file(path: Path, source: str, fid: str) -> FileOutcome:
    """Parse one PDF and build its rows for every dataset. Never raises for a bad file."""
    from extractors.document import parse_pdf  # imported here: worker processes start light

    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    t0 = time.perf_counter()
    outcome = FileOutcome(source_file=source, file_id=fid, status="ok", started_at=started)
    try:
        parsed = _open_and_parse(path, parse_pdf)
        outcome.n_pages = parsed.n_pages
        parts = split_documents(parsed)
        documents = read_documents(parsed, fid, parts, source)
        rows = {
            "documents": document_rows(parsed, fid, source, documents),
            "pages": pages_rows(parsed, fid, parts),
            "sections": section_rows(fid, documents),
            "decisions": decision_rows(fid, documents),
            "amounts": amount_rows(documents),
            **table_rows(fid, documents),
        }
        outcome.tables = {name: DATASETS[name].to_table(rows.get(name, [])) for name in DATASETS if name != "runs"}
        for name, table in outcome.tables.items():
            problems = validate_table(DATASETS[name], table)
            if problems:  # a bug: nothing of this file is written
                raise SchemaViolation("; ".join(str(p) for p in problems))
        if parsed.n_pages and not any(p.text_layer for p in parsed.pages):
            outcome.status, outcome.error_type = "needs_ocr", "no_text_layer"
            outcome.error = "no page has a text layer"
    except RaadsstukkenError as exc:
        outcome.status, outcome.error_type, outcome.error = "failed", exc.error_type, str(exc)
        outcome.tables = {}
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        _log.error("%s: unexpected error\n%s", source, traceback.format_exc())
        outcome.status, outcome.error_type = "failed", type(exc).__name__
        outcome.error = f"unexpected error: {exc}"
        outcome.tables = {}
    outcome.duration_s = round(time.perf_counter() - t0, 3)
    return outcome


def _open_and_parse(path: Path, parse_pdf):
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        return parse_pdf(path)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPdf(f"encrypted PDF: {exc}") from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPdf(f"encrypted PDF: {cause!r}") from exc
        raise InvalidPdf(f"not a readable PDF: {cause!r}") from exc
    except PDFSyntaxError as exc:
        raise InvalidPdf(f"not a readable PDF: {exc}") from exc


def run(settings: RunSettings) -> RunSummary:
    """Process the inputs into `settings.out_dir`; returns one outcome per input file."""
    out = Path(settings.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    chash = config_hash()
    started = datetime.now(timezone.utc)
    run_id = f"{started:%Y%m%dT%H%M%S%fZ}-{chash[:8]}"
    manifest = Manifest.load(out)
    up_to_date = (manifest.pipeline_version == __version__ and manifest.config_hash == chash)

    todo: list[tuple[Path, str, str]] = []
    outcomes: list[FileOutcome] = []
    seen_ids: dict[str, str] = {}
    for path, source in discover_inputs(settings.inputs):
        fid = hash_file(path)
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        if fid in seen_ids:
            outcomes.append(FileOutcome(source, fid, "skipped", now, error_type="duplicate",
                                        error=f"same content as {seen_ids[fid]}"))
            continue
        seen_ids[fid] = source
        entry = manifest.files.get(source)
        if (not settings.force and up_to_date and entry is not None and entry.file_id == fid
                and entry.status in ("ok", "needs_ocr")):
            outcomes.append(FileOutcome(source, fid, "skipped", now, n_pages=entry.n_pages))
            continue
        todo.append((path, source, fid))

    for outcome in _process_all(todo, settings.jobs):
        _commit(out, manifest, outcome)
        outcomes.append(outcome)

    manifest.pipeline_version, manifest.config_hash = __version__, chash
    manifest.save(out)
    outcomes.sort(key=lambda o: o.source_file)
    runs = [RunRecord(run_id=run_id, file_id=o.file_id, source_file=o.source_file, status=o.status,
                      error_type=o.error_type, error=o.error, n_pages=o.n_pages, duration_s=o.duration_s,
                      pipeline_version=__version__, started_at=o.started_at) for o in outcomes]
    write_part(out, "runs", run_id, DATASETS["runs"].to_table(runs))
    ensure_datasets(out)
    return RunSummary(run_id, outcomes)


def _process_all(todo: list[tuple[Path, str, str]], jobs: int) -> Iterator[FileOutcome]:
    if jobs == 1 or len(todo) < 2:
        for path, source, fid in todo:
            yield process_file(path, source, fid)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(process_file, *zip(*todo))


def _commit(out: Path, manifest: Manifest, outcome: FileOutcome) -> None:
    """Write a file's parts, then (only then) record it in the manifest."""
    part = outcome.file_id[:16]
    previous = manifest.files.get(outcome.source_file)
    if outcome.status == "failed":
        _log.warning("%s: %s: %s", outcome.source_file, outcome.error_type, outcome.error)
        return  # earlier rows of this file, if any, stay as they were
    if previous is not None and previous.part and previous.part != part:
        if not any(e.part == previous.part for k, e in manifest.files.items() if k != outcome.source_file):
            remove_part(out, previous.part)
    for name, table in outcome.tables.items():
        write_part(out, name, part, table)
    manifest.files[outcome.source_file] = FileEntry(outcome.source_file, outcome.file_id, outcome.status,
                                                    outcome.n_pages, part)
    manifest.save(out)
