"""Load contributed YAML as plain data, safely, remembering where every value came from.

PyYAML's ``safe_load`` still accepts aliases (which expand into alias bombs once anything
walks the result), silently keeps the last of two duplicate keys, and reads YAML 1.1
surprises (``no`` as false, ``0755`` as 493, ``12:30`` as 750). This loader refuses the first
two outright and records, for every value, its line and whether it was an unquoted scalar
that YAML turned into something other than a string, so schema errors can say "quote it".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.problem_codes import ProblemCode

KeyPath = tuple[str | int, ...]
"""The keys and list indexes that lead to a value, e.g. ``("organizations", 0, "url")``
(not a place: an offering's place is ``registry.models.Location``)."""

_YAML_TAG = "tag:yaml.org,2002:"
ALLOWED_TAGS = {
    f"{_YAML_TAG}{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
"""Plain data only: ``!!python/...``, ``!!binary``, ``!!set`` and local ``!tags`` are refused,
whatever loader reads the file later."""

MAX_FILE_BYTES = 256 * 1024
"""Registry files are small; the cap stops pathological inputs before parsing. The value is
this project's choice: the largest registry file here is a few KB."""


@dataclass
class YamlDocument:
    """The data of one YAML file with the line of every mapping key and list item."""

    path: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    plain_scalars: dict[KeyPath, str] = field(default_factory=dict)
    """Unquoted scalars that YAML resolved to a non-string, by location: the text as written."""

    def line_of(self, location: KeyPath) -> int:
        """Return the line of a location, or of its nearest enclosing value that has one."""
        for end in range(len(location), -1, -1):
            line = self.lines.get(tuple(location[:end]))
            if line is not None:
                return line
        return 1


class YamlProblem(Exception):
    """Raised inside the loader; carries the line and code, turned into a Problem by the caller."""

    def __init__(
        self, line: int, message: str, field_name: str | None = None, *, code: ProblemCode
    ) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.field_name = field_name
        self.code = code

    def problem(self, file: str, line_offset: int = 0) -> Problem:
        """The Problem this stands for in ``file``, whose text starts ``line_offset`` lines in."""
        return Problem(file, self.line + line_offset, self.field_name, self.message, code=self.code)


_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's loader where PyYAML was built with it: parsing is most of a build's staging
time on large sites, and the C parser is about ten times faster than the Python one."""


def _refuse_anchors_and_aliases(text: str) -> None:
    """Scan the events before composing anything: an alias is refused before it can expand."""
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark is not None else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                line,
                f"YAML aliases (*{event.anchor}) are not allowed; write the value out in full",
                code=codes.YAML_ALIAS,
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                line,
                f"YAML anchors (&{anchor}) are not allowed; write the value out in full",
                code=codes.YAML_ANCHOR,
            )


def parse_yaml_text(text: str, path: str) -> YamlDocument:
    """Parse YAML text into a YamlDocument.

    Raises:
        YamlProblem: on syntax errors, aliases, anchors, duplicate keys or non-string keys.
    """
    loader = _Loader(text)
    try:
        try:
            _refuse_anchors_and_aliases(text)
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line = mark.line + 1 if mark is not None else 1
            message = f"not valid YAML: {error.problem or error}"
            raise YamlProblem(line, message, code=codes.YAML_SYNTAX) from None
        document = YamlDocument(path=path, data=None)
        if node is None:
            return document
        document.data = _convert(node, (), document, loader)
        return document
    finally:
        loader.dispose()


def _convert(node: yaml.Node, location: KeyPath, document: YamlDocument, loader: Any) -> Any:
    document.lines.setdefault(location, node.start_mark.line + 1)
    if node.tag not in ALLOWED_TAGS:
        written = node.tag.replace(_YAML_TAG, "!!", 1)
        raise YamlProblem(
            node.start_mark.line + 1,
            f"YAML tags ({written}) are not allowed; write plain text, numbers, lists and maps",
            field_name=_dotted(location) or None,
            code=codes.YAML_TAG,
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "YAML merge keys (<<) are not allowed",
                    code=codes.YAML_MERGE_KEY,
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    "a key must be a plain name",
                    code=codes.COMPLEX_KEY,
                )
            key = key_node.value
            if key in result:
                first = document.lines[(*location, key)]
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    f"duplicate key (first given on line {first}); keep only one",
                    field_name=_dotted((*location, key)),
                    code=codes.DUPLICATE_KEY,
                )
            document.lines[(*location, key)] = key_node.start_mark.line + 1
            result[key] = _convert(value_node, (*location, key), document, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            document.lines[(*location, index)] = item.start_mark.line + 1
            items.append(_convert(item, (*location, index), document, loader))
        return items
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.YAMLError, ValueError, TypeError):  # e.g. ``!!int abc``
        message = f"{node.value!r} cannot be read as {node.tag.replace(_YAML_TAG, '!!', 1)}"
        raise YamlProblem(
            node.start_mark.line + 1,
            message,
            _dotted(location) or None,
            code=codes.UNREADABLE_SCALAR,
        ) from None
    # A plain (unquoted) scalar: style None from PyYAML's parser, "" from libyaml's.
    is_plain = not getattr(node, "style", None)
    if is_plain and not isinstance(value, str) and value is not None:
        document.plain_scalars[location] = node.value
    if isinstance(value, dt.datetime):
        # A timestamp is never what a contributor means in this registry; keep the text.
        return node.value
    return value


def _dotted(location: KeyPath) -> str:
    parts: list[str] = []
    for part in location:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def dotted_field(location: KeyPath) -> str:
    """Render a location as ``organizations[0].url``, the form used in messages."""
    return _dotted(location)


def read_yaml_file(path: Path, root: Path) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse one registry file, refusing links, empty and oversized files.

    Returns the document (None when it cannot be used) and the problems found.
    """
    relative = display_path(path, root)
    text, problems = read_text_file(path, relative, MAX_FILE_BYTES, "; split it")
    if text is None:
        return None, problems
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        message = "file is empty; add the entry or delete the file"
        return None, [Problem(relative, 1, None, message, code=codes.EMPTY_FILE)]
    try:
        document = parse_yaml_text(text, relative)
    except YamlProblem as problem:
        return None, [problem.problem(relative)]
    return document, []


def read_text_file(
    path: Path, relative: str, max_bytes: int, limit_hint: str
) -> tuple[str | None, list[Problem]]:
    """Read a contributed text file, refusing links, files over ``max_bytes`` and text that
    is not UTF-8 (see :func:`decode_text`).

    Args:
        limit_hint: what the size message ends with after the limit (``"; split it"``).
    """
    if path.is_symlink():
        message = "symbolic links are not allowed; copy the file"
        return None, [Problem(relative, None, None, message, code=codes.SYMLINK)]
    size = path.stat().st_size
    if size > max_bytes:
        message = f"file is {size} bytes, over the {max_bytes}-byte limit{limit_hint}"
        return None, [Problem(relative, None, None, message, code=codes.FILE_TOO_LARGE)]
    return decode_text(path.read_bytes(), relative)


INVISIBLE_PREFIX = "\ufeff\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u180e\u00ad\u034f"
"""Characters that show nothing and that editors and copy-paste leave at the start of a
file: byte order marks (one or several: an editor that adds one to a file that has one),
zero-width spaces and joiners, the word joiner, invisible operators, the soft hyphen. MkDocs
drops one byte order mark and then looks for front matter, so a check that stops at the
first mark reads another file than MkDocs does (issue 20); every one is removed first."""


def strip_invisible_prefix(text: str) -> str:
    """``text`` without the invisible characters it starts with (:data:`INVISIBLE_PREFIX`)."""
    return text.lstrip(INVISIBLE_PREFIX)


def decode_text(raw: bytes, relative: str) -> tuple[str | None, list[Problem]]:
    """Decode a contributed file as UTF-8, dropping the invisible characters it starts with
    (byte order marks, zero-width spaces: :data:`INVISIBLE_PREFIX`) and reading ``\\r\\n``
    and ``\\r`` as line breaks, so that every check and MkDocs read the same text.

    UTF-16 (what some Windows editors save) and other bytes that are not UTF-8 are refused
    with the byte offset, rather than read as garbage or a traceback.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        message = "file is UTF-16 text (byte order mark at byte 0); save it as UTF-8"
        return None, [Problem(relative, 1, None, message, code=codes.UTF16_FILE)]
    nul = raw.find(b"\x00")
    if nul >= 0:
        line = raw[:nul].count(b"\n") + 1
        message = f"NUL byte at byte {nul}: not UTF-8 text (UTF-16?); save the file as UTF-8"
        return None, [Problem(relative, line, None, message, code=codes.NUL_BYTE)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte {error.start}); save the file as UTF-8"
        return None, [Problem(relative, line, None, message, code=codes.NOT_UTF8)]
    # Line breaks as MkDocs (universal newlines) and Python-Markdown read them: a page saved
    # with Windows line breaks has front matter for MkDocs, so it has for the checks too.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return strip_invisible_prefix(text), []


def display_path(path: Path, root: Path) -> str:
    """Return ``path`` relative to ``root`` with forward slashes, as messages show it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
