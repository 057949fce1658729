"""``courseware serve``: stage the site, then let ``mkdocs serve`` rebuild on every change.

MkDocs watches the staged tree; the courseware plugin is told to watch the project's source
folders too, and re-stages them before each rebuild (with :func:`stage_project`, registered
in ``engine.restage``).
"""

from __future__ import annotations

import json
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.project_paths import SERVE_CONFIG_FILE, SERVE_SITE_DIR, STAGED_DOCS_DIR
from courseware.registry.load import CONTENT_FOLDERS, Registry, load_registry
from courseware.site.commands.stage_and_check import stage_and_check
from courseware.site.engine import plugin_config, register_restage, serve_until_interrupted
from courseware.site.publish import write_staged


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
    inherits the project's ``mkdocs.yml``.
    """
    root = root.resolve()
    registry = load_registry(root)
    stage_project(root, registry)
    register_restage(stage_project)
    watched = [str(root / name) for name in CONTENT_FOLDERS if (root / name).is_dir()]
    config_file = root / SERVE_CONFIG_FILE
    settings = {
        "INHERIT": "../mkdocs.yml",
        "docs_dir": STAGED_DOCS_DIR.name,
        "site_dir": str(root / SERVE_SITE_DIR),
        "plugins": plugin_config(registry, restage_root=str(root)),
    }
    data = json.dumps(settings, ensure_ascii=False, indent=1).encode("utf-8")
    write_atomically(config_file, data, durable=False)
    serve_until_interrupted(config_file, dev_addr, watched)
