"""Every staged page opens with front matter, so MkDocs never reads its first lines as
MultiMarkdown metadata."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

from courseware.site.staging.front_matter import split_front_matter, with_front_matter


def test_a_page_without_metadata_gets_empty_front_matter() -> None:
    body = "Title: <script>alert(1)</script>\nTemplate: redirect.html\n\n# Home\n"
    staged = with_front_matter({}, body)
    text, meta = get_data(staged)
    assert meta == {}
    assert text == body


def test_metadata_is_written_as_json_front_matter() -> None:
    text, meta = get_data(with_front_matter({"translation_of": "pages/index.md"}, "# Hi\n"))
    assert meta == {"translation_of": "pages/index.md"} and text == "# Hi\n"


def test_front_matter_closed_by_a_yaml_document_end_is_read_as_mkdocs_reads_it() -> None:
    text = "---\ntitle: '<script>alert(1)</script>'\n...\n# Page\n"
    metadata, body, problems = split_front_matter(text, "pages/a.md")
    assert get_data(text)[1] == {"title": "<script>alert(1)</script>"}  # what MkDocs sees
    assert metadata == {"title": "<script>alert(1)</script>"} and body == "# Page\n"
    assert [(p.line, p.field) for p in problems] == [(2, "title")]
