"""The "Run it yourself" section of a lab page, made from the lab's own header.

A student on a metered connection should install exactly what the lab imports: the steps
list the lab's requirements (the course's libraries only when the lab names them, as the
downloadable runtime wheel), then the commands for Linux and macOS and for Windows
PowerShell, for Jupyter and for plain Python. The project's repository is named only when
the project declares one (MkDocs' ``repo_url``); no address is ever guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from courseware.labs.markdown_escape import markdown_inline
from courseware.labs.runtime_wheel import PROVIDES
from courseware.labs.source import Lab

Gettext = Callable[[str], str]

INSTRUCTIONS_ANCHOR = "run-it-yourself"

NOTEBOOK_TOOLS = ("notebook",)
"""What a student adds to run the notebook in Jupyter (the classic Notebook pulls in the
kernel); VS Code needs only ``ipykernel``, which it offers to install itself."""


@dataclass(frozen=True)
class RuntimeOffer:
    """The labs' runtime wheel as the page offers it."""

    filename: str
    href: str
    """The link from the lab page to the wheel."""
    size_text: str
    """The wheel's size, already formatted in the reader's language."""


@dataclass(frozen=True)
class RunSettings:
    """What the project lets a lab page say about running the lab elsewhere."""

    runtime: RuntimeOffer | None = None
    repo_url: str | None = None
    """The project's declared repository (MkDocs' ``repo_url``), or None."""
    hosted_notebooks: bool = False
    """Whether the course allows a hosted notebook service (its ``extra`` settings say so)."""


NO_SETTINGS = RunSettings()
"""A page that offers nothing beyond the lab's own files (tests, projects without a wheel)."""


def lab_install_arguments(lab: Lab, runtime: RuntimeOffer | None) -> list[str]:
    """What ``pip install`` needs for ``lab``: its third-party requirements, then the wheel."""
    third_party = [name for name in lab.requirements if name != PROVIDES]
    wheel = [runtime.filename] if runtime is not None and PROVIDES in lab.requirements else []
    return [*third_party, *wheel]


def can_run_as_script(lab: Lab) -> bool:
    """A lab that shows an exception on purpose runs only as a notebook."""
    return not any("raises-exception" in cell.tags for cell in lab.code_cells)


def run_it_yourself(lab: Lab, stem: str, settings: RunSettings, gettext: Gettext) -> str:
    """The section's Markdown: requirements, then numbered steps for each system."""
    packages = lab_install_arguments(lab, settings.runtime)
    needs_wheel = settings.runtime is not None and PROVIDES in lab.requirements
    lines = ["## " + gettext("Run it yourself") + " {: #" + INSTRUCTIONS_ANCHOR + " }", ""]
    lines += [_requirements_line(lab, settings, needs_wheel, gettext), ""]
    steps = [_download_step(lab, stem, needs_wheel, gettext)]
    steps.append(_install_step(packages, gettext))
    steps.append(_notebook_step(stem, gettext))
    if can_run_as_script(lab):
        steps.append(_script_step(stem, gettext))
    lines += [f"{number}. {step}" for number, step in enumerate(steps, start=1)]
    if settings.hosted_notebooks:
        lines += ["", _hosted_line(stem, packages, lab, gettext)]
    if settings.repo_url:
        lines += [
            "",
            gettext("The course's sources, this lab included, are at {address}.").format(
                address=f"<{settings.repo_url}>"
            ),
        ]
    if lab.needs_hardware:
        board = markdown_inline(lab.hardware)
        lines += ["", gettext("You also need this hardware: {board}.").format(board=board)]
    if lab.connectivity == "required":
        lines += ["", gettext("This lab needs a network connection while it runs.")]
    return "\n".join(lines)


def _requirements_line(lab: Lab, settings: RunSettings, needs_wheel: bool, gettext: Gettext) -> str:
    third_party = [f"`{name}`" for name in lab.requirements if name != PROVIDES]
    if needs_wheel and settings.runtime is not None:
        third_party.append(
            gettext("the course's libraries ({file}, {size})").format(
                file=f"`{settings.runtime.filename}`", size=settings.runtime.size_text
            )
        )
    if not third_party:
        return gettext("This lab needs Python 3.11 or newer and nothing else.")
    return gettext("This lab needs Python 3.11 or newer and: {packages}.").format(
        packages=", ".join(third_party)
    )


def _download_step(lab: Lab, stem: str, needs_wheel: bool, gettext: Gettext) -> str:
    files = [f"`{stem}.ipynb`", f"`{stem}.py`"]
    if needs_wheel:
        files.append(gettext("the course's libraries"))
    step = gettext("Download {files} from the list above into one folder.").format(
        files=", ".join(files)
    )
    if lab.data_files:
        data = ", ".join(f"`{name}`" for name in lab.data_files)
        step += " " + gettext("Keep the lab's data files at the same place in it: {files}.").format(
            files=data
        )
    return step


def _install_step(packages: list[str], gettext: Gettext) -> str:
    names = " ".join(packages)
    unix = "python3 -m venv .venv && .venv/bin/pip install " + names
    windows = "py -m venv .venv; .venv\\Scripts\\pip install " + names
    if not packages:
        unix, windows = "python3 -m venv .venv", "py -m venv .venv"
    return gettext(
        "Once, while online, make an environment for the lab in that folder. Linux and "
        "macOS: {unix} · Windows (PowerShell): {windows}"
    ).format(unix=f"`{unix.strip()}`", windows=f"`{windows.strip()}`")


def _notebook_step(stem: str, gettext: Gettext) -> str:
    tools = " ".join(NOTEBOOK_TOOLS)
    unix = f".venv/bin/pip install {tools} && .venv/bin/jupyter notebook {stem}.ipynb"
    windows = f".venv\\Scripts\\pip install {tools}; .venv\\Scripts\\jupyter notebook {stem}.ipynb"
    return gettext(
        "As a notebook in Jupyter: {unix} (Windows: {windows}). In VS Code, open {notebook} "
        "and choose the .venv environment as its kernel."
    ).format(unix=f"`{unix}`", windows=f"`{windows}`", notebook=f"`{stem}.ipynb`")


def _script_step(stem: str, gettext: Gettext) -> str:
    return gettext(
        "Or as a plain Python script, with no network: {unix} (Windows: {windows})."
    ).format(unix=f"`.venv/bin/python {stem}.py`", windows=f"`.venv\\Scripts\\python {stem}.py`")


def _hosted_line(stem: str, packages: list[str], lab: Lab, gettext: Gettext) -> str:
    uploads = [f"`{stem}.ipynb`", *(f"`{name}`" for name in packages if name.endswith(".whl"))]
    uploads += [f"`{name}`" for name in lab.data_files]
    install = f"%pip install {' '.join(packages)}" if packages else ""
    text = gettext(
        "Your course allows a hosted notebook service: upload {files} to it and open the "
        "notebook there."
    ).format(files=", ".join(uploads))
    if install:
        text += " " + gettext("Run {command} in a first cell.").format(command=f"`{install}`")
    return text
