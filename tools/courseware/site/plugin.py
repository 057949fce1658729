"""The ``courseware`` MkDocs plugin: the thin edge between MkDocs events and the builder.

During ``mkdocs serve`` (through ``courseware serve``) it re-stages the site from the
project's sources before every rebuild, so contributors see their edits live; content
problems become a ``PluginError`` that MkDocs shows without a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from courseware.errors import CoursewareError


class CoursewarePluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the plugin; ``restage_root`` is set by ``courseware serve`` only."""

    restage_root = config_options.Optional(config_options.Type(str))


class CoursewarePlugin(BasePlugin[CoursewarePluginConfig]):  # type: ignore[no-untyped-call]
    """Hooks the courseware builder into MkDocs."""

    def on_pre_build(self, *, config: Any) -> None:
        """Re-stage the project before each (re)build while serving."""
        root = self.config.restage_root
        if not root:
            return
        from courseware.site.serve import stage_project

        try:
            stage_project(Path(root))
        except CoursewareError as error:
            raise PluginError(str(error)) from None
