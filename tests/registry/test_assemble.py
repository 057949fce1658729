"""Tests of courseware.registry.assemble: choosing, ordering, writing and checking a track."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseware.errors import ContentError, UsageError
from courseware.registry.assemble import AssemblyRequest, assemble_track, select_modules
from courseware.registry.load import load_registry

FIXTURES = Path(__file__).parent.parent / "fixtures" / "curriculum"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "valid", tmp_path / "valid"))


def test_assembled_track_is_written_and_validates(project: Path) -> None:
    registry = load_registry(project)
    request = AssemblyRequest(
        track_id="remix-day",
        title="Remix day",
        module_ids=("remix",),
        topics=("footprint",),
        time_budget_minutes=120,
        with_prerequisites=True,
    )
    result = assemble_track(registry, request)
    assert result.path == project / "curriculum" / "tracks" / "remix-day.yaml"
    assert result.track.module_ids == ["intro", "remix", "footprint"]
    assert result.added_prerequisites == ("intro",)
    assert result.total_minutes == 30 + 20 + 45
    assert result.warnings == ()
    reloaded = load_registry(project)
    assert [t.id for t in reloaded.tracks] == ["remix-day", "short-course"]
    assert reloaded.warnings == ()


def test_assembling_twice_refuses_to_overwrite(project: Path) -> None:
    request = AssemblyRequest(track_id="again", title="Again", module_ids=("intro",))
    first = assemble_track(load_registry(project), request)
    written = first.path.read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="curriculum/tracks/again.yaml already exists"):
        assemble_track(load_registry(project), request)
    assert first.path.read_text(encoding="utf-8") == written


def test_over_budget_track_is_not_written(project: Path) -> None:
    request = AssemblyRequest(
        track_id="too-long",
        title="Too long",
        module_ids=("intro", "footprint"),
        time_budget_minutes=60,
    )
    with pytest.raises(ContentError) as caught:
        assemble_track(load_registry(project), request)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field, problem.code.code) == (
        "curriculum/tracks/too-long.yaml",
        9,
        "time_budget_minutes",
        "CW-REG-020",
    )
    assert "the track takes 75 minutes, 15 over the budget of 60" in problem.message
    assert not (project / "curriculum" / "tracks" / "too-long.yaml").exists()


def test_without_prerequisites_the_gap_is_a_warning(project: Path) -> None:
    request = AssemblyRequest(track_id="gap", title="Gap", module_ids=("footprint",))
    result = assemble_track(load_registry(project), request)
    [warning] = result.warnings
    assert warning.severity == "warning"
    assert (warning.file, warning.line) == ("curriculum/tracks/gap.yaml", 13)
    assert "prerequisite 'intro' of 'footprint' is not in the track" in warning.message


def test_language_without_translations_is_reported(project: Path) -> None:
    request = AssemblyRequest(
        track_id="en-espanol",
        title="En español",
        module_ids=("intro", "footprint"),
        language="es",
    )
    result = assemble_track(load_registry(project), request)
    assert [w.message.split(";")[0] for w in result.warnings] == [
        "1 module not available in 'es': footprint"
    ]


def test_sessions_are_packed_to_the_session_length(project: Path) -> None:
    request = AssemblyRequest(
        track_id="packed",
        title="Packed",
        module_ids=("intro", "remix", "footprint"),
        session_minutes=50,
        schedule_unit="day",
    )
    result = assemble_track(load_registry(project), request)
    sessions = [[i.module for i in s.items] for s in result.track.spec.sessions]
    assert sessions == [["intro", "remix"], ["footprint"]]


def test_unknown_choices_are_usage_errors(project: Path) -> None:
    registry = load_registry(project)
    with pytest.raises(UsageError, match="unknown module 'intr'; nearest ids: intro"):
        select_modules(registry, AssemblyRequest(track_id="x", title="X", module_ids=("intr",)))
    with pytest.raises(UsageError, match="unknown topic 'basic'; did you mean 'basics'"):
        select_modules(registry, AssemblyRequest(track_id="x", title="X", topics=("basic",)))
    with pytest.raises(UsageError, match="must be lowercase"):
        assemble_track(registry, AssemblyRequest(track_id="Bad Id", title="X"))
