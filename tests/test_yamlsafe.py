"""Contributed text is read as MkDocs reads it: the invisible characters a file starts with
(one byte order mark or several, zero-width spaces, word joiners) are removed first."""

from __future__ import annotations

from courseware.yamlsafe import decode_text, strip_invisible_prefix


def test_every_invisible_prefix_is_removed_before_any_check() -> None:
    raw = "\ufeff\ufeff\u200b\u2060\ufeff---\ntitle: x\n---\n# Page\n".encode()
    text, problems = decode_text(raw, "pages/about.md")
    assert problems == []
    assert text == "---\ntitle: x\n---\n# Page\n"


def test_invisible_characters_inside_the_text_stay() -> None:
    assert strip_invisible_prefix("# Zero\u200bwidth\n") == "# Zero\u200bwidth\n"
    assert strip_invisible_prefix("\u00ad\u200c  # Indented\n") == "  # Indented\n"


def test_utf16_is_still_refused_with_its_line() -> None:
    text, problems = decode_text("# Page\n".encode("utf-16"), "pages/wide.md")
    assert text is None
    assert [problem.code.code for problem in problems] == ["CW-FILE-004"]


def test_line_breaks_are_read_as_mkdocs_reads_them() -> None:
    text, _ = decode_text(b"---\r\ntranslation_of: x\r\n---\r\n# Page\rmore\n", "pages/a.md")
    assert text == "---\ntranslation_of: x\n---\n# Page\nmore\n"
