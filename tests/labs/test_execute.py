"""Executing labs in real kernels: every failure is one line at the ``.py`` line, the
sandbox holds, and the cache means an unchanged lab never runs twice."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from courseware import problem_codes as codes
from courseware.errors import ContentError
from courseware.labs import LabRun, discover_labs, execute_labs, render_lab
from courseware.labs.isolation import create_workspace, kernel_environment, remove_workspace
from courseware.labs.notebooks import read_notebook

from .conftest import copy_lab_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("labs-kernels")]

SECRET = "s3cr3t-value-from-the-builder"


@pytest.fixture(scope="module")
def broken_runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LabRun]]:
    """Every fixture lab of ``broken``, run once in one call (two at a time)."""
    root = copy_lab_project("broken", tmp_path_factory.mktemp("broken"))
    os.environ["COURSEWARE_SECRET_TOKEN"] = SECRET
    try:
        runs = execute_labs(discover_labs(root), root, jobs=2)
    finally:
        del os.environ["COURSEWARE_SECRET_TOKEN"]
    yield {run.lab.id: run for run in runs}


def messages(run: LabRun) -> list[str]:
    """The problems as printed, without their codes (test_each_failure_has_its_code checks
    those): these messages, mapped back from the kernel's traceback, are the feature."""
    return [str(problem).removesuffix(problem.code_suffix) for problem in run.problems]


# Fixture lab -> the code of the problem its run reports.
FAILURE_CODES = {
    "raising": "CW-LAB-012",
    "noraise": "CW-LAB-015",
    "loop": "CW-LAB-013",
    "exits": "CW-LAB-014",
    "memory": "CW-LAB-012",
    "reads": "CW-LAB-012",
    "missing": "CW-LAB-012",
    "syntax": "CW-LAB-012",
    "noalt": "CW-LAB-019",
    "flood": "CW-LAB-016",
}


def test_each_failure_has_its_code(broken_runs: dict[str, LabRun]) -> None:
    found = {name: [p.code.code for p in broken_runs[name].problems] for name in FAILURE_CODES}
    assert found == {name: [code] for name, code in FAILURE_CODES.items()}


def assert_failed_cleanly(run: LabRun, expected: str) -> None:
    """The run failed with exactly this message, left no executed notebook to publish, and
    its page cannot be rendered (there is no earlier good output), so nothing reaches the site."""
    assert run.status == "failed"
    assert messages(run) == [expected]
    assert "\x1b[" not in expected and "Traceback" not in expected
    assert run.notebook_path is None and run.last_good is None
    with pytest.raises(ContentError):
        render_lab(run.lab, run)


def test_an_unexpected_exception_names_the_py_line_and_cell(broken_runs: dict[str, LabRun]) -> None:
    assert_failed_cleanly(
        broken_runs["raising"], "labs/raising.py:14 (cell 2): ZeroDivisionError: division by zero"
    )


def test_an_expected_error_that_does_not_happen_fails(broken_runs: dict[str, LabRun]) -> None:
    assert_failed_cleanly(
        broken_runs["noraise"],
        "labs/noraise.py:10 (cell 1): the cell is tagged raises-exception but raised no error; "
        "make it raise or remove the tag",
    )


def test_an_endless_loop_is_stopped_by_the_cell_timeout(broken_runs: dict[str, LabRun]) -> None:
    assert_failed_cleanly(
        broken_runs["loop"],
        "labs/loop.py:11 (cell 1): TimeoutError: the cell did not finish within 2 s; "
        "make it faster or raise timeout_seconds in the header",
    )


def test_a_dead_kernel_reports_its_exit_code_and_the_memory_limit(
    broken_runs: dict[str, LabRun],
) -> None:
    assert_failed_cleanly(
        broken_runs["exits"],
        "labs/exits.py:10 (cell 1): DeadKernelError: the kernel died (exit code 3); "
        "if the lab ran out of memory, note the limit is 1 GiB",
    )


def test_memory_exhaustion_is_a_clean_message_naming_the_limit(
    broken_runs: dict[str, LabRun],
) -> None:
    assert_failed_cleanly(
        broken_runs["memory"],
        "labs/memory.py:10 (cell 1): MemoryError: the lab ran out of memory "
        "(the limit is 1 GiB); use less data",
    )


def test_reading_stdin_is_refused(broken_runs: dict[str, LabRun]) -> None:
    assert_failed_cleanly(
        broken_runs["reads"],
        "labs/reads.py:10 (cell 1): StdinNotImplementedError: labs must not read input(); "
        "set the value in the code instead",
    )


def test_a_missing_module_says_to_add_it_to_the_requirements(
    broken_runs: dict[str, LabRun],
) -> None:
    assert_failed_cleanly(
        broken_runs["missing"],
        "labs/missing.py:11 (cell 1): ModuleNotFoundError: No module named "
        "'not_a_real_module_xyz'; add 'not_a_real_module_xyz' to requirements in the lab "
        "header (and to the project's dependencies)",
    )


def test_a_syntax_error_names_the_py_line(broken_runs: dict[str, LabRun]) -> None:
    assert_failed_cleanly(
        broken_runs["syntax"], "labs/syntax.py:11 (cell 1): SyntaxError: expected ':'"
    )


def test_a_figure_without_alt_text_is_an_error(broken_runs: dict[str, LabRun]) -> None:
    run = broken_runs["noalt"]
    assert run.status == "failed"
    assert messages(run) == [
        "labs/noalt.py:9 (cell 1): the figure has no alt text; describe it on the cell's "
        'marker line: # %% alt="What the figure shows"'
    ]


def test_twenty_megabytes_of_output_are_truncated_with_a_notice(
    broken_runs: dict[str, LabRun],
) -> None:
    run = broken_runs["flood"]
    assert run.status == "executed"
    assert messages(run) == [
        "labs/flood.py:10 (cell 1): warning: output truncated: 19900001 characters not shown; "
        "print less"
    ]
    assert run.notebook_path is not None and run.notebook_path.stat().st_size < 200_000
    rendered = render_lab(run.lab, run)
    assert "[output truncated: 19900001 characters not shown]" in rendered.markdown


def test_the_builders_secrets_do_not_reach_the_lab(broken_runs: dict[str, LabRun]) -> None:
    run = broken_runs["secret"]
    assert run.status == "executed" and run.notebook_path is not None
    text = run.notebook_path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "token: absent" in text
    assert "home: True" in text  # HOME is the lab's own fresh folder, also its cwd


def test_a_second_build_executes_nothing_and_a_prose_edit_executes_nothing(
    good_project: Path,
) -> None:
    first = execute_labs(discover_labs(good_project), good_project)
    assert [(run.lab.id, run.status) for run in first] == [
        ("fit", "executed"),
        ("hello", "executed"),
    ]
    second = execute_labs(discover_labs(good_project), good_project)
    assert [run.status for run in second] == ["cached", "cached"]
    path = good_project / "labs" / "fit.py"
    path.write_text(path.read_text().replace("We fit a line", "We fit a straight line"), "utf-8")
    third = execute_labs(discover_labs(good_project), good_project)
    assert [run.status for run in third] == ["cached", "cached"]
    assert "We fit a straight line" in render_lab(third[0].lab, third[0]).markdown
    entries = sorted((good_project / ".cache" / "labs" / "entries").iterdir())
    assert [entry.suffix for entry in entries] == [".ipynb", ".json", ".ipynb", ".json"]


def test_seeds_make_outputs_reproducible_across_executions(good_project: Path) -> None:
    labs = [lab for lab in discover_labs(good_project) if lab.id == "fit"]
    first = execute_labs(labs, good_project)[0]
    second = execute_labs(labs, good_project, force=True)[0]
    assert first.status == second.status == "executed"
    assert first.notebook_path is not None and second.notebook_path is not None
    # The first draws after random.seed(0) and numpy.random.seed(0).
    assert "seeded: 0.8444218515250481 0.5488135039273248" in first.notebook_path.read_text()
    assert first.notebook_path.read_bytes() == second.notebook_path.read_bytes()


def test_a_failing_lab_keeps_its_last_good_output_for_keep_going(good_project: Path) -> None:
    before = execute_labs(discover_labs(good_project), good_project)[0]
    assert before.status == "executed" and before.entry is not None
    path = good_project / "labs" / "fit.py"
    path.write_text(path.read_text().replace('print("seeded', 'undefined_name\nprint("seeded'))
    after = execute_labs(discover_labs(good_project), good_project)[0]
    assert after.status == "failed"
    assert [str(p) for p in after.problems] == [
        "labs/fit.py:25 (cell 1): NameError: name 'undefined_name' is not defined"
        " [CW-LAB-012 cell-error]"
    ]
    assert after.last_good is not None and after.last_good.key == before.entry.key
    rendered = render_lab(after.lab, after)
    assert rendered.is_outdated
    notice_date = before.entry.executed_at.date().isoformat()
    assert f"This lab's output is from {notice_date}" in rendered.markdown
    assert "NameError" not in rendered.markdown and "Traceback" not in rendered.markdown
    executed = read_notebook(after.last_good.notebook_path)
    assert executed.cells[1].outputs[0]["text"].startswith("slope")


def test_prints_a_cell_flushes_apart_are_one_output(good_project: Path) -> None:
    """The kernel sends what a cell prints in as many messages as it flushed, which load
    decides; merged, the executed notebook does not depend on the machine's load."""
    hello = (good_project / "labs" / "hello.py").read_text(encoding="utf-8")
    flushes = hello.replace(
        'print("hello")',
        'import time\nprint("first", flush=True)\ntime.sleep(0.3)\nprint("second", flush=True)',
    )
    (good_project / "labs" / "flushes.py").write_text(flushes, encoding="utf-8")
    [run] = execute_labs(
        [lab for lab in discover_labs(good_project) if lab.id == "flushes"], good_project
    )
    assert run.status == "executed" and run.notebook_path is not None
    [cell] = [c for c in read_notebook(run.notebook_path).cells if c.cell_type == "code"]
    assert [(o["output_type"], o["text"]) for o in cell.outputs] == [("stream", "first\nsecond\n")]


def test_seeds_survive_the_kernel_info_requests_of_a_loaded_machine(tmp_path: Path) -> None:
    """A client waiting for a slow kernel asks for its info again and again, and IPython drew
    a banner tip from ``random`` for each answer: seeds set at start-up were spent by a
    varying number of draws. Here three extra requests come before the first cell."""
    from jupyter_client.manager import start_new_kernel

    lab_project = copy_lab_project("good", tmp_path)
    [lab] = [lab for lab in discover_labs(lab_project) if lab.id == "hello"]
    workspace = create_workspace(lab)
    manager, client = start_new_kernel(
        kernel_name="python3", env=kernel_environment(workspace), cwd=str(workspace.workdir)
    )
    try:
        for _ in range(3):
            client.kernel_info()
            client.get_shell_msg(timeout=30)
        outputs: list[str] = []
        client.execute_interactive(
            "import random, numpy; print(random.random(), numpy.random.rand())",
            output_hook=lambda msg: outputs.append(msg["content"].get("text", "")),
            timeout=60,
        )
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
        remove_workspace(workspace)
    assert "".join(outputs) == "0.8444218515250481 0.5488135039273248\n"


def test_a_requirement_that_is_not_installed_fails_the_lab_before_it_runs(
    good_project: Path,
) -> None:
    hello = good_project / "labs" / "hello.py"
    text = hello.read_text(encoding="utf-8")
    header_end = text.index("# ---", 1)
    hello.write_text(
        text[:header_end] + "# requirements: [not-a-real-distribution-xyz]\n" + text[header_end:],
        encoding="utf-8",
    )
    hello_lab = [lab for lab in discover_labs(good_project) if lab.id == "hello"]
    [run] = execute_labs(hello_lab, good_project)
    assert run.status == "failed"
    [problem] = run.problems
    assert (problem.file, problem.line, problem.code) == (
        "labs/hello.py",
        1,
        codes.LAB_DEPENDENCY_MISSING,
    )
    assert "'not-a-real-distribution-xyz' is not installed" in problem.message
