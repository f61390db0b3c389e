"""Themes, goals and actions of generated plans in the general shapes of Dutch P&C documents and
sector plans (extractors/semantics/plan_shapes.py), in wordings neither the samples nor the plan
corpus use: a programme page with numbered goals, priorities in labelled headings with a numbered
outline of goals and actions, a counted list of focus areas, a project card, a report with
labelled activities and a section that calls itself a goal."""
from __future__ import annotations

from tests.pdfs import Page

BODY = "Deze alinea geeft de achtergrond in gewone lopende tekst zonder bijzonderheden."


def _by_label(doc):
    return {t.label: t for t in doc.themes}


def test_a_programme_page_with_goals_numbered_after_the_programme(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Programma: 3 Economie en werk"], size=9) + 10
    y = page.lines(56, y, ["3 Economie en werk"], size=16, bold=True) + 6
    y = page.lines(56, y, [BODY]) + 4
    for goal in ("3.1 Meer banen in de regio", "3.2 Een levendig centrum met weinig leegstand",
                 "3.3 Een bereikbaar bedrijventerrein"):
        page.add(56, y, "•", font="DejaVu").add(70, y, goal)
        y += 14
    y = page.lines(56, y + 10, ["Wat mag het kosten?"], size=12, bold=True) + 4
    page.lines(56, y, [BODY])
    (doc,) = documents_of(make_pdf([page]))
    (theme,) = doc.themes
    assert (theme.label, theme.kind, theme.kind_label) == ("Economie en werk", "programma", "programma")
    assert [g.text for g in theme.goals] == ["Meer banen in de regio", "Een levendig centrum met weinig leegstand",
                                             "Een bereikbaar bedrijventerrein"]
    assert theme.actions == []


def test_priorities_in_labelled_headings_with_an_outline_of_goals_and_actions(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Speerpunt 1: Veilig naar school"], size=15, bold=True) + 6
    y = page.lines(56, y, [BODY]) + 6
    y = page.lines(56, y, ["1.1 Elke basisschool ligt in een schoolzone"], size=11, bold=True) + 4
    for action in ("1.1.1 Schoolzones inrichten bij vier scholen", "1.1.2 Verkeersouders werven per wijk"):
        y = page.lines(70, y, [action]) + 2
    y = page.lines(56, y + 12, ["Speerpunt 2: Minder woninginbraken"], size=15, bold=True) + 6
    y = page.lines(56, y, [BODY]) + 6
    y = page.lines(56, y, ["2.1 In 2027 daalt het aantal inbraken met 20%"], size=11, bold=True) + 4
    page.lines(70, y, ["2.1.1 Voorlichtingsavonden houden in de kernen"])
    (doc,) = documents_of(make_pdf([page]))
    themes = _by_label(doc)
    school, burglary = themes["Veilig naar school"], themes["Minder woninginbraken"]
    assert (school.kind, school.kind_label) == ("prioriteit", "speerpunt")
    assert [g.text for g in school.goals] == ["Elke basisschool ligt in een schoolzone"]
    assert [(a.text, a.goal) for a in school.actions] == [("Schoolzones inrichten bij vier scholen", 0),
                                                         ("Verkeersouders werven per wijk", 0)]
    (goal,) = burglary.goals
    assert (goal.target, goal.target_year) == ("20%", 2027)
    decisions = {s.heading: d for s, d in zip(doc.sections, doc.section_themes)}
    assert decisions["Speerpunt 2: Minder woninginbraken"].theme is burglary
    assert [a.text for a in burglary.actions] == ["Voorlichtingsavonden houden in de kernen"]


def test_a_counted_list_of_focus_areas_names_the_themes(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Groenagenda"], size=16, bold=True) + 6
    y = page.lines(56, y, [BODY, "Deze agenda kent drie focusgebieden:"]) + 4
    for item in ("Schoon water. We houden sloten en vijvers helder.",
                 "Groene schoolpleinen waarbij kinderen zelf meebouwen aan hun plein",
                 "Bomen langs elke straat"):
        page.add(56, y, "-").add(70, y, item)
        y += 14
    (doc,) = documents_of(make_pdf([page]))
    themes = _by_label(doc)
    assert set(themes) == {"Schoon water", "Groene schoolpleinen", "Bomen langs elke straat"}
    assert {(t.kind, t.kind_label) for t in themes.values()} == {("prioriteit", "focusgebied")}
    assert all(not t.goals for t in themes.values())


def test_a_counted_list_inside_a_theme_is_not_a_list_of_themes(make_pdf, documents_of):
    """"Dit pakken we op langs drie sporen:" names no plan: the items are no themes."""
    page = Page()
    y = page.lines(56, 50, ["Jeugdoverlast"], size=16, bold=True) + 6
    y = page.lines(56, y, [BODY, "Dit pakken we op langs drie sporen:"]) + 4
    for item in ("Ontmoetingsplekken", "Straatcoaches", "Gesprekken met ouders"):
        page.add(56, y, "-").add(70, y, item)
        y += 14
    (doc,) = documents_of(make_pdf([page]))
    assert not {"Ontmoetingsplekken", "Straatcoaches"} & {t.label for t in doc.themes}


def test_a_project_card_gives_a_theme_goal_and_actions_with_status_and_owner(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Vernieuwing van het buurtzwembad"], size=15, bold=True) + 6
    y = page.lines(56, y, ["Status: loopt volgens planning"]) + 4
    y = page.lines(56, y, ["Trekker: team Sport en Bewegen"]) + 4
    y = page.lines(56, y, ["Het bad is verouderd. Het doel van dit project is een energiezuinig bad in 2028."]) + 6
    for action in ("Een ontwerp laten maken met de zwemverenigingen", "Subsidie aanvragen bij de provincie"):
        page.add(56, y, "•", font="DejaVu").add(70, y, action)
        y += 14
    (doc,) = documents_of(make_pdf([page]))
    (theme,) = doc.themes
    assert (theme.label, theme.kind, theme.kind_label) == ("Vernieuwing van het buurtzwembad", "other", "project")
    (goal,) = theme.goals
    assert goal.text == "Het doel van dit project is een energiezuinig bad in 2028."
    assert goal.target_year == 2028
    assert [(a.text, a.goal, a.status, a.owner) for a in theme.actions] == [
        ("Een ontwerp laten maken met de zwemverenigingen", 0, "loopt volgens planning", "team Sport en Bewegen"),
        ("Subsidie aanvragen bij de provincie", 0, "loopt volgens planning", "team Sport en Bewegen")]


def test_a_report_with_labelled_activities_and_a_section_that_calls_itself_a_goal(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Programma: Samenleving"], size=9) + 10
    y = page.lines(56, y, ["Samenleving"], size=16, bold=True) + 6
    y = page.lines(56, y, ["2 Iedereen doet mee"], size=13, bold=True) + 6
    y = page.lines(56, y, ["Om dit doel te bereiken voeren we de volgende activiteiten uit."]) + 6
    y = page.lines(56, y, ["2.1 Taalcafés in elke wijk"], size=11, bold=True) + 4
    y = page.lines(56, y, ["Activiteit: Vrijwilligers openen twee nieuwe taalcafés."]) + 4
    y = page.lines(56, y, ["Maatregel: n.v.t."]) + 6
    y = page.lines(56, y, ["2.2 Een maatjesproject voor nieuwkomers"], size=11, bold=True) + 4
    page.lines(56, y, [BODY])
    (doc,) = documents_of(make_pdf([page]))
    (theme,) = doc.themes
    assert (theme.label, theme.kind) == ("Samenleving", "programma")
    assert [g.text for g in theme.goals] == ["Iedereen doet mee"]
    texts = [(a.text, a.goal) for a in theme.actions]
    assert ("Taalcafés in elke wijk", 0) in texts and ("Een maatjesproject voor nieuwkomers", 0) in texts
    assert ("Vrijwilligers openen twee nieuwe taalcafés.", None) in texts
    assert not any("n.v.t" in a.text for a in theme.actions)


def test_a_table_of_actions_gives_their_status_owner_and_planning(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Prioriteit 3: Schone wijken"], size=15, bold=True) + 6
    y = page.lines(56, y, [BODY]) + 10
    rows = [("Maatregel", "Status", "Trekker", "Planning"),  # a dash is an empty cell
            ("Zwerfvuilprikkers uitlenen", "gereed", "wijkteam Noord", "Q1 2026"),
            ("Extra afvalbakken bij scholen", "vertraagd", "stadsbeheer", "2026-2027"),
            ("Bladkorven plaatsen in lanen", "–", "stadsbeheer", "najaar 2026"),
            ("Veegroute herzien", "gepland", "team Openbare Ruimte", "2027")]
    xs = (56, 250, 330, 440, 540)
    for r, row in enumerate(rows):
        top = y + r * 20
        page.line(xs[0], top, xs[-1], top)
        for c, text in enumerate(row):
            page.add(xs[c] + 3, top + 5, text, size=9, bold=r == 0)
    bottom = y + len(rows) * 20
    page.line(xs[0], bottom, xs[-1], bottom)
    for x in xs:
        page.line(x, y, x, bottom)
    (doc,) = documents_of(make_pdf([page]))
    theme = _by_label(doc)["Schone wijken"]
    assert [(a.text, a.status, a.owner, a.planning) for a in theme.actions] == [
        ("Zwerfvuilprikkers uitlenen", "gereed", "wijkteam Noord", "Q1 2026"),
        ("Extra afvalbakken bij scholen", "vertraagd", "stadsbeheer", "2026-2027"),
        ("Bladkorven plaatsen in lanen", None, "stadsbeheer", "najaar 2026"),
        ("Veegroute herzien", "gepland", "team Openbare Ruimte", "2027")]


def _overview(page, y, rows, xs=(60, 100, 400), size=8.5):
    """An overview table without rules: a number column, a text column whose cells wrap, a third
    column; `rows` are (number, text lines, third cell)."""
    page.add(xs[1], y, "Resultaat", size=size, bold=True).add(xs[2], y, "Stand", size=size, bold=True)
    y += 14
    for number, lines, third in rows:
        page.add(xs[0], y, number, size=size).add(xs[2], y, third, size=size)
        y = page.lines(xs[1], y, lines, size=size, leading=10) + 4
    return y


def test_an_unruled_overview_table_gives_goal_and_actions_whose_paragraphs_follow(make_pdf, documents_of):
    """Goals and performances numbered in the cells of an overview table that the text layer reads
    column by column: the row 4.1 is a goal, 4.1.1 and 4.1.2 are its actions with the status of
    the third column; the paragraphs that state them again later are the same actions."""
    page = Page()
    y = page.lines(56, 50, ["Programma: 4 Sport en cultuur"], size=9) + 10
    y = page.lines(56, y, ["4 Sport en cultuur"], size=16, bold=True) + 8
    y = _overview(page, y, [("4.1", ["Meer inwoners bewegen elke week"], ""),
                            ("4.1.1", ["Beweegcoaches: twee beweegcoaches werken vanaf de zomer",
                                       "in de wijken met de minste sporters."], "op schema"),
                            ("4.1.2", ["Sportpas: kinderen uit gezinnen met een laag inkomen",
                                       "krijgen een pas voor de sportclub."], "vertraagd")]) + 14
    y = page.lines(56, y, ["4.1.1 Beweegcoaches"], size=11, bold=True) + 4
    y = page.lines(56, y, ["Activiteit: twee beweegcoaches werken vanaf de zomer in de wijken met de minste sporters."]) + 6
    y = page.lines(56, y, ["4.1.2 Sportpas"], size=11, bold=True) + 4
    page.lines(56, y, ["Activiteit: kinderen uit gezinnen met een laag inkomen krijgen een pas voor de sportclub."])
    (doc,) = documents_of(make_pdf([page]))
    theme = _by_label(doc)["Sport en cultuur"]
    assert [g.text for g in theme.goals] == ["Meer inwoners bewegen elke week"]
    assert [(a.text, a.goal, a.status) for a in theme.actions] == [
        ("twee beweegcoaches werken vanaf de zomer in de wijken met de minste sporters.", 0, "op schema"),
        ("kinderen uit gezinnen met een laag inkomen krijgen een pas voor de sportclub.", 0, "vertraagd")]


def test_a_column_of_decimal_figures_is_no_outline(make_pdf, sections_of):
    """Report marks (7.5, 6.9) in a column left of their labels are no rows of an outline: the
    numbers of an outline rise down the column."""
    from raadsstukken.extractors.semantics.plan_rows import numbered_rows
    from raadsstukken.extractors.semantics.plans import load_rules

    page = Page()
    y = page.lines(56, 50, ["Tevredenheid"], size=16, bold=True) + 8
    _overview(page, y, [("7.5", ["Waardering van de buurt door de", "bewoners zelf"], "2024"),
                        ("6.9", ["Waardering van het groen door de", "bewoners zelf"], "2024")])
    sections = sections_of(make_pdf([page]))
    assert numbered_rows(sections, load_rules().action_table) == []
    page = Page()
    y = page.lines(56, 50, ["Tevredenheid"], size=16, bold=True) + 8
    _overview(page, y, [("1.1", ["Waardering van de buurt door de", "bewoners zelf"], "2024"),
                        ("1.2", ["Waardering van het groen door de", "bewoners zelf"], "2024")])
    rows = numbered_rows(sections_of(make_pdf([page])), load_rules().action_table)
    assert [(r.number, r.text) for r in rows] == [((1, 1), "Waardering van de buurt door de bewoners zelf"),
                                                  ((1, 2), "Waardering van het groen door de bewoners zelf")]


def _grid(page, y, rows, xs):
    """A ruled table: rows of cells at the column edges `xs`, the first row bold."""
    for r, row in enumerate(rows):
        top = y + r * 20
        page.line(xs[0], top, xs[-1], top)
        for c, text in enumerate(row):
            page.add(xs[c] + 3, top + 5, text, size=9, bold=r == 0)
    bottom = y + len(rows) * 20
    page.line(xs[0], bottom, xs[-1], bottom)
    for x in xs:
        page.line(x, y, x, bottom)
    return bottom


def test_an_indicator_table_under_a_goal_gives_indicator_baseline_target_and_year(make_pdf, documents_of):
    """'Indicator | Uitgangssituatie 2023 | Streefwaarde 2027' under the heading of a goal that calls
    itself one: the row's values and the target column's year; a column the plan does not print
    (no baseline in the second plan) stays null."""
    page = Page()
    y = page.lines(56, 50, ["Programma: 7 Natuur en milieu"], size=9) + 10
    y = page.lines(56, y, ["Natuur en milieu"], size=16, bold=True) + 6
    y = page.lines(56, y, ["1 Een groene gemeente met meer soorten"], size=13, bold=True) + 6
    y = page.lines(56, y, ["Met deze doelstelling werken we aan meer bloeiende bermen en poelen."]) + 8
    _grid(page, y, [("Indicator", "Uitgangssituatie 2023", "Streefwaarde 2027"),
                    ("Hectare bloemrijke berm", "12 ha", "30 ha")], (56, 250, 380, 520))
    (doc,) = documents_of(make_pdf([page]))
    (goal,) = _by_label(doc)["Natuur en milieu"].goals
    assert (goal.text, goal.indicator, goal.baseline, goal.target, goal.target_year) == (
        "Een groene gemeente met meer soorten", "Hectare bloemrijke berm", "12 ha", "30 ha", 2027)


def test_indicator_rows_go_to_the_goal_of_a_list_whose_words_they_share(make_pdf, documents_of):
    """Two goals of a list and a table of two indicators without a baseline column: each row goes
    to the goal that shares its words; the baseline stays null and a header without a year gives
    no target year."""
    page = Page()
    y = page.lines(56, 50, ["Prioriteit 2: Vitale dorpskernen"], size=15, bold=True) + 6
    y = page.lines(56, y, [BODY, "Voor de kernen stellen we ons de volgende doelen:"]) + 4
    for item in ("Minder leegstaande winkelpanden in de dorpsstraten", "Meer bezoekers voor de wekelijkse markten"):
        page.add(56, y, "-").add(70, y, item)
        y += 14
    _grid(page, y + 10, [("Effectindicator", "Streefwaarde"),
                         ("Aantal bezoekers van de markten per week", "2.500"),
                         ("Leegstaande winkelpanden (aantal)", "hooguit 4")], (56, 330, 480))
    (doc,) = documents_of(make_pdf([page]))
    shops, markets = _by_label(doc)["Vitale dorpskernen"].goals
    assert (shops.indicator, shops.baseline, shops.target, shops.target_year) == (
        "Leegstaande winkelpanden (aantal)", None, "hooguit 4", None)
    assert (markets.indicator, markets.target) == ("Aantal bezoekers van de markten per week", "2.500")
