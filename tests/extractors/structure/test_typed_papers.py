"""Typewritten and fixed-width papers: headings underlined with a typed rule, a type line that
prints the kind as its label ("RAADSBESLUIT: …"), a bare kind word as the subject, and a cited
article under a motion's head (rules/headings.toml [typed_underline] and [not_a_heading]
article_citation, rules/doc_types.toml [title] kind_words). Set in Courier in one weight, as a
typewriter sets them; wordings are invented, none comes from a corpus or fresh paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

MONO = "Courier"
TEXT = ["De commissie heeft het voorstel besproken en adviseert de raad om in te",
        "stemmen met de plannen voor de nieuwe fietsbrug over het kanaal."]


def _typed_paper(type_line: str, headings: list[tuple[str, str]]) -> Page:
    """A typed paper: a centred body name, the type line underlined with '=', then each heading
    underlined with its rule over a paragraph of text."""
    page = Page().add(250, 60, "GEMEENTE ZUIDERVEEN", font=MONO)
    page.add(150, 80, type_line, font=MONO).add(150, 89, "=" * len(type_line), font=MONO)
    page.add(70, 112, "Datum:      4 maart 2031", font=MONO)
    y = 150.0
    for heading, rule in headings:
        page.add(70, y, heading, font=MONO).add(70, y + 9, rule * len(heading), font=MONO)
        y = page.lines(70, y + 26, TEXT, font=MONO, leading=12) + 20
    return page


HEADINGS = [("Punt 1 Opening", "-"), ("Punt 2 Verkeer en vervoer", "-"), ("Punt 3 Rondvraag", "-")]


@pytest.mark.parametrize("type_line, kind, title", [
    ("BESLUITENLIJST: Vergadering van de raad 4 maart 2031", "besluitenlijst", "Vergadering van de raad 4 maart 2031"),
    ("VERSLAG: Openbare vergadering commissie Ruimte", "verslag", "Openbare vergadering commissie Ruimte"),
    ("RAADSBESLUIT: Verordening marktgelden 2031", "raadsbesluit", "Verordening marktgelden 2031"),
])
def test_a_type_line_with_the_kind_as_label_titles_the_paper(make_pdf, documents_of, type_line, kind, title):
    """Convention of typed papers: the type line prints the kind of paper as a label before a colon
    and the paper's subject after it, underlined: the kind is the type, the subject the title, and
    the line is no heading."""
    (doc,) = documents_of(make_pdf([_typed_paper(type_line, HEADINGS)]))
    assert doc.part.doc_type == kind
    assert (doc.metadata.title or doc.part.title) == title
    assert type_line not in [s.heading for s in doc.sections]
    assert type_line in " ".join(s.text for s in doc.sections)  # the line as printed reaches a row


@pytest.mark.parametrize("headings", [
    HEADINGS,
    [("Hoofdstuk 1 Begrippen", "-"), ("Artikel 1 Definities", "."), ("Artikel 2 Reikwijdte", ".")],
    [("Samenvatting van het debat", "~"), ("Conclusies van de voorzitter", "~")],
])
def test_lines_underlined_with_a_typed_rule_are_headings(make_pdf, documents_of, headings):
    """Convention of typewritten minutes and regulations: with one font and one weight, a heading
    is set apart by a typed row of dashes, dots or tildes under it; the rule is markup, in no
    heading and no text."""
    (doc,) = documents_of(make_pdf([_typed_paper("NOTULEN: Vergadering 4 maart 2031", headings)]))
    assert [s.heading for s in doc.sections if s.heading] == [h for h, _ in headings]
    assert doc.sections[-1].level >= 1
    assert not any(rule * 4 in s.text for s in doc.sections for _, rule in headings)


def test_a_form_label_before_a_colon_is_no_type_line(make_pdf, documents_of):
    """Only a kind of paper before the colon makes the line a type line: "Locatie: …" is a field."""
    page = _typed_paper("Locatie: Raadzaal van het gemeentehuis", HEADINGS)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.metadata.title or doc.part.title) != "Raadzaal van het gemeentehuis"


@pytest.mark.parametrize("kind_line, subject_line", [
    ("AMENDEMENT", None), ("MOTIE", None), (None, "Onderwerp: Amendement"), (None, "Onderwerp: Motie"),
])
def test_a_bare_kind_word_titles_no_motion(make_pdf, documents_of, kind_line, subject_line):
    """Convention: a motion or amendment that prints only its kind ("AMENDEMENT" as its type line,
    or "Onderwerp: Motie") has no title of its own; the kind word is no title and no heading."""
    page = Page().add(60, 50, "Gemeente Westerwolde-Noord", size=13, bold=True)
    if kind_line:
        page.add(60, 90, kind_line, size=14, bold=True)
    if subject_line:
        page.add(60, 90, subject_line, size=10, bold=True)
    page.lines(60, 130, ["De raad, in vergadering bijeen op 9 april 2031, gehoord de beraadslaging,",
                         "besluit het voorstel over de speelplaatsen als volgt te wijzigen:",
                         "in beslispunt 2 wordt het bedrag verhoogd tot 40.000 euro."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title is None and doc.part.title is None
    assert not any(s.heading and s.heading.casefold() in ("amendement", "motie") for s in doc.sections)


@pytest.mark.parametrize("citation", ["Artikel 41 Reglement van orde", "art. 4:8 Awb",
                                      "Artikel 147 van de Gemeentewet"])
def test_a_cited_article_under_a_motions_head_is_no_heading(make_pdf, documents_of, citation):
    """Convention: a motion or amendment names the rule it is submitted under ("Artikel 41
    Reglement van orde") on a line of its own: a reference, no heading; a regulation's own article
    names its subject ("Artikel 3 Subsidieplafond") and stays one."""
    page = Page().add(60, 50, "Motie over de speelplaatsen", size=14, bold=True)
    page.add(60, 80, "Datum: 9 april 2031", size=10)
    page.add(60, 100, citation, size=10)
    page.lines(60, 125, ["De raad, in vergadering bijeen op 9 april 2031, constateert dat er",
                         "te weinig speelplaatsen zijn in de nieuwe wijken en verzoekt het college",
                         "om voor de zomer met een plan te komen."])
    page.add(60, 190, "Artikel 3 Subsidieplafond", size=10, bold=True)
    page.lines(60, 208, ["Het college stelt jaarlijks een plafond vast voor de subsidies die het",
                         "verstrekt aan de verenigingen die een speelplaats beheren."])
    (doc,) = documents_of(make_pdf([page]))
    headings = [s.heading for s in doc.sections if s.heading]
    assert citation not in headings
    assert "Artikel 3 Subsidieplafond" in headings
