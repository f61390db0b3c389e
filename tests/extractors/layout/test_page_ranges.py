"""The page layer of one long file read by ranges in several processes (`parse_pdf`'s `workers`,
`worker.in_helpers`): the same pages, blocks, furniture and vocabulary as one process reads, and
a run with `--jobs 2` of one long file the same rows as with one worker. RANGE_PAGES is lowered so
that generated files of a dozen pages are split."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from raadsstukken.extractors.layout import parse
from raadsstukken.extractors.layout.parse import ParsedPdf, page_spans, parse_pdf
from raadsstukken.pipeline import worker
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS
from tests.pdfs import Page, write_pdf


def _long_paper(path: Path, n_pages: int) -> Path:
    """A report whose pages share a running header and footer (furniture is found across pages)
    and whose words break at line ends (the vocabulary of every page decides a hyphen)."""
    pages = []
    for n in range(1, n_pages + 1):
        page = Page()
        page.add(56, 28, "Voortgangsnota bermbeheer Waterschap Oostvliet", size=8)
        if n % 4 == 1:
            page.add(56, 70, f"{n // 4 + 1}. Maaibeleid langs de dijken", size=14, bold=True)
        page.lines(56, 100, [f"Op dijkvak {n} maait de aannemer twee keer per jaar, waarbij het maai-",
                             "sel wordt afgevoerd zodat de bloemrijke berm verschraalt. De opge-",
                             "vangen kosten staan in de tabel van bijlage drie.",
                             "Het maaisel gaat naar de composteerder in de polder."])
        page.add(500, 805, f"pagina {n} van {n_pages}", size=8)
        pages.append(page)
    return write_pdf(path, pages)


def _dump(parsed: ParsedPdf) -> list[object]:
    """Everything the page layer hands the stages, as plain values (blocks compare by identity)."""
    out: list[object] = [sorted(parsed.vocabulary._counts.items()), parsed.repaired, parsed.controls_dropped,
                         parsed.notes]
    for p in parsed.pages:
        out.append((p.number, p.width, p.height, p.rotation, p.n_chars, p.header, p.footer, p.page_label,
                    p.furniture_method, p.ocr, p.needs_ocr, p.text_quality, p.ocr_confidence,
                    sorted((p.layer_chars or {}).items()), p.sidebar, p.frame))
        out.extend((b.page, b.kind, [(ln.words, ln.page, ln.cells) for ln in b.lines]) for b in p.blocks)
    return out


@pytest.fixture
def short_ranges(monkeypatch):
    monkeypatch.setattr(parse, "RANGE_PAGES", 3)


def test_page_spans_cover_the_file_in_order_and_never_go_under_the_shortest_range(short_ranges):
    assert page_spans(2, 4) == [(0, 2)]
    assert page_spans(7, 2) == [(0, 3), (3, 7)]
    assert page_spans(12, 3) == [(0, 4), (4, 8), (8, 12)]
    for n in range(1, 40):
        for k in (1, 2, 3, 5):
            spans = page_spans(n, k)
            assert spans[0][0] == 0 and spans[-1][1] == n
            assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
            assert len(spans) <= k and (len(spans) == 1 or min(b - a for a, b in spans) >= 3)


def test_pages_read_by_ranges_in_helpers_are_the_pages_one_process_reads(tmp_path, short_ranges):
    pdf = _long_paper(tmp_path / "nota.pdf", 12)
    alone = parse_pdf(pdf)
    assert alone.pages[3].header and alone.pages[3].page_label  # furniture found across pages
    for workers in (2, 3):
        split = parse_pdf(pdf, workers=workers, run_ranges=worker.in_helpers)
        assert _dump(split) == _dump(alone)


def test_ranges_after_one_that_styled_an_ocr_layer_are_read_again_in_order(tmp_path, short_ranges, monkeypatch):
    """The sizes of an OCR layer's page depend on the pages styled before it (`PageImages.bodies`):
    from the first range that styled a page on, every range is read again here, in order."""
    pdf = _long_paper(tmp_path / "nota.pdf", 9)
    real = parse._read_pages
    here: list[tuple[int, int]] = []

    def read(pdf_, source, settings, span, images):
        part = real(pdf_, source, settings, span, images)
        here.append(span)
        part.styled = span == (3, 6)
        return part

    monkeypatch.setattr(parse, "_read_pages", read)

    def in_order(work, tasks):  # every range read in this process, so `here` sees them all
        return [work(t) for t in tasks]

    split = parse_pdf(pdf, workers=3, run_ranges=in_order)
    assert here == [(0, 3), (3, 6), (6, 9), (3, 6), (6, 9)]
    monkeypatch.setattr(parse, "_read_pages", real)
    assert _dump(split) == _dump(parse_pdf(pdf))


def test_what_a_helper_raises_is_raised_in_the_caller_the_first_range_first():
    def work(n: int) -> int:
        if n >= 2:
            raise ValueError(f"range {n} is broken")
        return n * 10

    assert worker.in_helpers(work, [0, 1]) == [0, 10]
    with pytest.raises(ValueError, match="range 2 is broken"):
        worker.in_helpers(work, [0, 1, 2, 3])
    with pytest.raises(ValueError, match="range 3 is broken"):
        worker.in_helpers(work, [3, 2])


def test_one_long_file_with_two_jobs_gives_the_rows_of_one_worker(tmp_path, short_ranges):
    folder = tmp_path / "in"
    folder.mkdir()
    _long_paper(folder / "nota.pdf", 10)
    one, two = tmp_path / "one", tmp_path / "two"
    assert run(RunSettings(inputs=(folder,), out_dir=one)).counts() == {"ok": 1}
    assert run(RunSettings(inputs=(folder,), out_dir=two, jobs=2)).counts() == {"ok": 1}
    for name, dataset in DATASETS.items():
        if name == "runs" or not (one / name).exists():
            continue
        a, b = pd.read_parquet(one / name), pd.read_parquet(two / name)
        key = list(dataset.key)
        pd.testing.assert_frame_equal(a.sort_values(key).reset_index(drop=True),
                                      b.sort_values(key).reset_index(drop=True))
