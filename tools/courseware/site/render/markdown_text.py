"""Put contributed plain text into Markdown so that it stays text.

Python-Markdown passes raw HTML through and turns ``[x](javascript:...)`` into a live link,
so text from the registry is HTML-escaped and its Markdown syntax backslash-escaped.
"""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def markdown_text(text: str) -> str:
    """Return ``text`` escaped for a Markdown paragraph or heading (one line)."""
    escaped = html.escape(text, quote=False)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", escaped)
    return " ".join(escaped.split())
