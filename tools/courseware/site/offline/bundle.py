"""Offline copies of tracks: one zip per track and language that opens from ``file://``, and
the same copy as a ZIM for Kiwix (``offline.zim``).

Students on slow, metered or no connections (workshops such as ICTP's) download a track
once and read it anywhere: a self-contained MkDocs build of the track's pages (see
``offline.contents``) whose links work from the file system and whose search needs no
server (``engine.offline_hooks``, ``render.offline_search``), zipped reproducibly
(``offline.zip``).

Bundles are cached under ``.cache/bundles`` by a key over everything they are built from,
so a site rebuild with nothing changed reuses them without running MkDocs again; a zip and a
ZIM that are both out of date share one MkDocs run.
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
from courseware.site.offline.zim import (
    MissingZimWriter,
    ZimMetadata,
    is_zim_writer_installed,
    write_zim,
)
from courseware.site.offline.zim_metadata import copy_illustration, track_zim_metadata
from courseware.site.offline.zip import zip_folder
from courseware.site.publish import write_staged
from courseware.site.render import TrackDownload, TrackPrint
from courseware.site.staging import StagedFiles, restage_home_page, stage_tracks

BUNDLES_FOLDER = "bundles"
"""Where the site offers the bundles for download (``bundles/<track>-<language>.zip``)."""
_FORMAT = "courseware-bundle-2"
"""Part of every cache key: change it when what a bundle holds changes."""
_ZIM_FORMAT = "courseware-zim-1"
"""Part of every ZIM's cache key: change it when how a ZIM is written changes."""
_NOT_INDEXED = ("search/index.html",)
"""The copy's own search page: Kiwix's search replaces it, and it has nothing to find."""


@dataclasses.dataclass(frozen=True)
class Bundle:
    """One offline copy written to disk, as a zip or as a ZIM."""

    track_id: str
    language: str
    path: Path
    size_bytes: int
    pages: int
    is_reused: bool
    """True when the cached file was still current and MkDocs did not run."""
    format: str = "zip"
    """``zip`` (opens from ``file://``) or ``zim`` (opens in Kiwix)."""
    key: str = ""
    """The cache key: a digest of everything the file is made from."""

    @property
    def file_name(self) -> str:
        """``<track>-<language>.zip`` (or ``.zim``), the name it is offered under."""
        return bundle_file_name(self.track_id, self.language, self.format)


@dataclasses.dataclass(frozen=True)
class TrackCopies:
    """The offline copies a site build offers: one zip per track, and its ZIM when the
    optional ZIM writer is installed."""

    zips: tuple[Bundle, ...]
    zims: tuple[Bundle, ...]


def bundle_file_name(track_id: str, language: str, format: str = "zip") -> str:
    """The file's name; a zip unzips into a folder of the same name without ``.zip``."""
    return f"{track_id}-{language}.{format}"


def bundle_key(contents: BundleContents, mkdocs_yml: bytes) -> str:
    """The cache key of a bundle: its staged files, navigation, configuration, our code and
    the installed packages (the theme among them)."""
    fingerprint = Fingerprint(_FORMAT)
    fingerprint.add_json([contents.track_id, contents.language, list(contents.nav)])
    fingerprint.add_bytes(mkdocs_yml).add_code().add_packages()
    for name, content in sorted(contents.files.items()):
        fingerprint.add_text(name).add_bytes(content)
    return fingerprint.hexdigest()


def zim_key(copy_key: str, metadata: ZimMetadata) -> str:
    """The cache key of a ZIM: the copy's key and the metadata it carries, less its date (an
    unchanged track is not written again the next day)."""
    entries = {k: v for k, v in metadata.text_entries().items() if k != "Date"}
    return Fingerprint(_ZIM_FORMAT, copy_key).add_json(entries).hexdigest()


def build_bundle(
    registry: Registry,
    staged_files: Mapping[str, bytes],
    track: Track,
    language: str,
    cache_dir: Path,
    format: str = "zip",
) -> Bundle:
    """Build (or reuse from ``cache_dir``) the offline copy of ``track`` in ``language``.

    Args:
        staged_files: the site's staged tree, as ``collect_site_files`` returns it.
        format: ``zip`` or ``zim``.

    Raises:
        BuildError: when MkDocs fails; the cached file, if any, is left as it was.
        MissingZimWriter: a ZIM was asked for and python-libzim is not installed.
    """
    (bundle,) = build_bundles(registry, staged_files, track, language, cache_dir, (format,))
    return bundle


def build_bundles(
    registry: Registry,
    staged_files: Mapping[str, bytes],
    track: Track,
    language: str,
    cache_dir: Path,
    formats: tuple[str, ...],
) -> tuple[Bundle, ...]:
    """Build (or reuse) the copy of ``track`` in ``language`` in each of ``formats``, running
    MkDocs once for all those whose cached file is out of date."""
    if "zim" in formats and not is_zim_writer_installed():
        raise MissingZimWriter()
    contents = bundle_contents(staged_files, registry, track, language)
    key = bundle_key(contents, (registry.root / "mkdocs.yml").read_bytes())
    metadata = track_zim_metadata(registry, track, language) if "zim" in formats else None
    keys = {f: zim_key(key, metadata) if metadata and f == "zim" else key for f in formats}
    paths = {f: cache_dir / bundle_file_name(track.id, language, f) for f in formats}
    stale = [f for f in formats if not _is_current(paths[f], keys[f])]
    if stale:
        name = bundle_file_name(track.id, language)
        with tempfile.TemporaryDirectory(prefix="courseware-bundle-") as temporary:
            folder = Path(temporary)
            site_dir = folder / name.removesuffix(".zip")
            write_staged(contents.files, folder / "docs")
            build_offline_copy(
                registry.root, language, list(contents.nav), folder / "docs", site_dir, name
            )
            for format in stale:
                if format == "zim" and metadata is not None:
                    illustration = copy_illustration(site_dir)
                    data = write_zim(site_dir, metadata, illustration, not_indexed=_NOT_INDEXED)
                else:
                    data = zip_folder(site_dir, site_dir.name)
                _key_path(paths[format]).unlink(missing_ok=True)
                write_atomically(paths[format], data)
                write_atomically(_key_path(paths[format]), keys[format].encode())
    return tuple(
        Bundle(
            track_id=track.id,
            language=language,
            path=paths[f],
            size_bytes=paths[f].stat().st_size,
            pages=contents.pages,
            is_reused=f not in stale,
            format=f,
            key=keys[f],
        )
        for f in formats
    )


def _key_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.key")


def _is_current(path: Path, key: str) -> bool:
    # Compared as bytes: a damaged key (not UTF-8, cut short) is a cache miss, not a crash.
    key_path = _key_path(path)
    return path.is_file() and key_path.is_file() and key_path.read_bytes() == key.encode()


def build_track_bundles(
    registry: Registry, staged_files: Mapping[str, bytes], cache_dir: Path
) -> TrackCopies:
    """One copy per track, in the track's own language (the language it is taught in), as a
    zip and, where python-libzim is installed, as a ZIM; other languages are a
    ``courseware bundle`` away, which keeps site builds fast."""
    formats = ("zip", "zim") if is_zim_writer_installed() else ("zip",)
    built = [
        build_bundles(registry, staged_files, track, track.spec.language, cache_dir, formats)
        for track in registry.tracks
    ]
    return TrackCopies(
        zips=tuple(b for copies in built for b in copies if b.format == "zip"),
        zims=tuple(b for copies in built for b in copies if b.format == "zim"),
    )


def zim_stand_ins(zims: tuple[Bundle, ...]) -> dict[str, str]:
    """The offered ZIMs by site path, each with its cache key. libzim and Xapian write random
    identifiers, so two builds of the same sources write different ZIM bytes: fingerprints of
    the site take the key instead (``publish.language_fingerprints``)."""
    return {f"{BUNDLES_FOLDER}/{zim.file_name}": zim.key for zim in zims}


def offer_bundles(
    registry: Registry,
    bundles: tuple[Bundle, ...],
    staged_files: Mapping[str, bytes],
    zims: tuple[Bundle, ...] = (),
    prints: Mapping[str, Sequence[TrackPrint]] | None = None,
) -> StagedFiles:
    """The bundles (and ZIMs) under ``bundles/``, and the track pages, the track index and
    the home page (of the site ``staged_files``) staged again with a download link and size
    for each zip; the track pages offer the ZIM beside it and ``prints`` (by track id) (the
    part replaces the earlier pages)."""
    downloads = {}
    files = {}
    offered_zims = {bundle.track_id: bundle for bundle in zims}
    for bundle in bundles:
        relative = f"{BUNDLES_FOLDER}/{bundle.file_name}"
        files[relative] = bundle.path.read_bytes()
        zim = offered_zims.get(bundle.track_id)
        zim_path = f"{BUNDLES_FOLDER}/{zim.file_name}" if zim else None
        if zim is not None and zim_path is not None:
            files[zim_path] = zim.path.read_bytes()
        downloads[bundle.track_id] = TrackDownload(
            relative,
            bundle.size_bytes,
            bundle.language,
            zim_path=zim_path,
            zim_size_bytes=zim.size_bytes if zim else 0,
        )
    part = stage_tracks(registry, downloads, prints=prints)
    part.merge(restage_home_page(registry, staged_files, downloads))
    part.files.update(files)
    return part
