"""Fingerprint each language's inputs, and keep the fingerprints in the built site, so a
rebuild runs MkDocs only for the languages whose inputs changed.

A language's MkDocs run reads its own pages (``x.<code>.md``, or ``x.md`` for the source
language and for any page missing in that language), every static file, the MkDocs
configuration, its plugin settings and the builder's code; the manifest in the built site
records what each language was built from.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from courseware.atomic_files import write_atomically
from courseware.fingerprints import Fingerprint

MANIFEST = ".courseware-build.json"
"""Kept in the built site: the input fingerprint of every language built into it."""


def language_fingerprints(
    files: Mapping[str, bytes],
    codes: tuple[str, ...],
    source: str,
    config_bytes: bytes,
    settings: Mapping[str, object],
    stand_ins: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """A fingerprint per language code of everything its MkDocs run reads.

    Args:
        files: the staged tree, every language by suffix.
        codes: the declared languages; ``source`` is the source language.
        config_bytes: the project's ``mkdocs.yml``.
        settings: each language's plugin settings (JSON-able).
        stand_ins: for staged files whose bytes differ between two builds of the same
            sources (a ZIM: libzim and Xapian write random identifiers), a key of their
            inputs to fingerprint instead, so partial builds on separate machines agree.
    """
    known = set(codes)
    stand_ins = stand_ins or {}
    shared = Fingerprint("language-build-1").add_bytes(config_bytes).add_code()
    pages: dict[str, dict[str, str]] = {code: {} for code in known}
    for name in sorted(files):
        digest = stand_ins.get(name) or hashlib.sha256(files[name]).hexdigest()
        if not name.endswith(".md"):
            shared.add_text(f"{name}\0{digest}")
            continue
        stem = name[: -len(".md")]
        base, dot, suffix = stem.rpartition(".")
        if dot and suffix in known and suffix != source:
            pages[suffix][base] = digest
        else:
            pages[source][stem] = digest
    shared_digest = shared.hexdigest()
    fingerprints = {}
    for code in codes:
        own = dict(pages[source]) | pages[code] if code != source else pages[source]
        fingerprint = Fingerprint(shared_digest).add_json(own).add_json(settings[code])
        fingerprints[code] = fingerprint.hexdigest()
    return fingerprints


def previous_fingerprints(site_dir: Path) -> dict[str, str]:
    """The fingerprints the site in ``site_dir`` was built from (none if unknown)."""
    manifest = site_dir / MANIFEST
    if site_dir.is_symlink() or not manifest.is_file():
        return {}
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def site_is_current(site_dir: Path, fingerprints: Mapping[str, str]) -> bool:
    """True when ``site_dir`` was built from exactly these inputs: MkDocs need not run."""
    return bool(fingerprints) and previous_fingerprints(site_dir) == dict(fingerprints)


def write_manifest(site_dir: Path, fingerprints: Mapping[str, str]) -> None:
    """Record in a freshly built site what each language was built from."""
    text = json.dumps(dict(fingerprints), indent=1, sort_keys=True) + "\n"
    write_atomically(site_dir / MANIFEST, text.encode("utf-8"))
