"""Errors of the footprint library: every rejected input, collected and reported at once.

The public calculator silently accepts NaN, infinities, booleans, strings and negative values;
this library refuses them. Each problem keeps the argument it came from, the key inside it and
the value, so the command line can name the flag and a lab can show the exact entry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from courseware.errors import UsageError
from courseware.problem_codes import UNCODED, ProblemCode


@dataclass(frozen=True)
class InputProblem:
    """One rejected input value.

    Attributes:
        parameter: The argument it was passed in (``options``, ``custom``, ``disabled``,
            ``extras``, ``preset``, ``system``, ``training_devices`` or a function argument).
        key: The block or component name inside that argument, if any.
        value: The value as given.
        message: What is wrong, and how to fix it where a fix is known.
        code: Which kind of problem it is (a ``CW-FP`` code of ``courseware.problem_codes``).
    """

    parameter: str
    key: str | None
    value: object
    message: str
    code: ProblemCode = dataclasses.field(default=UNCODED, compare=False)

    @property
    def field(self) -> str:
        """The argument and key as one dotted path, e.g. ``custom.casing``."""
        return self.parameter if self.key is None else f"{self.parameter}.{self.key}"

    def __str__(self) -> str:
        suffix = "" if self.code is UNCODED else f" [{self.code}]"
        return f"{self.field}: {self.message}{suffix}"


class FootprintInputError(UsageError, ValueError):
    """One or more inputs were rejected; ``problems`` lists every one of them."""

    def __init__(self, problems: Iterable[InputProblem]) -> None:
        self.problems: tuple[InputProblem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("FootprintInputError needs at least one problem")
        super().__init__("; ".join(str(problem) for problem in self.problems))
