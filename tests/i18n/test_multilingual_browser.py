"""The repository's own content, built once and read in a real browser in five languages:
switching language keeps the reader on the same module, an untranslated page says so in the
reader's language and marks its English text, Arabic reads right to left with code left to
right, the Spanish catalog has no English interface string, and search stays in the reader's
language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner
from tests.conftest import copy_bundled_content

from courseware.cli import cli
from courseware.i18n.content_catalogs import catalog_path

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("i18n-site")]

REPO = Path(__file__).resolve().parents[2]
POT = REPO / "tools" / "courseware" / "i18n" / "messages.pot"
# A module to switch languages on, and one whose French and Arabic translations the copy drops,
# so that the fallback case does not depend on how much of the bundled course is translated.
TRANSLATED_MODULE = "what-is-tinyml"
UNTRANSLATED = "materiality-and-risk"
DROPPED_TRANSLATIONS = ("fr", "ar")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's curriculum, modules, labs and pages built into a fresh project."""
    project = copy_bundled_content(tmp_path_factory.mktemp("multilingual") / "project")
    for language in DROPPED_TRANSLATIONS:
        catalog = catalog_path(project, f"modules/{UNTRANSLATED}/index.md", language)
        assert catalog.is_file(), catalog
        catalog.unlink()
    result = CliRunner().invoke(cli, ["build", "--root", str(project)])
    assert result.exit_code == 0, result.output
    return project / "site"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    opened = context.new_page()
    yield opened
    context.close()


def test_switching_language_on_a_module_page_keeps_the_module(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    base = serve(site)
    page.goto(f"{base}/modules/{TRANSLATED_MODULE}/")
    english_title = page.locator("article h1").first.inner_text()
    for language in ("es", "pt"):
        page.locator(".md-header .md-select").hover()
        link = page.locator(f".md-header a.md-select__link[hreflang={language}]")
        link.click()
        page.wait_for_url(f"**/{language}/modules/{TRANSLATED_MODULE}/")
        assert page.evaluate("document.documentElement.lang") == language
        title = page.locator("article h1").first.inner_text()
        assert title and title != english_title, f"{language} title is still {title!r}"
        assert page.locator("article .cw-fallback").count() == 0
    # And back to the source language from a translation.
    page.locator(".md-header .md-select").hover()
    page.locator(".md-header a.md-select__link[hreflang=en]").click()
    page.wait_for_url(f"{base}/modules/{TRANSLATED_MODULE}/")
    assert page.locator("article h1").first.inner_text() == english_title


def test_untranslated_page_in_french_says_so_and_marks_the_english_text(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    page.goto(f"{serve(site)}/fr/modules/{UNTRANSLATED}/")
    assert page.evaluate("document.documentElement.lang") == "fr"
    notice = page.locator("article .cw-fallback")
    assert notice.is_visible()
    text = notice.inner_text()
    assert "pas encore traduite en français" in text and "anglais" in text, text
    assert notice.evaluate("node => node.closest('[lang]').lang") == "fr"
    english = page.locator("article div[lang=en]")
    assert english.count() == 1
    # The module's English text (its first heading) sits inside the lang="en" element.
    heading = english.locator("h2").first
    assert heading.is_visible()
    assert heading.evaluate("node => node.closest('[lang]').lang") == "en"


def test_arabic_page_reads_right_to_left_with_code_left_to_right(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    page.goto(f"{serve(site)}/ar/contribute/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    direction = "node => getComputedStyle(node).direction"
    assert page.locator("body").evaluate(direction) == "rtl"
    content = page.locator("article.md-content__inner")
    assert content.evaluate(direction) == "rtl"
    assert content.locator("p").first.evaluate(direction) == "rtl"
    codes = content.locator("code")
    assert codes.count() >= 5
    for index in range(codes.count()):
        code = codes.nth(index)
        assert code.evaluate(direction) == "ltr", code.inner_text()
    assert codes.first.inner_text().startswith("courseware ")


def _english_interface_strings() -> set[str]:
    """The English msgids a reader could see: whole labels of two characters or more that
    contain a letter, with placeholders removed."""
    with POT.open("rb") as handle:
        ids = [str(m.id) for m in read_po(handle) if m.id]
    strings = set()
    for msgid in ids:
        for piece in re.split(r"\{[^}]*\}", msgid):
            piece = piece.strip(" .,:;()–-")
            if len(piece) >= 4 and re.search(r"[A-Za-z]{3}", piece):
                strings.add(piece)
    return strings


# Interface strings that are the same word in Spanish (or a name) and may rightly appear.
SAME_IN_SPANISH = {"Total", "MacBook Pro", "Apple Watch Series 7", "DenseNet", "MobileNetV1"}


def test_spanish_catalog_shows_no_english_interface_string(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    page.goto(f"{serve(site)}/es/catalog/")
    assert page.evaluate("document.documentElement.lang") == "es"
    # Registry content (course titles, organisations, links, term dates) is data, not
    # interface: take it out, and read the interface text that remains (form, headings, table
    # headings, filter labels and options), including text the script shows.
    interface = page.evaluate(
        """() => {
            const article = document.querySelector('article').cloneNode(true);
            article.querySelectorAll('tbody td:nth-child(1), tbody td:nth-child(2), '
                + 'tbody td:nth-child(3), tbody td:nth-child(7), script, .headerlink')
                .forEach(node => node.remove());
            const form = article.querySelector('form.cw-filter');
            const status = form ? form.getAttribute('data-status') : '';
            return article.textContent + '\\n' + status.replace(/\\{[^}]*\\}/g, ' ');
        }"""
    )
    english_found = sorted(
        text
        for text in _english_interface_strings() - SAME_IN_SPANISH
        if re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", interface)
    )
    assert not english_found, f"English interface strings on /es/catalog/: {english_found}"
    # Language names are Spanish (CLDR via Babel), not English.
    options = page.locator("form.cw-filter select[name=language] option").all_inner_texts()
    assert "portugués" in options and "inglés" in options, options


def _search(page: Any, url: str, query: str) -> list[str]:
    """Run Material's search from ``url`` and return the result links' paths."""
    page.goto(f"{url}?q={query}")
    results = page.locator(".md-search-result__list a.md-search-result__link")
    results.first.wait_for(state="attached")
    return [
        page.evaluate("href => new URL(href, location.href).pathname", href)
        for href in results.evaluate_all("links => links.map(link => link.href)")
    ]


def test_spanish_search_finds_spanish_pages_only(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    base = serve(site)
    # A word only the Spanish home page has: the Spanish index finds it.
    found = _search(page, f"{base}/es/", "sostenibilidad")
    assert "/es/" in found, found
    # A word every language has: a Spanish reader gets Spanish pages, not all five languages.
    found = _search(page, f"{base}/es/", "TinyML")
    elsewhere = sorted(path for path in found if not path.startswith("/es/"))
    assert not elsewhere, (
        f"a search on /es/ returned {len(elsewhere)} of {len(found)} results outside /es/, "
        f"for example {elsewhere[:5]}"
    )


def test_english_fallback_in_an_arabic_page_reads_left_to_right(
    site: Path, serve: Callable[[Path], str], page: Any
) -> None:
    page.goto(f"{serve(site)}/ar/modules/{UNTRANSLATED}/")
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert (
        page.locator("article .cw-fallback").evaluate("node => getComputedStyle(node).direction")
        == "rtl"
    )
    english = page.locator("article div[lang=en]")
    assert english.count() == 1
    # Without its own dir, English inherits rtl and its full stops jump to the left edge.
    assert english.evaluate("node => getComputedStyle(node).direction") == "ltr"
