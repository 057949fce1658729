"""Paragraph catalogs end to end on small projects: start, translate, change one word, update,
diff, status, the staged pages, and the migration of the bundled whole-file translations."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.pofile import read_po
from click.testing import CliRunner
from tests.conftest import copy_bundled_content, copy_project

from courseware.cli import cli
from courseware.i18n.content_catalogs import (
    catalog_path,
    read_catalog,
    translated_text,
    write_catalog,
)
from courseware.i18n.hashing import source_hash
from courseware.i18n.headers import TranslationHeader, add_translation_header
from courseware.i18n.tracking import translation_status
from courseware.registry.load import load_registry
from courseware.site.staging.curriculum import stage_modules
from courseware.site.staging.hand_pages import stage_hand_pages

REPO = Path(__file__).resolve().parents[2]

ABOUT = """# About the course

The course teaches TinyML with labs that run offline.

## Who it is for

Educators who assemble modules into a course of their own.

Students on slow or metered connections.

It is free to use.
"""

SPANISH = {
    "About the course": "Acerca del curso",
    "The course teaches TinyML with labs that run offline.": (
        "El curso enseña TinyML con laboratorios que funcionan sin conexión."
    ),
    "Who it is for": "Para quién es",
    "Educators who assemble modules into a course of their own.": (
        "Docentes que arman un curso propio con los módulos."
    ),
    "Students on slow or metered connections.": "Estudiantes con conexiones lentas o medidas.",
    "It is free to use.": "Su uso es libre.",
}


def _run(project: Path, *arguments: str) -> str:
    result = CliRunner().invoke(cli, [*arguments, "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _translate(project: Path, language: str, texts: dict[str, str]) -> None:
    path = catalog_path(project, "pages/about.md", language)
    catalog = read_catalog(path, language)
    for message in catalog:
        if message.id in texts:
            message.string = texts[str(message.id)]
    write_catalog(path, catalog)


def _staged_about(project: Path, language: str) -> str:
    registry = load_registry(project)
    report = translation_status(project, registry.language_codes, "en")
    staged = stage_hand_pages(registry, report)
    return staged.files[f"about.{language}.md"].decode("utf-8")


def _project(tmp_path: Path) -> Path:
    project = copy_project("project", tmp_path)
    (project / "pages" / "about.md").write_text(ABOUT, encoding="utf-8")
    return project


def test_a_one_word_change_makes_exactly_one_entry_fuzzy_and_marks_only_it(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path)
    assert "locale/es/LC_MESSAGES/pages/about.po" in _run(
        project, "translate", "start", str(project / "pages/about.md"), "es"
    )
    _translate(project, "es", SPANISH)
    page = _staged_about(project, "es")
    assert "Acerca del curso" in page and "cw-partial" not in page and "cw-changed" not in page
    about = project / "pages" / "about.md"
    about.write_text(ABOUT.replace("slow or metered", "slow or expensive"), encoding="utf-8")
    assert "Updated locale/es/LC_MESSAGES/pages/about.po" in _run(project, "translate", "update")
    po_file = catalog_path(project, "pages/about.md", "es")
    with po_file.open("rb") as handle:
        fuzzy = [m for m in read_po(handle) if m.id and m.fuzzy]
    assert [m.id for m in fuzzy] == ["Students on slow or expensive connections."]
    assert '#| msgid "Students on slow or metered connections."' in po_file.read_text()
    page = _staged_about(project, "es")
    assert page.count("cw-changed") == 1
    marked = next(line for line in page.splitlines() if "cw-changed" in line)
    assert marked.startswith("Estudiantes con conexiones lentas o medidas.")
    assert "This page is partly translated into" not in page  # Spanish notice, not English
    assert "(83 %)" in page, "five of six units are translated; the fuzzy one is not"
    diff = _run(project, "translate", "diff", "pages/about.md", "es")
    assert "pages/about.md:9: the source changed since it was translated" in diff
    assert "- metered" in diff and "+ expensive" in diff
    assert "translation: Estudiantes con conexiones lentas o medidas." in diff


def test_a_half_translated_page_says_so_and_marks_the_rest_as_english(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _run(project, "translate", "start", str(project / "pages/about.md"), "fr")
    half = {
        "About the course": "À propos du cours",
        "Who it is for": "À qui il s’adresse",
        "Students on slow or metered connections.": "Les étudiants aux connexions lentes.",
    }
    _translate(project, "fr", half)
    page = _staged_about(project, "fr")
    assert "(50 %)" in page
    assert re.search(r"cw-partial[^>]*>[^<]*\(50 %\)", page), page
    assert '<span lang="en">The course teaches TinyML with labs that run offline.</span>' in page
    arabic_start = _run(project, "translate", "start", str(project / "pages/about.md"), "ar")
    assert "LC_MESSAGES/pages/about.po" in arabic_start
    assert '<span lang="en" dir="ltr">About the course</span>' in _staged_about(project, "ar")


def test_status_counts_units_and_words_per_state(tmp_path: Path) -> None:
    project = _project(tmp_path)
    _run(project, "translate", "start", str(project / "pages/about.md"), "es")
    _translate(project, "es", {"About the course": "Acerca del curso"})
    status = _run(project, "translate", "status", "--lang", "es")
    rows = [line.split() for line in status.splitlines() if "LC_MESSAGES/pages/about.po" in line]
    assert ["1/3", "0/0", "5/34"] in [row[1:] for row in rows]
    assert "16 % translated: 0 units changed in the source since, 5 not translated" in status


def test_a_module_is_listed_in_a_language_only_when_its_catalog_is_complete(
    tmp_path: Path,
) -> None:
    project = copy_bundled_content(tmp_path / "repo")
    module = project / "modules" / "widening-participation"
    catalog_path(project, "modules/widening-participation/index.md", "fr").unlink()
    started = _run(project, "translate", "start", str(module / "index.md"), "fr")
    assert (
        "The texts of modules/widening-participation/module.yaml are translated in "
        "locale/fr/LC_MESSAGES/modules/widening-participation/module.po (exists)"
    ) in started
    path = catalog_path(project, "modules/widening-participation/index.md", "fr")
    catalog = read_catalog(path, "fr")
    messages = [m for m in catalog if m.id]
    for message in messages[:-1]:
        message.string = f"FR {message.id}"
    write_catalog(path, catalog)
    by_id = {m.id: m for m in load_registry(project).modules}
    assert "fr" not in by_id["widening-participation"].languages
    messages[-1].string = "FR last"
    write_catalog(path, catalog)
    by_id = {m.id: m for m in load_registry(project).modules}
    assert "fr" in by_id["widening-participation"].languages


def _pages(project: Path) -> dict[str, str]:
    """The staged module and hand pages, front matter and blank lines left out."""
    registry = load_registry(project)
    report = translation_status(project, registry.language_codes, "en")
    files = {**stage_modules(registry, report).files, **stage_hand_pages(registry, report).files}
    pages = {}
    for name, content in files.items():
        text = content.decode("utf-8")
        if text.startswith("---\n"):
            text = text.split("\n---\n", 1)[1]
        pages[name] = "\n".join(line for line in text.splitlines() if line.strip())
    return pages


def test_the_bundled_translations_read_the_same_as_whole_files_and_migrate_back(
    tmp_path: Path,
) -> None:
    """The bundled Spanish and Portuguese texts moved from whole files into catalogs (``translate
    migrate``, checked page by page when it ran). This keeps that proof: each catalog written
    back out as the whole file it came from stages the same pages, and migrating those files
    gives the same pages and the same catalogs again."""
    project = copy_bundled_content(tmp_path / "repo")
    before = _pages(project)
    catalogs: dict[Path, bytes] = {}
    for language in ("es", "pt"):
        for source in [*project.glob("modules/*/index.md"), *project.glob("pages/*.md")]:
            if source.name.count(".") > 1:
                continue
            relative = source.relative_to(project).as_posix()
            catalog = catalog_path(project, relative, language)
            assert catalog.is_file(), catalog
            text = source.read_text(encoding="utf-8")
            body = translated_text(project, relative, text, language)
            header = TranslationHeader(source.name, source_hash(source))
            whole_file = source.with_name(f"{source.stem}.{language}.md")
            whole_file.write_text(add_translation_header(body, header, "front_matter"), "utf-8")
            catalogs[catalog] = catalog.read_bytes()
            catalog.unlink()
    assert len(catalogs) >= 2 * 12
    as_whole_files = _pages(project)
    assert as_whole_files.keys() == before.keys()
    for name in before:
        assert as_whole_files[name] == before[name], name
    output = _run(project, "translate", "migrate")
    assert f"{len(catalogs)} translations moved into catalogs, 0 kept" in output
    after = _pages(project)
    spanish_and_portuguese = [n for n in before if n.endswith((".es.md", ".pt.md"))]
    assert len(spanish_and_portuguese) >= 2 * 12
    for name in before:
        assert after[name] == before[name], name
    for path, content in catalogs.items():
        assert _entries(path) == _entries_of(content), path


def _entries(path: Path) -> list[tuple[str, str]]:
    return _entries_of(path.read_bytes())


def _entries_of(content: bytes) -> list[tuple[str, str]]:
    catalog = read_po(io.BytesIO(content))
    return [(str(m.id), str(m.string)) for m in catalog if m.id]


def test_an_arabic_module_page_lists_its_facts_with_the_arabic_comma() -> None:
    page = _pages(REPO)["modules/environmental-footprint/index.ar.md"]
    assert "الإنجليزية، العربية، الإسبانية" in page
    assert "الإنجليزية, العربية" not in page
