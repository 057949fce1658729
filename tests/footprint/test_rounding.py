"""Rounding to 2 decimals, half away from zero on the exact binary value (JavaScript's toFixed)."""

from __future__ import annotations

import pytest

from courseware.footprint.rounding import format_kg, round_kg

# Expected strings are what Number.prototype.toFixed(2) prints (the browser test checks the
# same values in Chromium).
TOFIXED_CASES = [
    (0.125, "0.13"),  # exact tie: Python's round() would give 0.12
    (0.375, "0.38"),
    (-0.125, "-0.13"),
    (1.005, "1.00"),  # 1.005 is 1.00499999... in binary
    (2.675, "2.67"),
    (0.8900000000000001, "0.89"),
    (3.2399999999999998, "3.24"),
    (7.06, "7.06"),
    (0.0, "0.00"),
    (-0.0, "0.00"),
    (-0.001, "-0.00"),
    (1765000000.0, "1765000000.00"),
]


@pytest.mark.parametrize(("value", "expected"), TOFIXED_CASES)
def test_format_kg_matches_tofixed(value: float, expected: str) -> None:
    assert format_kg(value) == expected


def test_round_kg_breaks_ties_away_from_zero_unlike_round() -> None:
    assert round(0.125, 2) == 0.12
    assert round_kg(0.125) == 0.13
    assert round_kg(-0.375) == -0.38
    assert round_kg(3.2399999999999998) == 3.24
