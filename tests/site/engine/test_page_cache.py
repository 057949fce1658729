"""The page cache (``engine.page_cache``) with real MkDocs builds of the fixture project: a
page whose inputs did not change is not converted again, even in a new process, an edited
body is, and the site is byte for byte what a build without the cache writes."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from tests.conftest import copy_project

from courseware.project_paths import LAST_BUILD_FILE
from courseware.site.commands.build import build_site
from courseware.site.engine.page_cache import PAGE_CACHE_DIR, conversion_keys, converted_pages

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site-build")]

LANGUAGES = ("en", "es", "pt", "fr", "ar")


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _converted(project: Path) -> dict[str, list[str] | None]:
    return {code: converted_pages(project / PAGE_CACHE_DIR, code) for code in LANGUAGES}


def _edit(project: Path, name: str = "index.md") -> None:
    page = project / "pages" / name
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")


def test_an_edited_body_is_converted_again_and_nothing_else(tmp_path: Path) -> None:
    project = copy_project("project", tmp_path / "cached")
    build_site(project)
    cold = _converted(project)
    assert all(cold[code] for code in LANGUAGES), cold  # an empty cache converts every page

    # A new process's build of an unchanged project converts nothing: the previous site
    # and the build record are gone, so every language runs MkDocs again.
    shutil.rmtree(project / "site")
    (project / LAST_BUILD_FILE).unlink()
    build_site(project)
    assert _converted(project) == {code: [] for code in LANGUAGES}

    _edit(project)
    build_site(project)
    after = _converted(project)
    # English, and the languages that show the English body under their own notice,
    # convert that page and no other; Spanish has its own translation (index.es.md).
    assert after["en"] == ["index.md"]
    assert after["es"] == []
    assert all(pages in ([], ["index.md"]) for pages in after.values()), after


def test_a_cached_build_writes_the_same_site_as_an_uncached_one(tmp_path: Path) -> None:
    cached = copy_project("project", tmp_path / "cached")
    build_site(cached)
    _edit(cached)
    build_site(cached)  # every page but the edited one restored from the cache

    fresh = copy_project("project", tmp_path / "fresh")
    _edit(fresh)
    build_site(fresh)  # no cache: every page converted
    assert all(_converted(fresh)[code] for code in LANGUAGES)

    assert _tree_digest(cached / "site") == _tree_digest(fresh / "site")


def test_a_body_several_languages_show_is_converted_once(tmp_path: Path) -> None:
    project = copy_project("project", tmp_path / "fallback")
    (project / "pages" / "about.md").write_text(
        "# About\n\nA page nobody translated, with a [link](catalog.md).\n", "utf-8"
    )
    build_site(project)
    keys = {code: conversion_keys(project / PAGE_CACHE_DIR, code) for code in LANGUAGES}
    # Spanish, Portuguese and French show the English body under a notice in their own
    # language: one conversion, whichever run came first, reused by the others (Arabic's
    # copy also says the body runs left to right, so it is converted apart).
    shared = {keys[code]["about.md"] for code in ("es", "pt", "fr")}
    assert len(shared) == 1
    assert keys["ar"]["about.md"] not in shared
    built = (project / "site" / "pt" / "about" / "index.html").read_text(encoding="utf-8")
    assert "cw-fallback" in built and "nobody translated" in built


def test_a_changed_translation_swaps_its_language_into_the_same_site(tmp_path: Path) -> None:
    cached = copy_project("project", tmp_path / "cached")
    build_site(cached)
    english = (cached / "site" / "index.html").stat().st_ino
    _edit(cached, "index.es.md")
    report = build_site(cached)
    assert report.languages is not None and report.languages.built == ("es",)
    # The root (English) was not rewritten; Spanish was, from the cache but its edited page.
    assert (cached / "site" / "index.html").stat().st_ino == english
    assert _converted(cached)["es"] == ["index.md"]

    fresh = copy_project("project", tmp_path / "fresh")
    _edit(fresh, "index.es.md")
    build_site(fresh)
    assert _tree_digest(cached / "site") == _tree_digest(fresh / "site")
