"""Components sized by a number (die area, board area, imager area, LED count), not a fixed step.

The calculator offers three MCU dies, three boards, two imagers and three LED counts. Their
values imply a footprint per unit of size; these factors are **derived** here from the data
file's options (no source states them). The typical factor is the typical option's value over
its size, so the typical option is reproduced exactly; the low and high factors are the smallest
and largest ratio among the options, which gives every estimate an interval.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from courseware import problem_codes as codes
from courseware.footprint.data import OptionSpec, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.model import Interval
from courseware.footprint.validate import check_count, check_number

FactorName = Literal["mcu_die_area", "pcb_area", "image_sensor_area", "led_count"]

_FACTOR_SPECS: dict[FactorName, tuple[str, str, str]] = {
    # name: (block, option field holding the size, unit)
    "mcu_die_area": ("processing", "die_area_mm2", "mm²"),
    "pcb_area": ("pcb", "area_cm2", "cm²"),
    "image_sensor_area": ("sensing", "sensor_area_mm2", "mm²"),
    "led_count": ("ui", "led_count", "LED"),
}


@dataclass(frozen=True)
class UnitFactor:
    """kg CO2e per unit of size, as implied by the calculator's options (derived, not sourced).

    Attributes:
        basis: The ``(size, kg CO2e)`` pairs of the options it comes from.
    """

    name: FactorName
    block: str
    unit: str
    low_kg_co2e_per_unit: float
    typical_kg_co2e_per_unit: float
    high_kg_co2e_per_unit: float
    basis: tuple[tuple[float, float], ...]
    source: str
    is_derived: bool = True


@dataclass(frozen=True)
class ParametricEstimate:
    """The footprint of one component of a given size, with its interval.

    Pass ``estimate.interval`` as a custom block value to :func:`configure`.
    """

    block: str
    size: float
    unit: str
    interval: Interval
    factor: UnitFactor
    is_extrapolated: bool

    @property
    def kg_co2e(self) -> float:
        """The typical value in kg CO2e."""
        return self.interval.typical_kg_co2e


def _size(option: OptionSpec, field: str) -> float | None:
    value = getattr(option, field)
    return None if value is None else float(value)


@cache
def unit_factor(name: FactorName) -> UnitFactor:
    """Return the derived per-unit factor ``name`` (see the module docstring for how)."""
    if name not in _FACTOR_SPECS:
        known = ", ".join(repr(n) for n in _FACTOR_SPECS)
        problem = InputProblem(
            "name",
            None,
            name,
            f"unknown factor {name!r}; known: {known}",
            code=codes.FP_UNKNOWN_NAME,
        )
        raise FootprintInputError([problem])
    block_key, field, unit = _FACTOR_SPECS[name]
    block = load_calculator_data().block(block_key)
    basis: list[tuple[float, float]] = []
    typical: float | None = None
    for option in block.options:
        size = _size(option, field)
        if size is None:
            continue
        basis.append((size, option.kg_co2e))
        spec = block.ranges.get(option.range) if option.range else None
        if spec is not None and spec.typical_kg_co2e == option.kg_co2e:
            typical = option.kg_co2e / size
    ratios = [kg / size for size, kg in basis]
    labels = ", ".join(option.label for option in block.options if _size(option, field))
    return UnitFactor(
        name=name,
        block=block_key,
        unit=unit,
        low_kg_co2e_per_unit=min(ratios),
        typical_kg_co2e_per_unit=typical if typical is not None else ratios[0],
        high_kg_co2e_per_unit=max(ratios),
        basis=tuple(basis),
        source=f"derived from the calculator options {labels} (main.py); no source states it",
    )


def _scaled(name: FactorName, size: float) -> ParametricEstimate:
    factor = unit_factor(name)
    sizes = [basis_size for basis_size, _ in factor.basis]
    interval = Interval(
        size * factor.low_kg_co2e_per_unit,
        size * factor.typical_kg_co2e_per_unit,
        size * factor.high_kg_co2e_per_unit,
    )
    return ParametricEstimate(
        block=factor.block,
        size=size,
        unit=factor.unit,
        interval=interval,
        factor=factor,
        is_extrapolated=not min(sizes) <= size <= max(sizes),
    )


def _positive(value: object, parameter: str) -> float:
    number = check_number(value, parameter, allow_zero=False)
    if isinstance(number, InputProblem):
        raise FootprintInputError([number])
    return number


def mcu_by_die_area(die_area_mm2: float) -> ParametricEstimate:
    """Return the embodied footprint of a standalone MCU with this die area (mm²)."""
    return _scaled("mcu_die_area", _positive(die_area_mm2, "die_area_mm2"))


def pcb_by_area(area_cm2: float) -> ParametricEstimate:
    """Return the embodied footprint of a 4-layer FR4 board of this area (cm²)."""
    return _scaled("pcb_area", _positive(area_cm2, "area_cm2"))


def image_sensor_by_area(sensor_area_mm2: float) -> ParametricEstimate:
    """Return the embodied footprint of a CMOS image sensor of this area (mm²)."""
    return _scaled("image_sensor_area", _positive(sensor_area_mm2, "sensor_area_mm2"))


def leds_by_count(led_count: int) -> ParametricEstimate:
    """Return the embodied footprint of ``led_count`` indicator LEDs (0 is allowed)."""
    count = check_count(led_count, "led_count", minimum=0)
    if isinstance(count, InputProblem):
        raise FootprintInputError([count])
    return _scaled("led_count", float(count))
