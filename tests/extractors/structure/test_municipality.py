"""The publishing body from the shipped CBS list, only after words that name a body."""
from __future__ import annotations

from raadsstukken.extractors.structure.municipality import find_body, lookup


def test_names_of_several_words_and_with_apostrophes():
    assert find_body(["Het college van burgemeester en wethouders van de gemeente Land van Cuijk"]).code == "GM1982"
    assert find_body(["Officiële uitgave van de gemeente 's-Hertogenbosch"]).name == "'s-Hertogenbosch"
    assert find_body(["de gemeente Súdwest-Fryslân"]).code == "GM1900"


def test_the_cue_decides_between_a_city_and_a_province_of_one_name():
    assert find_body(["Gedeputeerde Staten van Utrecht"]).code == "PV26"
    assert find_body(["de gemeente Utrecht"]).code == "GM0344"
    assert find_body(["Officiële uitgave van de provincie Groningen"]).kind == "provincie"


def test_a_bare_name_is_not_a_body():
    assert find_body(["Wij reden door Utrecht en Zwolle naar huis."]) is None


def test_aliases():
    assert lookup("Den Haag").code == "GM0518"
    assert lookup("Den Bosch").code == "GM0796"
