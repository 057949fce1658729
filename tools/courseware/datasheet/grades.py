"""The grade of every datasheet field (required, optional, conditional), kept in the schema.

The only field-level grading in the sources is a revision of the paper's Markdown template
that tags every field [R], [O] or [C] (by its content a version of
``ml_sensor_datasheet_template.md`` in https://github.com/harvard-edge/ML-Sensors). Grades
live in each field's JSON Schema extra (``x-grade``, ``x-trigger``) so that contributors'
editors, the validator and the renderer read the same declaration; the validator has no
list of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, Field

GradeKind = Literal["required", "optional", "conditional", "block", "group"]


@dataclass(frozen=True)
class Grade:
    """How much a field is owed: always, never, or when its trigger holds."""

    kind: GradeKind
    trigger: str | None = None


def required(description: str, **kwargs: Any) -> Any:
    """A field every datasheet must fill ([R]); "Not disclosed" fills it, and is counted."""
    return Field(
        default=None, description=description, json_schema_extra=_extra("required"), **kwargs
    )


def optional(description: str, **kwargs: Any) -> Any:
    """A field a datasheet may leave out ([O])."""
    kwargs.setdefault("default", None)
    return Field(description=description, json_schema_extra=_extra("optional"), **kwargs)


def conditional(trigger: str, description: str, **kwargs: Any) -> Any:
    """A field owed when ``trigger`` (a name in ``triggers.TRIGGERS``) holds ([C])."""
    return Field(
        default=None,
        description=f"{description} (required when: {trigger})",
        json_schema_extra=_extra("conditional", trigger),
        **kwargs,
    )


def block(description: str, **kwargs: Any) -> Any:
    """One of the paper's ten blocks; a missing block is reported by the structure check."""
    return Field(default=None, description=description, json_schema_extra=_extra("block"), **kwargs)


def group(description: str, **kwargs: Any) -> Any:
    """One of the paper's four groups; its blocks are checked one by one."""
    return Field(default=None, description=description, json_schema_extra=_extra("group"), **kwargs)


def _extra(kind: GradeKind, trigger: str | None = None) -> dict[str, Any]:
    extra: dict[str, Any] = {"x-grade": kind}
    if trigger is not None:
        extra["x-trigger"] = trigger
    return extra


def grade_of(model: type[BaseModel], name: str) -> Grade:
    """Return the declared grade of field ``name`` of ``model`` (optional when undeclared)."""
    field = model.model_fields[name]
    extra = field.json_schema_extra
    if not isinstance(extra, dict):
        return Grade("optional")
    kind = extra.get("x-grade", "optional")
    trigger = extra.get("x-trigger")
    return Grade(kind, trigger if isinstance(trigger, str) else None)  # type: ignore[arg-type]
