"""Comparisons with the calculator's reference devices: where "5x to 38x" comes from."""

from __future__ import annotations

import pytest

from courseware.footprint.compare import (
    compare_with_reference,
    compare_with_references,
    savings_range,
)
from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import estimate_preset


def test_savings_range_is_5x_to_38x() -> None:
    savings = savings_range()
    assert savings.reference.kg_co2e == 34
    assert savings.low_ratio == pytest.approx(4.816, abs=1e-3)
    assert savings.high_ratio == pytest.approx(38.20, abs=1e-2)
    assert round(savings.low_ratio) == 5
    assert round(savings.high_ratio) == 38


def test_macbook_ratios() -> None:
    assert compare_with_reference(7.06, "MacBook Pro").ratio == pytest.approx(49.43, abs=0.01)


def test_compare_a_preset_with_every_reference() -> None:
    comparisons = compare_with_references(estimate_preset("vision"))
    assert [c.reference.key for c in comparisons] == ["apple-watch-s7", "macbook-pro"]
    assert comparisons[0].ratio == pytest.approx(34 / 3.24)


def test_zero_footprint_cannot_be_compared() -> None:
    with pytest.raises(FootprintInputError, match="greater than zero"):
        compare_with_reference(0.0, "apple-watch-s7")
