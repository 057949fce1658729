""" "Run it yourself" from the lab's header: exactly its requirements, the wheel only when the
lab needs the course's libraries, commands for each system, the repository only if declared."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from courseware.labs import read_lab
from courseware.labs.instructions import RunSettings, RuntimeOffer, run_it_yourself
from courseware.labs.source import Lab

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "labs" / "good"
REPO = Path(__file__).resolve().parents[2]
WHEEL = RuntimeOffer(
    filename="tinyml_courseware_labs-0.1.0-py3-none-any.whl",
    href="tinyml_courseware_labs-0.1.0-py3-none-any.whl",
    size_text="110 KB",
)


def lab(name: str, root: Path = FIXTURE) -> Lab:
    return read_lab(root / "labs" / f"{name}.py", root)


def test_a_numpy_lab_asks_for_its_own_packages_and_not_for_the_wheel() -> None:
    text = run_it_yourself(lab("fit"), "fit", RunSettings(runtime=WHEEL), str)
    assert "This lab needs Python 3.11 or newer and: `numpy`, `matplotlib`." in text
    assert "tinyml_courseware_labs" not in text
    assert "`python3 -m venv .venv && .venv/bin/pip install numpy matplotlib`" in text
    assert "`py -m venv .venv; .venv\\Scripts\\pip install numpy matplotlib`" in text
    assert "`.venv/bin/python fit.py`" not in text  # fit shows an exception: notebook only
    assert "Keep the lab's data files at the same place in it: `data/points.csv`." in text


def test_a_lab_without_requirements_installs_nothing() -> None:
    text = run_it_yourself(lab("hello"), "hello", RunSettings(runtime=WHEEL), str)
    assert "needs Python 3.11 or newer and nothing else" in text
    assert "`python3 -m venv .venv`" in text and "pip install  " not in text
    assert "`.venv/bin/python hello.py` (Windows: `.venv\\Scripts\\python hello.py`)" in text


def test_a_lab_of_the_course_libraries_offers_the_wheel_with_its_size() -> None:
    footprint = lab("device-footprint", REPO)
    text = run_it_yourself(footprint, "device-footprint", RunSettings(runtime=WHEEL), str)
    assert f"`{WHEEL.filename}`, 110 KB" in text
    assert f".venv/bin/pip install numpy matplotlib {WHEEL.filename}`" in text
    assert "`.venv/bin/jupyter notebook device-footprint.ipynb`" in text.replace(
        ".venv/bin/pip install notebook && ", ""
    )
    assert "`.venv/bin/python device-footprint.py`" in text


def test_the_repository_and_a_hosted_service_appear_only_where_the_project_declares_them() -> None:
    footprint = lab("device-footprint", REPO)
    plain = run_it_yourself(footprint, "device-footprint", RunSettings(runtime=WHEEL), str)
    assert "https://" not in plain and "hosted" not in plain
    settings = RunSettings(
        runtime=WHEEL, repo_url="https://example.org/course", hosted_notebooks=True
    )
    text = run_it_yourself(footprint, "device-footprint", settings, str)
    assert "are at <https://example.org/course>." in text
    assert f"upload `device-footprint.ipynb`, `{WHEEL.filename}` to it" in text
    assert f"`%pip install numpy matplotlib {WHEEL.filename}`" in text


def test_hardware_and_network_are_stated() -> None:
    board = replace(lab("hello"), hardware="Arduino Nano 33 BLE", connectivity="required")
    text = run_it_yourself(board, "hello", RunSettings(), str)
    assert "You also need this hardware: Arduino Nano 33 BLE." in text
    assert "This lab needs a network connection while it runs." in text
