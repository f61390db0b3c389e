"""Signature blocks: role above name (two signers side by side) and a sign-off with the name first."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


def test_roles_above_names(make_pdf, documents_of):
    page = Page().add(56, 50, "Raadsbesluit", size=16, bold=True)
    page.lines(56, 90, ["De raad van de gemeente Hoogwoud besluit de verordening vast te stellen."])
    page.add(56, 140, "de griffier,").add(300, 140, "de voorzitter,")
    page.add(56, 190, "J.W. van der Linden").add(300, 190, "S. Öztürk")
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("griffier", "J.W. van der Linden"), ("voorzitter", "S. Öztürk")]


def test_sign_off_with_name_above_role(make_pdf, documents_of):
    page = Page().add(56, 50, "Jaarverslag Leerplicht 2023", size=24, bold=True)
    page.lines(56, 100, ["Ik dank alle scholen voor de goede samenwerking.", "", "Marieke Jansen", "Wethouder"])
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("wethouder", "Marieke Jansen")]


def test_routing_entries_are_not_signatures(make_pdf, documents_of):
    page = Page().add(56, 50, "Collegeadvies", size=16, bold=True)
    page.lines(56, 90, ["12-03-2024: Burgemeester", "- Wethouder", "Paraaf: Gemeentesecretaris"])
    (doc,) = documents_of(make_pdf([page]))
    assert doc.signatories == []


def test_submitters_of_a_motion_are_listed_under_their_line(make_pdf, documents_of):
    """Convention of moties and amendementen: "Ingediend door:" (or "Indieners:") and the names
    under it, one per line, each with the party it speaks for; the text after them is none."""
    page = Page().add(56, 50, "Motie", size=16, bold=True)
    page.lines(56, 90, ["De raad, in vergadering bijeen, verzoekt het college de speeltuin te behouden."], size=10)
    page.add(56, 140, "Indieners:", size=10)
    page.lines(56, 160, ["Pieter Zandvoort, Lokaal Belang", "M.K. de Groot - Dorpspartij"], size=10, leading=14)
    page.lines(56, 210, ["Aangenomen met algemene stemmen."], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [
        ("indiener", "Pieter Zandvoort, Lokaal Belang"), ("indiener", "M.K. de Groot - Dorpspartij")]


def test_forms_of_address_capitalised_particles_and_a_surname_under_its_role(make_pdf, documents_of):
    """Signers printed as councils print them: after "Dhr."/"Mw.", with "Ten"/"Op de" capitalised,
    initials without points, or the surname alone right under the role line."""
    page = Page().add(56, 50, "Besluitenlijst", size=16, bold=True)
    page.lines(56, 90, ["De raad stemt in met de jaarrekening van het recreatieschap."], size=10)
    page.add(56, 140, "De voorzitter,").add(300, 140, "De griffier,")
    page.add(56, 170, "Dhr. K. Ten Brink").add(300, 170, "Visscher")
    page.add(56, 220, "de secretaris,").add(56, 250, "H Op den Kamp")
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [
        ("voorzitter", "Dhr. K. Ten Brink"), ("griffier", "Visscher"), ("secretaris", "H Op den Kamp")]


def test_a_submitters_party_that_wraps_stays_with_the_name(make_pdf, documents_of):
    page = Page().add(56, 50, "Amendement", size=16, bold=True)
    page.lines(56, 90, ["De raad, in vergadering bijeen, besluit het voorstel als volgt te wijzigen."], size=10)
    page.add(56, 140, "Ingediend door:", size=10)
    page.lines(56, 160, ["Willemijn Bakker van Dam -", "Groen Dorp"], size=10, leading=12)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("indiener", "Willemijn Bakker van Dam - Groen Dorp")]


def test_a_role_and_its_name_on_one_line(make_pdf, documents_of):
    """A report's signature may name the role's body and the signer on one line ("De voorzitter
    van de commissie, Bakker")."""
    page = Page().add(56, 50, "Verslag van een rondetafelgesprek", size=14, bold=True)
    page.lines(56, 90, ["De commissie heeft op 4 april gesproken met deskundigen over de jeugdzorg.", "",
                        "De voorzitter van de commissie, Wijnands", "", "De griffier van de commissie, Ter Horst"])
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [
        ("voorzitter van de commissie", "Wijnands"), ("griffier van de commissie", "Ter Horst")]


def test_a_motions_submitters_sign_under_its_closing_formula(make_pdf, documents_of):
    """Convention of moties in parliament: under "en gaat over tot de orde van de dag." the
    submitters' surnames, one per line, a particle capitalised ("Van der Meulen")."""
    page = Page().add(56, 50, "MOTIE VAN DE LEDEN BRINKHORST EN VAN DER MEULEN", size=10, bold=True)
    page.lines(56, 80, ["De Kamer, gehoord de beraadslaging,",
                        "verzoekt de regering de veerdiensten te behouden,",
                        "en gaat over tot de orde van de dag.", "", "Brinkhorst", "Van der Meulen"], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.name for s in doc.signatories] == ["Brinkhorst", "Van der Meulen"]


def test_a_submitter_may_be_printed_party_first(make_pdf, documents_of):
    """"Ingediend door:" and lines "Party, Name" (the party first) list the submitters too."""
    page = Page().add(56, 50, "Amendement", size=16, bold=True)
    page.lines(56, 90, ["De raad, in vergadering bijeen, besluit het voorstel als volgt te wijzigen."], size=10)
    page.add(56, 140, "Ingediend door:", size=10)
    page.lines(56, 160, ["Dorpsbelangen Noord, Wietske Haanstra", "Groen Links, H.J. van Asperen"], size=10, leading=14)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.name for s in doc.signatories] == ["Dorpsbelangen Noord, Wietske Haanstra", "Groen Links, H.J. van Asperen"]


def test_a_form_label_under_a_role_is_no_name(make_pdf, documents_of):
    """Convention: a meeting's header table prints "Voorzitter  <name>" and the next field's label
    below; a label ("Vergaderdatum", "Zaaknummer") is never a signer's name."""
    page = Page().add(56, 50, "Besluitenlijst", size=16, bold=True)
    page.add(56, 90, "Voorzitter", size=9, bold=True).add(200, 90, "mevrouw R. Ouderkerk", size=9)
    page.add(56, 104, "Vergaderdatum", size=9, bold=True).add(200, 104, "4 maart 2031", size=9)
    page.add(56, 118, "Zaaknummer", size=9, bold=True).add(200, 118, "BL-2031-3", size=9)
    page.lines(56, 150, ["1. Opening", "De voorzitter opent de vergadering om 19.30 uur."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert all(s.name not in ("Vergaderdatum", "Zaaknummer") for s in doc.signatories)


def test_submitters_in_a_form_line_or_under_an_announcing_line(make_pdf, documents_of):
    """Convention: a motion's form prints its submitter beside the label ("Indiener  A. Smit"); an
    amendment announces its submitters in a sentence ending in "in:" with their names below."""
    page = Page().add(56, 50, "Motie", size=16, bold=True)
    page.add(56, 90, "Indiener", size=9, bold=True).add(200, 90, "Fleur van Ommeren", size=9)
    page.lines(56, 130, ["De raad, in vergadering bijeen,", "verzoekt het college de speeltuin te herstellen,",
                         "en gaat over tot de orde van de dag."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("indiener", "Fleur van Ommeren")]

    page = Page().add(56, 50, "Amendement", size=16, bold=True)
    page.lines(56, 90, ["De ondergetekenden dienen het volgende amendement in:", "Karim Bouzid - Stadspartij",
                        "Eline Vos - Groen Links", "", "Het besluit wordt aangevuld met een vierde punt."], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.name for s in doc.signatories] == ["Karim Bouzid - Stadspartij", "Eline Vos - Groen Links"]


def test_a_member_signs_a_motion_in_their_role(make_pdf, documents_of):
    """Convention: a member signs a motion or amendment as "Het lid van de gemeenteraad," or
    "raadslid," with the name under it, as a chair or clerk signs a decision."""
    page = Page().add(56, 50, "Amendement", size=16, bold=True)
    page.lines(56, 90, ["De raad besluit het voorstel aan te vullen met een budget voor de bibliotheek.", "",
                        "Het lid van de gemeenteraad,", "", "P.C. Wijnands"], size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("lid van de gemeenteraad", "P.C. Wijnands")]


def test_a_chair_named_in_a_meeting_s_header_row_signs_nothing(make_pdf, documents_of):
    """Convention of besluitenlijsten: the header names who chaired ("Voorzitter | A. de Vries"),
    a field of the meeting, not a signature; the row below ("Notulist | …", "Toelichting | …")
    is another field. Signature roles side by side without commas still sign."""
    page = Page().add(56, 50, "Besluitenlijst", size=16, bold=True)
    page.add(90, 90, "Voorzitter", size=9, bold=True).add(170, 90, "K. Hoekstra / P. Zijlma", size=9)
    page.add(84, 108, "Notulist", size=9, bold=True).add(170, 108, "Uitwerking per agendapunt hieronder", size=9)
    page.lines(56, 140, ["1. Opening", "De voorzitter opent de vergadering om 14.00 uur."], size=9.5)
    page.add(56, 200, "Griffier", size=10).add(300, 200, "Voorzitter", size=10)
    page.add(56, 230, "T. Bakker", size=10).add(300, 230, "K. Hoekstra", size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("griffier", "T. Bakker"), ("voorzitter", "K. Hoekstra")]


@pytest.mark.parametrize("first, second", [
    ("Sanne Kuipers, Partij voor de", "Vrijheid"),         # after a particle
    ("Tom Brouwer - Dorpsbelang", "(Westerzand)"),        # a bracket cannot open a name
    ("Lieke Dekker - Samen", "65+ Noordwaard"),           # nor a digit
])
def test_a_submitter_s_party_wrapped_onto_the_next_line_is_kept(make_pdf, documents_of, first, second):
    """Convention of moties in a narrow column: a long party name wraps onto the line right under
    the submitter; that line carries the name on, the next name on its own line is another."""
    page = Page().add(56, 50, "Motie", size=16, bold=True)
    page.lines(56, 90, ["De raad, in vergadering bijeen, verzoekt het college de bibliotheek open te houden."],
               size=10)
    page.add(300, 140, "Ingediend door:", size=9.5)
    page.lines(300, 180, [first, second], size=9.5, leading=12.5)
    page.add(300, 230, "Ingediend door:", size=9.5)
    page.add(300, 270, "Karel Smit - Lokaal Belang", size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [s.name for s in doc.signatories] == [f"{first} {second}", "Karel Smit - Lokaal Belang"]


@pytest.mark.parametrize("closing, name", [
    ("Met vriendelijke groet,", "Mirjam Oosterveld"), ("Hoogachtend,", "drs. P.J. Haverkamp"),
    ("Met collegiale groet,", "K. van der Meulen"),
])
def test_a_letter_is_signed_by_the_name_under_its_closing(make_pdf, documents_of, closing, name):
    """Convention of letters: the closing formula, room for a handwritten signature, and the
    signer's name; printed without a role, the signatory has none."""
    page = Page().add(68, 60, "Provincie Westerzand", size=12)
    page.lines(68, 120, ["Geacht college,", "Hierbij sturen wij u ter kennisname een afschrift van onze brief."],
               size=9.5)
    page.add(68, 200, closing, size=9.5).add(68, 270, name, size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [(None, name)]


def test_a_role_printed_under_the_letter_s_signer_is_the_signer_s_role(make_pdf, documents_of):
    page = Page().add(68, 60, "Gemeente Oostwaard", size=12)
    page.lines(68, 120, ["Geachte heer Bos,", "Wij danken u voor uw brief over de haven."], size=9.5)
    page.add(68, 200, "Met vriendelijke groet,", size=9.5).add(68, 260, "Ron Dijkstra", size=9.5)
    page.add(68, 272, "Burgemeester", size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("burgemeester", "Ron Dijkstra")]


@pytest.mark.parametrize("word", ["Twente", "Zuidwaard", "Noorderkwartier"])
def test_a_lone_word_under_a_letter_s_closing_is_no_signer(make_pdf, documents_of, word):
    """Under a letter's closing a signer's name is printed whole; a lone word there is the place
    or the body of a logo in the e-mail's signature."""
    page = Page().add(68, 60, "Verzonden: donderdag 3 maart 2032 08:55", size=9)
    page.lines(68, 100, ["Ha allemaal,", "Graag jullie reactie op het voorstel voor de teststraten."], size=9.5)
    page.add(68, 160, "Met vriendelijke groet,", size=9.5).add(70, 220, word, size=9.5)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.signatories == []


def test_role_inside_a_wrapped_sentence_is_no_signature(make_pdf, documents_of):
    """A line whose line above, in the same paragraph, ends in an article or preposition carries
    that sentence on ("… Kortvliet, 2 februari 2031. De" / "burgemeester, H. Visser"): the role and
    name there are part of the text, no sign-off; the same words as a block of their own sign."""
    page = Page().add(56, 50, "Besluitenlijst raadsvergadering 9 februari 2031", size=14, bold=True)
    page.lines(56, 90, ["Wij nodigen u uit voor de vergadering in het gemeentehuis. Kortvliet, 2 februari 2031. De",
                        "burgemeester, H. Visser"], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert doc.signatories == []
    page.lines(56, 160, ["De burgemeester,", "", "H. Visser"], size=10)
    (doc,) = documents_of(make_pdf([page]))
    assert [(s.role, s.name) for s in doc.signatories] == [("burgemeester", "H. Visser")]
