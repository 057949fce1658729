"""``courseware datasheet validate|render|new``: findings, exit codes, no overwrites."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from courseware.cli import cli

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "datasheets"
SENSORS = REPO / "curriculum" / "sensors"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["datasheet", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout, result.stderr


def test_clean_datasheet_exits_0() -> None:
    code, out, err = run("validate", str(SENSORS / "illustrative-vibration-sensor.yaml"))
    assert code == 0
    assert out == ""
    assert "0 errors" in err


def test_errors_exit_1_and_every_file_is_reported_in_one_run() -> None:
    code, out, _ = run(
        "validate",
        str(FIXTURES / "malformed.yaml"),
        str(FIXTURES / "bad-yaml.yaml"),
        str(SENSORS / "person-sensor.yaml"),
    )
    assert code == 1
    lines = out.splitlines()
    assert any(
        "malformed.yaml:4: title_page.datasheet_versoin: unknown field" in ln for ln in lines
    )
    assert any("bad-yaml.yaml:" in ln and "not valid YAML" in ln for ln in lines)
    assert any(
        "person-sensor.yaml:" in ln and ln.endswith("[CW-DS-021 storage-claims]") for ln in lines
    )
    warnings = [ln for ln in lines if ": warning: " in ln]
    assert warnings and all(ln.split(": warning: ")[0].count(":") >= 1 for ln in warnings)


def test_json_format() -> None:
    code, out, _ = run("validate", "--format", "json", str(SENSORS / "pa1-person-detection.yaml"))
    assert code == 1
    findings = json.loads(out)
    assert {"check", "code", "severity", "file", "line", "field", "message"} == set(findings[0])
    assert any((f["check"], f["code"]) == ("demographic-shares", "CW-DS-005") for f in findings)


def test_render_prints_markdown_or_writes_a_file(tmp_path: Path) -> None:
    code, out, _ = run("render", str(SENSORS / "person-sensor.yaml"))
    assert code == 0
    assert out.startswith("# Person Sensor V1.0") and '<div class="cw-datasheet"' in out
    target = tmp_path / "page.md"
    code, _, _ = run(
        "render", str(SENSORS / "illustrative-vibration-sensor.yaml"), "--out", str(target)
    )
    assert code == 0 and "Computed footprint" in target.read_text(encoding="utf-8")


def test_render_of_a_malformed_file_exits_1() -> None:
    code, _, err = run("render", str(FIXTURES / "malformed.yaml"))
    assert code == 1
    assert "malformed.yaml:4:" in err


def test_new_writes_a_template_that_loads_and_refuses_to_overwrite(tmp_path: Path) -> None:
    code, out, _ = run("new", "my-sensor", "--root", str(tmp_path))
    assert code == 0
    path = tmp_path / "curriculum" / "sensors" / "my-sensor.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server")
    code, out, _ = run("validate", str(path))
    assert code == 1  # the TODOs are placeholders
    assert "[CW-SCH-" not in out and "[CW-YAML-" not in out  # the template is well-formed
    assert "[CW-DS-042 placeholders]" in out
    path.write_text(text + "# mine\n", encoding="utf-8")
    code, _, err = run("new", "my-sensor", "--root", str(tmp_path))
    assert code == 2 and "already exists" in err
    assert path.read_text(encoding="utf-8").endswith("# mine\n")


def test_new_refuses_a_bad_id(tmp_path: Path) -> None:
    code, _, err = run("new", "My Sensor", "--root", str(tmp_path))
    assert code == 2 and "lowercase" in err


def test_render_never_replaces_its_source_or_a_file_that_is_not_markdown(tmp_path: Path) -> None:
    source = tmp_path / "sensor.yaml"
    shutil.copy(SENSORS / "person-sensor.yaml", source)
    (tmp_path / "notes.txt").write_text("mine\n", encoding="utf-8")
    for out, reason in (
        (source, "the file being rendered; choose a .md path"),
        (tmp_path / "notes.txt", "which is not a Markdown (.md) file; choose a .md path"),
    ):
        code, _, err = run("render", str(source), "--out", str(out))
        assert code == 2
        assert err.splitlines()[-1] == f"Error: --out {out}: refusing to replace {out}, {reason}"
    assert source.read_bytes() == (SENSORS / "person-sensor.yaml").read_bytes()
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_validate_prints_the_english_messages_unchanged_by_their_templates() -> None:
    """The messages are translatable templates for the site; the command line still prints
    the English text, numbers as Python formats them, whatever the reader's language."""
    code, out, _ = run("validate", str(SENSORS / "pa1-person-detection.yaml"))
    assert code == 1
    lines = {line.split(": ", 1)[1] for line in out.splitlines()}
    expected = {
        "standard_sensor.description.interface.update_modes[0].rate: continuous: 1 Hz claimed, "
        "but the networks take 2200 ms per output, at most 0.45 Hz [CW-DS-007 "
        "timing-feasibility]",
        "standard_sensor.form_factor.dimensions: 10 × 10 × 2 mm stated, but the drawing shows "
        "27.7 × 27.2 × 9.7 mm [CW-DS-018 dimensions-drawing]",
        "ai.dataset.splits: the splits add up to 120 % (train 80 %, test 20 %, validation "
        "20 %); one share is named twice or described differently in two places [CW-DS-008 "
        "dataset-splits]",
        "ai.model.networks[0].peak_ram.unit: unit 'Kb' is ambiguous: it could mean kilobits "
        "(write kbit) or kilobytes (write kB) [CW-DS-009 units]",
        "ml_sensor.end_to_end.demographics[0].buckets: gender shares 63.2 / 36.8 % are not "
        "whole numbers of the 40 people declared; they fit 38 people [CW-DS-005 "
        "demographic-shares]",
        "info: bill_of_materials.lines: only 2 of 13 lines are given, so the total cannot be "
        "re-added [CW-DS-001 bom-total]",
    }
    assert expected <= lines
