"""Decision points in every list style, wrapped items, items continuing on the next page."""
from __future__ import annotations

import pytest

from tests.pdfs import Page

ITEMS = ["het bestemmingsplan Kerkbuurt vast te stellen;", "geen exploitatieplan vast te stellen;",
         "de raad hierover te informeren."]


@pytest.mark.parametrize("style", ["{n}.", "{n})", "({n})", "{letter}.", "-", "{n}"])
def test_list_styles(make_pdf, documents_of, style):
    page = Page().add(56, 50, "Collegeadvies", size=16, bold=True)
    page.add(56, 90, "Het college besluit:", size=11, bold=True)
    for i, item in enumerate(ITEMS):
        marker = style.format(n=i + 1, letter="abc"[i])
        page.add(56, 110 + 16 * i, marker).add(76, 110 + 16 * i, item)
    page.add(56, 180, "Toelichting", size=11, bold=True).add(56, 198, "Het plan lag zes weken ter inzage.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ITEMS
    assert [d.number for d in doc.decisions] == [1, 2, 3]
    assert {d.body for d in doc.decisions} == {"B&W"}


def test_wrapped_item_and_item_continuing_on_next_page(make_pdf, documents_of):
    first = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    first.add(56, 90, "BESLUIT", size=11, bold=True)
    first.add(56, 110, "1.").add(76, 110, "in te stemmen met de nieuwe verordening op de")
    first.add(76, 126, "winkeltijden, inclusief de zondagsopenstelling;")
    first.add(56, 770, "2.").add(76, 770, "het college op te dragen de ondernemers en bewoners")
    second = Page().add(76, 60, "over de wijziging te informeren.")
    second.add(56, 90, "Aldus vastgesteld in de openbare vergadering van 12 maart 2024.")
    (doc,) = documents_of(make_pdf([first, second]))
    texts = [d.text for d in doc.decisions]
    assert texts == ["in te stemmen met de nieuwe verordening op de winkeltijden, inclusief de zondagsopenstelling;",
                     "het college op te dragen de ondernemers en bewoners over de wijziging te informeren."]
    assert [d.page for d in doc.decisions] == [1, 1]
    assert {d.body for d in doc.decisions} == {"Raad"}


def test_unnumbered_proposal_is_one_decision(make_pdf, documents_of):
    page = Page().add(56, 50, "Raadsvoorstel", size=16, bold=True)
    page.add(56, 90, "Voorstel", size=11, bold=True)
    page.add(56, 108, "Het beleidskader sportaccommodaties 2025 vast te stellen.")
    page.add(56, 140, "Inleiding", size=11, bold=True).add(56, 158, "De sportvelden zijn aan vervanging toe.")
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.number, d.text) for d in doc.decisions] == [(1, "Het beleidskader sportaccommodaties 2025 vast te stellen.")]


def test_an_unnumbered_decision_paragraph_is_its_first_sentence(make_pdf, documents_of):
    """A decision written as prose ("Besluit" and a paragraph, as in a decision letter) states the
    decision in its first sentence and explains it after; abbreviations and initials end none."""
    page = Page().add(56, 50, "Besluit op uw verzoek", size=16, bold=True)
    page.add(56, 90, "Besluit", size=11, bold=True)
    page.lines(56, 108, ["Hierbij verleen ik dhr. K.L. Smit de gevraagde ontheffing o.a. voor de",
                         "standplaats aan de Kerkstraat. De ontheffing geldt tot en met 31 december.",
                         "Zij kan worden ingetrokken als de voorwaarden niet worden nageleefd."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "Hierbij verleen ik dhr. K.L. Smit de gevraagde ontheffing o.a. voor de standplaats aan de Kerkstraat."]


def _besluitenlijst(style: str) -> Page:
    """A besluitenlijst of three agenda items, the decision label written three ways."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    items = [("1", "Vaststelling van de agenda", "De agenda wordt zonder wijziging vastgesteld."),
             ("2", "Verordening hondenbelasting 2027", "Het voorstel wordt met 19 stemmen voor en 6 stemmen tegen aangenomen."),
             ("3.b", "Motie over zwerfafval", "De motie wordt verworpen.")]
    y = 80
    for number, subject, decision in items:
        if style == "label_line":
            page.add(56, y, f"{number}. {subject}", bold=True)
            page.add(56, y + 16, "Besluit:", bold=True)
            page.add(56, y + 32, decision)
            y += 56
        elif style == "inline":
            page.add(56, y, f"{number} {subject}")
            page.add(56, y + 16, f"Besloten: {decision}")
            y += 40
        elif style == "intro":  # a decision intro with the outcome in it, the decision below it
            page.add(56, y, f"{number}. {subject}", bold=True)
            page.lines(56, y + 16, ["De raad besluit bij stemming:", decision])
            y += 64
        else:  # the number before the label
            page.add(56, y, f"{number} Conclusie: {decision}")
            y += 24
    return page


@pytest.mark.parametrize("style", ["label_line", "inline", "numbered_label", "intro"])
def test_besluitenlijst_items_with_outcome_and_votes(make_pdf, documents_of, style):
    (doc,) = documents_of(make_pdf([_besluitenlijst(style)]))
    assert doc.part.doc_type == "besluitenlijst"
    found = [(d.agenda_item, d.text, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions]
    assert found == [
        ("1", "De agenda wordt zonder wijziging vastgesteld.", "vastgesteld", None, None),
        ("2", "Het voorstel wordt met 19 stemmen voor en 6 stemmen tegen aangenomen.", "aangenomen", 19, 6),
        ("3.b", "De motie wordt verworpen.", "verworpen", None, None),
    ]


def test_outcomes_as_councils_write_them():
    from raadsstukken.extractors.structure.decisions import find_outcome

    assert find_outcome("De raad stemt unaniem in met het voorstel.")[0] == "unaniem"
    assert find_outcome("Het amendement wordt aangehouden tot de volgende vergadering.")[0] == "aangehouden"
    assert find_outcome("De indieners hebben de motie ingetrokken.")[0] == "ingetrokken"
    assert find_outcome("De notulen worden ongewijzigd vastgesteld.")[0] == "vastgesteld"
    # adopted with changes (convention: "gewijzigd vastgesteld" / "geamendeerd aangenomen" is `gewijzigd`)
    assert find_outcome("De agenda wordt met een extra punt gewijzigd vastgesteld.")[0] == "gewijzigd"
    assert find_outcome("Het voorstel wordt geamendeerd aangenomen.")[0] == "gewijzigd"
    assert find_outcome("De verordening wordt gewijzigd aangenomen met 20 stemmen voor en 3 tegen.") == ("gewijzigd", 20, 3)
    assert find_outcome("Overeenkomstig het advies (conform).")[0] == "conform"
    assert find_outcome("Voor: 21, tegen: 12.")[1:] == (21, 12)
    assert find_outcome("De raad besluit het amendement te verwerpen met 19 stemmen tegen en 8 voor.") == (
        "verworpen", 8, 19)
    assert find_outcome("Er wordt gesproken over de planning.") == (None, None, None)


@pytest.mark.parametrize("intro", [
    "B E S L U I T :", "Gedeputeerde Staten besluiten", "Te nemen besluit:", "2. Voorgesteld besluit",
    "Het college van burgemeester & wethouders stelt voor :", "De raad besluit unaniem:",
    "Draagt het college op:", "Verzoekt de burgemeester om:", "De indieners stellen het volgende amendement voor:",
    # the verb of the decision with its object below; a proposal's closing line
    "Het dagelijks bestuur besluit in te stemmen met:", "besluiten vast te stellen het volgende",
    "Alles overwegende stellen wij u voor om te besluiten:",
    "Geadviseerd besluit", "Beslispunten, advies en alternatieven", "Het algemeen bestuur besluit om:",
    # the proposal's closing line naming the decision to take
    "Wij stellen u voor het volgende besluit te nemen:", "Het college stelt de raad voor om dit besluit te nemen:",
    "Gedeputeerde Staten stellen Provinciale Staten voor de volgende besluiten te nemen",
])
def test_decision_intros_as_councils_write_them(intro):
    from raadsstukken.extractors.structure.decisions import is_intro

    assert is_intro(intro)


@pytest.mark.parametrize("line", ["Het besluit van 3 maart is gepubliceerd.", "Inleiding",
                                  "Verzoekt het college een plan te maken,",
                                  "De raad besluit het voorstel over de kermis aan te nemen.",
                                  "Het college besluit in te stemmen met het advies.",
                                  "Wij stellen voor het besluit te nemen na de zomer."])
def test_running_text_is_no_intro(line):
    from raadsstukken.extractors.structure.decisions import is_intro

    assert not is_intro(line)


def test_a_marker_on_its_own_line_opens_the_item_on_the_next(make_pdf, documents_of):
    page = Page().add(56, 40, "Motie", size=16, bold=True)
    page.lines(56, 80, ["De raad, in vergadering bijeen,", "Draagt het college op:", "•",
                        "de speeltuin aan de Dorpsstraat voor de zomer te herstellen,",
                        "En gaat over tot de orde van de dag."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["de speeltuin aan de Dorpsstraat voor de zomer te herstellen,"]


def test_a_type_line_heading_is_passed_over_for_the_besluit_after_the_opening_formula(make_pdf, documents_of):
    """Convention of a besluit: the kind as a heading, a form row, who decides ("Het algemeen
    bestuur van …;"), the considerations ("gelet op …"), then "besluit:" and the items. Neither
    the form row nor the formula is a decision."""
    page = Page().add(56, 40, "Besluit", size=18, bold=True)
    page.add(56, 80, "Besluit", size=12, bold=True)
    page.add(56, 100, "Behandeling in: Algemeen bestuur")
    page.add(56, 124, "Het algemeen bestuur van het Recreatieschap Zuidoever;")
    page.add(56, 144, "gelet op artikel 12 van de gemeenschappelijke regeling;")
    page.add(56, 168, "besluit:", bold=True)
    page.add(56, 186, "1.").add(76, 186, "de tarieven voor ligplaatsen met twee procent te verhogen;")
    page.add(56, 202, "2.").add(76, 202, "de nieuwe tarieven op 1 januari in te laten gaan.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["de tarieven voor ligplaatsen met twee procent te verhogen;",
                                               "de nieuwe tarieven op 1 januari in te laten gaan."]


def test_a_besluitenlijst_decision_ends_at_the_signing_lines(make_pdf, documents_of):
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 80, ["Vergadering van het dagelijks bestuur, met een toelichting van de secretaris op",
                        "de stukken die ter inzage liggen in de bestuurskamer."])
    page.add(56, 120, "4. Jaarrekening", size=11, bold=True)
    page.add(56, 138, "Besluit: de jaarrekening wordt zonder wijzigingen vastgesteld.")
    page.add(56, 170, "De voorzitter,").add(56, 186, "R.T. Dijkhuis")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["de jaarrekening wordt zonder wijzigingen vastgesteld."]


def test_a_sub_list_inside_a_decision_stays_in_its_item(make_pdf, documents_of):
    """Convention: an item announces its own sub-list ("… te dekken uit:") whose markers are of
    another kind (letters under numbers) or indented under the item's text; the list goes on
    with the next marker of its own kind."""
    page = Page().add(56, 40, "Raadsvoorstel", size=16, bold=True)
    page.add(56, 80, "De raad besluit:", bold=True)
    page.add(56, 100, "1.").add(76, 100, "een krediet van € 90.000 beschikbaar te stellen voor de sporthal;")
    page.add(56, 116, "2.").add(76, 116, "de lasten te dekken uit:")
    page.add(76, 132, "a.").add(92, 132, "de reserve sportaccommodaties;")
    page.add(76, 148, "b.").add(92, 148, "een bijdrage van de provincie;")
    page.add(56, 164, "3.").add(76, 164, "de begroting hierop aan te passen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.number for d in doc.decisions] == [1, 2, 3]
    assert doc.decisions[1].text == "de lasten te dekken uit: a. de reserve sportaccommodaties; b. een bijdrage van de provincie;"


def test_an_intro_under_an_intro_heading_opens_the_same_list(make_pdf, documents_of):
    page = Page().add(56, 40, "Voorstel aan de raad", size=16, bold=True)
    page.add(56, 80, "Ontwerpbesluit", size=12, bold=True)
    page.add(56, 100, "Het algemeen bestuur besluit:")
    page.add(56, 118, "I.").add(80, 118, "de subsidieregeling voor groene daken vast te stellen;")
    page.add(56, 134, "II.").add(80, 134, "de regeling na twee jaar te evalueren.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["de subsidieregeling voor groene daken vast te stellen;",
                                               "de regeling na twee jaar te evalueren."]


def test_form_values_read_beside_the_decision_heading_are_no_decisions(make_pdf, documents_of):
    """A form's label column with its headings under it, the values in the column beside: the
    values are read after the heading, but they are the form's, and the numbered items below
    (roman numerals here) are the decisions."""
    page = Page().add(56, 50, "Raadsvoorstel", size=15, bold=True)
    for k, (label, value) in enumerate([("Onderwerp", "Vervanging van de brug over de"), ("", "Oude Vaart"),
                                        ("Zaaknummer", "2031-00917"), ("Portefeuillehouder", "J. Terpstra")]):
        if label:
            page.add(62, 90 + 16 * k, label, size=9, bold=True)
        page.add(200, 90 + 16 * k, value, size=9)
    page.add(56, 170, "Voorgesteld raadsbesluit", size=11, bold=True)
    page.add(56, 188, "De raad besluit:", size=10, bold=True)
    page.add(56, 206, "I. een krediet van € 2.100.000 beschikbaar te stellen voor de vervanging van de brug;")
    page.add(56, 222, "II. de begroting 2032 op deze punten te wijzigen.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "een krediet van € 2.100.000 beschikbaar te stellen voor de vervanging van de brug;",
        "de begroting 2032 op deze punten te wijzigen."]


def test_a_motions_operative_clauses_are_its_decisions(make_pdf, documents_of):
    """Parliament's and councils' moties without an intro line: each operative clause ("verzoekt
    de regering … ;") up to the end of its sentence is a decision, up to the closing formula."""
    page = Page().add(56, 40, "MOTIE VAN HET LID DE BOER", size=12, bold=True)
    page.lines(56, 80, ["De Kamer,", "gehoord de beraadslaging,", "constaterende dat veel bermen worden gemaaid",
                        "voordat de bloemen zaad hebben gezet;",
                        "verzoekt de regering met de provincies een maaibeleid af te spreken dat",
                        "rekening houdt met de bloeitijd van bermplanten;",
                        "verzoekt de regering de Kamer voor de zomer over de afspraken te informeren,",
                        "en gaat over tot de orde van de dag."], leading=15)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "motie"
    assert [d.text for d in doc.decisions] == [
        "verzoekt de regering met de provincies een maaibeleid af te spreken dat rekening houdt met de "
        "bloeitijd van bermplanten;",
        "verzoekt de regering de Kamer voor de zomer over de afspraken te informeren,"]


def test_an_agenda_decision_ends_at_its_vote_and_keeps_its_sub_list_and_dates(make_pdf, documents_of):
    """In a besluitenlijst the vote ("Voor het voorstel stemde …") follows the decision and is no
    part of it; an item's own sub-list stays in it; a date that wraps to a line's start ("3 maart
    2031") is no list number; an intro may carry the votes in brackets."""
    page = Page().add(56, 40, "Besluitenlijst van de raadsvergadering", size=14, bold=True)
    page.add(56, 80, "4. Voorstel over de jachthaven", size=10, bold=True)
    page.lines(56, 98, ["De raad besluit in meerderheid (20 stemmen voor en 7 stemmen tegen):",
                        "a. de nota jachthaven van het college van",
                        "3 maart 2031 vast te stellen;",
                        "b. de volgende uitgangspunten vast te stellen:",
                        "1. de haven blijft openbaar;",
                        "2. de liggelden stijgen niet meer dan de inflatie;",
                        "c. de begroting hierop aan te passen.",
                        "Voor het voorstel stemde alleen de fractie van de Waterpartij."], leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("4", "de nota jachthaven van het college van 3 maart 2031 vast te stellen;"),
        ("4", "de volgende uitgangspunten vast te stellen: 1. de haven blijft openbaar; "
              "2. de liggelden stijgen niet meer dan de inflatie;"),
        ("4", "de begroting hierop aan te passen.")]
    assert {(d.votes_for, d.votes_against) for d in doc.decisions} == {(20, 7)}


def test_a_vote_result_line_of_an_item_gives_its_decision_an_outcome(make_pdf, documents_of):
    """Exports print the vote of an item on a line of its own ("Stemuitslag: voor 85%") before or
    after its decision; a decision whose own words name no outcome takes it from there."""
    page = Page().add(56, 40, "Besluitenlijst raadsvergadering", size=14, bold=True)
    page.lines(56, 80, ["3.a Stemuitslag: voor 85%. voor: Dorpsbelang (6), Waterpartij (5)",
                        "Besluit: De raad benoemt mevrouw K. Ates tot lid van de rekenkamer.",
                        "3.b Stemuitslag: 9 stemmen voor en 14 stemmen tegen",
                        "Besluit: De raad stelt de nota over het hondenbeleid niet vast."], leading=16)
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.outcome, d.votes_for, d.votes_against) for d in doc.decisions] == [
        ("3.a", "aangenomen", None, None), ("3.b", "verworpen", 9, 14)]


def test_a_besluitenlijst_decision_is_its_paragraph_and_the_proposal_opens_the_next(make_pdf, documents_of):
    """Exports without printed item numbers set each item as "Voorstel: …" and "Besluit: …"; the
    discussion printed after the decision is not part of it."""
    page = Page().add(56, 40, "Besluitenlijst commissie Ruimte", size=16, bold=True)
    page.lines(56, 80, ["Voorstel: het verslag van de vorige vergadering vast te stellen.",
                        "Besluit: Het verslag wordt met een tekstuele wijziging vastgesteld."])
    page.lines(56, 120, ["De heer Oldenkamp vraagt naar de stand van zaken rond de fietsbrug; de wethouder",
                         "zegt toe daar in de volgende vergadering op terug te komen."])
    page.lines(56, 160, ["Voorstel: de ingekomen brieven voor kennisgeving aan te nemen.",
                         "Besluit: Conform."])
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.text, d.outcome) for d in doc.decisions] == [
        ("Het verslag wordt met een tekstuele wijziging vastgesteld.", "vastgesteld"), ("Conform.", "conform")]


def test_a_number_that_breaks_the_count_on_a_wrapped_line_carries_on_the_item(make_pdf, documents_of):
    """A decision wrapped after "lid" puts the article's number at the start of the next line
    ("1 van de verordening."): not item 1 again after item 2, but the rest of item 2."""
    page = Page().add(56, 50, "Collegevoorstel", size=16, bold=True)
    page.add(56, 90, "Het college besluit:", bold=True)
    page.lines(56, 108, ["1. de rapportage over de haven vast te stellen;",
                         "2. de subsidie aan de muziekvereniging te verlagen met toepassing van artikel 12 lid",
                         "1 van de Algemene subsidieverordening."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "de rapportage over de haven vast te stellen;",
        "de subsidie aan de muziekvereniging te verlagen met toepassing van artikel 12 lid 1 van de "
        "Algemene subsidieverordening."]


@pytest.mark.parametrize("change, new_text, after", [
    (["In de beslispunten van het ontwerpbesluit de zin over de hondenbelasting te wijzigen in:"],
     "“de tarieven van de hondenbelasting blijven in 2027 gelijk.”", "Zo blijft de lastendruk beperkt."),
    (["Aan paragraaf 2. Uitvoering van de nota het volgende toe te voegen:"],
     "‘Het college betrekt de dorpsraden bij elke fase van de uitvoering.’", "Dit vergroot het draagvlak."),
    (["Het woord ‘uiterlijk’ in het derde beslispunt te vervangen door"],
     "“niet later dan”;", "Daarmee is de termijn eenduidig."),
])
def test_an_amendements_dictum_is_its_changes_of_text(make_pdf, documents_of, change, new_text, after):
    """Convention of amendementen: the dictum changes the proposal's text ("… te wijzigen in: “…”",
    "… toe te voegen: ‘…’"), unnumbered; the change ends with the quotation of its new text (what
    follows explains it), and a paragraph after it that instructs ("… hierop aan te passen.") is a
    decision of its own."""
    page = Page().add(56, 40, "AMENDEMENT", size=14, bold=True)
    page.lines(56, 70, ["De raad van de gemeente Kleindorp, in vergadering bijeen op 4 maart 2027,",
                        "behandelend het voorstel over de gemeentelijke belastingen,"])
    page.add(56, 110, "besluit:", bold=True)
    y = page.lines(56, 128, change + [f"{new_text} {after}"])
    page.lines(56, y + 8, ["De nummering van de overige beslispunten hierop aan te passen."])
    page.add(56, y + 40, "Toelichting", bold=True)
    page.lines(56, y + 58, ["De indieners willen de tekst van het besluit verduidelijken voor de inwoners."])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "amendement"
    assert [d.text for d in doc.decisions] == [
        f"{change[0]} {new_text}", "De nummering van de overige beslispunten hierop aan te passen."]


@pytest.mark.parametrize("marker", ["-", "•", "1."])
def test_a_decision_list_of_one_item_is_its_first_sentence(make_pdf, documents_of, marker):
    """A ministry's or college's note often gives its one advice as a single bullet ("- Ik stel u
    voor … . Daarna volgt …"): a list of one item is a paragraph, its first sentence the decision."""
    page = Page().add(56, 50, "Nota aan de wethouder", size=16, bold=True)
    page.add(56, 90, "Beslispunten", size=11, bold=True)
    page.add(56, 108, marker).add(70, 108, "Ik stel voor de subsidieregeling voor buurtfeesten met een jaar te")
    page.add(70, 121, "verlengen. De afdeling past daarna de website aan. Het budget blijft gelijk.")
    page.add(56, 150, "Toelichting", size=11, bold=True).add(56, 168, "De regeling werd veel gebruikt door bewoners.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "Ik stel voor de subsidieregeling voor buurtfeesten met een jaar te verlengen."]


@pytest.mark.parametrize("wrapped", [("onder", "agendapunt 6 te behandelen."), ("bij", "punt 3 van de agenda.")])
def test_a_besluitenlijst_decision_whose_sentence_wraps_onto_a_stop_word_goes_on(make_pdf, documents_of, wrapped):
    """A decision's sentence that breaks off ("… bij") and goes on in a line opening with a word
    that elsewhere opens a new item ("agendapunt 6", "punt 3") carries on the decision."""
    end, rest = wrapped
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 80, ["Vergadering van de raad, met de besluiten over de stukken die op de agenda van",
                        "deze avond stonden en de afspraken over de volgende vergadering."])
    page.add(56, 120, "2. Verzoek ondernemersvereniging", size=11, bold=True)
    page.lines(56, 138, [f"Besluit: de raad besluit het verzoek van de ondernemersvereniging te behandelen {end}", rest])
    page.add(56, 180, "3. Sluiting", size=11, bold=True)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        f"de raad besluit het verzoek van de ondernemersvereniging te behandelen {end} {rest}"]


@pytest.mark.parametrize("intro", ["Voorgesteld besluit", "Het college besluit:", "Te nemen besluit"])
def test_a_besluitenlijst_items_intro_heading_opens_its_numbered_decisions(make_pdf, documents_of, intro):
    """A college's besluitenlijst gives each item its proposal under an intro set as a heading
    ("Voorgesteld besluit") with numbered points ("(1)", "(2)"): each point is a decision, also a
    point spaced from the others as a paragraph of its own."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 80, ["Vergadering van burgemeester en wethouders, met de besluiten over de stukken",
                        "die op de agenda van deze week stonden."])
    page.add(56, 120, "3. Speelruimteplan", size=11, bold=True)
    page.add(56, 140, intro, bold=True)
    page.add(56, 158, "(1)").add(80, 158, "in te stemmen met het speelruimteplan voor de wijk Zuid;")
    page.add(56, 172, "(2)").add(80, 172, "de raad hierover met een brief te informeren;")
    page.add(56, 194, "(3)").add(80, 194, "de kosten te dekken uit het budget voor de openbare ruimte.")
    page.add(56, 222, "4. Sluiting", size=11, bold=True)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["in te stemmen met het speelruimteplan voor de wijk Zuid;",
                                                 "de raad hierover met een brief te informeren;",
                                                 "de kosten te dekken uit het budget voor de openbare ruimte."]


def test_a_besluitenlijst_without_labels_takes_each_items_deciding_paragraph(make_pdf, documents_of):
    """Convention of GS and college lists that print no "Besluit" label: under each item's heading
    (and its "Kenmerk:" line) the paragraph naming the deciding body with its verb is the decision;
    an item whose paragraph only reports has none."""
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Vergadering van Gedeputeerde Staten over de stukken van deze week."])
    paragraphs = [
        "Gedeputeerde Staten verlenen de stichting Waterrijk een subsidie van € 12.000 voor de excursies.",
        "Het college stemt in met de nieuwe planning voor de herinrichting van het stationsplein.",
        "Na overleg met de gemeenten besluiten GS de proef met de buurtbus met een jaar te verlengen.",
    ]
    y = 100
    for n, (subject, text) in enumerate(zip(["Subsidie excursies", "Planning stationsplein", "Buurtbus"],
                                            paragraphs), 1):
        page.add(56, y, f"{n}. {subject}", size=11, bold=True)
        page.add(56, y + 18, f"Kenmerk: 2031/00{n}", size=8)
        page.lines(56, y + 32, [text])
        y += 70
    page.add(56, y, "4. Verslag provinciale commissie", size=11, bold=True)
    page.lines(56, y + 18, ["De commissie heeft de stukken over de zomer besproken en komt in oktober terug."])
    page.add(56, y + 50, "5. Fietsroutes", size=11, bold=True)
    page.lines(56, y + 68, ["Toelichting: De fietsroutes zijn geteld. Gedeputeerde Staten besluiten later."])
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == paragraphs
    assert [d.agenda_item for d in doc.decisions] == ["1", "2", "3"]


ADOPTED = [
    ("de volgende onderzoeksvraag vast te stellen:",
     ["Breng in kaart hoe vaak de veerpont in de winter", "niet heeft gevaren.", "Ga na wat dat de reizigers kost."]),
    ("artikel 7 van de marktverordening komt te luiden:",
     ["Het college wijst de standplaatsen aan", "op het plein.", "Een standplaats is persoonlijk."]),
    ("de onderstaande opdracht aan de rekenkamer mee te geven:",
     ["Onderzoek of de subsidies voor de", "dorpshuizen doelmatig zijn.", "Rapporteer voor de zomer."]),
]


@pytest.mark.parametrize("announce, text", ADOPTED)
def test_a_decision_that_adopts_a_text_ends_at_its_colon(make_pdf, documents_of, announce, text):
    """Convention of council decisions: a point that adopts a text announces it with a colon ("… de
    volgende opdracht vast te stellen:", "… komt te luiden:"); the numbered sentences under it are
    the text adopted, not part of the point, and the next point of the list is a decision again."""
    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.add(56, 90, "De raad besluit:", size=11, bold=True)
    page.add(56, 110, "A.").add(76, 110, announce)
    page.add(76, 126, "1.").add(96, 126, text[0]).add(96, 140, text[1])
    page.add(76, 156, "2.").add(96, 156, text[2])
    page.add(56, 172, "B.").add(76, 172, "het college op te dragen de uitkomst aan de raad te zenden.")
    page.add(56, 204, "Toelichting", size=11, bold=True).add(56, 222, "Dit volgt op de vragen van de raad.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [announce, "het college op te dragen de uitkomst aan de raad te zenden."]


@pytest.mark.parametrize("announce, text", ADOPTED[:2])
def test_a_besluitenlijst_decision_that_adopts_a_text_ends_at_its_colon(make_pdf, documents_of, announce, text):
    page = Page().add(56, 40, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 70, ["Vergadering van de raad, met de besluiten over de stukken van deze avond."])
    page.add(56, 100, "5. Veerverbinding", size=11, bold=True)
    page.lines(56, 120, ["De raad besluit unaniem:", f"A. {announce}"])
    page.add(76, 146, f"1. {text[0]}").add(90, 160, text[1]).add(76, 174, f"2. {text[2]}")
    page.add(56, 188, "B. het college op te dragen de uitkomst aan de raad te zenden.")
    page.add(56, 220, "6. Sluiting", size=11, bold=True)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [announce, "het college op te dragen de uitkomst aan de raad te zenden."]


def test_the_objects_listed_under_a_decision_stay_part_of_it(make_pdf, documents_of):
    """"… de volgende stukken vast te stellen: a. de nota …; b. het plan …": the sub-list names
    what is decided (it runs on in lower case), so it is part of the decision."""
    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.add(56, 90, "De raad besluit:", size=11, bold=True)
    page.add(56, 110, "1.").add(76, 110, "de volgende stukken vast te stellen:")
    page.add(76, 126, "a.").add(96, 126, "de nota over de dorpshuizen;")
    page.add(76, 142, "b.").add(96, 142, "het plan voor het veer;")
    page.add(56, 158, "2.").add(76, 158, "het college op te dragen de raad te informeren.")
    page.add(56, 190, "Toelichting", size=11, bold=True).add(56, 208, "Dit volgt op de vragen van de raad.")
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [
        "de volgende stukken vast te stellen: a. de nota over de dorpshuizen; b. het plan voor het veer;",
        "het college op te dragen de raad te informeren."]


SUBJECTS = ["Aanwijzing van het cameragebied Stationskwartier", "Regeling voor de ligplaatsen in de Oude Haven",
            "Beleidsregel tijdelijke bewoning van vakantieparken"]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_subject_adopted_under_an_intro_heading_is_the_decision(make_pdf, documents_of, subject):
    """Convention of besluiten: "besluit vast te stellen:" as a heading, then the name of what is
    adopted, which is the form's subject printed again: under the heading it is the decision, not
    the form's value."""
    page = Page().add(51, 60, "Besluit", size=15, bold=True)
    page.add(57, 97, "Onderwerp", size=8.5, bold=True).add(193, 97, subject, size=10.5, bold=True)
    page.add(57, 117, "Registratienummer", size=8.5, bold=True).add(193, 117, "2031-0047", size=8.5)
    page.lines(51, 162, ["De burgemeester van de gemeente Waterstad,", "gelet op artikel 12 van de verordening;",
                         "overwegende dat dit nodig is voor de orde en de veiligheid op straat;"], size=9.5)
    page.add(51, 240, "besluit vast te stellen:", size=9.5, bold=True)
    page.add(51, 258, subject, size=9.5)
    page.lines(51, 290, ["Artikel 1", "Dit besluit treedt in werking op de dag na bekendmaking."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == [subject]


@pytest.mark.parametrize("code", ["ZK31/01873", "2031-004512", "RB.2031.117"])
def test_a_registration_number_after_the_type_line_is_no_decision(make_pdf, documents_of, code):
    """A type line "Besluit" read as an intro, with a sidebar's registration number the first line
    after it: one token with digits decides nothing; the decision is the one under "besluit:"."""
    page = Page().add(71, 120, "Besluit", size=9)
    page.add(442, 120, code, size=8).add(442, 136, "aan", size=6.5).add(442, 144, "College van B&W", size=8)
    page.add(71, 170, "Geacht college,", size=11)
    page.lines(71, 200, ["Het college van burgemeester en wethouders van de gemeente Waterstad,",
                         "gelezen het voorstel van de wethouder van 3 maart 2031;"], size=11)
    page.add(71, 250, "besluit:", size=11, bold=True)
    page.add(71, 270, "de nadere regels voor de weekmarkt op het Kerkplein vast te stellen", size=11)
    page.add(71, 310, "Toelichting", size=13, bold=True)
    page.lines(71, 330, ["De markt krijgt een vaste indeling met ruimte voor nieuwe kramen."], size=11)
    (doc,) = documents_of(make_pdf([page]))
    assert [d.text for d in doc.decisions] == ["de nadere regels voor de weekmarkt op het Kerkplein vast te stellen"]


def test_a_kind_line_over_a_form_grid_opens_no_decision(make_pdf, documents_of):
    """Convention of published regulations: the kind ("BESLUIT") set in a band over the title and
    a grid of labels and values ("Organisatie | Oostwold"); a label of that grid is no decision.
    The regulation's own decision under its formula still is."""
    page = Page().add(40, 16, "BESLUIT", size=13, bold=True).add(440, 19, "Gemeente Oostwold", size=9)
    page.add(40, 72, "Regeling ondermandaat Oostwold 2031", size=14, bold=True)
    for i, (label, value) in enumerate([("Organisatie", "Oostwold"), ("Citeertitel", "Regeling ondermandaat")]):
        page.add(90, 104 + 18 * i, label, size=8, bold=True).add(170, 104 + 18 * i, value, size=9)
    page.lines(40, 160, ["Het college van burgemeester en wethouders van Oostwold;",
                         "gelet op artikel 10:3 van de Algemene wet bestuursrecht;"], size=9.5)
    page.add(40, 190, "besluit:", size=9.5, bold=True)
    page.lines(40, 204, ["vast te stellen de Regeling ondermandaat Oostwold 2031."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    texts = [d.text for d in doc.decisions]
    assert "Organisatie" not in texts
    assert any("Regeling ondermandaat Oostwold 2031" in t for t in texts)
