"""Curriculum commands: ``assemble`` (build a track from choices) and ``track`` (show and
list tracks). Thin: arguments in, one library call, text out."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from courseware.cli.options import root_option
from courseware.errors import ContentError, Problem, UsageError
from courseware.i18n.formatting import format_duration
from courseware.registry.assemble import AssemblyRequest, assemble_track
from courseware.registry.load import Registry, load_registry
from courseware.registry.models import Audience
from courseware.registry.tracks import ScheduleUnit, Track, total_minutes
from courseware.textfields import text_in
from courseware.validation import did_you_mean


@click.command()
@click.option("--id", "track_id", required=True, help="The new track's id (its file name).")
@click.option("--title", required=True, help="The track's title, in its language.")
@click.option("--module", "module_ids", multiple=True, help="A module id; repeat for more.")
@click.option("--topic", "topics", multiple=True, help="Add every module on this topic.")
@click.option("--budget", "budget_minutes", type=click.IntRange(min=1), help="Minutes available.")
@click.option("--language", help="The track's language code (default: the source language).")
@click.option(
    "--audience",
    "audiences",
    multiple=True,
    type=click.Choice(get_args(Audience)),
    help="Who the track is for; repeat for more (default: everyone).",
)
@click.option("--with-prerequisites", is_flag=True, help="Add the modules the chosen ones need.")
@click.option(
    "--schedule",
    "schedule_unit",
    type=click.Choice(get_args(ScheduleUnit)),
    default="session",
    show_default=True,
    help="What one part of the schedule is.",
)
@click.option(
    "--session-minutes",
    type=click.IntRange(min=1),
    help="Split modules into sessions of at most this many minutes.",
)
@root_option
def assemble(
    track_id: str,
    title: str,
    module_ids: tuple[str, ...],
    topics: tuple[str, ...],
    budget_minutes: int | None,
    language: str | None,
    audiences: tuple[Audience, ...],
    with_prerequisites: bool,
    schedule_unit: ScheduleUnit,
    session_minutes: int | None,
    root: Path,
) -> None:
    """Assemble a track from modules and write curriculum/tracks/ID.yaml (never overwrites)."""
    registry = load_registry(root)
    request = AssemblyRequest(
        track_id=track_id,
        title=title,
        module_ids=module_ids,
        topics=topics,
        language=language,
        audience=audiences or ("everyone",),
        time_budget_minutes=budget_minutes,
        with_prerequisites=with_prerequisites,
        schedule_unit=schedule_unit,
        session_minutes=session_minutes,
    )
    try:
        result = assemble_track(registry, request)
    except ContentError as error:
        _echo_problems(error.problems)
        click.echo("The track has problems; nothing was written.", err=True)
        raise click.exceptions.Exit(1) from None
    _echo_problems(result.warnings)
    written = result.track.file
    if result.added_prerequisites:
        click.echo(f"Added prerequisites: {', '.join(result.added_prerequisites)}")
    click.echo(
        f"Wrote {written}: {len(result.track.module_ids)} modules, "
        f"{format_duration(result.total_minutes)} of "
        f"{format_duration(result.track.spec.time_budget_minutes)}."
    )
    click.echo(f"Show it with: courseware track show {track_id}")


@click.group()
def track() -> None:
    """Show the tracks educators assembled from modules."""


@track.command("show")
@click.argument("track_id")
@click.option("--language", help="Show titles in this language (default: the track's).")
@root_option
def show(track_id: str, language: str | None, root: Path) -> None:
    """Print the syllabus of TRACK_ID with cumulative time, licence and attributions."""
    from courseware.site import syllabus_text  # the renderers, only when a syllabus is shown

    registry = load_registry(root)
    found = _find_track(registry, track_id)
    _echo_problems([w for w in registry.warnings if w.file == found.file])
    click.echo(syllabus_text(found, registry, language or found.spec.language))


@track.command("list")
@root_option
def list_tracks(root: Path) -> None:
    """List every track with its time and budget."""
    registry = load_registry(root)
    modules = registry.modules_by_id
    for item in registry.tracks:
        title = text_in(item.spec.title, item.spec.language)
        used = format_duration(total_minutes(item, modules))
        budget = format_duration(item.spec.time_budget_minutes)
        click.echo(f"{item.id}  [{item.spec.language}]  {used} of {budget}  {title}")


def _find_track(registry: Registry, track_id: str) -> Track:
    for item in registry.tracks:
        if item.id == track_id:
            return item
    known = [t.id for t in registry.tracks]
    hint = did_you_mean(track_id, known) or f"; known tracks: {', '.join(known) or 'none'}"
    raise UsageError(f"no track {track_id!r}{hint}")


def _echo_problems(problems: tuple[Problem, ...] | list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


COMMANDS: list[click.Command] = [assemble, track]
