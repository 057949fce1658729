"""The staged home page in every language: the hand page's introduction (or its honest
fallback), then the sections generated from the registry and the staged site."""

from __future__ import annotations

import shutil
from pathlib import Path

from courseware.registry.load import load_registry
from courseware.site.render import TrackDownload
from courseware.site.staging import collect_site_files, restage_home_page

CURRICULUM = Path(__file__).resolve().parents[2] / "fixtures" / "curriculum" / "valid"

CONTRIBUTE = """# Contribute

## Add a course or workshop

Run `courseware new offering`.

## Assemble a course of your own {#assemble}

Run `courseware assemble`.
"""


def _home(files: dict[str, bytes], language: str) -> str:
    return files["index.md" if language == "en" else f"index.{language}.md"].decode()


def test_every_language_gets_the_introduction_then_the_sections(project: Path) -> None:
    (project / "pages" / "contribute.md").write_text(CONTRIBUTE)
    registry = load_registry(project)
    staged = collect_site_files(registry)
    assert not [p for p in staged.problems if p.severity == "error"]
    english = _home(staged.files, "en")
    assert english.index("# Fixture home") < english.index("## For educators")
    assert "- [Build your own course](contribute.md#assemble)" in english
    assert "- [ML sensor datasheets](sensors/index.md): 1 in all" in english
    assert "labs/index.md" not in english  # the fixture project has no labs
    spanish = _home(staged.files, "es")
    assert spanish.index("# Inicio de prueba") < spanish.index("## Para docentes")
    assert "[Monta tu propio curso](contribute.md#assemble)" in spanish
    assert "## Idiomas" in spanish
    assert '<a href="../es/" lang="es" hreflang="es" aria-current="page">español</a>' in spanish
    # Arabic has no translation of the hand page: the introduction falls back, marked as
    # English, and the sections are still in Arabic.
    arabic = _home(staged.files, "ar")
    assert arabic.index('<div lang="en" dir="ltr" markdown="1">') < arabic.index("# Fixture home")
    assert "## للطلاب" in arabic
    assert '<a href="../" lang="en" hreflang="en" dir="ltr">English</a>' in arabic
    # The checks still map the introduction back to the hand page.
    assert staged.sources["index.es.md"].source == "pages/index.es.md"


def test_without_a_contribute_page_its_links_are_left_out(project: Path) -> None:
    staged = collect_site_files(load_registry(project))
    english = _home(staged.files, "en")
    assert "contribute.md" not in english
    assert "Build your own course" not in english
    assert "- [Translate](status.md)" in english


def test_a_contribute_page_without_the_assemble_section_gets_no_anchor_link(
    project: Path,
) -> None:
    (project / "pages" / "contribute.md").write_text(CONTRIBUTE.replace(" {#assemble}", ""))
    english = _home(collect_site_files(load_registry(project)).files, "en")
    assert "- [Add a course or workshop](contribute.md)" in english
    assert "contribute.md#assemble" not in english


def test_restaged_with_downloads_the_home_page_offers_the_offline_copies(project: Path) -> None:
    shutil.copytree(CURRICULUM / "modules", project / "modules")
    shutil.copytree(CURRICULUM / "curriculum" / "tracks", project / "curriculum" / "tracks")
    shutil.copy(CURRICULUM / "curriculum" / "topics.yaml", project / "curriculum")
    registry = load_registry(project)
    staged = collect_site_files(registry)
    english = _home(staged.files, "en")
    assert "- [A short course](tracks/short-course.md) (2 h)" in english
    assert "- [Teaching modules](modules/index.md): 3 in all" in english
    assert "Offline copies" not in english
    download = TrackDownload("bundles/short-course-en.zip", 2_400_000, "en")
    part = restage_home_page(registry, staged.files, {"short-course": download})
    assert not part.problems
    english = _home(part.files, "en")
    assert english.startswith(_home(staged.files, "en").split("## For educators")[0])
    assert "(bundles/short-course-en.zip)" in english
    french = _home(part.files, "fr")
    assert "Copies hors ligne" in french
    assert "2,4 MB" in french


KITS_LABEL = {
    "en": "Teaching kits",
    "es": "Kits didácticos",
    "pt": "Kits de ensino",
    "fr": "Kits pédagogiques",
    "ar": "حقائب تعليمية",
}


def test_every_language_links_the_teaching_kits_index(project: Path) -> None:
    shutil.copytree(CURRICULUM / "modules", project / "modules")
    shutil.copy(CURRICULUM / "curriculum" / "topics.yaml", project / "curriculum")
    registry = load_registry(project)
    staged = collect_site_files(registry)
    assert set(registry.language_codes) == set(KITS_LABEL)
    for language, label in KITS_LABEL.items():
        home = _home(staged.files, language)
        educators = home.split("\n## ")[1]
        assert f"- [{label}](kits/index.md): " in educators, language
        suffix = "" if language == "en" else f".{language}"
        assert f"kits/index{suffix}.md" in staged.files
