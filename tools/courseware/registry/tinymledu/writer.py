"""Write an imported offering as ``curriculum/offerings/<id>.yaml``: safe YAML, a header
saying where the entry came from, atomically, and never over an existing file.

The text is dumped with PyYAML's safe dumper (no tags, no anchors), then read back with the
registry's own loader and compared with the offering before anything touches the disk, so a
file this module writes always passes ``courseware validate``.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any

import yaml

from courseware.registry.models import Offering
from courseware.validation import validate_document
from courseware.yamlsafe import parse_yaml_text

SCHEMA_COMMENT = "# yaml-language-server: $schema=../../schema/offering.schema.json"
"""The first line of every offering file (see registry/templates.py), for editors."""


class _FlowList(list[Any]):
    """A list of short values, written on one line as the hand-written files do."""


class _OfferingDumper(yaml.SafeDumper):
    """Indents lists under their key (as the bundled files do) and never writes aliases."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_flow_list(dumper: yaml.SafeDumper, data: _FlowList) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_OfferingDumper.add_representer(_FlowList, _represent_flow_list)

_NO_WRAP = 1_000_000
"""One value per line: a note folded over two lines is harder to find with grep."""

_FLOW_FIELDS = ("audience", "language_of_instruction", "language_of_materials", "topics")


def offering_yaml(offering: Offering, source: str, line: int, note: str | None = None) -> str:
    """Return the text of an offering file, with its provenance in a header comment.

    Args:
        offering: The offering to write.
        source: The TinyMLedu file it came from, as the report names it.
        line: The line of the entry in that file.
        note: An extra header line, such as why this is a numbered draft.
    """
    data = offering.model_dump(mode="json", exclude_defaults=True)
    for name in _FLOW_FIELDS:
        if name in data:
            data[name] = _FlowList(data[name])
    body = yaml.dump(
        data, Dumper=_OfferingDumper, sort_keys=False, allow_unicode=True, width=_NO_WRAP
    )
    header = [
        SCHEMA_COMMENT,
        f"# Imported from the TinyMLedu registry: {source}, line {line}"
        " (courseware import tinymledu).",
    ]
    if note:
        header.append(f"# {note}")
    text = "\n".join(header) + "\n" + body
    _check_reads_back(text, offering)
    return text


def _check_reads_back(text: str, offering: Offering) -> None:
    """Refuse to write a file that would not load as the same offering."""
    document = parse_yaml_text(text, f"{offering.id}.yaml")
    loaded, problems = validate_document(Offering, document)
    if loaded != offering:
        shown = "; ".join(str(p) for p in problems) or "it loads as a different offering"
        raise AssertionError(f"the YAML written for {offering.id!r} does not read back: {shown}")


def write_new_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically, failing if ``path`` exists.

    The text goes to a fresh temporary file beside ``path`` (opened with mode "x"), which is
    then hard-linked into place: the link either appears complete or not at all, and fails
    if a file of that name appeared meanwhile.

    Raises:
        FileExistsError: when ``path`` already exists; nothing is changed.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            # A file system without hard links: mode "x" still never overwrites, though a
            # crash mid-write could leave a partial file.
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
    finally:
        temporary.unlink(missing_ok=True)
