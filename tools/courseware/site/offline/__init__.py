"""Offline copies of tracks: what a copy holds, how it is built and cached, its zip and its ZIM."""

from courseware.site.offline.bundle import (
    Bundle,
    TrackCopies,
    build_bundle,
    build_track_bundles,
    bundle_file_name,
    offer_bundles,
    zim_stand_ins,
)
from courseware.site.offline.contents import BundleContents, bundle_contents, files_in_language
from courseware.site.offline.zim import MissingZimWriter, is_zim_writer_installed
from courseware.site.offline.zim_metadata import zim_language

__all__ = [
    "Bundle",
    "BundleContents",
    "MissingZimWriter",
    "TrackCopies",
    "build_bundle",
    "build_track_bundles",
    "bundle_contents",
    "bundle_file_name",
    "files_in_language",
    "is_zim_writer_installed",
    "offer_bundles",
    "zim_language",
    "zim_stand_ins",
]
