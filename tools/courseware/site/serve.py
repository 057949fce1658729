"""``courseware serve``: stage the site, then let ``mkdocs serve`` rebuild on every change.

MkDocs watches the staged tree; the courseware plugin is told to watch the project's source
folders too, and re-stages them before each rebuild.
"""

from __future__ import annotations

import json
from pathlib import Path

from courseware.errors import ContentError, errors_only
from courseware.registry.load import load_registry
from courseware.site.content_checks import check_staged_content
from courseware.site.mkdocs_run import plugin_config
from courseware.site.pages import collect_site_files, staged_docs_dir
from courseware.site.stage import write_staged

WATCHED_FOLDERS = ("curriculum", "modules", "labs", "pages")


def stage_project(root: Path) -> None:
    """Validate the project and write its staged tree (raises ContentError on problems)."""
    registry = load_registry(root)
    staged = collect_site_files(registry)
    staged.problems += check_staged_content(staged, registry)
    if errors_only(staged.problems):
        raise ContentError(staged.problems)
    write_staged(staged.files, staged_docs_dir(root))


def serve_site(root: Path, dev_addr: str) -> None:
    """Serve the project with live reload until interrupted.

    MkDocs reloads its configuration on every rebuild and consumes plugin settings passed
    in memory, so the serving configuration is written to ``build/mkdocs.serve.yml``, which
    inherits the project's ``mkdocs.yml``.
    """
    from mkdocs.commands.serve import serve

    root = root.resolve()
    stage_project(root)
    registry = load_registry(root)
    watched = [str(root / name) for name in WATCHED_FOLDERS if (root / name).is_dir()]
    plugins = [
        {"courseware": {"restage_root": str(root)}} if entry == "courseware" else entry
        for entry in plugin_config(registry)
    ]
    config_file = root / "build" / "mkdocs.serve.yml"
    settings = {
        "INHERIT": "../mkdocs.yml",
        "docs_dir": "docs",
        "site_dir": str(root / "build" / "serve-site"),
        "plugins": plugins,
    }
    config_file.write_text(json.dumps(settings, ensure_ascii=False, indent=1), encoding="utf-8")
    serve(config_file=str(config_file), dev_addr=dev_addr, watch=watched, strict=False)
