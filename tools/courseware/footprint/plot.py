"""Matplotlib figure of a footprint: stacked bar per block on a log axis beside reference devices.

Imported on its own (``from courseware.footprint.plot import plot_footprint``) so that the core
library never needs matplotlib. Every figure comes with its text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from courseware.footprint.compare import list_references
from courseware.footprint.describe import footprint_alt_text
from courseware.footprint.model import FootprintReport

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

AXIS_FLOOR_KG_CO2E = 0.01
"""Bottom of the log axis; the calculator's smallest value (use stage) sits on it."""


@dataclass(frozen=True)
class FootprintFigure:
    """A matplotlib figure and the text that describes it (for ``alt`` attributes)."""

    figure: Figure
    alt_text: str


def plot_footprint(
    report: FootprintReport,
    *,
    with_references: bool = True,
    ax: Axes | None = None,
    title: str = "Embodied and operational CO2 footprint",
) -> FootprintFigure:
    """Draw ``report`` as a stacked bar per block on a log axis, beside the reference devices.

    Args:
        report: What to draw (blocks switched off and negative values are left out).
        with_references: Draw the Apple Watch S7 and MacBook Pro bars as well.
        ax: Axes to draw on; a new figure is made when omitted.
        title: Axes title.
    """
    import matplotlib.pyplot as plt

    if ax is None:
        figure, ax = plt.subplots(figsize=(5, 6))
    else:
        figure = ax.get_figure()  # type: ignore[assignment]
    label = report.label or "TinyML device"
    bottom = 0.0
    segments: list[tuple[str, float]] = [
        (block.heading, block.kg_co2e) for block in report.enabled_blocks
    ] + [(extra.name, extra.kg_co2e) for extra in report.extras]
    colours: Any = plt.get_cmap("tab20")
    for index, (name, kg) in enumerate(segments):
        if kg <= 0:
            continue
        ax.bar(label, kg, bottom=bottom, label=name, color=colours(index % 20))
        bottom += kg
    if with_references:
        for reference in list_references():
            ax.bar(reference.name, reference.kg_co2e, color="0.6")
    ax.set_yscale("log")
    ax.set_ylim(bottom=AXIS_FLOOR_KG_CO2E)
    ax.set_ylabel("kg CO2e (log scale)")
    ax.set_title(title)
    ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    figure.tight_layout()
    return FootprintFigure(figure, footprint_alt_text(report, with_references=with_references))
