"""Conventions of a compound paper's page tops, on generated papers (no wording of any corpus paper):

- an annex that starts on its own page under a bare kind line ("BIJLAGE", "Bijlage 4", a centred
  italic "Bijlage") set over its title is a document of type bijlage, also where the page's
  running header repeats the decision it belongs to;
- an annex that prints no title of its own, its kind line alone at the head of its page (under the
  body's name only) over its first chapter ("Hoofdstuk 1: …"), is a bijlage without a title; the
  same kind line under text of the page opens nothing;
- a regulation's name set large at the top with its year ("Gemeenschappelijke regeling X 2031") is
  its title, no letterhead, also over a kind line and a validity box's small label; so is a body's
  name set large under the kind line, the letterhead above it;
- a header band that repeats the open document's body and kind word at the top of a page is
  furniture, and an agenda numbering that runs on carries the document on.
"""
from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from raadsstukken.extractors.layout.records import BlockKind
from raadsstukken.extractors.structure.carry_on import runs_on
from tests.pdfs import WIDTH, Page

ITALIC = "Helvetica-Oblique"


def _decision(body: str, title: str, header: str | None = None) -> Page:
    page = Page()
    if header:
        page.add(56, 30, header, size=8)
    page.add(56, 60, "BESLUIT", size=8, bold=True).add(56, 76, title, size=15, bold=True)
    page.lines(56, 110, [f"De raad van de gemeente {body};", "gezien het voorstel van burgemeester en wethouders;"],
               size=9.5)
    page.add(56, 150, "Besluit:", size=9.5, bold=True)
    page.lines(56, 166, [f"1. de {title} vast te stellen;", "2. dit besluit in werking te laten treden op de dag",
                         "na bekendmaking."], size=9.5)
    page.lines(56, 230, ["Aldus besloten in de openbare vergadering van de raad", "de griffier, de voorzitter,"], size=9.5)
    return page


def _annex_text(page: Page, top: float) -> None:
    page.add(56, top, "Artikel 1. Begrippen", size=10, bold=True)
    page.lines(56, top + 18, ["In deze regeling wordt verstaan onder een standplaats een plek op de openbare",
                              "weg waar tegen betaling waren worden verkocht.",
                              "Het college wijst de plaatsen aan waar dat is toegestaan."], size=9.5)


def _parts(documents_of, path) -> list[tuple[str, int, int, str | None]]:
    return [(d.part.doc_type, d.part.page_start, d.part.page_end, d.part.title) for d in documents_of(path)]


def test_annex_under_small_capital_kind_line_is_a_bijlage(make_pdf, documents_of):
    # a running header that names the decision's body and kind on both pages does not hold the annex in
    header = "Gemeente Duinmeer | Besluit"
    annex = Page().add(56, 30, header, size=8).add(56, 60, "BIJLAGE", size=8, bold=True)
    annex.add(56, 76, "Verordening standplaatsen Duinmeer 2031", size=15, bold=True)
    _annex_text(annex, 110)
    path = make_pdf([_decision("Duinmeer", "Verordening standplaatsen Duinmeer 2031", header), annex])
    assert _parts(documents_of, path) == [
        ("raadsbesluit", 1, 1, "Verordening standplaatsen Duinmeer 2031"),
        ("bijlage", 2, 2, "Verordening standplaatsen Duinmeer 2031")]


def test_annex_under_large_numbered_kind_line_is_a_bijlage(make_pdf, documents_of):
    # the kind line below the page's first lines (the body, the meeting), set large, with a letter
    annex = Page().add(56, 40, "Gemeente Ooststrand", size=9).add(56, 54, "Raadsvergadering van 14 mei 2031", size=9)
    annex.add(56, 76, "Bijlage B", size=20, bold=True).add(56, 106, "Uitvoeringsregels snippergroen", size=13, bold=True)
    _annex_text(annex, 138)
    path = make_pdf([_decision("Ooststrand", "Nota snippergroen"), annex])
    docs = documents_of(path)
    assert _parts(documents_of, path)[1] == ("bijlage", 2, 2, "Uitvoeringsregels snippergroen")
    assert "Bijlage B" not in [s.heading for d in docs for s in d.sections if s.heading]


def _centred(page: Page, top: float, text: str, size: float, font: str | None = None, bold: bool = False) -> None:
    name = font or ("Helvetica-Bold" if bold else "Helvetica")
    page.add((WIDTH - stringWidth(text, name, size)) / 2, top, text, size=size, bold=bold, font=font)


def test_annex_under_centred_italic_kind_line_is_a_bijlage(make_pdf, documents_of):
    annex = Page()
    _centred(annex, 50, "GEMEENTE BERKENDAL", 8)
    _centred(annex, 64, "Bijlage", 10, font=ITALIC)
    _centred(annex, 82, "Reglement van orde voor de adviescommissie", 12.5, bold=True)
    _annex_text(annex, 116)
    path = make_pdf([_decision("Berkendal", "Reglement adviescommissie"), annex])
    assert _parts(documents_of, path)[1] == ("bijlage", 2, 2, "Reglement van orde voor de adviescommissie")


def test_bare_kind_word_over_running_text_opens_no_annex(make_pdf, documents_of):
    """The word alone over running text in the body's type (no title under it) is no kind line."""
    second = Page().add(56, 60, "Bijlage", size=9.5)
    second.lines(56, 76, ["De kaart met de locaties is bij dit besluit gevoegd en ligt ter inzage", "in het gemeentehuis."],
                 size=9.5)
    path = make_pdf([_decision("Duinmeer", "Verordening standplaatsen"), second])
    assert [(t, a, b) for t, a, b, _ in _parts(documents_of, path)] == [("raadsbesluit", 1, 2)]


def _chapter_annex(kind_line_top: float = 64, above: str | None = None) -> Page:
    """An annex page: the body's name, the kind line "Bijlage" alone, then its first chapter."""
    page = Page()
    _centred(page, 40, "Waterschap Vallei en Lindevliet", 9)
    if above:
        page.lines(56, 58, [above, "die het algemeen bestuur in zijn vergadering heeft besproken."], size=9.5)
    _centred(page, kind_line_top, "Bijlage", 10, font=ITALIC)
    page.add(56, kind_line_top + 34, "Hoofdstuk 1: Inrichting van het register", size=10.5, bold=True)
    _annex_text(page, kind_line_top + 58)
    return page


def test_kind_line_over_first_chapter_opens_an_untitled_annex(make_pdf, documents_of):
    path = make_pdf([_decision("Lindevliet", "Regeling kadeonderhoud"), _chapter_annex()])
    docs = documents_of(path)
    assert _parts(documents_of, path)[1] == ("bijlage", 2, 2, None)
    assert docs[1].metadata.title is None  # the body's name over the kind line titles nothing
    headings = [s.heading for d in docs for s in d.sections if s.heading]
    assert "Bijlage" not in headings and "Hoofdstuk 1: Inrichting van het register" in headings


def test_annex_titled_only_by_its_kind_has_no_title(make_pdf, documents_of):
    annex = Page().add(56, 60, "BIJLAGE", size=8, bold=True).add(56, 76, "Bijlage", size=15, bold=True)
    annex.add(56, 110, "Hoofdstuk 1: Inrichting van het register", size=11, bold=True)
    _annex_text(annex, 134)
    (_, doc) = documents_of(make_pdf([_decision("Lindevliet", "Regeling kadeonderhoud"), annex]))
    assert (doc.part.doc_type, doc.part.title, doc.metadata.title) == ("bijlage", None, None)


def test_kind_line_under_text_of_the_page_opens_nothing(make_pdf, documents_of):
    page = _chapter_annex(kind_line_top=100, above="Hieronder volgt de tekst van de regeling over het kadeonderhoud,")
    path = make_pdf([_decision("Lindevliet", "Regeling kadeonderhoud"), page])
    assert [(t, a, b) for t, a, b, _ in _parts(documents_of, path)] == [("raadsbesluit", 1, 2)]


def test_name_with_a_year_at_the_top_is_the_title_no_letterhead(make_pdf, documents_of):
    page = Page().add(40, 16, "Recreatieschap Heidemeren", size=10, bold=True)
    page.lines(60, 100, ["Gemeenschappelijke regeling Recreatieschap", "Heidemeren 2031"], size=15, bold=True, leading=17)
    page.add(60, 140, "Besluit", size=8).add(60, 160, "IN WERKING VANAF", size=7.5, bold=True)
    page.add(60, 170, "01-04-2031", size=9)
    page.lines(60, 200, ["De raden van de gemeenten Heidedorp en Meerveld, ieder voor zover het hun bevoegdheid",
                         "betreft, besluiten de volgende regeling te treffen.",
                         "Artikel 1 Het recreatieschap beheert de meren en de oevers daarvan."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.part.doc_type, doc.metadata.title or doc.part.title) == (
        "besluit", "Gemeenschappelijke regeling Recreatieschap Heidemeren 2031")


def test_body_name_under_the_kind_line_is_the_title(make_pdf, documents_of):
    page = Page().add(60, 48, "RECREATIESCHAP HEIDEMEREN", size=11, bold=True).add(60, 76, "BESLUIT", size=8)
    page.add(60, 130, "Gemeenschappelijke regeling Heidemeren", size=12.5, bold=True)
    page.lines(60, 170, ["De raden van de gemeenten Heidedorp en Meerveld;", "gelet op de wet;",
                         "besluiten de volgende regeling te treffen.",
                         "Artikel 1 Het recreatieschap beheert de meren en de oevers daarvan."], size=9)
    (doc,) = documents_of(make_pdf([page]))
    assert (doc.part.doc_type, doc.part.title) == ("besluit", "Gemeenschappelijke regeling Heidemeren")


def test_publication_masthead_over_a_head_box_is_no_heading(make_pdf, documents_of):
    page = Page().add(60, 48, "Besluit van Recreatieschap Heidemeren", size=11, bold=True)
    for x, label in ((64, "Datum publicatie"), (184, "Organisatie"), (420, "Rubriek")):
        page.add(x, 80, label, size=7.5, bold=True)
    page.lines(184, 96, ["Recreatieschap", "Heidemeren"], size=7.5, leading=8.5)
    page.add(420, 96, "besluit", size=7.5)
    page.add(60, 139, "Gemeenschappelijke regeling Recreatieschap Heidemeren", size=14, bold=True)
    page.add(60, 180, "Inleidende bepaling", size=11, bold=True)
    page.lines(60, 198, ["De raden van de gemeenten Heidedorp en Meerveld;", "gelet op de wet;",
                         "besluiten de volgende regeling te treffen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.title == "Gemeenschappelijke regeling Recreatieschap Heidemeren"
    assert [s.heading for s in doc.sections if s.heading] == ["Inleidende bepaling"]


def test_small_capital_label_over_its_value_is_a_label(make_pdf, documents_of):
    """A validity box's small label in capitals right over its date ("IN WERKING VANAF" / "01-04-2031"),
    under the kind line: a field's label, so no heading and no decision."""
    page = Page().add(40, 16, "Recreatieschap Heidemeren", size=10, bold=True)
    page.add(60, 100, "Gemeenschappelijke regeling Heidemeren 2031", size=15, bold=True)
    page.add(60, 124, "Besluit", size=8).add(60, 146, "IN WERKING VANAF", size=7.5, bold=True)
    page.add(60, 156, "01-04-2031 t/m heden", size=9)
    page.lines(60, 190, ["De raden van de gemeenten Heidedorp en Meerveld;", "gelet op de wet;",
                         "besluiten: de volgende regeling te treffen."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    label = [b for p in doc.pages for b in p.blocks if b.text.startswith("IN WERKING")]
    assert label and doc.roles.get(label[0]) is BlockKind.LABEL
    assert not any(d.text.startswith("IN WERKING") for d in doc.decisions)


def _list_page(band: tuple[str, str], band_size: float, items: list[tuple[str, str]], band_top: float = 32,
               top: float = 90) -> Page:
    """A page of a besluitenlijst: a band with the body's name and the kind word, then its items."""
    page = Page().add(56, band_top, band[0], size=band_size, bold=True)
    page.add(430, band_top + 2, band[1], size=min(band_size, 11), bold=True)
    for number, subject in items:
        page.add(56, top, f"Agendapunt {number}", size=10.5, bold=True)
        page.lines(56, top + 18, ["Besluit", f"{subject} De fracties stemmen in met het voorstel van het",
                                  "presidium en de griffie neemt het op in de planning."], size=9)
        top += 70
    return page


def _first_list_page(body: str, date: str, items: list[tuple[str, str]], band_top: float = 50) -> Page:
    """The first page of a besluitenlijst: the band large, the meeting's fields, the first items."""
    page = _list_page((body, "BESLUITENLIJST"), 14, items, band_top, 150)
    page.add(56, band_top + 44, "Onderwerp", size=8.5, bold=True).add(190, band_top + 44, "Raadsvergadering", size=9)
    page.add(56, band_top + 64, "Datum", size=8.5, bold=True).add(190, band_top + 64, date, size=9)
    return page


def test_running_band_with_body_and_kind_word_carries_the_list_on(make_pdf, documents_of):
    first = _first_list_page("Gemeente Wolderveen", "12-03-2031",
                             [("1", "De agenda wordt vastgesteld."), ("2", "Het verslag wordt ongewijzigd vastgesteld.")])
    # the band in running-header type; the items number from 1 again (an annex list, say): the band decides
    second = _list_page(("Gemeente Wolderveen", "BESLUITENLIJST"), 8, [("1", "De motie wordt aangehouden.")])
    path = make_pdf([first, second])
    assert [(t, a, b) for t, a, b, _ in _parts(documents_of, path)] == [("besluitenlijst", 1, 2)]


def test_agenda_numbering_that_runs_on_carries_the_list_on(make_pdf, documents_of):
    first = _first_list_page("Gemeente Wolderveen", "12-03-2031",
                             [("5.a", "Het krediet wordt beschikbaar gesteld."), ("5.b", "De zienswijze wordt ingediend.")])
    # the band as large as on the first page (no running-header type), but item 5.c follows 5.b
    second = _list_page(("Gemeente Wolderveen", "BESLUITENLIJST"), 14, [("5.c", "Het voorstel wordt aangenomen.")])
    path = make_pdf([first, second])
    assert [(t, a, b) for t, a, b, _ in _parts(documents_of, path)] == [("besluitenlijst", 1, 2)]


def test_next_list_with_a_title_of_its_own_is_a_new_document(make_pdf, documents_of):
    first = _first_list_page("Gemeente Wolderveen", "12-03-2031",
                             [("3", "Het bestemmingsplan wordt vastgesteld."), ("4", "De motie wordt verworpen.")])
    # the next meeting's list bound after it: the same running band, but a title of its own
    second = _list_page(("Gemeente Wolderveen", "BESLUITENLIJST"), 8, [("1", "De agenda wordt vastgesteld.")], top=120)
    second.add(56, 70, "Besluitenlijst raadsvergadering 9 april 2031", size=15, bold=True)
    path = make_pdf([first, second])
    assert [(t, a, b) for t, a, b, _ in _parts(documents_of, path)] == [("besluitenlijst", 1, 1), ("besluitenlijst", 2, 2)]


def test_runs_on():
    assert runs_on("4.a", "4.b") and runs_on("7", "8") and runs_on("3.b", "4") and runs_on("2", "2.a")
    assert runs_on("6.2", "6.3") and runs_on("6", "6.1")
    assert not runs_on("4.b", "1") and not runs_on("3", "5") and not runs_on("2.a", "2.c")
