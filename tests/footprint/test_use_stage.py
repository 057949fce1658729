"""The use stage from power, duty cycle, lifetime and grid intensity."""

from __future__ import annotations

import math

import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.use_stage import (
    grid_intensity,
    list_grid_intensities,
    use_stage_kg_co2e,
)


def test_defaults_reproduce_the_readme_unrounded_value() -> None:
    result = use_stage_kg_co2e(1.0)
    assert result.energy_kwh == pytest.approx(0.02628)
    assert result.kg_co2e == pytest.approx(0.01082880496, rel=1e-12)
    assert round(result.kg_co2e, 2) == 0.01
    assert result.grid.key == "calculator-implied"


def test_duty_cycle_lifetime_and_region_scale_linearly() -> None:
    base = use_stage_kg_co2e(10.0, duty_cycle=0.1, lifetime_years=5, region="france")
    assert base.energy_kwh == pytest.approx(10 / 1000 * 0.1 * 5 * 8760 / 1000)
    assert base.kg_co2e == pytest.approx(base.energy_kwh * 0.056)
    own = use_stage_kg_co2e(10.0, duty_cycle=0.1, lifetime_years=5, grid_kg_co2e_per_kwh=0.2)
    assert own.grid.key == "custom"
    assert own.kg_co2e == pytest.approx(base.energy_kwh * 0.2)


def test_grid_table_has_years_and_sources() -> None:
    entries = list_grid_intensities()
    assert len(entries) >= 5
    assert grid_intensity("World").year == 2023
    assert grid_intensity("India").kg_co2e_per_kwh == 0.713


def test_unknown_region_suggests() -> None:
    with pytest.raises(FootprintInputError, match=r"did you mean 'france'\?"):
        grid_intensity("frnace")


def test_every_bad_argument_is_reported() -> None:
    with pytest.raises(FootprintInputError) as caught:
        use_stage_kg_co2e(math.nan, duty_cycle=1.5, lifetime_years=True, region="mars")
    assert [p.parameter for p in caught.value.problems] == [
        "power_mw",
        "duty_cycle",
        "lifetime_years",
        "region",
    ]


def test_custom_grid_is_checked() -> None:
    with pytest.raises(FootprintInputError, match="grid_kg_co2e_per_kwh"):
        use_stage_kg_co2e(1.0, grid_kg_co2e_per_kwh=-0.1)
