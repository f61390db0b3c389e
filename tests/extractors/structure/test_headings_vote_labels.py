"""The label of a vote's record is no heading.

Convention of moties, amendementen and besluitenlijsten: after the text, a small bold label
("Uitslag van de stemming", "Stemverhouding:") stands over the record of the vote: the parties
or members for and against, the outcome. It labels that record as a field's label does; the
paper's headings (its dictum's label, its explanation) stay headings.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

TEXT = ["De gemeenteraad, in vergadering bijeen, constaterende dat de bibliotheek in het dorp op",
        "zaterdag gesloten is en dat veel inwoners juist dan tijd hebben om er te komen lezen,"]

LABELS = [
    ("Uitslag van de stemming", "Vraagt het college:", ["Voor", "Dorpsbelang, Groen Links, VVD"],
     ["Tegen", "Lokaal Alert"]),
    ("Stemverhouding:", "Verzoekt de burgemeester:", ["Voor", "12 leden"], ["Tegen", "7 leden"]),
    ("Resultaat stemming", "Geeft het college opdracht:", ["Voor", "alle fracties"], ["Tegen", "geen"]),
]


@pytest.mark.parametrize("label, dictum, voor, tegen", LABELS)
def test_a_vote_label_over_its_record_is_no_heading(make_pdf, documents_of, label, dictum, voor, tegen):
    page = Page()
    page.add(60, 60, "Motie over de openingstijden van de bibliotheek", size=14, bold=True)
    top = page.lines(60, 100, TEXT, size=10) + 14
    page.add(60, top, dictum, size=10, bold=True)
    top = page.lines(60, top + 16, ["de openingstijden op zaterdag met ingang van het nieuwe jaar te verruimen",
                                    "en de raad voor de zomer te laten weten wat dat kost."], size=10) + 16
    page.add(60, top, label, size=9.5, bold=True)
    page.add(60, top + 14, voor[0], size=9).add(120, top + 14, voor[1], size=9)
    page.add(60, top + 27, tegen[0], size=9).add(120, top + 27, tegen[1], size=9)
    (doc,) = documents_of(make_pdf([page]))
    heads = [s.heading for s in doc.sections if s.heading]
    assert dictum in heads and label not in heads, heads
    assert label in " ".join(s.text for s in doc.sections)  # every word kept, as text


@pytest.mark.parametrize("section, items", [
    ("Uitslag van de stemming", ["Voorstel over de markt op zondag", "Amendement over de parkeertarieven"]),
    ("Stemverhouding", ["Voorstel over het zwembad", "Amendement over de ijsbaan"]),
    ("Resultaat stemming", ["Voorstel over het groenbudget", "Amendement over de bibliotheek"]),
])
def test_a_vote_word_over_voted_items_heads_their_section(make_pdf, documents_of, section, items):
    """In a record of votes the same word may head the section of the voted items, each item with
    its outcome and its own record under a small label: over a heading it stays a heading."""
    page = Page()
    page.add(60, 60, "Overzicht van de raadsvergadering van 3 maart", size=14, bold=True)
    top = 100.0
    for _ in range(4):  # the record's introduction
        top = page.lines(60, top, TEXT, size=10) + 10
    page.add(60, top, section, size=11, bold=True)
    top += 22
    for item in items:
        page.add(60, top, item, size=10.5, bold=True)
        page.add(60, top + 15, "Aangenomen", size=10)
        page.add(60, top + 30, "Stemverhouding", size=8.5, bold=True)
        page.add(60, top + 42, "Voor: alle fracties behalve een", size=8.5)
        top += 62
    (doc,) = documents_of(make_pdf([page]))
    heads = [s.heading for s in doc.sections if s.heading]
    assert heads[-3:] == [section, *items], heads
