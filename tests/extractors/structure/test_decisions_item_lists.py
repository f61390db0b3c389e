"""Besluitenlijst items whose decision is a list of points, set as B&W and board lists set them: points
opening their lines under a bare "Besluit:" label, a deciding formula set as a label of its own
paragraph, the decision in the perfect ("Het college heeft besloten:"), a verdict line ("Akkoord."),
agenda items behind a bullet, a list over a page turn; and a motion that speaks twice. Wordings and
layouts are invented for these tests; none comes from a sample, corpus or batch paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

POINTS = [
    ["Het uitvoeringsplan voor de speeltuinen in de wijk Hoogveld vast te stellen;",
     "De bewonersvereniging over de planning van de werkzaamheden te informeren."],
    ["In te stemmen met de pachtovereenkomst voor het perceel aan de Molenvaart;",
     "De jaarlijkse pacht te indexeren volgens de consumentenprijsindex;",
     "De opbrengst toe te voegen aan de reserve grondzaken."],
    ["Kennis te nemen van de evaluatie van de proef met deelscooters.",
     "De proef met twee jaar te verlengen."],
]


def _list_page(marker: str, points: list[str], spaced: bool) -> Page:
    """Two items, the first with a list of points under a bare "Besluit:" label (each point one
    line, spaced as paragraphs or not), the second with one decision."""
    page = Page().add(56, 40, "Besluitenlijst van het college van burgemeester en wethouders", size=14, bold=True)
    page.add(56, 80, "7. Speelruimte en grond", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True)
    y = 116
    for n, point in enumerate(points, 1):
        mark = f"{n}." if marker == "1." else marker
        page.add(56, y, mark).add(76, y, point)
        y += 24 if spaced else 14
    page.add(56, y + 16, "8. Subsidie muziekschool", size=11, bold=True)
    page.add(56, y + 36, "Besluit:", bold=True)
    page.add(56, y + 52, "De subsidie voor 2032 te verlenen.")
    return page


@pytest.mark.parametrize("marker, points, spaced", [("•", POINTS[0], False), ("-", POINTS[1], True),
                                                    ("1.", POINTS[2], True), ("1.", POINTS[1], False)])
def test_points_opening_their_lines_under_a_bare_label_are_one_decision_each(make_pdf, documents_of,
                                                                             marker, points, spaced):
    """Convention of B&W besluitenlijsten (bench/README 'Decision points: what counts'): under an
    item's bare decision label, points that each open a line with a marker ("•", "-", "1.") are the
    item's decisions, one row each, without their markers; a number restarting at 1 under the label
    is a point, no new agenda item."""
    (doc,) = documents_of(make_pdf([_list_page(marker, points, spaced)]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        *(("7", p) for p in points), ("8", "De subsidie voor 2032 te verlenen.")]


def test_points_run_into_the_labels_line_stay_one_decision(make_pdf, documents_of):
    """Convention (the dev corpus's gold): a label whose text runs its points on in one paragraph
    ("Besluit: 1. …; 2. …") records one decision, whole."""
    page = Page().add(56, 40, "Besluitenlijst van het college van burgemeester en wethouders", size=14, bold=True)
    page.add(56, 80, "3. Verkeersbesluit Dorpsstraat", size=11, bold=True)
    page.lines(56, 100, ["Besluit: 1. Het verkeersbesluit voor de Dorpsstraat te nemen; 2. De aanwonenden per",
                         "brief te informeren."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "1. Het verkeersbesluit voor de Dorpsstraat te nemen; 2. De aanwonenden per brief te informeren."]


@pytest.mark.parametrize("formula", ["Het college besluit:", "Het college heeft besloten:",
                                     "Burgemeester en wethouders hebben besloten:", "Het dagelijks bestuur heeft besloten:"])
def test_a_deciding_formula_set_as_its_own_paragraph_opens_the_points_below(make_pdf, documents_of, formula):
    """Convention of college lists: the deciding formula ("Het college besluit:", in the perfect
    "Het college heeft besloten:") may stand as a label in a paragraph of its own, spaced from the
    points it opens; the points below are the item's decisions."""
    page = Page().add(56, 40, "Besluitenlijst collegevergadering 12 mei 2032", size=14, bold=True)
    page.add(56, 80, "2. Onderhoud bruggen", size=11, bold=True)
    page.add(56, 100, formula, size=8)
    page.add(56, 122, "1.").add(76, 122, "Het onderhoudsplan voor de bruggen vast te stellen.")
    page.add(56, 136, "2.").add(76, 136, "De kosten te dekken uit de voorziening kunstwerken.")
    page.add(56, 170, "3. Rondvraag", size=11, bold=True)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("2", "Het onderhoudsplan voor de bruggen vast te stellen."),
        ("2", "De kosten te dekken uit de voorziening kunstwerken.")]


@pytest.mark.parametrize("head, sub, tail", [
    ("Het raadsvoorstel met het volgende beslispunt:", "het krediet voor de renovatie van het zwembad beschikbaar te stellen",
     "aan de raad ter besluitvorming voor te leggen."),
    ("De brief aan de provincie met de vraag:", "de subsidieregeling voor monumenten te verlengen",
     "te versturen."),
    ("Het advies van de commissie, dat luidt:", "de aanvraag af te wijzen",
     "over te nemen."),
])
def test_a_decision_that_announces_a_numbered_part_is_one_decision(make_pdf, documents_of, head, sub, tail):
    """Convention: a decision whose sentence announces a numbered part with a colon and carries on
    after it ("Het raadsvoorstel met het beslispunt: 1. … en … voor te leggen.") is one decision,
    its lines joined."""
    page = Page().add(56, 40, "Besluitenlijst collegevergadering 3 juni 2032", size=14, bold=True)
    page.add(56, 80, "5. Renovatie en subsidies", size=11, bold=True)
    page.add(56, 100, "Het college besluit:", bold=True)
    page.add(56, 114, head)
    page.add(76, 128, f"1. {sub}")
    page.add(56, 142, f"en {tail}")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [f"{head} 1. {sub} en {tail}"]


@pytest.mark.parametrize("bullet, font", [("■", "DejaVu"), ("•", None), ("☒", "DejaVu")])
def test_an_agenda_item_behind_a_bullet_ends_the_decision_above(make_pdf, documents_of, bullet, font):
    """Convention of slide and web exports: agenda items set behind a bullet or box ("■ 4.
    Mededelingen") are agenda items: they end the decision above and number the next one."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    y = 80
    for number, subject, decision in [("3", "Verslag vorige vergadering", "Het verslag vast te stellen."),
                                      ("4", "Mededelingen", None), ("5", "Inkomende post", None),
                                      ("6", "Verkoop snippergroen", "In te stemmen met de verkoop.")]:
        page.add(56, y, f"{bullet} {number}. {subject}", bold=True, font=font)
        y += 20
        if decision:
            page.add(56, y, "Besluit:", bold=True).add(56, y + 14, decision)
            y += 40
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("3", "Het verslag vast te stellen."), ("6", "In te stemmen met de verkoop.")]


@pytest.mark.parametrize("subject", ["2e Wijziging van de begroting 2032", "3de Tussenrapportage jeugdzorg",
                                     "1ste Herziening bestemmingsplan Kern"])
def test_an_items_subject_may_open_with_an_ordinal(make_pdf, documents_of, subject):
    """Convention: an item's subject may open with an ordinal ("1. 2e Wijziging …"): the item is
    numbered 1 all the same."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, f"1. {subject}", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True).add(56, 114, "Het voorstel vast te stellen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", "Het voorstel vast te stellen.")]


@pytest.mark.parametrize("verdict, outcome", [("Akkoord.", "conform"),
                                              ("Aangehouden tot de volgende vergadering.", "aangehouden"),
                                              ("Vastgesteld.", "vastgesteld")])
def test_a_verdict_alone_is_the_items_decision(make_pdf, documents_of, verdict, outcome):
    """Convention of college lists: an item that prints no decision label but a verdict line
    ("Akkoord.", "Aangehouden …") under its heading decided that; the verdict is its decision,
    its outcome what the verdict names."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "1. Besluitenlijst van de vorige vergadering", size=11, bold=True)
    page.add(56, 100, verdict)
    page.add(56, 130, "2. Verkeersveiligheid schoolroutes", size=11, bold=True)
    page.add(56, 150, "Besluit:", bold=True).add(56, 164, "Het actieplan schoolroutes vast te stellen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text, d.outcome) for d in doc.decisions] == [
        ("1", verdict, outcome), ("2", "Het actieplan schoolroutes vast te stellen.", "vastgesteld")]


@pytest.mark.parametrize("note, verdict, outcome", [
    ("Toelichting:", "Akkoord. Conform het advies van de afdeling.", "conform"),
    ("Opmerking:", "Aangehouden; eerst bespreken met de wijkraad.", "aangehouden"),
    ("Toelichting:", "Vastgesteld met een kleine aanvulling.", "vastgesteld"),
    ("", "Opmerking: Aangehouden tot na het overleg met de scholen.", "aangehouden"),
    ("Notitie:", "Conform; de wethouder meldt het de raad.", "conform"),
])
def test_a_verdict_after_the_decision_gives_its_outcome(make_pdf, documents_of, note, verdict, outcome):
    """Convention of college lists: a verdict line after an item's decision ("Toelichting:" /
    "Akkoord.") says what became of the decision where its own text names no outcome; it is no
    decision of its own."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "4. Inkoop schoolmaaltijden", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True)
    page.add(56, 114, "•").add(76, 114, "In te stemmen met de aanbesteding van de schoolmaaltijden.")
    page.add(56, 128, "•").add(76, 128, "De scholen over de planning te informeren.")
    if note:
        page.add(56, 150, note).add(56, 163, verdict)  # the label over its text in one paragraph
    else:
        page.add(56, 150, verdict)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.text, d.outcome) for d in doc.decisions] == [
        ("In te stemmen met de aanbesteding van de schoolmaaltijden.", outcome),
        ("De scholen over de planning te informeren.", outcome)]


@pytest.mark.parametrize("between", [["Zaaknummer: 2032-0417 Datum: 8 juni 2032"],
                                     ["Zaaknummer: 2032-0417", "Gemeente Zuiderveen — Besluitenlijst"]])
def test_a_list_of_points_goes_on_over_a_page_turn(make_pdf, documents_of, between):
    """Convention: a list of points broken by a page turn goes on at the next page's first point;
    what the page's foot and the next page's head print between (a form box, a running line) is
    no part of it."""
    first = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    first.add(56, 700, "9. Herinrichting marktplein", size=11, bold=True)
    first.add(56, 720, "Besluit:", bold=True)
    first.add(56, 736, "•").add(76, 736, "Het schetsontwerp voor het marktplein vast te stellen;")
    first.add(56, 750, "•").add(76, 750, "De marktkooplieden uit te nodigen voor een informatieavond;")
    first.add(56, 800, between[0], size=8)
    second = Page()
    if len(between) > 1:
        second.add(56, 30, between[1], size=8)
    second.add(56, 70, "•").add(76, 70, "De kosten te dekken uit het investeringsplan.")
    second.add(56, 100, "10. Rondvraag", size=11, bold=True)
    (doc,) = documents_of(make_pdf([first, second]))
    assert [d.text for d in doc.decisions] == [
        "Het schetsontwerp voor het marktplein vast te stellen;",
        "De marktkooplieden uit te nodigen voor een informatieavond;",
        "De kosten te dekken uit het investeringsplan."]


@pytest.mark.parametrize("inner", ["Beslispunten", "Het college besluit:", "Beslispunten:"])
def test_an_intro_under_a_bare_label_opens_the_points(make_pdf, documents_of, inner):
    """Convention: under a bare "Besluit:" label an intro of its own ("Beslispunten", "Het college
    besluit:") opens the points; it is no decision and no part of one."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "6. Mandaten sociaal domein", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True)
    page.add(56, 116, inner)
    page.add(56, 136, "-").add(76, 136, "Het mandaatbesluit voor de schuldhulpverlening vast te stellen;")
    page.add(56, 150, "-").add(76, 150, "Het mandaatbesluit voor de leerlingenvervoer vast te stellen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["Het mandaatbesluit voor de schuldhulpverlening vast te stellen;",
                                               "Het mandaatbesluit voor de leerlingenvervoer vast te stellen."]


@pytest.mark.parametrize("second, closing", [
    ("en spreekt uit zich te scharen achter:", "en gaat (vervolgens) over tot de orde van de dag."),
    ("en verzoekt het college:", "en gaat over tot de orde van de dag."),
    ("De raad spreekt voorts uit:", "en gaat (daarna) over tot de orde van de dag."),
])
def test_a_motion_that_speaks_twice_has_both_dicta(make_pdf, documents_of, second, closing):
    """Convention (bench/README, motie): each operative clause is a point; a motion whose dictum
    has a second intro ("… spreekt uit: …" / "en verzoekt het college: …") has the clauses under
    both; the closing formula, a word in parentheses within it too, is none."""
    page = Page().add(56, 50, "Motie: een warm welkom voor nieuwe inwoners", size=14, bold=True)
    top = page.lines(56, 90, ["De raad van de gemeente Beekdal, in vergadering bijeen op 2 oktober 2032,",
                              "overwegende dat nieuwe inwoners de weg in de gemeente moeilijk vinden;"], leading=15)
    page.add(56, top + 12, "spreekt uit:", bold=True)
    page.add(56, top + 30, "•").add(76, top + 30, "het belang van een welkomstpakket voor nieuwe inwoners;")
    page.add(56, top + 54, second, bold=True)
    page.add(56, top + 72, "•").add(76, top + 72, "een jaarlijkse ontvangst in het gemeentehuis te houden,")
    page.add(56, top + 86, "•").add(76, top + 86, "de verenigingen bij die ontvangst uit te nodigen,")
    page.add(56, top + 106, closing)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == ["het belang van een welkomstpakket voor nieuwe inwoners;",
                                               "een jaarlijkse ontvangst in het gemeentehuis te houden,",
                                               "de verenigingen bij die ontvangst uit te nodigen,"]


@pytest.mark.parametrize("intro", ["Het algemeen bestuur wordt gevraagd:", "De raad wordt gevraagd te besluiten:",
                                   "Het dagelijks bestuur wordt voorgesteld:"])
def test_a_passive_intro_under_the_proposal_label_opens_its_point(make_pdf, documents_of, intro):
    """Convention of board proposals: under "Gevraagd besluit:" the passive intro ("Het algemeen
    bestuur wordt gevraagd:") opens the point below; the intro line is no decision."""
    page = Page().add(56, 40, "Voorstel aan het algemeen bestuur", size=14, bold=True)
    page.lines(56, 70, ["Onderwerp: Jaarplan brandweer 2033", "Datum vergadering: 14 maart 2033"])
    page.add(56, 120, "Gevraagd besluit:", size=11, bold=True)
    page.add(56, 140, intro)
    page.add(56, 160, "-").add(76, 160, "het jaarplan brandweer 2033 vast te stellen")
    page.lines(56, 190, ["Toelichting:", "Het jaarplan volgt op de beleidsnota van vorig jaar."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["het jaarplan brandweer 2033 vast te stellen"]


@pytest.mark.parametrize("marker, gap, points", [
    ("-", 80, ["In te stemmen met de aanbesteding van de schoolmaaltijden.", "De scholen over de planning te informeren.",
               "De ouderraden uit te nodigen."]),
    ("•", 100, ["Het beleidskader kunst in de openbare ruimte vast te stellen.", "De kunstcommissie te benoemen."]),
    ("1.", 90, ["De aanvraag omgevingsvergunning te weigeren.", "De aanvrager per brief te informeren."]),
])
def test_markers_read_apart_from_their_points_open_them(make_pdf, documents_of, marker, gap, points):
    """Convention: a list whose markers stand far left of their text (or an OCR layer's marker
    column) may be read as a column of markers before the column of texts; each marker opens the
    point on its row, as if read with it."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "4. Vergunningen en kunst", size=11, bold=True)
    page.add(56, 100, "Besluit:", bold=True)
    y = 114
    for n, point in enumerate(points, 1):
        page.add(56, y, f"{n}." if marker == "1." else marker).add(56 + gap, y, point)
        y += 20
    page.add(56, y + 20, "5. Rondvraag", size=11, bold=True)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("4", p) for p in points]


@pytest.mark.parametrize("sentence", [
    "Gedeputeerde Staten hebben voor de fietsroute een bijdrage van € 25.000,- beschikbaar gesteld.",
    "Vandaag hebben GS het uitvoeringsprogramma natuur voor 2034 definitief vastgesteld.",
    "Het college heeft met de aanpak van de verkeersknelpunten ingestemd.",
])
def test_an_unlabelled_items_paragraph_stating_the_decision_in_the_perfect_is_the_decision(make_pdf, documents_of,
                                                                                           sentence):
    """Convention of GS press lists without a decision label: a paragraph that states in the
    perfect what the body decided ("Gedeputeerde Staten hebben … beschikbaar gesteld.", "Vandaag
    hebben GS … vastgesteld.") is the item's decision, whole (a full stop inside an amount ends no
    sentence); a paragraph that only reports is none."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Persbericht over de vergadering van Gedeputeerde Staten van deze week."])
    page.add(56, 100, "Agendapunt 1.", size=11, bold=True)
    text = ["De provincie werkt met de regio aan betere verbindingen voor fietsers en wandelaars.", sentence]
    page.lines(56, 118, text)
    page.add(56, 160, "Agendapunt 2.", size=11, bold=True)
    page.lines(56, 178, ["Het overleg met de waterschappen is in maart gehouden en verliep goed."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "besluitenlijst"
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", " ".join(text))]


@pytest.mark.parametrize("label", ["Toelichting", "Samenvatting", "Inhoud besluit"])
def test_a_left_column_label_is_no_part_of_an_unlabelled_items_decision(make_pdf, documents_of, label):
    """Convention of GS lists set as a form: a label in the item's left column beside its
    paragraph ("Toelichting" | "Gedeputeerde Staten hebben …") is no part of the decision."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Persbericht over de vergadering van Gedeputeerde Staten van deze week."])
    page.add(56, 100, "Agendapunt 1.", size=11, bold=True)
    page.add(56, 121, label)
    text = ["Gedeputeerde Staten hebben de subsidieregeling voor dorpshuizen met", "een jaar verlengd en vastgesteld.",
            "De dorpshuizen krijgen daarover deze maand een brief."]
    page.lines(160, 120, text)
    page.add(56, 170, "Vervolgprocedure")
    page.add(160, 169, "Statencommissie in juni")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("1", " ".join(text))]


@pytest.mark.parametrize("note", ["*aangehouden 3 maart 2033*", "Aangehouden in de vorige vergadering",
                                  "Vastgesteld onder voorbehoud"])
def test_a_verdict_note_over_an_items_decision_is_no_decision(make_pdf, documents_of, note):
    """Convention: a verdict-like note at the head of an item ("*aangehouden 3 maart*": held over
    from an earlier meeting) whose "Besluit:" follows is a note on the item; the decision under
    the label is the item's decision."""
    page = Page().add(56, 40, "Besluitenlijst college van B&W", size=14, bold=True)
    page.add(56, 80, "2 Warmtenet Noordwijk (2033-118)", size=11, bold=True)
    page.add(56, 100, note)
    page.lines(56, 114, ["De gemeente wil de wijk in 2040 van het aardgas af hebben. Daarvoor is een",
                         "warmtenet nodig dat de corporaties samen met de gemeente aanleggen."])
    page.add(56, 150, "Besluit:", bold=True).add(56, 164, "Het plan voor het warmtenet vast te stellen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [("2", "Het plan voor het warmtenet vast te stellen.")]


@pytest.mark.parametrize("mark", ["|", "~", "'"])
def test_a_stray_mark_under_the_intro_is_no_decision(make_pdf, documents_of, mark):
    """Convention: a scan's stray mark read as a line of its own under "besluit:" (a speck, a
    rule's end: no letter or digit) decides nothing; the dictum is the text after it."""
    page = Page().add(56, 40, "Raadsbesluit", size=14, bold=True)
    page.lines(56, 80, ["De raad van de gemeente Oosterhaven;",
                        "gezien het voorstel van burgemeester en wethouders van 4 mei 2033;",
                        "gelet op artikel 147 van de Gemeentewet;"], leading=18)
    page.add(56, 150, "besluit:", bold=True)
    page.add(480, 140, mark)
    page.add(56, 170, "vast te stellen de Verordening op de havengelden Oosterhaven 2033.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["vast te stellen de Verordening op de havengelden Oosterhaven 2033."]
