"""Translation status: translated, stale and missing per language; orphans and bad suffixes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from courseware.i18n.start import start_translation
from courseware.i18n.tracking import StateCounts, TranslationReport, translation_status

LANGUAGES = ("en", "es", "pt", "fr", "ar")


def status(root: Path) -> TranslationReport:
    return translation_status(root, LANGUAGES, "en")


def entry_state(report: TranslationReport, path: str) -> str:
    return next(entry.state for entry in report.entries if entry.path == path)


@pytest.fixture
def project(make_project: Callable[[str], Path]) -> Path:
    return make_project("translations")


def test_fixture_states_per_language_and_kind(project: Path) -> None:
    report = status(project)
    assert report.problems == ()
    assert report.languages == ("es", "pt", "fr", "ar")
    assert report.counts("es", "page") == StateCounts(translated=1, stale=0, missing=1)
    assert report.counts("es", "module") == StateCounts(translated=1, stale=0, missing=1)
    assert report.counts("es", "lab") == StateCounts(translated=1, stale=0, missing=0)
    assert report.counts("fr") == StateCounts(translated=0, stale=1, missing=4)
    assert report.counts("ar") == StateCounts(translated=0, stale=0, missing=5)


def test_changed_source_makes_its_translation_stale(project: Path) -> None:
    source = project / "modules" / "environmental-footprint" / "index.md"
    path = "modules/environmental-footprint/index.es.md"
    assert entry_state(status(project), path) == "missing"

    start_translation(project, source, "es", LANGUAGES, "en")
    assert entry_state(status(project), path) == "translated"

    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", "utf-8")
    report = status(project)
    entry = next(entry for entry in report.entries if entry.path == path)
    assert entry.state == "stale"
    assert not entry.is_unverified
    assert entry.recorded_hash != entry.current_hash
    assert "source changed since translation" in entry.reason
    # Other languages and other items are not affected.
    assert entry_state(report, "modules/what-is-tinyml/index.es.md") == "translated"


def test_changed_lab_makes_its_translation_stale(project: Path) -> None:
    path = "labs/device-footprint.es.py"
    assert entry_state(status(project), path) == "translated"
    source = project / "labs" / "device-footprint.py"
    source.write_text(source.read_text(encoding="utf-8").replace("0.6", "0.7"), "utf-8")
    assert entry_state(status(project), path) == "stale"


def test_line_ending_change_alone_does_not_make_it_stale(project: Path) -> None:
    source = project / "pages" / "index.md"
    source.write_bytes(source.read_bytes().replace(b"\n", b"\r\n"))
    assert entry_state(status(project), "pages/index.es.md") == "translated"


def test_translation_without_hash_is_unverified(project: Path) -> None:
    entry = next(e for e in status(project).entries if e.path == "pages/about.pt.md")
    assert (entry.state, entry.is_unverified) == ("stale", True)
    assert "no source_hash recorded" in entry.reason
    assert entry.current_hash is not None and entry.current_hash in entry.reason


def test_broken_header_is_unverified_with_its_line(project: Path) -> None:
    (project / "pages" / "index.ar.md").write_text(
        "---\ntranslation_of: index.md\nsource_hash: [oops\n---\n# عنوان\n", "utf-8"
    )
    entry = next(e for e in status(project).entries if e.path == "pages/index.ar.md")
    assert (entry.state, entry.is_unverified) == ("stale", True)
    assert "header line" in entry.reason


def test_translation_that_names_another_source_is_unverified(project: Path) -> None:
    text = (project / "pages" / "index.es.md").read_text(encoding="utf-8")
    (project / "pages" / "about.es.md").write_text(text, "utf-8")
    entry = next(e for e in status(project).entries if e.path == "pages/about.es.md")
    assert (entry.state, entry.is_unverified) == ("stale", True)
    assert "translation_of names 'index.md'" in entry.reason


def test_orphan_translations_are_errors_naming_the_file(project: Path) -> None:
    (project / "pages" / "contact.es.md").write_text("# Contacto\n", "utf-8")
    (project / "labs" / "sensor-energy.fr.py").write_text("# %%\nx = 1\n", "utf-8")
    (project / "modules" / "retired").mkdir()
    (project / "modules" / "retired" / "index.pt.md").write_text("## Velho\n", "utf-8")
    report = status(project)
    files = [problem.file for problem in report.problems]
    assert files == [
        "labs/sensor-energy.fr.py",
        "modules/retired/index.pt.md",
        "pages/contact.es.md",
    ]
    message = str(report.problems[2])
    assert message.startswith("pages/contact.es.md: translation of pages/contact.md")
    assert "does not exist" in message
    # An orphan is not counted as a translation of anything.
    assert report.counts("es", "page").total == 2


def test_orphan_suggests_the_source_it_probably_meant(project: Path) -> None:
    (project / "pages" / "abuot.es.md").write_text("# Acerca\n", "utf-8")
    (problem,) = status(project).problems
    assert "did you mean 'about.md'?" in problem.message


def test_unknown_language_suffix_is_an_error_with_a_suggestion(project: Path) -> None:
    (project / "pages" / "index.esp.md").write_text("# Inicio\n", "utf-8")
    (project / "modules" / "what-is-tinyml" / "index.de.md").write_text("## Daten\n", "utf-8")
    problems = {problem.file: problem.message for problem in status(project).problems}
    assert set(problems) == {"pages/index.esp.md", "modules/what-is-tinyml/index.de.md"}
    assert (
        "'esp' is not a language declared in curriculum/languages.yaml"
        in problems["pages/index.esp.md"]
    )
    assert "did you mean 'es'?" in problems["pages/index.esp.md"]


def test_source_language_suffix_is_an_error(project: Path) -> None:
    (project / "labs" / "device-footprint.en.py").write_text("# %%\nx = 1\n", "utf-8")
    (problem,) = status(project).problems
    assert problem.file == "labs/device-footprint.en.py"
    assert "source language" in problem.message
    assert "device-footprint.py" in problem.message


def test_symbolic_link_translation_is_an_error(project: Path) -> None:
    (project / "pages" / "index.ar.md").symlink_to(project / "pages" / "index.es.md")
    (problem,) = status(project).problems
    assert problem.file == "pages/index.ar.md"
    assert "symbolic link" in problem.message


def test_status_does_not_need_a_valid_registry(project: Path) -> None:
    (project / "modules" / "what-is-tinyml" / "module.yaml").write_text("id: [\n", "utf-8")
    report = status(project)
    assert report.problems == ()
    assert entry_state(report, "modules/what-is-tinyml/index.es.md") == "translated"


def test_other_files_beside_sources_are_not_translations(project: Path) -> None:
    (project / "modules" / "what-is-tinyml" / "notes.es.md").write_text("x\n", "utf-8")
    (project / "labs" / "data").mkdir()
    (project / "labs" / "readings.csv").write_text("a,b\n", "utf-8")
    report = status(project)
    assert report.problems == ()
    assert not any("notes" in entry.path for entry in report.entries)


def test_report_for_one_language(project: Path) -> None:
    report = status(project).only("fr")
    assert report.languages == ("fr",)
    assert {entry.language for entry in report.entries} == {"fr"}
