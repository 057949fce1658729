"""Printing with the real Chromium: the contents' page numbers from the first printing, and
the check that finds an element wider than the printable width before printing."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from pypdf import PdfReader

from courseware.site.print.chromium import find_overflows, print_pdf
from courseware.site.print.document import PrintDocument
from courseware.site.print.front_pages import css_string

pytestmark = [pytest.mark.browser]


def _document(body: str, anchors: tuple[str, ...] = ()) -> PrintDocument:
    head = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"></head>'
    html = f"{head}<body>{body}</body></html>"
    return PrintDocument(html=html, anchors=anchors, language="en", direction="ltr")


def test_an_element_wider_than_the_paper_is_found(browser) -> None:
    page = browser.new_page()
    try:
        page.set_content(
            _document('<p>fits</p><div class="wide" style="width: 2000px">too wide</div>').html
        )
        found = find_overflows(page, "a4")
    finally:
        page.close()
    assert found == ("div.wide: 2000 px",)


def test_the_contents_get_the_page_numbers_of_the_first_printing(browser) -> None:
    body = (
        '<nav><a href="#one">One</a> <span data-page-of="one">000</span>'
        ' <a href="#two">Two</a> <span data-page-of="two">000</span></nav>'
        '<h1 id="one" style="break-before: page">One</h1>'
        '<h1 id="two" style="break-before: page">Two</h1><p style="break-before: page">end</p>'
    )
    printed = print_pdf(browser, _document(body, ("one", "two")), "a4")
    assert printed.page_numbers == {"one": 2, "two": 3}
    assert printed.pages == 4
    first = PdfReader(io.BytesIO(printed.data)).pages[0].extract_text()
    assert "000" not in first
    assert "One 2" in first and "Two 3" in first


def test_a_running_head_keeps_its_spaces_and_cannot_close_the_style(browser) -> None:
    title = 'Café au lait </style> "quoted" \\ end'
    head = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>'
        f"@page {{ @top-center {{ content: {css_string(title)}; }} }}</style></head>"
    )
    document = PrintDocument(f"{head}<body><p>body</p></body></html>", (), "en", "ltr")
    text = PdfReader(io.BytesIO(print_pdf(browser, document, "a4").data)).pages[0].extract_text()
    assert 'Café au lait </style> "quoted" \\ end' in text
    assert "body" in text


def test_a_document_printed_twice_on_a_day_is_the_same_file(browser) -> None:
    document = _document(
        '<nav><a href="#a">A</a> <span data-page-of="a">000</span></nav>'
        '<h1 id="a" style="break-before: page">Café</h1>',
        ("a",),
    )
    day = dt.date(2026, 12, 4)
    first = print_pdf(browser, document, "a4", day).data
    time.sleep(1.1)  # Chromium stamps the second: a later one would differ without the day
    second = print_pdf(browser, document, "a4", day).data
    assert first == second
    assert b"/CreationDate (D:20261204000000" in first
