"""The one error hierarchy of courseware, and the problem records content errors carry.

Content problems are collected, never raised one at a time: a contributor sees every
problem of a run at once, each as ``file:line: field: message [CW-AREA-NNN slug]``: the
code in brackets comes from ``courseware.problem_codes`` and stays the same when the wording
changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import MISSING, dataclass, fields
from typing import Literal, TypeVar

from courseware.problem_codes import UNCODED, ProblemCode, problem_code

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a file a user wrote.

    ``file`` is relative to the project root so that messages read the same on every machine;
    ``cell`` is set for a problem in a lab's run: the lab's code cell, counted from 1.
    ``code`` says which kind of problem it is; it is left out of comparisons, so a problem
    read back from a record that predates codes still equals the one it was made from.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"
    cell: int | None = None
    code: ProblemCode = dataclasses.field(default=UNCODED, compare=False)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.cell is not None:
            where += f" (cell {self.cell})"
        prefix = "warning: " if self.severity == "warning" else ""
        if self.field:
            return f"{where}: {prefix}{self.field}: {self.message}{self.code_suffix}"
        return f"{where}: {prefix}{self.message}{self.code_suffix}"

    @property
    def code_suffix(self) -> str:
        """`` [CW-REG-011 unknown-module]``, or nothing for a problem not yet given a code."""
        return "" if self.code is UNCODED else f" [{self.code}]"


class InvalidValue(ValueError):
    """A field validator's refusal that carries its problem code.

    Pydantic reports any ``ValueError`` from a validator as a ``value_error`` and keeps the
    exception, so ``courseware.validation`` reads ``code`` back from it.
    """

    def __init__(self, message: str, code: ProblemCode) -> None:
        super().__init__(message)
        self.code = code


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


def _code(value: object) -> ProblemCode:
    try:
        return problem_code(_text(value))
    except KeyError:
        raise ValueError(f"no problem code {value!r}") from None


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
    "code": _code,
}
"""Every field a problem record may hold, with how it is read back: the one list of them."""


def problem_record(problem: Problem) -> dict[str, object]:
    """``problem`` as a JSON-able dict of all its fields (a subclass's too), for caches."""
    record = {f.name: getattr(problem, f.name) for f in fields(problem) if f.name in RECORD_FIELDS}
    record["code"] = problem.code.code
    return record


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
