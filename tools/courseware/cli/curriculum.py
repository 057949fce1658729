"""Curriculum commands: ``assemble`` (build a track from choices) and ``track`` (show and
list tracks). Thin: arguments in, one library call, text out."""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import click

from courseware.cli.project import root_option
from courseware.errors import ContentError, Problem, UsageError
from courseware.registry.assemble import AssemblyRequest, assemble_track
from courseware.registry.licenses import LICENSES
from courseware.registry.load import Registry, load_registry
from courseware.registry.models import Audience
from courseware.registry.tracks import (
    ScheduleUnit,
    Track,
    syllabus,
    total_minutes,
    track_attributions,
    track_license,
)
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
        f"{format_minutes(result.total_minutes)} of "
        f"{format_minutes(result.track.spec.time_budget_minutes)}."
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
        used = format_minutes(total_minutes(item, modules))
        budget = format_minutes(item.spec.time_budget_minutes)
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


def format_minutes(minutes: int) -> str:
    """``95`` → ``1 h 35 min``; short durations stay in minutes."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


def syllabus_text(found: Track, registry: Registry, language: str) -> str:
    """The syllabus as plain text: one row per module or activity, then licence and credits."""
    spec = found.spec
    modules = registry.modules_by_id
    source = registry.source_language.code
    lines = [
        f"{text_in(spec.title, language, source)} ({spec.id})",
        f"Language: {spec.language}  Audience: {', '.join(spec.audience)}  "
        f"Budget: {format_minutes(spec.time_budget_minutes)}",
        "",
    ]
    unit = spec.schedule_unit.capitalize()
    rows = [(unit, "Module or activity", "Minutes", "Cumulative")]
    for row in syllabus(found, modules):
        if row.module is not None:
            what = f"{row.module.id}: {text_in(row.module.spec.title, language, source)}"
        else:
            what = text_in(row.activity or "", language, source)
        rows.append(
            (str(row.session), what, str(row.minutes), format_minutes(row.cumulative_minutes))
        )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    widths[1] = min(widths[1], 70)
    for cells in rows:
        what = cells[1] if len(cells[1]) <= 70 else cells[1][:69] + "…"
        lines.append(
            f"{cells[0]:>{widths[0]}}  {what:<{widths[1]}}  {cells[2]:>{widths[2]}}  {cells[3]}"
        )
    used = total_minutes(found, modules)
    left = spec.time_budget_minutes - used
    state = f"{format_minutes(left)} left" if left >= 0 else f"{format_minutes(-left)} over"
    lines += [
        "",
        f"Total: {format_minutes(used)} of {format_minutes(spec.time_budget_minutes)} ({state})",
    ]
    if spec.assumed_modules:
        lines.append(f"Assumed known: {', '.join(spec.assumed_modules)}")
    combined = track_license(found, modules)
    if combined.spdx:
        lines.append(
            f"Licence of the assembled track: {LICENSES[combined.spdx].name} "
            f"({LICENSES[combined.spdx].url})"
        )
    else:
        lines.append("Licence: the modules' licences conflict; see courseware validate")
    lines.append("Attributions:")
    for credit in track_attributions(found, modules):
        title = text_in(credit.module.spec.title, language, source)
        lines.append(
            f'  - "{title}" by {", ".join(credit.authors)}, {LICENSES[credit.license].name}'
        )
        for adapted in credit.adapted_sources:
            by = f" by {adapted.authors}" if adapted.authors else ""
            name = LICENSES[adapted.license].name if adapted.license else ""
            lines.append(f'    adapted from "{adapted.title}"{by}, {name}')
    return "\n".join(lines)


COMMANDS: list[click.Command] = [assemble, track]
