"""``courseware translate status`` and ``start`` on a copy of the translations fixture."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli


@pytest.fixture
def project(make_project: Callable[[str], Path]) -> Path:
    return make_project("translations")


def test_status_text_lists_states_per_language(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(cli, ["translate", "status", "--root", str(project)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Translation status (source language: en)"
    assert "es (español): 3 translated, 0 stale, 2 missing" in lines
    assert "  pages             1      0        1" in lines
    stale = [line for line in lines if line.startswith("    pages/about.fr.md: ")]
    assert len(stale) == 1 and "source changed since translation" in stale[0]


def test_status_for_one_language(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(cli, ["translate", "status", "--lang", "ar", "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "ar (العربية): 0 translated, 0 stale, 5 missing" in result.output
    assert "es (" not in result.output


def test_status_json(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(
        cli, ["translate", "status", "--format", "json", "--lang", "fr", "--root", str(project)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    (french,) = data["languages"]
    assert french["code"] == "fr"
    assert french["counts"]["page"] == {"translated": 0, "stale": 1, "missing": 1}
    about = next(e for e in french["entries"] if e["path"] == "pages/about.fr.md")
    assert about["state"] == "stale"
    assert about["recorded_hash"] != about["current_hash"]
    assert data["problems"] == []


def test_status_of_an_unknown_language_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(cli, ["translate", "status", "--lang", "fra", "--root", str(project)])
    assert result.exit_code == 2
    assert "'fra' is not a language declared" in result.output
    assert "did you mean 'fr'?" in result.output


def test_orphans_and_bad_suffixes_exit_1_with_file_and_message(
    runner: CliRunner, project: Path
) -> None:
    (project / "pages" / "contact.es.md").write_text("# Contacto\n", "utf-8")
    (project / "pages" / "about.esp.md").write_text("# Acerca\n", "utf-8")
    result = runner.invoke(cli, ["translate", "status", "--root", str(project)])
    assert result.exit_code == 1
    assert "Translation status (source language: en)" in result.output  # still shown
    assert "pages/about.esp.md: 'esp' is not a language declared" in result.output
    assert "pages/contact.es.md: translation of pages/contact.md, which does not exist" in (
        result.output
    )
    assert "2 problems found." in result.output


def test_status_works_while_a_module_file_is_broken(runner: CliRunner, project: Path) -> None:
    (project / "modules" / "what-is-tinyml" / "module.yaml").write_text("id: [\n", "utf-8")
    result = runner.invoke(cli, ["translate", "status", "--root", str(project)])
    assert result.exit_code == 0, result.output


def test_status_needs_valid_languages(runner: CliRunner, project: Path) -> None:
    (project / "curriculum" / "languages.yaml").write_text("languages: [\n", "utf-8")
    result = runner.invoke(cli, ["translate", "status", "--root", str(project)])
    assert result.exit_code == 1
    assert "curriculum/languages.yaml:" in result.output


def test_start_then_edit_the_source_then_stale(runner: CliRunner, project: Path) -> None:
    source = project / "labs" / "device-footprint.py"
    # A lab's translation is a catalog by default; --whole-file keeps the prose-only file.
    start = ["translate", "start", str(source), "pt", "--whole-file", "--root", str(project)]
    result = runner.invoke(cli, start)
    assert result.exit_code == 0, result.output
    assert "device-footprint.pt.py" in result.output
    status = ["translate", "status", "--lang", "pt", "--format", "json", "--root", str(project)]

    def lab_state() -> str:
        output = runner.invoke(cli, status).output
        entries = json.loads(output)["languages"][0]["entries"]
        return str(next(e["state"] for e in entries if e["path"] == "labs/device-footprint.pt.py"))

    assert lab_state() == "translated"
    source.write_text(source.read_text(encoding="utf-8") + "\n# %%\nprint('more')\n", "utf-8")
    assert lab_state() == "stale"


def test_start_refuses_to_overwrite_with_exit_2(runner: CliRunner, project: Path) -> None:
    source = project / "pages" / "index.md"
    result = runner.invoke(cli, ["translate", "start", str(source), "es", "--root", str(project)])
    assert result.exit_code == 2
    assert "pages/index.es.md translates pages/index.md already (a whole file)" in result.output
    whole = ["translate", "start", str(source), "es", "--whole-file", "--root", str(project)]
    result = runner.invoke(cli, whole)
    assert result.exit_code == 2
    assert "pages/index.es.md already exists" in result.output
    fresh = ["translate", "start", str(source), "fr", "--root", str(project)]
    assert runner.invoke(cli, fresh).exit_code == 0
    again = runner.invoke(cli, fresh)
    assert again.exit_code == 2 and "exists already" in again.output


def test_start_refuses_the_source_language_with_exit_2(runner: CliRunner, project: Path) -> None:
    source = project / "pages" / "index.md"
    result = runner.invoke(cli, ["translate", "start", str(source), "en", "--root", str(project)])
    assert result.exit_code == 2
    assert "'en' is the source language" in result.output


def test_start_takes_paths_relative_to_the_current_folder(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(cli, ["translate", "start", "pages/about.md", "ar"])
    assert result.exit_code == 0, result.output
    assert (project / "locale" / "ar" / "LC_MESSAGES" / "pages" / "about.po").is_file()
    assert "module.yaml" not in result.output
    result = runner.invoke(cli, ["translate", "start", "pages/about.md", "ar", "--whole-file"])
    assert result.exit_code == 0, result.output
    assert (project / "pages" / "about.ar.md").is_file()
