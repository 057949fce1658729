"""Every check: a small change to the clean base fixture that triggers it, and the base
fixture, which does not."""

from __future__ import annotations

from typing import Any

import pytest
from tests.datasheet.helpers import DELETE, patched, run_checks

from courseware.datasheet.validate import all_checks

E2E = "ml_sensor.end_to_end"
ENV = "ml_sensor.environmental_impact"
COMM = "standard_sensor.communication"
HW = "standard_sensor.hardware"
NET = "ai.model.networks[0]"
PEOPLE = {"standard_sensor.description.observes_people": True}

TRIGGERS: dict[str, dict[str, Any]] = {
    "blocks-present": {"standard_sensor.compliance": DELETE},
    "required-fields": {"title_page.maintainer": DELETE},
    "conditional-fields": PEOPLE,
    "placeholders": {"title_page.contact": "TBD"},
    "disclosure-count": {"title_page.maintainer": "Not disclosed"},
    "units": {f"{NET}.peak_ram.unit": "Kb"},
    "unit-kind": {f"{HW}.operating_current.unit": "mW"},
    "range-order": {f"{HW}.operating_voltage.min": 4.0},
    "monk-skin-tone-range": {
        f"{E2E}.demographics": [
            {
                "attribute": "skin tone",
                "scale": "monk_skin_tone",
                "buckets": [{"label": "light", "scale_min": 0, "scale_max": 4}],
            }
        ]
    },
    "i2c-address-range": {f"{COMM}.i2c_address": 0xC4},
    "percent-range": {"ai.dataset.splits[0].share_percent": 120},
    "named-formats": {
        f"{HW}.sensors[0].effective_pixels": {
            "width_px": 320,
            "height_px": 320,
            "format_name": "QVGA",
        }
    },
    "input-features": {f"{NET}.input.features": 27648},
    "bom-total": {
        "bill_of_materials": {
            "stated_total_usd": 5.0,
            "lines": [{"category": "MCU", "component": "x", "unit_cost_usd": 2.0, "quantity": 2}],
        }
    },
    "environment-breakdown": {
        f"{ENV}.total_kg_co2e": 2.0,
        f"{ENV}.breakdown": [{"block": "Sensing", "kg_co2e": 1.0, "percent": 50.0}],
    },
    "environment-coverage": {
        f"{ENV}.coverage": {
            "bom_lines_accounted": 1,
            "bom_lines_total": 3,
            "excluded": ["connectors"],
        },
        "bill_of_materials": {
            "lines": [
                {
                    "category": "MCU",
                    "component": "x",
                    "unit_cost_usd": 2.0,
                    "quantity": 1,
                    "in_footprint": True,
                }
            ],
        },
    },
    "offline-metrics": {
        "ai.model.offline_metrics[0].false_positive_percent": 10.0,
        "ai.model.offline_metrics[0].confusion_matrix": {
            "true_negative_percent": 80.0,
            "false_positive_percent": 20.0,
            "false_negative_percent": 15.0,
            "true_positive_percent": 85.0,
        },
    },
    "demographic-shares": {
        f"{E2E}.participants": 40,
        f"{E2E}.demographics": [
            {
                "attribute": "gender",
                "buckets": [
                    {"label": "male", "share_percent": 63.2},
                    {"label": "female", "share_percent": 36.8},
                ],
            }
        ],
    },
    "power-identity": {f"{HW}.operating_power.typ": 100},
    "timing-feasibility": {f"{NET}.inference_time.typ": 2200},
    "stated-values": {
        "standard_sensor.description.statements": [
            {"field": f"{COMM}.max_data_rate", "where": "Description", "max": 100, "unit": "kbit/s"}
        ]
    },
    "dimensions-drawing": {"standard_sensor.form_factor.drawing_dimensions.length": 2.0},
    "output-semantics": {
        f"{E2E}.metric": {"name": "mean confidence", "range_min": 0, "range_max": 1},
        f"{COMM}.output_format.fields[1]": {"name": "confidence", "min": 0, "max": 255},
    },
    "modalities-covered": {f"{HW}.sensors[1]": {"part": "MEMS microphone", "modality": "audio"}},
    "storage-claims": {f"{COMM}.registers[0].stores_data_on_device": True},
    "identity-disclosure": {f"{NET}.infers_identity": True},
    "debug-ports": {f"{COMM}.debug_ports[0].production_state": "enabled"},
    "update-policy": {
        "iot.privacy_security.security.security_updates": "No security updates",
        "iot.privacy_security.supported_lifetime": "Not disclosed",
    },
    "version-binding": {f"{E2E}.version_binding.model_version": "Not disclosed"},
    "tested-envelope": {
        "standard_sensor.description.operating_envelope[0].tested": "Not disclosed"
    },
    "negatives-included": {f"{E2E}.includes_absent_trials": False},
    "metric-claim": {f"{E2E}.metric.called_in_text": "accuracy"},
    "condition-labels": {f"{E2E}.conditions[0].figure_levels": [0, 20, 50]},
    "population": {
        f"{E2E}.participants": 12,
        f"{E2E}.demographics": [
            {
                "attribute": "gender",
                "buckets": [
                    {"label": "a", "share_percent": 50.0},
                    {"label": "b", "share_percent": 50.0},
                ],
            }
        ],
    },
    "disparity-quantified": {f"{E2E}.disparities": [{"attribute": "gender", "text": "small"}]},
    "units-tested": {f"{E2E}.units_tested": 1},
    "use-phase-power": {
        f"{ENV}.footprint": DELETE,
        f"{ENV}.total_kg_co2e": 1.73,
        f"{ENV}.use_phase_power_mw": 1.0,
    },
    "environment-method": {f"{ENV}.end_of_life": DELETE},
    "compliance-evidence": {"standard_sensor.compliance.regulations[0].evidence": DELETE},
    "revision-hygiene": {"title_page.datasheet_version": "1.2"},
    "acronyms": {"acronyms": DELETE},
    "dataset-splits": {"ai.dataset.splits[1].share_percent": 30},
    "footprint-config": {f"{ENV}.footprint.options": {"sensing": "Nope"}},
}


def test_every_check_has_a_trigger_case() -> None:
    assert {c.id for c in all_checks()} == set(TRIGGERS)


@pytest.mark.parametrize("check_id", sorted(TRIGGERS))
def test_check_triggers(check_id: str) -> None:
    findings = run_checks(patched(TRIGGERS[check_id]), only=[check_id])
    assert findings, f"{check_id} did not fire"
    for finding in findings:
        assert finding.check == check_id
        assert finding.file == "tests/fixtures/datasheets/base.yaml"
        assert isinstance(finding.line, int) and finding.line >= 1
        assert finding.message


@pytest.mark.parametrize("check_id", sorted(TRIGGERS))
def test_check_passes_on_the_clean_base(check_id: str) -> None:
    assert run_checks(patched({}), only=[check_id]) == []


def test_clean_base_has_no_findings_at_all() -> None:
    assert run_checks(patched({})) == []


def test_at_least_25_checks_map_to_the_reference() -> None:
    checks = all_checks()
    assert len(checks) >= 25
    assert all(1 <= c.reference <= 35 for c in checks)
