"""Reading lab sources: headers, cell lines, translations, and every problem at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from courseware.errors import ContentError
from courseware.labs import discover_labs, load_labs, read_lab

HEADER = (
    "# ---\n# title: T\n# module: basics\n# duration_minutes: 5\n"
    "# connectivity: none\n# hardware: none\n# ---\n\n"
)


def write_lab(root: Path, name: str, text: str) -> Path:
    path = root / "labs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_the_header_and_the_file_line_of_every_cell(good_project: Path) -> None:
    lab = read_lab(good_project / "labs" / "fit.py", good_project)
    assert (lab.id, lab.language, lab.title, lab.module) == (
        "fit",
        None,
        "Fitting a line",
        "basics",
    )
    assert (lab.duration_minutes, lab.connectivity, lab.hardware) == (10, "none", "none")
    assert lab.requirements == ("numpy", "matplotlib")
    assert lab.data_files == ("data/points.csv",)
    assert lab.timeout_seconds == 60
    assert lab.relative_path == "labs/fit.py"
    lines = (good_project / "labs" / "fit.py").read_text().splitlines()
    for cell in lab.cells:
        first = cell.source.splitlines()[0]
        if cell.kind == "code":
            assert lines[cell.line - 1] == first
        assert lines[cell.marker_line - 1].startswith("# %%")
    assert lab.code_cells[1].tags == ("raises-exception",)
    assert lab.code_cells[2].alt_texts == ("Scatter plot of five points with a rising fitted line",)


def test_a_translation_takes_its_settings_and_code_from_the_source_lab(
    good_project: Path,
) -> None:
    labs = {(lab.id, lab.language): lab for lab in discover_labs(good_project)}
    source, translation = labs[("fit", None)], labs[("fit", "fr")]
    assert translation.title == "Ajuster une droite"
    assert translation.module == source.module
    assert translation.data_files == source.data_files
    assert translation.relative_path == "labs/fit.fr.py"
    assert [c.kind for c in translation.cells] == [c.kind for c in source.cells]
    assert [c.source for c in translation.code_cells] == [c.source for c in source.code_cells]
    assert translation.code_cells[1].tags == ("raises-exception",)
    assert translation.cells[0].source.startswith("# Ajuster une droite")
    lines = (good_project / "labs" / "fit.fr.py").read_text().splitlines()
    for cell in translation.cells:  # the prose and the alt text are at the translation's lines
        if cell.kind == "markdown":
            assert lines[cell.line - 1] == "# " + cell.source.splitlines()[0]
        if cell.is_figure:
            assert lines[cell.marker_line - 1].startswith("# %% figure=1 alt=")


def test_every_header_problem_is_reported_at_once_with_its_line(tmp_path: Path) -> None:
    write_lab(
        tmp_path,
        "bad.py",
        "# ---\n# title: Bad\n# module: Not A Slug\n# duration_minutes: '20'\n"
        "# connectivity: sometimes\n# hardwar: none\n# ---\nx = 1\n",
    )
    write_lab(tmp_path, "nohead.py", "x = 1\n")
    write_lab(tmp_path, "data.py", HEADER.replace("# ---\n\n", "# data_files: [../x.csv]\n# ---\n"))
    labs, problems = load_labs(tmp_path)
    assert labs == []
    text = [str(p) for p in problems]

    def has(start: str) -> bool:
        return any(t.startswith(start) for t in text)

    assert "labs/bad.py:3: module: 'Not A Slug' is not in the expected form" in text[0]
    assert has("labs/bad.py:4: duration_minutes:")
    assert has("labs/bad.py:5: connectivity: 'sometimes'")
    assert any(
        "labs/bad.py:6: hardwar: unknown field 'hardwar'; did you mean 'hardware'" in t
        for t in text
    )
    assert has("labs/bad.py:2: hardware: required field is missing")
    assert any(
        t.startswith("labs/data.py:7: data_files: '../x.csv' must be a path inside labs/")
        for t in text
    )
    assert has("labs/nohead.py:1: a lab starts with a '# ---' header")
    with pytest.raises(ContentError) as raised:
        discover_labs(tmp_path)
    assert len(raised.value.problems) == len(problems)


def test_a_translation_without_source_and_with_its_own_settings(tmp_path: Path) -> None:
    write_lab(tmp_path, "lonely.fr.py", "# ---\n# title: Seul\n# ---\nx = 1\n")
    write_lab(tmp_path, "solo.py", HEADER + "x = 1\n")
    write_lab(tmp_path, "solo.de.py", "# ---\n# title: Allein\n# module: other\n# ---\nx = 1\n")
    _, problems = load_labs(tmp_path)
    text = sorted(str(p) for p in problems)
    assert text == [
        "labs/lonely.py: a translation needs its source lab labs/lonely.py; add it first"
        " [CW-LAB-008 source-lab-missing]",
        "labs/solo.de.py:3: module: a translation takes this from the source lab; remove it here"
        " [CW-LAB-005 inherited-field]",
    ]
