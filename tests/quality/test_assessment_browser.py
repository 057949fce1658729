"""The assessment kit on the real site, in Debian's chromium: a module's self-check answered
right and wrong in every language, the same page with JavaScript off, and a track's pre-test
taken on a 360 px window from the unzipped offline copy, its result code read off the page
and off its QR code (zxing-cpp) and scored by ``courseware assess score``.

axe over the self-check and form pages as they load, in all five languages, is in
``test_axe.py`` (they are rows of ``site_pages.PAGE_TYPES``); here axe also runs once the
pages show feedback, an open answer, the result code and its QR code.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from click.testing import CliRunner
from PIL import Image
from playwright.sync_api import Browser, Page, Route
from tests.quality.site_pages import LANGUAGES, REPO
from tests.quality.weights import AXE_OPTIONS, Visitor

from courseware.assess.bank import MultipleChoice, Numeric, Ordering, ShortAnswer, SingleChoice
from courseware.assess.forms import FormItem
from courseware.assess.kit import load_kit
from courseware.cli import cli

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]

MODULE = "what-is-tinyml"
TRACK = "two-hour-workshop"
KIT = load_kit(REPO)


def _axe(page: Page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in violations]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    errors: list[str] = []  # script errors, and what the Content-Security-Policy refused
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert errors == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_check_answered_right_and_wrong_announces_feedback_and_score(
    page: Page, real_site_url: str, language: str
) -> None:
    page.goto(f"{real_site_url}{LANGUAGES[language]}modules/{MODULE}/")
    page.locator("p.cw-self-check-link a").click()
    page.wait_for_url(f"**/modules/{MODULE}/self-check/")
    quiz = page.locator("section.cw-quiz")
    assert quiz.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    if language == "ar":
        assert quiz.evaluate("s => getComputedStyle(s).direction") == "rtl"
    status = page.locator("p.cw-quiz-score")
    assert (status.get_attribute("role"), status.get_attribute("aria-live")) == (
        "status",
        "polite",
    )
    right = page.locator('li[data-item="where-the-model-runs"]')
    right.locator("input[data-correct]").check()
    right.locator("button.cw-quiz-check").click()
    said = right.locator(".cw-quiz-feedback")
    assert said.is_visible()
    score = quiz.get_attribute("data-l-score") or "?"
    one_right = score.replace("{right}", "1").replace("{total}", "13")  # "1 of 13 right"
    assert (status.text_content() or "").endswith(one_right)
    assert (status.text_content() or "").startswith(quiz.get_attribute("data-l-right") or "?")
    wrong = page.locator('li[data-item="days-on-a-charge"]')
    wrong.locator("input").fill("250")  # the answer is 300 days
    wrong.locator("button.cw-quiz-check").click()
    feedback = wrong.locator(".cw-quiz-feedback")
    assert feedback.text_content() == quiz.get_attribute("data-l-wrong")
    assert wrong.locator("details").get_attribute("open") is not None  # the answer shown
    assert (status.text_content() or "").endswith(one_right)  # still one right
    assert _axe(page) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_without_javascript_every_question_and_answer_waits_behind_details(
    narrow_visitor_without_scripts: Visitor, language: str
) -> None:
    path = f"{LANGUAGES[language]}modules/{MODULE}/self-check/"
    page = narrow_visitor_without_scripts.open(path)
    items = page.locator("li.cw-quiz-item")
    bank = KIT.banks[MODULE].items
    assert items.count() == len(bank) == 13
    assert page.locator("button.cw-quiz-check").count() == 0  # no script, no check buttons
    for index in range(items.count()):
        item = items.nth(index)
        assert item.locator(":scope > fieldset > legend").is_visible()
        details = item.locator("details")
        assert details.get_attribute("open") is None
        assert details.locator("summary").is_visible()
        answer = details.locator(":scope > :not(summary)").first
        assert not answer.is_visible()
    numeric = page.locator('li[data-item="days-on-a-charge"] details')
    numeric.locator("summary").click()  # a native <details> opens without a script
    shown = numeric.locator("p").first.inner_text()
    assert shown.startswith("300") or shown.startswith("٣٠٠")


def _answer(item: Any, entry: FormItem, right: bool) -> None:
    """Answer one form item right or wrong, knowing the answers from the bank (the page does
    not mark its choices' answers)."""
    question = entry.item
    if isinstance(question, SingleChoice | MultipleChoice):
        wanted = [n for n, option in enumerate(question.options) if option.correct == right]
        for number in wanted if isinstance(question, MultipleChoice) else wanted[:1]:
            item.locator(f'input[value="{number}"]').check()
    elif isinstance(question, Numeric):
        value = float(item.get_attribute("data-value") or "nan")
        item.locator('input[type="text"]').fill(f"{value if right else value + 1000:g}")
    elif isinstance(question, Ordering):
        selects = item.locator("select")
        for index in range(selects.count()):
            select = selects.nth(index)
            position = int(select.get_attribute("data-position") or "0")
            if not right:  # the first two steps swapped
                position = {1: 2, 2: 1}.get(position, position)
            select.select_option(str(position))
    elif isinstance(question, ShortAnswer):
        item.locator("textarea").fill("A sensor, a microcontroller and a model.")
    else:  # true or false
        truth = question.answer if right else not question.answer
        item.locator(f'input[value="{"true" if truth else "false"}"]').check()


@pytest.fixture
def offline_copy(real_site: Path, tmp_path: Path) -> Path:
    """The site's offline copy of the track, unzipped as a learner unzips it."""
    with zipfile.ZipFile(real_site / "bundles" / f"{TRACK}-en.zip") as archive:
        archive.extractall(tmp_path)
    return tmp_path / f"{TRACK}-en"


def test_pretest_on_a_phone_from_the_offline_copy_gives_a_code_that_scores(
    browser: Browser, offline_copy: Path, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    elsewhere: list[str] = []

    def only_files(route: Route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:  # no network: anything else is recorded and refused
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.goto((offline_copy / "index.html").as_uri())
    page.get_by_role("link", name="Form A", exact=True).click()
    page.wait_for_url(f"**/tracks/{TRACK}/form-a/index.html")
    form = KIT.forms[TRACK][0]
    items = page.locator("li.cw-form-item")
    assert items.count() == len(form.items)
    expected = [number % 2 == 0 for number in range(len(form.items))]  # every other item right
    for index, (entry, right) in enumerate(zip(form.items, expected, strict=True)):
        _answer(items.nth(index), entry, right)
    page.fill("#cw-pseudonym", "ana7")
    finish = page.locator("section.cw-form > button")
    finish.click()
    for index, entry in enumerate(form.items):  # the written answers, marked by the learner
        if isinstance(entry.item, ShortAnswer):
            mark = "right" if expected[index] else "wrong"
            items.nth(index).locator(f'input[id$="-self-{mark}"]').check()
    finish.click()
    shown = page.locator(".cw-form-code-shown")
    code = shown.inner_text()
    assert code and all(len(group) <= 4 for group in code.split("-"))
    assert code in (page.locator("p.cw-form-code").text_content() or "")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    svg = page.locator(".cw-form-qr svg")
    svg.scroll_into_view_if_needed()
    (read,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(svg.screenshot())))
    assert read.text == code.replace("-", "")
    assert _axe(page) == []
    assert elsewhere == []
    context.close()

    codes = tmp_path / "pre.txt"
    codes.write_text(f"{read.text}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["assess", "score", str(codes), "--track", TRACK, "--root", str(REPO)]
    )
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["pseudonym"], row["track"], row["form"]) == ("ANA7", TRACK, "A")
    assert int(row["correct"]) == sum(expected)
    for objective in form.objectives:
        marks = [
            r for e, r in zip(form.items, expected, strict=True) if e.objective_key == objective
        ]
        assert float(row[objective]) == pytest.approx(100 * sum(marks) / len(marks), abs=0.05)
