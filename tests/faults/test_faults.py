"""The fault suite: every scenario of ``cases.py`` against a project that built cleanly.

Each case asserts what the builder must do: the exit code, the exact
``path:line`` problems (all of them, in one run), no traceback, the previously built
``site/`` byte-identical, no sentinel file, and no script from content in any output.
One clean build is shared by the module and copied for each case.
"""

from __future__ import annotations

import fcntl
import hashlib
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from courseware.cli import cli

if TYPE_CHECKING:
    from tests.faults.cases import Expected, Fault

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
REPO = HERE.parents[1]

_spec = importlib.util.spec_from_file_location("fault_cases", HERE / "cases.py")
assert _spec is not None and _spec.loader is not None
cases = importlib.util.module_from_spec(_spec)
sys.modules["fault_cases"] = cases
_spec.loader.exec_module(cases)
_published_spec = importlib.util.spec_from_file_location("fault_published", HERE / "published.py")
assert _published_spec is not None and _published_spec.loader is not None
published = importlib.util.module_from_spec(_published_spec)
_published_spec.loader.exec_module(published)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("faults")]

_SUMMARY = re.compile(r"^\d+ problems? found\.$")


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with the hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The fault base project, built once: its folder and its site's digest."""
    root = tmp_path_factory.mktemp("faults") / "base"
    shutil.copytree(FIXTURES / "project", root)
    shutil.copytree(FIXTURES / "faults" / "base", root, dirs_exist_ok=True)
    (root / "README.md").unlink()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root, tree_digest(root / "site")


@pytest.fixture
def project(built: tuple[Path, dict[str, str]], tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the built base project."""
    root = tmp_path / "project"
    shutil.copytree(built[0], root, symlinks=True)
    yield root


def build(root: Path, options: tuple[str, ...] = ()) -> tuple[int, list[str]]:
    """Run ``courseware build``; return the exit code and the printed problem lines."""
    result = CliRunner().invoke(cli, ["build", "--root", str(root), *options])
    assert "Traceback" not in result.output, result.output
    lines = [line for line in result.output.splitlines() if line and not _SUMMARY.match(line)]
    return result.exit_code, lines


def _list_labs_in_intro(project: Path) -> None:
    """Have the fixture's module list the labs a test wrote (a lab its module does not list
    is an error of its own, CW-REG-041), so the build reports only what the test is about."""
    ids = sorted(p.stem for p in (project / "labs").glob("*.py") if "." not in p.stem)
    module = project / "modules" / "intro" / "module.yaml"
    with module.open("a", encoding="utf-8") as stream:
        stream.write(f"labs: [{', '.join(ids)}]\n")


def _without_check_record(digest: dict[str, str]) -> dict[str, str]:
    """A ``.cache`` digest without the content linter's record, which the builder rewrites."""
    return {name: value for name, value in digest.items() if name != "content-checks.json"}


def problem_lines(lines: list[str]) -> list[str]:
    """The lines that report a problem (``path[:line]: message``), not progress lines."""
    return [line for line in lines if re.match(r"^[^:]*/[^:]*(?::\d+)?: ", line)]


def assert_reported_exactly(lines: list[str], expected: tuple[Expected, ...]) -> None:
    """Each expected line starts exactly one printed problem, which ends with the expected
    problem code, and nothing else is printed."""
    left = problem_lines(lines)
    for wanted in expected:
        start, code = wanted
        match = next(
            (
                line
                for line in left
                if line.startswith(start) and re.search(rf" \[{code} [a-z0-9-]+\]$", line)
            ),
            None,
        )
        assert match is not None, f"missing {wanted!r} in:\n" + "\n".join(left)
        left.remove(match)
    assert not left, "unexpected problems:\n" + "\n".join(left)


def assert_no_script_from_content(site: Path) -> None:
    """No script, event handler or javascript: URL in any file of ``site`` (every page's
    head and attributes, SVG figures, scripts, the search index, sitemaps, offline zips:
    ``published.assert_nothing_active``), and no sign that one ran."""
    published.assert_nothing_active(site)
    for page in site.rglob("*.html"):
        assert "pwned" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize("fault", cases.FAULTS, ids=lambda fault: fault.id)
def test_fault(
    fault: Fault,
    project: Path,
    built: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for relative, content in fault.files.items():
        path = project / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    if fault.prepare is not None:
        fault.prepare(project)
    before = tree_digest(project.parent)
    if fault.options:
        monkeypatch.chdir(project)
    code, lines = build(project, fault.options)
    assert code == fault.exit_code, "\n".join(lines)
    assert_reported_exactly(lines, fault.expected)
    for line in fault.says:
        assert line in lines, "\n".join(lines)
    if fault.options and fault.exit_code != 0:
        assert tree_digest(project.parent) == before, "a refused option changed files"
    site = project / "site"
    if fault.exit_code != 0:
        assert tree_digest(site) == built[1], "the previous site changed"
    assert_no_script_from_content(site)
    assert not list(project.rglob(cases.SENTINEL))
    assert not list(project.glob(".site.*")), "temporary folders are cleaned up"
    assert "TOPSECRET" not in "".join(p.read_text("utf-8") for p in site.rglob("*.html"))


def test_fault_table_covers_forty_scenarios() -> None:
    numbers = {fault.number for fault in cases.FAULTS} | set(OTHER_SCENARIOS)
    assert len(numbers) >= 40, sorted(numbers)


OTHER_SCENARIOS = (32, 33, 34, 35, 36, 38, 39, 40, 41, 43, 44, 48, 49, 50, 51, 52, 60)
"""Scenarios tested by the functions below rather than by the table."""


def test_failing_labs_are_reported_together(
    project: Path, built: tuple[Path, dict[str, str]]
) -> None:
    """32 exception, 33 expected error missing, 36 input(), 40 missing import, 41 syntax."""
    labs = project / "labs"
    labs.mkdir()
    bodies = {
        "raising": "# %%\nx = 1\n\n# %%\ny = 2\nz = y / 0\n",
        "noraise": '# %% tags=["raises-exception"]\nx = 1 / 1\n',
        "reads": '# %%\nname = input("Your name? ")\n',
        "missing": "# %%\nimport math\nimport not_a_real_module_xyz\n",
        "syntax": "# %%\nx = 1\nif x\n    y = 2\n",
    }
    for name, body in bodies.items():
        (labs / f"{name}.py").write_text(cases.lab(name.title(), body), encoding="utf-8")
    _list_labs_in_intro(project)
    code, lines = build(project)
    assert code == 1
    reported = sorted(line for line in lines if line.startswith("labs/"))
    assert [line.split(": ", 1)[0] for line in reported] == [
        "labs/missing.py:11 (cell 1)",
        "labs/noraise.py:10 (cell 1)",
        "labs/raising.py:14 (cell 2)",
        "labs/reads.py:10 (cell 1)",
        "labs/syntax.py:11 (cell 1)",
    ]
    assert [line.rsplit(" [", 1)[1] for line in reported] == [
        "CW-LAB-012 cell-error]",
        "CW-LAB-015 missing-error]",
        "CW-LAB-012 cell-error]",
        "CW-LAB-012 cell-error]",
        "CW-LAB-012 cell-error]",
    ]
    assert "ZeroDivisionError: division by zero" in reported[2]
    assert "must not read input()" in reported[3]
    assert tree_digest(project / "site") == built[1]


def test_runaway_labs_are_stopped_and_secrets_stay_out(
    project: Path, built: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """34 an endless loop, 35 a kernel that dies, 38 a lab reading a secret, 39 a background
    process that would outlive the lab: stopped, reported together, nothing published."""
    monkeypatch.setenv("COURSEWARE_FAULT_SECRET", "sentinel-secret-value")
    marker = project.parent / "outlived.txt"
    labs = project / "labs"
    labs.mkdir()
    loop = cases.lab("Loop", "# %%\nwhile True:\n    pass\n").replace(
        "# hardware: none\n", "# hardware: none\n# timeout_seconds: 2\n"
    )
    (labs / "loop.py").write_text(loop, encoding="utf-8")
    (labs / "dies.py").write_text(cases.lab("Dies", "# %%\nimport os\n\nos._exit(3)\n"), "utf-8")
    secret = (
        "# %%\nimport os\nimport subprocess\n\n"
        f"subprocess.Popen(['sh', '-c', 'sleep 3; touch {marker}'])\n"
        "print(os.environ.get('COURSEWARE_FAULT_SECRET', 'absent'))\n"
        "assert 'COURSEWARE_FAULT_SECRET' not in os.environ\n"
        "1 / 0\n"
    )
    (labs / "secret.py").write_text(cases.lab("Secret", secret), encoding="utf-8")
    _list_labs_in_intro(project)
    code, lines = build(project)
    assert code == 1
    reported = sorted(line for line in lines if line.startswith("labs/"))
    assert [line.split(" (cell", 1)[0].split(":")[0] for line in reported] == [
        "labs/dies.py",
        "labs/loop.py",
        "labs/secret.py",
    ]
    assert [line.rsplit(" [", 1)[1] for line in reported] == [
        "CW-LAB-014 kernel-died]",
        "CW-LAB-013 cell-timeout]",
        "CW-LAB-012 cell-error]",
    ]
    assert "ZeroDivisionError" in reported[2]  # the secret was absent: the assert passed
    assert "sentinel-secret-value" not in "\n".join(lines)
    assert tree_digest(project / "site") == built[1]

    time.sleep(4)  # longer than the background process would have needed
    assert not marker.exists(), "a process the lab started outlived it"


def test_lab_html_output_is_sanitised_and_fallback_is_honest(project: Path) -> None:
    """43 a lab displays a script; 44 a missing translation falls back with its language."""
    labs = project / "labs"
    labs.mkdir()
    body = (
        "# %%\nfrom IPython.display import HTML, display\n"
        "display(HTML(\"<script>alert('lab')</script><b onclick='alert(2)'>bold</b>\"))\n"
    )
    (labs / "html.py").write_text(cases.lab("Html", body), encoding="utf-8")
    (project / "pages" / "contribute.md").write_text("# Contribute\n\nHow to help.\n", "utf-8")
    _list_labs_in_intro(project)
    code, lines = build(project)
    assert code == 0, lines
    site = project / "site"
    assert_no_script_from_content(site)
    french = (site / "fr" / "contribute" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in french
    assert 'class="cw-notice cw-fallback"' in french and '<div lang="en">' in french


def test_a_second_build_at_once_is_refused(
    project: Path, built: tuple[Path, dict[str, str]]
) -> None:
    """48: a build that finds the lock held stops at once and leaves the site alone."""
    lock = project / ".cache" / "build.lock"
    lock.parent.mkdir(exist_ok=True)
    with lock.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        code, lines = build(project)
    assert code == 1
    assert any("another build holds" in line for line in lines), lines
    assert tree_digest(project / "site") == built[1]


def test_slow_and_bomb_cases_finish_in_a_subprocess(tmp_path: Path) -> None:
    """5 and 29 are bounded: the checks return (no timing asserted, only that they end)."""
    script = (
        "from courseware.yamlsafe import parse_yaml_text, YamlProblem\n"
        "from courseware.site.checks.render_limits import render_all, MarkdownSettings\n"
        f"text = {cases.alias_bomb()!r}\n"
        "try:\n    parse_yaml_text(text, 'bomb.yaml')\nexcept YamlProblem as e:\n"
        "    print('refused', e.line)\n"
        "print(render_all(['[' * 50000], MarkdownSettings(), 1.0)[0].failure)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["refused", "2", "slow"]


def _line_of(text: str, snippet: str) -> int:
    return text.splitlines().index(snippet) + 1


def test_a_lab_that_tries_each_escape_changes_nothing(
    project: Path, built: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """49: a lab reads a secret outside the project and the builder's cache, writes into the
    project, the cache and the site, starts processes with setsid and a double fork, signals
    the builder, and connects to Unix sockets outside. Every attempt fails inside the lab
    (it then raises, so the build stops), and the site and the cache are as they were."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-outside-the-project\n", encoding="utf-8")
    folder = Path(tempfile.mkdtemp(prefix="cw-sock-"))
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listening.bind(str(folder / "s"))
    listening.listen()
    abstract = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    abstract.bind(f"\0cw-fault-{os.getpid()}")
    abstract.listen()
    # The content linter's record changes by design: the module page now lists the lab.
    cache_before = _without_check_record(tree_digest(project / ".cache"))
    text = cases.escape_lab(
        project,
        secret,
        str(folder / "s"),
        abstract.getsockname(),
        module="intro",
        fail_at_end=True,
    )
    (project / "labs").mkdir()
    (project / "labs" / "escape.py").write_text(text, encoding="utf-8")
    try:
        _list_labs_in_intro(project)
        code, lines = build(project)
    finally:
        listening.setblocking(False)
        abstract.setblocking(False)
        reached = [server for server in (listening, abstract) if _accepts(server)]
        listening.close()
        abstract.close()
        shutil.rmtree(folder, ignore_errors=True)
    assert code == 1
    raise_line = _line_of(text, "1 / 0")
    assert [line for line in lines if line.startswith("labs/")] == [
        f"labs/escape.py:{raise_line} (cell 7): ZeroDivisionError: division by zero"
        " [CW-LAB-012 cell-error]"
    ], lines  # nothing escaped: an escape would raise RuntimeError naming it
    assert not problem_lines(lines), lines
    assert not reached, "the lab reached a socket outside"
    assert tree_digest(project / "site") == built[1]
    assert _without_check_record(tree_digest(project / ".cache")) == cache_before
    assert not list(project.rglob(cases.SENTINEL))
    assert not cases.survivors(), "a process the lab started outlived it"


def test_labs_that_fork_and_allocate_without_end_are_bounded(
    project: Path, built: tuple[Path, dict[str, str]]
) -> None:
    """50: a fork bomb meets the lab's process limit, and children that together take twice
    the memory limit are killed; both labs report, and the build returns."""
    labs = project / "labs"
    labs.mkdir()
    forks = cases.fork_lab(module="intro", fail_at_end=True)
    memory = cases.memory_lab(module="intro", fail_at_end=True)
    (labs / "forks.py").write_text(forks, encoding="utf-8")
    (labs / "memory.py").write_text(memory, encoding="utf-8")
    _list_labs_in_intro(project)
    code, lines = build(project)
    assert code == 1
    reported = sorted(line for line in lines if line.startswith("labs/"))
    assert len(reported) == 2, lines
    assert reported[0].startswith(f"labs/forks.py:{_line_of(forks, '1 / 0')} (cell 3): "), lines
    assert "ZeroDivisionError" in reported[0]  # nothing escaped: the fork bomb was stopped
    # Either the children were killed (the lab ends in 1 / 0) or the kernel itself was.
    assert "ZeroDivisionError" in reported[1] or "DeadKernelError" in reported[1], lines
    assert tree_digest(project / "site") == built[1]


def test_a_build_without_the_sandbox_stops_with_one_line(
    project: Path,
    built: tuple[Path, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """51: labs to run and no bubblewrap: one line naming it, exit 1, the site untouched."""
    (project / "labs").mkdir()
    (project / "labs" / "hello.py").write_text(
        cases.lab("Hello", "# %%\nprint('hello')\n"), encoding="utf-8"
    )
    (tmp_path / "bin").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    code, lines = build(project)
    assert code == 1
    assert lines[-1] == (
        "Error: labs need bubblewrap (bwrap), which is not installed: apt-get install "
        "bubblewrap; or set COURSEWARE_LAB_SANDBOX=off to run labs unconfined, which their "
        "pages then state"
    ), lines
    assert tree_digest(project / "site") == built[1]


def _accepts(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def _processes() -> dict[int, tuple[int, int]]:
    """Every process on the machine: its parent and its process group, from /proc/<pid>/stat."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        fields = stat.rpartition(")")[2].split()
        found[int(entry.name)] = (int(fields[1]), int(fields[2]))
    return found


def _poll(condition: Callable[[], bool], attempts: int = 3000) -> bool:
    """Wait for ``condition`` in a bounded loop (no deadline is asserted, only the outcome)."""
    for _ in range(attempts):
        if condition():
            return True
        time.sleep(0.05)
    return condition()


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "sigterm"])
def test_a_killed_build_leaves_no_worker_and_the_next_build_takes_over(
    project: Path, stop: signal.Signals
) -> None:
    """52: the builder is killed while MkDocs builds the languages in its forked workers.
    No worker outlives it, and the next build runs, saying it took over the lock."""
    page = project / "pages" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA change to rebuild.\n", "utf-8")
    builder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from courseware.cli import cli; cli()",
            "build",
            "--root",
            str(project),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    scratch = project / f".site.tmp-site-{builder.pid}.languages"

    def workers() -> list[int]:
        return [pid for pid, (parent, _) in _processes().items() if parent == builder.pid]

    try:
        reached = _poll(lambda: scratch.exists() and bool(workers()) or builder.poll() is not None)
        assert reached and builder.poll() is None, "the build never reached the MkDocs phase"
        started = workers()
        builder.send_signal(stop)
        builder.wait()

        def left() -> list[int]:
            running = _processes()
            return [pid for pid in running if pid in started or running[pid][1] == builder.pid]

        assert _poll(lambda: not left(), attempts=600), f"workers {left()} outlived the builder"
    finally:
        for pid in [pid for pid, (_, group) in _processes().items() if group == builder.pid]:
            os.kill(pid, signal.SIGKILL)
    code, lines = build(project)
    assert code == 0, lines
    assert lines[0] == (
        f"warning: took over the build lock from build {builder.pid}, which ended without "
        "releasing it"
    ), lines
    assert "another build holds" not in "\n".join(lines)
    assert not list(project.glob(".site.*")), "the killed build's temporary folders are removed"


def test_a_bind_mounted_site_is_rebuilt_in_place(
    project: Path, built: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """60: ``site/`` is a mount point (a bind mount, as a container's volume is): it cannot be
    renamed, so the build replaces its contents, without a traceback."""
    backing = tmp_path / "volume"
    shutil.copytree(project / "site", backing)
    mounted = subprocess.run(
        ["mount", "--bind", str(backing), str(project / "site")], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot bind-mount here: {mounted.stderr.decode().strip()}")
    try:
        page = project / "pages" / "index.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nMounted.\n", "utf-8")
        code, lines = build(project)
        assert code == 0, lines
        assert "Mounted." in (backing / "index.html").read_text(encoding="utf-8")
        assert (backing / ".courseware-site").is_file()
        assert not list(project.glob(".site.*")), "temporary folders are cleaned up"
    finally:
        subprocess.run(["umount", str(project / "site")], check=True)
