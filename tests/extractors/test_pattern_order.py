"""Patterns built from word lists are written the same in every process.

A regex alternation is tried left to right, so an alternation built by iterating a set or a dict
filled from one would differ between processes (Python salts string hashes per process) and, where
two arms can match at one place, so could the rows. Each builder orders its arms itself (longest
first, then alphabetically); this test builds them under two hash seeds and compares the text.
"""
from __future__ import annotations

import os
import subprocess
import sys

_BUILD = """
from raadsstukken.extractors.semantics import entities, iv3
from raadsstukken.extractors.structure import municipality
patterns = [c[2].pattern for c in municipality.gazetteer().cues]
patterns.append(entities._names_pattern().pattern)
patterns.extend(p.pattern for p in iv3.lexicon().patterns)
import hashlib
print(len(patterns), hashlib.sha256("\\n".join(patterns).encode("utf-8", "surrogatepass")).hexdigest())
"""


def _built_under(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _BUILD], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_word_list_alternations_do_not_depend_on_the_hash_seed():
    first, second = _built_under("1"), _built_under("2")
    count = int(first.split()[0])
    assert count >= 4  # the municipality cues, the names pattern and the two Iv3 term patterns
    assert first == second
