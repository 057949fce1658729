"""Recognise a rebuild whose sources did not change, and skip it before any work.

Staging a thousand-module site in five languages renders every page's card and reads every
translation's header, which takes seconds even when nothing changed. A hash of everything a
build reads (the content folders, mkdocs.yml, the builder's own code and the Python packages
the labs run with) is recorded after each successful build; when it matches and the site is
the one that build wrote, there is nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from dataclasses import dataclass
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.errors import Problem, problem_from_record, problem_record
from courseware.fingerprints import Fingerprint
from courseware.project_paths import LAST_BUILD_FILE
from courseware.registry.load import CONTENT_FOLDERS
from courseware.site.publish.fingerprints import MANIFEST


def source_fingerprint(root: Path, keep_going: bool) -> str:
    """A hash of everything a build of ``root`` reads: the content folders, ``mkdocs.yml``,
    our code, the installed packages (the labs run with them) and the build's settings."""
    fingerprint = Fingerprint("last-build-1")
    for folder in CONTENT_FOLDERS:
        fingerprint.add_tree(root / folder, root)
    fingerprint.add_file(root / "mkdocs.yml", root).add_code().add_packages()
    settings = [platform.python_version(), os.environ.get("SOURCE_DATE_EPOCH", ""), keep_going]
    return fingerprint.add_json(settings).hexdigest()


@dataclass(frozen=True)
class LastBuild:
    """What the last successful build recorded."""

    pages: int
    warnings: tuple[Problem, ...]


def _manifest_hash(site_dir: Path) -> str | None:
    manifest = site_dir / MANIFEST
    if site_dir.is_symlink() or not manifest.is_file():
        return None
    return hashlib.sha256(manifest.read_bytes()).hexdigest()


def unchanged_since_last_build(root: Path, site_dir: Path, fingerprint: str) -> LastBuild | None:
    """The last build's record when nothing it read has changed and its site is in place."""
    try:
        record = json.loads((root / LAST_BUILD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("fingerprint") != fingerprint:
        return None
    if record.get("site_dir") != str(site_dir) or record.get("manifest") != _manifest_hash(
        site_dir
    ):
        return None
    try:
        warnings = tuple(problem_from_record(item, Problem) for item in record.get("warnings", []))
        return LastBuild(pages=int(record.get("pages", 0)), warnings=warnings)
    except (TypeError, ValueError):
        return None  # a damaged record: build again


def record_build(
    root: Path, site_dir: Path, fingerprint: str, pages: int, warnings: tuple[Problem, ...]
) -> None:
    """Remember a successful build (written atomically)."""
    record = {
        "fingerprint": fingerprint,
        "site_dir": str(site_dir),
        "manifest": _manifest_hash(site_dir),
        "pages": pages,
        "warnings": [problem_record(warning) for warning in warnings],
    }
    write_atomically(root / LAST_BUILD_FILE, json.dumps(record, indent=1).encode("utf-8"))
