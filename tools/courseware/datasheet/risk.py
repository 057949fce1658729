"""A sensor materiality and risk profile computed from a datasheet's fields.

The five areas (calibration, documentation, proprietary data profusion, privacy, waste) are
those of "Materiality and Risk in the Age of Pervasive AI Sensors" (arXiv 2402.11183 v2;
Nature Machine Intelligence, 2025, doi:10.1038/s42256-025-01017-7), taken from the abstracts
and a summary of v2, as the paper's full text could not be checked. The checklist and the
scoring are this project's operationalisation, not the paper's method: each item scores 0
(documented and mitigated), 1 (documented, not mitigated) or 2 (risky, or not disclosed); an
area scores the mean × 50, so 0 is best and 100 worst; the overall score is the mean of the
areas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from courseware.datasheet.checks.consistency import says_no
from courseware.datasheet.checks.structure import (
    DISCLOSURE_WARNING_THRESHOLD,
    undisclosed_locations,
)
from courseware.datasheet.findings import Finding
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.schema.base import UNDISCLOSED_ANSWERS
from courseware.datasheet.schema.standard import Resolution
from courseware.datasheet.validate import validate_datasheet
from courseware.datasheet.walk import value_at

AREAS: dict[str, str] = {
    "calibration": "Calibration and validity",
    "documentation": "Documentation",
    "proprietary_data": "Proprietary data profusion",
    "privacy": "Privacy",
    "waste": "Waste and environment",
}
"""Area key to title, in the paper's order."""


@dataclass(frozen=True)
class RiskItem:
    """One checklist question, its score (0, 1 or 2) and the datasheet evidence behind it."""

    area: str
    question: str
    score: int
    evidence: str


@dataclass(frozen=True)
class RiskArea:
    """One area: its items and its score from 0 (best) to 100 (worst)."""

    key: str
    title: str
    items: tuple[RiskItem, ...]

    @property
    def score(self) -> float:
        """Mean item score × 50."""
        return 50 * sum(i.score for i in self.items) / len(self.items) if self.items else 0.0


@dataclass(frozen=True)
class RiskProfile:
    """Scores of the five areas and the overall (equal weights)."""

    areas: tuple[RiskArea, ...]

    @property
    def overall(self) -> float:
        """Mean of the area scores, 0 (best) to 100 (worst)."""
        return sum(a.score for a in self.areas) / len(self.areas)


@dataclass(frozen=True)
class _Facts:
    sheet: Datasheet
    failed: frozenset[str]
    """Ids of checks that reported an error or warning."""

    def at(self, *location: str | int) -> object:
        return value_at(self.sheet, location)


def _by_check(
    check_id: str, ok: str, bad: str, score_bad: int = 2
) -> Callable[[_Facts], tuple[int, str]]:
    def item(facts: _Facts) -> tuple[int, str]:
        return (score_bad, bad) if check_id in facts.failed else (0, ok)

    return item


def _stated(value: object) -> bool:
    return value not in (None, "", [], *UNDISCLOSED_ANSWERS)


def _units_tested(facts: _Facts) -> tuple[int, str]:
    count = facts.at("ml_sensor", "end_to_end", "units_tested")
    if isinstance(count, int) and count >= 2:
        return 0, f"{count} identical units tested"
    return 2, "unit-to-unit variation not measured"


def _cadence(facts: _Facts) -> tuple[int, str]:
    cadence = facts.at("ml_sensor", "end_to_end", "re_evaluation_cadence")
    return (0, f"re-evaluation: {cadence}") if _stated(cadence) else (2, "no re-evaluation cadence")


def _bias(facts: _Facts) -> tuple[int, str]:
    if facts.at("standard_sensor", "description", "observes_people") is not True:
        return 0, "the sensor does not observe people"
    disparities = facts.at("ml_sensor", "end_to_end", "disparities")
    if not isinstance(disparities, list) or not disparities:
        return 2, "no subgroup analysis"
    if all(d.gap_percent is not None for d in disparities):
        return 1, "gaps measured and reported; no mitigation stated"
    return 2, "some gaps are described without a number"


def _disclosure(facts: _Facts) -> tuple[int, str]:
    count = len(undisclosed_locations(facts.sheet))
    if count == 0:
        return 0, "every field answered"
    score = 1 if count <= DISCLOSURE_WARNING_THRESHOLD else 2
    return score, f"{count} fields answered 'Not disclosed' or 'Unknown'"


def _audit(facts: _Facts) -> tuple[int, str]:
    certifications = facts.at("standard_sensor", "compliance", "certifications")
    if not isinstance(certifications, list) or not certifications:
        return 2, "no third-party audit or certification"
    if all(c.scope for c in certifications):
        return 0, "audited, with the versions covered"
    return 1, "audited, but the versions covered are not stated"


def _proprietary(facts: _Facts) -> tuple[int, str]:
    flags = [facts.at("ai", "dataset", n, "proprietary") for n in ("training", "fine_tuning")]
    if any(f is True for f in flags):
        return 2, "training data is proprietary"
    if flags[0] is False:
        return 0, "training data is public"
    return 2, "not stated whether the data is public"


def _licence_consent(facts: _Facts) -> tuple[int, str]:
    stated = [
        _stated(facts.at("ai", "dataset", "training", "license")),
        _stated(facts.at("ai", "dataset", "training", "consent")),
    ]
    return 2 - sum(stated), f"licence and consent: {sum(stated)} of 2 stated"


def _reproducible(facts: _Facts) -> tuple[int, str]:
    notes = facts.at("title_page", "reproducibility_notes")
    return (0, str(notes)) if _stated(notes) else (2, "no way for an auditor to reproduce a figure")


def _field_data(facts: _Facts) -> tuple[int, str]:
    practices = facts.at("iot", "privacy_security", "data_practices")
    if not isinstance(practices, list) or not practices:
        return 2, "no data practices declared"
    answers = [
        getattr(p, n) for p in practices for n in ("stored_in_cloud", "shared_with", "sold_to")
    ]
    if all(says_no(a) for a in answers):
        return 0, "no cloud storage, sharing or sale declared"
    if any(a in UNDISCLOSED_ANSWERS or a is None for a in answers):
        return 2, "cloud storage, sharing or sale not disclosed"
    return 1, "field data leaves the device"


def _boundary(facts: _Facts) -> tuple[int, str]:
    leaves = facts.at("iot", "privacy_security", "raw_data_leaves_module")
    surplus = capability_surplus(facts.sheet)
    shown = f"; capability surplus ≈ {surplus:.2g}×" if surplus else ""
    if leaves == "no" and "debug-ports" not in facts.failed:
        return 0, f"raw data stays inside the module{shown}"
    if leaves == "no":
        return 1, f"raw data said to stay inside, but debug ports are open or undeclared{shown}"
    return 2, f"raw data can leave the module, or it is not said{shown}"


def _identity(facts: _Facts) -> tuple[int, str]:
    networks = facts.at("ai", "model", "networks")
    if not isinstance(networks, list) or not any(n.infers_identity for n in networks):
        return 0, "no identity or biometric output"
    if "identity-disclosure" in facts.failed:
        return 2, "identifies people without declaring it"
    return 1, "identifies people, and says so"


def _controls(facts: _Facts) -> tuple[int, str]:
    controls = facts.at("iot", "privacy_security", "user_controls")
    if isinstance(controls, list) and controls:
        return 0, "; ".join(controls)
    return 2, "no user controls (notice, opt-out, erase) declared"


def _lifetime(facts: _Facts) -> tuple[int, str]:
    stated = [
        _stated(facts.at("ml_sensor", "environmental_impact", "lifetime_years")),
        _stated(facts.at("iot", "privacy_security", "supported_lifetime")),
    ]
    return 2 - sum(stated), f"use lifetime and supported lifetime: {sum(stated)} of 2 stated"


def _footprint(facts: _Facts) -> tuple[int, str]:
    impact = facts.at("ml_sensor", "environmental_impact")
    if impact is None:
        return 2, "no environmental section"
    if getattr(impact, "footprint", None) is not None:
        return 0, "computed from a footprint configuration"
    if _stated(getattr(impact, "method_source", None)):
        return 0, "footprint given with its method"
    return 1, "footprint given without its method"


_Item = tuple[str, str, Callable[[_Facts], tuple[int, str]]]

CHECKLIST: tuple[_Item, ...] = (
    (
        "calibration",
        "Does the tested envelope cover the claimed one?",
        _by_check(
            "tested-envelope", "tested range covers every claim", "claims exceed the tested range"
        ),
    ),
    ("calibration", "Were several identical units tested?", _units_tested),
    ("calibration", "Is a re-evaluation cadence stated?", _cadence),
    ("calibration", "Was sensor-level bias examined?", _bias),
    (
        "documentation",
        "Are all ten blocks present?",
        _by_check("blocks-present", "all ten blocks present", "blocks are missing"),
    ),
    ("documentation", "How much is left undisclosed?", _disclosure),
    (
        "documentation",
        "Are results bound to versions?",
        _by_check("version-binding", "results bound to versions", "results not bound to versions"),
    ),
    ("documentation", "Is there a third-party audit or certification?", _audit),
    ("proprietary_data", "Is the training data public?", _proprietary),
    ("proprietary_data", "Are licence and consent stated?", _licence_consent),
    ("proprietary_data", "Can an auditor reproduce a number?", _reproducible),
    ("proprietary_data", "Does field data stay with the user?", _field_data),
    ("privacy", "Does raw data stay inside the boundary?", _boundary),
    ("privacy", "Are identity outputs declared?", _identity),
    (
        "privacy",
        "Do storage claims match the interface?",
        _by_check(
            "storage-claims", "no hidden persistence", "the interface keeps data the label denies"
        ),
    ),
    (
        "privacy",
        "Are all fitted modalities declared?",
        _by_check(
            "modalities-covered", "every modality declared", "a fitted modality is undeclared"
        ),
    ),
    ("privacy", "Can people see and control what is sensed?", _controls),
    ("waste", "Is the footprint given with its method?", _footprint),
    (
        "waste",
        "Is the use phase at the declared power?",
        _by_check(
            "use-phase-power",
            "use stage at the declared power",
            "use stage not at the declared power",
        ),
    ),
    ("waste", "Are the use and support lifetimes stated?", _lifetime),
    (
        "waste",
        "Is end-of-life guidance given?",
        _by_check(
            "environment-method",
            "method, coverage and end of life stated",
            "method, coverage or end of life missing",
            1,
        ),
    ),
)
"""Area, question and scoring of every checklist item (this project's, see the module docstring)."""


def capability_surplus(sheet: Datasheet) -> float | None:
    """Raw sensor data rate ÷ exposed output rate, for an 8-bit camera (this project's measure).

    None unless the pixel array, the frame or update rate and the output size are all given.
    """
    sensors = value_at(sheet, ("standard_sensor", "hardware", "sensors"))
    size = value_at(sheet, ("standard_sensor", "communication", "output_format", "size_bytes"))
    if not isinstance(sensors, list) or not isinstance(size, int):
        return None
    pixels = next((s.effective_pixels for s in sensors if s.effective_pixels is not None), None)
    if not isinstance(pixels, Resolution):
        return None
    raw_bits_per_frame = pixels.width_px * pixels.height_px * 8
    return float(raw_bits_per_frame / (size * 8))


def compute_risk_profile(
    sheet: Datasheet, findings: Iterable[Finding] | None = None
) -> RiskProfile:
    """Score the datasheet's five risk areas from its fields and its validator findings.

    Args:
        sheet: the datasheet.
        findings: its findings, if already computed (otherwise the checks are run).
    """
    found = list(findings) if findings is not None else validate_datasheet(sheet)
    failed = frozenset(f.check for f in found if f.severity in {"error", "warning"})
    facts = _Facts(sheet, failed)
    items: dict[str, list[RiskItem]] = {key: [] for key in AREAS}
    for area, question, score in CHECKLIST:
        value, evidence = score(facts)
        items[area].append(RiskItem(area, question, value, evidence))
    return RiskProfile(
        tuple(RiskArea(key, title, tuple(items[key])) for key, title in AREAS.items())
    )
