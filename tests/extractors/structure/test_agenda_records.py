"""Meeting records (besluitenlijsten, records of votes) as councils and boards set them: the labels,
procedural decisions and printed outcomes of their items (extractors/structure/agenda_decisions.py).

Every wording here is invented; none comes from a sample or a corpus paper."""
from __future__ import annotations

import pytest

from tests.pdfs import Page


@pytest.mark.parametrize("proposal_label, decision_label", [
    ("V O O R S T E L", "B E S L U I T V O R M I N G"),
    ("V O O R G E S T E L D  B E S L U I T", "B E S L O T E N"),
    ("Voorstel", "C O N C L U S I E"),
])
def test_a_letter_spaced_decision_label_opens_the_items_decision(make_pdf, documents_of, proposal_label,
                                                                  decision_label):
    """Convention of exports and Word forms: a record's field labels are set letter-spaced as often
    as in capitals ("B E S L U I T V O R M I N G" over the decision taken, under the proposal's
    "V O O R S T E L"); the label is read as its word, so the decision taken is the item's decision
    and the proposal it supersedes is none."""
    page = Page().add(56, 40, "Besluitenlijst van de openbare vergadering van het waterpanel", size=14, bold=True)
    y = 80
    for number, proposal, decision in [
            ("1", "Instemmen met het speelruimteplan voor de wijk Vogelkers.",
             "Het speelruimteplan wordt met een kleine wijziging vastgesteld."),
            ("2", "Het krediet voor de kademuur bij de Veerstoep beschikbaar stellen.",
             "Het krediet van de kademuur wordt beschikbaar gesteld.")]:
        page.add(56, y, f"{number}. Agendapunt over de wijk", bold=True)
        page.add(56, y + 18, proposal_label)
        page.add(56, y + 31, proposal)
        page.add(56, y + 50, decision_label)
        page.add(56, y + 63, decision)
        y += 100
    (doc,) = documents_of(make_pdf([page]))
    assert [(d.agenda_item, d.text) for d in doc.decisions] == [
        ("1", "Het speelruimteplan wordt met een kleine wijziging vastgesteld."),
        ("2", "Het krediet van de kademuur wordt beschikbaar gesteld.")]
