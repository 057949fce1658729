"""Run MkDocs (Material + mkdocs-static-i18n) over a staged tree, strictly, in process:
one language of the site, or one offline copy.

The project's ``mkdocs.yml`` holds the theme and Markdown settings; the plugin list comes
from ``mkdocs_config``. A failed run reports MkDocs' own warnings, not just "Aborted".
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from courseware.errors import BuildError
from courseware.registry.load import Registry
from courseware.site.engine.csp import policy_on_every_response
from courseware.site.engine.mkdocs_config import courseware_plugin, language_plugin_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner, once per build


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


def run_mkdocs(root: Path, docs_dir: Path, site_dir: Path, **settings: Any) -> str | None:
    """Build ``docs_dir`` into ``site_dir`` with the project's ``mkdocs.yml`` and
    ``settings`` on top, strictly; return None, or what went wrong with MkDocs' warnings.

    Reports rather than raises: the language runs happen in worker processes.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with collect_warnings() as collector:
        try:
            config = load_config(
                config_file=str(root / "mkdocs.yml"),
                docs_dir=str(docs_dir),
                site_dir=str(site_dir),
                strict=True,
                **settings,
            )
            build(config)
        except (Abort, MkDocsException, OSError) as error:
            details = "\n".join(f"  {message}" for message in collector.messages)
            return f"{error}\n{details}".rstrip()
    return None


def build_one_language(
    root: Path, registry: Registry, docs_dir: Path, site_dir: Path, language: str
) -> str | None:
    """Build one language of the staged tree into ``site_dir``; return an error message or
    None. Runs in a worker process, so it reports rather than raises."""
    plugins = language_plugin_config(registry, language)
    failure = run_mkdocs(root, docs_dir, site_dir, plugins=plugins)
    return None if failure is None else f"MkDocs could not build the {language!r} pages: {failure}"


OFFLINE_VALIDATION = {
    "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
    # Pages link to pages outside the copy (the catalog, say); the site build has already
    # checked every link strictly, and the copy unlinks those (``offline_hooks``).
    "links": {
        "not_found": "info",
        "anchors": "info",
        "absolute_links": "info",
        "unrecognized_links": "info",
    },
}


def build_offline_copy(
    root: Path, language: str, nav: list[Any], docs_dir: Path, site_dir: Path, name: str
) -> None:
    """Build one offline copy (``name``, for messages) with the project's theme settings,
    strictly, in process.

    No i18n plugin (one language) and no search plugin (``render.offline_search`` replaces
    it); the courseware plugin's ``offline_language`` does the rest.

    Raises:
        BuildError: listing MkDocs' warnings when the build fails.
    """
    failure = run_mkdocs(
        root,
        docs_dir,
        site_dir,
        plugins=[courseware_plugin(offline_language=language)],
        nav=nav,
        not_in_nav="",
        validation=OFFLINE_VALIDATION,
        use_directory_urls=True,
    )
    if failure is not None:
        raise BuildError(f"MkDocs could not build the offline copy {name}: {failure}")


def serve_until_interrupted(config_file: Path, dev_addr: str, watched: list[str]) -> None:
    """Run ``mkdocs serve`` with ``config_file``, rebuilding when ``watched`` folders change;
    every response carries the site's Content-Security-Policy header."""
    from mkdocs.commands.serve import serve

    with policy_on_every_response():
        serve(config_file=str(config_file), dev_addr=dev_addr, watch=watched, strict=False)
