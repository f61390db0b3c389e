"""Tables of text found from the alignment of left edges (an action list with wrapped cells,
continued on a page that leaves a column empty), and what is no table: a screenshot's labels."""
from __future__ import annotations

from raadsstukken.extractors.layout.parse import parse_pdf
from raadsstukken.extractors.tables.continuation import join_continued_tables
from raadsstukken.extractors.tables.detect import find_tables
from tests.pdfs import Page

COLS = (60, 110, 330, 430)
ACTIONS = [
    (("12", "3-2-2025"), ("Werkbezoek plannen bij de", "buurtbrigade in de binnenstad"), ("Team Toezicht",), ("Gepland",)),
    (("13", "3-2-2025"), ("Notitie over inzet van", "camera's op het stationsplein", "voor de commissie"),
     ("Beleidsadviseur",), ("Loopt",)),
    (("14", "10-2-2025"), ("Overleg met de woningcorporatie", "over de aanpak van overlast"), ("Wijkmanager",),
     ("Afgerond",)),
]


def _write_rows(page: Page, top: float, rows, cols=COLS) -> float:
    for row in rows:
        height = max(len(cell) for cell in row)
        for x, cell in zip(cols, row):
            for k, text in enumerate(cell):
                page.add(x, top + 10 * k, text, size=8)
        top += 10 * height + 6
    return top


def _tables(path):
    parsed = parse_pdf(path)
    pages = {p.number: p for p in parsed.pages}
    return join_continued_tables([t for p in parsed.pages for t in find_tables(p)], pages)


def test_action_list_is_one_table_of_four_columns_over_two_pages(make_pdf):
    first, second = Page(), Page()
    first.add(60, 640, "Actielijst werkgroep veilige wijk", size=11, bold=True)
    for x, text in zip(COLS, ("Nr / datum", "Actie", "Wie", "Stand")):
        first.add(x, 670, text, size=8, bold=True)
    _write_rows(first, 686, ACTIONS)  # down to the foot of the page
    later = [(("15", "17-2-2025"), ("Evaluatie van de proef met", "extra verlichting"), (), ("Open",)),
             (("16", "24-2-2025"), ("Terugkoppeling aan de", "bewonersvereniging"), (), ("Open",)),
             (("17", "24-2-2025"), ("Verslag rondsturen",), (), ("Afgerond",))]
    _write_rows(second, 60, later)
    (table,) = _tables(make_pdf([first, second]))
    assert (table.n_cols, table.page, table.page_end) == (4, 1, 2)
    grid = table.grid()
    assert grid[0] == ["Nr / datum", "Actie", "Wie", "Stand"] and table.header_rows == 1
    assert grid[2] == ["13 3-2-2025", "Notitie over inzet van camera's op het stationsplein voor de commissie",
                       "Beleidsadviseur", "Loopt"]
    assert grid[-1] == ["17 24-2-2025", "Verslag rondsturen", "", "Afgerond"]  # the page-2 status in column 4
    assert table.confidence >= 0.5


def test_the_labels_of_a_dashboard_screenshot_are_no_table(make_pdf):
    page = Page()
    fragments = ["oy a =", "mm", "[enema", "Regic", "2502", "a3", "—", "wm 8B", "ipa", "@", "I0", "4,4"]
    for i in range(24):
        for j in range(0, 8, 1 + i % 3):
            page.add(70 + 55 * j, 90 + 9 * i, fragments[(i * 7 + j) % len(fragments)], size=3)
    assert _tables(make_pdf([page])) == []


def test_two_column_text_and_a_list_are_no_text_table(make_pdf):
    page = Page()
    page.lines(56, 60, ["De wijkagent houdt elke week", "spreekuur in het buurthuis en", "bespreekt daar de meldingen",
                        "met bewoners en ondernemers."], size=9, leading=12)
    page.lines(310, 60, ["Daarnaast loopt er een proef", "met een buurtapp waarin", "bewoners elkaar waarschuwen",
                         "voor verdachte situaties."], size=9, leading=12)
    for i, item in enumerate(["a.", "b.", "c.", "d."]):
        page.add(56, 140 + 12 * i, item, size=9).add(72, 140 + 12 * i, f"maatregel nummer {i + 1} uitwerken", size=9)
    assert _tables(make_pdf([page])) == []


def test_a_grid_of_short_labels_and_a_form_with_checkboxes_are_no_table(make_pdf):
    page = Page()
    labels = ["Jeugdoverlast", "Woninginbraak", "Zorgmijders", "Ondermijning", "Cybercrime", "Verkeersveiligheid",
              "Burenruzies", "Zwerfafval", "Evenementen", "Straatintimidatie", "Drugsoverlast", "Fietsdiefstal"]
    for i, label in enumerate(labels):
        page.add(60 + 160 * (i % 3), 80 + 14 * (i // 3), label, size=9)
    for i, (a, b, c) in enumerate([("Afdeling", "☒ Veiligheid", "☐ Wonen"), ("Route", "☒ Adviseur", "☐ Jurist"),
                                    ("Status", "☒ Concept", "☐ Definitief"), ("Openbaar", "☒ Ja", "☐ Nee")]):
        page.add(60, 200 + 14 * i, a, size=9).add(220, 200 + 14 * i, b, size=9).add(380, 200 + 14 * i, c, size=9)
    assert _tables(make_pdf([page])) == []
