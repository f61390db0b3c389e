"""spaCy imported without its command line still tags the same and still has its command line."""
from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from raadsstukken.extractors.semantics.entities import find_entities
text = "Het college van Weidebroek vraagt de Wet milieubeheer na; wethouder J. de Vries belt met Staatsbosbeheer."
found = [(e.text, e.label) for e in find_entities([text])[0]]
print(found)
print("spacy.cli imported:", type(sys.modules["spacy.cli"]).__name__ == "module")
import spacy
import spacy.cli.train  # a submodule of the real package
print(callable(spacy.cli.download), type(sys.modules["spacy.cli"]).__name__ == "module", callable(spacy.info))
"""


def test_tagging_without_the_cli_and_the_cli_when_asked_for() -> None:
    lazy = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.splitlines()
    plain = subprocess.run([sys.executable, "-c", "import spacy.cli\n" + SCRIPT], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert lazy[0] == plain[0] and "Wet milieubeheer" in lazy[0]
    assert lazy[1] == "spacy.cli imported: False" and plain[1] == "spacy.cli imported: True"
    assert lazy[2] == plain[2] == "True True True"
