"""Text alternatives for footprint charts: what a screen reader says instead of the bars."""

from __future__ import annotations

from courseware.footprint.compare import list_references
from courseware.footprint.model import FootprintReport
from courseware.footprint.rounding import format_kg


def footprint_alt_text(report: FootprintReport, *, with_references: bool = True) -> str:
    """Return a one-paragraph description of the stacked bar of ``report``.

    It names the total, every counted block and extra with its value, and the reference
    devices with how many times the device's footprint each one is.
    """
    name = report.label or "this TinyML device"
    parts = [f"{block.heading} {format_kg(block.kg_co2e)}" for block in report.enabled_blocks]
    parts += [f"{extra.name} {format_kg(extra.kg_co2e)}" for extra in report.extras]
    text = (
        f"Stacked bar chart, logarithmic scale, of the carbon footprint of {name}: "
        f"{format_kg(report.total_kg_co2e_raw)} kg CO2e in total, made of "
        + ", ".join(parts)
        + " kg CO2e."
    )
    if with_references and report.total_kg_co2e_raw > 0:
        refs = [
            f"{reference.name} {format_kg(reference.kg_co2e)} kg CO2e "
            f"({reference.kg_co2e / report.total_kg_co2e_raw:.1f} times as much)"
            for reference in list_references()
        ]
        text += " Beside it: " + "; ".join(refs) + "."
    return text
