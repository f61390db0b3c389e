"""Entities on invented council text: laws with BWB ids, organisations, places, persons, dates, money."""
from __future__ import annotations

from extractors.entities import find_entities

TEXT = ("Op 3 maart 2025 besprak de raad van Hoogwoud de uitvoering van de Wet maatschappelijke ondersteuning 2015 "
        "en de Awb. Burgemeester P. de Boer en wethouder Jansen spraken met het Openbaar Ministerie (OM) en het "
        "ministerie van Binnenlandse Zaken en Koninkrijksrelaties. De Veiligheidsregio Twente en Stichting Welzijn "
        "Noord doen mee in Zuid-Nederland en Noord-Brabant. Het plan kost € 2,5 mln. De Horecawet en de "
        "APV-bepalingen gelden vanaf juni 2024. Om 9 uur begint de vergadering.")


def _by_label():
    (entities,) = find_entities([TEXT], municipality="Hoogwoud")
    out: dict[str, dict[str, str | None]] = {}
    for e in entities:
        assert TEXT[e.start:e.end] == e.text
        out.setdefault(e.label, {})[e.text.rstrip(".")] = e.normalized
    return out


def test_laws_with_bwb_ids_and_aliases():
    laws = _by_label()["LAW"]
    assert laws["Wet maatschappelijke ondersteuning 2015"].startswith("BWBR")
    assert laws["Awb"] == laws.get("Awb") and laws["Awb"].startswith("BWBR")
    assert "Horecawet" in laws and "APV" in laws


def test_organisations_places_and_persons():
    found = _by_label()
    assert found["ORG"]["OM"] == "Openbaar Ministerie"
    assert "Openbaar Ministerie" in found["ORG"]
    assert "ministerie van Binnenlandse Zaken en Koninkrijksrelaties" in found["ORG"]
    assert "Veiligheidsregio Twente" in found["ORG"] and "Stichting Welzijn Noord" in found["ORG"]
    assert {"Zuid-Nederland", "Noord-Brabant", "Hoogwoud"} <= set(found["LOC"])
    assert {"P. de Boer", "Jansen"} <= set(found["PER"])
    assert "Om" not in found.get("ORG", {})  # the word "om" is not the OM


def test_dates_and_money_are_normalized():
    found = _by_label()
    assert found["DATE"]["3 maart 2025"] == "2025-03-03"
    assert "juni 2024" in found["DATE"]
    assert found["MONEY"]["€ 2,5 mln"] == "2500000.00 EUR"


def test_organisation_and_place_patterns():
    text = ("De leerlingen van het Thorbecke Lyceum en het Landelijk Expertisecentrum Jeugdzorg (LEJ) "
            "hielden een actie op het Stationsplein en in de Molenstraat.\n\nWethouder Smit\n\nCollege")
    (entities,) = find_entities([text])
    found = {(e.text, e.label) for e in entities}
    assert {("Thorbecke Lyceum", "ORG"), ("LEJ", "ORG"), ("Stationsplein", "LOC"), ("Molenstraat", "LOC")} <= found
    assert ("Landelijk Expertisecentrum Jeugdzorg", "ORG") in found
    assert not any("\n" in t for t, _ in found)
