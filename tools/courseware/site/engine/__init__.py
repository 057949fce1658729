"""The only modules that import MkDocs: plugin hooks, its configuration, language runs."""

from courseware.site.engine.language_builds import (
    LanguageBuilds,
    build_languages,
    language_settings,
    replace_changed_languages,
)
from courseware.site.engine.mkdocs_build import build_offline_copy, serve_until_interrupted
from courseware.site.engine.mkdocs_config import plugin_config
from courseware.site.engine.restage import register_restage
from courseware.site.engine.sanitize import sanitize_html, sanitize_staged_files

__all__ = [
    "LanguageBuilds",
    "build_languages",
    "build_offline_copy",
    "language_settings",
    "plugin_config",
    "register_restage",
    "replace_changed_languages",
    "sanitize_html",
    "sanitize_staged_files",
    "serve_until_interrupted",
]
