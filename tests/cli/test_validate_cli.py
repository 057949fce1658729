"""Tests of ``courseware validate``: lab headers and the references between labs, modules and
answer keys are checked there, every problem in one run, without building anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "valid", tmp_path / "valid"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout, result.stderr


def test_the_valid_fixture_validates_with_its_lab(project: Path) -> None:
    code, out, err = run("validate", "--root", str(project))
    assert (code, err) == (0, "")
    assert out.startswith("OK: ")
    assert not (project / "site").exists() and not (project / "build").exists()


def test_a_broken_lab_header_and_a_registry_error_are_reported_together(project: Path) -> None:
    lab = project / "labs" / "device-footprint.py"
    lab.write_text(
        lab.read_text(encoding="utf-8").replace("duration_minutes: 25", "duration_minutes: 0"),
        encoding="utf-8",
    )
    metadata = project / "modules" / "intro" / "module.yaml"
    metadata.write_text(
        metadata.read_text(encoding="utf-8").replace("level: introductory", "level: beginner"),
        encoding="utf-8",
    )
    code, _, err = run("validate", "--root", str(project))
    assert code != 0
    assert "labs/device-footprint.py:4: duration_minutes:" in err
    assert "modules/intro/module.yaml:" in err and "level" in err


def test_a_lab_naming_another_module_is_reported_on_both_sides(project: Path) -> None:
    lab = project / "labs" / "device-footprint.py"
    lab.write_text(
        lab.read_text(encoding="utf-8").replace("module: footprint", "module: intro"),
        encoding="utf-8",
    )
    code, _, err = run("validate", "--root", str(project))
    assert code != 0
    assert (
        "labs/device-footprint.py:3: module: 'intro' does not list this lab; add "
        "device-footprint to labs: in modules/intro/module.yaml" in err
    )
    assert (
        "modules/footprint/module.yaml:11: labs[0]: lab 'device-footprint' belongs to 'intro' "
        "(labs/device-footprint.py:3)" in err
    )


def test_a_module_naming_a_missing_lab_fails_validate(project: Path) -> None:
    (project / "labs" / "device-footprint.py").unlink()
    code, _, err = run("validate", "--root", str(project))
    assert code != 0
    assert "modules/footprint/module.yaml:11: labs[0]: unknown lab 'device-footprint'" in err


def test_an_unanswered_marked_exercise_is_a_warning_not_a_failure(project: Path) -> None:
    text = project / "modules" / "footprint" / "index.md"
    text.write_text("## Exercise: count {#count .answer-key}\n\nCount.\n", encoding="utf-8")
    code, out, err = run("validate", "--root", str(project))
    assert code == 0
    assert "modules/footprint/index.md:1: warning: exercise 'count' is marked" in err
    assert "1 warnings" in out
