"""The `raadsstukken` command (also `python -m pipeline`)."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from raadsstukken import __version__
from raadsstukken.pipeline.terminal import VisibleFormatter, visible


QUIET_LOGGERS = ("pdfminer", "pdfplumber", "PIL", "fontTools", "matplotlib", "urllib3", "fsspec", "asyncio", "tornado",
                 "bokeh", "spacy", "numba", "distributed", "dask")
"""Other libraries' loggers: kept at WARNING whatever -v says (pdfminer alone logs thousands of DEBUG
lines per page), except the Dask cluster's, which -v lets through at INFO."""


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_DATES = "%Y-%m-%dT%H:%M:%S"


def configure_logging(verbose: int = 0, quiet: bool = False) -> None:
    """Timestamped log lines on standard error; -v the pipeline's INFO, -vv its DEBUG; --quiet errors only."""
    logging.basicConfig(level=logging.WARNING, format=LOG_FORMAT, datefmt=LOG_DATES)
    for handler in logging.getLogger().handlers:  # names and texts in log lines: controls shown, not obeyed
        if type(handler) is logging.StreamHandler and not isinstance(handler.formatter, VisibleFormatter):
            handler.setFormatter(VisibleFormatter(LOG_FORMAT, LOG_DATES))
    level = logging.ERROR if quiet else logging.WARNING - 10 * min(verbose, 2)
    logging.getLogger("raadsstukken").setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR if quiet else logging.WARNING)
    if verbose and not quiet:
        for name in ("distributed", "dask"):
            logging.getLogger(name).setLevel(logging.INFO)


def _verbosity(verbose: int, quiet: bool) -> tuple[int, bool]:
    """-v/-q given to the group and to the subcommand add up."""
    ctx = click.get_current_context()
    outer = ctx.find_root().obj or {}
    return verbose + outer.get("verbose", 0), quiet or outer.get("quiet", False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="raadsstukken")
@click.option("-v", "--verbose", count=True, help="The pipeline's own messages (-vv for debug); libraries stay at WARNING.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress.")
@click.pass_context
def main(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """Dutch council papers (PDF) into normalized Parquet datasets."""
    ctx.obj = {"verbose": verbose, "quiet": quiet}
    configure_logging(verbose, quiet)


def _fail(message: str) -> None:
    """A usage error in one line, exit 2."""
    click.echo(f"error: {visible(message)}", err=True)
    sys.exit(2)


@main.command("run")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("output"), show_default=True, type=click.Path(path_type=Path),
              help="Output directory.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="local (default): this machine (--jobs processes); dask: a Dask cluster (--scheduler, or a local one).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 "
              "(implies --executor dask).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take (hashing included; default 300); its worker is then killed, "
              "it fails with 'timeout' and the batch goes on.")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=64), default=None,
              help="MB one file may take on top of its worker process (Linux; default a quarter of the "
              "machine's memory divided by --jobs); a file over it fails with 'memory', alone.")
@click.option("--allow-outside", "allow_outside", is_flag=True,
              help="Read rows of an input list that lie outside the list's folder (absolute paths, '..', symlinks).")
@click.option("--prune", is_flag=True, help="Remove the rows of files no longer among the inputs, and orphan rows.")
@click.option("--force", is_flag=True, help="Reprocess files whose rows are up to date.")
@click.option("--ocr", "ocr", type=click.Choice(["auto", "force", "off"]), default="auto", show_default=True,
              help="auto: OCR pages without a usable text layer or with a bad one; force: every page; off: none.")
@click.option("--ocr-lang", "ocr_lang", default="nld", show_default=True,
              help="Tesseract language models, + between several (nld+eng for mixed papers).")
@click.option("--wait", is_flag=True, help="When another run is writing to --out, wait for it (default: exit 2).")
@click.option("--no-compact", "no_compact", is_flag=True, help="Do not compact datasets after the run.")
@click.option("--summary", "summary_file", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Write a JSON summary of the run to this file (for monitoring).")
@click.option("-v", "--verbose", count=True, help="The pipeline's own messages (-vv for debug).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress and no per-file lines.")
def run_command(inputs: tuple[Path, ...], out_dir: Path, jobs: int, executor: str | None, scheduler: str | None,
                timeout: float | None, max_memory_mb: int | None, prune: bool, force: bool, wait: bool,
                no_compact: bool, summary_file: Path | None, verbose: int, quiet: bool, ocr: str = "auto",
                ocr_lang: str = "nld", allow_outside: bool = False) -> None:
    """Extract INPUT PDFs into datasets under --out.

    INPUT: PDF files, folders of PDFs, or lists of PDFs (.csv with , or ; or .jsonl, with a 'path'
    column and optional municipality, url, published, meeting_date, meeting_id, kind); default raw/.

    One run at a time writes an output (a lock in --out). SIGINT/SIGTERM stop within seconds,
    keep the files finished so far and write their runs rows.

    Exit status: 0 when every file is ok, skipped or needs OCR; 1 when some failed; 2 on usage
    errors (nothing is created then); 130 after SIGINT, 143 after SIGTERM.
    """
    from raadsstukken.pipeline.errors import OutputError
    from raadsstukken.pipeline.executors import ExecutorError
    from raadsstukken.pipeline.inputs import InputListError
    from raadsstukken.pipeline.manifest import OutputLocked
    from raadsstukken.pipeline.run import RunSettings, run

    verbose, quiet = _verbosity(verbose, quiet)
    configure_logging(verbose, quiet)
    if executor == "local" and scheduler:
        _fail("--scheduler needs --executor dask (or leave --executor out)")
    try:
        settings = RunSettings(inputs=tuple(inputs) or (Path("raw"),), out_dir=out_dir, force=force, jobs=jobs,
                               executor=executor or ("dask" if scheduler else "local"), scheduler=scheduler,
                               timeout=timeout, max_memory_mb=max_memory_mb, prune=prune, progress=not quiet,
                               wait=wait, compact=not no_compact, ocr=ocr, ocr_lang=ocr_lang, allow_outside=allow_outside)
        summary = run(settings)
    except (FileNotFoundError, InputListError, OutputError, OutputLocked, ExecutorError, ValueError) as exc:
        _fail(str(exc))
        return
    except OSError as exc:  # a full disk or a read-only remount while the run wrote its bookkeeping
        click.echo(f"error: write_error: the run could not finish writing {visible(out_dir)}: "
                   f"{visible(exc.strerror or exc)}; the files committed before are kept, the next run "
                   "does the rest", err=True)
        sys.exit(1)
    if not quiet:
        for o in summary.outcomes:
            if o.status in ("failed", "needs_ocr"):
                click.echo(f"{o.status:9s} {visible(o.source_file)}  {o.error_type}: {visible(o.error)}")
    counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.counts().items()))
    stopped = ""
    if summary.interrupted:
        import signal

        stopped = f" (stopped by {signal.Signals(summary.interrupted).name}; {summary.not_started} file(s) not done)"
    if not quiet or summary.interrupted:
        click.echo(f"run {summary.run_id}: {counts or 'no input files'} -> {visible(out_dir)}{stopped}")
    if summary_file is not None:
        import json

        summary_file.write_text(json.dumps(summary.as_json(), indent=1) + "\n", encoding="utf-8")
    sys.exit(summary.exit_code)


@main.command("validate")
@click.argument("out_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--repair", is_flag=True, help="Mend what is inconsistent: orphan rows, temporary files, stale copies; "
              "files whose rows are missing are forgotten, so the next run extracts them again.")
@click.option("--wait", is_flag=True, help="With --repair: wait for a run writing OUT_DIR (default: exit 2).")
def validate_command(out_dir: Path, repair: bool, wait: bool) -> None:
    """Check every dataset in OUT_DIR against its schema, and the manifest against the files.
    Exit 0 when valid, 1 when not."""
    from raadsstukken.schemas import validate_directory

    if repair:
        from raadsstukken.pipeline.manifest import OutputLock, OutputLocked
        from raadsstukken.pipeline.writer import repair as repair_output

        try:
            with OutputLock(out_dir, wait=wait, say=lambda m: click.echo(m, err=True)):
                for line in repair_output(out_dir):
                    click.echo(f"repaired {visible(line)}")
        except OutputLocked as exc:
            _fail(str(exc))
    problems = validate_directory(out_dir)
    for p in problems:
        click.echo(f"invalid  {visible(p)}")
    if problems:
        click.echo(f"{len(problems)} problem(s) in {out_dir}" + ("" if repair else "; `validate --repair` mends "
                                                                  "inconsistencies (not schema errors)"))
        sys.exit(1)
    click.echo(f"valid    {out_dir}")


@main.command("compact")
@click.argument("out_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--partition-by", "partition_by", default=None,
              help="Comma-separated: municipality_code, year (folders GM0150/2024/ under each dataset); "
                   "'none' to undo. Remembered for the compactions after later runs.")
@click.option("--wait", is_flag=True, help="Wait for a run writing OUT_DIR (default: exit 2).")
def compact_command(out_dir: Path, partition_by: str | None, wait: bool) -> None:
    """Merge each dataset's per-file parts into a few large files (readers see the same table)."""
    from raadsstukken.pipeline import writer
    from raadsstukken.pipeline.manifest import Manifest, OutputLock, OutputLocked

    columns: tuple[str, ...] | None = None
    if partition_by is not None:
        columns = () if partition_by.strip().lower() == "none" else tuple(c.strip() for c in partition_by.split(",") if c.strip())
        unknown = set(columns) - set(writer.PARTITION_COLUMNS)
        if unknown:
            _fail(f"cannot partition by {', '.join(sorted(unknown))}: choose from {', '.join(writer.PARTITION_COLUMNS)}")
    try:
        with OutputLock(out_dir, wait=wait, say=lambda m: click.echo(m, err=True)):
            writer.clean_up(out_dir)
            manifest = Manifest.load(out_dir)
            if columns is not None:
                manifest.partition_by = list(columns)
            chosen = tuple(manifest.partition_by)
            partitions = writer.partition_values(out_dir, chosen) if chosen else None
            stats = writer.compact(out_dir, partition_by=chosen, partitions=partitions)
            manifest.save(out_dir)
    except OutputLocked as exc:
        _fail(str(exc))
        return
    for st in stats:
        click.echo(f"{st.dataset:12s} {st.files_before:6d} -> {st.files_after} file(s)")


@main.command("diff")
@click.argument("old", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text",
              show_default=True, help="Output format.")
@click.option("--dataset", "datasets", multiple=True, help="Only this dataset (repeatable).")
@click.option("--doc", "docs", multiple=True,
              help="Only this document: a doc_id of either side, or its source file (repeatable).")
def diff_command(old: Path, new: Path, fmt: str, datasets: tuple[str, ...], docs: tuple[str, ...]) -> None:
    """What changed between two output directories, per source document and named by readable keys
    (heading path, decision number, indicator and period, table cell), with per-column counts.

    Exit status: 0 when identical, 1 when different, 2 when an input is not an output directory.
    """
    from raadsstukken.pipeline.audit.diff import DiffInputError, diff_outputs
    from raadsstukken.pipeline.audit.diff_render import RENDERERS

    try:
        result = diff_outputs(old, new, datasets, docs)
    except DiffInputError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt in ("json", "html"):  # text and markdown carry their warnings at the top
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)
    click.echo(RENDERERS[fmt](result))
    sys.exit(0 if result.identical else 1)


@main.command("dictionary")
@click.option("--out", "target", default=Path("docs/datasets.md"), show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help="Where to write the data dictionary.")
def dictionary_command(target: Path) -> None:
    """Write the data dictionary (every dataset, key, column, type and meaning) from the schemas."""
    from raadsstukken.pipeline.stages import STAGES, assigning_stages
    from raadsstukken.schemas.dictionary import render_dictionary

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_dictionary(assigning_stages(STAGES)), encoding="utf-8")
    click.echo(f"wrote {target}")


@main.command("report")
@click.argument("out_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--doc", "doc_id", default=None, help="Only this document's page (doc_id), with the index.")
@click.option("--inputs", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Folder holding the source PDFs, when they moved since the run.")
@click.option("--out", "target", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Report folder (default OUT_DIR/report).")
@click.option("--no-images", is_flag=True, help="Leave the page images out.")
def report_command(out_dir: Path, doc_id: str | None, inputs: Path | None, target: Path | None, no_images: bool) -> None:
    """Write a static HTML audit report of OUT_DIR into a folder: an index (run summary, documents
    searchable and filterable) and one page per document (metadata, decisions, outline, tables,
    amounts, entities, page images with a box over every row, each naming its dataset and row id)."""
    from raadsstukken.pipeline.audit.report import write_report
    from raadsstukken.pipeline.notebook import NotAnOutputError

    try:
        path = write_report(out_dir, target, doc_id, inputs, images=not no_images)
    except (KeyError, NotAnOutputError) as exc:
        raise click.UsageError(str(exc.args[0] if isinstance(exc, KeyError) else exc)) from exc
    click.echo(f"wrote {path}")


@main.command("train-ner")
@click.option("--corpus", "corpus_dir", default=Path("training/ner"), show_default=True,
              type=click.Path(path_type=Path, exists=True, file_okay=False),
              help="Folder with corpus/*.txt (annotated sentences) and names/*.txt (name lists).")
@click.option("--out", "out_dir", default=None, type=click.Path(path_type=Path, file_okay=False),
              help="Where to write the model (default: the model shipped in the package).")
@click.option("--epochs", default=25, show_default=True, type=click.IntRange(min=1))
@click.option("--copies", default=6, show_default=True, type=click.IntRange(min=0),
              help="Name-swapped copies of each training sentence.")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--limit", default=None, type=click.IntRange(min=1), help="Use only N training sentences (smoke run).")
def train_ner_command(corpus_dir: Path, out_dir: Path | None, epochs: int, copies: int, seed: int,
                      limit: int | None) -> None:
    """Train the statistical NER on the annotated corpus, print dev precision, recall and F1 per
    label, and write the model (reproducible: same corpus and options, same model)."""
    from raadsstukken.extractors.semantics.entities import MODEL_DIR
    from raadsstukken.pipeline.training.train_ner import TrainSettings, train

    settings = TrainSettings(corpus_dir=corpus_dir, out_dir=out_dir or MODEL_DIR, epochs=epochs, copies=copies,
                             seed=seed, limit=limit)
    try:
        result = train(settings, log=click.echo)
    except ValueError as exc:  # corpus errors: bad markup, no sentences
        raise click.UsageError(str(exc)) from exc
    click.echo(f"\nbest epoch {result.best_epoch}; dev set ({result.n_dev} sentences), exact spans:")
    click.echo(result.table())
    click.echo(f"wrote {settings.out_dir}")
