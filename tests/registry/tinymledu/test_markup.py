"""Removing markup from TinyMLedu text."""

from __future__ import annotations

from courseware.registry.tinymledu.markup import clean_field, clean_text


def test_line_breaks_become_spaces() -> None:
    cleaned = clean_text("SciTinyML 2022<br/>Africa, Asia, and Latam")
    assert cleaned.text == "SciTinyML 2022 Africa, Asia, and Latam"
    assert cleaned.removed == ("<br/>",)
    assert clean_text("A<BR >B<br>C").text == "A B C"


def test_tags_and_entities_are_removed_even_when_hidden() -> None:
    assert clean_text("<b>Bold</b> &amp; plain").text == "Bold & plain"
    assert clean_text("&lt;i&gt;x&lt;/i&gt;").text == "x"


def test_control_characters_and_spacing() -> None:
    cleaned = clean_text("  TinyML\u0007 Foundation      ")
    assert cleaned.text == "TinyML Foundation"
    assert cleaned.removed == ("U+0007",)
    assert clean_text("plain text").removed == ()


def test_clean_field_warns_with_what_was_removed() -> None:
    text, findings = clean_field("title", "A<br/>B")
    assert text == "A B"
    (finding,) = findings
    assert (finding.field, finding.kind) == ("title", "warning")
    assert finding.message == "markup removed (<br/>): 'A B'"
    assert clean_field("title", "Plain") == ("Plain", [])
