"""``courseware serve``: stage the site, then serve it, re-staging and rebuilding on every
change of the project's sources (``engine.mkdocs_build.serve_until_interrupted``)."""

from __future__ import annotations

import json
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.project_paths import SERVE_CONFIG_FILE, STAGED_DOCS_DIR
from courseware.registry.load import CONTENT_FOLDERS, Registry, load_registry
from courseware.site.commands.serve_staging import ServeStaging
from courseware.site.commands.stage_and_check import stage_and_check
from courseware.site.engine import plugin_config, serve_until_interrupted
from courseware.site.publish import write_staged
from courseware.site.staging import MKDOCS_FILE


def stage_project(root: Path, registry: Registry | None = None) -> None:
    """Validate the project and write its staged tree (raises ContentError on problems).

    Args:
        registry: the project's registry, when the caller has just loaded it.
    """
    staged = stage_and_check(registry or load_registry(root))
    write_staged(staged.files, root / STAGED_DOCS_DIR)


def serve_site(root: Path, dev_addr: str) -> None:
    """Serve the project with live reload until interrupted.

    MkDocs reloads its configuration on every rebuild and consumes plugin settings passed
    in memory, so the serving configuration is written to ``build/mkdocs.serve.yml``, which
    inherits the project's ``mkdocs.yml``. Before every build the project is re-staged, and
    the configuration written again if ``build/`` was removed meanwhile; content problems
    are then the page the browser shows (``engine.live_server``), until they are fixed.
    An edit of modules' texts only re-stages what they feed (``serve_staging``), and an
    edit that changes only pages' staged Markdown re-renders just those pages
    (``engine.warm_render``).
    """
    root = root.resolve()
    staging = ServeStaging(root)
    staging.stage()
    registry = staging.registry
    assert registry is not None  # a staging that returns has its registry
    config_file = root / SERVE_CONFIG_FILE
    settings = {
        "INHERIT": "../mkdocs.yml",
        "docs_dir": STAGED_DOCS_DIR.name,
        "plugins": plugin_config(registry, source_language=registry.source_language.code),
    }
    data = json.dumps(settings, ensure_ascii=False, indent=1).encode("utf-8")
    first = [True]

    def prepare() -> None:
        if not config_file.is_file():
            write_atomically(config_file, data, durable=False)
        if first[0]:
            first[0] = False  # staged just above
            return
        staging.stage()

    watched = [str(root / name) for name in CONTENT_FOLDERS if (root / name).is_dir()]
    watched.append(str(root / MKDOCS_FILE))
    serve_until_interrupted(config_file, dev_addr, watched, prepare, root / STAGED_DOCS_DIR)
