"""The typed options of the courseware MkDocs plugin (MkDocs validates them on load)."""

from __future__ import annotations

from mkdocs.config import config_options
from mkdocs.config.base import Config


class CoursewarePluginConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the plugin; ``restage_root`` is set by ``courseware serve`` only, and
    ``offline_language`` by ``courseware bundle`` (an offline copy in that language)."""

    restage_root = config_options.Optional(config_options.Type(str))
    language = config_options.Optional(config_options.Type(str))
    """Set when one language is built on its own: its code."""
    source_language = config_options.Optional(config_options.Type(str))
    languages = config_options.Type(list, default=[])
    """Every language of the site as ``{code, name}``, for the language switcher."""
    offline_language = config_options.Optional(config_options.Type(str))
    render_cache = config_options.Optional(config_options.Type(str))
    """Set by ``courseware build`` for a language's run: the folder of converted pages it
    reuses (``engine.page_cache``)."""
