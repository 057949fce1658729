"""Turn a YAML document into a typed model, translating pydantic errors into the
``file:line: field: message`` problems contributors read.

Pydantic's own messages ("Extra inputs are not permitted", "Input should be a valid string")
say neither where nor how to fix; this module adds the line from the YAML document, a "did
you mean" for unknown fields and choices, and "quote it" for YAML 1.1 surprises.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode
from courseware.yamlsafe import KeyPath, YamlDocument, dotted_field

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate_document(
    model: type[ModelT], document: YamlDocument, context: dict[str, Any] | None = None
) -> tuple[ModelT | None, list[Problem]]:
    """Validate a parsed document against ``model``.

    Returns:
        The model instance (None if invalid) and every problem found, each with its line.
    """
    if not isinstance(document.data, dict):
        found = type(document.data).__name__
        message = f"expected a mapping of fields, found {found}"
        return None, [Problem(document.path, 1, None, message, code=codes.NOT_A_MAPPING)]
    try:
        return model.model_validate(document.data, context=context), []
    except ValidationError as error:
        return None, problems_from_validation_error(error, document, model)


def problems_from_validation_error(
    error: ValidationError, document: YamlDocument, model: type[BaseModel]
) -> list[Problem]:
    """Translate every pydantic error into a Problem that names the file, line and field."""
    problems = []
    for detail in error.errors(include_url=False):
        location = _data_location(tuple(detail["loc"]), document.data)
        if detail["type"] == "union_tag_invalid":
            location += (str(detail["ctx"]["discriminator"]).strip("'"),)
        message, code = _message(detail, location, document, model)
        line = document.line_of(location)
        problems.append(Problem(document.path, line, dotted_field(location), message, code=code))
    return _unique(problems)


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    seen: set[Problem] = set()
    result = []
    for problem in problems:
        if problem not in seen:
            seen.add(problem)
            result.append(problem)
    return result


def _data_location(loc: tuple[Any, ...], data: Any) -> KeyPath:
    """Keep only the parts of a pydantic location that address the data (drop union tags)."""
    result: list[str | int] = []
    current = data
    for part in loc:
        if _addresses(current, part):
            result.append(part)
            current = current[part]
        elif isinstance(current, dict) and part in current.values():
            continue  # a discriminated union's tag: the value of the item's own `type` key
        elif isinstance(current, dict) and isinstance(part, str) and not _is_tag(part):
            # A missing key: name it, though the data has no value there.
            result.append(part)
            current = None
    return tuple(result)


def _addresses(current: Any, part: Any) -> bool:
    if isinstance(current, dict):
        return isinstance(part, str) and part in current
    if isinstance(current, list):
        return isinstance(part, int) and 0 <= part < len(current)
    return False


def _is_tag(part: str) -> bool:
    """Pydantic marks union members and validators in locations, e.g. ``function-plain[...]``."""
    return "[" in part or part in {"str", "int", "float", "bool", "list", "dict"}


_OUT_OF_RANGE_KINDS = {
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "multiple_of",
    "too_short",
    "too_long",
    "string_too_short",
    "string_too_long",
}
"""Pydantic error types for a value outside its bounds (pydantic_core's ErrorType names)."""


def _message(
    detail: Any, location: KeyPath, document: YamlDocument, model: type[BaseModel]
) -> tuple[str, ProblemCode]:
    """The message for one pydantic error, and its code (chosen by pydantic's error type)."""
    kind = detail["type"]
    value = detail.get("input")
    if kind == "extra_forbidden":
        name = str(location[-1]) if location else "?"
        allowed = _allowed_fields(model, location[:-1])
        suggestion = _did_you_mean(name, allowed)
        listing = "" if suggestion else f"; known fields: {', '.join(sorted(allowed))}"
        return f"unknown field {name!r}{suggestion}{listing}", codes.UNKNOWN_FIELD
    if kind == "missing":
        return "required field is missing", codes.MISSING_FIELD
    if kind == "union_tag_invalid":
        context = detail["ctx"]
        choices = [c.strip().strip("'") for c in str(context["expected_tags"]).split(",")]
        tag = str(context["tag"])
        suggestion = _did_you_mean(tag, choices)
        return f"{tag!r} is not one of {', '.join(choices)}{suggestion}", codes.NOT_A_CHOICE
    written = document.plain_scalars.get(location)
    if written is not None and kind in {
        "string_type",
        "string_pattern_mismatch",
        "literal_error",
        "enum",
    }:
        return _quote_it(written, value), codes.YAML_MISREAD
    if kind in {"literal_error", "enum"}:
        expected = detail.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",")]
        choices = [c for c in choices if c]
        suggestion = _did_you_mean(str(value), choices)
        return f"{value!r} is not one of {', '.join(choices)}{suggestion}", codes.NOT_A_CHOICE
    if kind == "string_pattern_mismatch":
        message = f"{value!r} is not in the expected form ({_pattern_hint(detail)})"
        return message, codes.WRONG_FORM
    if written is not None and kind == "value_error" and _misread(written, value):
        return _quote_it(written, value), codes.YAML_MISREAD
    if kind in {"value_error", "assertion_error"}:
        error = detail.get("ctx", {}).get("error", detail["msg"])
        return str(error), getattr(error, "code", codes.INVALID_VALUE)
    if kind == "string_type" and value is not None:
        return f"expected text, found {_yaml_reading(value)}", codes.WRONG_TYPE
    message = str(detail["msg"]).replace("Input should be", "expected").replace("input", "value")
    if kind.endswith(("_type", "_parsing")):
        return message, codes.WRONG_TYPE
    if kind in _OUT_OF_RANGE_KINDS:
        return message, codes.OUT_OF_RANGE
    return message, codes.SCHEMA_MISMATCH


def _quote_it(written: str, value: Any) -> str:
    return (
        f'{written!r} was read by YAML as {_yaml_reading(value)}, not text; quote it: "{written}"'
    )


def _misread(written: str, value: Any) -> bool:
    """True when YAML 1.1 turned what was written into a different-looking value."""
    return isinstance(value, bool) or (isinstance(value, int | float) and written != str(value))


def _yaml_reading(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "an empty value"
    return f"a {type(value).__name__} ({value})"


def _pattern_hint(detail: Any) -> str:
    pattern = str(detail.get("ctx", {}).get("pattern", ""))
    hints = {
        "^[a-z0-9]+(?:-[a-z0-9]+)*$": "lowercase letters, digits and hyphens, like 'mit-6-5965'",
        "^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$": "a language code such as 'en' or 'pt-BR'",
    }
    return hints.get(pattern, f"pattern {pattern}")


def _did_you_mean(name: str, choices: Iterable[str]) -> str:
    matches = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    if not matches:
        matches = [c for c in choices if c.lower() == name.lower()]
    return f"; did you mean {matches[0]!r}?" if matches else ""


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """Return ``"; did you mean 'x'?"`` for the closest choice, or an empty string."""
    return _did_you_mean(name, choices)


def _allowed_fields(model: type[BaseModel], location: KeyPath) -> set[str]:
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return set()
        field = current.model_fields.get(part)
        if field is None:
            return set()
        current = _model_in(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return {f.alias or name for name, f in current.model_fields.items()}
    return set()


def _model_in(annotation: Any) -> Any:
    """Find the model class inside ``list[X]``, ``X | None`` and ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None:
        return None
    for argument in typing.get_args(annotation):
        if origin is typing.Annotated or origin in {list, tuple, types.UnionType, typing.Union}:
            found = _model_in(argument)
            if found is not None:
                return found
    return None
