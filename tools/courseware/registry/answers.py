"""Answer keys (``modules/<id>/answers.yaml``): the answers educators need, checked against
the exercises the module's text marks as answered.

An exercise is marked in ``index.md`` by an attribute list on its heading (Python-Markdown's
``attr_list``, which the site already enables)::

    ## Exercise: price a class set {#price-a-class-set .answer-key}

The id becomes the heading's anchor, so the teaching kit can link to the exercise, and the
class says "the key answers this". The key holds, per exercise, one answer per part; an answer
may name a ``computed:`` function (registered by the site builder, which may import the
module's own library) whose value the page shows where the text says ``{value}``, so the number
printed is the number the library computes and cannot drift from the lab.

Which functions exist is known only to the site builder (the registry imports no library), so
the registry checks the file's shape and its cross-references with the module's text, and the
builder checks the function names (``courseware.site.check_answer_functions``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.modules import SOURCE_TEXT, Module
from courseware.registry.text_catalogs import validate_translated
from courseware.textfields import LocalizedText, Slug, StrictModel
from courseware.validation import did_you_mean
from courseware.yamlsafe import YamlDocument, read_yaml_file

ANSWERS_FILE = "answers.yaml"
ANSWERED_CLASS = "answer-key"
VALUE_PLACEHOLDER = "{value}"

_HEADING_ATTRIBUTES = re.compile(r"^#{1,6}\s.*?\{:?(?P<attributes>[^{}]*)\}\s*$")


class AnswerPart(StrictModel):
    """The answer to one part of an exercise (its numbered question, or the whole of it)."""

    answer: LocalizedText
    computed: Slug | None = None
    """A registered answer function; the text shows its value where it says ``{value}``."""


class ExerciseAnswer(StrictModel):
    """Every part's answer of one exercise."""

    exercise: Slug
    parts: list[AnswerPart] = Field(min_length=1)


class AnswerKeyFile(StrictModel):
    """The contents of one ``modules/<id>/answers.yaml``."""

    exercises: list[ExerciseAnswer] = Field(min_length=1)


@dataclass(frozen=True)
class AnswerKey:
    """A module's loaded answer key, with where each part's ``computed:`` is written."""

    module: str
    path: str
    spec: AnswerKeyFile

    def exercise(self, exercise_id: str) -> ExerciseAnswer | None:
        """The answers of ``exercise_id``, or None when the key lacks it."""
        return next((e for e in self.spec.exercises if e.exercise == exercise_id), None)


@dataclass(frozen=True)
class MarkedExercise:
    """An exercise heading of a module's text that carries an id."""

    id: str
    title: str
    line: int
    answered: bool
    """Whether the heading has the ``.answer-key`` class."""


def marked_exercises(text: str) -> list[MarkedExercise]:
    """The headings of ``text`` with an ``{#id}`` attribute list, in order.

    Headings inside fenced code blocks are skipped.
    """
    found: list[MarkedExercise] = []
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            marker = stripped[:3]
            fence = None if fence == marker else (fence or marker)
            continue
        if fence is not None:
            continue
        match = _HEADING_ATTRIBUTES.match(line)
        if match is None:
            continue
        tokens = match.group("attributes").split()
        ids = [token[1:] for token in tokens if token.startswith("#") and len(token) > 1]
        if not ids:
            continue
        title = line[: match.start("attributes")].rstrip("{: ").lstrip("#").strip()
        found.append(MarkedExercise(ids[0], title, number, f".{ANSWERED_CLASS}" in tokens))
    return found


def load_answer_keys(
    root: Path, modules: Iterable[Module]
) -> tuple[dict[str, AnswerKey], list[Problem], dict[str, YamlDocument]]:
    """Load each module's ``answers.yaml`` (where there is one) and check it against the
    exercises its ``index.md`` marks.

    Returns:
        The valid keys by module id, every problem, and the parsed documents by path.
    """
    keys: dict[str, AnswerKey] = {}
    problems: list[Problem] = []
    documents: dict[str, YamlDocument] = {}
    for module in modules:
        text_path = root / module.folder / SOURCE_TEXT
        text = text_path.read_text(encoding="utf-8") if text_path.is_file() else ""
        marked = marked_exercises(text)
        path = root / module.folder / ANSWERS_FILE
        key: AnswerKey | None = None
        if path.is_file() and not path.is_symlink():
            document, file_problems = read_yaml_file(path, root)
            problems += file_problems
            if document is not None:
                documents[document.path] = document
                spec, file_problems = validate_translated(
                    root, AnswerKeyFile, document, module.spec.source_language
                )
                problems += file_problems
                if spec is not None:
                    key = AnswerKey(module.id, document.path, spec)
                    keys[module.id] = key
                    problems += _check_key(key, document, marked, f"{module.folder}/{SOURCE_TEXT}")
        answered = {e.exercise for e in key.spec.exercises} if key else set()
        for exercise in marked:
            if exercise.answered and exercise.id not in answered:
                problems.append(
                    Problem(
                        f"{module.folder}/{SOURCE_TEXT}",
                        exercise.line,
                        None,
                        f"exercise {exercise.id!r} is marked {{.{ANSWERED_CLASS}}} but "
                        f"{module.folder}/{ANSWERS_FILE} has no answer for it; add it there "
                        f"or remove the mark",
                        severity="warning",
                        code=codes.ANSWER_MISSING,
                    )
                )
    return keys, problems, documents


def _check_key(
    key: AnswerKey, document: YamlDocument, marked: list[MarkedExercise], text_file: str
) -> list[Problem]:
    problems = []
    marked_ids = {e.id for e in marked if e.answered}
    seen: set[str] = set()
    for index, exercise in enumerate(key.spec.exercises):
        location: tuple[str | int, ...] = ("exercises", index, "exercise")
        if exercise.exercise not in marked_ids:
            hint = did_you_mean(exercise.exercise, marked_ids) or (
                f"; mark its heading in {text_file} with {{#{exercise.exercise} .{ANSWERED_CLASS}}}"
            )
            problems.append(
                Problem(
                    document.path,
                    document.line_of(location),
                    f"exercises[{index}].exercise",
                    f"no exercise {exercise.exercise!r} is marked in {text_file}{hint}",
                    code=codes.ANSWER_UNKNOWN_EXERCISE,
                )
            )
        elif exercise.exercise in seen:
            problems.append(
                Problem(
                    document.path,
                    document.line_of(location),
                    f"exercises[{index}].exercise",
                    f"exercise {exercise.exercise!r} is answered twice; merge the entries",
                    code=codes.ANSWER_UNKNOWN_EXERCISE,
                )
            )
        seen.add(exercise.exercise)
        for part_index, part in enumerate(exercise.parts):
            problems += _check_placeholder(document, index, part_index, part)
    return problems


def _check_placeholder(
    document: YamlDocument, index: int, part_index: int, part: AnswerPart
) -> list[Problem]:
    texts = part.answer if isinstance(part.answer, dict) else {None: part.answer}
    problems = []
    for language, text in texts.items():
        location: tuple[str | int, ...] = ("exercises", index, "parts", part_index, "answer")
        field = f"exercises[{index}].parts[{part_index}].answer"
        if language is not None:
            location += (language,)
            field += f".{language}"
        has_value = VALUE_PLACEHOLDER in text
        if part.computed is not None and not has_value:
            message = f"the text of a computed answer must show the value with {VALUE_PLACEHOLDER}"
        elif part.computed is None and has_value:
            message = f"{VALUE_PLACEHOLDER} shows a computed value; add computed: or remove it"
        else:
            continue
        problems.append(
            Problem(
                document.path,
                document.line_of(location),
                field,
                message,
                code=codes.ANSWER_VALUE_PLACEHOLDER,
            )
        )
    return problems


def check_answer_functions(
    keys: Mapping[str, AnswerKey], documents: Mapping[str, YamlDocument], known: Iterable[str]
) -> list[Problem]:
    """Every ``computed:`` must name a function of ``known`` (the site builder's registry)."""
    names = sorted(known)
    problems = []
    for key in keys.values():
        document = documents[key.path]
        for index, exercise in enumerate(key.spec.exercises):
            for part_index, part in enumerate(exercise.parts):
                if part.computed is None or part.computed in names:
                    continue
                hint = did_you_mean(part.computed, names) or (
                    f"; known functions: {', '.join(names)}" if names else ""
                )
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(("exercises", index, "parts", part_index, "computed")),
                        f"exercises[{index}].parts[{part_index}].computed",
                        f"unknown answer function {part.computed!r}{hint}",
                        code=codes.ANSWER_FUNCTION_UNKNOWN,
                    )
                )
    return problems
