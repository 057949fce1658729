"""The schema: grades declared on the fields, triggers defined, labels for every field,
JSON Schema export, and the import rule for leaf libraries."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

from pydantic import BaseModel

from courseware.datasheet.grades import grade_of
from courseware.datasheet.labels import LABELS_FILE, extract_labels, field_labels
from courseware.datasheet.schema import Datasheet
from courseware.datasheet.triggers import TRIGGERS

PACKAGE = Path(__file__).resolve().parents[2] / "tools" / "courseware" / "datasheet"


def _models(
    model: type[BaseModel], seen: set[type[BaseModel]] | None = None
) -> set[type[BaseModel]]:
    seen = seen if seen is not None else set()
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        for candidate in _types(field.annotation):
            _models(candidate, seen)
    return seen


def _types(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [t for arg in typing.get_args(annotation) for t in _types(arg)]


def test_every_conditional_field_names_a_known_trigger() -> None:
    conditional = [
        (model.__name__, name, grade_of(model, name).trigger)
        for model in _models(Datasheet)
        for name in model.model_fields
        if grade_of(model, name).kind == "conditional"
    ]
    assert conditional
    assert all(trigger in TRIGGERS for _, _, trigger in conditional), conditional


def test_the_paper_has_four_groups_and_ten_blocks() -> None:
    groups = [n for n in Datasheet.model_fields if grade_of(Datasheet, n).kind == "group"]
    assert groups == ["standard_sensor", "iot", "ai", "ml_sensor"]
    blocks = [
        name
        for group in groups
        for model in _types(Datasheet.model_fields[group].annotation)
        for name in model.model_fields
        if grade_of(model, name).kind == "block"
    ]
    assert len(blocks) == 10


def test_every_field_has_a_label() -> None:
    labels = field_labels(lambda s: s)
    names = {name for model in _models(Datasheet) for name in model.model_fields}
    assert names <= set(labels)


def test_labels_are_read_from_the_data_file_with_their_values() -> None:
    labels = field_labels(lambda s: s)
    assert labels["accuracy_percent"] == "Accuracy (%)"
    assert labels["bom_lines_accounted"] == "BOM lines accounted for"
    assert labels["use_phase_power_mw"] == "Use-phase power (mW)"
    assert labels["ai"] == "AI"
    assert len(labels) == 314
    assert field_labels(str.upper)["width_px"] == "WIDTH (PX)"


def test_babel_extracts_every_label_with_its_line() -> None:
    with LABELS_FILE.open("rb") as handle:
        extracted = list(extract_labels(handle, {}, (), {}))
    lines = LABELS_FILE.read_text(encoding="utf-8").splitlines()
    assert {message for _, _, message, _ in extracted} == set(field_labels(lambda s: s).values())
    line, _, message, _ = next(e for e in extracted if e[2] == "Accuracy (%)")
    assert lines[line - 1] == 'accuracy_percent: "Accuracy (%)"'


def test_json_schema_carries_the_grades() -> None:
    schema = Datasheet.model_json_schema()
    text = str(schema)
    assert "'x-grade': 'required'" in text and "'x-trigger': 'observes_people'" in text


def test_datasheet_imports_only_the_allowed_packages() -> None:
    allowed = (
        "courseware.errors",
        "courseware.yamlsafe",
        "courseware.validation",
        "courseware.textfields",
        "courseware.problem_codes",
        "courseware.footprint",
        "courseware.datasheet",
    )
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                # ``from courseware import problem_codes`` imports courseware.problem_codes
                module = node.module
                if module == "courseware":
                    module = f"courseware.{node.names[0].name}"
            elif isinstance(node, ast.Import):
                module = node.names[0].name
            else:
                continue
            if module.startswith("courseware"):
                assert module.startswith(allowed), f"{path.name} imports {module}"
            assert not module.startswith(("mkdocs", "click", "material")), path.name
