"""Who signs a motion or an amendment, on generated papers (wordings of our own, none from a corpus or
batch paper):

- the submitters' line set as a salutation with its comma ("De indieners,", "Ingediend door,") heads the
  names under it, each with its party;
- a member signs with the fraction after the role ("Fractievoorzitter Dorpsbelang", "Raadslid
  Stadspartij-Oost"): the role is the member's role, the name the line above it;
- a motion's vote record printed under its signatures ("Stemming", "Stemuitslag:", "Voor: …") ends the
  list of names.
"""
from __future__ import annotations

import pytest

from tests.pdfs import Page

DICTUM = ["De raad van de gemeente Elsweide, in vergadering bijeen,",
          "verzoekt het college de bibliotheek in Noordeinde open te houden,",
          "en gaat over tot de orde van de dag."]


@pytest.mark.parametrize("label", ["De indieners,", "Ingediend door,", "Indiener,"])
def test_a_submitters_line_set_as_a_salutation_heads_the_names(make_pdf, documents_of, label):
    page = Page().add(56, 50, "Amendement Bibliotheek Noordeinde", size=15, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Elsweide besluit het beslispunt te wijzigen in:",
                        "de bibliotheek in Noordeinde open te houden."], size=10)
    page.add(56, 140, label, size=10)
    page.lines(56, 156, ["Jorien Hofstede, Dorpsbelang", "Tarik el Amrani, Groen Elsweide"], size=10, leading=14)
    page.add(56, 210, "Toelichting:", size=10, bold=True)
    page.lines(56, 226, ["De bibliotheek is de enige openbare ruimte in het dorp."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [
        ("indiener", "Jorien Hofstede, Dorpsbelang"), ("indiener", "Tarik el Amrani, Groen Elsweide")]


@pytest.mark.parametrize("role_line, role", [
    ("Fractievoorzitter Dorpsbelang", "fractievoorzitter"),
    ("Raadslid Stadspartij-Oost", "raadslid"),
    ("fractievoorzitter Groen Elsweide", "fractievoorzitter"),
])
def test_a_member_signs_with_the_fraction_after_the_role(make_pdf, documents_of, role_line, role):
    page = Page().add(56, 50, "Amendement Bibliotheek Noordeinde", size=15, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Elsweide besluit het beslispunt te wijzigen in:",
                        "de bibliotheek in Noordeinde open te houden."], size=10)
    page.lines(56, 150, ["Marloes Verbeek", role_line], size=10, leading=13)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [(role, "Marloes Verbeek")]


@pytest.mark.parametrize("record", [["Stemming", "Voor: Dorpsbelang, Groen Elsweide"],
                                    ["Stemuitslag: 14 voor, 9 tegen"], ["Aangenomen", "Voor 14 Tegen 9"]])
def test_a_vote_record_under_the_signatures_is_no_name(make_pdf, documents_of, record):
    page = Page().add(56, 50, "Motie Bibliotheek Noordeinde", size=15, bold=True)
    page.lines(56, 90, DICTUM, size=10)
    page.lines(56, 140, ["Hofstede", *record], size=10, leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("indiener", "Hofstede")]
