"""Read, write and remove the header a translation carries: what it translates and the hash.

Markdown translations keep it in YAML front matter, which MkDocs strips from the page:

    ---
    translation_of: index.md
    source_hash: sha256:0123456789abcdef
    ---

Labs are jupytext percent-format ``.py`` files, so the keys go into the jupytext header under
``jupyter: courseware:``. That is the one place jupytext reads as notebook metadata: a
top-level key in the header becomes a raw cell, and comment lines after the header become a
code cell, either of which would change the notebook (a translated lab holds only its
Markdown cells and figure entries, and the loader would warn about the stray cell):

    # ---
    # jupyter:
    #   courseware:
    #     translation_of: device-footprint.py
    #     source_hash: sha256:0123456789abcdef
    # ---
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from courseware.yamlsafe import YamlProblem, parse_yaml_text

HeaderStyle = Literal["front_matter", "jupytext"]
KeyPredicate = Callable[[str, int], bool]
"""Decides from a key and its indentation whether a header line (and its block) goes."""

HEADER_KEYS = ("translation_of", "source_hash", "translators")
LAB_METADATA_KEY = "courseware"
"""The key under ``jupyter:`` that holds the translation keys of a lab."""

MAX_HEADER_BYTES = 64 * 1024
"""Headers sit at the top of a file; reading this much is plenty and bounds the work."""

_PLAIN_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]*")
_MARKDOWN_CLOSERS = ("---", "...")
_LAB_FENCE = "# ---"


@dataclass(frozen=True)
class TranslationHeader:
    """What a translation says about its source; None fields were not written."""

    translation_of: str | None
    source_hash: str | None
    translators: tuple[str, ...] = ()


class HeaderError(Exception):
    """A header that cannot be read (broken YAML); ``line`` counts from the file's first."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(f"line {line}: {message}")
        self.line = line
        self.message = message


def header_style(path: Path | str) -> HeaderStyle:
    """Labs (``.py``) carry a jupytext header, everything else front matter."""
    return "jupytext" if str(path).endswith(".py") else "front_matter"


def read_translation_header(path: Path) -> TranslationHeader | None:
    """Read the translation header of the file at ``path``; None when it has none.

    Raises:
        HeaderError: when the header is there but is not valid YAML.
    """
    with path.open("rb") as handle:
        head = handle.read(MAX_HEADER_BYTES)
    text = head.decode("utf-8", errors="replace")
    return parse_translation_header(text, header_style(path), path.name)


def parse_translation_header(
    text: str, style: HeaderStyle, name: str = "<text>"
) -> TranslationHeader | None:
    """Parse the translation header of ``text``; None when there is no header or no keys.

    Raises:
        HeaderError: when the header is there but is not valid YAML.
    """
    lines = text.splitlines()
    bounds = _header_bounds(lines, style)
    if bounds is None:
        return None
    start, end = bounds
    inner = [_uncomment(line) if style == "jupytext" else line for line in lines[start + 1 : end]]
    try:
        data = parse_yaml_text("\n".join(inner) + "\n", name).data
    except YamlProblem as problem:
        raise HeaderError(start + 1 + problem.line, problem.message) from None
    if style == "jupytext":
        data = _mapping(_mapping(data).get("jupyter")).get(LAB_METADATA_KEY)
    keys = _mapping(data)
    if "translation_of" not in keys and "source_hash" not in keys:
        return None
    written = keys.get("translators")
    names = [written] if isinstance(written, str) else written if isinstance(written, list) else []
    return TranslationHeader(
        translation_of=_text_or_none(keys.get("translation_of")),
        source_hash=_text_or_none(keys.get("source_hash")),
        translators=tuple(str(name) for name in names),
    )


def add_translation_header(text: str, header: TranslationHeader, style: HeaderStyle) -> str:
    """Return ``text`` with ``header`` added, merged into a header the text already has."""
    lines = text.splitlines(keepends=True)
    bounds = _header_bounds([line.rstrip("\r\n") for line in lines], style)
    keys = _header_lines(header)
    if style == "front_matter":
        if bounds is None:
            return "".join(["---\n", *keys, "---\n", text])
        return "".join([lines[0], *keys, *lines[1:]])
    if bounds is None:
        block = [_comment(line) for line in _nested(keys, "  ")]
        return "".join([_LAB_FENCE + "\n", "# jupyter:\n", *block, _LAB_FENCE + "\n\n", text])
    start, end = bounds
    for index in range(start + 1, end):
        if _uncomment(lines[index]).rstrip() == "jupyter:":
            indent = _child_indent(lines, index + 1, end)
            block = [_comment(line) for line in _nested(keys, indent)]
            return "".join([*lines[: index + 1], *block, *lines[index + 1 :]])
    block = ["# jupyter:\n", *[_comment(line) for line in _nested(keys, "  ")]]
    return "".join([*lines[:end], *block, *lines[end:]])


LAB_TRANSLATION_KEYS = frozenset({"title", "jupyter"})
"""The only header keys a translated lab carries: everything else comes from its source."""


def keep_translatable_lab_keys(text: str) -> str:
    """Drop the lab header's settings a translation must not repeat (module, requirements...).

    The lab loader refuses them in a translation, so that a translation can never run with
    other settings than its source.
    """
    lines = text.splitlines(keepends=True)
    bounds = _header_bounds([line.rstrip("\r\n") for line in lines], "jupytext")
    if bounds is None:
        return text
    start, end = bounds
    inner = _drop_blocks(
        lines[start + 1 : end],
        lambda key, indent: indent == 0 and key not in LAB_TRANSLATION_KEYS,
        _uncomment,
    )
    return "".join([*lines[: start + 1], *inner, *lines[end:]])


def strip_translation_header(text: str, style: HeaderStyle) -> str:
    """Remove the translation keys from ``text`` and the header if nothing else is left in it.

    Other front matter (a ``title:``) and jupytext metadata (the kernel) stay as they were.
    """
    lines = text.splitlines(keepends=True)
    bounds = _header_bounds([line.rstrip("\r\n") for line in lines], style)
    if bounds is None:
        return text
    start, end = bounds
    inner = lines[start + 1 : end]
    if style == "front_matter":
        kept = _drop_blocks(inner, lambda key, indent: indent == 0 and key in HEADER_KEYS)
    else:
        kept = _drop_blocks(
            inner, lambda key, indent: indent > 0 and key == LAB_METADATA_KEY, _uncomment
        )
        kept = _drop_blocks(kept, _is_empty_jupyter(kept), _uncomment)
    if any(_uncomment(line).strip() if style == "jupytext" else line.strip() for line in kept):
        return "".join([*lines[: start + 1], *kept, *lines[end:]])
    rest = lines[end + 1 :]
    if style == "jupytext" and rest and not rest[0].strip():
        rest = rest[1:]
    return "".join([*lines[:start], *rest])


def _header_bounds(lines: list[str], style: HeaderStyle) -> tuple[int, int] | None:
    """Index of the opening and closing line of the header at the top, or None."""
    if not lines:
        return None
    opening = "---" if style == "front_matter" else _LAB_FENCE
    if lines[0].lstrip("\ufeff").rstrip() != opening:
        return None
    closers = _MARKDOWN_CLOSERS if style == "front_matter" else (_LAB_FENCE,)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            return 0, index
        if style == "jupytext" and not lines[index].startswith("#"):
            return None  # jupytext headers are comment lines only
    return None


def _uncomment(line: str) -> str:
    if line.startswith("# "):
        return line[2:]
    return line[1:] if line.startswith("#") else line


def _comment(line: str) -> str:
    return f"# {line}" if line.strip() else "#\n"


def _header_lines(header: TranslationHeader) -> list[str]:
    lines = []
    if header.translation_of is not None:
        lines.append(f"translation_of: {_yaml_value(header.translation_of)}\n")
    if header.source_hash is not None:
        lines.append(f"source_hash: {_yaml_value(header.source_hash)}\n")
    if header.translators:
        names = ", ".join(_yaml_value(name) for name in header.translators)
        lines.append(f"translators: [{names}]\n")
    return lines


def _nested(keys: list[str], indent: str) -> list[str]:
    """Put ``keys`` under ``courseware:`` at ``indent`` (the indent of jupyter's children)."""
    return [f"{indent}{LAB_METADATA_KEY}:\n", *[f"{indent}{indent}{key}" for key in keys]]


def _child_indent(lines: list[str], first: int, end: int) -> str:
    """The indentation of the first child line of a mapping key (two spaces by default)."""
    for line in lines[first:end]:
        body = _uncomment(line).rstrip("\r\n")
        if body.strip():
            indent = body[: len(body) - len(body.lstrip(" "))]
            return indent or "  "
    return "  "


def _yaml_value(value: str) -> str:
    """A plain scalar when it cannot be misread, else a double-quoted (JSON) string."""
    if _PLAIN_VALUE.fullmatch(value) and not value[0].isdigit():
        return value
    return json.dumps(value, ensure_ascii=False)


def _key_and_indent(line: str) -> tuple[str | None, int]:
    stripped = line.lstrip(" ")
    key, colon, _ = stripped.partition(":")
    if not colon or not key or key.startswith(("-", "#")) or " " in key:
        return None, len(line) - len(stripped)
    return key, len(line) - len(stripped)


def _drop_blocks(
    lines: list[str], drop: KeyPredicate, transform: Callable[[str], str] = str
) -> list[str]:
    """Remove every key line for which ``drop(key, indent)`` holds, with its nested lines."""
    kept: list[str] = []
    dropping_above: int | None = None
    for line in lines:
        body = transform(line).rstrip("\r\n")
        key, indent = _key_and_indent(body)
        if dropping_above is not None:
            is_item = body.lstrip(" ").startswith("-")
            continuing = body.strip() and (
                indent > dropping_above or (indent == dropping_above and is_item)
            )
            if continuing:
                continue
            dropping_above = None
        if key is not None and drop(key, indent):
            dropping_above = indent
            continue
        kept.append(line)
    return kept


def _is_empty_jupyter(lines: list[str]) -> KeyPredicate:
    """A ``drop`` predicate for a top-level ``jupyter:`` left with no children."""
    bodies = [_uncomment(line).rstrip("\r\n") for line in lines]

    def drop(key: str, indent: int) -> bool:
        if key != "jupyter" or indent != 0:
            return False
        position = next(i for i, body in enumerate(bodies) if body.startswith("jupyter:"))
        if bodies[position].partition(":")[2].strip():
            return False
        following = [body for body in bodies[position + 1 :] if body.strip()]
        return not following or not following[0].startswith(" ")

    return drop


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
