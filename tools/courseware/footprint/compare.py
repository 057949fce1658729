"""Compare a TinyML device with the calculator's reference devices (Apple Watch S7, MacBook Pro).

The seed's "5x to 38x savings over a 3-year lifespan" fits the Apple Watch Series 7 (34 kg CO2e)
divided by the README's worst (7.06) and best (0.89) systems: 4.8x and 38.2x. The paper's own
text for this claim could not be checked ("Is TinyML Sustainable?", arXiv 2301.11899: the
copies found give only its abstract and introduction); these functions show the arithmetic so
a lab can reproduce it. The seed is the talk this project started from, "Sustainable &
Responsible TinyML" by Brian Plancher.
"""

from __future__ import annotations

from dataclasses import dataclass

from courseware.footprint.catalog import find_reference
from courseware.footprint.data import ReferenceDevice, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.estimate import estimate_system
from courseware.footprint.model import FootprintReport
from courseware.footprint.validate import check_number


@dataclass(frozen=True)
class Comparison:
    """How many TinyML devices have the footprint of one reference device."""

    reference: ReferenceDevice
    device_kg_co2e: float
    ratio: float
    """Reference footprint divided by the device's footprint."""


@dataclass(frozen=True)
class SavingsRange:
    """The range of ratios between a reference device and a best and a worst system."""

    reference: ReferenceDevice
    best_system_kg_co2e: float
    worst_system_kg_co2e: float
    low_ratio: float
    high_ratio: float


def _device_kg(device: float | FootprintReport) -> float:
    value = device.total_kg_co2e_raw if isinstance(device, FootprintReport) else device
    checked = check_number(value, "device_kg_co2e", allow_zero=False)
    if isinstance(checked, InputProblem):
        raise FootprintInputError([checked])
    return checked


def list_references() -> tuple[ReferenceDevice, ...]:
    """Return the calculator's reference devices."""
    return load_calculator_data().references


def compare_with_reference(device: float | FootprintReport, reference: str) -> Comparison:
    """Return the ratio of one reference device's footprint to a device's (kg CO2e or report)."""
    spec = find_reference(reference)
    kg = _device_kg(device)
    return Comparison(spec, kg, spec.kg_co2e / kg)


def compare_with_references(device: float | FootprintReport) -> tuple[Comparison, ...]:
    """Return the comparison with every reference device."""
    return tuple(compare_with_reference(device, spec.key) for spec in list_references())


def savings_range(
    best_system: str = "kws-best",
    worst_system: str = "ic-worst",
    reference: str = "apple-watch-s7",
) -> SavingsRange:
    """Return reference/worst and reference/best: by default the seed's "5x to 38x"."""
    spec = find_reference(reference)
    best = estimate_system(best_system).total_kg_co2e_raw
    worst = estimate_system(worst_system).total_kg_co2e_raw
    return SavingsRange(spec, best, worst, spec.kg_co2e / worst, spec.kg_co2e / best)
