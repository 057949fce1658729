"""Cross-section consistency (checks 15 to 21): the same quantity has the same value
everywhere; what the hardware can sense, store and infer is what the privacy label says."""

from __future__ import annotations

import re
from collections.abc import Iterator

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.checks.values import i2c_address_value
from courseware.datasheet.messages import N_, Joined, Message, Num, Nums, Symbol
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
            yield Hit(
                (*location, "field"),
                N_("{field} names no field that is set", field=repr(statement.field)),
            )
            continue
        mismatch = _mismatch(statement, target)
        if mismatch:
            yield Hit(
                location, N_("{where} gives {mismatch}", where=statement.where, mismatch=mismatch)
            )


def _mismatch(statement: Statement, target: object) -> Message | None:
    if statement.address is not None or statement.field.endswith("i2c_address"):
        table = i2c_address_value(target)
        said = (
            statement.address
            if statement.address is not None
            else i2c_address_value(statement.text)
        )
        if said is not None and table is not None and said != table:
            return N_(
                "{said}, but {field} is {table}",
                said=f"{said:#04x}",
                field=statement.field,
                table=f"{table:#04x}",
            )
        return None
    if isinstance(target, Quantity) and target.is_disclosed and target.unit and statement.unit:
        for name in ("min", "typ", "max"):
            said = getattr(statement, name)
            table = getattr(target, name)
            if said is None or table is None:
                continue
            converted = convert(said, statement.unit, target.unit)
            if converted is None:
                return N_(
                    "{said} {unit}, not comparable with {table_unit}",
                    said=Num(said),
                    unit=Symbol(statement.unit),
                    table_unit=Symbol(target.unit),
                )
            if abs(converted - table) > 1e-9 * max(abs(table), 1):
                return N_(
                    "{name} {said} {unit}, but {field} says {table} {table_unit}",
                    name=name,
                    said=Num(said),
                    unit=Symbol(statement.unit),
                    field=statement.field,
                    table=Num(table),
                    table_unit=Symbol(target.unit),
                )
        return None
    if statement.text is not None and isinstance(target, str) and statement.text != target:
        return N_(
            "{said}, but {field} says {table}",
            said=repr(statement.text),
            field=statement.field,
            table=repr(target),
        )
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
        yield Hit(
            ("standard_sensor", "form_factor", "dimensions"),
            N_(
                "{stated} mm stated, but the drawing shows {drawn} mm",
                stated=Nums(tuple(stated), " × "),
                drawn=Nums(tuple(drawn), " × ", ".1f"),
            ),
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
        ranges = tuple(
            N_("{name} {low}-{high}", name=f.name, low=Num(f.min), high=Num(f.max))
            for f in outputs
            if f.min is not None and f.max is not None
        )
        yield Hit(
            ("ml_sensor", "end_to_end", "metric"),
            N_(
                "the evaluation's {metric} runs {low}-{high}, but the interface outputs "
                "{ranges}; use one scale",
                metric=name,
                low=Num(low),
                high=Num(high),
                ranges=Joined(ranges),
            ),
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
                N_(
                    "a part sensing {modality} is fitted, but the privacy label has no "
                    "{modality} data practice; declare it or mark the part physically_disabled",
                    modality=modality,
                ),
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
    names = Joined(
        tuple(
            N_("{name} (default {default})", name=r.name, default=r.default)
            if r.default
            else N_("{name} (default not stated)", name=r.name)
            for r in storing
        )
    )
    for index, practice in enumerate(practices):
        base = ("iot", "privacy_security", "data_practices", index)
        if says_no(practice.stored_on_device):
            yield Hit(
                (*base, "stored_on_device"),
                N_(
                    "{answer}, but the interface keeps data on the device: {registers}",
                    answer=repr(practice.stored_on_device),
                    registers=names,
                ),
            )
        if says_no(practice.local_retention):
            yield Hit(
                (*base, "local_retention"),
                N_(
                    "{answer}, but the interface keeps data on the device: {registers}",
                    answer=repr(practice.local_retention),
                    registers=names,
                ),
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
            N_("a network identifies people, but the label says {answer}", answer=repr(inferred)),
        )
    identifiable = context.at("iot", "privacy_security", "captures_identifiable_data")
    if identifiable in ("no", *UNDISCLOSED_ANSWERS):
        yield Hit(
            ("iot", "privacy_security", "captures_identifiable_data"),
            N_(
                "a network identifies people, but the label says {answer}",
                answer=repr(identifiable),
            ),
        )
    for name in ("training", "fine_tuning"):
        answer = context.at("ai", "dataset", name, "individual_information")
        if answer in ("no", *UNDISCLOSED_ANSWERS):
            yield Hit(
                ("ai", "dataset", name, "individual_information"),
                N_(
                    "a network identifies people, but the {dataset} data's individual "
                    "information is {answer}",
                    dataset=name,
                    answer=repr(answer),
                ),
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
                N_(
                    "{port} is {state} in production, yet the label says raw data never "
                    "leaves the module; state how the port is closed",
                    port=port.name,
                    state=repr(port.production_state),
                ),
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
            yield Hit(
                location,
                N_(
                    "{updates}, so this must be stated (found {answer})",
                    updates=repr(updates),
                    answer=repr(answer),
                ),
            )
