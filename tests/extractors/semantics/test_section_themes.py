"""Theme decisions of sections: heading path first, then the topic lexicons (invented plan text)."""
from __future__ import annotations

from raadsstukken.extractors.semantics.plans import Theme
from raadsstukken.extractors.semantics.section_themes import classify_sections, lexicon, theme_topics
from tests.pdfs import Page


def test_every_topic_has_terms_and_theme_labels_find_their_topics():
    assert all(terms for terms in lexicon().topics.values())
    assert theme_topics(Theme("Veilig fietsen naar school", "other", 1, 0)) == ("jeugd", "verkeer")
    assert theme_topics(Theme("Aanpak van georganiseerde criminaliteit", "other", 1, 0)) == ("ondermijning",)
    assert theme_topics(Theme("Samen sterk", "other", 1, 0)) == ()


def _report() -> list[Page]:
    page = Page()
    y = page.lines(56, 50, ["Verkeersveiligheid"], size=16, bold=True) + 6
    y = page.lines(56, y, ["We willen de volgende doelen bereiken:"]) + 4
    y = page.lines(56, y, ["1. Veiliger oversteken", "2. Minder snelheidsovertredingen"]) + 10
    y = page.lines(56, y, ["Hennep en coffeeshops"], size=16, bold=True) + 6
    y = page.lines(56, y, ["Onze ambities voor de komende jaren:"]) + 4
    y = page.lines(56, y, ["1. Minder drugsoverlast", "2. Geen drugslabs"]) + 10
    y = page.lines(56, y, ["Terugblik op het afgelopen jaar"], size=16, bold=True) + 6
    y = page.lines(56, y, ["Op drie schoolroutes zijn de oversteekplaatsen voor fietsers verbreed en bij de",
                           "rotonde is de snelheid verlaagd. Verkeersongevallen met bromfietsen namen af."]) + 10
    y = page.lines(56, y, ["Geld"], size=16, bold=True) + 6
    page.lines(56, y, ["De begroting kent een reserve; de dekking is structureel en deels incidenteel."])
    return [page]


def test_sections_without_a_theme_heading_are_classified_by_their_words(make_pdf, documents_of):
    (doc,) = documents_of(make_pdf(_report()))
    decisions = {s.heading: d for s, d in zip(doc.sections, classify_sections(doc.sections, doc.themes))}
    assert decisions["Verkeersveiligheid"].method == "heading_path" and decisions["Verkeersveiligheid"].score == 1.0
    lookback = decisions["Terugblik op het afgelopen jaar"]
    assert lookback.method == "lexicon" and lookback.theme.label == "Verkeersveiligheid" and lookback.score > 0.5
    assert decisions["Geld"].theme is None and decisions["Geld"].method == "none"
