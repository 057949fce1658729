"""The acceptance path of the teaching kits, in Spanish, in a real browser on the real site:
from a module page to its teaching kit, and from it to the answer key, whose every computed
number is the one the module's own library computes now."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from tests.quality.site_pages import REPO

from courseware.registry.load import load_registry
from courseware.site.staging.answer_functions import answer_value, formatted_answer

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("quality-site")]

REGISTRY = load_registry(REPO)
KEYED = sorted(REGISTRY.answer_keys)


def _expected_values(module_id: str, language: str) -> list[str]:
    """The computed answers of a module's key, in page order, as the library gives them."""
    key = REGISTRY.answer_keys[module_id]
    return [
        formatted_answer(part.computed, answer_value(part.computed, REPO), language)
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
