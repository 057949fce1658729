"""The calculator's presets and the README's published systems, listed and tabulated.

Presets and systems differ on purpose (the presets use mains power, the smallest casing and,
for Vision, MobileNetV1 training): these helpers let a lab show both side by side, and
:func:`readme_rows` gives a system per component in the README table's own rows and order,
including the rows the calculator has no block for (all zero).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from courseware.footprint.catalog import find_system
from courseware.footprint.data import load_calculator_data
from courseware.footprint.estimate import estimate, estimate_preset, estimate_system
from courseware.footprint.model import FootprintReport

README_ROW_ORDER: tuple[str, ...] = (
    "ML Training",
    "Actuators",
    "Casing",
    "Connectivity",
    "Memory",
    "Others",
    "PCB",
    "Power Supply (3 years)",
    "Processing",
    "Security",
    "Sensing",
    "Transport",
    "User Interface",
    "Use-Stage",
    "End-Of-Life",
)
"""Rows of the README table "Footprint of TinyML Systems", top to bottom."""


@dataclass(frozen=True)
class NamedConfiguration:
    """A preset or a published system with its report."""

    kind: Literal["preset", "system"]
    key: str
    name: str
    report: FootprintReport
    published_total_kg_co2e: float | None
    in_paper: bool
    source: str


def list_presets() -> tuple[NamedConfiguration, ...]:
    """Return the calculator's presets ("Vision", "Anomaly Detection") with their reports."""
    return tuple(
        NamedConfiguration(
            "preset",
            preset.key,
            preset.name,
            estimate_preset(preset.key),
            None,
            False,
            preset.source,
        )
        for preset in load_calculator_data().presets
    )


def list_systems() -> tuple[NamedConfiguration, ...]:
    """Return the README's five systems with their reports and published totals."""
    return tuple(
        NamedConfiguration(
            "system",
            system.key,
            system.name,
            estimate_system(system.key),
            system.published_total_kg_co2e,
            system.in_paper,
            system.source,
        )
        for system in load_calculator_data().systems
    )


def list_named_configurations() -> tuple[NamedConfiguration, ...]:
    """Return the presets, then the published systems."""
    return list_presets() + list_systems()


def readme_rows(system: str | FootprintReport) -> tuple[tuple[str, float], ...]:
    """Return a system per component, in the README table's rows and order.

    Args:
        system: A published system's name, or any report (its blocks fill the matching rows).

    Returns:
        ``(row, kg CO2e)`` pairs; rows the calculator has no block for are 0.0, as in the README.
    """
    report = estimate_system(find_system(system).key) if isinstance(system, str) else system
    data = load_calculator_data()
    by_row = {block.readme_row: report.block(block.key) for block in data.blocks}
    rows: list[tuple[str, float]] = []
    for row in README_ROW_ORDER:
        block = by_row.get(row)
        rows.append((row, block.kg_co2e if block is not None and block.is_enabled else 0.0))
    return tuple(rows)


def calculator_start() -> FootprintReport:
    """Return the calculator's state when the page opens (the Vision preset)."""
    return estimate()
