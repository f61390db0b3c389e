"""The kind of paper a publication's head fields name ("Soort: Raadsbesluit").

Official publications and the exports of council information systems print the paper's kind among
its head fields, under a label of its own ("Soort", "Soort document", "Documentsoort", "Type
document"): beside its value, or in a box of cells over their values ("Organisatie | Soort | Datum"
over "Gemeente X | Besluit | 3 maart 2031"). That value is the paper's type line; the split reads it
with the title cues of rules/doc_types.toml (a value that names no kind, "Gemeenteblad", adds nothing).
"""
from __future__ import annotations

import re
from functools import lru_cache

from raadsstukken.extractors.layout.records import PageLayout
from raadsstukken.extractors.rules import read_rules
from raadsstukken.extractors.structure.forms import find_field, match_label, page_rows
from raadsstukken.extractors.structure.metadata import form_label_rest


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[re.Pattern[str], ...], int]:
    data = read_rules("doc_types")["kind_field"]
    return tuple(re.compile(p, re.IGNORECASE) for p in data["labels"]), int(data["max_words"])


def kind_field(page: PageLayout) -> str | None:
    """The value a page's kind field prints ("Raadsbesluit"), or None where it prints none."""
    labels, max_words = _rules()
    found = find_field(page_rows(page), labels,
                       lambda cell: form_label_rest(cell) is not None or match_label(cell, labels) is not None)
    value = " ".join(found.text.split()) if found is not None else ""
    return value if value and len(value.split()) <= max_words else None
