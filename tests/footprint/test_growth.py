"""Linear and exponential IoT growth fitted to the seed's table."""

from __future__ import annotations

import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.growth import fit_growth, milestone_table


def test_fitted_models_reproduce_the_seed_within_one_year() -> None:
    rows = milestone_table()
    assert [row.devices for row in rows] == [50e9, 100e9, 250e9, 1e12]
    for row in rows:
        assert abs(row.model_linear_year - row.seed_linear_year) <= 1
        assert abs(row.model_exponential_year - row.seed_exponential_year) <= 1
    assert [r.seed_linear_year for r in rows] == [2041, 2067, 2144, 2531]
    assert [r.seed_exponential_year for r in rows] == [2032, 2036, 2043, 2053]


def test_models_start_from_15_billion_in_2023() -> None:
    for kind in ("linear", "exponential"):
        model = fit_growth(kind)
        assert model.devices_in(2023) == 15e9
        assert model.year_reaching(15e9) == pytest.approx(2023)


def test_rates_are_plausible() -> None:
    assert fit_growth("linear").rate == pytest.approx(1.94e9, rel=0.01)
    assert fit_growth("exponential").rate == pytest.approx(0.1405, rel=0.01)


def test_year_reaching_round_trips() -> None:
    model = fit_growth("exponential")
    assert model.devices_in(model.year_reaching(4e11)) == pytest.approx(4e11)


def test_devices_must_be_positive() -> None:
    with pytest.raises(FootprintInputError):
        fit_growth("linear").year_reaching(0)
