"""Offline copies of tracks: one zip per track and language that opens from ``file://``.

Students on slow, metered or no connections (workshops such as ICTP's) download a track
once and read it anywhere: a self-contained MkDocs build of the track's pages (see
``bundle_contents``) whose links work from the file system and whose search needs no
server (``bundle_offline``, ``bundle_search``), zipped reproducibly (``bundle_zip``).

Bundles are cached under ``.cache/bundles`` by a key over everything they are built from,
so a site rebuild with nothing changed reuses them without running MkDocs again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import tempfile
from collections.abc import Mapping
from importlib import metadata
from pathlib import Path

from courseware.errors import BuildError, ContentError, UsageError, errors_only
from courseware.registry.load import Registry, load_registry
from courseware.registry.tracks import Track
from courseware.site.bundle_contents import BundleContents, bundle_contents
from courseware.site.bundle_zip import write_atomically, zip_folder
from courseware.site.content_checks import check_staged_content
from courseware.site.curriculum_pages import stage_tracks
from courseware.site.mkdocs_run import collect_warnings
from courseware.site.pages import StagedFiles, collect_site_files
from courseware.site.stage import write_staged
from courseware.site.track_pages import TrackDownload
from courseware.validation import did_you_mean

BUNDLE_CACHE_DIR = Path(".cache") / "bundles"
BUNDLES_FOLDER = "bundles"
"""Where the site offers the bundles for download (``bundles/<track>-<language>.zip``)."""
DEFAULT_OUT_DIR = Path("build") / "bundles"
_FORMAT = "courseware-bundle-1"
"""Part of every cache key: change it when what a bundle holds changes."""

_VALIDATION = {
    "nav": {"omitted_files": "warn", "not_found": "warn", "absolute_links": "warn"},
    # Pages link to pages outside the copy (the catalog, say); the site build has already
    # checked every link strictly, and the copy unlinks those (``bundle_offline``).
    "links": {
        "not_found": "info",
        "anchors": "info",
        "absolute_links": "info",
        "unrecognized_links": "info",
    },
}


@dataclasses.dataclass(frozen=True)
class Bundle:
    """One offline copy written to disk."""

    track_id: str
    language: str
    path: Path
    size_bytes: int
    pages: int
    is_reused: bool
    """True when the cached zip was still current and MkDocs did not run."""

    @property
    def file_name(self) -> str:
        """``<track>-<language>.zip``, the name it is offered under."""
        return bundle_file_name(self.track_id, self.language)


def bundle_file_name(track_id: str, language: str) -> str:
    """The zip's name; it unzips into a folder of the same name without ``.zip``."""
    return f"{track_id}-{language}.zip"


@functools.cache
def _builder_fingerprint() -> str:
    """A hash of the site builder's code, templates and assets, and of the theme versions:
    a bundle built by other code is not reused."""
    digest = hashlib.sha256()
    for package in ("mkdocs", "mkdocs-material", "courseware"):
        digest.update(f"{package}={metadata.version(package)}\n".encode())
    base = Path(__file__).parent
    for path in sorted(base.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".html", ".js", ".css"}:
            digest.update(path.relative_to(base).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def bundle_key(contents: BundleContents, mkdocs_yml: bytes) -> str:
    """The cache key of a bundle: its staged files, navigation, configuration and builder."""
    digest = hashlib.sha256()
    header = [_FORMAT, contents.track_id, contents.language, list(contents.nav)]
    digest.update(json.dumps(header, sort_keys=True, ensure_ascii=False).encode())
    digest.update(hashlib.sha256(mkdocs_yml).digest())
    digest.update(_builder_fingerprint().encode())
    for name, content in sorted(contents.files.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.hexdigest()


def run_offline_mkdocs(
    root: Path, contents: BundleContents, docs_dir: Path, site_dir: Path
) -> None:
    """Build one offline copy with the project's theme settings, strictly, in process.

    No i18n plugin (one language) and no search plugin (``bundle_search`` replaces it); the
    courseware plugin's ``offline_language`` does the rest.

    Raises:
        BuildError: listing MkDocs' warnings when the build fails.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, MkDocsException

    with collect_warnings() as collector:
        try:
            config = load_config(
                config_file=str(root / "mkdocs.yml"),
                docs_dir=str(docs_dir),
                site_dir=str(site_dir),
                plugins=[{"courseware": {"offline_language": contents.language}}],
                nav=list(contents.nav),
                not_in_nav="",
                validation=_VALIDATION,
                use_directory_urls=True,
                strict=True,
            )
            build(config)
        except (Abort, MkDocsException, OSError) as error:
            name = bundle_file_name(contents.track_id, contents.language)
            details = "\n".join(f"  {message}" for message in collector.messages)
            message = f"MkDocs could not build the offline copy {name}: {error}\n{details}"
            raise BuildError(message.rstrip()) from None


def build_bundle(
    registry: Registry,
    staged_files: Mapping[str, bytes],
    track: Track,
    language: str,
    cache_dir: Path,
) -> Bundle:
    """Build (or reuse from ``cache_dir``) the offline copy of ``track`` in ``language``.

    Args:
        staged_files: the site's staged tree, as ``collect_site_files`` returns it.

    Raises:
        BuildError: when MkDocs fails; the cached zip, if any, is left as it was.
    """
    contents = bundle_contents(staged_files, registry, track, language)
    key = bundle_key(contents, (registry.root / "mkdocs.yml").read_bytes())
    name = bundle_file_name(track.id, language)
    zip_path = cache_dir / name
    key_path = cache_dir / f"{name}.key"
    is_current = zip_path.is_file() and key_path.is_file() and key_path.read_text() == key
    if not is_current:
        with tempfile.TemporaryDirectory(prefix="courseware-bundle-") as temporary:
            folder = Path(temporary)
            site_dir = folder / name.removesuffix(".zip")
            write_staged(dict(contents.files), folder / "docs")
            run_offline_mkdocs(registry.root, contents, folder / "docs", site_dir)
            data = zip_folder(site_dir, site_dir.name)
        key_path.unlink(missing_ok=True)
        write_atomically(zip_path, data)
        write_atomically(key_path, key.encode())
    return Bundle(
        track_id=track.id,
        language=language,
        path=zip_path,
        size_bytes=zip_path.stat().st_size,
        pages=contents.pages,
        is_reused=is_current,
    )


def build_track_bundles(
    registry: Registry, staged_files: Mapping[str, bytes], cache_dir: Path
) -> tuple[Bundle, ...]:
    """One bundle per track, in the track's own language (the language it is taught in);
    other languages are a ``courseware bundle`` away, which keeps site builds fast."""
    return tuple(
        build_bundle(registry, staged_files, track, track.spec.language, cache_dir)
        for track in registry.tracks
    )


def offer_bundles(staged: StagedFiles, registry: Registry, bundles: tuple[Bundle, ...]) -> None:
    """Put the bundles into the site under ``bundles/`` and re-stage the track pages and the
    track index with a download link and size for each."""
    downloads = {}
    for bundle in bundles:
        relative = f"{BUNDLES_FOLDER}/{bundle.file_name}"
        staged.add_file(relative, bundle.path.read_bytes())
        downloads[bundle.track_id] = TrackDownload(relative, bundle.size_bytes, bundle.language)
    stage_tracks(staged, registry, downloads)


def _find_track(registry: Registry, track_id: str) -> Track:
    for track in registry.tracks:
        if track.id == track_id:
            return track
    known = [t.id for t in registry.tracks]
    hint = did_you_mean(track_id, known) or (
        f"; the tracks are: {', '.join(known)}" if known else "; this project has no tracks"
    )
    raise UsageError(f"unknown track {track_id!r}{hint}")


def bundle_track(
    root: Path, track_id: str, language: str | None = None, out: Path | None = None
) -> Bundle:
    """Validate the project and write the offline copy of one track (``courseware bundle``).

    Args:
        language: a declared language; default the track's own.
        out: the zip to write; default ``build/bundles/<track>-<language>.zip``.

    Raises:
        UsageError: for an unknown track or an undeclared language.
        ContentError: for any content problem of the project.
        BuildError: when MkDocs fails.
    """
    root = root.resolve()
    registry = load_registry(root)
    track = _find_track(registry, track_id)
    language = language or track.spec.language
    if language not in registry.language_codes:
        codes = registry.language_codes
        hint = did_you_mean(language, codes) or f"; declared: {', '.join(codes)}"
        raise UsageError(
            f"language {language!r} is not declared in curriculum/languages.yaml{hint}"
        )
    staged = collect_site_files(registry)
    staged.problems += check_staged_content(staged, registry)
    if errors_only(staged.problems):
        raise ContentError(staged.problems)
    bundle = build_bundle(registry, staged.files, track, language, root / BUNDLE_CACHE_DIR)
    target = out or root / DEFAULT_OUT_DIR / bundle.file_name
    write_atomically(target, bundle.path.read_bytes())
    return dataclasses.replace(bundle, path=target)
