"""The output contract: one definition per dataset (see `datasets.py`) and its validation."""
from raadsstukken.schemas.base import BBOX_TYPE, Column, Dataset, column
from raadsstukken.schemas.datasets import DATASETS, SCHEMA_VERSION
from raadsstukken.schemas.validate import ValidationProblem, validate_directory, validate_table

__all__ = [
    "BBOX_TYPE", "Column", "Dataset", "column", "DATASETS", "SCHEMA_VERSION",
    "ValidationProblem", "validate_directory", "validate_table",
]
