"""Tests of computed numeric answers: they reproduce the modules' own worked answers."""

from __future__ import annotations

import pytest

from courseware.assess.computed import COMPUTED, computed_value


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # modules/what-is-tinyml/index.md, "Check your answers": 7.2 Wh; 300 days; 3.65 charges.
        ("cell-energy-wh", 7.2),
        ("days-at-1-mw", 300.0),
        ("three-year-energy-wh", 26.28),
        ("three-year-charges", 3.65),
        ("hours-at-150-mw", 48.0),
        # modules/environmental-footprint/index.md: the README table's totals and "5x to 38x".
        ("kws-best-total-kg", 0.89),
        ("ic-typical-total-kg", 3.41),
        ("ic-worst-total-kg", 7.06),
        ("ic-typical-mains-total-kg", 2.57),  # 3.41 - 1.36 + 0.52
        ("savings-low-ratio", 34 / 7.06),
        ("savings-high-ratio", 34 / 0.89),
        ("ic-typical-fleet-mt", 852.5),  # 3.41 kg x 250e9 / 1e9
        ("linear-year-250-billion", 2144),  # the growth table
        ("exponential-year-250-billion", 2043),
        # modules/materiality-and-risk/index.md: "a surplus of about 100,000", and exercise 1.
        ("open-module-surplus", 102_400),
        ("person-sensor-surplus", 640 * 480 * 8 / (39 * 8)),
        ("class-set-usd", 217.65),  # modules/choosing-hardware/index.md, Answers
        ("pa1-camera-share-percent", 100 * 8.90 / 14.51),  # "about 61 %"
        ("pa1-unknown-share-percent", 100 * 15 / 22),  # "about 68 %"
        ("pa1-training-images", 87_683.2),  # "≈ 87,683 for training"
        # modules/from-data-to-microcontroller/index.md, Answers: 837 parameters, 3,348 and 948
        # bytes, a 1,800-byte window.
        ("exercise-parameters", 837),
        ("exercise-float32-bytes", 3348),
        ("exercise-int8-bytes", 948),
        ("exercise-window-bytes", 1800),
        ("exercise-gain", 0.5),  # modules/teaching-and-assessing-tinyml/index.md, Answers
    ],
)
def test_computed_values_match_the_module_text(name: str, expected: float) -> None:
    assert computed_value(name) == pytest.approx(expected, abs=1e-9)


def test_every_computation_returns_a_finite_positive_number() -> None:
    for name, function in COMPUTED.items():
        assert 0 < function() < 1e6, name
