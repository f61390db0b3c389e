"""The markdown and text diffs are encoded for where they go: markup from a PDF is shown, never
run, when the markdown is rendered; control characters are shown as escapes in the text diff."""
from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from raadsstukken.pipeline.audit.diff import Change, DatasetStats, DocumentDiff, OutputDiff, RowDiff
from raadsstukken.pipeline.audit.diff_render import render_text

SCRIPT = "<script>alert(1)</script>"


def _diff() -> OutputDiff:
    change = Change("text", f"De raad besluit. {SCRIPT}", f"De raad besluit anders. {SCRIPT} <img src=x onerror=alert(2)>",
                    words=[("=", "De raad"), ("-", "besluit."), ("+", "besluit anders. <b onclick=x>"),
                           ("=", f"{SCRIPT}\n<iframe src=javascript:alert(3)>")])
    row = RowDiff("sections", "changed", f"section '{SCRIPT}'", "sec-1", 1, [change, Change("heading", "a\x1b]0;x\x07", SCRIPT)])
    doc = DocumentDiff(f"na\nme\x1b[2J{SCRIPT}.pdf", 0, title=f"[klik](javascript:alert(4)) {SCRIPT}",
                       doc_type="raadsvoorstel", old_doc_id="a-0", new_doc_id="a-0", old_file_id="f1", new_file_id="f2",
                       rows=[row])
    return OutputDiff(Path("oud"), Path("nieuw"), "1", "1", [doc], [DatasetStats("sections", ("section_id",), 1, 1, changed=1)],
                      warnings=[f"een waarschuwing {SCRIPT}"])


def test_markdown_diff_renders_no_markup_from_the_data():
    text = render_text(_diff(), markdown=True)
    ours = re.sub(r"^> |->", "", text, flags=re.M)  # the diff's own blockquote and arrows
    assert "<" not in ours and ">" not in ours  # every angle bracket of the data is an entity
    rendered = MarkdownIt("commonmark").render(text)
    for tag in ("<script", "<img", "<iframe", "<b ", "href=\"javascript"):
        assert tag not in rendered
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered  # shown as text


def test_text_diff_shows_control_characters_and_keeps_one_line_per_item():
    text = render_text(_diff())
    assert "\x1b" not in text and "\x07" not in text
    assert "na\\nme\\x1b[2J" in text and "\\x1b]0;x\\x07" in text
    assert all("iframe" not in line or "script" in line for line in text.splitlines())  # the newline is shown: \\n
