"""Offline copies of tracks: one zip per track and language that opens from ``file://``.

Students on slow, metered or no connections (workshops such as ICTP's) download a track
once and read it anywhere: a self-contained MkDocs build of the track's pages (see
``offline.contents``) whose links work from the file system and whose search needs no
server (``engine.offline_hooks``, ``render.offline_search``), zipped reproducibly
(``offline.zip``).

Bundles are cached under ``.cache/bundles`` by a key over everything they are built from,
so a site rebuild with nothing changed reuses them without running MkDocs again.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.fingerprints import Fingerprint
from courseware.registry.load import Registry
from courseware.registry.tracks import Track
from courseware.site.engine import build_offline_copy
from courseware.site.offline.contents import BundleContents, bundle_contents
from courseware.site.offline.zip import zip_folder
from courseware.site.publish import write_staged
from courseware.site.render import TrackDownload, TrackPrint
from courseware.site.staging import StagedFiles, restage_home_page, stage_tracks

BUNDLES_FOLDER = "bundles"
"""Where the site offers the bundles for download (``bundles/<track>-<language>.zip``)."""
_FORMAT = "courseware-bundle-2"
"""Part of every cache key: change it when what a bundle holds changes."""


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


def bundle_key(contents: BundleContents, mkdocs_yml: bytes) -> str:
    """The cache key of a bundle: its staged files, navigation, configuration, our code and
    the installed packages (the theme among them)."""
    fingerprint = Fingerprint(_FORMAT)
    fingerprint.add_json([contents.track_id, contents.language, list(contents.nav)])
    fingerprint.add_bytes(mkdocs_yml).add_code().add_packages()
    for name, content in sorted(contents.files.items()):
        fingerprint.add_text(name).add_bytes(content)
    return fingerprint.hexdigest()


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
    # Compared as bytes: a damaged key (not UTF-8, cut short) is a cache miss, not a crash.
    is_current = zip_path.is_file() and key_path.is_file() and key_path.read_bytes() == key.encode()
    if not is_current:
        with tempfile.TemporaryDirectory(prefix="courseware-bundle-") as temporary:
            folder = Path(temporary)
            site_dir = folder / name.removesuffix(".zip")
            write_staged(contents.files, folder / "docs")
            build_offline_copy(
                registry.root, language, list(contents.nav), folder / "docs", site_dir, name
            )
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


def offer_bundles(
    registry: Registry,
    bundles: tuple[Bundle, ...],
    staged_files: Mapping[str, bytes],
    prints: Mapping[str, Sequence[TrackPrint]] | None = None,
) -> StagedFiles:
    """The bundles under ``bundles/``, and the track pages, the track index and the home page
    (of the site ``staged_files``) staged again with a download link and size for each (the
    part replaces the earlier pages); the track pages also offer ``prints`` (by track id)."""
    downloads = {}
    files = {}
    for bundle in bundles:
        relative = f"{BUNDLES_FOLDER}/{bundle.file_name}"
        files[relative] = bundle.path.read_bytes()
        downloads[bundle.track_id] = TrackDownload(relative, bundle.size_bytes, bundle.language)
    part = stage_tracks(registry, downloads, prints=prints)
    part.merge(restage_home_page(registry, staged_files, downloads))
    part.files.update(files)
    return part
