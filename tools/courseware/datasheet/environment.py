"""The environmental section computed by ``courseware.footprint`` from the datasheet's own
figures: a footprint configuration for the hardware, and a use stage from the declared
operating power, the lifetime and a grid intensity (not the calculator's 1 mW default)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from courseware.datasheet.messages import N_, Message
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.schema.additional import FootprintConfig
from courseware.datasheet.schema.base import nominal_in
from courseware.footprint import (
    FootprintInputError,
    FootprintReport,
    UseStageEstimate,
    configure,
    estimate,
    use_stage_kg_co2e,
)

USE_STAGE_BLOCK = "use_stage"
"""Key of the calculator's use-stage block, replaced by the computed value."""

METHOD = (
    "Embodied blocks from the TinyML CO2 Footprint Calculator's options (Pirson & Bol 2021 "
    "hardware specification levels; training after Dodge et al. 2022), computed with this "
    "project's footprint library; use stage = declared operating power × duty cycle × "
    "lifetime × grid intensity."
)


@dataclass(frozen=True)
class EnvironmentalSection:
    """The computed environmental impact of one datasheet, with how it was computed."""

    report: FootprintReport
    use_stage: UseStageEstimate
    power_source: str
    method: str
    coverage: str

    @property
    def total_kg_co2e(self) -> float:
        """Total per device, rounded as the calculator shows it."""
        return self.report.total_kg_co2e


class EnvironmentInputError(ValueError):
    """The footprint configuration cannot be computed; ``problems`` says why, one per line
    (English), and ``messages`` the same as translatable templates where this module wrote
    them (the footprint library's own problems stay plain English strings)."""

    def __init__(self, problems: Sequence[str | Message]) -> None:
        self.messages = list(problems)
        self.problems = [p.english() if isinstance(p, Message) else p for p in problems]
        super().__init__("; ".join(self.problems))


_POWER_SOURCES = {
    "no hardware block": N_("no hardware block"),
    "no operating power, voltage or current": N_("no operating power, voltage or current"),
}
"""The reasons ``declared_power_mw`` gives for finding no power, as translatable phrases."""


def declared_power_mw(sheet: Datasheet) -> tuple[float | None, str]:
    """The declared operating power in mW, and where it comes from (V × I when only those)."""
    hardware = sheet.standard_sensor.hardware if sheet.standard_sensor else None
    if hardware is None:
        return None, "no hardware block"
    watts = nominal_in(hardware.operating_power, "W")
    if watts is not None:
        return watts * 1000, "declared operating power"
    volts = nominal_in(hardware.operating_voltage, "V")
    amps = nominal_in(hardware.operating_current, "A")
    if volts is not None and amps is not None:
        return volts * amps * 1000, "nominal operating voltage × current"
    return None, "no operating power, voltage or current"


def compute_environment(sheet: Datasheet) -> EnvironmentalSection | None:
    """Compute the environmental section when the datasheet gives a footprint configuration.

    Returns:
        None when the datasheet types its footprint by hand (no ``footprint`` field).

    Raises:
        EnvironmentInputError: unknown blocks or options, no declared power, no lifetime or grid.
    """
    impact = sheet.ml_sensor.environmental_impact if sheet.ml_sensor else None
    config = impact.footprint if impact else None
    if impact is None or config is None:
        return None
    problems: list[str | Message] = []
    power_mw, power_source = declared_power_mw(sheet)
    if power_mw is None:
        problems.append(
            N_(
                "the use stage needs the declared operating power ({source})",
                source=_POWER_SOURCES.get(power_source, power_source),
            )
        )
    if impact.lifetime_years is None:
        problems.append(N_("the use stage needs lifetime_years"))
    if config.grid_region is None and config.grid_kg_co2e_per_kwh is None:
        problems.append(N_("give grid_region or grid_kg_co2e_per_kwh for the use stage"))
    if problems:
        raise EnvironmentInputError(problems)
    assert power_mw is not None and impact.lifetime_years is not None
    try:
        use = _use_stage(config, power_mw, impact.lifetime_years)
        custom: dict[str, float] = dict(config.custom_kg_co2e)
        custom[USE_STAGE_BLOCK] = use.kg_co2e
        report = estimate(
            configure(
                preset=config.preset,
                options=dict(config.options),
                custom=custom,
                disabled=list(config.disabled),
            )
        )
    except FootprintInputError as error:
        raise EnvironmentInputError([str(p) for p in error.problems]) from None
    return EnvironmentalSection(report, use, power_source, METHOD, _coverage(sheet))


def _use_stage(config: FootprintConfig, power_mw: float, lifetime_years: float) -> UseStageEstimate:
    if config.grid_kg_co2e_per_kwh is not None:
        return use_stage_kg_co2e(
            power_mw,
            duty_cycle=config.duty_cycle,
            lifetime_years=lifetime_years,
            grid_kg_co2e_per_kwh=config.grid_kg_co2e_per_kwh,
        )
    assert config.grid_region is not None
    return use_stage_kg_co2e(
        power_mw,
        duty_cycle=config.duty_cycle,
        lifetime_years=lifetime_years,
        region=config.grid_region,
    )


def _coverage(sheet: Datasheet) -> str:
    bom = sheet.bill_of_materials
    if bom is None:
        return "No bill of materials is given, so BOM coverage is not known."
    marked = [line for line in bom.lines if line.in_footprint]
    total = bom.published_line_count or len(bom.lines)
    missing = [line.component for line in bom.lines if line.in_footprint is False]
    text = f"{len(marked)} of {total} BOM lines are accounted for by a footprint block."
    if missing:
        text += f" Not covered: {', '.join(missing)}."
    return text
