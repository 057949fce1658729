"""Learning objectives with ids: the new form, the older bare-text form, and repeated ids."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from courseware import problem_codes as codes
from courseware.errors import ContentError
from courseware.registry.load import load_registry

FIXTURES = Path(__file__).parent.parent / "fixtures"
MODULE = "modules/intro/module.yaml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURES / "curriculum" / "valid", tmp_path / "valid"))


def _objectives(project: Path, block: str) -> None:
    path = project / MODULE
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - Explain introduction.\n", block), encoding="utf-8")


def test_bare_text_objectives_still_load_without_ids(project: Path) -> None:
    spec = load_registry(project).modules_by_id["intro"].spec
    assert spec.learning_objectives == ["Explain introduction."]
    assert spec.objective_ids == []


def test_objectives_with_ids_give_ids_and_texts(project: Path) -> None:
    _objectives(
        project,
        "  - id: explain-it\n    text: {en: Explain introduction., es: Explicar.}\n  - Say more.\n",
    )
    spec = load_registry(project).modules_by_id["intro"].spec
    assert spec.objective_ids == ["explain-it"]
    assert spec.learning_objectives == [
        {"en": "Explain introduction.", "es": "Explicar."},
        "Say more.",
    ]


def test_a_repeated_objective_id_is_an_error_at_its_line(project: Path) -> None:
    _objectives(
        project,
        "  - id: same\n    text: One.\n  - id: same\n    text: Two.\n",
    )
    with pytest.raises(ContentError) as raised:
        load_registry(project)
    assert [str(p) for p in raised.value.problems] == [
        f"{MODULE}:7: learning_objectives[1].id: 'same' is already the id of "
        f"learning_objectives[0]; give each objective its own id [{codes.DUPLICATE_ID}]"
    ]


def test_an_objective_without_text_names_the_field(project: Path) -> None:
    _objectives(project, "  - id: no-text\n")
    with pytest.raises(ContentError) as raised:
        load_registry(project)
    own = [str(p) for p in raised.value.problems if p.file == MODULE]
    assert own == [
        f"{MODULE}:5: learning_objectives[0].text: required field is missing "
        f"[{codes.MISSING_FIELD}]"
    ]
