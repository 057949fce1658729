"""Build each language of the site as its own MkDocs run, in parallel, and reuse the languages
whose inputs did not change.

mkdocs-static-i18n builds the languages one after another in one process and writes one
search index holding every language. Here the suffix-structured staged tree is split into one
tree per language (``build/docs-<code>``: that language's pages under their plain names, and
the static files), and each is built by MkDocs with mkdocs-static-i18n set to that language.
That uses every core, gives each language its own search index (a Spanish reader searches
Spanish pages), and lets a rebuild skip every language whose files are unchanged. The source
language lands at the site root and the others under ``<code>/``, where the single-process
build puts them. (Its ``build_only_locale`` option is no substitute: it takes unsuffixed
pages for the built language, so generated pages came out in English.)
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from courseware.errors import BuildError
from courseware.project_paths import language_docs_dir
from courseware.registry.load import Registry
from courseware.site.engine.mkdocs_build import build_one_language
from courseware.site.engine.mkdocs_config import language_plugin_config
from courseware.site.engine.page_cache import PAGE_CACHE_DIR, prune
from courseware.site.engine.shared_files import static_file_language
from courseware.site.publish import (
    MANIFEST,
    PARTIAL_MANIFEST,
    TEMP_PREFIX,
    can_exchange,
    exchange,
    previous_fingerprints,
    write_manifest,
    write_staged,
)
from courseware.worker_lifetime import die_with_parent


@dataclass(frozen=True)
class LanguageBuilds:
    """Which languages MkDocs built and which were reused from the previous site."""

    built: tuple[str, ...]
    reused: tuple[str, ...]


def language_tree(files: dict[str, bytes], language: str, registry: Registry) -> dict[str, bytes]:
    """The staged files one language's build reads: its pages under their plain names (the
    source page where it has none) and every static file."""
    source = registry.source_language.code
    codes = set(registry.language_codes)
    tree: dict[str, bytes] = {}
    for name, content in files.items():
        if not name.endswith(".md"):
            if _belongs_elsewhere(name, language, codes):
                continue
            tree[name] = content
            continue
        base, dot, suffix = name[: -len(".md")].rpartition(".")
        if dot and suffix in codes and suffix != source:
            if suffix == language:
                tree[f"{base}.md"] = content
        elif language == source or f"{name[: -len('.md')]}.{language}.md" not in files:
            tree.setdefault(name, content)
    return tree


def _belongs_elsewhere(name: str, language: str, codes: set[str]) -> bool:
    """Static files only another language's pages use: other languages' lab folders
    (``labs/<id>-<code>/``). Every other static file is in every tree, so that MkDocs can
    check the links to it; a language below the root then uses the root's copy
    (``engine.shared_files``)."""
    owner = static_file_language(name, codes)
    return owner is not None and owner != language


def build_languages(
    root: Path,
    registry: Registry,
    files: dict[str, bytes],
    new_site: Path,
    previous_site: Path,
    fingerprints: dict[str, str],
    jobs: int | None = None,
    only: Collection[str] | None = None,
) -> LanguageBuilds:
    """Build the changed languages into ``new_site``, copying unchanged ones from the last site.

    ``only`` limits the site to those languages (a partial site, see
    ``site/publish/partial_sites.py``); its manifest then lists only them.

    Raises:
        BuildError: with MkDocs' warnings when any language fails; ``new_site`` is then
            incomplete and must be thrown away.
    """
    source = registry.source_language.code
    wanted = [c for c in registry.language_codes if only is None or c in only]
    previous = previous_fingerprints(previous_site)
    reuse = [c for c in wanted if previous.get(c) == fingerprints[c]]
    build = [c for c in wanted if c not in reuse]
    scratch = new_site.parent / f"{new_site.name}.languages"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        outputs = {code: scratch / code for code in build}
        _run_in_parallel(root, registry, files, outputs, jobs)
        new_site.mkdir(parents=True, exist_ok=True)
        others = [c for c in registry.language_codes if c != source]
        for code in wanted:
            target = new_site if code == source else new_site / code
            if code in outputs:
                _move_tree(outputs[code], target)
            else:
                _copy_language(previous_site, target, code == source, others, code)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    write_manifest(new_site, {code: fingerprints[code] for code in wanted})
    if only is None and build:
        prune(root / PAGE_CACHE_DIR, list(registry.language_codes))
    return LanguageBuilds(built=tuple(build), reused=tuple(reuse))


def replace_changed_languages(
    root: Path,
    registry: Registry,
    files: dict[str, bytes],
    site_dir: Path,
    fingerprints: dict[str, str],
    jobs: int | None = None,
) -> LanguageBuilds | None:
    """Rebuild only the changed languages below the root, and swap each one's folder into
    the live site; None when the whole site must be built into a new folder instead.

    A rebuild after one translated page changed used to write a whole new site (copying
    every unchanged language) and then delete the old one: on this 2-core machine the
    deletion alone took 4 to 8 s at 100 modules, more than the one language's MkDocs run.
    A language below the root lives entirely in ``site/<code>/`` (its shared files are the
    root's), so its new folder replaces the old in one atomic rename (Linux ``renameat2``)
    once every changed language has built; then the manifest is rewritten. A failure before
    the renames leaves the site as it was; one between two renames leaves a site whose
    manifest still names the old inputs, which the next build rebuilds.

    Returns None (nothing done) when the source language changed, the site is not a full
    build of these languages, or the system cannot swap folders atomically.
    """
    source = registry.source_language.code
    codes = list(registry.language_codes)
    previous = previous_fingerprints(site_dir)
    if set(previous) != set(codes) or previous[source] != fingerprints[source]:
        return None
    if (site_dir / PARTIAL_MANIFEST).exists():
        return None  # a partial site is replaced whole (``publish.partial_sites``)
    build = [code for code in codes if previous[code] != fingerprints[code]]
    if not build or not can_exchange():
        return None
    if not all((site_dir / code).is_dir() and not (site_dir / code).is_symlink() for code in build):
        return None
    scratch = site_dir.parent / f"{TEMP_PREFIX}{site_dir.name}-{os.getpid()}.languages"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    try:
        outputs = {code: scratch / code for code in build}
        _run_in_parallel(root, registry, files, outputs, jobs)
        for code in build:
            if not exchange(outputs[code], site_dir / code):
                raise BuildError(f"{site_dir / code}: cannot replace this language's folder")
        write_manifest(site_dir, {code: fingerprints[code] for code in codes})
    finally:
        shutil.rmtree(scratch, ignore_errors=True)  # the new trees, or the replaced ones
    prune(root / PAGE_CACHE_DIR, codes)
    return LanguageBuilds(built=tuple(build), reused=tuple(c for c in codes if c not in build))


_STAGED_FILES: dict[str, bytes] = {}
"""The staged files, in a build worker: handed over once when the worker is forked (fork
copies them without pickling) instead of with every language's task."""


def _start_worker(parent: int, files: dict[str, bytes]) -> None:
    """A worker's first step: end with the builder (so a killed build leaves no worker
    holding the build lock), and keep the staged files."""
    die_with_parent(parent)
    _STAGED_FILES.clear()
    _STAGED_FILES.update(files)


def stage_and_build_language(
    root: Path, registry: Registry, site_dir: Path, language: str, files: dict[str, bytes]
) -> str | None:
    """Write one language's tree to ``build/docs-<code>`` and build it into ``site_dir``;
    return an error message or None. Runs in a worker, so the languages' trees are written
    in parallel too."""
    docs_dir = root / language_docs_dir(language)
    write_staged(language_tree(files, language, registry), docs_dir)
    return build_one_language(root, registry, docs_dir, site_dir, language)


def _stage_and_build_in_worker(
    root: Path, registry: Registry, site_dir: Path, language: str
) -> str | None:
    return stage_and_build_language(root, registry, site_dir, language, _STAGED_FILES)


def _run_in_parallel(
    root: Path,
    registry: Registry,
    files: dict[str, bytes],
    outputs: dict[str, Path],
    jobs: int | None,
) -> None:
    if not outputs:
        return
    workers = max(1, min(jobs or os.cpu_count() or 1, len(outputs)))
    failures: list[str] = []
    if workers == 1:
        results = [
            stage_and_build_language(root, registry, path, code, files)
            for code, path in outputs.items()
        ]
    else:
        # fork: the workers inherit the loaded registry, the imports and the staged files
        # instead of redoing or receiving them.
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), files),
        ) as pool:
            futures = [
                pool.submit(_stage_and_build_in_worker, root, registry, path, code)
                for code, path in outputs.items()
            ]
            results = [future.result() for future in futures]
    failures = [message for message in results if message]
    if failures:
        raise BuildError("\n".join(failures))


def _move_tree(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(source.iterdir()):
        os.replace(entry, target / entry.name)


def _copy_language(
    previous_site: Path, target: Path, is_source: bool, others: list[str], code: str
) -> None:
    """Copy one language's tree from the previous site (the source language is the root
    minus the other languages' folders)."""
    origin = previous_site if is_source else previous_site / code
    target.mkdir(parents=True, exist_ok=True)
    for entry in sorted(origin.iterdir()):
        if is_source and (entry.name in others or entry.name == MANIFEST):
            continue
        destination = target / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, destination, symlinks=True)
        elif entry.is_file() and not entry.is_symlink():
            shutil.copy2(entry, destination)


def language_settings(registry: Registry) -> dict[str, object]:
    """Each language's plugin settings, part of what its run's fingerprint covers."""
    return {code: language_plugin_config(registry, code) for code in registry.language_codes}
