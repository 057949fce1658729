"""Registry text on a page of another language: shown in the reader's language where it is
translated, and otherwise shown in the language it has, marked as such (WCAG 3.1.2).

A localized registry field (a module's title, a track's note) may lack the reader's language;
``text_in`` then falls back to the source language. The fallback text is wrapped in a
``<span lang>`` so that screen readers switch voice, with ``dir`` when its direction differs
from the page's (English in an Arabic page), so that its punctuation stays put.
"""

from __future__ import annotations

from courseware.site.render.html import escape
from courseware.site.render.notices import text_direction
from courseware.textfields import text_in, text_language


def language_marks(text_lang: str, reader_language: str) -> dict[str, str]:
    """The attributes that mark text in ``text_lang`` on a page in ``reader_language``:
    ``lang``, and ``dir`` when the directions differ; none when both are the same language.

    Also the page metadata the templates read to mark a title or headings
    (``courseware.title_language``, ``courseware.text_language``).
    """
    if text_lang == reader_language:
        return {}
    direction = text_direction(text_lang)
    turned = text_direction(reader_language) != direction
    return {"lang": text_lang, **({"dir": direction} if turned else {})}


def language_attributes(text_lang: str, reader_language: str) -> str:
    """`` lang="en"`` (and `` dir="ltr"`` on a right-to-left page) for text in ``text_lang``
    on a page in ``reader_language``; empty when both are the same language."""
    marks = language_marks(text_lang, reader_language)
    return "".join(f' {name}="{escape(value)}"' for name, value in marks.items())


def heading_attributes(text_lang: str, reader_language: str) -> str:
    """The attr_list suffix that marks a Markdown heading, `` {: lang="en" }``, or empty."""
    marks = language_attributes(text_lang, reader_language)
    return f" {{:{marks} }}" if marks else ""


def in_language(html: str, text_lang: str, reader_language: str) -> str:
    """Already-escaped ``html`` in ``text_lang``, wrapped in a span declaring it when that is
    not the page's language."""
    marks = language_attributes(text_lang, reader_language)
    return f"<span{marks}>{html}</span>" if marks else html


def localized(text: str | dict[str, str], language: str, source: str) -> str:
    """Escaped ``text`` for a page in ``language``, marked with its own language when it falls
    back to another (``source``, or whichever the field has)."""
    shown = escape(text_in(text, language, source))
    return in_language(shown, text_language(text, language, source), language)
