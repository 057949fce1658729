"""``courseware bundle``: validate the project and write the offline copy of one track, as a
zip or as a ZIM for Kiwix."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.errors import UsageError
from courseware.project_paths import BUNDLE_CACHE_DIR, BUNDLES_OUT_DIR
from courseware.registry.load import Registry, load_registry
from courseware.registry.tracks import Track
from courseware.site.commands.stage_and_check import stage_and_check
from courseware.site.offline import Bundle, MissingZimWriter, build_bundle, is_zim_writer_installed
from courseware.validation import did_you_mean


def bundle_track(
    root: Path,
    track_id: str,
    language: str | None = None,
    out: Path | None = None,
    format: str = "zip",
) -> Bundle:
    """Validate the project and write the offline copy of one track.

    Args:
        language: a declared language; default the track's own.
        out: the file to write; default ``build/bundles/<track>-<language>.<format>``.
        format: ``zip`` (opens from ``file://``) or ``zim`` (opens in Kiwix).

    Raises:
        UsageError: for an unknown track or an undeclared language, or a ZIM asked for
            without the optional ZIM writer (``MissingZimWriter``, before any work).
        ContentError: for any content problem of the project.
        BuildError: when MkDocs fails.
    """
    root = root.resolve()
    if format == "zim" and not is_zim_writer_installed():
        raise MissingZimWriter()
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
    cache = root / BUNDLE_CACHE_DIR
    bundle = build_bundle(registry, staged.files, track, language, cache, format)
    target = out or root / BUNDLES_OUT_DIR / bundle.file_name
    write_atomically(target, bundle.path.read_bytes())
    return dataclasses.replace(bundle, path=target)


def find_track(registry: Registry, track_id: str) -> Track:
    """The track ``track_id``, or a usage error naming the closest id (or the tracks)."""
    for track in registry.tracks:
        if track.id == track_id:
            return track
    known = [t.id for t in registry.tracks]
    hint = did_you_mean(track_id, known) or (
        f"; the tracks are: {', '.join(known)}" if known else "; this project has no tracks"
    )
    raise UsageError(f"unknown track {track_id!r}{hint}")
