"""Stage the images beside a module's text (``modules/<id>/diagram.png``), next to its page.

A contributor who writes ``![The wiring](wiring.png)`` in ``modules/<id>/index.md`` and puts
``wiring.png`` beside it expects the figure on the page, as on GitHub and in every Markdown
editor; the module page is staged at ``modules/<id>/index.md``, so the image is staged at the
same relative place and the link works unchanged in every language (mkdocs-static-i18n copies
a file without a language suffix into each language's tree, and ``wiring.es.png`` is the
Spanish version of ``wiring.png``). Image sizes and names are checked with the other content
files (``checks/paths.py``); links are never followed (``registry.find_symlinks`` reports them).

SVG is refused with a fix rather than published: an SVG file opened directly runs its
scripts, and the Content-Security-Policy of our pages is a ``<meta>`` tag an SVG document does
not honour.
"""

from __future__ import annotations

import os
from pathlib import Path

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.registry.load import Registry
from courseware.site.staging.staged import StagedFiles
from courseware.yamlsafe import display_path

RASTER_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
"""The image formats published from a module folder (the same as ``checks.paths``' images,
but SVG)."""


def stage_module_images(registry: Registry) -> StagedFiles:
    """Every raster image under ``modules/<id>/``, at the same path in the staged tree."""
    part = StagedFiles()
    for module in registry.modules:
        folder = registry.root / module.folder
        for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
            dirnames.sort()
            for name in sorted(filenames):
                path = Path(dirpath, name)
                if path.is_symlink():
                    continue
                suffix = path.suffix.lower()
                relative = display_path(path, registry.root)
                if suffix in RASTER_SUFFIXES:
                    part.add_file(relative, path.read_bytes())
                elif suffix == ".svg":
                    part.problems.append(_svg_refused(relative))
                    # Staged all the same, so the link to it is not reported as missing
                    # too: the refusal stops the build before anything is published.
                    part.add_file(relative, b"")
    return part


def _svg_refused(relative: str) -> Problem:
    message = (
        "an SVG beside a module page is not published (an SVG can carry scripts); export it "
        "as PNG or WebP and link that"
    )
    return Problem(relative, None, None, message, code=codes.MODULE_SVG_FIGURE)
