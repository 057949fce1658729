"""The translation status page: per-language tables, escaped names, strings through gettext."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

import courseware.i18n.status_page as status_page
from courseware.i18n.status_page import render_status_page
from courseware.i18n.tracking import translation_status

LANGUAGES = ("en", "es", "pt", "fr", "ar")


@pytest.fixture
def project(make_project: Callable[[str], Path]) -> Path:
    return make_project("translations")


def identity(text: str) -> str:
    return text


def test_page_has_a_table_per_language_with_states(project: Path) -> None:
    page = render_status_page(translation_status(project, LANGUAGES, "en"), "en", identity)
    assert page.startswith("# Translation status\n")
    for heading in ("## Spanish", "## Portuguese", "## French", "## Arabic"):
        assert heading in page
    assert page.count('<table class="courseware-translation-status">') == 4
    assert '<tr class="translation-stale"><td>Page</td><td><code>about</code></td>' in page
    assert "Stale (the source changed since it was translated)" in page
    assert "Stale (no source hash recorded, or the header cannot be read)" in page
    assert "courseware translate start" in page


def test_summary_counts_per_kind(project: Path) -> None:
    report = translation_status(project, LANGUAGES, "en").only("es")
    page = render_status_page(report, "en", identity)
    summary = page.split('<table class="courseware-translation-summary">')[1].split("</table>")[0]
    rows = re.findall(
        r'<th scope="row">(\w+)</th><td>(\d+)</td><td>(\d+)</td><td>(\d+)</td>', summary
    )
    assert rows == [
        ("Page", "1", "0", "1"),
        ("Module", "1", "0", "1"),
        ("Lab", "1", "0", "0"),
        ("All", "3", "0", "2"),
    ]


def test_language_names_are_in_the_readers_language(project: Path) -> None:
    report = translation_status(project, LANGUAGES, "en")
    page = render_status_page(report, "es", identity)
    assert "## portugués" in page
    assert "## francés" in page


def test_contributed_names_are_escaped(project: Path) -> None:
    (project / "pages" / "<b>x_y.md").write_text("# X\n", "utf-8")
    page = render_status_page(translation_status(project, LANGUAGES, "en"), "en", identity)
    assert "<b>" not in page
    assert "&lt;b&gt;x&#95;y" in page


def test_every_visible_string_goes_through_gettext(project: Path) -> None:
    report = translation_status(project, LANGUAGES, "en")
    page = render_status_page(report, "en", lambda text: "\u2063" + text)
    visible = re.sub(r"<code[^>]*>.*?</code>|<[^>]+>", "", page)
    for line in visible.splitlines():
        words = line.strip("# ").strip()
        if not words or words.startswith("\u2063"):
            continue
        # What is left is data: language names, codes, counts, ids and file names.
        assert not re.search(r"\b(the|and|is|of)\b", words), line


def test_every_gettext_call_in_the_module_is_extracted() -> None:
    source = Path(status_page.__file__).read_text(encoding="utf-8")
    calls = len(re.findall(r"\bgettext\(", source))
    extracted = list(extract_from_file("python", status_page.__file__, keywords={"gettext": None}))
    assert len(extracted) == calls
    assert "Translation status" in [message for _, message, _, _ in extracted]


def test_how_to_example_starts_something_missing_in_the_readers_language(
    project: Path,
) -> None:
    page = render_status_page(translation_status(project, LANGUAGES, "en"), "fr", identity)
    assert '<code dir="ltr">courseware translate start pages/index.md fr</code>' in page
    page = render_status_page(translation_status(project, LANGUAGES, "en"), "en", identity)
    assert '<code dir="ltr">courseware translate start pages/about.md es</code>' in page


def test_each_language_says_who_translated_it_and_whether_an_educator_reviewed_it(
    project: Path,
) -> None:
    credits = {
        "es": status_page.TranslationCredit("Ana <Ruiz>", None),
        "pt": status_page.TranslationCredit("Bia", "Carla"),
    }
    report = translation_status(project, LANGUAGES, "en")
    page = render_status_page(report, "en", identity, credits=credits)
    spanish = page[page.index("## Spanish") : page.index("## Portuguese")]
    assert "Translated by Ana &lt;Ruiz&gt;." in spanish  # data, escaped
    assert "No native-speaking educator has reviewed this translation yet" in spanish
    portuguese = page[page.index("## Portuguese") : page.index("## French")]
    assert "Reviewed by Carla, a native-speaking educator." in portuguese
    french = page[page.index("## French") : page.index("## Arabic")]
    assert "No translator is named for this language yet." in french
    assert "No native-speaking educator has reviewed this translation yet" in french
