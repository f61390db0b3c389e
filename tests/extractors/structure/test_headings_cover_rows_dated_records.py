"""A cover box's rows, a record's date line and an item's decision intro are no headings.

Conventions (GOLD: head rows, date lines and labels are no headings; a paper's title is none):

- A fax's or a memo's cover prints short bold labels one under the other, each with its value
  beside it ("Aan | …", "Betreft | …"): head rows, also where the box's rulings are lost (a scan's
  OCR layer gives text only, and sets a row's label and value a few points apart), and also where
  the labels are ones the metadata rules read (their value may be set bold). The subject printed again larger over the text, two
  words or more, is the field's value, no heading.
- A page of decisions sets a date line over each record ("Raadscommissie 9 november 2031"); with
  no font cue (an OCR layer) it is no heading over the record's text, where a short line naming a
  subject over a full line of text stays one (rules/headings.toml [lead_line] dated).
- In a besluitenlijst the intro each item sets over its record ("Het college besluit:") is the
  item's decision label, no heading; the items' numbered subjects stay the headings.

Wordings are the tests' own.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

TEXT = ["Langs de provinciale weg worden de bermen dit najaar twee keer gemaaid en wordt het maaisel",
        "afgevoerd, zodat er in het voorjaar meer bloemen opkomen dan in de jaren hiervoor."]


def _cover(jitter: float, bold_subject: bool = False) -> Page:
    page = Page().add(60, 50, "MEMO", size=26, bold=True)
    # two rows: too few for a run of same-style lines that the headings drop as a list
    rows = [("Aan", "Bewoners van de Dijkstraat"), ("Betreft", "Maaibeleid bermen")]
    for k, (label, value) in enumerate(rows):
        top = 100 + 22 * k
        bold = bold_subject and label == "Betreft"
        page.add(66, top, label, size=9.5, bold=True).add(150, top - jitter, value, size=9.5, bold=bold)
    page.add(60, 210, "Maaibeleid bermen", size=12, bold=True)
    y = page.lines(60, 236, TEXT, size=9.5) + 14
    y = page.lines(60, y, ["Planning"], size=9.5, bold=True) + 4
    page.lines(60, y, ["De eerste ronde begint na de zomer en de tweede ronde volgt in de herfst, als het weer",
                       "het toelaat en de grond niet te nat is voor de machines van de aannemer."], size=9.5)
    return page


@pytest.mark.parametrize("jitter, bold_subject", [(0.0, False), (2.5, False), (0.0, True)])
def test_a_cover_boxs_rows_are_no_headings(make_pdf, documents_of, jitter, bold_subject):
    """Also with a row's label and value a few points apart, and with the subject set bold beside
    a label the rules know."""
    docs = documents_of(make_pdf([_cover(jitter, bold_subject)]))
    assert [s.heading for d in docs for s in d.sections if s.heading] == ["Planning"]


def _records(date_line: str) -> Page:
    page = Page().add(60, 50, "Gemeente Noorderveld", size=9.5).add(60, 70, "Genomen besluiten", size=13, bold=True)
    page.lines(60, 96, ["Hieronder staan de besluiten die in de vergadering zijn genomen, per onderwerp van de agenda."],
               size=9.5)
    y = 130.0
    for text in ("De commissie adviseert de raad het krediet voor de nieuwe brug over het kanaal te verlenen.",
                 "De commissie stelt de behandeling van de nota over de markt uit tot de volgende vergadering."):
        y = page.lines(60, y, [date_line, text], size=9.5) + 14
    return page


def test_a_records_date_line_is_no_heading(make_pdf, documents_of):
    docs = documents_of(make_pdf([_records("Raadscommissie 9 november 2031")]))
    assert [s.heading for d in docs for s in d.sections if s.heading] == []


def test_a_short_subject_over_a_full_line_stays_a_heading(make_pdf, documents_of):
    docs = documents_of(make_pdf([_records("Brug over het kanaal")]))
    assert "Brug over het kanaal" in [s.heading for d in docs for s in d.sections if s.heading]


def test_an_items_decision_intro_in_a_besluitenlijst_is_no_heading(make_pdf, documents_of):
    page = Page().add(60, 50, "BESLUITENLIJST", size=14, bold=True)
    page.lines(60, 80, ["Openbare vergadering van het college, gehouden in de kleine zaal van het gemeentehuis."],
               size=9.5)
    items = [("1. Onderhoud van de sluisdeuren", "Het college stemt in met het vervangen van de oude deuren."),
             ("2. Subsidie voor de muziekschool", "Het college verleent de subsidie voor het komende schooljaar."),
             ("3. Verkoop van de oude brandweerkazerne", "Het college zet de verkoop van het pand in gang.")]
    y = 120.0
    for subject, text in items:
        y = page.lines(60, y, [subject], size=10.5, bold=True) + 6
        y = page.lines(60, y, ["Het college besluit:"], size=9.5, bold=True)
        y = page.lines(60, y, [text], size=9.5) + 16
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == [subject for subject, _ in items]
    assert "Het college besluit:" in " ".join(s.text for s in doc.sections)
