"""Check the references between modules and labs, once the labs have been found: every lab a
module names exists, and every lab names a module that lists it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.modules import nearest_modules_hint
from courseware.registry.registry import Registry
from courseware.validation import did_you_mean


def check_module_labs(registry: Registry, known_labs: set[str]) -> list[Problem]:
    """Report every lab a module names that does not exist.

    Kept out of ``load_registry`` because labs are loaded by the labs package, which the
    registry must not import; the site builder calls this with the lab ids it found.
    """
    problems = []
    for module in registry.modules:
        document = registry.documents[module.metadata_file]
        for index, lab in enumerate(module.spec.labs):
            if lab not in known_labs:
                hint = did_you_mean(lab, known_labs) or f"; add labs/{lab}.py or remove it"
                problems.append(
                    Problem(
                        document.path,
                        document.line_of(("labs", index)),
                        f"labs[{index}]",
                        f"unknown lab {lab!r}{hint}",
                        code=codes.UNKNOWN_LAB,
                    )
                )
    return problems


@dataclass(frozen=True)
class LabReference:
    """Where a lab's header names its module (the labs package reads it; the registry
    cannot import that package, so the site builder passes these in)."""

    lab: str
    file: str
    line: int | None
    module: str


def check_lab_modules(registry: Registry, references: Iterable[LabReference]) -> list[Problem]:
    """Each lab's ``module:`` must be a known module that lists the lab, and each module may
    list only labs whose header names it: the lab page, the module page and the teaching kit
    then agree on where a lab belongs."""
    modules = registry.modules_by_id
    problems = []
    owners: dict[str, LabReference] = {}
    for reference in references:
        owners[reference.lab] = reference
        module = modules.get(reference.module)
        if module is None:
            problems.append(
                Problem(
                    reference.file,
                    reference.line,
                    "module",
                    f"unknown module {reference.module!r}"
                    f"{nearest_modules_hint(reference.module, modules)}",
                    code=codes.LAB_MODULE_UNKNOWN,
                )
            )
        elif reference.lab not in module.spec.labs:
            problems.append(
                Problem(
                    reference.file,
                    reference.line,
                    "module",
                    f"{reference.module!r} does not list this lab; add {reference.lab} to "
                    f"labs: in {module.metadata_file}, or name the module that lists it",
                    code=codes.LAB_NOT_LISTED,
                )
            )
    for module in registry.modules:
        document = registry.documents[module.metadata_file]
        for index, lab in enumerate(module.spec.labs):
            owner = owners.get(lab)
            if owner is None or owner.module == module.id:
                continue
            where = owner.file if owner.line is None else f"{owner.file}:{owner.line}"
            problems.append(
                Problem(
                    document.path,
                    document.line_of(("labs", index)),
                    f"labs[{index}]",
                    f"lab {lab!r} belongs to {owner.module!r} ({where}); remove it here, or "
                    "change the lab's module:",
                    code=codes.LAB_OF_OTHER_MODULE,
                )
            )
    return problems
