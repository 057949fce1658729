"""The site builder: stage the registry, modules and labs as Markdown, check them, then run
MkDocs (``build``, ``serve``), build offline copies (``bundle``) or print tracks (``print``).

The rooms, and what may import what (``tests/test_import_rules.py`` checks it)::

    commands   build, serve, bundle, print, validate, merge: the entry points; one
               stage_and_check
    offline    offline copies of tracks: contents, cache, zip
    print      the print kit: each track as a PDF per language and edition (Chromium)
    engine     the only modules that import MkDocs: plugin, configuration, language runs
    checks     the content linter over the staged tree
    staging    each stager returns its part of the staged tree; collect merges them
    publish    fingerprints, the last build's record, the atomic swap
    render     pure HTML and Markdown producers

Other packages use the names below, never the rooms' modules. ``build_site`` is imported
at once (the command line needs it for every build); the rest load on first use, so that a
rebuild with nothing changed never imports the renderers, the Jupyter client or MkDocs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from courseware.site.commands.build import BuildReport, build_site

if TYPE_CHECKING:
    from courseware.site.commands.bundle import bundle_track
    from courseware.site.commands.merge import merge_partial_sites
    from courseware.site.commands.print_track import print_track_pdf
    from courseware.site.commands.serve import serve_site
    from courseware.site.commands.validate import validate_project
    from courseware.site.offline import Bundle
    from courseware.site.render import syllabus_text
    from courseware.site.staging import read_lab_prose

_LAZY = {
    "Bundle": "courseware.site.offline",
    "bundle_track": "courseware.site.commands.bundle",
    "print_track_pdf": "courseware.site.commands.print_track",
    "merge_partial_sites": "courseware.site.commands.merge",
    "read_lab_prose": "courseware.site.staging",
    "serve_site": "courseware.site.commands.serve",
    "syllabus_text": "courseware.site.render",
    "validate_project": "courseware.site.commands.validate",
}

__all__ = [
    "BuildReport",
    "Bundle",
    "build_site",
    "bundle_track",
    "print_track_pdf",
    "merge_partial_sites",
    "read_lab_prose",
    "serve_site",
    "syllabus_text",
    "validate_project",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
