"""The risk profile: five areas, scores from 0 to 100, evidence for every item."""

from __future__ import annotations

from tests.datasheet.helpers import SENSORS, load_data, patched

from courseware.datasheet.risk import AREAS, capability_surplus, compute_risk_profile
from courseware.datasheet.validate import check_file


def _profile(name: str):
    result = check_file(SENSORS / f"{name}.yaml", SENSORS.parents[1])
    assert result.sheet is not None
    return compute_risk_profile(result.sheet, result.findings), result.sheet


def test_five_areas_in_order_with_evidence() -> None:
    profile, _ = _profile("pa1-person-detection")
    assert [a.key for a in profile.areas] == list(AREAS)
    for area in profile.areas:
        assert area.items and 0 <= area.score <= 100
        assert all(item.score in (0, 1, 2) and item.evidence for item in area.items)
    assert 0 <= profile.overall <= 100


def test_person_sensor_privacy_scores_worse_than_the_presence_only_module() -> None:
    open_source, _ = _profile("pa1-person-detection")
    commercial, _ = _profile("person-sensor")
    privacy = {
        p: next(a for a in prof.areas if a.key == "privacy").score
        for p, prof in (("os", open_source), ("ps", commercial))
    }
    assert privacy["ps"] > privacy["os"]


def test_capability_surplus_matches_the_reference_orders_of_magnitude() -> None:
    _, open_source = _profile("pa1-person-detection")
    _, commercial = _profile("person-sensor")
    assert capability_surplus(open_source) == 320 * 320  # ≈10^5
    assert round(capability_surplus(commercial) or 0, -2) == 7900  # ≈8 × 10^3


def test_clean_base_scores_low_and_undisclosure_raises_documentation() -> None:
    clean = load_data(patched({}))
    assert clean.sheet is not None
    base = compute_risk_profile(clean.sheet)
    hidden = load_data(patched({"title_page.maintainer": "Not disclosed"}))
    assert hidden.sheet is not None
    worse = compute_risk_profile(hidden.sheet)
    doc = {
        p: next(a for a in prof.areas if a.key == "documentation").score
        for p, prof in (("base", base), ("worse", worse))
    }
    assert doc["worse"] > doc["base"]
