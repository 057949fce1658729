"""The answer functions an answer key may name with ``computed:``: each one computes an
exercise's number with the module's own library, so the teaching kit prints what the library
(and so the lab) computes, never a number copied by hand that could drift from it.

Where a module has no library for the number (battery life, a bill of materials, a model's
size), the function does the arithmetic on the inputs the module's text states, shown in its
``formula`` (with a ``note`` in words where the formula needs one) so that the closing note
of the kit can say where every answer comes from, in the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel.numbers import format_decimal

from courseware.datasheet import load_datasheet
from courseware.datasheet.risk import capability_surplus
from courseware.footprint import (
    configure,
    estimate,
    estimate_system,
    fleet_footprint,
    milestone_table,
)
from courseware.i18n.catalogs import gettext_noop
from courseware.i18n.formatting import locale_of
from courseware.registry.answers import AnswerKey


@dataclass(frozen=True)
class AnswerFunction:
    """One computed answer: how to compute it, to how many decimals, and from what."""

    compute: Callable[[Path], float]
    """Takes the project root (for the data files a library reads)."""
    decimals: int
    formula: str | None
    """What computes it, in code or arithmetic that reads the same in every language (the
    teaching kit's closing note shows it as code)."""
    note: str | None = None
    """What the formula leaves unsaid, in English words marked with ``gettext_noop``: the kit
    shows it through ``gettext``, so it is translated like the interface."""
    grouped: bool = True
    """False for years, which are never written with a thousands separator."""


# --- what-is-tinyml: the battery exercise's stated inputs (modules/what-is-tinyml/index.md)
_CELL_VOLTS = 3.6
_CELL_AMP_HOURS = 2.0
_HOURS_PER_YEAR = 8760
_LOW_POWER_W = 0.001
_PERSON_SENSOR_W = 0.150


def _cell_wh(_: Path) -> float:
    return _CELL_VOLTS * _CELL_AMP_HOURS


def _hours_on_charge(watts: float) -> Callable[[Path], float]:
    return lambda root: _cell_wh(root) / watts


def _days_on_charge(watts: float) -> Callable[[Path], float]:
    return lambda root: _cell_wh(root) / watts / 24


def _three_years_wh(_: Path) -> float:
    return _LOW_POWER_W * _HOURS_PER_YEAR * 3


def _three_years_charges(root: Path) -> float:
    return _three_years_wh(root) / _cell_wh(root)


# --- environmental-footprint: the footprint library (courseware.footprint)


def _block_share(system: str, block: str) -> Callable[[Path], float]:
    def share(_: Path) -> float:
        report = estimate_system(system)
        return 100 * report.block(block).kg_co2e / report.total_kg_co2e_raw

    return share


def _mains_powered_ic_typical(_: Path) -> float:
    configuration = configure(system="ic-typical", options={"power_supply": "Mains powered"})
    return estimate(configuration).total_kg_co2e_raw


def _fleet_megatonnes(system: str) -> Callable[[Path], float]:
    return lambda _: fleet_footprint(estimate_system(system)).total_megatonnes_co2e


def _milestone_year(kind: str, devices: int) -> Callable[[Path], float]:
    def year(_: Path) -> float:
        row = next(row for row in milestone_table() if row.devices == devices)
        return row.seed_exponential_year if kind == "exponential" else row.seed_linear_year

    return year


# --- materiality-and-risk: the datasheet library (courseware.datasheet)


def _person_sensor_surplus(root: Path) -> float:
    loaded = load_datasheet(root / "curriculum" / "sensors" / "person-sensor.yaml", root)
    surplus = capability_surplus(loaded.sheet) if loaded.sheet is not None else None
    if surplus is None:
        return math.nan
    return surplus


# --- the four newest modules: arithmetic on the numbers their exercises state


def _fixed(value: float) -> Callable[[Path], float]:
    return lambda _: value


def _whole_people(shares: tuple[float, ...], limit: int = 1000) -> float:
    """The smallest number of participants for which every percentage, given to one decimal,
    is a whole number of people: the nearest whole count lies within 0.1 percentage point of
    the share (so the share may have been rounded or cut to one decimal)."""
    for people in range(1, limit):
        if all(abs(round(share * people / 100) * 100 / people - share) < 0.1 for share in shares):
            return people
    return math.nan


_PA1_DEVICE_USD = 14.51
_PA1_CAMERA_USD = 8.90
_PA1_MCU_USD = 1.00
_PA1_IMAGES = 109_604
_NETWORK = (20, 32, 5)
_STUDY_SHARES = (63.2, 36.8, 47.4, 39.4, 13.2)


def _weights(_: Path) -> float:
    inputs, hidden, outputs = _NETWORK
    return inputs * hidden + hidden * outputs


def _biases(_: Path) -> float:
    return _NETWORK[1] + _NETWORK[2]


ANSWER_FUNCTIONS: Mapping[str, AnswerFunction] = {
    "battery-energy-wh": AnswerFunction(
        _cell_wh, 1, "3.6 V × 2 Ah", gettext_noop("the cell the module's text states")
    ),
    "battery-hours-at-1-mw": AnswerFunction(
        _hours_on_charge(_LOW_POWER_W), 0, "battery-energy-wh ÷ 1 mW"
    ),
    "battery-days-at-1-mw": AnswerFunction(
        _days_on_charge(_LOW_POWER_W), 0, "battery-energy-wh ÷ 1 mW ÷ 24 h"
    ),
    "three-years-wh-at-1-mw": AnswerFunction(_three_years_wh, 2, "1 mW × 8760 h × 3"),
    "three-years-charges": AnswerFunction(
        _three_years_charges, 2, "three-years-wh-at-1-mw ÷ battery-energy-wh"
    ),
    "battery-hours-at-150-mw": AnswerFunction(
        _hours_on_charge(_PERSON_SENSOR_W), 0, "battery-energy-wh ÷ 150 mW"
    ),
    "battery-days-at-150-mw": AnswerFunction(
        _days_on_charge(_PERSON_SENSOR_W), 0, "battery-energy-wh ÷ 150 mW ÷ 24 h"
    ),
    "ic-typical-mcu-share": AnswerFunction(
        _block_share("ic-typical", "processing"),
        1,
        'courseware.footprint.estimate_system("ic-typical"): processing ÷ total',
    ),
    "kws-best-sensing-share": AnswerFunction(
        _block_share("kws-best", "sensing"),
        1,
        'courseware.footprint.estimate_system("kws-best"): sensing ÷ total',
    ),
    "ic-typical-sensing-share": AnswerFunction(
        _block_share("ic-typical", "sensing"),
        1,
        'courseware.footprint.estimate_system("ic-typical"): sensing ÷ total',
    ),
    "ic-typical-mains-kg": AnswerFunction(
        _mains_powered_ic_typical,
        2,
        'courseware.footprint.configure(system="ic-typical", '
        'options={"power_supply": "Mains powered"})',
    ),
    "kws-best-fleet-mt": AnswerFunction(
        _fleet_megatonnes("kws-best"),
        1,
        'courseware.footprint.fleet_footprint(estimate_system("kws-best"))',
        gettext_noop("250 billion devices"),
    ),
    "ic-typical-fleet-mt": AnswerFunction(
        _fleet_megatonnes("ic-typical"),
        1,
        'courseware.footprint.fleet_footprint(estimate_system("ic-typical"))',
        gettext_noop("250 billion devices"),
    ),
    "ic-worst-fleet-mt": AnswerFunction(
        _fleet_megatonnes("ic-worst"),
        1,
        'courseware.footprint.fleet_footprint(estimate_system("ic-worst"))',
        gettext_noop("250 billion devices"),
    ),
    "exponential-year-250-billion": AnswerFunction(
        _milestone_year("exponential", 250_000_000_000),
        0,
        "courseware.footprint.milestone_table()",
        gettext_noop("the year the exponential projection reaches 250 billion devices"),
        grouped=False,
    ),
    "linear-year-250-billion": AnswerFunction(
        _milestone_year("linear", 250_000_000_000),
        0,
        "courseware.footprint.milestone_table()",
        gettext_noop("the year the linear projection reaches 250 billion devices"),
        grouped=False,
    ),
    "person-sensor-surplus": AnswerFunction(
        _person_sensor_surplus,
        0,
        "courseware.datasheet capability_surplus(curriculum/sensors/person-sensor.yaml)",
    ),
    "class-set-cost-usd": AnswerFunction(
        _fixed(15 * _PA1_DEVICE_USD),
        2,
        "15 × $14.51",
        gettext_noop("15 devices at the cost of the PA1's bill of materials in the module"),
    ),
    "pa1-camera-share": AnswerFunction(
        _fixed(100 * _PA1_CAMERA_USD / _PA1_DEVICE_USD),
        0,
        "$8.90 ÷ $14.51",
        gettext_noop("the PA1's bill of materials"),
    ),
    "pa1-mcu-share": AnswerFunction(
        _fixed(100 * _PA1_MCU_USD / _PA1_DEVICE_USD),
        0,
        "$1.00 ÷ $14.51",
        gettext_noop("the PA1's bill of materials"),
    ),
    "label-unknown-share": AnswerFunction(
        _fixed(100 * 15 / 22),
        0,
        "15 ÷ (5 + 2 + 15)",
        gettext_noop("the unknown answers among all the answers of the exercise's label"),
    ),
    "pa1-training-images": AnswerFunction(
        _fixed(round(0.8 * _PA1_IMAGES)), 0, "0.8 × 109604", gettext_noop("rounded to whole images")
    ),
    "pa1-held-out-images": AnswerFunction(
        _fixed(_PA1_IMAGES - round(0.8 * _PA1_IMAGES)), 0, "109604 − pa1-training-images"
    ),
    "study-participants-fitting": AnswerFunction(
        lambda _: _whole_people(_STUDY_SHARES),
        0,
        "63.2 %, 36.8 %, 47.4 %, 39.4 %, 13.2 %",
        gettext_noop(
            "the smallest number of people for which these shares are whole counts (within "
            "0.1 point)"
        ),
    ),
    "model-parameters": AnswerFunction(
        lambda root: _weights(root) + _biases(root),
        0,
        "20 × 32 + 32 × 5 + 32 + 5",
        gettext_noop("the weights, then the biases"),
    ),
    "model-float32-bytes": AnswerFunction(
        lambda root: 4 * (_weights(root) + _biases(root)), 0, "4 B × model-parameters"
    ),
    "model-int8-bytes": AnswerFunction(
        lambda root: _weights(root) + 4 * _biases(root),
        0,
        "1 B × weights + 4 B × biases",
        gettext_noop("1 byte per weight and 4 per bias"),
    ),
    "model-macs": AnswerFunction(
        _weights, 0, None, gettext_noop("one multiply-accumulate per weight")
    ),
    "window-bytes": AnswerFunction(
        _fixed(3 * 100 * 3 * 2),
        0,
        "3 s × 100 Hz × 3 × 2 B",
        gettext_noop("three axes, 2 bytes per sample"),
    ),
    "normalised-gain": AnswerFunction(
        _fixed((70 - 40) / (100 - 40)),
        1,
        "(70 − 40) ÷ (100 − 40)",
        gettext_noop("the exercise's average scores"),
    ),
}
"""Every function an answer key may name, by the name it uses."""


def answer_value(name: str, root: Path) -> float:
    """The value of the answer function ``name`` (a ``KeyError`` for an unknown name)."""
    return ANSWER_FUNCTIONS[name].compute(root)


def format_answer(value: float, decimals: int, language: str, *, grouped: bool = True) -> str:
    """``value`` with exactly ``decimals`` decimals, grouped and punctuated for ``language``
    by CLDR (``7,2`` in Spanish, ``7.2`` in English)."""
    pattern = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale_of(language))


def formatted_answer(name: str, value: float, language: str) -> str:
    """The value of answer function ``name`` as a page in ``language`` shows it."""
    function = ANSWER_FUNCTIONS[name]
    return format_answer(value, function.decimals, language, grouped=function.grouped)


def answer_values(keys: Mapping[str, AnswerKey], root: Path) -> dict[str, float]:
    """Every value the keys name, computed once (unknown names are left out: the checks
    report them)."""
    names = {
        part.computed
        for key in keys.values()
        for exercise in key.spec.exercises
        for part in exercise.parts
        if part.computed is not None and part.computed in ANSWER_FUNCTIONS
    }
    return {name: answer_value(name, root) for name in sorted(names)}
