"""Read a TinyMLedu registry file (``_data/materials/full_courses.yml``, ``workshops.yaml``):
a YAML list of entries, each checked for its shape and kept with the line of every field.

The shape is the one of those files in https://github.com/tinyMLx/tinyMLx.github.io. It is
checked strictly (an unknown key is an error, not ignored), because a misspelt key would
otherwise lose a field without a word. The text inside the fields is read later, by the
normalisers, which report per entry instead of stopping.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from courseware import problem_codes as codes
from courseware.errors import ContentError, Problem
from courseware.validation import problems_from_validation_error
from courseware.yamlsafe import KeyPath, YamlDocument, read_yaml_file


def _text_from_number(value: Any) -> Any:
    """A bare year (``date: 2022``) is read by YAML as a number; it means the text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


class _SourceModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SourceLink(_SourceModel):
    """A ``links`` item: an address and its label (``title``)."""

    url: str
    title: str | None = None


class SourceThumbnail(_SourceModel):
    """A ``thumbnails`` item: a partner's logo, its name (``alt``) and its address."""

    image: str | None = None
    alt: str | None = None
    url: str | None = None


class SourceEntry(_SourceModel):
    """One course or workshop as the TinyMLedu data file writes it."""

    title: str
    subtitle: str | None = None
    date: Annotated[str | None, BeforeValidator(_text_from_number)] = None
    audience: str | None = None
    language_instruction: str | None = None
    language_materials: str | None = None
    links: list[SourceLink] = Field(default_factory=list)
    thumbnails: list[SourceThumbnail] = Field(default_factory=list)
    event_4d: int | bool | None = Field(default=None, alias="4D_Event")


@dataclass(frozen=True)
class SourceItem:
    """An entry with where it is: the file, its position and the line of each field."""

    path: str
    index: int
    entry: SourceEntry
    lines: dict[KeyPath, int]
    """Line of each location inside the entry, such as ``("links", 2, "url")``."""

    @property
    def line(self) -> int:
        """The line the entry starts on."""
        return self.lines.get((), 1)

    def line_of(self, location: KeyPath) -> int:
        """The line of a field, or of the nearest enclosing value that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return self.line


def read_source(path: Path, root: Path) -> list[SourceItem]:
    """Read and check a whole TinyMLedu file.

    Raises:
        ContentError: with every problem (``file:line: field: message``) when the file is
            not YAML, not a list of entries, or an entry has an unknown key or a wrong type.
    """
    document, problems = read_yaml_file(path, root)
    if document is None:
        raise ContentError(problems)
    if not isinstance(document.data, list):
        found = "a mapping" if isinstance(document.data, dict) else type(document.data).__name__
        message = f"expected a list of entries (- title: ...), found {found}"
        raise ContentError(
            [Problem(document.path, 1, None, message, code=codes.NOT_A_LIST_OF_ENTRIES)]
        )
    items: list[SourceItem] = []
    # Split the document's line and scalar maps by entry in one pass each: filtering the
    # whole maps for every entry made a 9,000-entry import quadratic (61 s).
    lines_of = _by_entry(document.lines)
    scalars_of = _by_entry(document.plain_scalars)
    for index, data in enumerate(document.data):
        lines = lines_of.get(index, {})
        if not isinstance(data, dict):
            message = "expected an entry (title: ..., date: ...), found " + _kind_of(data)
            problems.append(
                Problem(
                    document.path,
                    lines.get((), 1),
                    f"[{index}]",
                    message,
                    code=codes.NOT_A_LIST_OF_ENTRIES,
                )
            )
            continue
        entry_document = YamlDocument(
            path=document.path,
            data=data,
            lines=lines,
            plain_scalars=scalars_of.get(index, {}),
        )
        try:
            entry = SourceEntry.model_validate(data)
        except ValidationError as error:
            for problem in problems_from_validation_error(error, entry_document, SourceEntry):
                field_name = f"[{index}].{problem.field}" if problem.field else f"[{index}]"
                problems.append(dataclasses.replace(problem, field=field_name))
            continue
        items.append(SourceItem(document.path, index, entry, lines))
    if problems:
        raise ContentError(problems)
    return items


_Value = TypeVar("_Value")


def _by_entry(mapping: Mapping[KeyPath, _Value]) -> dict[int, dict[KeyPath, _Value]]:
    """Entry index → that entry's part of ``mapping``, keyed by the rest of the key path."""
    grouped: dict[int, dict[KeyPath, _Value]] = {}
    for location, value in mapping.items():
        if location and isinstance(location[0], int):
            grouped.setdefault(location[0], {})[location[1:]] = value
    return grouped


def _kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty item"
    return f"{value!r}"
