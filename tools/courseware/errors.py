"""The one error hierarchy of courseware, and the problem records content errors carry.

Content problems are collected, never raised one at a time: a contributor sees every
problem of a run at once, each as ``file:line: field: message``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Literal, TypeVar

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a file a user wrote.

    ``file`` is relative to the project root so that messages read the same on every machine;
    ``cell`` is set for a problem in a lab's run: the lab's code cell, counted from 1.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"
    cell: int | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.cell is not None:
            where += f" (cell {self.cell})"
        prefix = "warning: " if self.severity == "warning" else ""
        if self.field:
            return f"{where}: {prefix}{self.field}: {self.message}"
        return f"{where}: {prefix}{self.message}"


class CoursewareError(Exception):
    """Base of every error courseware raises on purpose (never shown as a traceback)."""


class UsageError(CoursewareError):
    """The command line asked for something impossible; the CLI exits with code 2."""


class ContentError(CoursewareError):
    """One or more problems in the content; carries all of them so they are shown together."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=_problem_order))
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(CoursewareError):
    """The site could not be built for a reason that is not a content problem."""


def _problem_order(problem: Problem) -> tuple[str, int, str]:
    return (problem.file, problem.line or 0, problem.field or "")


P = TypeVar("P", bound=Problem)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _optional_text(value: object) -> str | None:
    return None if value is None else _text(value)


def _optional_number(value: object) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"expected a whole number, got {value!r}")
    return value


def _severity(value: object) -> Severity:
    if value == "error" or value == "warning":
        return value
    raise ValueError(f"expected 'error' or 'warning', got {value!r}")


RECORD_FIELDS: dict[str, Callable[[object], object]] = {
    "file": _text,
    "line": _optional_number,
    "field": _optional_text,
    "message": _text,
    "severity": _severity,
    "cell": _optional_number,
}
"""Every field a problem record may hold, with how it is read back: the one list of them."""


def problem_record(problem: Problem) -> dict[str, object]:
    """``problem`` as a JSON-able dict of all its fields (a subclass's too), for caches."""
    return {f.name: getattr(problem, f.name) for f in fields(problem) if f.name in RECORD_FIELDS}


def problem_from_record(record: Mapping[str, object], kind: type[P]) -> P:
    """The problem of type ``kind`` that :func:`problem_record` wrote as ``record``.

    Raises:
        ValueError: when the record is not one (a truncated or edited cache file): callers
            treat that as a cache miss.
    """
    if not isinstance(record, Mapping):
        raise ValueError(f"a problem record is a mapping, not {record!r}")
    values = {}
    for item in fields(kind):
        read = RECORD_FIELDS.get(item.name)
        if read is None:
            raise ValueError(f"problem field {item.name!r} has no record format")
        if item.name in record:
            values[item.name] = read(record[item.name])
        elif item.default is MISSING:
            raise ValueError(f"a problem record needs {item.name!r}")
    return kind(**values)  # type: ignore[arg-type]


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems that stop a build (warnings are reported, not fatal)."""
    return [p for p in problems if p.severity == "error"]
