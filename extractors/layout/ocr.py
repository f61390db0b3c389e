"""OCR of pages whose text layer is missing or unusable, with Tesseract (Dutch by default).

`ocr_decision` says whether a page is OCR'd and how: its text replaced (no text layer, or one of
unmapped glyphs, code points outside any script or mojibake: `pages.text_quality` below the
threshold of `rules/text_layer.toml`), or added to (a page that is one big image under a sparse
layer: the OCR words the layer does not have are added). `--ocr force` OCRs every page, `off`
none. `OcrReader` renders each page with pdfium, bounded in pixels, and runs Tesseract on it in a
pool of threads (each Tesseract limited to one thread, so pages of a file are read in parallel
without the workers fighting); its words (hOCR output: boxes, baselines, type sizes) become glyph records
in the page's coordinates with the size and weight a born-digital layer would give them
(`ocr_words.py`), so the normal page layer (lines, blocks, reading order, sections) carries on as
for a born-digital page.

Tesseract is a system program: Debian's `tesseract-ocr` and `tesseract-ocr-nld` (and
`tesseract-ocr-eng` for `--ocr-lang nld+eng`). Without it, pages without a usable text layer stay
empty and the file ends as `needs_ocr` with a message saying how to install it.
"""
from __future__ import annotations

import io
import logging
import math
import os
import re
import shutil
import subprocess
from collections import Counter, deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from raadsstukken.extractors.layout.ocr_marks import blank, find_redactions, is_code
from raadsstukken.extractors.layout.ocr_regions import (Region, as_labels, find_unread, has_code, merged, place_lines, plain_crop,
                                                        unread_rules)
from raadsstukken.extractors.layout.ocr_stamps import (angle_of, find_stamps, framed_lines, stamp_lines, stamp_rules,
                                                       upright_crop)
from raadsstukken.extractors.layout.ocr_words import (OcrLine, OcrPage, page_slope, read_hocr, with_marks, with_redactions,
                                                      words_to_chars)

_log = logging.getLogger(__name__)

DPI = 300
LANGUAGE = "nld"
OCR_MODES = ("auto", "force", "off")
INSTALL_HINT = "install Tesseract with Dutch: apt-get install tesseract-ocr tesseract-ocr-nld"
UNMAPPED_SHARE = 0.5
"""A text layer whose glyphs are mostly unmapped ("(cid:N)") is garbage: OCR the page instead."""
SCAN_SHARE = 0.3
"""An empty page is a scan when images cover at least this share of it (else it is blank)."""
MAX_PIXELS = 40_000_000
"""A render never has more pixels than this (an A4 page at 300 dpi has 8.7 million): a page with
an absurd MediaBox is rendered at a lower resolution instead of allocating gigabytes."""
_LANGUAGE_CODE = re.compile(r"^[A-Za-z_]+(\+[A-Za-z_]+)*$")


@dataclass(frozen=True)
class OcrSettings:
    """How pages are OCR'd (`raadsstukken run --ocr MODE --ocr-lang LANG`)."""

    mode: str = "auto"
    """`auto`: pages without a usable text layer or with a bad one; `force`: every page; `off`: none."""
    language: str = LANGUAGE
    """Tesseract's language models, `+` between several (`nld+eng` for mixed papers)."""
    dpi: int = DPI
    """Resolution pages are rendered at for Tesseract (lowered where MAX_PIXELS demands it)."""
    workers: int = 0
    """Tesseract processes reading pages of one file at once; 0: one per CPU."""

    def __post_init__(self) -> None:
        if self.mode not in OCR_MODES:
            raise ValueError(f"ocr mode must be one of {OCR_MODES}")
        if not _LANGUAGE_CODE.match(self.language):
            raise ValueError(f"not a Tesseract language code: {self.language!r} (e.g. nld or nld+eng)")
        if self.dpi < 50 or self.workers < 0:
            raise ValueError("dpi must be at least 50 and workers not negative")

    @property
    def pool_size(self) -> int:
        return self.workers or max(os.cpu_count() or 1, 1)


DEFAULT_OCR = OcrSettings()


@lru_cache(maxsize=1)
def _installed() -> tuple[str | None, frozenset[str]]:
    exe = shutil.which("tesseract")
    if exe is None:
        return None, frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None, frozenset()
    return exe, frozenset(out.split()[1:] if out.startswith("List") else out.split())


def tesseract() -> str | None:
    """Path of a Tesseract that has the Dutch model, or None."""
    exe, langs = _installed()
    return exe if exe is not None and LANGUAGE in langs else None


def missing_languages(language: str) -> list[str]:
    """The models of `language` ("nld+eng") this machine's Tesseract lacks."""
    return [lang for lang in language.split("+") if lang not in _installed()[1]]


def needs_ocr(chars: list[dict] | list, image_share: float = 1.0, counts: Counter[str] | None = None) -> bool:
    """Whether a page's text layer is unusable: empty on a page that is an image (a scan, not a
    blank page), or mostly unmapped glyphs. `counts`: the glyphs' texts counted (`text_counts`), when
    the caller has them."""
    if counts is None:
        counts = Counter(c["text"] if isinstance(c, dict) else c.text for c in chars)  # each distinct text judged once
    texts = sum(n for t, n in counts.items() if not t.isspace())
    if not texts:
        return image_share >= SCAN_SHARE
    unmapped = sum(n for t, n in counts.items() if not t.isspace() and (t.startswith("(cid:") or t == "\ufffd"))
    return unmapped / texts > UNMAPPED_SHARE


REPLACE = "replace"
"""The page's OCR words take the place of its text layer."""
ADD = "add"
"""The OCR words that no glyph of the text layer covers are added to it."""


def text_counts(chars: list) -> Counter[str]:
    """How often each text occurs among a page's glyphs (`Char`s): what `needs_ocr` and
    `ocr_decision` judge, counted once per page."""
    return Counter([c.text for c in chars])


def ocr_decision(mode: str, chars: list, image_share: float, quality: float | None, min_quality: float,
                 sparse: tuple[float, int], counts: Counter[str] | None = None) -> str | None:
    """Whether a page is OCR'd (REPLACE or ADD) or not (None), and so read from its text layer.

    `sparse` is (image share, letters): a page that is at least that share image with fewer
    letters than that in its layer shows more than its layer holds.
    """
    if mode == "off":
        return None
    if mode == "force" or needs_ocr(chars, image_share, counts) or (quality is not None and quality < min_quality):
        return REPLACE
    letters = sum(1 for c in chars if c.text.isalnum()) if counts is None else \
        sum(n for text, n in counts.items() if text.isalnum())
    if image_share >= sparse[0] and letters < sparse[1]:
        return ADD
    return None


class OcrReader:
    """Renders pages of one PDF and OCRs them in a pool of Tesseract processes.

    Pages are rendered in the calling thread (pdfium is not thread-safe), one document opened
    once; at most two renders per worker wait in memory, so a 600-page scan stays flat.
    """

    def __init__(self, source: Path | bytes, settings: OcrSettings = DEFAULT_OCR) -> None:
        self.source, self.settings = source, settings
        self._pdf = None
        self._pool: ThreadPoolExecutor | None = None
        self._inflight: deque[Future[OcrPage]] = deque()

    def __enter__(self) -> OcrReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def submit(self, page_index: int, page_width: float, page_height: float) -> Future[OcrPage]:
        """Render the page now and OCR it in the pool; the future gives its words."""
        exe = tesseract()
        if exe is None:
            raise RuntimeError(INSTALL_HINT)
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.settings.pool_size, thread_name_prefix="ocr")
        while len(self._inflight) >= 2 * self.settings.pool_size:
            self._inflight.popleft().result()
        image, dpi = self._render(page_index)
        future = self._pool.submit(_tesseract, exe, image, dpi, self.settings.language, page_width, page_height)
        self._inflight.append(future)
        return future

    def _render(self, page_index: int) -> tuple[bytes, float]:
        import pypdfium2 as pdfium

        if self._pdf is None:
            src = self.source
            self._pdf = pdfium.PdfDocument(src if isinstance(src, bytes) else str(src))
        page = self._pdf[page_index]  # type: ignore[index]
        try:
            width, height = page.get_size()
            scale = render_scale(width, height, self.settings.dpi)
            image = page.render(scale=scale, grayscale=True).to_pil().convert("L")
        finally:
            page.close()
        buf = io.BytesIO()
        image.save(buf, format="PPM")  # uncompressed: Tesseract reads it at once, no PNG encoding
        return buf.getvalue(), scale * 72.0


def render_scale(width: float, height: float, dpi: float, max_pixels: int = MAX_PIXELS) -> float:
    """Pixels per point for a page of `width` x `height` points at `dpi`, within `max_pixels`."""
    scale = dpi / 72.0
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > max_pixels:
        scale = math.sqrt(max_pixels / area)
    return scale


def _tesseract(exe: str, image: bytes, dpi: float, language: str, page_width: float, page_height: float) -> OcrPage:
    """One page read: Tesseract's page reading (with redaction marks painted out, `ocr_marks.py`),
    then the regions it left unread (light type, white type on a dark band; `ocr_regions.py`) and
    the codes printed on the redaction marks read again one line each, made plain."""
    grey = _ink(image)
    rules = unread_rules()
    marks, codes = [], []
    for k, mark in enumerate(find_redactions(grey, dpi / 72.0) if grey is not None else []):
        inset = max(2, (mark.bottom - mark.top) // 8)  # the box's inside: its blurred edges read as "|"
        region = Region(mark.x0 + inset, mark.top + inset, mark.x1 - inset, mark.bottom - inset, True)
        if not has_code(grey, region, rules):
            marks.append(mark)  # a box filled black, nothing printed on it
            continue
        crop = plain_crop(grey, region, [], dpi / 72.0, rules)
        buf = io.BytesIO()
        crop.image.save(buf, format="PPM")
        read = place_lines(read_hocr(_run(exe, buf.getvalue(), dpi * crop.scale, language, 7)), crop, -1000 - k)
        if is_code(" ".join(w.text for line in read for w in line.words)):
            marks.append(mark)
            codes.append((mark, read))  # else type printed light on a dark band: read as such below
    if marks:
        from PIL import Image

        buf = io.BytesIO()
        Image.fromarray(blank(grey, marks, round(0.75 * dpi / 72.0))).save(buf, format="PPM")
        image = buf.getvalue()
    lines = read_hocr(_run(exe, image, dpi, language, 3))
    if grey is not None:
        lines = with_marks(lines, grey, dpi)
        plain = blank(grey, marks, round(0.75 * dpi / 72.0))
        lines, plain = _with_stamps(exe, plain, lines, dpi, language)
        found = []
        for i, region in enumerate(find_unread(plain, lines, dpi / 72.0, rules)):
            crop = plain_crop(plain, region, lines, dpi / 72.0, rules)
            buf = io.BytesIO()
            crop.image.save(buf, format="PPM")
            read = read_hocr(_run(exe, buf.getvalue(), dpi * crop.scale, language, 7, _label_words()))
            found.append((region, as_labels(place_lines(read, crop, -1 - i))))
        lines = with_redactions(merged(lines, found, plain, rules), codes)
    return words_to_chars(lines, page_width, page_height, dpi, grey, marked=True)


def _with_stamps(exe: str, grey: Any, lines: list[OcrLine], dpi: float, language: str) -> tuple[list[OcrLine], Any]:
    """The lines with the words of the page's stamps (`ocr_stamps.py`) read upright, marked
    "stamp", in place of the unsure fragments the page reading made of them, and the render with
    the stamps painted out (no region of theirs is read again as a line)."""
    areas = find_stamps(grey, lines, dpi / 72.0)
    if not areas:
        return lines, grey
    page_angle = -math.degrees(math.atan(page_slope(lines, grey.shape[1])))
    rules = stamp_rules()
    out, painted = lines, grey
    read_areas: list[Any] = []
    for area in areas:
        if any(area.x0 < b.x1 and b.x0 < area.x1 and area.top < b.bottom and b.top < area.bottom for b in read_areas):
            continue  # a part of a stamp read already (its frame apart from its letters)
        angle = angle_of(grey, area)
        if abs(angle - page_angle) < rules.min_angle:  # set square: a picture, a logo, ink read already,
            framed = framed_lines(grey, area, out, rules)  # or a stamp in a coloured frame, read as type
            if framed is not None:
                read_areas.append(area)
                out = framed
            continue
        upright = upright_crop(grey, area, angle, lines)
        buf = io.BytesIO()
        upright.image.save(buf, format="PPM")
        read = stamp_lines(read_hocr(_run(exe, buf.getvalue(), dpi, language, 6)), upright, page_angle)
        if not read:
            continue
        read_areas.append(area)
        out = [replace(line, words=[w for w in line.words if w.confidence >= rules.confident or not area.holds(w.box)])
               for line in out]
        out = [line for line in out if line.words] + read
        if painted is grey:
            painted = grey.copy()
        for row, col in area.tiles:
            painted[row * area.tile:(row + 1) * area.tile, col * area.tile:(col + 1) * area.tile] = 255
    return out, painted


def _run(exe: str, image: bytes, dpi: float, language: str, psm: int, words: str | None = None) -> str:
    """Tesseract's hOCR of an image (PGM bytes), page segmentation mode `psm`, with the user words
    of the file `words` (one a line) besides its dictionary."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread per Tesseract: pages run side by side
    extra = ["--user-words", words] if words else []
    result = subprocess.run([exe, "stdin", "stdout", "-l", language, "--psm", str(psm), "--dpi", str(round(dpi)),
                             *extra, "hocr"], input=image, capture_output=True, timeout=600, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"tesseract failed: {result.stderr.decode(errors='replace')[:200]}")
    return result.stdout.decode("utf-8", errors="replace")


@lru_cache(maxsize=1)
def _label_words() -> str | None:
    """A file of the label words of `rules/ocr.toml [unread]` (written once per process, named by
    its content), or None when it cannot be written."""
    import hashlib
    import tempfile

    from raadsstukken.extractors.rules import read_rules

    words = sorted({w for label in read_rules("ocr")["unread"]["labels"] for w in label.split()})
    text = "\n".join(words) + "\n"
    path = Path(tempfile.gettempdir()) / f"raadsstukken-ocr-words-{hashlib.sha256(text.encode()).hexdigest()[:12]}.txt"
    try:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
    except OSError:
        return None
    return str(path)


def _ink(image: bytes):
    """The render as an array of grey levels (for weights and x-heights), or None when numpy
    cannot read it."""
    try:
        import numpy as np
        from PIL import Image

        return np.asarray(Image.open(io.BytesIO(image)).convert("L"))
    except (ImportError, OSError, ValueError):
        return None


def ocr_chars(pdf_path: Path | bytes, page_index: int, page_width: float, page_height: float,
              settings: OcrSettings = DEFAULT_OCR) -> list[dict]:
    """Glyph records (one per word, with a space between words) of one page read by Tesseract."""
    with OcrReader(pdf_path, settings) as reader:
        return reader.submit(page_index, page_width, page_height).result().chars


def run_settings(mode: str = "auto", language: str = LANGUAGE, jobs: int = 1) -> OcrSettings:
    """The OCR settings of a run of `jobs` worker processes: the CPUs shared out among them."""
    return OcrSettings(mode, language, workers=max(1, (os.cpu_count() or 1) // max(jobs, 1)))


def retry_needs_ocr(status: str, mode: str = "auto", language: str = LANGUAGE) -> bool:
    """Whether a file that ended with `status` is extracted again although it did not change: it
    ended `needs_ocr` and this run can OCR (Tesseract with the languages has been installed since)."""
    return status == "needs_ocr" and mode != "off" and tesseract() is not None and not missing_languages(language)


def ocr_config_hash(config_hash: str, mode: str = "auto", language: str = LANGUAGE) -> str:
    """The run's config hash with its OCR settings in it (unchanged for the defaults), so a run
    with other OCR settings extracts again what an earlier run read differently."""
    if (mode, language) == ("auto", LANGUAGE):
        return config_hash
    import hashlib

    return hashlib.sha256(f"{config_hash}:ocr={mode}:{language}".encode()).hexdigest()[:16]
