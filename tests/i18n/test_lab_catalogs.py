"""Labs translated by paragraph: a lab's catalog (title, each unit of each Markdown cell, each
figure's alt text), its staleness by entry, its page assembled from the catalog, and the move
of the prose-only translations (``labs/<id>.<lang>.py``) into catalogs without loss."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner
from tests.conftest import copy_project

from courseware.cli import cli
from courseware.i18n.content_catalogs import catalog_path, read_catalog, write_catalog
from courseware.i18n.hashing import source_hash
from courseware.i18n.headers import TranslationHeader, add_translation_header
from courseware.i18n.tracking import translation_status
from courseware.registry.load import load_registry
from courseware.site.staging import read_lab_facts, read_lab_prose
from courseware.site.staging.labs import stage_labs

REPO = Path(__file__).resolve().parents[2]
GOOD = REPO / "tests" / "fixtures" / "labs" / "good"
LAB = "labs/fit.py"
EXTRA_CELL = "\n# %% [markdown]\n# Try another data file of your own.\n"

SPANISH = {
    "Fitting a line": "Ajustar una recta",
    "We fit a line to a few points read from a data file.": (
        "Ajustamos una recta a unos puntos leídos de un archivo de datos."
    ),
    "A division by zero raises an error, which this cell shows on purpose.": (
        "Una división por cero produce un error, que esta celda muestra a propósito."
    ),
    "Scatter plot of five points with a rising fitted line": (
        "Diagrama de dispersión de cinco puntos con una recta ajustada ascendente"
    ),
    "Try another data file of your own.": "Prueba con otro archivo de datos tuyo.",
}


def _run(project: Path, *arguments: str) -> str:
    result = CliRunner().invoke(cli, [*arguments, "--root", str(project)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result.output


def _lab_project(tmp_path: Path) -> Path:
    """The fixture project with the ``fit`` lab (and one more Markdown cell, so that it has six
    entries' worth of units), listed by a module, and no prose-only translation."""
    project = copy_project("project", tmp_path)
    shutil.copytree(GOOD / "labs", project / "labs")
    for unused in ("hello.py", "fit.fr.py"):
        (project / "labs" / unused).unlink()
    source = project / LAB
    source.write_text(source.read_text(encoding="utf-8") + EXTRA_CELL, encoding="utf-8")
    base = REPO / "tests" / "fixtures" / "faults" / "base"
    folder = project / "modules" / "basics"
    folder.mkdir(parents=True)
    spec = (base / "modules" / "intro" / "module.yaml").read_text(encoding="utf-8")
    spec = spec.replace("id: intro", "id: basics")
    (folder / "module.yaml").write_text(spec + "labs: [fit]\n", encoding="utf-8")
    (folder / "index.md").write_text("# Basics\n\nIt lists the lab.\n", encoding="utf-8")
    topics = project / "curriculum" / "topics.yaml"
    if not topics.exists():
        shutil.copy(base / "curriculum" / "topics.yaml", topics)
    return project


def _translate(project: Path, language: str, texts: dict[str, str]) -> None:
    path = catalog_path(project, LAB, language)
    catalog = read_catalog(path, language)
    for message in catalog:
        if message.id in texts:
            message.string = texts[str(message.id)]
    write_catalog(path, catalog)


def test_a_lab_catalog_has_the_title_each_unit_and_each_alt_text_with_its_cell(
    tmp_path: Path,
) -> None:
    project = _lab_project(tmp_path)
    output = _run(project, "translate", "start", str(project / LAB), "es")
    assert "Wrote locale/es/LC_MESSAGES/labs/fit.po" in output
    assert not (project / "labs" / "fit.es.py").exists()
    text = catalog_path(project, LAB, "es").read_text(encoding="utf-8")
    assert "#. title\n#. cell 1\n#: labs/fit.py:2 labs/fit.py:12\n" in text
    assert '#. cell 1\n#: labs/fit.py:14\nmsgid "We fit a line' in text
    assert "#. figure 1 alt\n#: labs/fit.py:33\n" in text
    assert '#. cell 3\n#: labs/fit.py:40\n#, no-wrap\nmsgid "Try another' not in text  # a paragraph
    assert '#. cell 3\n#: labs/fit.py:40\nmsgid "Try another data file of your own."' in text
    _run(project, "translate", "update")
    assert (project / "locale" / "templates" / "labs" / "fit.pot").is_file()
    whole = _run(project, "translate", "start", "--whole-file", str(project / LAB), "fr")
    assert (project / "labs" / "fit.fr.py").is_file(), whole  # the old prose-only file


def test_a_one_word_change_in_one_lab_cell_makes_exactly_one_entry_fuzzy(tmp_path: Path) -> None:
    project = _lab_project(tmp_path)
    _run(project, "translate", "start", str(project / LAB), "es")
    _translate(project, "es", SPANISH)
    status = json.loads(_run(project, "translate", "status", "--format", "json"))
    entry = next(
        e
        for language in status["languages"]
        if language["code"] == "es"
        for e in language["entries"]
        if e["kind"] == "lab"
    )
    assert entry["state"] == "translated"
    assert entry["units"]["units"] == {"translated": 6, "fuzzy": 0, "untranslated": 0}
    source = project / LAB
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("a few points", "some points"), encoding="utf-8")
    assert "Updated locale/es/LC_MESSAGES/labs/fit.po" in _run(project, "translate", "update")
    with catalog_path(project, LAB, "es").open("rb") as handle:
        fuzzy = [m.id for m in read_po(handle) if m.id and m.fuzzy]
    assert fuzzy == ["We fit a line to some points read from a data file."]
    po_text = catalog_path(project, LAB, "es").read_text(encoding="utf-8")
    assert '#| msgid "We fit a line to a few points read from a data file."' in po_text
    diff = _run(project, "translate", "diff", LAB, "es")
    assert "labs/fit.py:14 (cell 1): the source changed since it was translated" in diff
    assert "- a few" in diff and "+ some" in diff
    assert "translation: Ajustamos una recta a unos puntos" in diff
    status_text = _run(project, "translate", "status", "--lang", "es")
    assert "83 % translated: 1 units changed in the source since, 0 not translated" in status_text


def _staged_labs(project: Path) -> dict[str, str]:
    registry = load_registry(project)
    report = translation_status(project, registry.language_codes, "en", read_lab_prose)
    staged = stage_labs(registry, report=report)
    assert not [p for p in staged.problems if p.severity == "error"], staged.problems
    return {
        name: data.decode("utf-8")
        for name, data in staged.files.items()
        if name.endswith((".md", ".py", ".ipynb"))
    }


@pytest.mark.slow
@pytest.mark.xdist_group("lab-site")
def test_a_half_translated_lab_says_so_and_is_listed_only_when_complete(tmp_path: Path) -> None:
    project = _lab_project(tmp_path)
    _run(project, "translate", "start", str(project / LAB), "es")
    _run(project, "translate", "start", str(project / LAB), "pt")
    half = {key: SPANISH[key] for key in list(SPANISH)[:2]}  # title + heading, one paragraph
    _translate(project, "es", half)
    portuguese = {key: f"PT {value}" for key, value in SPANISH.items()}
    _translate(project, "pt", {k: v for k, v in portuguese.items() if k != list(SPANISH)[-1]})
    files = _staged_labs(project)
    page = files["labs/fit.es.md"]
    assert "(50 %)" in page and "cw-partial" in page
    assert "# Ajustar una recta" in page
    assert "Ajustamos una recta a unos puntos" in page
    assert '<span lang="en">A division by zero raises an error' in page
    assert "![Scatter plot of five points" in page  # the alt text, untranslated
    script = files["labs/fit-es/fit.es.py"]
    assert '# title: "Ajustar una recta"' in script and "# # Ajustar una recta" in script
    assert "<span" not in script and "A division by zero" in script  # plain text downloaded
    notebook = json.loads(files["labs/fit-es/fit.es.ipynb"])
    markdown = "".join(
        "".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown"
    )
    assert "Ajustamos una recta" in markdown and "<span" not in markdown
    # Portuguese is one entry short of complete (83 %): not listed as Portuguese.
    assert "(83 %)" in files["labs/fit.pt.md"]
    assert "PT Ajustar una recta" not in files["labs/index.pt.md"]
    assert 'lang="en"' in files["labs/index.pt.md"]
    assert ("fit", "pt") not in read_lab_facts(project).titles
    _translate(project, "pt", portuguese)
    files = _staged_labs(project)
    assert "PT Ajustar una recta" in files["labs/index.pt.md"]
    assert "cw-partial" not in files["labs/fit.pt.md"]
    assert read_lab_facts(project).titles[("fit", "pt")] == "PT Ajustar una recta"


def _lab_pages(files: dict[str, str]) -> dict[str, str]:
    return {
        name: "\n".join(line for line in text.splitlines() if line.strip())
        for name, text in files.items()
        if name.startswith("labs/fit.") and name.endswith(".md")
    }


@pytest.mark.slow
@pytest.mark.xdist_group("lab-site")
def test_migrating_a_prose_only_lab_translation_keeps_its_page_text(tmp_path: Path) -> None:
    """The bundled labs' translations moved into catalogs this way (their text, cell for cell,
    is checked against the files they came from in tests/labs/test_translation.py)."""
    project = _lab_project(tmp_path)
    source = project / LAB
    source.write_text(source.read_text(encoding="utf-8").removesuffix(EXTRA_CELL), "utf-8")
    translation = project / "labs" / "fit.fr.py"
    shutil.copy(GOOD / "labs" / "fit.fr.py", translation)
    header = TranslationHeader("fit.py", source_hash(source))
    text = translation.read_text(encoding="utf-8")
    translation.write_text(add_translation_header(text, header, "jupytext"), "utf-8")
    before = _staged_labs(project)
    assert "Ajuster une droite" in before["labs/fit.fr.md"]
    output = _run(project, "translate", "migrate")
    assert "labs/fit.fr.py -> locale/fr/LC_MESSAGES/labs/fit.po" in output
    assert not translation.exists()
    after = _staged_labs(project)
    pages_before, pages_after = _lab_pages(before), _lab_pages(after)
    assert "labs/fit.fr.md" in pages_before
    assert pages_after.keys() == pages_before.keys()
    for name, page in pages_before.items():
        assert pages_after[name] == page, name
    assert "cw-partial" not in pages_after["labs/fit.fr.md"]
    name = "labs/fit-fr/fit.fr.ipynb"
    cells = [json.loads(files[name])["cells"] for files in (before, after)]
    assert cells[0] == cells[1]


def test_a_lab_at_99_percent_is_not_listed_in_that_language(tmp_path: Path) -> None:
    project = _lab_project(tmp_path)
    source = project / LAB
    paragraphs = "\n#\n".join(f"# Paragraph number {n} of the long cell." for n in range(94))
    source.write_text(
        source.read_text(encoding="utf-8") + f"\n# %% [markdown]\n{paragraphs}\n",
        encoding="utf-8",
    )
    _run(project, "translate", "start", str(project / LAB), "fr")
    path = catalog_path(project, LAB, "fr")
    catalog = read_catalog(path, "fr")
    messages = [m for m in catalog if m.id]
    for message in messages:
        message.string = f"FR {message.id}"
    messages[-1].string = ""
    write_catalog(path, catalog)
    status = _run(project, "translate", "status", "--lang", "fr")
    assert "99 % translated: 0 units changed in the source since, 1 not translated" in status
    assert ("fit", "fr") not in read_lab_facts(project).titles
    messages[-1].string = "FR last"
    write_catalog(path, catalog)
    assert read_lab_facts(project).titles[("fit", "fr")] == "FR Fitting a line"
    status = _run(project, "translate", "status", "--lang", "fr")
    assert re.search(r"LC_MESSAGES/labs/fit\.po +100/\d+ +0/0 +0/0", status), status


@pytest.mark.slow
@pytest.mark.xdist_group("lab-site")
def test_a_changed_lab_paragraph_is_marked_on_the_page_there_only(tmp_path: Path) -> None:
    project = _lab_project(tmp_path)
    _run(project, "translate", "start", str(project / LAB), "es")
    _translate(project, "es", SPANISH)
    source = project / LAB
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("a few points", "some points"), encoding="utf-8")
    _run(project, "translate", "update")
    files = _staged_labs(project)
    page = files["labs/fit.es.md"]
    assert page.count("cw-changed") == 1
    marked = next(line for line in page.splitlines() if "cw-changed" in line)
    assert marked.startswith("Ajustamos una recta a unos puntos")
    assert "(83 %)" in page  # five of six units translated; the fuzzy one is not
    assert "cw-changed" not in files["labs/fit-es/fit.es.py"]  # downloads carry plain text
    assert "Ajustamos una recta a unos puntos" in files["labs/fit-es/fit.es.py"]
