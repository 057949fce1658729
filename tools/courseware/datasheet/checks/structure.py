"""Structure and completeness checks (checks 1 to 4): blocks present, required and
triggered fields filled, no placeholders, how much is left undisclosed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from courseware.datasheet.checks.registry import CheckContext, Hit, check
from courseware.datasheet.findings import Severity
from courseware.datasheet.grades import grade_of
from courseware.datasheet.messages import N_, Num
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.schema.base import UNDISCLOSED_ANSWERS, Quantity
from courseware.datasheet.triggers import TRIGGERS
from courseware.datasheet.walk import models_of, strings_of
from courseware.yamlsafe import KeyPath

DISCLOSURE_WARNING_THRESHOLD = 10
"""Undisclosed answers above which a warning is given. A course setting, not a published
figure: the commercial example has 16 in its IoT label, the open-source one 15 Unknowns in
its nutrition label (check 4)."""

_PLACEHOLDER = re.compile(
    r"\b(TBD|TBA|TBC|TODO|FIXME|XXX+|lorem ipsum)\b|\?\?\?|\b(see|click|available)\b[^.]*\bhere\b",
    re.IGNORECASE,
)


@check("blocks-present", "error", "All ten paper blocks and the title page are present", 1)
def blocks_present(context: CheckContext) -> Iterator[Hit]:
    """A datasheet missing a block is not a datasheet of the paper's kind."""
    sheet = context.sheet
    if sheet.title_page is None:
        yield Hit(
            ("title_page",),
            N_(
                "the title page is missing; add title_page with the sensor name, "
                "datasheet_version and release_date"
            ),
        )
    else:
        for name in ("datasheet_version", "release_date"):
            if getattr(sheet.title_page, name) is None:
                yield Hit(("title_page", name), N_("the title page needs a version and a date"))
    for group_name in ("standard_sensor", "iot", "ai", "ml_sensor"):
        group = getattr(sheet, group_name)
        group_model = Datasheet.model_fields[group_name].annotation
        block_names = _block_names(group_model)
        for block_name in block_names:
            if group is None or getattr(group, block_name) is None:
                title = _block_title(group_model, block_name)
                yield Hit(
                    (group_name, block_name), N_("the block {block} is missing", block=repr(title))
                )


def _block_names(annotation: object) -> list[str]:
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return list(candidate.model_fields)
    return []


def _block_title(annotation: object, name: str) -> str:
    for candidate in getattr(annotation, "__args__", (annotation,)):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            description = candidate.model_fields[name].description or name
            return description.rstrip(".")
    return name


def _is_empty(value: object) -> bool:
    return value is None or value == [] or value == ""


def _graded_gaps(context: CheckContext, kind: str) -> Iterator[tuple[KeyPath, str | None]]:
    """Yield locations of empty fields of grade ``kind`` inside every model that is present."""
    for location, model in models_of(context.sheet, BaseModel):
        for name in type(model).model_fields:
            grade = grade_of(type(model), name)
            if grade.kind == kind and _is_empty(getattr(model, name)):
                yield (*location, name), grade.trigger


@check("required-fields", "error", "Required ([R]) fields are filled", 2)
def required_fields(context: CheckContext) -> Iterator[Hit]:
    """An [R] field may say 'Not disclosed', but it may not be silent."""
    for location, _ in _graded_gaps(context, "required"):
        yield Hit(location, N_("required field is empty; give the value or write 'Not disclosed'"))


@check("conditional-fields", "error", "Conditional ([C]) fields are filled when triggered", 2)
def conditional_fields(context: CheckContext) -> Iterator[Hit]:
    """A [C] field becomes required when its trigger holds (e.g. people are observed)."""
    for location, trigger_name in _graded_gaps(context, "conditional"):
        trigger = TRIGGERS.get(trigger_name or "")
        if trigger is not None and trigger.holds(context.sheet):
            yield Hit(
                location,
                N_(
                    "required because {reason}; give the value or write 'Not disclosed'",
                    reason=trigger.reason,
                ),
            )


@check("placeholders", "error", "No placeholders (TBD, TODO, 'here' without a link)", 3)
def placeholders(context: CheckContext) -> Iterator[Hit]:
    """A placeholder reads as a value but says nothing; the first revision of the open-source
    datasheet gave its I2C address as "TBD"."""
    for location, text in strings_of(context.sheet):
        match = _PLACEHOLDER.search(text)
        if match and not ("here" in match.group(0).lower() and "https://" in text):
            yield Hit(
                location,
                N_(
                    "placeholder {placeholder}; give the real value or write 'Not disclosed'",
                    placeholder=repr(match.group(0)),
                ),
            )


def undisclosed_locations(sheet: Datasheet) -> list[KeyPath]:
    """Locations answered "Not disclosed", "Unknown" or "Unsure" (strings and quantities)."""
    found = [loc for loc, text in strings_of(sheet) if text in UNDISCLOSED_ANSWERS]
    found += [loc for loc, q in models_of(sheet, Quantity) if not q.is_disclosed]
    return sorted(found, key=lambda loc: tuple(str(part) for part in loc))


@check("disclosure-count", "warning", "Count of 'Not disclosed' / 'Unknown' answers", 4)
def disclosure_count(context: CheckContext) -> Iterator[Hit]:
    """Undisclosed answers are allowed but count against the sheet (the Data Nutrition Label
    convention); above the threshold the count becomes a warning."""
    answers = undisclosed_locations(context.sheet)
    tallies = context.at("ai", "dataset", "nutrition_label", "tallies")
    label_unknown = sum(t.unknown for t in tallies) if isinstance(tallies, list) else 0
    total = len(answers) + label_unknown
    if total == 0:
        return
    fields, threshold = Num(len(answers), "d"), Num(DISCLOSURE_WARNING_THRESHOLD, "d")
    message = N_(
        "{fields} fields answered 'Not disclosed', 'Unknown' or 'Unsure' ({total} in all; "
        "warning above {threshold})",
        fields=fields,
        total=Num(total, "d"),
        threshold=threshold,
    )
    if label_unknown:
        message = N_(
            "{fields} fields answered 'Not disclosed', 'Unknown' or 'Unsure', plus {label} "
            "'Unknown' items in the nutrition label tallies ({total} in all; warning above "
            "{threshold})",
            fields=fields,
            label=Num(label_unknown, "d"),
            total=Num(total, "d"),
            threshold=threshold,
        )
    severity: Severity = "warning" if total > DISCLOSURE_WARNING_THRESHOLD else "info"
    yield Hit((), message, severity)
