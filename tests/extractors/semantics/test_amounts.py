"""Money amounts in text and in money columns of tables, normalized to euros."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.semantics.amounts import find_amounts_in_text
from tests.pdfs import Page


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("een bijdrage van € 4.125.000 voor de brug", 4125000.0),
        ("kosten: €250,- per jaar", 250.0),
        ("een budget van € 1,2 mln voor drie jaar", 1200000.0),
        ("er is ruim 3 miljoen euro nodig", 3000000.0),
        ("subsidie EUR 1.500 per vereniging", 1500.0),
        ("een tarief van € 2,35 per uur", 2.35),
        ("de schade wordt op 10 miljard euro geschat", 1e10),
        ("zo'n 75.000 euro aan leges", 75000.0),
    ],
)
def test_amounts_in_text(text, value):
    (amount,) = find_amounts_in_text(text, page=1)
    assert amount.amount_eur == pytest.approx(value)


@pytest.mark.parametrize("text", ["1,2 miljoen inwoners", "8,5 procent van de huishoudens", "in 2023 en 2024", "artikel 4.2"])
def test_numbers_that_are_not_money(text):
    assert find_amounts_in_text(text, page=1) == []


def test_recurrence_from_the_sentence():
    (amount,) = find_amounts_in_text("Hiervoor is structureel € 40.000 nodig.", page=1)
    assert amount.recurrence == "structureel"


def test_money_column_of_a_table(make_pdf, documents_of):
    page = Page().add(56, 50, "Uitvoeringsprogramma Groen 2025", size=24, bold=True)
    page.add(56, 100, "Maatregel", bold=True).add(260, 100, "Bedrag", bold=True).add(360, 100, "Soort", bold=True)
    for i, (what, amount, kind) in enumerate([("Bomen planten", "45.000", "Incidenteel"),
                                             ("Onderhoud parken", "120.000", "Structureel")]):
        page.add(56, 120 + 16 * i, what).add(260, 120 + 16 * i, amount).add(360, 120 + 16 * i, kind)
    page.lines(56, 180, ["Het aantal van 25 nieuwe bomen is geen geldbedrag."])
    (doc,) = documents_of(make_pdf([page]))
    found = sorted((a.amount_eur, a.recurrence, a.context) for a in (x.amount for x in doc.amounts))
    assert found == [(45000.0, "Incidenteel", "Bomen planten"), (120000.0, "Structureel", "Onderhoud parken")]
    assert doc.metadata.financial_consequences is True  # budgeted without a financial paragraph


def test_amounts_a_letter_only_cites_say_nothing_of_its_financial_consequences(make_pdf, documents_of):
    """A plan's budget table is its financial paragraph; a letter or minutes that cite a
    structural amount ("het Rijk trekt structureel € 2 miljoen uit") state no consequences of
    their own, so the field stays null."""
    page = Page().add(56, 50, "Raadsinformatiebrief", size=18, bold=True)
    page.lines(56, 90, ["Geachte leden van de raad,", "Het Rijk trekt structureel € 2 miljoen uit voor de regio; wij",
                        "informeren u over de verdeling die de provincie voorstelt.", "Met vriendelijke groet,"])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "raadsmededeling"
    assert any(a.amount.recurrence for a in doc.amounts)
    assert doc.metadata.financial_consequences is None
