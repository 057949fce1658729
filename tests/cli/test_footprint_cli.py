"""``courseware footprint ...``: estimate, options, systems, fleet, growth; bad input exits 2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from courseware.cli import cli
from courseware.footprint import estimate_preset, estimate_system


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["footprint", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("flags", "total"),
    [
        (["--preset", "Vision"], 3.24),
        (["--preset", "vision"], 3.24),
        (["--preset", "Anomaly Detection"], 1.61),
        (["--preset", "anomaly-detection"], 1.61),
        (["--system", "kws-best"], 0.89),
        (["--system", "KWS-Typical"], 2.66),
        (["--system", "ad-typical"], 2.67),
        (["--system", "Image classification, typical"], 3.41),
        (["--system", "ic-worst"], 7.06),
    ],
)
def test_estimate_json_reproduces_presets_and_systems(flags: list[str], total: float) -> None:
    code, out, err = run("estimate", *flags, "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["total_kg_co2e"] == total
    assert round(data["total_kg_co2e_raw"], 10) == total
    assert set(data) >= {"blocks", "extras", "total_kg_co2e", "total_kg_co2e_raw"}
    assert len(data["blocks"]) == 10


def test_estimate_json_matches_the_library_exactly() -> None:
    code, out, _ = run("estimate", "--system", "ic-typical", "--json")
    assert code == 0
    assert json.loads(out)["total_kg_co2e_raw"] == estimate_system("ic-typical").total_kg_co2e_raw
    code, out, _ = run("estimate", "--json")
    assert json.loads(out)["total_kg_co2e_raw"] == estimate_preset("vision").total_kg_co2e_raw


def test_estimate_with_labels_slugs_custom_disable_and_extras() -> None:
    code, out, err = run(
        "estimate",
        "--preset",
        "anomaly-detection",
        "--set",
        "processing=MCU 5 mm²",
        "--set",
        "power_supply=li-ion-battery-large",
        "--custom",
        "casing=0.5",
        "--disable",
        "transport",
        "--extra",
        "solar panel=0.3",
        "--json",
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["blocks"]["processing"] == 0.08
    assert data["blocks"]["power_supply"] == 2.71
    assert data["blocks"]["casing"] == 0.5
    assert "transport" not in data["blocks"]
    assert data["disabled"] == ["transport"]
    assert data["extras"] == {"solar panel": 0.3}
    assert data["total_kg_co2e"] == 4.07


def test_estimate_text_shows_blocks_total_and_references() -> None:
    code, out, _ = run("estimate", "--system", "ic-worst")
    assert code == 0
    assert "Image classification, worst case" in out
    assert "Total" in out and "7.06" in out
    assert "Apple Watch Series 7" in out and "4.8 x this device" in out


def test_training_devices_and_credits() -> None:
    code, out, _ = run("estimate", "--training-devices", "1000", "--json")
    assert code == 0 and json.loads(out)["total_kg_co2e"] == 2.24
    code, out, _ = run("estimate", "--extra", "recycling=-0.2", "--allow-credits", "--json")
    assert code == 0 and json.loads(out)["total_kg_co2e"] == 3.04


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["--set", "casing=ABS 300g"],
            "Error: Invalid value for '--set': 'casing=ABS 300g': unknown option for block casing:"
            " 'ABS 300g'; did you mean 'ABS 700g/Steel 300g'?",
        ),
        (["--set", "casing"], "Error: Invalid value for '--set': 'casing': expected NAME=VALUE"),
        (
            ["--set", "procesing=MCU 5 mm²"],
            "Error: Invalid value for '--set': 'procesing=MCU 5 mm²': unknown block 'procesing';"
            " did you mean 'processing'?",
        ),
        (
            ["--custom", "pcb=nan"],
            "Error: Invalid value for '--custom': 'pcb=nan': nan is not a finite number",
        ),
        (
            ["--custom", "pcb=inf"],
            "Error: Invalid value for '--custom': 'pcb=inf': inf is not a finite number",
        ),
        (
            ["--custom", "pcb=true"],
            "Error: Invalid value for '--custom': 'pcb=true': 'true' is not a number of kg CO2e",
        ),
        (
            ["--custom", "pcb=-1"],
            "Error: Invalid value for '--custom': 'pcb=-1': -1.0 is negative; pass --allow-credits",
        ),
        (
            ["--extra", "gasket=abc"],
            "Error: Invalid value for '--extra': 'gasket=abc': 'abc' is not a number of kg CO2e",
        ),
        (
            ["--disable", "transprot"],
            "Error: Invalid value for '--disable': 'transprot': unknown block 'transprot';"
            " did you mean 'transport'?",
        ),
        (
            ["--preset", "visoin"],
            "Error: Invalid value for '--preset': 'visoin': unknown preset 'visoin';"
            " did you mean 'Vision'?",
        ),
        (
            ["--system", "ic-wrost"],
            "Error: Invalid value for '--system': 'ic-wrost': unknown system 'ic-wrost';"
            " did you mean 'ic-worst'?",
        ),
        (
            ["--training-devices", "0"],
            "Error: Invalid value for '--training-devices': '0': 0 is below 1",
        ),
        (
            ["--custom", "pcb=1", "--custom", "PCB=2"],
            "Error: Invalid value for '--custom': 'PCB=2': 'PCB' is given twice",
        ),
        (
            ["--preset", "vision", "--system", "ic-worst"],
            "Error: --preset and --system cannot be given together; choose one",
        ),
    ],
)
def test_bad_input_is_one_line_with_exit_code_2(args: list[str], expected: str) -> None:
    code, out, err = run("estimate", *args)
    assert code == 2
    assert out == ""
    assert err.strip().startswith(expected)
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_every_bad_value_is_reported_once_each() -> None:
    code, _, err = run(
        "estimate", "--custom", "casing=nan", "--custom", "ui=true", "--disable", "foo"
    )
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Error: Invalid value for '--custom': 'ui=true'")
    assert any("'casing=nan': nan is not a finite number" in line for line in lines)
    assert any(line.startswith("Invalid value for '--disable': 'foo'") for line in lines)


def test_options_lists_labels_slugs_and_values() -> None:
    code, out, _ = run("options")
    assert code == 0
    assert "MCU 5 mm²" in out and "mcu-5-mm2" in out
    code, out, _ = run("options", "--json")
    data = json.loads(out)
    assert data["power_supply"][2] == {
        "label": "Li-ion battery (large)",
        "slug": "li-ion-battery-large",
        "kg_co2e": 2.71,
        "source": "main.py; equals README HSL-2 worst case",
    }


def test_systems_lists_presets_and_published_systems() -> None:
    code, out, _ = run("systems", "--json")
    assert code == 0
    totals = {entry["key"]: entry["total_kg_co2e"] for entry in json.loads(out)}
    assert totals == {
        "vision": 3.24,
        "anomaly-detection": 1.61,
        "kws-best": 0.89,
        "kws-typical": 2.66,
        "ad-typical": 2.67,
        "ic-typical": 3.41,
        "ic-worst": 7.06,
    }
    code, out, _ = run("systems")
    assert "(in the paper)" in out


def test_fleet_defaults_to_250_billion_devices() -> None:
    code, out, _ = run("fleet", "--json")
    assert code == 0
    rows = {row["key"]: row for row in json.loads(out)}
    assert rows["ic-typical"]["devices"] == 250e9
    assert rows["ic-typical"]["total_megatonnes_co2e"] == pytest.approx(852.5)
    code, out, _ = run("fleet", "--devices", "1e6")
    assert code == 0 and "1,000,000 devices" in out
    code, _, err = run("fleet", "--devices", "-3")
    assert code == 2 and "'--devices': '-3'" in err


def test_growth_table_and_extra_counts() -> None:
    code, out, _ = run("growth", "--devices", "5e11", "--json")
    assert code == 0
    data = json.loads(out)
    for row in data["milestones"]:
        assert abs(row["model_linear_year"] - row["seed_linear_year"]) <= 1
        assert abs(row["model_exponential_year"] - row["seed_exponential_year"]) <= 1
    assert data["years"][0]["devices"] == 5e11
    code, out, _ = run("growth")
    assert "2531" in out and "2053" in out
