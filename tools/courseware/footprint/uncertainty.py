"""Monte Carlo over the best-typical-worst interval of every block, vectorized with numpy.

Each enabled block (and extra) is drawn from a triangular distribution with its best case as
minimum, its typical value as mode and its worst case as maximum. The triangle is a modelling
choice of this library, not something the sources state: the README publishes three cases per
component and no distribution. Blocks of zero width stay at their value.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from courseware.footprint.errors import FootprintInputError, InputProblem
from courseware.footprint.model import FootprintReport, Interval
from courseware.footprint.validate import check_count

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class MonteCarloResult:
    """Summary of sampled totals in kg CO2e (and the samples themselves)."""

    samples: int
    seed: int | None
    mean_kg_co2e: float
    p05_kg_co2e: float
    p50_kg_co2e: float
    p95_kg_co2e: float
    totals_kg_co2e: FloatArray = field(repr=False, compare=False)


def triangular_from_uniform(
    uniform: FloatArray, low: FloatArray, mode: FloatArray, high: FloatArray
) -> FloatArray:
    """Map uniform draws in [0, 1) to triangular(low, mode, high) by the inverse CDF.

    ``low``, ``mode`` and ``high`` broadcast against ``uniform``; where ``low == high`` the
    result is ``low`` (numpy's own ``triangular`` refuses zero width).
    """
    width = high - low
    safe_width = np.where(width > 0, width, 1.0)
    split = (mode - low) / safe_width
    left = low + np.sqrt(uniform * width * (mode - low))
    right = high - np.sqrt((1.0 - uniform) * width * (high - mode))
    return np.where(width > 0, np.where(uniform < split, left, right), low)


def counted_intervals(report: FootprintReport) -> list[Interval]:
    """Return the intervals that make up the total: enabled blocks, then extras."""
    return [block.interval for block in report.enabled_blocks] + [
        extra.interval for extra in report.extras
    ]


def monte_carlo(
    report: FootprintReport, samples: int = 100_000, seed: int | None = None
) -> MonteCarloResult:
    """Sample the total footprint of a report's configuration.

    Args:
        report: From :func:`courseware.footprint.estimate.estimate`.
        samples: Number of draws.
        seed: Seed of numpy's default generator, for reproducible results.
    """
    count = check_count(samples, "samples")
    if isinstance(count, InputProblem):
        raise FootprintInputError([count])
    intervals = counted_intervals(report)
    low = np.array([i.low_kg_co2e for i in intervals], dtype=np.float64)
    mode = np.array([i.typical_kg_co2e for i in intervals], dtype=np.float64)
    high = np.array([i.high_kg_co2e for i in intervals], dtype=np.float64)
    generator = np.random.default_rng(seed)
    uniform = generator.random((count, len(intervals)))
    totals = triangular_from_uniform(uniform, low, mode, high).sum(axis=1)
    p05, p50, p95 = np.percentile(totals, [5.0, 50.0, 95.0])
    return MonteCarloResult(
        samples=count,
        seed=seed,
        mean_kg_co2e=float(totals.mean()),
        p05_kg_co2e=float(p05),
        p50_kg_co2e=float(p50),
        p95_kg_co2e=float(p95),
        totals_kg_co2e=totals,
    )
