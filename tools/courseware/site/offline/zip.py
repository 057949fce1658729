"""Zip a built offline copy reproducibly.

The same inputs give the same bytes (sorted entries, fixed timestamps and permissions), so a
bundle can be cached, compared and mirrored.
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry (the DOS date format starts in 1980)."""


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    """Entry time from ``SOURCE_DATE_EPOCH`` (reproducible-builds.org), else 1980-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch.isdigit():
        return ZIP_EPOCH
    t = time.gmtime(int(epoch))
    return max(ZIP_EPOCH, (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec))


def zip_folder(folder: Path, top: str) -> bytes:
    """Return a zip of every file under ``folder``, placed under ``top/`` in the archive.

    Entries are sorted and carry one timestamp and mode, so the bytes depend on the files
    only. Symbolic links are never followed (a built site has none).
    """
    stamp = zip_timestamp()
    paths = sorted(
        (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()),
        key=lambda p: p.relative_to(folder).as_posix(),
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in paths:
            info = zipfile.ZipInfo(f"{top}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, so the mode above is honoured when unzipped
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue()
