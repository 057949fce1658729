"""Environmental impact, compliance and provenance (checks 31 and up): the use
stage at the declared power, the method cited, claims with evidence, revisions that say
what changed, acronyms defined."""

from __future__ import annotations

import re
from collections.abc import Iterator

from courseware.datasheet.checks.arithmetic import BREAKDOWN_TOLERANCE
from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.environment import EnvironmentInputError, compute_environment
from courseware.datasheet.messages import N_, Num
from courseware.datasheet.schema.base import UNDISCLOSED_ANSWERS, nominal_in
from courseware.datasheet.units import UNITS
from courseware.datasheet.walk import strings_of

USE_POWER_TOLERANCE = 0.05
"""The use-stage power may differ from the declared operating power by 5 %."""

_ACRONYM = re.compile(r"\b[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*\b")
_NOT_ACRONYMS = set(UNITS) | {"CO2e", "CO2"}


@check("use-phase-power", "error", "Use-phase power equals the declared operating power", 31)
def use_phase_power(context: CheckContext) -> Iterator[Hit]:
    """Both examples declare 40 mA (≈132 mW at 3.3 V) but their footprint charts carry no
    visible use stage, consistent with the calculator's 1 mW default."""
    impact = context.at("ml_sensor", "environmental_impact")
    hardware = context.at("standard_sensor", "hardware")
    if impact is None:
        return
    where = ("ml_sensor", "environmental_impact")
    declared_w = nominal_in(getattr(hardware, "operating_power", None), "W")
    declared = N_("{power} mW", power=Num(declared_w * 1000)) if declared_w is not None else None
    if declared_w is None:
        volts = nominal_in(getattr(hardware, "operating_voltage", None), "V")
        amps = nominal_in(getattr(hardware, "operating_current", None), "A")
        declared_w = volts * amps if volts is not None and amps is not None else None
        declared = (
            N_("not declared")
            if declared_w is None
            else N_("not declared; nominal V × I ≈ {power} mW", power=Num(declared_w * 1000, ".0f"))
        )
    if getattr(impact, "footprint", None) is not None:
        return  # computed from the declared power; the footprint-config check reports gaps
    used = getattr(impact, "use_phase_power_mw", None)
    if used is None or used in UNDISCLOSED_ANSWERS:
        yield Hit(
            (*where, "use_phase_power_mw"),
            N_(
                "the use stage's power is not stated; compute it from the declared operating "
                "power ({declared})",
                declared=declared,
            ),
        )
    elif (
        isinstance(used, float | int)
        and declared_w is not None
        and abs(used / 1000 - declared_w) > USE_POWER_TOLERANCE * declared_w
    ):
        yield Hit(
            (*where, "use_phase_power_mw"),
            N_(
                "the use stage assumes {used} mW, but the declared operating power is {declared}",
                used=Num(used),
                declared=declared,
            ),
        )
    if getattr(impact, "lifetime_years", None) is None:
        yield Hit((*where, "lifetime_years"), N_("state the lifetime the use stage assumes"))


@check("environment-method", "warning", "Footprint method, coverage and end of life stated", 32)
def environment_method(context: CheckContext) -> Iterator[Hit]:
    """A total without its method and coverage cannot be compared with another sheet's."""
    impact = context.sheet.ml_sensor.environmental_impact if context.sheet.ml_sensor else None
    if impact is None:
        return
    where = ("ml_sensor", "environmental_impact")
    for name, why in (
        ("method_source", N_("cite the method (e.g. the TinyML footprint paper)")),
        ("end_of_life", N_("say how to recycle or dispose of the module")),
    ):
        if getattr(impact, name) in (None, *UNDISCLOSED_ANSWERS):
            yield Hit((*where, name), why)
    coverage = impact.coverage
    if coverage is None and impact.footprint is None:
        yield Hit(where, N_("state how many BOM lines the footprint covers"))
    elif (
        coverage
        and coverage.bom_lines_accounted < coverage.bom_lines_total
        and not coverage.excluded
    ):
        gap = coverage.bom_lines_total - coverage.bom_lines_accounted
        yield Hit(
            (*where, "coverage", "excluded"),
            N_("{gap} BOM lines are not covered; name them", gap=Num(gap, "d")),
        )


@check("compliance-evidence", "warning", "Compliance claims carry evidence and scope", 33)
def compliance_evidence(context: CheckContext) -> Iterator[Hit]:
    """ "GDPR" alone, for a device that is not itself a data controller, proves nothing."""
    standard = context.sheet.standard_sensor
    compliance = standard.compliance if standard else None
    if compliance is None:
        return
    base = ("standard_sensor", "compliance")
    for index, regulation in enumerate(compliance.regulations or []):
        if regulation.evidence is None and regulation.evidence_url is None:
            yield Hit(
                (*base, "regulations", index),
                N_(
                    "{regulation}: add the declaration, certificate or rationale behind the claim",
                    regulation=regulation.name,
                ),
            )
    for index, certification in enumerate(compliance.certifications or []):
        missing = [n for n in ("identifier", "date", "scope") if getattr(certification, n) is None]
        if missing:
            yield Hit(
                (*base, "certifications", index),
                N_(
                    "{certification}: give {fields}",
                    certification=certification.name,
                    fields=", ".join(missing),
                ),
            )


@check("revision-hygiene", "warning", "The change log ends at this revision", 34)
def revision_hygiene(context: CheckContext) -> Iterator[Hit]:
    """A new revision must change the version and date and say what changed."""
    title = context.sheet.title_page
    if title is None or not title.change_log:
        return
    last = title.change_log[-1]
    where = ("title_page", "change_log", len(title.change_log) - 1)
    if title.datasheet_version and last.version != title.datasheet_version:
        yield Hit(
            (*where, "version"),
            N_(
                "the last change is {last}, but this is {version}; add an entry for it",
                last=repr(last.version),
                version=repr(title.datasheet_version),
            ),
        )
    elif title.release_date and last.date != title.release_date:
        yield Hit(
            (*where, "date"),
            N_(
                "the last change is dated {last}, but the release date is {release}",
                last=str(last.date),
                release=str(title.release_date),
            ),
        )
    versions = [entry.version for entry in title.change_log]
    if len(set(versions)) != len(versions):
        yield Hit(("title_page", "change_log"), N_("a version appears twice in the change log"))


@check("acronyms", "info", "Acronyms used are defined", 35)
def acronyms(context: CheckContext) -> Iterator[Hit]:
    """Readers outside the field meet RoHS, VGA, EON, MST undefined in the examples."""
    defined = {a.acronym for a in context.sheet.acronyms or []}
    used: set[str] = set()
    for location, text in strings_of(context.sheet):
        if location and location[0] in {"acronyms", "notes"}:
            continue
        # Part numbers (HM01B0, RP2040) carry digits and are names, not acronyms.
        used.update(w for w in _ACRONYM.findall(text) if not any(c.isdigit() for c in w))
    undefined = sorted(used - defined - _NOT_ACRONYMS)
    if undefined:
        shown = ", ".join(undefined[:12]) + (" ..." if len(undefined) > 12 else "")
        yield Hit(
            ("acronyms",),
            N_(
                "{count} acronyms used but not defined: {acronyms}",
                count=Num(len(undefined), "d"),
                acronyms=shown,
            ),
        )


@check("footprint-config", "error", "The footprint configuration computes, and matches", 10)
def footprint_config(context: CheckContext) -> Iterator[Hit]:
    """A footprint configuration must name known blocks and options, and a hand-typed total
    beside it must agree with what the library computes."""
    where = ("ml_sensor", "environmental_impact", "footprint")
    try:
        section = compute_environment(context.sheet)
    except EnvironmentInputError as error:
        for problem in error.messages:
            yield Hit(where, problem)
        return
    impact = context.at("ml_sensor", "environmental_impact")
    stated = getattr(impact, "total_kg_co2e", None)
    if section is None or stated is None:
        return
    computed = section.total_kg_co2e
    if abs(stated - computed) > BREAKDOWN_TOLERANCE * computed:
        yield Hit(
            ("ml_sensor", "environmental_impact", "total_kg_co2e"),
            N_(
                "{stated} kg CO2e stated, but the footprint configuration gives {computed} kg CO2e",
                stated=Num(stated),
                computed=Num(computed),
            ),
        )
