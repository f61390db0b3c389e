"""Names and texts printed to a terminal have control and bidi characters made visible: a file name
with an escape sequence or a newline cannot retitle the window, clear the screen or split a line."""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from click.testing import CliRunner

from raadsstukken.pipeline.cli import main
from raadsstukken.pipeline.progress import Progress
from raadsstukken.pipeline.terminal import VisibleFormatter, visible

HOSTILE = "brief\x1b]0;overgenomen\x07\nregel2\u202egpj.pdf"


def test_visible_escapes_controls_bidi_and_undecodable_bytes():
    assert visible(HOSTILE) == "brief\\x1b]0;overgenomen\\x07\\nregel2\\u202egpj.pdf"
    assert visible("raad\udcffsbesluit.pdf") == "raad\\xffsbesluit.pdf"  # a byte surrogateescape kept
    assert visible("Zeeën — café\tjaar") == "Zeeën — café\\tjaar"


@dataclass
class _Outcome:
    source_file: str
    status: str = "failed"
    n_pages: int | None = 1


def test_progress_lines_stay_one_line_each():
    for live in (False, True):
        stream = io.StringIO()
        progress = Progress(2, stream=stream, live=live)
        progress.page(HOSTILE, 1, 3)
        progress.update(_Outcome(HOSTILE))
        progress.close()
        out = stream.getvalue()
        assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
        lines = out.strip("\n").split("\n")
        assert len(lines) == 1 and "\\n" in lines[0]


def test_log_lines_show_the_names_they_quote():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(VisibleFormatter("%(levelname)s %(message)s"))
    log = logging.getLogger("raadsstukken.test_terminal")
    log.addHandler(handler)
    try:
        log.warning("%s: %s", HOSTILE, "invalid_pdf")
    finally:
        log.removeHandler(handler)
    assert stream.getvalue() == "WARNING brief\\x1b]0;overgenomen\\x07\\nregel2\\u202egpj.pdf: invalid_pdf\n"


def test_cli_prints_a_hostile_name_visibly(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nota\x1b[2J\x1b]0;titel\x07.pdf").write_bytes(b"geen pdf")
    result = CliRunner().invoke(main, ["-q", "run", str(folder), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    result = CliRunner().invoke(main, ["run", str(folder), "--out", str(tmp_path / "out")])
    assert "nota\\x1b[2J\\x1b]0;titel\\x07.pdf" in result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
