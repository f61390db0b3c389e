"""Agendas, written questions and the notes to a regulation typed by their conventions, on generated papers.

The conventions (rules/doc_types.toml):
- a meeting's agenda ("Agenda" with the body that meets, the kind of meeting or its day) that records
  a decision under its items ("Besluit:" lines, a column headed "Besluit") is that meeting's
  besluitenlijst; without decisions it is no programme's agenda either;
- a programme's agenda with no meeting in its title ("Agenda voor …", "Agenda <place> 2040") sets
  out intents: a beleidsplan; only with an execution word ("Uitvoeringsagenda", "Actieprogramma")
  is it an uitvoeringsagenda;
- written questions of a member or party to the college, and the answers to them, are letters (brief);
- the notes to a regulation set out article by article ("Toelichting …" over "Artikel 1", "Artikel
  2") are an annex (bijlage).
Wordings are invented; none comes from a corpus or fresh paper.
"""
from __future__ import annotations

from functools import partial

import pytest

from raadsstukken.extractors.structure.doc_types import classify
from tests.extractors.structure.doc_type_papers import kind_of, one_page_paper


_paper = partial(one_page_paper, body="Gemeente Wolderwijk")
_kind = kind_of


@pytest.mark.parametrize("title, items", [
    ("Agenda algemeen bestuur 4 juni 2031", [
        "1. Opening en vaststelling van de agenda", "Besluit: de agenda wordt ongewijzigd vastgesteld.",
        "2. Jaarrekening 2030 van het schap", "Besluit: het bestuur stelt de jaarrekening vast.",
        "3. Rondvraag"]),
    ("Agenda voor de besluitvormende vergadering van het dagelijks bestuur", [
        "Nr. Onderwerp Besluit", "1. Benoeming van een secretaris Conform voorstel benoemd.",
        "2. Subsidieplafond natuurbeheer Besluit:", "Het bestuur stelt het plafond op twee ton."]),
    ("Concept-agenda commissie Grondgebied, dinsdag 9 september", [
        "Punt 1 Vaststellen notulen", "Besloten: de notulen worden vastgesteld.",
        "Punt 2 Kadernota recreatie", "Besloten: de commissie adviseert positief."]),
])
def test_a_meeting_agenda_with_decisions_under_its_items_is_a_besluitenlijst(make_pdf, documents_of, title, items):
    assert _kind(documents_of, make_pdf, _paper(title, items, body="Recreatieschap Wolderplas")) == "besluitenlijst"


@pytest.mark.parametrize("title", ["Agenda dagelijks bestuur 12 mei 2031", "Agenda openbare raadsvergadering",
                                   "Agenda voor de oordeelvormende sessie"])
def test_a_meeting_agenda_without_decisions_is_no_programme(title):
    found = classify([title, "1. Opening", "2. Mededelingen van de voorzitter"], ["3. Rondvraag"])
    assert found is None or found.doc_type not in ("besluitenlijst", "uitvoeringsagenda", "beleidsplan"), found


@pytest.mark.parametrize("title", ["Agenda voor een groene binnenstad", "Agenda Waterfront 2040",
                                   "Agenda voor vitale kernen en buurten"])
def test_a_programme_agenda_without_a_meeting_is_a_beleidsplan(make_pdf, documents_of, title):
    lines = ["Wolderwijk wil de komende tien jaar investeren in de kwaliteit van de openbare ruimte.",
             "In deze agenda beschrijven wij de ambities en de koers die wij daarbij willen volgen.",
             "Ambitie 1: meer groen in elke straat."]
    assert _kind(documents_of, make_pdf, _paper(title, lines)) == "beleidsplan"


@pytest.mark.parametrize("title", ["Uitvoeringsagenda fietsbeleid 2031-2034", "Actieprogramma schone lucht",
                                   "Werkprogramma duurzaamheid 2032", "Woonagenda Wolderwijk"])
def test_an_agenda_with_an_execution_word_or_a_theme_stays_an_uitvoeringsagenda(title):
    assert classify([title], []).doc_type == "uitvoeringsagenda"


@pytest.mark.parametrize("title", ["Raadsagenda 14 maart", "Langetermijnagenda commissie Bestuur",
                                   "Jaaragenda van het presidium"])
def test_a_meeting_s_compound_agenda_is_no_uitvoeringsagenda(title):
    found = classify([title], [])
    assert found is None or found.doc_type != "uitvoeringsagenda", found


QUESTIONS = ["1. Is het college bekend met de klachten over de bushalte aan de Dorpsweg?",
             "2. Hoeveel meldingen zijn er het afgelopen jaar binnengekomen?",
             "3. Is het college bereid in overleg te gaan met de vervoerder?",
             "T. van Amerongen", "fractie Wolderwijk Vooruit"]


@pytest.mark.parametrize("title", ["Schriftelijke vragen over de bushalte aan de Dorpsweg",
                                   "Vragen ex artikel 38 Reglement van Orde: bushalte Dorpsweg",
                                   "Artikel 41-vragen bushalte Dorpsweg"])
def test_written_questions_to_the_college_are_a_brief(make_pdf, documents_of, title):
    assert _kind(documents_of, make_pdf, _paper(title, QUESTIONS)) == "brief"


@pytest.mark.parametrize("title", ["Beantwoording schriftelijke vragen bushalte Dorpsweg",
                                   "Antwoorden op raadsvragen over de bushalte", "Technische vragen begroting 2032"])
def test_answers_to_written_questions_are_a_brief(title):
    found = classify([title], ["Vraag 1", "Het college is bekend met de klachten."])
    assert found is not None and found.doc_type == "brief", found


@pytest.mark.parametrize("title", ["Toelichting op de Verordening kwijtschelding Wolderwijk",
                                   "Artikelsgewijze toelichting marktreglement",
                                   "Toelichting Reglement commissies raad Wolderwijk"])
def test_the_notes_to_a_regulation_article_by_article_are_a_bijlage(make_pdf, documents_of, title):
    lines = ["Artikel 1. Begrippen", "In dit artikel worden de begrippen omschreven die in de regeling terugkomen.",
             "Artikel 2. Reikwijdte", "De regeling geldt voor alle inwoners die een aanvraag indienen.",
             "Artikel 3. Termijnen", "De termijn van acht weken sluit aan bij de Algemene wet bestuursrecht."]
    assert _kind(documents_of, make_pdf, _paper(title, lines)) == "bijlage"


def test_notes_without_articles_are_no_bijlage():
    found = classify(["Toelichting op de tarieven 2032"], ["De tarieven stijgen met de inflatie.",
                                                           "Dat is afgesproken in de kadernota."])
    assert found is None or found.doc_type != "bijlage", found


@pytest.mark.parametrize("mark", ["‚", "|", "'"])
def test_a_scan_s_stray_mark_before_a_title_is_no_part_of_it(mark):
    """A scan's text layer may read a speck before the first word as a mark; the title stays the
    title ("‚ Motie …" is a motion), a list's bullet is kept."""
    found = classify([f"{mark} Amendement gratis parkeren"], [])
    assert found is not None and found.doc_type == "amendement", found
    assert classify(["• Amendement gratis parkeren"], []) is None or \
        classify(["• Amendement gratis parkeren"], []).doc_type != "amendement"


LETTER = ["Onderwerp: verlichting van het fietspad langs de Vaart",
          "Al enkele maanden is het fietspad langs de Vaart na zonsondergang onverlicht.",
          "Wij vragen u de lantaarns zo snel mogelijk te laten herstellen.",
          "De bewonersvereniging Vaartkwartier"]


@pytest.mark.parametrize("kind_line", ["BRIEF", "B R I E F", "brief"])
def test_a_bare_brief_kind_line_over_the_subject_makes_a_letter(make_pdf, documents_of, kind_line):
    """A letter's layout may print its kind alone over the subject ("BRIEF", letter-spaced, or in
    lower case under the letterhead): a brief, with or without a salutation."""
    assert _kind(documents_of, make_pdf, _paper(kind_line, LETTER)) == "brief"


@pytest.mark.parametrize("kind_line, lines, kind", [
    ("besluitenlijst", ["Vergadering van het dagelijks bestuur, 3 juni 2031", "1. Opening",
                        "2. Benoeming penningmeester"], "besluitenlijst"),
    ("beleidsdocument", ["Groen in de wijk 2031-2035", "Wij willen elke wijk een park op loopafstand geven."],
     "beleidsplan"),
    ("beleidsstuk", ["Koers sportaccommodaties", "Dit stuk beschrijft hoe wij de velden willen verdelen."],
     "beleidsplan"),
])
def test_a_kind_line_set_in_lower_case_under_the_letterhead_names_the_kind(kind_line, lines, kind):
    """A lone word in lower case (no punctuation) at the top is a kind line, not the tail of a
    sentence: a line of several words that opens in lower case still carries a sentence on."""
    found = classify(["Gemeente Wolderwijk", kind_line] + lines, [])
    assert found is not None and found.doc_type == kind, found
    found = classify(["Gemeente Wolderwijk", f"{kind_line} van de vorige vergadering is vastgesteld"], [])
    assert found is None or found.doc_type != kind, found


@pytest.mark.parametrize("title, lines", [
    ("Terugmelding dagelijks bestuur 12 maart 2031", [
        "Het dagelijks bestuur vergadert elke twee weken over de lopende zaken van het schap.",
        "In de vergadering van 12 maart 2031 zijn de volgende besluiten genomen.",
        "Voorstel:", "Aanschaf van twee elektrische veegmachines",
        "Besluit:", "Het bestuur stemt in met de aanschaf binnen het vastgestelde krediet."]),
    ("Uit het college, week 14", [
        "Het college heeft op dinsdag 3 april de onderstaande besluiten genomen.",
        "Onderhoud sportvelden Noordveld", "Het college gunt het onderhoud voor drie jaar."]),
])
def test_a_record_that_announces_the_decisions_taken_is_a_besluitenlijst(make_pdf, documents_of, title, lines):
    """Convention: colleges and executive boards publish a meeting's decisions under a sentence that
    announces them ("In de vergadering van <date> zijn de volgende besluiten genomen", "heeft ... de
    onderstaande besluiten genomen"), also when the meeting had a single item: that record is the
    meeting's besluitenlijst, not a besluit of its own."""
    (doc,) = documents_of(make_pdf([_paper(title, lines)]))
    assert doc.part.doc_type == "besluitenlijst"
