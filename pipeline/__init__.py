"""raadsstukken: Dutch council papers (PDF) into normalized, provenance-carrying Parquet datasets."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("raadsstukken")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+unknown"


def load(out="output", name=None):
    """Every dataset of an output directory as pandas DataFrames (see `pipeline.load`)."""
    from pipeline.load import load as _load

    return _load(out, name)


def connect(out="output", database=":memory:"):
    """A DuckDB connection with one view per dataset (see `pipeline.load`)."""
    from pipeline.load import connect as _connect

    return _connect(out, database)
