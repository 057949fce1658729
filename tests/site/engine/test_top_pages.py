"""Tests of the plugin's navigation: top-level pages ``mkdocs.yml`` leaves out are added."""

from __future__ import annotations

from pathlib import Path

import pathspec

from courseware.site.engine.plugin import nav_pages, with_top_pages


def test_a_page_the_nav_leaves_out_is_appended_and_translations_follow(tmp_path: Path) -> None:
    for name in ("index.md", "new.md", "new.es.md", "hidden.md", "catalog.md"):
        (tmp_path / name).write_text("# Page\n", encoding="utf-8")
    nav = ["index.md", {"Catalog": [{"All": "catalog.md"}]}]
    keep_out = pathspec.GitIgnoreSpec.from_lines(["/hidden.md"])
    assert with_top_pages(nav, tmp_path, keep_out) == [*nav, "new.md"]
    assert with_top_pages(nav, tmp_path, None) == [*nav, "hidden.md", "new.md"]


def test_nav_pages_are_found_at_any_depth() -> None:
    nav = ["a.md", {"B": [{"C": "c.md"}, "d.md", {"E": [{"F": "f/index.md"}]}]}, {"X": "x.md"}]
    assert nav_pages(nav) == {"a.md", "c.md", "d.md", "f/index.md", "x.md"}
