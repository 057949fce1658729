"""`courseware build` end to end on a small fixture project: output, escaping, atomicity."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from courseware import problem_codes as codes
from courseware.cli import cli
from courseware.problem_codes import ProblemCode

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("site-build")]


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _reports(lines: list[str], file: str, code: ProblemCode) -> bool:
    """Whether exactly one of ``lines`` reports a problem of ``file`` with ``code``."""
    found = [ln for ln in lines if ln.startswith(f"{file}: ") and ln.endswith(f" [{code}]")]
    return len(found) == 1


def _build(project: Path, runner: CliRunner) -> tuple[int, str]:
    result = runner.invoke(cli, ["build", "--root", str(project)])
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_build_writes_catalog_and_offering_pages_per_language(
    project: Path, runner: CliRunner
) -> None:
    code, output = _build(project, runner)
    assert code == 0, output
    site = project / "site"
    catalog = (site / "catalog" / "index.html").read_text(encoding="utf-8")
    assert 'id="catalog-course"' in catalog and 'id="catalog-workshop"' in catalog
    assert "UNIFEI IESTI01" in catalog
    spanish = (site / "es" / "catalog" / "index.html").read_text(encoding="utf-8")
    assert "portugués" in spanish  # language names come from Babel, in the reader's language
    for language in ("", "es/", "pt/", "fr/", "ar/"):
        assert (site / f"{language}offerings" / "unifei-iesti01" / "index.html").is_file()
    assert not list(project.glob(".site.*")), "temporary folders are cleaned up"


def test_offering_page_has_schema_org_course_json_ld(project: Path, runner: CliRunner) -> None:
    assert _build(project, runner)[0] == 0
    page = (project / "site" / "offerings" / "tinyml-at-aau-2023" / "index.html").read_text()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert match
    data = json.loads(match.group(1))
    assert data["@type"] == "Course"
    assert data["hasCourseInstance"][0]["@type"] == "CourseInstance"
    assert data["hasCourseInstance"][0]["courseMode"] == "onsite"
    assert data["hasCourseInstance"][0]["location"]["address"]["addressCountry"] == "ET"


def test_registry_text_is_escaped_in_every_html_context(project: Path, runner: CliRunner) -> None:
    offering = project / "curriculum" / "offerings" / "escaping.yaml"
    offering.write_text(
        "id: escaping\nkind: workshop\n"
        "title: 'Quotes \" and [link](javascript:alert(1)) * _ # stay text'\n"
        "organizations:\n  - name: 'A \"quoted\" org'\n"
        "dates: {start: '2023'}\naudience: [everyone]\n"
        "language_of_instruction: [en]\nlanguage_of_materials: [en]\n"
        "description: 'Compare: a < b && c > d'\n",
        encoding="utf-8",
    )
    code, output = _build(project, runner)
    assert code == 0, output
    page = (project / "site" / "offerings" / "escaping" / "index.html").read_text()
    assert 'href="javascript:' not in page
    assert "[link](javascript:alert(1))" in page.replace("\\", "")
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert json_ld and "<" not in json_ld.group(1)
    assert json.loads(json_ld.group(1))["description"] == "Compare: a < b && c > d"
    assert "Compare: a &lt; b &amp;&amp; c &gt; d" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S)
    assert title and "<" not in title.group(1)


def test_failed_build_leaves_previous_site_byte_identical(project: Path, runner: CliRunner) -> None:
    assert _build(project, runner)[0] == 0
    before = _tree_digest(project / "site")
    broken = project / "curriculum" / "offerings" / "unifei-iesti01.yaml"
    broken.write_text(broken.read_text() + "\nunknown_field: 1\n", encoding="utf-8")
    code, output = _build(project, runner)
    assert code == 1
    assert "curriculum/offerings/unifei-iesti01.yaml:" in output
    assert _tree_digest(project / "site") == before


def test_mkdocs_failure_leaves_previous_site_byte_identical(
    project: Path, runner: CliRunner
) -> None:
    assert _build(project, runner)[0] == 0
    before = _tree_digest(project / "site")
    (project / "pages" / "index.md").write_text("# Home\n\n[broken](missing-page.md)\n")
    code, output = _build(project, runner)
    assert code == 1
    assert "pages/index.md:3: link 'missing-page.md' does not exist" in output
    assert f"[{codes.BROKEN_LINK}]" in output
    assert _tree_digest(project / "site") == before
    assert not list(project.glob(".site.*"))


def test_unknown_language_suffix_and_orphan_translation_are_errors(
    project: Path, runner: CliRunner
) -> None:
    (project / "pages" / "index.xx.md").write_text("# ?\n")
    (project / "pages" / "about.es.md").write_text("# Acerca de\n")
    code, output = _build(project, runner)
    assert code == 1
    lines = output.splitlines()
    assert _reports(lines, "pages/index.xx.md", codes.TRANSLATION_SUFFIX)
    assert _reports(lines, "pages/about.es.md", codes.ORPHAN_TRANSLATION)
    assert not (project / "site").exists()


def test_page_title_shows_ampersands_once(project: Path, runner: CliRunner) -> None:
    offering = project / "curriculum" / "offerings" / "ampersand.yaml"
    offering.write_text(
        "id: ampersand\nkind: workshop\ntitle: 'Sensors & Signals <3'\n"
        "dates: {start: '2023'}\naudience: [everyone]\n"
        "language_of_instruction: [en]\nlanguage_of_materials: [en]\n",
        encoding="utf-8",
    )
    assert _build(project, runner)[0] == 0
    page = (project / "site" / "offerings" / "ampersand" / "index.html").read_text()
    assert "<title>Sensors &amp; Signals &lt;3 - TinyML Courseware</title>" in page
    assert '>Sensors &amp; Signals &lt;3<a class="headerlink"' in page


def test_contributed_scripts_handlers_and_javascript_links_are_removed(
    project: Path, runner: CliRunner
) -> None:
    (project / "pages" / "index.md").write_text(
        "# Home\n\n<script>document.title='pwned'</script>\n\n"
        '<img src="x.png" alt="x" onerror="alert(1)">\n\n'
        '[click](javascript:alert(2)) and <a href="javascript:alert(3)">this</a>\n\n'
        '<div onclick="alert(4)" style="color:red">text</div>\n',
        encoding="utf-8",
    )
    code, output = _build(project, runner)
    assert code == 0, output
    page = (project / "site" / "index.html").read_text()
    content = page[page.index('<article class="md-content__inner') :]
    content = content[: content.index("</article>")]
    assert "<script" not in content
    assert "onerror" not in content and "onclick" not in content
    assert "javascript:" not in content
    assert "pwned" not in page
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", page)
    assert inline == []
    assert "Content-Security-Policy" in page and "script-src 'self'" in page


def test_untranslated_page_falls_back_honestly_and_stale_translation_is_marked(
    project: Path, runner: CliRunner
) -> None:
    start = [
        "translate",
        "start",
        str(project / "pages" / "index.md"),
        "pt",
        "--whole-file",
        "--root",
        str(project),
    ]
    assert runner.invoke(cli, start).exit_code == 0
    assert _build(project, runner)[0] == 0
    french = (project / "site" / "fr" / "index.html").read_text()
    assert '<html lang="fr"' in french
    assert 'class="cw-notice cw-fallback"' in french
    assert '<div lang="en">' in french and "Fixture home" in french
    portuguese = (project / "site" / "pt" / "index.html").read_text()
    assert "cw-stale" not in portuguese and "cw-fallback" not in portuguese
    source = project / "pages" / "index.md"
    source.write_text(source.read_text() + "\nA new paragraph.\n", encoding="utf-8")
    assert _build(project, runner)[0] == 0
    portuguese = (project / "site" / "pt" / "index.html").read_text()
    assert 'class="cw-notice cw-stale"' in portuguese


def test_datasheet_pages_link_their_yaml_in_every_language(
    project: Path, runner: CliRunner
) -> None:
    assert _build(project, runner)[0] == 0
    site = project / "site"
    assert (site / "sensors" / "person-sensor.yaml").read_bytes() == (
        project / "curriculum" / "sensors" / "person-sensor.yaml"
    ).read_bytes()
    for language in ("", "es/", "ar/"):
        page_dir = site / f"{language}sensors" / "person-sensor"
        page = (page_dir / "index.html").read_text()
        links = re.findall(r'href="([^"]+\.yaml)"', page)
        assert links, language
        assert all((page_dir / link).resolve().is_file() for link in links), links
        gallery = (site / f"{language}sensors" / "index.html").read_text()
        assert 'href="person-sensor/"' in gallery


def test_a_datasheet_that_does_not_load_stops_the_build(project: Path, runner: CliRunner) -> None:
    sheet = project / "curriculum" / "sensors" / "broken.yaml"
    sheet.write_text("id: broken\nnot_a_field: 1\n", encoding="utf-8")
    code, output = _build(project, runner)
    assert code == 1
    assert "curriculum/sensors/broken.yaml:2: not_a_field: unknown field" in output
