"""Staging the assessment kit's pages: self-checks, test forms, and what module and track pages
say about them, on the small fixture project of tests/fixtures/assess (one module in en and
es, a site in en, es and pt) and on the repository's own content."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from courseware.i18n.tracking import translation_status
from courseware.registry.load import load_registry
from courseware.site.engine.sanitize import sanitize_html
from courseware.site.staging.assessment import (
    load_site_assessment,
    stage_self_checks,
    stage_test_forms,
)
from courseware.site.staging.curriculum import stage_modules, stage_tracks

REPO = Path(__file__).resolve().parents[3]
FIXTURE = REPO / "tests" / "fixtures" / "assess" / "project"


def _page(files: dict[str, bytes], path: str) -> tuple[dict[str, Any], str]:
    """A staged page's metadata (the JSON front matter the stager writes) and body."""
    _, meta, body = files[path].decode("utf-8").split("---\n", 2)
    return json.loads(meta), body.lstrip()


def test_a_self_check_page_per_module_and_language_loads_only_the_quiz_script() -> None:
    registry = load_registry(FIXTURE)
    staged = stage_self_checks(registry, load_site_assessment(registry))
    assert sorted(staged.files) == [
        "modules/alpha/self-check.es.md",
        "modules/alpha/self-check.md",
        "modules/alpha/self-check.pt.md",
    ]
    meta, body = _page(staged.files, "modules/alpha/self-check.es.md")
    assert meta["courseware"]["scripts"] == ["assets/courseware/quiz.js"]
    assert "<script" not in body
    assert body.startswith("# Autoevaluación: ")
    # Back to the module, a link MkDocs resolves per language; its title is not translated.
    assert '[Alpha](index.md){: lang="en" }' in body
    soup = BeautifulSoup(body, "html.parser")
    assert len(soup.select("li.cw-quiz-item")) == 6
    quiz = soup.select_one("section.cw-quiz")
    assert quiz is not None and quiz["dir"] == "ltr"
    # Portuguese: the module has no Portuguese text, so its page says it falls back.
    _, portuguese = _page(staged.files, "modules/alpha/self-check.pt.md")
    assert "cw-fallback" in portuguese or "não está traduzida" in portuguese


def test_forms_a_and_b_per_track_and_language_load_the_quiz_and_qr_scripts() -> None:
    registry = load_registry(FIXTURE)
    assessment = load_site_assessment(registry)
    staged = stage_test_forms(registry, assessment)
    assert len(staged.files) == 2 * 2 * 3  # two tracks, two forms, three languages
    meta, body = _page(staged.files, "tracks/pilot/form-b.es.md")
    assert meta["courseware"]["scripts"] == [
        "assets/courseware/quiz.js",
        "assets/courseware/qr.js",
    ]
    assert body.startswith("# Prueba previa/posterior, forma B: A pilot course")
    soup = BeautifulSoup(body, "html.parser")
    form = soup.select_one("section.cw-form")
    assert form is not None and form["data-form"] == "1"
    assert len(soup.select("li.cw-form-item")) == len(assessment.forms["pilot"][1].items)
    assert soup.select_one(".cw-form-result[hidden] .cw-form-qr") is not None
    assert soup.select_one("p.cw-form-noscript") is not None
    # A pre/post test does not give its choices' answers away in the page source.
    choices = (
        'li.cw-form-item:is([data-type="single"], [data-type="multiple"], [data-type="true_false"])'
    )
    assert soup.select(choices) and not soup.select(f"{choices} [data-correct]")


def test_track_page_tells_the_educator_to_swap_the_forms_and_links_both() -> None:
    registry = load_registry(FIXTURE)
    staged = stage_tracks(registry)
    _, body = _page(staged.files, "tracks/pilot.md")
    tests = body[body.index("## Pre- and post-test") :]
    assert "[Form A](pilot/form-a.md)" in tests and "[Form B](pilot/form-b.md)" in tests
    assert "the other half form B before and form A after" in tests
    assert "courseware assess report first.txt second.txt --track pilot" in tests
    _, spanish = _page(staged.files, "tracks/pilot.es.md")
    assert "## Prueba previa y posterior" in spanish and "[Forma A](pilot/form-a.md)" in spanish


def test_module_page_ends_with_its_self_check_link() -> None:
    registry = load_registry(FIXTURE)
    report = translation_status(registry.root, registry.language_codes, "en")
    staged = stage_modules(registry, report, self_checks={"alpha"})
    for path in ("modules/alpha/index.md", "modules/alpha/index.es.md"):
        text = staged.files[path].decode("utf-8").rstrip()
        assert text.endswith("</a></p>") and 'href="self-check/"' in text.splitlines()[-1]
    meta, _ = _page(staged.files, "modules/alpha/index.md")
    assert not [s for s in meta["courseware"]["scripts"] if "quiz" in s]  # only on its own page
    without = stage_modules(registry, report)
    assert b"self-check/" not in without.files["modules/alpha/index.md"]


def test_a_broken_bank_stops_the_site_with_its_line_and_shows_nothing(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(FIXTURE, project)
    bank = project / "modules" / "alpha" / "questions.yaml"
    bank.write_text(
        bank.read_text(encoding="utf-8").replace("objective: ", "objective: no-such-", 1),
        encoding="utf-8",
    )
    registry = load_registry(project)
    assessment = load_site_assessment(registry)
    assert assessment.banks == {} and assessment.forms == {}
    errors = [p for p in assessment.problems if p.severity == "error"]
    assert errors and errors[0].file == "modules/alpha/questions.yaml" and errors[0].line
    assert stage_self_checks(registry, assessment).files == {}


def _shape(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    soup = BeautifulSoup(html, "html.parser")
    return [
        (tag.name, tuple(sorted((k, " ".join(v) if isinstance(v, list) else v)
                                for k, v in tag.attrs.items() if k != "rel")))
        for tag in soup.find_all(True)
    ]  # fmt: skip


def test_the_sanitizer_keeps_every_element_and_attribute_of_the_real_pages() -> None:
    registry = load_registry(REPO)
    assessment = load_site_assessment(registry)
    pages = {**stage_self_checks(registry, assessment).files}
    pages |= stage_test_forms(registry, assessment).files
    assert len(pages) == 10 * 5 + 4 * 2 * 5
    for path in pages:
        _, body = _page(pages, path)
        html = body[body.index("<section") :]
        assert _shape(sanitize_html(html)) == _shape(html), path
