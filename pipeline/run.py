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
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa

from raadsstukken import __version__
from raadsstukken.pipeline.errors import EmptyPdf, EncryptedPdf, InvalidPdf, OutputError, RaadsstukkenError, StageError
from raadsstukken.pipeline.executors import EXECUTORS, map_unordered
from raadsstukken.pipeline.inputs import SourceInfo, discover_inputs
from raadsstukken.pipeline.limits import memory_limit, time_limit
from raadsstukken.pipeline.progress import Progress
from raadsstukken.schemas.ids import file_id as hash_file
from raadsstukken.pipeline.manifest import FileEntry, Manifest
from raadsstukken.pipeline.writer import SchemaViolation, ensure_datasets, remove_part, write_part, write_parts
from raadsstukken.schemas import DATASETS, validate_table
from raadsstukken.schemas.datasets import RunRecord

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
    executor: str = "local"
    """`local` (this machine) or `dask` (a LocalCluster of `jobs` workers, or `scheduler`)."""
    scheduler: str | None = None
    """Address of a running Dask scheduler (tcp://host:8786) for the dask executor."""
    timeout: float | None = None
    """Seconds one file may take; a file over it fails with `timeout` and the batch goes on."""
    max_memory_mb: int | None = None
    """Memory (MB, on top of what the process uses) one file may take; over it the file fails with
    `memory` (a decompression bomb) and the batch goes on. Linux only."""
    prune: bool = False
    """Remove the rows of files recorded in the output that are no longer among the inputs."""
    progress: bool = False
    """Report progress on standard error (a live line on a terminal, log lines otherwise)."""

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.executor not in EXECUTORS:
            raise ValueError(f"executor must be one of {EXECUTORS}")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("timeout must be positive")


@dataclass(frozen=True)
class FileTask:
    """One input file to process: what a worker needs, and nothing that does not pickle."""

    path: Path
    source: str
    file_id: str
    info: SourceInfo
    timeout: float | None = None
    max_memory_mb: int | None = None


@dataclass
class FileOutcome:
    source_file: str
    file_id: str
    status: str
    started_at: datetime
    duration_s: float = 0.0
    n_pages: int | None = None
    error_type: str | None = None
    error: str | None = None
    errors: list[StageError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    tables: dict[str, pa.Table] = field(default_factory=dict)
    path: str = ""


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
    """Hash of everything besides the input that decides the rows: the version, the schemas, the
    source of every module of the package, every rule and data file, the shipped NER model and
    every extractor setting. Any change to them makes the next incremental run re-extract."""
    from raadsstukken.extractors import rules
    from raadsstukken.extractors.settings import all_settings

    digest = hashlib.sha256(__version__.encode())
    for name, dataset in DATASETS.items():  # a new column means the rows must be made again
        digest.update(f"{name}:{dataset.schema}".encode())
    for name, settings in sorted(all_settings().items()):
        digest.update(f"{name}:{settings!r}".encode())
    rule_dir = Path(rules.RULES_DIR)
    files = sorted(rule_dir.glob("*.toml"))
    for layer in ("extractors", "schemas", "pipeline"):
        root = _package_dir(layer)
        files += sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".tsv", ".toml")
                        and "__pycache__" not in p.parts and p.parent != rule_dir)
    models = _package_dir("extractors") / "models"
    files += sorted(p for p in models.rglob("*") if p.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _package_dir(name: str) -> Path:
    import importlib

    module = importlib.import_module(f"raadsstukken.{name}")
    return Path(module.__file__).resolve().parent


def process_file(task: FileTask) -> FileOutcome:
    """Parse one PDF, run the stages and build its rows for every dataset. Never raises for a bad file."""
    from raadsstukken.extractors.layout.parse import parse_pdf  # imported here: worker processes start light
    from raadsstukken.extractors.model import FileResult
    from raadsstukken.pipeline.stages import STAGES, run_stages

    path, source, fid = task.path, task.source, task.file_id
    started = datetime.now(timezone.utc).replace(microsecond=0)
    t0 = time.perf_counter()
    outcome = FileOutcome(source_file=source, file_id=fid, status="ok", started_at=started, path=str(path.resolve()))
    try:
        with time_limit(task.timeout), memory_limit(task.max_memory_mb):
            parsed = _open_and_parse(path, parse_pdf)
            outcome.n_pages = parsed.n_pages
            if parsed.n_pages == 0:
                raise EmptyPdf("the PDF has no pages")
            result, outcome.errors = run_stages(FileResult(fid, source, parsed, task.info), STAGES)
            outcome.tables = {name: dataset.to_table(dataset.rows(result))
                              for name, dataset in DATASETS.items() if dataset.rows is not None}
        for name, table in outcome.tables.items():
            problems = validate_table(DATASETS[name], table)
            if problems:  # a bug: nothing of this file is written
                raise SchemaViolation("; ".join(str(p) for p in problems))
        if parsed.repaired:
            outcome.warnings.append("repaired: broken cross-reference table; the file was read by scanning it, check the rows")
        if outcome.errors:
            outcome.status = "partial"
            first = outcome.errors[0]
            outcome.error = (f"{len(outcome.errors)} stage error(s); first: stage {first.stage}, "
                             f"page {first.page}: {first.message}")
        missing = [p.number for p in parsed.pages if p.needs_ocr]
        if missing:
            from raadsstukken.extractors.layout.ocr import INSTALL_HINT

            outcome.status, outcome.error_type = "needs_ocr", "no_text_layer"
            outcome.error = f"pages without a usable text layer ({_page_list(missing)}) were not OCR'd: {INSTALL_HINT}"
    except RaadsstukkenError as exc:
        outcome.status, outcome.error_type, outcome.error = "failed", exc.error_type, str(exc)
        outcome.tables = {}
    except MemoryError:
        outcome.status, outcome.error_type = "failed", "memory"
        outcome.error = f"needed more than {task.max_memory_mb} MB (a decompression bomb?)"
        outcome.tables = {}
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        _log.error("%s: unexpected error\n%s", source, traceback.format_exc())
        outcome.status, outcome.error_type = "failed", "internal"
        outcome.error = f"unexpected error ({type(exc).__name__}): {exc}"
        outcome.tables = {}
    outcome.duration_s = round(time.perf_counter() - t0, 3)
    return outcome


def _page_list(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:10])) + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")


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
        if isinstance(cause, MemoryError):
            raise cause from exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPdf(f"encrypted PDF: {cause!r}") from exc
        raise InvalidPdf(f"not a readable PDF: {cause!r}") from exc
    except PDFSyntaxError as exc:
        raise InvalidPdf(f"not a readable PDF: {exc}") from exc


def run(settings: RunSettings) -> RunSummary:
    """Process the inputs into `settings.out_dir`; returns one outcome per input file."""
    out = Path(settings.out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise OutputError(f"cannot write to {out}: {exc}") from exc
    chash = config_hash()
    started = datetime.now(timezone.utc)
    run_id = f"{started:%Y%m%dT%H%M%S%fZ}-{chash[:8]}"
    manifest = Manifest.load(out)

    inputs = discover_inputs(settings.inputs)
    todo: list[FileTask] = []
    outcomes: list[FileOutcome] = []
    seen_ids: dict[str, str] = {}
    duplicates: dict[str, list[str]] = {}
    for item in inputs:
        fid = hash_file(item.path)
        now = datetime.now(timezone.utc).replace(microsecond=0)
        if fid in seen_ids:
            duplicates.setdefault(fid, []).append(item.source)
            continue
        seen_ids[fid] = item.source
        entry = manifest.files.get(item.source)
        if (not settings.force and entry is not None and entry.file_id == fid and entry.status in ("ok", "partial", "needs_ocr")
                and entry.pipeline_version == __version__ and entry.config_hash == chash):
            outcomes.append(FileOutcome(item.source, fid, "skipped", now, n_pages=entry.n_pages))
            continue
        todo.append(FileTask(item.path, item.source, fid, item.info, settings.timeout, settings.max_memory_mb))

    if settings.prune:
        _prune(out, manifest, {i.source for i in inputs})
    progress = Progress(len(todo), enabled=settings.progress)
    for outcome in map_unordered(process_file, todo, jobs=settings.jobs, executor=settings.executor,
                                 scheduler=settings.scheduler):
        _commit(out, manifest, outcome, chash)
        outcomes.append(outcome)
        progress.update(outcome)
    progress.close()

    manifest.pipeline_version, manifest.config_hash = __version__, chash
    manifest.save(out)
    outcomes.sort(key=lambda o: o.source_file)
    runs = [RunRecord(run_id=run_id, file_id=o.file_id, source_file=o.source_file, status=o.status,
                      error_type=o.error_type, error=o.error, errors=[e.as_row() for e in o.errors] or None,
                      warnings=o.warnings or None, n_pages=o.n_pages, duration_s=o.duration_s,
                      pipeline_version=__version__, started_at=o.started_at,
                      other_names=sorted(duplicates.get(o.file_id, [])) or None) for o in outcomes]
    write_part(out, "runs", run_id, DATASETS["runs"].to_table(runs))
    if any(o.status != "skipped" for o in outcomes) or settings.prune or not (out / "links" / "cross-document.parquet").exists():
        from raadsstukken.pipeline.links import write_links

        write_links(out)
    ensure_datasets(out)
    return RunSummary(run_id, outcomes)


def _prune(out: Path, manifest: Manifest, present: set[str]) -> None:
    """Drop the rows and manifest entries of files that are no longer among the inputs."""
    for source in sorted(set(manifest.files) - present):
        entry = manifest.files.pop(source)
        if entry.part and not any(e.part == entry.part for e in manifest.files.values()):
            remove_part(out, entry.part)
        _log.info("%s: no longer among the inputs; its rows were removed", source)
    manifest.save(out)


def _commit(out: Path, manifest: Manifest, outcome: FileOutcome, chash: str) -> None:
    """Write a file's parts, then (only then) record it in the manifest."""
    part = outcome.file_id[:16]
    previous = manifest.files.get(outcome.source_file)
    if outcome.status == "failed":
        _log.warning("%s: %s: %s", outcome.source_file, outcome.error_type, outcome.error)
        return  # earlier rows of this file, if any, stay as they were
    try:
        write_parts(out, part, outcome.tables)
    except OSError as exc:  # a full disk, a folder that became unwritable: this file fails alone
        outcome.status, outcome.error_type, outcome.error = "failed", "write_error", f"cannot write its rows: {exc}"
        outcome.tables = {}
        _log.warning("%s: %s", outcome.source_file, outcome.error)
        return
    if previous is not None and previous.part and previous.part != part:
        if not any(e.part == previous.part for k, e in manifest.files.items() if k != outcome.source_file):
            remove_part(out, previous.part)
    manifest.files[outcome.source_file] = FileEntry(outcome.source_file, outcome.file_id, outcome.status,
                                                    outcome.n_pages, part, __version__, chash, outcome.path)
    manifest.save(out)
