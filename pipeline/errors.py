"""The error policy: bad input is told apart from bugs, and every failure lands in `runs`.

A file that cannot be read ends with status `failed` and an `error_type` of the closed set
`ERROR_KINDS` (`internal` for a bug; never a Python class name: the exception's class and the stage
go in the message); a file without a text layer ends as `needs_ocr` with `no_text_layer`. A stage
that fails on one document is a `StageError` in `runs.errors` and the file ends `partial`, the
other stages' rows kept. The batch never stops for one bad file.
"""
from __future__ import annotations

import traceback
from dataclasses import dataclass

ERROR_KINDS = ("invalid_pdf", "encrypted_pdf", "empty_pdf", "timeout", "memory", "write_error", "invalid_input",
               "internal")
"""Every `runs.error_type` of a failed file."""
NEEDS_OCR_KIND = "no_text_layer"
"""The `error_type` of a `needs_ocr` file (not a failure: its rows are kept)."""
PARSER_PACKAGES = ("pdfminer", "pdfplumber", "pypdfium2", "PIL")
"""An unexpected exception raised inside these while a PDF is read is the PDF's fault (`invalid_pdf`)."""


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


class MemoryBudget(RaadsstukkenError):
    """The file needed more memory than its budget (a decompression bomb, a huge page image)."""

    error_type = "memory"


class InternalError(RaadsstukkenError):
    """A bug: an exception no rule expected. Reported as `internal` with its class and message."""

    error_type = "internal"


class OutputError(Exception):
    """The output directory cannot be written: the run cannot start (a usage error, exit 2)."""


def error_kind(kind: str | None) -> str:
    """`kind` when it is one of ERROR_KINDS (or `no_text_layer`), else `internal`."""
    return kind if kind in ERROR_KINDS or kind == NEEDS_OCR_KIND else "internal"


def where(stage: str | None, page: int | None) -> str:
    """`stage parse, page 3` (what a message says about where a file stopped)."""
    if not stage:
        return "before parsing"
    return f"stage {stage}" + (f", page {page}" if page else "")


def describe(exc: BaseException, stage: str | None, page: int | None) -> tuple[str, str]:
    """(error kind, message) for an exception no rule expected, raised at `stage` and `page`.

    Raised inside the PDF libraries it is the input's fault (`invalid_pdf`), anywhere else a bug
    (`internal`); the message names the exception's class, the stage and the page either way.
    """
    if isinstance(exc, MemoryError):
        return "memory", f"out of memory: an allocation beyond the file's budget failed ({where(stage, page)})"
    frames = traceback.extract_tb(exc.__traceback__) if exc.__traceback__ else []
    inner = frames[-1].filename if frames else ""
    in_parser = any(f"/{pkg}/" in inner for pkg in PARSER_PACKAGES)
    kind = "invalid_pdf" if in_parser else "internal"
    what = "the PDF library failed on it" if in_parser else "unexpected error"
    return kind, f"{what}: {type(exc).__name__} in {where(stage, page)}: {exc}"
