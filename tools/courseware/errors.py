"""The one error hierarchy of courseware, and the problem records content errors carry.

Content problems are collected, never raised one at a time: a contributor sees every
problem of a run at once, each as ``file:line: field: message``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or worth a warning) in a file a user wrote.

    ``file`` is relative to the project root so that messages read the same on every machine.
    """

    file: str
    line: int | None
    field: str | None
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
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


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    """Return the problems that stop a build (warnings are reported, not fatal)."""
    return [p for p in problems if p.severity == "error"]
