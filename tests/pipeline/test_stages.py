"""The stage contract: the stage list is checked when a run starts, and a stage that raises on a file
leaves that file `partial` with every other dataset's rows and an error naming the stage and page."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from raadsstukken.pipeline import stages as stage_module
from raadsstukken.pipeline.run import RunSettings, run
from raadsstukken.pipeline.stages import STAGES, Stage, StageOrderError, check_stages
from raadsstukken.schemas import validate_directory
from tests.pdfs import Page, write_pdf


def _proposal(folder: Path) -> Path:
    cover = Page()
    cover.add(56, 60, "Voorstel aan de gemeenteraad", size=16, bold=True)
    cover.add(56, 100, "Aanleiding", size=13, bold=True)
    cover.lines(56, 125, ["De gemeente wil de speeltuinen in de dorpskernen vernieuwen. Daarvoor",
                          "is in de begroting een bedrag van € 80.000 gereserveerd."])
    cover.add(56, 190, "Voorgesteld besluit", size=13, bold=True)
    cover.lines(56, 215, ["1. het uitvoeringsplan speelruimte vast te stellen;",
                          "2. het college te vragen jaarlijks verslag te doen."])
    second = Page()
    second.add(56, 60, "Toelichting", size=13, bold=True)
    second.lines(56, 85, ["De speeltuinen worden in overleg met de buurt ingericht."])
    return write_pdf(folder / "voorstel.pdf", [cover, second])


def test_the_stage_list_is_in_order():
    check_stages(STAGES)
    assert [s.name for s in STAGES][0] == "split"


def test_a_stage_that_needs_what_no_earlier_stage_assigns_is_refused():
    def noop(result, doc):
        return doc

    with pytest.raises(StageOrderError, match="'decisions' requires sections"):
        check_stages([Stage("split", ("pages",), ("documents",), noop, "file"),
                      Stage("decisions", ("sections",), ("decisions",), noop)])
    with pytest.raises(StageOrderError, match="two stages"):
        check_stages([Stage("split", ("pages",), ("documents",), noop, "file")] * 2)


def test_a_failing_stage_leaves_the_file_partial_with_the_other_rows(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _proposal(folder)

    def broken(result, doc):
        raise ValueError("forced failure")

    failing = tuple(Stage(s.name, s.requires, s.assigns, broken, s.scope) if s.name == "decisions" else s
                    for s in STAGES)
    monkeypatch.setattr(stage_module, "STAGES", failing)
    out = tmp_path / "out"
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=out)).outcomes
    assert outcome.status == "partial"
    assert [(e.stage, e.page, e.kind) for e in outcome.errors] == [("decisions", 1, "internal")]
    assert "forced failure" in outcome.errors[0].message
    assert validate_directory(out) == []
    runs = pd.read_parquet(out / "runs")
    (errors,) = runs["errors"]
    assert [(e["stage"], e["page"], e["kind"]) for e in errors] == [("decisions", 1, "internal")]
    assert len(pd.read_parquet(out / "decisions")) == 0
    sections = pd.read_parquet(out / "sections")
    assert "Aanleiding" in set(sections["heading"])
    assert len(pd.read_parquet(out / "documents")) == 1
    assert len(pd.read_parquet(out / "amounts")) == 1


def test_stages_that_need_a_failed_stage_are_skipped_and_said(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    _proposal(folder)

    def broken(result, doc):
        raise RuntimeError("tables broke")

    failing = tuple(Stage(s.name, s.requires, s.assigns, broken, s.scope) if s.name == "tables" else s
                    for s in STAGES)
    monkeypatch.setattr(stage_module, "STAGES", failing)
    (outcome,) = run(RunSettings(inputs=(folder,), out_dir=tmp_path / "out")).outcomes
    kinds = {(e.stage, e.kind) for e in outcome.errors}
    assert ("tables", "internal") in kinds
    assert {("statistics", "skipped"), ("amounts", "skipped")} <= kinds
    assert outcome.status == "partial"
    sections = pd.read_parquet(tmp_path / "out" / "sections")
    assert len(sections) >= 3
