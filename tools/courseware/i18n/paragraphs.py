"""Split a Markdown document into translatable units, and put it back together translated.

A unit is the text of one Markdown block as a translator sees it: a heading (without its
``{#id .class}`` attribute list, which stays as written), a paragraph, a list item's
paragraph, a table cell, a footnote's text, an admonition's title. Everything else (code,
HTML blocks, front matter, list markers, indentation, table pipes) is kept exactly, so that a
document assembled from its own units is the document, byte for byte, and a translated one
differs only inside the units.

Blocks are found by markdown-it-py (MIT; the CommonMark parser the project already depends
on) with the GFM table rule and the footnote, admonition and front-matter plugins of
mdit-py-plugins (MIT), which cover the syntax ``mkdocs.yml`` enables. Each unit's place in
the source comes from the line map of its inline token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

_ATTRIBUTE_LIST = re.compile(r"\s*\{[:#.][^{}]*\}\s*$")
_ADMONITION_TITLE = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+[\w-]+)*\s+"([^"]*)"')
_WORD = re.compile(r"\w+", re.UNICODE)
_NOT_WORDS = re.compile(r"\[\^[^\]]*\]|\]\([^)]*\)|<[^>]*>")
"""Footnote markers, link targets and HTML tags: text a translator does not translate."""

ONE_LINE_KINDS = frozenset({"heading", "cell", "title"})
"""Units that must stay on one line (a translation's line breaks become spaces)."""


@dataclass(frozen=True)
class Unit:
    """One translatable block of a document."""

    text: str
    """The source text (the catalog's msgid): inline Markdown, lines joined by newlines,
    without the container's prefixes (list markers, indentation, ``>``)."""
    line: int
    """Where it starts in the document, 1-based."""
    kind: str
    """heading, paragraph, cell, footnote or title."""
    continuation: str
    """What goes between two lines of this unit (the newline and the next line's prefix)."""

    @property
    def words(self) -> int:
        """Words, as ``pocount`` counts them roughly: runs of letters and digits, leaving
        out footnote markers, link targets and tags."""
        return len(_WORD.findall(_NOT_WORDS.sub(" ", self.text)))


@dataclass(frozen=True)
class MarkdownUnits:
    """A document as literal pieces and translatable units, in order."""

    pieces: tuple[str | int, ...]
    """Literal text, or the index of a unit in ``units``."""
    units: tuple[Unit, ...]

    def assemble(self, text_of: Callable[[int, Unit], str]) -> str:
        """The document with each unit replaced by ``text_of(index, unit)`` (a unit's own
        ``text`` gives back the source exactly). Line breaks in a replacement get the
        unit's prefix; in one-line units they become spaces."""
        out: list[str] = []
        for piece in self.pieces:
            if isinstance(piece, str):
                out.append(piece)
                continue
            unit = self.units[piece]
            replacement = text_of(piece, unit)
            if replacement == unit.text:
                out.append(_source_span(unit))
                continue
            lines = replacement.strip("\n").split("\n")
            joiner = " " if unit.kind in ONE_LINE_KINDS else unit.continuation
            out.append(joiner.join(line.strip() if joiner == " " else line for line in lines))
        return "".join(out)


def _source_span(unit: Unit) -> str:
    return unit.continuation.join(unit.text.split("\n"))


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(admon_plugin)
    )


def split_markdown(text: str) -> MarkdownUnits:
    """The units of ``text`` and the literal pieces around them."""
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    found: list[tuple[int, int, Unit]] = []  # (start, end, unit) as offsets into text
    tokens = _parser().parse(text)
    kind_stack: list[str] = []
    cursor_by_line: dict[int, int] = {}
    for token in tokens:
        if token.type.endswith("_open"):
            kind_stack.append(token.type[: -len("_open")])
        elif token.type.endswith("_close") and kind_stack:
            kind_stack.pop()
        if token.type == "admonition_open" and token.map:
            title = _admonition_title(lines, token.map[0], offsets)
            if title is not None:
                found.append(title)
            continue
        if token.type != "inline" or not token.map or not token.content.strip():
            continue
        kind = _kind(kind_stack)
        located = _locate(token.content, token.map[0], text, lines, offsets, kind, cursor_by_line)
        if located is not None:
            found.append(located)
    found.sort(key=lambda item: item[0])
    pieces: list[str | int] = []
    units: list[Unit] = []
    position = 0
    for start, end, unit in found:
        if start < position:  # overlapping matches cannot happen in valid input; keep literal
            continue
        if start > position:
            pieces.append(text[position:start])
        pieces.append(len(units))
        units.append(unit)
        position = end
    if position < len(text):
        pieces.append(text[position:])
    return MarkdownUnits(tuple(pieces), tuple(units))


def _kind(stack: list[str]) -> str:
    if "th" in stack or "td" in stack:
        return "cell"
    if "heading" in stack:
        return "heading"
    if "footnote" in stack:
        return "footnote"
    return "paragraph"


def _locate(
    content: str,
    first_line: int,
    text: str,
    lines: list[str],
    offsets: list[int],
    kind: str,
    cursor_by_line: dict[int, int],
) -> tuple[int, int, Unit] | None:
    """Find ``content`` (an inline token's text) in the source lines from ``first_line``."""
    content_lines = content.split("\n")
    if kind == "heading":
        match = _ATTRIBUTE_LIST.search(content_lines[0])
        if match:
            content_lines[0] = content_lines[0][: match.start()]
    spans: list[tuple[int, int]] = []
    for number, wanted in enumerate(content_lines):
        index = first_line + number
        if index >= len(lines) or not wanted:
            return None
        line = lines[index]
        column = line.find(wanted, cursor_by_line.get(index, 0))
        if column < 0:
            return None
        spans.append((offsets[index] + column, offsets[index] + column + len(wanted)))
        if kind == "cell":
            cursor_by_line[index] = column + len(wanted)
    start, end = spans[0][0], spans[-1][1]
    if len(spans) > 1:
        continuation = text[spans[0][1] : spans[1][0]]
    else:
        continuation = "\n" + _indent_of(lines[first_line], spans[0][0] - offsets[first_line])
    unit = Unit("\n".join(content_lines), first_line + 1, kind, continuation)
    if _source_span(unit) != text[start:end]:
        # Continuation prefixes differ from line to line (a lazy continuation line): keep
        # the unit one-line-joined only if it still reproduces the source; else leave it.
        return None
    return start, end, unit


def _indent_of(line: str, column: int) -> str:
    """The prefix a new line of a unit starting at ``column`` needs: spaces, keeping ``>``."""
    return "".join(char if char in "> " else " " for char in line[:column])


def _admonition_title(
    lines: list[str], index: int, offsets: list[int]
) -> tuple[int, int, Unit] | None:
    match = _ADMONITION_TITLE.match(lines[index])
    if match is None or not match.group(1).strip():
        return None
    start = offsets[index] + match.start(1)
    return start, start + len(match.group(1)), Unit(match.group(1), index + 1, "title", " ")
