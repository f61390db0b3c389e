"""Draw a seeded random sample of predicted entities with their context, for a precision check by hand.

    python bench/entity_sample.py [OUTPUT_DIR] [--n 100] [--seed 0] > sample.md

Prints a Markdown table (entity, label, method, context); add a verdict column by hand. The sample
is random over all entities of the output, so it shows the precision of what a user gets.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="output", type=Path)
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import pandas as pd

    from raadsstukken.pipeline.notebook import load_output as load

    entities = load(args.output, "entities")
    sections = load(args.output, "sections").set_index("section_id")
    rows = entities.sort_values("entity_id").to_dict("records")
    sample = random.Random(args.seed).sample(rows, min(args.n, len(rows)))
    print("| # | entity | label | method | context |")
    print("|---|---|---|---|---|")
    for i, e in enumerate(sorted(sample, key=lambda e: e["entity_id"]), 1):
        section = sections.loc[e["section_id"]] if e["section_id"] in sections.index else None
        text = ""
        if section is not None and (pd.isna(e["start_char"]) or pd.isna(e["end_char"])):
            text = f"(heading) {section['heading']}"  # entities of a heading carry no offsets
        elif section is not None:
            start, end = int(e["start_char"]), int(e["end_char"])
            text = (section["text"] or "")[max(0, start - 60):end + 60]
        text = text.replace("\n", " ").replace("|", "/")
        print(f"| {i} | {e['text']} | {e['label']} | {e['method']} | {text} |")


if __name__ == "__main__":
    main()
