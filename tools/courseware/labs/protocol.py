"""The messages between the builder and the process that runs one lab's kernel.

The worker runs in a separate process (so that the builder can kill a stuck lab and
everything it started); it reads a :class:`WorkerRequest` and writes a
:class:`WorkerOutcome`, both as JSON files. Outcomes hold raw facts (which cell, which
exception); turning them into messages with file lines is the builder's job.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

FailureKind = Literal["error", "timeout", "dead_kernel", "missing_error", "startup"]


@dataclass(frozen=True)
class WorkerRequest:
    notebook_path: str
    output_path: str
    outcome_path: str
    workdir: str
    ipc_path: str
    pgid_file: str
    env: dict[str, str]
    command_prefix: list[str]
    timeout_seconds: int
    max_output_chars: int

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> WorkerRequest:
        return cls(**json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class CellFailure:
    """Why the run stopped or went wrong, at notebook cell ``cell_index`` (0-based)."""

    kind: FailureKind
    cell_index: int | None
    ename: str = ""
    evalue: str = ""
    traceback: str = ""
    """Plain text (ANSI codes removed); only read for the line number, never published."""
    exit_code: int | None = None


@dataclass(frozen=True)
class Truncation:
    cell_index: int
    dropped_chars: int


@dataclass(frozen=True)
class WorkerOutcome:
    failures: list[CellFailure] = field(default_factory=list)
    truncations: list[Truncation] = field(default_factory=list)
    executed_cells: list[int] = field(default_factory=list)
    """Notebook indexes of the cells the kernel ran, in order: ``In[n]`` is entry n - 1."""

    def write(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> WorkerOutcome:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            failures=[CellFailure(**item) for item in data["failures"]],
            truncations=[Truncation(**item) for item in data["truncations"]],
            executed_cells=list(data["executed_cells"]),
        )
