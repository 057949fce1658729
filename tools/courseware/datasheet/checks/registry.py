"""How checks are declared and run: each check is a function from a ``CheckContext`` to
``Hit``s (where and what); the registry adds the check's id and severity and the line."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from courseware.datasheet.findings import Finding, Severity
from courseware.datasheet.messages import Message
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.walk import value_at
from courseware.problem_codes import ProblemCode, code_by_slug
from courseware.yamlsafe import KeyPath, YamlDocument, dotted_field


@dataclass(frozen=True)
class CheckContext:
    """What a check reads: the datasheet, and where it came from (for lines)."""

    sheet: Datasheet
    path: str = "<datasheet>"
    document: YamlDocument | None = None

    def at(self, *location: str | int) -> object:
        """The value at a location of the datasheet, or None when any part is absent."""
        return value_at(self.sheet, tuple(location))


@dataclass(frozen=True)
class Hit:
    """One place a check found wrong; ``severity`` overrides the check's own when set.

    ``message`` is a template with its values (``N_(...)``), so the site can show it in the
    reader's language; a plain string (a footprint library's problem) stays English.
    """

    location: KeyPath
    message: Message | str
    severity: Severity | None = None


CheckFunction = Callable[[CheckContext], Iterable[Hit]]


@dataclass(frozen=True)
class Check:
    """A validator check: id, default severity, what it checks, and its checklist number."""

    id: str
    severity: Severity
    title: str
    reference: int
    """Number of the item in the project's checklist, which several checks can share.

    The checklist gathers the problems found in the two example datasheets of "Datasheets for
    Machine Learning Sensors" (arXiv 2306.08848, appendices A and B; the PDFs are in
    https://github.com/harvard-edge/ML-Sensors) into items numbered in groups: structure
    (1-4), types and units (5-8), arithmetic (9-14), cross-section consistency (15-22),
    end-to-end evaluation (23-30), environmental impact (31-32), compliance and provenance
    (33 and up). The numbering is this project's, not the paper's.
    """
    function: CheckFunction
    code: ProblemCode
    """The check's problem code (``CW-DS-...``), whose slug is ``id``."""

    def run(self, context: CheckContext) -> list[Finding]:
        """Run the check and turn its hits into findings with file, line and field."""
        findings = []
        for hit in self.function(context):
            line = context.document.line_of(hit.location) if context.document else None
            text = hit.message if isinstance(hit.message, Message) else None
            english = text.english() if text else str(hit.message)
            findings.append(
                Finding(
                    check=self.id,
                    severity=hit.severity or self.severity,
                    file=context.path,
                    line=line,
                    field=dotted_field(hit.location),
                    message=english,
                    code=self.code,
                    text=text,
                )
            )
        return findings


CHECKS: dict[str, Check] = {}
"""Every check by id, in declaration order (filled as the theme modules are imported)."""


def check(
    check_id: str, severity: Severity, title: str, reference: int
) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated function as the check ``check_id``."""

    def register(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id!r} is declared twice")
        code = code_by_slug(check_id)
        if code.area != "DS":
            raise ValueError(f"check {check_id!r} needs a CW-DS code in courseware.problem_codes")
        CHECKS[check_id] = Check(check_id, severity, title, reference, function, code)
        return function

    return register
