"""The `raadsstukken` command (also `python -m pipeline`)."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from raadsstukken import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="raadsstukken")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
def main(verbose: int) -> None:
    """Dutch council papers (PDF) into normalized Parquet datasets."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


@main.command("run")
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", default=Path("output"), show_default=True, type=click.Path(path_type=Path),
              help="Output directory.")
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(min=1), help="Worker processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler, or a local one).")
@click.option("--scheduler", default=None, help="Address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take; it then fails with 'timeout' and the batch goes on.")
@click.option("--max-memory", "max_memory_mb", type=click.IntRange(min=64), default=None,
              help="MB one file may take on top of the process (Linux); a file over it fails alone.")
@click.option("--prune", is_flag=True, help="Remove the rows of files no longer among the inputs.")
@click.option("--force", is_flag=True, help="Reprocess files whose rows are up to date.")
def run_command(inputs: tuple[Path, ...], out_dir: Path, jobs: int, executor: str, scheduler: str | None,
                timeout: float | None, max_memory_mb: int | None, prune: bool, force: bool) -> None:
    """Extract INPUT PDFs into datasets under --out.

    INPUT: PDF files, folders of PDFs, or lists of PDFs (.csv or .jsonl with a 'path' column and
    optional municipality, url, published, meeting_date, meeting_id, kind); default raw/.

    Exit status: 0 when every file is ok, skipped or needs OCR; 1 when some failed; 2 on usage errors.
    """
    from raadsstukken.pipeline.errors import OutputError
    from raadsstukken.pipeline.inputs import InputListError
    from raadsstukken.pipeline.run import RunSettings, run

    try:
        settings = RunSettings(inputs=tuple(inputs) or (Path("raw"),), out_dir=out_dir, force=force, jobs=jobs,
                               executor=executor, scheduler=scheduler, timeout=timeout,
                               max_memory_mb=max_memory_mb, prune=prune, progress=True)
        summary = run(settings)
    except (FileNotFoundError, InputListError) as exc:
        raise click.UsageError(str(exc)) from exc
    except OutputError as exc:
        raise click.UsageError(str(exc)) from exc
    for o in summary.outcomes:
        if o.status in ("failed", "needs_ocr"):
            click.echo(f"{o.status:9s} {o.source_file}  {o.error_type}: {o.error}")
    counts = ", ".join(f"{n} {s}" for s, n in sorted(summary.counts().items()))
    click.echo(f"run {summary.run_id}: {counts or 'no input files'} -> {out_dir}")
    sys.exit(1 if summary.failed else 0)


@main.command("validate")
@click.argument("out_dir", type=click.Path(path_type=Path, exists=True, file_okay=False))
def validate_command(out_dir: Path) -> None:
    """Check every dataset in OUT_DIR against its schema. Exit 0 when valid."""
    from raadsstukken.schemas import validate_directory

    problems = validate_directory(out_dir)
    for p in problems:
        click.echo(f"invalid  {p}")
    if problems:
        click.echo(f"{len(problems)} problem(s) in {out_dir}")
        sys.exit(1)
    click.echo(f"valid    {out_dir}")


@main.command("diff")
@click.argument("old", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.argument("new", type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "html"]), default="text",
              show_default=True, help="Output format.")
def diff_command(old: Path, new: Path, fmt: str) -> None:
    """Rows added, removed and changed between two output directories, per dataset (on its keys).

    Exit status: 0 when identical, 1 when different.
    """
    from raadsstukken.pipeline.audit.diff import RENDERERS, diff_outputs

    result = diff_outputs(old, new)
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
@click.option("--doc", "doc_id", default=None, help="Only this document (doc_id).")
@click.option("--inputs", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Folder holding the source PDFs, when they moved since the run.")
@click.option("--out", "target", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Report file (default OUT_DIR/report.html).")
def report_command(out_dir: Path, doc_id: str | None, inputs: Path | None, target: Path | None) -> None:
    """Write a self-contained HTML audit report of OUT_DIR: per document its metadata, decisions,
    tables and charts, and page images with boxes over what was extracted."""
    from raadsstukken.pipeline.audit.report import write_report

    try:
        path = write_report(out_dir, target or out_dir / "report.html", doc_id, inputs)
    except KeyError as exc:
        raise click.UsageError(str(exc)) from exc
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
