"""Offline copies of tracks: what a copy holds, how it is built and cached, and its zip."""

from courseware.site.offline.bundle import (
    Bundle,
    build_bundle,
    build_track_bundles,
    bundle_file_name,
    offer_bundles,
)
from courseware.site.offline.contents import BundleContents, bundle_contents, files_in_language

__all__ = [
    "Bundle",
    "BundleContents",
    "build_bundle",
    "build_track_bundles",
    "bundle_contents",
    "bundle_file_name",
    "files_in_language",
    "offer_bundles",
]
