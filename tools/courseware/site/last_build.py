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
from importlib import metadata
from pathlib import Path

from courseware.errors import Problem
from courseware.registry.load import CONTENT_FOLDERS
from courseware.site.language_builds import MANIFEST

RECORD = Path(".cache") / "last-build.json"
_PACKAGE = Path(__file__).resolve().parents[1]


def _hash_tree(digest: hashlib._Hash, base: Path, root: Path) -> None:
    if not base.exists():
        return
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if "__pycache__" in path.parts or path.suffix in {".pyc", ".mo"}:
                continue
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            if path.is_symlink():
                digest.update(b"<symlink>")
            else:
                digest.update(hashlib.sha256(path.read_bytes()).digest())


def source_fingerprint(root: Path, keep_going: bool) -> str:
    """A hash of everything a build of ``root`` reads."""
    digest = hashlib.sha256()
    for folder in CONTENT_FOLDERS:
        _hash_tree(digest, root / folder, root)
    config = root / "mkdocs.yml"
    if config.is_file():
        digest.update(config.read_bytes())
    _hash_tree(digest, _PACKAGE, _PACKAGE.parent)
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions())
    settings = [platform.python_version(), os.environ.get("SOURCE_DATE_EPOCH", ""), keep_going]
    digest.update(json.dumps([packages, settings]).encode())
    return digest.hexdigest()


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
        record = json.loads((root / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("fingerprint") != fingerprint:
        return None
    if record.get("site_dir") != str(site_dir) or record.get("manifest") != _manifest_hash(
        site_dir
    ):
        return None
    warnings = tuple(Problem(**item) for item in record.get("warnings", []))
    return LastBuild(pages=int(record.get("pages", 0)), warnings=warnings)


def record_build(
    root: Path, site_dir: Path, fingerprint: str, pages: int, warnings: tuple[Problem, ...]
) -> None:
    """Remember a successful build (written atomically)."""
    record = {
        "fingerprint": fingerprint,
        "site_dir": str(site_dir),
        "manifest": _manifest_hash(site_dir),
        "pages": pages,
        "warnings": [
            {
                "file": w.file,
                "line": w.line,
                "field": w.field,
                "message": w.message,
                "severity": w.severity,
            }
            for w in warnings
        ],
    }
    path = root / RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    temporary.write_text(json.dumps(record, indent=1), encoding="utf-8")
    os.replace(temporary, path)
