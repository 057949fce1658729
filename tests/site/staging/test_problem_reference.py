"""The problem-code reference on the site: the repository's page in English, and, in a project
without the reference's catalogs (the fixture), every other language's page is the English one
under the fallback notice, marked as English (``test_problem_reference_catalogs.py`` covers the
pages assembled from catalogs)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from courseware import problem_codes as codes
from courseware.cli import cli
from courseware.problem_reference import problem_codes_markdown
from courseware.registry.load import load_registry
from courseware.site.staging.problem_reference import stage_problem_reference

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project with the repository's contribute pages, built once."""
    project = tmp_path_factory.mktemp("reference") / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "project", project)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    for page in (REPO / "pages").glob("contribute*.md"):
        shutil.copy(page, project / "pages" / page.name)
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    return project / "site"


def _staged_pages(project: Path) -> dict[str, str]:
    part = stage_problem_reference(load_registry(project))
    assert part.problems == []
    return {path: content.decode("utf-8") for path, content in part.files.items()}


def _front_matter(page: str) -> dict[str, object]:
    _, meta, _ = page.split("---\n", 2)
    data = json.loads(meta)
    assert isinstance(data, dict)
    return data


def test_the_reference_is_staged_once_per_language(project: Path) -> None:
    pages = _staged_pages(project)
    languages = load_registry(project).language_codes
    assert sorted(pages) == sorted(
        "problem-codes.md" if code == "en" else f"problem-codes.{code}.md" for code in languages
    )
    english = pages["problem-codes.md"]
    assert english.endswith(problem_codes_markdown())
    assert "This page is not translated" not in english


def test_other_languages_show_the_english_page_under_the_fallback_notice(project: Path) -> None:
    spanish = _staged_pages(project)["problem-codes.es.md"]
    assert '# Problem codes {: lang="en" }' in spanish
    assert 'class="cw-notice cw-fallback"' in spanish
    assert "no está traducida al español; se muestra en inglés" in spanish
    assert '<div lang="en" markdown="1">' in spanish
    assert f"### {codes.URL_COLLISION.code} {codes.URL_COLLISION.slug}" in spanish
    meta = _front_matter(spanish)["courseware"]
    assert isinstance(meta, dict)
    assert meta["title_language"] == meta["text_language"] == {"lang": "en"}


def test_the_built_page_lists_every_code_with_an_anchor(built_site: Path) -> None:
    english = BeautifulSoup(
        (built_site / "problem-codes" / "index.html").read_text(), "html.parser"
    )
    anchors = {heading.get("id") for heading in english.find_all("h3")}
    for entry in codes.CODES.values():
        assert f"{entry.code.lower()}-{entry.slug}" in anchors, entry
    arabic = BeautifulSoup(
        (built_site / "ar" / "problem-codes" / "index.html").read_text(), "html.parser"
    )
    title = arabic.find("h1")
    assert title is not None and (title.get("lang"), title.get("dir")) == ("en", "ltr")
    assert arabic.find("div", attrs={"lang": "en", "dir": "ltr"}) is not None


def test_the_contribute_page_links_to_the_reference(built_site: Path) -> None:
    for folder in (built_site, built_site / "es", built_site / "ar"):
        page = BeautifulSoup((folder / "contribute" / "index.html").read_text(), "html.parser")
        hrefs = {link.get("href") for link in page.find_all("a")}
        assert "../problem-codes/" in hrefs, folder
