"""An item's field label closed by its colon is no heading, and a closing mark set apart is no crumb.

Convention of besluitenlijsten: under each item's subject its fields follow, each a label closed by
a colon on a line of its own over its value ("Advies:", "Besluit op de motie:"); in a browser's
print or a web export they are set bold at the body's size, with no decision label the list's own
label reader knows to give their style. The colon says the label announces what follows: an item's
field, not a heading (rules/headings.toml [item_fields] colon_label). A label without its colon set
apart ("Voorgesteld besluit") may head the list's proposals and keeps its typography
(test_item_fields.py).

Convention of typewritten and older printed papers: a closing mark set apart from its word by a
space ("OVERWEGINGEN :") belongs to that word, no symbol soup ([words] detached).
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

ITEMS = [("Punt 4 (dossier 5521) Herinrichting van het speelveld aan de Kievitlaan",
          "De raad stemt in met het ontwerp van het nieuwe speelveld en het krediet daarvoor."),
         ("Punt 5 (dossier 5530) Verlenging van de proef met avondbussen",
          "De proef loopt tot het einde van het volgende jaar met dezelfde dienstregeling."),
         ("Punt 6 (dossier 5547) Tweede wijziging van de begroting van de veiligheidsregio",
          "De raad brengt geen zienswijze uit op de gewijzigde begroting van de regio.")]


def _list(labels: tuple[str, str], leading: float = 13.0, gap: float = 6.0) -> Page:
    """A besluitenlijst: per item its subject in bold, then two fields, each a bold label at the
    body's size closed by a colon over a line of roman text; `gap` is the space between the
    subject and the first label (small: one block for the page layer)."""
    page = Page().add(60, 50, "BESLUITENLIJST", size=14, bold=True)
    page.lines(60, 80, ["Openbare vergadering van de gemeenteraad, gehouden in de raadzaal van het",
                        "stadhuis, met alle leden aanwezig en de griffier als notulist."], size=9.5)
    y = 130.0
    for subject, text in ITEMS:
        y = page.lines(60, y, [subject], size=10.5, bold=True, leading=leading) + gap
        for label in labels:
            y = page.lines(60, y, [label], size=9.5, bold=True, leading=leading)
            y = page.lines(60, y, [text], size=9.5) + 8
        y += 14
    return page


@pytest.mark.parametrize("labels", [("Advies:", "Besluit op de motie:"),
                                    ("Toelichting:", "Besluit inzake amendement B7:"),
                                    ("Voorstel aan de raad:", "Besluit:")])
def test_field_labels_closed_by_a_colon_are_no_headings(make_pdf, documents_of, labels):
    (doc,) = documents_of(make_pdf([_list(labels)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == [subject for subject, _ in ITEMS]
    text = " ".join(s.text for s in doc.sections)
    for label in labels:
        assert label in text


def test_a_label_joined_to_the_subject_above_it_is_cut_off(make_pdf, documents_of):
    """The item's bold subject and its first bold label set close together make one block for the
    page layer (an OCR layer gives both the body's size): the label on its last line is cut off, the
    subject stays the item's heading whole."""
    (doc,) = documents_of(make_pdf([_list(("Advies:", "Besluit op de motie:"), leading=12.0, gap=0.0)]))
    assert [s.heading for s in doc.sections if s.heading] == [subject for subject, _ in ITEMS]


def test_an_ocr_layers_capital_i_for_an_l_still_reads_as_the_label(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf([_list(("ToeIichting:", "BesIuit op de motie:"))]))
    assert [s.heading for s in doc.sections if s.heading] == [subject for subject, _ in ITEMS]


@pytest.mark.parametrize("head", ["OVERWEGINGEN :", "KENNISGEVING :", "Vraag van de fractie ?"])
def test_a_closing_mark_set_apart_from_its_word_is_no_crumb(make_pdf, documents_of, head):
    page = Page().add(60, 50, "Verordening op de marktgelden van het dorpsplein", size=15, bold=True)
    y = page.lines(60, 90, ["Het college van de gemeente heeft de verordening op de marktgelden opnieuw",
                            "bezien en stelt een wijziging voor van de tarieven voor de kramen."], size=9.5) + 12
    y = page.lines(60, y, [head], size=9.5, bold=True) + 4
    page.lines(60, y, ["dat de tarieven sinds de vorige wijziging niet meer zijn aangepast aan de kosten",
                       "van het schoonmaken van het plein na afloop van de wekelijkse markt."], size=9.5)
    docs = documents_of(make_pdf([page]))
    heads = [s.heading for d in docs for s in d.sections if s.heading]
    assert head in heads, heads


def test_symbol_soup_stays_no_heading():
    """A mark after a word is set apart; crumbs standing alone still outnumber the words."""
    from raadsstukken.extractors.structure.headings import made_of_words

    assert made_of_words("OVERWEGINGEN :")
    assert not made_of_words(": ; pit (")
    assert not made_of_words(".), we( pit N_")


def test_a_label_in_the_lists_head_above_its_first_item_is_no_items_field(make_pdf, documents_of):
    """Convention: the fields are an item's. A label of the field family set in the decision label's
    style above the list's first item (an OCR layer measures the head's labels and the items' labels
    alike) heads the list's introduction and stays a heading ([item_fields] item_head)."""
    page = Page().add(60, 50, "BESLUITENLIJST", size=14, bold=True)
    page.add(60, 90, "Samenvatting", size=9.5, bold=True)
    y = page.lines(60, 104, ["De vergadering begint met het vragenuur; daarna behandelt de raad de punten die",
                             "de commissies als bespreekstuk hebben aangemerkt, de hamerstukken aan het eind."],
                   size=9.5) + 16
    subjects = ["Punt 1 Opening en berichten van verhindering", "Punt 2 Benoeming van een nieuwe griffier"]
    for subject in subjects:
        y = page.lines(60, y, [subject], size=9.5, bold=True) + 4
        y = page.lines(60, y, ["Samenvatting"], size=9.5, bold=True)
        y = page.lines(60, y, ["De voorzitter licht het punt toe en geeft de fracties het woord."], size=9.5) + 4
        y = page.lines(60, y, ["Besluit"], size=9.5, bold=True)
        y = page.lines(60, y, ["De raad stemt zonder hoofdelijke stemming in met het voorstel."], size=9.5) + 16
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == ["Samenvatting", *subjects]


def test_an_item_numbered_on_into_the_next_heading_is_a_heading_whatever_size_was_measured(make_pdf, sections_of):
    """Convention: an agenda's items are numbered through the paper in one style. A bold item whose
    number goes on in the next bold heading ("1." before "2.") is one of them, also where its size
    was measured a point off theirs (an OCR layer measures a short line from its few letters)
    ([runs] numbered_on_size)."""
    page = Page().add(60, 50, "Verslag van de vergadering van het algemeen bestuur", size=14, bold=True)
    y = 90.0
    items = [("1. Welkom.", 8.0), ("2. Mededelingen van de voorzitter.", 9.5), ("3. Rondvraag.", 9.5)]
    for head, size in items:
        y = page.lines(60, y, [head], size=size, bold=True) + 4
        y = page.lines(60, y, ["De voorzitter opent het punt en stelt vast dat de leden de stukken tijdig hebben",
                               "ontvangen; er zijn geen vragen over en het bestuur gaat verder met de agenda."],
                       size=9.5) + 14
    heads = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert heads[-3:] == [head for head, _ in items], heads


def test_a_small_bold_numbered_line_that_numbers_no_heading_on_stays_text(make_pdf, sections_of):
    """A small bold numbered line with no heading numbered on from it (the next numbered heading is
    no "2.") is a point of the text in a smaller type, no heading of the agenda's."""
    page = Page().add(60, 50, "Verslag van de vergadering van het algemeen bestuur", size=14, bold=True)
    y = page.lines(60, 90, ["4. Begroting van het komende jaar"], size=9.5, bold=True) + 4
    y = page.lines(60, y, ["Het bestuur bespreekt de begroting en de reserves van de regeling en neemt de",
                           "voorstellen van het dagelijks bestuur over zonder wijzigingen in de bedragen."], size=9.5) + 8
    y = page.lines(60, y, ["1. Let op de termijn."], size=8.0, bold=True) + 4
    y = page.lines(60, y, ["De deelnemers kunnen tot het einde van de maand een zienswijze indienen over de",
                           "begroting; daarna stelt het bestuur de begroting in zijn volgende vergadering vast."],
                   size=9.5) + 14
    page.lines(60, y, ["5. Sluiting"], size=9.5, bold=True)
    heads = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert "1. Let op de termijn." not in heads, heads


@pytest.mark.parametrize("units", [["Artikel 2 Reikwijdte.", "Artikel 3 Aanvraagtermijn."],
                                   ["Artikel 7 Hoogte van de bijdrage.", "Artikel 8 Slotbepaling."]])
def test_a_units_short_title_closed_by_a_period_is_a_heading(make_pdf, sections_of, units):
    """Convention of older regulations (and OCR layers that read a speck as a full stop): a unit's
    title may close with a period, "Artikel 2 Reikwijdte."; a title opens with a capital after its
    number and is short, where a sentence opening with a unit runs on in lower case
    ([agenda_code] unit_title_words)."""
    page = Page().add(60, 50, "Regeling tegemoetkoming kosten leerlingenvervoer", size=14, bold=True)
    y = 90.0
    for unit in units:
        y = page.lines(60, y, [unit], size=9.5, bold=True) + 3
        y = page.lines(60, y, ["Deze regeling geldt voor ouders van leerlingen die op meer dan zes kilometer van",
                               "de dichtstbijzijnde passende school wonen en het vervoer zelf verzorgen."],
                       size=10.5) + 12
    y = page.lines(60, y, ["Artikel 4 van de wet is van overeenkomstige toepassing."], size=10.5, bold=True) + 3
    page.lines(60, y, ["Het college kan in bijzondere gevallen van deze regeling afwijken ten gunste van",
                       "de ouders, als toepassing ervan tot onbillijke gevolgen leidt."], size=10.5)
    heads = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert heads[-2:] == units, heads
