"""raadsstukken: Dutch council papers (PDF) into normalized, provenance-carrying Parquet datasets."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("raadsstukken")
except PackageNotFoundError:  # running from a checkout without installing
    __version__ = "0.0.0+unknown"
