"""The problem-code reference translated by catalog: each language's page is assembled from
``locale/<lang>/LC_MESSAGES/docs/problem-codes.po``, the example messages stay as printed,
every code keeps its anchor, and a changed summary makes exactly its entry fuzzy."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from courseware import problem_codes as codes
from courseware.cli import cli
from courseware.i18n.content_catalogs import catalog_path, read_catalog, write_catalog
from courseware.problem_reference import REFERENCE_FILE, code_anchor, problem_codes_markdown
from courseware.registry.load import load_registry
from courseware.site.staging.problem_reference import stage_problem_reference

REPO = Path(__file__).resolve().parents[3]
LANGUAGES = ("es", "pt", "fr", "ar")
SOURCE = REFERENCE_FILE.as_posix()
_BODY = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _project_with_catalogs(tmp_path: Path) -> Path:
    """The fixture project with the repository's reference and its catalogs."""
    project = tmp_path / "project"
    shutil.copytree(REPO / "tests" / "fixtures" / "project", project)
    (project / "docs").mkdir(exist_ok=True)
    shutil.copy(REPO / REFERENCE_FILE, project / REFERENCE_FILE)
    for language in (*LANGUAGES, "templates"):
        folder = "templates/docs" if language == "templates" else f"{language}/LC_MESSAGES/docs"
        shutil.copytree(REPO / "locale" / folder, project / "locale" / folder)
    return project


def _staged(project: Path) -> dict[str, str]:
    part = stage_problem_reference(load_registry(project))
    assert part.problems == []
    return {path: _BODY.sub("", content.decode("utf-8")) for path, content in part.files.items()}


def _h3_ids(page: str) -> list[str]:
    """The ids Python-Markdown gives the page's code headings, with the site's extensions."""
    html = markdown.markdown(page, extensions=["tables", "attr_list", "md_in_html", "toc"])
    return re.findall(r'<h3 id="([^"]+)"', html)


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _staged(_project_with_catalogs(tmp_path_factory.mktemp("catalogs")))


def test_the_committed_catalogs_match_the_reference() -> None:
    """The repository's reference is current, so its catalogs translate the staged page."""
    assert (REPO / REFERENCE_FILE).read_text(encoding="utf-8") == problem_codes_markdown()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_is_the_translation_with_no_fallback(
    staged: dict[str, str], language: str
) -> None:
    page = staged[f"problem-codes.{language}.md"]
    assert "cw-fallback" not in page and "cw-partial" not in page
    assert '<span lang="en"' not in page and '<div lang="en"' not in page
    assert page.count('```{.text lang="en"}') == len(codes.CODES)  # the examples, as printed
    catalog = read_catalog(catalog_path(REPO, SOURCE, language), language)
    for entry in codes.CODES.values():
        translation = str(catalog[entry.summary].string)
        assert translation and f"\n{translation}\n" in page, entry
        if translation != entry.summary:
            assert entry.summary not in page, entry
        assert f"**Fix:** {entry.fix}" not in page, entry
    for entry in (codes.URL_COLLISION, codes.UNKNOWN_FIELD):
        assert f"{entry.example} [{entry}]\n" in page  # the example, as the CLI prints it


def test_a_few_summaries_read_in_each_language(staged: dict[str, str]) -> None:
    summary = codes.UNKNOWN_FIELD.summary
    expected = {
        "es": "Un campo que el esquema no conoce (a menudo una errata).",
        "pt": "Um campo que o esquema não conhece (muitas vezes um erro de digitação).",
        "fr": "Un champ que le schéma ne connaît pas (souvent une faute de frappe).",
        "ar": "حقل لا يعرفه المخطط (غالبًا خطأ إملائي).",
    }
    assert summary == "A field the schema does not know (often a typo)."
    for language, text in expected.items():
        assert f"\n{text}\n" in staged[f"problem-codes.{language}.md"]
    assert staged["problem-codes.fr.md"].count("**Correction :**") == len(codes.CODES)


def test_every_language_keeps_the_english_anchors(staged: dict[str, str]) -> None:
    english = _h3_ids(staged["problem-codes.md"])
    in_page_order = [e for area in codes.AREAS for e in codes.CODES.values() if e.area == area]
    assert english == [code_anchor(entry) for entry in in_page_order]
    for language in LANGUAGES:
        assert _h3_ids(staged[f"problem-codes.{language}.md"]) == english, language


def test_translate_status_counts_the_reference(tmp_path: Path) -> None:
    project = _project_with_catalogs(tmp_path)
    result = CliRunner().invoke(cli, ["translate", "status", "--root", str(project)])
    assert result.exit_code == 0, result.output
    for language in LANGUAGES:
        assert f"locale/{language}/LC_MESSAGES/docs/problem-codes.po" in result.output
    rows = [line.split() for line in result.output.splitlines() if "LC_MESSAGES/docs" in line]
    counts = [row[1:] for row in rows if len(row) == 4]
    assert len(counts) == len(LANGUAGES)
    assert all(row[1:] == ["0/0", "0/0"] for row in counts)  # nothing fuzzy or untranslated


def test_a_changed_summary_makes_exactly_its_entry_fuzzy(tmp_path: Path) -> None:
    project = _project_with_catalogs(tmp_path)
    before = codes.UNKNOWN_FIELD.summary
    after = "A field the schema does not know (usually a typo)."
    changed = [
        dataclasses.replace(entry, summary=after) if entry is codes.UNKNOWN_FIELD else entry
        for entry in codes.CODES.values()
    ]
    (project / REFERENCE_FILE).write_text(problem_codes_markdown(changed), encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", "update", "--root", str(project)])
    assert result.exit_code == 0, result.output
    for language in LANGUAGES:
        catalog = read_catalog(catalog_path(project, SOURCE, language), language)
        fuzzy = [message for message in catalog if message.id and message.fuzzy]
        assert [message.id for message in fuzzy] == [after], language
        assert fuzzy[0].previous_id == [before]
        untranslated = [message.id for message in catalog if message.id and not message.string]
        assert untranslated == [], language
    diff = CliRunner().invoke(cli, ["translate", "diff", SOURCE, "es", "--root", str(project)])
    assert diff.exit_code == 0, diff.output
    assert "- (often" in diff.output and "+ (usually" in diff.output


def test_translate_start_writes_the_reference_catalog(tmp_path: Path) -> None:
    project = _project_with_catalogs(tmp_path)
    catalog_path(project, SOURCE, "es").unlink()
    start = ["translate", "start", str(project / SOURCE), "es", "--root", str(project)]
    result = CliRunner().invoke(cli, start)
    assert result.exit_code == 0, result.output
    catalog = read_catalog(catalog_path(project, SOURCE, "es"), "es")
    assert codes.UNKNOWN_FIELD.summary in catalog
    filled = {str(message.id) for message in catalog if message.id and message.string}
    assert len(filled) == 3 * len(codes.CODES)  # each code's code, slug and heading
    assert all(str(catalog[text].string) == text for text in filled)
    assert codes.UNKNOWN_FIELD.code in filled and not catalog[codes.UNKNOWN_FIELD.summary].string
    whole = CliRunner().invoke(cli, [*start, "--whole-file"])
    assert whole.exit_code != 0
    assert "translated only in a catalog" in whole.output


def test_the_built_pages_are_translated_with_the_same_anchors(tmp_path: Path) -> None:
    """Built with MkDocs: the Arabic and French pages speak their language, with no fallback,
    and every code's heading has the English page's id."""
    project = _project_with_catalogs(tmp_path)
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    site = project / "site"

    def read(folder: Path) -> BeautifulSoup:
        page = folder / "problem-codes" / "index.html"
        return BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")

    english = read(site)
    anchors = [heading.get("id") for heading in english.find_all("h3")]
    assert len(anchors) == len(codes.CODES)
    titles = {"ar": "رموز المشكلات", "fr": "Codes de problème"}
    for language, title in titles.items():
        page = read(site / language)
        heading = page.find("h1")
        assert heading is not None and heading.get_text(strip=True).startswith(title)
        assert heading.get("lang") is None
        assert page.find(class_="cw-fallback") is None and page.find(class_="cw-partial") is None
        content = page.select_one(".md-content")
        assert content is not None and content.select_one('[lang="en"]:not(code)') is None
        assert len(content.select('pre > code[lang="en"]')) == len(codes.CODES)
        assert [h.get("id") for h in page.find_all("h3")] == anchors, language


def test_a_new_code_leaves_only_its_text_to_translate(tmp_path: Path) -> None:
    """``translate update`` fills a new code's code, slug and heading entries with themselves;
    its summary and fix are the only new untranslated entries."""
    project = _project_with_catalogs(tmp_path)
    new = codes.ProblemCode(
        "CW-GEN-999", "made-up-code", "A made-up problem.", "it went wrong", "Do better."
    )
    entries = [*codes.CODES.values(), new]
    (project / REFERENCE_FILE).write_text(problem_codes_markdown(entries), encoding="utf-8")
    result = CliRunner().invoke(cli, ["translate", "update", "--root", str(project)])
    assert result.exit_code == 0, result.output
    catalog = read_catalog(catalog_path(project, SOURCE, "ar"), "ar")
    untranslated = [message.id for message in catalog if message.id and not message.string]
    assert untranslated == ["A made-up problem.", "**Fix:** Do better."]
    for identifier in ("CW-GEN-999", "`made-up-code`", "CW-GEN-999 made-up-code"):
        message = catalog[identifier]
        assert message.string == identifier and not message.fuzzy


def test_an_incomplete_catalog_shows_the_partly_translated_notice(tmp_path: Path) -> None:
    project = _project_with_catalogs(tmp_path)
    path = catalog_path(project, SOURCE, "es")
    catalog = read_catalog(path, "es")
    catalog[codes.UNKNOWN_FIELD.summary].string = ""
    write_catalog(path, catalog)
    page = _staged(project)["problem-codes.es.md"]
    assert 'class="cw-notice cw-partial"' in page and "(99 %)" in page
    assert page.lstrip().startswith('# Códigos de problema\n\n<p class="cw-notice cw-partial"')
    wrapped = f'<span lang="en">{codes.UNKNOWN_FIELD.summary}</span>'
    assert page.count(wrapped) == 2  # its table cell and its paragraph, marked as English
    assert "cw-fallback" not in page
