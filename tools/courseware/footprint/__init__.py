"""The carbon footprint of a TinyML system, compatible with the TinyML CO2 Footprint Calculator.

The core reproduces the public calculator exactly (ten blocks, their options, custom values,
switched-off blocks, extra components, the two presets) and the README's five published
systems, and refuses inputs the calculator silently accepts. Around it: parametric components,
a use stage from power and grid intensity, training amortised over a fleet, best-typical-worst
intervals and Monte Carlo, comparisons with reference devices, fleet totals and IoT growth.

    >>> from courseware.footprint import estimate, configure
    >>> estimate(configure(system="ic-worst")).total_kg_co2e
    7.06

Plotting (:mod:`courseware.footprint.plot`, matplotlib) and the browser calculator page
(:mod:`courseware.footprint.page`) are imported on their own, never from here.
"""

from courseware.footprint.compare import (
    Comparison,
    SavingsRange,
    compare_with_reference,
    compare_with_references,
    list_references,
    savings_range,
)
from courseware.footprint.data import CalculatorData, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.estimate import configure, estimate, estimate_preset, estimate_system
from courseware.footprint.fleet import FleetFootprint, deployed_mcus, fleet_footprint
from courseware.footprint.growth import GrowthModel, MilestoneRow, fit_growth, milestone_table
from courseware.footprint.model import (
    BlockResult,
    Configuration,
    Extra,
    FootprintReport,
    Interval,
)
from courseware.footprint.parametric import (
    ParametricEstimate,
    UnitFactor,
    image_sensor_by_area,
    leds_by_count,
    mcu_by_die_area,
    pcb_by_area,
    unit_factor,
)
from courseware.footprint.rounding import format_kg, round_kg
from courseware.footprint.systems import (
    NamedConfiguration,
    list_named_configurations,
    list_presets,
    list_systems,
    readme_rows,
)
from courseware.footprint.uncertainty import MonteCarloResult, monte_carlo
from courseware.footprint.use_stage import (
    UseStageEstimate,
    grid_intensity,
    list_grid_intensities,
    use_stage_kg_co2e,
)
from courseware.footprint.vectorized import evaluate_many, random_option_indices

__all__ = [
    "BlockResult",
    "CalculatorData",
    "Comparison",
    "Configuration",
    "Extra",
    "FleetFootprint",
    "FootprintInputError",
    "FootprintReport",
    "GrowthModel",
    "InputProblem",
    "Interval",
    "MilestoneRow",
    "MonteCarloResult",
    "NamedConfiguration",
    "ParametricEstimate",
    "SavingsRange",
    "UnitFactor",
    "UseStageEstimate",
    "compare_with_reference",
    "compare_with_references",
    "configure",
    "deployed_mcus",
    "estimate",
    "estimate_preset",
    "estimate_system",
    "evaluate_many",
    "fit_growth",
    "fleet_footprint",
    "format_kg",
    "grid_intensity",
    "image_sensor_by_area",
    "leds_by_count",
    "list_grid_intensities",
    "list_named_configurations",
    "list_presets",
    "list_references",
    "list_systems",
    "load_calculator_data",
    "mcu_by_die_area",
    "milestone_table",
    "monte_carlo",
    "pcb_by_area",
    "random_option_indices",
    "readme_rows",
    "round_kg",
    "savings_range",
    "unit_factor",
    "use_stage_kg_co2e",
]
