"""Rendering executed labs: figures as files with alt text, downloads, offline steps, no
traceback, and translations shown with the source lab's outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.labs import discover_labs, execute_labs, render_lab

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("labs-kernels")]


def test_a_lab_page_has_figures_as_files_with_alt_text_and_downloads(good_project: Path) -> None:
    labs = discover_labs(good_project)
    runs = {run.lab.id: run for run in execute_labs(labs, good_project)}
    source = next(lab for lab in labs if lab.id == "fit" and lab.language is None)
    page = render_lab(source, runs["fit"], gettext=lambda text: "»" + text)
    assert page.problems == ()
    assert sorted(page.files) == ["data/points.csv", "fit.ipynb", "fit.py", "fit_files/fit_4_0.png"]
    assert page.files["data/points.csv"] == (good_project / "labs/data/points.csv").read_bytes()
    assert page.files["fit_files/fit_4_0.png"].startswith(b"\x89PNG")
    assert page.files["fit.py"] == (good_project / "labs" / "fit.py").read_bytes()
    markdown = page.markdown
    assert markdown.startswith("# Fitting a line\n")
    assert (
        "![Scatter plot of five points with a rising fitted line](fit_files/fit_4_0.png)"
        in markdown
    )
    assert "base64" not in markdown and "Traceback" not in markdown
    assert "ZeroDivisionError: division by zero" in markdown  # the expected error, one line
    assert "(fit.ipynb)" in markdown and "(fit.py)" in markdown
    assert "»Download the notebook" in markdown and "## »Run it yourself" in markdown
    assert "(data/points.csv)" in markdown  # the data file is a download too
    assert "`.venv/bin/pip install matplotlib numpy`" not in markdown  # the header's order
    assert "`python3 -m venv .venv && .venv/bin/pip install numpy matplotlib`" in markdown
    assert "clone" not in markdown  # no repository to clone was declared


def test_a_translation_shows_its_own_prose_with_the_source_outputs(good_project: Path) -> None:
    labs = {(lab.id, lab.language): lab for lab in discover_labs(good_project)}
    runs = {run.lab.id: run for run in execute_labs(labs.values(), good_project)}
    assert sorted(runs) == ["fit", "hello"]  # translations are never executed
    page = render_lab(labs[("fit", "fr")], runs["fit"])
    assert page.markdown.startswith("# Ajuster une droite\n")
    assert "slope 2.03, intercept 0.96" in page.markdown
    assert "![Nuage de cinq points avec une droite ajustée croissante]" in page.markdown
    assert "(fit.fr_files/fit.fr_4_0.png)" in page.markdown
    assert sorted(page.files) == [
        "data/points.csv", "fit.fr.ipynb", "fit.fr.py", "fit.fr_files/fit.fr_4_0.png",
    ]  # fmt: skip
