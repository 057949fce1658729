"""What the validator returns: findings with a severity, the check that made them, the
field path and the ``file:line`` they point at."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from courseware.datasheet.messages import Message
from courseware.errors import Problem
from courseware.problem_codes import UNCODED, ProblemCode

Severity = Literal["error", "warning", "info"]

SEVERITY_ORDER: dict[Severity, int] = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One thing the validator found in a datasheet.

    ``check`` names the check (``bom-total``) or ``schema`` for problems found while loading;
    ``field`` is the dotted path of the YAML key (``bill_of_materials.lines[2].quantity``);
    ``code`` is the check's entry in ``courseware.problem_codes`` (its slug is the check's id),
    or, for a loading problem, the code of that problem. ``message`` is the English text;
    ``text`` is the same message as a translatable template with its values, for the site
    (None for loading problems, which stay English).
    """

    check: str
    severity: Severity
    file: str
    line: int | None
    field: str
    message: str
    code: ProblemCode = dataclasses.field(default=UNCODED, compare=False)
    text: Message | None = dataclasses.field(default=None, compare=False, repr=False)

    @property
    def template(self) -> str:
        """The message's template (the English text itself when there is none)."""
        return self.text.template if self.text else self.message

    @property
    def values(self) -> dict[str, object]:
        """The values the template's placeholders take."""
        return dict(self.text.values) if self.text else {}

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        prefix = "" if self.severity == "error" else f"{self.severity}: "
        field = f"{self.field}: " if self.field else ""
        tag = self.check if self.code is UNCODED else str(self.code)
        return f"{where}: {prefix}{field}{self.message} [{tag}]"

    def to_json(self) -> dict[str, str | int | None]:
        """A plain mapping for ``--format json`` and the site."""
        return {
            "check": self.check,
            "code": self.code.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "field": self.field,
            "message": self.message,
        }


def finding_from_problem(problem: Problem, check: str = "schema") -> Finding:
    """Turn a loading problem (bad YAML, wrong type, unknown field) into a finding."""
    return Finding(
        check=check,
        severity=problem.severity,
        file=problem.file,
        line=problem.line,
        field=problem.field or "",
        message=problem.message,
        code=problem.code,
    )


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Order findings by file, severity, then line, so errors come first in each file."""
    return sorted(
        findings,
        key=lambda f: (f.file, SEVERITY_ORDER[f.severity], f.line or 0, f.field, f.check),
    )


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """Return the number of errors, warnings and infos (all three keys present)."""
    counts: dict[Severity, int] = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity] += 1
    return counts


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding is an error (the datasheet is not valid)."""
    return any(f.severity == "error" for f in findings)
