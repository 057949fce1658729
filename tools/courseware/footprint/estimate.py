"""The calculator, reproduced: configure a device from presets, options and custom values, then sum.

The public calculator's whole model is a lookup-and-sum: the value of the option selected in
every ticked block, plus any custom components. :func:`configure` builds and checks that
description (rejecting what the calculator silently accepts) and :func:`estimate` adds it up in
the calculator's block order. With no arguments the result is the calculator's start-up state,
the "Vision" preset.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache

from courseware import problem_codes as codes
from courseware.footprint.catalog import find_block, find_option, find_preset, find_system
from courseware.footprint.data import BlockSpec, OptionSpec, RangeSpec, load_calculator_data
from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.model import (
    BlockResult,
    BlockSetting,
    Configuration,
    Extra,
    FootprintReport,
    Interval,
    sum_intervals,
)
from courseware.footprint.rounding import round_kg
from courseware.footprint.validate import check_count, check_kg_or_interval

TRAINING_BLOCK = "ml_training"


def range_interval(kg_co2e: float, spec: RangeSpec | None) -> Interval:
    """Return the interval of a value inside a published best/typical/worst range.

    The low bound is the range's best case (or the value, if lower or if no best case is
    published), the high bound its worst case likewise; the typical value is the value itself.
    """
    if spec is None:
        return Interval.point(kg_co2e)
    low = kg_co2e if spec.best_kg_co2e is None else min(kg_co2e, spec.best_kg_co2e)
    high = kg_co2e if spec.worst_kg_co2e is None else max(kg_co2e, spec.worst_kg_co2e)
    return Interval(low, kg_co2e, high)


def option_interval(block: BlockSpec, option: OptionSpec) -> Interval:
    """Return the best-typical-worst interval of one calculator option."""
    spec = block.ranges[option.range] if option.range is not None else None
    return range_interval(option.kg_co2e, spec)


def _option_setting(block: BlockSpec, option: OptionSpec) -> BlockSetting:
    return _cached_option_setting(block.key, option.label)


@cache
def _cached_option_setting(block_key: str, label: str) -> BlockSetting:
    # Settings are immutable, so one object per option serves every configuration.
    block = load_calculator_data().block(block_key)
    option = next(option for option in block.options if option.label == label)
    return BlockSetting(
        block=block.key,
        kind="option",
        option_label=option.label,
        kg_co2e=option.kg_co2e,
        interval=option_interval(block, option),
        is_enabled=True,
        source=option.source,
    )


def _custom_setting(block: BlockSpec, interval: Interval, source: str) -> BlockSetting:
    return BlockSetting(
        block=block.key,
        kind="custom",
        option_label=None,
        kg_co2e=interval.typical_kg_co2e,
        interval=interval,
        is_enabled=True,
        source=source,
    )


def _start(preset: str | None, system: str | None) -> tuple[str, dict[str, BlockSetting]]:
    data = load_calculator_data()
    if system is not None:
        spec = find_system(system)
        settings: dict[str, BlockSetting] = {}
        for block in data.blocks:
            entry = spec.blocks[block.key]
            if entry.option is not None:
                settings[block.key] = _option_setting(block, find_option(block, entry.option))
            else:
                assert entry.custom_kg_co2e is not None  # the data model guarantees one of two
                ranges = block.ranges[entry.range] if entry.range else None
                interval = range_interval(entry.custom_kg_co2e, ranges)
                settings[block.key] = _custom_setting(block, interval, entry.source or spec.source)
        return spec.name, settings
    preset_spec = find_preset(preset if preset is not None else data.calculator.initial_preset)
    settings = {
        block.key: _option_setting(block, find_option(block, preset_spec.selections[block.key]))
        for block in data.blocks
    }
    return preset_spec.name, settings


def _mapping(value: object, parameter: str) -> Mapping[object, object] | InputProblem:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        message = f"expected a mapping of names to values, got {type(value).__name__}"
        return InputProblem(parameter, None, value, message, code=codes.FP_WRONG_SHAPE)
    return value


def configure(
    *,
    preset: str | None = None,
    system: str | None = None,
    options: Mapping[str, str] | None = None,
    custom: Mapping[str, float | Interval] | None = None,
    disabled: Iterable[str] = (),
    extras: Mapping[str, float | Interval] | None = None,
    training_devices: int | None = None,
    allow_credits: bool = False,
) -> Configuration:
    """Describe one device, checking every input; raise once with every problem found.

    Args:
        preset: A calculator preset (``"Vision"``, ``"Anomaly Detection"``, or their slugs).
        system: A published system (``"kws-best"``, ``"ic-worst"``, ...); not with ``preset``.
            With neither, the calculator's start-up preset (Vision) is used.
        options: Block name to option label or slug, e.g. ``{"processing": "MCU 5 mm²"}``.
        custom: Block name to a custom value in kg CO2e (or an :class:`Interval`); it replaces
            the option, like the calculator's "Custom" field.
        disabled: Blocks to leave out of the sum (the calculator's unticked boxes).
        extras: Named components outside the ten blocks, in kg CO2e (or intervals).
        training_devices: Amortise the training block over this many devices (the calculator
            counts it in full on every device).
        allow_credits: Accept negative custom values and extras as credits.

    Returns:
        The resolved configuration.

    Raises:
        FootprintInputError: Unknown names (with a suggestion), or values that are NaN,
            infinite, boolean, text, or negative without ``allow_credits``.
    """
    if preset is not None and system is not None:
        message = "give a preset or a system, not both"
        raise FootprintInputError(
            [InputProblem("system", None, system, message, code=codes.FP_WRONG_SHAPE)]
        )
    problems: list[InputProblem] = []
    label, settings = _start_collecting(preset, system, problems)
    _apply_options(options, settings, problems)
    _apply_custom(custom, settings, problems, allow_credits=allow_credits)
    disabled_keys = _disabled_keys(disabled, problems)
    extra_list = _extras(extras, problems, allow_credits=allow_credits)
    devices = _training_devices(training_devices, problems)
    if problems:
        raise FootprintInputError(problems)
    return Configuration(_resolve(settings, disabled_keys, devices), extra_list, label, devices)


# Each step below checks one parameter of ``configure``, adds what is wrong to ``problems``
# (in parameter order, so messages come out in the order the call was written) and carries on,
# so that one call reports every problem at once.


def _start_collecting(
    preset: str | None, system: str | None, problems: list[InputProblem]
) -> tuple[str, dict[str, BlockSetting]]:
    """The starting settings; the start-up preset when the name is unknown, so checks go on."""
    try:
        return _start(preset, system)
    except FootprintInputError as error:
        problems.extend(error.problems)
        return _start(None, None)


def _apply_options(
    options: Mapping[str, str] | None,
    settings: dict[str, BlockSetting],
    problems: list[InputProblem],
) -> None:
    option_map = _mapping(options, "options")
    if isinstance(option_map, InputProblem):
        problems.append(option_map)
        return
    for name, option_name in option_map.items():
        try:
            block = find_block(name, "options")
            settings[block.key] = _option_setting(block, find_option(block, option_name, "options"))
        except FootprintInputError as error:
            problems.extend(error.problems)


def _apply_custom(
    custom: Mapping[str, float | Interval] | None,
    settings: dict[str, BlockSetting],
    problems: list[InputProblem],
    *,
    allow_credits: bool,
) -> None:
    custom_map = _mapping(custom, "custom")
    if isinstance(custom_map, InputProblem):
        problems.append(custom_map)
        return
    for name, value in custom_map.items():
        try:
            block = find_block(name, "custom")
        except FootprintInputError as error:
            problems.extend(error.problems)
            continue
        interval = check_kg_or_interval(value, "custom", block.key, allow_credits=allow_credits)
        if isinstance(interval, list):
            problems.extend(interval)
        else:
            settings[block.key] = _custom_setting(block, interval, "custom value")


def _disabled_keys(disabled: Iterable[str], problems: list[InputProblem]) -> set[str]:
    if isinstance(disabled, str | bytes):
        message = "expected a list of block names, got a single string"
        problems.append(
            InputProblem("disabled", None, disabled, message, code=codes.FP_WRONG_SHAPE)
        )
        return set()
    keys: set[str] = set()
    for name in disabled:
        try:
            keys.add(find_block(name, "disabled").key)
        except FootprintInputError as error:
            problems.extend(error.problems)
    return keys


def _extras(
    extras: Mapping[str, float | Interval] | None,
    problems: list[InputProblem],
    *,
    allow_credits: bool,
) -> tuple[Extra, ...]:
    extras_map = _mapping(extras, "extras")
    if isinstance(extras_map, InputProblem):
        problems.append(extras_map)
        return ()
    extra_list: list[Extra] = []
    for name, value in extras_map.items():
        if not isinstance(name, str) or not name.strip():
            message = "component names must be non-empty strings"
            problems.append(
                InputProblem("extras", repr(name), name, message, code=codes.FP_WRONG_SHAPE)
            )
            continue
        interval = check_kg_or_interval(value, "extras", name, allow_credits=allow_credits)
        if isinstance(interval, list):
            problems.extend(interval)
        else:
            extra_list.append(Extra(name.strip(), interval.typical_kg_co2e, interval))
    return tuple(extra_list)


def _training_devices(training_devices: int | None, problems: list[InputProblem]) -> int | None:
    if training_devices is None:
        return None
    checked = check_count(training_devices, "training_devices")
    if isinstance(checked, InputProblem):
        problems.append(checked)
        return None
    return checked


def _resolve(
    settings: dict[str, BlockSetting], disabled_keys: set[str], devices: int | None
) -> tuple[BlockSetting, ...]:
    """Every block in the calculator's order, with training amortised over ``devices``."""
    resolved: list[BlockSetting] = []
    for block in load_calculator_data().blocks:
        setting = settings[block.key]
        interval = setting.interval
        if block.key == TRAINING_BLOCK and devices is not None:
            interval = interval.scaled(1 / devices)
        resolved.append(
            BlockSetting(
                block=setting.block,
                kind=setting.kind,
                option_label=setting.option_label,
                kg_co2e=interval.typical_kg_co2e,
                interval=interval,
                is_enabled=block.key not in disabled_keys,
                source=setting.source,
            )
        )
    return tuple(resolved)


def estimate(configuration: Configuration | None = None) -> FootprintReport:
    """Add up a configuration the way the calculator does: enabled blocks in order, then extras.

    Args:
        configuration: From :func:`configure`; ``None`` means the calculator's start-up state.
    """
    if configuration is None:
        configuration = configure()
    data = load_calculator_data()
    blocks: list[BlockResult] = []
    counted: list[Interval] = []
    total = 0.0
    for setting in configuration.settings:
        spec = data.block(setting.block)
        blocks.append(
            BlockResult(
                key=spec.key,
                heading=spec.heading,
                kind=setting.kind,
                option_label=setting.option_label,
                is_enabled=setting.is_enabled,
                kg_co2e=setting.kg_co2e,
                interval=setting.interval,
                source=setting.source,
            )
        )
        if setting.is_enabled:
            # A plain loop, not sum(): the browser adds in this order, and so must we.
            total += setting.kg_co2e
            counted.append(setting.interval)
    for extra in configuration.extras:
        total += extra.kg_co2e
        counted.append(extra.interval)
    return FootprintReport(
        label=configuration.label,
        blocks=tuple(blocks),
        extras=configuration.extras,
        total_kg_co2e_raw=total,
        total_kg_co2e=round_kg(total),
        interval=sum_intervals(counted),
        training_devices=configuration.training_devices,
    )


def estimate_preset(name: str) -> FootprintReport:
    """Return the report of a calculator preset (``"Vision"`` or ``"Anomaly Detection"``)."""
    return estimate(configure(preset=name))


def estimate_system(name: str) -> FootprintReport:
    """Return the report of a published system (``"kws-best"`` ... ``"ic-worst"``)."""
    return estimate(configure(system=name))
