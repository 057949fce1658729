"""Tests of courseware.site.render.home_page: the sections, their links and counts, escaping."""

from __future__ import annotations

import shutil
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.site.render import HomeFacts, TrackDownload, language_home, render_home_sections

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "curriculum" / "valid"
ALL_PAGES = frozenset(
    {
        "tracks/index.md",
        "modules/index.md",
        "labs/index.md",
        "calculator.md",
        "sensors/index.md",
        "contribute.md",
        "contribute.md#assemble",
        "status.md",
        "kits/index.md",
    }
)


def identity(text: str) -> str:
    return text


def facts(**changes: object) -> HomeFacts:
    values: dict[str, object] = {"lab_count": 3, "datasheet_count": 2, "targets": ALL_PAGES}
    return HomeFacts(**{**values, **changes})  # type: ignore[arg-type]


def test_sections_link_every_entry_point_with_counts_from_the_registry() -> None:
    registry = load_registry(FIXTURES)
    page = render_home_sections(registry, facts(), "en", identity)
    headings = [line for line in page.splitlines() if line.startswith("## ")]
    assert headings == [
        "## For educators",
        "## For students",
        "## For contributors",
        "## Languages",
    ]
    assert "- [A short course](tracks/short-course.md) (2 h)\n" in page
    assert "- [Build your own course](contribute.md#assemble): choose modules" in page
    assert "- [Print a syllabus](tracks/index.md)" in page
    assert "- [Teaching modules](modules/index.md): 3 in all" in page
    assert "- [Labs](labs/index.md): 3 in all" in page
    assert "- [ML sensor datasheets](sensors/index.md): 2 in all" in page
    assert "[TinyML CO2 footprint calculator](calculator.md)" in page
    assert "- [Translate](status.md)" in page
    # Teaching kits and offline copies appear only once the site has them.
    assert "Teaching kits" not in page
    assert "Offline copies" not in page


def test_counts_follow_the_registry(tmp_path: Path) -> None:
    project = tmp_path / "valid"
    shutil.copytree(FIXTURES, project)
    before = render_home_sections(load_registry(project), facts(), "en", identity)
    assert "3 in all, each with its objectives" in before
    shutil.copytree(project / "modules" / "remix", project / "modules" / "remix-two")
    module_file = project / "modules" / "remix-two" / "module.yaml"
    module_file.write_text(module_file.read_text().replace("id: remix", "id: remix-two"))
    after = render_home_sections(load_registry(project), facts(), "en", identity)
    assert "4 in all, each with its objectives" in after
    none = render_home_sections(load_registry(project), facts(lab_count=0), "en", identity)
    assert "labs/index.md" not in none


def test_optional_entries_appear_when_the_site_has_them() -> None:
    registry = load_registry(FIXTURES)
    download = TrackDownload("bundles/short-course-en.zip", 1_300_000, "en")
    shown = facts(downloads={"short-course": download}, teaching_kits_page="kits/index.md")
    page = render_home_sections(registry, shown, "en", identity)
    assert "- [Teaching kits](kits/index.md): for every module: instructor notes," in page
    assert "Offline copies: download a track once" in page
    label = "Offline copy \\(English, zip, 1.3 MB\\)"
    assert f"- A short course: [{label}](bundles/short-course-en.zip)\n" in page


def test_links_to_pages_the_site_lacks_are_left_out() -> None:
    registry = load_registry(FIXTURES)
    targets = ALL_PAGES - {"contribute.md", "contribute.md#assemble"}
    page = render_home_sections(registry, facts(targets=targets), "en", identity)
    assert "contribute.md" not in page
    assert "Build your own course" not in page
    assert "- [Translate](status.md)" in page


def test_languages_are_named_in_their_own_language_with_lang_and_home_links() -> None:
    registry = load_registry(FIXTURES)
    page = render_home_sections(registry, facts(), "es", identity)
    assert (
        '<ul class="cw-home-languages">'
        '<li><a href="../" lang="en" hreflang="en">English</a></li>'
        '<li><a href="../es/" lang="es" hreflang="es" aria-current="page">español</a></li>'
        '<li><a href="../pt/" lang="pt" hreflang="pt">português</a></li></ul>'
    ) in page
    assert language_home("en", "en", "en") == "./"
    assert language_home("ar", "en", "en") == "ar/"
    assert language_home("fr", "ar", "en") == "../fr/"


def test_registry_text_is_escaped(tmp_path: Path) -> None:
    project = tmp_path / "valid"
    shutil.copytree(FIXTURES, project)
    [track_file] = (project / "curriculum" / "tracks").glob("*.yaml")
    track_file.write_text(
        track_file.read_text().replace(
            "title: A short course", "title: 'R&D [course](javascript:x) *now*'", 1
        )
    )
    page = render_home_sections(load_registry(project), facts(), "en", identity)
    assert "](javascript:x)" not in page
    assert "R&amp;D \\[course\\]\\(javascript:x\\) \\*now\\*" in page
