"""Types, units and ranges (checks 5 to 8): units unambiguous and of the right
kind, min ≤ typ ≤ max, values inside their scale, format names that match their pixels,
derived counts recomputed."""

from __future__ import annotations

from collections.abc import Iterator

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.messages import EMPTY, N_, Num, Percent
from courseware.datasheet.schema.additional import DemographicAttribute
from courseware.datasheet.schema.ai import Network
from courseware.datasheet.schema.base import Quantity
from courseware.datasheet.schema.description import Statement
from courseware.datasheet.schema.standard import Resolution
from courseware.datasheet.units import dimension_of, unit_problem
from courseware.datasheet.walk import models_of, walk

MONK_SKIN_TONE_RANGE = (1, 10)
"""The Monk Skin Tone scale has ten tones, MST 1 to MST 10 (Monk 2019; Google's release)."""

I2C_7BIT_RANGE = (0x08, 0x77)
"""7-bit I2C addresses outside 0x08-0x77 are reserved by the I2C specification (NXP UM10204,
section 3.1.12)."""

NAMED_FORMATS: dict[str, tuple[int, int]] = {
    "QQVGA": (160, 120),
    "QVGA": (320, 240),
    "VGA": (640, 480),
    "SVGA": (800, 600),
    "HD": (1280, 720),
}
"""Width × height of the common video format names."""

EXPECTED_DIMENSIONS: dict[str, str] = {
    "operating_voltage": "voltage",
    "operating_current": "current",
    "operating_power": "power",
    "operating_temperature": "temperature",
    "inference_time": "time",
    "latency": "time",
    "peak_ram": "data",
    "flash": "data",
    "max_data_rate": "data_rate",
    "max_cable_length": "length",
    "rate": "frequency",
    "frame_rate": "frequency",
    "field_of_view": "angle",
    "battery_life": "time",
}
"""What each named quantity measures, by field name."""

DIMENSION_NAMES = {
    "time": N_("time"),
    "power": N_("power"),
    "current": N_("current"),
    "voltage": N_("voltage"),
    "data": N_("data"),
    "data_rate": N_("data rate"),
    "illuminance": N_("illuminance"),
    "length": N_("length"),
    "temperature": N_("temperature"),
    "frequency": N_("frequency"),
    "angle": N_("angle"),
    "mass_co2e": N_("mass co2e"),
    "ratio": N_("ratio"),
    "count": N_("count"),
}
"""The name of each dimension of ``courseware.datasheet.units.UNITS`` in a message."""

_EXPECTED_NAMES = {"data_rate": N_("data_rate")}
"""The expected dimension is named as written in ``EXPECTED_DIMENSIONS`` (the command line
has always printed "is a data_rate"); a translation names it in words."""


def _plain(value: float | None) -> Num | str:
    """A number as ``str()`` prints it (``None`` stays ``None``), as the range message did."""
    return "None" if value is None else Num(value, "")


@check("units", "error", "Every number has an unambiguous, known unit", 5)
def units(context: CheckContext) -> Iterator[Hit]:
    """ "131 Kb" could be kilobits or kilobytes; such a value cannot be compared or trusted."""
    for location, quantity in models_of(context.sheet, Quantity):
        if not quantity.is_disclosed:
            continue
        if quantity.unit is None:
            yield Hit((*location,), N_("the value has no unit; add unit: (e.g. mA, kB, lux)"))
            continue
        problem = unit_problem(quantity.unit)
        if problem:
            yield Hit((*location, "unit"), problem)
    for location, statement in models_of(context.sheet, Statement):
        if statement.unit is not None and (problem := unit_problem(statement.unit)):
            yield Hit((*location, "unit"), problem)


@check("unit-kind", "error", "Each named quantity has a unit of the right kind", 5)
def unit_kind(context: CheckContext) -> Iterator[Hit]:
    """An operating current in mW, or a RAM size in kbit/s, is a typing slip worth catching."""
    for location, quantity in models_of(context.sheet, Quantity):
        name = next((p for p in reversed(location) if isinstance(p, str)), "")
        expected = EXPECTED_DIMENSIONS.get(name)
        found = dimension_of(quantity.unit)
        if expected and found and found != expected:
            yield Hit(
                (*location, "unit"),
                N_(
                    "{field} is a {expected}, but {unit} measures {found}",
                    field=name,
                    expected=_EXPECTED_NAMES.get(expected) or DIMENSION_NAMES[expected],
                    unit=repr(quantity.unit),
                    found=DIMENSION_NAMES[found],
                ),
            )


@check("range-order", "error", "min ≤ typ ≤ max", 5)
def range_order(context: CheckContext) -> Iterator[Hit]:
    """A minimum above the maximum is always a typing error."""
    for location, quantity in models_of(context.sheet, Quantity):
        values = [v for v in (quantity.min, quantity.typ, quantity.max) if v is not None]
        if values != sorted(values):
            yield Hit(
                location,
                N_(
                    "min {min}, typ {typ}, max {max} are not in order",
                    min=_plain(quantity.min),
                    typ=_plain(quantity.typ),
                    max=_plain(quantity.max),
                ),
            )


@check("monk-skin-tone-range", "error", "Monk Skin Tone values lie in 1-10", 6)
def monk_skin_tone_range(context: CheckContext) -> Iterator[Hit]:
    """Both examples bucket skin tone as "MST 0-4", a tone the scale does not have."""
    low, high = MONK_SKIN_TONE_RANGE
    for location, attribute in models_of(context.sheet, DemographicAttribute):
        if attribute.scale != "monk_skin_tone":
            continue
        for index, bucket in enumerate(attribute.buckets):
            for name in ("scale_min", "scale_max", "figure_scale_min", "figure_scale_max"):
                value = getattr(bucket, name)
                if value is not None and not low <= value <= high:
                    yield Hit(
                        (*location, "buckets", index, name),
                        N_(
                            "MST {value} is outside the Monk Skin Tone scale ({low}-{high})",
                            value=Num(value),
                            low=Num(low, "d"),
                            high=Num(high, "d"),
                        ),
                    )


def i2c_address_value(raw: object) -> int | None:
    """Read an I2C address written as 0x22 (YAML reads it as 34) or "0x22"."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        try:
            return int(raw, 0)
        except ValueError:
            return None
    return None


@check("i2c-address-range", "error", "A 7-bit I2C address lies in 0x08-0x77", 6)
def i2c_address_range(context: CheckContext) -> Iterator[Hit]:
    """Addresses outside 0x08-0x77 are reserved; an 8-bit (shifted) address is a common slip."""
    raw = context.at("standard_sensor", "communication", "i2c_address")
    if raw is None or raw in ("Not disclosed", "Unknown", "Unsure"):
        return
    location = ("standard_sensor", "communication", "i2c_address")
    value = i2c_address_value(raw)
    if value is None:
        yield Hit(
            location, N_("{raw} is not an address; write it in hex, e.g. 0x22", raw=repr(raw))
        )
        return
    low, high = I2C_7BIT_RANGE
    if not low <= value <= high:
        hint = (
            N_(
                "; {address} looks like the 8-bit form of {seven_bit}",
                address=f"{value:#04x}",
                seven_bit=f"{value >> 1:#04x}",
            )
            if value > 0x7F
            else EMPTY
        )
        yield Hit(
            location,
            N_(
                "{address} is outside the 7-bit range 0x08-0x77{hint}",
                address=f"{value:#04x}",
                hint=hint,
            ),
        )


@check("percent-range", "error", "Percentages lie in 0-100", 6)
def percent_range(context: CheckContext) -> Iterator[Hit]:
    """A share or rate above 100 % (or below 0) is a typing error."""
    for location, value in walk(context.sheet):
        name = location[-1] if location else ""
        is_percent = isinstance(name, str) and name.endswith("_percent")
        if is_percent and isinstance(value, float | int) and not 0 <= value <= 100:
            yield Hit(location, N_("{value} is outside 0-100", value=Percent(value)))


@check("named-formats", "warning", "Format names match their pixel counts (QVGA = 320×240)", 7)
def named_formats(context: CheckContext) -> Iterator[Hit]:
    """The open-source example calls its 320 × 320 array "QVGA" (320 × 240)."""
    for location, resolution in models_of(context.sheet, Resolution):
        name = (resolution.format_name or "").upper()
        expected = NAMED_FORMATS.get(name)
        actual = (resolution.width_px, resolution.height_px)
        if expected and actual != expected:
            yield Hit(
                (*location, "format_name"),
                N_(
                    "{format} is {width} × {height}, not {actual_width} × {actual_height}",
                    format=name,
                    width=Num(expected[0], "d"),
                    height=Num(expected[1], "d"),
                    actual_width=Num(actual[0], "d"),
                    actual_height=Num(actual[1], "d"),
                ),
            )


@check("input-features", "error", "Input features = height × width × channels", 8)
def input_features(context: CheckContext) -> Iterator[Hit]:
    """Revision 1 of the open-source example gave 27,648 features for 96 × 96 × 1 (= 9,216)."""
    for location, network in models_of(context.sheet, Network):
        shape = network.input
        if shape is None or shape.features is None:
            continue
        expected = shape.height_px * shape.width_px * shape.channels
        if shape.features != expected:
            yield Hit(
                (*location, "input", "features"),
                N_(
                    "{stated} features stated, but {height} × {width} × {channels} = {expected}",
                    stated=Num(shape.features, ","),
                    height=Num(shape.height_px, "d"),
                    width=Num(shape.width_px, "d"),
                    channels=Num(shape.channels, "d"),
                    expected=Num(expected, ","),
                ),
            )
