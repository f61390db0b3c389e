"""Template furniture on a single page, on generated pages (wordings of our own, none from a corpus or batch
paper), rules/page_furniture.toml [strip] and [record_key]:

- a strip across the page's top edge that repeats one of the page's head rows ("Datum: 3 maart 2031" over the
  paper's own "Datum | 3 maart 2031" row) is the template's running strip: furniture, no body text; a label
  and value at the top edge that no head row repeats stays text (where a field is read);
- a record printed from an information system opens with the system's key of the record ("ID" | "48213"):
  furniture, the other record rows stay text.
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.parse import parse_pdf
from tests.pdfs import Page


def _body(page: Page, top: float) -> Page:
    page.lines(57, top, ["De raad van de gemeente Elsweide, in vergadering bijeen,",
                                "verzoekt het college de bibliotheek in Noordeinde open te houden,",
                                "en gaat over tot de orde van de dag."], size=10)
    return page


@pytest.mark.parametrize("strip, label, value", [
    ("Datum: 3 maart 2031", "Datum", "3 maart 2031"),
    ("Vergadering: commissie Ruimte en Wonen, 12 mei…", "Vergadering", "commissie Ruimte en Wonen, 12 mei 2031"),
    ("Agendapunt: 7b", "Agendapunt", "7b"),
])
def test_a_top_strip_repeating_a_head_row_is_furniture(make_pdf, strip, label, value):
    page = Page().add(57, 24, "Gemeente Elsweide", size=9, bold=True).add(360, 24, strip, size=8.5)
    page.add(57, 80, "Motie Bibliotheek Noordeinde", size=15, bold=True)
    page.add(57, 110, label, size=8.5).add(170, 110, value, size=8.5)
    (parsed,) = parse_pdf(make_pdf([_body(page, 140)])).pages
    body = " ".join(b.text for b in parsed.blocks)
    assert strip in (parsed.header or "") and strip not in body
    assert value in body and "verzoekt het college" in body


def test_a_label_at_the_top_edge_that_no_head_row_repeats_stays_text(make_pdf):
    page = Page().add(57, 24, "Gemeente Elsweide", size=9, bold=True).add(360, 24, "Datum: 3 maart 2031", size=8.5)
    page.add(57, 80, "Motie Bibliotheek Noordeinde", size=15, bold=True)
    (parsed,) = parse_pdf(make_pdf([_body(page, 120)])).pages
    assert "Datum: 3 maart 2031" in " ".join(b.text for b in parsed.blocks)


@pytest.mark.parametrize("label, key", [("ID", "48213"), ("Id:", "770412"), ("Record-ID", "100234")])
def test_an_information_systems_record_key_is_furniture(make_pdf, documents_of, label, key):
    page = Page().add(57, 40, "Moties", size=11, bold=True)
    rows = [(label, key), ("Onderwerp", "Motie Bibliotheek Noordeinde"), ("Datum", "3 maart 2031"),
            ("Status", "Aangenomen")]
    for k, (lab, val) in enumerate(rows):
        page.add(57, 70 + 16 * k, lab, size=8.5, bold=True).add(170, 70 + 16 * k, val, size=9)
    path = make_pdf([_body(page, 150)])
    (parsed,) = parse_pdf(path).pages
    body = " ".join(b.text for b in parsed.blocks)
    assert key in (parsed.header or "") and key not in body
    assert "Aangenomen" in body
    (doc,) = documents_of(path)
    assert doc.metadata.reference is None
