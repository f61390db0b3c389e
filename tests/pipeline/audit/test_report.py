"""The audit report folder: index and one page per document, page images apart and loaded lazily,
boxes traced to their rows, no crash on any null, checked in headless Chromium."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from raadsstukken import connect, load
from raadsstukken.pipeline.audit.diff import diff_outputs
from raadsstukken.pipeline.audit.report import write_report
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.schemas import DATASETS

ROOT = Path(__file__).resolve().parents[3]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "output"
    run(RunSettings(inputs=(ROOT / "raw",), out_dir=out))
    return out


@pytest.fixture(scope="module")
def report(output, tmp_path_factory) -> Path:
    return write_report(output, tmp_path_factory.mktemp("site") / "report")


def test_index_and_one_page_per_document(output, report):
    docs = load(output, "documents")
    folder = report.parent
    assert report.name == "index.html"
    assert {p.stem for p in (folder / "docs").glob("*.html")} == set(docs["doc_id"])
    index = report.read_text(encoding="utf-8")
    assert "Run summary" in index and "s-ok" in index
    for did in docs["doc_id"]:
        assert f"docs/{did}.html" in index
    assert "id='q'" in index and "id='type'" in index and "id='muni'" in index and "id='from'" in index
    assert "data-type='nota_bw'" in index


def test_document_pages_trace_every_box_and_load_images_lazily(output, report):
    docs = load(output, "documents")
    nota = docs[docs["doc_type"] == "nota_bw"].iloc[0]
    page = (report.parent / "docs" / f"{nota['doc_id']}.html").read_text(encoding="utf-8")
    assert "data:image" not in page, "page images are files of their own"
    images = re.findall(r"<img alt='page \d+' loading='lazy' width='\d+' height='\d+' src='\.\./pages/([^']+)'", page)
    assert images and all((report.parent / "pages" / name).is_file() for name in images)
    pattern = r"<a class='box (\w+)' href='#([^']+)' data-dataset='(\w+)' data-id='([^']+)' title='([^']+)'"
    kinds = set()
    for path in (report.parent / "docs").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        for kind, anchor, dataset, row_id, title in re.findall(pattern, text):
            assert kind == dataset and title.startswith(f"{dataset} {row_id}") and f"id='{anchor}'" in text
            kinds.add(kind)
    assert kinds >= {"sections", "decisions", "tables", "table_cells", "amounts"}
    assert "<ol class='decisions'>" in page
    assert any("<svg class='chart'" in p.read_text(encoding="utf-8") and "confidence" in p.read_text(encoding="utf-8")
               for p in (report.parent / "docs").glob("*.html"))
    # a section's box covers its extent (heading to next heading), not only its heading line
    sections = load(output, "sections")
    sec = sections[(sections["doc_id"] == nota["doc_id"]) & sections["heading"].notna()].iloc[0]
    (style,) = re.findall(rf"data-id='{sec['section_id']}' title='[^']*' style='[^']*height:([\d.]+)%", page)[:1]
    heading_height = (sec["bbox"][3] - sec["bbox"][1]) / 842 * 100
    assert float(style) > 2 * heading_height


def test_missing_pdfs_are_said_and_the_rest_is_shown(output, tmp_path):
    moved = tmp_path / "moved"
    shutil.copytree(output, moved)
    manifest = (moved / "_manifest.json").read_text(encoding="utf-8")
    (moved / "_manifest.json").write_text(re.sub(r'"path": "[^"]*"', '"path": "/nowhere/x.pdf"', manifest), encoding="utf-8")
    index = write_report(moved, tmp_path / "r").read_text(encoding="utf-8")
    assert "Page images of 2 file(s) are left out" in index and "--inputs" in index
    page = next((tmp_path / "r" / "docs").glob("*.html")).read_text(encoding="utf-8")
    assert "page images left out" in page and "Metadata" in page
    with_inputs = write_report(moved, tmp_path / "r2", inputs=ROOT / "raw").read_text(encoding="utf-8")
    assert "left out" not in with_inputs


def _null_everything(out: Path, target: Path) -> Path:
    shutil.copytree(out, target)
    for name, dataset in DATASETS.items():
        for path in (target / name).glob("*.parquet"):
            table = pq.read_table(path)
            for column in dataset.columns:
                if column.nullable and column.name in table.column_names:
                    i = table.column_names.index(column.name)
                    table = table.set_column(i, table.schema.field(i), pa.nulls(len(table), table.schema.field(i).type))
            pq.write_table(table, path)
    return target


def test_every_nullable_column_null(output, tmp_path):
    nulled = _null_everything(output, tmp_path / "nulled")
    assert load(nulled, "documents")["title"].isna().all()
    index = write_report(nulled, tmp_path / "r")
    assert "(no title)" in index.read_text(encoding="utf-8")
    assert len(list((tmp_path / "r" / "docs").glob("*.html"))) == len(load(nulled, "documents"))
    diff = diff_outputs(output, nulled)
    assert not diff.identical and diff.documents
    from raadsstukken.pipeline.audit.diff_render import RENDERERS

    assert all(render(diff) for render in RENDERERS.values())
    assert connect(nulled).execute("select count(*) from sections").fetchone()[0] == len(load(output, "sections"))


def _chromium(url: str, profile: Path) -> str:
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
         "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True).stdout


@pytest.mark.skipif(CHROMIUM is None, reason="Debian chromium is not installed (.ci/run installs it)")
def test_report_renders_in_headless_chromium(output, report, tmp_path):
    dom = _chromium(report.as_uri(), tmp_path / "profile")
    assert dom.count("<tr data-type=") == len(load(output, "documents"))
    doc = next((report.parent / "docs").glob("*.html"))
    dom = _chromium(doc.as_uri(), tmp_path / "profile")
    assert "class=\"box" in dom and "Metadata" in dom
