"""Splitting compound PDFs into documents and telling their kinds, on generated papers."""
from __future__ import annotations

from datetime import date

import pytest

from raadsstukken.extractors.structure.split import classify_title
from tests.pdfs import Page


def _form_page(title: str, subject: str, footer: str) -> Page:
    page = Page().add(56, 50, title, size=16, bold=True)
    page.add(56, 90, "Onderwerp", size=9, bold=True).add(200, 90, subject, size=9)
    page.lines(56, 130, ["Het college legt de raad een besluit voor over de verlichting", "van de fietspaden."])
    page.add(56, 805, footer, size=8)
    return page


def _compound() -> list[Page]:
    pages = [_form_page("Collegeadvies", "Verlichting fietspaden", "Advies 2023-88 - 1")]
    pages.append(_form_page("Voorstel aan de gemeenteraad", "Verlichting fietspaden", "Voorstel 2023-88 - 1"))
    besluit = Page().add(56, 60, "De raad van de gemeente Hoogwoud,")
    besluit.add(56, 80, "gelezen het voorstel van burgemeester en wethouders van 3 oktober 2023;")
    besluit.add(56, 110, "Besluit:", bold=True).add(56, 126, "1. het krediet beschikbaar te stellen.")
    pages.append(besluit)
    pages.append(Page().add(56, 300, "Jaarverslag Openbare Verlichting 2023", size=30, bold=True))
    for n in (2, 3):
        body = Page().add(56, 28, "Jaarverslag Openbare Verlichting", size=8)
        body.lines(56, 80, ["In het afgelopen jaar zijn vierhonderd lantaarnpalen vervangen door", "zuinige ledlampen."])
        body.add(500, 805, f"pagina {n}", size=8)
        pages.append(body)
    return pages


def test_compound_pdf_is_split_by_kind(make_pdf, documents_of):
    docs = documents_of(make_pdf(_compound()))
    assert [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in docs] == [
        ("nota_bw", 1, 1), ("raadsvoorstel", 2, 2), ("raadsbesluit", 3, 3), ("voortgangsrapportage", 4, 6)]
    assert docs[3].part.title == "Jaarverslag Openbare Verlichting 2023"
    headings = [s.heading for d in docs for s in d.sections if s.heading]
    assert "Collegeadvies" not in headings and "Jaarverslag Openbare Verlichting 2023" not in headings
    assert docs[0].metadata.title == docs[1].metadata.title == "Verlichting fietspaden"


def test_single_document_pdf_is_one_document(make_pdf, documents_of):
    first, second = Page(), Page()
    first.lines(56, 80, ["Beste bewoners,", "Volgende week wordt de straat opnieuw bestraat."])
    second.lines(56, 80, ["Met vriendelijke groet,", "de projectleider"])
    pages = [first, second]
    docs = documents_of(make_pdf(pages))
    # one document; the closing formula of a letter makes it a `brief`
    assert [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in docs] == [("brief", 1, 2)]


def test_unknown_kind_keeps_the_metadata_it_has(make_pdf, documents_of):
    page = Page().add(56, 50, "Memo", size=16, bold=True)
    page.add(56, 90, "Datum: 3 maart 2024", size=10).add(56, 106, "Onderwerp: Proef met deelscooters", size=10)
    page.lines(56, 140, ["De proef loopt tot de zomer."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "onbekend"
    assert doc.metadata.document_date == date(2024, 3, 3)
    assert doc.metadata.title == "Proef met deelscooters"
    assert doc.metadata.reference is None


def test_classify_title():
    assert classify_title("Nota voor het college van burgemeester en wethouders") == ("nota_bw", True)
    assert classify_title("RAADSVOORSTEL") == ("raadsvoorstel", True)
    assert classify_title("Ontwerp-raadsbesluit") == ("raadsbesluit", True)
    assert classify_title("Raadsinformatiebrief 2024-12") == ("raadsmededeling", True)
    assert classify_title("Besluitenlijst van de collegevergadering") == ("besluitenlijst", True)
    assert classify_title("Integraal Veiligheidsplan 2025-2028") == ("beleidsplan", False)
    assert classify_title("Jaarrapportage Leerplicht 2023") == ("voortgangsrapportage", False)
    assert classify_title("Uitvoeringsprogramma Wonen") == ("uitvoeringsagenda", False)
    assert classify_title("Hoofdstuk 3") is None


def test_letterhead_form_values_and_item_labels_are_never_headings(make_pdf, documents_of):
    """Conventions of forms from suppliers' systems: the sending body's name at the top is a
    letterhead (neither title nor heading); the subject is a form value, also when set large or
    repeated in large type below the form; in a besluitenlijst the bold "Besluit" under each
    agenda item labels its decision."""
    page = Page().add(60, 50, "Waterschap Lage Landen", size=18, bold=True)
    page.add(60, 90, "BESLUITENLIJST", size=13, bold=True)
    page.add(66, 120, "Onderwerp", size=8, bold=True).add(190, 120, "Vergadering algemeen bestuur", size=10.5, bold=True)
    page.add(66, 136, "Vergaderdatum", size=8, bold=True).add(190, 136, "8 mei 2031", size=8)
    page.add(60, 170, "Vergadering algemeen bestuur", size=15, bold=True)
    page.add(60, 200, "1. Opening en mededelingen", size=11, bold=True)
    page.add(72, 218, "Besluit", size=9.5, bold=True).add(72, 232, "De agenda wordt ongewijzigd vastgesteld.", size=9.5)
    page.add(60, 260, "2. Baggerplan vaarten", size=11, bold=True)
    page.lines(72, 278, ["Het dagelijks bestuur licht toe dat de vaarten in de polders om de acht jaar",
                         "worden gebaggerd en dat de planning voor de komende jaren is afgestemd",
                         "met de gemeenten en de agrarische natuurverenigingen in het gebied."], size=9.5)
    page.add(72, 330, "Besluit", size=9.5, bold=True).add(72, 344, "Het baggerplan wordt conform vastgesteld.", size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    headings = [s.heading for s in doc.sections if s.heading]
    # an agenda item's heading as printed; its number is the decision's agenda item
    assert headings == ["1. Opening en mededelingen", "2. Baggerplan vaarten"]
    assert doc.metadata.title == "Vergadering algemeen bestuur"
    assert [d.text for d in doc.decisions] == ["De agenda wordt ongewijzigd vastgesteld.",
                                               "Het baggerplan wordt conform vastgesteld."]
    assert [d.agenda_item for d in doc.decisions] == ["1", "2"]


def test_a_subject_repeated_large_under_a_wrapped_form_value_is_no_heading(make_pdf, documents_of):
    """An export prints the subject in the form (wrapping in its cell, other fields beside it)
    and again large below the form: the large copy is the form's value, not a first heading. A
    type line of one word ("BESLUIT") above the form names the kind and is no heading either."""
    page = Page().add(60, 50, "Hoogheemraadschap Polderland", size=18, bold=True)
    page.add(60, 88, "BESLUIT", size=13, bold=True)
    page.add(66, 116, "Onderwerp", size=9, bold=True).add(190, 116, "Regeling voor het onderhoud van", size=9)
    page.add(190, 128, "kaden en boezemdijken", size=9)
    page.add(66, 146, "Zaaknummer", size=9, bold=True).add(190, 146, "HP-2031-0412", size=9)
    page.add(60, 190, "Regeling voor het onderhoud van kaden en boezemdijken", size=16, bold=True)
    page.lines(60, 220, ["Het dagelijks bestuur van het hoogheemraadschap heeft kennisgenomen van het",
                         "advies van de commissie waterkeringen over de staat van de kaden."])
    page.add(60, 270, "Besluit:", bold=True).add(60, 286, "1. de regeling vast te stellen.")
    page.add(60, 320, "Artikel 1. Werkingssfeer", size=12, bold=True)
    page.lines(60, 340, ["Deze regeling geldt voor alle kaden en boezemdijken in het beheergebied."])
    (doc,) = documents_of(make_pdf([page]))
    headings = [s.heading for s in doc.sections if s.heading]
    assert headings == ["Besluit:", "Artikel 1. Werkingssfeer"]
    assert doc.part.title is None  # "BESLUIT" names the kind, not the paper
    assert doc.metadata.title == "Regeling voor het onderhoud van kaden en boezemdijken"


def test_a_decision_label_with_its_item_number_hanging_is_no_heading(make_pdf, documents_of):
    """Items without a subject hang their number before the decision label ("3 Besluit:"); the
    label is a label, and its number the decision's agenda item."""
    page = Page().add(60, 60, "Besluitenlijst van het dagelijks bestuur", size=15, bold=True)
    page.add(60, 100, "3", size=10).add(84, 100, "Besluit:", size=10, bold=True)
    page.add(84, 116, "Het bestuur stemt in met de aanbesteding van de gemalen.", size=10)
    page.add(60, 140, "4", size=10).add(84, 140, "Besluit:", size=10, bold=True)
    page.add(84, 156, "Het bestuur stelt de nota reserves en voorzieningen vast.", size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [s.heading for s in doc.sections if s.heading] == []
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("3", "Het bestuur stemt in met de aanbesteding van de gemalen."),
        ("4", "Het bestuur stelt de nota reserves en voorzieningen vast.")]


def test_the_block_that_opens_a_first_page_is_the_title_not_a_heading(make_pdf, documents_of):
    """Convention of publications (Gemeenteblad, Provinciaal blad, a supplier's export): the
    paper's subject opens its first page in large type, without a section number, with the
    paper's fields under it; a numbered block in the same place is the first heading."""
    page = Page().add(70, 110, "Aanwijzing van parkeerzones in de binnenstad", size=14.5, bold=True)
    page.lines(70, 128, ["Datum: 3 maart 2031 Bestuursorgaan: College van burgemeester en wethouders"], size=10)
    page.lines(70, 150, ["Het college van burgemeester en wethouders maakt bekend dat de zones voor",
                         "betaald parkeren met ingang van het nieuwe jaar worden uitgebreid."], size=10)
    page.add(70, 190, "Toelichting", size=11, bold=True)
    page.lines(70, 208, ["De uitbreiding volgt op de evaluatie van de parkeerdruk in de schilwijken."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Aanwijzing van parkeerzones in de binnenstad"
    assert [s.heading for s in doc.sections if s.heading] == ["Toelichting"]

    numbered = Page().add(70, 110, "Deel 1: Aanleiding", size=14.5, bold=True)
    numbered.lines(70, 140, ["De parkeerdruk in de schilwijken is de afgelopen jaren sterk gestegen, zo blijkt",
                             "uit de tellingen van het afgelopen voorjaar."], size=10)
    numbered.add(70, 190, "2. Voorstel", size=14.5, bold=True)
    numbered.lines(70, 208, ["Wij stellen voor de zones uit te breiden."], size=10)
    (doc,) = documents_of(make_pdf([numbered]))
    assert [s.heading for s in doc.sections if s.heading] == ["Deel 1: Aanleiding", "2. Voorstel"]


def test_a_wrapped_title_is_whole_and_a_short_paper_keeps_its_headings(make_pdf, documents_of):
    """A title set large over two lines is one title; a one-page paper with a paragraph of running
    text is no cover page, so its headings stay headings."""
    page = Page().add(56, 40, "Voorstel aan de gemeenteraad", size=8)
    page.add(56, 56, "Kwijtschelding van leges voor", size=20, bold=True)
    page.add(56, 80, "verenigingen 2032", size=20, bold=True)
    page.add(56, 120, "Aanleiding", size=13, bold=True)
    page.lines(56, 142, ["Verenigingen betalen leges voor hun evenementen; het college wil die",
                         "voor een proefperiode van twee jaar kwijtschelden."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Kwijtschelding van leges voor verenigingen 2032"
    assert [s.heading for s in doc.sections if s.heading] == ["Aanleiding"]


def test_a_type_line_that_names_the_paper_is_its_title_in_the_body_size(make_pdf, documents_of):
    """Convention of besluitenlijsten, moties and parliamentary papers: the first line names the
    kind and the paper ("Besluitenlijst van de commissievergadering …", "MOTIE VAN HET LID …"),
    set bold or in capitals but hardly larger than the body. It is the title (a meeting's start
    time cut off), not the first heading; and the besluitenlijst was decided on the date it names."""
    page = Page().add(60, 60, "Besluitenlijst van de commissievergadering 14 maart 2033, aanvang 20.15 uur",
                      size=11.5, bold=True)
    page.add(60, 90, "1. Vaststellen van de agenda", bold=True)
    page.lines(60, 104, ["De commissie stelt de agenda zonder wijzigingen vast."])
    page.add(60, 130, "2. Parkeerbeleid Noordkwartier", bold=True)
    page.lines(60, 144, ["De commissie adviseert het voorstel als hamerstuk te behandelen."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Besluitenlijst van de commissievergadering 14 maart 2033"
    assert doc.metadata.decision_date == date(2033, 3, 14)
    assert [s.heading for s in doc.sections if s.heading] == ["1. Vaststellen van de agenda",
                                                              "2. Parkeerbeleid Noordkwartier"]

    motie = Page().add(60, 50, "Provinciale Staten van Oostmark", size=16, bold=True)
    motie.add(60, 100, "17", size=40)
    motie.add(60, 160, "412", size=12).add(200, 160, "Waterkwaliteit", size=12, bold=True)
    motie.add(200, 200, "MOTIE VAN HET LID VEENSTRA-BOSMA", size=9, bold=True)
    motie.lines(200, 214, ["De Staten, in vergadering bijeen,", "gehoord de beraadslaging,",
                           "constaterende dat de meetpunten in de polders al jaren niet zijn vernieuwd;",
                           "overwegende dat de zomers droger worden en de kwaliteit daalt;",
                           "verzoeken het college de meetpunten uit te breiden,",
                           "en gaan over tot de orde van de dag."], size=9)
    (doc,) = documents_of(make_pdf([motie]))
    assert doc.part.doc_type == "motie"
    assert doc.part.title == "MOTIE VAN HET LID VEENSTRA-BOSMA"
    # the series' name, volume number and dossier above the title are its masthead, not headings
    assert [s.heading for s in doc.sections if s.heading] == []
    assert "Waterkwaliteit" in " ".join(s.text for s in doc.sections)


def test_an_annex_title_names_the_annex():
    """"Bijlage 3: Zienswijzen" names the annex; "Bijlage 3" alone only the kind of paper."""
    from raadsstukken.extractors.structure.doc_types import names_kind_and_subject, names_only_the_kind

    assert names_kind_and_subject("Bijlage II overzicht van de ingediende zienswijzen")
    assert names_only_the_kind("Bijlage 4") and not names_kind_and_subject("Bijlage 4")
    assert names_kind_and_subject("Motie van de leden Bakker en De Wit")
    assert not names_kind_and_subject("Het college stelt voor")


@pytest.mark.parametrize("kind, subject, doc_type", [
    ("nota", "Opschaling van de veerdienst naar de eilanden", "nota_bw"),
    ("Beslisnota", "Verlenging van de pilot met deelfietsen", "nota_bw"),
    ("Raadsvoorstel", "Krediet voor de renovatie van het zwembad", "raadsvoorstel"),
])
def test_the_subject_beside_a_large_kind_word_is_the_title(make_pdf, documents_of, kind, subject, doc_type):
    """Convention: a note names its kind in one large word in the left margin and prints its
    subject beside it, in body type, on the same band (as ministries and many municipalities set
    their notes): the subject is the title, the kind word is no heading."""
    page = Page().add(300, 40, "Gemeente Waterland-Noord", size=11)
    page.add(430, 100, "Datum", size=7, bold=True).add(430, 110, "4 maart 2031", size=7)
    page.add(56, 150, kind, size=22, bold=True).add(250, 162, subject, size=9.5)
    page.add(56, 220, "Aanleiding", size=10, bold=True)
    page.lines(56, 236, ["De gemeente onderzoekt hoe de dienstregeling kan worden uitgebreid in de zomer.",
                         "Daarvoor is een voorstel uitgewerkt met de vervoerder."], size=9.5)
    page.add(56, 280, "Advies", size=10, bold=True)
    page.lines(56, 296, ["Wij adviseren in te stemmen met het voorstel en de kosten te dekken uit de reserve."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == subject
    assert doc.part.doc_type == doc_type
    assert kind not in [s.heading for s in doc.sections]


@pytest.mark.parametrize("kind, title, doc_type", [
    ("Amendement", "Meer bomen in de nieuwe wijken", "amendement"),
    ("Besluit", "Regeling voor het gebruik van de sporthallen 2032", "raadsbesluit"),  # the raad decides it
    ("Raadsbesluit", "Verordening op de jeugdraad", "raadsbesluit"),
])
def test_the_title_under_a_small_kind_line_is_the_title(make_pdf, documents_of, kind, title, doc_type):
    """Convention: exports and Word templates set the kind of paper small above a title in
    heading type that need not repeat it; the line under the kind line is the title, not a
    heading, when its type is its own (the paper's headings share another)."""
    page = Page().add(56, 40, "Gemeente Zuidermeer", size=14, bold=True)
    page.add(56, 100, kind, size=8).add(56, 112, title, size=12.5, bold=True)
    page.lines(56, 140, ["De raad van de gemeente Zuidermeer;", "gelezen het voorstel van het college;"], size=10)
    page.add(56, 190, "Toelichting", size=10.5, bold=True)
    page.lines(56, 206, ["Met deze regeling wordt het gebruik beter verdeeld over de verenigingen."], size=10)
    page.add(56, 240, "Artikel 1", size=10.5, bold=True)
    page.lines(56, 256, ["Deze regeling geldt voor alle sporthallen van de gemeente."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == title
    assert doc.part.doc_type == doc_type
    assert title not in [s.heading for s in doc.sections]
    assert "Toelichting" in [s.heading for s in doc.sections]


def test_a_body_s_name_with_a_meeting_date_is_a_title_not_a_letterhead(make_pdf, documents_of):
    """Convention: a letterhead is the body's name alone; "College van B&W 3 maart 2032" or
    "Raad van Zuidermeer, vergadering van 3 maart 2032" in title type is its meeting's title."""
    for title in ("College van B&W dinsdag 2 maart 2032", "Raad van Zuidermeer 11-03-2032"):
        page = Page().add(56, 30, "Gemeente Zuidermeer", size=8, bold=True).add(480, 30, "Besluitenlijst", size=8)
        page.add(56, 70, title, size=17)
        page.add(56, 110, "1. Opening", size=10, bold=True)
        page.lines(56, 126, ["Besluit: de agenda wordt vastgesteld."], size=9.5)
        (doc,) = documents_of(make_pdf([page]))
        assert doc.part.title == title
        assert doc.part.doc_type == "besluitenlijst"


def test_a_form_s_label_column_under_a_kind_line_is_no_title(make_pdf, documents_of):
    """A kind line ("BESLUIT") over a form whose labels ("Onderwerp", "Zaaknummer") stand in a
    bold column beside their values: the labels are the form's, never the title, and their words
    stay in the text."""
    page = Page().add(56, 40, "Gemeente Zuidermeer", size=16, bold=True)
    page.add(56, 80, "BESLUIT", size=13, bold=True)
    for k, (label, value) in enumerate((("Onderwerp", "Regels voor de kermis"), ("Zaaknummer", "Z-2032-17"),
                                        ("Vergaderdatum", "4 mei 2032"))):
        page.add(60, 104 + 11 * k, label, size=9, bold=True).add(180, 104 + 11 * k, value, size=9)
    page.lines(56, 160, ["Het college van burgemeester en wethouders besluit de regels vast te stellen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title != "Onderwerp Zaaknummer Vergaderdatum"
    assert doc.metadata.title == "Regels voor de kermis"
    assert "Zaaknummer" in " ".join(s.text for s in doc.sections)


_LONG_NAME = ["Verordening van de gemeenteraad", "van Wetterbroek houdende", "regels over het beheer van",
              "de gemeentelijke", "begraafplaatsen en de", "tarieven van de grafrechten",
              "(Beheerverordening", "begraafplaatsen Wetterbroek", "2032)"]


@pytest.mark.parametrize("ending, is_title", [("", True), (".", False)])
def test_a_regulation_s_full_name_over_many_lines_is_the_title(make_pdf, documents_of, ending, is_title):
    """Convention of verordeningen: the full name ("Verordening van … houdende regels over …")
    set bold in the page's largest type may wrap over many lines of a narrow column; it is the
    title (the paper's fields follow it). A block of large type that ends a sentence is a lead
    paragraph, not a title."""
    page = Page().add(56, 40, "Gemeente Wetterbroek · Raadsbesluit", size=7)
    last = page.lines(56, 64, _LONG_NAME[:-1] + [_LONG_NAME[-1] + ending], size=15, leading=18, bold=True)
    page.add(56, last + 12, "Orgaan", size=8, bold=True).add(140, last + 12, "Gemeenteraad", size=8)
    page.lines(56, last + 34, ["De raad van de gemeente Wetterbroek;", "gelet op artikel 35 van de Wet op de",
                               "lijkbezorging;", "besluit vast te stellen de volgende verordening:"], size=9)
    page.add(56, last + 100, "Artikel 1. Begripsbepalingen", size=9, bold=True)
    page.lines(56, last + 116, ["In deze verordening wordt verstaan onder: a. begraafplaats: een door de gemeente",
                                "beheerde plaats voor het begraven of bijzetten van lijken en asbussen; b. graf:",
                                "een ruimte in een begraafplaats bestemd voor het begraven van lijken, voorzien",
                                "van een grafnummer; c. rechthebbende: degene op wiens naam een recht op een graf",
                                "staat ingeschreven in het register van de begraafplaats."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.part.title == " ".join(_LONG_NAME)) is is_title


def test_the_title_under_a_kind_word_in_a_band_at_the_top(make_pdf, documents_of):
    """Convention of forms with a header bar: the kind ("BESLUIT") is set in a coloured band
    across the top of the page and the paper's title in large bold type under the band, further
    below the kind word than a title under a plain kind line."""
    page = Page().rect(0, 0, 595, 46, fill=True).add(40, 16, "BESLUIT", size=13, bold=True)
    page.add(440, 19, "Waterschap Oostpolder", size=9)
    page.add(40, 72, "Keur en beleidsregels Oostpolder 2031", size=14, bold=True)
    page.add(80, 100, "Bestuursorgaan", size=8, bold=True).add(170, 100, "Algemeen bestuur", size=9)
    page.lines(40, 130, ["Het algemeen bestuur van het waterschap Oostpolder;", "gelet op artikel 78 van de Waterschapswet;",
                         "besluit vast te stellen de volgende keur."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Keur en beleidsregels Oostpolder 2031"
    assert "Keur en beleidsregels Oostpolder 2031" not in [s.heading for s in doc.sections]


@pytest.mark.parametrize("kind, name", [("gemeente", "Oosterwold"), ("provincie", "Noorderzand"),
                                        ("waterschap", "Lage Landen")])
def test_a_body_s_name_stacked_under_its_kind_is_the_letterhead(make_pdf, documents_of, kind, name):
    """Convention of letterheads: the kind of body set small ("gemeente") and its name large and
    bold right under it; the pair is the letterhead, never the title or a heading."""
    page = Page().add(62, 50, kind, size=8).add(62, 62, name, size=18, bold=True)
    page.add(68, 126, "Onderwerp", size=6).add(68, 140, "Onderhoud van de sluis", size=8.5)
    page.lines(68, 175, ["Geachte voorzitter,", "Wij vragen u om een toelichting op de planning van het onderhoud",
                         "aan de sluis en de gevolgen voor de scheepvaart.", "Met vriendelijke groet,"], size=10.5)
    (doc,) = documents_of(make_pdf([page]))
    assert name not in [s.heading for s in doc.sections] and doc.part.title != name


def test_a_large_first_line_over_export_fields_is_the_title(make_pdf, documents_of):
    """An export prints the paper's title large and its fields under it as "Label: value" lines
    with labels of its own ("Locatie:", "Tijd:") and the meeting's date: the large line is the
    title, not a heading."""
    page = Page().add(28, 52, "Zomerreces 2031", size=19.5, bold=True)
    page.lines(28, 98, ["Locatie: Raadzaal  Aanvang: donderdag 3 juli 2031", "Voorzitter: A. de Boer"], size=11)
    page.add(28, 150, "Agendapunt 1", size=12, bold=True)
    page.lines(28, 170, ["De voorzitter opent de vergadering en heet de aanwezigen welkom."], size=11)
    page.add(28, 200, "Agendapunt 2", size=12, bold=True)
    page.lines(28, 220, ["De raad stelt de agenda ongewijzigd vast."], size=11)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Zomerreces 2031"
    assert [s.heading for s in doc.sections if s.heading] == ["Agendapunt 1", "Agendapunt 2"]


def test_label_cells_of_a_grid_of_fields_are_no_headings(make_pdf, documents_of):
    """Convention of meeting headers and regulation grids: short bold labels the rules need not
    know ("Locatie", "Aanvang") with a short value beside each; they are field labels, not
    headings. A bold side heading with its paragraph beside it stays a heading."""
    page = Page().add(48, 40, "Besluiten van het dagelijks bestuur", size=15, bold=True)
    for i, (label, value) in enumerate([("Locatie", "Zaal De Hoeve"), ("Aanvang", "09.30 uur")]):
        page.add(48, 80 + 17 * i, label, size=8, bold=True).add(160, 80 + 17 * i, value, size=8.5)
    page.add(48, 140, "Kennisgeving", size=10, bold=True)
    page.lines(160, 140, ["Het dagelijks bestuur neemt kennis van de rapportage over het eerste",
                          "kwartaal en stuurt haar door naar het algemeen bestuur ter informatie,",
                          "met het verzoek om de aanbevelingen te bespreken in de commissie."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    headings = [s.heading for s in doc.sections if s.heading]
    assert "Locatie" not in headings and "Aanvang" not in headings
    assert "Kennisgeving" in headings


@pytest.mark.parametrize("body,kind,title,opening", [
    ("Gemeente Waterdam", "Amendement", "Amendement Openbare toiletten op de markt",
     "De raad van de gemeente Waterdam, in vergadering bijeen op 4 maart 2031;"),
    ("Gemeente Heuvelrug-Oost", "Raadsbesluit", "Verordening jeugdlintjes Heuvelrug-Oost 2031",
     "De raad van de gemeente Heuvelrug-Oost;"),
    ("Provincie Oostmark", "Verslag", "Verslag van de vergadering van de Statencommissie Mobiliteit",
     "Aanwezig zijn de leden van de commissie en de gedeputeerde voor verkeer."),
])
def test_a_running_header_that_repeats_the_title_after_a_cover_starts_nothing(make_pdf, documents_of, body, kind,
                                                                                title, opening):
    """Convention of council exports with a cover page: the cover prints the body, the kind and the
    title; the next page opens under a small running header repeating the (shortened) title, and
    carries the same document on, also where it starts with an opening formula."""
    cover = Page().rect(0, 0, 595, 480, fill=True)
    cover.add(60, 60, body, size=10, bold=True).add(60, 260, kind, size=9)
    cover.add(60, 285, title, size=18, bold=True)
    cover.add(60, 520, "Nummer", size=7, bold=True).add(60, 531, "2031-017", size=9)
    page = Page().add(300, 40, title[:40] + " …", size=7).add(480, 40, body, size=7)
    page.lines(300, 80, [opening, "gelet op het voorstel van het college;",
                         "Het bestuur stelt voor de regels te wijzigen zoals hieronder beschreven.",
                         "De wijziging gaat in op de dag na bekendmaking."], size=9)
    page.add(520, 800, "2 | 2", size=7)
    docs = documents_of(make_pdf([cover, page]))
    assert [(d.part.page_start, d.part.page_end) for d in docs] == [(1, 2)]
    assert docs[0].part.title == title


@pytest.mark.parametrize("first, second", [
    ("Delegatie- en mandaatbesluit", "gemeente Noordwaard 2032"),
    ("Beleidsregels voor de toeristenbelasting", "gemeente Zuidermeer 2033"),
    ("Verordening op de adviesraad sociaal domein", "provincie Westerzand 2031"),
])
def test_a_title_line_carried_on_in_lower_case_is_no_letterhead(make_pdf, documents_of, first, second):
    """Convention of exports that wrap a long title: a line in the title's type right under it
    that opens in lower case carries it on, also where it reads like a body's name ("gemeente X
    2032"); a letterhead names its body with a capital, above the title."""
    page = Page().add(28, 53, first, size=19.5, bold=True).add(28, 83, second, size=19.5, bold=True)
    page.lines(28, 128, ["Het college van burgemeester en wethouders van de gemeente, ieder voor zover het",
                         "zijn bevoegdheid betreft;", "besluit:", "vast te stellen de volgende regeling."], size=11)
    page.add(28, 220, "Artikel 1 Begripsbepalingen", size=15, bold=True)
    page.lines(28, 245, ["In deze regeling wordt verstaan onder mandaat: de bevoegdheid om namens het bestuursorgaan",
                         "besluiten te nemen."], size=11)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == f"{first} {second}"


_KIND_NAMES = [
    ["Besluit van gedeputeerde staten van", "Westerzand van 3 maart 2032, nr. 12,", "tot vaststelling van de",
     "Beleidsregel subsidies natuur", "en landschap 2032 (Beleidsregel", "natuursubsidies 2032)."],
    ["Besluit van de raad van de gemeente", "Noordwaard van 9 mei 2031 houdende", "regels over het beheer van",
     "de gemeentelijke havens en de", "tarieven van de havengelden", "(Havenverordening 2031)."],
    ["Besluit van het college van", "burgemeester en wethouders van", "Zuidermeer tot wijziging van de",
     "Mandaatregeling 2030 in verband", "met de nieuwe organisatie van", "de ambtelijke diensten."],
]


@pytest.mark.parametrize("name", _KIND_NAMES)
def test_a_regulation_s_full_name_that_opens_with_its_kind_may_end_in_a_period(make_pdf, documents_of, name):
    """Convention of official publications: a decision's full name ("Besluit van … tot …") set
    bold in the page's largest type over many lines ends in a period and is still its title; a
    large lead paragraph that names no kind is no title (test above)."""
    page = Page().add(56, 40, "PROVINCIAAL BLAD", size=7)
    last = page.lines(56, 70, name, size=15, leading=18, bold=True)
    page.lines(56, last + 20, ["Gedeputeerde staten van Westerzand;", "gelet op artikel 4:81 van de Algemene",
                               "wet bestuursrecht;", "besluiten:"], size=9)
    page.add(56, last + 90, "Artikel 1 Begrippen", size=9, bold=True)
    page.lines(56, last + 106, ["In deze regeling wordt verstaan onder aanvrager: degene die een aanvraag",
                                "indient voor een subsidie als bedoeld in deze regeling."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == " ".join(name)


@pytest.mark.parametrize("first, second", [
    ("Gemeente Westerbroek | blz 1 van 2", "Gemeente Westerbr0ek | biz 2 van 2"),
    ("Waterschap De Lage Velden - pagina 1", "Waterschap De Lage Ve1den - paglna 2"),
    ("Provincie Oostmark, besluitenlijst GS | 1/2", "Provincie Oostmark. besluitenlijst G5 | 2/2"),
])
def test_a_running_footer_read_a_letter_off_carries_the_document_on(make_pdf, documents_of, first, second):
    """Convention: the running footer of every page of a paper is one line; an OCR'd page reads it
    a letter or two off ("blz"/"biz", "0"/"o"), and that is no change of footer: page 2 of a
    besluitenlijst whose first line is an item's "Besluit:" label continues page 1."""
    one = Page().add(56, 50, "Besluitenlijst van de vergadering van 14 maart 2031", size=15, bold=True)
    one.lines(56, 100, ["1. Opening en mededelingen", "Besluit: de agenda wordt vastgesteld.",
                        "2. Kadernota sport", "Besluit: conform voorstel."], leading=18)
    one.add(56, 805, first, size=8)
    two = Page()
    two.lines(56, 60, ["Besluit:", "het voorstel wordt aangehouden tot de volgende vergadering.",
                                "3. Rondvraag", "Besluit: er zijn geen vragen."], leading=18)
    two.add(56, 805, second, size=8)
    docs = documents_of(make_pdf([one, two]))
    assert [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in docs] == [("besluitenlijst", 1, 2)]
