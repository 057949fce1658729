"""Tests of courseware.registry.tracks: one test per track check, each asserting the file,
the line and the modules the message names."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.errors import ContentError, Problem
from courseware.registry.load import load_registry
from courseware.registry.tracks import (
    syllabus,
    total_minutes,
    track_attributions,
    track_license,
)

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"


@pytest.fixture(scope="module")
def broken() -> list[Problem]:
    with pytest.raises(ContentError) as caught:
        load_registry(FIXTURES / "broken")
    return list(caught.value.problems)


def in_file(problems: list[Problem], name: str) -> list[Problem]:
    return [p for p in problems if p.file == f"curriculum/tracks/{name}.yaml"]


def test_unknown_module_names_the_nearest_ids(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "unknown-module")
    assert str(problem) == (
        "curriculum/tracks/unknown-module.yaml:9: sessions[0].items[1].module: "
        "unknown module 'footprnt'; nearest ids: footprint [CW-REG-011 unknown-module]"
    )


def test_module_before_its_prerequisite_names_both(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "wrong-order")
    assert (problem.line, problem.field) == (8, "sessions[0].items[0].module")
    assert problem.code.code == "CW-REG-018"
    assert problem.message == (
        "module 'footprint' is placed before its prerequisite 'intro' (line 10); "
        "move 'intro' earlier or 'footprint' later"
    )


def test_prerequisite_cycle_is_printed(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "cycle")
    assert (problem.file, problem.line) == ("curriculum/tracks/cycle.yaml", 8)
    assert problem.code.code == "CW-REG-012"
    assert "modules loop-a, loop-b are in the prerequisite cycle" in problem.message
    assert "loop-a → loop-b → loop-a" in problem.message


def test_time_over_budget_says_by_how_much(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "over-budget")
    assert (problem.file, problem.line, problem.field, problem.code.code) == (
        "curriculum/tracks/over-budget.yaml",
        5,
        "time_budget_minutes",
        "CW-REG-020",
    )
    assert "takes 75 minutes, 15 over the budget of 60" in problem.message


def test_untranslated_modules_are_listed_as_a_warning(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "untranslated")
    assert problem.severity == "warning"
    assert (problem.line, problem.field) == (3, "language")
    assert problem.message.startswith(
        "2 modules not available in 'es': footprint, remix; they fall back to 'en'"
    )


def test_incompatible_licences_name_both_modules(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "license-conflict")
    assert (problem.line, problem.field) == (10, "sessions[0].items[2].module")
    assert "'sharealike' (CC-BY-SA-4.0) and 'remix' (CC-BY-NC-SA-4.0) cannot be combined" in (
        problem.message
    )


def test_missing_prerequisite_is_a_warning(broken: list[Problem]) -> None:
    [problem] = in_file(broken, "missing-prerequisite")
    assert problem.severity == "warning"
    assert (problem.line, problem.field) == (8, "sessions[0].items[0].module")
    assert "prerequisite 'intro' of 'footprint' is not in the track" in problem.message


def test_all_problems_are_reported_in_one_run(broken: list[Problem]) -> None:
    files = {p.file for p in broken}
    assert {f"curriculum/tracks/{n}.yaml" for n in ("unknown-module", "cycle")} <= files
    assert "modules/loop-a/module.yaml" in files


def test_syllabus_counts_overrides_activities_and_cumulative_time() -> None:
    registry = load_registry(FIXTURES / "valid")
    [track] = registry.tracks
    rows = syllabus(track, registry.modules_by_id)
    assert [(r.session, r.module.id if r.module else r.activity, r.minutes) for r in rows] == [
        (1, "intro", 30),
        (1, "Break", 10),
        (1, "footprint", 40),
        (2, "remix", 20),
    ]
    assert [r.cumulative_minutes for r in rows] == [30, 40, 80, 100]
    assert total_minutes(track, registry.modules_by_id) == 100


def test_licence_and_attributions_of_a_mixed_track() -> None:
    registry = load_registry(FIXTURES / "valid")
    [track] = registry.tracks
    assert track_license(track, registry.modules_by_id).spdx == "CC-BY-NC-SA-4.0"
    attributions = track_attributions(track, registry.modules_by_id)
    assert [(a.module.id, a.license, a.authors) for a in attributions] == [
        ("intro", "CC-BY-4.0", ("Ada Example",)),
        ("footprint", "CC-BY-4.0", ("Ada Example",)),
        ("remix", "CC-BY-NC-SA-4.0", ("Ada Example",)),
    ]
    assert [s.title for s in attributions[2].adapted_sources] == ["Some NC-SA slides"]
