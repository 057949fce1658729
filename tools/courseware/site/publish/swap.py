"""Put a freshly built site in place atomically.

MkDocs empties ``site/`` before it writes and aborts only afterwards, so a failed build would
leave a broken or empty site. We build into a temporary folder beside ``site/`` and exchange
the two in one step, so readers and the previous site never see a half-written tree.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from pathlib import Path
from typing import Any

from courseware.errors import BuildError
from courseware.project_paths import SITE_MARKER

TEMP_PREFIX = ".site.tmp-"
OLD_PREFIX = ".site.old-"
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def temporary_site_dir(site_dir: Path) -> Path:
    """A fresh temporary folder on the same filesystem as ``site_dir``."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    path = site_dir.parent / f"{TEMP_PREFIX}{site_dir.name}-{os.getpid()}"
    shutil.rmtree(path, ignore_errors=True)
    return path


def remove_stale_temporaries(site_dir: Path) -> list[Path]:
    """Delete temporary folders left by interrupted builds; return what was removed."""
    removed = []
    for prefix in (TEMP_PREFIX, OLD_PREFIX):
        for path in site_dir.parent.glob(f"{prefix}{site_dir.name}-*"):
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _renameat2() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    return getattr(ctypes.CDLL(name, use_errno=True), "renameat2", None)


def can_exchange() -> bool:
    """Whether this system can swap two paths atomically (``exchange``)."""
    return _renameat2() is not None


def exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically with renameat2 (Linux); False where unavailable."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return bool(result == 0)


SITE_MARKER_TEXT = (
    b"This folder is a site written by courseware build, which replaces it whole when it "
    b"builds again.\n"
)


def swap_into_place(new_site: Path, site_dir: Path) -> None:
    """Replace ``site_dir`` by ``new_site``; the old tree is removed only after the swap.

    The new site gets the marker (``project_paths.SITE_MARKER``) that lets a later build
    replace it. A ``site_dir`` that is a mount point (a bind-mounted ``site/``) cannot be
    renamed (EBUSY, or EXDEV across the mount): its contents are replaced in place instead,
    which is not atomic (a reader may see a half-copied site while it runs).
    """
    if site_dir.is_symlink():
        raise BuildError(f"{site_dir} is a symbolic link; remove it and build again")
    (new_site / SITE_MARKER).write_bytes(SITE_MARKER_TEXT)
    if not site_dir.exists():
        os.replace(new_site, site_dir)
        return
    if exchange(new_site, site_dir):
        shutil.rmtree(new_site)
        return
    old = site_dir.parent / f"{OLD_PREFIX}{site_dir.name}-{os.getpid()}"
    try:
        os.replace(site_dir, old)
    except OSError as error:
        if error.errno not in (errno.EBUSY, errno.EXDEV):
            raise BuildError(f"{site_dir}: cannot replace the site: {error.strerror}") from None
        _replace_contents(new_site, site_dir)
        return
    os.replace(new_site, site_dir)
    shutil.rmtree(old)


def _replace_contents(new_site: Path, site_dir: Path) -> None:
    """Empty ``site_dir`` and move ``new_site``'s entries into it (copying across mounts)."""
    try:
        for entry in sorted(site_dir.iterdir()):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        for entry in sorted(new_site.iterdir()):
            shutil.move(entry, site_dir / entry.name)
    except OSError as error:
        raise BuildError(
            f"{site_dir}: cannot replace the contents of this mount point: {error.strerror}"
        ) from None
    shutil.rmtree(new_site, ignore_errors=True)
