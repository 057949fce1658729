"""Tests of the ``courseware assemble`` and ``courseware track`` commands, through click."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware.cli import cli

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"
REPOSITORY = Path(__file__).parent.parent.parent


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "valid", tmp_path / "valid"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_assemble_writes_a_valid_track_then_refuses_to_overwrite(project: Path) -> None:
    args = [
        "assemble",
        "--root",
        str(project),
        "--id",
        "cli-day",
        "--title",
        "CLI day",
        "--topic",
        "footprint",
        "--with-prerequisites",
        "--budget",
        "90",
    ]
    code, out, err = run(*args)
    assert (code, err) == (0, "")
    assert "Added prerequisites: intro" in out
    assert "Wrote curriculum/tracks/cli-day.yaml: 2 modules, 1 h 15 min of 1 h 30 min." in out
    code, out, _ = run("validate", "--root", str(project))
    assert code == 0
    code, _, err = run(*args)
    assert code == 2
    assert "curriculum/tracks/cli-day.yaml already exists; nothing was written" in err


def test_assemble_over_budget_exits_1_and_writes_nothing(project: Path) -> None:
    code, _, err = run(
        "assemble",
        "--root",
        str(project),
        "--id",
        "short",
        "--title",
        "Short",
        "--module",
        "intro",
        "--module",
        "footprint",
        "--budget",
        "60",
    )
    assert code == 1
    assert (
        "curriculum/tracks/short.yaml:9: time_budget_minutes: the track takes 75 minutes, "
        "15 over the budget of 60" in err
    )
    assert "nothing was written" in err
    assert not (project / "curriculum" / "tracks" / "short.yaml").exists()


def test_track_show_prints_cumulative_time_licence_and_attributions() -> None:
    code, out, _ = run("track", "show", "short-course", "--root", str(FIXTURES / "valid"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "A short course (short-course)"
    assert lines[3].split() == ["Session", "Module", "or", "activity", "Minutes", "Cumulative"]
    assert lines[4].split()[:2] == ["1", "intro:"]
    assert lines[5].split()[:2] == ["1", "Break"]
    assert lines[4].endswith("30  30 min")
    assert lines[6].endswith("40  1 h 20 min")
    assert lines[7].endswith("20  1 h 40 min")
    assert "Total: 1 h 40 min of 2 h (20 min left)" in out
    assert "Licence of the assembled track: CC BY-NC-SA 4.0" in out
    assert '    adapted from "Some NC-SA slides", CC BY-NC-SA 4.0' in out


def test_track_show_unknown_id_is_a_usage_error() -> None:
    code, _, err = run("track", "show", "short-cours", "--root", str(FIXTURES / "valid"))
    assert code == 2
    assert "no track 'short-cours'; did you mean 'short-course'?" in err


def test_bundled_tracks_validate_without_warnings() -> None:
    code, out, err = run("validate", "--root", str(REPOSITORY))
    assert (code, err) == (0, "")
    code, out, _ = run("track", "list", "--root", str(REPOSITORY))
    assert code == 0
    assert "two-hour-workshop  [en]  2 h of 2 h" in out
