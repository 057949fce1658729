"""Staged pages fitted into one printed document: ids kept apart, links to pages the document
holds turned into its own anchors, other links into text or spelled-out addresses, images
inlined and captioned by their alt text."""

from __future__ import annotations

from courseware.site.print.pages import (
    markdown_converter,
    page_url_folder,
    print_page,
    resolve_target,
)

FILES = {
    "modules/a/index.md": b"",
    "modules/b/index.md": b"",
    "labs/x.md": b"",
    "labs/x/figure.png": b"\x89PNG fake",
}


def test_a_page_is_served_at_its_folder_address() -> None:
    assert page_url_folder("modules/a/index.md") == "modules/a"
    assert page_url_folder("labs/x.md") == "labs/x"


def test_markdown_links_resolve_from_the_file_and_builder_links_from_the_address() -> None:
    assert resolve_target("modules/a/index.md", "../b/index.md#part", FILES) == (
        "modules/b/index.md",
        "part",
    )
    assert resolve_target("modules/a/index.md", "../b/", FILES) == ("modules/b/index.md", "")
    assert resolve_target("labs/x.md", "x/figure.png", FILES) == ("labs/x/figure.png", "")
    assert resolve_target("modules/a/index.md", "../../../outside.md", FILES) is None
    assert resolve_target("modules/a/index.md", "../missing/", FILES) is None


def _printed(text: str, anchors: dict[str, str]) -> str:
    files = {**FILES, "modules/a/index.md": text.encode()}
    convert = markdown_converter(
        {"markdown_extensions": ["attr_list", {"toc": {"permalink": True}}]}
    )
    return print_page("modules/a/index.md", "p2", files, anchors, convert).body


def test_ids_get_the_page_prefix_and_links_inside_the_document_become_anchors() -> None:
    body = _printed(
        "# Title\n\n## Part one\n\n[next](../b/index.md#start) · [here](#part-one)\n",
        {"modules/a/index.md": "p2", "modules/b/index.md": "p3"},
    )
    assert 'id="p2-part-one"' in body
    assert 'href="#p3-start"' in body
    assert 'href="#p2-part-one"' in body
    assert "¶" not in body  # no permalink sign on paper


def test_a_link_to_a_page_outside_the_document_becomes_text() -> None:
    body = _printed("# T\n\n[the lab index](../../labs/index.md)\n", {"modules/a/index.md": "p2"})
    assert "the lab index" in body
    assert "href" not in body


def test_an_external_link_is_followed_by_its_address_unless_it_shows_it() -> None:
    body = _printed(
        "# T\n\n[the paper](https://example.org/paper) and <https://example.org/bare>\n",
        {"modules/a/index.md": "p2"},
    )
    assert '<span class="cw-print-url"> (https://example.org/paper)</span>' in body
    assert "(https://example.org/bare)" not in body


def test_contributed_scripts_are_removed_as_on_the_site() -> None:
    body = _printed('# T\n\n<script>alert(1)</script><p onclick="x()">hi</p>\n', {})
    assert "<script" not in body
    assert "onclick" not in body


def test_an_image_is_inlined_and_its_alt_text_becomes_the_caption() -> None:
    files = {**FILES, "labs/x.md": b"# Lab\n\n![Bar chart of 300 days.](x/figure.png)\n"}
    convert = markdown_converter({})
    body = print_page("labs/x.md", "p4", files, {"labs/x.md": "p4"}, convert).body
    assert 'src="data:image/png;base64,' in body
    assert "<figure>" in body
    assert "<figcaption>Bar chart of 300 days.</figcaption>" in body


def test_fenced_code_is_code_as_mkdocs_always_adds_the_extension() -> None:
    body = _printed("# T\n\n```python\nx = 1\n```\n", {})
    assert "<pre><code" in body
