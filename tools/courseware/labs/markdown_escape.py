"""Lab text (titles, hardware names, alt text) put into Markdown so that it stays text."""

from __future__ import annotations


def markdown_alt(text: str) -> str:
    """Alt text on one line, with the characters that would end it escaped."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def markdown_inline(text: str) -> str:
    """Text on one line with Markdown's inline syntax escaped."""
    collapsed = " ".join(text.split())
    for char in "\\`*_[]<>":
        collapsed = collapsed.replace(char, "\\" + char)
    return collapsed
