"""Move the scripts that generated pages need out of their content and into page metadata.

Page content is sanitized with no scripts allowed, and a Content-Security-Policy forbids
inline scripts. The builder's own pages still need two kinds: external files it ships
(``assets/...``) and JSON-LD data blocks. The stager pulls those out of the HTML it generated
(never out of contributed Markdown) and passes them to the theme template as metadata.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>\s*", re.S | re.I)
_STYLESHEET = re.compile(r'<link\s+rel="stylesheet"\s+href="(?P<href>[^"]+)"\s*/?>\s*', re.I)
_SRC = re.compile(r'\bsrc="(?P<src>[^"]+)"')
_TYPE = re.compile(r'\btype="(?P<type>[^"]+)"')


@dataclass
class PageScripts:
    """External script paths (relative to the site root) and JSON-LD objects of one page."""

    sources: list[str] = field(default_factory=list)
    json_ld: list[Any] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)

    def as_meta(self) -> dict[str, Any]:
        """The page metadata the theme template reads (``page.meta.courseware``)."""
        return {
            "scripts": list(self.sources),
            "json_ld": list(self.json_ld),
            "stylesheets": list(self.stylesheets),
        }


def _site_relative(src: str) -> str:
    """``../../assets/x.js`` → ``assets/x.js``: the template resolves it for each page."""
    while src.startswith("../"):
        src = src[3:]
    return src.removeprefix("./").lstrip("/")


def extract_scripts(generated_html: str, scripts: PageScripts) -> str:
    """Remove ``<script>`` elements from builder-generated HTML, recording them in ``scripts``.

    Raises:
        ValueError: for an inline executable script, which the builder must never generate.
    """

    def take(match: re.Match[str]) -> str:
        attrs = match.group("attrs")
        src = _SRC.search(attrs)
        kind = _TYPE.search(attrs)
        if src:
            path = _site_relative(src.group("src"))
            if path not in scripts.sources:
                scripts.sources.append(path)
        elif kind and kind.group("type") == "application/ld+json":
            scripts.json_ld.append(json.loads(match.group("body")))
        else:
            raise ValueError("generated pages may not contain inline scripts")
        return ""

    def take_stylesheet(match: re.Match[str]) -> str:
        path = _site_relative(match.group("href"))
        if path not in scripts.stylesheets:
            scripts.stylesheets.append(path)
        return ""

    return _STYLESHEET.sub(take_stylesheet, _SCRIPT.sub(take, generated_html))
