"""The assessment kit of a project: its banks, checked, and every track's two forms.

This is the one entry point the CLI (and later the site) calls: it loads the registry, every
module's ``questions.yaml``, checks them, and builds the forms, returning the warnings and
raising ``ContentError`` with every problem when a bank is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from courseware import problem_codes as codes
from courseware.assess.bank import Bank, load_banks
from courseware.assess.checks import check_bank
from courseware.assess.codes import track_hash
from courseware.assess.forms import Form, build_forms
from courseware.errors import ContentError, Problem, errors_only
from courseware.registry import Registry
from courseware.registry.load import load_registry


@dataclass(frozen=True)
class AssessmentKit:
    """Banks by module id, forms by track id, and the warnings found."""

    registry: Registry
    banks: dict[str, Bank]
    forms: dict[str, tuple[Form, Form]]
    warnings: tuple[Problem, ...]

    @property
    def all_forms(self) -> list[Form]:
        """Every form of every track."""
        return [form for pair in self.forms.values() for form in pair]


def check_banks(registry: Registry, banks: dict[str, Bank]) -> list[Problem]:
    """Every problem of every bank, with lines from the modules' own files."""
    problems: list[Problem] = []
    for bank in banks.values():
        problems += check_bank(bank, registry.documents.get(bank.module.metadata_file))
    hashes: dict[int, str] = {}
    for track in registry.tracks:
        other = hashes.setdefault(track_hash(track.id), track.id)
        if other != track.id:
            problems.append(
                Problem(
                    track.file,
                    None,
                    "id",
                    f"its result-code hash equals that of {other!r}; rename one of the tracks",
                    code=codes.TRACK_HASH_COLLISION,
                )
            )
    return problems


def load_kit(root: Path) -> AssessmentKit:
    """Load and check the kit under ``root``.

    Raises:
        ContentError: with every problem of the registry or of a bank.
    """
    registry = load_registry(root)
    banks, problems = load_banks(registry.root, list(registry.modules))
    problems += check_banks(registry, banks)
    if errors_only(problems):
        raise ContentError(problems)
    forms = {track.id: build_forms(track, banks) for track in registry.tracks}
    return AssessmentKit(registry, banks, forms, tuple(problems))
