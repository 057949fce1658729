"""Publishing a build: the staged tree on disk, fingerprints, last build, atomic swap."""

from courseware.site.publish.build_lock import build_lock
from courseware.site.publish.fingerprints import (
    MANIFEST,
    language_fingerprints,
    previous_fingerprints,
    site_is_current,
    write_manifest,
)
from courseware.site.publish.last_build import (
    LastBuild,
    record_build,
    source_fingerprint,
    unchanged_since_last_build,
)
from courseware.site.publish.partial_sites import (
    PARTIAL_MANIFEST,
    PartialSite,
    assemble_partial_sites,
    read_partial_site,
    write_partial_record,
)
from courseware.site.publish.staged_tree import StageResult, write_staged
from courseware.site.publish.swap import (
    TEMP_PREFIX,
    can_exchange,
    exchange,
    remove_stale_temporaries,
    swap_into_place,
    temporary_site_dir,
)

__all__ = [
    "MANIFEST",
    "PARTIAL_MANIFEST",
    "LastBuild",
    "PartialSite",
    "assemble_partial_sites",
    "StageResult",
    "TEMP_PREFIX",
    "can_exchange",
    "exchange",
    "build_lock",
    "language_fingerprints",
    "previous_fingerprints",
    "read_partial_site",
    "record_build",
    "remove_stale_temporaries",
    "site_is_current",
    "source_fingerprint",
    "swap_into_place",
    "temporary_site_dir",
    "unchanged_since_last_build",
    "write_manifest",
    "write_partial_record",
    "write_staged",
]
