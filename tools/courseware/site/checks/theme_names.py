"""Refuse ids and attributes of contributed text that the theme keeps for itself.

The names are those of ``render.theme_names``; the sanitiser removes them from every page
anyway, but a contributor should hear where they are, not find a heading without its anchor.
Ids are taken from the page as Markdown renders it (a heading ``# __config`` gets that id, as
``{#__config}`` and ``<div id="__config">`` do); ``data-md-*`` and the attributes that name an
id are looked for in the text outside code.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.site.render import is_reserved_attribute, is_reserved_id

_ATTRIBUTE = re.compile(
    r"""(?P<name>[A-Za-z][\w:-]*)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>}]+))"""
)
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+).+?\1")


def _lines_outside_code(text: str) -> Iterable[tuple[int, str]]:
    """Each line of ``text`` (numbered from 1) outside fenced code, without code spans."""
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)[0] * len(match.group(1))
            continue
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            continue
        yield number, _CODE_SPAN.sub("", line)


def check_theme_names(body: str, ids: Iterable[str], source: str, first_line: int) -> list[Problem]:
    """One problem per theme name set in ``body`` (the contributed text of ``source``, which
    starts on ``first_line``), whose rendered page has the ``ids``."""
    problems: list[Problem] = []
    lines, attributes = _scanned(body)
    for identifier in sorted(i for i in ids if is_reserved_id(i)):
        line = next((n for n, text in lines if identifier in text), None)
        message = (
            f"id {identifier!r} is the theme's own (Material finds its configuration, "
            "toggles and components by such ids); choose another id"
        )
        at = first_line + line - 1 if line else None
        problems.append(Problem(source, at, None, message, code=codes.THEME_NAME))
    for number, name, value in attributes:
        message = (
            f"attribute {name}={value!r} is the theme's own (Material's scripts act on "
            "it); remove it"
        )
        problems.append(
            Problem(source, first_line + number - 1, None, message, code=codes.THEME_NAME)
        )
    return problems


@functools.lru_cache(maxsize=16384)
def _scanned(
    body: str,
) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str, str], ...]]:
    """The lines of ``body`` outside code, and its reserved attributes (line, name, value).

    Kept per text for the process: ``courseware serve`` checks the whole staged site after
    each edit, and all texts but the edited one are the same strings as before."""
    lines = tuple(_lines_outside_code(body))
    attributes = []
    for number, text in lines:
        for match in _ATTRIBUTE.finditer(text):
            name = match.group("name")
            value = match.group("dq") or match.group("sq") or match.group("bare") or ""
            if name.lower() == "id" or not is_reserved_attribute(name, value):
                continue  # ids were checked on the rendered page
            attributes.append((number, name, value))
    return lines, tuple(attributes)
