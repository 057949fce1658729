"""The environmental section computed by the footprint library from the declared power."""

from __future__ import annotations

import pytest
from tests.datasheet.helpers import DELETE, load_data, patched

from courseware.datasheet.environment import (
    EnvironmentInputError,
    compute_environment,
    declared_power_mw,
)
from courseware.footprint import estimate_preset

ENV = "ml_sensor.environmental_impact"


def _section(patch: dict[str, object]):
    loaded = load_data(patched(patch))
    assert loaded.sheet is not None
    return compute_environment(loaded.sheet)


def test_use_stage_comes_from_the_declared_power_not_the_1_mw_default() -> None:
    section = _section({})
    assert section is not None
    assert section.use_stage.power_mw == 10.0  # the fixture's declared operating power
    assert section.use_stage.lifetime_years == 3.0
    assert section.use_stage.grid.key == "world"
    # 10 mW x 3 years x 8760 h = 0.2628 kWh, x 0.481 kg/kWh
    assert section.use_stage.kg_co2e == pytest.approx(0.2628 * 0.481)
    assert section.report.block("use_stage").kg_co2e == pytest.approx(0.2628 * 0.481)
    assert section.report.block("use_stage").kind == "custom"


def test_embodied_blocks_follow_the_preset() -> None:
    section = _section({})
    assert section is not None
    preset = estimate_preset("Anomaly Detection")
    for block in preset.enabled_blocks:
        if block.key != "use_stage":
            assert section.report.block(block.key).kg_co2e == block.kg_co2e
    assert "declared operating power" in section.method
    assert section.power_source == "declared operating power"


def test_power_falls_back_to_voltage_times_current() -> None:
    loaded = load_data(patched({"standard_sensor.hardware.operating_power": "Not disclosed"}))
    assert loaded.sheet is not None
    power, source = declared_power_mw(loaded.sheet)
    assert power == pytest.approx(3.3 * 3)
    assert "voltage × current" in source


def test_custom_grid_intensity() -> None:
    section = _section(
        {f"{ENV}.footprint.grid_region": DELETE, f"{ENV}.footprint.grid_kg_co2e_per_kwh": 0.1}
    )
    assert section is not None
    assert section.use_stage.kg_co2e == pytest.approx(0.2628 * 0.1)


def test_no_configuration_means_no_computed_section() -> None:
    assert _section({f"{ENV}.footprint": DELETE}) is None


def test_missing_inputs_are_all_reported() -> None:
    with pytest.raises(EnvironmentInputError) as caught:
        _section(
            {
                "standard_sensor.hardware.operating_power": "Not disclosed",
                "standard_sensor.hardware.operating_current": "Not disclosed",
                f"{ENV}.lifetime_years": DELETE,
                f"{ENV}.footprint.grid_region": DELETE,
            }
        )
    assert len(caught.value.problems) == 3


def test_unknown_option_is_reported_with_the_library_suggestion() -> None:
    with pytest.raises(EnvironmentInputError) as caught:
        _section({f"{ENV}.footprint.options": {"sensing": "30 mm CMOS"}})
    assert "30 mm² CMOS" in str(caught.value)
