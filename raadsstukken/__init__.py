"""raadsstukken: Dutch council papers (PDF) into normalized, provenance-carrying Parquet datasets.

The notebook API::

    from raadsstukken import load, connect
    datasets = load("output")          # {name: DataFrame}
    con = connect("output")            # DuckDB, one view per dataset

The parts are subpackages: `raadsstukken.extractors` (pure functions from parsed pages to typed
records, by layer), `raadsstukken.pipeline` (stages, runs, CLI, audit tools, training) and
`raadsstukken.schemas` (one definition per dataset).
"""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("raadsstukken")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+unknown"

if TYPE_CHECKING:
    import duckdb

__all__ = ["NotAnOutputError", "__version__", "connect", "load"]


def __getattr__(name: str) -> Any:
    # imported on first use, so `import raadsstukken` stays light (the CLI imports it for __version__)
    if name == "NotAnOutputError":
        from raadsstukken.pipeline.notebook import NotAnOutputError

        return NotAnOutputError
    raise AttributeError(f"module 'raadsstukken' has no attribute {name!r}")


def load(out: str | Path = "output", name: str | None = None) -> Any:
    """Every dataset of an output directory as pandas DataFrames, or one dataset's DataFrame.

    Raises `NotAnOutputError` (a FileNotFoundError) when `out` is not an output of `raadsstukken run`.
    See `raadsstukken.pipeline.notebook.load_output`.
    """
    from raadsstukken.pipeline.notebook import load_output

    return load_output(out, name)


def connect(out: str | Path = "output", database: str = ":memory:") -> "duckdb.DuckDBPyConnection":
    """A DuckDB connection with one view per dataset (see `raadsstukken.pipeline.notebook`).

    Raises `NotAnOutputError` (a FileNotFoundError) when `out` is not an output of `raadsstukken run`.
    """
    from raadsstukken.pipeline.notebook import connect_output

    return connect_output(out, database)
