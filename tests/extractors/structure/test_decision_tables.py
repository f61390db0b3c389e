"""Decisions of a besluitenlijst set as one table (`structure.decision_tables`): the convention of
Word-made lists of colleges and councils, whose header row names a decision column (each row's
cell there is its item's decision), the number column (its agenda item) and a vote or result
column (its outcome); a placeholder cell is no decision. Header wordings and texts are this
test's own: rules/decision_tables.toml names the convention, never a paper's phrase."""
from __future__ import annotations

import pandas as pd
import pytest

from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.structure.decision_tables import (DecisionColumns, decision_columns,
                                                               find_table_decisions, merge_table_decisions)
from raadsstukken.extractors.structure.decisions import DecisionPoint
from raadsstukken.extractors.tables.detect import Table, TableCell
from raadsstukken.pipeline.run import RunSettings, run
from tests.ruled_tables import fpdf_table, reportlab_table


def _table(header: list[str], rows: list[list[str]], page: int = 1) -> Table:
    cells = [TableCell(0, c, text, True, None, BBox(60 + 100 * c, 100, 150 + 100 * c, 110), page)
             for c, text in enumerate(header)]
    cells += [TableCell(r, c, text, False, None, BBox(60 + 100 * c, 100 + 20 * r, 150 + 100 * c, 115 + 20 * r), page)
              for r, row in enumerate(rows, 1) for c, text in enumerate(row)]
    return Table(page, BBox(60, 100, 60 + 100 * len(header), 120 + 20 * len(rows)), len(rows) + 1, len(header), 1,
                 None, cells, "headed_text")


@pytest.mark.parametrize("header, expected", [
    (["Agendapunt", "Onderwerp", "Beslissing", "Stemuitslag"], DecisionColumns(2, 0, 3)),
    (["Nr", "Titel", "Toelichting", "Besluit van het college"], DecisionColumns(3, 0, None)),
    (["Punt", "Omschrijving", "Genomen besluit:", "Resultaat"], DecisionColumns(2, 0, 3)),
    # no decision column: the proposal beside a result column is what was decided on
    (["No.", "Zaak", "Raadsvoorstel", "Uitslag stemming"], DecisionColumns(2, 0, 3)),
])
def test_header_names_the_decision_number_and_outcome_columns(header, expected):
    assert decision_columns(_table(header, [["1", "a", "b", "c"]])) == expected


@pytest.mark.parametrize("header", [
    ["Nr.", "Onderwerp", "Voorstel"],  # a proposal without any outcome: an agenda, not a record
    ["Project", "Stand van zaken", "Planning"],  # an overview table
    ["Besluitvormingsproces", "Fase", "Datum"],  # a word that starts like a decision column
])
def test_a_table_without_a_decision_column_decides_nothing(header):
    assert decision_columns(_table(header, [["1", "a", "b"]])) is None


def test_each_row_is_its_items_decision_placeholders_are_none():
    table = _table(["Nr.", "Onderwerp", "Besluit B&W", "Stemming"], [
        ["12.", "Kermisreglement", "Het reglement wordt gewijzigd vastgesteld.", ""],
        ["13", "Zwembadtarieven", "n.v.t.", ""],
        ["14", "Subsidie toneelclub", "–", ""],
        ["15", "Mededelingen", "N.v.t. De burgemeester meldt de opening van het nieuwe gemeentehuis.", ""],
        ["16", "Verkeersbesluit Dorpsstraat", "Geen bezwaar tegen de tijdelijke afsluiting.", "unaniem"],
        ["17", "Motie speeltuinen", "De motie wordt in stemming gebracht.", "met 21 stemmen voor en 6 tegen"],
        ["", "Rondvraag", "Het college besluit de rondvraag voortaan aan het begin te houden.", ""],
        # the record of the meeting's course is no decision (meeting_record)
        ["", "Sluiting", "De voorzitter sluit de vergadering.", ""],
    ])
    found = find_table_decisions([table], body="B&W")
    assert [(d.agenda_item, d.outcome, d.votes_for, d.votes_against) for d in found] == [
        ("12", "gewijzigd", None, None), ("16", "unaniem", None, None), ("17", "aangenomen", 21, 6), (None, None, None, None)]
    assert found[0].text == "Het reglement wordt gewijzigd vastgesteld." and found[0].method == "decisions:table"
    assert [d.number for d in found] == [1, 2, 3, 4] and {d.body for d in found} == {"B&W"}


def test_table_rows_take_the_place_of_the_same_cells_read_as_text():
    table = _table(["Agendapunt", "Onderwerp", "Beslissing"], [["3", "Kapvergunning", "Verleend."]])
    inside = DecisionPoint(1, "Verleend.", 1, BBox(262, 122, 300, 130), "B&W", "decisions:agenda_label")
    after = DecisionPoint(2, "De raad stelt de notulen vast.", 1, BBox(60, 400, 300, 410), "B&W", "decisions:agenda_label")
    merged = merge_table_decisions([inside, after], [table], "besluitenlijst", "B&W")
    assert [(d.number, d.method, d.agenda_item) for d in merged] == [(1, "decisions:table", "3"),
                                                                    (2, "decisions:agenda_label", None)]
    # other kinds' tables (an overview in a proposal) decide nothing
    assert merge_table_decisions([after], [table], "raadsvoorstel") == [after]


ITEMS = [
    ("2", "Verordening hondenbelasting", "De wijziging van de tarieven wordt besproken met de dierenbescherming.",
     "De verordening wordt vastgesteld met ingang van het nieuwe belastingjaar.", "Conform"),
    ("3", "Aankoop perceel Kerkeland", "Het perceel ligt naast de begraafplaats en is nodig voor de uitbreiding.",
     "n.v.t.", ""),
    ("4.b", "Krediet dakrenovatie raadhuis", "Het dak lekt op drie plaatsen; de renovatie is eerder uitgesteld.",
     "Het krediet wordt beschikbaar gesteld.", "Aangenomen met 19 stemmen voor en 8 tegen"),
]


def _run(tmp_path, name, write):
    folder = tmp_path / name
    folder.mkdir()
    write(folder / f"{name}.pdf")
    out = tmp_path / f"{name}-out"
    run(RunSettings(inputs=(folder,), out_dir=out))
    docs = pd.read_parquet(out / "documents")
    decisions = pd.read_parquet(out / "decisions").sort_values("number")
    return docs, decisions


def _rows(decisions):
    return [(r.agenda_item, r.text, None if pd.isna(r.outcome) else r.outcome) for r in decisions.itertuples()]


def test_pipeline_reads_a_landscape_reportlab_besluitenlijst_table(tmp_path):
    def write(path):
        reportlab_table(path, ["Agendanr.", "Onderwerp", "Inleiding", "Besluit college", "Stemuitslag"],
                        [list(i) for i in ITEMS], [22, 50, 85, 85, 30], landscape=True,
                        title="Besluitenlijst van de vergadering van het college van 9 april")
    docs, decisions = _run(tmp_path, "land", write)
    assert list(docs.doc_type) == ["besluitenlijst"]
    assert _rows(decisions) == [("2", ITEMS[0][3], "conform"), ("4.b", ITEMS[2][3], "aangenomen")]
    assert list(decisions.votes_for.fillna(-1)) == [-1, 19] and list(decisions.votes_against.fillna(-1)) == [-1, 8]


def test_pipeline_reads_a_portrait_fpdf2_table_its_outcome_from_the_decision_text(tmp_path):
    rows = [("1", "Opening en mededelingen", "Geen"),
            ("5", "Parkeerbeleid centrum", "Het besluit wordt aangehouden tot de volgende vergadering."),
            ("6", "Zienswijze regionale energiestrategie", "De zienswijze wordt ongewijzigd vastgesteld.")]
    docs, decisions = _run(tmp_path, "port", lambda p: fpdf_table(
        p, ["Nummer", "Onderwerp", "Beslissing"], [list(r) for r in rows], [20, 60, 100],
        title="Besluitenlijst B&W vergadering 3 juni"))
    assert list(docs.doc_type) == ["besluitenlijst"]
    assert _rows(decisions) == [("5", rows[1][2], "aangehouden"), ("6", rows[2][2], "vastgesteld")]


def test_pipeline_reads_a_council_table_of_proposals_and_results(tmp_path):
    rows = [("7", "Bestemmingsplan Hoge Akker", "Het bestemmingsplan vast te stellen.", "Verworpen"),
            ("8", "Motie vreemd: bankjes langs het kanaal", "Het college te verzoeken bankjes te plaatsen.", "Ingetrokken"),
            ("9", "Benoeming lid rekenkamer", "Mevrouw Veldkamp te benoemen tot lid.", "Unaniem")]
    docs, decisions = _run(tmp_path, "raad", lambda p: reportlab_table(
        p, ["Punt", "Onderwerp", "Raadsvoorstel", "Resultaat"], [list(r) for r in rows], [15, 55, 80, 25],
        title="Besluitenlijst raadsvergadering 18 september"))
    assert list(docs.doc_type) == ["besluitenlijst"]
    assert _rows(decisions) == [("7", rows[0][2], "verworpen"), ("8", rows[1][2], "ingetrokken"),
                                ("9", rows[2][2], "unaniem")]


@pytest.mark.parametrize("text", [
    "Nr. Onderwerp Besluit",
    "Agendapunt | Omschrijving | Genomen besluit | Stemuitslag",
    "No. Titel Beslissing",
    "Punt Zaak Raadsvoorstel Uitslag",
])
def test_a_header_row_read_as_a_line_is_no_decision(text):
    from raadsstukken.extractors.structure.agenda_decisions import is_header_row
    assert is_header_row(text)


@pytest.mark.parametrize("text", [
    "Besluit",  # one column name alone is a label, handled as one
    "Conform besluit.",
    "Het onderwerp wordt aangehouden tot de volgende vergadering.",
    "Besluit conform voorstel",
])
def test_a_decision_that_names_a_column_word_stays_one(text):
    from raadsstukken.extractors.structure.agenda_decisions import is_header_row
    assert not is_header_row(text)
