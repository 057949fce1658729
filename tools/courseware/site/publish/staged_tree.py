"""Write the staged Markdown tree to ``build/docs`` on disk, touching only what changed.

MkDocs and mkdocs-static-i18n only localise real files inside ``docs_dir`` (pages added in
memory are dropped or crash the i18n plugin), so the whole site is staged as files first.
Writing only changed files keeps timestamps stable, which ``mkdocs serve`` relies on.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from courseware.atomic_files import write_atomically


@dataclass(frozen=True)
class StageResult:
    """How many staged files were written, left as they were, and removed."""

    written: int
    unchanged: int
    removed: int

    @property
    def changed(self) -> bool:
        """True when the staged tree differs from what was there before."""
        return bool(self.written or self.removed)


def write_staged(files: Mapping[str, bytes], docs_dir: Path) -> StageResult:
    """Make ``docs_dir`` hold exactly ``files`` (relative POSIX path to content)."""
    docs_dir.mkdir(parents=True, exist_ok=True)
    written = unchanged = removed = 0
    for relative, content in sorted(files.items()):
        path = docs_dir / relative
        if path.is_file() and not path.is_symlink() and path.read_bytes() == content:
            unchanged += 1
            continue
        write_atomically(path, content, durable=False)
        written += 1
    wanted = set(files)
    for dirpath, dirnames, filenames in os.walk(docs_dir, topdown=False):
        for name in filenames:
            path = Path(dirpath, name)
            if path.relative_to(docs_dir).as_posix() not in wanted:
                path.unlink()
                removed += 1
        for name in dirnames:
            directory = Path(dirpath, name)
            if directory.is_symlink():
                directory.unlink()
            elif not any(directory.iterdir()):
                directory.rmdir()
    return StageResult(written=written, unchanged=unchanged, removed=removed)
