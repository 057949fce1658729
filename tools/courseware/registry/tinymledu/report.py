"""The import report: per entry, what became of it and of each field; and its text form.

The report is a value (frozen dataclasses) so tests check it without reading the CLI's
output; ``render_report`` is the one place that decides how it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from courseware.registry.models import OfferingKind
from courseware.registry.tinymledu.findings import Finding, FindingKind

EntryOutcome = Literal["written", "unchanged", "exists", "draft", "not_imported"]
"""``written``: a new file. ``unchanged``: a file with this id holds the same offering.
``exists``: a file with this id holds something else; nothing written. ``draft``: written
under a numbered id (``--force-new``) beside the existing file. ``not_imported``: the entry
cannot make a valid offering; the findings say why."""

_NEEDS_HUMAN_OUTCOMES = {"exists", "draft", "not_imported"}
_OUTCOME_WORDS = {
    "written": ("written", "would write"),
    "unchanged": ("unchanged, skipped", "unchanged, would skip"),
    "exists": ("skipped", "would skip"),
    "draft": ("written as a numbered draft", "would write as a numbered draft"),
    "not_imported": ("not imported", "not imported"),
}
_KIND_WORDS = {"normalised": "normalised", "warning": "warning", "needs_human": "NEEDS A HUMAN"}


@dataclass(frozen=True)
class EntryReport:
    """What became of one source entry."""

    source: str
    line: int
    title: str
    outcome: EntryOutcome
    offering_id: str | None
    path: str | None
    """The offering file written, or the existing file that made the entry skip."""
    findings: tuple[Finding, ...]

    @property
    def needs_human(self) -> bool:
        """True when someone has to look at this entry (see ``EntryOutcome``)."""
        return self.outcome in _NEEDS_HUMAN_OUTCOMES or any(f.needs_human for f in self.findings)


@dataclass(frozen=True)
class ImportReport:
    """Everything one ``courseware import tinymledu`` did, entry by entry."""

    source: str
    kind: OfferingKind
    dry_run: bool
    entries: tuple[EntryReport, ...]

    @property
    def needs_human(self) -> bool:
        """True when any entry needs a human; the CLI then exits with code 1."""
        return any(entry.needs_human for entry in self.entries)

    def count(self, outcome: EntryOutcome) -> int:
        """How many entries ended with ``outcome``."""
        return sum(entry.outcome == outcome for entry in self.entries)

    def count_findings(self, kind: FindingKind) -> int:
        """How many findings of ``kind`` (normalised, warning, needs_human) all entries have."""
        return sum(f.kind == kind for entry in self.entries for f in entry.findings)


def render_report(report: ImportReport) -> str:
    """The report as the CLI prints it: one block per entry, then what needs a human."""
    heading = f"Import of {report.source} as {report.kind}s"
    lines = [heading + (" (dry run: nothing written)" if report.dry_run else "")]
    for entry in report.entries:
        lines.append("")
        lines.append(f"{entry.source}:{entry.line}  {entry.title}")
        outcome = _OUTCOME_WORDS[entry.outcome][1 if report.dry_run else 0]
        target = f": {entry.path}" if entry.path else ""
        lines.append(f"  {outcome}{target}")
        for finding in entry.findings:
            lines.append(f"  {_KIND_WORDS[finding.kind]:<13} {finding.field}: {finding.message}")
    flagged = [entry for entry in report.entries if entry.needs_human]
    lines.append("")
    if flagged:
        lines.append("Needs a human:")
        for entry in flagged:
            lines.append(f"  {entry.source}:{entry.line}  {entry.title}")
            for finding in entry.findings:
                if finding.needs_human:
                    where = f"{entry.source}:{finding.line or entry.line}"
                    lines.append(f"    {where}: {finding.field}: {finding.message}")
        lines.append("")
    lines.append(_summary(report))
    return "\n".join(lines) + "\n"


def _summary(report: ImportReport) -> str:
    entries = len(report.entries)
    written = "would be written" if report.dry_run else "written"
    parts = [
        f"{report.count('written')} {written}",
        f"{report.count('unchanged')} unchanged",
        f"{report.count('exists')} skipped",
        f"{report.count('draft')} numbered drafts",
        f"{report.count('not_imported')} not imported",
    ]
    fields = (
        f"{report.count_findings('normalised')} fields normalised, "
        f"{report.count_findings('warning')} warnings, "
        f"{report.count_findings('needs_human')} fields need a human"
    )
    verdict = (
        f"{sum(e.needs_human for e in report.entries)} of {entries} entries need a human."
        if report.needs_human
        else "Nothing needs a human."
    )
    return f"{entries} entries: {', '.join(parts)}.\n{fields}.\n{verdict}"
