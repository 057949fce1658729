"""Choosing an offline copy's files: the suffix rules of mkdocs-static-i18n for one
language, and the modules a track's syllabus links."""

from __future__ import annotations

from pathlib import Path

from courseware.i18n.catalogs import translator
from courseware.registry.load import load_registry
from courseware.site.offline.contents import (
    bundle_contents,
    bundle_module_ids,
    files_in_language,
    split_language,
)
from courseware.site.staging.lab_facts import read_lab_facts
from courseware.site.staging.teaching_kits import stage_teaching_kits

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "bundle"
CODES = ("en", "es", "ar")


def test_split_language_reads_declared_suffixes_only() -> None:
    assert split_language("modules/x/index.es.md", CODES) == ("modules/x/index.md", "es")
    assert split_language("labs/x.es.ipynb", CODES) == ("labs/x.ipynb", "es")
    assert split_language("index.md", CODES) == ("index.md", None)
    assert split_language("assets/x.min.js", CODES) == ("assets/x.min.js", None)
    assert split_language("labs/x-es/x.png", CODES) == ("labs/x-es/x.png", None)


def test_files_in_language_prefers_the_translation_and_drops_other_languages() -> None:
    files = {
        "index.md": b"en",
        "index.es.md": b"es",
        "index.ar.md": b"ar",
        "about.md": b"about en",
        "about.ar.md": b"about ar",
        "assets/a.css": b"css",
    }
    assert files_in_language(files, "es", CODES) == {
        "index.md": b"es",
        "about.md": b"about en",
        "assets/a.css": b"css",
    }
    assert files_in_language(files, "en", CODES) == {
        "index.md": b"en",
        "about.md": b"about en",
        "assets/a.css": b"css",
    }


def test_bundle_modules_are_the_track_then_the_prerequisites_its_syllabus_links() -> None:
    registry = load_registry(FIXTURE)
    tracks = {track.id: track for track in registry.tracks}
    assert bundle_module_ids(tracks["short-course"], registry) == ("intro", "footprint", "basics")
    assert bundle_module_ids(tracks["curso-corto"], registry) == ("intro",)


def test_a_copy_holds_its_modules_teaching_kits_in_its_language_and_navigation() -> None:
    registry = load_registry(FIXTURE)
    track = registry.tracks[0]
    staged = stage_teaching_kits(registry, read_lab_facts(FIXTURE))
    contents = bundle_contents(staged.files, registry, track, "es")
    kits = [f"modules/{m}/teaching.md" for m in contents.module_ids]
    assert kits and all(kit in contents.files for kit in kits)
    assert contents.files[kits[0]] == staged.files[kits[0].replace(".md", ".es.md")]
    assert {translator("es")("Teaching kits"): kits} in contents.nav
