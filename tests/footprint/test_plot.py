"""The matplotlib helper: a log-scale stacked bar beside the reference devices, with alt text."""

from __future__ import annotations

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from courseware.footprint.estimate import configure, estimate, estimate_system  # noqa: E402
from courseware.footprint.plot import plot_footprint  # noqa: E402


def test_plot_has_a_bar_per_block_and_reference_on_a_log_axis() -> None:
    report = estimate_system("ic-worst")
    result = plot_footprint(report)
    (ax,) = result.figure.axes[:1]
    assert ax.get_yscale() == "log"
    bars = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
    assert len(bars) == len(ax.patches)
    heights = [bar.get_height() for bar in bars]
    assert len(heights) == 10 + 2
    assert sum(heights[:10]) == pytest.approx(report.total_kg_co2e_raw)
    assert heights[10:] == [34.0, 349.0]
    assert "7.06 kg CO2e in total" in result.alt_text
    assert "Apple Watch Series 7" in result.alt_text
    plt.close(result.figure)


def test_disabled_blocks_and_extras() -> None:
    report = estimate(configure(disabled=["sensing"], extras={"radio": 0.2}))
    result = plot_footprint(report, with_references=False)
    legend = result.figure.axes[0].get_legend()
    assert legend is not None
    labels = [text.get_text() for text in legend.get_texts()]
    assert "Sensing" not in labels
    assert labels[-1] == "radio"
    plt.close(result.figure)
