"""Find blocks, options, presets, systems and references by the names people type.

Names match by their slug, so ``"MCU 5 mm²"``, ``"mcu 5 mm2"`` and ``"mcu-5-mm2"`` are one
option, and ``"Anomaly Detection"`` and ``"anomaly-detection"`` one preset. A name that matches
nothing raises :class:`FootprintInputError` with the closest known name as a suggestion.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import NoReturn

from courseware import problem_codes as codes
from courseware.footprint.data import (
    BlockSpec,
    OptionSpec,
    PresetSpec,
    ReferenceDevice,
    SystemSpec,
    load_calculator_data,
)
from courseware.footprint.errors import FootprintInputError, InputProblem

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def slugify(text: str) -> str:
    """Return the lower-case, dash-separated form of a name (``²`` becomes ``2``)."""
    text = text.replace("²", "2").replace("³", "3").casefold()
    return _NOT_ALNUM.sub("-", text).strip("-")


def did_you_mean(name: str, candidates: Iterable[str]) -> str:
    """Return ``"; did you mean 'X'?"`` for the closest candidate, or an empty string."""
    candidates = list(candidates)
    by_slug = {slugify(candidate): candidate for candidate in candidates}
    matches = difflib.get_close_matches(slugify(name), list(by_slug), n=1, cutoff=0.5)
    if not matches:
        return ""
    return f"; did you mean {by_slug[matches[0]]!r}?"


def _unknown(
    parameter: str, key: str | None, name: object, what: str, known: list[str]
) -> NoReturn:
    hint = did_you_mean(name, known) if isinstance(name, str) else ""
    if not hint:
        hint = "; known: " + ", ".join(repr(k) for k in known)
    raise FootprintInputError(
        [
            InputProblem(
                parameter, key, name, f"unknown {what} {name!r}{hint}", code=codes.FP_UNKNOWN_NAME
            )
        ]
    )


def _require_text(parameter: str, key: str | None, name: object, what: str) -> str:
    if not isinstance(name, str):
        message = f"{what} names must be strings, not {type(name).__name__} {name!r}"
        raise FootprintInputError(
            [InputProblem(parameter, key, name, message, code=codes.FP_WRONG_SHAPE)]
        )
    return name


def block_names(block: BlockSpec) -> set[str]:
    """Return the slugs a block answers to: its key, heading and the calculator's state key."""
    return {slugify(block.key), slugify(block.heading), slugify(block.calculator_key)}


@cache
def _block_index() -> dict[str, BlockSpec]:
    return {slug: block for block in load_calculator_data().blocks for slug in block_names(block)}


@cache
def _option_index(block_key: str) -> dict[str, OptionSpec]:
    block = load_calculator_data().block(block_key)
    return {option_slug(option): option for option in block.options}


def find_block(name: object, parameter: str = "block") -> BlockSpec:
    """Return the block called ``name`` (key, heading or calculator key, any case)."""
    text = _require_text(parameter, None, name, "block")
    block = _block_index().get(slugify(text))
    if block is not None:
        return block
    _unknown(parameter, text, text, "block", [b.key for b in load_calculator_data().blocks])


def option_slug(option: OptionSpec) -> str:
    """Return the slug of an option's label, e.g. ``li-ion-battery-large``."""
    return slugify(option.label)


def find_option(block: BlockSpec, name: object, parameter: str = "options") -> OptionSpec:
    """Return the option of ``block`` whose label or slug is ``name``."""
    text = _require_text(parameter, block.key, name, "option")
    option = _option_index(block.key).get(slugify(text))
    if option is not None:
        return option
    if slugify(text) == "custom":
        message = f"'Custom' is not an option here; give a custom value for {block.key} instead"
        raise FootprintInputError(
            [InputProblem(parameter, block.key, text, message, code=codes.FP_UNKNOWN_NAME)]
        )
    known = [option.label for option in block.options]
    _unknown(parameter, block.key, text, f"option for block {block.key}:", known)


def preset_names(preset: PresetSpec) -> set[str]:
    """Return the slugs a preset answers to."""
    return {slugify(preset.key), slugify(preset.name)}


def system_names(system: SystemSpec) -> set[str]:
    """Return the slugs a published system answers to."""
    return {slugify(system.key), slugify(system.name), slugify(system.readme_column)}


def find_preset(name: object) -> PresetSpec:
    """Return the calculator preset called ``name`` (``"Vision"``, ``"anomaly-detection"``)."""
    text = _require_text("preset", None, name, "preset")
    presets = load_calculator_data().presets
    for preset in presets:
        if slugify(text) in preset_names(preset):
            return preset
    _unknown("preset", None, text, "preset", [p.name for p in presets])


def find_system(name: object) -> SystemSpec:
    """Return the published system called ``name`` (``"ic-worst"``, ``"KWS typical"``)."""
    text = _require_text("system", None, name, "system")
    systems = load_calculator_data().systems
    for system in systems:
        if slugify(text) in system_names(system):
            return system
    _unknown("system", None, text, "system", [s.key for s in systems])


def find_reference(name: object) -> ReferenceDevice:
    """Return the reference device called ``name`` (key, name or the calculator's label)."""
    text = _require_text("reference", None, name, "reference")
    references = load_calculator_data().references
    for reference in references:
        slugs = {slugify(reference.key), slugify(reference.name)}
        if slugify(text) in slugs | {slugify(reference.calculator_label)}:
            return reference
    _unknown("reference", None, text, "reference device", [r.key for r in references])
