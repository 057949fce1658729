"""Parametric components from the per-unit factors the calculator's options imply."""

from __future__ import annotations

import math

import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import configure, estimate
from courseware.footprint.parametric import (
    image_sensor_by_area,
    leds_by_count,
    mcu_by_die_area,
    pcb_by_area,
    unit_factor,
)


def test_factors_are_derived_from_the_options_and_marked_so() -> None:
    mcu = unit_factor("mcu_die_area")
    assert mcu.is_derived
    assert "derived" in mcu.source
    assert mcu.basis == ((5.0, 0.08), (10.0, 0.17), (17.0, 0.29))
    assert mcu.typical_kg_co2e_per_unit == pytest.approx(0.017)
    assert mcu.low_kg_co2e_per_unit == pytest.approx(0.016)
    assert mcu.high_kg_co2e_per_unit == pytest.approx(0.29 / 17)
    assert unit_factor("pcb_area").typical_kg_co2e_per_unit == pytest.approx(0.016)
    assert unit_factor("image_sensor_area").typical_kg_co2e_per_unit == pytest.approx(0.77 / 30)
    assert unit_factor("led_count").low_kg_co2e_per_unit == pytest.approx(0.03)
    assert unit_factor("led_count").high_kg_co2e_per_unit == pytest.approx(0.03)


@pytest.mark.parametrize(
    ("function", "size", "typical"),
    [
        (mcu_by_die_area, 10, 0.17),
        (pcb_by_area, 10, 0.16),
        (image_sensor_by_area, 30, 0.77),
        (leds_by_count, 4, 0.12),
    ],
)
def test_typical_option_is_reproduced(function: object, size: float, typical: float) -> None:
    result = function(size)  # type: ignore[operator]
    assert result.kg_co2e == pytest.approx(typical)
    assert result.interval.low_kg_co2e <= result.kg_co2e <= result.interval.high_kg_co2e
    assert not result.is_extrapolated


def test_outside_the_calculators_sizes_is_flagged() -> None:
    assert mcu_by_die_area(40).is_extrapolated
    assert mcu_by_die_area(40).kg_co2e == pytest.approx(0.68)
    assert leds_by_count(0).kg_co2e == 0.0


def test_parametric_value_feeds_a_configuration() -> None:
    mcu = mcu_by_die_area(7.5)
    report = estimate(configure(preset="vision", custom={"processing": mcu.interval}))
    assert report.block("processing").kg_co2e == pytest.approx(0.1275)
    assert report.block("processing").interval == mcu.interval


@pytest.mark.parametrize("bad", [0, -1, math.nan, math.inf, True, "5"])
def test_sizes_are_checked(bad: object) -> None:
    with pytest.raises(FootprintInputError) as caught:
        mcu_by_die_area(bad)  # type: ignore[arg-type]
    assert caught.value.problems[0].parameter == "die_area_mm2"


@pytest.mark.parametrize("bad", [-1, 1.5, True, "2"])
def test_led_count_is_a_whole_number(bad: object) -> None:
    with pytest.raises(FootprintInputError, match="led_count"):
        leds_by_count(bad)  # type: ignore[arg-type]


def test_unknown_factor() -> None:
    with pytest.raises(FootprintInputError, match="unknown factor"):
        unit_factor("battery_mass")
