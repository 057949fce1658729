"""Additional ML sensor components (paper section 3.4): end-to-end performance of the
deployed sensor, and its environmental impact."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from courseware.datasheet.grades import conditional, optional, required
from courseware.datasheet.schema.base import PartialDate, Quantity, Undisclosed
from courseware.textfields import PlainText, StrictModel


class VersionBinding(StrictModel):
    """The exact unit and configuration the end-to-end results were measured on."""

    hardware_revision: PlainText | None = required("Hardware revision tested.")
    firmware_version: PlainText | None = required("Firmware version tested.")
    model_version: PlainText | None = required("Model version or hash tested.")
    configuration: PlainText | None = optional("Settings during the test.")
    evaluation_date: PartialDate | None = required("When it was measured.")


class Metric(StrictModel):
    """What the end-to-end figures measure."""

    name: PlainText = Field(description="e.g. 'mean confidence', 'accuracy', 'recall'.")
    definition: PlainText | None = None
    range_min: float | None = None
    range_max: float | None = None
    called_in_text: PlainText | None = Field(
        default=None, description="What the prose calls it, when that differs (e.g. 'accuracy')."
    )
    threshold: float | None = None


class ConditionFactor(StrictModel):
    """An environmental factor varied in the study, with its levels in text and in figures."""

    factor: PlainText
    unit: PlainText
    levels: list[float] = Field(min_length=1, description="Levels as the text states them.")
    figure_levels: list[float] = Field(
        default_factory=list, description="Levels as the figures label them, when given."
    )
    instrument: PlainText | None = None
    note: PlainText | None = None
    source: PlainText | None = None


class Bucket(StrictModel):
    """One subgroup of a demographic attribute."""

    label: PlainText
    share_percent: float | None = None
    n: int | None = Field(default=None, ge=0)
    scale_min: float | None = None
    scale_max: float | None = None
    figure_scale_min: float | None = None
    figure_scale_max: float | None = None


class DemographicAttribute(StrictModel):
    """A demographic attribute of the study population and its buckets."""

    attribute: PlainText
    scale: Literal["monk_skin_tone", "fitzpatrick", "categorical"] = "categorical"
    self_reported: bool | None = None
    respondents: int | None = Field(
        default=None, ge=1, description="People who answered, when fewer than participants."
    )
    buckets: list[Bucket] = Field(min_length=1)
    source: PlainText | None = None


class Disparity(StrictModel):
    """A performance gap between subgroups."""

    attribute: PlainText
    gap_percent: float | None = Field(default=None, description="Max-min gap, in percent.")
    direction: PlainText | None = Field(default=None, description="Which subgroup fares worse.")
    text: PlainText | None = None
    source: PlainText | None = None


class EndToEnd(StrictModel):
    """End-to-end performance analysis of the deployed sensor."""

    version_binding: VersionBinding | None = required("Versions the results are bound to.")
    study_design: PlainText | None = required("How the study was run.")
    participants: int | None = conditional("observes_people", "Number of people measured.")
    units_tested: int | None = optional("Identical sensor units measured.")
    includes_absent_trials: bool | None = required(
        "Whether trials without the target (no person) were measured."
    )
    false_positives_per_hour: Quantity | None = optional("False positives per hour.")
    metric: Metric | None = required("What the figures measure.")
    conditions: list[ConditionFactor] | None = required("Environmental factors tested.")
    demographics: list[DemographicAttribute] | None = conditional(
        "observes_people", "Who was measured."
    )
    disparities: list[Disparity] | None = conditional(
        "observes_people", "Performance gaps between subgroups."
    )
    findings: list[PlainText] | None = required("What the study found.")
    failure_modes: PlainText | None = required("Failure modes and invalidating conditions.")
    re_evaluation_cadence: PlainText | None = required("When the evaluation is re-run.")


class BreakdownLine(StrictModel):
    """One block of the footprint breakdown."""

    block: PlainText
    kg_co2e: float | None = Field(default=None, ge=0)
    percent: float | None = None


class Coverage(StrictModel):
    """How many BOM lines the footprint accounts for."""

    bom_lines_accounted: int = Field(ge=0)
    bom_lines_total: int = Field(ge=0)
    excluded: list[PlainText] = Field(default_factory=list)


class FootprintConfig(StrictModel):
    """The hardware described as a footprint configuration; ``courseware.footprint`` computes
    the breakdown and total.

    The use stage is computed from the declared operating power (hardware block), the
    lifetime and the grid intensity, never from the calculator's 1 mW default.
    """

    preset: PlainText | None = Field(default=None, description="Start from a calculator preset.")
    options: dict[str, PlainText] = Field(
        default_factory=dict, description="Block key to calculator option label."
    )
    custom_kg_co2e: dict[str, float] = Field(
        default_factory=dict, description="Block key to a value of your own, in kg CO2e."
    )
    disabled: list[PlainText] = Field(default_factory=list, description="Blocks left out.")
    sources: list[PlainText] = Field(
        default_factory=list, description="Where the choices and custom values come from."
    )
    duty_cycle: float = Field(default=1.0, gt=0, le=1)
    grid_region: PlainText | None = Field(
        default=None, description="A key of the footprint library's grid table, e.g. 'world'."
    )
    grid_kg_co2e_per_kwh: float | None = Field(default=None, gt=0)
    grid_source: PlainText | None = None


class EnvironmentalImpact(StrictModel):
    """Environmental impact block."""

    total_kg_co2e: float | None = conditional(
        "no_footprint_config", "Total footprint per unit (computed when footprint is given)."
    )
    method: PlainText | None = required("Method or standard used.")
    method_source: PlainText | None = optional("Citation of the method.")
    breakdown: list[BreakdownLine] | None = optional("Footprint by block.")
    coverage: Coverage | None = optional("BOM lines accounted for.")
    lifetime_years: float | None = required("Assumed use lifetime.")
    use_phase_power_mw: float | Undisclosed | None = conditional(
        "no_footprint_config",
        "Power the use stage assumes; must equal the declared operating power.",
    )
    end_of_life: PlainText | None = optional("End-of-life and recycling guidance.")
    model_lifecycle_impact: PlainText | None = required("Retraining and update footprint.")
    water_l: float | None = optional("Water footprint.")
    footprint: FootprintConfig | None = optional(
        "Compute the breakdown with courseware.footprint instead of typing it."
    )
