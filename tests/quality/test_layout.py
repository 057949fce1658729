"""Layout in Debian's chromium: every page fits a phone (with JavaScript and without), the
calculator reads as text with its total in sight, and the catalog's columns fit a laptop's
window.

A page that is wider than a 360 px window scrolls sideways as a whole, and a reader of the
narrow column has to pan every line; wide tables scroll inside their own box instead. A failure
names the element that reaches furthest out of the window, so the culprit is found without a
browser.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page
from tests.quality.site_pages import ALL_PAGES, LANGUAGES, SitePage
from tests.quality.weights import Visitor

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("quality")]

PHONE_WIDTH_PX = 360
PHONE_HEIGHT_PX = 740  # the narrow_visitor's window (tests/quality/conftest.py)

# The element that sticks out furthest (to the right, or to the left on a right-to-left page),
# skipping what may: the closed navigation drawer, which Material parks beside the window, and
# anything inside a box that scrolls or clips on its own.
WIDEST_ELEMENT = """() => {
  const width = document.documentElement.clientWidth;
  let worst = null, most = 0;
  for (const element of document.querySelectorAll("body *")) {
    if (element.closest(".md-sidebar--primary, .md-search, [hidden]")) continue;
    const box = element.getBoundingClientRect();
    if (!box.width) continue;
    let clipped = false;
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") { clipped = true; break; }
    }
    if (clipped) continue;
    const out = Math.max(box.right - width, -box.left);
    if (out > most) { most = out; worst = element; }
  }
  if (!worst) return "no element (a list marker or a text run?)";
  const classes = [...worst.classList].map(name => "." + name).join("");
  const text = (worst.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 50);
  return `<${worst.tagName.toLowerCase()}${worst.id ? "#" + worst.id : ""}${classes}> ` +
    `${Math.round(most)} px out: "${text}"`;
}"""


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_page_fits_a_phone(page: SitePage, narrow_visitor: Visitor) -> None:
    window = narrow_visitor.open(page.path)
    width = window.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH_PX, (
        f"/{page.path} is {width} px wide in a {PHONE_WIDTH_PX} px window; widest: "
        + window.evaluate(WIDEST_ELEMENT)
    )


@pytest.mark.parametrize("page", ALL_PAGES, ids=lambda p: p.id)
def test_page_fits_a_phone_without_javascript(
    page: SitePage, narrow_visitor_without_scripts: Visitor
) -> None:
    window = narrow_visitor_without_scripts.open(page.path)
    width = window.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH_PX, (
        f"/{page.path} without JavaScript is {width} px wide in a {PHONE_WIDTH_PX} px window; "
        "widest: " + window.evaluate(WIDEST_ELEMENT)
    )


def no_markup_as_text(text: str) -> list[str]:
    """Pieces of ``text`` that look like HTML tags shown as text (``<p>``, ``</p>``)."""
    return re.findall(r"</?[a-z][a-z0-9]*[^<>]{0,40}>?", text)


def calculator(language: str) -> SitePage:
    return SitePage("calculator", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_shows_no_markup_and_its_total_in_the_first_screen(
    language: str, narrow_visitor: Visitor
) -> None:
    path = calculator(language).path
    window = narrow_visitor.open(path)
    window.wait_for_selector("#fp-form:not([hidden])")
    text = window.inner_text("article")
    assert no_markup_as_text(text) == [], f"/{path} shows markup as text"
    assert not window.is_visible("#fp-noscript"), f"/{path} says it needs JavaScript, with it on"
    total = window.locator("#fp-total")
    assert re.fullmatch(r"\d+[.,]\d\d", total.inner_text()), f"/{path}: no total shown"
    assert in_window(window, "#fp-total"), f"/{path}: the total is below the first screen"
    # Still in sight with the last block of the form on screen, and after a change there.
    last = window.locator("fieldset.fp-block").last
    last.scroll_into_view_if_needed()
    before = total.inner_text()
    last.locator("input[type=checkbox]").uncheck()
    assert total.inner_text() != before, f"/{path}: switching a block off left the total as is"
    assert in_window(window, "#fp-total"), f"/{path}: the total scrolled away with the form"


def in_window(window: Page, selector: str) -> bool:
    """Whether the element is wholly inside the window and not under Material's header."""
    return bool(
        window.evaluate(
            """([selector, height]) => {
              const box = document.querySelector(selector).getBoundingClientRect();
              const header = document.querySelector(".md-header").getBoundingClientRect();
              return box.height > 0 && box.top >= header.bottom && box.bottom <= height;
            }""",
            [selector, PHONE_HEIGHT_PX],
        )
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_calculator_without_javascript_says_so_in_a_paragraph(
    language: str, browser: Browser, real_site_url: str
) -> None:
    path = calculator(language).path
    context = browser.new_context(java_script_enabled=False)
    try:
        window = context.new_page()
        window.goto(real_site_url + path)
        message = window.locator("#fp-noscript")
        assert message.is_visible(), f"/{path} does not say the calculator needs JavaScript"
        assert message.evaluate("node => node.tagName") == "P"
        assert no_markup_as_text(window.inner_text("article")) == [], (
            f"/{path} shows markup as text"
        )
        assert not window.is_visible("#fp-form")
    finally:
        context.close()


@pytest.mark.parametrize("page_type", ["catalog", "module index"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_filterable_tables_fit_a_laptop_window(
    language: str, page_type: str, desktop_visitor: Visitor
) -> None:
    path = SitePage(page_type, language).path
    window = desktop_visitor.open(path)
    boxes = window.eval_on_selector_all(
        "article table[data-filterable]",
        """tables => tables.map(table => {
          const box = table.closest(".md-typeset__scrollwrap, .cw-scroll") || table;
          return [table.id, box.scrollWidth, box.clientWidth];
        })""",
    )
    assert boxes, f"/{path} has no filterable table"
    clipped = [f"#{name}: {wide} px in {shown} px" for name, wide, shown in boxes if wide > shown]
    assert not clipped, f"/{path} at 1280 px scrolls sideways: {clipped}"
