"""One way to fingerprint "our code + installed packages + inputs" for every cache.

A cached result (an executed lab, an offline copy, a language's built pages, a whole build,
the content linter's findings) is reused only while everything that made it is unchanged:
the inputs it read, and often the builder's own code and the installed packages too. Each
cache adds what applies to a :class:`Fingerprint`; the package code and the package list are
hashed once per process.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib import metadata
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
"""The ``courseware`` package: its code, templates, assets and catalogs."""

_SKIPPED_SUFFIXES = {".pyc", ".mo"}
"""Compiled files: derived from files that are hashed (``.py``, ``.po``)."""


class Fingerprint:
    """A SHA-256 over named parts, in the order they are added."""

    def __init__(self, *labels: str) -> None:
        self._digest = hashlib.sha256()
        for label in labels:
            self.add_text(label)

    def add_bytes(self, data: bytes) -> Fingerprint:
        """Add raw bytes (their hash, so that parts cannot run into each other)."""
        self._digest.update(hashlib.sha256(data).digest())
        return self

    def add_text(self, text: str) -> Fingerprint:
        """Add a string."""
        return self.add_bytes(text.encode("utf-8"))

    def add_json(self, value: object) -> Fingerprint:
        """Add a JSON-able value (keys sorted, so dict order does not matter)."""
        return self.add_text(json.dumps(value, sort_keys=True, ensure_ascii=False, default=str))

    def add_file(self, path: Path, relative_to: Path) -> Fingerprint:
        """Add a file's name (relative to ``relative_to``) and content; a missing file
        counts as absent, a link as a link (never followed)."""
        self.add_text(path.relative_to(relative_to).as_posix())
        if path.is_symlink():
            return self.add_text("<symlink>")
        if not path.is_file():
            return self.add_text("<absent>")
        return self.add_bytes(path.read_bytes())

    def add_tree(self, base: Path, relative_to: Path) -> Fingerprint:
        """Add every file under ``base`` (names and contents, sorted; links not followed)."""
        for path in _tree_files(base):
            self.add_file(path, relative_to)
        return self

    def add_code(self) -> Fingerprint:
        """Add the builder's own code, templates, assets and catalogs."""
        return self.add_text(code_digest())

    def add_packages(self) -> Fingerprint:
        """Add the name and version of every installed distribution."""
        return self.add_text(packages_digest())

    def hexdigest(self) -> str:
        """The fingerprint as 64 hexadecimal digits."""
        return self._digest.hexdigest()


def _tree_files(base: Path) -> list[Path]:
    if base.is_symlink() or not base.is_dir():
        return [base] if base.is_symlink() or base.is_file() else []
    found = []
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames[:] = sorted(name for name in dirnames if name != "__pycache__")
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if path.suffix not in _SKIPPED_SUFFIXES:
                found.append(path)
    return found


@functools.cache
def code_digest() -> str:
    """A hash of every file of the ``courseware`` package (once per process)."""
    return Fingerprint().add_tree(PACKAGE_DIR, PACKAGE_DIR).hexdigest()


@functools.cache
def installed_packages() -> tuple[str, ...]:
    """``name==version`` of every installed distribution, names lower-cased, sorted."""
    return tuple(
        sorted(
            f"{(dist.metadata['Name'] or '').lower()}=={dist.version}"
            for dist in metadata.distributions()
        )
    )


@functools.cache
def packages_digest() -> str:
    """A hash of :func:`installed_packages` (once per process)."""
    return hashlib.sha256("\n".join(installed_packages()).encode("utf-8")).hexdigest()


FileStates = dict[str, tuple[int, int, int]]
"""Path -> (size, inode, modification time in ns)."""


def file_states(folder: Path, relative_to: Path | None = None) -> FileStates:
    """Each file's size, inode and modification time below ``folder``, by its path (relative
    to ``relative_to`` when given, with ``/``): the cheap way to tell which files changed,
    where a content hash of every file would cost more than the work it saves. An editor
    that saves in place changes the time; one that renames a new file over the old, and
    ``write_staged``'s atomic replace, change the inode."""
    result: FileStates = {}
    for dirpath, _dirnames, filenames in os.walk(folder):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                status = os.lstat(path)
            except OSError:
                continue
            key = path if relative_to is None else os.path.relpath(path, relative_to)
            result[key.replace(os.sep, "/")] = (status.st_size, status.st_ino, status.st_mtime_ns)
    return result
