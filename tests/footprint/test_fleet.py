"""Fleet totals: the seed's 250 billion devices."""

from __future__ import annotations

import math

import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import estimate_system
from courseware.footprint.fleet import deployed_mcus, fleet_footprint


def test_default_fleet_is_the_seeds_250_billion() -> None:
    assert deployed_mcus() == 250_000_000_000
    fleet = fleet_footprint(estimate_system("ic-typical"))
    assert fleet.devices == 250e9
    assert fleet.total_megatonnes_co2e == pytest.approx(852.5)
    assert fleet.interval.high_kg_co2e > fleet.total_kg_co2e


@pytest.mark.parametrize(("system", "megatonnes"), [("kws-best", 222.5), ("ic-worst", 1765.0)])
def test_fleet_of_published_systems(system: str, megatonnes: float) -> None:
    fleet = fleet_footprint(estimate_system(system))
    assert fleet.total_megatonnes_co2e == pytest.approx(megatonnes)


def test_fleet_from_a_number() -> None:
    fleet = fleet_footprint(2.0, devices=1000)
    assert fleet.total_kg_co2e == 2000.0
    assert fleet.total_tonnes_co2e == 2.0


@pytest.mark.parametrize(("device", "devices"), [(math.nan, 10), (1.0, -1), (True, 10), (1.0, "9")])
def test_fleet_inputs_are_checked(device: object, devices: object) -> None:
    with pytest.raises(FootprintInputError):
        fleet_footprint(device, devices)  # type: ignore[arg-type]
