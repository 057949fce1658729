"""Best-typical-worst intervals per block and for the total, and the seeded Monte Carlo."""

from __future__ import annotations

import numpy as np
import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import configure, estimate, estimate_system
from courseware.footprint.model import Interval
from courseware.footprint.uncertainty import monte_carlo, triangular_from_uniform


def test_block_interval_is_the_published_hsl_range() -> None:
    report = estimate_system("ic-typical")
    assert report.block("processing").interval == Interval(0.08, 0.17, 0.29)
    assert report.block("power_supply").interval == Interval(0.25, 1.36, 2.71)
    # No best case is published for the CMOS imager: the low bound is the value itself.
    assert report.block("sensing").interval == Interval(0.77, 0.77, 1.47)
    # DenseNet training has no published range.
    assert report.block("ml_training").interval == Interval.point(0.1)


def test_total_interval_brackets_the_total() -> None:
    report = estimate_system("kws-typical")
    rounded = report.interval.rounded()
    assert rounded == Interval(0.89, 2.66, 5.61)
    assert report.interval.typical_kg_co2e == report.total_kg_co2e_raw


def test_ic_worst_is_its_own_upper_bound() -> None:
    interval = estimate_system("ic-worst").interval.rounded()
    assert interval.high_kg_co2e == 7.06
    assert interval.low_kg_co2e < 7.06


def test_disabled_blocks_leave_the_interval() -> None:
    report = estimate(configure(system="ic-worst", disabled=["power_supply"]))
    assert report.interval.high_kg_co2e == pytest.approx(7.06 - 2.71)


def test_monte_carlo_is_seedable_and_within_bounds() -> None:
    report = estimate_system("ic-typical")
    first = monte_carlo(report, samples=20_000, seed=7)
    second = monte_carlo(report, samples=20_000, seed=7)
    assert first == second
    assert np.array_equal(first.totals_kg_co2e, second.totals_kg_co2e)
    totals = first.totals_kg_co2e
    assert totals.shape == (20_000,)
    assert totals.min() >= report.interval.low_kg_co2e - 1e-12
    assert totals.max() <= report.interval.high_kg_co2e + 1e-12
    assert first.p05_kg_co2e < first.p50_kg_co2e < first.p95_kg_co2e


def test_monte_carlo_of_a_point_configuration_is_constant() -> None:
    report = estimate(configure(preset="vision", custom={"casing": 0.04}, disabled=["sensing"]))
    point = estimate(
        configure(custom={b.key: b.kg_co2e for b in report.blocks}, disabled=["sensing"])
    )
    result = monte_carlo(point, samples=100, seed=1)
    assert np.allclose(result.totals_kg_co2e, point.total_kg_co2e_raw)


def test_triangular_mean_matches_theory() -> None:
    uniform = np.random.default_rng(3).random(200_000)
    draws = triangular_from_uniform(uniform, np.array(1.0), np.array(2.0), np.array(6.0))
    assert draws.mean() == pytest.approx(3.0, abs=0.02)
    assert draws.min() >= 1.0 and draws.max() <= 6.0


def test_samples_must_be_positive() -> None:
    with pytest.raises(FootprintInputError, match="samples"):
        monte_carlo(estimate(), samples=0)
