"""The calculator reproduced: presets, published systems, custom values, switches, rejections."""

from __future__ import annotations

import math

import pytest

from courseware.footprint.errors import FootprintInputError
from courseware.footprint.estimate import configure, estimate, estimate_preset, estimate_system
from courseware.footprint.model import Interval

PRESET_TOTALS = {"Vision": 3.24, "Anomaly Detection": 1.61}
SYSTEM_TOTALS = {
    "kws-best": 0.89,
    "kws-typical": 2.66,
    "ad-typical": 2.67,
    "ic-typical": 3.41,
    "ic-worst": 7.06,
}
# The README table's columns, per block, in the calculator's block order.
README_COLUMNS = {
    "kws-best": [0.10, 0.04, 0.08, 0.13, 0.25, 0.01, 0.06, 0.18, 0.03, 0.01],
    "kws-typical": [0.10, 0.27, 0.17, 0.16, 1.36, 0.02, 0.11, 0.40, 0.06, 0.01],
    "ad-typical": [0.10, 0.27, 0.17, 0.16, 1.36, 0.03, 0.11, 0.40, 0.06, 0.01],
    "ic-typical": [0.10, 0.27, 0.17, 0.16, 1.36, 0.77, 0.11, 0.40, 0.06, 0.01],
    "ic-worst": [0.10, 0.63, 0.29, 0.24, 2.71, 1.47, 0.14, 1.35, 0.12, 0.01],
}

BLOCK_ORDER = [
    "ml_training",
    "casing",
    "processing",
    "pcb",
    "power_supply",
    "sensing",
    "others",
    "transport",
    "ui",
    "use_stage",
]


@pytest.mark.parametrize(("name", "total"), PRESET_TOTALS.items())
def test_presets_reproduce_the_calculator(name: str, total: float) -> None:
    report = estimate_preset(name)
    assert report.total_kg_co2e == total
    assert round(report.total_kg_co2e_raw, 10) == total
    assert report.label == name


def test_vision_preset_blocks() -> None:
    report = estimate_preset("vision")
    assert [b.kg_co2e for b in report.blocks] == [
        1.0,
        0.04,
        0.17,
        0.16,
        0.52,
        0.77,
        0.11,
        0.4,
        0.06,
        0.01,
    ]
    assert report.block("sensing").option_label == "30 mm² CMOS"


@pytest.mark.parametrize(("name", "total"), SYSTEM_TOTALS.items())
def test_published_systems_reproduce_the_readme(name: str, total: float) -> None:
    report = estimate_system(name)
    assert report.total_kg_co2e == total
    assert [block.kg_co2e for block in report.blocks] == README_COLUMNS[name]


def test_no_arguments_is_the_calculators_start_up_state() -> None:
    assert estimate().total_kg_co2e == 3.24
    assert estimate().label == "Vision"


def test_options_custom_disabled_and_extras() -> None:
    config = configure(
        preset="Anomaly Detection",
        options={"power_supply": "li-ion-battery-large", "Processing": "MCU 17 mm²"},
        custom={"casing": 0.5},
        disabled=["transport"],
        extras={"solar panel": 0.3, "enclosure gasket": 0.02},
    )
    report = estimate(config)
    assert report.block("power_supply").kg_co2e == 2.71
    assert report.block("casing").kind == "custom"
    assert report.block("casing").option_label is None
    assert not report.block("transport").is_enabled
    expected = 0.1 + 0.5 + 0.29 + 0.16 + 2.71 + 0.04 + 0.11 + 0.06 + 0.01 + 0.3 + 0.02
    assert report.total_kg_co2e_raw == pytest.approx(expected, abs=1e-12)
    assert report.total_kg_co2e == round(expected, 2)
    data = report.to_dict()
    assert "transport" not in data["blocks"]
    assert data["disabled"] == ["transport"]
    assert data["extras"] == {"solar panel": 0.3, "enclosure gasket": 0.02}
    assert data["total_kg_co2e"] == report.total_kg_co2e


def test_custom_value_of_zero_is_allowed() -> None:
    assert estimate(configure(custom={"ml_training": 0})).block("ml_training").kg_co2e == 0.0


def test_all_blocks_off_gives_zero() -> None:
    report = estimate(configure(disabled=[f"{b}" for b in BLOCK_ORDER]))
    assert report.total_kg_co2e == 0.0
    assert report.interval == Interval(0.0, 0.0, 0.0)


def test_credit_only_when_asked() -> None:
    with pytest.raises(FootprintInputError, match="allow_credits=True"):
        configure(extras={"recycling": -0.2})
    report = estimate(configure(extras={"recycling": -0.2}, allow_credits=True))
    assert report.total_kg_co2e == 3.04


def test_training_amortised_over_a_fleet() -> None:
    report = estimate(configure(preset="vision", training_devices=1000))
    assert report.block("ml_training").kg_co2e == pytest.approx(0.001)
    assert report.total_kg_co2e == 2.24
    assert report.training_devices == 1000


@pytest.mark.parametrize("devices", [0, -5, 2.5, True, "10", math.nan])
def test_training_devices_must_be_a_positive_whole_number(devices: object) -> None:
    with pytest.raises(FootprintInputError) as caught:
        configure(training_devices=devices)  # type: ignore[arg-type]
    assert caught.value.problems[0].parameter == "training_devices"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (math.nan, "nan is not a finite number"),
        (math.inf, "inf is not a finite number"),
        (-math.inf, "-inf is not a finite number"),
        (True, "True is a boolean, not a number"),
        (False, "False is a boolean, not a number"),
        ("0.5", "'0.5' is a string, not a number; pass the number 0.5 without quotes"),
        ("lots", "'lots' is a string, not a number"),
        (None, "None (NoneType) is not a number"),
        (-0.1, "-0.1 is negative; pass allow_credits=True"),
    ],
)
def test_rejected_custom_values(value: object, message: str) -> None:
    with pytest.raises(FootprintInputError) as caught:
        configure(custom={"casing": value})  # type: ignore[dict-item]
    (problem,) = caught.value.problems
    assert problem.field == "custom.casing"
    assert problem.value is value
    assert message in problem.message
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("value", [math.nan, math.inf, True, "1", -1.0])
def test_rejected_extras(value: object) -> None:
    with pytest.raises(FootprintInputError) as caught:
        configure(extras={"battery holder": value})  # type: ignore[dict-item]
    assert caught.value.problems[0].field == "extras.battery holder"


def test_nan_is_rejected_even_with_credits() -> None:
    with pytest.raises(FootprintInputError, match="not a finite number"):
        configure(custom={"pcb": math.nan}, allow_credits=True)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(FootprintInputError) as caught:
        configure(
            preset="visoin",
            options={"casing": "ABS 300g", "procesing": "MCU 5 mm²"},
            custom={"pcb": math.nan, "ui": True},
            disabled=["transprot"],
            extras={"": 1.0},
        )
    fields = [problem.field for problem in caught.value.problems]
    assert fields == [
        "preset",
        "options.casing",
        "options.procesing",
        "custom.pcb",
        "custom.ui",
        "disabled.transprot",
        "extras.''",
    ]
    text = str(caught.value)
    assert "did you mean 'Vision'?" in text
    assert "did you mean 'ABS 700g/Steel 300g'?" in text
    assert "did you mean 'processing'?" in text
    assert "did you mean 'transport'?" in text


def test_unknown_custom_block() -> None:
    with pytest.raises(FootprintInputError, match=r"custom.sensor: unknown block 'sensor'"):
        configure(custom={"sensor": 0.1})


def test_disabled_must_be_a_list_not_a_string() -> None:
    with pytest.raises(FootprintInputError, match="single string"):
        configure(disabled="casing")


def test_mappings_are_required() -> None:
    with pytest.raises(FootprintInputError, match="expected a mapping"):
        configure(options=[("casing", "ABS 200g/Steel 20g")])  # type: ignore[arg-type]


def test_preset_and_system_together_are_refused() -> None:
    with pytest.raises(FootprintInputError, match="not both"):
        configure(preset="vision", system="ic-worst")


def test_interval_values_and_their_order() -> None:
    report = estimate(configure(custom={"casing": Interval(0.1, 0.2, 0.4)}))
    assert report.block("casing").interval == Interval(0.1, 0.2, 0.4)
    with pytest.raises(FootprintInputError, match="low <= typical <= high"):
        configure(custom={"casing": Interval(0.3, 0.2, 0.4)})
    with pytest.raises(FootprintInputError, match="not a finite number"):
        configure(custom={"casing": Interval(0.1, math.nan, 0.4)})


def test_every_rejected_input_carries_its_code() -> None:
    with pytest.raises(FootprintInputError) as caught:
        configure(
            options={"sensing": "Nope"},
            custom={"casing": math.inf, "pcb": -1.0, "transport": "ten"},  # type: ignore[dict-item]
            disabled="casing",
            training_devices=0,
        )
    found = [(problem.field, problem.code.code) for problem in caught.value.problems]
    assert found == [
        ("options.sensing", "CW-FP-006"),
        ("custom.casing", "CW-FP-002"),
        ("custom.pcb", "CW-FP-003"),
        ("custom.transport", "CW-FP-001"),
        ("disabled", "CW-FP-007"),
        ("training_devices", "CW-FP-005"),
    ]
    assert str(caught.value.problems[1]) == (
        "custom.casing: inf is not a finite number [CW-FP-002 not-finite]"
    )
