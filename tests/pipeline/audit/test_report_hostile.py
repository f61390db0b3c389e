"""The report renders pages of any MediaBox at a resolution bounded in pixels, and leaves out the
images of a source that was replaced (by another PDF or by a file that is no PDF) since the run."""
from __future__ import annotations

from PIL import Image

from raadsstukken.pipeline.audit.report import MAX_PAGE_PIXELS, PAGE_RESOLUTION, page_resolution, write_report
from raadsstukken.pipeline.run import RunSettings, run
from tests.raw_pdf import RawPage, write_raw_pdf


def test_page_resolution_is_bounded_in_pixels():
    assert page_resolution(595, 842) == PAGE_RESOLUTION
    for w, h in ((14_400, 14_400), (200, 14_400), (1e9, 1e9)):
        dpi = page_resolution(w, h)
        assert dpi is not None and 0 < dpi < PAGE_RESOLUTION
        assert (w * dpi / 72) * (h * dpi / 72) <= MAX_PAGE_PIXELS * 1.0001
    for w, h in ((0, 0), (0, 842), (-10, 842), (float("inf"), 842), (float("nan"), 842)):
        assert page_resolution(w, h) is None


def test_report_on_zero_and_huge_pages_and_a_replaced_source(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_raw_pdf(folder / "nul.pdf", [RawPage(mediabox=(0, 0, 0, 0)).add(72, 60, "Een bladzijde zonder maten")])
    write_raw_pdf(folder / "groot.pdf", [RawPage(mediabox=(0, 0, 14_400, 14_400)).add(72, 60, "Een reuzenvel", 40)])
    write_raw_pdf(folder / "weg.pdf", [RawPage().add(72, 60, "Deze bladzijde wordt straks vervangen")])
    out = tmp_path / "out"
    run(RunSettings(inputs=(folder,), out_dir=out, handle_signals=False))
    (folder / "weg.pdf").write_text("dit is nu een notitie, geen PDF")
    index = write_report(out)
    assert index.is_file()
    images = sorted((out / "report" / "pages").glob("*.png"))
    assert len(images) == 1  # only the huge page: the zero page has no size, the replaced file is not rendered
    with Image.open(images[0]) as im:
        assert im.size[0] * im.size[1] <= MAX_PAGE_PIXELS
    pages = " ".join(p.read_text(encoding="utf-8") for p in (out / "report" / "docs").glob("*.html"))
    assert pages.count("no image") == 2
