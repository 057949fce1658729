"""Loading: bad YAML, wrong types and unknown fields are all reported, each with file:line."""

from __future__ import annotations

from pathlib import Path

from tests.datasheet.helpers import FIXTURES

from courseware.datasheet.load import load_datasheet, parse_datasheet

ROOT = FIXTURES.parents[2]


def test_malformed_file_reports_every_problem_with_its_line() -> None:
    loaded = load_datasheet(FIXTURES / "malformed.yaml", ROOT)
    assert loaded.sheet is None
    shown = [str(f) for f in loaded.findings]
    path = "tests/fixtures/datasheets/malformed.yaml"
    assert any(
        s.startswith(f"{path}:4: title_page.datasheet_versoin: unknown field")
        and "did you mean 'datasheet_version'" in s
        for s in shown
    ), shown
    assert any(
        s.startswith(f"{path}:7: standard_sensor.hardware.operating_current.typ:") for s in shown
    ), shown
    assert any(
        s.startswith(f"{path}:10: standard_sensor.hardware.sensors[0].modality:") and "'sight'" in s
        for s in shown
    ), shown
    assert any(s.startswith(f"{path}:12: standard_sensor.communication.bus:") for s in shown)
    assert any(s.startswith(f"{path}:15: ml_sensor.end_to_end.participants:") for s in shown)
    assert all(f.check == "schema" and f.severity == "error" for f in loaded.findings)


def test_bad_yaml_names_the_line() -> None:
    loaded = load_datasheet(FIXTURES / "bad-yaml.yaml", ROOT)
    assert loaded.sheet is None
    (finding,) = loaded.findings
    assert finding.file == "tests/fixtures/datasheets/bad-yaml.yaml"
    assert finding.line is not None and finding.line >= 3
    assert "not valid YAML" in finding.message
    assert finding.code.code == "CW-YAML-001"


def test_id_must_match_the_file_name() -> None:
    loaded = parse_datasheet("id: other-name\n", "curriculum/sensors/my-sensor.yaml")
    assert [(f.check, f.code.code) for f in loaded.findings] == [("file-name", "CW-REG-006")]
    assert loaded.findings[0].line == 1


def test_quantity_accepts_not_disclosed_and_refuses_a_bare_number_text() -> None:
    text = (
        "id: qq\nstandard_sensor:\n  hardware:\n    operating_power: Not disclosed\n"
        "    operating_current: forty mA\n"
    )
    loaded = parse_datasheet(text, "qq.yaml")
    messages = [str(f) for f in loaded.findings]
    assert len(messages) == 1 and messages[0].startswith("qq.yaml:5: ")
    assert "not a quantity" in messages[0]


def test_undisclosed_quantity_loads(tmp_path: Path) -> None:
    path = tmp_path / "qq.yaml"
    path.write_text(
        "id: qq\nstandard_sensor:\n  hardware:\n    operating_power: Unknown\n", encoding="utf-8"
    )
    loaded = load_datasheet(path, tmp_path)
    assert loaded.findings == ()
    assert loaded.sheet is not None
    power = loaded.sheet.standard_sensor.hardware.operating_power  # type: ignore[union-attr]
    assert power is not None and power.disclosure == "Unknown"
