"""The data file: every constant sourced, the calculator's values exactly as published."""

from __future__ import annotations

import re

import pytest

from courseware.footprint.data import CalculatorData, data_file_text, load_calculator_data

# The calculator's constants as main.py of harvard-edge/TinyML-Footprint gives them (gh-pages).
CALCULATOR_MAIN_PY = {
    "ml_training": {"DenseNet": 0.1, "MobileNetV1": 1.0},
    "casing": {"ABS 200g/Steel 20g": 0.04, "ABS 400g/Steel 80g": 0.27, "ABS 700g/Steel 300g": 0.63},
    "processing": {"MCU 5 mm²": 0.08, "MCU 10 mm²": 0.17, "MCU 17 mm²": 0.29},
    "pcb": {"HSL-0 small": 0.13, "HSL-0 typical": 0.16, "HSL-0 large": 0.24},
    "power_supply": {
        "Mains powered": 0.52,
        "Li-ion battery (typical)": 1.36,
        "Li-ion battery (large)": 2.71,
    },
    "sensing": {"Electret Microphone": 0.04, "30 mm² CMOS": 0.77, "58 mm² CMOS": 1.47},
    "others": {"HSL-0 Best case": 0.06, "HSL-0 Typical": 0.11, "HSL-0 Worst case": 0.14},
    "transport": {"HSL-1 Best case": 0.18, "HSL-1 Typical": 0.4, "HSL-1 Worst case": 1.35},
    "ui": {"1 LED": 0.03, "2 LEDs": 0.06, "4 LEDs": 0.12},
    "use_stage": {"Continuous 1mW": 0.01},
}


def test_blocks_options_and_values_are_exactly_the_calculators() -> None:
    data = load_calculator_data()
    found = {
        block.key: {option.label: option.kg_co2e for option in block.options}
        for block in data.blocks
    }
    assert found == CALCULATOR_MAIN_PY
    assert [block.key for block in data.blocks] == list(CALCULATOR_MAIN_PY)


def test_block_headings_and_calculator_keys() -> None:
    data = load_calculator_data()
    assert [block.heading for block in data.blocks] == [
        "ML Training",
        "Casing",
        "Processing",
        "PCB",
        "Power Supply",
        "Sensing",
        "Others",
        "Transport",
        "Indicator LED UI",
        "Use-Stage",
    ]
    assert data.block("processing").calculator_key == "processor_type"


def test_every_constant_names_a_source() -> None:
    data = load_calculator_data()
    for block in data.blocks:
        for option in block.options:
            assert option.source.strip(), option.label
        for spec in block.ranges.values():
            assert "README" in spec.source
    for system in data.systems:
        assert "README" in system.source
        for setting in system.blocks.values():
            if setting.custom_kg_co2e is not None:
                assert setting.source and "README" in setting.source
    for reference in data.references:
        assert "elements.py" in reference.source
    for grid in data.grid_intensities:
        assert grid.source.strip()
        assert grid.year is not None or "undocumented" in grid.source


def test_calculator_implied_grid_factor_is_labelled_undocumented_and_consistent() -> None:
    data = load_calculator_data()
    implied = next(g for g in data.grid_intensities if g.key == "calculator-implied")
    assert "undocumented" in implied.source
    unrounded = data.use_stage_unrounded
    energy_kwh = unrounded.power_mw / 1000 * unrounded.lifetime_years * 8760 / 1000
    assert implied.kg_co2e_per_kwh == pytest.approx(unrounded.kg_co2e / energy_kwh, rel=1e-15)


def test_data_file_has_no_unsourced_number_lines() -> None:
    # Each numeric value line sits in a record that has a `source:` key; spot-check the count.
    text = data_file_text()
    assert len(re.findall(r"^\s*-?\s*source:", text, flags=re.M)) >= 40


def test_data_model_rejects_a_preset_naming_an_unknown_option() -> None:
    raw = load_calculator_data().model_dump()
    raw["presets"][0]["selections"]["casing"] = "ABS 300g"
    with pytest.raises(ValueError, match="has no option 'ABS 300g'"):
        CalculatorData.model_validate(raw)


def test_data_model_rejects_nan_constants() -> None:
    raw = load_calculator_data().model_dump()
    raw["blocks"][0]["options"][0]["kg_co2e"] = float("nan")
    with pytest.raises(ValueError, match="finite"):
        CalculatorData.model_validate(raw)
