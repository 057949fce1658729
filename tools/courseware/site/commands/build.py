"""``courseware build``: validate, stage, run MkDocs into a temporary folder, then swap.

Nothing is written to ``site/`` unless every step succeeded, so a failed build leaves the
previous site exactly as it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from courseware.errors import BuildError, Problem
from courseware.output_folders import RefusedOutput, check_site_folder
from courseware.project_paths import BUILD_LOCK_FILE, SITE_DIR
from courseware.site.publish import (
    StageResult,
    build_lock,
    record_build,
    remove_stale_temporaries,
    source_fingerprint,
    swap_into_place,
    temporary_site_dir,
    unchanged_since_last_build,
)

if TYPE_CHECKING:
    from courseware.site.engine import LanguageBuilds
    from courseware.site.offline import Bundle
    from courseware.site.print import PrintedTrack
    from courseware.site.staging import LabSummary


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the CLI to print."""

    site_dir: Path
    pages: int
    staged: StageResult
    warnings: tuple[Problem, ...]
    bundles: tuple[Bundle, ...] = ()
    zims: tuple[Bundle, ...] = ()
    """The tracks' copies as ZIM files, when the optional ZIM writer is installed."""
    prints: tuple[PrintedTrack, ...] = ()
    """Every printed track (reused ones included: ``is_reused``)."""
    labs: LabSummary | None = None
    languages: LanguageBuilds | None = None
    """Languages MkDocs built, and those reused unchanged (all of them: MkDocs did not run)."""


def build_site(
    root: Path,
    site_dir: Path | None = None,
    *,
    keep_going: bool = False,
    notice: Callable[[str], None] | None = None,
    partial_languages: Sequence[str] | None = None,
) -> BuildReport:
    """Build the project at ``root`` into ``site_dir`` (default ``root/site``).

    Args:
        keep_going: publish a failing lab's last good output, under a dated notice, instead
            of failing the build.
        notice: called with each line the build says before it ends (a build lock taken
            over from a killed build).
        partial_languages: build only these languages, into a partial site that
            ``merge_partial_sites`` puts together with the others
            (``site/publish/partial_sites.py``).

    Raises:
        ContentError: every content problem found, before anything is written to the site.
        BuildError: ``site_dir`` is a folder a build must not replace
            (``output_folders.check_site_folder``).
        BuildError: when MkDocs fails; the previous site is left untouched.
    """
    try:
        check_site_folder(root, site_dir or root / SITE_DIR)
    except RefusedOutput as refused:
        raise BuildError(f"{site_dir or root / SITE_DIR}: {refused}") from None
    root = root.resolve()
    site_dir = (site_dir or root / SITE_DIR).resolve()
    with build_lock(root / BUILD_LOCK_FILE, notice):
        remove_stale_temporaries(site_dir)
        fingerprint = source_fingerprint(root, keep_going)
        if partial_languages is not None:
            return _build(root, site_dir, fingerprint, keep_going, tuple(partial_languages))
        last = unchanged_since_last_build(root, site_dir, fingerprint)
        if last is not None:
            from courseware.site.engine import LanguageBuilds

            return BuildReport(
                site_dir=site_dir,
                pages=last.pages,
                staged=StageResult(written=0, unchanged=last.pages, removed=0),
                warnings=last.warnings,
                languages=LanguageBuilds(built=(), reused=()),
            )
        return _build(root, site_dir, fingerprint, keep_going)


def _check_languages(wanted: tuple[str, ...], known: tuple[str, ...]) -> None:
    """Refuse an empty or unknown language list, with the declared codes as the fix."""
    unknown = [code for code in wanted if code not in known]
    if not wanted or unknown:
        shown = ", ".join(unknown) if unknown else "none given"
        raise BuildError(
            f"--languages: unknown language codes: {shown}; the project declares "
            f"{', '.join(known)} (curriculum/languages.yaml)"
        )


def _partial_is_current(
    site_dir: Path, languages: tuple[str, ...], fingerprints: dict[str, str]
) -> bool:
    """True when ``site_dir`` is already the partial site of these languages and sources."""
    from courseware.site.publish import read_partial_site, site_is_current

    try:
        partial = read_partial_site(site_dir)
    except BuildError:
        return False
    wanted = {code: fingerprints[code] for code in languages}
    return (
        set(partial.languages) == set(languages)
        and partial.all_fingerprints == fingerprints
        and site_is_current(site_dir, wanted)
    )


def _build(
    root: Path,
    site_dir: Path,
    fingerprint: str,
    keep_going: bool,
    partial_languages: tuple[str, ...] | None = None,
) -> BuildReport:
    # Imported only now: a rebuild with nothing changed never loads the renderers, the
    # Jupyter client or MkDocs, which is most of its start-up time.
    from courseware.project_paths import BUNDLE_CACHE_DIR, PRINT_CACHE_DIR, STAGED_DOCS_DIR
    from courseware.registry.load import load_registry
    from courseware.site.commands.stage_and_check import stage_and_check
    from courseware.site.engine import (
        LanguageBuilds,
        build_languages,
        language_settings,
        replace_changed_languages,
    )
    from courseware.site.offline import build_track_bundles, offer_bundles, zim_stand_ins
    from courseware.site.print import build_track_prints, offer_prints
    from courseware.site.publish import (
        language_fingerprints,
        site_is_current,
        write_partial_record,
        write_staged,
    )

    registry = load_registry(root)
    if partial_languages is not None:
        _check_languages(partial_languages, registry.language_codes)
    staged = stage_and_check(registry, keep_going=keep_going)
    # Offline copies and printed tracks first: the track pages offer them with their size.
    copies = build_track_bundles(registry, staged.files, root / BUNDLE_CACHE_DIR)
    prints = build_track_prints(registry, staged.files, root / PRINT_CACHE_DIR)
    print_files, offered_prints = offer_prints(prints)
    staged.merge(offer_bundles(registry, copies.zips, staged.files, copies.zims, offered_prints))
    staged.files.update(print_files)
    stage_result = write_staged(staged.files, root / STAGED_DOCS_DIR)
    fingerprints = language_fingerprints(
        staged.files,
        registry.language_codes,
        registry.source_language.code,
        (root / "mkdocs.yml").read_bytes(),
        language_settings(registry),
        stand_ins=zim_stand_ins(copies.zims),
    )
    wanted = partial_languages or registry.language_codes
    languages = LanguageBuilds(built=(), reused=wanted)
    if partial_languages is not None:
        current = _partial_is_current(site_dir, partial_languages, fingerprints)
    else:
        current = site_is_current(site_dir, fingerprints)
    if not current and partial_languages is None:
        # Only translations changed: swap just their folders into the live site.
        replaced = replace_changed_languages(root, registry, staged.files, site_dir, fingerprints)
        if replaced is not None:
            languages, current = replaced, True
    if not current:
        new_site = temporary_site_dir(site_dir)
        try:
            languages = build_languages(
                root,
                registry,
                staged.files,
                new_site,
                site_dir,
                fingerprints,
                only=partial_languages,
            )
            if partial_languages is not None:
                write_partial_record(new_site, wanted, registry.source_language.code, fingerprints)
            swap_into_place(new_site, site_dir)
        finally:
            if new_site.exists():
                shutil.rmtree(new_site, ignore_errors=True)
    pages = sum(1 for name in staged.files if name.endswith(".md"))
    warnings = (*registry.warnings, *[p for p in staged.problems if p.severity == "warning"])
    # A partial site is not what a later full build of that folder would write, so it is
    # never recorded as the project's last build.
    if partial_languages is None and not (staged.labs and staged.labs.published_outdated):
        record_build(root, site_dir, fingerprint, pages, warnings)
    return BuildReport(
        site_dir=site_dir,
        pages=pages,
        staged=stage_result,
        warnings=warnings,
        bundles=copies.zips,
        zims=copies.zims,
        prints=prints,
        labs=staged.labs,
        languages=languages,
    )
