"""Vectorized evaluation equals one-by-one estimation exactly."""

from __future__ import annotations

import numpy as np
import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import estimate
from courseware.footprint.vectorized import (
    configuration_from_indices,
    evaluate_many,
    option_table,
    random_option_indices,
)


def test_vectorized_totals_equal_one_by_one_totals() -> None:
    indices = random_option_indices(500, seed=11)
    enabled = np.random.default_rng(12).random(indices.shape) > 0.2
    totals = evaluate_many(indices, enabled)
    for row, flags, total in zip(indices, enabled, totals, strict=True):
        assert estimate(configuration_from_indices(row, flags)).total_kg_co2e_raw == total


def test_random_indices_are_seedable_and_in_range() -> None:
    first = random_option_indices(1000, seed=5)
    assert np.array_equal(first, random_option_indices(1000, seed=5))
    assert (first >= 0).all() and (first < option_table().option_counts).all()


def test_vision_row() -> None:
    assert evaluate_many(np.array([[1, 0, 1, 1, 0, 1, 1, 1, 1, 0]]))[0] == pytest.approx(3.24)


def test_bad_shapes_and_indices() -> None:
    with pytest.raises(FootprintInputError, match="shape"):
        evaluate_many(np.zeros((3, 9), dtype=np.int64))
    with pytest.raises(FootprintInputError, match="outside"):
        evaluate_many(np.full((1, 10), 3, dtype=np.int64))
    with pytest.raises(FootprintInputError, match="integer"):
        evaluate_many(np.zeros((1, 10)))  # type: ignore[arg-type]
