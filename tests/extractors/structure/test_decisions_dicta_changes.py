"""A motion's dictum whose points open with their object or whose considerations wrap a verb onto
a line of its own; a motion that charges the college ("geeft het college opdracht"); an amendement
that rewrites or adds the proposal's points, or changes a text without quotation marks; nested
lists numbered anew; round shapes in a margin (a binder's punched holes) that are no checkboxes.
Conventions: bench/README "Decision points: what counts". Wordings invented; none comes from a
sample, corpus or batch paper."""
from __future__ import annotations

import pytest

from raadsstukken.extractors.layout.checkboxes import find_vector_checkboxes
from tests.pdfs import Page


def _motion(considerations: list[str], intro: str | None, dictum: list[str], tail: list[str] | None = None) -> Page:
    """A motion: title, opening, considerations (bullets wrap indented under their marker), the
    intro on a line of its own (bold), its points, the closing formula and a signature."""
    page = Page().add(56, 50, "Motie: meer schaduw op de schoolpleinen", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Lindenwaard, in vergadering bijeen op 3 maart 2031,",
                              "overwegende dat"], leading=15)
    for line in considerations:
        x = 56 if line.startswith("•") else 70
        page.add(x, top, line)
        top += 14
    top += 10
    if intro:
        page.add(56, top, intro, bold=True)
        top += 18
    for line in dictum:
        x = 56 if line.startswith("•") or not line[:1].islower() else 70
        page.add(x, top, line)
        top += 14
    page.lines(56, top + 8, tail or ["en gaat over tot de orde van de dag.", "Fractie Groen Dorp, M. de Wit"],
               leading=15)
    return page


WRAPPED = ["• het aantal hete dagen toeneemt en kinderen dan nergens uit de zon kunnen",
           "spelen;",
           "• bomen op een plein ook regenwater vasthouden;"]


@pytest.mark.parametrize("intro, points", [
    ("draagt het college op:",
     ["• de raad jaarlijks te informeren over de voortgang van de vergroening van de pleinen,"]),
    ("Roept het college op:",
     ["• de raad voor het zomerreces een overzicht te sturen van de pleinen zonder bomen;"]),
    ("geeft het college opdracht:",
     ["• de raad van elk schoolplein een plan met schaduwplekken voor te leggen."]),
])
def test_a_motions_points_under_its_intro_open_with_their_object(make_pdf, documents_of, intro, points):
    """A motion's points under its intro line are its decisions, also where a point opens with its
    object ("de raad … te informeren van …"): that is no opening formula ("De raad van de gemeente
    …,"), which names who decides and asks nothing. A verb of the considerations wrapped onto a
    line of its own ("… kinderen … kunnen" / "spelen;") is no operative clause."""
    (doc,) = documents_of(make_pdf([_motion(WRAPPED, intro, points)]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == [points[0][2:]]


@pytest.mark.parametrize("clause", [
    "geeft het college opdracht om in elke wijk een koele plek in te richten;",
    "De raad geeft het college de opdracht de pleinen voor 2033 te vergroenen;",
    "verzoekt het college de schoolbesturen bij de plannen te betrekken;",
])
def test_an_operative_clause_in_running_text_not_a_wrapped_verb(make_pdf, documents_of, clause):
    """Without an intro line, each operative clause from its verb is a decision ("verzoekt …",
    "geeft het college opdracht …"); a considerans whose verb wraps onto a line of its own
    ("spelen;") gives none."""
    (doc,) = documents_of(make_pdf([_motion(WRAPPED, None, [clause])]))
    assert doc.part.doc_type == "motie"
    expected = clause[clause.index("geeft"):] if clause.startswith("De raad") else clause
    assert [d.text for d in doc.decisions] == [expected]


def _amendement(intro: str, body: list[tuple[float, str]]) -> Page:
    page = Page().add(56, 50, "Amendement: het speelruimteplan bijstellen", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Lindenwaard, in vergadering bijeen op 3 maart 2031,",
                              "besprekende het raadsvoorstel Speelruimteplan 2031-2035;",
                              "De ondergetekenden stellen het volgende amendement voor:"], leading=15)
    page.add(56, top + 6, intro, bold=True)
    top += 24
    for x, line in body:
        page.add(x, top, line)
        top += 14
    page.lines(56, top + 10, ["De indieners,", "K. Bos, Dorpsbelang"], leading=15)
    page.add(56, top + 60, "Toelichting:", bold=True)
    page.add(56, top + 76, "Het college geeft de wijkteams opdracht de plannen te toetsen.")
    return page


@pytest.mark.parametrize("intro", ["Het beslispunt als volgt te formuleren:",
                                   "Beslispunt 2 als volgt te laten luiden:",
                                   "Aan het ontwerpbesluit toe te voegen:"])
def test_an_amendements_new_points_are_its_decisions(make_pdf, documents_of, intro):
    """An amendement that rewrites the proposal's points, or adds points to them, announces them
    on a line of its own; the new points under it are its decisions, each numbered point one row,
    its lettered sub-list part of it."""
    body = [(56, "1. het speelruimteplan 2031-2035 als richtinggevend kader te gebruiken;"),
            (56, "2. het college te vragen:"),
            (72, "a. per wijk een speelplek voor oudere kinderen te ontwerpen;"),
            (72, "b. de kosten op te nemen in de"),
            (84, "voorjaarsnota 2032.")]
    (doc,) = documents_of(make_pdf([_amendement(intro, body)]))
    assert doc.part.doc_type == "amendement"
    assert [d.text for d in doc.decisions] == [
        "het speelruimteplan 2031-2035 als richtinggevend kader te gebruiken;",
        "het college te vragen: a. per wijk een speelplek voor oudere kinderen te ontwerpen; "
        "b. de kosten op te nemen in de voorjaarsnota 2032."]


@pytest.mark.parametrize("cue", ["Te vervangen door", "te wijzigen in:", "Wordt:"])
def test_a_text_change_without_quotation_marks_is_one_change(make_pdf, documents_of, cue):
    """A change set as the old text, the cue on a line of its own and the new text, no quotation
    marks: the decision is the whole change, old and new text, not the old text's first sentence."""
    page = Page().add(56, 50, "Amendement: een ruimere openstelling", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Lindenwaard, in vergadering bijeen op 3 maart 2031,",
                              "De ondergetekenden stellen het volgende amendement voor:"], leading=15)
    change = ["De tekst op bladzijde 6 onder de kop Openingstijden",
              "De speeltuin is open van april tot oktober. De sleutel ligt", "bij de beheerder.", cue,
              "De speeltuin is het hele jaar open. De sleutel ligt bij de beheerder."]
    top = page.lines(56, top + 8, change, leading=14)
    page.lines(56, top + 14, ["De indieners,", "K. Bos, Dorpsbelang"], leading=15)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "amendement"
    assert [d.text for d in doc.decisions] == [" ".join(change)]


def test_a_nested_list_numbered_anew_is_part_of_its_point(make_pdf, documents_of):
    """A point that ends in a colon over a list indented under it and numbered anew ("2. … voor
    te stellen:" / "1. …" / "2. …") holds that list: one decision, the sub-list part of it; the
    next point at the list's own edge is a decision of its own."""
    page = Page().add(56, 50, "Raadsvoorstel: de toekomst van het zwembad", size=14, bold=True)
    page.add(56, 90, "De inwoners willen het bad behouden.")
    page.add(56, 115, "Voorgesteld besluit", bold=True)
    page.lines(56, 133, ["1. het haalbaarheidsonderzoek naar een nieuw bad voor kennisgeving aan te nemen;",
                         "2. het college op te dragen:"], leading=14)
    page.lines(76, 161, ["1. een beheerder voor het bad te zoeken;", "2. de raad in het najaar te informeren;"],
               leading=14)
    page.add(56, 189, "3. het krediet voor het onderzoek te sluiten.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "het haalbaarheidsonderzoek naar een nieuw bad voor kennisgeving aan te nemen;",
        "het college op te dragen: 1. een beheerder voor het bad te zoeken; 2. de raad in het najaar te informeren;",
        "het krediet voor het onderzoek te sluiten."]


def test_a_besluitenlijst_items_nested_list_is_part_of_its_point(make_pdf, documents_of):
    """Under a B&W list's decision label, marked points set on lines of their own are one row each;
    a point's list indented under it and numbered anew is part of that point."""
    page = Page().add(56, 50, "Besluitenlijst van het college van 6 mei 2031", size=14, bold=True)
    page.add(56, 90, "4. Herinrichting van het marktplein", bold=True)
    page.add(56, 106, "Besluit:", bold=True)
    page.lines(56, 120, ["1. Het schetsontwerp voor het marktplein vastgesteld.",
                         "2. De raad voor te stellen:"], leading=14)
    page.lines(76, 148, ["1. een krediet van € 90.000 beschikbaar te stellen;",
                         "2. de begroting daarop aan te passen."], leading=14)
    page.add(56, 184, "5. Subsidie voor de muziekschool", bold=True)
    page.add(56, 200, "Besluit:", bold=True)
    page.add(56, 214, "De subsidie voor 2032 verleend.")
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [d.text for d in doc.decisions] == [
        "Het schetsontwerp voor het marktplein vastgesteld.",
        "De raad voor te stellen: 1. een krediet van € 90.000 beschikbaar te stellen; "
        "2. de begroting daarop aan te passen.",
        "De subsidie voor 2032 verleend."]


def test_round_shapes_are_no_checkboxes(make_pdf):
    """A circle (a binder's punched hole, a dot) is round, no box: only squares drawn as paths
    become checkboxes."""
    import pdfplumber

    page = Page().circle(20, 300, 12).circle(20, 400, 12, fill=True).checkbox(80, 300, ticked=False, side=10)
    path = make_pdf([page])
    with pdfplumber.open(path) as pdf:
        pg = pdf.pages[0]
        shapes = [(o.x0, pg.height - o.y1, o.x1, pg.height - o.y0, o) for o in pg.layout if hasattr(o, "pts")]
    boxes = find_vector_checkboxes(shapes, [])
    assert [round(b.x0) for b in boxes] == [80]


@pytest.mark.parametrize("intro", ["Voorgesteld besluit", "Beslispunten", "Besluit:"])
def test_punched_holes_beside_a_decision_list(make_pdf, documents_of, intro):
    """A page punched for a ring binder (round holes down the left margin, one level with the
    list's first point): the points under the intro are its decisions; no hole opens an item."""
    page = Page()
    for top in (100, 200, 300, 400):
        page.circle(14, top, 15)
    page.add(90, 50, "Gemeente Lindenwaard", size=8).add(90, 64, "Raadsvoorstel", size=10)
    page.add(90, 80, "Een nieuwe brug over de vaart", size=13, bold=True)
    page.lines(90, 110, ["Raadsvergadering", "Zaaknummer", "Portefeuillehouder", "Bijlagen"], size=9, leading=14)
    page.lines(200, 110, ["12 juni 2031", "ZK31.00417", "J. Veenstra", "3"], size=9, leading=14)
    page.add(90, 185, intro, bold=True)
    page.lines(90, 203, ["1. het ontwerp voor de fietsbrug vast te stellen;",
                         "2. een krediet van € 1,2 miljoen beschikbaar te stellen."], leading=14)
    page.add(90, 250, "Inleiding", bold=True)
    page.lines(90, 268, ["De oude brug is aan vervanging toe en te smal voor fietsers."], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["het ontwerp voor de fietsbrug vast te stellen;",
                                               "een krediet van € 1,2 miljoen beschikbaar te stellen."]


@pytest.mark.parametrize("intro", ["Voorgesteld besluit", "Beslispunten", "Ontwerpbesluit"])
def test_a_value_column_above_the_intro_heading_is_no_decision(make_pdf, documents_of, intro):
    """Head rows set as a column of labels beside a column of values, one label too wide for its
    row (its value a line lower): the value column may be read after the intro heading below it.
    Printed above the heading while the section's text goes on under the heading, it is no text
    under the intro: the points are the decisions, no value of the head rows."""
    page = Page().add(90, 50, "Gemeente Lindenwaard", size=8).add(90, 64, "Raadsvoorstel", size=10)
    page.add(90, 80, "Een nieuwe brug over de vaart", size=13, bold=True)
    page.lines(90, 110, ["Raadsvergadering", "Zaaknummer", "Portefeuillehouder", "Commissie",
                         "Commissiebehandeling"], size=9, leading=14)
    page.lines(200, 110, ["12 juni 2031", "ZK31.00417", "J. Veenstra", "Ruimte"], size=9, leading=14)
    page.lines(90, 191, ["Agendapunt", "Team", "Bijlagen"], size=9, leading=14)
    page.lines(200, 177, ["20 mei 2031", "Ter bespreking", "12", "Wegen en water", "3"], size=9, leading=14)
    page.add(90, 255, intro, bold=True)
    page.lines(90, 273, ["1. het ontwerp voor de fietsbrug vast te stellen;",
                         "2. een krediet van € 1,2 miljoen beschikbaar te stellen."], leading=14)
    page.add(90, 320, "Inleiding", bold=True)
    page.lines(90, 338, ["De oude brug is aan vervanging toe en te smal voor fietsers."], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["het ontwerp voor de fietsbrug vast te stellen;",
                                               "een krediet van € 1,2 miljoen beschikbaar te stellen."]


@pytest.mark.parametrize("kind, title, label, asked", [
    ("Voorstel", "Vaststellen jaarverslag", "Gevraagd besluit:", "Het dagelijks bestuur wordt gevraagd:"),
    ("Voorstel", "Benoemen accountant", "Voorgesteld besluit:", "Het algemeen bestuur wordt gevraagd:"),
    ("Besluit", "Instellen klankbordgroep", "Te nemen besluit:", "Het dagelijks bestuur wordt voorgesteld:"),
])
def test_a_kind_line_over_the_title_opens_no_decision(make_pdf, sections_of, kind, title, label, asked):
    """A proposal's head with its kind word over its title ("Voorstel" / the subject in bold), read
    as body text (a template whose title block no role marks), then a field line and the asked
    decision under a label with a colon: the kind word without a colon is no intro whose decision
    is the title; the points under the label are the decisions."""
    from raadsstukken.extractors.structure.decisions import find_decision_points

    page = Page().add(90, 60, "Waterland-Oost")
    page.add(90, 80, kind).add(90, 102, title)
    page.add(90, 124, f"Agendapunt 4 · Vergadering 2 juni 2031 · Onderwerp {title}")
    page.add(85, 170, label, size=11, bold=True)
    page.add(85, 190, asked)
    page.add(85, 208, "1. het voorstel van de werkgroep over te nemen;")
    page.add(85, 222, "2. de werkgroep te bedanken.")
    page.lines(85, 250, ["Financiële consequenties: Geen", "Vervolgprocedure: Geen"], leading=15)
    sections = sections_of(make_pdf([page]))
    found = find_decision_points(sections, "raadsvoorstel", title=title)
    assert [d.text for d in found] == ["het voorstel van de werkgroep over te nemen;", "de werkgroep te bedanken."]
    # (without the title the kind word over it reads as an intro and the title as its decision)
    assert [d.text for d in find_decision_points(sections, "raadsvoorstel")] == [title]


@pytest.mark.parametrize("intro", ["besluiten:", "Besluit:", "Het college besluit:"])
def test_a_decision_list_going_on_in_the_next_column(make_pdf, documents_of, intro):
    """On a two-column page the intro and its first point stand low in the left column and the
    list goes on at the top of the right column, above the intro's height: those points are the
    list's, not a column beside head rows."""
    page = Page().add(57, 50, "Besluit van de colleges over de gemeenschappelijke regeling", size=12, bold=True)
    top = page.lines(57, 80, [f"Overweging {k}: de regeling wordt per 2032 herzien;" for k in range(1, 15)],
                     size=9, leading=12)
    page.add(57, top + 10, intro, size=9, bold=True)
    page.lines(57, top + 26, ["1. de regeling van 2019 met ingang van 1 januari", "2032 in te trekken;"],
               size=9, leading=12)
    page.lines(305, 80, ["2. de herziene regeling 2032 vast te stellen;", "3. dit besluit bekend te maken",
                         "in het provinciaal blad."], size=9, leading=12)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "de regeling van 2019 met ingang van 1 januari 2032 in te trekken;",
        "de herziene regeling 2032 vast te stellen;", "dit besluit bekend te maken in het provinciaal blad."]
