"""The use stage from power, duty cycle, lifetime and the grid that charges the device.

The calculator has one use-stage option, "Continuous 1mW" (0.01 kg CO2e), worked out offline
as 1 mW for 3 years at an EPA electricity factor. Here the same arithmetic is a function:

    kg CO2e = power (W) x duty cycle x lifetime (h) x grid intensity (kg CO2e/kWh) / 1000

The factor the calculator implies (0.41205 kg CO2e/kWh) is one entry of the grid table, marked
undocumented; the other entries name their source and year.
"""

from __future__ import annotations

from dataclasses import dataclass

from courseware import problem_codes as codes
from courseware.footprint.catalog import did_you_mean, slugify
from courseware.footprint.data import GridIntensity, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.model import Interval
from courseware.footprint.validate import check_fraction, check_number

HOURS_PER_YEAR = 8760.0
"""365 days of 24 hours: the year the README's 3-year, 1 mW figure implies (see the data file)."""

DEFAULT_GRID = "calculator-implied"
"""The grid entry used when none is given, so the defaults reproduce the calculator."""


@dataclass(frozen=True)
class UseStageEstimate:
    """The operational footprint of one device over its life."""

    power_mw: float
    duty_cycle: float
    lifetime_years: float
    energy_kwh: float
    grid: GridIntensity
    kg_co2e: float

    @property
    def interval(self) -> Interval:
        """A point interval, to pass as the ``use_stage`` custom value of a configuration."""
        return Interval.point(self.kg_co2e)


def list_grid_intensities() -> tuple[GridIntensity, ...]:
    """Return the table of grid intensities, each with region, year and source."""
    return load_calculator_data().grid_intensities


def grid_intensity(region: str) -> GridIntensity:
    """Return the grid entry for ``region`` (its key or region name, any case)."""
    entries = list_grid_intensities()
    if isinstance(region, str):
        for entry in entries:
            if slugify(region) in {slugify(entry.key), slugify(entry.region)}:
                return entry
        hint = did_you_mean(region, [entry.key for entry in entries])
    else:
        hint = ""
    known = ", ".join(entry.key for entry in entries)
    message = f"unknown grid region {region!r}{hint or '; known: ' + known}"
    raise FootprintInputError(
        [InputProblem("region", None, region, message, code=codes.FP_UNKNOWN_NAME)]
    )


def energy_kwh(power_mw: float, duty_cycle: float, lifetime_years: float) -> float:
    """Return the electricity drawn over the lifetime, in kWh (inputs are not checked)."""
    return power_mw / 1000.0 * duty_cycle * lifetime_years * HOURS_PER_YEAR / 1000.0


def use_stage_kg_co2e(
    power_mw: float,
    *,
    duty_cycle: float = 1.0,
    lifetime_years: float = 3.0,
    region: str = DEFAULT_GRID,
    grid_kg_co2e_per_kwh: float | None = None,
) -> UseStageEstimate:
    """Return the use-stage footprint of a device.

    Args:
        power_mw: Average power while active, in milliwatts.
        duty_cycle: Fraction of the time the device is active (0 to 1).
        lifetime_years: Years in use (the calculator and Apple's analysis use 3).
        region: A key of the grid table, used when ``grid_kg_co2e_per_kwh`` is not given.
        grid_kg_co2e_per_kwh: A grid intensity of your own, in kg CO2e per kWh.

    Raises:
        FootprintInputError: For every invalid argument at once.
    """
    problems: list[InputProblem] = []
    checked_power = check_number(power_mw, "power_mw")
    checked_duty = check_fraction(duty_cycle, "duty_cycle")
    checked_life = check_number(lifetime_years, "lifetime_years")
    for checked in (checked_power, checked_duty, checked_life):
        if isinstance(checked, InputProblem):
            problems.append(checked)
    grid: GridIntensity | None = None
    if grid_kg_co2e_per_kwh is None:
        try:
            grid = grid_intensity(region)
        except FootprintInputError as error:
            problems.extend(error.problems)
    else:
        checked_grid = check_number(grid_kg_co2e_per_kwh, "grid_kg_co2e_per_kwh")
        if isinstance(checked_grid, InputProblem):
            problems.append(checked_grid)
        else:
            grid = GridIntensity(
                key="custom",
                region="Custom",
                kg_co2e_per_kwh=checked_grid,
                year=None,
                source="given by the caller",
            )
    if problems:
        raise FootprintInputError(problems)
    assert grid is not None
    assert isinstance(checked_power, float) and isinstance(checked_duty, float)
    assert isinstance(checked_life, float)
    energy = energy_kwh(checked_power, checked_duty, checked_life)
    return UseStageEstimate(
        power_mw=checked_power,
        duty_cycle=checked_duty,
        lifetime_years=checked_life,
        energy_kwh=energy,
        grid=grid,
        kg_co2e=energy * grid.kg_co2e_per_kwh,
    )
