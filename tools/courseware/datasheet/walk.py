"""Walk a datasheet model as the YAML locations it came from, so generic checks (grades,
placeholders, units, percentages) can visit every value and name its line."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from courseware.yamlsafe import KeyPath


def walk(value: Any, location: KeyPath = ()) -> Iterator[tuple[KeyPath, Any]]:
    """Yield ``(location, value)`` for every value that was set, depth first.

    Fields left at their default are skipped: they were not written in the file, so they
    have no line and nothing there can be wrong.
    """
    yield location, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name in value.model_fields_set:
                yield from walk(getattr(value, name), (*location, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*location, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*location, str(key)))


def models_of(value: Any, kind: type[BaseModel]) -> Iterator[tuple[KeyPath, Any]]:
    """Yield every model of class ``kind`` inside ``value`` with its location."""
    for location, item in walk(value):
        if isinstance(item, kind):
            yield location, item


def strings_of(value: Any) -> Iterator[tuple[KeyPath, str]]:
    """Yield every string value with its location."""
    for location, item in walk(value):
        if isinstance(item, str):
            yield location, item


def value_at(root: Any, location: KeyPath) -> Any:
    """Return the value at ``location`` inside models, lists and dicts, or None if absent."""
    current = root
    for part in location:
        if current is None:
            return None
        if isinstance(part, int):
            if not isinstance(current, list) or not 0 <= part < len(current):
                return None
            current = current[part]
        elif isinstance(current, BaseModel):
            if part not in type(current).model_fields:
                return None
            current = getattr(current, part)
        elif isinstance(current, dict):
            current = current.get(part)
        else:
            return None
    return current


def parse_dotted(path: str) -> KeyPath:
    """Parse ``a.b[2].c`` into a location (the inverse of ``yamlsafe.dotted_field``)."""
    location: list[str | int] = []
    for part in path.split("."):
        name, _, rest = part.partition("[")
        if name:
            location.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            if index.isdigit():
                location.append(int(index))
            rest = rest.lstrip("[")
    return tuple(location)
