"""Themes, goals and actions of a generated plan, in wordings the samples do not use."""
from __future__ import annotations

from tests.pdfs import Page

BODY = "Deze alinea beschrijft de achtergrond van het thema in gewone lopende tekst."


def _plan() -> list[Page]:
    first = Page()
    y = first.lines(56, 50, ["Prioriteiten"], size=16, bold=True) + 6
    y = first.lines(56, y, ["De drie ontwikkelthema's zijn:"]) + 6
    for label in ("Verkeersveiligheid", "Jeugd en preventie"):
        y = first.lines(56, y, [label], bold=True) + 6
    y = first.lines(56, y + 10, ["Verkeersveiligheid"], size=16, bold=True) + 6
    y = first.lines(56, y, [BODY, "Onze ambities voor de komende jaren:"]) + 4
    for n, goal in enumerate(["Veilige schoolroutes", "Minder snelheidsovertredingen"], 1):
        y = first.lines(56, y, [f"{n}.", ""]) - 13
        first.add(76, y - 13, goal)
    y += 10
    y = first.lines(56, y, ["Veilige schoolroutes"], size=12, bold=True) + 4
    y = first.lines(56, y, [BODY]) + 6
    y = first.lines(56, y, ["ACTIES"], size=11, bold=True) + 4
    for action in ["Oversteekplaatsen bij scholen herinrichten", "Verkeersouders werven"]:
        first.add(56, y, "-").add(70, y, action)
        y += 14
    second = Page()
    y = second.lines(56, 50, ["Jeugd en preventie"], size=16, bold=True) + 6
    y = second.lines(56, y, ["De acties vallen onder drie doelstellingen, namelijk minder schooluitval, "
                             "meer sport in de wijk en vroeg signaleren."]) + 10
    y = second.lines(56, y, ["Leefbaarheidsfundament"], size=16, bold=True) + 6
    for label in ("Overlast in de wijk", "Evenementen"):
        y = second.lines(56, y, [label], size=12, bold=True) + 4
        y = second.lines(56, y, [BODY]) + 8
    return [first, second]


def test_goals_actions_themes_and_kinds(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf(_plan()))
    themes = {t.label: t for t in doc.themes}
    traffic = themes["Verkeersveiligheid"]
    assert (traffic.kind, traffic.kind_label) == ("prioriteit", "ontwikkelthema")
    assert [(g.number, g.text) for g in traffic.goals] == [(1, "Veilige schoolroutes"), (2, "Minder snelheidsovertredingen")]
    assert [(a.text, a.goal) for a in traffic.actions] == [("Oversteekplaatsen bij scholen herinrichten", 0),
                                                          ("Verkeersouders werven", 0)]
    youth = themes["Jeugd en preventie"]
    assert (youth.kind, youth.kind_label) == ("prioriteit", "ontwikkelthema")
    assert [g.text for g in youth.goals] == ["minder schooluitval", "meer sport in de wijk", "vroeg signaleren"]
    assert themes["Overlast in de wijk"].kind == themes["Evenementen"].kind == "basis"
    assert themes["Evenementen"].kind_label == "fundament"


def test_sections_get_the_theme_their_heading_path_names(make_pdf, documents_of):
    from raadsstukken.extractors.semantics.plans import theme_of_section

    (doc,) = documents_of(make_pdf(_plan()))
    by_heading = {s.heading: s for s in doc.sections if s.heading}
    assert theme_of_section(by_heading["ACTIES"], doc.themes).label == "Verkeersveiligheid"
    assert theme_of_section(by_heading["Prioriteiten"], doc.themes) is None


def test_a_captioned_grid_of_labels_gives_themes_of_its_kind(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Overzicht"], size=16, bold=True) + 6
    page.lines(56, y, [BODY, BODY])
    page.add(200, 140, "4 thema's als", size=14, bold=True).add(200, 156, "leefbaarheidsfundament", size=14, bold=True)
    for (x, top), label in zip([(60, 190), (260, 190), (60, 230), (260, 230)],
                               ["Zwerfafval", "Parkeren in", "Geluidsoverlast", "Groen in de wijk"]):
        page.add(x, top, label, size=9)
    page.add(260, 201, "de binnenstad", size=9)  # a label wrapped onto a second line
    (doc,) = documents_of(make_pdf([page]))
    grid = {t.label: (t.kind, t.kind_label) for t in doc.themes}
    basis = ("basis", "fundament")
    assert grid == {"Zwerfafval": basis, "Parkeren in de binnenstad": basis, "Geluidsoverlast": basis,
                    "Groen in de wijk": basis}


def _agenda() -> list[Page]:
    page = Page()
    y = page.lines(56, 50, ["1. Aanleiding"], size=16, bold=True) + 6
    y = page.lines(56, y, ["Het college kiest in deze agenda voor drie strategische speerpuntthema's, namelijk",
                           "mobiliteit & bereikbaarheid, de energietransitie in wijken en gezond opgroeien. Daarnaast",
                           "blijven de wettelijke taken doorlopen."]) + 10
    for heading in ("2. Mobiliteit en bereikbaarheid", "3. Energietransitie in wijken", "4. Gezond opgroeien",
                    "5. Financiën"):
        y = page.lines(56, y, [heading], size=16, bold=True) + 6
        y = page.lines(56, y, [BODY]) + 6
        if heading.startswith("2"):
            y = page.lines(56, y, ["Ambitie: versnellen"]) + 6
        if heading.startswith("3"):
            y = page.lines(56, y + 6, ["Verduurzamen"]) + 6
    return [page]


def test_themes_named_by_kind_in_a_sentence_and_their_ambition(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf(_agenda()))
    themes = {t.label: t for t in doc.themes}
    assert {label: t.kind for label, t in themes.items()} == {
        "Mobiliteit en bereikbaarheid": "prioriteit", "Energietransitie in wijken": "prioriteit",
        "Gezond opgroeien": "prioriteit"}
    assert themes["Gezond opgroeien"].kind_label == "strategische speerpuntthema"
    assert themes["Mobiliteit en bereikbaarheid"].ambition == "versnellen"
    assert themes["Energietransitie in wijken"].ambition == "Verduurzamen"
    assert themes["Gezond opgroeien"].ambition is None


def _numbered_chapter_plan() -> list[Page]:
    page = Page()
    y = page.lines(56, 50, ["2. Duurzame mobiliteit"], size=16, bold=True) + 6
    y = page.lines(56, y, [BODY, "We streven naar de volgende doelen:"]) + 4
    for n, goal in enumerate(["Meer fietsparkeerplekken", "Schonere bussen"], 1):
        y = page.lines(56, y, [f"{n}.", ""]) - 13
        page.add(76, y - 13, goal)
    y += 10
    y = page.lines(56, y, ["Meer fietsparkeerplekken"], size=12, bold=True) + 4
    y = page.lines(56, y, [BODY]) + 6
    y = page.lines(56, y, ["ACTIES"], size=11, bold=True) + 4
    for action in ["Stallingen bij stations uitbreiden", "Weesfietsen sneller verwijderen"]:
        page.add(56, y, "•").add(70, y, action)
        y += 14
    return [page]


def test_a_numbered_chapter_keeps_its_actions(make_pdf, documents_of):
    """Headings are compared without their numbering: "2. Duurzame mobiliteit" is the theme that
    its goal sections and action lists belong to (the theme is named without the number)."""
    (doc,) = documents_of(make_pdf(_numbered_chapter_plan()))
    (theme,) = doc.themes
    assert theme.label == "Duurzame mobiliteit"
    assert [g.text for g in theme.goals] == ["Meer fietsparkeerplekken", "Schonere bussen"]
    assert [(a.text, a.goal) for a in theme.actions] == [("Stallingen bij stations uitbreiden", 0),
                                                        ("Weesfietsen sneller verwijderen", 0)]
