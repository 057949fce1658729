"""Turn the free text of a TinyMLedu field into the plain text our registry stores.

The TinyMLedu site renders its data as HTML, so its titles carry ``<br/>`` line breaks and,
now and then, entities. Our registry refuses markup (text is data, shown escaped), so the
markup is removed here, and the caller reports that it was.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from courseware.registry.tinymledu.findings import Finding, needs_human, warning
from courseware.textfields import check_plain_text

_LINE_BREAK = re.compile(r"<\s*br\s*/?\s*>", re.IGNORECASE)
_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^<>]*>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")
_MAX_PASSES = 3
"""Entities can hide tags (``&lt;b&gt;``); a few passes reach a fixed point on real text."""
_KEPT_CONTROLS = {"\n", "\t", "\r", "\u200c", "\u200d"}
"""White space (folded into one space below) and the joiners some scripts spell with."""


@dataclass(frozen=True)
class CleanText:
    """Plain text and what had to be removed to get it (empty when nothing was)."""

    text: str
    removed: tuple[str, ...] = ()
    is_plain: bool = True
    """False when the text still is not plain after cleaning (then a human must look)."""


def clean_text(value: str) -> CleanText:
    """Remove markup, control characters and extra white space from ``value``.

    A line break becomes a space: the registry's titles are one line, and a space is what a
    line break reads as.
    """
    removed: list[str] = []
    text = value
    for _ in range(_MAX_PASSES):
        before = text
        removed += _LINE_BREAK.findall(text)
        text = _LINE_BREAK.sub(" ", text)
        removed += _TAG.findall(text)
        text = _TAG.sub("", text)
        entities = _ENTITY.findall(text)
        if entities:
            removed += entities
            text = html.unescape(text)
        if text == before:
            break
    controls = {c for c in text if unicodedata.category(c) in {"Cc", "Cf"}} - _KEPT_CONTROLS
    if controls:
        removed += [f"U+{ord(c):04X}" for c in sorted(controls)]
        text = "".join(c for c in text if c not in controls)
    text = " ".join(text.split())
    try:
        check_plain_text(text)
    except ValueError:
        return CleanText(text, tuple(dict.fromkeys(removed)), is_plain=False)
    return CleanText(text, tuple(dict.fromkeys(removed)))


def clean_field(field: str, value: str) -> tuple[str, list[Finding]]:
    """Clean one field's text; a warning says what markup went, or a human is asked to look.

    Returns:
        The plain text (possibly empty) and the findings about it.
    """
    cleaned = clean_text(value)
    findings: list[Finding] = []
    if not cleaned.is_plain:
        findings.append(
            needs_human(
                field, f"{value!r} still reads as markup after cleaning; rewrite it as text"
            )
        )
    elif cleaned.removed:
        shown = ", ".join(cleaned.removed)
        findings.append(warning(field, f"markup removed ({shown}): {cleaned.text!r}"))
    return cleaned.text, findings
