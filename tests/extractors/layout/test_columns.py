"""Column gutters found from the page's own geometry (`layout/columns.py`, `rules/columns.toml`).

The convention encoded: a multi-column page has a vertical band of white between its columns
that no line crosses for as long as the columns run, whatever their baselines, sizes or leading
do; its lines are never merged across that band and the columns are read one after the other,
with a title or paragraph over the full width in its place, and a sentence cut off at the foot of
one column carries on at the top of the next. A form's label/value gap, a table's wide cell gap
and a table of two text columns are no gutters. Wordings are invented for these tests.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from raadsstukken.extractors.layout.columns import column_rules, find_gutters
from raadsstukken.extractors.layout.geometry import BBox
from raadsstukken.extractors.layout.parse import parse_pdf
from tests.conftest import squash
from tests.pdfs import Page

LEFT, GUTTER_LEFT, RIGHT, MARGIN = 56.0, 290.0, 310.0, 540.0

LEFT_TEXT = ("De speeltuin aan de Meidoornlaan krijgt dit voorjaar nieuwe toestellen voor kinderen tot "
             "twaalf jaar. Omwonenden kozen in twee avonden uit drie ontwerpen het plan met een "
             "klimrek, een zandbak met water en een schommel die ook geschikt is voor kinderen met "
             "een beperking. De aannemer begint na de meivakantie en verwacht binnen zes weken klaar "
             "te zijn, zodat de buurt het terrein voor de zomer weer kan")
RIGHT_TEXT = ("gebruiken. Tijdens de werkzaamheden is het pad langs de vijver afgesloten voor fietsers. "
              "Wandelaars kunnen via de brug bij de kinderboerderij om de afzetting heen lopen. De "
              "wijkvereniging zamelt daarnaast geld in voor een bankje met een overkapping, waarvoor "
              "zij een bijdrage uit het buurtbudget heeft aangevraagd bij het stadsdeel.")


def justified(page: Page, x: float, top: float, width: float, lines: list[str], size: float = 10.0,
              leading: float = 13.0) -> float:
    """Lines set justified as a browser does: words placed one by one, spread over the width (the
    last line ragged); returns the top under the last line."""
    for i, line in enumerate(lines):
        words = line.split()
        widths = [stringWidth(w, "Helvetica", size) for w in words]
        spread = len(words) > 1 and i < len(lines) - 1
        gap = (width - sum(widths)) / (len(words) - 1) if spread else stringWidth(" ", "Helvetica", size)
        pos = x
        for word, w in zip(words, widths):
            page.add(pos, top + i * leading, word, size)
            pos += w + gap
    return top + len(lines) * leading


def _column_lines(text: str, size: float, width: float) -> list[str]:
    """Greedy line breaks of `text` for a column `width` points wide."""
    out: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and stringWidth(trial, "Helvetica", size) > width:
            out.append(line)
            line = word
        else:
            line = trial
    return out + [line] if line else out


def _layout(path):
    return parse_pdf(path, ocr=False).pages


def _page_text(page) -> str:
    return squash(" ".join(b.text for b in page.blocks))


def _no_line_across(pages, x0: float = GUTTER_LEFT, x1: float = RIGHT) -> bool:
    return all(not (ln.bbox.x0 < x0 and ln.bbox.x1 > x1) for p in pages for b in p.blocks for ln in b.lines)


def test_justified_columns_with_drifting_baselines_are_read_one_after_the_other(make_pdf, text_of):
    # both columns justified with wide, uneven word spaces (short lines spread over the column), the
    # left one at 10 pt on 13 pt leading, the right one at 9 pt on 11.5 pt: their baselines meet now
    # and then and drift apart between
    page = Page().add(LEFT, 50, "Nieuwsbrief wijkteam Oosterpark", size=16, bold=True)
    width = GUTTER_LEFT - LEFT
    justified(page, LEFT, 90, width, _column_lines(LEFT_TEXT, 10, 0.7 * width))
    justified(page, RIGHT, 90, MARGIN - RIGHT, _column_lines(RIGHT_TEXT, 9, 0.7 * (MARGIN - RIGHT)), size=9,
              leading=11.5)
    path = make_pdf([page])
    pages = _layout(path)
    assert _no_line_across(pages)
    text = text_of(path)
    assert squash(LEFT_TEXT + " " + RIGHT_TEXT) in text  # the sentence over the column break is whole


def test_columns_with_offset_baselines_and_a_full_width_title_and_closing_paragraph(make_pdf):
    title = "Verslag van de bewonersavond over het nieuwe parkeerbeleid in de binnenstad van Westerhaven"
    closing = ("Deze alinea loopt over de volle breedte van de pagina onder beide kolommen en sluit het "
               "verslag af met de datum van de volgende bijeenkomst in het buurthuis.")
    page = Page()
    page.lines(LEFT, 50, _column_lines(title, 15, MARGIN - LEFT), size=15, leading=19, bold=True)
    left = _column_lines(LEFT_TEXT + ".", 10, GUTTER_LEFT - LEFT)
    right = _column_lines(RIGHT_TEXT, 10, MARGIN - RIGHT)
    bottom = max(page.lines(LEFT, 100, left), page.lines(RIGHT, 106.5, right))  # half a line lower
    page.lines(LEFT, bottom + 20, _column_lines(closing, 10, MARGIN - LEFT))
    pages = _layout(make_pdf([page]))
    text = _page_text(pages[0])
    parts = [title, " ".join(left), " ".join(right), closing]
    positions = [text.index(squash(p)) for p in parts]
    assert positions == sorted(positions)
    body = [ln for b in pages[0].blocks for ln in b.lines if 100 <= ln.bbox.top < bottom]
    assert all(ln.bbox.x1 <= GUTTER_LEFT + 1 or ln.bbox.x0 >= RIGHT - 1 for ln in body)


def test_paragraphs_of_two_columns_that_end_on_one_baseline_are_read_column_by_column(make_pdf):
    # aligned columns whose first paragraphs happen to end on the same baseline (as a form's label
    # and value do): the left column is read to its end before the right one
    paragraphs = [["Het college wil de oude bibliotheek aan de markt", "verbouwen tot een ontmoetingsplek voor de",
                   "verenigingen uit de wijk."],
                  ["Voor de verbouwing vraagt het college een krediet", "van vier ton aan de gemeenteraad."],
                  ["De gebruikers denken mee over de indeling van", "de zalen, de keuken en de openingstijden op",
                   "werkdagen en in het weekeinde."],
                  ["Een klankbordgroep van omwonenden komt in het", "najaar voor het eerst bijeen."]]
    page = Page()
    page.lines(LEFT, 80, paragraphs[0])
    page.lines(LEFT, 130, paragraphs[1])
    page.lines(RIGHT, 80, paragraphs[2])
    page.lines(RIGHT, 130, paragraphs[3])
    text = _page_text(_layout(make_pdf([page]))[0])
    positions = [text.index(squash(" ".join(p))) for p in paragraphs]
    assert positions == sorted(positions)


def test_a_sentence_from_the_foot_of_one_column_carries_on_at_the_top_of_the_next(make_pdf, text_of):
    # an address line without a full stop above the first column does not take the continuation
    page = Page().add(LEFT, 50, "Mededeling aan de bewoners van de Kastanjehof", size=15, bold=True)
    page.add(LEFT, 90, "Aan de huurders van de flats aan het Plein")
    left = _column_lines(LEFT_TEXT, 10, GUTTER_LEFT - LEFT)
    page.lines(LEFT, 115, left)
    page.lines(RIGHT, 90, _column_lines(RIGHT_TEXT, 10, MARGIN - RIGHT))
    text = text_of(make_pdf([page]))
    assert squash(LEFT_TEXT + " " + RIGHT_TEXT) in text
    assert "Aan de huurders van de flats aan het Plein gebruiken" not in text


def test_a_two_column_page_then_a_one_column_page(make_pdf):
    first = Page()
    left = _column_lines(LEFT_TEXT, 10, GUTTER_LEFT - LEFT)
    right = _column_lines(RIGHT_TEXT, 10, MARGIN - RIGHT)
    first.lines(LEFT, 60, left)
    first.lines(RIGHT, 60, right)
    single = ("Op de tweede pagina staat de tekst in een enkele kolom over de hele breedte. Hier hoort "
              "geen goot gevonden te worden, ook al zijn sommige regels korter dan andere en springen "
              "enkele regels in.")
    second = Page()
    lines = _column_lines(single, 10, MARGIN - LEFT)
    second.lines(LEFT, 60, lines)
    second.lines(LEFT + 30, 60 + 13 * len(lines) + 10, ["Een ingesprongen regel onder de alinea."])
    pages = _layout(make_pdf([first, second]))
    one = _page_text(pages[0])
    assert one.index(squash(" ".join(left))) < one.index(squash(" ".join(right)))
    assert squash(single) in _page_text(pages[1])
    segments = [(ln.bbox, ln.size) for b in pages[1].blocks for ln in b.lines]
    assert find_gutters(segments) == []
    assert len(find_gutters([(ln.bbox, ln.size) for b in pages[0].blocks for ln in b.lines])) == 1


def test_a_wrapped_title_s_short_last_line_stays_with_the_title(make_pdf):
    page = Page()
    page.add(LEFT, 50, "Reglement voor het gebruik van de sporthallen en", size=18, bold=True)
    page.add(LEFT, 72, "gymzalen 2031", size=18, bold=True)
    page.lines(LEFT, 100, _column_lines(LEFT_TEXT, 10, GUTTER_LEFT - LEFT))
    page.lines(RIGHT, 100, _column_lines(RIGHT_TEXT, 10, MARGIN - RIGHT))
    blocks = _layout(make_pdf([page]))[0].blocks
    assert blocks[0].text == "Reglement voor het gebruik van de sporthallen en gymzalen 2031"


def test_a_form_s_labels_and_values_are_no_columns(make_pdf):
    rows = [("Onderwerp:", "Aanleg van een wadi in het Sterrenpark"), ("Kenmerk:", "ZK-2031-0417"),
            ("Datum:", "3 maart 2031"), ("Portefeuillehouder:", "wethouder mevrouw T. Brinkhorst"),
            ("Bijlagen:", "twee kaarten en een begroting"), ("Programma:", "Openbare ruimte en groen")]
    page = Page()
    for i, (label, value) in enumerate(rows):
        page.add(LEFT, 80 + 16 * i, label)
        page.add(200, 80 + 16 * i, value)
    page.lines(LEFT, 190, _column_lines(LEFT_TEXT, 10, MARGIN - LEFT))
    layout = _layout(make_pdf([page]))[0]
    assert find_gutters([(ln.bbox, ln.size) for b in layout.blocks for ln in b.lines]) == []
    lines = {ln.text for b in layout.blocks for ln in b.lines}
    assert all(label in lines and value in lines for label, value in rows)


def test_a_table_with_a_wide_gap_inside_its_rows_is_no_column_gutter(make_pdf):
    page = Page()
    page.lines(LEFT, 60, _column_lines(LEFT_TEXT, 10, MARGIN - LEFT))
    for i, (name, a, b) in enumerate([("Buurt", "2030", "2031"), ("Noordkwartier", "412", "437"),
                                      ("Havenbuurt", "288", "301"), ("Kerkeiland", "95", "102"),
                                      ("Totaal", "795", "840")]):
        page.add(LEFT, 200 + 15 * i, name)
        page.add(380, 200 + 15 * i, a)
        page.add(460, 200 + 15 * i, b)
    layout = _layout(make_pdf([page]))[0]
    assert find_gutters([(ln.bbox, ln.size) for b in layout.blocks for ln in b.lines]) == []
    lines = {ln.text: ln for b in layout.blocks for ln in b.lines}
    assert lines["Noordkwartier 412 437"].cells == 3


def test_a_table_over_both_columns_keeps_its_rows_whole(make_pdf):
    # a table set over the full width between stretches of two columns: its own columns leave white
    # where the gutter runs, yet each row is one line, read between the columns above and below
    page = Page()
    page.lines(LEFT, 60, _column_lines(LEFT_TEXT, 10, GUTTER_LEFT - LEFT))
    page.lines(RIGHT, 60, _column_lines(RIGHT_TEXT, 10, MARGIN - RIGHT))
    page.add(LEFT, 232, "Tabel 2. Aantal nieuwe bankjes per wijk in de jaren 2030 en 2031, zoals geteld door de wijkteams")
    xs = [60, 120, 175, 230, 320, 380, 435, 490]
    rows = [["Wijk", "Noord", "Oost", "Zuid", "West", "Haven", "Dorp", "Totaal"],
            ["2030", "12", "8", "15", "4", "9", "1", "49"], ["2031", "14", "6", "11", "7", "10", "3", "51"]]
    for i, row in enumerate(rows):
        for x, cell in zip(xs, row):
            page.add(x, 250 + 14 * i, cell)
    page.lines(LEFT, 310, _column_lines(RIGHT_TEXT, 10, GUTTER_LEFT - LEFT))
    page.lines(RIGHT, 310, _column_lines(LEFT_TEXT, 10, MARGIN - RIGHT))
    layout = _layout(make_pdf([page]))[0]
    lines = {ln.text: ln for b in layout.blocks for ln in b.lines}
    assert lines["2030 12 8 15 4 9 1 49"].cells == 8
    text = _page_text(layout)
    assert text.index(squash(RIGHT_TEXT)) < text.index("2031 14 6 11 7 10 3 51") < text.index(squash(LEFT_TEXT), 300)


def test_a_table_of_two_text_columns_is_no_pair_of_columns():
    # rows of wrapped cells: both sides break at the same heights, where two columns of running text
    # break where their own paragraphs end
    segs: list[tuple[BBox, float]] = []
    top = 100.0
    for lines_left, lines_right in [(3, 2), (2, 3), (4, 4), (2, 1)]:
        for i in range(lines_left):
            segs.append((BBox(LEFT, top + 13 * i, GUTTER_LEFT - 5 * (i % 2), top + 13 * i + 10), 10.0))
        for i in range(lines_right):
            segs.append((BBox(RIGHT, top + 13 * i, MARGIN - 5 * (i % 2), top + 13 * i + 10), 10.0))
        top += 13 * max(lines_left, lines_right) + 12
    assert find_gutters(segs) == []
    # the same boxes with the right side's breaks elsewhere are two columns
    shifted = [(BBox(b.x0, b.top + 26, b.x1, b.bottom + 26), s) if b.x0 >= RIGHT else (b, s) for b, s in segs]
    assert len(find_gutters(shifted)) == 1


def test_an_indented_list_is_no_column():
    segs = [(BBox(LEFT, 100 + 13 * i, MARGIN, 110 + 13 * i), 10.0) for i in range(3)]
    for i in range(6):  # hanging markers with their items far right of them
        segs.append((BBox(LEFT, 140 + 13 * i, LEFT + 8, 150 + 13 * i), 10.0))
        segs.append((BBox(LEFT + 30, 140 + 13 * i, MARGIN - 20 * (i % 3), 150 + 13 * i), 10.0))
    assert find_gutters(segs) == []


def test_rules_are_data():
    rules = column_rules()
    assert 0 < rules.min_gutter < rules.min_column
    assert rules.min_lines >= 2
    assert 0 < rules.fill_width <= 1 and 0 < rules.min_filled <= 1
