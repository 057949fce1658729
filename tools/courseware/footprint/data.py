"""Load the calculator's constants from ``data/calculator.yaml`` into checked, typed records.

The data file is the single place where numbers live: the library, the command line and the
browser calculator all read it. Loading checks that every value is a finite number, that every
constant names its source, and that presets and systems only name blocks and options that exist.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from courseware.yamlsafe import parse_yaml_text

DATA_FILE = "data/calculator.yaml"
"""Path of the data file inside the ``courseware.footprint`` package."""


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


def _non_negative(value: float) -> float:
    if value < 0:
        raise ValueError("must not be negative")
    return value


Kg = Annotated[float, Field(strict=False), AfterValidator(_finite), AfterValidator(_non_negative)]
Source = Annotated[str, Field(min_length=3)]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RangeSpec(_Record):
    """Best, typical and worst case of one hardware specification level, as published.

    A case the source does not publish is ``None``; intervals then fall back to the value chosen.
    """

    label: str
    best_kg_co2e: Kg | None
    typical_kg_co2e: Kg | None
    worst_kg_co2e: Kg | None
    source: Source


class OptionSpec(_Record):
    """One option of a calculator block, with the size it stands for where the source gives it."""

    label: str
    kg_co2e: Kg
    source: Source
    range: str | None = None
    die_area_mm2: float | None = None
    area_cm2: float | None = None
    sensor_area_mm2: float | None = None
    led_count: int | None = None
    power_mw: float | None = None
    lifetime_years: float | None = None


class BlockSpec(_Record):
    """One of the calculator's ten blocks, in display order."""

    key: str
    heading: str
    calculator_key: str
    readme_row: str
    options: tuple[OptionSpec, ...] = Field(min_length=1)
    ranges: dict[str, RangeSpec] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ranges_exist(self) -> BlockSpec:
        for option in self.options:
            if option.range is not None and option.range not in self.ranges:
                raise ValueError(f"option {option.label!r} names unknown range {option.range!r}")
        labels = [option.label for option in self.options]
        if len(set(labels)) != len(labels):
            raise ValueError(f"block {self.key!r} has duplicate option labels")
        return self


class CalculatorInfo(_Record):
    """Where the reproduced calculator lives and how it starts."""

    name: str
    url: str
    source: Source
    initial_preset: str
    custom_option_label: str
    custom_option_initial_kg_co2e: float


class PresetSpec(_Record):
    """A calculator preset: one option label per block."""

    key: str
    name: str
    subtitle: str
    source: Source
    selections: dict[str, str]


class SystemBlockSpec(_Record):
    """How a published system sets one block: a calculator option or a custom value."""

    option: str | None = None
    custom_kg_co2e: Kg | None = None
    range: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _one_of(self) -> SystemBlockSpec:
        if (self.option is None) == (self.custom_kg_co2e is None):
            raise ValueError("give exactly one of option and custom_kg_co2e")
        if self.custom_kg_co2e is not None and not self.source:
            raise ValueError("a custom value needs a source")
        return self


class SystemSpec(_Record):
    """A system of the README table (and, where ``in_paper``, of the paper)."""

    key: str
    name: str
    readme_column: str
    in_paper: bool
    published_total_kg_co2e: Kg
    source: Source
    blocks: dict[str, SystemBlockSpec]


class ReferenceDevice(_Record):
    """A device the calculator draws beside the TinyML bar."""

    key: str
    name: str
    calculator_label: str
    kg_co2e: Kg
    lifetime_years: float | None
    source: Source


class GridIntensity(_Record):
    """The carbon intensity of a region's electricity, with its year and source."""

    key: str
    region: str
    kg_co2e_per_kwh: Kg
    year: int | None
    source: Source


class UseStageUnrounded(_Record):
    """The README's unrounded use-stage value and the assumptions behind it."""

    kg_co2e: Kg
    power_mw: float
    duty_cycle: float
    lifetime_years: float
    source: Source


class FleetInfo(_Record):
    """The seed's count of MCUs in use."""

    mcus_deployed: int
    mcus_source: Source


class GrowthMilestone(_Record):
    """One column of the seed's IoT growth table."""

    devices: int
    linear_year: int
    exponential_year: int


class GrowthTable(_Record):
    """The seed's IoT device growth table."""

    source: Source
    base_year: int
    base_devices: int
    milestones: tuple[GrowthMilestone, ...]


class CalculatorData(_Record):
    """Everything in ``calculator.yaml``."""

    schema_version: int
    unit: str
    calculator: CalculatorInfo
    blocks: tuple[BlockSpec, ...]
    use_stage_unrounded: UseStageUnrounded
    readme_zero_rows: tuple[str, ...]
    presets: tuple[PresetSpec, ...]
    systems: tuple[SystemSpec, ...]
    references: tuple[ReferenceDevice, ...]
    grid_intensities: tuple[GridIntensity, ...]
    fleet: FleetInfo
    growth: GrowthTable

    @model_validator(mode="after")
    def _cross_references(self) -> CalculatorData:
        blocks = {block.key: block for block in self.blocks}
        for preset in self.presets:
            if set(preset.selections) != set(blocks):
                raise ValueError(f"preset {preset.key!r} must set every block exactly once")
            for key, label in preset.selections.items():
                if label not in {option.label for option in blocks[key].options}:
                    raise ValueError(f"preset {preset.key!r}: {key} has no option {label!r}")
        for system in self.systems:
            if set(system.blocks) != set(blocks):
                raise ValueError(f"system {system.key!r} must set every block exactly once")
            for key, setting in system.blocks.items():
                block = blocks[key]
                if setting.option is not None and setting.option not in {
                    option.label for option in block.options
                }:
                    raise ValueError(f"system {system.key!r}: {key} has no {setting.option!r}")
                if setting.range is not None and setting.range not in block.ranges:
                    raise ValueError(f"system {system.key!r}: {key} has no range {setting.range!r}")
        if self.calculator.initial_preset not in {preset.key for preset in self.presets}:
            raise ValueError("calculator.initial_preset names no preset")
        return self

    def block(self, key: str) -> BlockSpec:
        """Return the block with this exact key (use ``catalog.find_block`` for user input)."""
        for block in self.blocks:
            if block.key == key:
                return block
        raise KeyError(key)


@cache
def load_calculator_data() -> CalculatorData:
    """Read and check the packaged data file once; later calls return the same object."""
    text = resources.files("courseware.footprint").joinpath(DATA_FILE).read_text("utf-8")
    document = parse_yaml_text(text, DATA_FILE)
    return CalculatorData.model_validate(document.data)


def data_file_text() -> str:
    """Return the data file as text, for pages that cite it."""
    return resources.files("courseware.footprint").joinpath(DATA_FILE).read_text("utf-8")
