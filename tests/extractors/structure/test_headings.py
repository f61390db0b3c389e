"""Headings from typography: sizes and weights give levels; lists, signatures and fields are not headings."""
from __future__ import annotations

import pytest

from tests.pdfs import Page, ruled_items

BODY = ["Dit is gewone lopende tekst van het stuk, in de", "standaard letter, over meerdere regels verdeeld."]


def _document() -> Page:
    page = Page()
    y = page.lines(56, 50, ["Evaluatie van het parkeerbeleid"], size=18, bold=True) + 10
    y = page.lines(56, y, ["1. Aanleiding"], size=13, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["1.1 Wat eraan voorafging"], size=11, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["De belangrijkste punten:"]) + 4
    y = page.lines(56, y, ["1. Minder plaatsen in het centrum", "2. Meer plaatsen bij de stations",
                           "3. Hogere tarieven in de avond"], bold=True, leading=14) + 10
    y = page.lines(56, y, ["2. Voorstel"], size=13, bold=True) + 4
    y = page.lines(56, y, BODY) + 20
    page.lines(56, y, ["P.J. van Dijk"], bold=True)
    page.lines(56, y + 30, ["Datum besluit: 14-02-2024"], bold=True)
    return page


def test_heading_hierarchy(make_pdf, sections_of):
    sections = sections_of(make_pdf([_document()]))
    headings = [s.heading for s in sections if s.heading]
    assert headings == ["Evaluatie van het parkeerbeleid", "1. Aanleiding", "1.1 Wat eraan voorafging", "2. Voorstel"]
    by_heading = {s.heading: s for s in sections}
    title, first, sub, second = (by_heading[h] for h in headings)
    assert title.level < first.level < sub.level
    assert first.level == second.level
    assert sub.heading_path == ["Evaluatie van het parkeerbeleid", "1. Aanleiding", "1.1 Wat eraan voorafging"]
    assert sections[sub.parent].heading == "1. Aanleiding"


def test_lists_signatures_and_fields_stay_in_the_text(make_pdf, sections_of):
    sections = sections_of(make_pdf([_document()]))
    sub = next(s for s in sections if s.heading == "1.1 Wat eraan voorafging")
    assert "1. Minder plaatsen in het centrum" in sub.text
    last = sections[-1]
    assert "P.J. van Dijk" in last.text and "Datum besluit: 14-02-2024" in last.text


def test_a_link_button_is_not_a_heading(make_pdf, sections_of):
    page = Page()
    y = page.lines(56, 50, ["Wonen in de kern"], size=14, bold=True) + 4
    y = page.lines(56, y, BODY) + 6
    page.lines(56, y, ["> LEES VERDER"], size=9, bold=True)
    assert [s.heading for s in sections_of(make_pdf([page]))] == ["Wonen in de kern"]


def test_numbered_items_announced_by_a_colon_are_a_list(make_pdf, sections_of):
    page = Page()
    y = page.lines(56, 50, ["Aanpak jeugdoverlast"], size=14, bold=True) + 4
    y = page.lines(56, y, ["De aanpak rust op de volgende pijlers:"]) + 6
    for n, (item, text) in enumerate([("Voorkomen", "Jongerenwerk is vroeg aanwezig in de wijk."),
                                       ("Ingrijpen", "Handhavers spreken groepen direct aan."),
                                       ("Nazorg", "Na een incident volgt een gesprek met ouders.")], 1):
        y = page.lines(56, y, [f"{n}. {item}"], bold=True) + 2
        y = page.lines(56, y, [text]) + 6
    y = page.lines(56, y + 6, ["2. Resultaten"], size=14, bold=True) + 4
    page.lines(56, y, BODY)
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["Aanpak jeugdoverlast", "2. Resultaten"]


def test_a_form_field_in_bold_is_not_a_heading(make_pdf, sections_of):
    """ "Onderwerp: …" or "Betreft: …" set in bold at the top of a letter is a label with its value."""
    page = Page()
    page.add(56, 60, "Betreft: Herinrichting van de Kerkstraat", bold=True)
    page.add(56, 90, "Achtergrond", size=13, bold=True)
    page.lines(56, 110, ["De Kerkstraat wordt in het voorjaar opnieuw ingericht met meer ruimte voor fietsers."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["Achtergrond"]


def test_numbered_agenda_items_ending_in_a_period_are_headings(make_pdf, sections_of):
    page = Page()
    y = 60
    for n, item in enumerate(["Opening en mededelingen.", "Vaststelling van de parkeerverordening."], 1):
        page.add(56, y, f"{n}. {item}", bold=True)
        page.lines(56, y + 18, ["De voorzitter heet iedereen welkom en geeft het woord aan de wethouder."])
        y += 60
    page.lines(56, y, ["Dit is een gewone zin die met een punt eindigt."])
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["1. Opening en mededelingen.", "2. Vaststelling van de parkeerverordening."]


def test_a_letter_spaced_heading_is_kept_as_printed(make_pdf, sections_of):
    """Typists space the letters of a short heading ("O V E R W E G I N G E N"): it is a heading,
    its text as printed (every printed word reaches a row)."""
    page = Page()
    y = page.lines(56, 60, ["O V E R W E G I N G E N"], size=12, bold=True) + 4
    page.lines(56, y, BODY)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["O V E R W E G I N G E N"]


def test_a_bold_line_with_a_sentence_ending_inside_is_running_text(make_pdf, sections_of):
    """An e-mail reply set in bold ("Prima, dan wachten we. Ik bel je morgen") is text, not a
    heading; a heading with a number and a period ("Artikel 3. Aanvraag") stays one."""
    page = Page()
    y = page.lines(56, 60, ["Prima, dan wachten we af. Ik bel je morgen nog"], bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["Artikel 3. Aanvraag"], size=12, bold=True) + 4
    page.lines(56, y, BODY)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Artikel 3. Aanvraag"]


def test_a_hanging_number_and_a_table_of_contents(make_pdf, sections_of):
    """Conventions of reports: a chapter's number hung in the margin ("II" beside its title) is no
    heading of its own and does not make the headings under it a list; the entries under
    "Inhoudsopgave", set like the headings they list, are text."""
    toc = Page().add(60, 60, "Inhoudsopgave", size=11, bold=True)
    toc.add(60, 90, "I", size=11, bold=True).add(96, 90, "Ontwikkelingen in de wijken", size=11, bold=True)
    toc.add(60, 110, "II", size=11, bold=True).add(96, 110, "Antwoord van het college", size=11, bold=True)
    body = Page().add(60, 60, "I", size=11, bold=True).add(96, 60, "Ontwikkelingen in de wijken", size=11, bold=True)
    body.add(60, 84, "Bijdrage van de fractie van de Dorpslijst", size=11, bold=True)
    body.lines(60, 104, ["De fractie vraagt hoeveel woningen er in de wijken worden gebouwd en hoeveel",
                         "daarvan sociale huurwoningen zijn; zij wil ook weten wanneer de bouw begint."], size=11)
    body.add(60, 150, "II", size=11, bold=True).add(96, 150, "Antwoord van het college", size=11, bold=True)
    body.lines(60, 170, ["Het college verwacht er driehonderd, waarvan de helft in de sociale huur, en",
                         "begint met de bouw zodra de vergunningen onherroepelijk zijn geworden."], size=11)
    sections = sections_of(make_pdf([toc, body]))
    assert [s.heading for s in sections if s.heading] == [
        "Inhoudsopgave", "Ontwikkelingen in de wijken", "Bijdrage van de fractie van de Dorpslijst",
        "Antwoord van het college"]
    assert "Ontwikkelingen in de wijken" in sections[0].text


def test_a_section_headed_inhoud_that_opens_with_text_is_a_section(make_pdf, sections_of):
    """Some proposals head their body "Inhoud" (content, not contents): running text under it ends
    any table of contents, so the headings after it stay headings."""
    page = Page().add(60, 60, "Inhoud", size=12, bold=True)
    page.add(60, 84, "Aanleiding", size=10, bold=True)
    page.lines(60, 100, ["Het gemeentehuis krijgt nieuwe verlichting omdat de oude armaturen versleten zijn."])
    page.add(60, 130, "Financiën", size=10, bold=True)
    page.lines(60, 146, ["De kosten worden gedekt uit de reserve onderhoud gebouwen van de gemeente."])
    page.add(60, 176, "Planning", size=10, bold=True)
    page.lines(60, 192, ["De werkzaamheden beginnen na de zomer en duren ongeveer zes weken in totaal."])
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Inhoud", "Aanleiding", "Financiën", "Planning"]


def test_a_printed_e_mails_bold_label_column_is_neither_title_nor_heading(make_pdf, documents_of):
    """A printed e-mail's header sets its labels bold in a column of their own ("Sent: Subject:");
    they are text (every word kept), not the paper's title or a heading."""
    page = Page()
    page.add(50, 50, "From:", size=9, bold=True).add(120, 50, "Bakker, Lotte", size=9)
    page.add(50, 62, "Sent: Subject:", size=9, bold=True).add(120, 62, "Mon 2/3/2031 9:15:00 AM", size=9)
    page.add(120, 74, "Planning raadsavond", size=9)
    page.lines(50, 110, ["Hallo allemaal,", "In de bijlage vinden jullie de planning voor de raadsavond van maart.",
                         "Met vriendelijke groet,", "Lotte Bakker"], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title != "Sent: Subject:"
    assert [s.heading for s in doc.sections if s.heading] == []
    assert "Sent: Subject:" in " ".join(s.text for s in doc.sections)


ITALIC = "Helvetica-Oblique"
LONG = ["De werkgroep heeft in het najaar drie avonden met bewoners gesproken over de plannen voor",
        "het plein. Daaruit kwam een lijst van wensen die het college nu laat uitwerken in een ontwerp."]


@pytest.mark.parametrize("heading", ["Gevolgen voor de buitenruimte", "3.2 Verkeer en parkeren",
                                     "Reactie van de wijkraad (samenvatting)"])
def test_an_italic_first_line_of_a_paragraph_is_its_heading(make_pdf, sections_of, heading):
    """Convention of ministries' and councils' notes: a sub-heading set in italic at body size on
    the line above its paragraph, no space between; the page layer keeps them in one block, the
    heading is cut off it and its text stays the section's."""
    page = Page()
    y = page.lines(56, 60, ["Toelichting"], size=12, bold=True) + 6
    page.add(56, y, heading, font=ITALIC)
    page.lines(56, y + 13, LONG)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Toelichting", heading]
    assert sections[-1].text.startswith("De werkgroep heeft")


@pytest.mark.parametrize("heading", ["Uw aanvraag", "Beoordeling door de commissie", "4. Verdere procedure"])
def test_a_short_first_line_above_running_text_is_a_heading(make_pdf, sections_of, heading):
    """Convention of typed letters and e-mails, and of a scan's OCR layer that gives no styles: a
    heading is a short line of its own (no closing punctuation) at the top of a paragraph that
    runs on in full lines below it."""
    page = Page()
    page.lines(56, 60, [heading] + LONG)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == [heading]
    assert sections[-1].text.startswith("De werkgroep heeft")


@pytest.mark.parametrize("first", ["Geachte mevrouw Verhoef", "Met vriendelijke groet",
                                   "op de plannen voor de nieuwe brug", "- Bereikbaarheid van de wijk",
                                   "• 03. Mededelingen van de voorzitter", "Verzonden vanaf mijn tablet",
                                   "Aan de gemeenteraad van Kleindorp",
                                   "Zie ook de bijlagen:"])
def test_a_short_first_line_that_is_no_heading(make_pdf, sections_of, first):
    """A salutation or closing formula without its comma, a line whose sentence runs on (lower
    case), a bullet item and a line announcing what follows stay in their paragraph."""
    page = Page()
    page.lines(56, 60, [first] + LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == []


def test_numbered_italic_lines_over_their_explanation_are_sub_headings(make_pdf, sections_of):
    """Convention of proposals' "Argumenten": each argument a numbered sentence in italic on its own
    line(s), its explanation in a paragraph below; numbered and italic, it is a sub-heading."""
    page = Page()
    y = page.lines(56, 60, ["Argumenten"], bold=True) + 4
    arguments = ["1. De huidige speeltoestellen voldoen niet meer aan de veiligheidseisen.",
                 "2. Het nieuwe ontwerp is samen met kinderen uit de buurt gemaakt.",
                 "3. De kosten passen binnen het budget voor openbaar groen."]
    for argument in arguments:
        y = page.lines(56, y, [argument], font=ITALIC) + 2
        y = page.lines(56, y, LONG) + 10
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == ["Argumenten"] + arguments


def test_an_agendas_coded_items_in_a_run_are_headings(make_pdf, sections_of):
    """Convention of college and Staten agendas: items coded by part and number ("B1.", "B2.") are
    headings even when several follow each other with nothing decided under them; a run of plain
    numbered bold lines stays a list."""
    page = Page()
    y = 60
    items = ["B1. Opening van de vergadering", "B2. Ingekomen stukken", "B3. Verslag vorige vergadering",
             "B4. Subsidie voor het dorpshuis"]
    for item in items:
        y = page.lines(56, y, [item], bold=True) + 10
    y = page.lines(56, y, ["Het college stemt in met de subsidie voor het dorpshuis van Kleindorp."] + LONG) + 10
    for n, item in enumerate(["Eerste bespreekpunt", "Tweede bespreekpunt", "Derde bespreekpunt"], 1):
        y = page.lines(56, y, [f"{n}. {item}"], bold=True)
    page.lines(56, y + 10, LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == items


def test_a_numbered_agenda_item_wrapping_over_two_lines_is_a_heading(make_pdf, sections_of):
    """A besluitenlijst's numbered item whose subject fills two lines is one heading."""
    page = Page()
    item = ["7. Voorstel tot het vaststellen van de gewijzigde gemeenschappelijke regeling voor de",
            "uitvoering van de sociale werkvoorziening in de regio door de deelnemende gemeenten."]
    y = page.lines(56, 60, item, bold=True) + 6
    page.lines(56, y, ["De raad stemt in met het voorstel en geeft het college opdracht dit te melden."] + LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == [" ".join(item)]


def test_a_stack_of_short_lines_above_a_paragraph_has_no_heading(make_pdf, sections_of):
    """Short lines one under the other (facts about a motion, an address) before the text are no
    heading: a heading line stands above a full line of running text."""
    page = Page()
    page.lines(56, 60, ["Voorstel behandeld in de commissie van 3 maart", "Ingediend door de fractie",
                        "Aangehouden tot de volgende vergadering"] + LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == []


def test_an_italic_heading_wrapped_over_two_lines_and_an_italic_question_that_runs_on(make_pdf, sections_of):
    """A sub-heading in italic may wrap (both lines are the heading); a question set in italic
    whose answer begins on its last line in roman is text, not a heading."""
    page = Page()
    page.add(56, 60, "Samenwerking met de scholen in de regio en de", font=ITALIC)
    page.add(56, 73, "kinderopvang (primair onderwijs)", font=ITALIC)
    y = page.lines(56, 86, LONG) + 12
    page.add(56, y, "De leden vragen waarom de gemeente de regeling pas na de zomer", font=ITALIC)
    page.add(56, y + 13, "laat ingaan en wat dat kost.", font=ITALIC).add(190, y + 13, "De regeling gaat in na de zomer,")
    page.lines(56, y + 26, ["omdat de aanbesteding eerder niet rond is. De kosten blijven binnen het budget."])
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == [
        "Samenwerking met de scholen in de regio en de kinderopvang (primair onderwijs)"]


@pytest.mark.parametrize("heading, bold, size", [("Rechtsbescherming", True, 8.0),
                                                  ("Overwegingen bij de afweging", False, 10.0),
                                                  ("Planning en uitvoering", True, 8.5)])
def test_a_bold_or_italic_line_over_a_paragraph_of_its_size_is_its_heading(make_pdf, sections_of, heading,
                                                                          bold, size):
    """Convention of letters and decisions: a line in bold or italic right above a paragraph of
    its own size in roman type heads it, also on a page set smaller than the rest of the paper."""
    main = Page()
    main.lines(56, 60, LONG * 3)
    page = Page()
    page.add(56, 60, heading, size=size, bold=bold, font=None if bold else ITALIC)
    page.lines(56, 60 + size * 1.4, LONG, size=size, leading=size * 1.3)
    sections = sections_of(make_pdf([main, page]))
    assert [s.heading for s in sections if s.heading] == [heading]


@pytest.mark.parametrize("heading", ["2. Financiële gevolgen", "Risico's", "3.1 Afspraken met de provincie"])
def test_a_short_line_over_a_bulleted_list_is_its_heading(make_pdf, sections_of, heading):
    """A short line set like the text, with a bulleted list right under it (indented), heads the
    list: the notes of ministries and colleges write their sections so."""
    page = Page()
    page.add(56, 60, heading)
    page.add(62, 73, "•").add(74, 73, "De kosten van de eerste fase worden gedekt uit de algemene reserve van")
    page.add(74, 86, "de gemeente; voor de tweede fase volgt een apart voorstel aan de raad.")
    page.add(62, 99, "•").add(74, 99, "Er zijn geen structurele lasten verbonden aan het voorstel.")
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == [heading]


def test_a_short_title_line_over_indented_text_is_a_heading(make_pdf, sections_of):
    """Convention of regulations quoted in an appendix: an article's title on a line of its own,
    its members indented below it in the same type."""
    page = Page()
    page.add(56, 60, "Artikel 7 Beslistermijn")
    page.add(70, 73, "Het college beslist binnen acht weken na de dag van ontvangst van de aanvraag")
    page.add(84, 86, "op een verzoek om een vergunning voor het plaatsen van een terras aan de straat.")
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Artikel 7 Beslistermijn"]


def test_an_italic_heading_at_the_foot_of_a_page_heads_the_text_on_the_next(make_pdf, sections_of):
    """A sub-heading printed last on its page (a footnote under it) heads the paragraph at the top
    of the next page."""
    first = Page()
    first.lines(56, 60, LONG * 3)
    first.add(56, 700, "Kosten van het onderhoud", font=ITALIC)
    first.add(56, 780, "1 Zie de begroting van vorig jaar.", size=7)
    second = Page()
    second.lines(56, 60, LONG)
    sections = sections_of(make_pdf([first, second]))
    assert [s.heading for s in sections if s.heading] == ["Kosten van het onderhoud"]


@pytest.mark.parametrize("line", ["Motie over de speeltuin in de Vogelbuurt: aangenomen",
                                  "Amendement A2 (fietspad langs de dijk): verworpen",
                                  "Motie vreemd aan de orde Veilige schoolroutes: unaniem aangenomen"])
def test_a_motions_outcome_line_in_bold_is_no_heading(make_pdf, sections_of, line):
    """A besluitenlijst prints each motion's outcome after its name and a colon, often in bold:
    a result of the item, not a heading; the item's own heading stays one."""
    page = Page()
    page.add(56, 60, "5. Voorjaarsnota", size=12, bold=True)
    page.lines(56, 80, LONG)
    page.add(56, 120, line, bold=True)
    page.lines(56, 136, LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == ["5. Voorjaarsnota"]


def test_a_regulations_units_stacked_without_text_between_are_headings(make_pdf, sections_of):
    """Convention of regulations: a chapter, a paragraph and an article open one under the other
    ("Hoofdstuk 3 …", "§ 1 …", "Artikel 9 …") with no text between; each is a heading."""
    page = Page()
    y = 60
    for unit in ["Hoofdstuk 3 Het vaststellen van de agenda", "§ 1 Voorbereiding", "Artikel 9 Oproeping"]:
        y = page.lines(56, y, [unit], bold=True) + 10
    y = page.lines(56, y, LONG) + 10
    y = page.lines(56, y, ["Artikel 10 Openbaarheid"], bold=True) + 10
    page.lines(56, y, LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == [
        "Hoofdstuk 3 Het vaststellen van de agenda", "§ 1 Voorbereiding", "Artikel 9 Oproeping",
        "Artikel 10 Openbaarheid"]


def test_a_chapter_numbered_one_after_a_colon_is_a_heading_when_its_sections_follow(make_pdf, sections_of):
    """A decision that adopts a text ("… het volgende protocol vast te stellen:") is followed by
    that text's chapters: "1. …" over "1.1 …" is a chapter, not the first item of a list."""
    page = Page()
    y = page.lines(56, 60, ["De raad besluit het volgende reglement vast te stellen:"]) + 10
    y = page.lines(56, y, ["1. Reikwijdte"], bold=True) + 6
    y = page.lines(56, y, ["1.1 Begrippen"], bold=True) + 4
    y = page.lines(56, y, LONG) + 10
    y = page.lines(56, y, ["2. Werkwijze"], bold=True) + 6
    page.lines(56, y, LONG)
    assert [s.heading for s in sections_of(make_pdf([page])) if s.heading] == [
        "1. Reikwijdte", "1.1 Begrippen", "2. Werkwijze"]


def test_a_short_line_over_term_entries_is_no_lead_heading(make_pdf, sections_of):
    """Convention: a short first line over lines that open with a term and its colon ("Kosten: …")
    is the first entry of a list, or a table's cells read as a column, not a heading of its own."""
    page = Page()
    page.lines(56, 60, ["Minder zwerfvuil in de parken", "Prikacties: vrijwilligers ruimen elke maand de grote parken op",
                        "met materiaal van de gemeente.", "Afvalbakken: er komen veertig bakken bij op de drukste plekken."],
               size=10, leading=12)
    sections = sections_of(make_pdf([page]))
    assert "Minder zwerfvuil in de parken" not in [s.heading for s in sections]


def test_levels_are_depths_in_the_documents_outline(make_pdf, sections_of):
    """Heading levels mean the same across documents: 1 is the document's top level, whatever
    style its first heading is set in; a larger style that comes later is top level too; a
    numbered sub-section ("3.2") goes under its chapter in the same style; styles that follow one
    another without nesting do not add a level each."""
    page = Page()
    y = page.lines(56, 50, ["Korte terugblik"], size=10, bold=True) + 4  # smallest style, first
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["3 Wat de wijkraad vraagt"], size=16, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["3.2 Verlichting langs het fietspad"], size=16, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["Kosten van de lantaarns"], size=13, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["Planning van de aanleg"], size=10, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, ["4 Wat het college doet"], size=16, bold=True) + 4
    page.lines(56, y, BODY)
    levels = {s.heading: s.level for s in sections_of(make_pdf([page])) if s.heading}
    assert levels == {"Korte terugblik": 1, "3 Wat de wijkraad vraagt": 1, "3.2 Verlichting langs het fietspad": 2,
                      "Kosten van de lantaarns": 3, "Planning van de aanleg": 4, "4 Wat het college doet": 1}


@pytest.mark.parametrize("keys, levels", [
    ([(6, 1), (6, 1), (2, 1), (6, 1)], [1, 1, 1, 2]),  # first heading in the sixth style: level 1
    ([(1, 1), (1, 2), (1, 3), (1, 2), (1, 1)], [1, 2, 3, 2, 1]),  # "1", "1.1", "1.1.1", "1.2", "2"
    ([(1, 1), None, (4, 1), (9, 1), (4, 1)], [1, None, 2, 3, 2]),  # ranks 4 and 9 under 1: two levels, not nine
])
def test_outline_levels_from_style_ranks_and_numbering(keys, levels):
    from raadsstukken.extractors.structure.headings import outline_levels

    assert outline_levels(keys) == levels


@pytest.mark.parametrize("unit", ["Artikel 3", "Hoofdstuk 4 Ligplaatsen", "§ 2 Aanvragen"])
def test_a_regulations_unit_in_roman_type_is_a_heading(make_pdf, sections_of, unit):
    """Convention of regulations: a unit ("Artikel 3", "Hoofdstuk 4 …", "§ 2 …") on a line of its
    own heads the text below it, even set in the body's roman type; a sentence that opens with
    a unit and ends in a period stays running text."""
    page = Page()
    y = page.lines(56, 50, ["Verordening ligplaatsen Waterstad"], size=16, bold=True) + 10
    y = page.lines(56, y, [unit]) + 4
    y = page.lines(56, y, ["1. Het college wijst de ligplaatsen voor woonboten aan op een kaart.",
                           "2. Een ligplaats is persoonlijk en kan niet worden overgedragen."]) + 10
    page.lines(56, y, ["Artikel 5 van de Havenverordening blijft van kracht naast", "deze regels."])
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Verordening ligplaatsen Waterstad", unit]
    assert "Artikel 5 van de Havenverordening blijft van kracht naast deze regels." in sections[-1].text


@pytest.mark.parametrize("scribble", [".), zo( kt N", "rA_ o-Kt1077 mmrw", ", .4 ( (j 512-"])
def test_ocr_of_a_scribble_set_large_is_no_heading(make_pdf, sections_of, scribble):
    """A heading is made of words: OCR of handwriting or a stamp in the margin gives tokens of
    letters mixed with brackets and crumbs of punctuation, set large; that line stays in the text."""
    page = Page()
    y = page.lines(56, 50, ["Aanleiding"], size=13, bold=True) + 4
    y = page.lines(56, y, BODY) + 10
    y = page.lines(56, y, [scribble], size=14) + 10
    page.lines(56, y, BODY)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Aanleiding"]
    assert scribble.split()[-1] in sections[-1].text


@pytest.mark.parametrize("name, contact", [
    ("Omgevingsdienst Veluwe", "Stationslaan 12 | Postbus 330 | 7300 AH Apeldoorn"),
    ("Waterschap Zuid", "Postbus 91, 5200 MA Oss · T 073 123 45 67"),
    ("Stadsbeheer", "Kanaalweg 4 · info@stadsbeheer-voorbeeld.nl · www.stadsbeheer-voorbeeld.nl"),
])
def test_a_logos_name_over_its_contact_block_is_no_heading(make_pdf, sections_of, name, contact):
    """Convention of e-mail signatures and letterheads: an organisation's name set bold or large
    with its address and contact line beside or under it is the logo's name, not a heading; a
    heading over a paragraph that mentions one web address stays a heading."""
    page = Page()
    y = page.lines(56, 50, ["Meer informatie"], size=12, bold=True) + 4
    y = page.lines(56, y, ["Kijk voor de voorwaarden op www.voorbeeldregeling.nl of bel ons gerust op",
                           "werkdagen tussen negen en vijf uur."]) + 14
    y = page.lines(56, y, ["Met vriendelijke groet,"]) + 20
    page.add(56, y, name, size=12, bold=True)
    page.add(56, y + 16, contact, size=8)
    sections = sections_of(make_pdf([page]))
    assert [s.heading for s in sections if s.heading] == ["Meer informatie"]
    assert name in sections[-1].text


@pytest.mark.parametrize("title", ["Antwoord op de vragen over de kermis", "Uitnodiging voor de bewonersavond Zuid",
                                   "Nadere regels voor het hondenlosloopgebied"])
def test_a_papers_title_under_its_letterhead_is_no_heading(make_pdf, documents_of, title):
    """Convention of letters and published papers: the title printed large under the letterhead
    ("Gemeente X · Brief") is the paper's title, not the first heading of its text; the headings
    under it start at level 1."""
    page = Page()
    page.add(42, 58, "Gemeente Waterstad · Brief", size=7)
    page.add(42, 80, title, size=15, bold=True)
    page.add(42, 130, "Bestuursorgaan", size=8, bold=True).add(130, 130, "Burgemeester en wethouders", size=8)
    page.lines(42, 151, ["Geachte heer, mevrouw,", "",
                         "Hierbij ontvangt u ons antwoord. Wij lichten hieronder toe hoe het zit en wat er",
                         "de komende maanden gaat gebeuren in de wijk."], size=9)
    page.add(42, 230, "Wat er gebeurt", size=11, bold=True)
    page.lines(42, 248, ["In het voorjaar starten de werkzaamheden. De bewoners krijgen vooraf een brief met",
                         "de planning en een telefoonnummer voor vragen."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == title
    assert [(s.level, s.heading) for s in doc.sections if s.heading] == [(1, "Wat er gebeurt")]
    assert title in doc.sections[0].text


@pytest.mark.parametrize("header", [
    ["Datum inwerkingtreding", "Datum vervallen", "Artikel", "Bekendmaking", "Registratie"],
    ["Ingangsdatum", "Intrekkingsdatum", "Onderdeel", "Publicatieplaats", "Documentnummer"],
    ["Aanvangsdatum", "Beëindigingsdatum", "Betreft", "Vindplaats", "Kenmerk"],
    ["Besluitdatum", "Terugwerkende kracht", "Betreft", "Gemeenteblad", "Dossiernummer"]])
def test_bold_header_cells_wrapped_in_narrow_ruled_columns_are_no_headings(tmp_path, sections_of, header):
    """Convention of Word and publication tables: a header cell is bold, and in a narrow column its
    word wraps mid-word ("Ingangsdat" / "um"); the pieces are cells of the ruled grid, never
    headings, whatever the line builder makes of them."""
    from tests.ruled_tables import fpdf_table

    rows = [["01-02-2021", "03-04-2022", "artikel 3", "blad 2021, 117", "Z-2021-0042"],
            ["05-06-2022", "", "bijlage 1", "blad 2022, 9", "Z-2022-0913"]]
    path = fpdf_table(tmp_path / "t.pdf", header, rows, widths=[14, 14, 16, 16, 14],
                      title="Wijzigingen in deze regeling", size=7)
    assert [(s.level, s.heading) for s in sections_of(path) if s.heading] == [(1, "Wijzigingen in deze regeling")]


@pytest.mark.parametrize("labels", [("Vergaderplaats", "Voorzitter", "Griffier"),
                                    ("Zaal", "Notulist", "Aanwezig"), ("Locatie", "Verslag", "Afwezig")])
def test_bold_label_cells_of_a_ruled_field_grid_are_no_headings(tmp_path, sections_of, labels):
    """Convention of iBabs and Word exports: a meeting's or paper's fields in a ruled grid, labels
    in bold; the labels are cells of the grid (the fields), not headings of the text."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "grid.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(60, 780, "Besluitenlijst van de commissie Ruimte")
    for r, label in enumerate(labels):
        y = 740 - r * 20
        c.rect(60, y - 6, 120, 20)
        c.rect(180, y - 6, 300, 20)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(64, y, label)
        c.setFont("Helvetica", 9)
        c.drawString(184, y, f"waarde {r + 1} van het veld")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, 640, "Opening en mededelingen")
    c.setFont("Helvetica", 9)
    c.drawString(60, 624, "De voorzitter opent de vergadering en heet de aanwezigen welkom in de raadszaal.")
    c.showPage()
    c.save()
    headings = [s.heading for s in sections_of(path) if s.heading]
    assert not set(labels) & set(headings)
    assert "Opening en mededelingen" in headings


@pytest.mark.parametrize("chapter,article", [("Hoofdstuk 1 Definities", "Artikel 1 Definities"),
                                             ("Hoofdstuk 3 Toezicht", "Artikel 7 Bevoegde ambtenaren"),
                                             ("Paragraaf 2 Subsidieplafond", "Artikel 4 Verdeling")])
def test_stacked_headings_in_a_column_beside_running_text_are_no_field_grid(make_pdf, documents_of, chapter,
                                                                              article):
    """Convention of two-column publications: a chapter's and an article's heading stacked in the
    left column sit on the baselines of the right column's running text; they are headings, not the
    labels of a grid of fields (whose values are blocks of a line or two)."""
    page = Page()
    page.add(42, 60, "Verordening op de speelplaatsen 2031", size=15, bold=True)
    right = ["vervolg van de opsomming van het vorige", "artikel, met nog enkele begrippen die in",
             "deze verordening worden gebruikt zoals", "het college, de raad en de toezichthouder;",
             "f. speeltoestel: een toestel om op te spelen;", "g. beheerder: degene die het terrein beheert.",
             "Alle begrippen gelden ook voor de bijlagen."]
    page.lines(300, 110, right, size=8.5, leading=11)
    page.add(42, 121, chapter, size=9, bold=True)
    page.add(42, 143, article, size=8, bold=True)
    page.lines(42, 165, ["In deze verordening wordt verstaan onder:", "a. speelplaats: een openbaar terrein om te",
                         "spelen, met of zonder toestellen;"], size=8.5, leading=11)
    (doc,) = documents_of(make_pdf([page]))
    headings = [s.heading for s in doc.sections if s.heading]
    assert chapter in headings and article in headings



@pytest.mark.parametrize("initial", ["K", "Z", "Ø"])
def test_a_logos_initial_set_large_is_no_heading(make_pdf, sections_of, initial):
    """Convention of municipal letterheads: the logo is a shield or square with the body's initial
    in large type; a single letter is no heading (nor a drop cap)."""
    page = Page().rect(60, 60, 90, 100, fill=True)
    page.add(68, 70, initial, size=18, bold=True)
    page.add(110, 70, "Gemeente Oostervaart", size=13, bold=True)
    page.add(187, 160, "Wat er verandert", size=12, bold=True)
    page.lines(187, 180, ["Vanaf het nieuwe jaar wordt het oud papier eens in de vier weken opgehaald, op",
                          "dezelfde dag als het restafval in uw wijk."], size=10)
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert initial not in headings and "Wat er verandert" in headings


@pytest.mark.parametrize("contents,first", [("Inhoud", "HOOFDSTUK 1 ALGEMENE BEPALINGEN"),
                                            ("Inhoudsopgave", "Verslag van de vergadering"),
                                            ("Inhoudsopgave", "1. Inleiding op de begroting")])
def test_a_heading_set_apart_after_the_contents_on_its_page_is_a_heading(make_pdf, sections_of, contents, first):
    """Convention of minutes, regulations and reports: the contents' entries share one style; the
    heading that follows them on the same page, set larger or bolder, opens the text and is a
    heading, also when the text under it opens with a colon-ended line."""
    page = Page().add(60, 60, contents, size=11, bold=True)
    y = 80
    for entry in ["Opening en mededelingen", "Vaststelling van de agenda", "Ingekomen stukken",
                  "Vragen van de raadsleden", "Sluiting"]:
        page.add(60, y, entry, size=9).add(480, y, str(y // 20), size=9)
        y += 15
    page.add(60, y + 20, first, size=12, bold=True)
    page.lines(60, y + 40, ["In deze regeling wordt verstaan onder:"], size=10)
    page.lines(60, y + 58, ["a. de voorzitter: de voorzitter van de raad of zijn vervanger;",
                            "b. de griffier: de griffier van de raad."], size=10)
    headings = [s.heading for s in sections_of(make_pdf([page])) if s.heading]
    assert headings == [contents, first]


def _paper_without_letterhead(title: str, opening: list[str], heading: str, rest: list[str]) -> Page:
    page = Page()
    page.add(42, 60, title, size=16, bold=True)
    y = page.lines(42, 96, opening, size=9) + 14
    page.add(42, y, heading, size=12, bold=True)
    page.lines(42, y + 20, rest, size=9)
    return page


@pytest.mark.parametrize("kind, title, opening, heading, rest", [
    ("brief", "Reactie op uw verzoek om een bankje aan de Vaartkade",
     ["Geachte heer Smit,", "", "U vroeg ons om een bankje te plaatsen bij de steiger. Wij hebben uw verzoek",
      "bekeken en laten u hieronder weten wat wij gaan doen."], "Wat wij gaan doen",
     ["In het voorjaar plaatst de buitendienst twee bankjes langs de kade.", "", "Met vriendelijke groet,", "",
      "het college van burgemeester en wethouders"]),
    ("besluit", "Aanwijzing van parkeerplaatsen voor deelauto's in Oost",
     ["Het college van burgemeester en wethouders van de gemeente Waterstad;",
      "gelet op artikel 18 van de Wegenverkeerswet;", "besluit:"], "Artikel 1 Aanwijzing",
     ["Als parkeerplaats voor deelauto's worden aangewezen de plaatsen op de kaart bij dit besluit.",
      "Aldus vastgesteld in de vergadering van 4 maart 2031."]),
    ("motie", "Een veilige oversteek bij de Lindeschool",
     ["De raad van de gemeente Waterstad, in vergadering bijeen op 12 mei 2031,",
      "constaterende dat kinderen de drukke weg oversteken;", "verzoekt het college een zebrapad aan te leggen,"],
     "Toelichting", ["Ouders vragen al jaren om een veilige oversteek.", "en gaat over tot de orde van de dag."]),
])
def test_a_papers_title_at_the_top_of_its_page_is_no_heading(make_pdf, documents_of, kind, title, opening,
                                                             heading, rest):
    """Convention of papers printed without a letterhead (a letter, a published besluit, a motion):
    the large line that opens the page is the paper's title, not the first heading of its text;
    the headings under it start at level 1. (A report's or plan's first block may be its first
    chapter as well as its title and stays a heading: `test_heading_hierarchy`.)"""
    (doc,) = documents_of(make_pdf([_paper_without_letterhead(title, opening, heading, rest)]))
    assert doc.part.doc_type == kind
    assert doc.part.title == title
    assert [(s.level, s.heading) for s in doc.sections if s.heading] == [(1, heading)]
    assert doc.sections[0].heading is None and doc.sections[0].text.startswith(title)  # its words kept


@pytest.mark.parametrize("title, items", [
    ("Besluitenlijst van de raadsvergadering van 3 maart 2031",
     [("Agendapunt 5", [("Voorgesteld besluit", ["Instemmen met het jaarplan van de bibliotheek."]),
                        ("Besluit", ["Het jaarplan wordt zonder stemming aangenomen."])]),
      ("Agendapunt 6", [("Voorgesteld besluit", ["Het krediet voor de brug beschikbaar stellen."]),
                        ("Besluit", ["Het krediet wordt beschikbaar gesteld."])])]),
    ("Besluitenlijst van het college van 9 juni 2031",
     [("Punt 2.", [("Voorstel", ["De zienswijze op de kadernota van de GGD vaststellen."]),
                   ("Besluit", ["Conform."])]),
      ("Punt 3.", [("Voorstel", ["Het antwoord op de vragen over de kermis vaststellen."]),
                   ("Besluit", ["Conform, met een aanvulling over de geluidsnormen."])])]),
    ("Besluitenlijst commissie Ruimte 14 mei 2031",
     [("Onderwerp 11", [("Toelichting", ["De subsidieregeling voor groene daken loopt af."]),
                        ("Besluit", ["De commissie neemt kennis van de brief."])]),
      ("Onderwerp 12", [("Toelichting", ["Het beheerplan voor de begraafplaatsen."]),
                        ("Besluit", ["Het beheerplan gaat als hamerstuk naar de raad."])])]),
])
def test_the_bar_over_an_agenda_items_ruled_table_is_its_heading(make_pdf, documents_of, title, items):
    """Convention of council systems' exports: each agenda item is a ruled table under a bar with
    the item's name ("Agendapunt 5", also with the number's period); the bar, alone on the
    table's top row, is the item's heading, while the label cells under it are none."""
    page = Page().add(50, 60, title, size=15, bold=True)
    ruled_items(page, 100, items)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == [name for name, _ in items]


@pytest.mark.parametrize("body, kind", [("Gemeente Lindewoude", "BRIEF"), ("Provincie Zuidmeer", "NOTITIE"),
                                        ("Waterschap De Venen", "MEMO")])
def test_the_kind_beside_the_letterhead_in_a_header_band_is_no_heading(make_pdf, documents_of, body, kind):
    """Convention of exported letters and notes: a header band prints the body's name at the left
    and the kind of paper at the right, on one line; both belong to the letterhead, neither heads
    a section."""
    page = Page().rect(0, 0, 595, 70, fill=True)
    page.add(50, 30, body, size=14, bold=True).add(480, 33, kind, size=10, bold=True)
    page.lines(50, 110, ["Geachte leden van de raad,", "",
                         "Met deze brief informeren wij u over de voortgang van de renovatie van het",
                         "zwembad. De werkzaamheden liggen op schema en het bad gaat in juni open."], size=9.5)
    page.add(50, 190, "Planning", size=11, bold=True)
    page.lines(50, 208, ["In mei volgt de oplevering; de opening is op de eerste zaterdag van juni.", "",
                         "Met vriendelijke groet,"], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.heading for s in doc.sections if s.heading] == ["Planning"]


@pytest.mark.parametrize("proposal, decision", [("Toelichting", "Besluit"), ("Voorstel", "Besluit:"),
                                                ("Samenvatting", "Besloten")])
def test_an_items_decision_label_over_its_text_in_a_besluitenlijst_is_no_heading(make_pdf, documents_of, proposal,
                                                                              decision):
    """Convention of besluitenlijsten: an item prints its decision under a label set on a line of
    its own ("Besluit", also as the first line of the decision's paragraph); the label names the
    item's field, the item's name is its heading. (A decision intro such as "Voorgesteld besluit"
    set bold on its own line is a heading by the project's convention.)"""
    page = Page().add(50, 60, "Besluitenlijst van de raadsvergadering van 3 maart 2031", size=15, bold=True)
    y = 100
    for name, asked, done in [("4. Jaarplan bibliotheek", "Instemmen met het jaarplan van de bibliotheek.",
                               "Het jaarplan wordt zonder stemming aangenomen."),
                              ("5. Krediet fietsbrug", "Het krediet voor de fietsbrug beschikbaar stellen.",
                               "Het krediet wordt met algemene stemmen beschikbaar gesteld.")]:
        page.add(50, y, name, size=11, bold=True)
        page.add(50, y + 18, proposal, size=9.5, bold=True)
        page.add(50, y + 30, asked, size=9.5)
        page.add(50, y + 46, decision, size=9.5, bold=True)
        page.add(50, y + 58, done, size=9.5)
        y += 90
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    headings = [s.heading for s in doc.sections if s.heading]
    assert [h for h in headings if h != proposal] == ["4. Jaarplan bibliotheek", "5. Krediet fietsbrug"]
