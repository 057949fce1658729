"""Honest fallbacks: a page not yet translated is shown in the source language, marked as
such, under a notice in the reader's language that invites a translation.

mkdocs-static-i18n's own fallback serves the English text with ``lang`` set to the reader's
language (a WCAG 3.1.1 failure) and says nothing; staging an explicit fallback page per
missing translation avoids both.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from babel import UnknownLocaleError

from courseware.i18n.formatting import language_name, locale_of
from courseware.site.render.html import escape

Translate = Callable[[str], str]

FOOTNOTES_PLACE = "///Footnotes Go Here///"
"""Python-Markdown's footnotes ``PLACE_MARKER``: the footnotes render where it stands, so a
wrapped text's source footnotes stay inside the element that declares their language."""
_FOOTNOTE_TEXT = re.compile(r"^\[\^[^\]]+\]:", re.MULTILINE)


def fallback_notice(source_language: str, reader_language: str, gettext: Translate) -> str:
    """The notice above a page shown in the source language."""
    text = gettext(
        "This page is not translated into {language} yet; it is shown in {source}. "
        "You can help translate it: see the translation status page."
    ).format(
        language=language_name(reader_language, reader_language),
        source=language_name(source_language, reader_language),
    )
    return f'<p class="cw-notice cw-fallback" role="note">{escape(text)}</p>'


def stale_notice(gettext: Translate) -> str:
    """The notice above a translation whose source changed after it was translated."""
    text = gettext(
        "The original of this page has changed since it was translated; "
        "this translation may be out of date."
    )
    return f'<p class="cw-notice cw-stale" role="note">{escape(text)}</p>'


def partly_translated_notice(
    percent: int, source_language: str, reader_language: str, gettext: Translate
) -> str:
    """The notice above a page assembled from a catalog that is not complete: how much is
    translated, and that the rest is shown in the source language."""
    text = gettext(
        "This page is partly translated into {language} ({percent} %); the rest is shown in "
        "{source}. You can help translate it: see the translation status page."
    ).format(
        language=language_name(reader_language, reader_language),
        percent=percent,
        source=language_name(source_language, reader_language),
    )
    return f'<p class="cw-notice cw-partial" role="note">{escape(text)}</p>'


def text_direction(language: str) -> str:
    """``rtl`` or ``ltr``: the writing direction of ``language``, from CLDR's character order.

    For markup inside a page of another language, where the registry's language list is not at
    hand; an unknown code is taken as left-to-right.
    """
    try:
        order = locale_of(language).character_order
    except (ValueError, UnknownLocaleError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def wrap_in_language(markdown_body: str, language: str, reader_language: str) -> str:
    """Wrap Markdown so it renders inside an element that declares its language.

    The element also declares its direction when it differs from the page's (English text in
    an Arabic page), so that it reads left to right, punctuation and all.
    """
    direction = text_direction(language)
    turned = text_direction(reader_language) != direction
    attributes = f' lang="{escape(language)}"' + (f' dir="{direction}"' if turned else "")
    body = markdown_body.strip()
    if _FOOTNOTE_TEXT.search(body):
        body += f"\n\n{FOOTNOTES_PLACE}"
    return f'<div{attributes} markdown="1">\n\n{body}\n\n</div>\n'
