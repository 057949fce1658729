"""The metadata header at the top of a lab: what the catalog shows and what execution needs.

A lab opens with a YAML block written as Python comments, so the file stays a plain script
that anyone can run::

    # ---
    # title: Energy per inference
    # module: footprint-basics
    # duration_minutes: 20
    # connectivity: none
    # hardware: none
    # requirements: [numpy, matplotlib]
    # ---

The block is parsed with the project's safe YAML loader, with blank lines in front so that
every problem carries the line of the ``.py`` file itself.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.textfields import PlainText, Slug
from courseware.validation import validate_document
from courseware.yamlsafe import YamlProblem, parse_yaml_text

Connectivity = Literal["none", "optional", "required"]

DEFAULT_TIMEOUT_SECONDS = 60
"""Per-cell limit from the issue ("60 s default, overridable per lab")."""

HEADER_FENCE = "# ---"

Requirement = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[\w,.-]+\])?$")]
"""A distribution name as pip knows it (optionally with extras); versions come from the
project's lock, not from labs."""

DataFile = Annotated[str, Field(min_length=1, max_length=200)]


class LabHeader(BaseModel):
    """The header of a source lab (``labs/<id>.py``)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: PlainText = Field(max_length=200, description="Title shown on the lab page.")
    module: Slug = Field(description="Id of the module this lab belongs to.")
    duration_minutes: int = Field(ge=1, le=600, description="Time a student needs.")
    connectivity: Connectivity = Field(
        description="Network needed: none, optional, or required (the lab then runs with it)."
    )
    hardware: PlainText = Field(
        max_length=100, description="'none', or the board the lab needs (e.g. 'Arduino Nano 33')."
    )
    requirements: list[Requirement] = Field(
        default_factory=list, description="Python distributions the lab imports."
    )
    data_files: list[DataFile] = Field(
        default_factory=list,
        description="Files next to the lab (paths relative to labs/) copied into its folder.",
    )
    timeout_seconds: int = Field(
        default=DEFAULT_TIMEOUT_SECONDS, ge=1, le=3600, description="Per-cell time limit."
    )
    jupyter: dict[str, Any] | None = Field(
        default=None, description="Written by jupytext when the lab is opened in Jupyter; ignored."
    )


class LabTranslationHeader(BaseModel):
    """The header of a translated lab (``labs/<id>.<lang>.py``): everything but the title
    comes from the source lab, as does the code (a translation holds only the lab's text; see
    :mod:`courseware.labs.translation`), so that a translation can never run differently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: PlainText = Field(max_length=200, description="Translated title.")
    source_hash: str | None = Field(
        default=None, description="Hash of the source lab this translation was made from."
    )
    jupyter: dict[str, Any] | None = None


@dataclass(frozen=True)
class HeaderBlock:
    """Where the header sits in the file: ``first_line`` and ``last_line`` are the fences."""

    first_line: int
    last_line: int
    yaml_text: str


def find_header(lines: list[str], relative: str) -> tuple[HeaderBlock | None, list[Problem]]:
    """Locate the comment block between the two ``# ---`` fences at the top of the file.

    The YAML text keeps one blank line per file line before it, so parser lines are file lines.
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].rstrip() != HEADER_FENCE:
        return None, [Problem(relative, 1, None, _MISSING_HEADER, code=codes.LAB_HEADER_MISSING)]
    for index in range(first + 1, len(lines)):
        line = lines[index].rstrip()
        if line == HEADER_FENCE:
            body = [_uncomment(text) for text in lines[first + 1 : index]]
            yaml_text = "\n" * (first + 1) + "\n".join(body) + "\n"
            return HeaderBlock(first + 1, index + 1, yaml_text), []
        if line and not line.startswith("#"):
            break
    return None, [
        Problem(
            relative,
            first + 1,
            None,
            "the header has no closing '# ---' line",
            code=codes.LAB_HEADER_UNCLOSED,
        )
    ]


def parse_header(
    block: HeaderBlock, relative: str, is_translation: bool
) -> tuple[LabHeader | LabTranslationHeader | None, list[Problem]]:
    """Validate the header block; every problem names its line in the lab file."""
    try:
        document = parse_yaml_text(block.yaml_text, relative)
    except YamlProblem as problem:
        return None, [problem.problem(relative)]
    if document.data is None:
        return None, [
            Problem(
                relative, block.first_line, None, "the header is empty", code=codes.LAB_HEADER_EMPTY
            )
        ]
    model: type[LabHeader] | type[LabTranslationHeader] = (
        LabTranslationHeader if is_translation else LabHeader
    )
    header, problems = validate_document(model, document)
    if is_translation:
        problems = [_explain_inherited(p) for p in problems]
    return header, [_at_header(p, block) for p in problems]


def _uncomment(line: str) -> str:
    if line.startswith("# "):
        return line[2:]
    if line.startswith("#"):
        return line[1:]
    return line


def _at_header(problem: Problem, block: HeaderBlock) -> Problem:
    """Point problems the validator placed on line 1 (a missing key) at the header itself."""
    if problem.line is None or problem.line < block.first_line:
        return dataclasses.replace(problem, line=block.first_line)
    return problem


def _explain_inherited(problem: Problem) -> Problem:
    if problem.field in LabHeader.model_fields and problem.field not in {"title", "jupyter"}:
        message = "a translation takes this from the source lab; remove it here"
        return Problem(
            problem.file, problem.line, problem.field, message, code=codes.INHERITED_FIELD
        )
    return problem


_MISSING_HEADER = (
    "a lab starts with a '# ---' header (title, module, duration_minutes, connectivity, "
    "hardware); see CONTRIBUTING.md"
)
