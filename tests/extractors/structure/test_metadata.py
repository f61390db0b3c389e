"""Metadata from forms: a ruled table, `label : value` lines, label/value columns; checkboxes drawn
as vectors and typed as glyphs; missing fields stay null."""
from __future__ import annotations

import pytest

from datetime import date

from tests.pdfs import Page

X_LABEL, X_VALUE, X_END = 56, 200, 540


def _ruled_form() -> Page:
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    rows = [("Onderwerp", "Herinrichting van het Marktplein"), ("Zaaknummer", "Z-2023-0412"),
            ("Datum", "12 september 2023"), ("Portefeuillehouder", "wethouder A. Bakker"),
            ("Afdeling", "Ruimtelijke Ontwikkeling")]
    top = 90
    for label, value in rows:
        page.rect(X_LABEL - 4, top - 4, X_VALUE - 6, top + 14).rect(X_VALUE - 6, top - 4, X_END, top + 14)
        page.add(X_LABEL, top, label, size=9, bold=True).add(X_VALUE, top, value, size=9)
        top += 18
    top += 16
    page.add(X_LABEL, top, "Bestuursorgaan", size=9, bold=True)
    for x, label, ticked in ((X_VALUE, "College", True), (300, "Raad", False), (380, "Burgemeester", True)):
        page.checkbox(x, top + 1, ticked).add(x + 12, top, label, size=9)
    top += 20
    for x, label, ticked in ((X_VALUE, "Openbaar", True), (300, "Besloten", False)):
        page.checkbox(x, top + 1, ticked).add(x + 12, top, label, size=9)
    page.add(X_LABEL, top, "Openbaarheid", size=9, bold=True)
    page.add(X_LABEL, top + 30, "Collegebesluit d.d.: 19-09-2023", size=10, bold=True)
    page.add(X_LABEL, top + 60, "Financiële gevolgen", size=10).add(X_VALUE + 60, top + 60, "Nee", size=10)
    return page


def test_ruled_table_form_with_drawn_checkboxes(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf([_ruled_form()]))
    m = doc.metadata
    assert doc.part.doc_type == "nota_bw"
    assert m.title == "Herinrichting van het Marktplein"
    assert m.reference == "Z-2023-0412"
    assert m.document_date == date(2023, 9, 12)
    assert m.decision_date == date(2023, 9, 19)
    assert m.portfolio_holder == "wethouder A. Bakker"
    assert m.team == "Ruimtelijke Ontwikkeling"
    assert m.bodies == ["B&W", "Burgemeester"]
    assert m.confidentiality == "openbaar"
    assert m.financial_consequences is False
    assert m.programme is None and m.attachments == []


def test_label_colon_value_lines_with_glyph_checkboxes(make_pdf, documents_of):
    page = Page().add(56, 50, "Raadsinformatiebrief", size=16, bold=True)
    lines = ["Onderwerp : Stand van zaken zwembad De Vijfhoek", "Kenmerk : 2024/118", "Datum : 2024-02-05",
             "Programma : 4 Sport en bewegen", "Bijlage(n) : Planning.pdf, Rapport bouwkundige staat.pdf"]
    page.lines(56, 90, lines, size=9.5, leading=14)
    page.add(56, 170, "☒ Besloten   ☐ Openbaar", size=9.5, font="DejaVu")
    page.lines(56, 200, ["Geachte raad, hierbij informeren wij u over de voortgang."])
    (doc,) = documents_of(make_pdf([page]))
    m = doc.metadata
    assert doc.part.doc_type == "raadsmededeling"
    assert m.title == "Stand van zaken zwembad De Vijfhoek"
    assert m.reference == "2024/118"
    assert m.document_date == date(2024, 2, 5)
    assert m.programme == "4 Sport en bewegen"
    assert m.attachments == ["Planning.pdf", "Rapport bouwkundige staat.pdf"]
    assert m.confidentiality == "besloten"
    assert m.team is None and m.portfolio_holder is None and m.decision_date is None


def test_two_column_label_value_layout_and_missing_fields(make_pdf, documents_of):
    page = Page().add(56, 50, "Raadsvoorstel", size=16, bold=True)
    for i, (label, value) in enumerate([("Onderwerp", "Aanpassing parkeertarieven"), ("Voorstelnummer", "RV-24-17"),
                                        ("Portefeuillehouder", "C. de Wit"), ("Datum collegebesluit", "4 juni 2024")]):
        page.add(56, 90 + 16 * i, label, size=10).add(200, 90 + 16 * i, value, size=10)
    page.add(56, 180, "Voorstel", size=12, bold=True)
    page.add(56, 198, "De tarieven voor straatparkeren per 1 januari te verhogen.")
    (doc,) = documents_of(make_pdf([page]))
    m = doc.metadata
    assert doc.part.doc_type == "raadsvoorstel"
    assert (m.title, m.reference, m.portfolio_holder) == ("Aanpassing parkeertarieven", "RV-24-17", "C. de Wit")
    assert m.decision_date == date(2024, 6, 4)
    assert m.document_date is None and m.team is None and m.programme is None
    assert m.bodies == [] and m.confidentiality is None and m.financial_consequences is None


@pytest.mark.parametrize("label, value, bodies", [
    ("Bestemd voor", "Burgemeester en wethouders, Raad", ["B&W", "Raad"]),
    ("Orgaan", "Gedeputeerde Staten", ["GS"]),
    ("Vergadering van", "Gemeenteraad, Commissie", ["Raad", "Commissie"]),
])
def test_bodies_from_labels_councils_print(make_pdf, documents_of, label, value, bodies):
    page = Page().add(56, 50, "Voorstel", size=16, bold=True)
    page.add(56, 90, f"{label}: {value}").add(56, 106, "Onderwerp: Inzameling van oud papier")
    page.lines(56, 140, ["Het college wil de inzameling anders regelen."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == bodies


def test_a_wrapped_value_continues_on_the_lines_below_it(make_pdf, documents_of):
    """A long subject wraps: under `label: value` it goes on at the label's margin; in a form
    column it goes on under the value; the form's next label ends it either way."""
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    page.lines(56, 90, ["Onderwerp: Aanleg van een fietsverbinding tussen het station en het",
                        "bedrijventerrein aan de noordzijde van de kern"], size=9.5, leading=12)
    page.lines(56, 140, ["Geachte leden van het college, hierbij leggen wij u voor."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == ("Aanleg van een fietsverbinding tussen het station en het "
                                  "bedrijventerrein aan de noordzijde van de kern")

    form = Page().add(56, 50, "Raadsvoorstel", size=16, bold=True)
    form.add(X_LABEL, 90, "Onderwerp", size=9, bold=True).add(X_VALUE, 90, "Vaststelling van het", size=9)
    form.add(X_VALUE, 102, "speelruimteplan voor de dorpen", size=9)
    form.add(X_LABEL, 114, "Zaaknummer", size=9, bold=True).add(X_VALUE, 114, "RV-2031-77", size=9)
    (doc,) = documents_of(make_pdf([form]))
    assert doc.metadata.title == "Vaststelling van het speelruimteplan voor de dorpen"
    assert doc.metadata.reference == "RV-2031-77"


def test_a_sidebar_value_continues_beside_body_lines_on_the_same_baselines(make_pdf, documents_of):
    page = Page().add(56, 50, "Gemeente Noorderveld", size=14, bold=True)
    page.add(420, 90, "onderwerp", size=8)
    sidebar = ["Herziening van de", "regeling voor", "standplaatsen 2031"]
    body = ["Aan de leden van de raad,", "Wij bieden u de herziene regeling aan voor de",
            "standplaatsen op de weekmarkt en in de wijken."]
    for i, (side, text) in enumerate(zip(sidebar, body)):
        page.add(420, 102 + 12 * i, side, size=8).add(56, 102 + 12 * i, text, size=9.5)
    page.lines(56, 160, ["Met vriendelijke groet, het college."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Herziening van de regeling voor standplaatsen 2031"


@pytest.mark.parametrize("label, value, expected", [
    ("Besluitdatum", "3 maart 2031", date(2031, 3, 3)),
    ("Datum besluit", "12-05-2031", date(2031, 5, 12)),
    ("Vastgesteld op", "7 oktober 2031", date(2031, 10, 7)),
    ("Datum commissievergadering", "30 juni 2031", date(2031, 6, 30)),
])
def test_the_date_of_a_decision_or_its_meeting_is_the_decision_date(make_pdf, documents_of, label, value, expected):
    """Convention: a form names the date a decision was taken ("Datum besluit", "Besluitdatum",
    "Vastgesteld") or, on the papers of a meeting, the meeting's date; "Datum" alone is the
    paper's own date, and a longer label that starts with "Datum" is not it."""
    page = Page().add(56, 50, "Besluitenlijst", size=16, bold=True)
    page.add(X_LABEL, 90, label, size=9, bold=True).add(X_VALUE, 90, value, size=9)
    page.lines(56, 130, ["Het college neemt kennis van de stukken over de kermis."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.decision_date == expected
    assert doc.metadata.document_date is None


def test_a_short_reference_is_kept_as_printed_and_the_addressee_names_the_body(make_pdf, documents_of):
    """Convention: a kenmerk is quoted whole ("Stb. 2031, nr. 18"), only a long sentence is cut
    to its number; "Aan:" on a paper's form names the bestuursorgaan it goes to."""
    page = Page().add(56, 50, "Voorstel", size=16, bold=True)
    page.lines(56, 90, ["Kenmerk: Stb. 2031, nr. 18", "Aan: Burgemeester en wethouders"], size=9.5, leading=14)
    page.lines(56, 140, ["Wij stellen u voor de verordening te wijzigen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "Stb. 2031, nr. 18"
    assert doc.metadata.bodies == ["B&W"]

    long = Page().add(56, 50, "Voorstel", size=16, bold=True)
    long.lines(56, 90, ["Kenmerk: dit voorstel is geregistreerd onder nummer 2031/4471 in het zaaksysteem"], size=9.5)
    (doc,) = documents_of(make_pdf([long]))
    assert doc.metadata.reference == "2031/4471"


def test_boxes_typed_in_one_cell_are_read_one_by_one(make_pdf, documents_of):
    """A Word form types its boxes in one line ("☐ College ☒ Raad ☒ Commissie"): each box
    with its own label, the ticked ones name the bodies, also when the line opens unticked."""
    page = Page().add(56, 50, "Raadsvoorstel", size=16, bold=True)
    page.add(56, 90, "Ter behandeling in", size=9.5, bold=True)
    page.add(200, 90, "☐ Burgemeester ☒ Gemeenteraad ☒ Raadscommissie", size=9.5, font="DejaVu")
    page.add(200, 106, "☐ Openbaar ☒ Besloten", size=9.5, font="DejaVu")
    page.lines(56, 140, ["Wij stellen u voor het krediet voor de brug beschikbaar te stellen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == ["Raad", "Commissie"]
    assert doc.metadata.confidentiality == "besloten"


def test_a_sidebar_label_alone_names_the_body_below_it(make_pdf, documents_of):
    """A letter's sidebar prints "aan" with the addressee under it: the body the paper goes to."""
    page = Page().add(56, 50, "Gemeente Noorderveld", size=14, bold=True)
    page.add(420, 90, "aan", size=8).add(420, 102, "Gemeenteraad", size=8)
    page.lines(56, 90, ["Geachte leden van de raad,", "Hierbij ontvangt u het voorstel over de kermis."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == ["Raad"]


@pytest.mark.parametrize("label, value, expected", [
    ("Vertrouwelijkheid:", "openbare stukken", "openbaar"),
    ("Geheimhouding:", "nee", "openbaar"),
    ("Geheimhouding:", "ja, op grond van artikel 25 Gemeentewet", "besloten"),
    ("Openbaar:", "neen", "besloten"),
    ("Openbaarheid", "besloten vergadering", "besloten"),
])
def test_a_confidentiality_field_is_read_from_its_value_or_answer(make_pdf, documents_of, label, value, expected):
    """Forms state openness in a field of its own: the word ("openbaar", "besloten") or a yes/no
    answer whose sense depends on whether the label asks about secrecy or about openness."""
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    page.add(56, 90, "Onderwerp:", size=9).add(170, 90, "Onderhoud van de kademuren", size=9)
    page.add(56, 106, label, size=9).add(170, 106, value, size=9)
    page.lines(56, 140, ["Het college besluit over het onderhoud van de kademuren in de binnenstad."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.confidentiality == expected


def test_a_field_that_says_nothing_of_openness_is_no_confidentiality(make_pdf, documents_of):
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    page.add(56, 90, "Geheimhouding:", size=9).add(170, 90, "zie toelichting", size=9)
    page.lines(56, 140, ["Het college besluit over het onderhoud van de kademuren in de binnenstad."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.confidentiality is None


def test_a_sentence_that_opens_with_a_labels_word_is_no_field(make_pdf, documents_of):
    """A field is taken from a label, never from running text: a wrapped line "programma vast."
    or "programma's komen …" opens with the word of a label but is a sentence."""
    page = Page().add(56, 50, "Raadsvoorstel", size=16, bold=True)
    page.lines(56, 90, ["De raad stelt met dit besluit het uitvoerings-",
                        "programma vast.",
                        "programma’s voor de wijken volgen in het voorjaar."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.programme is None


@pytest.mark.parametrize("line", ["Gemeenteblad 2031, 40417", "Provinciaal blad, 2031, nr. 8812"])
def test_an_official_publications_citation_is_the_reference(make_pdf, documents_of, line):
    """Gemeenteblad and Provinciaal blad publications print their citation under the title; a
    labelled reference would win, the page label ("Nr. 40417") is furniture."""
    page = Page().add(56, 40, "GEMEENTEBLAD", size=14, bold=True)
    page.add(56, 80, "Verordening op de kinderopvang 2031", size=13, bold=True).add(56, 100, line)
    page.lines(56, 130, ["De raad van de gemeente Oosterveld;", "gelet op artikel 149 van de Gemeentewet;"])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == line


def test_a_sidebar_value_below_a_body_line_between_it_and_its_label(make_pdf, documents_of):
    """In a letter the body's lines fall between the sidebar's rows: a label alone ("onderwerp",
    "bestemd voor") takes the value aligned under it, wrapped over its lines, also when a line of
    the body sits in between; the body's own "Onderwerp:" line comes later."""
    page = Page().add(56, 40, "Gemeente Noorderveld", size=14, bold=True)
    page.add(430, 80, "onderwerp", size=6.5)
    page.add(56, 86, "Onderwerp: Herinrichting van de haven van", size=11)
    page.add(430, 92, "Herinrichting van de", size=8).add(56, 104, "Noorderveld", size=11)
    page.add(430, 104, "haven van Noorderveld", size=8)
    page.add(430, 124, "bestemd voor", size=6.5).add(56, 128, "Geachte leden van de raad,", size=11)
    page.add(430, 136, "Burgemeester en", size=8).add(430, 148, "wethouders, Raad", size=8)
    page.lines(56, 170, ["Wij stellen u voor de haven opnieuw in te richten."], size=11)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Herinrichting van de haven van Noorderveld"
    assert doc.metadata.bodies == ["B&W", "Raad"]


def test_a_parliamentary_paper_is_referenced_by_its_dossier_and_number(make_pdf, documents_of):
    """Convention of parliamentary papers: the footer cites the paper ("Tweede Kamer, vergaderjaar
    2031–2032, 40 112, nr. 9"); its dossier and number are the reference."""
    page = Page().add(56, 60, "Verslag van een notaoverleg", size=12, bold=True)
    page.lines(56, 90, ["De vaste commissie voor Infrastructuur heeft op 3 maart een overleg gevoerd."])
    page.add(56, 790, "Tweede Kamer, vergaderjaar 2031–2032, 40 112 A, nr. 9", size=8)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "40 112 A, nr. 9"


def test_a_printed_e_mail_is_dated_when_it_was_sent_and_titled_by_its_subject(make_pdf, documents_of):
    """An e-mail printed with its header (as Woo releases publish mail): the header's first
    date-time, month first as mail programs print it, is its date; "Subject:" its title."""
    page = Page()
    page.add(50, 50, "From:", size=8).add(110, 50, "Vos, Ineke <i.vos@voorbeeld.nl>", size=8)
    page.add(50, 60, "Sent:", size=8).add(110, 60, "Tue 3/11/2031 4:05:12 PM", size=8)
    page.add(50, 70, "Subject:", size=8).add(110, 70, "RE: planning inspraakavond", size=8)
    page.lines(50, 100, ["Dag allen,", "Hierbij de planning voor de inspraakavond van volgende week.",
                         "Met vriendelijke groet,", "Ineke Vos"], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "brief"
    assert doc.metadata.document_date == date(2031, 3, 11)
    assert doc.metadata.title == "RE: planning inspraakavond"


@pytest.mark.parametrize(("line", "team"), [
    ("Directie Bodem en Water", "Directie Bodem en Water"),
    ("Afdeling: Openbare Ruimte", "Openbare Ruimte"),
    ("Programmadirectie Stikstof", "Programmadirectie Stikstof"),
])
def test_a_unit_named_without_a_colon_keeps_its_kind_in_the_name(make_pdf, documents_of, line, team):
    """A letter's sidebar names the sending unit with its kind ("Directie Bodem en Water"); a
    label with a colon ("Afdeling: …") is a label."""
    page = Page().add(56, 50, "Nota aan de gedeputeerde", size=14, bold=True)
    page.add(400, 90, line, size=7)
    page.lines(56, 110, ["De provincie wil de meetpunten in de polders uitbreiden en vraagt daarvoor geld."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team == team


def test_a_value_ends_where_the_next_paragraph_begins(make_pdf, documents_of):
    """A label's value wraps onto the lines right below it; the paragraph after a blank line is text."""
    page = Page().add(56, 50, "Informatienota", size=14, bold=True)
    page.lines(56, 90, ["Onderwerp: Onderhoud van de kademuren langs", "de Oude Haven"], size=10, leading=12)
    page.lines(56, 121, ["De kademuren zijn in slechte staat en worden in twee fasen hersteld."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Onderhoud van de kademuren langs de Oude Haven"


def test_a_meetings_value_that_opens_with_vergadering_van_names_no_body(make_pdf, documents_of):
    """"Vergadering van" is a label only with its colon (or alone); a meeting field's value
    "vergadering van 3 maart 2031" is a date, and the body comes from "Orgaan"."""
    page = Page().add(56, 50, "AMENDEMENT", size=14, bold=True)
    for k, (label, value) in enumerate([("Raadsvergadering", "vergadering van 3 maart 2031"), ("Orgaan", "Raad")]):
        page.add(56, 90 + 16 * k, label, size=9, bold=True).add(200, 90 + 16 * k, value, size=9)
    page.lines(56, 140, ["De raad, in vergadering bijeen, besluit het voorstel als volgt te wijzigen."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == ["Raad"]


def _sidebar_letter(sidebar: list[tuple[str, bool]], *, size: float = 7.5, step: float = 10) -> Page:
    """A letter with a colofon in a right-hand sidebar: (line, bold) pairs from its top, "" a gap."""
    page = Page().add(300, 40, "Ministerie van Waterbeheer en Polders", size=11)
    top = 110.0
    for text, bold in sidebar:
        if text:
            page.add(430, top, text, size=size, bold=bold)
        top += step
    page.lines(72, 130, ["Geachte voorzitter,", "Hierbij zend ik u de antwoorden op de vragen over de dijkversterking.",
                         "Hoogachtend, de minister."], size=9.5, leading=13)
    return page


@pytest.mark.parametrize("sidebar, expected", [
    # the kind alone on its line, the name wrapped onto the next (a narrow sidebar)
    ([("Directoraat-generaal", True), ("Ruimte en Landschap", True), ("", False), ("Datum", True),
      ("4 maart 2031", False)], "Directoraat-generaal Ruimte en Landschap"),
    # a unit inside a larger one: the smallest is the team, also when its line is set lighter
    ([("Directoraat-generaal Dijken", True), ("en Kusten", True), ("Afdeling Zandsuppleties", False), ("", False),
      ("Datum", True), ("4 maart 2031", False)], "Afdeling Zandsuppleties"),
    # a name carried on in lower case, then the address (digits) that ends it
    ([("Directie Bodem", True), ("en Ondergrond", False), ("Postbus 2031", False), ("1234 AB Waterstad", False)],
     "Directie Bodem en Ondergrond"),
])
def test_a_sidebar_names_the_unit_on_the_lines_a_narrow_column_wraps_it_onto(make_pdf, documents_of, sidebar, expected):
    """Convention: a letter's colofon names the sending unit with its kind and no colon; a narrow
    sidebar wraps a long name onto the lines below, in the same type, and names a unit inside a
    larger one on the next line: the team is the smallest unit, named in full."""
    (doc,) = documents_of(make_pdf([_sidebar_letter(sidebar)]))
    assert doc.metadata.team == expected


@pytest.mark.parametrize("items, step, expected", [
    (["1. Rapportage grondwater", "2. Kaart van de meetpunten", "3. Reactie van de", "waterschappen"], 10,
     ["Rapportage grondwater", "Kaart van de meetpunten", "Reactie van de waterschappen"]),
    # items set apart by more white space than a wrapped line, one item wrapped in tight lines
    (["- Advies van de commissie", "- Overzicht van de", "zienswijzen"], 14,
     ["Advies van de commissie", "Overzicht van de zienswijzen"]),
    (["a. Begrotingswijziging", "b. Planning van de uitvoering"], 12, ["Begrotingswijziging", "Planning van de uitvoering"]),
])
def test_a_sidebar_lists_attachments_one_item_per_list_marker(make_pdf, documents_of, items, step, expected):
    """Convention: a colofon lists its attachments under "Bijlage(n)" one per line with a list
    marker; an item that wraps goes on without a marker."""
    lines = [("Datum", True), ("4 maart 2031", False), ("", False), ("Bijlagen", True)]
    page = _sidebar_letter(lines, step=10)
    top = 110 + 10 * len(lines)
    for k, item in enumerate(items):
        page.add(430, top, item, size=7.5)
        top += 9 if (k + 1 < len(items) and list_marker_free(items[k + 1])) else step
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.attachments == expected


def list_marker_free(text: str) -> bool:
    from raadsstukken.extractors.text.normalize import list_marker
    return list_marker(text) is None


@pytest.mark.parametrize("value", ["3", "geen", "n.v.t."])
def test_a_count_of_attachments_names_none(make_pdf, documents_of, value):
    """Convention: "Bijlage(n): 2" counts the attachments; it names none of them."""
    page = _sidebar_letter([("Datum", True), ("4 maart 2031", False), ("", False), ("Bijlage(n)", True),
                            (value, False)])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.attachments == []


@pytest.mark.parametrize("label", ["Referentie", "Onze referentie", "Ons nummer"])
def test_a_ministry_prints_its_reference_as_referentie(make_pdf, documents_of, label):
    """Convention: ministries and provinces print their own reference as "(Onze) referentie" or
    "Ons nummer" in the colofon; "Uw referentie" is the addressee's and never taken."""
    page = _sidebar_letter([("Uw referentie", True), ("AB-77", False), ("", False), (label, True),
                            ("WB/2031-0456", False)])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "WB/2031-0456"


@pytest.mark.parametrize("sidebar, expected", [
    ([("Havens en Scheepvaart", True), ("", False), ("Datum", True), ("4 maart 2031", False), ("", False),
      ("Ons kenmerk", True), ("HS/2031-88", False)], "Havens en Scheepvaart"),
    ([("Natuurbeheer en", True), ("Recreatie", True), ("", False), ("Datum", True), ("4 maart 2031", False),
      ("Referentie", True), ("NR-2031-5", False)], "Natuurbeheer en Recreatie"),
    # a bold label with its value right under it is no unit
    ([("Contactpersoon", True), ("mevrouw T. de Graaf", False), ("", False), ("Datum", True), ("4 maart 2031", False),
      ("Ons kenmerk", True), ("HS/2031-88", False)], None),
    # a sidebar without field labels is no colofon
    ([("Havens en Scheepvaart", True), ("", False), ("Postbus 2031", False)], None),
])
def test_a_colofon_names_its_unit_in_bold_at_its_top(make_pdf, documents_of, sidebar, expected):
    """Convention: a letter's colofon (the house style of ministries, provinces and many
    municipalities) opens with the sending unit's name in bold, without a kind word, above its
    labelled fields; that name is the team."""
    (doc,) = documents_of(make_pdf([_sidebar_letter(sidebar)]))
    assert doc.metadata.team == expected


def test_a_label_each_item_of_a_list_prints_is_no_document_field(make_pdf, documents_of):
    """Convention: the items of a besluitenlijst each print their own "Kenmerk:" (and
    "Portefeuillehouder:"); a label that comes again with another value labels the items, not the
    document. Printed once, or again with the same value (a running header), it is the document's."""
    page = Page().add(56, 50, "Besluitenlijst", size=16, bold=True)
    top = 90
    for subject, kenmerk, holder in (("Subsidie voor het dorpshuis", "2031/0101", "wethouder Zwart"),
                                     ("Onderhoud van de kademuren", "2031/0202", "wethouder Wit")):
        page.add(56, top, subject, size=10, bold=True)
        page.add(56, top + 14, f"Kenmerk: {kenmerk}", size=8).add(56, top + 26, f"Portefeuillehouder: {holder}", size=8)
        page.lines(56, top + 42, ["Het college stemt in met het voorstel."], size=9.5)
        top += 80
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference is None and doc.metadata.portfolio_holder is None

    page = Page().add(56, 50, "Collegeadvies", size=16, bold=True)
    page.add(56, 90, "Kenmerk: 2031/0303", size=9).add(56, 104, "Zaaknummer: Z-88", size=9)
    page.lines(56, 140, ["Het college stemt in met het voorstel."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "2031/0303"


def test_a_wrapped_value_ends_at_the_next_line_in_the_labels_column(make_pdf, documents_of):
    """Convention: in a form of label/value columns, a line in the labels' column opens the next
    field even when its label is not one we read ("Vergaderplaats"); a value wrapped at a hyphen
    keeps it ("WMO-" / "loket" is "WMO-loket")."""
    page = Page().add(56, 50, "Verslag", size=16, bold=True)
    page.add(X_LABEL, 90, "Betreft", size=9, bold=True).add(X_VALUE, 90, "Overleg over de inrichting van het WMO-", size=9)
    page.add(X_VALUE, 101, "loket en de wachttijden", size=9)
    page.add(X_LABEL, 114, "Vergaderplaats en -tijd", size=8).add(X_VALUE, 115, "Raadzaal, 14 mei 2032 10:00", size=9)
    page.lines(56, 150, ["Aanwezig: de leden van het overleg."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Overleg over de inrichting van het WMO-loket en de wachttijden"


@pytest.mark.parametrize("line, expected", [
    ("Voorgesteld 9 maart 2032", date(2032, 3, 9)),
    ("Voorgesteld op 10 maart 2032", date(2032, 3, 10)),
    ("Ingediend op 11-03-2032", date(2032, 3, 11)),
])
def test_a_motion_s_moved_date_is_its_date(make_pdf, documents_of, line, expected):
    """Convention: a motion prints the day it was moved ("Voorgesteld 9 maart 2032", "Ingediend
    op …"); "Voorgesteld besluit" opens a decision, with no date."""
    page = Page().add(56, 50, "Motie van het lid De Wit", size=14, bold=True)
    page.add(56, 80, line, size=9.5)
    page.lines(56, 110, ["De raad, in vergadering bijeen,", "verzoekt het college de speeltuin te herstellen,",
                         "en gaat over tot de orde van de dag."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date == expected


@pytest.mark.parametrize("line, expected", [
    ("3. het raadsvoorstel en de begeleidende brief openbaar te maken;", "openbaar"),
    ("4. dit collegebesluit niet openbaar te maken tot de aanbesteding is gegund;", "besloten"),
    ("2. de ontvangen zienswijzen en het onderzoeksrapport openbaar te maken;", None),
    ("1. de stukken van het verzoek om informatie openbaar te maken;", None),
])
def test_a_decision_line_on_openness_speaks_of_the_paper_itself(make_pdf, documents_of, line, expected):
    """A decision to make the paper itself public (its nota, besluit, voorstel, brief) states its
    openness; one that makes other documents public (those asked for under the Woo) does not."""
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    page.add(56, 90, "Onderwerp:", size=9).add(170, 90, "Herinrichting van de haven", size=9)
    page.lines(56, 130, ["Het college besluit:", line], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.confidentiality == expected


def _label_rows(page: Page, top: float, rows: list[tuple[str, str]]) -> float:
    """A regulation's or export's metadata grid: bold labels left, values right."""
    for label, value in rows:
        page.add(X_LABEL, top, label, size=8, bold=True).add(X_VALUE, top, value, size=9)
        top += 18
    return top


def test_labels_of_a_regulation_s_metadata_grid(make_pdf, documents_of):
    """Convention of published regulations (the metadata grid above a verordening or mandaat
    besluit): the official name is the title and its "Onderwerp" a subject category; the body
    that adopted it, the day it was signed, a reference with the paper it numbers and the
    attachments sent along are fields under their own labels."""
    page = Page().add(56, 40, "Stadsverordening markten Oosterkwartier 2031", size=15, bold=True)
    _label_rows(page, 80, [("Officiële titel", "Marktverordening Oosterkwartier 2031"),
                           ("Onderwerp", "economie en werk"),
                           ("Vastgesteld door", "gemeenteraad"),
                           ("Kenmerk besluit", "RB-31-0077"),
                           ("Meegezonden bijlage", "Plattegrond standplaatsen"),
                           ("Datum ondertekening", "12-03-2031")])
    page.lines(56, 210, ["De raad van de gemeente Oosterkwartier;", "gelet op artikel 149 van de Gemeentewet;",
                         "besluit vast te stellen de volgende verordening."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    m = doc.metadata
    assert m.title == "Marktverordening Oosterkwartier 2031"
    assert m.bodies == ["Raad"] and m.reference == "RB-31-0077"
    assert m.attachments == ["Plattegrond standplaatsen"] and m.decision_date == date(2031, 3, 12)


def test_nummer_alone_on_a_label_row_is_the_reference(make_pdf, documents_of):
    page = Page().add(56, 40, "Verslag van de commissie Bestuur", size=15, bold=True)
    _label_rows(page, 80, [("Nummer", "VB-3317"), ("Vergadering", "dinsdag 4 maart 2031")])
    page.lines(56, 140, ["Aanwezig waren de leden van de commissie en de portefeuillehouder."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == "VB-3317"


def test_a_table_header_row_holds_no_field_values(make_pdf, documents_of):
    """Convention of a besluitenlijst set as one table: its header row ("Nr. | Onderwerp |
    Toelichting | Besluit") names columns; "Onderwerp" there is no title label and the header
    beside it is no title."""
    page = Page().add(56, 40, "Besluiten van het college, 3 juni 2031", size=15, bold=True)
    for x, word in zip((56, 100, 260, 420), ("Nr.", "Onderwerp", "Toelichting", "Besluit")):
        page.add(x, 90, word, size=8, bold=True)
    page.add(56, 108, "1", size=8.5).add(100, 108, "Speelplaats Esdoornlaan", size=8.5)
    page.add(260, 108, "Vervanging van de toestellen", size=8.5).add(420, 108, "Conform advies.", size=8.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title is None
    assert doc.part.title == "Besluiten van het college, 3 juni 2031"


@pytest.mark.parametrize("first, second", [
    ("Toelichting: zie de bijgevoegde notitie", None),
    ("Stand van zaken: in uitvoering", None),
    ("van de openbare ruimte", "van de openbare ruimte"),
])
def test_a_long_value_ends_at_a_line_with_a_label_of_its_own(make_pdf, documents_of, first, second):
    """Exports print every field on its own line ("Titel: …", "Status: …"), labels the rules
    need not know: a title's value ends at the next line that opens with a capitalised label and
    its colon; a wrapped line without one carries the value on."""
    page = Page().add(56, 40, "Raadsvoorstel", size=15, bold=True)
    page.lines(56, 80, ["Titel: Herinrichting en beheer", first, "Datum: 4 april 2031"], size=9.5, leading=12)
    page.lines(56, 140, ["Het college stelt de raad voor het beheerplan vast te stellen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    expected = "Herinrichting en beheer" + (f" {second}" if second else "")
    assert doc.metadata.title == expected


@pytest.mark.parametrize("label", ["Datum", "Vergaderdatum"])
def test_the_date_field_of_a_meeting_s_list_is_its_decision_date(make_pdf, documents_of, label):
    """A besluitenlijst's date field names the meeting whose decisions it lists."""
    page = Page().add(56, 40, "Besluitenlijst", size=15, bold=True)
    page.add(56, 64, "Collegevergadering Oosterkwartier", size=12, bold=True)
    _label_rows(page, 90, [(label, "7 mei 2031")])
    page.lines(56, 130, ["1. Kermis 2031", "Besluit: conform advies vastgesteld."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert doc.metadata.decision_date == date(2031, 5, 7)


@pytest.mark.parametrize("under", [True, False])
def test_a_parliamentary_paper_s_head_gives_its_dossier_and_number(make_pdf, documents_of, under):
    """Convention of Kamerstukken: the dossier's number and name on the first line, the paper's
    number under it ("Nr. 14"), set apart like a page header: the reference "31 502, nr. 14"."""
    page = Page().add(70, 72, "31 502", size=12, bold=True).add(177, 72, "Kustverdediging Waddeneilanden", size=12)
    if under:
        page.add(70, 92, "Nr. 14", size=12, bold=True).add(142, 92, "Brief van de minister", size=12)
    else:
        page.add(142, 92, "Brief van de minister", size=12)
    page.lines(70, 130, ["Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Den Haag, 3 maart 2031",
                         "Hierbij informeer ik uw Kamer over de versterking van de duinen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == ("31 502, nr. 14" if under else None)


@pytest.mark.parametrize("label", ["Onderwerp.", "Onderwerp ,", "Onderwerp"])
def test_a_label_with_stray_punctuation_takes_the_value_below(make_pdf, documents_of, label):
    """OCR reads a speck after a small label ("Onderwerp."): the label is alone on its line and
    its value is the line below, as without the speck."""
    page = Page().add(62, 50, "Brief aan de raad", size=14, bold=True)
    page.add(68, 90, label, size=6).add(68, 102, "Verlenging van de busconcessie", size=9)
    page.lines(68, 140, ["Geachte leden van de raad,", "Hierbij informeren wij u over de concessie."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Verlenging van de busconcessie"


def test_a_label_word_that_cites_a_law_inside_a_sentence_is_no_field(make_pdf, documents_of):
    """A narrow column may start a line with a label's word ("afdeling 10.1.1 van de Algemene wet
    bestuursrecht"): a reference into a law, inside a running sentence, not a unit."""
    page = Page().add(56, 40, "Delegatiebesluit Oostwold 2031", size=15, bold=True)
    page.lines(56, 80, ["Het college van burgemeester en wethouders, gelet op het bepaalde in",
                        "afdeling 10.1.1 van de Algemene wet bestuursrecht;", "besluit:",
                        "vast te stellen het Delegatiebesluit Oostwold 2031."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team is None


@pytest.mark.parametrize("label", ["Publicatiedatum", "Datum van bekendmaking", "Datum publicatie"])
def test_a_publication_s_date_is_its_document_date(make_pdf, documents_of, label):
    page = Page().add(56, 40, "Kennisgeving vaststelling parkeerverordening", size=15, bold=True)
    _label_rows(page, 80, [(label, "14-05-2031"), ("Organisatie", "Oostwold")])
    page.lines(56, 130, ["Burgemeester en wethouders maken bekend dat de raad de verordening heeft vastgesteld."],
               size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.document_date == date(2031, 5, 14)


@pytest.mark.parametrize("kind, own, subject", [
    ("Motie", "Een veilige oversteek bij de sluis", "Begrotingsbehandeling 2032"),
    ("Amendement", "Meer geld voor het buurtwerk in Oosthoek", "Voorjaarsnota 2032"),
    ("Besluit", "Regels over het mandaat van de directeur van de milieudienst", "bestuur en organisatie"),
])
def test_the_paper_s_own_title_over_a_subject_field_that_names_something_else(make_pdf, documents_of,
                                                                              kind, own, subject):
    """Convention of motions, amendments and regulations: the paper's own title is printed at its
    head (under its kind line) and a subject field under it names what it belongs to (the agenda
    subject of the debate, a regulation's subject category): the paper's title is its own."""
    page = Page().add(56, 36, "Gemeente Zuidwaard", size=8)
    page.add(56, 70, kind, size=8).add(56, 84, own, size=17, bold=True)
    page.lines(56, 120, ["Datum: 3 maart 2032", f"Onderwerp: {subject}"], size=10, leading=14)
    page.lines(56, 170, ["De raad van de gemeente Zuidwaard, in vergadering bijeen op 3 maart 2032,",
                         "overwegende dat de raad tijdig wil worden gehoord;"], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == own
    assert doc.metadata.title == own
    assert doc.metadata.methods["title"] == "split:own_over_subject"


@pytest.mark.parametrize("own, subject", [
    ("Herinrichting van het Stationsplein", "Herinrichting van het Stationsplein"),  # repeated
    ("Raadsinformatiebrief Stationsplein", "Stationsplein"),  # part of the title
    ("Notitie", "Verkeersveiligheid rond de basisscholen"),  # a kind word the rules need not know
])
def test_a_subject_field_that_repeats_the_title_or_under_a_bare_kind_word_titles_the_paper(
        make_pdf, documents_of, own, subject):
    """A subject field that repeats the large title, or is part of it, or that sits under a bare
    kind word is the paper's title as printed in the field."""
    page = Page().add(56, 70, own, size=17, bold=True)
    page.lines(56, 110, ["Datum: 3 maart 2032", f"Onderwerp: {subject}"], size=10, leading=14)
    page.lines(56, 160, ["Het college informeert de raad over de stand van zaken."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == subject


@pytest.mark.parametrize("label", ["Vastgesteld", "Vastgesteld op", "Vastgesteld:"])
def test_the_day_a_report_was_adopted_is_its_document_date(make_pdf, documents_of, label):
    """Convention of reports of a consultation or meeting (Kamerstukken, commissies): the day the
    report was adopted ("Vastgesteld 4 februari 2032") under its title is its date; a report
    records no decision."""
    page = Page().add(70, 60, "Verslag van een hoorzitting over de dijkversterking", size=13, bold=True)
    page.add(70, 84, f"{label} 4 februari 2032", size=10)
    page.lines(70, 120, ["De vaste commissie heeft op 12 januari 2032 een hoorzitting gehouden over de",
                         "versterking van de dijken langs de rivier. Aanwezig waren zes deskundigen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "verslag"
    assert doc.metadata.document_date == date(2032, 2, 4)
    assert doc.metadata.decision_date is None


@pytest.mark.parametrize("code", ["36410-12", "34567-XIV-203", "29999-7"])
def test_a_parliamentary_paper_s_dossier_code_at_its_head_is_its_reference(make_pdf, documents_of, code):
    """Convention of parliamentary exports (a motion as the Kamer publishes it): the dossier and
    the paper's number as one code alone at the head of the page ("36410-12")."""
    page = Page().add(28, 27, code, size=10).add(480, 27, "9 april 2032", size=10)
    page.add(28, 48, "Regels over de inrichting van de kustzone", size=10)
    page.add(28, 62, "MOTIE VAN HET LID DE GRAAF", size=10)
    page.lines(96, 120, ["De Kamer,", "gehoord de beraadslaging,", "verzoekt de regering de kust te beschermen,",
                         "en gaat over tot de orde van de dag."], size=12, leading=22)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.reference == code


@pytest.mark.parametrize("subject", [
    ["Klacht over de", "afhandeling van", "ons verzoek"],
    ["Verzoek om uitstel", "van de termijn"],
    ["Reactie op het", "ontwerp van de", "structuurvisie", "Noordrand"],
])
def test_a_sidebar_value_wraps_past_a_label_of_the_body_beside_it(make_pdf, documents_of, subject):
    """Convention of letters with a sidebar: a value under its label in the sidebar wraps over
    narrow lines; a label that the letter's body prints on the same line further left
    ("Betreft: …" in the body) is another column's, it does not end the sidebar's value."""
    page = Page().add(56, 40, "Vereniging Dorpsbelang Westerzand", size=12)
    page.add(56, 100, "Aan het college van burgemeester en wethouders", size=10)
    page.add(350, 100, "onderwerp", size=7)
    top = 112
    for k, line in enumerate(subject):
        page.add(350, top + 12 * k, line, size=9)
    page.add(56, top + 12, "Betreft: " + " ".join(subject), size=10)
    page.lines(56, top + 12 * len(subject) + 30, ["Geacht college,", "Met deze brief vragen wij uw aandacht."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == " ".join(subject)


@pytest.mark.parametrize("speck", ["d", "i", "x"])
def test_a_lone_small_letter_after_a_label_is_an_ocr_speck(make_pdf, documents_of, speck):
    """OCR reads a speck beside a small label as a letter ("Onderwerp d"): the label stands alone
    and its value is the line below."""
    page = Page().add(62, 50, "gemeente", size=8).add(62, 62, "Noordwaard", size=12)
    page.add(68, 100, f"Onderwerp {speck}", size=8).add(68, 114, "TARIEVEN VOOR DE HAVENGELDEN 2033", size=9)
    page.lines(68, 150, ["De raad van de gemeente Noordwaard;", "besluit:"], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "TARIEVEN VOOR DE HAVENGELDEN 2033"


@pytest.mark.parametrize("second", ["Waterstaat en Bodem", "Wonen en Ruimte", "Zorg en Jeugd"])
def test_a_letterhead_line_set_large_is_no_own_title_over_the_subject(make_pdf, documents_of, second):
    """A ministry's letterhead wraps its name in a corner, its second line set large: the subject
    field of the letter ("Betreft: …") stays its title."""
    page = Page().add(318, 87, "Ministerie van Binnenlandse", size=9.8).add(317, 98, second, size=13)
    page.lines(82, 170, ["De heer P. Verhoef", "Postbus 12", "9999 AA Noordwaard"], size=9)
    page.add(81, 320, "Datum:", size=9.8).add(150, 320, "3 maart 2032", size=9)
    page.add(81, 336, "Betreft:", size=9.8).add(150, 336, "Besluit op uw verzoek om informatie over de sluis", size=9)
    page.lines(81, 380, ["Geachte heer Verhoef,", "Op uw verzoek van 2 januari 2032 besluit ik als volgt."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Besluit op uw verzoek om informatie over de sluis"


@pytest.mark.parametrize("kind", ["Raadsbesluit", "COLLEGEBESLUIT", "Statenbesluit"])
def test_a_paper_titled_only_by_its_type_line_has_that_line_as_its_title(make_pdf, documents_of, kind):
    """A paper that prints no title or subject besides its type line is titled by that line as
    printed; a subject field, where there is one, titles it instead (tests above). (A bare
    "AMENDEMENT" or "Motie" is a kind word: a motion is titled by its subject, or has no title,
    tests/extractors/structure/test_typed_papers.py.)"""
    page = Page().add(57, 34, "Gemeente Oostwaard", size=8).add(57, 83, kind, size=19.5, bold=True)
    page.lines(57, 120, ["Kenmerk: 55120", "Vergadering van: Gemeenteraad"], size=9, leading=12)
    page.lines(57, 170, ["De raad van de gemeente Oostwaard;", "gelet op artikel 147 van de Gemeentewet;", "besluit:",
                         "1. het plan voor de haven vast te stellen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == kind
    assert doc.metadata.methods["title"] == "split:type_line"


@pytest.mark.parametrize("subject, beside", [
    ("Uitwerking van de motie over de kustverdediging", None),      # the kind word is a logo
    ("Reactie op het advies van de Raad voor het Openbaar Bestuur", "Nt ota"),  # OCR reads it garbled
    ("Planning van de evaluatie Omgevingswet", "nota"),
])
def test_a_note_s_subject_line_standing_alone_at_its_head_is_its_title(make_pdf, documents_of, subject, beside):
    """Convention of ministries' notes: the subject is one line at the head, indented from the
    text's left margin (beside the kind word, which may be a logo or read garbled), over the note's
    first heading; with no title block or subject field, it is the title."""
    page = Page().add(79, 159, "TER BESLISSING", size=5.5, bold=True).add(79, 168, "Aan: DGBW", size=7.2)
    page.add(460, 160, "Directie Bestuur", size=6, bold=True).add(460, 180, "Datum", size=6, bold=True)
    page.add(460, 188, "3 maart 2032", size=6)
    if beside:
        page.add(78, 268, beside, size=9)
    page.add(190, 270, subject, size=7.2)
    page.add(79, 320, "Aanleiding", size=8, bold=True)
    page.lines(79, 336, ["De Kamer heeft gevraagd om een uitwerking van de toezeggingen die in het debat",
                         "zijn gedaan. In deze nota leest u welke stappen wij voorstellen."], size=7.2, leading=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == subject
    assert doc.metadata.methods["title"] == "subject_line"


def test_an_indented_date_or_sentence_at_a_letter_s_head_is_no_subject_line(make_pdf, documents_of):
    """A date line or a closing sentence set indented is no subject: the title stays unknown."""
    page = Page().add(250, 150, "Noordwaard, 3 maart 2032", size=9)
    page.add(250, 170, "Met vriendelijke groet aan allen.", size=9)
    page.lines(79, 220, ["Beste buren, volgende week wordt de straat opnieuw bestraat. De aannemer begint",
                         "op maandag en is naar verwachting vrijdag klaar."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title is None


@pytest.mark.parametrize("meeting, body", [
    ("Gemeenteraad", "Raad"), ("College van B&W", "B&W"), ("Provinciale Staten", "PS"),
])
def test_a_meeting_field_names_the_body_that_meets(make_pdf, documents_of, meeting, body):
    """Convention of council exports: "Vergadering: <body>" names the body whose meeting the paper
    belongs to."""
    page = Page().add(56, 40, "Besluitenlijst van 12 mei 2032", size=15, bold=True)
    _label_rows(page, 80, [("Vergadering", meeting), ("Locatie", "Raadzaal")])
    page.lines(56, 130, ["1. Opening", "Besluit: de agenda wordt vastgesteld."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == [body]


@pytest.mark.parametrize("first", ["forum 12-05-2032, Zaal 3", "vergadering van 12 mei 2032", "Oordeelsvormend"])
def test_a_bodies_field_that_names_no_body_gives_way_to_the_next(make_pdf, documents_of, first):
    """A meeting field whose value names no body (a date, a room, a kind of session) is passed
    over; the body comes from the next field that names one."""
    page = Page().add(56, 40, "Verslag van het forum", size=15, bold=True)
    _label_rows(page, 80, [("Vergadering", first), ("Bestuursorgaan", "Gemeenteraad")])
    page.lines(56, 130, ["Aanwezig: A. Jansen, B. de Vries.", "De voorzitter opent de vergadering."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.bodies == ["Raad"]


@pytest.mark.parametrize("second", ["Verzonden op: 4 maart 2032", "Uw brief van: 12-02-2032", "Ons nummer: 88123"])
def test_a_value_ends_where_a_second_field_starts_on_its_line(make_pdf, documents_of, second):
    """Convention of letters whose two columns of fields are set on one line: "Onderwerp: … Verzonden
    op: 4 maart 2032"; the subject ends where the next label and its value begin."""
    page = Page().add(68, 60, "Gemeente Oostwaard", size=12)
    page.add(68, 120, f"Onderwerp: Vragen over de bomenkap aan de Dorpsweg {second}", size=9.5)
    page.lines(68, 150, ["Geachte heer Bosman,", "Hierbij beantwoorden wij uw vragen over de bomenkap."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == "Vragen over de bomenkap aan de Dorpsweg"


@pytest.mark.parametrize("neighbour", ["Behandelaar", "Contactpersoon", "Opsteller"])
def test_an_empty_form_cell_is_null_not_the_next_cells_label(make_pdf, documents_of, neighbour):
    """Convention: a form grid prints its labels whether or not it fills them in; the cell beside
    (or under) an empty label that holds only another label is no value: the field is null."""
    page = Page().add(56, 50, "Nota aan het college", size=16, bold=True)
    grid = [(("Onderwerp", "Verlichting fietspad langs de Weidesloot"), ("Datum", "7 maart 2031")),
            (("Registratienummer", "RN-31-0088"), ("Portefeuillehouder", "P. Verhoef")),
            (("Afdeling", ""), (neighbour, ""))]
    top = 90
    for (l1, v1), (l2, v2) in grid:
        page.add(X_LABEL, top, l1, size=9, bold=True).add(300, top, l2, size=9, bold=True)
        if v1:
            page.add(X_LABEL, top + 13, v1, size=9)
        if v2:
            page.add(300, top + 13, v2, size=9)
        top += 40
    page.lines(56, top + 20, ["Het college wordt gevraagd in te stemmen met de aanleg van lantaarns."])
    (doc,) = documents_of(make_pdf([page]))
    m = doc.metadata
    assert m.title == "Verlichting fietspad langs de Weidesloot"
    assert m.reference == "RN-31-0088" and m.portfolio_holder == "P. Verhoef"
    assert m.team is None


@pytest.mark.parametrize("kind, name", [
    ("Programmadirectie", "Openbaarheid"),
    ("Afdeling", "Programma en Projecten"),
    ("Directie", "Openbaarheid en Informatie"),
])
def test_the_line_under_a_bare_unit_kind_in_a_sidebar_names_the_unit(make_pdf, documents_of, kind, name):
    """Convention: a letter's sidebar wraps the sending unit after its kind ("Directie" / "Water");
    a kind alone is never the whole name, so the line under it names the unit, also where that word
    is some field's label elsewhere, and also where an OCR'd box is a little higher or lower."""
    page = Page().add(56, 60, "Besluit op uw verzoek om informatie", size=14, bold=True)
    page.add(420, 120, kind, size=8).add(420, 130, name, size=9.5)
    page.add(420, 160, "Ons kenmerk", size=8, bold=True).add(420, 171, "31-00417-XYZ", size=8)
    page.lines(56, 120, ["Geachte heer Veldkamp,", "Op 3 maart 2031 heeft u ons gevraagd om de stukken over de",
                         "herinrichting van het stationsplein. Met deze brief beslis ik op uw verzoek.",
                         "Met vriendelijke groet,", "de directeur"], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team == f"{kind} {name}"


def test_a_stacked_empty_unit_label_does_not_take_the_label_under_it(make_pdf, documents_of):
    page = Page().add(56, 60, "Nota aan het college", size=14, bold=True)
    for k, (label, value) in enumerate([("Onderwerp", "Herziening marktreglement"), ("Afdeling", ""),
                                        ("Behandelaar", ""), ("Datum", "4 april 2031")]):
        page.add(56, 100 + 13 * k, label, size=9, bold=True)
        if value:
            page.add(200, 100 + 13 * k, value, size=9)
    page.lines(56, 180, ["Het college wordt gevraagd het reglement vast te stellen."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.team is None


@pytest.mark.parametrize("before, label_line", [
    ("De vaccinaties (Rijksvaccinatie", "Programma) worden in de regio door de GGD gegeven."),
    ("De stukken gaan naar de raad (via de griffie en de", "Afdeling) zodra het college heeft besloten."),
    ("Het advies komt van de commissie (zie het", "Onderwerp) en wordt volgende week besproken."),
])
def test_a_label_word_before_a_closing_parenthesis_is_no_field(make_pdf, documents_of, before, label_line):
    """Convention: a field is read from a label, never from a running sentence; a label word that a
    wrapped sentence carries onto the next line, right before a closing parenthesis, is no label."""
    page = Page().add(56, 60, "Memo over de uitvoering", size=14, bold=True)
    page.lines(56, 100, [before, label_line, "Daarna volgt een evaluatie."], leading=13)
    (doc,) = documents_of(make_pdf([page]))
    m = doc.metadata
    assert m.programme is None and m.team is None
    assert m.title in (None, "Memo over de uitvoering")


@pytest.mark.parametrize("subject", ["Collegevergadering 3 maart 2031", "Programma Wonen 2031-2035",
                                     "Directie Bedrijfsvoering: jaarplan 2031"])
def test_a_grid_value_set_in_the_values_type_belongs_to_the_label_above_it(make_pdf, documents_of, subject):
    """Convention: a form grid of label-above-value cells sets its labels in one small type and its
    values larger; the cell under a label alone is its value, also where it opens with a word that
    some label uses (and the label beside it in the row is another cell's)."""
    page = Page().add(56, 50, "BESLUITENLIJST", size=18, bold=True)
    page.add(62, 90, "Onderwerp", size=7).add(303, 90, "Datum", size=7)
    page.add(62, 99, subject, size=10).add(303, 99, "03-03-2031", size=10)
    page.add(62, 122, "Nummer", size=7).add(303, 122, "Portefeuillehouder", size=7)
    page.lines(56, 170, ["1. Opening", "Besluit: de agenda wordt vastgesteld."], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.metadata.title == subject
