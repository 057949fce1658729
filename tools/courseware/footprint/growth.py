"""Linear and exponential models of the number of IoT devices, fitted to the seed's table.

The seed (the talk this project started from, "Sustainable & Responsible TinyML" by Brian
Plancher; its table cites Statista's count of IoT connected devices) starts from about 15
billion IoT devices in 2023 and gives, for a linear and an exponential scenario, the year the
count passes 50 billion, 100 billion, 250 billion and 1 trillion. Both models here pass
through (2023, 15 billion) and take the one rate that best reproduces the table's years (least
squares on the years), so they answer the same question for any count; rounded to whole years
they land within one year of every year in the seed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from courseware.footprint.data import GrowthTable, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.validate import check_number

GrowthKind = Literal["linear", "exponential"]


@dataclass(frozen=True)
class GrowthModel:
    """A model of the IoT device count over time.

    Attributes:
        rate: Devices per year (linear) or the continuous growth rate per year (exponential).
    """

    kind: GrowthKind
    base_year: int
    base_devices: float
    rate: float

    def devices_in(self, year: float) -> float:
        """Return the number of devices the model gives for ``year``."""
        elapsed = year - self.base_year
        if self.kind == "linear":
            return self.base_devices + self.rate * elapsed
        return self.base_devices * math.exp(self.rate * elapsed)

    def year_reaching(self, devices: float) -> float:
        """Return the (fractional) year the model reaches ``devices``."""
        checked = check_number(devices, "devices", allow_zero=False)
        if isinstance(checked, InputProblem):
            raise FootprintInputError([checked])
        if self.kind == "linear":
            return self.base_year + (checked - self.base_devices) / self.rate
        return self.base_year + math.log(checked / self.base_devices) / self.rate

    def milestone_year(self, devices: float) -> int:
        """Return the year, rounded to the nearest whole year, the model reaches ``devices``."""
        return math.floor(self.year_reaching(devices) + 0.5)


def _table() -> GrowthTable:
    return load_calculator_data().growth


def fit_growth(kind: GrowthKind, table: GrowthTable | None = None) -> GrowthModel:
    """Fit a model through the base point to the table's years (least squares on years).

    For the linear model the years after the base are ``dN / rate``; for the exponential model
    ``ln(N / N0) / rate``. Both are ``x / rate``, so the best ``1 / rate`` is
    ``sum(x * t) / sum(x * x)`` over the milestones.
    """
    table = table or _table()
    xs: list[float] = []
    ts: list[float] = []
    for milestone in table.milestones:
        if kind == "linear":
            xs.append(milestone.devices - table.base_devices)
            ts.append(milestone.linear_year - table.base_year)
        else:
            xs.append(math.log(milestone.devices / table.base_devices))
            ts.append(milestone.exponential_year - table.base_year)
    inverse_rate = sum(x * t for x, t in zip(xs, ts, strict=True)) / sum(x * x for x in xs)
    return GrowthModel(kind, table.base_year, float(table.base_devices), 1 / inverse_rate)


@dataclass(frozen=True)
class MilestoneRow:
    """One milestone: the seed's years and the fitted models' years."""

    devices: int
    seed_linear_year: int
    model_linear_year: int
    seed_exponential_year: int
    model_exponential_year: int


def milestone_table() -> tuple[MilestoneRow, ...]:
    """Return the seed's growth table beside the years the fitted models give."""
    table = _table()
    linear = fit_growth("linear", table)
    exponential = fit_growth("exponential", table)
    return tuple(
        MilestoneRow(
            devices=milestone.devices,
            seed_linear_year=milestone.linear_year,
            model_linear_year=linear.milestone_year(milestone.devices),
            seed_exponential_year=milestone.exponential_year,
            model_exponential_year=exponential.milestone_year(milestone.devices),
        )
        for milestone in table.milestones
    )
