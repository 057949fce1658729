"""Starting a translation: the header with the source's hash, and every refusal."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from courseware.errors import ContentError, UsageError
from courseware.i18n.hashing import source_hash
from courseware.i18n.headers import (
    HeaderStyle,
    TranslationHeader,
    read_translation_header,
    strip_translation_header,
)
from courseware.i18n.start import start_translation
from courseware.labs import lab_translation_skeleton, load_lab

LANGUAGES = ("en", "es", "pt", "fr", "ar")


@pytest.fixture
def project(make_project: Callable[[str], Path]) -> Path:
    return make_project("translations")


def start(project: Path, source: str | Path, language: str) -> Path:
    return start_translation(
        project, Path(source), language, LANGUAGES, "en", lab_skeleton=lab_translation_skeleton
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pages/index.md", "pages/index.ar.md"),
        ("modules/environmental-footprint/index.md", "modules/environmental-footprint/index.ar.md"),
        ("labs/device-footprint.py", "labs/device-footprint.ar.py"),
    ],
)
def test_start_writes_the_source_with_its_hash(project: Path, source: str, expected: str) -> None:
    written = start(project, source, "ar")
    assert written == project / expected
    header = read_translation_header(written)
    assert header == TranslationHeader(Path(source).name, source_hash(project / source))
    style: HeaderStyle = "jupytext" if source.endswith(".py") else "front_matter"
    body = strip_translation_header(written.read_text(encoding="utf-8"), style)
    text = (project / source).read_text(encoding="utf-8")
    if style == "jupytext":  # a lab translation carries only the lab's text
        text = lab_translation_skeleton(text, source)
    assert body == text


def test_start_accepts_an_absolute_path_and_records_translators(project: Path) -> None:
    written = start_translation(
        project, project / "pages" / "about.md", "es", LANGUAGES, "en", ["Ana", "Bo"]
    )
    header = read_translation_header(written)
    assert header is not None and header.translators == ("Ana", "Bo")


def test_start_never_overwrites(project: Path) -> None:
    before = (project / "pages" / "index.es.md").read_bytes()
    with pytest.raises(UsageError, match=r"pages/index\.es\.md already exists"):
        start(project, "pages/index.md", "es")
    assert (project / "pages" / "index.es.md").read_bytes() == before


def test_start_refuses_the_source_language(project: Path) -> None:
    with pytest.raises(UsageError, match="'en' is the source language; translate into one of"):
        start(project, "pages/index.md", "en")


def test_start_refuses_an_undeclared_language_with_a_suggestion(project: Path) -> None:
    with pytest.raises(UsageError, match="'esp' is not a language declared.*did you mean 'es'"):
        start(project, "pages/index.md", "esp")
    assert not (project / "pages" / "index.esp.md").exists()


def test_start_refuses_paths_outside_the_project(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere.md"
    outside.write_text("# Elsewhere\n", "utf-8")
    with pytest.raises(UsageError, match="outside the project"):
        start(project, outside, "es")
    with pytest.raises(UsageError, match="outside the project"):
        start(project, "pages/../../elsewhere.md", "es")


def test_start_refuses_symbolic_links(project: Path, tmp_path: Path) -> None:
    target = tmp_path / "secret.md"
    target.write_text("# Secret\n", "utf-8")
    os.symlink(target, project / "pages" / "linked.md")
    with pytest.raises(UsageError, match="pages/linked.md: symbolic links are not allowed"):
        start(project, "pages/linked.md", "es")
    assert not (project / "pages" / "linked.es.md").exists()


def test_start_refuses_a_link_in_place_of_the_translation(project: Path, tmp_path: Path) -> None:
    os.symlink(tmp_path / "nowhere.md", project / "pages" / "about.es.md")
    with pytest.raises(UsageError, match="already exists"):
        start(project, "pages/about.md", "es")
    assert not (tmp_path / "nowhere.md").exists()


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("curriculum/languages.yaml", "is not a translatable file"),
        ("modules/what-is-tinyml/notes.md", "is not a translatable file"),
        ("pages/index.es.md", "is a translation itself; start from its source, index.md"),
        ("pages/contact.md", "pages/contact.md does not exist"),
    ],
)
def test_start_refuses_what_is_not_a_source(project: Path, source: str, message: str) -> None:
    with pytest.raises(UsageError, match=message):
        start(project, source, "ar")


def test_start_refuses_a_source_that_is_not_utf8(project: Path) -> None:
    (project / "pages" / "latin.md").write_bytes(b"# Caf\xe9\n")
    with pytest.raises(ContentError) as caught:
        start(project, "pages/latin.md", "es")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.code.code) == ("pages/latin.md", 1, "CW-FILE-006")


def test_a_started_lab_translation_keeps_only_the_keys_a_translation_may_have(
    make_project: Callable[[str], Path],
) -> None:
    project = make_project("labs/good")
    (project / "labs" / "fit.fr.py").unlink()
    target = start_translation(
        project,
        Path("labs/fit.py"),
        "pt",
        ("en", "pt"),
        "en",
        lab_skeleton=lab_translation_skeleton,
    )
    header = target.read_text(encoding="utf-8").split("# ---")[1]
    assert "title: Fitting a line" in header
    assert "module:" not in header and "requirements:" not in header
    lab, problems = load_lab(target, project)
    assert problems == [] and lab is not None
    assert lab.language == "pt" and lab.module == "basics"


def test_a_started_lab_translation_holds_its_text_and_no_code(
    make_project: Callable[[str], Path],
) -> None:
    project = make_project("labs/good")
    (project / "labs" / "fit.fr.py").unlink()
    target = start_translation(
        project,
        Path("labs/fit.py"),
        "pt",
        ("en", "pt"),
        "en",
        lab_skeleton=lab_translation_skeleton,
    )
    text = target.read_text(encoding="utf-8")
    # Every line is a comment or blank: the Markdown cells, the figure entry, the header.
    assert [line for line in text.splitlines() if line and not line.startswith("#")] == []
    markers = [line for line in text.splitlines() if line.startswith("# %%")]
    assert markers == [
        "# %% [markdown] text=1",
        "# %% [markdown] text=2",
        '# %% figure=1 alt="Scatter plot of five points with a rising fitted line"',
    ]
    # The header explains the file to the translator, naming the source lab.
    assert "# # This translation holds only the lab's text." in text
    assert "which cell of fit.py each one translates" in text
    lab, _ = load_lab(target, project)
    source, _ = load_lab(project / "labs" / "fit.py", project)
    assert lab is not None and source is not None
    assert [(c.kind, c.source, c.alt_texts) for c in lab.cells] == [
        (c.kind, c.source, c.alt_texts) for c in source.cells
    ]


def test_a_lab_translation_needs_the_skeleton_writer(make_project: Callable[[str], Path]) -> None:
    project = make_project("labs/good")
    with pytest.raises(ValueError, match="lab_skeleton"):
        start_translation(project, Path("labs/fit.py"), "pt", ("en", "pt"), "en")
    assert not (project / "labs" / "fit.pt.py").exists()
