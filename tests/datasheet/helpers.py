"""Build small datasheets for the tests: the clean base fixture, changed in a few places."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from courseware.datasheet.findings import Finding
from courseware.datasheet.load import LoadedDatasheet, parse_datasheet
from courseware.datasheet.validate import validate_datasheet

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "datasheets"
BASE_FILE = FIXTURES / "base.yaml"
SENSORS = Path(__file__).resolve().parents[2] / "curriculum" / "sensors"

DELETE = object()
"""Patch value that removes the key."""


def base_data() -> dict[str, Any]:
    """The clean base datasheet as plain data (a fresh copy each call)."""
    data = yaml.safe_load(BASE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def _parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        name, _, rest = piece.partition("[")
        parts.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            parts.append(int(index))
            rest = rest.lstrip("[")
    return parts


def patched(patch: dict[str, Any]) -> dict[str, Any]:
    """The base data with each dotted path set to its value (or removed, for DELETE)."""
    data = base_data()
    for path, value in patch.items():
        *parents, last = _parts(path)
        node: Any = data
        for part in parents:
            if isinstance(part, str) and part not in node:
                node[part] = {}
            node = node[part]
        if value is DELETE:
            del node[last]
        elif isinstance(node, list) and isinstance(last, int) and last == len(node):
            node.append(value)
        else:
            node[last] = value
    return data


def load_data(data: dict[str, Any], name: str = "base.yaml") -> LoadedDatasheet:
    """Dump the data as YAML and load it as the file ``name`` (so findings carry lines)."""
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    return parse_datasheet(text, f"tests/fixtures/datasheets/{name}")


def run_checks(data: dict[str, Any], only: list[str] | None = None) -> list[Finding]:
    """Load the data and run the checks on it; loading must succeed."""
    loaded = load_data(data)
    assert loaded.sheet is not None, [str(f) for f in loaded.findings]
    return validate_datasheet(loaded.sheet, loaded.path, loaded.document, only=only)
