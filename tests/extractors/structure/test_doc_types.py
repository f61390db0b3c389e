"""Document kinds from several cues together (rules/doc_types.toml), in wordings no corpus paper uses.

The conventions: a kind named at the top (form title, an export's type line after the body's name,
letter-spaced), opening formulas ("De raad van de gemeente …;"), the structure of a motion or an
amendment, a besluitenlijst's decision lines, minutes' attendance lists, a letter's salutation and
closing, and a letter to the council being an information letter (raadsmededeling).
"""
from __future__ import annotations

import pytest

from raadsstukken.extractors.structure.doc_types import classify, join_letter_spacing, starts_document
from tests.pdfs import Page


@pytest.mark.parametrize("title, text, kind", [
    (["Gemeente Oosterhaven · Raadsvoorstel", "Onderwerp: Nieuwe sporthal"], [], "raadsvoorstel"),
    (["R A A D S V O O R S T E L"], [], "raadsvoorstel"),
    (["Statenvoorstel nr. 12/2026"], ["Gedeputeerde Staten stellen Provinciale Staten voor om"], "raadsvoorstel"),
    (["Nota voor het college van B & W"], [], "nota_bw"),
    (["Collegebesluit", "Onderwerp: Standplaatsen"], [], "besluit"),
    (["Kapvergunning Eikenlaan"], ["De burgemeester van de gemeente Westerbroek,", "gelet op artikel 4 van de APV;",
                                   "besluit:"], "besluit"),
    (["Verordening speelautomaten"], ["De raad van de gemeente Westerbroek;", "gelet op artikel 149 van de Gemeentewet;",
                                      "besluit:", "Aldus vastgesteld in de openbare vergadering van de raad van 3 maart."],
     "raadsbesluit"),
    (["Gewijzigde motie: Bankjes langs de dijk"], ["De raad, in vergadering bijeen op 2 april,",
                                                   "constaterende dat er weinig rustpunten zijn;",
                                                   "verzoekt het college om tien bankjes te plaatsen,"], "motie"),
    (["Parkeren bij de haven"], ["De raad van de gemeente Westerbroek, in vergadering bijeen op 9 mei;",
                                 "besluit:", "beslispunt 2 van het ontwerpbesluit te vervangen door:",
                                 "Ingediend door: J. de Wit"], "amendement"),
    (["Overzicht commissie Ruimte 12 mei"], ["1. Opening", "Besluit: de agenda wordt vastgesteld.",
                                             "2. Verkeersplan", "Besluit: conform voorstel.",
                                             "3. Rondvraag", "Besluit: geen vragen."], "besluitenlijst"),
    (["Notulen van de commissie Bestuur"], ["Aanwezig: mevrouw K. Smit (voorzitter)", "Afwezig: de heer P. Ros"],
     "verslag"),
    (["Onderwerp: Bomenkap in het park"], ["Geachte heer Bos,", "In uw brief vraagt u", "Met vriendelijke groet,"],
     "brief"),
    (["Onderwerp: Stand van zaken warmtenet"], ["Aan de leden van de gemeenteraad", "Geachte raadsleden,",
                                                "Met vriendelijke groet,"], "raadsmededeling"),
    # no type line: the structure says it (the college itself deciding; points for the council)
    (["Subsidie voor dorpshuizen"], ["Samenvatting", "Het college besluit:", "1. de subsidie te verlenen;"],
     "nota_bw"),
    (["Ophoging van de dijk bij Oosthaven"], ["Bestuursorgaan: Gemeenteraad", "Beslispunten",
                                             "1. het krediet beschikbaar te stellen;"], "raadsvoorstel"),
    (["Kennisgeving van het besluit van de raad over de kermisverordening"], [], "raadsbesluit"),
])
def test_kinds_from_cues(title, text, kind):
    found = classify(title, text)
    assert found is not None and found.doc_type == kind, found


def test_nothing_points_anywhere():
    assert classify(["Hoofdstuk 3"], ["Dit is gewone tekst over het weer."]) is None


def test_only_title_cues_open_a_document():
    assert starts_document(classify(["AMENDEMENT"], []))
    assert not starts_document(classify(["Hoofdstuk 2"], ["Geachte heer Bos,"]))


def test_letter_spacing_is_joined():
    assert join_letter_spacing("B E S L U I T :") == "BESLUIT :"
    assert join_letter_spacing("a b c de") == "abc de"


def test_a_bundle_of_papers_is_split_at_type_lines_and_restarting_numbers(make_pdf, documents_of):
    pages = []
    for kind, subject in (("Motie", "Meer groen op schoolpleinen"), ("Amendement", "Budget voor jongerenwerk")):
        page = Page()
        page.add(56, 40, "Gemeente Westerbroek", size=9)
        page.add(56, 70, kind.upper(), size=16, bold=True)
        page.add(56, 100, f"Onderwerp: {subject}")
        page.lines(56, 130, ["De raad, in vergadering bijeen op 12 juni,", "overwegende dat kinderen buiten moeten spelen;",
                             "verzoekt het college een plan te maken," if kind == "Motie" else
                             "besluit het ontwerpbesluit als volgt te wijzigen:"])
        page.add(500, 805, "1/1", size=8)
        pages.append(page)
    docs = documents_of(make_pdf(pages))
    assert [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in docs] == [("motie", 1, 1), ("amendement", 2, 2)]


@pytest.mark.parametrize("lines, kind", [
    (["Bijlage 3: Overzicht van de ingediende zienswijzen", "Zienswijze 1 gaat over de geluidswal."], "bijlage"),
    (["TER BESLISSING", "Aan: de staatssecretaris"], "nota_bw"),
    (["From: iemand@voorbeeld.nl", "Sent: Monday 4 March 2030 10:12", "Subject: planning"], "brief"),
])
def test_first_lines_and_headers_that_name_a_kind(lines, kind):
    """Conventions: an annex opens its page with its number and title; a nota with its handling
    line; an e-mail with its header."""
    found = classify(lines, [])
    assert found is not None and found.doc_type == kind


def test_a_form_attachment_line_opens_no_annex():
    found = classify(["Bijlage(n): 2", "Raadsvoorstel"], [])
    assert found is not None and found.doc_type == "raadsvoorstel"


def test_a_type_line_names_only_the_kind_a_title_names_the_paper():
    """Exports print the kind above the title ("RAADSVOORSTEL", "Voorstel aan de raad van de
    gemeente X"); a title may open with the kind and go on to name the paper."""
    from raadsstukken.extractors.structure.doc_types import names_only_the_kind

    for line in ["STATENVOORSTEL", "Voorstel aan de gemeenteraad", "Raadsvoorstel gemeente Bergen (NH)",
                 "M O T I E", "Voorstel aan de raad van de gemeente Land van Cuijk"]:
        assert names_only_the_kind(line), line
    for line in ["Motie zwerfvuil langs de dijken", "Besluitenlijst dagelijks bestuur - 9 mei 2031",
                 "Subsidiebesluit cultuurfonds", "Integraal Veiligheidsplan", "Uitvoeringsagenda Wonen",
                 "Commissieverslag 03-02-2032"]:
        assert not names_only_the_kind(line), line


def test_a_weak_type_line_on_a_page_whose_numbering_restarts_opens_a_document(make_pdf, documents_of):
    """Bound letters each print a small type line ("Besluit", which alone names no kind strongly)
    and number their own pages: where the numbering restarts and the kind is named, a document
    starts; a page that continues the numbering does not."""
    pages = []
    for addressee, labels in (("Aan de burgemeester", ["1/1"]), ("Aan het dagelijks bestuur", ["1/2", "2/2"])):
        for n, label in enumerate(labels):
            page = Page()
            if n == 0:
                page.add(56, 60, addressee).add(56, 90, "Besluit", size=9)
                page.add(56, 110, "Onderwerp: Aanwijzing van een parkeerterrein")
            page.lines(56, 150, ["Het bestuur heeft kennisgenomen van het verzoek en stelt vast dat de",
                                 "aanwijzing in het belang van de openbare orde is."])
            page.add(500, 805, label, size=8)
            pages.append(page)
    docs = documents_of(make_pdf(pages))
    assert [(d.part.page_start, d.part.page_end) for d in docs] == [(1, 1), (2, 3)]


def test_an_email_thread_is_one_document_and_a_bare_annex_line_opens_an_annex(make_pdf, documents_of):
    """A released e-mail prints the messages it answers below it, each with its own header: one
    document. A page whose first line is "Bijlage C" alone opens the annex."""
    pages = []
    for sender in ("a.visser@waterland.example", "j.bakker@waterland.example"):
        page = Page().add(56, 40, f"Van: {sender}").add(56, 56, "Verzonden: dinsdag 4 maart 2031 10:12")
        page.add(56, 72, "Onderwerp: RE: planning dijkversterking")
        page.lines(56, 110, ["Dag allen, de planning van de dijkversterking schuift een maand op omdat de",
                             "vergunning later komt. Met vriendelijke groet, Anna"])
        pages.append(page)
    annex = Page().add(56, 40, "Bijlage C").add(56, 70, "Artikel 5.1 Uitzonderingen", size=11, bold=True)
    annex.lines(56, 90, ["Het verstrekken van informatie blijft achterwege voor zover dit de veiligheid",
                         "van de staat kan schaden."])
    pages.append(annex)
    docs = documents_of(make_pdf(pages))
    assert [(d.part.doc_type, d.part.page_start, d.part.page_end) for d in docs] == [("brief", 1, 2), ("bijlage", 3, 3)]


def test_a_letter_whose_subject_names_a_besluit_is_a_besluit():
    found = classify(["Betreft:", "Wob-deelbesluit over de subsidies aan sportclubs"],
                     ["Geachte heer Jansen,", "Met vriendelijke groet,"])
    assert found is not None and found.doc_type == "besluit"


def test_a_letter_to_a_college_and_a_kind_named_inside_a_sentence(make_pdf, documents_of):
    """Conventions of letters: "Geacht college," (the neuter salutation) and a closing formula make
    a brief, also when a sentence wraps onto a line that opens "aan de raad …"; a kind of paper
    named on a line that carries on a decision ("… door middel van een" / "Raadsmemo …") is no
    type line."""
    letter = Page().add(60, 60, "Verlenging van de pilot deelauto's", size=14, bold=True)
    letter.lines(60, 100, ["Geacht college,", "",
                           "Wij sturen u de evaluatie van de pilot; een afschrift gaat ter kennisname",
                           "aan de raad van Oosterveld.", "", "Met vriendelijke groet,", "", "J. Hoekstra"])
    (doc,) = documents_of(make_pdf([letter]))
    assert doc.part.doc_type == "brief"

    decision = Page().add(60, 40, "Gemeente Oosterveld", size=9)
    decision.add(60, 60, "Evaluatie pilot deelauto's", size=16, bold=True)
    decision.add(60, 100, "Het college besluit:", bold=True)
    decision.lines(60, 116, ["1. de evaluatie van de pilot ter kennis te brengen van de raad door middel van een",
                             "Raadsmemo met de resultaten;", "2. de pilot met een jaar te verlengen."])
    (doc,) = documents_of(make_pdf([decision]))
    assert doc.part.doc_type != "raadsmededeling"


@pytest.mark.parametrize("title, kind", [
    ("Delegatie- en mandaatbesluit Oostwold 2031", "besluit"),
    ("Aanwijzingsbesluit toezichthouders parkeren", "besluit"),
    ("Tarievenbesluit begraafplaatsen 2031", "besluit"),
    ("Raadsbesluit Oostwold", "raadsbesluit"),
])
def test_a_title_that_opens_with_a_kind_of_besluit_names_a_besluit(title, kind):
    """Convention of regulations an executive adopts: the title's head noun is a compound of
    besluit ("mandaatbesluit", "delegatie- en mandaatbesluit"); a raadsbesluit stays its own kind."""
    assert classify([title], []).doc_type == kind


@pytest.mark.parametrize("title", ["Agenda openbare raadsvergadering", "Agenda commissie Ruimte 3 maart 2031"])
def test_a_meeting_s_agenda_is_no_programme(title):
    """"Agenda" with a meeting word or its date is a meeting's order of business, never an
    uitvoeringsagenda (a programme's agenda, "Woonagenda 2031"); nor is an item of its numbered list."""
    found = classify([title, "2. Vaststelling van de jaaragenda"], [])
    assert found is None or found.doc_type != "uitvoeringsagenda"
    assert classify(["Woonagenda 2031"], []).doc_type == "uitvoeringsagenda"


def test_considerations_before_a_college_s_deciding_formula_make_a_besluit():
    """"Overwegende dat" opens the considerations of besluiten as well as moties: with an
    executive's deciding formula and no motion cue the paper is a besluit."""
    text = ["De burgemeester en het college van de gemeente Oostwold, ieder voor zijn bevoegdheden,",
            "overwegende dat een actuele regeling van de ondermandaten gewenst is,", "b e s l u i t e n :",
            "vast te stellen de regeling ondermandaat Oostwold 2031."]
    assert classify(["Regeling ondermandaat Oostwold 2031"], text).doc_type == "besluit"


@pytest.mark.parametrize("kind_line, intro", [
    ("Besluit", "Het college besluit:"),
    ("BESLUIT", "Burgemeester en wethouders besluiten:"),
    ("Besluit", "B & W besluiten:"),
])
def test_a_college_deciding_under_a_besluit_type_line_is_a_besluit(kind_line, intro):
    """Convention of collegebesluiten: a type line "Besluit" over the subject and the college's
    own decision intro: the paper records the college's decision. The same intro without the type
    line is a nota's advice to the college (see test_kinds_from_cues)."""
    title = ["Gemeente Zuidwaard", kind_line, "Aanpak van de wateroverlast in de Polderwijk"]
    text = ["Vergadering van: College van B&W", intro, "1. het plan van aanpak vast te stellen;",
            "2. de raad te informeren met een raadsinformatiebrief."]
    found = classify(title, text)
    assert found is not None and found.doc_type == "besluit", found


@pytest.mark.parametrize("formula", [
    "gelezen het voorstel van burgemeester en wethouders van 2 mei 2032;",
    "gelezen het voorstel van het college van 14 juni 2032, nr. 88;",
    "gelezen de voordracht van gedeputeerde staten van 9 maart 2032;",
])
def test_reading_the_college_s_proposal_makes_a_council_decision(formula):
    """Convention of raadsbesluiten and statenbesluiten: the council reads the college's (GS's)
    proposal before it decides; where the text layer garbles "De raad" (OCR), the formula still
    says who decides. A motion or amendment that names itself so quotes the same formula."""
    text = ["De rd van de gemeente Zuidwaard;", formula, "gelet op artikel 147 van de Gemeentewet;", "BESLUIT:",
            "vast te stellen de verordening."]
    found = classify(["Verordening havengelden 2033", "BESLUIT:"], text)
    assert found is not None and found.doc_type == "raadsbesluit", found
    found = classify(["Amendement havengelden"], text + ["Ingediend door: P. de Wit"])
    assert found is not None and found.doc_type == "amendement", found


@pytest.mark.parametrize("attendance", [
    "In de vergadering zijn tegenwoordig de volgende leden: A. Jansen, B. de Vries",
    "Bij de opening waren aanwezig de volgende leden: C. Smit en D. Bakker",
    "Ter vergadering zijn aanwezig de leden K. Mol, L. Visser en M. de Boer",
])
def test_the_attendance_formula_of_official_minutes_makes_a_verslag(attendance):
    """Convention of official minutes (Handelingen, notulen): after the order of business they
    record who attended ("zijn tegenwoordig de volgende leden"); a title that calls the paper the
    meeting's agenda does not make it a programme's agenda."""
    found = classify(["Agenda statenvergadering 3 oktober 2032"],
                     ["Voorzitter: J. Kramer", "1. Opening. 2. Mededelingen.", attendance])
    assert found is not None and found.doc_type == "verslag", found


@pytest.mark.parametrize("field", ["Raadsvoorstel: Nota parkeernormen 2032", "Motie: Meer bankjes in het park",
                                   "Collegevoorstel: Subsidieregels sport"])
def test_a_kind_word_as_a_field_label_names_another_paper(field):
    """Convention of motion and amendment forms: a field under the title names the proposal the
    paper is about ("Raadsvoorstel: …"); its kind word is no type line of this paper."""
    title = ["Ruimte voor jongeren", "Datum: 12 mei 2032", field]
    text = ["De raad van de gemeente Zuidwaard, in vergadering bijeen op 12 mei 2032,",
            "besluit:", "beslispunt 2 van het ontwerpbesluit te vervangen door:"]
    found = classify(title, text)
    assert found is not None and found.doc_type == "amendement", found


@pytest.mark.parametrize("intro", ["Gedeputeerde Staten besluiten", "Het college besluit:", "B & W besluiten:"])
def test_a_besluit_heading_over_the_college_s_decision_is_no_type_line(intro):
    """A "Besluit" heading further down a paper (over the decision a nota records) is no type
    line: the paper is a nota of the college."""
    title = ["Rotonde bij de Dorpsstraat 12 maart 2032", "Samenvatting", "Besluit"]
    found = classify(title, ["Samenvatting", "De rotonde maakt het kruispunt veiliger.", "Besluit", intro,
                             "het voorstel vast te stellen."])
    assert found is not None and found.doc_type == "nota_bw", found


@pytest.mark.parametrize("salutation, proposal, closing", [
    ("Zeer geacht college,", "Wij stellen u voor de speeltuin aan de Lindelaan te behouden.", "Hoogachtend,"),
    ("Geacht college van B&W,", "Graag stellen wij u voor een inloopavond over de brug te houden.",
     "Met hartelijke groeten,"),
    ("Hooggeachte heer Dijkman,", "Daarom stellen wij u voor het parkeerverbod op te schorten.",
     "Met de meeste hoogachting,"),
])
def test_a_letter_that_proposes_to_the_college_is_a_brief(make_pdf, documents_of, salutation, proposal, closing):
    """Convention: a place-and-date line, an "Aan:" address, a salutation and a closing frame a
    letter; "wij stellen u voor" inside it proposes to the addressee and makes no raadsvoorstel;
    the addressee on its "Aan:" line is no body of the paper."""
    page = Page()
    page.lines(300, 60, ["Westerbroek, 4 februari 2031", "Aan: het college van burgemeester en wethouders"])
    page.lines(72, 140, [salutation, "Namens de bewoners van de wijk Ooster-Es schrijven wij u over de plannen.",
                         proposal, "Wij zien uw antwoord graag tegemoet.", closing,
                         "Vereniging Wijkbelangen Ooster-Es"], leading=16)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "brief"
    assert doc.metadata.bodies == []


@pytest.mark.parametrize("record", [
    "Amendement 2 (PvdA): het amendement wordt met 11 tegen 6 stemmen verworpen.",
    "Motie 4 (D66): de motie wordt aangenomen.",
    "Raadsvoorstel 3: conform besloten.",
])
def test_a_paper_of_speaker_turns_is_a_verslag(make_pdf, documents_of, record):
    """Convention: minutes record who spoke, line after line ("De voorzitter:", "De heer X (partij):",
    "Mevrouw Y:", Frisian "De foarsitter:", "De hear", "Mefrou"); a paper made of such turns is a
    verslag, also where one of its first lines opens with a kind of paper (a record of a vote)."""
    page = Page().add(56, 40, "GEMEENTE WESTERBROEK", size=8)
    page.lines(56, 80, ["De heer Hoekstra (CDA): Vraagt naar de planning van de fietsbrug.",
                        "Mevrouw Van den Berg (GL): Sluit zich daarbij aan.", record,
                        "De foarsitter: Stelt vast dat de raad akkoord is.",
                        "Wethouder Zijlstra: Zegt toe de raad in het voorjaar te informeren.",
                        "De hear De Boer (FNP): Is it dêrmei iens."], leading=16)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.part.doc_type == "verslag"


@pytest.mark.parametrize("title, text, kind", [
    (["Verordening ligplaatsen 2031"], ["Het algemeen bestuur van waterschap De Drie Dijken;",
                                        "gelezen het voorstel van het dagelijks bestuur van 3 maart 2031;",
                                        "besluit:", "vast te stellen de Verordening ligplaatsen."], "raadsbesluit"),
    (["Keur oppervlaktewater 2031"], ["Algemeen bestuur van Wetterskip Noardwest;", "gelet op de Waterschapswet;",
                                      "besluit:", "Aldus vastgesteld in de openbare vergadering van het algemeen "
                                      "bestuur van 9 mei 2031."], "raadsbesluit"),
    (["Legger waterkeringen Oostpolder"], ["Het algemeen bestuur van het Hoogheemraadschap van Lage Weiden,",
                                  "gelezen het voorstel van dijkgraaf en heemraden;", "besluit:"], "raadsbesluit"),
    (["Mandaatregeling 2031"], ["Het dagelijks bestuur van waterschap De Drie Dijken;",
                                "gelet op artikel 10:3 van de Algemene wet bestuursrecht;", "besluit:"], "besluit"),
])
def test_a_waterschap_assemblys_decision_is_a_raadsbesluit(title, text, kind):
    """Convention of the contract's kinds: a raadsbesluit is the decision of a representative
    assembly — the gemeenteraad, Provinciale Staten, or a waterschap's algemeen bestuur (read the
    dagelijks bestuur's proposal, "Aldus vastgesteld in de vergadering van het algemeen
    bestuur"); the executive (college, GS, a waterschap's dagelijks bestuur) takes a besluit."""
    found = classify(title, text)
    assert found is not None and found.doc_type == kind


def test_the_cues_a_line_matches_are_those_whose_patterns_match_it(monkeypatch):
    """`line_hits` (what `classify` counts a cue's lines from) names exactly the cues of a group that
    match a line, as trying each cue on it does, also after its memo started over."""
    from raadsstukken.extractors.structure import doc_types

    rules = doc_types.load_rules()
    lines = ["Raadsvoorstel over de veerpont", "Motie: een bankje bij de haven", "B E S L U I T :",
             "Het college stelt de raad voor:", "Besluitenlijst van de vergadering", "De raad besluit:",
             "Vastgesteld in de openbare vergadering", "Aan de leden van de raad", "Onderwerp: kademuur",
             "Geachte heer, mevrouw,", "Amendement", "Agendapunt 4", "", "12 maart 2031"]
    monkeypatch.setattr(doc_types, "LINE_HITS_MEMO", 5)
    for _ in range(2):
        for group, cues in rules.cue_groups().items():
            for line in lines:
                assert rules.line_hits(group, line) == tuple(k for k, _ in cues if rules.cues[k].matches(line))
    assert len(rules.memo.seen) <= 5
    assert sorted(k for cues in rules.cue_groups().values() for k, _ in cues) == list(range(len(rules.cues)))
