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
