"""An offline copy as a student uses it: unzipped to a folder and opened from ``file://`` in
Chromium, from the syllabus to a module and its lab, then searching; every request the
browser makes is recorded, and none may leave the file system."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from courseware.cli import cli

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("site-build")]

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("bundle-browser") / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "bundle", project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    return project


def _bundle(project: Path, destination: Path, *args: str) -> Path:
    """Run ``courseware bundle`` and unzip what it wrote; return the copy's folder."""
    out = destination / "bundle.zip"
    result = CliRunner().invoke(cli, ["bundle", *args, "--root", str(project), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: {out.stat().st_size:,} bytes" in result.output
    with zipfile.ZipFile(out) as archive:
        archive.extractall(destination / "unzipped")
    (folder,) = (destination / "unzipped").iterdir()
    return folder


class _Recorder:
    """Every request and every error of one browser page."""

    def __init__(self, page: Any) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


def test_student_navigates_and_searches_an_english_copy_offline(
    project: Path, tmp_path: Path, page: Any
) -> None:
    copy = _bundle(project, tmp_path, "short-course", "--lang", "en")
    recorder = _Recorder(page)
    page.goto((copy / "index.html").as_uri())
    assert page.locator("h1").first.inner_text().startswith("A short course")

    page.click("table.cw-syllabus a:text('Footprint')")
    assert page.url == (copy / "modules" / "footprint" / "index.html").as_uri()
    assert page.locator("h1").first.inner_text().startswith("Footprint")

    page.click("aside.cw-module-card a:text('bundle-lab')")
    assert page.url == (copy / "labs" / "bundle-lab" / "index.html").as_uri()
    assert "5 grams of CO2e" in page.inner_text("article")
    notebook = page.locator("a[href$='.ipynb']").first.get_attribute("href")
    assert (copy / "labs" / "bundle-lab" / notebook).is_file()

    page.click(".md-sidebar--primary a:has-text('Search')")
    assert page.url == (copy / "search" / "index.html").as_uri()
    page.fill("#cw-search-input", "wombat")
    first = page.locator("#cw-search-results li a").first
    assert first.inner_text() == "Footprint › Exercise"
    first.click()
    assert page.url == (copy / "modules/footprint/index.html").as_uri() + "#exercise"

    page.goto((copy / "search" / "index.html").as_uri() + "?q=quokka")
    page.locator("#cw-search-results li a").first.click()
    assert page.url == (copy / "labs" / "bundle-lab" / "index.html").as_uri()

    assert len(recorder.requests) > 10
    assert [url for url in recorder.requests if not url.startswith("file://")] == []
    assert recorder.errors == []


def test_spanish_copy_speaks_spanish_and_search_ignores_accents(
    project: Path, tmp_path: Path, page: Any
) -> None:
    copy = _bundle(project, tmp_path, "curso-corto")
    assert copy.name == "curso-corto-es"
    recorder = _Recorder(page)
    page.goto((copy / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "es"
    page.click("table.cw-syllabus a:text('Introducción')")
    assert "pangolín" in page.inner_text("article")

    page.goto((copy / "search" / "index.html").as_uri())
    page.fill("#cw-search-input", "PANGOLIN")
    page.locator("#cw-search-results li a").first.click()
    assert page.url.startswith((copy / "modules" / "intro" / "index.html").as_uri())

    assert [url for url in recorder.requests if not url.startswith("file://")] == []
    assert recorder.errors == []
