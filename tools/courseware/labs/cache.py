"""The cache of executed labs under ``.cache/labs/``: content-addressed entries plus, per lab,
a pointer to its last good run.

The key covers what can change a lab's outputs: its code cells (with their tags), the
kernel, the versions of every installed package, the declared data files and the execution
limits. Prose is left out, so editing a lab's text or its translations executes nothing
(the idea of jupyter-cache's ``create_hashed_notebook``, without its SQLite database).

Layout::

    .cache/labs/entries/<key>.ipynb   executed notebook
    .cache/labs/entries/<key>.json    lab id, execution date, duration, warnings
    .cache/labs/last-good/<id>.json   the key of the lab's last successful run

Every file is written to a temporary name and renamed into place, and an entry counts only
once its ``.json`` exists, so an interrupted build never leaves a half-written hit. A record
that cannot be read (truncated, edited by hand) is a cache miss with a warning: the lab runs
again and its record is written afresh.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import platform
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from nbformat import NotebookNode

from courseware.atomic_files import write_atomically
from courseware.errors import Problem, problem_from_record, problem_record
from courseware.fingerprints import packages_digest
from courseware.labs.failures import LabProblem
from courseware.labs.notebooks import notebook_bytes
from courseware.labs.source import Lab

ENGINE_VERSION = 2
"""Bumped when the way labs are executed changes what a notebook contains (2: a cell's
stream outputs are merged, one per stream; seeds are set as the first cell runs)."""

_LOG = logging.getLogger(__name__)

KEEP_ENTRIES_PER_LAB = 3
"""Entries kept per lab besides its last good one, so switching branches back and forth
does not re-execute, while the cache stays small."""


@dataclass(frozen=True)
class KernelEnvironment:
    """What the kernel brings to a run: its name, Python, and every installed package."""

    kernel_name: str
    python_version: str
    packages_sha256: str


@dataclass(frozen=True)
class ExecutionSettings:
    """The limits a run was made under (they can change its outputs, so they are keyed)."""

    memory_limit_bytes: int
    max_output_chars: int


@dataclass(frozen=True)
class CacheEntry:
    """One executed notebook in the cache."""

    lab_id: str
    key: str
    notebook_path: Path
    executed_at: datetime
    duration_seconds: float
    warnings: tuple[Problem, ...] = ()


@functools.cache
def describe_environment(kernel_name: str = "python3") -> KernelEnvironment:
    """Fingerprint the kernel's environment (the same interpreter as the builder's)."""
    return KernelEnvironment(kernel_name, platform.python_version(), packages_digest())


def cache_key(lab: Lab, environment: KernelEnvironment, settings: ExecutionSettings) -> str:
    """The content hash that decides whether a lab must run again."""
    code = [
        {"source": cell.source, "tags": sorted(cell.tags)}
        for cell in lab.cells
        if cell.kind == "code"
    ]
    data = {
        name: hashlib.sha256((lab.path.parent / PurePosixPath(name)).read_bytes()).hexdigest()
        for name in lab.data_files
    }
    payload = {
        "engine": ENGINE_VERSION,
        "code": code,
        "kernel": [environment.kernel_name, environment.python_version],
        "packages": environment.packages_sha256,
        "data": data,
        "timeout_seconds": lab.timeout_seconds,
        "network": lab.connectivity == "required",
        "memory_limit_bytes": settings.memory_limit_bytes,
        "max_output_chars": settings.max_output_chars,
    }
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


class LabCache:
    """Executed notebooks by key, and the last good entry of each lab."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entries = directory / "entries"
        self.pointers = directory / "last-good"

    def lookup(self, key: str) -> CacheEntry | None:
        """The entry for ``key``, if a complete one exists."""
        return self._read_entry(key)

    def store(
        self,
        lab_id: str,
        key: str,
        notebook: NotebookNode,
        executed_at: datetime,
        duration_seconds: float,
        warnings: tuple[Problem, ...] = (),
    ) -> CacheEntry:
        """Write an executed notebook, then its record (which makes it visible)."""
        notebook_path = self.entries / f"{key}.ipynb"
        write_atomically(notebook_path, notebook_bytes(notebook))
        record = {
            "lab_id": lab_id,
            "executed_at": executed_at.isoformat(),
            "duration_seconds": round(duration_seconds, 3),
            "warnings": [problem_record(problem) for problem in warnings],
        }
        write_atomically(self.entries / f"{key}.json", _json_bytes(record))
        return CacheEntry(lab_id, key, notebook_path, executed_at, duration_seconds, warnings)

    def mark_good(self, entry: CacheEntry) -> None:
        """Point the lab's last good run at ``entry`` and drop its oldest entries."""
        pointer = {"key": entry.key, "executed_at": entry.executed_at.isoformat()}
        write_atomically(self.pointers / f"{entry.lab_id}.json", _json_bytes(pointer))
        self._prune(entry.lab_id, keep={entry.key})

    def last_good(self, lab_id: str) -> CacheEntry | None:
        """The most recent successful run of ``lab_id``, whatever its key."""
        pointer = _read_record(self.pointers / f"{lab_id}.json")
        if pointer is None:
            return None
        entry = self._read_entry(str(pointer.get("key", "")))
        return entry if entry is not None and entry.lab_id == lab_id else None

    def _read_entry(self, key: str) -> CacheEntry | None:
        if not key.isalnum():
            return None
        notebook_path = self.entries / f"{key}.ipynb"
        record_path = self.entries / f"{key}.json"
        record = _read_record(record_path)
        if record is None or not notebook_path.is_file():
            return None
        try:
            return CacheEntry(
                lab_id=_text(record["lab_id"]),
                key=key,
                notebook_path=notebook_path,
                executed_at=datetime.fromisoformat(_text(record["executed_at"])),
                duration_seconds=float(record["duration_seconds"]),
                warnings=tuple(
                    problem_from_record(item, LabProblem) for item in record.get("warnings", [])
                ),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            _warn_unreadable(record_path, error)
            return None

    def _prune(self, lab_id: str, keep: set[str]) -> None:
        mine: list[tuple[float, str]] = []
        for record_path in self.entries.glob("*.json"):
            try:
                record = json.loads(record_path.read_text("utf-8"))
            except (OSError, ValueError):
                continue
            if (
                isinstance(record, dict)
                and record.get("lab_id") == lab_id
                and record_path.stem not in keep
            ):
                mine.append((record_path.stat().st_mtime, record_path.stem))
        for _, key in sorted(mine, reverse=True)[KEEP_ENTRIES_PER_LAB:]:
            for suffix in (".json", ".ipynb"):
                (self.entries / f"{key}{suffix}").unlink(missing_ok=True)


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def _read_record(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``; None when there is none, or a damaged one (warned)."""
    try:
        record = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        _warn_unreadable(path, error)
        return None
    if not isinstance(record, dict):
        _warn_unreadable(path, ValueError("not a JSON object"))
        return None
    return record


def _warn_unreadable(path: Path, error: Exception) -> None:
    """A damaged record costs one more run of its lab, never the build."""
    _LOG.warning("warning: %s: unreadable lab cache record (%s); the lab runs again", path, error)


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
