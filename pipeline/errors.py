"""The error policy: bad input is told apart from bugs, and every failure lands in `runs`.

A file that cannot be read ends with status `failed` and an `error_type` from this module
(`internal` for a bug); a file without a text layer ends as `needs_ocr`. A stage that fails on one
document is a `StageError` in `runs.errors` and the file ends `partial`, the other stages' rows
kept. The batch never stops for one bad file.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageError:
    """What went wrong in one stage on one file: an entry of `runs.errors`."""

    stage: str
    page: int | None
    """First page of the document the stage was reading (None for a file-level stage)."""
    kind: str
    """`internal` (a bug), `skipped` (a stage it needed failed), or a bad-input kind."""
    message: str

    def as_row(self) -> dict[str, object]:
        return {"stage": self.stage, "page": self.page, "kind": self.kind, "message": self.message}


class RaadsstukkenError(Exception):
    """Base class of the errors the pipeline reports on a file; `error_type` is its kind in `runs`."""

    error_type = "internal"


class BadInput(RaadsstukkenError):
    """The input is at fault, not the program: the file cannot be read as a council paper."""

    error_type = "invalid_input"


class InvalidPdf(BadInput):
    """The file is not a readable PDF (truncated, not a PDF at all, broken cross-reference)."""

    error_type = "invalid_pdf"


class EncryptedPdf(BadInput):
    """The PDF is encrypted and cannot be opened without a password."""

    error_type = "encrypted_pdf"


class NoTextLayer(BadInput):
    """The PDF has pages but no text layer (a scan): it needs OCR."""

    error_type = "no_text_layer"


class FileTimeout(RaadsstukkenError):
    """Processing the file took longer than the run's per-file limit."""

    error_type = "timeout"


class EmptyPdf(BadInput):
    """The PDF opens but has no pages."""

    error_type = "empty_pdf"


class InternalError(RaadsstukkenError):
    """A bug: an exception no rule expected. Reported as `internal` with its class and message."""

    error_type = "internal"


class OutputError(Exception):
    """The output directory cannot be written: the run cannot start (a usage error, exit 2)."""
