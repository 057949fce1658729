"""Write a file so that readers see the old content or the new, never half of either.

Every file the builder keeps between runs (caches, bundles, build records, the staged tree)
goes through :func:`write_atomically`: a temporary file in the same folder (so the rename
stays on one filesystem), flushed to disk, then renamed over the target; on any failure the
temporary file is removed and the target is left as it was (POSIX ``rename``, see
``os.replace``).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644
"""Readable by everyone, like any build output (``mkstemp`` creates files readable by the
owner only)."""


def write_atomically(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it and one rename.

    Args:
        durable: flush the data to the disk before the rename, so that a power cut leaves
            the old file or the new one. Scratch files that every build rewrites (the staged
            tree) pass False: their rename is still atomic, and hundreds of flushes would
            slow the build for nothing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
            os.fchmod(stream.fileno(), FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
