"""Small helpers to put registry text into HTML safely.

MkDocs and Python-Markdown pass raw HTML through unescaped, so every value a contributor wrote
is escaped here before it reaches a page, in text, in attributes and in JSON-LD.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from typing import Any


def escape(text: object) -> str:
    """Escape text for an HTML text node or a double-quoted attribute."""
    return html.escape(str(text), quote=True)


def attributes(values: Mapping[str, object]) -> str:
    """Render ``name="value"`` pairs, escaped, skipping None; names are the caller's, not data."""
    pairs = [(name, value) for name, value in values.items() if value is not None]
    return "".join(f' {name}="{escape(value)}"' for name, value in pairs)


def element(tag: str, text: object, **attrs: object) -> str:
    """An element with escaped text content; ``class_`` stands for ``class``."""
    rendered = attributes({name.rstrip("_").replace("_", "-"): v for name, v in attrs.items()})
    return f"<{tag}{rendered}>{escape(text)}</{tag}>"


def json_ld(data: Mapping[str, Any]) -> str:
    """A JSON-LD block: data, never executed, with ``<`` escaped so it cannot end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">\n{text}\n</script>'
