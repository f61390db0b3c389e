"""Who writes to whom makes a letter a brief or a raadsmededeling, on generated papers.

The convention: a paper under an addressee line ("Aan: …", "Aan de leden van …") with a signed
closing is a letter (brief), with or without a salutation; it is a raadsmededeling only when the
college (the burgemeester, a wethouder, GS) writes to the council: a resident, a party, an
association or the council's own chair writing to the council writes a brief. Wordings are
invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from tests.pdfs import Page

BODY = ["Graag vragen wij uw aandacht voor de verkeersveiligheid rond de basisschool aan de Lindelaan.",
        "Sinds de herinrichting rijden er meer auto's door de straat dan voorheen, ook in de spits.",
        "Wij verzoeken u dit punt te bespreken in de eerstvolgende vergadering."]


def _letter(head: list[str], closing: list[str]) -> Page:
    page = Page().add(56, 40, "Gemeente Lindeloo", size=12, bold=True)
    top = page.lines(56, 90, head, size=10, leading=16)
    top = page.lines(56, top + 14, BODY, size=10)
    page.lines(56, top + 20, closing, size=10)
    return page


def _kind(documents_of, make_pdf, page: Page) -> str:
    (doc,) = documents_of(make_pdf([page]))
    return doc.part.doc_type


def test_addressee_label_and_chairs_signature_make_a_brief(make_pdf, documents_of):
    page = _letter(["Aan: de fracties in de gemeenteraad", "Onderwerp: vergaderschema najaar"],
                   ["De voorzitter van de gemeenteraad,", "M.J. van Oordt"])
    assert _kind(documents_of, make_pdf, page) == "brief"


def test_residents_letter_to_the_council_is_a_brief(make_pdf, documents_of):
    page = _letter(["Lindeloo, 3 mei 2031", "Aan de leden van de gemeenteraad", "Geachte raadsleden,"],
                   ["w.g. H. Baarsma"])
    assert _kind(documents_of, make_pdf, page) == "brief"


def test_associations_letter_without_salutation_is_a_brief(make_pdf, documents_of):
    page = _letter(["Aan het college van burgemeester en wethouders", "Betreft: oversteekplaats Lindelaan"],
                   ["Namens de wijkraad Beekhoven,", "T. Kramer, secretaris"])
    assert _kind(documents_of, make_pdf, page) == "brief"


def test_the_colleges_letter_to_the_council_stays_a_raadsmededeling(make_pdf, documents_of):
    page = _letter(["Aan de leden van de gemeenteraad", "Geachte leden van de raad,"],
                   ["Met vriendelijke groet,", "burgemeester en wethouders van Lindeloo,", "de secretaris,",
                    "de burgemeester,"])
    assert _kind(documents_of, make_pdf, page) == "raadsmededeling"
