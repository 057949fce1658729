"""The printed track's own pages and margins: the cover, the table of contents, and the
page rules that put the running heads and page numbers in the margins.

Running heads come from named pages (CSS ``page:``): each chapter gets its own, whose top
margin box holds the track's and the chapter's titles, since Chromium has no ``string-set``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from courseware.i18n.catalogs import translator
from courseware.i18n.formatting import language_name
from courseware.registry.licenses import LICENSES
from courseware.registry.load import Registry
from courseware.registry.tracks import Track, track_attributions, track_license
from courseware.site.print.pages import PrintedPage
from courseware.site.render import escape
from courseware.textfields import text_in

Edition = Literal["student", "teacher"]
EDITIONS: tuple[Edition, Edition] = ("student", "teacher")
Paper = Literal["a4", "letter"]
PAPER_SIZES_MM: dict[Paper, tuple[float, float]] = {"a4": (210, 297), "letter": (215.9, 279.4)}
"""Width and height: ISO 216 A4, and US Letter (8.5 × 11 in)."""
MARGIN_MM = 18
"""Every page margin; the running head and the page number sit in the top and bottom ones."""
FONTS = '"Noto Sans", "Noto Sans Arabic", "DejaVu Sans", sans-serif'
"""The body's fonts (as in print.css): fonts-noto-core, embedded in every PDF."""
FONTS_RTL = '"Noto Naskh Arabic", "Noto Sans Arabic", "Noto Sans", sans-serif'
TOC_PLACEHOLDER = "000"
"""Stands for a page number until the first printing tells it (as wide as the widest)."""

DATE_SLOT = "{{courseware-print-date}}"
"""Where the cover's date goes: the document is cached without it (``dated_html``), so a
document printed yesterday is not printed again today."""


@dataclass(frozen=True)
class Chapter:
    """A top-level part of the document: its pages, and its title in the running head."""

    anchor: str
    title: str
    pages: tuple[PrintedPage, ...]


def edition_label(edition: Edition, gettext: Callable[[str], str]) -> str:
    """``Student edition`` or ``Teacher's edition`` in the reader's language."""
    return gettext("Teacher's edition") if edition == "teacher" else gettext("Student edition")


def css_string(text: str) -> str:
    """A CSS string literal (for ``content:``) holding ``text`` exactly.

    Every character but printable ASCII (and ``"\\<>&``, so a title cannot close the style
    element) is a hex escape ended by one space, which the escape consumes (CSS Syntax Level
    3, 4.3.7), so a space in the text after it is kept.
    """
    escaped = "".join(
        ch if " " <= ch <= "~" and ch not in '"\\<>&' else f"\\{ord(ch):x} " for ch in text
    )
    return f'"{escaped}"'


def page_rules(chapters: tuple[Chapter, ...], title: str, paper: Paper, direction: str) -> str:
    width, height = PAPER_SIZES_MM[paper]
    start, end = ("top-right", "top-left") if direction == "rtl" else ("top-left", "top-right")
    family = FONTS_RTL if direction == "rtl" else FONTS
    box = f"font-size: 8pt; color: #333; font-family: {family};"
    rules = [
        f"@page {{ size: {width}mm {height}mm; margin: {MARGIN_MM}mm;"
        f" @{start} {{ content: {css_string(title)}; {box} }}"
        f' @bottom-center {{ content: counter(page) " / " counter(pages); {box} }} }}',
        "@page cw-cover { @top-left { content: none } @top-right { content: none }"
        " @bottom-center { content: none } }",
        ".cw-cover { page: cw-cover; }",
    ]
    for number, chapter in enumerate(chapters):
        name = f"cw-chapter-{number}"
        rules.append(f"@page {name} {{ @{end} {{ content: {css_string(chapter.title)}; {box} }} }}")
        rules.append(f"#{chapter.anchor} {{ page: {name}; }}")
    return "\n".join(rules)


def cover_page(track: Track, registry: Registry, language: str, edition: Edition) -> str:
    gettext = translator(language)
    source = registry.source_language.code
    modules = registry.modules_by_id
    combined = track_license(track, modules)
    licence = LICENSES[combined.spdx] if combined.spdx else None
    facts = [
        (gettext("Language"), language_name(language, language)),
        (gettext("Licence"), f"{licence.name} ({licence.url})" if licence else "—"),
        (gettext("Date"), DATE_SLOT),
    ]
    credits = []
    for credit in track_attributions(track, modules):
        credits.append(
            "<li>"
            + escape(
                gettext("“{title}” by {authors}, {licence}").format(
                    title=text_in(credit.module.spec.title, language, source),
                    authors=", ".join(credit.authors),
                    licence=LICENSES[credit.license].name,
                )
            )
            + "</li>"
        )
    summary = text_in(track.spec.summary, language, source) if track.spec.summary else ""
    return (
        '<section class="cw-cover">'
        f"<h1>{escape(text_in(track.spec.title, language, source))}</h1>"
        f'<p class="cw-edition">{escape(edition_label(edition, gettext))}</p>'
        + (f"<p>{escape(summary)}</p>" if summary else "")
        + "<dl>"
        + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts)
        + "</dl>"
        + f'<div class="cw-credits"><h2>{escape(gettext("Licence and attributions"))}</h2>'
        + f"<p>{escape(gettext('When you use or share this track, credit:'))}</p>"
        + f"<ul>{''.join(credits)}</ul></div></section>"
    )


def contents_page(chapters: tuple[Chapter, ...], gettext: Callable[[str], str]) -> str:
    def line(anchor: str, title: str) -> str:
        return (
            f'<span class="cw-toc-line"><a href="#{anchor}">{escape(title)}</a>'
            f'<span class="cw-toc-dots"></span>'
            f'<span class="cw-toc-page" data-page-of="{anchor}">{TOC_PLACEHOLDER}</span></span>'
        )

    items = []
    for chapter in chapters:
        inner = "".join(f"<li>{line(p.anchor, p.title)}</li>" for p in chapter.pages[1:])
        items.append(
            f'<li class="cw-toc-chapter">{line(chapter.anchor, chapter.title)}'
            + (f"<ol>{inner}</ol>" if inner else "")
            + "</li>"
        )
    heading = escape(gettext("Contents"))
    return f'<nav class="cw-toc"><h1>{heading}</h1><ol>{"".join(items)}</ol></nav>'
