"""The value objects of the footprint library: intervals, configurations and reports.

A :class:`Configuration` is a checked, fully resolved description of one device (made by
:func:`courseware.footprint.estimate.configure`); a :class:`FootprintReport` is what
:func:`courseware.footprint.estimate.estimate` returns for it. Both are immutable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from courseware.footprint.rounding import round_kg


@dataclass(frozen=True)
class Interval:
    """A low, typical and high value in kg CO2e (best, typical and worst case)."""

    low_kg_co2e: float
    typical_kg_co2e: float
    high_kg_co2e: float

    @classmethod
    def point(cls, kg_co2e: float) -> Interval:
        """Return an interval of width zero, for a value without a published range."""
        return cls(kg_co2e, kg_co2e, kg_co2e)

    def scaled(self, factor: float) -> Interval:
        """Return every bound multiplied by a non-negative ``factor``."""
        return Interval(
            self.low_kg_co2e * factor, self.typical_kg_co2e * factor, self.high_kg_co2e * factor
        )

    def rounded(self) -> Interval:
        """Return the bounds rounded to 2 decimals as the calculator page shows them."""
        return Interval(
            round_kg(self.low_kg_co2e), round_kg(self.typical_kg_co2e), round_kg(self.high_kg_co2e)
        )

    def to_dict(self) -> dict[str, float]:
        """Return ``{"low": ..., "typical": ..., "high": ...}`` in kg CO2e."""
        return {
            "low": self.low_kg_co2e,
            "typical": self.typical_kg_co2e,
            "high": self.high_kg_co2e,
        }


def sum_intervals(intervals: list[Interval]) -> Interval:
    """Add intervals bound by bound, left to right (the order the browser uses too)."""
    low = typical = high = 0.0
    for interval in intervals:
        low += interval.low_kg_co2e
        typical += interval.typical_kg_co2e
        high += interval.high_kg_co2e
    return Interval(low, typical, high)


SettingKind = Literal["option", "custom"]


@dataclass(frozen=True)
class BlockSetting:
    """How a configuration sets one block: its option or custom value, resolved to numbers.

    ``kg_co2e`` and ``interval`` are per device and already include any amortisation of
    training over a fleet.
    """

    block: str
    kind: SettingKind
    option_label: str | None
    kg_co2e: float
    interval: Interval
    is_enabled: bool
    source: str


@dataclass(frozen=True)
class Extra:
    """A named component outside the ten blocks (the calculator's "custom components")."""

    name: str
    kg_co2e: float
    interval: Interval


@dataclass(frozen=True)
class Configuration:
    """A checked description of one device: one setting per block, in display order, and extras.

    Make one with :func:`courseware.footprint.estimate.configure`; it has already rejected
    every bad input, so estimating it cannot fail.
    """

    settings: tuple[BlockSetting, ...]
    extras: tuple[Extra, ...] = ()
    label: str | None = None
    training_devices: int | None = None

    def setting(self, block: str) -> BlockSetting:
        """Return the setting of the block with key ``block``."""
        for setting in self.settings:
            if setting.block == block:
                return setting
        raise KeyError(block)


@dataclass(frozen=True)
class BlockResult:
    """One block of a report."""

    key: str
    heading: str
    kind: SettingKind
    option_label: str | None
    is_enabled: bool
    kg_co2e: float
    interval: Interval
    source: str

    @property
    def kg_co2e_rounded(self) -> float:
        """The block's value rounded to 2 decimals."""
        return round_kg(self.kg_co2e)


@dataclass(frozen=True)
class FootprintReport:
    """The footprint of one device: every block, the extras, the total and its interval.

    Attributes:
        total_kg_co2e_raw: Sum of enabled blocks then extras, in that order, as floats.
        total_kg_co2e: The same, rounded to 2 decimals (half away from zero).
        interval: Sum of the enabled blocks' and extras' best, typical and worst cases.
    """

    label: str | None
    blocks: tuple[BlockResult, ...]
    extras: tuple[Extra, ...]
    total_kg_co2e_raw: float
    total_kg_co2e: float
    interval: Interval
    training_devices: int | None = None

    def block(self, key: str) -> BlockResult:
        """Return the result of the block with key ``key``."""
        for block in self.blocks:
            if block.key == key:
                return block
        raise KeyError(key)

    @property
    def enabled_blocks(self) -> tuple[BlockResult, ...]:
        """The blocks that count towards the total."""
        return tuple(block for block in self.blocks if block.is_enabled)

    def to_dict(self) -> dict[str, Any]:
        """Return the report as plain JSON data (the CLI's ``--json`` output)."""
        return {
            "label": self.label,
            "blocks": {block.key: block.kg_co2e for block in self.enabled_blocks},
            "options": {
                block.key: block.option_label for block in self.enabled_blocks if block.option_label
            },
            "disabled": [block.key for block in self.blocks if not block.is_enabled],
            "extras": {extra.name: extra.kg_co2e for extra in self.extras},
            "total_kg_co2e": self.total_kg_co2e,
            "total_kg_co2e_raw": self.total_kg_co2e_raw,
            "interval_kg_co2e": self.interval.to_dict(),
            "training_devices": self.training_devices,
            "unit": "kg CO2e per device",
        }
