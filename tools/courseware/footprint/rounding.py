"""Round kg CO2e to 2 decimals the same way in Python and in the browser.

Python's ``round`` breaks exact ties to even (``round(0.125, 2) == 0.12``) while JavaScript's
``Number.prototype.toFixed`` breaks them away from zero (``(0.125).toFixed(2) == "0.13"``). Both
look at the exact binary value of the float, so rounding that exact value half away from zero
with ``decimal`` gives, for every finite float below 1e21, the digits ``toFixed(2)`` prints.
The calculator page formats with ``toFixed(2)``; a browser test checks the two agree.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

_CENT = Decimal("0.01")


def _quantized(value: float) -> Decimal:
    if value == 0:
        value = 0.0  # toFixed prints -0 as "0.00"
    return Decimal(value).quantize(_CENT, rounding=ROUND_HALF_UP)


def round_kg(value: float) -> float:
    """Return ``value`` rounded to 2 decimals, half away from zero (as JavaScript's toFixed)."""
    return float(_quantized(value))


def format_kg(value: float) -> str:
    """Return ``value`` as text with exactly 2 decimals, identical to ``value.toFixed(2)``."""
    return str(_quantized(value))
