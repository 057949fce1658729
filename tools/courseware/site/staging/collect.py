"""Decide every file of the staged site: each stager's part, merged in order, and the
builder's own assets, as a map of relative path to bytes.

Each generated page exists once per declared language with the mkdocs-static-i18n suffix
(``catalog.md``, ``catalog.es.md``, ...), its interface strings from that language's catalog.
The stagers and their order are in ``staging/parts.py``, which keeps each one's part for
``courseware serve``.
"""

from __future__ import annotations

from courseware.registry.load import Registry
from courseware.site.staging.assets import STYLESHEET, package_assets, site_stylesheet
from courseware.site.staging.parts import collect_site_parts
from courseware.site.staging.staged import StagedFiles

__all__ = ["STYLESHEET", "collect_site_files", "package_assets", "site_stylesheet"]


def collect_site_files(registry: Registry, *, keep_going: bool = False) -> StagedFiles:
    """Assemble every staged file of the site for all declared languages.

    Args:
        keep_going: publish a failing lab's last good output under a dated notice instead
            of stopping the build.
    """
    return collect_site_parts(registry, keep_going=keep_going).merged()
