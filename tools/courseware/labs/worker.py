"""Run one lab notebook in a sandboxed kernel: ``python -m courseware.labs.worker REQUEST``.

This is the only module that talks to nbclient. It runs in its own process, started by
:mod:`courseware.labs.execute`, so that a lab that hangs or floods memory can be killed with
everything it started, without taking the builder down. It records facts in a
:class:`~courseware.labs.protocol.WorkerOutcome`; it never formats messages.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbformat import NotebookNode

from courseware.labs.notebooks import new_stream_output, read_notebook, write_notebook
from courseware.labs.protocol import CellFailure, Truncation, WorkerOutcome, WorkerRequest

RAISES_TAG = "raises-exception"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def strip_ansi(text: str) -> str:
    """Remove terminal colour codes, which IPython puts in every traceback."""
    return _ANSI.sub("", text)


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager that starts the kernel behind the sandbox prefix: the launcher that
    joins the lab's cgroup and sets rlimits, then bubblewrap (:mod:`courseware.labs.sandbox`)."""

    command_prefix: list[str] = []

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        return [*self.command_prefix, *super().format_kernel_cmd(extra_arguments)]


class CappedNotebookClient(NotebookClient):
    """A notebook client that keeps at most ``max_output_chars`` of output per cell.

    nbclient stores whatever a cell prints (``tests/labs/test_execute.py`` prints 20 MB);
    here text beyond the budget is dropped as it arrives and a notice takes its place.
    """

    def __init__(self, nb: NotebookNode, max_output_chars: int, **kw: Any) -> None:
        super().__init__(nb, **kw)
        self.max_output_chars = max_output_chars
        self.used_chars: dict[int, int] = defaultdict(int)
        self.dropped_chars: dict[int, int] = defaultdict(int)

    def output(
        self,
        outs: list[NotebookNode],
        msg: dict[str, Any],
        display_id: str | None,
        cell_index: int,
    ) -> NotebookNode | None:
        if msg["msg_type"] not in {"stream", "display_data", "execute_result"}:
            return super().output(outs, msg, display_id, cell_index)
        content = msg["content"]
        size = len(content.get("text", "")) + sum(
            len(value) if isinstance(value, str) else 0
            for value in content.get("data", {}).values()
        )
        room = self.max_output_chars - self.used_chars[cell_index]
        self.used_chars[cell_index] += size
        if size <= room:
            return super().output(outs, msg, display_id, cell_index)
        if msg["msg_type"] == "stream" and room > 0:
            self.dropped_chars[cell_index] += size - room
            trimmed = {**msg, "content": {**content, "text": content["text"][:room]}}
            return super().output(outs, trimmed, display_id, cell_index)
        self.dropped_chars[cell_index] += size
        return None


async def run_notebook(request: WorkerRequest) -> WorkerOutcome:
    """Execute the request's notebook, write the executed notebook, and report what happened."""
    notebook = read_notebook(request.notebook_path)
    manager = SandboxedKernelManager(
        kernel_name="python3",
        transport="ipc",
        ip=request.ipc_path,
        # Next to the IPC sockets: the one folder a sandboxed kernel shares with this worker.
        connection_file=str(Path(request.ipc_path).parent / "kernel.json"),
    )
    manager.command_prefix = request.command_prefix
    executed: list[int] = []
    current: list[int] = []
    missing_errors: list[int] = []

    def on_cell_start(cell: NotebookNode, cell_index: int, **_: Any) -> None:
        current[:] = [cell_index]
        _record_pgid(manager, Path(request.pgid_file))

    def on_cell_execute(cell: NotebookNode, cell_index: int, **_: Any) -> None:
        executed.append(cell_index)

    def on_cell_executed(cell: NotebookNode, cell_index: int, execute_reply: Any, **_: Any) -> None:
        status = (execute_reply or {}).get("content", {}).get("status")
        if RAISES_TAG in cell.metadata.get("tags", []) and status == "ok":
            missing_errors.append(cell_index)

    client = CappedNotebookClient(
        notebook,
        max_output_chars=request.max_output_chars,
        km=manager,
        timeout=request.timeout_seconds,
        startup_timeout=60,
        allow_errors=False,
        shutdown_kernel="immediate",
        record_timing=False,
        # A cell's prints arrive in as many messages as the kernel's flushes made, which
        # depends on the machine's load: merged, two builds write the same notebook.
        coalesce_streams=True,
        on_cell_start=on_cell_start,
        on_cell_execute=on_cell_execute,
        on_cell_executed=on_cell_executed,
    )
    failures: list[CellFailure] = []
    try:
        await client.async_execute(env=request.env, cwd=request.workdir)
    except CellTimeoutError:
        failures.append(CellFailure("timeout", _last(current)))
    except CellExecutionError:
        failures.append(_error_failure(notebook, _last(current)))
    except DeadKernelError:
        failures.append(CellFailure("dead_kernel", _last(current), exit_code=_exit_code(manager)))
    except (RuntimeError, TimeoutError) as error:
        failures.append(CellFailure("startup", None, ename=type(error).__name__, evalue=str(error)))
    finally:
        await _stop(client, manager, Path(request.pgid_file))
    failures += [CellFailure("missing_error", index) for index in missing_errors]
    truncations = [Truncation(i, n) for i, n in sorted(client.dropped_chars.items())]
    for truncation in truncations:
        notice = f"\n[output truncated: {truncation.dropped_chars} characters not shown]\n"
        notebook.cells[truncation.cell_index].outputs.append(new_stream_output(notice))
    write_notebook(notebook, request.output_path)
    return WorkerOutcome(failures=failures, truncations=truncations, executed_cells=executed)


def _last(current: list[int]) -> int | None:
    return current[-1] if current else None


def _error_failure(notebook: NotebookNode, cell_index: int | None) -> CellFailure:
    outputs = notebook.cells[cell_index].get("outputs", []) if cell_index is not None else []
    for output in reversed(outputs):
        if output.get("output_type") == "error":
            return CellFailure(
                "error",
                cell_index,
                ename=output.get("ename", ""),
                evalue=strip_ansi(output.get("evalue", "")),
                traceback=strip_ansi("\n".join(output.get("traceback", []))),
            )
    return CellFailure("error", cell_index, ename="Error", evalue="the cell failed")


def _exit_code(manager: SandboxedKernelManager) -> int | None:
    """The kernel's exit code, negative for a signal as :mod:`subprocess` gives it.

    The process watched is bubblewrap's when the kernel is sandboxed, and bubblewrap exits
    with 128 + N when its command was killed by signal N (the shell's convention).
    """
    provisioner = manager.provisioner
    process = getattr(provisioner, "process", None)
    if process is None:
        return None
    code = process.poll()
    if code is None:
        return None
    if 128 < code < 128 + 65 and any(Path(part).name == "bwrap" for part in manager.command_prefix):
        return -(int(code) - 128)
    return int(code)


def _record_pgid(manager: AsyncKernelManager, path: Path) -> None:
    """Leave the kernel's process group id where the builder can kill it, even if this
    worker is itself killed for running too long."""
    pgid = getattr(manager.provisioner, "pgid", None)
    if pgid and not path.exists():
        path.write_text(str(pgid), encoding="utf-8")


async def _stop(client: NotebookClient, manager: AsyncKernelManager, pgid_file: Path) -> None:
    if client.kc is not None:
        client.kc.stop_channels()
    with contextlib.suppress(Exception):
        if manager.has_kernel:
            await manager.shutdown_kernel(now=True)
    kill_process_group(pgid_file)


def kill_process_group(pgid_file: Path) -> None:
    """Kill whatever is left of the kernel's process group (subprocesses a lab started)."""
    try:
        pgid = int(pgid_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if pgid <= 1 or pgid == os.getpgrp():
        return  # never our own group: the kernel always gets a session of its own
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    request = WorkerRequest.read(Path(args[0]))
    outcome = asyncio.run(run_notebook(request))
    outcome.write(Path(request.outcome_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
