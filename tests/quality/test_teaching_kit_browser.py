"""The acceptance path of the teaching kits, in Spanish, in a real browser on the real site:
from a module page to its teaching kit, and from it to the answer key, whose every computed
number is the one the module's own library computes now."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from tests.quality.site_pages import REPO

from courseware.assess.bank import load_banks
from courseware.registry.load import load_registry
from courseware.site.staging.answer_functions import answer_value, formatted_answer
from courseware.textfields import text_language

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("quality-site")]

REGISTRY = load_registry(REPO)
BANK_ITEMS = load_banks(REPO, list(REGISTRY.modules))[0]["what-is-tinyml"].items
KEYED = sorted(REGISTRY.answer_keys)


def _expected_values(module_id: str, language: str) -> list[str]:
    """The computed answers of a module's key, in page order, as the library gives them,
    each written as the language of its sentence writes numbers (an untranslated answer
    is an English sentence, with English digits)."""
    key = REGISTRY.answer_keys[module_id]
    source = REGISTRY.modules_by_id[module_id].spec.source_language
    return [
        formatted_answer(
            part.computed,
            answer_value(part.computed, REPO),
            text_language(part.answer, language, source),
        )
        for exercise in key.spec.exercises
        for part in exercise.parts
        if part.computed is not None
    ]


def test_every_module_with_answers_has_one_in_the_key() -> None:
    assert "environmental-footprint" in KEYED and "what-is-tinyml" in KEYED


@pytest.mark.parametrize("module_id", KEYED)
def test_spanish_module_page_leads_to_kit_and_answer_key_with_library_values(
    browser: Browser, real_site_url: str, module_id: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{real_site_url}es/modules/{module_id}/")
        assert page.locator("html").get_attribute("lang") == "es"
        page.get_by_role(
            "link", name="Kit didáctico: notas, tiempos, materiales y respuestas"
        ).click()
        page.wait_for_url(f"**/es/modules/{module_id}/teaching/")
        assert page.locator("h1").inner_text().startswith("Kit didáctico: ")
        page.locator(".cw-kit-contents").get_by_role("link", name="Clave de respuestas").click()
        page.wait_for_url("**/teaching/#answer-key")
        heading = page.locator("h2#answer-key")
        assert heading.inner_text().startswith("Clave de respuestas")
        assert heading.is_visible()
        shown = page.evaluate(
            """() => {
                const values = [];
                let node = document.getElementById('answer-key').nextElementSibling;
                while (node && node.id !== 'answer-sources') {
                    if (node.tagName === 'OL') {
                        for (const strong of node.querySelectorAll('li strong')) {
                            values.push(strong.textContent);
                        }
                    }
                    node = node.nextElementSibling;
                }
                return values;
            }"""
        )
        assert shown == _expected_values(module_id, "es")
        # The closing note names a source for every part of every exercise.
        rows = page.locator("h2#answer-sources ~ * tbody tr")
        parts = sum(len(e.parts) for e in REGISTRY.answer_keys[module_id].spec.exercises)
        assert rows.count() == parts
        assert "ningún valor" not in page.locator("article").inner_text()
        # The exercise links lead back to the exercise on the module page.
        first = page.locator("h2#answer-key ~ h3 a").first
        first.click()
        page.wait_for_url(f"**/es/modules/{module_id}/#*")
        target = page.url.rsplit("#", 1)[1]
        assert page.locator(f"[id='{target}']").is_visible()
    finally:
        page.close()


def test_spanish_home_page_leads_to_the_kits_index_and_on_to_a_kit_with_its_questions(
    browser: Browser, real_site_url: str
) -> None:
    page = browser.new_page()
    try:
        page.goto(f"{real_site_url}es/")
        page.locator("article").get_by_role("link", name="Kits didácticos", exact=True).click()
        page.wait_for_url("**/es/kits/")
        assert page.locator("h1").inner_text().startswith("Kits didácticos")
        links = page.locator("article li > a[href*='teaching']")
        assert links.count() == len(REGISTRY.modules)
        links.filter(has_text="Qué es TinyML").click()
        page.wait_for_url("**/es/modules/what-is-tinyml/teaching/")
        objectives = page.locator("h2#objectives + ol")
        questions = objectives.locator(":scope > li > ul > li")
        assert questions.count() == len(BANK_ITEMS)
        first = questions.first.inner_text()
        assert first.startswith("Se comprueba con: ")
        assert "\nRespuesta:" in first or "\nRespuestas correctas:" in first
    finally:
        page.close()
