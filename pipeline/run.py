"""A run: every input PDF through the stages into the output directory, one outcome per file.

Files are processed independently, each in a worker process that is killed at the file's time or
memory budget (`pipeline/worker.py`); the parent writes each file's parts atomically, then records
the file in the manifest. A bad file ends with a status and an error in `runs` and never stops the
batch. Without `force`, files whose content, pipeline
version and rules are unchanged since the last run are skipped and their rows left untouched.
"""
from __future__ import annotations

import hashlib
import logging
import os
import signal
import threading
import time
import traceback
from contextlib import contextmanager
from functools import partial
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import pyarrow as pa

from raadsstukken import __version__
from raadsstukken.pipeline import writer
from raadsstukken.pipeline import limits, worker
from raadsstukken.pipeline.errors import (EmptyPdf, EncryptedPdf, FileTimeout, InvalidPdf, OutputError, RaadsstukkenError,
                                          StageError, describe, error_kind)
from raadsstukken.pipeline.executors import EXECUTORS, Pool, check_executor, page_reporter
from raadsstukken.pipeline.inputs import InputFile, SourceInfo, discover_inputs
from raadsstukken.pipeline.early import EarlyRead, begin_early_read
from raadsstukken.pipeline.errors import where as describe_where
from raadsstukken.pipeline.progress import Progress, page_progress
from raadsstukken.pipeline.manifest import FileEntry, Manifest, OutputLock
from raadsstukken.pipeline.writer import SchemaViolation, ensure_datasets, write_part, write_parts
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
    """Seconds one file may take, reading and hashing included (None: limits.DEFAULT_TIMEOUT); its
    worker is killed then, the file fails with `timeout` and the batch goes on."""
    max_memory_mb: int | None = None
    """Memory (MB, on top of what its worker process uses) one file may take (None: a share of the
    machine's memory divided by `jobs`, limits.default_memory_mb); its worker is killed then, the
    file fails with `memory` (a decompression bomb) and the batch goes on. Linux only."""
    prune: bool = False
    """Remove the rows of files recorded in the output that are no longer among the inputs."""
    progress: bool = False
    """Report progress on standard error (a live line on a terminal, log lines otherwise)."""
    wait: bool = False
    """When another run holds the output's lock: wait for it (else OutputLocked, exit 2)."""
    compact: bool = True
    """After the run, compact datasets that hold AUTO_COMPACT_PARTS loose parts or more."""
    handle_signals: bool = True
    """Stop cleanly on SIGINT/SIGTERM (only when run in the main thread)."""
    allow_outside: bool = False
    """Read the rows of an input list that lie outside the list's folder (see inputs.discover_inputs)."""
    ocr: str = "auto"
    """OCR: `auto` (pages without a usable text layer or with a bad one), `force` (every page), `off`."""
    ocr_lang: str = "nld"
    """Tesseract's language models for OCR, `+` between several (`nld+eng` for mixed papers)."""

    def __post_init__(self) -> None:
        if self.scheduler and self.executor == "local":
            object.__setattr__(self, "executor", "dask")  # a scheduler means the dask executor
        if self.jobs < 1:
            raise ValueError("jobs must be at least 1")
        if self.executor not in EXECUTORS:
            raise ValueError(f"executor must be one of {EXECUTORS}")
        if self.timeout is not None and self.timeout <= 0:
            raise ValueError("timeout must be positive")
        from raadsstukken.extractors.layout.ocr import OcrSettings

        OcrSettings(self.ocr, self.ocr_lang)  # ValueError on an unknown mode or language code
        if self.max_memory_mb is not None and self.max_memory_mb < limits.MIN_MEMORY_MB:
            raise ValueError(f"max_memory_mb must be at least {limits.MIN_MEMORY_MB}")

    def budgets(self) -> tuple[float, int | None]:
        """(seconds, MB) each file may take; the memory budget of a Dask run is left to each Dask
        worker (its own memory limit divided by its threads) unless given."""
        memory = self.max_memory_mb
        if memory is None and self.executor == "local":
            memory = limits.default_memory_mb(self.jobs)
        return (self.timeout or limits.DEFAULT_TIMEOUT), memory


@dataclass(frozen=True)
class FileTask:
    """One input file to process: what a worker needs, and nothing that does not pickle."""

    path: Path
    source: str
    file_id: str
    info: SourceInfo
    timeout: float | None = None
    max_memory_mb: int | None = None
    warnings: tuple[str, ...] = ()
    """Notes from the input list (an unreadable date, a conflicting row) for `runs.warnings`."""
    stat: tuple[int, int, int] | None = None
    """(size, mtime_ns, inode) of the input when it was hashed, for the manifest."""
    size: int = 0
    ocr: Any = None
    """The `extractors.layout.ocr.OcrSettings` of the file's pages (None: the defaults)."""
    page_workers: int = 1
    """Processes that read the file's pages, by ranges (`parse.parse_pdf`'s `workers`): more than
    one for a file that is more of the run's work than one worker's share (see `_page_workers`)."""
    pages: Any = None
    """The file already read and its pages parsed by the early reader (`early.ReadPages`): the
    worker takes them instead of reading the file."""
    early: Any = field(default=None, compare=False, repr=False)
    """The early reader reading this file (`early.EarlyRead`, a local run's first file): taken in the
    parent by `process_file`, never sent to a worker."""


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
    stat: tuple[int, int, int] | None = None

    def __getstate__(self) -> dict[str, Any]:
        """Sent from the worker with its empty tables as their names only (most datasets have no
        rows in a given file, and pickling an empty table is pickling its schema) and the others as
        Arrow IPC streams: the same schema, metadata, columns and chunks, at a seventh of the CPU of
        pickling a table (0.38 -> 0.06 s for the dev corpus's 460 non-empty tables, both ways)."""
        state = dict(self.__dict__)
        state["tables"] = [(n, _ipc_bytes(t) if t.num_rows else None) for n, t in self.tables.items()]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        tables = state["tables"]
        if isinstance(tables, list):
            state["tables"] = {n: DATASETS[n].empty_table() if t is None else _ipc_table(t) for n, t in tables}
        self.__dict__.update(state)


def _ipc_bytes(table: pa.Table) -> pa.Buffer:
    """The table as an Arrow IPC stream, in an Arrow buffer: pickled with protocol 5 it goes out of
    band (the worker writes it to the pipe from where it lies, `worker._send`), else as bytes."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as stream:
        stream.write_table(table)
    return sink.getvalue()


def _ipc_table(data: bytes | pa.Buffer | pa.Table) -> pa.Table:
    return data if isinstance(data, pa.Table) else pa.ipc.open_stream(data).read_all()


@dataclass
class RunSummary:
    run_id: str
    outcomes: list[FileOutcome]
    interrupted: int | None = None
    """The signal that stopped the run (SIGINT, SIGTERM), or None when it ran to the end."""
    out_dir: str = ""
    started_at: str = ""
    finished_at: str = ""
    duration_s: float = 0.0
    not_started: int = 0
    """Files that were to be processed but were not when the run was interrupted."""

    @property
    def exit_code(self) -> int:
        if self.interrupted is not None:
            return 128 + self.interrupted
        return 1 if self.failed else 0

    def as_json(self) -> dict[str, Any]:
        """The run for monitoring (`--summary FILE`)."""
        return {"run_id": self.run_id, "out_dir": self.out_dir, "started_at": self.started_at,
                "finished_at": self.finished_at, "duration_s": self.duration_s, "exit_code": self.exit_code,
                "interrupted": signal.Signals(self.interrupted).name if self.interrupted else None,
                "files": len(self.outcomes), "not_started": self.not_started, "counts": self.counts(),
                "pages": sum(o.n_pages or 0 for o in self.outcomes if o.status != "skipped"),
                "failed": [{"source_file": o.source_file, "error_type": o.error_type, "error": o.error}
                           for o in self.failed]}

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


def process_file(task: FileTask, upcoming: Callable[[Callable[[FileTask], FileTask]], FileTask | None] | None = None
                 ) -> FileOutcome:
    """Parse one PDF, run the stages and build its rows for every dataset, in this thread's worker
    process, which is killed at the file's budgets. Never raises for a bad file. `upcoming` (the
    local pool's, `executors.Pool.map` with `ahead`): takes the thread's next file, which goes to
    the worker as soon as this file's result is off the pipe (unless the early reader has it)."""
    seconds, memory = file_budgets(task)
    then = None
    if upcoming is not None:
        def then() -> tuple[FileTask, int] | None:
            assert upcoming is not None
            nxt = upcoming(_claimed)
            if nxt is None or nxt.early is not None:
                return None
            return nxt, file_budgets(nxt)[1]
    early_notes: list[worker.Note] = []
    if task.early is not None:  # its pages were being read while the model loaded (pipeline/early.py)
        started = _now()
        got = task.early.take(task.source)
        pages, early_notes = got if isinstance(got, tuple) else (None, [])
        if (report := page_reporter()) is not None and (pages is not None or isinstance(got, worker.Breach)):
            for page in task.early.pages_read.get(task.source, ()):  # the reader's page progress, late
                report(*page)  # (not when the worker reads the file again)
        if isinstance(got, worker.Breach):
            return _breach_outcome(task, got, started)
        task = replace(task, early=None, pages=pages)
        if pages is not None:
            seconds = max(seconds - pages.seconds, 0.001)
    worker.preload()
    started = _now()
    result = worker.thread_worker(extract_file, page_reporter()).run(task, seconds, memory, then=then)
    if isinstance(result, worker.Breach):
        return _breach_outcome(task, result, started)
    outcome, notes = result
    worker.emit_notes(task.source, (early_notes if task.pages is not None else []) + notes)
    outcome.error_type = error_kind(outcome.error_type) if outcome.error_type else None
    return outcome


def _claimed(task: FileTask) -> FileTask:
    """A file taken by a worker early: one that the early reader has not started (and now never
    will) is the worker's to read, no longer the reader's."""
    if task.early is not None and task.early.claim(task.source):
        return replace(task, early=None)
    return task


def file_budgets(task: FileTask) -> tuple[float, int]:
    """(seconds, MB) the file may take in its worker."""
    return (task.timeout or limits.DEFAULT_TIMEOUT,
            task.max_memory_mb or limits.dask_memory_mb() or limits.default_memory_mb(1))


def _breach_outcome(task: FileTask, breach: worker.Breach, started: datetime) -> FileOutcome:
    """The failed outcome of a file whose worker was stopped (or died)."""
    kind = breach.kind
    detail = {"timeout": "the file's worker was stopped", "memory": "the file's worker was stopped"}.get(kind, "")
    error = f"{breach.message} ({describe_where(breach.stage, breach.page)})" + (f"; {detail}" if detail else "")
    if kind == "memory":
        error += " (a decompression bomb or a huge page image?)"
    return FileOutcome(source_file=task.source, file_id=task.file_id, status="failed", started_at=started,
                       duration_s=breach.seconds, error_type=kind, error=error, warnings=list(task.warnings),
                       path=str(task.path.resolve()), stat=task.stat)


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def extract_file(task: FileTask) -> FileOutcome:
    """The work of `process_file`, in the process it is called in (a worker's child): the file is
    read once, and the rows come from the bytes that were hashed (when the file changed since it was
    planned, under the new sha256, with a warning). Never raises for a bad file."""
    from raadsstukken.extractors.model import FileResult  # imported here: worker processes start light
    from raadsstukken.pipeline.stages import STAGES, run_stages

    path, source, fid = task.path, task.source, task.file_id
    early = task.pages  # early.ReadPages: read and parsed while the model loaded
    started = early.started_at if early is not None else _now()
    t0 = time.perf_counter() - (early.seconds if early is not None else 0.0)
    outcome = FileOutcome(source_file=source, file_id=fid, status="ok", started_at=started, path=str(path.resolve()),
                          warnings=list(task.warnings), stat=task.stat)
    try:
        worker.note("read")
        if early is not None:
            outcome.file_id, outcome.stat = early.file_id, early.stat
        else:
            data, outcome.stat = _read(path)
            outcome.file_id = hashlib.sha256(data).hexdigest()
        if outcome.file_id != fid:
            outcome.warnings.append(f"changed since the run started: the rows are from the content read when it was "
                                    f"parsed (sha256 {outcome.file_id[:16]}…, not {fid[:16]}…)")
        worker.note("parse")
        if early is not None:
            parsed = early.parsed()
        else:
            parsed = parse_file(task, data)
            del data  # parsed: a scan's bytes need not stay through the stages
        outcome.n_pages = parsed.n_pages
        if parsed.n_pages == 0:
            raise EmptyPdf("the PDF has no pages")
        result, outcome.errors = run_stages(FileResult(outcome.file_id, source, parsed, task.info),
                                            tuple(_noted(s) for s in STAGES))
        worker.note("rows")
        outcome.tables = {name: dataset.to_table(dataset.rows(result))
                          for name, dataset in DATASETS.items() if dataset.rows is not None}
        read = _ReadNotes.of(parsed)
        # the rows are made: the pages and the stages' results go before validation and the trip to the
        # parent, which then reuse their memory instead of adding to it (a long file's peak)
        del result, parsed
        limits.trim_heap()
        worker.note("validate")
        for name, table in outcome.tables.items():
            problems = validate_table(DATASETS[name], table)
            if problems:  # a bug: nothing of this file is written
                raise SchemaViolation("; ".join(str(p) for p in problems))
        from raadsstukken.extractors.coverage import coverage_warning

        if (low := coverage_warning(outcome.tables.get("pages"))) is not None:
            outcome.warnings.append(low)
        outcome.warnings.extend(read.notes)  # pages read within a budget (extractors/layout/dense.py)
        if read.repaired:
            outcome.warnings.append("repaired: broken cross-reference table; the file was read by scanning it, check the rows")
        if read.controls_dropped:
            from raadsstukken.extractors.text.controls import controls_warning

            outcome.warnings.append(controls_warning(read.controls_dropped))
        if outcome.errors:
            outcome.status = "partial"
            first = outcome.errors[0]
            outcome.error = (f"{len(outcome.errors)} stage error(s); first: stage {first.stage}, "
                             f"page {first.page}: {first.message}")
        if read.missing:
            from raadsstukken.extractors.layout.ocr import INSTALL_HINT

            outcome.status, outcome.error_type = "needs_ocr", "no_text_layer"
            outcome.error = (f"pages without a usable text layer ({_page_list(list(read.missing))}) were not OCR'd: "
                             f"{INSTALL_HINT}")
    except OSError as exc:
        outcome.status, outcome.error_type = "failed", "invalid_input"
        outcome.error = f"cannot read {path}: {exc.strerror or exc}"
        outcome.tables = {}
    except RaadsstukkenError as exc:
        outcome.status, outcome.error_type, outcome.error = "failed", error_kind(exc.error_type), str(exc)
        outcome.tables = {}
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch; MemoryError included
        stage, page = worker.where()
        outcome.status = "failed"
        outcome.error_type, outcome.error = describe(exc, stage, page)
        if outcome.error_type == "internal":
            _log.error("%s: unexpected error\n%s", source, traceback.format_exc())
        outcome.tables = {}
    outcome.duration_s = round(time.perf_counter() - t0, 3)
    return outcome


def parse_file(task: FileTask, data: bytes) -> Any:
    """The file's pages (`parse.ParsedPdf`) from its bytes, with page progress; in a worker's child
    a file of `page_workers` > 1 is read by ranges in helpers. Raises what `_open_and_parse` does."""
    from raadsstukken.extractors.layout.parse import parse_pdf

    report = worker.child_page_report if worker.in_child() else page_reporter()
    with page_progress(task.source, report):
        ranges = worker.in_helpers if worker.in_child() and task.page_workers > 1 else None
        return _open_and_parse(task.path, partial(parse_pdf, data=data, ocr=task.ocr or True,
                                                  workers=task.page_workers, run_ranges=ranges))


@dataclass(frozen=True)
class _ReadNotes:
    """What a file's outcome says of how its pages were read, kept when the pages are let go."""

    notes: tuple[str, ...]
    repaired: bool
    controls_dropped: int
    missing: tuple[int, ...]
    """Pages without a usable text layer that were not OCR'd."""

    @classmethod
    def of(cls, parsed: Any) -> _ReadNotes:
        return cls(tuple(parsed.notes), parsed.repaired, parsed.controls_dropped,
                   tuple(p.number for p in parsed.pages if p.needs_ocr))


def _read(path: Path) -> tuple[bytes, tuple[int, int, int]]:
    """The file's bytes, and its (size, mtime_ns, inode) as it was opened: what the manifest
    records is what was read, so a later change is seen by the next run."""
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        return fh.read(), (st.st_size, st.st_mtime_ns, st.st_ino)


def _noted(stage):
    """The stage, telling the worker where the file is when it runs (named if the file is killed)."""
    function = stage.function
    if stage.scope == "file":
        def run_file(result):
            worker.note(stage.name)
            return function(result)
        return replace(stage, function=run_file)

    def run_document(result, doc):
        worker.note(stage.name, doc.part.page_start)
        return function(result, doc)
    return replace(stage, function=run_document)


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
        if isinstance(cause, FileTimeout):
            raise cause from exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise EncryptedPdf(f"encrypted PDF: {cause!r}") from exc
        raise InvalidPdf(f"not a readable PDF: {cause!r}") from exc
    except PDFSyntaxError as exc:
        raise InvalidPdf(f"not a readable PDF: {exc}") from exc


OK_STATUSES = ("ok", "partial", "needs_ocr")
SAVE_EVERY = 2.0
"""Seconds between manifest saves during a run (entries are still only written after their parts)."""


class Interrupted(BaseException):
    """SIGINT or SIGTERM reached the run (a BaseException: no `except Exception` of a file stops it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"interrupted by {signal.Signals(signum).name}")
        self.signum = signum


class _Signals:
    """SIGINT/SIGTERM raise Interrupted in the main thread, except inside a commit: then after it."""

    def __init__(self) -> None:
        self.received: int | None = None
        self.critical = 0
        self.previous: dict[int, Any] = {}

    def handle(self, signum: int, frame: object) -> None:
        if self.received is None:
            self.received = signum
            _log.warning("%s: stopping; files finished so far are kept", signal.Signals(signum).name)
        if not self.critical:
            raise Interrupted(self.received)

    @contextmanager
    def installed(self, enabled: bool) -> Iterator[None]:
        enabled = enabled and threading.current_thread() is threading.main_thread()
        if enabled:
            for sig in (signal.SIGINT, signal.SIGTERM):
                self.previous[sig] = signal.signal(sig, self.handle)
        try:
            yield
        finally:
            for sig, handler in self.previous.items():
                signal.signal(sig, handler)
            self.previous.clear()

    @contextmanager
    def deferred(self) -> Iterator[None]:
        self.critical += 1
        try:
            yield
        finally:
            self.critical -= 1
        if self.received is not None and not self.critical:
            raise Interrupted(self.received)


def _schema_hash() -> str:
    digest = hashlib.sha256()
    for name, dataset in DATASETS.items():
        digest.update(f"{name}:{dataset.schema}".encode())
    return digest.hexdigest()[:16]


def _check_output(out: Path) -> None:
    """A usage error, before anything is created, when `out` cannot be made or written."""
    probe = out
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if probe != out and not probe.is_dir():
        raise OutputError(f"cannot write to {out}: {probe} is not a folder")
    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot write to {out}: it is not a folder")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write to {out}: permission denied on {probe}")


def _hash(path: Path, budget: float | None) -> str:
    """sha256 of the file, within the file's time budget (FileTimeout past it)."""
    digest = hashlib.sha256()
    t0 = time.perf_counter()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 22):
            digest.update(chunk)
            if budget and time.perf_counter() - t0 > budget:
                raise FileTimeout(f"took longer than {budget:g} s (hashing the file)")
    return digest.hexdigest()


def _key_id(key: str) -> str:
    """The file_id of an input that could not be read: sha256 of its source key (no bytes to hash)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def run(settings: RunSettings) -> RunSummary:
    """Process the inputs into `settings.out_dir`; returns one outcome per input file.

    Usage errors (inputs that do not exist, an output that cannot be written, an executor that
    cannot start, another run holding the output) raise before anything is created.
    """
    out = Path(settings.out_dir)
    check_executor(settings.executor, settings.scheduler)
    inputs = discover_inputs(settings.inputs, allow_outside=settings.allow_outside)
    _check_output(out)
    t_start = time.perf_counter()
    started = datetime.now(timezone.utc)
    pool = Pool(settings.jobs, settings.executor, settings.scheduler)
    pool.__enter__()  # a Dask cluster that does not answer is a usage error: before the output exists
    try:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write to {out}: {exc}") from exc
        say = (lambda m: _log.warning("%s", m)) if settings.progress else None
        try:
            lock = OutputLock(out, wait=settings.wait, say=say).__enter__()
        except PermissionError as exc:
            raise OutputError(f"cannot write to {out}: {exc}") from exc
        try:
            return _locked_run(settings, out, inputs, pool, started, t_start)
        finally:
            lock.__exit__(None, None, None)
    finally:
        pool.__exit__(None, None, None)


def _locked_run(settings: RunSettings, out: Path, inputs: list[InputFile], pool: Pool, started: datetime,
                t_start: float) -> RunSummary:
    removed = writer.clean_up(out)
    if removed:
        _log.info("removed %d temporary file(s) a killed run left in %s", len(removed), out)
    from raadsstukken.extractors.layout.ocr import ocr_config_hash

    config = _Once(lambda: ocr_config_hash(config_hash(), settings.ocr, settings.ocr_lang))
    # (hashed once the early reader is at work: only an incremental run's plan needs it before)
    manifest = Manifest.load(out)
    present = writer.present_parts(out) if manifest.files else {}
    in_segments = _segment_parts(out) if manifest.files else set()
    stale_parts: set[str] = set()
    signals = _Signals()
    outcomes: list[FileOutcome] = []
    todo: list[FileTask] = []
    duplicates: dict[str, list[str]] = {}
    interrupted: int | None = None
    changed = False
    early: EarlyRead | None = None
    with signals.installed(settings.handle_signals):
        try:
            todo = _plan(settings, inputs, manifest, present, config, outcomes, duplicates)
            if settings.prune:
                changed |= _prune(out, manifest, {i.source for i in inputs}, present)
            progress = Progress(len(todo), enabled=settings.progress, total_bytes=sum(t.size for t in todo))
            pool.on_page = progress.page
            if todo and settings.executor == "local":
                # the first file's pages are read while the model loads (pipeline/early.py: --jobs 2 or more)
                todo, early = begin_early_read(todo, settings.jobs)
            chash = config()
            if todo and settings.executor == "local":
                worker.preload()  # once, here: every worker process forked from this one shares it
            last_save = time.perf_counter()
            batch = (_Batch(set().union(*writer.present_parts(out).values()))
                     if settings.compact and not manifest.partition_by and len(todo) >= writer.AUTO_COMPACT_PARTS
                     else None)

            def commit(outcome: FileOutcome) -> bool:
                if batch is None:
                    return _commit(out, manifest, outcome, chash, stale_parts)
                return batch.add(outcome) and batch.flush(out, manifest, chash, stale_parts)

            try:
                with pool:
                    for outcome in pool.map(process_file, todo, ahead=True):
                        with signals.deferred():
                            changed |= commit(outcome)
                            outcomes.append(outcome)
                            progress.update(outcome, outcome.stat[0] if outcome.stat else 0)
                            if time.perf_counter() - last_save > SAVE_EVERY:
                                manifest.save(out)
                                last_save = time.perf_counter()
                if batch is not None:
                    with signals.deferred():
                        changed |= batch.flush(out, manifest, chash, stale_parts)
            except (Interrupted, KeyboardInterrupt):
                signals.critical += 1  # from here on a signal only records itself
                for outcome in pool.finished():
                    changed |= commit(outcome)
                    outcomes.append(outcome)
                if batch is not None:
                    changed |= batch.flush(out, manifest, chash, stale_parts)
                raise
            finally:
                progress.close()
        except Interrupted as exc:
            interrupted = exc.signum
            signals.critical += 1
        except KeyboardInterrupt:  # SIGINT's own handler (a run outside the main thread, or before ours)
            interrupted = signal.SIGINT
            signals.critical += 1
        finally:
            if early is not None:
                early.close()  # stopped before its file was taken (an interrupt): its process goes too
    with signals.installed(settings.handle_signals):
        signals.critical += 1  # the bookkeeping below always finishes (a second signal is noted only)
        chash = config()
        run_id = f"{started:%Y%m%dT%H%M%S%fZ}-{chash[:8]}"
        manifest.pipeline_version, manifest.config_hash = __version__, chash
        if changed:
            manifest.links_current = False
        manifest.save(out)
        if in_segments:
            writer.settle(out, stale_parts)
        outcomes.sort(key=lambda o: o.source_file)
        runs = [RunRecord(run_id=run_id, file_id=o.file_id, source_file=o.source_file, status=o.status,
                          error_type=o.error_type, error=o.error, errors=[e.as_row() for e in o.errors] or None,
                          warnings=o.warnings or None, n_pages=o.n_pages, duration_s=o.duration_s,
                          pipeline_version=__version__, started_at=o.started_at,
                          other_names=sorted(duplicates.get(o.file_id, [])) or None) for o in outcomes]
        if runs:
            write_part(out, "runs", run_id, DATASETS["runs"].to_table(runs))
        if interrupted is None and not manifest.links_current:
            from raadsstukken.pipeline.links import write_links

            write_links(out)
            manifest.links_current = True
        schema = _schema_hash()
        ensure_datasets(out, upgrade=manifest.schema_hash != schema)
        manifest.schema_hash = schema
        if settings.compact and interrupted is None:
            writer.compact(out, min_parts=writer.AUTO_COMPACT_PARTS, partition_by=tuple(manifest.partition_by),
                           partitions=_partitions(out, manifest))
        manifest.save(out)
    done = {o.source_file for o in outcomes}
    return RunSummary(run_id, outcomes, interrupted=interrupted, out_dir=str(out),
                      started_at=started.isoformat(timespec="seconds"),
                      finished_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                      duration_s=round(time.perf_counter() - t_start, 3),
                      not_started=sum(1 for t in todo if t.source not in done))


def _partitions(out: Path, manifest: Manifest) -> dict[str, tuple[str, ...]] | None:
    if not manifest.partition_by:
        return None
    return writer.partition_values(out, tuple(manifest.partition_by))


def _segment_parts(out: Path) -> set[str]:
    found: set[str] = set()
    for name in DATASETS:
        for path in writer.dataset_files(out, name):
            if path.name.startswith(writer.SEGMENT_PREFIX):
                found.update(p for p, _ in writer.segment_parts(path))
    return found


def _parts_present(entry: FileEntry, present: dict[str, set[str]]) -> bool:
    if not entry.part:
        return False
    names = list(entry.datasets) if entry.datasets is not None else ["pages"]
    return all(entry.part in present.get(name, ()) for name in names)


def _plan(settings: RunSettings, inputs: list[InputFile], manifest: Manifest, present: dict[str, set[str]],
          config: Callable[[], str], outcomes: list[FileOutcome], duplicates: dict[str, list[str]]) -> list[FileTask]:
    """Which inputs to process: unchanged ones (same size, mtime and inode, or same hash) are skipped;
    `config()` is the run's config hash, asked only when a file's manifest entry could be current."""
    todo: list[FileTask] = []
    seen_ids: dict[str, str] = {}
    from raadsstukken.extractors.layout.ocr import retry_needs_ocr, run_settings

    ocr = run_settings(settings.ocr, settings.ocr_lang, settings.jobs)
    seconds, memory = settings.budgets()

    def now() -> datetime:
        return datetime.now(timezone.utc).replace(microsecond=0)

    def failed(item: InputFile, fid: str, error_type: str, error: str) -> None:
        outcomes.append(FileOutcome(item.source, fid, "failed", now(), error_type=error_type, error=error,
                                    warnings=list(item.warnings)))
        _log.warning("%s: %s: %s", item.source, error_type, error)

    for item in inputs:
        if item.problem:
            failed(item, _key_id(item.source), "invalid_input", item.problem)
            continue
        try:
            st = os.stat(item.path)
        except OSError as exc:
            failed(item, _key_id(item.source), "invalid_input", f"cannot read {item.path}: {exc.strerror or exc}")
            continue
        stat_key = (st.st_size, st.st_mtime_ns, st.st_ino)
        entry = manifest.files.get(item.source)
        current = (not settings.force and entry is not None and entry.status in OK_STATUSES
                   and not retry_needs_ocr(entry.status, settings.ocr, settings.ocr_lang)
                   and entry.pipeline_version == __version__ and entry.config_hash == config() and _parts_present(entry, present))
        if current and entry is not None and (entry.size, entry.mtime_ns, entry.inode) == stat_key:
            fid = entry.file_id  # unchanged on disk: not hashed again
        else:
            t0 = time.perf_counter()
            try:
                fid = _hash(item.path, seconds)
            except FileTimeout as exc:
                failed(item, _key_id(item.source), "timeout", str(exc))
                continue
            except OSError as exc:
                failed(item, _key_id(item.source), "invalid_input", f"cannot read {item.path}: {exc.strerror or exc}")
                continue
            spent = time.perf_counter() - t0
            if fid not in seen_ids and not (current and entry is not None and entry.file_id == fid):
                seen_ids[fid] = item.source
                todo.append(FileTask(item.path, item.source, fid, item.info, max(seconds - spent, 0.001), memory,
                                     item.warnings, stat_key, st.st_size, ocr=ocr))
                continue
            if current and entry is not None and entry.file_id == fid:
                entry.size, entry.mtime_ns, entry.inode = stat_key  # touched, not changed
        if fid in seen_ids:
            duplicates.setdefault(fid, []).append(item.source)
            continue
        seen_ids[fid] = item.source
        outcomes.append(FileOutcome(item.source, fid, "skipped", now(), n_pages=entry.n_pages if entry else None,
                                    warnings=list(item.warnings)))
    return _page_workers(todo, settings.jobs) if settings.executor == "local" else todo


class _Once:
    """`function()`, called the first time it is asked for and remembered."""

    def __init__(self, function: Callable[[], str]) -> None:
        self.function = function
        self.value: str | None = None

    def __call__(self) -> str:
        if self.value is None:
            self.value = self.function()
        return self.value


def _page_workers(todo: list[FileTask], jobs: int) -> list[FileTask]:
    """Each of `jobs` workers takes a file at a time; a file of more bytes than a worker's share of
    the run (all files' bytes over `jobs`) would keep one busy after the others ran out of files, so
    its pages are read by `jobs` processes (by ranges, when it has enough pages: `parse.page_spans`).
    At most `jobs` - 1 files of a run can be that large, so at most that many helpers run at once."""
    total = sum(t.size for t in todo)
    if jobs < 2 or not total:
        return todo
    return [replace(t, page_workers=jobs) if t.size * jobs > total else t for t in todo]


def _prune(out: Path, manifest: Manifest, present_inputs: set[str], present: dict[str, set[str]]) -> bool:
    """Drop the rows and manifest entries of files that are no longer among the inputs, and rows of
    parts no manifest entry names (orphans of an interrupted or concurrent run)."""
    gone = sorted(set(manifest.files) - present_inputs)
    for source in gone:
        manifest.files.pop(source)
        _log.info("%s: no longer among the inputs; its rows were removed", source)
    kept = {e.part for e in manifest.files.values() if e.part}
    orphans = {p for name, parts in (present or writer.present_parts(out)).items() if name not in ("runs", "links")
               for p in parts if p not in kept and p not in writer.UNCOMPACTED}
    if orphans:
        _log.info("removing the rows of %d part(s) no manifest entry names", len(orphans))
        writer.remove_parts(out, orphans)
    manifest.save(out)
    return bool(gone or orphans)


def _commit(out: Path, manifest: Manifest, outcome: FileOutcome, chash: str, stale_parts: set[str] | None = None) -> bool:
    """Write a file's parts, then (only then) record it in the manifest. True when rows changed."""
    part = outcome.file_id[:16]
    if outcome.status == "failed":
        _log.warning("%s: %s: %s", outcome.source_file, outcome.error_type, outcome.error)
        return False  # earlier rows of this file, if any, stay as they were
    try:
        write_parts(out, part, outcome.tables, validated=True)  # extract_file validated them
    except OSError as exc:  # a full disk, a folder that became unwritable: this file fails alone
        _write_failed(outcome, exc)
        return False
    _record(manifest, out, outcome, chash, stale_parts)
    return True


def _write_failed(outcome: FileOutcome, exc: OSError) -> None:
    outcome.status, outcome.error_type, outcome.error = "failed", "write_error", f"cannot write its rows: {exc}"
    outcome.tables = {}
    _log.warning("%s: %s", outcome.source_file, outcome.error)


def _record(manifest: Manifest, out: Path, outcome: FileOutcome, chash: str, stale_parts: set[str] | None) -> None:
    """A file whose rows are written: its manifest entry, and its earlier part (of other content) removed."""
    part = outcome.file_id[:16]
    previous = manifest.files.get(outcome.source_file)
    stale = set()
    if previous is not None and previous.part and previous.part != part:
        if not any(e.part == previous.part for k, e in manifest.files.items() if k != outcome.source_file):
            stale.add(previous.part)
    writer.remove_parts(out, stale, segments=False)
    if stale_parts is not None:
        # earlier rows in a compacted segment are removed at the end of the run, one rewrite per segment
        # (writer.settle); until then, and after a crash, the loose part is the newer copy
        stale_parts.update(stale)
    manifest.files[outcome.source_file] = FileEntry(
        outcome.source_file, outcome.file_id, outcome.status, outcome.n_pages, part, __version__, chash, outcome.path,
        *(outcome.stat or (None, None, None)), datasets={n: t.num_rows for n, t in sorted(outcome.tables.items()) if t.num_rows})


BATCH_BYTES = 64 << 20
"""Arrow bytes of rows a large run holds before it writes them as segments."""
BATCH_SECONDS = 300.0
"""...and seconds: a crash costs at most this much work (those files are extracted again)."""


@dataclass
class _Batch:
    """A large run's finished files, held until their rows are written together as segments
    (`writer.write_segments`): each row written once, instead of a part per file that the
    compaction after the run reads back and writes again. Used when the run would compact anyway
    (AUTO_COMPACT_PARTS files or more to do, compaction on, no partitioning)."""

    present: set[str]
    """Parts the output held when the run started (replaced when a file of the batch has one)."""
    outcomes: list[FileOutcome] = field(default_factory=list)
    nbytes: int = 0
    since: float = field(default_factory=time.perf_counter)

    def add(self, outcome: FileOutcome) -> bool:
        """Hold a finished file; True when the batch is due to be written."""
        if outcome.status == "failed":
            _log.warning("%s: %s: %s", outcome.source_file, outcome.error_type, outcome.error)
            return False  # earlier rows of this file, if any, stay as they were
        self.outcomes.append(outcome)
        self.nbytes += sum(t.nbytes for t in outcome.tables.values())
        return self.nbytes >= BATCH_BYTES or time.perf_counter() - self.since >= BATCH_SECONDS

    def flush(self, out: Path, manifest: Manifest, chash: str, stale_parts: set[str]) -> bool:
        """Write the held files' rows, then (only then) record them in the manifest. True when rows changed."""
        held, self.outcomes, self.nbytes, self.since = self.outcomes, [], 0, time.perf_counter()
        if not held:
            return False
        parts = [(o.file_id[:16], o.tables) for o in held]
        try:
            writer.write_segments(out, parts, replace={p for p, _ in parts if p in self.present})
        except OSError as exc:  # a full disk: the files of this batch fail, nothing of them is written
            for outcome in held:
                _write_failed(outcome, exc)
            return False
        for outcome in held:
            _record(manifest, out, outcome, chash, stale_parts)
        return True
