"""The ``courseware`` MkDocs plugin: the thin edge between MkDocs events and the builder.

During ``mkdocs serve`` it re-stages the site when a source file changes, so contributors see
their edits live; during every build it is the place where pages are post-processed.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin


class CoursewarePlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hooks the courseware builder into MkDocs."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Nothing to change yet; the builder computes the configuration."""
        return config

    def on_page_markdown(self, markdown: str, **kwargs: Any) -> str:
        """Pages arrive fully staged; leave them as they are."""
        return markdown
