"""Numeric answers computed from the project's own numbers, so an item's ``value`` cannot
drift from the module it tests.

An item writes ``value: {computed: <name>}``; the name is a key of ``COMPUTED``. Footprint
figures come from ``courseware.footprint`` (the calculator's data file and the README's
systems); the battery figures are the ones ``modules/what-is-tinyml/index.md`` gives for its
exercise (a 3.6 V, 2000 mAh lithium-ion cell and a 1 mW device, as the TinyML-Footprint
README assumes; a 150 mW person sensor from its developer guide).
"""

from __future__ import annotations

from collections.abc import Callable

from courseware.assess.bank import Computed, Numeric
from courseware.assess.statistics import hake_gain
from courseware.footprint.catalog import find_block, find_option
from courseware.footprint.compare import savings_range
from courseware.footprint.estimate import estimate_system
from courseware.footprint.growth import milestone_table
from courseware.footprint.use_stage import HOURS_PER_YEAR

CELL_VOLTS = 3.6
"""modules/what-is-tinyml/index.md, exercise: the README's lithium-ion cell voltage."""
CELL_AMP_HOURS = 2.0
"""modules/what-is-tinyml/index.md, exercise: 2000 mAh."""
TINYML_POWER_W = 0.001
"""modules/what-is-tinyml/index.md: a TinyML system typically draws around 1 mW."""
PERSON_SENSOR_POWER_W = 0.150
"""modules/what-is-tinyml/index.md, exercise step 4: about 150 mW."""
LIFETIME_YEARS = 3
"""The 3-year lifespan of the README's footprint figures."""
DEVICES = 250e9
"""modules/environmental-footprint/index.md: around 250 billion microcontrollers in use."""
KG_PER_MEGATONNE = 1e9
PA1_BOM_USD = 14.51
"""modules/choosing-hardware/index.md: the PA1 person detection module's BOM total."""
PA1_CAMERA_USD = 8.90
"""modules/choosing-hardware/index.md: its HM01B0 camera line."""


def _gain(pre_percent: float, post_percent: float) -> float:
    gain = hake_gain(pre_percent, post_percent)
    assert gain is not None
    return gain


def _seed_year(devices: int, kind: str) -> float:
    """The year the seed's growth table (courseware.footprint's data file) gives ``devices``."""
    for row in milestone_table():
        if row.devices == devices:
            return row.seed_linear_year if kind == "linear" else row.seed_exponential_year
    raise KeyError(devices)


def _dense(layers: tuple[int, ...]) -> tuple[int, int]:
    """Weights and biases of a stack of dense layers of the given widths."""
    weights = sum(a * b for a, b in zip(layers, layers[1:], strict=False))
    return weights, sum(layers[1:])


EXERCISE_NETWORK = (20, 32, 5)
"""modules/from-data-to-microcontroller/index.md, "Count a model": 20 inputs, 32 hidden, 5 out."""


def _surplus(width: int, height: int, bits: int, per_second: float, output_bits: int) -> float:
    """Raw bits captured per second over bits exposed per second (the "capability surplus"
    that modules/materiality-and-risk/index.md defines as a teaching tool of this course)."""
    return width * height * bits * per_second / (output_bits * per_second)


def _cell_wh() -> float:
    return CELL_VOLTS * CELL_AMP_HOURS


def _days_at(power_w: float) -> float:
    return _cell_wh() / power_w / 24


def _three_year_wh() -> float:
    return TINYML_POWER_W * HOURS_PER_YEAR * LIFETIME_YEARS


def _total_kg(system: str) -> float:
    return estimate_system(system).total_kg_co2e


def _mains_total_kg() -> float:
    report = estimate_system("ic-typical")
    mains = find_option(find_block("power_supply"), "Mains powered").kg_co2e
    return round(report.total_kg_co2e_raw - report.block("power_supply").kg_co2e + mains, 2)


def _share_percent(system: str, block: str) -> float:
    report = estimate_system(system)
    return 100 * report.block(block).kg_co2e / report.total_kg_co2e_raw


COMPUTED: dict[str, Callable[[], float]] = {
    "cell-energy-wh": _cell_wh,
    "days-at-1-mw": lambda: _days_at(TINYML_POWER_W),
    "hours-at-150-mw": lambda: _cell_wh() / PERSON_SENSOR_POWER_W,
    "three-year-energy-wh": _three_year_wh,
    "three-year-charges": lambda: _three_year_wh() / _cell_wh(),
    "kws-best-total-kg": lambda: _total_kg("kws-best"),
    "ic-typical-total-kg": lambda: _total_kg("ic-typical"),
    "ic-worst-total-kg": lambda: _total_kg("ic-worst"),
    "ic-typical-mains-total-kg": _mains_total_kg,
    "ic-typical-mcu-share-percent": lambda: _share_percent("ic-typical", "processing"),
    "ic-typical-sensing-share-percent": lambda: _share_percent("ic-typical", "sensing"),
    "savings-low-ratio": lambda: savings_range().low_ratio,
    "savings-high-ratio": lambda: savings_range().high_ratio,
    "ic-typical-fleet-mt": lambda: _total_kg("ic-typical") * DEVICES / KG_PER_MEGATONNE,
    "kws-best-fleet-mt": lambda: _total_kg("kws-best") * DEVICES / KG_PER_MEGATONNE,
    # modules/environmental-footprint/index.md, "Scale it up" 2: the growth table's years.
    "linear-year-250-billion": lambda: _seed_year(250_000_000_000, "linear"),
    "exponential-year-250-billion": lambda: _seed_year(250_000_000_000, "exponential"),
    # modules/materiality-and-risk/index.md: 320 x 320 8-bit images once a second, one byte
    # out; the Person Sensor's 640 x 480 images seven times a second, 39 bytes out each.
    "open-module-surplus": lambda: _surplus(320, 320, 8, 1, 8),
    "person-sensor-surplus": lambda: _surplus(640, 480, 8, 7, 39 * 8),
    # modules/choosing-hardware/index.md, "Price a class set": 30 learners in pairs, the PA1
    # module's BOM of $14.51, its camera $8.90.
    "class-set-usd": lambda: round(30 / 2 * PA1_BOM_USD, 2),
    "pa1-camera-share-percent": lambda: 100 * PA1_CAMERA_USD / PA1_BOM_USD,
    # modules/data-and-models-for-tinyml/index.md: the PA1 label's 5 risky, 2 safe and 15
    # unknown answers; its 109,604 images split 0.8.
    "pa1-unknown-share-percent": lambda: 100 * 15 / (5 + 2 + 15),
    "pa1-training-images": lambda: 0.8 * 109_604,
    # modules/from-data-to-microcontroller/index.md, "Count a model": float32 weights and
    # biases take 4 bytes each; int8 weights 1 byte, int32 biases 4; a 3 s window at 100 Hz
    # on three axes of 16-bit samples.
    "exercise-parameters": lambda: sum(_dense(EXERCISE_NETWORK)),
    "exercise-float32-bytes": lambda: 4 * sum(_dense(EXERCISE_NETWORK)),
    "exercise-int8-bytes": lambda: _dense(EXERCISE_NETWORK)[0] + 4 * _dense(EXERCISE_NETWORK)[1],
    "exercise-window-bytes": lambda: 3 * 100 * 3 * 2,
    # modules/teaching-and-assessing-tinyml/index.md, "Compute a gain": 40 % before, 70 % after.
    "exercise-gain": lambda: _gain(40, 70),
}
"""Name (as items write it) to the function that computes the value."""


def computed_value(name: str) -> float:
    """The value of ``name``; ``KeyError`` when no such computation exists."""
    return COMPUTED[name]()


def numeric_value(item: Numeric) -> float:
    """The value a numeric item expects, computed now when it names a computation."""
    if isinstance(item.value, Computed):
        return computed_value(item.value.computed)
    return item.value
