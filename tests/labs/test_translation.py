"""Prose-only lab translations: merged into their source when read, code always the source's,
new source cells shown untranslated, and every cell the merge cannot place a warning."""

from __future__ import annotations

import json
from pathlib import Path

import jupytext
import pytest

from courseware import problem_codes as codes
from courseware.errors import Problem
from courseware.i18n.content_catalogs import catalog_path, read_catalog
from courseware.i18n.lab_catalogs import lab_translation
from courseware.i18n.start import start_translation
from courseware.labs import lab_script, lab_translation_skeleton, load_lab
from courseware.site.staging import read_lab_prose

REPO = Path(__file__).resolve().parents[2]
MIGRATED = REPO / "tests" / "fixtures" / "labs" / "translated-prose"

SOURCE = """# ---
# title: Counting
# module: basics
# duration_minutes: 5
# connectivity: none
# hardware: none
# requirements: [matplotlib]
# ---

# %% [markdown]
# # Counting
#
# We count to three.

# %%
print("one, two, three")

# %% [markdown]
# Now a figure.

# %% alt="A rising line" caption="Three points"
import matplotlib.pyplot as plt

plt.plot([1, 2, 3])
plt.show()
"""

TRANSLATION = """# ---
# title: Compter
# jupyter:
#   courseware:
#     translation_of: count.py
#     source_hash: sha256:0000000000000000
# ---

# %% [markdown] text=1
# # Compter
#
# On compte jusqu'à trois.

# %% [markdown] text=2
# Maintenant une figure.

# %% figure=1 alt="Une droite montante"
"""


def translation_warnings(problems: list[Problem]) -> list[str]:
    """The problems as printed, each checked to carry the translation-cell code, without it."""
    assert {problem.code for problem in problems} <= {codes.TRANSLATION_CELL}
    return [str(problem).removesuffix(problem.code_suffix) for problem in problems]


def write(root: Path, name: str, text: str) -> Path:
    path = root / "labs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path, "count.py", SOURCE)
    write(tmp_path, "count.fr.py", TRANSLATION)
    return tmp_path


def read_translation(project: Path) -> tuple[object, list[str]]:
    lab, problems = load_lab(project / "labs" / "count.fr.py", project)
    assert lab is not None
    return lab, [str(problem) for problem in problems]


def test_the_merge_takes_prose_and_alt_text_from_the_translation_and_code_from_the_source(
    project: Path,
) -> None:
    lab, problems = load_lab(project / "labs" / "count.fr.py", project)
    assert problems == [] and lab is not None
    assert [cell.kind for cell in lab.cells] == ["markdown", "code", "markdown", "code"]
    assert lab.cells[0].source == "# Compter\n\nOn compte jusqu'à trois."
    assert lab.cells[1].source == 'print("one, two, three")'
    assert lab.cells[2].source == "Maintenant une figure."
    figure = lab.cells[3]
    assert figure.source.startswith("import matplotlib.pyplot as plt")
    assert figure.alt_texts == ("Une droite montante",)
    assert figure.caption == "Three points"  # not translated: the source's stays
    assert figure.marker_line == 17  # where its alt text is: the translation's line
    assert not any(cell.is_untranslated for cell in lab.cells)


def test_a_change_to_the_source_code_reaches_the_translation_without_a_problem(
    project: Path,
) -> None:
    source = project / "labs" / "count.py"
    source.write_text(SOURCE.replace("one, two, three", "un, deux, trois"), encoding="utf-8")
    lab, problems = load_lab(project / "labs" / "count.fr.py", project)
    assert problems == [] and lab is not None
    assert lab.code_cells[0].source == 'print("un, deux, trois")'


def test_cells_the_source_gained_show_in_the_source_language_and_are_flagged(
    project: Path,
) -> None:
    source = project / "labs" / "count.py"
    gained = (
        SOURCE + '\n# %% [markdown]\n# One more paragraph.\n\n# %% alt="A bar"\nplt.bar([1], [2])\n'
    )
    source.write_text(gained, encoding="utf-8")
    lab, problems = load_lab(project / "labs" / "count.fr.py", project)
    assert problems == [] and lab is not None
    assert [cell.is_untranslated for cell in lab.cells] == [False, False, False, False, True, True]
    assert lab.cells[4].source == "One more paragraph."
    assert lab.cells[5].alt_texts == ("A bar",)


def test_cells_the_merge_cannot_place_are_warnings_at_their_line(project: Path) -> None:
    translation = project / "labs" / "count.fr.py"
    translation.write_text(
        TRANSLATION
        + "\n# %% [markdown] text=2\n# Encore.\n"  # line 19: a repeated number
        + "\n# %% [markdown] text=3\n# Trop.\n"  # line 22: the source has two
        + "\n# %% [markdown]\n# Sans numéro.\n"  # line 25: no number
        + "\n# %%\nx = 1\n"  # line 28: code
        + "\n# %% figure=1 text=1\n"  # line 31: both
        + "\n# %% figure=0\n"  # line 33: not a cell number
        + '\n# %% alt="Sans numéro"\n'  # line 35: a figure entry without its number
        + "\n# %% [markdown] figure=2\n# Mal placé.\n",  # line 37: a figure key on Markdown
        encoding="utf-8",
    )
    lab, problems = load_lab(translation, project)
    assert lab is not None  # warnings never stop a translation from being read
    assert [cell.source for cell in lab.cells if cell.kind == "markdown"] == [
        "# Compter\n\nOn compte jusqu'à trois.",
        "Maintenant une figure.",
    ]
    assert lab.cells[3].alt_texts == ("Une droite montante",)
    assert {problem.severity for problem in problems} == {"warning"}
    assert translation_warnings(problems) == [
        "labs/count.fr.py:19: warning: text: text=2 is already translated at line 14; "
        "this cell is unused",
        "labs/count.fr.py:22: warning: text: labs/count.py has 2 Markdown cells, so text=3 "
        "translates nothing; renumber this cell or delete it",
        "labs/count.fr.py:25: warning: this Markdown cell says no cell it translates; start it "
        "with '# %% [markdown] text=N', N counting the Markdown cells of labs/count.py",
        "labs/count.fr.py:28: warning: a translation carries no code (the code comes from "
        'labs/count.py); delete this cell, or make it a figure entry: # %% figure=N alt="..."',
        "labs/count.fr.py:31: warning: a cell is either text=N (a Markdown cell) or figure=N "
        "(a figure), not both",
        "labs/count.fr.py:33: warning: figure: figure=0 is not a cell number; write figure=1 "
        "for the first",
        "labs/count.fr.py:35: warning: this figure entry says no figure it translates; write "
        "'# %% figure=N alt=...', N counting the figure cells of labs/count.py",
        "labs/count.fr.py:37: warning: figure: figure=2 is on the wrong kind of cell; this one "
        "is # %% [markdown] text=N",
    ]


def test_a_marker_line_jupytext_cannot_read_is_a_warning_at_its_line(project: Path) -> None:
    translation = project / "labs" / "count.fr.py"
    broken = 'alt="Une "droite" montante"'  # an unescaped quote inside the text
    translation.write_text(TRANSLATION.replace('alt="Une droite montante"', broken), "utf-8")
    lab, problems = load_lab(translation, project)
    assert lab is not None and lab.cells[3].is_untranslated
    assert lab.cells[3].alt_texts == ("A rising line",)
    assert translation_warnings(problems) == [
        "labs/count.fr.py:17: warning: this '# %%' line cannot be read; write its texts in "
        'double quotes, with \\" for a quote inside: # %% figure=1 alt="A \\"quoted\\" word"'
    ]


def test_code_under_a_figure_entry_is_ignored_with_a_warning(project: Path) -> None:
    translation = project / "labs" / "count.fr.py"
    translation.write_text(TRANSLATION + "plt.plot([3, 2, 1])\n", encoding="utf-8")
    lab, problems = load_lab(translation, project)
    assert lab is not None and lab.cells[3].alt_texts == ("Une droite montante",)
    assert lab.cells[3].source.endswith("plt.plot([1, 2, 3])\nplt.show()")
    assert translation_warnings(problems) == [
        "labs/count.fr.py:18: warning: figure: the code under a figure entry is ignored (it "
        "comes from labs/count.py); delete it and keep the '# %%' line"
    ]


def test_alt_texts_for_another_number_of_figures_give_way_to_the_source_s(
    project: Path,
) -> None:
    translation = project / "labs" / "count.fr.py"
    text = TRANSLATION.replace('alt="Une droite montante"', 'alt=["Une droite", "Une autre"]')
    translation.write_text(text, encoding="utf-8")
    lab, problems = load_lab(translation, project)
    assert lab is not None and lab.cells[3].alt_texts == ("A rising line",)
    assert translation_warnings(problems) == [
        "labs/count.fr.py:17: warning: alt: figure=1 has 2 alt texts and its figure in "
        "labs/count.py:21 has 1; give one per figure (the source's are shown meanwhile)"
    ]


def test_the_downloaded_script_is_the_merged_lab(project: Path) -> None:
    lab, _ = load_lab(project / "labs" / "count.fr.py", project)
    assert lab is not None
    script = lab_script(lab).decode("utf-8")
    assert script.startswith("# ---\n# title: Compter\n")
    assert "source_hash: sha256:0000000000000000" in script
    compile(script, "count.fr.py", "exec")  # a runnable Python script
    notebook = jupytext.reads(script, fmt="py:percent")
    cells = [cell for cell in notebook.cells if cell.cell_type != "raw"]
    assert [(cell.cell_type, cell.source) for cell in cells] == [
        (cell.kind, cell.source) for cell in lab.cells
    ]
    assert cells[3].metadata == {"alt": "Une droite montante", "caption": "Three points"}
    assert '# %% alt="Une droite montante" caption="Three points"' in script  # readable


def test_the_downloaded_script_drops_the_note_that_says_the_file_has_no_code(
    project: Path,
) -> None:
    (project / "labs" / "count.fr.py").unlink()
    translation = start_translation(
        project,
        Path("labs/count.py"),
        "fr",
        ("en", "fr"),
        "en",
        lab_skeleton=lab_translation_skeleton,
    )
    assert "# # This translation holds only the lab's text." in translation.read_text("utf-8")
    lab, problems = load_lab(translation, project)
    assert problems == [] and lab is not None
    script = lab_script(lab).decode("utf-8")
    assert "This translation holds only" not in script
    assert script.startswith("# ---\n# title: Counting\n# jupyter:\n#   courseware:\n")
    assert 'print("one, two, three")' in script


def test_the_migrated_footprint_translations_keep_their_text_cell_for_cell() -> None:
    """The fixture holds each translation's Markdown cells and figure texts as read from the
    full-copy files before they became prose-only (see its ``made_from``); the translations
    now live in catalogs (``locale/<lang>/LC_MESSAGES/labs/device-footprint.po``), and the lab
    assembled from each has exactly that text."""
    prose = read_lab_prose(REPO, "labs/device-footprint.py")
    assert prose is not None
    for language in ("es", "pt"):
        path = catalog_path(REPO, "labs/device-footprint.py", language)
        translated = lab_translation(prose, read_catalog(path, language))
        before = json.loads((MIGRATED / f"device-footprint.{language}.json").read_text("utf-8"))
        assert translated.title == before["title"]
        assert [translated.cells[cell.number] for cell in prose.cells] == before["markdown"]
        figures = [
            {"alt": list(alt_texts), "caption": caption}
            for alt_texts, caption in (translated.figures[f.number] for f in prose.figures)
        ]
        assert figures == before["figures"]
        assert translated.counts is not None and translated.counts.percent == 100
        assert not (REPO / "labs" / f"device-footprint.{language}.py").exists()
