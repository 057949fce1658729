"""The content hash a translation records of the source it was made from.

A hash of the file rather than a git commit (OpenTelemetry's ``default_lang_commit``) works
without git, in a tarball or a fork, and changes only when the source text does. Line
endings are normalised first so that a checkout with CRLF endings does not make every
translation look stale.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

HASH_PREFIX = "sha256:"
HASH_HEX_DIGITS = 16
"""64 bits of SHA-256: enough to tell versions of one file apart, short enough to read in a
header and to compare by eye in a status report."""

HASH_PATTERN = re.compile(rf"{HASH_PREFIX}[0-9a-f]{{{HASH_HEX_DIGITS}}}")


def hash_source_bytes(data: bytes) -> str:
    """Hash source bytes as recorded in translations: ``sha256:`` and 16 hex digits."""
    normalised = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return HASH_PREFIX + hashlib.sha256(normalised).hexdigest()[:HASH_HEX_DIGITS]


def source_hash(path: Path) -> str:
    """Hash the source file at ``path`` (see :func:`hash_source_bytes`)."""
    return hash_source_bytes(path.read_bytes())


def is_valid_hash(value: str) -> bool:
    """True when ``value`` has the form this module writes."""
    return HASH_PATTERN.fullmatch(value) is not None
