"""The data dictionary (`docs/datasets.md`), generated from the dataset definitions.

`raadsstukken dictionary` writes it; a test fails when the file and the schemas disagree.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from raadsstukken.schemas.datasets import DATASETS, SCHEMA_CHANGES, SCHEMA_VERSION

JOINS = [
    ("runs.file_id", "documents.file_id", "what happened to the file a document comes from"),
    ("documents.doc_id", "pages.doc_id", "the pages of a document (pages are keyed by file_id, page)"),
    ("documents.doc_id", "sections.doc_id", "the sections of a document"),
    ("sections.parent_id", "sections.section_id", "the enclosing section"),
    ("documents.doc_id", "decisions.doc_id", "the decision points of a document"),
    ("themes.theme_id", "goals.theme_id", "the goals of a theme"),
    ("goals.goal_id", "actions.goal_id", "the actions of a goal"),
    ("links.target_id", "goals.goal_id / themes.theme_id", "what a section refers to (by target_kind)"),
    ("tables.table_id", "table_cells.table_id", "the cells of a table"),
    ("tables.table_id", "statistics.table_id", "the tidy figures of a table"),
    ("sections.section_id", "amounts.section_id", "the section an amount is written in"),
    ("sections.section_id", "entities.section_id", "the section an entity occurs in (start_char/end_char in its text)"),
    ("pages.(file_id, page)", "any row's (file_id or doc_id, page)", "where a row was read, with its bbox"),
]


def render_dictionary(filled_by: Mapping[str, Sequence[str]] | None = None) -> str:
    """The dictionary as Markdown; `filled_by` names, per result field, the stages that assign it
    (`pipeline.stages.assigning_stages`), so each dataset says which stages fill it."""
    lines = [
        "# Datasets",
        "",
        f"Generated from `schemas/datasets.py` (schema version {SCHEMA_VERSION}) by `raadsstukken dictionary`;",
        "do not edit by hand. Every dataset is a folder of Parquet files under the output directory.",
        "Boxes (`bbox`) are `[x0, top, x1, bottom]` in PDF points, origin top-left, on the page as",
        "pdfplumber presents it. Absent values are null, never empty strings.",
        "",
        "| dataset | key | rows |",
        "|---|---|---|",
    ]
    lines += [f"| [`{d.name}`](#{d.name}) | {', '.join(d.key)} | {d.description} |" for d in DATASETS.values()]
    lines += ["", "## Schema versions", ""]
    lines += [f"- **{version}**: {what}" for version, what in SCHEMA_CHANGES]
    lines += ["", "## How they join", "", "| from | to | meaning |", "|---|---|---|"]
    lines += [f"| `{a}` | `{b}` | {m} |" for a, b, m in JOINS]
    for d in DATASETS.values():
        lines += ["", f"## {d.name}", "", d.description, "", f"Key: `{', '.join(d.key)}`", ""]
        if filled_by is not None and d.reads:
            stages = sorted({s for field in d.reads for s in filled_by.get(field, ())})
            lines += [f"Filled by the stages {', '.join(f'`{s}`' for s in stages)} "
                      f"(reads {', '.join(f'`{f}`' for f in d.reads)} of the document result).", ""]
        lines += ["| column | type | null | meaning |", "|---|---|---|---|"]
        for c in d.columns:
            meaning = c.description + (f" One of: {', '.join(f'`{v}`' for v in c.enum)}." if c.enum else "")
            lines.append(f"| `{c.name}` | {c.arrow_type} | {'yes' if c.nullable else 'no'} | {meaning} |")
    return "\n".join(lines) + "\n"
