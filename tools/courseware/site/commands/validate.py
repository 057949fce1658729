"""``courseware validate``: every registry file, and what only the site builder can check
without building: the labs' headers, that labs and modules name each other, and that answer
keys name registered answer functions. Nothing is executed or written.
"""

from __future__ import annotations

from pathlib import Path

from courseware.errors import ContentError, Problem, errors_only
from courseware.registry.load import Registry, load_registry
from courseware.site.staging import check_lab_references, read_lab_facts


def validate_project(root: Path) -> tuple[Registry, list[Problem]]:
    """The registry of ``root`` and the warnings of every check.

    Raises:
        ContentError: every problem found, when any is an error (a broken registry file and a
            broken lab header are reported in the same run).
    """
    facts = read_lab_facts(root.resolve())
    try:
        registry = load_registry(root)
    except ContentError as error:
        raise ContentError([*error.problems, *facts.problems]) from None
    problems = [*registry.warnings, *facts.problems, *check_lab_references(registry, facts)]
    if errors_only(problems):
        raise ContentError(problems)
    return registry, problems
