"""Every lab, in every language, run the student's way: the files a lab page offers, downloaded
into one folder, in a fresh environment holding only the lab's requirements and the site's
runtime wheel (installed from local files, no index). The notebook runs to the end in a real
kernel of that environment with the outputs the site shows, and the script runs too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from tests.labs.student_env import (
    NOTEBOOK_KERNEL,
    create_environment,
    download_wheelhouse,
    installed_distributions,
    student_requirements,
)
from tests.quality.site_pages import LANGUAGES, REPO

from courseware.labs import read_lab
from courseware.labs.instructions import can_run_as_script
from courseware.labs.runtime_wheel import DISTRIBUTION

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("quality-site")]

LAB_IDS = sorted(p.stem for p in (REPO / "labs").glob("*.py") if "." not in p.stem)
"""The repository's source labs; each has a page in every language."""


def lab_folder(site: Path, lab_id: str, language: str) -> Path:
    """Where the lab page's downloads live in the built site."""
    folder = lab_id if language == "en" else f"{lab_id}-{language}"
    return site / LANGUAGES[language] / "labs" / folder


@pytest.fixture(scope="module")
def environments(
    real_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[tuple[str, ...], Path]]:
    """One fresh environment per distinct requirement set of the labs; requirements → python."""
    wheels = sorted((real_site / "labs").glob("*.whl"))
    assert [w.name.split("-")[0] for w in wheels] == [DISTRIBUTION.replace("-", "_")]
    base = tmp_path_factory.mktemp("student")
    made: dict[tuple[str, ...], Path] = {}
    for lab_id in LAB_IDS:
        lab = read_lab(REPO / "labs" / f"{lab_id}.py", REPO)
        key = tuple(sorted(lab.requirements))
        if key in made:
            continue
        requirements = [*student_requirements(list(key), wheels[0]), NOTEBOOK_KERNEL]
        wheelhouse = download_wheelhouse(requirements, wheels[0], base / "wheelhouse")
        python = create_environment(base / f"env-{len(made)}", requirements, wheelhouse)
        assert not installed_distributions(python) & {"mkdocs", "click", "nbclient"}
        subprocess.run(
            [str(python), "-m", "ipykernel", "install", "--prefix", str(python.parents[1])],
            check=True, capture_output=True,
        )  # fmt: skip
        made[key] = python
    yield made


def download(site: Path, lab_id: str, language: str, into: Path) -> tuple[Path, Path]:
    """Copy what the page offers (notebook, script, data files) into a folder of its own."""
    shutil.copytree(lab_folder(site, lab_id, language), into)
    # Data files the same in every language exist once, in the source lab's folder, and the
    # page links them there (engine/shared_files.py): the student saves them beside the rest.
    shared = lab_folder(site, lab_id, "en")
    for path in sorted(shared.rglob("*")):
        target = into / path.relative_to(shared)
        if path.is_file() and path.suffix not in (".ipynb", ".py") and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    # A translated lab's files are <id>.<lang>.*; an untranslated one offers the source's.
    [notebook] = into.glob("*.ipynb")
    return notebook, notebook.with_suffix(".py")


def shown_text(notebook: nbformat.NotebookNode) -> list[list[str]]:
    """Per code cell, the text of its outputs (printed text, plain results, error lines).

    Printed chunks are joined: how a kernel flushes them depends on timing (the site's build
    merges them the same way, with nbclient's ``coalesce_streams``). Standard error is left
    out: it holds the environment's own notices (a fresh matplotlib builds its font cache and
    says so once), not what the lab computes.
    """
    shown = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        texts: list[tuple[str, str]] = []
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                if output.name == "stderr":
                    continue
                kind, text = "stdout", output.text
            elif output.output_type == "error":
                kind, text = "error", f"{output.ename}: {output.evalue}"
            elif "text/plain" in output.get("data", {}) and not any(
                media.startswith("image/") for media in output.data
            ):
                kind, text = "result", output.data["text/plain"]
            else:
                continue
            if texts and texts[-1][0] == kind == "stdout":
                texts[-1] = (kind, texts[-1][1] + text)
            else:
                texts.append((kind, text))
        shown.append([text for _, text in texts])
    return shown


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("lab_id", LAB_IDS)
def test_the_downloaded_lab_runs_in_a_fresh_environment_as_the_site_shows(
    real_site: Path,
    environments: dict[tuple[str, ...], Path],
    lab_id: str,
    language: str,
    tmp_path: Path,
) -> None:
    lab = read_lab(REPO / "labs" / f"{lab_id}.py", REPO)
    python = environments[tuple(sorted(lab.requirements))]
    notebook_path, script_path = download(real_site, lab_id, language, tmp_path / "lab")
    published = nbformat.read(notebook_path, as_version=4)  # type: ignore[no-untyped-call]
    notebook = nbformat.read(notebook_path, as_version=4)  # type: ignore[no-untyped-call]
    kernels = KernelSpecManager(kernel_dirs=[str(python.parents[1] / "share/jupyter/kernels")])
    manager = KernelManager(kernel_name="python3", kernel_spec_manager=kernels)
    client = NotebookClient(
        notebook,
        km=manager,
        timeout=120,
        resources={"metadata": {"path": str(notebook_path.parent)}},
    )
    client.execute(env={**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"})
    assert shown_text(notebook) == shown_text(published)
    if can_run_as_script(lab):
        result = subprocess.run(
            [str(python), script_path.name],
            cwd=script_path.parent, capture_output=True, text=True, check=False,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
