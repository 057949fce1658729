"""The three example datasheets: the two published ones reproduce the inconsistencies found
in them (see ``Check.reference``); the illustrative one passes with no error."""

from __future__ import annotations

import pytest
from tests.datasheet.helpers import SENSORS

from courseware.datasheet.validate import check_file

ROOT = SENSORS.parents[1]

OPEN_SOURCE_ERRORS = {
    "timing-feasibility",  # captures every 1 s, infers for ~2200 ms
    "tested-envelope",  # temperature claimed, never tested
    "stated-values",  # "onboard 3.3V regulator" vs the 2.8 V part on the BOM
    "dimensions-drawing",  # 10 x 10 x 2 mm vs 1.07 x 1.09 x 0.38 in
    "dataset-splits",  # 0.8 split, "test set of 20 %", table "validation set 20 %"
    "units",  # "131 Kb" / "309.5 Kb"
    "version-binding",
    "negatives-included",
    "output-semantics",  # 0-255 byte vs 0-1 confidence plots
    "metric-claim",  # mean confidence called "accuracy"
    "condition-labels",  # 1.5/4.5/7.5 m vs 1/3/5 m; MST 0-4 vs 1-3
    "demographic-shares",  # shares fit 38 people, not 40
    "monk-skin-tone-range",  # MST 0
    "use-phase-power",
}
OPEN_SOURCE_WARNINGS = {
    "disclosure-count",
    "tested-envelope",
    "compliance-evidence",
    "debug-ports",
    "named-formats",
    "update-policy",
    "offline-metrics",
    "population",
    "disparity-quantified",
    "environment-method",
}

PERSON_SENSOR_ERRORS = {
    "timing-feasibility",  # ~5 Hz with ID vs 140 + 125 ms
    "tested-envelope",
    "stated-values",  # 400 vs 100 kb/s; 0x62 vs 0x63
    "identity-disclosure",
    "storage-claims",  # "No device storage" vs Persist IDs (default True)
    "modalities-covered",  # MEMS microphone on the BOM
    "metric-claim",  # precision without recall; "accuracy"
    "version-binding",
    "negatives-included",
    "output-semantics",
    "condition-labels",
    "demographic-shares",
    "monk-skin-tone-range",
    "use-phase-power",
}


def _by_severity(name: str) -> dict[str, set[str]]:
    result = check_file(SENSORS / f"{name}.yaml", ROOT)
    assert result.sheet is not None
    found: dict[str, set[str]] = {"error": set(), "warning": set(), "info": set()}
    for finding in result.findings:
        found[finding.severity].add(finding.check)
    return found


def test_open_source_example_reproduces_the_reference_findings() -> None:
    found = _by_severity("pa1-person-detection")
    assert found["error"] == OPEN_SOURCE_ERRORS
    assert found["warning"] == OPEN_SOURCE_WARNINGS


def test_person_sensor_example_reproduces_the_reference_findings() -> None:
    found = _by_severity("person-sensor")
    assert found["error"] == PERSON_SENSOR_ERRORS
    assert "power-identity" not in found["warning"]  # 132 mW vs ≈150 mW is accepted


@pytest.mark.parametrize(
    ("name", "needle"),
    [
        ("pa1-person-detection", "they fit 38 people"),
        ("pa1-person-detection", "at most 0.45 Hz"),
        ("pa1-person-detection", "'Kb' is ambiguous"),
        ("pa1-person-detection", "QVGA is 320 × 240, not 320 × 320"),
        ("pa1-person-detection", "23.9 % stated, but the confusion matrix gives 25.5 %"),
        ("person-sensor", "gives 0x62, but standard_sensor.communication.i2c_address is 0x63"),
        ("person-sensor", "max 400 kb/s, but standard_sensor.communication.max_data_rate"),
        ("person-sensor", "Persist IDs (default True)"),
        ("person-sensor", "at most 3.8 Hz"),
        ("person-sensor", "a part sensing audio is fitted"),
    ],
)
def test_example_messages(name: str, needle: str) -> None:
    result = check_file(SENSORS / f"{name}.yaml", ROOT)
    assert any(needle in str(f) for f in result.findings), needle


def test_illustrative_example_is_clean() -> None:
    result = check_file(SENSORS / "illustrative-vibration-sensor.yaml", ROOT)
    assert result.findings == ()
    assert result.sheet is not None and result.sheet.illustrative
