"""Kinds of papers that a publication's head fields, its enacting text or its dictum name, also where
the paper is sent under a letter to the council, on generated papers (wordings of our own):

- a head field that names the kind ("Soort document: Raadsbesluit", a box of
  "Organisatie | Soort | Datum" cells over their values) is the paper's type line;
- a head row naming the college as the body that adopted the paper ("Vastgesteld door" in a column
  of labels, "burgemeester en wethouders" beside it) makes it the college's besluit;
- a regulation that opens with its definitions ("In deze verordening wordt verstaan onder:") is the
  council's regulation; an amendement's dictum says it amends ("… als volgt te amenderen");
- agenda items that each carry a decision label on a line of its own make a besluitenlijst;
- an addressee line "Aan de gemeenteraad" makes no information letter of a paper that records who
  adopted it or enacts a regulation;
- several bodies deciding together, each within its own powers ("…, ieder voor zover het hun
  bevoegdheid betreft"), make a besluit, also where the dictum follows with no "besluiten:";
- a type line with its colon and the paper's name right under the letterhead ("GEMEENTE X" /
  "RAADSBESLUIT: …") names the paper's own kind.
"""
from __future__ import annotations

from tests.extractors.structure.doc_type_papers import kind_of
from tests.pdfs import Page


def _letter(body: str, subject: str, lines: list[str]) -> Page:
    """A letter to the council: the body's name, the addressee in the window, a subject line."""
    page = Page().add(90, 40, f"Gemeente {body}", size=13, bold=True)
    page.lines(70, 130, ["Aan de gemeenteraad", f"van {body}"], size=10)
    page.add(70, 200, f"Onderwerp: {subject}", size=10, bold=True)
    page.lines(70, 230, lines, size=10, leading=14)
    return page


def test_kind_field_in_a_box_over_its_values_names_the_kind(make_pdf, documents_of):
    page = Page().add(56, 30, "Elektronisch uitgegeven door de gemeente Ravenwoude", size=8)
    for x, label, value in ((56, "Organisatie", "Gemeente Ravenwoude"), (260, "Soort", "Raadsbesluit"),
                            (400, "Datum", "4 april 2031")):
        page.add(x, 60, label, size=6.5).add(x, 74, value, size=8.5)
    page.add(56, 110, "Verordening marktgelden Ravenwoude 2031", size=15, bold=True)
    page.lines(56, 150, ["Hoofdstuk 1 Algemeen", "Artikel 1 Standplaatsen",
                         "Een standplaats is een plek op de markt die het college toewijst."], size=9.5)
    assert kind_of(documents_of, make_pdf, page) == "raadsbesluit"


def test_inline_kind_field_names_the_kind(make_pdf, documents_of):
    page = Page().add(56, 36, "Gemeente Veldhoek", size=12, bold=True)
    page.lines(56, 80, ["Soort document: Raadsbesluit", "Zaaknummer: Z-31-0042"], size=9)
    page.add(56, 120, "Herindeling stemdistricten", size=14, bold=True)
    page.lines(56, 156, ["De wijken ten noorden van het kanaal vormen voortaan een district."], size=9.5)
    assert kind_of(documents_of, make_pdf, page) == "raadsbesluit"


def test_adopted_by_college_in_a_label_column_is_a_besluit_also_sent_to_the_council(make_pdf, documents_of):
    page = _letter("Zuidermeer", "Spelregels voor evenementen in parken", [])
    for top, label, value in ((250, "Organisatietype", "Gemeente"), (264, "Vastgesteld door", "burgemeester en wethouders"),
                              (278, "Inwerkingtreding", "1 juni 2031")):
        page.add(70, top, label, size=9).add(230, top, value, size=9)
    page.lines(70, 310, ["Een evenement in een park eindigt voor middernacht.",
                         "De organisator ruimt het park dezelfde dag op."], size=10)
    assert kind_of(documents_of, make_pdf, page) == "besluit"


def test_letter_to_the_council_without_such_fields_stays_an_information_letter(make_pdf, documents_of):
    page = _letter("Zuidermeer", "Voortgang herinrichting stationsplein", [
        "Met deze brief informeren wij u over de voortgang van de werkzaamheden.",
        "De bomen aan de westzijde worden in het najaar geplant."])
    assert kind_of(documents_of, make_pdf, page) == "raadsmededeling"


def test_regulation_with_its_definitions_is_the_councils_also_sent_to_the_council(make_pdf, documents_of):
    page = _letter("Brughaven", "Verordening op de adviesraad sport", [
        "Artikel 1 Begrippen", "In deze verordening wordt verstaan onder:",
        "a. adviesraad: de adviesraad sport van de gemeente;", "Artikel 2 Taak",
        "De adviesraad adviseert gevraagd en ongevraagd over het sportbeleid."])
    assert kind_of(documents_of, make_pdf, page) == "raadsbesluit"


def test_amending_dictum_is_an_amendement_also_sent_to_the_council(make_pdf, documents_of):
    page = _letter("Brughaven", "Wijziging voorstel zwembad", [
        "De fracties van Stadsbelang en Groen Brughaven stellen voor het ontwerpbesluit",
        "over het zwembad als volgt te amenderen:", "het bedrag van vier miljoen te vervangen door drie miljoen."])
    assert kind_of(documents_of, make_pdf, page) == "amendement"


def test_agenda_items_with_decision_labels_are_a_besluitenlijst_also_sent_to_the_council(make_pdf, documents_of):
    page = _letter("Kortmolen", "Commissievergadering Bestuur donderdag 9 oktober 2031", [
        "Agendapunt 1", "Besluit", "De vergadering wordt om half acht geopend.",
        "Agendapunt 2", "Besluit", "De commissie adviseert het voorstel als hamerstuk te behandelen."])
    assert kind_of(documents_of, make_pdf, page) == "besluitenlijst"


def test_type_line_with_the_title_under_the_letterhead_names_the_kind(make_pdf, documents_of):
    page = Page().add(200, 36, "GEMEENTE OVERLEEK", size=10, font="Courier")
    page.add(80, 52, "RAADSBESLUIT: Reglement van orde commissie ruimte", size=10, font="Courier")
    page.lines(56, 90, ["Artikel 1 De commissie vergadert eens per maand.",
                        "Artikel 2 De voorzitter stelt de agenda op."], size=10, font="Courier")
    assert kind_of(documents_of, make_pdf, page) == "raadsbesluit"


def test_bodies_deciding_each_within_their_powers_make_a_besluit(make_pdf, documents_of):
    page = Page().add(56, 36, "Recreatieschap Heidemeren", size=12, bold=True)
    page.add(56, 80, "Huishoudelijke regeling bestuurscommissie Heidemeren 2031", size=14, bold=True)
    page.lines(56, 116, ["Het algemeen bestuur en het dagelijks bestuur van het Recreatieschap Heidemeren, ieder voor",
                         "zover het hun bevoegdheid betreft:",
                         "de huishoudelijke regeling van de bestuurscommissie als volgt vast te stellen.",
                         "Artikel 1 Vergaderingen",
                         "De commissie komt ten minste viermaal per jaar bijeen op een door de voorzitter gekozen dag."],
               size=10, leading=15)
    assert kind_of(documents_of, make_pdf, page) == "besluit"
