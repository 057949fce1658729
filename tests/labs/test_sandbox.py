"""Labs run in a real sandbox: a lab that tries every escape of issue 20 finds each one shut,
and the project (its cache, its site, its files) is the same afterwards.

The labs here run in real kernels under the real bubblewrap; each attempt prints one line
``name: blocked ...`` or ``name: ESCAPED ...``, so a failure says which wall gave way.
"""

from __future__ import annotations

import ast
import hashlib
import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import courseware
from courseware.errors import BuildError
from courseware.labs import LabRun, discover_labs, execute_labs
from courseware.labs.execute import describe_lab_containment
from courseware.labs.notebooks import read_notebook

from .conftest import copy_lab_project

_CASES = Path(__file__).resolve().parents[1] / "faults" / "cases.py"
_spec = importlib.util.spec_from_file_location("fault_cases", _CASES)
assert _spec is not None and _spec.loader is not None
cases = sys.modules.get("fault_cases") or importlib.util.module_from_spec(_spec)
if "fault_cases" not in sys.modules:
    sys.modules["fault_cases"] = cases
    _spec.loader.exec_module(cases)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("labs-kernels")]


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def outputs(run: LabRun) -> list[str]:
    assert run.notebook_path is not None, [str(p) for p in run.problems]
    notebook = read_notebook(run.notebook_path)
    lines: list[str] = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            lines += output.get("text", "").splitlines()
    return lines


@pytest.fixture
def escape_project(tmp_path: Path) -> Iterator[tuple[Path, Path, socket.socket, socket.socket]]:
    """A lab project with one lab, a site, a secret next to it, and two listening Unix
    sockets (one a file, one abstract) that the lab must not reach."""
    root = copy_lab_project("good", tmp_path)
    for name in ("fit.py", "fit.fr.py"):
        (root / "labs" / name).unlink()
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<p>published</p>\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-outside-the-project\n", encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="cw-sock-"))  # socket paths must be short
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(str(folder / "s"))
    listening.listen()
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    abstract.bind(f"\0cw-escape-{os.getpid()}")
    abstract.listen()
    try:
        yield root, secret, listening, abstract
    finally:
        listening.close()
        abstract.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_every_escape_of_a_lab_fails_and_the_project_is_unchanged(
    escape_project: tuple[Path, Path, socket.socket, socket.socket],
) -> None:
    root, secret, listening, abstract = escape_project
    first = execute_labs(discover_labs(root), root)
    assert [run.status for run in first] == ["executed"]
    lab = cases.escape_lab(root, secret, listening.getsockname(), abstract.getsockname())
    (root / "labs" / "escape.py").write_text(lab, encoding="utf-8")
    before = tree_digest(root)
    [run] = [r for r in execute_labs(discover_labs(root), root) if r.lab.id == "escape"]
    assert run.status == "executed", [str(p) for p in run.problems]
    lines = outputs(run)
    attempts = [line for line in lines if not line.startswith("survive:")]
    assert len(attempts) == cases.ESCAPE_ATTEMPTS, lines
    assert not [line for line in attempts if ": blocked " not in line], "\n".join(lines)
    assert run.notebook_path is not None
    assert "TOPSECRET" not in run.notebook_path.read_text(encoding="utf-8")
    after = tree_digest(root)
    new = {path for path in after if path not in before}
    assert all(path.startswith(".cache/labs/") for path in new), new
    assert {path: after.get(path) for path in before} == before
    assert not cases.survivors(), "a process the lab started outlived it"
    for server in (listening, abstract):
        server.setblocking(False)
        with pytest.raises(BlockingIOError):
            server.accept()


def test_a_fork_bomb_meets_the_process_limit_and_the_build_returns(good_project: Path) -> None:
    (good_project / "labs" / "forks.py").write_text(cases.fork_lab(), encoding="utf-8")
    labs = [lab for lab in discover_labs(good_project) if lab.id == "forks"]
    [run] = execute_labs(labs, good_project)
    assert run.status == "executed", [str(p) for p in run.problems]
    assert outputs(run) == ["fork-many: blocked BlockingIOError", "started before the limit: True"]


def test_memory_is_limited_for_the_whole_lab_not_per_process(good_project: Path) -> None:
    """Four children of 512 MiB each stay under the per-process limit of 1 GiB; together
    they are twice the lab's limit, so some of them are killed."""
    (good_project / "labs" / "memory.py").write_text(cases.memory_lab(), encoding="utf-8")
    labs = [lab for lab in discover_labs(good_project) if lab.id == "memory"]
    [run] = execute_labs(labs, good_project)
    if run.status == "failed":  # the limit may pick the kernel itself
        assert "DeadKernelError" in str(run.problems[0]), [str(p) for p in run.problems]
        return
    [line] = outputs(run)
    assert line.startswith("memory-across-children: blocked MemoryError"), line


def test_the_sandbox_cannot_be_skipped_without_saying_so(
    good_project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without bubblewrap the build stops with one line naming it, unless the project opted
    into the weaker mode, which each run then records."""
    empty_path = tmp_path / "bin"
    empty_path.mkdir()
    monkeypatch.setenv("PATH", str(empty_path))
    with pytest.raises(BuildError) as caught:
        execute_labs(discover_labs(good_project), good_project)
    assert str(caught.value) == (
        "labs need bubblewrap (bwrap), which is not installed: apt-get install bubblewrap; "
        "or set COURSEWARE_LAB_SANDBOX=off to run labs unconfined, which their pages then state"
    )
    monkeypatch.setenv("COURSEWARE_LAB_SANDBOX", "off")
    monkeypatch.setenv("PATH", os.defpath)
    runs = execute_labs(discover_labs(good_project), good_project)
    assert [(run.status, run.sandboxed) for run in runs] == [
        ("executed", False),
        ("executed", False),
    ]
    assert describe_lab_containment().startswith("unconfined (COURSEWARE_LAB_SANDBOX=off); ")
    # Kept apart, so that a later sandboxed build does not publish them as sandboxed.
    assert len(list((good_project / ".cache" / "labs" / "unconfined" / "entries").iterdir())) == 4
    assert not (good_project / ".cache" / "labs" / "entries").exists()
    monkeypatch.delenv("COURSEWARE_LAB_SANDBOX")
    assert describe_lab_containment().startswith("bubblewrap ")


def test_stale_lab_folders_of_a_killed_run_are_removed_with_a_warning(
    good_project: Path,
) -> None:
    """A builder killed mid-lab leaves its ``cw-lab-*`` folder; the next run removes it.

    The run gets a temporary folder of its own, so a lab run of a test in another worker
    cannot sweep the stale folder (and print the warning) first."""
    temporary = good_project.parent / "tmp"
    temporary.mkdir()
    stale = Path(tempfile.mkdtemp(prefix="cw-lab-", dir=temporary))
    (stale / "work").mkdir()
    (stale / "lock").touch()
    old = time.time() - 3600
    os.utime(stale, (old, old))
    script = (
        "import sys\nfrom pathlib import Path\n"
        "from courseware.labs import discover_labs, execute_labs\n"
        f"root = Path({str(good_project)!r})\n"
        "execute_labs(discover_labs(root), root)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
        env={**os.environ, "TMPDIR": str(temporary)},
    )
    assert not stale.exists()
    assert f"warning: removed the lab folder {stale} left by an interrupted build" in done.stderr


def test_a_kernel_killed_by_a_signal_is_reported_as_such(good_project: Path) -> None:
    """bubblewrap exits 128 + N when its command dies of signal N; the message names it."""
    body = "# %%\nimport os\nimport signal\n\nos.kill(os.getpid(), signal.SIGKILL)\n"
    text = "# ---\n# title: Killed\n# module: basics\n# duration_minutes: 1\n"
    text += "# connectivity: none\n# hardware: none\n# ---\n\n" + body
    (good_project / "labs" / "killed.py").write_text(text, encoding="utf-8")
    labs = [lab for lab in discover_labs(good_project) if lab.id == "killed"]
    [run] = execute_labs(labs, good_project)
    assert [str(problem) for problem in run.problems] == [
        "labs/killed.py:10 (cell 1): DeadKernelError: the kernel died (killed by SIGKILL); "
        "if the lab ran out of memory, note the limit is 1 GiB [CW-LAB-014 kernel-died]"
    ]


def expected_root_folders() -> set[str]:
    """What a lab may see in ``/``: its own folders, the system's, and the first folder of
    each path its Python lives in (``/check`` for a project in ``/check/work/main``)."""
    system = {"bin", "sbin", "lib", "lib32", "lib64", "libx32"}
    seen = {"dev", "etc", "lab", "proc", "tmp", "usr"}
    seen |= {name for name in system if (Path("/") / name).exists()}
    homes = {sys.prefix, sys.base_prefix, str(Path(courseware.__file__).resolve().parent)}
    homes |= {str(Path(home).resolve()) for home in list(homes)}
    return seen | {Path(home).parts[1] for home in homes}


def test_the_lab_sees_its_own_processes_files_and_limits_only(good_project: Path) -> None:
    """Inside: a PID namespace (only the sandbox's processes), no network but loopback, the
    root folder holding only what the sandbox binds, and the CPU and memory limits set."""
    body = (
        "# %%\nimport os\nimport resource\nimport socket\n\n"
        "print(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))\n"
        "print([name for _, name in socket.if_nameindex()])\n"
        "print(sorted(os.listdir('/')), os.getcwd(), os.listdir('.'))\n"
        "print(resource.getrlimit(resource.RLIMIT_CPU), resource.getrlimit(resource.RLIMIT_AS))\n"
        "print(socket.gethostname())\n"
    )
    text = "# ---\n# title: Inside\n# module: basics\n# duration_minutes: 1\n"
    text += "# connectivity: none\n# hardware: none\n# data_files: [data/points.csv]\n# ---\n\n"
    (good_project / "labs" / "inside.py").write_text(text + body, encoding="utf-8")
    labs = [lab for lab in discover_labs(good_project) if lab.id == "inside"]
    [run] = execute_labs(labs, good_project)
    assert run.status == "executed", [str(p) for p in run.problems]
    pids, interfaces, folders, limits, hostname = outputs(run)
    assert len(ast.literal_eval(pids)) < 10, pids  # bubblewrap's init, the kernel and its helpers
    assert interfaces == "['lo']"
    assert folders.startswith(str(sorted(expected_root_folders()))), folders
    assert folders.endswith(" /lab ['data']") or folders.endswith(" /lab ['.cache', 'data']")
    budget = 60 + 60  # start-up allowance + one cell's timeout
    assert limits == f"({budget}, {budget}) ({1024**3}, {1024**3})"
    assert hostname == "lab"
