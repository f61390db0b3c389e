"""The audit diff in words an auditor reads: a revised paper compared with its predecessor per
document and by readable key, in every format; inputs that are not outputs; an empty side."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from raadsstukken.pipeline.audit.diff import DiffInputError, diff_outputs
from raadsstukken.pipeline.audit.diff_render import RENDERERS
from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.run import RunSettings, run
from tests.pdfs import Page, write_pdf

PARAGRAPH = "weekmarkt. De bomen aan de oostkant blijven staan."
DECISION = "2. de markt op zaterdag te houden."
VALUE = "1300"


def _paper(path, paragraph=PARAGRAPH, decision=DECISION, value=VALUE):
    page = Page()
    page.add(56, 40, "Raadsvoorstel", size=18, bold=True)
    page.add(56, 80, "Onderwerp: Herinrichting van het marktplein")
    page.add(56, 96, "Datum: 3 maart 2025")
    page.add(56, 150, "Inleiding", size=13, bold=True)
    page.lines(56, 172, ["Het marktplein wordt opnieuw ingericht, met meer groen en ruimte voor de", paragraph])
    page.add(56, 225, "Bezoekers", size=13, bold=True)
    for i, row in enumerate([("Dag", "2022", "2023", "2024"), ("Zaterdag", "1200", value, "1350"),
                             ("Woensdag", "800", "850", "900")]):
        for x, text in zip((60, 220, 290, 360), row):
            page.add(x, 250 + 16 * i, text, size=9)
    page.add(56, 320, "Het college stelt u voor:", bold=True)
    page.lines(56, 340, ["1. het ontwerp voor het marktplein vast te stellen;", decision])
    return write_pdf(path, [page])


def _output(tmp_path, name, **kw):
    folder = tmp_path / f"in-{name}"
    folder.mkdir()
    _paper(folder / "voorstel.pdf", **kw)
    out = tmp_path / f"out-{name}"
    run(RunSettings(inputs=(folder,), out_dir=out))
    return out


@pytest.fixture(scope="module")
def revised(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("revised")
    old = _output(tmp, "old")
    new = _output(tmp, "new", paragraph="weekmarkt. De oude bomen aan de oostkant blijven staan.",
                  decision="2. de markt op woensdag te houden.", value="1310")
    return old, new


def test_a_revised_paper_names_its_three_changes_by_readable_key(revised):
    diff = diff_outputs(*revised)
    (doc,) = [g for g in diff.documents if g.rows]
    # keyed by source and part, not file_id: the revised PDF is compared with its predecessor
    assert doc.source == "voorstel.pdf" and doc.part_index == 0 and doc.status == "revised"
    assert doc.title == "Herinrichting van het marktplein" and doc.old_file_id != doc.new_file_id
    assert {r.kind for r in doc.rows} == {"changed"}, "nothing added or removed: no document or page churn"
    changed = {(r.dataset, r.label): {c.column: (c.old, c.new) for c in r.changes} for r in doc.rows}
    # the three edits
    assert changed[("decisions", "decision 2: 'de markt op woensdag te houden.'")] == {
        "text": ("de markt op zaterdag te houden.", "de markt op woensdag te houden.")}
    assert changed[("table_cells", "cell untitled table 3×4, row 'Zaterdag', column '2023'")] == {
        "text": ("1300", "1310"), "value": (1300.0, 1310.0)}
    assert changed[("statistics", "statistic 'Zaterdag', 2023")] == {"value": (1300.0, 1310.0)}
    inleiding = next(r for r in doc.rows if r.label == "section 'Inleiding'")
    (text,) = inleiding.changes
    assert ("+", "oude") in text.words and not [w for w in text.words if w[0] == "-"]
    # and what they imply, nothing else: the sections whose text holds the table and the decision
    # list, and the page's character count
    assert set(changed) == {
        ("sections", "section 'Inleiding'"), ("sections", "section 'Bezoekers'"),
        ("sections", "section 'Bezoekers › Het college stelt u voor:'"),
        ("decisions", "decision 2: 'de markt op woensdag te houden.'"),
        ("table_cells", "cell untitled table 3×4, row 'Zaterdag', column '2023'"),
        ("statistics", "statistic 'Zaterdag', 2023"), ("pages", "page 1")}
    assert changed[("pages", "page 1")].keys() == {"n_chars"}
    stats = {d.name: d for d in diff.datasets}
    assert stats["sections"].columns == {"text": 3} and stats["decisions"].changed == 1
    assert stats["table_cells"].unchanged == 11 and stats["documents"].changed == 0


def test_every_format_carries_the_same_changes(revised):
    old, new = revised
    runner = CliRunner()
    labels = ["section 'Inleiding'", "decision 2: 'de markt op woensdag te houden.'",
              "row 'Zaterdag', column '2023'", "statistic 'Zaterdag', 2023"]
    for fmt in ("text", "markdown", "html"):
        result = runner.invoke(main, ["diff", str(old), str(new), "--format", fmt])
        assert result.exit_code == 1, result.output
        out = result.output
        assert "voorstel.pdf part 0" in out and "Herinrichting van het marktplein" in out
        for label in labels:
            needle = label if fmt != "markdown" else label.replace("_", "\\_")
            assert needle.replace("'", "&#x27;") in out if fmt == "html" else needle in out, (fmt, label)
        assert "3dd7751e" not in out and "doc_id=" not in out
    assert "{+oude+}" in runner.invoke(main, ["diff", str(old), str(new)]).output
    assert "<ins>oude</ins>" in runner.invoke(main, ["diff", str(old), str(new), "--format", "html"]).output
    assert "**oude**" in runner.invoke(main, ["diff", str(old), str(new), "--format", "markdown"]).output
    data = json.loads(runner.invoke(main, ["diff", str(old), str(new), "--format", "json"]).output)
    (doc,) = data["documents"]
    assert doc["source"] == "voorstel.pdf" and doc["status"] == "revised"
    json_labels = {r["label"] for r in doc["rows"]}
    assert all(any(label in j for j in json_labels) for label in labels)
    assert data["datasets"]["sections"]["changed_columns"] == {"text": 3}


def test_dataset_and_doc_filters(revised):
    old, new = revised
    only = diff_outputs(old, new, datasets=["decisions"])
    assert [d.name for d in only.datasets] == ["decisions"]
    assert {r.dataset for g in only.documents for r in g.rows} == {"decisions"}
    doc_id = only.documents[0].new_doc_id
    assert not diff_outputs(old, new, docs=[doc_id]).identical
    none = diff_outputs(old, new, docs=["geen.pdf"])
    assert none.identical and none.warnings == ["no document matches --doc geen.pdf"]
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--dataset", "statistics", "--doc", "voorstel.pdf"])
    assert result.exit_code == 1 and "statistic 'Zaterdag', 2023" in result.output and "decision" not in result.output
    assert CliRunner().invoke(main, ["diff", str(old), str(new), "--dataset", "tabellen"]).exit_code == 2


def test_folders_that_are_not_outputs_are_a_usage_error(tmp_path, revised):
    pdfs_a, pdfs_b = tmp_path / "a", tmp_path / "b"
    for folder in (pdfs_a, pdfs_b):
        folder.mkdir()
        _paper(folder / "voorstel.pdf")
    result = CliRunner().invoke(main, ["diff", str(pdfs_a), str(pdfs_b)])
    assert result.exit_code == 2
    assert "is not a raadsstukken output" in result.output and "PDF" in result.output
    with pytest.raises(DiffInputError):
        diff_outputs(revised[0], pdfs_b)


def test_an_empty_side_is_warned_about(tmp_path, revised):
    empty = tmp_path / "empty"
    empty.mkdir()
    diff = diff_outputs(empty, revised[0])
    assert diff.warnings and "holds no rows" in diff.warnings[0] and "added" in diff.warnings[0]
    assert diff.old_version == "unknown"
    (doc,) = diff.documents
    assert doc.status == "added"
    text = RENDERERS["text"](diff)
    assert "warning: OLD" in text and "added (1 pages, " in text


def test_a_renamed_file_with_the_same_url_is_compared_with_its_predecessor(tmp_path):
    def output(name, pdf_name, **kw):
        folder = tmp_path / f"in-{name}"
        folder.mkdir()
        _paper(folder / pdf_name, **kw)
        (folder / "list.csv").write_text(f"path,url\n{pdf_name},https://example.org/stukken/42\n", encoding="utf-8")
        out = tmp_path / f"out-{name}"
        run(RunSettings(inputs=(folder / "list.csv",), out_dir=out))
        return out

    diff = diff_outputs(output("old", "voorstel.pdf"), output("new", "voorstel-v2.pdf", value="1310"))
    (doc,) = [g for g in diff.documents if g.rows]
    assert doc.source == "voorstel-v2.pdf" and doc.status == "revised"
    kinds = {(r.dataset, r.kind) for r in doc.rows}
    assert ("statistics", "changed") in kinds and not {k for _, k in kinds} & {"added", "removed"}
    (meta,) = [r for r in doc.rows if r.dataset == "documents"]
    assert [c.column for c in meta.changes] == ["source_file"]
