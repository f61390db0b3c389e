"""Headings from typography: sizes and weights give levels; lists, signatures and fields are not headings."""
from __future__ import annotations

from tests.pdfs import Page

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
