"""A bundle of papers printed from one template: the kind word of its masthead changing from one
page to the next opens the next paper, on generated bundles (no wording of any corpus paper):

- a short kind line over each paper's title ("Voorstel" over the subject, "Bijlage" over the
  annex's title), the page labels running on over the bundle;
- the kind word set large with the title right under it in a type of its own;
- the kind word in the header band at the top right, over the same title twice (a decision and
  the regulation it adopts);
- a running section name at the head of a report's pages ("Inleiding" → "Werkwijze") names no
  kind of paper and opens nothing, nor does a heading that names a kind over running text.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from tests.pdfs import WIDTH, Page


def _centred(page: Page, top: float, text: str, size: float, bold: bool = False) -> None:
    font = "Helvetica-Bold" if bold else "Helvetica"
    page.add((WIDTH - stringWidth(text, font, size)) / 2, top, text, size=size, bold=bold)


def _text(page: Page, top: float, lines: list[str]) -> None:
    page.lines(70, top, lines, size=10)


def _spans(documents_of, path) -> list[tuple[int, int]]:
    return [(d.part.page_start, d.part.page_end) for d in documents_of(path)]


def _centred_paper(body: str, kind: str, title: str, number: int, lines: list[str]) -> Page:
    page = Page()
    _centred(page, 50, body.upper(), 9)
    _centred(page, 66, kind, 11)
    _centred(page, 82, title, 15, bold=True)
    _text(page, 130, lines)
    _centred(page, 800, f"- {number} -", 9)
    return page


def test_kind_line_over_each_title_opens_the_next_paper_of_a_bundle(make_pdf, documents_of):
    body = "Recreatieschap Hollandse Plassen"
    path = make_pdf([
        _centred_paper(body, "Voorstel", "Benoeming van een plaatsvervangend lid", 1,
                       ["Het dagelijks bestuur stelt voor de heer Van Dijk te benoemen als plaatsvervangend",
                        "lid van de auditcommissie voor de duur van de zittingsperiode."]),
        _centred_paper(body, "Bijlage", "Profielschets van de auditcommissie", 2,
                       ["De auditcommissie adviseert het algemeen bestuur over de jaarrekening en de",
                        "begroting en spreekt eenmaal per jaar met de accountant."]),
        _centred_paper(body, "Voorstel", "Vergaderschema voor het komende jaar", 3,
                       ["Het dagelijks bestuur stelt voor het vergaderschema vast te stellen zoals het",
                        "in de vorige vergadering is besproken met de leden."]),
    ])
    assert _spans(documents_of, path) == [(1, 1), (2, 2), (3, 3)]


def test_large_kind_word_over_a_title_in_its_own_type_opens_the_next_paper(make_pdf, documents_of):
    pages = []
    for n, (kind, title) in enumerate([("Notulen", "Vergadering van de adviesraad sociaal domein"),
                                       ("Advies", "Armoedebeleid en schuldhulpverlening")], 1):
        page = Page().add(60, 40, "Adviesraad Sociaal Domein Merwestreek", size=8)
        page.add(60, 70, kind, size=22, bold=True).add(60, 98, title, size=12, bold=True)
        _text(page, 130, ["Aanwezig waren de leden van de adviesraad en de beleidsmedewerker van de",
                          "gemeente, die een toelichting gaf op de stand van zaken."])
        page.add(520, 800, f"{n}/2", size=8)
        pages.append(page)
    path = make_pdf(pages)
    assert _spans(documents_of, path) == [(1, 1), (2, 2)]


def test_kind_word_in_the_header_band_over_the_same_title_opens_the_annex(make_pdf, documents_of):
    title = "Regeling vergoedingen vrijwillige brandweer Maasland"
    pages = []
    for n, kind in enumerate(["Besluit", "Bijlage"], 1):
        page = Page().add(60, 36, "Veiligheidsregio Maasland", size=8).add(500, 36, kind, size=10)
        page.add(60, 80, title, size=14, bold=True)
        _text(page, 110, ["Het algemeen bestuur heeft in zijn vergadering de regeling besproken en de",
                          "vergoedingen voor de vrijwilligers van het korps opnieuw vastgesteld."])
        page.add(500, 800, f"blad {n} van 2", size=8)
        pages.append(page)
    path = make_pdf(pages)
    assert _spans(documents_of, path) == [(1, 1), (2, 2)]


def test_running_section_name_or_a_kind_heading_over_text_opens_nothing(make_pdf, documents_of):
    pages = []
    for section, heading in [("Inleiding", "Jaarverslag archiefinspectie"),
                             ("Werkwijze", "Bevindingen per archiefbewaarplaats"),
                             ("Bijlage", "Lijst van geïnspecteerde bewaarplaatsen")]:
        page = Page().add(500, 36, section, size=10)
        page.add(60, 80, heading, size=14, bold=True)
        _text(page, 110, ["De inspecteur heeft de bewaarplaatsen bezocht en de klimaatgegevens van het",
                          "afgelopen jaar bekeken; de bevindingen staan hieronder per locatie."])
        pages.append(page)
    path = make_pdf(pages)
    # 'Inleiding' → 'Werkwijze' names no kind of paper; 'Werkwijze' → 'Bijlage' does, and opens the annex
    assert _spans(documents_of, path) == [(1, 2), (3, 3)]


def test_kind_heading_over_running_text_opens_nothing(make_pdf, documents_of):
    first = Page().add(60, 50, "Verslag", size=10).add(60, 66, "Overleg met de huurdersvereniging", size=14, bold=True)
    _text(first, 100, ["Het overleg ging over de onderhoudsplanning en de nieuwe regels voor het",
                       "plaatsen van zonnepanelen op de daken van de huurwoningen."])
    second = Page().add(60, 50, "Bijlage", size=14, bold=True)
    _text(second, 74, ["Bij dit verslag hoort de planning van het onderhoud die de corporatie in het",
                       "overleg heeft rondgedeeld; de leden kunnen haar opvragen."])
    path = make_pdf([first, second])
    assert _spans(documents_of, path) == [(1, 2)]


def _kind_over_title(word: str, title: str) -> Page:
    page = Page().add(60, 40, "Gemeente Lindeloo", size=9)
    page.add(60, 70, word, size=22, bold=True).add(60, 98, title, size=12.5, bold=True)
    _text(page, 130, ["Het college informeert de raad over de voortgang en de planning voor de",
                      "komende maanden, zoals in de vorige commissievergadering is toegezegd."])
    return page


def test_title_under_a_large_kind_word_is_the_title(make_pdf, documents_of):
    """House styles set the kind word largest and the title right under it in a type of its own:
    a kind the rules know, a compound of a kind word, or a word the title under it opens with."""
    for word, title in [("Notulen", "Overleg met de wijkraden over de speelplaatsen"),
                        ("Informatienota", "Stand van zaken renovatie zwembad De Wiel"),
                        ("Actielijst", "Actielijst stuurgroep jeugdzorg Lindeloo")]:
        path = make_pdf([_kind_over_title(word, title)])
        assert [d.part.title for d in documents_of(path)] == [title]


def test_one_word_title_over_a_subtitle_stays_the_title(make_pdf, documents_of):
    path = make_pdf([_kind_over_title("Woonvisie", "Samen bouwen aan een leefbaar dorp")])
    assert [d.part.title for d in documents_of(path)] == ["Woonvisie"]


def test_long_title_under_a_large_kind_word_is_the_title(make_pdf, documents_of):
    """A meeting's full name under the kind word may wrap over many lines, bold, no sentence."""
    lines = ["Openbare vergadering van het algemeen bestuur", "van het Recreatieschap Veenplas gehouden",
             "op woensdag 9 juni 2032 om 14.00 uur", "in de raadzaal van het gemeentehuis", "te Veendorp"]
    page = Page().add(60, 40, "Recreatieschap Veenplas", size=9)
    page.add(60, 70, "Verslag", size=24, bold=True)
    page.lines(60, 104, lines, size=13, leading=16, bold=True)
    _text(page, 200, ["De voorzitter opent de vergadering en heet de leden en de toehoorders welkom.",
                      "Er zijn geen berichten van verhindering ontvangen."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == " ".join(lines)


def test_masthead_kind_words_the_title_cues_need_not_know_open_the_next_paper(make_pdf, documents_of):
    """A masthead's kind word alone ("Voorstel") or ending a compound ("Vergaderagenda") names a
    kind of paper, though no title cue knows it as a type line."""
    body = "Natuurschap Drentse Aa"
    path = make_pdf([
        _centred_paper(body, "Voorstel", "Jaarverslag van de rekenkamercommissie", 1,
                       ["Het dagelijks bestuur stelt voor het jaarverslag voor kennisgeving aan te nemen en",
                        "de aanbevelingen over te nemen."]),
        _centred_paper(body, "Vergaderagenda", "Vergadering van het algemeen bestuur", 2,
                       ["Opening en mededelingen, vaststelling van de besluitenlijst van de vorige",
                        "vergadering en de voorstellen van het dagelijks bestuur."]),
    ])
    assert _spans(documents_of, path) == [(1, 1), (2, 2)]


def _proposal(kind: str, title: str, number: str, subject_lines: list[str], page_no: int) -> Page:
    page = Page().add(60, 36, "Gemeenschappelijke regeling Afvalbeheer Lingewaard", size=8)
    page.add(60, 60, kind, size=11).add(60, 76, title, size=15, bold=True)
    page.add(60, 104, f"Registratienummer: {number}", size=9).add(300, 104, "Datum vergadering: 21 oktober 2032", size=9)
    _text(page, 130, subject_lines)
    page.add(500, 800, f"blad {page_no}", size=8)
    return page


def test_the_masthead_again_over_a_title_and_fields_of_its_own_opens_the_next_paper_of_its_kind(make_pdf, documents_of):
    path = make_pdf([
        _proposal("Voorstel", "Vaststelling van de tarieven voor het komende jaar", "AB-32-014",
                  ["Het dagelijks bestuur stelt voor de tarieven met twee procent te verhogen, zoals in",
                   "de kadernota is aangekondigd."], 1),
        _proposal("Voorstel", "Benoeming van de accountant", "AB-32-015",
                  ["Het dagelijks bestuur stelt voor de opdracht aan het kantoor te gunnen dat de",
                   "aanbesteding heeft gewonnen."], 2),
    ])
    assert _spans(documents_of, path) == [(1, 1), (2, 2)]


def test_a_masthead_repeated_over_the_same_title_and_fields_carries_the_paper_on(make_pdf, documents_of):
    lines = ["Het dagelijks bestuur stelt voor de tarieven met twee procent te verhogen, zoals in",
             "de kadernota is aangekondigd."]
    title = "Vaststelling van de tarieven voor het komende jaar"
    path = make_pdf([_proposal("Voorstel", title, "AB-32-014", lines, 1),
                     _proposal("Voorstel", title, "AB-32-014", lines, 2)])
    assert _spans(documents_of, path) == [(1, 2)]
