"""Tracks (``curriculum/tracks/<id>.yaml``): courses educators assemble from modules.

A track is a short recipe: which modules, in which order, in which sessions (or days or
weeks), in which language, within how much time. The checks here answer the educator's
question "does my choice hold together?" all at once: unknown modules, modules placed
before their prerequisites, prerequisite cycles, time over budget, modules not yet
translated, and licences that cannot be combined (with the licence and attributions the
track must show). Time is editable per delivery (Carpentries issue sandpaper#437).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.entry_files import load_entry_files
from courseware.registry.licenses import CombinedLicense, combine_licenses
from courseware.registry.models import Audience
from courseware.registry.modules import Level, Minutes, Module, Source, nearest_modules_hint
from courseware.registry.prerequisites import find_cycles, format_cycle
from courseware.textfields import LanguageCode, LocalizedText, Slug, StrictModel
from courseware.validation import did_you_mean
from courseware.yamlsafe import (
    KeyPath,
    YamlDocument,
    dotted_field,
)

TRACKS_FOLDER = Path("curriculum/tracks")
ScheduleUnit = Literal["session", "day", "week"]


def _module_shorthand(value: Any) -> Any:
    """Let ``- what-is-tinyml`` stand for ``- module: what-is-tinyml``."""
    return {"module": value} if isinstance(value, str) else value


class TrackItem(StrictModel):
    """One step of a session: a module (its time may be overridden) or another activity."""

    module: Slug | None = None
    activity: LocalizedText | None = Field(
        default=None, description="Something that is not a module: a break, project work."
    )
    minutes: Minutes | None = Field(
        default=None, description="Time in this delivery; for a module, overrides its estimate."
    )
    note: LocalizedText | None = None

    @model_validator(mode="after")
    def _module_or_activity(self) -> TrackItem:
        if (self.module is None) == (self.activity is None):
            raise ValueError("give either module or activity (with minutes), not both")
        if self.activity is not None and self.minutes is None:
            raise ValueError("an activity needs minutes")
        return self


class Session(StrictModel):
    """One meeting (or day, or week) of the track, in teaching order."""

    title: LocalizedText | None = None
    items: list[
        Annotated[
            TrackItem, BeforeValidator(_module_shorthand, json_schema_input_type=Slug | TrackItem)
        ]
    ] = Field(min_length=1)


class TrackSpec(StrictModel):
    """The contents of one ``curriculum/tracks/<id>.yaml``."""

    id: Slug
    title: LocalizedText
    summary: LocalizedText | None = None
    language: LanguageCode
    audience: list[Audience] = Field(min_length=1)
    level: Level | None = None
    time_budget_minutes: Annotated[int, Field(gt=0, le=1_000_000)]
    schedule_unit: ScheduleUnit = "session"
    assumed_modules: list[Slug] = Field(
        default_factory=list,
        description="Prerequisites learners already know, so the track need not teach them.",
    )
    sessions: list[Session] = Field(min_length=1)


@dataclass(frozen=True)
class Track:
    """A loaded track and the file it came from."""

    spec: TrackSpec
    file: str
    """Path relative to the project root, such as ``curriculum/tracks/two-hour-workshop.yaml``."""

    @property
    def id(self) -> str:
        """The track id (also its file name)."""
        return self.spec.id

    @property
    def module_ids(self) -> list[str]:
        """The modules in teaching order."""
        return [item.module for _, _, item in _items(self.spec) if item.module is not None]


@dataclass(frozen=True)
class SyllabusRow:
    """One line of a syllabus: where it is, what it is, how long, and time so far."""

    session: int
    """1-based number of the session, day or week."""
    session_title: str | dict[str, str] | None
    module: Module | None
    activity: str | dict[str, str] | None
    minutes: int
    cumulative_minutes: int
    note: str | dict[str, str] | None


def _items(spec: TrackSpec) -> Iterable[tuple[int, int, TrackItem]]:
    for session_index, session in enumerate(spec.sessions):
        for item_index, item in enumerate(session.items):
            yield session_index, item_index, item


def _item_location(session_index: int, item_index: int) -> KeyPath:
    return ("sessions", session_index, "items", item_index)


def syllabus(track: Track, modules: Mapping[str, Module]) -> list[SyllabusRow]:
    """The track as rows with minutes and cumulative minutes; unknown modules are skipped."""
    rows = []
    elapsed = 0
    for session_index, _, item in _items(track.spec):
        module = modules.get(item.module) if item.module else None
        if item.module and module is None:
            continue
        minutes = item.minutes if item.minutes is not None else _module_minutes(module)
        elapsed += minutes
        rows.append(
            SyllabusRow(
                session=session_index + 1,
                session_title=track.spec.sessions[session_index].title,
                module=module,
                activity=item.activity,
                minutes=minutes,
                cumulative_minutes=elapsed,
                note=item.note,
            )
        )
    return rows


def _module_minutes(module: Module | None) -> int:
    return module.total_minutes if module is not None else 0


def total_minutes(track: Track, modules: Mapping[str, Module]) -> int:
    """All the time the track takes, overrides and activities included."""
    rows = syllabus(track, modules)
    return rows[-1].cumulative_minutes if rows else 0


def track_license(track: Track, modules: Mapping[str, Module]) -> CombinedLicense:
    """The licence the assembled track must carry, or the conflicts that prevent one."""
    works = [(m, modules[m].spec.license) for m in track.module_ids if m in modules]
    return combine_licenses(works)


@dataclass(frozen=True)
class Attribution:
    """What a track must credit for one module: its authors, licence and adapted sources."""

    module: Module
    authors: tuple[str, ...]
    license: str
    adapted_sources: tuple[Source, ...]


def track_attributions(track: Track, modules: Mapping[str, Module]) -> list[Attribution]:
    """The attributions a track must show, one per module, in teaching order."""
    result = []
    for module_id in dict.fromkeys(track.module_ids):
        module = modules.get(module_id)
        if module is None:
            continue
        result.append(
            Attribution(
                module=module,
                authors=tuple(a.name for a in module.spec.authors),
                license=module.spec.license,
                adapted_sources=tuple(s for s in module.spec.based_on if s.adapted),
            )
        )
    return result


def load_tracks(
    root: Path,
    modules: Iterable[Module],
    language_codes: Set[str] | None,
    *,
    broken: Set[str] = frozenset(),
) -> tuple[list[Track], list[Problem], dict[str, YamlDocument]]:
    """Load and check every ``curriculum/tracks/*.yaml`` against the loaded modules.

    ``language_codes`` is None when ``languages.yaml`` cannot say which it declares, and
    ``broken`` names modules whose own file has errors: neither is reported again here.

    Returns:
        The tracks that parsed (even if they have problems), every problem found, and the
        parsed documents by relative path.
    """
    by_id = {m.id: m for m in modules}
    files, problems, documents = load_entry_files(root, root / TRACKS_FOLDER, TrackSpec, "track")
    tracks: list[Track] = []
    for file in files:
        track, document = Track(spec=file.entry, file=file.relative), file.document
        problems += check_track(track, document, by_id, language_codes, broken=broken)
        tracks.append(track)
    return tracks, problems, documents


def check_track(
    track: Track,
    document: YamlDocument,
    modules: Mapping[str, Module],
    languages: Set[str] | None,
    *,
    broken: Set[str] = frozenset(),
) -> list[Problem]:
    """Every problem of one track, each at its line, naming the modules involved."""
    problems = _check_language(track, document, modules, languages)
    problems += _check_modules_known(track, document, modules, broken)
    problems += _check_order(track, document, modules)
    problems += _check_budget(track, document, modules)
    problems += _check_licenses(track, document, modules)
    return problems


def _check_language(
    track: Track, document: YamlDocument, modules: Mapping[str, Module], languages: Set[str] | None
) -> list[Problem]:
    spec = track.spec
    line = document.line_of(("language",))
    if languages is not None and spec.language not in languages:
        message = (
            f"language {spec.language!r} is not declared in curriculum/languages.yaml"
            f"{did_you_mean(spec.language, languages)}"
        )
        return [Problem(track.file, line, "language", message, code=codes.UNDECLARED_LANGUAGE)]
    missing = [
        m
        for m in dict.fromkeys(track.module_ids)
        if m in modules and spec.language not in modules[m].languages
    ]
    if not missing:
        return []
    sources = sorted({modules[m].spec.source_language for m in missing})
    message = (
        f"{len(missing)} module{'s' if len(missing) != 1 else ''} not available in "
        f"{spec.language!r}: {', '.join(missing)}; they fall back to "
        f"{' or '.join(repr(s) for s in sources)} (translations welcome: "
        f"courseware translate start modules/<id>/index.md {spec.language})"
    )
    return [
        Problem(
            track.file,
            line,
            "language",
            message,
            severity="warning",
            code=codes.MODULES_NOT_TRANSLATED,
        )
    ]


def _check_modules_known(
    track: Track, document: YamlDocument, modules: Mapping[str, Module], broken: Set[str]
) -> list[Problem]:
    problems = []
    first_line: dict[str, int] = {}
    for session_index, item_index, item in _items(track.spec):
        if item.module is None:
            continue
        location = (*_item_location(session_index, item_index), "module")
        line = document.line_of(location)
        where = dotted_field(location)
        if item.module in broken:
            pass  # its module.yaml has errors, reported there
        elif item.module not in modules:
            problems.append(
                Problem(
                    track.file,
                    line,
                    where,
                    f"unknown module {item.module!r}{nearest_modules_hint(item.module, modules)}",
                    code=codes.UNKNOWN_MODULE,
                )
            )
        elif modules[item.module].spec.life_cycle == "retired":
            problems.append(
                Problem(
                    track.file,
                    line,
                    where,
                    f"module {item.module!r} is retired; replace it with a current module",
                    severity="warning",
                    code=codes.RETIRED_MODULE,
                )
            )
        if item.module in first_line:
            problems.append(
                Problem(
                    track.file,
                    line,
                    where,
                    f"module {item.module!r} is already placed "
                    f"on line {first_line[item.module]}; remove one of them",
                    code=codes.MODULE_PLACED_TWICE,
                )
            )
        first_line.setdefault(item.module, line)
    for index, assumed in enumerate(track.spec.assumed_modules):
        if assumed not in modules and assumed not in broken:
            problems.append(
                Problem(
                    track.file,
                    document.line_of(("assumed_modules", index)),
                    f"assumed_modules[{index}]",
                    f"unknown module {assumed!r}{nearest_modules_hint(assumed, modules)}",
                    code=codes.UNKNOWN_MODULE,
                )
            )
    return problems


def _module_lines(track: Track, document: YamlDocument) -> dict[str, tuple[int, int, str]]:
    """Module id to (position in teaching order, line, field) of its first placement."""
    result: dict[str, tuple[int, int, str]] = {}
    position = 0
    for session_index, item_index, item in _items(track.spec):
        if item.module is None or item.module in result:
            continue
        location = (*_item_location(session_index, item_index), "module")
        result[item.module] = (position, document.line_of(location), dotted_field(location))
        position += 1
    return result


def _check_order(
    track: Track, document: YamlDocument, modules: Mapping[str, Module]
) -> list[Problem]:
    placed = _module_lines(track, document)
    graph = {m.id: [p for p in m.spec.prerequisites if p != m.id] for m in modules.values()}
    problems = []
    in_cycle: dict[str, set[str]] = {}
    for cycle in find_cycles(graph):
        members = [m for m in cycle if m in placed]
        for member in cycle:
            in_cycle[member] = set(cycle)
        if not members:
            continue
        first = min(members, key=lambda m: placed[m][0])
        _, line, where = placed[first]
        problems.append(
            Problem(
                track.file,
                line,
                where,
                f"modules {', '.join(members)} are in the "
                f"prerequisite cycle {format_cycle(cycle)}; no order satisfies it, so fix "
                "the prerequisites in their module.yaml",
                code=codes.PREREQUISITE_CYCLE,
            )
        )
    assumed = set(track.spec.assumed_modules)
    for module_id, (position, line, where) in placed.items():
        if module_id not in modules:
            continue
        for prerequisite in modules[module_id].spec.prerequisites:
            if prerequisite == module_id or prerequisite in in_cycle.get(module_id, set()):
                continue
            if prerequisite in placed and placed[prerequisite][0] > position:
                later_line = placed[prerequisite][1]
                problems.append(
                    Problem(
                        track.file,
                        line,
                        where,
                        f"module {module_id!r} is placed before "
                        f"its prerequisite {prerequisite!r} (line {later_line}); move "
                        f"{prerequisite!r} earlier or {module_id!r} later",
                        code=codes.PREREQUISITE_ORDER,
                    )
                )
            elif prerequisite not in placed and prerequisite not in assumed:
                problems.append(
                    Problem(
                        track.file,
                        line,
                        where,
                        f"prerequisite {prerequisite!r} of "
                        f"{module_id!r} is not in the track; add it before {module_id!r} "
                        "(courseware assemble --with-prerequisites does) or list it "
                        "under assumed_modules",
                        severity="warning",
                        code=codes.PREREQUISITE_NOT_IN_TRACK,
                    )
                )
    return problems


def _check_budget(
    track: Track, document: YamlDocument, modules: Mapping[str, Module]
) -> list[Problem]:
    total = total_minutes(track, modules)
    budget = track.spec.time_budget_minutes
    if total <= budget:
        return []
    return [
        Problem(
            track.file,
            document.line_of(("time_budget_minutes",)),
            "time_budget_minutes",
            f"the track takes {total} minutes, {total - budget} over the budget of {budget}; "
            "drop a module, shorten one with minutes:, or raise the budget",
            code=codes.OVER_TIME_BUDGET,
        )
    ]


def _check_licenses(
    track: Track, document: YamlDocument, modules: Mapping[str, Module]
) -> list[Problem]:
    placed = _module_lines(track, document)
    problems = []
    for conflict in track_license(track, modules).conflicts:
        later = max(conflict.first, conflict.second, key=lambda m: placed[m][0])
        _, line, where = placed[later]
        problems.append(
            Problem(
                track.file,
                line,
                where,
                f"licences conflict: {conflict.message}",
                code=codes.LICENSE_CONFLICT,
            )
        )
    return problems
