"""Print a document to PDF with Debian's Chromium, driven by Playwright.

Why Chromium and not WeasyPrint: the browser that renders the site renders its print, so
the site's CSS (grid, flex, ``:has()``, logical properties) means the same on paper; it
shapes Arabic with HarfBuzz and lays out right-to-left text with the same bidi code as the
site; it embeds subsets of every font it uses; and it is already installed for the browser
tests, so printing adds no system library (WeasyPrint needs Pango and its GObject stack,
and supports a subset of CSS of its own). One browser prints every PDF of a build, page
after page, which costs well under a second per document once started.

Chromium cannot fill a table of contents' page numbers itself (it has no ``target-counter``),
so a document is printed twice: the first printing's named destinations (one per link target,
which every contents entry is) say on which page each entry's section starts, read with
pypdf; the numbers are written in and the document is printed again. The placeholders are
as wide as a three-digit number, so the second printing breaks pages where the first did;
it is checked, and printed a third time in the rare case it did not.

The PDF is tagged (its structure readable by screen readers) and carries bookmarks made from
the headings. Before printing, the document is laid out at the paper's printable width with
print styles, and every element wider than that width is reported: nothing may be cut at a
page edge.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from courseware.errors import BuildError
from courseware.site.print.document import PrintDocument
from courseware.site.print.front_pages import MARGIN_MM, PAPER_SIZES_MM, Paper

CHROMIUM_PACKAGE = "chromium"
"""The Debian package that provides the browser."""
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
_CSS_PX_PER_MM = 96 / 25.4
T = TypeVar("T")
_MAX_PRINTINGS = 3


@dataclass(frozen=True)
class PrintedPdf:
    """A printed document: its bytes, pages, contents' page numbers and any overflow."""

    data: bytes
    pages: int
    page_numbers: Mapping[str, int]
    """The page (from 1) each contents entry's section starts on, by anchor."""
    overflows: tuple[str, ...]
    """Elements wider than the printable width (``tag.class: width px``); empty when none."""


def chromium_path() -> Path:
    """Where Chromium is: ``COURSEWARE_CHROMIUM``, else ``chromium`` on the PATH.

    Raises:
        BuildError: one line naming the Debian package, when it is not installed.
    """
    given = os.environ.get("COURSEWARE_CHROMIUM")
    found = given if given else shutil.which("chromium")
    if not found or not Path(found).is_file():
        raise BuildError(
            "printing needs Chromium, which is not installed: "
            f"apt-get install {CHROMIUM_PACKAGE} (or set COURSEWARE_CHROMIUM to its path)"
        )
    return Path(found)


def in_own_thread(work: Callable[[], T]) -> T:
    """Run ``work`` in a thread of its own and return its result (or raise its error).

    Playwright's sync API refuses to start in a thread where an asyncio loop is running (a
    Jupyter kernel, or another Playwright user such as a test session's browser), and a
    browser it started may only be used from its thread: printing gets a thread of its own.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="courseware-print") as pool:
        return pool.submit(work).result()


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """A headless Chromium for printing, closed on exit.

    Raises:
        BuildError: Chromium or Playwright is missing or will not start (one line).
    """
    executable = chromium_path()
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BuildError(
            "printing needs the Python package playwright: pip install -e . (it is a "
            "dependency of courseware)"
        ) from None
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=str(executable), args=list(CHROMIUM_ARGS)
            )
        except Error as error:
            first = str(error).strip().splitlines()[0] if str(error).strip() else "no reason"
            raise BuildError(f"{executable} would not start for printing: {first}") from None
        try:
            yield browser
        finally:
            browser.close()


_OVERFLOW_SCRIPT = """(width) => {
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      const parent = element.parentElement && element.parentElement.getBoundingClientRect();
      if (parent && (parent.left < -0.5 || parent.right > width + 0.5)) continue;
      const name = `${element.tagName.toLowerCase()}.${element.className}`;
      found.push(`${name}: ${Math.round(box.width)} px`);
    }
  }
  return found;
}"""


def find_overflows(page: Any, paper: Paper) -> tuple[str, ...]:
    """The outermost elements wider than ``paper``'s printable width, laid out with print
    styles in a viewport of exactly that width."""
    width_mm = PAPER_SIZES_MM[paper][0] - 2 * MARGIN_MM
    width = int(width_mm * _CSS_PX_PER_MM)
    page.set_viewport_size({"width": width, "height": 1000})
    page.emulate_media(media="print")
    return tuple(page.evaluate(_OVERFLOW_SCRIPT, width))


def _destination_pages(data: bytes) -> dict[str, int]:
    """The page (from 1) of every named destination of a PDF."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number is not None and number >= 0:
            pages[str(name).removeprefix("/")] = number + 1
    return pages


def _page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


_FILL_SCRIPT = """(numbers) => {
  for (const slot of document.querySelectorAll('[data-page-of]')) {
    const number = numbers[slot.dataset.pageOf];
    if (number !== undefined) slot.textContent = String(number);
  }
}"""


_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


def stamp_dates(data: bytes, day: dt.date) -> bytes:
    """The PDF with its creation and modification dates set to midnight of ``day``.

    Chromium writes the moment of printing; with the day instead, the same document printed
    twice on a day (or with ``SOURCE_DATE_EPOCH``) is the same file, byte for byte, as
    partial builds merged from several machines must be. The digits keep their length, so
    the cross-reference offsets stay right.
    """
    digits = day.strftime("%Y%m%d000000").encode("ascii")
    return _PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + digits, data)


def print_pdf(
    browser: Any, document: PrintDocument, paper: Paper, day: dt.date | None = None
) -> PrintedPdf:
    """Print ``document`` on ``paper``, its contents' page numbers filled in.

    Args:
        day: the date the PDF's metadata gives (``stamp_dates``); default Chromium's own.

    Raises:
        BuildError: when the contents' pages would not settle (never seen: a safeguard).
    """
    context = browser.new_context(java_script_enabled=True, offline=True)
    try:
        page = context.new_page()
        page.set_content(document.html, wait_until="load")
        overflows = find_overflows(page, paper)
        numbers: dict[str, int] = {}
        for _ in range(_MAX_PRINTINGS):
            data = page.pdf(
                prefer_css_page_size=True, print_background=True, tagged=True, outline=True
            )
            found = _destination_pages(data)
            wanted = {anchor: found.get(anchor, 0) for anchor in document.anchors}
            if wanted == numbers:
                data = stamp_dates(data, day) if day is not None else data
                return PrintedPdf(data, _page_count(data), numbers, overflows)
            numbers = wanted
            page.evaluate(_FILL_SCRIPT, json.loads(json.dumps(numbers)))
        raise BuildError(
            f"the contents' page numbers did not settle after {_MAX_PRINTINGS} printings"
        )
    finally:
        context.close()
