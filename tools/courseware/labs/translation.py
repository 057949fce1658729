"""Translated labs: ``labs/<id>.<lang>.py`` changes the prose, never the code.

A translation is rendered with the source lab's outputs (so it is never executed), which is
only right if its code cells are exactly the source's; this check enforces that.
"""

from __future__ import annotations

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.labs.failures import LabProblem
from courseware.labs.source import Lab


def check_translated_lab_code(source: Lab, translation: Lab) -> list[Problem]:
    """Problems where the translation's code cells differ from the source lab's.

    Each problem names the translation's line, and the source line it should match.
    """
    mine = translation.code_cells
    theirs = source.code_cells
    problems: list[Problem] = []
    for number, (cell, original) in enumerate(zip(mine, theirs, strict=False), start=1):
        if cell.source != original.source or sorted(cell.tags) != sorted(original.tags):
            what = "code" if cell.source != original.source else "tags"
            message = (
                f"the {what} of this cell differs from {source.relative_path}:{original.line}; "
                "a translation changes only prose, alt text and captions"
            )
            problems.append(
                LabProblem(
                    translation.relative_path,
                    cell.line,
                    None,
                    message,
                    cell=number,
                    code=codes.TRANSLATED_CODE_DIFFERS,
                )
            )
    if len(mine) != len(theirs):
        message = (
            f"the translation has {len(mine)} code cells and {source.relative_path} has "
            f"{len(theirs)}; copy the code cells from the source lab"
        )
        problems.append(
            LabProblem(
                translation.relative_path,
                translation.header_line,
                None,
                message,
                code=codes.TRANSLATED_CODE_DIFFERS,
            )
        )
    return problems
