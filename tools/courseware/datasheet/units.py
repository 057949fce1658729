"""The small unit table the checks normalise with, and the units refused as ambiguous.

Datasheets mix kB and "Kb" on the same page (the open-source example gives RAM as "131 Kb",
the commercial one "442.6 kB"); a value whose unit could mean two things cannot be compared,
so it is refused with the two readings spelt out (check 5).
"""

from __future__ import annotations

from courseware.datasheet.messages import N_, Message
from courseware.validation import did_you_mean

_SECONDS_PER_YEAR = 365.25 * 24 * 3600  # Julian year, the usual unit of lifetime arithmetic

UNITS: dict[str, tuple[str, float]] = {
    "s": ("time", 1.0),
    "ms": ("time", 1e-3),
    "µs": ("time", 1e-6),
    "us": ("time", 1e-6),
    "min": ("time", 60.0),
    "h": ("time", 3600.0),
    "years": ("time", _SECONDS_PER_YEAR),
    "W": ("power", 1.0),
    "mW": ("power", 1e-3),
    "µW": ("power", 1e-6),
    "uW": ("power", 1e-6),
    "A": ("current", 1.0),
    "mA": ("current", 1e-3),
    "µA": ("current", 1e-6),
    "uA": ("current", 1e-6),
    "V": ("voltage", 1.0),
    "mV": ("voltage", 1e-3),
    "bit": ("data", 1.0),
    "kbit": ("data", 1e3),
    "Mbit": ("data", 1e6),
    "B": ("data", 8.0),
    "kB": ("data", 8e3),
    "MB": ("data", 8e6),
    "KiB": ("data", 8 * 1024.0),
    "MiB": ("data", 8 * 1024.0**2),
    "bit/s": ("data_rate", 1.0),
    "kbit/s": ("data_rate", 1e3),
    "kb/s": ("data_rate", 1e3),
    "Mbit/s": ("data_rate", 1e6),
    "lux": ("illuminance", 1.0),
    "lx": ("illuminance", 1.0),
    "klux": ("illuminance", 1e3),
    "mm": ("length", 1e-3),
    "cm": ("length", 1e-2),
    "m": ("length", 1.0),
    "in": ("length", 0.0254),
    "°C": ("temperature", 1.0),
    "Hz": ("frequency", 1.0),
    "/h": ("frequency", 1 / 3600),
    "kHz": ("frequency", 1e3),
    "MHz": ("frequency", 1e6),
    "FPS": ("frequency", 1.0),
    "°": ("angle", 1.0),
    "kg CO2e": ("mass_co2e", 1.0),
    "g CO2e": ("mass_co2e", 1e-3),
    "%": ("ratio", 1.0),
    "px": ("count", 1.0),
    "features": ("count", 1.0),
}
"""Unit to (dimension, factor to the dimension's base unit). "kb/s" is kept because bus
rates are conventionally written so (SparkFun Qwiic, both examples) and read as kilobits."""

AMBIGUOUS_UNITS: dict[str, Message] = {
    "Kb": N_("kilobits (write kbit) or kilobytes (write kB)"),
    "kb": N_("kilobits (write kbit) or kilobytes (write kB)"),
    "KB": N_("1000 bytes (write kB) or 1024 bytes (write KiB)"),
    "Mb": N_("megabits (write Mbit) or megabytes (write MB)"),
    "mb": N_("megabits (write Mbit) or megabytes (write MB)"),
    "Kbps": N_("write kbit/s"),
    "C": N_("degrees Celsius (write °C) or coulombs"),
    "deg": N_("an angle (write °) or a temperature (write °C)"),
}


def unit_problem(unit: str) -> Message | None:
    """Return why ``unit`` cannot be used, or None when it is in the table."""
    if unit in UNITS:
        return None
    if unit in AMBIGUOUS_UNITS:
        return N_(
            "unit {unit} is ambiguous: it could mean {meanings}",
            unit=repr(unit),
            meanings=AMBIGUOUS_UNITS[unit],
        )
    hint = did_you_mean(unit, UNITS)
    prefix = "; did you mean "
    if hint.startswith(prefix) and hint.endswith("?"):
        suggestion = hint[len(prefix) : -1]
        return N_(
            "unknown unit {unit}; did you mean {suggestion}?",
            unit=repr(unit),
            suggestion=suggestion,
        )
    if hint:
        return N_("unknown unit {unit}{hint}", unit=repr(unit), hint=hint)
    return N_("unknown unit {unit}; use one of {units}", unit=repr(unit), units=", ".join(UNITS))


def dimension_of(unit: str | None) -> str | None:
    """The physical dimension of a known unit, or None."""
    if unit is None or unit not in UNITS:
        return None
    return UNITS[unit][0]


def convert(value: float, unit: str, target: str) -> float | None:
    """Convert between two units of the same dimension; None when they differ or are unknown."""
    if dimension_of(unit) is None or dimension_of(unit) != dimension_of(target):
        return None
    return value * UNITS[unit][1] / UNITS[target][1]
