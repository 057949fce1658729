"""Run MkDocs (Material + mkdocs-static-i18n) over the staged tree, strictly, in process.

The project's ``mkdocs.yml`` holds the theme and Markdown settings; the plugin list is
computed here because the i18n languages come from ``curriculum/languages.yaml``, the one
place languages are declared.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from courseware.registry.load import Registry

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, once per build


def plugin_config(registry: Registry) -> list[Any]:
    """The MkDocs plugin list: search per language, i18n over the suffix structure, ours."""
    source = registry.source_language.code
    languages = [
        {
            "locale": lang.code,
            "name": lang.native_name,
            "default": lang.code == source,
            "build": True,
        }
        for lang in sorted(registry.languages, key=lambda lang: lang.code != source)
    ]
    return [
        {"search": {"lang": ["en", "es", "pt", "fr", "ar"]}},
        {
            "i18n": {
                "docs_structure": "suffix",
                "fallback_to_default": True,
                "reconfigure_material": True,
                # Its search de-duplication is quadratic and gives the same index for this
                # layout (measured: 43 % of a 1000-page build in three languages).
                "reconfigure_search": False,
                "languages": languages,
            }
        },
        "courseware",
    ]


class WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings so a failed build can show them, not just "Aborted"."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collect_warnings() -> Iterator[WarningCollector]:
    """Collect the warnings MkDocs logs inside the ``with`` block."""
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def language_plugin_config(registry: Registry, language: str) -> list[Any]:
    """The plugin list for building one language on its own (see ``language_builds``)."""
    plugins = plugin_config(registry)
    plugins[0] = {"search": {"lang": [language]}}
    plugins[1]["i18n"]["languages"] = [
        {
            "locale": language,
            "name": registry.language(language).native_name,
            "default": True,
            "build": True,
        }
    ]
    plugins[2] = {
        "courseware": {
            "language": language,
            "source_language": registry.source_language.code,
            "languages": [
                {"code": code, "name": registry.language(code).native_name}
                for code in registry.language_codes
            ],
        }
    }
    return plugins


def build_one_language(
    root: Path, registry: Registry, docs_dir: Path, site_dir: Path, language: str
) -> str | None:
    """Build one language of the staged tree into ``site_dir``; return an error message or
    None. Runs in a worker process, so it reports rather than raises."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with collect_warnings() as collector:
        try:
            config = load_config(
                config_file=str(root / "mkdocs.yml"),
                docs_dir=str(docs_dir),
                site_dir=str(site_dir),
                plugins=language_plugin_config(registry, language),
                strict=True,
            )
            build(config)
        except (Abort, MkDocsException, OSError) as error:
            details = "\n".join(f"  {message}" for message in collector.messages)
            return f"MkDocs could not build the {language!r} pages: {error}\n{details}".rstrip()
    return None
