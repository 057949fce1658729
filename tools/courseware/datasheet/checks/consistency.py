"""Cross-section consistency (checks 15 to 21): the same quantity has the same value
everywhere; what the hardware can sense, store and infer is what the privacy label says."""

from __future__ import annotations

import re
from collections.abc import Iterator

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.checks.values import i2c_address_value
from courseware.datasheet.schema.base import UNDISCLOSED_ANSWERS, Quantity
from courseware.datasheet.schema.description import Statement
from courseware.datasheet.schema.standard import Dimensions
from courseware.datasheet.units import convert
from courseware.datasheet.walk import models_of, parse_dotted, value_at

DIMENSION_TOLERANCE = 0.05
"""Stated and drawn sizes may differ by 5 % (rounding of inches to millimetres)."""

_NEGATIVE = re.compile(r"^\s*(no|none|not\b|never)", re.IGNORECASE)
_SAFE_PORT_STATES = {"disabled", "fused", "removed"}


def says_no(text: object) -> bool:
    """Whether a label answer denies something ("No device storage", "None", "Not shared")."""
    return isinstance(text, str) and text not in UNDISCLOSED_ANSWERS and bool(_NEGATIVE.match(text))


@check("stated-values", "error", "The same quantity has the same value everywhere", 15)
def stated_values(context: CheckContext) -> Iterator[Hit]:
    """The Person Sensor's description says 400 kb/s where its table says 100 kb/s, and its
    manufacturer's guide gives address 0x62 where the datasheet gives 0x63."""
    for location, statement in models_of(context.sheet, Statement):
        target_location = parse_dotted(statement.field)
        target = value_at(context.sheet, target_location)
        if target is None:
            yield Hit((*location, "field"), f"{statement.field!r} names no field that is set")
            continue
        mismatch = _mismatch(statement, target)
        if mismatch:
            yield Hit(location, f"{statement.where} gives {mismatch}")


def _mismatch(statement: Statement, target: object) -> str | None:
    if statement.address is not None or statement.field.endswith("i2c_address"):
        table = i2c_address_value(target)
        said = (
            statement.address
            if statement.address is not None
            else i2c_address_value(statement.text)
        )
        if said is not None and table is not None and said != table:
            return f"{said:#04x}, but {statement.field} is {table:#04x}"
        return None
    if isinstance(target, Quantity) and target.is_disclosed and target.unit and statement.unit:
        for name in ("min", "typ", "max"):
            said = getattr(statement, name)
            table = getattr(target, name)
            if said is None or table is None:
                continue
            converted = convert(said, statement.unit, target.unit)
            if converted is None:
                return f"{said:g} {statement.unit}, not comparable with {target.unit}"
            if abs(converted - table) > 1e-9 * max(abs(table), 1):
                return (
                    f"{name} {said:g} {statement.unit}, but {statement.field} says "
                    f"{table:g} {target.unit}"
                )
        return None
    if statement.text is not None and isinstance(target, str) and statement.text != target:
        return f"{statement.text!r}, but {statement.field} says {target!r}"
    return None


def _in_mm(dimensions: Dimensions) -> list[float]:
    factor = 25.4 if dimensions.unit == "in" else 1.0
    return [v * factor for v in (dimensions.length, dimensions.width, dimensions.height)]


@check("dimensions-drawing", "error", "Stated dimensions match the drawing", 16)
def dimensions_drawing(context: CheckContext) -> Iterator[Hit]:
    """The open-source example states 10 × 10 × 2 mm; its drawing shows 1.07 × 1.09 × 0.38 in."""
    form = context.sheet.standard_sensor.form_factor if context.sheet.standard_sensor else None
    if form is None or form.dimensions is None or form.drawing_dimensions is None:
        return
    stated, drawn = _in_mm(form.dimensions), _in_mm(form.drawing_dimensions)
    # Compare sorted sizes: a drawing may name length and width the other way round.
    pairs = zip(sorted(stated), sorted(drawn), strict=True)
    if any(abs(a - b) > DIMENSION_TOLERANCE * b for a, b in pairs):
        shown = " × ".join(f"{v:.1f}" for v in drawn)
        yield Hit(
            ("standard_sensor", "form_factor", "dimensions"),
            f"{' × '.join(f'{v:g}' for v in stated)} mm stated, but the drawing shows {shown} mm",
        )


@check("output-semantics", "error", "The confidence has one range in every section", 17)
def output_semantics(context: CheckContext) -> Iterator[Hit]:
    """The open-source module outputs a 0-255 byte; its evaluation plots a 0-1 confidence."""
    metric = context.at("ml_sensor", "end_to_end", "metric")
    fields = context.at("standard_sensor", "communication", "output_format", "fields")
    if metric is None or not isinstance(fields, list):
        return
    name = getattr(metric, "name", "")
    low, high = getattr(metric, "range_min", None), getattr(metric, "range_max", None)
    if "confidence" not in name.lower() or low is None or high is None:
        return
    outputs = [f for f in fields if "confidence" in f.name.lower() and f.max is not None]
    if outputs and all((f.min, f.max) != (low, high) for f in outputs):
        ranges = ", ".join(f"{f.name} {f.min:g}-{f.max:g}" for f in outputs if f.min is not None)
        yield Hit(
            ("ml_sensor", "end_to_end", "metric"),
            f"the evaluation's {name} runs "
            f"{low:g}-{high:g}, but the interface outputs {ranges}; use one scale",
        )


def _sensed_modalities(context: CheckContext) -> dict[str, tuple[str | int, ...]]:
    found: dict[str, tuple[str | int, ...]] = {}
    hardware = context.at("standard_sensor", "hardware", "sensors")
    for index, part in enumerate(hardware if isinstance(hardware, list) else []):
        if not part.physically_disabled:
            found.setdefault(part.modality, ("standard_sensor", "hardware", "sensors", index))
    bom = context.sheet.bill_of_materials
    for index, line in enumerate(bom.lines if bom else []):
        if line.modality and not line.physically_disabled:
            found.setdefault(line.modality, ("bill_of_materials", "lines", index, "modality"))
    return found


@check("modalities-covered", "error", "Every sensing part's modality is in the privacy label", 18)
def modalities_covered(context: CheckContext) -> Iterator[Hit]:
    """The Person Sensor's BOM lists a MEMS microphone; its label declares Visual only."""
    practices = context.at("iot", "privacy_security", "data_practices")
    if not isinstance(practices, list):
        return
    declared = {p.modality for p in practices}
    for modality, location in _sensed_modalities(context).items():
        if modality not in declared:
            yield Hit(
                location,
                f"a part sensing {modality} is fitted, but the privacy label has no "
                f"{modality} data practice; declare it or mark the part "
                "physically_disabled",
            )


@check("storage-claims", "error", "Storage claims agree with the interface's persistence", 19)
def storage_claims(context: CheckContext) -> Iterator[Hit]:
    """The Person Sensor's label says "No device storage", but register 0x05 "Persist IDs"
    (default True) keeps face IDs across power-off."""
    practices = context.at("iot", "privacy_security", "data_practices")
    registers = context.at("standard_sensor", "communication", "registers")
    if not isinstance(practices, list) or not isinstance(registers, list):
        return
    storing = [r for r in registers if r.stores_data_on_device]
    if not storing:
        return
    names = ", ".join(f"{r.name} (default {r.default or 'not stated'})" for r in storing)
    for index, practice in enumerate(practices):
        base = ("iot", "privacy_security", "data_practices", index)
        if says_no(practice.stored_on_device):
            yield Hit(
                (*base, "stored_on_device"),
                f"{practice.stored_on_device!r}, but the "
                f"interface keeps data on the device: {names}",
            )
        if says_no(practice.local_retention):
            yield Hit(
                (*base, "local_retention"),
                f"{practice.local_retention!r}, but the "
                f"interface keeps data on the device: {names}",
            )


@check("identity-disclosure", "error", "Identity inference is declared where it happens", 20)
def identity_disclosure(context: CheckContext) -> Iterator[Hit]:
    """A face-ID model must show in the label's inferences and the dataset's individual
    information; the Person Sensor says "Not disclosed" and "no"."""
    networks = context.at("ai", "model", "networks")
    if not isinstance(networks, list) or not any(n.infers_identity for n in networks):
        return
    inferred = context.at("iot", "privacy_security", "data_use", "inferred")
    if isinstance(inferred, str) and not re.search(r"identi|recogni", inferred, re.IGNORECASE):
        yield Hit(
            ("iot", "privacy_security", "data_use", "inferred"),
            f"a network identifies people, but the label says {inferred!r}",
        )
    identifiable = context.at("iot", "privacy_security", "captures_identifiable_data")
    if identifiable in ("no", *UNDISCLOSED_ANSWERS):
        yield Hit(
            ("iot", "privacy_security", "captures_identifiable_data"),
            f"a network identifies people, but the label says {identifiable!r}",
        )
    for name in ("training", "fine_tuning"):
        answer = context.at("ai", "dataset", name, "individual_information")
        if answer in ("no", *UNDISCLOSED_ANSWERS):
            yield Hit(
                ("ai", "dataset", name, "individual_information"),
                f"a network identifies people, but the {name} data's individual "
                f"information is {answer!r}",
            )


@check("debug-ports", "warning", "Debug ports are declared with their production state", 21)
def debug_ports(context: CheckContext) -> Iterator[Hit]:
    """The open-source board exposes JTAG and a diagnostic USB while the sheet says raw data
    never leaves the module."""
    if context.at("iot", "privacy_security", "raw_data_leaves_module") != "no":
        return
    ports = context.at("standard_sensor", "communication", "debug_ports")
    for index, port in enumerate(ports if isinstance(ports, list) else []):
        if port.production_state not in _SAFE_PORT_STATES:
            yield Hit(
                ("standard_sensor", "communication", "debug_ports", index),
                f"{port.name} is {port.production_state!r} in production, yet the label "
                "says raw data never leaves the module; state how the port is closed",
            )


@check(
    "update-policy", "warning", "No security updates needs a lifetime and a disclosure route", 22
)
def update_policy(context: CheckContext) -> Iterator[Hit]:
    """A device that can never be patched must say how long it is supported and where to
    report vulnerabilities."""
    updates = context.at("iot", "privacy_security", "security", "security_updates")
    if not says_no(updates):
        return
    for location in (
        ("iot", "privacy_security", "supported_lifetime"),
        ("iot", "privacy_security", "security", "vulnerability_disclosure"),
    ):
        answer = value_at(context.sheet, location)
        if answer is None or answer in UNDISCLOSED_ANSWERS or says_no(answer):
            yield Hit(location, f"{updates!r}, so this must be stated (found {answer!r})")
