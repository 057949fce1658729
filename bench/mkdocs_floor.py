"""The floor of any MkDocs-based build of these pages: bare Material, in parallel.

Builds each language's staged tree (``build/docs-<code>``, written by ``courseware build``)
with the project's ``mkdocs.yml`` (Material, ``navigation.prune``, the same Markdown
extensions) and only the search plugin: no i18n plugin, no courseware plugin, no
validation, no content checks, no staging. The languages run in forked workers, as many as
there are cores, as ``courseware build`` runs them. A build that validates and stages the
same pages before rendering them with MkDocs cannot be faster than this.

Usage: python bench/mkdocs_floor.py PROJECT OUTPUT CODE [CODE ...]
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402


def build_language(project: Path, output: Path, code: str) -> None:
    """Build one language's tree with bare Material and search."""
    config = load_config(
        config_file=str(project / "mkdocs.yml"),
        docs_dir=str(project / "build" / f"docs-{code}"),
        site_dir=str(output / code),
        plugins=[{"search": {"lang": [code]}}],
        strict=False,
    )
    build(config)


def main() -> None:
    project, output, codes = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    context = multiprocessing.get_context("fork")
    workers = min(os.cpu_count() or 1, len(codes))
    with context.Pool(workers) as pool:
        pool.starmap(build_language, [(project, output, code) for code in codes])


if __name__ == "__main__":
    main()
