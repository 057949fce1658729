"""Stage the whole site in memory and check it: the first step of every command.

``build``, ``serve`` (before each rebuild) and ``bundle`` all need the staged tree with every
content problem found; none of them goes on when one is an error. Every SVG file of the
tree is replaced here by its cleaned copy (``engine.sanitize_staged_files``), before anything
checks or publishes it.
"""

from __future__ import annotations

from courseware.errors import ContentError, errors_only
from courseware.registry.load import Registry
from courseware.site.checks import check_staged_content
from courseware.site.engine import sanitize_staged_files
from courseware.site.staging import StagedFiles, collect_site_files


def stage_and_check(registry: Registry, *, keep_going: bool = False) -> StagedFiles:
    """The staged site of ``registry``, its problems those of staging and of the checks.

    Args:
        keep_going: publish a failing lab's last good output under a dated notice instead
            of stopping.

    Raises:
        ContentError: every problem, when any is an error.
    """
    return checked(collect_site_files(registry, keep_going=keep_going), registry)


def checked(staged: StagedFiles, registry: Registry) -> StagedFiles:
    """``staged`` with its SVG files cleaned and the checks' problems added.

    Raises:
        ContentError: every problem, when any is an error.
    """
    sanitize_staged_files(staged.files)
    staged.problems += check_staged_content(staged, registry)
    if errors_only(staged.problems):
        raise ContentError(staged.problems)
    return staged
