"""Control characters and bidi overrides a ToUnicode map sends into the text are dropped from
every dataset text, with one warning per file in `runs.warnings`."""
from __future__ import annotations

import hashlib

from raadsstukken.extractors.text.controls import drop_controls
from raadsstukken.pipeline.inputs import SourceInfo
from raadsstukken.pipeline.run import FileTask, process_file
from tests.raw_pdf import RawPage, write_raw_pdf

HOSTILE = {"#": "\x1b", "~": "\u202e", "^": "\x00", "|": "\x07", "@": "\x1b]0;titel\x07", "`": "\x7f", "$": "\u2066"}


def test_drop_controls_keeps_tab_newline_and_letters():
    assert drop_controls("a\tb\nc") == ("a\tb\nc", 0)
    assert drop_controls("De\x00 raad\x1b[2J\u202e besluit\x7f\u2069\x9b") == ("De raad[2J besluit", 6)
    assert drop_controls("Zeeën én ĳs €") == ("Zeeën én ĳs €", 0)


def test_control_and_bidi_characters_never_reach_the_rows(tmp_path):
    page = RawPage(to_unicode=HOSTILE)
    page.add(72, 60, "Besluit over de ~kade~ aan het water", 16, bold=True)
    page.add(72, 110, "De raad stemt in met#het plan^ voor de kade| en de brug@ over de`$ rivier.")
    path = write_raw_pdf(tmp_path / "stuurtekens.pdf", [page])
    outcome = process_file(FileTask(path, path.name, hashlib.sha256(path.read_bytes()).hexdigest(), SourceInfo()))
    assert outcome.status == "ok", outcome.error
    texts = [v for table in outcome.tables.values() for row in table.to_pylist() for v in row.values()
             if isinstance(v, str)]
    joined = " ".join(texts)
    assert "De raad stemt in methet plan voor de kade en de brug]0;titel over de rivier." in joined
    assert "Besluit over de kade aan het water" in joined
    assert not [t for t in texts if drop_controls(t)[1]]
    assert [w for w in outcome.warnings if "control" in w] == [
        "dropped 9 control or bidi-override character(s) from the text (a broken or hostile ToUnicode map?); "
        "the text around them is kept"]
