"""Iv3 taakvelden of sections and documents (extractors/semantics/iv3.py), on invented wordings."""
from __future__ import annotations

from tests.pdfs import Page

from raadsstukken.extractors.semantics.iv3 import classify, hoofdtaak, lexicon


def test_the_list_ships_every_hoofdtaak_with_its_version_year():
    lex = lexicon()
    assert lex.version == "2025"
    assert {t.hoofdtaak for t in lex.taakvelden.values()} == set(range(9))
    assert lex.taakvelden["1.2"].name == "Openbare orde en veiligheid"


def test_a_section_gets_the_taakveld_its_terms_name_and_the_method_says_which():
    (fire, roads), _ = classify([
        ("Nieuwe kazerne", "De vrijwillige brandweer krijgt een kazerne dichter bij de kern, zodat de opkomsttijd daalt."),
        ("Fietsveiligheid", "We leggen een vrijliggend fietspad aan en verlagen de snelheid naar 30 km op de dijk."),
    ])
    assert (fire.taakveld, hoofdtaak(fire.taakveld)) == ("1.1", 1)
    assert fire.method.startswith("lexicon:") and "brandweer" in fire.method
    assert roads.taakveld == "2.1" and "fietspad" in roads.method
    assert 0 < fire.score <= 1


def test_a_procedural_item_is_bestuur_unless_a_subject_outweighs_it():
    (opening, subject), _ = classify([
        ("Punt 1", "De voorzitter opent de vergadering. De agenda wordt ongewijzigd vastgesteld."),
        ("Punt 2", "De raad bespreekt de schuldhulpverlening en het minimabeleid: bijzondere bijstand en "
                   "de individuele inkomenstoeslag worden verruimd."),
    ])
    assert opening.taakveld == "0.1" and opening.method.startswith("procedure:")
    assert subject.taakveld == "6.3"


def test_a_section_without_terms_takes_its_documents_taakveld_and_a_bare_document_has_none():
    decisions, document = classify([
        ("Afval", "Het restafval wordt apart opgehaald; de afvalstoffenheffing en de gft-inzameling veranderen."),
        ("Planning", "Vanaf het voorjaar."),
    ])
    assert document.taakveld == "7.3" and decisions[1] == type(decisions[1])("7.3", None, "document")
    (nothing,), bare = classify([("Bijlage", "Zie hieronder.")])
    assert nothing.taakveld is None and nothing.method == "none" and bare.taakveld is None


def test_a_party_name_or_a_word_that_only_begins_like_a_term_is_no_evidence():
    """"GroenLinks" is no groen, "Partij voor de Dieren" no dierenwelzijn, "natuurlijk" no natuur:
    only the item's subject words count (here two of verkeer), so the score is 1."""
    (item,), _ = classify([("Vragen over de bromfietsen", "Namens GroenLinks en de Partij voor de Dieren vragen "
                            "wij natuurlijk naar de snelheid van bromfietsers op het fietspad.")])
    assert (item.taakveld, item.score) == ("2.1", 1.0)


def test_domain_terms_of_the_bbv_fields_beyond_the_list_names():
    """Woonschepen and their ligplaatsen are wonen en bouwen; a warenmarkt is a bedrijfsregeling;
    jacht and fauna are natuur (openbaar groen)."""
    decisions, _ = classify([
        ("Ligplaatsen", "Het college wijst zes nieuwe ligplaatsen aan voor woonschepen aan de oostkade."),
        ("Donderdagmarkt", "De warenmarkt verhuist naar het plein; de kramen krijgen stroompunten."),
        ("Ganzen", "De jacht op ganzen blijft beperkt; de fauna in de uiterwaarden wordt geteld."),
    ])
    assert [d.taakveld for d in decisions] == ["8.3", "3.3", "5.7"]


def test_the_pipeline_fills_the_taakveld_of_sections_and_document(make_pdf, documents_of):
    page = Page()
    y = page.lines(56, 50, ["Sportaccommodaties"], size=16, bold=True) + 6
    y = page.lines(56, y, ["De sporthal en het zwembad worden gerenoveerd; de kunstgrasvelden van het sportpark",
                           "krijgen nieuwe kleedkamers."]) + 10
    y = page.lines(56, y, ["Verder"], size=16, bold=True) + 6
    page.lines(56, y, ["Over de uitvoering volgt later meer."])
    (doc,) = documents_of(make_pdf([page]))
    by_heading = {s.heading: d for s, d in zip(doc.sections, doc.section_iv3)}
    assert by_heading["Sportaccommodaties"].taakveld == "5.2"
    assert by_heading["Verder"].method == "document"
    assert doc.iv3 is not None and doc.iv3.taakveld == "5.2"
