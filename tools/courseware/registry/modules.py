"""Teaching modules (``modules/<id>/module.yaml`` + ``index.md``): schema, loading, checks.

A module is the unit educators assemble into tracks, so its metadata answers their
questions before they read it: how long, for whom, what it needs first, what it teaches,
under which licence, and in which languages. Fields follow the Carpentries episode
(questions, objectives, key points, teaching/exercise minutes: the episode template of
https://github.com/carpentries/sandpaper) and the ``InstructorMetadata`` of MLSysBook's labs
(https://github.com/harvard-edge/cs249r_book: why assign, where it fits, misconceptions,
discussion prompts).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Mapping, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.content_catalogs import (
    catalog_coverage,
    catalog_languages,
    catalog_path,
)
from courseware.registry.licenses import LICENSES, LicenseId, combine_licenses, may_relicense
from courseware.registry.models import Audience
from courseware.registry.prerequisites import find_cycles, format_cycle
from courseware.registry.text_catalogs import validate_translated
from courseware.registry.topics import check_document_topics
from courseware.textfields import (
    HttpsUrl,
    LanguageCode,
    LocalizedText,
    PlainText,
    Slug,
    StrictModel,
)
from courseware.validation import did_you_mean
from courseware.yamlsafe import YamlDocument, display_path, read_yaml_file

MODULES_FOLDER = Path("modules")
MODULE_FILE = "module.yaml"
SOURCE_TEXT = "index.md"

Level = Literal["introductory", "intermediate", "advanced"]
LifeCycle = Literal["draft", "beta", "stable", "retired"]
Minutes = Annotated[int, Field(ge=0, le=100_000)]


class TimeEstimate(StrictModel):
    """Minutes of teaching and of exercises, kept apart as the Carpentries do."""

    teaching_minutes: Minutes
    exercises_minutes: Minutes

    @property
    def total_minutes(self) -> int:
        """Teaching plus exercises."""
        return self.teaching_minutes + self.exercises_minutes


class Author(StrictModel):
    """Someone who wrote or reviewed the module."""

    name: PlainText
    orcid: Annotated[str, Field(pattern=r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")] | None = None
    url: HttpsUrl | None = None


class Source(StrictModel):
    """Material the module draws on.

    ``adapted: true`` means the module reuses the material's text or structure, so the
    material's licence constrains the module's; otherwise it is only cited for facts.
    """

    title: PlainText
    authors: PlainText | None = None
    year: Annotated[int, Field(ge=1900, le=2200)] | None = None
    url: HttpsUrl | None = None
    license: LicenseId | None = None
    adapted: bool = False

    @model_validator(mode="after")
    def _licence_of_adapted(self) -> Source:
        if self.adapted and self.license is None:
            raise ValueError("an adapted source needs its license, which constrains the module's")
        return self


class InstructorNotes(StrictModel):
    """What an educator needs to decide whether and how to use the module."""

    why_assign: LocalizedText
    where_it_fits: LocalizedText
    misconceptions: list[LocalizedText] = Field(default_factory=list)
    discussion_prompts: list[LocalizedText] = Field(default_factory=list)


class LearningObjective(StrictModel):
    """One learning objective: a stable id that question banks, reports and tracks cite, and
    its text.

    The id is a slug chosen once and never changed when the text is reworded, so results
    gathered under it stay comparable; ``None`` only for the older bare-text form (see
    ``ModuleSpec._objectives_with_ids``), which nothing can refer to.
    """

    id: Slug | None
    text: LocalizedText


class ModuleSpec(StrictModel):
    """The contents of one ``modules/<id>/module.yaml``."""

    id: Slug
    title: LocalizedText
    summary: LocalizedText
    source_language: LanguageCode = "en"
    objectives: list[LearningObjective] = Field(alias="learning_objectives", min_length=1)
    """Read from ``learning_objectives`` in YAML; ``learning_objectives`` gives the texts."""
    questions: list[LocalizedText] = Field(default_factory=list)
    key_points: list[LocalizedText] = Field(default_factory=list)
    prerequisites: list[Slug] = Field(default_factory=list)
    time: TimeEstimate
    level: Level
    audience: list[Audience] = Field(min_length=1)
    topics: list[Slug] = Field(min_length=1)
    labs: list[Slug] = Field(default_factory=list)
    license: LicenseId
    authors: list[Author] = Field(min_length=1)
    based_on: list[Source] = Field(default_factory=list)
    instructor: InstructorNotes | None = None
    """Required once the module is ``stable`` (see ``_check_own_fields``)."""
    last_reviewed: dt.date
    life_cycle: LifeCycle

    @field_validator("objectives", mode="before")
    @classmethod
    def _objectives_with_ids(cls, value: object) -> object:
        """Accept the older form, a bare text per objective, as an objective without an id.

        Modules written before objectives had ids keep loading; a question bank can only
        cite objectives written as ``{id: ..., text: ...}``, and says so.
        """
        if not isinstance(value, list):
            return value
        return [
            item if isinstance(item, dict) and ({"id", "text"} & item.keys()) else _bare(item)
            for item in value
        ]

    @property
    def learning_objectives(self) -> list[str | dict[str, str]]:
        """The objectives' texts, in order (what pages and catalogues show)."""
        return [objective.text for objective in self.objectives]

    @property
    def objective_ids(self) -> list[str]:
        """The ids of the objectives that have one, in order."""
        return [o.id for o in self.objectives if o.id is not None]


def _bare(text: object) -> dict[str, object]:
    return {"id": None, "text": text}


@dataclass(frozen=True)
class Module:
    """A loaded module: its metadata, where it lives, and the languages its text exists in."""

    spec: ModuleSpec
    folder: str
    """The module's folder relative to the project root, such as ``modules/what-is-tinyml``."""
    languages: tuple[str, ...]
    """The source language first, then each language with an ``index.<lang>.md`` or a
    content catalog that translates every paragraph."""
    catalog_languages: tuple[str, ...] = ()
    """Languages whose text is assembled from a catalog (``i18n/content_catalogs.py``), at
    any coverage; those at 100 % are also in ``languages``."""

    @property
    def id(self) -> str:
        """The module id (also its folder name)."""
        return self.spec.id

    @property
    def metadata_file(self) -> str:
        """Path of ``module.yaml`` relative to the project root, as messages show it."""
        return f"{self.folder}/{MODULE_FILE}"

    @property
    def total_minutes(self) -> int:
        """The module's own time estimate (a track may override it)."""
        return self.spec.time.total_minutes

    def text_file(self, language: str) -> str:
        """The Markdown file read for ``language``, falling back to the source text."""
        if language in self.catalog_languages:
            return f"{self.folder}/{SOURCE_TEXT}"
        if language in self.languages and language != self.spec.source_language:
            return f"{self.folder}/index.{language}.md"
        return f"{self.folder}/{SOURCE_TEXT}"


def load_modules(
    root: Path, language_codes: Set[str] | None
) -> tuple[list[Module], list[Problem], dict[str, YamlDocument]]:
    """Load every ``modules/<id>/module.yaml``, checking each file on its own.

    ``language_codes`` is None when ``curriculum/languages.yaml`` is too broken to say which
    languages it declares: the modules' languages are then not checked.

    Cross-module checks (prerequisites, topics) need the whole set; see
    ``check_modules``.

    Returns:
        The valid modules, the problems found and the parsed documents by relative path.
    """
    modules: list[Module] = []
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    base = root / MODULES_FOLDER
    if not base.is_dir():
        return modules, problems, documents
    for folder in sorted(base.iterdir()):
        relative = display_path(folder, root)
        if folder.is_symlink():
            continue  # reported by find_symlinks
        if not folder.is_dir():
            problems.append(
                Problem(
                    relative,
                    None,
                    None,
                    "only module folders belong in modules/; move it",
                    code=codes.STRAY_FILE,
                )
            )
            continue
        path = folder / MODULE_FILE
        if not path.is_file():
            problems.append(
                Problem(
                    f"{relative}/{MODULE_FILE}",
                    None,
                    None,
                    "file is missing; every module folder needs module.yaml (see CONTRIBUTING.md)",
                    code=codes.REQUIRED_FILE_MISSING,
                )
            )
            continue
        document, file_problems = read_yaml_file(path, root)
        problems += file_problems
        if document is None:
            continue
        documents[document.path] = document
        source = document.data.get("source_language") if isinstance(document.data, dict) else None
        spec, file_problems = validate_translated(
            root, ModuleSpec, document, source if isinstance(source, str) else "en"
        )
        problems += file_problems
        if spec is None:
            continue
        languages, file_problems = _text_languages(folder, root, spec, language_codes)
        problems += file_problems
        from_catalogs, file_problems = _catalog_languages(
            folder, root, spec, languages, language_codes
        )
        problems += file_problems
        complete = tuple(code for code, percent in from_catalogs if percent == 100)
        problems += _check_own_fields(spec, document, folder.name, language_codes)
        modules.append(
            Module(
                spec=spec,
                folder=relative,
                # The source first, then the translations in one order however they are held.
                languages=(languages[0], *sorted({*languages[1:], *complete})),
                catalog_languages=tuple(code for code, _ in from_catalogs),
            )
        )
    return modules, problems, documents


def _catalog_languages(
    folder: Path,
    root: Path,
    spec: ModuleSpec,
    whole_files: tuple[str, ...],
    declared: Set[str] | None,
) -> tuple[list[tuple[str, int]], list[Problem]]:
    """The languages translating the module's text in a catalog, with their coverage."""
    source_path = f"{display_path(folder, root)}/{SOURCE_TEXT}"
    text_file = folder / SOURCE_TEXT
    if declared is None or not text_file.is_file() or text_file.is_symlink():
        return [], []  # no trusted language list (its file is broken) or no text
    found: list[tuple[str, int]] = []
    problems: list[Problem] = []
    codes_with_catalogs = catalog_languages(root, source_path, sorted(declared))
    text = text_file.read_text(encoding="utf-8", errors="replace")
    for code in codes_with_catalogs:
        if code == spec.source_language:
            continue
        if code in whole_files:
            catalog = catalog_path(root, source_path, code).relative_to(root).as_posix()
            problems.append(
                Problem(
                    f"{display_path(folder, root)}/index.{code}.md",
                    None,
                    None,
                    f"{source_path} is also translated in {catalog}; delete one of them",
                    code=codes.TRANSLATED_TWICE,
                )
            )
            continue
        counts, problem = catalog_coverage(root, source_path, code, text)
        if problem is not None:
            problems.append(problem)
        elif counts is not None:
            found.append((code, counts.percent))
    return found, problems


def _text_languages(
    folder: Path, root: Path, spec: ModuleSpec, declared: Set[str] | None
) -> tuple[tuple[str, ...], list[Problem]]:
    problems = []
    relative = display_path(folder, root)
    if not (folder / SOURCE_TEXT).is_file():
        problems.append(
            Problem(
                f"{relative}/{SOURCE_TEXT}",
                None,
                None,
                f"file is missing; write the module's text in {spec.source_language} there",
                code=codes.REQUIRED_FILE_MISSING,
            )
        )
    languages = [spec.source_language]
    for path in sorted(folder.glob("index.*.md")):
        code = path.name[len("index.") : -len(".md")]
        if declared is not None and code not in declared:
            problems.append(
                Problem(
                    display_path(path, root),
                    None,
                    None,
                    f"language {code!r} is not declared in curriculum/languages.yaml"
                    f"{did_you_mean(code, declared)}; rename the file or declare the language",
                    code=codes.UNDECLARED_LANGUAGE,
                )
            )
        elif code == spec.source_language:
            problems.append(
                Problem(
                    display_path(path, root),
                    None,
                    None,
                    f"{code!r} is the source language; its text belongs in {SOURCE_TEXT}",
                    code=codes.SOURCE_LANGUAGE_TRANSLATION,
                )
            )
        else:
            languages.append(code)
    return tuple(languages), problems


def _check_own_fields(
    spec: ModuleSpec, document: YamlDocument, folder_name: str, declared: Set[str] | None
) -> list[Problem]:
    """Checks that need only this module: id, languages, licence against its sources."""
    problems = []
    if spec.id != folder_name:
        problems.append(
            Problem(
                document.path,
                document.line_of(("id",)),
                "id",
                f"{spec.id!r} differs from the folder name {folder_name!r}; "
                "rename one so they match",
                code=codes.ID_MISMATCH,
            )
        )
    if declared is not None and spec.source_language not in declared:
        problems.append(
            Problem(
                document.path,
                document.line_of(("source_language",)),
                "source_language",
                f"language {spec.source_language!r} is not declared in "
                f"curriculum/languages.yaml{did_you_mean(spec.source_language, declared)}",
                code=codes.UNDECLARED_LANGUAGE,
            )
        )
    for field_name in ("title", "summary"):
        text = getattr(spec, field_name)
        for code in text if isinstance(text, dict) else ():
            if declared is not None and code not in declared:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of((field_name, code)),
                        f"{field_name}.{code}",
                        f"language {code!r} is not declared in curriculum/languages.yaml"
                        f"{did_you_mean(code, declared)}",
                        code=codes.UNDECLARED_LANGUAGE,
                    )
                )
    problems += _check_objective_ids(spec, document)
    for index, prerequisite in enumerate(spec.prerequisites):
        if prerequisite == spec.id:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("prerequisites", index)),
                    f"prerequisites[{index}]",
                    "a module cannot be its own prerequisite; remove it",
                    code=codes.SELF_PREREQUISITE,
                )
            )
    problems += _check_instructor_notes(spec, document)
    for index, source in enumerate(spec.based_on):
        if source.adapted and source.license and not may_relicense(spec.license, source.license):
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("license",)),
                    "license",
                    f"{spec.license} is not allowed for a module that adapts "
                    f"{source.title!r} ({LICENSES[source.license].name}, based_on[{index}]); "
                    "use a licence that keeps its terms, such as "
                    f"{_least_license_for(spec.license, source.license)}",
                    code=codes.LICENSE_NOT_ALLOWED,
                )
            )
    return problems


def _check_objective_ids(spec: ModuleSpec, document: YamlDocument) -> list[Problem]:
    """Objective ids are what banks and reports cite, so two objectives cannot share one."""
    problems = []
    first: dict[str, int] = {}
    for index, objective in enumerate(spec.objectives):
        if objective.id is None:
            continue
        if objective.id in first:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("learning_objectives", index, "id")),
                    f"learning_objectives[{index}].id",
                    f"{objective.id!r} is already the id of learning_objectives"
                    f"[{first[objective.id]}]; give each objective its own id",
                    code=codes.DUPLICATE_ID,
                )
            )
        first.setdefault(objective.id, index)
    return problems


def _check_instructor_notes(spec: ModuleSpec, document: YamlDocument) -> list[Problem]:
    """A stable module is one an educator may pick up without its authors: its instructor
    notes are what its teaching kit gives them."""
    if spec.life_cycle != "stable" or spec.instructor is not None:
        return []
    return [
        Problem(
            document.path,
            document.line_of(("life_cycle",)),
            "life_cycle",
            "a stable module needs instructor: notes (why_assign, where_it_fits, and "
            "misconceptions and discussion_prompts where known); write them, or keep the "
            "module in beta",
            code=codes.INSTRUCTOR_NOTES_REQUIRED,
        )
    ]


def _least_license_for(own: str, source: str) -> str:
    combined = combine_licenses([("module", own), ("source", source)])
    return combined.spdx or source


def check_modules(
    modules: Iterable[Module],
    documents: Mapping[str, YamlDocument],
    topics: Set[str] | None,
    *,
    broken: Set[str] = frozenset(),
) -> list[Problem]:
    """Cross-module checks: unknown prerequisites, prerequisite cycles, unknown topics.

    Args:
        topics: the declared topic ids; None when ``topics.yaml`` cannot say (not checked).
        broken: modules whose ``module.yaml`` has errors of its own (see
            :func:`broken_module_ids`): naming one is not reported again.
    """
    by_id = {m.id: m for m in modules}
    problems: list[Problem] = []
    for module in by_id.values():
        document = documents[module.metadata_file]
        for index, prerequisite in enumerate(module.spec.prerequisites):
            if prerequisite in broken:
                continue
            if prerequisite not in by_id and prerequisite != module.id:
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(("prerequisites", index)),
                        f"prerequisites[{index}]",
                        f"unknown module {prerequisite!r}"
                        f"{nearest_modules_hint(prerequisite, by_id)}",
                        code=codes.UNKNOWN_MODULE,
                    )
                )
        problems += check_document_topics(document, topics)
    graph = {m.id: [p for p in m.spec.prerequisites if p != m.id] for m in by_id.values()}
    for cycle in find_cycles(graph):
        first = by_id[cycle[0]]
        document = documents[first.metadata_file]
        index = first.spec.prerequisites.index(cycle[1 % len(cycle)])
        problems.append(
            Problem(
                document.path,
                document.line_of(("prerequisites", index)),
                f"prerequisites[{index}]",
                f"prerequisite cycle {format_cycle(cycle)}; no order can teach these "
                "modules, so remove one of these prerequisites",
                code=codes.PREREQUISITE_CYCLE,
            )
        )
    return problems


def broken_module_ids(root: Path, modules: Iterable[Module]) -> frozenset[str]:
    """The module folders whose ``module.yaml`` exists but gave no module (it has errors,
    reported at their lines): a track or prerequisite naming one is not an unknown module."""
    base = root / MODULES_FOLDER
    if not base.is_dir():
        return frozenset()
    loaded = {module.id for module in modules}
    return frozenset(
        folder.name
        for folder in base.iterdir()
        if not folder.is_symlink()
        and (folder / MODULE_FILE).is_file()
        and folder.name not in loaded
    )


def nearest_modules_hint(name: str, known: Iterable[str]) -> str:
    """``"; nearest ids: a, b"`` for an unknown module id (the closest three)."""
    choices = sorted(known)
    nearest = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
    if not nearest:
        return f"; known modules: {', '.join(choices)}" if choices else "; no modules exist yet"
    return f"; nearest ids: {', '.join(nearest)}"
