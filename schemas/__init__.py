"""The output contract: one definition per dataset (see `datasets.py`) and its validation."""
from schemas.base import BBOX_TYPE, Column, Dataset, column
from schemas.datasets import DATASETS, SCHEMA_VERSION
from schemas.validate import ValidationProblem, validate_directory, validate_table

__all__ = [
    "BBOX_TYPE", "Column", "Dataset", "column", "DATASETS", "SCHEMA_VERSION",
    "ValidationProblem", "validate_directory", "validate_table",
]
