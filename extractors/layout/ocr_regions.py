"""Regions of a page image Tesseract's page reading left unread, read again once made plain.

Tesseract reads a page at one threshold: type much lighter than the body (small grey sidebar
labels of a letter, "kenmerk", "datum") falls below it and white type on a dark band (a heading
printed in a coloured bar, a box listing those present) is read as a dark blot; both come out as no
words or as a few unsure ones. The render shows where they are: ink (down to a light grey) that no
confident word covers. `find_unread` finds such regions line by line; `plain_crop` cuts one out
with the words around it blanked, inverted when it is light type on a dark band, its contrast
stretched and small type enlarged, so that Tesseract, asked to read it as one line
(`--psm 7`), reads it as it reads black body type (`ocr.py` runs it and `place_lines` puts the
words back in the page's pixels). The thresholds are `rules/ocr.toml [unread]`.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from raadsstukken.extractors.layout.ocr_words import MIN_CONFIDENCE, OcrLine, OcrWord
from raadsstukken.extractors.rules import read_rules


@dataclass(frozen=True)
class UnreadRules:
    ink_level: float
    dark_level: float
    confident: float
    tile: float
    min_height: float
    max_height: float
    min_width: float
    word_gap: float
    min_ink: int
    max_regions: int
    band_share: float
    enlarge_below: float
    pad: float
    rule_share: float
    light_type: float
    stretch: float
    rule_evenness: float
    row_ink: float
    row_gap: float
    code_share: float
    band_max_height: float
    band_evenness: float
    band_flat_share: float


@lru_cache(maxsize=1)
def unread_rules() -> UnreadRules:
    v = read_rules("ocr")["unread"]
    return UnreadRules(float(v["ink_level"]), float(v["dark_level"]), float(v["confident"]), float(v["tile"]),
                       float(v["min_height"]), float(v["max_height"]), float(v["min_width"]), float(v["word_gap"]),
                       int(v["min_ink"]), int(v["max_regions"]), float(v["band_share"]),
                       float(v["enlarge_below"]), float(v["pad"]), float(v["rule_share"]),
                       float(v["light_type"]), float(v["stretch"]),
                       float(v["rule_evenness"]), float(v["row_ink"]), float(v["row_gap"]),
                       float(v["code_share"]), float(v["band_max_height"]), float(v["band_evenness"]),
                       float(v["band_flat_share"]))


@dataclass(frozen=True)
class Region:
    """A line of unread ink in render pixels (x0, top, x1, bottom exclusive); `inverted` when it is
    light type on a dark band."""

    x0: int
    top: int
    x1: int
    bottom: int
    inverted: bool


def _reading(grey: Any, lines: list[OcrLine], r: UnreadRules) -> list[tuple[int, int, int, int]]:
    """The boxes of the words whose reading is trusted: confident, and of type that is not light
    (Tesseract's reading of light type, at the page's threshold, is often a fragment: "eh" for
    the end of "portefeuillehouder")."""
    return [_own_ink(grey, w.box, line.baseline_at((w.box[0] + w.box[2]) / 2), r)
            for line in lines for w in line.words if w.confidence >= r.confident and not _light(grey, w.box, r)]


def _own_ink(grey: Any, box: tuple[int, int, int, int], baseline: float, r: UnreadRules) -> tuple[int, int, int, int]:
    """A word's box cut down to the rows of its own ink: the run of inked rows on its baseline.
    Tesseract's box of a word often takes in ink of a small line just above or below it (a
    sidebar's light label over its value), and that ink must stay free to be read as its own line."""
    import numpy as np

    x0, top, x1, bottom = box
    sub = grey[max(top, 0):max(bottom, 0), max(x0, 0):max(x1, 0)]
    if grey.dtype == bool or sub.size == 0:
        return box
    rows = (sub < r.ink_level).sum(axis=1) >= max(2, round(r.row_ink * sub.shape[1]))
    at = min(max(round(baseline) - 1 - top, 0), len(rows) - 1)
    if not rows[at]:  # the baseline row itself blank (a word of figures above it): its nearest inked row
        inked = np.flatnonzero(rows)
        if not len(inked):
            return box
        at = int(inked[np.abs(inked - at).argmin()])
    gap = max(2, round(r.row_gap * (bottom - top)))
    lo = hi = at
    while lo > 0 and rows[max(lo - gap, 0):lo].any():
        lo -= 1
    while hi < len(rows) - 1 and rows[hi + 1:hi + 1 + gap].any():
        hi += 1
    return (x0, top + lo, x1, top + hi + 1)


def _light(grey: Any, box: tuple[int, int, int, int], r: UnreadRules) -> bool:
    import numpy as np

    sub = grey[max(box[1], 0):box[3], max(box[0], 0):box[2]]
    return bool(sub.size) and grey.dtype != bool and float(np.percentile(sub, 5)) >= r.light_type


def _covered(shape: tuple[int, int], boxes: list[tuple[int, int, int, int]], pad: int) -> Any:
    import numpy as np

    mask = np.zeros(shape, dtype=bool)
    for x0, top, x1, bottom in boxes:
        mask[max(top - pad, 0):bottom + pad, max(x0 - pad, 0):x1 + pad] = True
    return mask


def find_unread(grey: Any, lines: list[OcrLine], px_per_pt: float, rules: UnreadRules | None = None) -> list[Region]:
    """The lines of ink on the render (`grey`, 0-255) that no confident word of `lines` covers,
    each at most `max_height` points high: at most `max_regions`, the most inked first."""
    import numpy as np

    r = rules or unread_rules()
    trusted = _reading(grey, lines, r)
    kept = [w.box for line in lines for w in line.words if w.confidence >= MIN_CONFIDENCE]
    covered = _covered(grey.shape, trusted, max(2, round(0.5 * px_per_pt)))
    ink = (grey < r.ink_level) & ~covered
    t = max(2, round(r.tile * px_per_pt))
    h, w = (grey.shape[0] // t) * t, (grey.shape[1] // t) * t
    tiles = ink[:h, :w].reshape(h // t, t, w // t, t).sum(axis=(1, 3)) >= max(2, t * t // 8)
    beside = np.zeros_like(tiles)
    beside[:, 1:] |= tiles[:, :-1]
    beside[:, :-1] |= tiles[:, 1:]
    tiles &= beside  # type inks tiles side by side; a lone inked tile is a speck of the scan's grain
    regions: list[tuple[int, Region]] = []
    rows = tiles.any(axis=1)
    for r0, r1 in _runs(rows, 0):
        cols = tiles[r0:r1].any(axis=0)
        gap = max(1, round(r.word_gap * (r1 - r0)))
        for c0, c1 in _runs(cols, gap):
            sub = tiles[r0:r1, c0:c1].any(axis=1)
            inked = np.flatnonzero(sub)
            top, bottom = (r0 + int(inked[0])) * t, (r0 + int(inked[-1]) + 1) * t
            x0, x1 = c0 * t, c1 * t
            height, width = (bottom - top) / px_per_pt, (x1 - x0) / px_per_pt
            n_ink = int(ink[top:bottom, x0:x1].sum())
            box = grey[top:bottom, x0:x1]
            if r.max_height < height <= r.band_max_height and width >= r.min_width:
                regions.extend(_on_tall_band(grey, box, x0, top, lines, px_per_pt, r))
                continue
            if not (r.min_height <= height <= r.max_height and width >= r.min_width and n_ink >= r.min_ink):
                continue
            dark = float((box < r.dark_level).mean())
            if dark >= r.band_share:
                if not _read_inside(trusted, (x0, top, x1, bottom)):
                    regions.append((n_ink, _band(box, x0, top, r)))
                continue  # a dark band, read unless Tesseract read type on it
            per_column = ink[top:bottom, x0:x1].sum(axis=0)
            if float((per_column > 0).mean()) > r.rule_share and \
                    float(per_column.std()) < r.rule_evenness * float(per_column.mean()):
                continue  # a rule (an underline, a table's edge): inked evenly along, as type is not
            if _read_inside(kept, (x0, top, x1, bottom)) and \
                    float(np.percentile(box[ink[top:bottom, x0:x1]], 5)) < r.light_type:
                continue  # black type Tesseract kept a word of, unsure: read alone, it reads no better
            regions.append((n_ink, Region(x0, top, x1, bottom, False)))
    regions.sort(key=lambda nr: -nr[0])
    return sorted((reg for _, reg in regions[:r.max_regions]), key=lambda reg: (reg.top, reg.x0))


def _on_tall_band(grey: Any, box: Any, x0: int, top: int, lines: list[OcrLine], px_per_pt: float,
                  r: UnreadRules) -> list[tuple[int, Region]]:
    """The lines of light type on a band of flat colour taller than a line (a letterhead's bar with
    the body's name and the kind word, a coloured title block): the band made dark type on light,
    the lines Tesseract read on it left covered, and its unread lines found as on a page, each to
    be read inverted. A region of varied dark ink (a photo, a map) is no band."""
    import numpy as np

    if float((box < r.dark_level).mean()) < r.band_share:
        return []
    level = float(np.median(box))
    if float((np.abs(box.astype(float) - level) <= r.band_evenness).mean()) < r.band_flat_share:
        return []
    band = _band(box, x0, top, r)
    if band.bottom - band.top < 3 or band.x1 - band.x0 < 3:
        return []
    inside = 255.0 - grey[band.top:band.bottom, band.x0:band.x1].astype(float)
    ground, darkest = float(np.median(inside)), float(inside.min())
    if ground - darkest < 1:
        return []
    inside = np.clip((inside - darkest) / (ground - darkest) * 248.0, 0, 255).astype(np.uint8)  # as paper and ink
    shifted = [replace(line, words=[replace(w, box=(w.box[0] - band.x0, w.box[1] - band.top,
                                                      w.box[2] - band.x0, w.box[3] - band.top)) for w in line.words])
               for line in lines]
    inner = replace(r, band_max_height=0.0)  # one band deep: no band inside a band
    edge = max(2, round(r.tile * px_per_pt))
    return [(int(((inside[reg.top:reg.bottom, reg.x0:reg.x1]) < r.ink_level).sum()),
             Region(reg.x0 + band.x0, reg.top + band.top, reg.x1 + band.x0, reg.bottom + band.top, True))
            for reg in find_unread(inside, shifted, px_per_pt, inner)
            if not reg.inverted and reg.top > edge and reg.bottom < inside.shape[0] - edge]  # not the band's blurred edge


def _band(box: Any, x0: int, top: int, r: UnreadRules) -> Region:
    """The dark band within a region: the rows and columns of `box` mostly dark, a pixel in."""
    import numpy as np

    dark = box < r.dark_level
    rows = np.flatnonzero(dark.mean(axis=1) >= r.band_share)
    cols = np.flatnonzero(dark.mean(axis=0) >= r.band_share)
    if not len(rows) or not len(cols):
        return Region(x0, top, x0 + box.shape[1], top + box.shape[0], True)
    return Region(x0 + int(cols[0]) + 1, top + int(rows[0]) + 1, x0 + int(cols[-1]), top + int(rows[-1]), True)


def _read_inside(boxes: list[tuple[int, int, int, int]], region: tuple[int, int, int, int]) -> bool:
    x0, top, x1, bottom = region
    return any(x0 <= (b[0] + b[2]) / 2 <= x1 and top <= (b[1] + b[3]) / 2 <= bottom for b in boxes)


def _runs(flags: Any, gap: int) -> list[tuple[int, int]]:
    """Runs of True in a 1-d array (start, end exclusive), joined across gaps up to `gap` long."""
    out: list[tuple[int, int]] = []
    start = None
    last = -10**9
    for i, v in enumerate(flags.tolist()):
        if not v:
            continue
        if start is None:
            start = i
        elif i - last > gap + 1:
            out.append((start, last + 1))
            start = i
        last = i
    if start is not None:
        out.append((start, last + 1))
    return out


@dataclass(frozen=True)
class Crop:
    """A region cut out for Tesseract: the image (grey levels), the scale it was enlarged by, and
    the render pixel its (unpadded) top-left corner maps to."""

    image: Any
    scale: float
    origin: tuple[float, float]


def plain_crop(grey: Any, region: Region, lines: list[OcrLine], px_per_pt: float,
               rules: UnreadRules | None = None) -> Crop:
    """The region as plain black type on white: the confident words around it blanked, inverted
    when light on dark, its darkest type stretched to black and its paper to white, enlarged when
    small, with a margin of paper."""
    import numpy as np
    from PIL import Image, ImageFilter

    r = rules or unread_rules()
    pad = 0 if region.inverted else round(r.pad * (region.bottom - region.top))
    top, x0 = max(region.top - pad, 0), max(region.x0 - pad, 0)
    bottom, x1 = min(region.bottom + pad, grey.shape[0]), min(region.x1 + pad, grey.shape[1])
    crop = grey[top:bottom, x0:x1].astype(float)
    if region.inverted:
        crop = 255.0 - crop
    else:
        mask = _covered(grey.shape, _reading(grey, lines, r), 1)[top:bottom, x0:x1]
        crop[mask] = 255.0
    image = Image.fromarray(crop.astype(np.uint8)).filter(ImageFilter.MedianFilter(3))  # grain specks out
    crop = np.asarray(image).astype(float)
    dark, paper = np.percentile(crop, (1, 50))
    if paper - dark > 1:  # the type's darkest to black, from halfway to the paper on white
        crop = np.clip((crop - dark) / (r.stretch * (paper - dark)) * 255.0, 0, 255)
    image = Image.fromarray(crop.astype(np.uint8))
    scale = 2.0 if (region.bottom - region.top) / px_per_pt < r.enlarge_below else 1.0
    if scale != 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.LANCZOS)
    margin = round(0.5 * (region.bottom - region.top) * scale)
    framed = Image.new("L", (image.width + 2 * margin, image.height + 2 * margin), 255)
    framed.paste(image, (margin, margin))
    return Crop(framed, scale, (x0 - margin / scale, top - margin / scale))


def place_lines(read: list[OcrLine], crop: Crop, paragraph: int) -> list[OcrLine]:
    """Lines Tesseract read in a crop, in the render's pixels, as one paragraph of their own."""
    s, (ox, oy) = crop.scale, crop.origin

    def at(box: tuple[int, int, int, int]) -> tuple[int, int, int, int]:
        return (round(ox + box[0] / s), round(oy + box[1] / s), round(ox + box[2] / s), round(oy + box[3] / s))

    return [replace(line, box=at(line.box), offset=line.offset / s,
                    x_size=line.x_size / s if line.x_size else None,
                    descenders=line.descenders / s if line.descenders else None, paragraph=paragraph,
                    words=[replace(w, box=at(w.box)) for w in line.words]) for line in read]


def merged(lines: list[OcrLine], found: list[tuple[Region, list[OcrLine]]], grey: Any,
           rules: UnreadRules | None = None) -> list[OcrLine]:
    """The page's lines with the readings of unread regions in place of the words Tesseract's page
    reading made of them that are not trusted (unsure, or of light type), where a region's reading
    is the surer one (its letters weighted by confidence: "dat um" read alone does not replace a
    "datum" read on the page, "portefeuillehouder" read alone does replace "eh"). The page layer
    orders lines by their place, so the readings are added at the end."""
    r = rules or unread_rules()
    dropped: set[int] = set()
    added: list[OcrLine] = []
    for region, read in found:
        page = [w for line in lines for w in line.words if _inside(w.box, region)
                and (w.confidence < r.confident or _light(grey, w.box, r))]
        if _sureness([w for line in read for w in line.words]) > _sureness(page):
            dropped |= {id(w) for w in page}
            added.extend(read)
    out = [replace(line, words=[w for w in line.words if id(w) not in dropped]) for line in lines]
    out = [line for line in out if line.words]
    alone = []
    for read_line in added:
        host = _host(out, read_line)
        if host is None:
            alone.append(read_line)
            continue
        k = out.index(host)
        words = sorted(host.words + read_line.words, key=lambda w: w.box[0])
        box = (min(host.box[0], read_line.box[0]), min(host.box[1], read_line.box[1]),
               max(host.box[2], read_line.box[2]), max(host.box[3], read_line.box[3]))
        out[k] = replace(host, box=box, offset=host.baseline_at(box[0]) - box[3], words=words)
    return out + [line for line in alone if line.words]


def _host(lines: list[OcrLine], read: OcrLine) -> OcrLine | None:
    """The line of the page reading that a region's reading is a part of (a word Tesseract read
    unsure in the middle of a line of body text, read again alone): on its baseline, within a
    third of its type size, of about that size, and no further from it along the line than twice
    its height. None when the reading is a line of its own (a label above a value)."""
    x = (read.box[0] + read.box[2]) / 2
    height = read.box[3] - read.box[1]
    for line in lines:
        line_height = line.x_size or (line.box[3] - line.box[1])
        if not line.words or line_height <= 0 or not 0.5 <= height / line_height <= 1.5:
            continue
        if abs(read.baseline_at(x) - line.baseline_at(x)) > 0.35 * line_height:
            continue
        if read.box[0] - line.box[2] <= 2 * line_height and line.box[0] - read.box[2] <= 2 * line_height:
            return line
    return None


def _inside(box: tuple[int, int, int, int], region: Region) -> bool:
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    return region.x0 <= cx <= region.x1 and region.top <= cy <= region.bottom


def _sureness(words: list[OcrWord]) -> float:
    return sum(sum(c.isalnum() for c in w.text) * max(w.confidence, 0.0) for w in words)


def has_code(grey: Any, region: Region, rules: UnreadRules | None = None) -> bool:
    """Whether a dark box holds light type (a redaction mark's printed ground, "5.1.2e"): at least
    `code_share` of its inside (a margin of a tenth of its height left out) lighter than halfway."""
    r = rules or unread_rules()
    m = max(1, (region.bottom - region.top) // 10)
    inside = grey[region.top + m:region.bottom - m, region.x0 + m:region.x1 - m]
    return bool(inside.size) and float((inside > r.dark_level).mean()) >= r.code_share


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[tuple[str, ...], ...], tuple[int, int]]:
    v = read_rules("ocr")["unread"]
    return tuple(tuple(label.split()) for label in v["labels"]), (int(v["label_edits"][0]), int(v["label_edits"][1]))


def as_labels(read: list[OcrLine]) -> list[OcrLine]:
    """A region's reading, its words spelled as the label they nearly are (`rules/ocr.toml
    [unread] labels`): a reading of as many words as a label, within one letter of it (two for a
    label of more than 8 letters), and nearer to it than to any other label."""
    labels, (edits_short, edits_long) = _labels()
    out = []
    for line in read:
        words = [w.text.casefold() for w in line.words]
        best: list[tuple[int, tuple[str, ...]]] = []
        for label in labels:
            if len(label) != len(words):
                continue
            n = sum(_edits(a, b) for a, b in zip(words, label))
            if n <= (edits_short if sum(map(len, label)) <= 8 else edits_long):
                best.append((n, label))
        best.sort()
        if best and best[0][0] and (len(best) == 1 or best[1][0] > best[0][0]):
            label = best[0][1]
            line = replace(line, words=[replace(w, text=t) for w, t in zip(line.words, label)])
        out.append(line)
    return out


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short words."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]
