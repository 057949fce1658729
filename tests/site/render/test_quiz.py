"""The module self-check: complete HTML without JavaScript, quiz.js's feedback and score in
a real browser (Debian's chromium), axe, right-to-left Arabic and the script's budget.

The page is a static file written to tmp_path; wiring the quiz into the site's module pages
is left to the site's staging.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from tests.conftest import copy_bundled_content

from courseware.assess.codes import decode, forms_by_hash
from courseware.assess.forms import FORM_LETTERS, bank_entries
from courseware.assess.kit import load_kit
from courseware.i18n.catalogs import translator
from courseware.site.render.quiz import render_form, render_quiz

REPOSITORY = Path(__file__).parents[3]
SCRIPT = REPOSITORY / "tools" / "courseware" / "site" / "assets" / "quiz.js"
FIXTURE = REPOSITORY / "tests" / "fixtures" / "assess" / "project"
ENGLISH = [
    "Answer and explanation",
    "Check my answer",
    "Right.",
    "Not quite",
    "Start again",
    "True",
    "False",
]


def _quiz(root: Path, module: str, language: str, direction: str = "ltr") -> str:
    kit = load_kit(root)
    return render_quiz(
        module, bank_entries(kit.banks[module]), language, direction, translator(language)
    )


def _page(tmp_path: Path, quiz: str, language: str, direction: str) -> Path:
    (tmp_path / "quiz.js").write_bytes(SCRIPT.read_bytes())
    page = tmp_path / "index.html"
    page.write_text(
        f'<!doctype html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>Quiz</title></head><body><main><h1>Module</h1>{quiz}</main>"
        '<script src="quiz.js"></script></body></html>',
        encoding="utf-8",
    )
    return page


def _one(soup: BeautifulSoup, selector: str) -> Tag:
    found = soup.select_one(selector)
    assert found is not None, selector
    return found


def test_without_javascript_every_answer_waits_behind_details() -> None:
    soup = BeautifulSoup(_quiz(REPOSITORY, "what-is-tinyml", "es"), "html.parser")
    items = soup.select("li.cw-quiz-item")
    assert len(items) == 13
    assert all(item.find("details") and item.find("legend") for item in items)
    assert _one(soup, "h2").get_text() == "Autoevaluación"
    assert _one(soup, 'li[data-item="days-on-a-charge"]')["data-value"] == "300.0"
    assert _one(soup, 'li[data-item="days-on-a-charge"] details p').get_text() == "300 días"
    cell = _one(soup, 'li[data-item="cell-energy"] details p')
    assert cell.get_text() == "7,2 Wh"  # Spanish decimal comma
    assert _one(soup, "p.cw-quiz-score")["aria-live"] == "polite"
    for item in items:  # options and steps are shown in a fixed order that is not the file's
        values = [i["value"] for i in item.select("fieldset > ul input")] or [
            s["data-position"] for s in item.select("select")
        ]
        if item["data-type"] not in {"true_false", "numeric", "short_answer"}:
            assert values != sorted(values), item["data-item"]
    assert _one(soup, "section")["data-l-score"] == "{right} de {total} correctas"


def test_the_script_is_small_and_holds_no_interface_text() -> None:
    source = SCRIPT.read_text(encoding="utf-8")
    assert len(gzip.compress(source.encode("utf-8"), 9)) <= 5 * 1024
    quoted = [part for index, part in enumerate(source.split('"')) if index % 2]
    assert not [q for q in quoted if any(word in q for word in ENGLISH)]


@pytest.mark.browser
def test_feedback_score_and_memory_in_arabic_right_to_left(browser, serve, tmp_path) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page_file = _page(tmp_path, _quiz(REPOSITORY, "what-is-tinyml", "ar", "rtl"), "ar", "rtl")
    base = serve(page_file.parent)
    page = browser.new_page()
    page.goto(f"{base}/index.html")
    assert page.eval_on_selector("section.cw-quiz", "s => getComputedStyle(s).direction") == "rtl"
    first = page.locator('li[data-item="where-the-model-runs"]')
    first.locator('input[value="0"]').check()
    first.get_by_role("button", name="التحقق من إجابتي").click()
    status = page.locator("p.cw-quiz-score")
    assert status.text_content().startswith("صحيح.")
    assert status.text_content().endswith("1 من 13 صحيحة")
    days = page.locator('li[data-item="days-on-a-charge"]')
    days.locator("input").fill("250")
    days.get_by_role("button").click()
    assert days.locator("details").get_attribute("open") is not None
    assert days.locator(".cw-quiz-feedback").text_content() == "ليس تمامًا؛ راجع الإجابة والشرح."
    days.locator("input").fill("300")
    days.get_by_role("button").click()
    assert status.text_content().endswith("2 من 13 صحيحة")
    violations = Axe().run(page).response["violations"]
    assert violations == [], [v["id"] for v in violations]
    page.reload()
    assert status.text_content() == "2 من 13 صحيحة"  # kept in this browser only
    page.get_by_role("button", name="البدء من جديد").click()
    assert status.text_content() == "0 من 13 صحيحة"
    page.close()


@pytest.mark.browser
def test_every_item_type_is_marked_with_the_keyboard(browser, serve, tmp_path) -> None:
    page_file = _page(tmp_path, _quiz(FIXTURE, "alpha", "en"), "en", "ltr")
    page = browser.new_page()
    page.goto(f"{serve(page_file.parent)}/index.html")
    status = page.locator("p.cw-quiz-score")

    def check(item: str) -> None:
        page.locator(f'li[data-item="{item}"] button').focus()
        page.keyboard.press("Enter")

    page.locator('li[data-item="pick-some"] input[value="0"]').check()
    page.locator('li[data-item="pick-some"] input[value="1"]').check()
    check("pick-some")
    assert status.text_content().endswith("1 of 6 right")
    page.locator('li[data-item="is-it-true"] input[value="true"]').check()
    check("is-it-true")
    for position in (1, 2, 3):
        page.select_option(f"#q-alpha-put-in-order-{position - 1}", str(position))
    check("put-in-order")
    assert status.text_content().endswith("3 of 6 right")
    check("say-why")  # opens the model answer for self-marking
    page.locator("#q-alpha-say-why-self-right").check()
    assert status.text_content().endswith("4 of 6 right")
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("letter", ["A", "B"])
def test_a_test_form_makes_the_code_python_reads(browser, serve, tmp_path, letter) -> None:
    kit = load_kit(FIXTURE)
    form = kit.forms["pilot"][FORM_LETTERS.index(letter)]
    html = render_form(form, "es", "ltr", translator("es"))
    page_file = _page(tmp_path, html, "es", "ltr")
    page = browser.new_page()
    page.goto(f"{serve(page_file.parent)}/index.html")
    page.fill("#cw-pseudonym", "ana")
    expected = []
    for entry in form.items:
        item = page.locator(
            f'li.cw-form-item:has(input[name^="t-alpha-{entry.item.id}"]),'
            f' li.cw-form-item:has(select[name^="t-alpha-{entry.item.id}"])'
        )
        if entry.item.type == "true_false":
            item.locator('input[value="false"]').check()  # wrong
            expected.append(2)
        elif entry.item.type == "single":
            item.locator('input[value="2"]').check()  # the third option
            expected.append(3)
        elif entry.item.type == "multiple":
            item.locator('input[value="0"]').check()
            item.locator('input[value="2"]').check()
            expected.append(0b101)
        elif entry.item.type == "numeric":
            item.locator("input").fill("300,4")  # within the tolerance of 1, decimal comma
            expected.append(1)
        elif entry.item.type == "ordering":
            for index in range(3):
                page.select_option(f"#t-alpha-put-in-order-{index}", str(index + 1))
            expected.append(1)
        else:
            expected.append(2)  # marked "not yet" below
    status = page.locator("p.cw-form-code")
    finish = page.get_by_role("button", name="Terminar y mostrar mi código de resultado")
    finish.click()
    if any(entry.item.type == "short_answer" for entry in form.items):
        assert status.text_content() == "Marca tus respuestas escritas y vuelve a terminar."
        page.locator('input[id$="-self-wrong"]').check()
        finish.click()
    text = status.text_content() or ""
    code = text.split(": ", 1)[1].split(".")[0]
    result, decoded_form = decode(code, forms_by_hash(kit.all_forms))
    assert decoded_form is form
    assert (result.pseudonym, result.answers) == ("ANA", tuple(expected))
    page.close()


def test_text_falling_back_to_english_is_marked_on_an_arabic_page(tmp_path: Path) -> None:
    """The bundled bank is translated into Arabic, so a copy drops one prompt's Arabic text."""
    project = copy_bundled_content(tmp_path / "project")
    catalog = project / "locale/ar/LC_MESSAGES/modules/what-is-tinyml/questions.po"
    text = catalog.read_text(encoding="utf-8")
    entry = 'msgctxt "items[where-the-model-runs].prompt"\n'
    start = text.index("msgstr ", text.index(entry))
    end = text.index("\n\n", start)
    catalog.write_text(text[:start] + 'msgstr ""' + text[end:], encoding="utf-8")
    soup = BeautifulSoup(_quiz(project, "what-is-tinyml", "ar", "rtl"), "html.parser")
    assert _one(soup, "section")["dir"] == "rtl"
    legend = _one(soup, 'li[data-item="where-the-model-runs"] legend span')
    assert (legend["lang"], legend["dir"]) == ("en", "auto")
    assert legend.get_text() == "Where does a TinyML system run its trained model?"
    spanish = BeautifulSoup(_quiz(REPOSITORY, "what-is-tinyml", "es"), "html.parser")
    assert not spanish.select("legend span[lang]")  # translated: nothing to mark
