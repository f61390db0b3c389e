"""Published besluiten whose formula runs into its dictum: the deciding verb and the dictum on one
line ("besluit in te trekken: …"), the verb spaced out, an opening that names who decide and no
considerations, and a dictum with no verb after the opening's colon; also with a publication's kind
line and field grid over the formula. Wordings and layouts are invented for these tests; none comes
from a sample, corpus or batch paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

X = 56


def _publication(formula: list[str], after: str = "Artikel 1 Begripsbepalingen") -> Page:
    """A besluit as a regelingenbank prints it: the body over the kind line, a grid of fields
    (label | value), the title, the formula, then the first article."""
    page = Page().add(X, 40, "Gemeente Zuiderlinde", size=11)
    page.add(X, 58, "Besluit", size=9)
    page.add(X, 90, "Rubriek", size=9)
    page.add(180, 90, "verordening ligplaatsen", size=9)
    page.add(X, 106, "Looptijd", size=9)
    page.add(180, 106, "onbepaald", size=9)
    page.add(X, 140, "Verordening ligplaatsen Zuiderlinde 2031", size=13, bold=True)
    top = page.lines(X, 170, formula)
    page.add(X, top + 20, after, size=11, bold=True)
    page.lines(X, top + 40, ["In deze verordening wordt verstaan onder een ligplaats: een plek aan de kade."])
    return page


@pytest.mark.parametrize("verb, dictum", [
    ("besluit", "in te trekken: Beleidsregel ligplaatsen Zuiderlinde 2019"),
    ("b e s l u i t :", "vast te stellen de hierna volgende Verordening ligplaatsen Zuiderlinde 2031"),
    ("besluiten", "met ingang van 1 maart 2031 de Verordening ligplaatsen Zuiderlinde te wijzigen."),
])
def test_the_dictum_on_the_line_of_the_formulas_verb(make_pdf, documents_of, verb, dictum):
    """Convention of published besluiten: "…; gelet op …; besluit vast te stellen …" sets the
    dictum after the deciding verb on its own line (spaced out or with a colon): the dictum is the
    rest of that line, the verb left off; the kind line over the field grid opens no decision."""
    page = _publication(["Het college van burgemeester en wethouders van de gemeente Zuiderlinde;",
                         "gelet op artikel 12 van de Havenverordening Zuiderlinde;", f"{verb} {dictum}"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [dictum]


def test_the_dictum_after_an_opening_that_runs_over_several_lines(make_pdf, documents_of):
    """Convention of gemeenschappelijke regelingen: the opening names every body that decides over
    several lines (a line may open with a name in capitals) and no considerations follow; the
    verb's line after it, wrapped, is the dictum up to its full stop."""
    page = _publication(["De raden en de colleges van burgemeester en wethouders van de gemeenten Aalwijk,",
                         "Beekveld, Dorpsmeer en Oosthaven, ieder voor zover het hun bevoegdheid betreft,",
                         "besluiten aan te gaan de hierna volgende regeling tot oprichting van het openbaar",
                         "lichaam Havenschap Linde. Zij treedt in werking op de dag na bekendmaking."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "aan te gaan de hierna volgende regeling tot oprichting van het openbaar lichaam Havenschap Linde."]


def test_a_dictum_without_verb_after_the_openings_colon(make_pdf, documents_of):
    """Convention of a publication that leaves the verb out: the opening ends in a colon ("…, ieder
    voor zover het zijn bevoegdheid betreft:") and the dictum follows in lower case with its object
    first ("het … vast te stellen, …:")."""
    page = _publication(["Het dagelijks bestuur van het Havenschap Linde, ieder voor zover het zijn",
                         "bevoegdheid betreft:",
                         "het “Protocol ligplaatsen Havenschap Linde 2031” vast te stellen, zodat het als",
                         "volgt luidt:"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "het “Protocol ligplaatsen Havenschap Linde 2031” vast te stellen, zodat het als volgt luidt:"]


def test_a_line_opening_with_besluit_in_running_text_is_no_dictum(make_pdf, documents_of):
    """A line of a letter that wraps before "besluit" ("… over het" / "besluit te beslissen …")
    follows no besluit's formula: it is no dictum."""
    page = Page().add(X, 40, "Aan de leden van de gemeenteraad", size=11)
    page.lines(X, 90, ["Geachte leden,", "Wij informeren u over de stand van zaken rond het",
                       "besluit te komen tot een nieuwe haven bij de Lindekade. Het onderzoek loopt nog.",
                       "Met vriendelijke groet,", "De wethouder van haven en water"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == []


def test_a_kind_line_over_a_field_grid_opens_no_decision(make_pdf, documents_of):
    """Convention of a regelingenbank's print cut off before the dictum: the kind line ("Besluit")
    over a grid of fields in regular weight (label | value) and the formula's first lines: the
    grid's label is no decision, and the paper has none."""
    page = Page().add(X, 40, "Gemeente Zuiderlinde", size=11)
    page.add(X, 58, "Besluit", size=9)
    page.add(X, 90, "Rubriek", size=9)
    page.add(180, 90, "verordening ligplaatsen", size=9)
    page.add(X, 106, "Looptijd", size=9)
    page.add(180, 106, "onbepaald", size=9)
    page.lines(X, 150, ["Het college van burgemeester en wethouders van de gemeente Zuiderlinde;",
                        "gelet op artikel 12 van de Havenverordening Zuiderlinde;",
                        "overwegende dat de kade bij de Lindehaven wordt vernieuwd en dat"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == []


@pytest.mark.parametrize("period", ["1-4-2031 t/m heden", "van 01-04-2031 tot en met 31-03-2033"])
def test_a_period_of_validity_after_the_kind_line_is_no_decision(make_pdf, documents_of, period):
    """Convention of a publication's head: the kind line over the period the text holds ("… t/m
    heden"), its label printed elsewhere: a period decides nothing."""
    page = Page().add(X, 40, "Havenschap Linde", size=11)
    page.add(X, 58, "Besluit", size=9)
    page.add(X, 80, period, size=9)
    page.add(X, 120, "Regeling ligplaatsen Havenschap Linde", size=13, bold=True)
    page.lines(X, 150, ["Het dagelijks bestuur van het Havenschap Linde;",
                        "overwegende dat de kade bij de Lindehaven wordt vernieuwd en dat"])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == []
