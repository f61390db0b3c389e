"""Entities on invented council text: laws with BWB ids, organisations, places, persons, dates, money."""
from __future__ import annotations

from raadsstukken.extractors.semantics.entities import find_entities

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


def _found(text: str, municipality: str | None = None) -> set[tuple[str, str]]:
    (entities,) = find_entities([text], municipality=municipality)
    for e in entities:
        assert text[e.start:e.end] == e.text
    return {(e.text, e.label) for e in entities}


def test_laws_cited_loosely_get_their_bwb_id():
    text = ("Bij de Wet Openbaarheid Bestuur en de oude wet BOPZ, ook wel de wet Bijzondere Opnemingen "
            "Psychiatrische Ziekenhuizen, gold een andere termijn. De wet is daarin streng.")
    (entities,) = find_entities([text])
    laws = {e.text: e.normalized for e in entities if e.label == "LAW"}
    assert laws["Wet Openbaarheid Bestuur"].startswith("BWBR")
    assert laws["wet BOPZ"] == laws["wet Bijzondere Opnemingen Psychiatrische Ziekenhuizen"]
    assert not any(t.startswith("wet is") or t.endswith((" en", " de")) for t in laws)


def test_local_regulations_and_policy_rules():
    found = _found("De Huisvestingsverordening Utrecht 2023, het Marktreglement en de Beleidsregels Bibob Gemeente "
                   "Ede gaan voor; ook de Bibob beleidsregel Twente. De beleidsregel wordt herzien.")
    assert {("Huisvestingsverordening Utrecht 2023", "LAW"), ("Marktreglement", "LAW"),
            ("Beleidsregels Bibob Gemeente Ede", "LAW"), ("Bibob beleidsregel Twente", "LAW")} <= found
    assert not any(t == "beleidsregel" or t.startswith("De beleidsregel") for t, _ in found)


def test_names_after_a_word_for_a_kind_of_organisation():
    found = _found("Samen met onderzoeksbureau Kompas, de corporaties Portaal, Vivare en Talis, voetbalclub "
                   "Rood Wit '58 en toneelvereniging ‘Het Masker’ werkt de gemeente aan de aanpak.")
    assert {("Kompas", "ORG"), ("Portaal", "ORG"), ("Vivare", "ORG"), ("Talis", "ORG"), ("Het Masker", "ORG")} <= found
    assert not any(t.startswith(("corporaties", "onderzoeksbureau")) for t, _ in found)


def test_names_after_a_word_for_a_kind_of_place():
    found = _found("De overlast in de wijken Hoograven en Lunetten daalde; op bedrijventerrein De Vergt 2 en in "
                   "het dorp Lemele komen camera's. In de kern Heino blijft het rustig.")
    assert {("Hoograven", "LOC"), ("Lunetten", "LOC"), ("De Vergt 2", "LOC"), ("Lemele", "LOC"), ("Heino", "LOC")} <= found


def test_a_capitalised_ordinary_word_after_a_kind_of_place_is_no_name():
    (entities, _) = find_entities(["Thema's: Overlast in wijken Jeugdoverlast en drugs.",
                                   "De jeugdoverlast nam toe."])
    assert not any(e.text == "Jeugdoverlast" for e in entities)


def test_ministries_by_acronym_regional_police_and_municipality_as_organisation():
    found = _found("De ministeries van BZK, SZW en OCW, het ministerie van V&J en CCV, politie Midden-Nederland "
                   "en de Gemeente Zutphen ondertekenden.")
    assert {("BZK", "ORG"), ("SZW", "ORG"), ("OCW", "ORG"), ("ministerie van V&J", "ORG"), ("CCV", "ORG"),
            ("politie Midden-Nederland", "ORG"), ("Gemeente Zutphen", "ORG")} <= found


def test_source_citations_web_names_and_ij_names():
    found = _found("Zie (NJi, maart 2020) en (RVS, 2021); meer op rtvutrecht.nl, niet info@zutphen.nl of "
                   "www.zutphen.nl. Burgemeester IJzerman opende het Wijkteam.")
    assert {("NJi", "ORG"), ("RVS", "ORG"), ("rtvutrecht.nl", "ORG"), ("IJzerman", "PER")} <= found
    assert not any("zutphen" in t for t, _ in found)


def test_compound_organisation_nouns_with_a_region_name():
    found = _found("Samen met het Veiligheidsnetwerk Midden-Brabant en het expertisecentrum Twente; niet in "
                   "winkelcentrum Zuidplein of het wijkcentrum De Bron.")
    assert {("Veiligheidsnetwerk Midden-Brabant", "ORG"), ("expertisecentrum Twente", "ORG"),
            ("Zuidplein", "LOC"), ("De Bron", "LOC")} <= found
    assert not any(t.startswith(("winkelcentrum", "wijkcentrum")) for t, _ in found)
