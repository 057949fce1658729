"""Turn what went wrong in a kernel into one-line messages at the ``.py`` line of the lab:
``labs/<id>.py:LINE (cell N): ErrorType: message``.

nbclient reports a failure as the cell's source plus an ANSI-coloured traceback whose line
numbers count from the top of the cell (``In[2], line 3``). Contributors edit the
``.py`` file, so lines are mapped back to it, colour codes are dropped, and the common
mistakes (a missing module, ``input()``, an endless loop, too much memory) get a fix.
"""

from __future__ import annotations

import re
import signal
from dataclasses import dataclass

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.labs.isolation import describe_memory_limit
from courseware.labs.protocol import CellFailure, Truncation, WorkerOutcome
from courseware.labs.source import Lab, LabCell
from courseware.problem_codes import ProblemCode

_CELL_FRAME = re.compile(r"Cell In\[(\d+)\], line (\d+)")
_COMPILED_AT = re.compile(r" \([^()]*\.py, line \d+\)$")
_NO_MODULE = re.compile(r"No module named '([^'.]+)")
MAX_MESSAGE_CHARS = 300
"""A message is one line of a build log; the whole exception text is the lab author's to see
by running the lab."""


@dataclass(frozen=True, order=True)
class LabProblem(Problem):
    """A problem in a lab's run, printed as ``labs/x.py:12 (cell 3): ZeroDivisionError: ...``.

    ``cell`` (a field of every :class:`Problem`, printed by it) counts the lab's code cells
    from 1, in the order of their ``# %%`` markers.
    """


def problems_from_outcome(
    lab: Lab, outcome: WorkerOutcome, memory_limit_bytes: int
) -> list[LabProblem]:
    """Every failure and truncation of one run, as problems at lines of the lab's file."""
    problems = [
        _failure_problem(lab, failure, outcome.executed_cells, memory_limit_bytes)
        for failure in outcome.failures
    ]
    problems += [_truncation_problem(lab, truncation) for truncation in outcome.truncations]
    return problems


def lab_problem(
    lab: Lab, cell_index: int | None, line: int | None, message: str, *, code: ProblemCode
) -> LabProblem:
    """A problem at notebook cell ``cell_index`` (0-based, as in :func:`lab_notebook`)."""
    cell = code_cell_number(lab, cell_index)
    return LabProblem(lab.relative_path, line, None, message, cell=cell, code=code)


def code_cell_number(lab: Lab, cell_index: int | None) -> int | None:
    """The 1-based number of a code cell among the lab's code cells."""
    if cell_index is None or not 0 <= cell_index < len(lab.cells):
        return None
    return sum(1 for cell in lab.cells[: cell_index + 1] if cell.kind == "code")


def wall_timeout_problem(lab: Lab, seconds: int) -> LabProblem:
    message = (
        f"TimeoutError: the lab did not finish within {seconds} s in all; "
        "make it faster or raise timeout_seconds in the header"
    )
    return LabProblem(lab.relative_path, lab.header_line, None, message, code=codes.CELL_TIMEOUT)


def _failure_problem(
    lab: Lab, failure: CellFailure, executed: list[int], memory_limit_bytes: int
) -> LabProblem:
    cell = _cell(lab, failure.cell_index)
    start = cell.line if cell is not None else None
    limit = describe_memory_limit(memory_limit_bytes)
    code = _FAILURE_CODES.get(failure.kind, codes.CELL_ERROR)
    if failure.kind == "timeout":
        message = (
            f"TimeoutError: the cell did not finish within {lab.timeout_seconds} s; "
            "make it faster or raise timeout_seconds in the header"
        )
    elif failure.kind == "dead_kernel":
        message = f"DeadKernelError: the kernel died ({_exit_text(failure.exit_code)})"
        message += f"; if the lab ran out of memory, note the limit is {limit}"
    elif failure.kind == "missing_error":
        message = (
            "the cell is tagged raises-exception but raised no error; "
            "make it raise or remove the tag"
        )
    elif failure.kind == "startup":
        message = f"the kernel did not start: {failure.ename}: {failure.evalue}"
        return LabProblem(lab.relative_path, lab.header_line, None, message, code=code)
    else:
        message = _error_message(failure, limit)
        start = _error_line(lab, failure, executed) or start
    return lab_problem(lab, failure.cell_index, start, message, code=code)


_FAILURE_CODES: dict[str, ProblemCode] = {
    "timeout": codes.CELL_TIMEOUT,
    "dead_kernel": codes.KERNEL_DIED,
    "startup": codes.KERNEL_DIED,
    "missing_error": codes.MISSING_ERROR,
}
"""The code of each kind of cell failure; an exception raised in a cell is CELL_ERROR."""


def _error_message(failure: CellFailure, limit: str) -> str:
    ename = failure.ename or "Error"
    evalue = _COMPILED_AT.sub("", " ".join(failure.evalue.split()))
    if len(evalue) > MAX_MESSAGE_CHARS:
        evalue = evalue[: MAX_MESSAGE_CHARS - 1] + "…"
    if ename == "StdinNotImplementedError":
        return f"{ename}: labs must not read input(); set the value in the code instead"
    if ename == "MemoryError":
        return f"MemoryError: the lab ran out of memory (the limit is {limit}); use less data"
    if ename == "ModuleNotFoundError":
        module = _NO_MODULE.search(evalue)
        name = module.group(1) if module else "the module"
        return (
            f"{ename}: {evalue}; add '{name}' to requirements in the lab header "
            "(and to the project's dependencies)"
        )
    return f"{ename}: {evalue}" if evalue else ename


def _error_line(lab: Lab, failure: CellFailure, executed: list[int]) -> int | None:
    """The ``.py`` line of the innermost traceback frame that is in one of the lab's cells."""
    frames = _CELL_FRAME.findall(failure.traceback)
    for count_text, line_text in reversed(frames):
        count = int(count_text)
        if 1 <= count <= len(executed):
            cell = _cell(lab, executed[count - 1])
            if cell is not None:
                return cell.line + int(line_text) - 1
    return None


def _truncation_problem(lab: Lab, truncation: Truncation) -> LabProblem:
    cell = _cell(lab, truncation.cell_index)
    message = f"output truncated: {truncation.dropped_chars} characters not shown; print less"
    return LabProblem(
        lab.relative_path,
        cell.line if cell else None,
        None,
        message,
        severity="warning",
        cell=code_cell_number(lab, truncation.cell_index),
        code=codes.OUTPUT_TRUNCATED,
    )


def _cell(lab: Lab, index: int | None) -> LabCell | None:
    if index is None or not 0 <= index < len(lab.cells):
        return None
    return lab.cells[index]


def _exit_text(exit_code: int | None) -> str:
    if exit_code is None:
        return "no exit code"
    if exit_code < 0:
        try:
            return f"killed by {signal.Signals(-exit_code).name}"
        except ValueError:
            return f"killed by signal {-exit_code}"
    return f"exit code {exit_code}"
