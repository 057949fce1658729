"""``courseware print``: validate the project and print one track to a PDF."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.errors import UsageError
from courseware.project_paths import PRINT_CACHE_DIR, PRINTS_OUT_DIR
from courseware.registry.load import load_registry
from courseware.site.commands.bundle import find_track
from courseware.site.commands.stage_and_check import stage_and_check
from courseware.site.print import (
    Edition,
    Paper,
    PrintedTrack,
    in_own_thread,
    lazy_chromium,
    print_track,
)
from courseware.validation import did_you_mean


def print_track_pdf(
    root: Path,
    track_id: str,
    language: str | None = None,
    edition: Edition = "student",
    paper: Paper = "a4",
    out: Path | None = None,
) -> PrintedTrack:
    """Validate the project and write ``track_id`` as a PDF.

    Args:
        language: a declared language; default the track's own. A language the track's
            modules are not translated into prints their source text, under the site's
            fallback notice.
        out: the PDF to write; default ``build/prints/<track>-<language>-<edition>.pdf``.

    Raises:
        UsageError: for an unknown track or an undeclared language.
        ContentError: for any content problem of the project.
        BuildError: when Chromium is missing or fails.
    """
    root = root.resolve()
    registry = load_registry(root)
    track = find_track(registry, track_id)
    language = language or track.spec.language
    if language not in registry.language_codes:
        codes = registry.language_codes
        hint = did_you_mean(language, codes) or f"; declared: {', '.join(codes)}"
        raise UsageError(
            f"language {language!r} is not declared in curriculum/languages.yaml{hint}"
        )
    staged = stage_and_check(registry)

    def print_it() -> PrintedTrack:
        with lazy_chromium() as browser:
            return print_track(
                registry,
                staged.files,
                track,
                language,
                edition,
                paper,
                root / PRINT_CACHE_DIR,
                browser,
            )

    printed = in_own_thread(print_it)
    target = out or root / PRINTS_OUT_DIR / printed.file_name
    write_atomically(target, printed.path.read_bytes())
    return dataclasses.replace(printed, path=target)
