"""Refuse the placeholder values that ``courseware new`` templates carry, so a template that
was started but not filled in cannot pass ``validate`` and reach the site.

Every placeholder a template writes begins with ``TODO`` (``title: "TODO: the course's
title"``), and every placeholder link has ``TODO`` in its address
(``https://example.org/TODO``), so one rule finds them all, in any registry file, without
refusing real text that merely mentions an example address.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.yamlsafe import KeyPath, YamlDocument, dotted_field

PLACEHOLDER_MARK = "TODO"


def is_placeholder(value: str) -> bool:
    """True for a template's placeholder: text that starts with TODO, or a link holding it."""
    text = value.strip()
    if text.startswith(PLACEHOLDER_MARK):
        return True
    return text.startswith(("https://", "http://")) and PLACEHOLDER_MARK in text


def find_placeholders(document: YamlDocument) -> list[Problem]:
    """Every placeholder value left in ``document``, each with its line and field."""
    return [
        Problem(
            document.path,
            document.line_of(location),
            dotted_field(location),
            f"{value!r} is a placeholder from the template; replace it with the real value, "
            "or delete the line if the field is optional",
            code=codes.TEMPLATE_PLACEHOLDER,
        )
        for location, value in _strings(document.data, ())
        if is_placeholder(value)
    ]


def _strings(data: Any, location: KeyPath) -> Iterator[tuple[KeyPath, str]]:
    if isinstance(data, str):
        yield location, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*location, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*location, index))
