"""Assemble a track from an educator's choices: modules by id or topic, a language, an
audience and a time budget.

The result is validated in memory with the same checks ``courseware validate`` runs, and
written only if it has no errors and its file does not exist yet, so nothing an educator wrote
is overwritten and no invalid track is left behind.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from courseware.errors import ContentError, Problem, UsageError, errors_only
from courseware.registry.load import Registry
from courseware.registry.models import Audience
from courseware.registry.modules import Module, nearest_modules_hint
from courseware.registry.prerequisites import order_by_prerequisites, with_prerequisites
from courseware.registry.tracks import (
    TRACKS_FOLDER,
    ScheduleUnit,
    Track,
    TrackSpec,
    check_track,
    total_minutes,
)
from courseware.textfields import SLUG_PATTERN
from courseware.validation import did_you_mean, validate_document
from courseware.yamlsafe import YamlProblem, parse_yaml_text


@dataclass(frozen=True)
class AssemblyRequest:
    """What an educator asked for on the command line."""

    track_id: str
    title: str
    module_ids: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    language: str | None = None
    """The track's language; None means the registry's source language."""
    audience: tuple[Audience, ...] = ("everyone",)
    time_budget_minutes: int | None = None
    """None means "whatever the chosen modules take"."""
    with_prerequisites: bool = False
    schedule_unit: ScheduleUnit = "session"
    session_minutes: int | None = None
    """Pack modules into sessions of at most this length; None puts them in one session."""


@dataclass(frozen=True)
class AssembledTrack:
    """A track written to disk, with the warnings its checks found."""

    path: Path
    track: Track
    total_minutes: int
    added_prerequisites: tuple[str, ...]
    warnings: tuple[Problem, ...] = field(default=())


def select_modules(registry: Registry, request: AssemblyRequest) -> tuple[list[str], list[str]]:
    """Choose and order the modules for ``request``.

    Returns:
        The module ids in a teaching order that respects prerequisites, and the ids that were
        added only because a chosen module needs them.

    Raises:
        UsageError: for unknown module ids or topics, or when nothing matches.
    """
    modules = registry.modules_by_id
    for module_id in request.module_ids:
        if module_id not in modules:
            hint = nearest_modules_hint(module_id, modules)
            raise UsageError(f"unknown module {module_id!r}{hint}")
    known_topics = {topic.id for topic in registry.topics}
    for topic in request.topics:
        if topic not in known_topics:
            hint = did_you_mean(topic, known_topics) or (
                f"; known topics: {', '.join(sorted(known_topics))}"
            )
            raise UsageError(f"unknown topic {topic!r}{hint}")
    chosen = list(dict.fromkeys(request.module_ids))
    chosen += [
        module.id
        for module in registry.modules
        if module.id not in chosen and _matches(module, request)
    ]
    if not chosen:
        raise UsageError("no module matches; give --module IDs or other --topic values")
    graph = {m.id: m.spec.prerequisites for m in registry.modules}
    added: list[str] = []
    if request.with_prerequisites:
        complete = with_prerequisites(chosen, graph)
        added = [m for m in complete if m not in chosen]
        chosen = complete
    return order_by_prerequisites(chosen, graph), added


def _matches(module: Module, request: AssemblyRequest) -> bool:
    """A module chosen by topic must fit the audience and still be taught."""
    if not request.topics or module.spec.life_cycle == "retired":
        return False
    if not set(request.topics) & set(module.spec.topics):
        return False
    audiences = set(module.spec.audience)
    return "everyone" in audiences or bool(audiences & set(request.audience))


def build_track_data(
    registry: Registry, request: AssemblyRequest, module_ids: Sequence[str]
) -> dict[str, Any]:
    """The track as the mapping its YAML file will hold, keys in the order people read them."""
    modules = registry.modules_by_id
    sessions: list[list[str]] = [[]]
    elapsed = 0
    for module_id in module_ids:
        minutes = modules[module_id].total_minutes
        limit = request.session_minutes
        if limit is not None and sessions[-1] and elapsed + minutes > limit:
            sessions.append([])
            elapsed = 0
        sessions[-1].append(module_id)
        elapsed += minutes
    total = sum(modules[m].total_minutes for m in module_ids)
    return {
        "id": request.track_id,
        "title": request.title,
        "language": request.language or registry.source_language.code,
        "audience": list(request.audience),
        "time_budget_minutes": request.time_budget_minutes or max(total, 1),
        "schedule_unit": request.schedule_unit,
        "sessions": [{"items": items} for items in sessions],
    }


def track_yaml(data: dict[str, Any]) -> str:
    """Render track data as a commented YAML file."""
    header = (
        "# yaml-language-server: $schema=../../schema/track.schema.json\n"
        "# Written by `courseware assemble`; edit freely (order, sessions, minutes: per module),\n"
        "# then check it with: courseware validate\n"
    )
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96)
    return header + body


def assemble_track(registry: Registry, request: AssemblyRequest) -> AssembledTrack:
    """Build, check and write ``curriculum/tracks/<id>.yaml`` for ``request``.

    Raises:
        UsageError: for a bad id, unknown modules or topics, or an existing file.
        ContentError: when the assembled track fails its checks (nothing is written).
    """
    if not re.match(SLUG_PATTERN, request.track_id):
        raise UsageError(
            f"track id {request.track_id!r} must be lowercase letters, digits and hyphens, "
            "like 'two-hour-workshop'"
        )
    relative = f"{TRACKS_FOLDER.as_posix()}/{request.track_id}.yaml"
    path = registry.root / relative
    if path.exists() or path.is_symlink():
        raise UsageError(f"{relative} already exists; nothing was written (choose another --id)")
    module_ids, added = select_modules(registry, request)
    text = track_yaml(build_track_data(registry, request, module_ids))
    try:
        document = parse_yaml_text(text, relative)
    except YamlProblem as problem:  # only if a title defeats the YAML writer
        raise ContentError([problem.problem(relative)]) from None
    spec, problems = validate_document(TrackSpec, document)
    if spec is None:
        raise ContentError(problems)
    track = Track(spec=spec, file=relative)
    codes = set(registry.language_codes)
    problems += check_track(track, document, registry.modules_by_id, codes)
    if errors_only(problems):
        raise ContentError(problems)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return AssembledTrack(
        path=path,
        track=track,
        total_minutes=total_minutes(track, registry.modules_by_id),
        added_prerequisites=tuple(added),
        warnings=tuple(problems),
    )
