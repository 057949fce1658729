"""What the importer did to one field of one entry, or could not do.

Every normaliser returns its findings beside its value, so the import report can say, per
entry and per field, what was changed on the way in and what a human still has to decide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FindingKind = Literal["normalised", "warning", "needs_human"]
"""``normalised``: read into our fields as the text says. ``warning``: kept, but changed in a
way a reader should know (markup removed, http made https). ``needs_human``: could not be
read, or not without a guess; the import exits with code 1."""


@dataclass(frozen=True)
class Finding:
    """One thing the importer did, or could not do, to one field."""

    field: str
    message: str
    kind: FindingKind = "normalised"
    line: int | None = None
    """Line of the field in the source file; filled in by the converter, which knows it."""

    @property
    def needs_human(self) -> bool:
        """True when someone has to look at the entry before the registry can trust it."""
        return self.kind == "needs_human"


def normalised(field: str, message: str) -> Finding:
    """A field read as its text says."""
    return Finding(field, message, "normalised")


def warning(field: str, message: str) -> Finding:
    """A field kept but changed; the report shows it, the exit code does not."""
    return Finding(field, message, "warning")


def needs_human(field: str, message: str) -> Finding:
    """A field the importer could not read without a guess."""
    return Finding(field, message, "needs_human")
