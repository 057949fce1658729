"""Run every check on a datasheet and collect the findings, loading problems included."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from courseware.datasheet.checks import CHECKS, Check, CheckContext
from courseware.datasheet.findings import Finding, sorted_findings
from courseware.datasheet.load import LoadedDatasheet, load_datasheet
from courseware.datasheet.schema import Datasheet
from courseware.yamlsafe import YamlDocument


def all_checks() -> list[Check]:
    """Every check, in the order of its checklist number (see ``Check.reference``)."""
    return sorted(CHECKS.values(), key=lambda c: c.reference)


def validate_datasheet(
    sheet: Datasheet,
    path: str = "<datasheet>",
    document: YamlDocument | None = None,
    only: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the checks (all, or those named in ``only``) and return their findings, sorted.

    Args:
        sheet: the datasheet, as loaded.
        path: the file name findings should show.
        document: the parsed YAML, so findings can name lines (None: no lines).
        only: check ids to run, for tests and for focused lab exercises.
    """
    wanted = set(only) if only is not None else None
    unknown = (wanted or set()) - set(CHECKS)
    if unknown:
        raise KeyError(f"unknown checks: {', '.join(sorted(unknown))}")
    context = CheckContext(sheet, path, document)
    findings: list[Finding] = []
    for check in all_checks():
        if wanted is None or check.id in wanted:
            findings += check.run(context)
    return sorted_findings(findings)


@dataclass(frozen=True)
class CheckedDatasheet:
    """A datasheet file as loaded and checked: the model (None if it did not load) and
    every finding, loading problems first."""

    loaded: LoadedDatasheet
    findings: tuple[Finding, ...]

    @property
    def sheet(self) -> Datasheet | None:
        """The model, when the file loaded."""
        return self.loaded.sheet


def check_file(path: Path, root: Path | None = None) -> CheckedDatasheet:
    """Load ``path`` and, when it loads, run every check on it."""
    loaded = load_datasheet(path, root)
    findings = list(loaded.findings)
    if loaded.sheet is not None:
        findings += validate_datasheet(loaded.sheet, loaded.path, loaded.document)
    return CheckedDatasheet(loaded, tuple(sorted_findings(findings)))
