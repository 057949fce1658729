"""The one error hierarchy of courseware, and the problem records content errors carry.

Content problems are collected, never raised one at a time: a contributor sees every
problem of a run at once, each as ``file:line: field: message [CW-AREA-NNN slug]``: the
code in brackets comes from ``courseware.problem_codes`` and stays the same when the wording
changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from courseware.problem_codes import UNCODED, ProblemCode

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a file a user wrote.

    ``file`` is relative to the project root so that messages read the same on every machine.
    ``code`` says which kind of problem it is; it is left out of comparisons, so a problem
    read back from a record that predates codes still equals the one it was made from.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"
    code: ProblemCode = dataclasses.field(default=UNCODED, compare=False)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
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


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems that stop a build (warnings are reported, not fatal)."""
    return [p for p in problems if p.severity == "error"]
