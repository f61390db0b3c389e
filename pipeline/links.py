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
    return SequenceMatcher(None, _key(a), _key(b)).ratio()


def _key(text: str) -> str:
    return text.casefold().strip(" .:")


class _Text:
    """A goal's text or a theme's label, compared with heading after heading: its SequenceMatcher
    index built once (`set_seq2`), and a heading whose upper bounds (`real_quick_ratio`,
    `quick_ratio`) stay under the threshold given no exact ratio, as it cannot reach the threshold
    (only a ratio at or over it is ever used, and it is the same `_similar` gives)."""

    def __init__(self, text: str) -> None:
        self.matcher = SequenceMatcher(None)
        self.matcher.set_seq2(_key(text))

    def similar(self, heading_key: str, threshold: float) -> float:
        m = self.matcher
        m.set_seq1(heading_key)
        if m.real_quick_ratio() < threshold or m.quick_ratio() < threshold:
            return 0.0
        return m.ratio()


def _rows(out: Path, name: str, columns: list[str]) -> list[dict]:
    """Some columns of a dataset of `out` as Python rows, in the order the dataset reads (file by
    file with `ParquetFile`, each conformed to the dataset's columns: `pyarrow.dataset` imports
    pandas, 0.3-0.5 CPU s of every run's process)."""
    import pyarrow.parquet as pq

    from raadsstukken.pipeline.writer import conform, dataset_files

    rows: list[dict] = []
    for path in dataset_files(out, name):
        rows += conform(pq.ParquetFile(path).read(), name).select(columns).to_pylist()
    return rows


def build_links(out: Path) -> list[LinkRecord]:
    from raadsstukken.pipeline.notebook import check_output

    out = check_output(out)
    goals = _rows(out, "goals", ["goal_id", "doc_id", "text", "variants"])
    themes = _rows(out, "themes", ["theme_id", "doc_id", "label"])
    if not goals and not themes:
        return []
    sections = _rows(out, "sections", ["doc_id", "position", "section_id", "heading"])
    goal_texts = [(g["goal_id"], g["doc_id"], [_Text(t) for t in [g["text"], *(g["variants"] or [])]]) for g in goals]
    theme_labels = [(t["theme_id"], t["doc_id"], _Text(t["label"])) for t in themes]
    found = []
    headed = sorted((s for s in sections if s["heading"] is not None), key=lambda s: (s["doc_id"], s["position"]))
    for s in headed:
        heading, doc = _key(s["heading"]), s["doc_id"]
        best = max(((max(t.similar(heading, GOAL_LINK) for t in texts), gid) for gid, did, texts in goal_texts
                    if did != doc), default=(0.0, None))
        if best[0] >= GOAL_LINK:
            found.append((doc, s["section_id"], "goal", best[1], round(best[0], 3), "heading~goal"))
            continue
        best = max(((label.similar(heading, THEME_LINK), tid) for tid, did, label in theme_labels if did != doc),
                   default=(0.0, None))
        if best[0] >= THEME_LINK:
            found.append((doc, s["section_id"], "theme", best[1], round(best[0], 3), "heading~theme"))
    ids = keyed_ids("lnk", "output", [(section, target) for _, section, _, target, _, _ in found])
    return [LinkRecord(link_id=i, source_doc_id=doc, source_section_id=section, target_kind=kind, target_id=target,
                       score=score, method=method) for i, (doc, section, kind, target, score, method) in zip(ids, found)]


def write_links(out: Path) -> int:
    from raadsstukken.pipeline.writer import write_part

    rows = build_links(out)
    write_part(out, "links", LINKS_PART, LINKS.to_table(rows))
    return len(rows)
