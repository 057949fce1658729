"""Remember what the content linter learnt about each contributed text between builds.

Rendering every page under a time limit and scanning its links and headings costs about as
much as MkDocs' own rendering; a rebuild with nothing changed must cost almost nothing, so
results are kept by the hash of the text (and of the linter's code and Markdown settings).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from courseware.atomic_files import write_atomically
from courseware.fingerprints import Fingerprint
from courseware.site.checks.markdown_scan import Heading, Link, MarkdownScan
from courseware.site.checks.render_limits import MarkdownSettings, RenderResult


def _salt(settings: MarkdownSettings) -> str:
    """What the cached results depend on besides the text: the settings and our code."""
    return Fingerprint("content-checks-1").add_json(asdict(settings)).add_code().hexdigest()


class CheckCache:
    """Render results and Markdown scans by text; only entries used in a run are kept."""

    def __init__(self, path: Path, settings: MarkdownSettings) -> None:
        self.path = path
        self.salt = _salt(settings)
        self.entries: dict[str, dict[str, Any]] = {}
        self.used: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("salt") == self.salt:
                self.entries = dict(data.get("entries", {}))
        except (OSError, ValueError):
            self.entries = {}

    def _key(self, text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def _entry(self, text: str) -> dict[str, Any]:
        key = self._key(text)
        entry = self.used.get(key) or self.entries.get(key) or {}
        self.used[key] = entry
        return entry

    def render(self, text: str) -> RenderResult | None:
        """The cached render result of ``text``, if any."""
        found = self._entry(text).get("render")
        if found is None:
            return None
        return RenderResult(ids=frozenset(found["ids"]), failure=found["failure"])

    def store_render(self, text: str, result: RenderResult) -> None:
        """Remember how ``text`` rendered."""
        self._entry(text)["render"] = {"ids": sorted(result.ids), "failure": result.failure}

    def scan(self, text: str) -> MarkdownScan | None:
        """The cached scan of ``text``, if any."""
        found = self._entry(text).get("scan")
        if found is None:
            return None
        return MarkdownScan(
            headings=tuple(Heading(**item) for item in found["headings"]),
            links=tuple(Link(**item) for item in found["links"]),
            snippet_lines=tuple(found["snippet_lines"]),
        )

    def store_scan(self, text: str, scan: MarkdownScan) -> None:
        """Remember the scan of ``text``."""
        self._entry(text)["scan"] = asdict(scan)

    def save(self) -> None:
        """Write the entries used in this run, atomically."""
        payload = {"salt": self.salt, "entries": self.used}
        write_atomically(self.path, json.dumps(payload, sort_keys=True).encode("utf-8"))
