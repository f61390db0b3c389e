"""Ruled tables of texts found from their bold header row (`tables.headed`): the convention of
Word-made lists of texts (a besluitenlijst, an action list) whose one long wrapped column and
columns left empty hide the other columns' edges; landscape and portrait, reportlab and fpdf2."""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.tables.continuation import join_continued_tables
from raadsstukken.extractors.tables.detect import find_tables
from tests.pdfs import Page
from tests.ruled_tables import fpdf_table, reportlab_table

LONG = ("De werkgroep heeft drie varianten voor de nieuwe fietsenstalling bij het busstation uitgewerkt en met "
        "de vervoerder besproken; de middelste variant past binnen het beschikbare budget en laat ruimte voor "
        "laadpunten, zodat de stalling in het voorjaar kan worden gebouwd.")


def _tables(path):
    parsed = parse_pdf(path)
    return join_continued_tables([t for p in parsed.pages for t in find_tables(p)], {p.number: p for p in parsed.pages})


def test_landscape_ruled_table_with_one_long_column_and_an_empty_column(tmp_path):
    rows = [["07", "Fietsenstalling busstation", "Toelichting van de werkgroep.", LONG, ""],
            ["08", "Jaarverslag bibliotheek", "Ter kennisname.", "Voor kennisgeving aangenomen.", ""],
            ["09", "Huurverhoging sporthal", "Voorstel van de afdeling sport.", "Aangehouden tot na de zomer.", ""]]
    path = reportlab_table(tmp_path / "land.pdf", ["Volgnr.", "Kwestie", "Achtergrond", "Afspraak", "Opmerking"],
                           rows, [20, 55, 70, 95, 21], landscape=True, title="Overzicht overleg wijkraad",
                           after="Het volgende overleg vindt plaats op de eerste dinsdag van de maand in het buurthuis, "
                                 "aanvang acht uur; de agenda volgt een week eerder per post en per mail.")
    (table,) = _tables(path)
    assert (table.n_rows, table.n_cols, table.header_rows, table.method) == (4, 5, 1, "headed_text")
    grid = table.grid()
    assert grid[0] == ["Volgnr.", "Kwestie", "Achtergrond", "Afspraak", "Opmerking"]
    assert grid[1][:4] == ["07", "Fietsenstalling busstation", "Toelichting van de werkgroep.", LONG]
    assert grid[3] == ["09", "Huurverhoging sporthal", "Voorstel van de afdeling sport.", "Aangehouden tot na de zomer.", ""]
    assert not any("volgende overleg" in text for row in grid for text in row)  # the paragraph after it
    assert table.confidence >= 0.5


def test_portrait_fpdf2_table_without_cell_padding_rows_run_from_key_to_key(tmp_path):
    rows = [["1", "Parkeerregime Stationsweg", "Het college kiest voor betaald parkeren op werkdagen tussen negen en "
                                               "zes uur en vraagt de afdeling een uitvoeringsplan op te stellen."],
            ["2", "Inkoop straatmeubilair", "De raming wordt verlaagd."],
            ["3.b", "Verlenging contract groenonderhoud met de huidige aannemer", "Akkoord."]]
    path = fpdf_table(tmp_path / "port.pdf", ["Punt", "Omschrijving", "Uitkomst overleg"], rows, [12, 58, 110],
                      title="Verslag portefeuilleoverleg")
    (table,) = _tables(path)
    assert (table.n_rows, table.n_cols, table.method) == (4, 3, "headed_text")
    grid = table.grid()
    assert [r[0] for r in grid] == ["Punt", "1", "2", "3.b"]
    assert grid[1][2] == rows[0][2] and grid[3][1] == rows[2][1]


def test_vertically_centred_cells_are_cut_into_rows_by_the_gaps(tmp_path):
    rows = [["A", "Kapvergunning eik Molenstraat", "Verleend onder voorwaarde van herplant van twee bomen in de "
                                                   "directe omgeving van de huidige standplaats."],
            ["B", "Evenement zomerkermis", "Verleend."]]
    path = fpdf_table(tmp_path / "mid.pdf", ["Code", "Aanvraag", "Beslissing op aanvraag"], rows, [14, 60, 106],
                      v_align="MIDDLE")
    (table,) = _tables(path)
    assert table.method == "headed_text" and table.grid()[1:] == rows


def test_a_bold_line_of_labels_over_running_text_is_no_table(make_pdf):
    page = Page()
    for x, label in zip((60, 200, 340), ("Wijk", "Aanpak", "Planning")):
        page.add(x, 80, label, size=9, bold=True)
    for k in range(6):
        page.add(60, 100 + 12 * k, "In alle wijken wordt het groen dit jaar opnieuw ingericht met inheemse soorten "
                                   "en meer", size=9)
    assert [t for t in _tables(make_pdf([page])) if t.method == "headed_text"] == []


def test_bold_lines_under_bold_lines_are_no_header_and_body(make_pdf):
    page = Page()
    for row in range(4):
        for x, label in zip((60, 200, 340), ("Maandag", "Woensdag", "Vrijdag")):
            page.add(x, 80 + 14 * row, f"{label} {'ochtend middag avond nacht'.split()[row]}", size=9, bold=True)
    assert [t for t in _tables(make_pdf([page])) if t.method == "headed_text"] == []


def test_cells_set_closer_than_a_cell_gap_are_cut_at_the_header_columns(make_pdf):
    from reportlab.pdfbase.pdfmetrics import stringWidth

    keys = ["ZK-2025-0101", "ZK-2025-0102", "ZK-2025-0117"]
    second = 60 + max(stringWidth(k, "Helvetica", 9) for k in keys) + 7  # a gap of 7 pt: wider than a word space
    page = Page()
    for x, label in zip((60, second, 330), ("Kenmerk", "Inhoud", "Reactie")):
        page.add(x, 80, label, size=9, bold=True)
    for k, (key, text, reply) in enumerate(zip(keys, ["Bezwaar tegen aanslag", "Vraag over de container",
                                                      "Klacht over geluid"], ["Ongegrond", "Beantwoord", "Loopt"])):
        page.add(60, 100 + 14 * k, key, size=9)
        page.add(second, 100 + 14 * k, text, size=9)
        page.add(330, 100 + 14 * k, reply, size=9)
    (table,) = [t for t in _tables(make_pdf([page])) if t.method == "headed_text"]
    assert table.grid()[1:] == [[key, text, reply] for key, text, reply in zip(
        keys, ["Bezwaar tegen aanslag", "Vraag over de container", "Klacht over geluid"],
        ["Ongegrond", "Beantwoord", "Loopt"])]


def test_a_table_over_a_page_break_with_its_header_repeated_is_one_table(tmp_path):
    rows = [[str(k), f"Straatnaamgeving fase {k}", "Voorstel van de werkgroep straatnamen, besproken met de "
             "historische vereniging.", f"De namen van fase {k} worden vastgesteld.", ""] for k in range(1, 31)]
    path = reportlab_table(tmp_path / "long.pdf", ["Nr.", "Onderwerp", "Toelichting", "Besluit", "Stemming"], rows,
                           [15, 55, 90, 90, 25], landscape=True)
    (table,) = _tables(path)
    assert (table.page, table.page_end, table.n_rows, table.method) == (1, 2, 31, "headed_text+continued")
    assert [r[0] for r in table.grid()] == ["Nr."] + [str(k) for k in range(1, 31)]
    assert table.grid()[30][3] == "De namen van fase 30 worden vastgesteld."


def test_header_cells_cut_into_two_row_clusters_on_one_baseline_are_one_header():
    """The row clusters of `detect` can cut a header's cells apart (a cell in other type, a bottom
    edge further down): cells on the header's baseline are its columns all the same."""
    from raadsstukken.extractors.layout.geometry import BBox
    from raadsstukken.extractors.structure.forms import Cell
    from raadsstukken.extractors.tables.detect import _Line
    from raadsstukken.extractors.tables.headed import find_headed_tables

    def line(top, *cells, bold=False):
        out = tuple(Cell(text, BBox(x, top, x + 6 * len(text), top + 9), 1, bold) for x, text in cells)
        return _Line(out, BBox(min(c.bbox.x0 for c in out), top, max(c.bbox.x1 for c in out), top + 9), 9.0)

    lines = [line(80, (60, "Nr."), (300, "Afspraak"), bold=True), line(80.5, (110, "Zaak"), bold=True),
             line(100, (60, "1"), (110, "Fietspad"), (300, "Na de zomer")),
             line(114, (60, "2"), (110, "Verlichting"), (300, "Offerte"))]
    (table,) = find_headed_tables(lines, set())
    assert table.rows == (("Nr.", "Zaak", "Afspraak"), ("1", "Fietspad", "Na de zomer"), ("2", "Verlichting", "Offerte"))
