"""Check that every lab a module names exists, once the labs have been found."""

from __future__ import annotations

from courseware import problem_codes as codes
from courseware.errors import Problem
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
