"""Every staged page opens with front matter, so MkDocs never reads its first lines as
MultiMarkdown metadata."""

from __future__ import annotations

from mkdocs.utils.meta import get_data

from courseware.site.staging.front_matter import with_front_matter


def test_a_page_without_metadata_gets_empty_front_matter() -> None:
    body = "Title: <script>alert(1)</script>\nTemplate: redirect.html\n\n# Home\n"
    staged = with_front_matter({}, body)
    text, meta = get_data(staged)
    assert meta == {}
    assert text == body


def test_metadata_is_written_as_json_front_matter() -> None:
    text, meta = get_data(with_front_matter({"translation_of": "pages/index.md"}, "# Hi\n"))
    assert meta == {"translation_of": "pages/index.md"} and text == "# Hi\n"
