"""Scanned variants of generated pages for the OCR tests: a born-digital PDF rendered, turned by a
small skew, given grain, blur and JPEG compression (as bench/corpus/build.py makes the corpus's
scans), and rebuilt as an image-only PDF."""
from __future__ import annotations

import io
import random
from pathlib import Path


def scan(born: Path, dpi: int, angle: float, seed: int, target: Path) -> Path:
    """The first page of `born` as a scanner gives it, written to `target` (a PDF of one image)."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageChops, ImageFilter

    image = pdfium.PdfDocument(str(born))[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    noise = Image.frombytes("L", image.size, random.Random(seed).randbytes(image.size[0] * image.size[1]))
    image = ImageChops.multiply(image, noise.point(lambda v: 255 - (v % 7)))
    image = ImageChops.darker(image, noise.point(lambda v: 90 if v == 0 else 255))
    image = image.filter(ImageFilter.GaussianBlur(0.7 * dpi / 200)).point(lambda v: int(16 + v * 0.93))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=45)
    Image.open(buf).save(target, resolution=dpi)
    return target


def render(pdf: Path, dpi: int = 300):
    """The first page of `pdf` as grey levels (a numpy array), as the OCR reader renders it."""
    import numpy as np
    import pypdfium2 as pdfium

    return np.asarray(pdfium.PdfDocument(str(pdf))[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L"))
