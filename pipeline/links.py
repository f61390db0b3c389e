"""Links across documents: a progress report's sections tied to the goals and themes of the plan
it reports on, when both are in the output. Rebuilt over the whole output after a run.

A section whose heading repeats a goal of another document (similarity >= GOAL_LINK) links to
that goal; a section whose heading names a theme of another document links to the theme.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from pathlib import Path

from raadsstukken.schemas.ids import keyed_ids
from raadsstukken.schemas.datasets import LINKS, LinkRecord

GOAL_LINK = 0.85
THEME_LINK = 0.9
LINKS_PART = "cross-document"


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, a.casefold().strip(" .:"), b.casefold().strip(" .:")).ratio()


def build_links(out: Path) -> list[LinkRecord]:
    from raadsstukken.pipeline.notebook import load_output as load

    sections, goals, themes = load(out, "sections"), load(out, "goals"), load(out, "themes")
    if goals.empty and themes.empty:
        return []
    goal_texts = [(g.goal_id, g.doc_id, [g.text, *list(g.variants if g.variants is not None else [])])
                  for g in goals.itertuples()]
    theme_labels = [(t.theme_id, t.doc_id, t.label) for t in themes.itertuples()]
    found = []
    for s in sections.dropna(subset=["heading"]).sort_values(["doc_id", "position"]).itertuples():
        best = max(((max(_similar(s.heading, t) for t in texts), gid) for gid, did, texts in goal_texts
                    if did != s.doc_id), default=(0.0, None))
        if best[0] >= GOAL_LINK:
            found.append((s.doc_id, s.section_id, "goal", best[1], round(best[0], 3), "heading~goal"))
            continue
        best = max(((_similar(s.heading, label), tid) for tid, did, label in theme_labels if did != s.doc_id),
                   default=(0.0, None))
        if best[0] >= THEME_LINK:
            found.append((s.doc_id, s.section_id, "theme", best[1], round(best[0], 3), "heading~theme"))
    ids = keyed_ids("lnk", "output", [(section, target) for _, section, _, target, _, _ in found])
    return [LinkRecord(link_id=i, source_doc_id=doc, source_section_id=section, target_kind=kind, target_id=target,
                       score=score, method=method) for i, (doc, section, kind, target, score, method) in zip(ids, found)]


def write_links(out: Path) -> int:
    from raadsstukken.pipeline.writer import write_part

    rows = build_links(out)
    write_part(out, "links", LINKS_PART, LINKS.to_table(rows))
    return len(rows)
