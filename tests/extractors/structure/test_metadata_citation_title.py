"""A regulation's record: its cited name ("Citeertitel: …") titles it where a subject field names its
policy category (rules/metadata.toml [title] citation_labels). Wordings are invented; none comes
from a corpus or fresh paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


def _record(cited: str, category: str, cited_first: bool = True, own: str | None = None) -> Page:
    page = Page().add(57, 20, "Gemeente Lindewaard", size=9)
    if own:
        page.add(57, 45, own, size=15, bold=True)
    rows = [("Organisatie:", "Lindewaard"), ("Citeertitel:", cited), ("Vastgesteld door:", "gemeenteraad"),
            ("Onderwerp:", category)]
    if not cited_first:
        rows = rows[:1] + rows[2:] + rows[1:2]
    for k, (label, value) in enumerate(rows):
        page.add(57, 80 + 15 * k, label, size=9).add(180, 80 + 15 * k, value, size=9)
    page.lines(57, 170, ["De raad van de gemeente Lindewaard;", "gelezen het voorstel van burgemeester en wethouders;",
                         "besluit vast te stellen de volgende verordening."], size=9.5)
    return page


@pytest.mark.parametrize("cited, category, cited_first", [
    ("Verordening speelvoorzieningen Lindewaard 2031", "sport en recreatie", True),
    ("Afvalstoffenverordening 2030", "milieu en afval", False),
    ("Beleidsregels kamerverhuur", "wonen", True),
])
def test_the_cited_name_titles_a_regulation_over_its_subject_category(make_pdf, documents_of, cited, category,
                                                                       cited_first):
    """Convention of regulations databases: a record names the regulation by its citation title
    and its policy category under "Onderwerp"; the title is the cited name, wherever it stands."""
    (doc,) = documents_of(make_pdf([_record(cited, category, cited_first)]))
    assert doc.metadata.title == cited


def test_without_a_citation_title_the_subject_field_titles_the_paper(make_pdf, documents_of):
    """Where no citation title is printed, the subject field stays the title."""
    page = Page().add(57, 40, "Gemeente Lindewaard", size=12, bold=True)
    page.add(57, 80, "Onderwerp:", size=9).add(180, 80, "Aanleg van een fietspad langs de vaart", size=9)
    page.lines(57, 120, ["Het college stelt de raad voor een krediet beschikbaar te stellen voor het fietspad."],
               size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Aanleg van een fietspad langs de vaart"


def test_the_own_title_that_holds_the_cited_name_stays_the_title(make_pdf, documents_of):
    """A record whose own title is printed at its head and holds the cited name (the name with its
    year) keeps that title."""
    (doc,) = documents_of(make_pdf([_record("Parkeerbeleid Lindewaard", "verkeer", own="Parkeerbeleid Lindewaard 2031")]))
    assert doc.metadata.title == "Parkeerbeleid Lindewaard 2031"


def test_a_subject_field_that_holds_the_cited_name_stays_the_title(make_pdf, documents_of):
    """A subject field that names the paper itself (the cited name with its year) is no category:
    it stays the title."""
    (doc,) = documents_of(make_pdf([_record("Reglement commissies Lindewaard",
                                            "Reglement voor de vaste commissies van Lindewaard 2031")]))
    assert doc.metadata.title == "Reglement voor de vaste commissies van Lindewaard 2031"
