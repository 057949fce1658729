"""Check numbers given by callers: finite, real, not boolean, not text, not negative by accident.

Every check returns either the clean value or an :class:`InputProblem`, so callers can collect
all problems of one call and raise them together.
"""

from __future__ import annotations

import math
import numbers

from courseware import problem_codes as codes
from courseware.footprint.errors import InputProblem
from courseware.footprint.model import Interval

MAX_MAGNITUDE = 1e21
"""Inputs must be smaller than this in size: results are printed with two decimals, the way
JavaScript's ``Number.prototype.toFixed`` prints them on the calculator page, and from 1e21 on
``toFixed`` gives exponent notation instead (ECMAScript, ``Number.prototype.toFixed``), so
our ``rounding.format_kg`` could not match the page (see ``rounding.py``)."""


def check_number(
    value: object,
    parameter: str,
    key: str | None = None,
    *,
    allow_negative: bool = False,
    allow_zero: bool = True,
    negative_hint: str = "",
) -> float | InputProblem:
    """Return ``value`` as a float, or the problem that stops it from being a quantity.

    Args:
        value: What the caller passed.
        parameter: The argument it came in, for the message.
        key: The block or component name inside that argument, if any.
        allow_negative: Accept values below zero (credits).
        allow_zero: Accept exactly zero.
        negative_hint: Added to the message for a negative value (how to ask for a credit).
    """
    if isinstance(value, bool):
        return InputProblem(
            parameter,
            key,
            value,
            f"{value!r} is a boolean, not a number",
            code=codes.FP_NOT_A_NUMBER,
        )
    if isinstance(value, str):
        try:
            parsed = float(value)
        except ValueError:
            hint = ""
        else:
            hint = f"; pass the number {parsed!r} without quotes"
        return InputProblem(
            parameter,
            key,
            value,
            f"{value!r} is a string, not a number{hint}",
            code=codes.FP_NOT_A_NUMBER,
        )
    if not isinstance(value, numbers.Real):
        message = f"{value!r} ({type(value).__name__}) is not a number"
        return InputProblem(parameter, key, value, message, code=codes.FP_NOT_A_NUMBER)
    number = float(value)
    if not math.isfinite(number):
        return InputProblem(
            parameter, key, value, f"{number!r} is not a finite number", code=codes.FP_NOT_FINITE
        )
    if abs(number) >= MAX_MAGNITUDE:
        return InputProblem(
            parameter,
            key,
            value,
            f"{number:.3g} is too large: give a value below {MAX_MAGNITUDE:.0e} in size",
            code=codes.FP_OUT_OF_RANGE,
        )
    if number < 0 and not allow_negative:
        return InputProblem(
            parameter, key, value, f"{number!r} is negative{negative_hint}", code=codes.FP_NEGATIVE
        )
    if number == 0 and not allow_zero:
        return InputProblem(
            parameter, key, value, "must be greater than zero", code=codes.FP_NOT_POSITIVE
        )
    return number


def check_fraction(value: object, parameter: str) -> float | InputProblem:
    """Return ``value`` if it is a number from 0 to 1 (a duty cycle), else the problem."""
    number = check_number(value, parameter)
    if isinstance(number, float) and number > 1:
        return InputProblem(
            parameter,
            None,
            value,
            f"{number!r} is above 1 (a fraction of time)",
            code=codes.FP_OUT_OF_RANGE,
        )
    return number


def check_count(value: object, parameter: str, *, minimum: int = 1) -> int | InputProblem:
    """Return ``value`` if it is a whole number of at least ``minimum``, else the problem."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, float) and value.is_integer() and math.isfinite(value):
            value = int(value)
        else:
            message = f"{value!r} is not a whole number"
            return InputProblem(parameter, None, value, message, code=codes.FP_NOT_A_NUMBER)
    count = int(value)
    if count < minimum:
        return InputProblem(
            parameter, None, value, f"{count} is below {minimum}", code=codes.FP_OUT_OF_RANGE
        )
    return count


CREDIT_HINT = "; pass allow_credits=True to count a negative value as a credit"


def check_kg_or_interval(
    value: object, parameter: str, key: str, *, allow_credits: bool
) -> Interval | list[InputProblem]:
    """Return a kg CO2e value or :class:`Interval` as an interval, or every problem with it."""
    if isinstance(value, Interval):
        bounds = [
            check_number(
                bound, parameter, key, allow_negative=allow_credits, negative_hint=CREDIT_HINT
            )
            for bound in (value.low_kg_co2e, value.typical_kg_co2e, value.high_kg_co2e)
        ]
        problems = [bound for bound in bounds if isinstance(bound, InputProblem)]
        if problems:
            return problems
        low, typical, high = (float(bound) for bound in bounds)  # type: ignore[arg-type]
        if not low <= typical <= high:
            message = f"interval bounds must satisfy low <= typical <= high, got {value}"
            return [InputProblem(parameter, key, value, message, code=codes.FP_OUT_OF_RANGE)]
        return Interval(low, typical, high)
    number = check_number(
        value, parameter, key, allow_negative=allow_credits, negative_hint=CREDIT_HINT
    )
    if isinstance(number, InputProblem):
        return [number]
    return Interval.point(number)
