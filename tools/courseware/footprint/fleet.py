"""The footprint of many devices: a fleet of N identical devices, such as the seed's 250 billion.

Plain multiplication, kept as a function so labs state the device count and get the units right
(kg, tonnes, megatonnes) with the interval carried along. The seed is the talk this project
started from, "Sustainable & Responsible TinyML" by Brian Plancher ("There are around 250bn
MCUs deployed today").
"""

from __future__ import annotations

from dataclasses import dataclass

from courseware.footprint.data import load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.model import FootprintReport, Interval
from courseware.footprint.validate import check_number

KG_PER_TONNE = 1000.0
KG_PER_MEGATONNE = 1e9


def deployed_mcus() -> int:
    """Return the seed's count of MCUs in use (250 billion), from the data file."""
    return load_calculator_data().fleet.mcus_deployed


@dataclass(frozen=True)
class FleetFootprint:
    """The footprint of ``devices`` identical devices."""

    devices: float
    kg_co2e_per_device: float
    total_kg_co2e: float
    interval: Interval

    @property
    def total_tonnes_co2e(self) -> float:
        """The total in tonnes CO2e."""
        return self.total_kg_co2e / KG_PER_TONNE

    @property
    def total_megatonnes_co2e(self) -> float:
        """The total in megatonnes (million tonnes) CO2e."""
        return self.total_kg_co2e / KG_PER_MEGATONNE


def fleet_footprint(
    device: float | FootprintReport, devices: float | None = None
) -> FleetFootprint:
    """Return the footprint of a fleet.

    Args:
        device: A report, or a per-device footprint in kg CO2e.
        devices: Number of devices; by default the seed's 250 billion MCUs.
    """
    problems: list[InputProblem] = []
    if isinstance(device, FootprintReport):
        per_device: float | InputProblem = device.total_kg_co2e_raw
        interval: Interval | None = device.interval
    else:
        per_device = check_number(device, "device_kg_co2e")
        interval = Interval.point(per_device) if isinstance(per_device, float) else None
    count = check_number(deployed_mcus() if devices is None else devices, "devices")
    for checked in (per_device, count):
        if isinstance(checked, InputProblem):
            problems.append(checked)
    if problems:
        raise FootprintInputError(problems)
    assert isinstance(per_device, float) and isinstance(count, float) and interval is not None
    return FleetFootprint(count, per_device, per_device * count, interval.scaled(count))
